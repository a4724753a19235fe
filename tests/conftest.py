"""Shared fixtures: project paths and the inputs beside the project in ``../shared``.

Every path into ``../shared`` comes from :func:`shared_dir`, so a machine without it fails
loudly in one place instead of tests skipping in silence: a quality gate that skips is a
gate that does not run, and CI would show green.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import PROJ_ROOT, RAW_DIR

SHARED_DIR = PROJ_ROOT.parent / "shared"
BENCH_DIR = SHARED_DIR / "bench" / "extraction"


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """The project's real source pages."""
    return RAW_DIR


def required_dir(path: Path, what: str) -> Path:
    """``path`` if it is a folder; otherwise fail the test that needs it, naming what is missing."""
    if not path.is_dir():
        pytest.fail(f"{what} not found at {path}; this test needs it (put ../shared beside the project)",
                    pytrace=False)
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ``../shared`` folder beside the project (benchmark, seeds); required, never skipped."""
    return required_dir(SHARED_DIR, "the shared folder")


@pytest.fixture(scope="session")
def bench_dir(shared_dir: Path) -> Path:
    """The extraction benchmark (pages, renderings and gold); tests that need it fail without it."""
    bench = shared_dir / BENCH_DIR.relative_to(SHARED_DIR)
    required_dir(bench / "gold", "the extraction benchmark's gold")
    return bench
