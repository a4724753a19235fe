"""Time and memory of the crossref stage on N synthetic sources built from real claims.

Each synthetic source recombines the real claims of the pages (cleaned/claims.jsonl, or
a fresh extract + segment of raw/ when it is missing): it keeps a random share of them,
rescales some numeric values (so points gain partial and conflicting sources), flips
some polarities, and drops a word from some texts (so wording groups see near-duplicates
rather than copies). The seed is fixed, so every run builds the same inputs.

Prints one JSON object (sorted keys): per N, the claims, the points, the median seconds
of 3 runs of :func:`pipeline.crossref.crossref_claims`, the peak traced memory in MB,
and the growth of time per claim from one N to the next (1.0 = linear).

Usage: python scripts/bench_crossref.py [--sizes 10 100 1000] [--claims cleaned/claims.jsonl]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.config import RAW_DIR, Settings  # noqa: E402
from pipeline.crossref.stage import crossref_claims  # noqa: E402
from pipeline.io import content_id, read_jsonl  # noqa: E402
from pipeline.records import Claim  # noqa: E402

SEED = 20240601
#: Share of the real claims each synthetic source repeats.
KEEP_SHARE = 0.6
#: Chance that a numeric value is rescaled, and the factors used (x1 keeps it).
RESCALE_CHANCE = 0.3
RESCALE_FACTORS = (0.5, 1.5, 2.0, 3.0)
#: Chance that an advice/use/effect polarity is flipped.
FLIP_CHANCE = 0.05
#: Chance that one word is dropped from a claim's text.
DROP_WORD_CHANCE = 0.3
FLIP = {"do": "avoid", "avoid": "do", "affirm": "negate", "negate": "affirm"}
RUNS = 3


def load_claims(path: Path) -> list[Claim]:
    """Real claims: from ``path``, or from running extract + segment on raw/ into a temp dir."""
    if not path.exists():
        from pipeline.claims.stage import run_segment
        from pipeline.extract.stage import run_extract

        out = Path(tempfile.mkdtemp(prefix="bench_crossref_"))
        run_extract(RAW_DIR, out, settings=Settings())
        path = run_segment(out)
    return [c for c in (Claim.from_json(r) for r in read_jsonl(path)) if c.is_claim]


def _format(number: float) -> str:
    return f"{number:g}"


def _rescaled(row: dict[str, Any], factor: float) -> None:
    """Multiply a claim's numbers by ``factor`` and rewrite its value string."""
    low, high = row["value_min"], row["value_max"]
    row["value_min"] = None if low is None else low * factor
    row["value_max"] = None if high is None else high * factor
    qualifier = next((q for q in ("~", ">=", "<=") if row["value"].startswith(q)), "")
    numbers = [n for n in (row["value_min"], row["value_max"]) if n is not None]
    span = "-".join(_format(n) for n in dict.fromkeys(numbers))
    row["value"] = f"{qualifier}{span} {row['unit']}".strip()


def synthetic_source(index: int, real: list[Claim], rng: random.Random) -> tuple[dict[str, Any], list[Claim]]:
    """One synthetic source record and its claims."""
    source_id = f"syn_{index:05d}"
    claims = []
    for base in real:
        if rng.random() > KEEP_SHARE:
            continue
        row = base.to_json()
        if row["value_min"] is not None and rng.random() < RESCALE_CHANCE:
            _rescaled(row, rng.choice(RESCALE_FACTORS))
        if row["polarity"] in FLIP and rng.random() < FLIP_CHANCE:
            row["polarity"] = FLIP[row["polarity"]]
        words = row["text"].split()
        if len(words) > 3 and rng.random() < DROP_WORD_CHANCE:
            del words[rng.randrange(1, len(words))]
            row["text"] = " ".join(words)
        row["source_id"] = source_id
        row["claim_id"] = content_id("clm", source_id, row["text"], row["value"], row["polarity"])
        claims.append(Claim.from_json(row))
    record = {"source_id": source_id, "status": "ok", "file": f"{source_id}.txt",
              "metadata": {"title": f"Synthetic source {index}"}}
    return record, claims


def build_inputs(size: int, real: list[Claim]) -> tuple[list[Claim], list[dict[str, Any]]]:
    """``size`` synthetic sources, the same for every run."""
    rng = random.Random(SEED)
    claims: list[Claim] = []
    sources = []
    for index in range(size):
        record, own = synthetic_source(index, real, rng)
        sources.append(record)
        claims.extend(own)
    return claims, sources


def measure(claims: list[Claim], sources: list[dict[str, Any]]) -> dict[str, Any]:
    """Median seconds over RUNS runs, then one traced run for peak memory."""
    seconds = []
    for _ in range(RUNS):
        start = time.perf_counter()
        points, _ = crossref_claims(claims, sources)
        seconds.append(time.perf_counter() - start)
    tracemalloc.start()
    crossref_claims(claims, sources)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"claims": len(claims), "points": len(points), "seconds": round(statistics.median(seconds), 3),
            "peak_mb": round(peak / 1e6, 1)}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="numbers of sources")
    parser.add_argument("--claims", type=Path, default=ROOT / "cleaned" / "claims.jsonl",
                        help="real claims to recombine (default: cleaned/claims.jsonl)")
    args = parser.parse_args(argv)
    real = load_claims(args.claims)
    rows = []
    for size in args.sizes:
        claims, sources = build_inputs(size, real)
        rows.append({"sources": size, **measure(claims, sources)})
    for before, after in itertools.pairwise(rows):
        per_claim = (after["seconds"] / after["claims"]) / max(before["seconds"] / before["claims"], 1e-9)
        after["time_per_claim_growth"] = round(per_claim, 2)
        after["time_growth"] = round(after["seconds"] / max(before["seconds"], 1e-9), 1)
        after["claims_growth"] = round(after["claims"] / before["claims"], 1)
    print(json.dumps({"real_claims": len(real), "runs": RUNS, "seed": SEED, "sizes": rows},
                     indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
