"""Score cleaned/points.jsonl against a gold file of points (tests/gold/points.json).

Matching rule. A gold point names, for each source that states it (and each source that
contradicts it), a short phrase or a list of alternatives. A system point *covers* a gold
point when, for every one of those sources, the point's evidence holds a claim from that
source whose text or quote contains the phrase as whole words (case-insensitive, any
whitespace between words). For an agreement the evidence must have stance "states"; for
a conflict either side may be the one the system calls "states" (with two sources, which
side is the reference is arbitrary), but the split of sources into the two sides must be
the gold one.

Figures (printed as sorted-key JSON):
- point_recall: gold points made by two or more sources that some system point covers.
- point_recall_status: the same, also requiring the system status to be an accepted one.
- agreement_precision: system agree/partial points for which some gold agreement has at
  least two of the point's stating sources, each with its phrase in the point's evidence,
  and none of the point's sources among the gold point's contradicting sources.
- conflict_recall / conflict_precision: gold conflicts covered by a system conflict point
  with the gold split, over gold conflicts / over system conflict points.

Usage: python scripts/eval_points.py [--points cleaned/points.jsonl] [--gold tests/gold/points.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
AGREEING = ("agree", "partial")


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive pattern for a phrase; any whitespace between words."""
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"\b" + r"\s+".join(words) + r"\b", re.IGNORECASE)


Phrase = str | list[str]
"""A gold phrase, or a list of alternative phrases (any one may match)."""


def has_phrase(point: dict[str, Any], source_id: str, phrase: Phrase, stances: tuple[str, ...]) -> bool:
    """True if the point holds evidence from ``source_id`` with one of ``stances`` containing ``phrase``."""
    patterns = [phrase_pattern(p) for p in ([phrase] if isinstance(phrase, str) else phrase)]
    return any(
        ev["source_id"] == source_id and ev["stance"] in stances
        and any(p.search(ev["text"]) or p.search(ev["quote"]) for p in patterns)
        for ev in point["evidence"]
    )


def resolve(gold: dict[str, Any], side: dict[str, Phrase]) -> dict[str, Phrase]:
    """Map the gold file's source labels to source ids."""
    return {gold["sources"].get(label, label): phrase for label, phrase in side.items()}


def accepted(gold_point: dict[str, Any]) -> tuple[str, ...]:
    """The statuses a gold point accepts."""
    status = gold_point["status"]
    return (status,) if isinstance(status, str) else tuple(status)


def covers(point: dict[str, Any], states: dict[str, Phrase], conflicts: dict[str, Phrase]) -> bool:
    """Grouping half of the matching rule: every gold phrase is in the point's evidence."""
    if not conflicts:
        return all(has_phrase(point, s, p, ("states",)) for s, p in states.items())
    both = ("states", "conflicts")
    return all(has_phrase(point, s, p, both) for s, p in {**states, **conflicts}.items())


def status_right(point: dict[str, Any], gold_point: dict[str, Any], conflicts: dict[str, Phrase],
                 states: dict[str, Phrase]) -> bool:
    """Status half: an accepted status and, for a conflict, the gold split of sources."""
    if point["status"] not in accepted(gold_point):
        return False
    if not conflicts:
        return True
    return frozenset(point["conflicting_sources"]) in {frozenset(states), frozenset(conflicts)}


def supports_agreement(point: dict[str, Any], gold_point: dict[str, Any], gold: dict[str, Any]) -> bool:
    """A system agreement is right if two of its sources state this gold point and none contradicts it."""
    states = resolve(gold, gold_point["states"])
    conflicts = resolve(gold, gold_point["conflicts"])
    if set(point["sources"]) & set(conflicts):
        return False
    hits = [s for s in point["sources"] if s in states and has_phrase(point, s, states[s], ("states",))]
    return len(hits) >= 2


def diagnose(gold_point: dict[str, Any], gold: dict[str, Any], claims: list[dict[str, Any]],
             points: list[dict[str, Any]]) -> dict[str, list[str]]:
    """For a missed gold point: each source's claims holding the phrase, as "frame/object -> point".

    Tells a segmentation miss (phrase only in non-claims or in claims with other frames or
    objects) from a crossref miss (same frame and object, or unframed paraphrases, apart).
    """
    home = {ev["claim_id"]: f"{p['status']}:{p['point_id']}" for p in points for ev in p["evidence"]}
    out: dict[str, list[str]] = {}
    sides = {**gold_point["states"], **gold_point["conflicts"]}
    for label, phrase in sides.items():
        source_id = gold["sources"].get(label, label)
        patterns = [phrase_pattern(p) for p in ([phrase] if isinstance(phrase, str) else phrase)]
        out[label] = [
            f"{'claim' if c['is_claim'] else 'non-claim'} {c['frame'] or '-'}/{c['object']} -> "
            f"{home.get(c['claim_id'], '-')}: {c['text'][:60]}"
            for c in claims
            if c["source_id"] == source_id and any(p.search(c["text"]) for p in patterns)
        ]
    return out


def evaluate(points: list[dict[str, Any]], gold: dict[str, Any],
             claims: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Compute the figures of the module docstring, with the misses named (and diagnosed)."""
    multi, found, found_status, misses = 0, 0, 0, []
    conflict_gold, conflict_found = 0, 0
    true_conflict_points: set[str] = set()
    for g in gold["points"]:
        states, conflicts = resolve(gold, g["states"]), resolve(gold, g["conflicts"])
        matches = [p for p in points if covers(p, states, conflicts)]
        status_ok = [p for p in matches if status_right(p, g, conflicts, states)]
        if len(states) + len(conflicts) >= 2:
            multi += 1
            found += bool(matches)
            found_status += bool(status_ok)
            if not status_ok:
                miss: dict[str, Any] = {"gold": g["id"], "grouped": bool(matches),
                                        "got": sorted({p["status"] for p in matches})}
                if claims is not None:
                    miss["claims"] = diagnose(g, gold, claims, points)
                misses.append(miss)
        if g["status"] == "conflict":
            conflict_gold += 1
            conflict_found += bool(status_ok)
            true_conflict_points.update(p["point_id"] for p in status_ok)
    agreeing = [p for p in points if p["status"] in AGREEING]
    gold_agreeing = [g for g in gold["points"] if "conflict" not in accepted(g)]
    false_agree = [p for p in agreeing if not any(supports_agreement(p, g, gold) for g in gold_agreeing)]
    conflicts_sys = [p for p in points if p["status"] == "conflict"]
    false_conflicts = [p for p in conflicts_sys if p["point_id"] not in true_conflict_points]
    return {
        "gold_multi_source_points": multi,
        "point_recall": round(found / multi, 3) if multi else None,
        "point_recall_status": round(found_status / multi, 3) if multi else None,
        "agreement_points": len(agreeing),
        "agreement_precision": _share_right(false_agree, agreeing),
        "conflict_recall": round(conflict_found / conflict_gold, 3) if conflict_gold else None,
        "conflict_points": len(conflicts_sys),
        "conflict_precision": _share_right(false_conflicts, conflicts_sys),
        "misses": misses,
        "unsupported_agreements": [_brief(p) for p in false_agree],
        "unsupported_conflicts": [_brief(p) for p in false_conflicts],
    }


def _share_right(wrong: list[Any], total: list[Any]) -> float | None:
    """Share of ``total`` not in ``wrong`` (None when there is nothing to judge)."""
    return round(1 - len(wrong) / len(total), 3) if total else None


def _brief(point: dict[str, Any]) -> dict[str, Any]:
    """A short view of a system point for the error lists."""
    return {"point_id": point["point_id"], "frame": point["frame"], "object": point["object"],
            "status": point["status"], "statement": point["statement"][:100],
            "sources": point["sources"], "conflicting_sources": point["conflicting_sources"]}


def main(argv: list[str] | None = None) -> int:
    """Print the figures as JSON; exit 1 if a --min-* floor is not met."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", type=Path, default=ROOT / "cleaned" / "points.jsonl",
                        help="points file of the crossref stage")
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "points.json",
                        help="gold points file")
    parser.add_argument("--claims", type=Path, default=None,
                        help="claims.jsonl of the same run: diagnose each miss")
    parser.add_argument("--min-recall", type=float, default=0.0, help="floor for point_recall_status")
    parser.add_argument("--min-precision", type=float, default=0.0, help="floor for agreement_precision")
    args = parser.parse_args(argv)
    points = [json.loads(line) for line in args.points.read_text(encoding="utf-8").splitlines() if line]
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    claims = None
    if args.claims is not None:
        claims = [json.loads(line) for line in args.claims.read_text(encoding="utf-8").splitlines() if line]
    result = evaluate(points, gold, claims)
    print(json.dumps(result, indent=1, sort_keys=True))
    recall = result["point_recall_status"] or 0.0
    precision = result["agreement_precision"] if result["agreement_precision"] is not None else 1.0
    return 0 if recall >= args.min_recall and precision >= args.min_precision else 1


if __name__ == "__main__":
    sys.exit(main())
