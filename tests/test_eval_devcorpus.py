"""The development-corpus benchmark reports what it could not score instead of failing on it.

A maintainer adds a subject in two steps (the recipe and cached pages, then the gold), and a
benchmark run between the two must still score every other subject. The pages here are
written by the test; nothing of the real corpus is needed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from script_modules import import_script

devcorpus = import_script("devcorpus")
eval_devcorpus = import_script("eval_devcorpus")

PAGE = "Change the coolant every 2 years.\n"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus of one subject, one page cached, and no gold yet."""
    recipes = tmp_path / "recipes"
    subject = recipes / "coolant"
    subject.mkdir(parents=True)
    data = PAGE.encode("utf-8")
    page = {"id": "coolant-01", "query": "q", "url": "https://example.org/1",
            "sha256": hashlib.sha256(data).hexdigest(), "chars": len(PAGE)}
    recipe = {"subject": "coolant", "role": "held_out", "pages": [page]}
    (subject / "recipe.json").write_text(json.dumps(recipe))
    monkeypatch.setattr(devcorpus, "RECIPES", recipes)
    monkeypatch.setenv("PIPELINE_DEVCORPUS", str(tmp_path / "cache"))
    devcorpus.add("coolant", "coolant-01", data)
    return recipes


def test_a_subject_without_gold_is_skipped_with_its_reason(corpus: Path, tmp_path: Path) -> None:
    outcome = eval_devcorpus.eval_subject("coolant", None, tmp_path / "work")
    assert isinstance(outcome, str) and outcome.startswith("skipped") and "gold.json" in outcome


def test_a_subject_with_uncached_pages_is_skipped_with_its_reason(corpus: Path, tmp_path: Path) -> None:
    devcorpus.page_path("coolant", "coolant-01").unlink()
    outcome = eval_devcorpus.eval_subject("coolant", None, tmp_path / "work")
    assert isinstance(outcome, str) and outcome.startswith("skipped") and "not cached" in outcome
