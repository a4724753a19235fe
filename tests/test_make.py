"""The Makefile on a copy of the project: it knows every input, and "add a page" works.

A stale output is a silent wrong answer: change a default setting or the id hashing and a
`make all` that does nothing leaves a dataset the code no longer produces. So every file a
stage reads (code, data, settings, pins) must make `make -q all` false when touched. The
README's "Add a page" is run as written: drop a benchmark page into raw/, `make all`, and
the new page's claims and points must hold the dataset's end-to-end properties.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import PROJ_ROOT

pytestmark = pytest.mark.slow

VENV = PROJ_ROOT / ".venv"
#: A short w3m rendering of the benchmark (an article with claims), added as a fourth page.
ADDED_PAGE = "7de5241947a5.txt"
#: Inputs the issue names; they are checked with every other stage input below. (`make -q`
#: exits 1 for "stale" and 2 for an error, so the tests ask for 1, not "non-zero".)
NAMED_INPUTS = ("pipeline/config.py", "pipeline/io.py", "pipeline/claims/data/english.toml")
#: Files the stages read besides the package: settings and the pinned versions.
BUILD_INPUTS = ("pyproject.toml", "requirements.lock", "requirements-model.txt")


def project_files() -> list[str]:
    """The files a developer's checkout holds: tracked ones, and new ones not ignored yet.

    Untracked files are included because a tracked module may already import a new one
    that is not committed yet; the copy must run the tree as it is.
    """
    listing = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             cwd=PROJ_ROOT, capture_output=True, check=True).stdout.decode()
    return sorted(name for name in listing.split("\0") if name and (PROJ_ROOT / name).is_file())


def stage_inputs() -> list[str]:
    """Every file of the package a stage reads: modules, word lists, model, templates."""
    return sorted(name for name in project_files()
                  if name.startswith("pipeline/") and not name.endswith("py.typed"))


def make(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run make in the copy on the project's environment, which it must not reinstall."""
    return subprocess.run(["make", f"VENV={VENV}", f"INSTALLED={tree / '.installed'}", *args],
                          cwd=tree, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project (raw/ included) after a full `make all`."""
    if not (VENV / "bin" / "python").is_file():
        pytest.fail(f"no environment at {VENV}: run `make venv` first", pytrace=False)
    copy = tmp_path_factory.mktemp("project")
    for name in project_files():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJ_ROOT / name, copy / name)
    (copy / ".installed").touch()
    result = make(copy, "all")
    assert result.returncode == 0, result.stderr
    return copy


def test_a_built_tree_is_up_to_date(tree: Path) -> None:
    result = make(tree, "-q", "all")
    assert result.returncode == 0, make(tree, "-n", "all").stdout


@pytest.mark.parametrize("name", sorted({*stage_inputs(), *NAMED_INPUTS, *BUILD_INPUTS}))
def test_touching_a_stage_input_makes_all_stale(tree: Path, name: str) -> None:
    path = tree / name
    before = path.stat()
    later = time.time() + 10
    os.utime(path, (later, later))
    try:
        stale = make(tree, "-q", "all")
        assert stale.returncode == 1, f"make does not see {name} as an input: {stale.stderr}"
        assert " -m pipeline " in make(tree, "-n", "all").stdout, f"{name} reinstalls but reruns no stage"
    finally:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert make(tree, "-q", "all").returncode == 0


def test_every_crossref_module_is_an_input() -> None:
    """The issue names a crossref file; the parametrization above must hold them all."""
    crossref = [n for n in stage_inputs() if n.startswith("pipeline/crossref/")]
    assert crossref and set(NAMED_INPUTS) <= set(stage_inputs())


def read_csv(path: Path) -> list[dict[str, str]]:
    """One of the dataset's CSV files (UTF-8 with a byte-order mark)."""
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """A JSON Lines file as a list of records."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def added(tree: Path, bench_dir: Path) -> str:
    """README "Add a page": a benchmark rendering copied into raw/, then `make all`; its source id."""
    shutil.copy(bench_dir / "render" / "w3m" / ADDED_PAGE, tree / "raw" / ADDED_PAGE)
    result = make(tree, "all")
    assert result.returncode == 0, result.stderr
    return Path(ADDED_PAGE).stem


def test_added_page_has_its_outputs(tree: Path, added: str) -> None:
    cleaned = tree / "cleaned"
    assert (cleaned / f"{added}.txt").is_file() and (cleaned / f"{added}.json").is_file()
    (row,) = [r for r in read_csv(cleaned / "sources.csv") if r["source_id"] == added]
    assert row["status"] == "ok", row["message"]
    assert any(c["source_id"] == added for c in read_jsonl(cleaned / "claims.jsonl"))
    assert added in read_csv(cleaned / "matrix.csv")[0]
    assert make(tree, "-q", "all").returncode == 0


def test_every_quote_is_the_clean_text_at_its_offsets(tree: Path, added: str) -> None:
    cleaned = tree / "cleaned"
    claims = read_jsonl(cleaned / "claims.jsonl")
    sources = {c["source_id"] for c in claims}
    texts = {sid: (cleaned / f"{sid}.txt").read_bytes().decode("utf-8") for sid in sources}
    assert added in texts
    for claim in claims:
        text = texts[claim["source_id"]]
        assert text[claim["clean_start"]:claim["clean_end"]] == claim["quote"], claim["claim_id"]


def test_every_point_cites_existing_claims_of_its_sources(tree: Path, added: str) -> None:
    cleaned = tree / "cleaned"
    claims = {c["claim_id"]: c for c in read_jsonl(cleaned / "claims.jsonl")}
    points = read_jsonl(cleaned / "points.jsonl")
    assert points
    for point in points:
        assert point["claim_ids"] and set(point["claim_ids"]) <= claims.keys(), point["point_id"]
        cited = {claims[c]["source_id"] for c in point["claim_ids"]}
        assert cited == {*point["sources"], *point["conflicting_sources"]}, point["point_id"]
