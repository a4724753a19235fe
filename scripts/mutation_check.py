"""Mutation check: does the test suite notice deliberate one-line breakages?

A suite can be green and still test nothing that matters. This script clones the
repository's HEAD into a temporary folder (with ``../shared`` beside the clone, as in
CI), runs the tests there once unchanged (the baseline), then applies each mutation in
turn -- one line of the package edited to a plausible bug -- runs the tests again and
reports which tests failed because of it. A mutation that no test notices is printed as
NOT CAUGHT. Tests that already fail on the baseline are never counted as catching.

Every mutation is an exact (file, old text, new text) triple. The old text must occur
exactly once in the file at HEAD; otherwise the script stops with an error before any
test runs, so a refactor cannot silently turn a mutation into a no-op.

By default each mutation runs only the test files of its stage and the stages after it
(about a minute each); ``--full`` runs the whole suite for the baseline and for every
mutation (the slow benchmark, Makefile and signal tests included).

Usage:
    python scripts/mutation_check.py [--full] [--only NAME ...] [--list] [--keep]
                                     [--python PATH] [--shared PATH]

Exit status: 0 when every mutation was caught, 1 when one was not, 2 on a setup error.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: One pytest run may not take longer than this (a mutation can make a loop endless).
RUN_TIMEOUT = 3600

# Test files per stage. A stage's mutation runs its own tests and those of the stages
# that consume its output, plus the end-to-end run; the slow benchmark, Makefile and
# signal tests are left to --full.
EXTRACT_TESTS = ("tests/test_htmlextract.py", "tests/test_textextract.py", "tests/test_textscan.py",
                 "tests/test_properties.py", "tests/test_robust.py", "tests/test_parallel.py",
                 "tests/test_atomic.py")
CLAIMS_TESTS = ("tests/test_claims.py", "tests/test_properties.py")
CROSSREF_TESTS = ("tests/test_crossref.py",)
DATASET_TESTS = ("tests/test_export.py", "tests/test_dataset_load.py", "tests/test_report.py",
                 "tests/test_browser.py")
END_TO_END = ("tests/test_end_to_end.py",)


def _files(*groups: Sequence[str]) -> tuple[str, ...]:
    """Test files of several groups, each once, in order."""
    return tuple(dict.fromkeys(f for group in groups for f in group))


@dataclass(frozen=True)
class Mutation:
    """A one-line breakage: replace ``old`` (exactly one occurrence) by ``new`` in ``file``."""

    name: str
    what: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]


MUTATIONS: tuple[Mutation, ...] = (
    # --- crossref: value comparison ---------------------------------------------------------
    Mutation(
        "compare.range_relation_flipped",
        "relate(): 'lo > ref_hi' flipped to 'lo < ref_hi': overlaps conflict, values above do not",
        "pipeline/crossref/compare.py",
        "    if hi < ref_lo or lo > ref_hi:\n",
        "    if hi < ref_lo or lo < ref_hi:\n",
        _files(CROSSREF_TESTS, DATASET_TESTS, END_TO_END),
    ),
    Mutation(
        "compare.tolerance_sign_flipped",
        "Span.widened(): the hedge tolerance narrows the low side instead of widening it",
        "pipeline/crossref/compare.py",
        "            self.low - abs(self.low - self.zero) * self.tolerance,",
        "            self.low + abs(self.low - self.zero) * self.tolerance,",
        _files(CROSSREF_TESTS, DATASET_TESTS, END_TO_END),
    ),
    # --- offsets ------------------------------------------------------------------------------
    Mutation(
        "records.raw_offset_off_by_one",
        "Block.raw_offset(): a start offset maps one character past its raw position",
        "pipeline/records.py",
        "                return raw_off + max(pos - text_off, 0)\n",
        "                return raw_off + max(pos - text_off, 0) + 1\n",
        _files(EXTRACT_TESTS, CLAIMS_TESTS, CROSSREF_TESTS, DATASET_TESTS, END_TO_END),
    ),
    Mutation(
        "claims.quote_slice_off_by_one",
        "_quote(): a claim's quote takes one character more than its span",
        "pipeline/claims/stage.py",
        "    return raw_start, max(raw_end, raw_start), block.text[start:end]\n",
        "    return raw_start, max(raw_end, raw_start), block.text[start:end + 1]\n",
        _files(CLAIMS_TESTS, CROSSREF_TESTS, DATASET_TESTS, END_TO_END),
    ),
    # --- claims: negation ---------------------------------------------------------------------
    Mutation(
        "frames.negation_dropped",
        "is_negated(): 'not', 'never', 'no X' are never read as negation",
        "pipeline/claims/frames.py",
        "lex.negators):\n            return True\n",
        "lex.negators):\n            return False\n",
        _files(CLAIMS_TESTS, CROSSREF_TESTS, DATASET_TESTS, END_TO_END),
    ),
    Mutation(
        "claims.polarity_always_affirm",
        "make_claim(): every claim with a frame is written with polarity 'affirm'",
        "pipeline/claims/stage.py",
        '        polarity=frame.polarity if frame else "",\n',
        '        polarity="affirm" if frame else "",\n',
        _files(CLAIMS_TESTS, CROSSREF_TESTS, DATASET_TESTS, END_TO_END),
    ),
    # --- crossref: stance labels --------------------------------------------------------------
    Mutation(
        "crossref.evidence_stance_swapped",
        "a conflicting source's evidence is labelled 'states' and the others 'conflicts'",
        "pipeline/crossref/stage.py",
        '_evidence(c, "conflicts" if c.source_id in conflicting else "states", ',
        '_evidence(c, "states" if c.source_id in conflicting else "conflicts", ',
        _files(CROSSREF_TESTS, DATASET_TESTS, END_TO_END),
    ),
    Mutation(
        "crossref.link_stance_swapped",
        "point_sources: a conflicting source's row says 'states' and the others 'conflicts'",
        "pipeline/crossref/stage.py",
        '        stance = "conflicts" if sid in conflicting else "states"\n',
        '        stance = "states" if sid in conflicting else "conflicts"\n',
        _files(CROSSREF_TESTS, DATASET_TESTS, END_TO_END),
    ),
    # --- dataset ------------------------------------------------------------------------------
    Mutation(
        "export.words_removed_from_words_kept",
        "sources.csv: the words_removed column is written from the words_kept field",
        "pipeline/dataset/export.py",
        '        "words_removed": record.get("words_removed", 0),\n',
        '        "words_removed": record.get("words_kept", 0),\n',
        _files(DATASET_TESTS, END_TO_END),
    ),
    Mutation(
        "export.author_from_site",
        "sources.csv: the author column is written from the site field",
        "pipeline/dataset/export.py",
        '        "author": meta.get("author", ""),\n',
        '        "author": meta.get("site", ""),\n',
        _files(DATASET_TESTS, END_TO_END),
    ),
    # --- extract: boilerplate rules -----------------------------------------------------------
    Mutation(
        "text.short_furniture_rule_inverted",
        "text extractor: the furniture-vocabulary rule hits long lines instead of short ones",
        "pipeline/extract/text.py",
        "    short = words <= SHORT_FURNITURE_MAX_WORDS\n",
        "    short = words > SHORT_FURNITURE_MAX_WORDS\n",
        _files(EXTRACT_TESTS, CLAIMS_TESTS, CROSSREF_TESTS, END_TO_END),
    ),
    Mutation(
        "html.boilerplate_line_rule_inverted",
        "HTML extractor: short kept lines are dropped when they do NOT look like furniture",
        "pipeline/extract/html.py",
        "<= max_words and is_boilerplate_line(block.text):\n",
        "<= max_words and not is_boilerplate_line(block.text):\n",
        _files(EXTRACT_TESTS, CLAIMS_TESTS, CROSSREF_TESTS, END_TO_END),
    ),
)


class SetupError(Exception):
    """The check cannot run as asked (a mutation's text is missing, no shared folder...)."""


def run(cmd: Sequence[str], *, cwd: Path | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command, raising SetupError with its output when it fails."""
    result = subprocess.run(list(cmd), cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SetupError(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result


def make_clone(workdir: Path, shared: Path) -> Path:
    """HEAD of the repository cloned to ``workdir/main``, with ``../shared`` and the venv beside it."""
    head = run(["git", "-C", str(ROOT), "rev-parse", "HEAD"]).stdout.strip()
    clone = workdir / "main"
    run(["git", "clone", "-q", "--no-checkout", str(ROOT), str(clone)])
    run(["git", "-C", str(clone), "checkout", "-q", "--detach", head])
    (workdir / "shared").symlink_to(shared, target_is_directory=True)
    venv = ROOT / ".venv"
    if venv.is_dir():  # tests/test_make.py runs make on <project>/.venv; reuse the project's
        (clone / ".venv").symlink_to(venv, target_is_directory=True)
    return clone


def check_mutations(clone: Path, mutations: Sequence[Mutation]) -> None:
    """Fail loudly unless every mutation's old text occurs exactly once (and differs from new)."""
    problems = []
    for m in mutations:
        path = clone / m.file
        if not path.is_file():
            problems.append(f"{m.name}: {m.file} does not exist")
            continue
        count = path.read_text(encoding="utf-8").count(m.old)
        if count != 1:
            problems.append(f"{m.name}: old text occurs {count} times in {m.file} (must be once): {m.old!r}")
        if m.old == m.new:
            problems.append(f"{m.name}: new text equals old text")
        for test in m.tests:
            if not (clone / test).is_file():
                problems.append(f"{m.name}: test file {test} does not exist")
    if problems:
        raise SetupError("mutations do not apply to HEAD:\n  " + "\n  ".join(problems))


def test_env(clone: Path) -> dict[str, str]:
    """Environment of a test run: the clone's package first, no stale bytecode."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(clone), *filter(None, [env.get("PYTHONPATH")])])
    # A mutation may keep a file's size; with bytecode caching a restore in the same second
    # could then reuse the mutant's .pyc. Nothing is cached, so every run compiles the tree.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def check_import(python: str, clone: Path) -> None:
    """The test runs must import the clone's package, not the editable install of the project."""
    out = run([python, "-c", "import pipeline; print(pipeline.__file__)"], cwd=clone, env=test_env(clone))
    where = Path(out.stdout.strip()).resolve()
    if not where.is_relative_to(clone.resolve()):
        raise SetupError(f"tests would import pipeline from {where}, not from the clone {clone}")


def clean_caches(clone: Path) -> None:
    """Drop bytecode and hypothesis examples left by an earlier run."""
    for cache in clone.rglob("__pycache__"):
        if ".venv" not in cache.relative_to(clone).parts:
            shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(clone / ".hypothesis", ignore_errors=True)


@dataclass
class Outcome:
    """Failed tests of one pytest run (short id -> pytest node id), its exit code and duration."""

    failed: dict[str, str]
    total: int
    returncode: int
    seconds: float
    timed_out: bool = False


def node_id(clone: Path, classname: str, name: str) -> str:
    """The pytest node id of a JUnit test case.

    ("tests.test_x.TestC", "t[1]") gives "tests/test_x.py::TestC::t[1]".

    A collection error has no class name and the module's dotted path as its name.
    """
    parts = classname.split(".") if classname else name.split(".")
    rest = [name] if classname else []
    for cut in range(len(parts), 0, -1):
        module = "/".join(parts[:cut]) + ".py"
        if (clone / module).is_file():
            return "::".join([module, *parts[cut:], *rest])
    return ""


def junit_failures(clone: Path, report: Path) -> tuple[dict[str, str], int]:
    """(failed or errored tests as short id -> node id, number of test cases) from a JUnit XML report."""
    failed, total = {}, 0
    for case in ET.parse(report).iter("testcase"):
        total += 1
        if case.find("failure") is not None or case.find("error") is not None:
            classname, name = case.get("classname", ""), case.get("name", "")
            failed[f"{classname.removeprefix('tests.')}::{name}"] = node_id(clone, classname, name)
    return failed, total


def run_tests(python: str, clone: Path, tests: Sequence[str], report: Path) -> Outcome:
    """Run pytest on ``tests`` in the clone and collect the failures."""
    clean_caches(clone)
    report.unlink(missing_ok=True)
    cmd = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}", *tests]
    start = time.monotonic()
    try:
        result = subprocess.run(cmd, cwd=clone, env=test_env(clone), capture_output=True, text=True,
                                timeout=RUN_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return Outcome({"<timeout>": ""}, 0, -1, time.monotonic() - start, timed_out=True)
    seconds = time.monotonic() - start
    # 0 and 1 are verdicts; 2 (collection errors, e.g. a mutation that breaks an import)
    # still writes the report, whose errors count as failures. Anything else is a broken run.
    if result.returncode not in (0, 1, 2) or not report.is_file():
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-15:])
        raise SetupError(f"pytest exited {result.returncode}:\n{tail}")
    failed, total = junit_failures(clone, report)
    if total == 0:
        raise SetupError(f"pytest collected no tests from {' '.join(tests)}")
    return Outcome(failed, total, result.returncode, seconds)


def confirm(python: str, clone: Path, failed: dict[str, str], report: Path) -> tuple[set[str], set[str]]:
    """(confirmed, order-dependent): rerun the mutant's new failures on their own.

    A test that fails in the mutant's run only because of what an earlier test left behind
    (a logging level, a global) passes when rerun alone; it is listed, but it is no catch.
    Failures without a node id (a timeout) are taken as they are.
    """
    ids = {k: v for k, v in failed.items() if v}
    if not ids:
        return set(failed), set()
    rerun = run_tests(python, clone, sorted(set(ids.values())), report)
    again = set(rerun.failed.values()) | set(rerun.failed)
    confirmed = {k for k, v in failed.items() if not v or v in again or rerun.timed_out}
    return confirmed, set(failed) - confirmed


@dataclass
class Result:
    """One mutation's verdict: tests that catch it, and failures that do not reproduce alone."""

    mutation: Mutation
    caught: set[str]
    unconfirmed: set[str]
    outcome: Outcome


def apply(clone: Path, m: Mutation) -> str:
    """Apply a mutation; return the file's original text."""
    path = clone / m.file
    original = path.read_text(encoding="utf-8")
    if original.count(m.old) != 1:
        raise SetupError(f"{m.name}: old text no longer occurs once in {m.file}")
    path.write_text(original.replace(m.old, m.new), encoding="utf-8")
    return original


def restore(clone: Path, m: Mutation, original: str) -> None:
    """Undo a mutation and check the clone is back at HEAD."""
    (clone / m.file).write_text(original, encoding="utf-8")
    status = run(["git", "-C", str(clone), "status", "--porcelain", "--untracked-files=no"]).stdout
    if status.strip():
        raise SetupError(f"clone not clean after restoring {m.name}:\n{status}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="run the whole suite for every mutation")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these mutations")
    parser.add_argument("--list", action="store_true", help="list the mutations and exit")
    parser.add_argument("--keep", action="store_true", help="keep the temporary clone")
    parser.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"),
                        help="interpreter of the test runs (default: the project's .venv)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder to place beside the clone (default: ../shared)")
    return parser.parse_args(argv)


def select(only: Sequence[str] | None) -> list[Mutation]:
    """The mutations to run, in table order."""
    if not only:
        return list(MUTATIONS)
    names = {m.name for m in MUTATIONS}
    unknown = sorted(set(only) - names)
    if unknown:
        raise SetupError(f"unknown mutation(s): {', '.join(unknown)}; known: {', '.join(sorted(names))}")
    return [m for m in MUTATIONS if m.name in only]


def check(args: argparse.Namespace) -> int:
    mutations = select(args.only)
    if args.list:
        for m in mutations:
            print(f"{m.name:40s} {m.file}\n    {m.what}\n    tests: {' '.join(m.tests)}")
        return 0
    shared = args.shared.resolve()
    if not shared.is_dir():
        raise SetupError(f"shared folder not found at {shared} (use --shared)")
    if not Path(args.python).is_file():
        raise SetupError(f"no interpreter at {args.python} (run `make venv` or use --python)")
    workdir = Path(tempfile.mkdtemp(prefix="mutation-check-"))
    try:
        clone = make_clone(workdir, shared)
        check_mutations(clone, mutations)
        check_import(args.python, clone)
        head = run(["git", "-C", str(clone), "rev-parse", "--short", "HEAD"]).stdout.strip()
        report = workdir / "junit.xml"
        selection = ["tests"] if args.full else list(_files(*(m.tests for m in mutations)))
        print(f"HEAD {head}; clone {clone}; {'full suite' if args.full else 'stage test files'}", flush=True)
        baseline = run_tests(args.python, clone, selection, report)
        print(f"baseline: {baseline.total} tests, {len(baseline.failed)} failing, {baseline.seconds:.0f}s",
              flush=True)
        for test in sorted(baseline.failed):
            print(f"  already failing (never counted): {test}")
        rows: list[Result] = []
        for m in mutations:
            original = apply(clone, m)
            try:
                outcome = run_tests(args.python, clone, ["tests"] if args.full else list(m.tests), report)
                new = {k: v for k, v in outcome.failed.items() if k not in baseline.failed}
                caught, unconfirmed = confirm(args.python, clone, new, report)
            finally:
                restore(clone, m, original)
            rows.append(Result(m, caught, unconfirmed, outcome))
            verdict = f"caught by {len(caught)}" if caught else "NOT CAUGHT"
            extra = f", {len(unconfirmed)} order-dependent" if unconfirmed else ""
            print(f"{m.name}: {verdict}{extra} ({outcome.total} tests, {outcome.seconds:.0f}s)", flush=True)
        print_table(rows)
        return 0 if all(r.caught for r in rows) else 1
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def print_table(rows: Sequence[Result]) -> None:
    """The result: one block per mutation with the tests that caught it."""
    print("\n" + "=" * 100)
    print(f"{'mutation':42s} {'file':32s} result")
    print("-" * 100)
    for row in rows:
        m, outcome = row.mutation, row.outcome
        result = f"caught by {len(row.caught)} test(s)" if row.caught else "NOT CAUGHT"
        if outcome.timed_out:
            result += " (run timed out)"
        elif outcome.returncode == 2:
            result += " (pytest reported errors)"
        print(f"{m.name:42s} {m.file:32s} {result}")
        print(f"    {m.what}")
        for test in sorted(row.caught):
            print(f"      {test}")
        for test in sorted(row.unconfirmed):
            print(f"      (order-dependent, passes alone: {test})")
    print("=" * 100)
    missed = [r.mutation.name for r in rows if not r.caught]
    print(f"{len(rows) - len(missed)}/{len(rows)} mutations caught"
          + (f"; NOT CAUGHT: {', '.join(missed)}" if missed else ""))


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return check(parse_args(argv))
    except SetupError as exc:
        print(f"mutation_check: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
