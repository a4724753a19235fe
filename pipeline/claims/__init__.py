"""Stage 2, segment: clean blocks -> atomic, typed claims with normalized values.

In: ``cleaned/<source_id>.json`` and the raw pages (for exact quotes). Out:
``cleaned/claims.jsonl``, one row per claim with its kind, frame, what it is about, its
value and its offsets in the raw page and the clean text.
"""
