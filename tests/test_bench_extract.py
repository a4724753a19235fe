"""The extraction benchmark script: what it scores and the table it prints."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType
from urllib.parse import urlparse

import pytest
from conftest import required_dir
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


def _small_set(bench_dir: Path, target: Path, count: int, *, name: str = "set",
               distinct_hosts: bool = False) -> Path:
    """A copy of the first ``count`` benchmark pages in every form, with the scorer beside it.

    With ``distinct_hosts`` the pages come from as many hosts, and the manifest is
    copied too, so the text model can be cross-validated on the copy.
    """
    ids = sorted(p.stem for p in (bench_dir / "gold").glob("*.txt"))
    manifest = (bench_dir / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    if distinct_hosts:
        first_of_host: dict[str, str] = {}
        for row in manifest[1:]:
            page_id, _, url = row.split("\t")[:3]
            if url and page_id in ids:
                first_of_host.setdefault(urlparse(url).netloc, page_id)
        ids = sorted(first_of_host.values())
    ids = ids[:count]
    folders = {"gold": ".txt", "html": ".html"}
    folders.update({f"render/{form}": ".txt" for form in ("w3m", "inscriptis", "chromium")})
    for folder, suffix in folders.items():
        (target / name / folder).mkdir(parents=True)
        for page_id in ids:
            shutil.copy(bench_dir / folder / f"{page_id}{suffix}", target / name / folder)
    if distinct_hosts:
        rows = [manifest[0]] + [row for row in manifest[1:] if row.split("\t")[0] in ids]
        (target / name / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    if not (target / "eval_extract.py").exists():
        shutil.copy(bench_dir.parent / "eval_extract.py", target)
    return target / name


def _table(printed: list[str], which: int) -> list[list[str]]:
    """Cells of the ``which``-th Markdown table printed (0: every row, 1: the summary)."""
    tables: list[list[list[str]]] = [[]]
    for line in printed:
        if line.startswith("|"):
            if "---" not in line:
                tables[-1].append([cell.strip() for cell in line.strip("|").split("|")])
        elif tables[-1]:
            tables.append([])
    return tables[which]


def test_prints_both_systems_for_every_form(
    bench_script: ModuleType, bench_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small = _small_set(bench_dir, tmp_path, 4)
    assert bench_script.main(["--bench", str(small), "--repeat", "1"]) == 0
    rows = _table(capsys.readouterr().out.splitlines(), 0)
    assert rows[0][:3] == ["set", "input", "system"]
    ours = ("pipeline", "pipeline (shipped model)", "trafilatura")
    found = [(r[1], r[2]) for r in rows[1:] if r[2] in ours]
    assert [form for form, _ in found] == [form for form in bench_script.FORMS for _ in range(2)]
    assert {r[2] for r in rows[1:]} >= {"justext"}  # installed with trafilatura
    scores = [float(r[3]) for r in rows[1:] if r[2] != "justext"]
    assert all(0.5 < score <= 1.0 for score in scores)


def test_each_set_is_scored_by_the_model_of_the_other(
    bench_script: ModuleType, bench_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    more = required_dir(bench_dir.parent / "extraction-more", "the second extraction DEV set")
    first = _small_set(bench_dir, tmp_path, 6, name="extraction", distinct_hosts=True)
    second = _small_set(more, tmp_path, 6, name="extraction-more", distinct_hosts=True)
    args = ["--bench", str(first), "--bench", str(second), "--forms", "html", "chromium",
            "--repeat", "1", "--no-baselines"]
    assert bench_script.main(args) == 0
    summary = _table(capsys.readouterr().out.splitlines(), 1)
    assert summary[0][:4] == ["set", "input", "trained on other set(s)", "CV by host"]
    assert [(r[0], r[1]) for r in summary[1:]] == [
        (name, form) for name in ("extraction", "extraction-more") for form in ("html", "chromium")]
    for row in summary[1:]:
        held_out, cv, shipped = row[2:5]
        assert 0.3 < float(held_out) <= 1.0
        if row[1] == "html":  # no learned part: the held-out figure is the plain score
            assert cv == "-" and held_out == shipped
        else:
            assert 0.3 < float(cv) <= 1.0


def test_a_lone_dev_set_is_held_out_against_its_sibling(bench_script: ModuleType, tmp_path: Path) -> None:
    for name in ("extraction", "extraction-more", "other"):
        (tmp_path / name / "gold").mkdir(parents=True)
    assert bench_script.dev_siblings([tmp_path / "extraction"]) == [tmp_path / "extraction-more"]
    assert bench_script.dev_siblings([tmp_path / "extraction", tmp_path / "extraction-more"]) == []


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
