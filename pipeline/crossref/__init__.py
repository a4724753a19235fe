"""Stage 3, crossref: claims of several pages -> points, each agreed, partial, in conflict or single.

In: ``cleaned/claims.jsonl`` and the source records. Out: ``cleaned/points.jsonl`` (one row per
point with its evidence) and ``cleaned/point_sources.jsonl`` (each source's stance on each
point it speaks to).
"""
