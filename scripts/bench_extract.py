"""Score and time the extract stage on an extraction benchmark, beside trafilatura.

For each input form (the HTML pages and each text rendering) this runs the
pipeline's extractor and trafilatura in the same process, one page at a time,
timing only the extractor call, and prints mean F1 / precision / recall (the
benchmark's own scorer, ``eval_extract.py``) and pages per second (median of
``--repeat`` timed passes).

Both systems are scored on the article body. The benchmark's gold has no headline,
and trafilatura's text output leaves the title to its metadata; the pipeline
identifies the title as a block of its own (the first line of ``cleaned/<id>.txt``),
so the body is every kept block after it. ``--with-title`` scores the clean text as
written instead.

    python scripts/bench_extract.py --bench ../shared/bench/extraction [--json out.json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.extract.stage import assemble_clean_text, body_text, run_extractor

FORMS = ("html", "w3m", "inscriptis", "chromium")


def load_scorer(bench: Path) -> ModuleType:
    """Import the benchmark's scorer (``eval_extract.py`` beside the set folder)."""
    path = bench.parent / "eval_extract.py"
    spec = importlib.util.spec_from_file_location("eval_extract", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: scorer not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def input_dir(bench: Path, form: str) -> Path:
    """Folder of the pages in one input form."""
    return bench / "html" if form == "html" else bench / "render" / form


def read_pages(folder: Path) -> dict[str, str]:
    """Page id -> decoded page text, in sorted id order."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()}


def pipeline_system(form: str, *, with_title: bool = False) -> Callable[[str], str]:
    """The pipeline's extractor for one input form, returning the body or the whole clean text."""
    kind = "html" if form == "html" else "text"

    def run(page: str) -> str:
        extraction = run_extractor(page, kind)
        return assemble_clean_text(extraction)[0] if with_title else body_text(extraction)

    return run


def lines_as_html(page: str) -> str:
    """Wrap a rendering as minimal HTML, one <p> per line (the benchmark's baseline protocol)."""
    from html import escape

    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in page.splitlines() if line.strip())
    return f"<html><body>{paragraphs}</body></html>"


def trafilatura_system(form: str) -> Callable[[str], str]:
    """trafilatura as the reference, called as the benchmark's baselines call it."""

    def run(page: str) -> str:
        doc = page if form == "html" else lines_as_html(page)
        return trafilatura.extract(doc, include_comments=False, deduplicate=False) or ""

    return run


def timed_pass(system: Callable[[str], str], pages: dict[str, str]) -> tuple[dict[str, str], float]:
    """Run a system over every page; return its outputs and the summed extractor time."""
    outputs: dict[str, str] = {}
    spent = 0.0
    for page_id, page in pages.items():
        start = time.perf_counter()
        outputs[page_id] = system(page)
        spent += time.perf_counter() - start
    return outputs, spent


def measure(
    system: Callable[[str], str], pages: dict[str, str], gold: dict[str, str], scorer: ModuleType, repeat: int
) -> dict[str, float]:
    """Score one system and time it (median pages/s over ``repeat`` passes)."""
    rates = []
    outputs: dict[str, str] = {}
    for _ in range(repeat):
        outputs, spent = timed_pass(system, pages)
        rates.append(len(pages) / spent if spent else float("inf"))
    summary, _ = scorer.evaluate_texts(gold, outputs)
    return {
        "f1": summary["f1"],
        "precision": summary["precision"],
        "recall": summary["recall"],
        "empty": summary["empty"],
        "pages_per_second": statistics.median(rates),
    }


def print_table(rows: list[dict[str, object]]) -> None:
    """Print the results as a Markdown table."""
    print("| input | system | F1 (mean) | P (mean) | R (mean) | empty | pages/s | speed vs trafilatura |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['form']} | {row['system']} | {row['f1']:.3f} | {row['precision']:.3f} | "
            f"{row['recall']:.3f} | {row['empty']} | {row['pages_per_second']:.1f} | {row['ratio']} |"
        )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bench", type=Path, default=Path("../shared/bench/extraction"),
                        help="benchmark set folder (html/, render/*/, gold/)")
    parser.add_argument("--forms", nargs="+", default=list(FORMS), choices=FORMS, help="input forms to run")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per system (median is reported)")
    parser.add_argument("--with-title", action="store_true",
                        help="score the clean text with its title line instead of the body")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)

    scorer = load_scorer(args.bench)
    gold = read_pages(args.bench / "gold")
    rows: list[dict[str, object]] = []
    for form in args.forms:
        pages = {k: v for k, v in read_pages(input_dir(args.bench, form)).items() if k in gold}
        ours = measure(pipeline_system(form, with_title=args.with_title), pages, gold, scorer, args.repeat)
        reference = measure(trafilatura_system(form), pages, gold, scorer, args.repeat)
        ratio = ours["pages_per_second"] / reference["pages_per_second"]
        rows.append({"form": form, "system": "pipeline", **ours, "ratio": f"{ratio:.2f}x"})
        rows.append({"form": form, "system": "trafilatura", **reference, "ratio": "1.00x"})
        print(f"{form}: pipeline F1 {ours['f1']:.3f}, trafilatura F1 {reference['f1']:.3f}", file=sys.stderr)
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
