"""The text model's training labels: what is learnt as content, and from which copy."""

from __future__ import annotations

import importlib
from types import ModuleType

import pytest
from script_modules import import_script

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
