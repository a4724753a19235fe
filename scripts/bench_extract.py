"""Score and time the extract stage on the extraction DEV sets, beside the baselines.

For each set and input form (the HTML pages and each text rendering) this runs the
pipeline's extractor and the reference tools in the same process, one page at a
time, timing only the extractor call, and prints mean F1 / precision / recall (the
benchmark's own scorer, ``eval_extract.py``) and pages per second (median of
``--repeat`` timed passes). It then times the whole process of each (below), and
prints a summary table and whether the issue's bars are met.

The shipped text model is in-sample on the sets it was trained on (its JSON names them under
``trained_on``; the model shipped before that field was trained on ``extraction`` alone). For
the text renderings two held-out figures are printed in the same run (they need
scikit-learn, the ``train`` extra; ``--no-train`` skips them):

- **trained on the other set(s)**: the model ``scripts/train_text_model.py`` would
  ship if trained on the other sets only (leave one set out);
- **CV by host**: 5-fold cross-validation within the set, folds grouped by host.

The HTML path has no learned part, so its held-out figure is its plain score; its
rules were written against ``extraction`` (the first DEV set), so there it is
in-sample too. Baselines: trafilatura, jusText (installed with trafilatura) and
readability-lxml when it is installed; otherwise readability's figure is read from
the set's ``baselines.json`` (same protocol, another run) and marked as such.

Both systems are scored on the article body. The gold has no headline (the
``extraction-more`` gold sometimes does, see its README), and trafilatura's text
output leaves the title to its metadata; the pipeline identifies the title as a
block of its own (the first line of ``cleaned/<id>.txt``), so the body is every kept
block after it. ``--with-title`` scores the clean text as written instead.

Whole-process time: for each set and input form the same pages are copied to a temporary
folder and ``python -m pipeline extract --in DIR --out TMP -j 1`` is timed as a subprocess
against a subprocess running the reference tool over the same pages (trafilatura for HTML,
jusText for the text renderings, called as for the F1 columns; each reads every page and writes
one output file per page). Start-up counts. ``--repeat`` runs of each, alternating which tool
runs first; the medians and their ratio are printed (``--no-process-time`` skips this).

    python scripts/bench_extract.py --bench ../shared/bench/extraction \
        --bench ../shared/bench/extraction-more [--json out.json]

With one ``--bench``, the model of its held-out row is trained on the other DEV sets
found beside it (``--train-bench`` names them explicitly).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from reference_tools import justext_system, trafilatura_system

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


def readability_system(form: str) -> Callable[[str], str] | None:
    """readability-lxml's summary as text via inscriptis, on HTML only (None when not installed)."""
    if form != "html":
        return None
    try:
        import inscriptis
        from readability import Document
    except ImportError:
        return None

    def run(page: str) -> str:
        return str(inscriptis.get_text(Document(page).summary(html_partial=True)))

    return run


def recorded_baseline(bench: Path, system: str) -> dict[str, Any] | None:
    """A baseline's row from the set's ``baselines.json`` (``system`` as ``name[form]``)."""
    path = bench / "baselines.json"
    if not path.is_file():
        return None
    for row in json.loads(path.read_text(encoding="utf-8")).get("results", []):
        if row.get("system") == system:
            return dict(row)
    return None


def timed_pass(system: Callable[[str], str], pages: dict[str, str]) -> tuple[dict[str, str], float]:
    """Run a system over every page; return its outputs and the summed extractor time."""
    outputs: dict[str, str] = {}
    spent = 0.0
    for page_id, page in pages.items():
        start = time.perf_counter()
        outputs[page_id] = system(page)
        spent += time.perf_counter() - start
    return outputs, spent


def scores(outputs: dict[str, str], gold: dict[str, str], scorer: ModuleType) -> dict[str, Any]:
    """Mean F1, P, R and empty outputs of one system's outputs."""
    summary, _ = scorer.evaluate_texts(gold, outputs)
    return {key: summary[key] for key in ("f1", "precision", "recall", "empty")}


def measure(
    system: Callable[[str], str], pages: dict[str, str], gold: dict[str, str], scorer: ModuleType, repeat: int
) -> dict[str, Any]:
    """Score one system and time it (median pages/s over ``repeat`` passes)."""
    rates = []
    outputs: dict[str, str] = {}
    for _ in range(repeat):
        outputs, spent = timed_pass(system, pages)
        rates.append(len(pages) / spent if spent else float("inf"))
    return {**scores(outputs, gold, scorer), "pages_per_second": statistics.median(rates)}


#: The reference tool as a process of its own (:func:`reference_tools.extract_folder`).
REFERENCE_SCRIPT = Path(__file__).resolve().parent / "reference_tools.py"


def reference_tool(form: str) -> str:
    """The tool the whole-process time is compared with: trafilatura on HTML, jusText on text."""
    return "trafilatura" if form == "html" else "justext"


def process_commands(form: str, pages: Path, out: Path) -> dict[str, tuple[list[str], Path]]:
    """The two timed commands, the pipeline first, each reading ``pages`` and writing a folder in ``out``."""
    tool = reference_tool(form)
    ours, theirs = out / "pipeline", out / tool
    return {
        "pipeline": ([sys.executable, "-m", "pipeline", "extract", "--in", str(pages), "--out", str(ours),
                      "-j", "1"], ours),
        tool: ([sys.executable, str(REFERENCE_SCRIPT), tool, form, str(pages), str(theirs)], theirs),
    }


def run_process(command: list[str], out: Path, expected: set[str], suffix: str,
                accepted: tuple[int, ...] = (0,)) -> float:
    """Wall-clock seconds of one command, which must end and write one ``suffix`` file per page.

    ``accepted`` are the exit statuses that count as done: for the pipeline also 1, its partial
    success (a page without article text is named on stderr and recorded in its ``.json``; the
    others are processed).
    """
    out.mkdir(parents=True)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in accepted:
        raise SystemExit(f"{' '.join(command[:4])} ... failed ({done.returncode}):\n{done.stderr[-2000:]}")
    missing = expected - {p.stem for p in out.glob(f"*{suffix}")}
    if missing:
        raise SystemExit(f"{' '.join(command[:4])} ...: no {suffix} file for {len(missing)} of "
                         f"{len(expected)} pages")
    shutil.rmtree(out)
    return seconds


def process_times(source: Path, page_ids: Sequence[str], form: str, runs: int) -> dict[str, Any]:
    """Median whole-process seconds of ``pipeline extract`` and of the reference tool on the same pages.

    The pages are copied into a temporary folder that both read; run ``i`` starts with the
    pipeline when ``i`` is even and with the reference tool when it is odd.
    """
    tool = reference_tool(form)
    expected = set(page_ids)
    with tempfile.TemporaryDirectory(prefix="bench-extract-") as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for path in sorted(source.iterdir()):
            if path.is_file() and path.stem in expected:
                shutil.copyfile(path, pages / path.name)
        seconds: dict[str, list[float]] = {"pipeline": [], tool: []}
        for run in range(runs):
            commands = process_commands(form, pages, Path(tmp) / f"out-{run}")
            order = list(commands) if run % 2 == 0 else list(reversed(commands))
            for name in order:
                # the pipeline writes <id>.json for every page it reads (its .txt only when usable)
                if name == "pipeline":
                    seconds[name].append(run_process(*commands[name], expected, ".json", (0, 1)))
                else:
                    seconds[name].append(run_process(*commands[name], expected, ".txt"))
    pipeline_s, tool_s = statistics.median(seconds["pipeline"]), statistics.median(seconds[tool])
    return {"reference": tool, "pipeline_seconds": pipeline_s, "reference_seconds": tool_s,
            "ratio": pipeline_s / tool_s, "runs": seconds}


def load_trainer() -> ModuleType:
    """``scripts/train_text_model.py`` (needs scikit-learn, the ``train`` extra)."""
    path = Path(__file__).resolve().parent / "train_text_model.py"
    spec = importlib.util.spec_from_file_location("train_text_model", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: not found")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_text_model", module)
    spec.loader.exec_module(module)
    return module


def trainable(bench: Path, folds: int) -> bool:
    """Whether a set can be cross-validated: a manifest naming at least ``folds`` hosts."""
    if not (bench / "manifest.tsv").is_file():
        return False
    trainer = load_trainer()
    return len(set(trainer.page_hosts(bench).values())) >= folds


#: Folder names of the DEV sets; a lone ``--bench`` trains its held-out model on the others.
DEV_SETS = ("extraction", "extraction-more")


def dev_siblings(benches: Sequence[Path]) -> list[Path]:
    """The DEV sets beside the scored ones that are not scored themselves."""
    names = {bench.name for bench in benches}
    parent = benches[0].parent
    return [parent / name for name in DEV_SETS if name not in names and (parent / name / "gold").is_dir()]


def learned_outputs(benches: Sequence[Path], train_only: Sequence[Path],
                    gold: dict[str, dict[str, str]]) -> dict[tuple[str, str, str], dict[str, str]]:
    """Body texts of the held-out text models: (set, rendering, kind) -> page id -> text.

    kind is "loso" (trained on the other sets, when there are any) or "cv" (host-grouped
    5-fold cross-validation within the set, when the set has enough hosts).
    """
    trainer = load_trainer()
    cv_sets = [bench for bench in benches if trainable(bench, trainer.FOLDS)]
    everything = list(benches) + list(train_only)
    pages = trainer.load_sets(everything if len(everything) > 1 else cv_sets)
    out: dict[tuple[str, str, str], dict[str, str]] = {}

    def collect(kind: str, index: list[int], probs: Sequence[Any]) -> None:
        for i, prob in zip(index, probs, strict=True):
            page = pages[i]
            if page.page_id in gold[page.dataset]:
                key = (page.dataset, page.rendering, kind)
                out.setdefault(key, {})[page.page_id] = trainer.page_output(page, prob)

    if len(everything) > 1:
        targets = {bench.name for bench in benches}
        probs = trainer.leave_one_set_out(pages, targets)
        index = [i for i, p in enumerate(pages) if p.dataset in targets]
        collect("loso", index, [probs[i] for i in index])
    cv_names = {bench.name for bench in cv_sets}
    index = [i for i, p in enumerate(pages) if p.dataset in cv_names]
    if index:
        collect("cv", index, trainer.cross_validate_sets([pages[i] for i in index]))
    return out


SYSTEM_LABELS = {"loso": "pipeline, model trained on other set(s)", "cv": "pipeline, model CV by host"}


def print_table(rows: list[dict[str, Any]]) -> None:
    """Print every measured row as a Markdown table."""
    print("| set | input | system | F1 (mean) | P (mean) | R (mean) | empty | pages/s "
          "| speed vs trafilatura |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        rate = row.get("pages_per_second")
        print(
            f"| {row['set']} | {row['form']} | {row['system']} | {row['f1']:.3f} | {row['precision']:.3f} | "
            f"{row['recall']:.3f} | {row['empty']} | {'-' if rate is None else f'{rate:.1f}'} | "
            f"{row.get('ratio', '-')} |"
        )


SUMMARY_COLUMNS = (("trained on other set(s)", "loso"), ("CV by host", "cv"),
                   ("shipped model", "pipeline"), ("trafilatura", "trafilatura"),
                   ("jusText", "justext"), ("readability", "readability"))
TIME_COLUMNS = ("pipeline extract s", "reference tool", "reference s", "time ratio")


def held_out(found: dict[str, dict[str, Any]], key: str, form: str) -> dict[str, Any] | None:
    """The row of one summary column; for HTML (no learned part) the held-out one is the plain score."""
    row = found.get(key)
    if row is None and key == "loso" and form == "html":
        row = found.get("pipeline")
    return row


def summary_table(rows: list[dict[str, Any]]) -> list[str]:
    """One line per set and input: the pipeline's held-out F1 beside the baselines' F1 and the times.

    For HTML the held-out column is the pipeline's own score (no learned part). A
    readability figure read from ``baselines.json`` instead of measured is marked "(r)";
    readability runs on HTML only ("n/a" on the renderings). The time columns are the
    whole-process medians (``process_times``) and their ratio, pipeline over reference.
    """
    lines = ["| set | input | " + " | ".join(name for name, _ in SUMMARY_COLUMNS) + " | "
             + " | ".join(TIME_COLUMNS) + " |",
             "|---|---|" + "---|" * (len(SUMMARY_COLUMNS) + len(TIME_COLUMNS))]
    keys = list(dict.fromkeys((row["set"], row["form"]) for row in rows))
    for set_name, form in keys:
        found = {row["key"]: row for row in rows if (row["set"], row["form"]) == (set_name, form)}
        cells = []
        for _, key in SUMMARY_COLUMNS:
            row = held_out(found, key, form)
            cell = ("n/a" if key == "readability" and form != "html" else "-") if row is None \
                else f"{row['f1']:.3f}"
            if row is not None and row.get("recorded"):
                cell += " (r)"
            cells.append(cell)
        timing = found.get("pipeline", {}).get("process")
        cells += ["-"] * len(TIME_COLUMNS) if timing is None else [
            f"{timing['pipeline_seconds']:.2f}", timing["reference"], f"{timing['reference_seconds']:.2f}",
            f"{timing['ratio']:.2f}x"]
        lines.append(f"| {set_name} | {form} | " + " | ".join(cells) + " |")
    return lines


#: The issue's bars: HTML F1 above trafilatura's by this much, each rendering's held-out F1 at
#: least this, and whole-process time at most this share of the reference tool's.
HTML_MARGIN = 0.01
TEXT_F1 = 0.90
HTML_TIME_RATIO = 1.1
TEXT_TIME_RATIO = 0.9


def target_lines(rows: list[dict[str, Any]]) -> list[str]:
    """Whether each set and input meets the bars, one line each (held-out F1: both columns)."""
    lines = []
    keys = list(dict.fromkeys((row["set"], row["form"]) for row in rows))
    for set_name, form in keys:
        found = {row["key"]: row for row in rows if (row["set"], row["form"]) == (set_name, form)}
        checks = []
        if form == "html":
            ours, theirs = found["pipeline"]["f1"], found["trafilatura"]["f1"]
            checks.append(f"F1 {ours:.3f} - trafilatura {theirs:.3f} = {ours - theirs:+.3f} "
                          f"(>= {HTML_MARGIN:+.2f}: {'met' if ours - theirs >= HTML_MARGIN else 'NOT met'})")
        else:
            for key in ("loso", "cv"):
                if key in found:
                    f1 = found[key]["f1"]
                    checks.append(f"{SYSTEM_LABELS[key].split(', ')[1]} F1 {f1:.3f} "
                                  f"(>= {TEXT_F1:.2f}: {'met' if f1 >= TEXT_F1 else 'NOT met'})")
        timing = found["pipeline"].get("process")
        if timing is not None:
            bar = HTML_TIME_RATIO if form == "html" else TEXT_TIME_RATIO
            checks.append(f"time {timing['ratio']:.2f}x {timing['reference']} "
                          f"(<= {bar}x: {'met' if timing['ratio'] <= bar else 'NOT met'})")
        lines.append(f"- {set_name} {form}: " + "; ".join(checks))
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bench", type=Path, action="append", default=None,
                        help="benchmark set folder (html/, render/*/, gold/); repeat for several sets "
                             "(default: both DEV sets in ../shared/bench)")
    parser.add_argument("--train-bench", type=Path, action="append", default=None,
                        help="a set used only to train the held-out model (default with one --bench: "
                             "the other DEV sets beside it)")
    parser.add_argument("--forms", nargs="+", default=list(FORMS), choices=FORMS, help="input forms to run")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per system (median is reported)")
    parser.add_argument("--with-title", action="store_true",
                        help="score the clean text with its title line instead of the body")
    parser.add_argument("--no-train", action="store_true",
                        help="skip the held-out rows of the text model (no scikit-learn needed)")
    parser.add_argument("--no-baselines", action="store_true", help="run trafilatura only")
    parser.add_argument("--no-process-time", action="store_true",
                        help="skip the whole-process timing of pipeline extract against the reference tool")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    benches: list[Path] = args.bench or [Path("../shared/bench") / name for name in DEV_SETS]
    train_only: list[Path] = args.train_bench if args.train_bench is not None else (
        dev_siblings(benches) if len(benches) == 1 else [])

    golds = {bench.name: read_pages(bench / "gold") for bench in benches}
    text_forms = [form for form in args.forms if form != "html"]
    learned = {} if args.no_train or not text_forms else learned_outputs(benches, train_only, golds)
    rows: list[dict[str, Any]] = []
    for bench in benches:
        scorer = load_scorer(bench)
        gold = golds[bench.name]
        for form in args.forms:
            pages = {k: v for k, v in read_pages(input_dir(bench, form)).items() if k in gold}
            found: list[dict[str, Any]] = []
            ours = measure(pipeline_system(form, with_title=args.with_title), pages, gold, scorer,
                           args.repeat)
            if not args.no_process_time:
                ours["process"] = process_times(input_dir(bench, form), list(pages), form, args.repeat)
            found.append({"system": "pipeline (shipped model)" if form != "html" else "pipeline",
                          "key": "pipeline", **ours})
            for kind in ("loso", "cv"):
                if (bench.name, form, kind) in learned:
                    found.append({"system": SYSTEM_LABELS[kind], "key": kind,
                                  **scores(learned[(bench.name, form, kind)], gold, scorer)})
            reference = measure(trafilatura_system(form), pages, gold, scorer, args.repeat)
            found.append({"system": "trafilatura", "key": "trafilatura", **reference, "ratio": "1.00x"})
            found[0]["ratio"] = f"{ours['pages_per_second'] / reference['pages_per_second']:.2f}x"
            for key, make in (() if args.no_baselines else
                              (("justext", justext_system), ("readability", readability_system))):
                system = make(form)
                if system is not None:
                    found.append({"system": key, "key": key,
                                  **measure(system, pages, gold, scorer, args.repeat)})
                    continue
                recorded = recorded_baseline(bench, f"{key}[{form}]")
                if recorded is not None:
                    found.append({"system": f"{key} (baselines.json, not run)", "key": key, "recorded": True,
                                  **{k: recorded[k] for k in ("f1", "precision", "recall", "empty")}})
            for row in found:
                row.update({"set": bench.name, "form": form})
            rows += found
            timing = ours.get("process")
            print(f"{bench.name} {form}: " + ", ".join(f"{r['key']} {r['f1']:.3f}" for r in found)
                  + ("" if timing is None else f"; whole process {timing['pipeline_seconds']:.2f} s against "
                     f"{timing['reference']} {timing['reference_seconds']:.2f} s"), file=sys.stderr)
    print_table(rows)
    print()
    print("\n".join(summary_table(rows)))
    print()
    print("Targets:")
    print("\n".join(target_lines(rows)))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
