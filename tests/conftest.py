"""Shared fixtures: project paths and the benchmark folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import PROJ_ROOT, RAW_DIR

BENCH_DIR = PROJ_ROOT.parent / "shared" / "bench" / "extraction"


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
