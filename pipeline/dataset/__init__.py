"""Stages 4 and 5, export and report: points and claims -> the consolidated dataset and reports.

In: the JSON Lines files of the earlier stages. Out: CSV, JSON Lines, Parquet and
``datapackage.json`` in ``cleaned/``; ``report.html``, ``agreement.png`` and ``summary.md`` in
``reports/``. :func:`load` reads an exported dataset back as typed pandas DataFrames.
"""

# Imported eagerly: the function must shadow its submodule's name on the package.
from pipeline.dataset.load import Tables, load

__all__ = ["Tables", "load"]
