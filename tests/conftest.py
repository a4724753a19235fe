"""Shared fixtures: project paths, the benchmark folder, and the golden-file switch."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import PROJ_ROOT, RAW_DIR

BENCH_DIR = PROJ_ROOT.parent / "shared" / "bench" / "extraction"


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden`` rewrites golden files instead of comparing against them."""
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden files on purpose")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden files should be rewritten in this run."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """The project's real source pages."""
    return RAW_DIR


@pytest.fixture(scope="session")
def bench_dir() -> Path:
    """The extraction benchmark beside the project; tests that need it skip without it."""
    if not (BENCH_DIR / "gold").is_dir():
        pytest.skip(f"benchmark not found at {BENCH_DIR}")
    return BENCH_DIR
