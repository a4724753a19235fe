"""A run killed mid-way leaves only complete files, and the next run finishes the job."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import build_copy_corpus, corpus_sources

from pipeline.config import PROJ_ROOT

pytestmark = pytest.mark.slow

#: A few hundred pages: enough that the kill lands mid-run.
CORPUS_PAGES = 200
#: Records on disk before the kill, so the run is well under way.
KILL_AFTER_RECORDS = 30
#: Seconds to wait for a run before the test gives up.
RUN_TIMEOUT = 300


def extract_cmd(raw: Path, out: Path, *extra: str) -> list[str]:
    """``python -m pipeline extract`` on two workers."""
    return [sys.executable, "-m", "pipeline", "extract", "--in", str(raw), "--out", str(out), "-j", "2", "-q",
            *extra]


def run(cmd: list[str]) -> None:
    """Run to completion (the exit status depends on the pages; outputs are checked instead)."""
    subprocess.run(cmd, cwd=PROJ_ROOT, capture_output=True, timeout=RUN_TIMEOUT, check=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes (temp files included), keyed by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def records_on_disk(out: Path) -> int:
    """Finished page records (temp files end in .tmp, so they do not count)."""
    return sum(1 for p in out.glob("*.json"))


def kill_mid_run(raw: Path, out: Path) -> None:
    """Start an extract run and SIGKILL it (with its workers) once it has written some records."""
    proc = subprocess.Popen(extract_cmd(raw, out), cwd=PROJ_ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + RUN_TIMEOUT
    try:
        while not out.exists() or records_on_disk(out) < KILL_AFTER_RECORDS:
            assert proc.poll() is None, "the run finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, bench_dir: Path) -> Path:
    """Copies of the benchmark's text renderings and the project's pages."""
    raw = tmp_path_factory.mktemp("raw")
    build_copy_corpus(raw, corpus_sources(bench_dir), CORPUS_PAGES)
    return raw


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> dict[str, bytes]:
    """The outputs of an uninterrupted run."""
    out = tmp_path_factory.mktemp("reference")
    run(extract_cmd(corpus, out))
    assert records_on_disk(out) == CORPUS_PAGES
    return snapshot(out)


def check_complete(out: Path, reference: dict[str, bytes]) -> None:
    """Every file a killed run finished is whole: the run is deterministic, so it equals the reference's."""
    files = snapshot(out)
    finished = [name for name in files if not name.startswith(".")]
    assert KILL_AFTER_RECORDS <= records_on_disk(out) < CORPUS_PAGES
    assert [name for name in finished if files[name] != reference.get(name)] == []
    for name in finished:
        if name.endswith(".json"):
            record = json.loads(files[name])
            assert record["source_id"] == name.removesuffix(".json")
            txt = name.removesuffix(".json") + ".txt"
            assert (txt in files) == (txt in reference), f"{name} is on disk without its text"


def test_killed_run_leaves_whole_files_and_a_rerun_finishes(
    tmp_path: Path, corpus: Path, reference: dict[str, bytes]
) -> None:
    out = tmp_path / "out"
    kill_mid_run(corpus, out)
    check_complete(out, reference)
    (out / ".p00001_planted.json.abc123.tmp").write_bytes(b'{"truncated": ')
    run(extract_cmd(corpus, out))
    assert list(out.glob(".*.tmp")) == []
    after = snapshot(out)
    assert after.keys() == reference.keys()
    assert [name for name in after if after[name] != reference[name]] == []
