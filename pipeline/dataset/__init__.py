"""Stages 4 and 5, export and report: points and claims -> the consolidated dataset and reports.

In: the JSON Lines files of the earlier stages. Out: CSV, JSON Lines, Parquet and
``datapackage.json`` in ``cleaned/``; ``report.html``, ``agreement.png`` and ``summary.md`` in
``reports/``.
"""
