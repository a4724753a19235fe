"""The text model's training labels: what is learnt as content, and from which copy."""

from __future__ import annotations

import importlib
import json
import shutil
from pathlib import Path
from types import ModuleType, SimpleNamespace
from urllib.parse import urlparse

import pytest
from conftest import required_dir
from script_modules import import_script

from pipeline.extract.line_model import model_from_json
from pipeline.extract.text_lines import line_table

PARAGRAPH = "The council approved the new plan after a long debate in the spring"
OTHER = "Members said the work on the bridge would take about two years"


def require_sklearn() -> None:
    """Fail, never skip, without scikit-learn: `make venv` installs the `train` extra for these tests."""
    try:
        importlib.import_module("sklearn")
    except ImportError as exc:
        pytest.fail(f"scikit-learn is not importable ({exc}); run `make venv`", pytrace=False)


def test_training_extra_is_installed() -> None:
    require_sklearn()


@pytest.fixture(scope="module")
def trainer() -> ModuleType:
    """``scripts/train_text_model.py`` imported as a module."""
    require_sklearn()
    return import_script("train_text_model")


def test_second_copy_of_printed_content_is_not_learnt(trainer: ModuleType) -> None:
    lines = line_table("\n\n".join(["Home | News", PARAGRAPH, OTHER, PARAGRAPH]))
    gold = f"{PARAGRAPH}\n{OTHER}\n"
    labels = trainer.label_lines(lines, gold)
    assert labels.tolist() == [0.0, 1.0, 1.0, 1.0]
    assert trainer.label_weights(lines, gold, labels).tolist() == [1.0, 1.0, 1.0, 0.0]


def test_content_the_gold_holds_twice_is_learnt_twice(trainer: ModuleType) -> None:
    lines = line_table("\n\n".join([PARAGRAPH, OTHER, PARAGRAPH]))
    gold = f"{PARAGRAPH}\n{OTHER}\n{PARAGRAPH}\n"
    labels = trainer.label_lines(lines, gold)
    assert trainer.label_weights(lines, gold, labels).tolist() == [1.0, 1.0, 1.0]


def test_pages_without_a_url_are_grouped_by_their_name(trainer: ModuleType, tmp_path: Path) -> None:
    rows = ["id\tsource_id\turl", "a\ta\thttps://www.example.org/x", "b\twebmd-1\t", "c\twebmd-2\t",
            "d\tmercurial\t"]
    (tmp_path / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert trainer.page_hosts(tmp_path) == {"a": "example.org", "b": "webmd", "c": "webmd",
                                           "d": "mercurial"}


def test_leave_one_set_out_needs_two_sets(trainer: ModuleType) -> None:
    with pytest.raises(ValueError, match="two sets"):
        trainer.leave_one_set_out([SimpleNamespace(dataset="extraction")])


def _small_set(bench: Path, target: Path, count: int) -> Path:
    """The first ``count`` pages of distinct hosts of a set: gold, renderings and manifest."""
    manifest = (bench / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    first_of_host: dict[str, str] = {}
    for row in manifest[1:]:
        page_id, _, url = row.split("\t")[:3]
        if url:
            first_of_host.setdefault(urlparse(url).netloc, page_id)
    ids = sorted(first_of_host.values())[:count]
    out = target / bench.name
    for folder in ("gold", "render/w3m", "render/inscriptis", "render/chromium"):
        (out / folder).mkdir(parents=True)
        for page_id in ids:
            shutil.copy(bench / folder / f"{page_id}.txt", out / folder)
    kept = [manifest[0]] + [row for row in manifest[1:] if row.split("\t")[0] in ids]
    (out / "manifest.tsv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return out


def test_each_set_is_scored_by_a_model_of_the_other_and_both_are_shipped(
    trainer: ModuleType, bench_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    more = required_dir(bench_dir.parent / "extraction-more", "the second extraction DEV set")
    sets = [_small_set(bench, tmp_path, 6) for bench in (bench_dir, more)]
    out = tmp_path / "model.json"
    argv = ["--bench", str(sets[0]), "--bench", str(sets[1]), "--scorer",
            str(bench_dir.parent / "eval_extract.py"), "--out", str(out), "--no-cv"]
    assert trainer.main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    for key in ("trained_on_other_sets", "full_fit"):
        assert sorted(report[key]) == ["extraction", "extraction-more"]
        for figures in report[key].values():
            assert sorted(figures) == sorted(trainer.RENDERINGS)
            assert all(0.0 <= f1 <= 1.0 for f1 in figures.values())
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["trained_on"] == ["extraction", "extraction-more"]
    model_from_json(data)  # loads with the current feature lists
