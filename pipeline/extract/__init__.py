"""Stage 1, extract: raw pages -> labelled blocks and clean text.

In: the files of ``raw/`` (HTML pages or text renderings). Out: ``cleaned/<source_id>.json``
(metadata and every block, kept or removed, with the rule that decided it and its raw
offsets) and ``cleaned/<source_id>.txt`` (the clean text). ``html`` and ``text`` are the two
readers; ``line_model`` is the learned line scorer of text renderings; ``*_rules`` hold their
rules as data; ``stage`` reads and writes the files.
"""
