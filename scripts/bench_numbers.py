"""How many claims that contain a number carry a normalized value, on benchmark pages.

    python scripts/bench_numbers.py [--bench DIR ...] [--random N] [--seed S] [--match WORD ...]

Pages come from the ``html/`` folder of each benchmark set: ``--random N`` picks N pages per
set with a seeded generator, ``--match`` adds the pages whose URL (``manifest.tsv``) holds a
word. The pages run through extract and segment. Two readings of "a claim that contains a
number", both printed, per page and in all, with the share of those claims that carry a
value (``value_min`` set):

- **any**: a token of its text is one by spaCy's ``like_num`` (digits or number words,
  ordinals aside). This also counts the pronoun "one" ("no one", "one might say") and
  numbers that name an item rather than measure ("figure 3", "Chrome 42", "status code 400"),
  which the claims stage rightly gives no value;
- **measuring**: a token tagged as a number (``NUM``) or written in digits, that does not
  name the item of the noun before it (a number right after its noun, which the parser hangs
  on it: "section 10", "version 39"), and "one" only before the noun it counts.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from spacy.tokens import Token

from pipeline.claims.lexicon import lexicon

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCHES = [
    ROOT.parent / "shared" / "bench" / "extraction",
    ROOT.parent / "shared" / "bench" / "extraction-more",
]


def pick_pages(bench: Path, *, count: int, seed: int, words: list[str]) -> list[Path]:
    """``count`` seeded random pages of a set, plus those whose URL holds one of ``words``."""
    pages = sorted((bench / "html").glob("*.html"))
    chosen = set(random.Random(seed).sample(pages, min(count, len(pages))))
    manifest = bench / "manifest.tsv"
    if words and manifest.is_file():
        with manifest.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if any(w.lower() in row.get("url", "").lower() for w in words):
                    chosen.add(bench / "html" / f"{row['id']}.html")
    return sorted(p for p in chosen if p.is_file())


Counts = dict[str, dict[str, tuple[int, int]]]
READINGS = ("any", "measuring")


def names_item(token: Token) -> bool:
    """A number after the noun it names an item of: "figure 3", "Chrome 42", "status code 400"."""
    head = token.head
    return head.i < token.i and head.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nummod", "appos")


def is_measuring(token: Token) -> bool:
    """A number that can measure: tagged NUM or written in digits, naming no item, and not
    the pronoun "one" ("some one", "one of them"), which counts only before its noun."""
    if token.lower_ in lexicon().pronoun_one and token.dep_ != "nummod":
        return False
    return (token.pos_ == "NUM" or token.text[:1].isdigit()) and not names_item(token)


def numeric_share(claims_path: Path) -> Counts:
    """Per reading, per source: (claims containing a number, of them with a value)."""
    from pipeline.claims.language import build_nlp
    from pipeline.claims.quantities import is_ordinal

    nlp = build_nlp()
    counts: Counts = {reading: {} for reading in READINGS}
    for line in claims_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if not row["is_claim"]:
            continue
        numbers = [t for t in nlp(row["text"]) if t.like_num and not is_ordinal(t)]
        for reading, found in (("any", numbers), ("measuring", [t for t in numbers if is_measuring(t)])):
            if found:
                total, valued = counts[reading].get(row["source_id"], (0, 0))
                counts[reading][row["source_id"]] = (total + 1, valued + (row["value_min"] is not None))
    return counts


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, nargs="+", default=DEFAULT_BENCHES)
    parser.add_argument("--random", type=int, default=3, help="random pages per set (default 3)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--match", nargs="*", default=[], help="also pages whose URL holds one of these words"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "out"
        raw.mkdir()
        for bench in args.bench:
            for page in pick_pages(bench, count=args.random, seed=args.seed, words=args.match):
                shutil.copy(page, raw / f"{bench.name}-{page.name}")
        for stage in (["extract", "--in", str(raw), "--out", str(out)], ["segment", "--cleaned", str(out)]):
            subprocess.run([sys.executable, "-m", "pipeline", *stage, "-q"], check=False, cwd=ROOT)
        counts = numeric_share(out / "claims.jsonl")
    for reading in READINGS:
        print(f"-- claims with a number ({reading}) that carry a value")
        for source, (total, valued) in sorted(counts[reading].items()):
            print(f"{source:40} {valued:4} of {total:4} ({valued / total:.0%})")
    for reading in READINGS:
        total = sum(t for t, _ in counts[reading].values())
        valued = sum(v for _, v in counts[reading].values())
        print(f"{'all (' + reading + ')':40} {valued:4} of {total:4} ({valued / max(total, 1):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
