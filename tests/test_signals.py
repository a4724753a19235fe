"""Runs that end on a signal: no process left, no temp file, whole files, and a rerun that finishes.

Each test starts ``python -m pipeline all`` on a few hundred benchmark pages in its
own session and signals it at a seeded random moment of a clean run's duration, so a
failure can be replayed. The benchmark is required: these tests are what shows a run
ends cleanly, so a missing benchmark fails them instead of skipping them.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from conftest import BENCH_DIR
from hostile import build_copy_corpus, corpus_sources

from pipeline.config import PROJ_ROOT
from pipeline.lock import LOCK_NAME
from pipeline.signals import Interrupted, interruptible

pytestmark = pytest.mark.slow

#: Pages in the corpus: renderings and HTML, so the run spends seconds in every stage.
CORPUS_PAGES = 200
#: Seed of the moments at which signals are sent.
SEED = 17
#: Seconds a run's processes may take to end after its main process has ended.
GONE_WITHIN = 5.0
#: Seconds to wait for a run before the test gives up.
RUN_TIMEOUT = 300
INTERRUPTED_LINE = re.compile(r"^interrupted; (\d+) of (\d+) pages done, rerun to finish$")


def run_cmd(raw: Path, out: Path, *extra: str) -> list[str]:
    """``python -m pipeline all`` on two workers."""
    return [sys.executable, "-m", "pipeline", "all", "--raw", str(raw), "--out", str(out), "-j", "2", "-q",
            *extra]


def start(cmd: list[str]) -> subprocess.Popen[str]:
    """Start a run in a session of its own, so its processes can be found by session id."""
    return subprocess.Popen(cmd, cwd=PROJ_ROOT, start_new_session=True, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes under ``folder`` (hidden and temp files included), by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def temp_files(folder: Path) -> list[str]:
    """Temp files of atomic writes under ``folder``."""
    return sorted(str(p) for p in folder.rglob(".*.tmp"))


def session_processes(sid: int) -> list[psutil.Process]:
    """Live (not zombie) processes of a session."""
    alive = []
    for proc in psutil.process_iter(["status"]):
        try:
            if os.getsid(proc.pid) == sid and proc.info["status"] != psutil.STATUS_ZOMBIE:
                alive.append(proc)
        except (ProcessLookupError, PermissionError):
            continue
    return alive


def assert_session_ends(sid: int) -> None:
    """No process of the run is left within ``GONE_WITHIN`` seconds; stragglers are killed and reported."""
    deadline = time.monotonic() + GONE_WITHIN
    while (left := session_processes(sid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    for proc in left:
        proc.kill()
    assert left == [], f"processes left behind: {[p.pid for p in left]}"


def wait_until_started(proc: subprocess.Popen[str], out: Path) -> None:
    """Wait for the run to hold its output lock: its signal handlers are in place by then."""
    deadline = time.monotonic() + RUN_TIMEOUT
    while not (out / "cleaned" / LOCK_NAME).exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)


def wait_for_workers(proc: subprocess.Popen[str]) -> None:
    """Wait until the run has worker processes, so a SIGKILL shows whether they outlive it."""
    deadline = time.monotonic() + RUN_TIMEOUT
    while len(session_processes(proc.pid)) < 2:
        assert proc.poll() is None, "the run ended before it had workers"
        assert time.monotonic() < deadline
        time.sleep(0.01)


@pytest.fixture(scope="module")
def bench() -> Path:
    """The benchmark folder; its absence fails these tests (see the module docstring)."""
    if not (BENCH_DIR / "render").is_dir():
        pytest.fail(f"benchmark not found at {BENCH_DIR}; these tests need its pages")
    return BENCH_DIR


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, bench: Path) -> Path:
    """Copies of benchmark renderings and HTML pages."""
    raw = tmp_path_factory.mktemp("raw")
    build_copy_corpus(raw, corpus_sources(bench, html=True)[::3], CORPUS_PAGES)
    return raw


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> tuple[dict[str, bytes], int, float]:
    """The files, exit status and duration of an uninterrupted run."""
    out = tmp_path_factory.mktemp("clean")
    started = time.monotonic()
    result = subprocess.run(run_cmd(corpus, out), cwd=PROJ_ROOT, capture_output=True, text=True,
                            timeout=RUN_TIMEOUT, check=False)
    assert result.returncode in (0, 1), result.stderr
    return snapshot(out), result.returncode, time.monotonic() - started


def assert_whole(out: Path, reference: dict[str, bytes]) -> None:
    """Every output file on disk equals the clean run's: none is truncated or mixed.

    The run is deterministic and each stage's inputs are complete before it writes,
    so a file that exists at all must hold the clean run's bytes.
    """
    files = {name: data for name, data in snapshot(out).items() if not Path(name).name.startswith(".")}
    assert [name for name, data in files.items() if data != reference.get(name)] == []


def rerun_matches(corpus: Path, out: Path, reference: dict[str, bytes], status: int) -> None:
    """A rerun finishes the work: exit status, no temp file, and every file byte-identical."""
    result = subprocess.run(run_cmd(corpus, out), cwd=PROJ_ROOT, capture_output=True, text=True,
                            timeout=RUN_TIMEOUT, check=False)
    assert result.returncode == status, result.stderr
    assert temp_files(out) == []
    after = snapshot(out)
    assert sorted(after) == sorted(reference)
    assert [name for name in after if after[name] != reference[name]] == []


@pytest.mark.parametrize(("signum", "whole_group"), [
    (signal.SIGKILL, False), (signal.SIGINT, True), (signal.SIGTERM, False), (signal.SIGTERM, True),
])
def test_signalled_run_ends_cleanly_and_a_rerun_finishes(
    tmp_path: Path, corpus: Path, clean_run: tuple[dict[str, bytes], int, float],
    signum: int, whole_group: bool,
) -> None:
    reference, status, duration = clean_run
    delay = random.Random(f"{SEED}-{signum}-{whole_group}").uniform(0.02, 0.7) * duration
    out = tmp_path / "out"
    proc = start(run_cmd(corpus, out))
    wait_until_started(proc, out)
    time.sleep(delay)
    if signum == signal.SIGKILL:
        wait_for_workers(proc)
    assert proc.poll() is None, "the run ended before the signal"
    if whole_group:
        os.killpg(proc.pid, signum)
    else:
        os.kill(proc.pid, signum)
    proc.wait(timeout=RUN_TIMEOUT)  # not communicate(): workers left behind would hold its pipes open
    assert_session_ends(proc.pid)
    _, err = proc.communicate()
    if signum == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 128 + signum, err
        assert "Traceback" not in err
        match = INTERRUPTED_LINE.match(err.strip().splitlines()[-1])
        assert match is not None, err
        assert int(match[2]) == CORPUS_PAGES and 0 <= int(match[1]) <= CORPUS_PAGES
        assert temp_files(out) == []
    assert_whole(out, reference)
    rerun_matches(corpus, out, reference, status)


def test_killed_dask_client_leaves_no_cluster_behind(
    tmp_path: Path, corpus: Path, clean_run: tuple[dict[str, bytes], int, float]
) -> None:
    reference = clean_run[0]
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "extract", "--in", str(corpus), "--out", str(out / "cleaned"),
           "--engine", "dask", "-j", "2", "-q"]
    proc = start(cmd)
    deadline = time.monotonic() + RUN_TIMEOUT
    while len(list((out / "cleaned").glob("*.json"))) < 10:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert len(session_processes(proc.pid)) > 1, "the Dask workers run in processes of their own"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=RUN_TIMEOUT)
    assert_session_ends(proc.pid)
    proc.communicate()
    assert_whole(out, reference)


def test_interrupted_dask_run_prints_one_line_and_leaves_nothing(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "extract", "--in", str(corpus), "--out", str(out / "cleaned"),
           "--engine", "dask", "-j", "2"]
    proc = start(cmd)
    deadline = time.monotonic() + RUN_TIMEOUT
    while not any((out / "cleaned").glob("*.json")):  # the first page: nearly all are still to do
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before the signal"
    os.kill(proc.pid, signal.SIGINT)
    proc.wait(timeout=RUN_TIMEOUT)
    assert_session_ends(proc.pid)
    _, err = proc.communicate()
    assert proc.returncode == 128 + signal.SIGINT
    # Nothing from the workers: no traceback and no warning per cancelled task, then the one line.
    assert "Traceback" not in err and "CancelledError" not in err, err
    assert INTERRUPTED_LINE.match(err.strip().splitlines()[-1]) is not None, err
    assert temp_files(out) == []


def test_two_runs_on_one_folder_one_is_refused_and_the_folder_ends_whole(
    tmp_path: Path, corpus: Path, clean_run: tuple[dict[str, bytes], int, float]
) -> None:
    reference, status, _ = clean_run
    out = tmp_path / "out"
    runs = [start(run_cmd(corpus, out)) for _ in range(2)]
    results = [(proc.communicate(timeout=RUN_TIMEOUT)[1], proc.returncode) for proc in runs]
    assert sorted(code for _, code in results) == sorted([status, 2])
    refused = next(err for err, code in results if code == 2)
    assert refused.count("\n") == 1 and refused.startswith("error: another run is writing to "), refused
    assert temp_files(out) == []
    after = snapshot(out)
    assert [name for name in reference if after.get(name) != reference[name]] == []


def test_a_stop_signal_swallowed_inside_the_run_still_stops_it() -> None:
    # A library that catches everything (as Dask's teardown does) must not turn a stop into success.
    with pytest.raises(Interrupted) as stopped, interruptible():
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(1)  # the handler runs here and raises
        except BaseException:  # the swallowing library
            pass
    assert stopped.value.exit_status == 128 + signal.SIGTERM


def test_a_stop_signal_inside_a_finalizer_stops_the_run_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Dask releases each finished task's future in a finalizer, where a raised exception is
    # printed (through sys.unraisablehook) and dropped.
    dropped: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", dropped.append)

    class Released:
        def __del__(self) -> None:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.01)

    with pytest.raises(Interrupted) as stopped, interruptible():
        Released()
        time.sleep(2)
    assert stopped.value.exit_status == 128 + signal.SIGTERM
    assert dropped == []
