"""The extraction benchmark script: what it scores and the table it prints."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest
from script_modules import import_script

from pipeline.config import PROJ_ROOT
from pipeline.extract.stage import assemble_clean_text, body_text, run_extractor


@pytest.fixture(scope="module")
def bench_script() -> ModuleType:
    """``scripts/bench_extract.py`` imported as a module."""
    return import_script("bench_extract")


@pytest.mark.parametrize("name", sorted(p.name for p in (PROJ_ROOT / "raw").glob("*.txt")))
def test_body_is_the_clean_text_after_its_title_line(name: str) -> None:
    extraction = run_extractor((PROJ_ROOT / "raw" / name).read_text(encoding="utf-8"), "text")
    clean, _ = assemble_clean_text(extraction)
    title, blank, rest = clean.split("\n", 2)
    body = body_text(extraction)
    assert title and blank == "" and title not in body.split("\n")
    assert rest == body + "\n"


def _small_set(bench_dir: Path, target: Path, count: int) -> Path:
    """A copy of the first ``count`` benchmark pages in every form, with the scorer beside it."""
    ids = sorted(p.stem for p in (bench_dir / "gold").glob("*.txt"))[:count]
    folders = {"gold": ".txt", "html": ".html"}
    folders.update({f"render/{form}": ".txt" for form in ("w3m", "inscriptis", "chromium")})
    for folder, suffix in folders.items():
        (target / "set" / folder).mkdir(parents=True)
        for page_id in ids:
            shutil.copy(bench_dir / folder / f"{page_id}{suffix}", target / "set" / folder)
    shutil.copy(bench_dir.parent / "eval_extract.py", target)
    return target / "set"


def test_prints_both_systems_for_every_form(
    bench_script: ModuleType, bench_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small = _small_set(bench_dir, tmp_path, 4)
    assert bench_script.main(["--bench", str(small), "--repeat", "1"]) == 0
    printed = capsys.readouterr().out.splitlines()
    rows = [line.split(" | ") for line in printed if line.startswith("| ") and "---" not in line]
    assert [(r[0].strip("| "), r[1]) for r in rows[1:]] == [
        (form, system) for form in bench_script.FORMS for system in ("pipeline", "trafilatura")
    ]
    scores = [float(r[2]) for r in rows[1:]]
    assert all(0.5 < score <= 1.0 for score in scores)


def test_title_line_lowers_precision_against_title_free_gold(
    bench_script: ModuleType, bench_dir: Path, tmp_path: Path
) -> None:
    small = _small_set(bench_dir, tmp_path, 6)
    scorer = bench_script.load_scorer(small)
    gold = bench_script.read_pages(small / "gold")
    pages = bench_script.read_pages(small / "render" / "chromium")
    def score(with_title: bool) -> dict[str, float]:
        system = bench_script.pipeline_system("chromium", with_title=with_title)
        return dict(bench_script.measure(system, pages, gold, scorer, 1))

    body, whole = score(False), score(True)
    assert whole["precision"] < body["precision"]
    assert whole["recall"] >= body["recall"]
