"""Score claim segmentation and value normalization against tests/gold/claims.json.

Matching rule (also stated in the gold file): a predicted claim matches a gold claim when
the source is the same, the predicted raw span overlaps the span of the gold quote in the
raw page, and frame and object are equal; matching is one-to-one. Only claims with a frame
are scored: they are what the crossref stage joins on.

- claims: precision = matched predictions / predictions with a frame; recall = matched gold / gold.
- values: over claims that carry a value; a hit is a matched pair with the same canonical
  value. precision = hits / predictions with a value; recall = hits / gold with a value.

Object keys are unified across the pages (:func:`pipeline.segment.unify_objects`), as the
segment stage does over a run.

Pages are read from ``--cleaned`` (the extract stage's ``<source_id>.json``, status "ok").
A page without one is segmented from its whole raw rendering, one block per line (no
boilerplate removal), and the output says so.

Usage: python scripts/eval_claims.py [--cleaned cleaned] [--raw raw] [--gold tests/gold/claims.json]
       [--json] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.claims.nlp import build_nlp  # noqa: E402
from pipeline.claims.stage import document_from_text, segment_document, unify_objects  # noqa: E402
from pipeline.claims.topics import TopicSet  # noqa: E402
from pipeline.decode import decode_bytes  # noqa: E402
from pipeline.io import read_json  # noqa: E402
from pipeline.records import Claim  # noqa: E402


@dataclass
class Score:
    """Counts for one page or the total."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    value_predicted: int = 0
    value_gold: int = 0
    value_hits: int = 0

    def add(self, other: Score) -> None:
        """Accumulate another page's counts."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def report(self) -> dict[str, float]:
        """Precision, recall and F1 for claims and values."""
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        def f1(p: float, r: float) -> float:
            return round(2 * p * r / (p + r), 3) if p + r else 0.0

        cp, cr = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        vp, vr = ratio(self.value_hits, self.value_predicted), ratio(self.value_hits, self.value_gold)
        return {"claim_precision": cp, "claim_recall": cr, "claim_f1": f1(cp, cr),
                "value_precision": vp, "value_recall": vr, "value_f1": f1(vp, vr),
                "predicted": self.predicted, "gold": self.gold, "matched": self.matched}


def load_page(source_id: str, *, cleaned: Path, raw_dir: Path) -> tuple[dict[str, Any], str, str]:
    """The page's document, decoded raw text, and where the document came from."""
    raw_path = next(iter(sorted(raw_dir.glob(f"{source_id}.*"))), None)
    if raw_path is None:
        raise SystemExit(f"{source_id}: no raw page in {raw_dir}")
    raw = decode_bytes(raw_path.read_bytes()).text
    json_path = cleaned / f"{source_id}.json"
    if json_path.is_file():
        doc = read_json(json_path)
        if doc.get("status") == "ok":
            return doc, raw, "cleaned"
    return document_from_text(raw, source_id=source_id, file=str(raw_path)), raw, "raw lines (fallback)"


def gold_span(raw: str, quote: str) -> tuple[int, int]:
    """Span of a gold quote in the raw page (first occurrence)."""
    start = raw.find(quote)
    if start < 0:
        raise SystemExit(f"gold quote not in page: {quote!r}")
    return start, start + len(quote)


def match_page(predicted: list[Claim], gold: list[dict[str, Any]], raw: str) -> tuple[Score, list[str]]:
    """One-to-one matching on one page; returns counts and readable misses/false positives."""
    framed = [c for c in predicted if c.frame]
    used: set[int] = set()
    score, notes = Score(predicted=len(framed), gold=len(gold)), []
    score.value_predicted = sum(1 for c in framed if c.value)
    score.value_gold = sum(1 for g in gold if g.get("value"))
    for entry in gold:
        start, end = gold_span(raw, entry["quote"])
        hit = next((i for i, c in enumerate(framed) if i not in used and c.frame == entry["frame"]
                    and c.object == entry["object"] and c.raw_start < end and start < c.raw_end), None)
        if hit is None:
            notes.append(f"  MISS {entry['frame']}:{entry['object']} = {entry.get('value', '')!r}"
                         f"  | {entry['quote']}")
            continue
        used.add(hit)
        score.matched += 1
        if entry.get("value") and framed[hit].value == entry["value"]:
            score.value_hits += 1
        elif entry.get("value") or framed[hit].value:
            notes.append(f"  VALUE {entry['frame']}:{entry['object']} gold {entry.get('value')!r} "
                         f"got {framed[hit].value!r}")
    for i, claim in enumerate(framed):
        if i not in used:
            notes.append(f"  EXTRA {claim.frame}:{claim.object} = {claim.value!r}  | {claim.text[:90]}")
    return score, notes


def main(argv: list[str] | None = None) -> int:
    """Print per-page and total scores; ``--json`` prints the totals as JSON only."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cleaned", type=Path, default=ROOT / "cleaned", help="extract stage output folder")
    parser.add_argument("--raw", type=Path, default=ROOT / "raw", help="raw pages folder")
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "claims.json",
                        help="gold file")
    parser.add_argument("--json", action="store_true", help="print only the total scores as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extra claims")
    args = parser.parse_args(argv)
    gold = read_json(args.gold)["claims"]
    nlp, total = build_nlp(), Score()
    per_page: dict[str, dict[str, Any]] = {}
    pages: dict[str, tuple[list[Claim], str, str]] = {}
    for source_id in sorted({g["source_id"] for g in gold}):
        doc, raw, origin = load_page(source_id, cleaned=args.cleaned, raw_dir=args.raw)
        pages[source_id] = segment_document(doc, nlp=nlp, topics=TopicSet(), raw_text=raw), raw, origin
    # Object keys are unified across pages as the segment stage does over a whole run.
    unify_objects([c for claims, _, _ in pages.values() for c in claims])
    for source_id, (claims, raw, origin) in pages.items():
        score, notes = match_page(claims, [g for g in gold if g["source_id"] == source_id], raw)
        total.add(score)
        per_page[source_id] = {"input": origin, **score.report()}
        if not args.json:
            print(f"{source_id} [{origin}]: {json.dumps(score.report(), sort_keys=True)}")
            if args.verbose:
                print("\n".join(notes))
    result = {"total": total.report(), "pages": per_page}
    shown = result if args.json else result["total"]
    print(json.dumps(shown, sort_keys=True, indent=None if args.json else 1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
