"""The development corpus: recipes in the repository, page text in a git-ignored cache.

Page text from elsewhere is never committed. Each subject folder ``devcorpus/<subject>/``
holds ``recipe.json`` (for every page: the search query, the URL and the sha256 of the
stored text) and ``gold.json`` (the annotation, in the annotators' own words). The text
itself lives in the cache, ``$PIPELINE_DEVCORPUS`` or ``~/.cache/pipeline/devcorpus``,
as ``<subject>/<page id>.txt``.

Rebuilding the cache: run each recipe's query in the stored-pages corpus of the search
tool, take the result at the recipe's URL, and hand its text to ``add``; ``add`` refuses
text whose sha256 differs from the recipe's. ``verify`` lists pages missing or changed.

    python scripts/devcorpus.py add SUBJECT PAGE_ID FILE      # FILE '-' reads stdin
    python scripts/devcorpus.py verify [SUBJECT ...]
    python scripts/devcorpus.py path [SUBJECT]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RECIPES = ROOT / "devcorpus"


def cache_dir() -> Path:
    """Where page texts are kept: ``$PIPELINE_DEVCORPUS`` or the user's cache folder."""
    env = os.environ.get("PIPELINE_DEVCORPUS")
    return Path(env) if env else Path.home() / ".cache" / "pipeline" / "devcorpus"


def subjects() -> list[str]:
    """Subject folders that hold a recipe, sorted."""
    return sorted(p.parent.name for p in RECIPES.glob("*/recipe.json"))


def recipe(subject: str) -> dict[str, Any]:
    """The parsed ``recipe.json`` of one subject."""
    data: dict[str, Any] = json.loads((RECIPES / subject / "recipe.json").read_text("utf-8"))
    return data


def page_path(subject: str, page_id: str) -> Path:
    """The cached text of one page."""
    return cache_dir() / subject / f"{page_id}.txt"


def sha256_text(text: bytes) -> str:
    """Hex sha256 of the stored bytes."""
    return hashlib.sha256(text).hexdigest()


def missing_pages(subject: str) -> list[str]:
    """Page ids of a subject whose cached text is absent or differs from the recipe."""
    bad = []
    for page in recipe(subject)["pages"]:
        path = page_path(subject, page["id"])
        if not path.is_file() or sha256_text(path.read_bytes()) != page["sha256"]:
            bad.append(page["id"])
    return bad


def add(subject: str, page_id: str, data: bytes) -> Path:
    """Store one page's text in the cache after checking it against the recipe."""
    pages = {p["id"]: p for p in recipe(subject)["pages"]}
    if page_id not in pages:
        raise SystemExit(f"devcorpus: {subject}/{page_id}: not in the recipe")
    if sha256_text(data) != pages[page_id]["sha256"]:
        raise SystemExit(f"devcorpus: {subject}/{page_id}: sha256 differs from the recipe")
    path = page_path(subject, page_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_add = sub.add_parser("add", help="store one page's text in the cache")
    p_add.add_argument("subject")
    p_add.add_argument("page_id")
    p_add.add_argument("file", help="the text, or - for standard input")
    p_verify = sub.add_parser("verify", help="list pages missing from the cache or changed")
    p_verify.add_argument("subject", nargs="*")
    p_path = sub.add_parser("path", help="print the cache folder (of one subject)")
    p_path.add_argument("subject", nargs="?", default="")
    args = parser.parse_args(argv)
    if args.command == "add":
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        print(add(args.subject, args.page_id, data))
        return 0
    if args.command == "path":
        print(cache_dir() / args.subject if args.subject else cache_dir())
        return 0
    status = 0
    for subject in args.subject or subjects():
        bad = missing_pages(subject)
        total = len(recipe(subject)["pages"])
        missing = f"; missing: {' '.join(bad)}" if bad else ""
        print(f"{subject}: {total - len(bad)} of {total} pages cached{missing}")
        status = status or (1 if bad else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
