"""Per-page work on a process pool or a Dask cluster gives the same bytes as a sequential run."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from hostile import build_copy_corpus, build_hostile_corpus, corpus_sources, real_pages

import pipeline.extract.stage as extract_module
from pipeline.cli import main
from pipeline.config import Settings
from pipeline.extract.stage import run_extract
from pipeline.parallel import CHUNK_SIZE, imap_ordered

#: Pages in the corpus: several chunks per worker, so ordering across chunks is exercised.
CORPUS_PAGES = 40


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes under ``folder``, keyed by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, bench_dir: Path) -> Path:
    """Real pages of both forms plus the hostile ones."""
    raw = tmp_path_factory.mktemp("raw")
    build_copy_corpus(raw, corpus_sources(bench_dir, html=True)[::37], CORPUS_PAGES)
    build_hostile_corpus(raw)
    return raw


@pytest.fixture(scope="module")
def sequential(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> dict[str, bytes]:
    """cleaned/ of a one-process run."""
    out = tmp_path_factory.mktemp("seq")
    assert main(["extract", "--in", str(corpus), "--out", str(out), "-j", "1", "-q"]) in (0, 1)
    return snapshot(out)


def square(value: int) -> int:
    """A module-level function, so it pickles to workers."""
    return value * value


#: Items whose worker process is killed outright (as the out-of-memory killer would).
FATAL_ITEMS = (5, 29)


def square_or_die(value: int) -> int:
    """Square, except that some items kill the process running them."""
    if value in FATAL_ITEMS:
        os.kill(os.getpid(), signal.SIGKILL)
    return value * value


def test_dead_worker_costs_only_its_own_item() -> None:
    items = list(range(CHUNK_SIZE * 5))
    results = list(imap_ordered(square_or_die, items, settings=Settings(jobs=2), desc="t",
                                on_crash=lambda item, reason: -item))
    assert results == [-i if i in FATAL_ITEMS else i * i for i in items]


def test_dead_worker_without_fallback_stops_the_run() -> None:
    with pytest.raises(BrokenProcessPool):
        list(imap_ordered(square_or_die, list(range(CHUNK_SIZE * 2)), settings=Settings(jobs=2), desc="t"))


def test_page_that_kills_its_worker_becomes_an_error_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = tmp_path / "raw"
    pages = build_copy_corpus(raw, real_pages(), CHUNK_SIZE * 2)
    victim = pages[3]
    real_extractor = extract_module.run_extractor

    def deadly(text: str, form: str) -> object:
        if text == victim.read_text(encoding="utf-8"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real_extractor(text, form)

    monkeypatch.setattr(extract_module, "run_extractor", deadly)  # forked workers inherit it
    records = {r["file"]: r for r in run_extract(raw, tmp_path / "out", settings=Settings(jobs=2))}
    assert len(records) == len(pages)
    assert records[victim.name]["status"] == "error"
    assert "worker process died" in str(records[victim.name]["message"])
    assert (tmp_path / "out" / f"{victim.stem}.json").is_file()
    others = [r for name, r in records.items() if name != victim.name]
    assert all("worker process died" not in str(r["message"]) for r in others)


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_map_ordered_keeps_input_order(jobs: int) -> None:
    items = list(range(CHUNK_SIZE * 7 + 3))
    assert list(imap_ordered(square, items, settings=Settings(jobs=jobs), desc="t")) == [i * i for i in items]


def test_process_pool_output_is_byte_identical(
    tmp_path: Path, corpus: Path, sequential: dict[str, bytes]
) -> None:
    out = tmp_path / "out"
    assert main(["extract", "--in", str(corpus), "--out", str(out), "-j", "2", "-q"]) in (0, 1)
    parallel = snapshot(out)
    assert len(parallel) >= CORPUS_PAGES
    assert parallel.keys() == sequential.keys()
    assert [name for name in parallel if parallel[name] != sequential[name]] == []


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[Any]:
    """Two single-threaded worker processes on 127.0.0.1; a task fails at its first worker death."""
    distributed = pytest.importorskip("dask.distributed")
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as cluster:
        yield cluster


@pytest.mark.slow
def test_dask_cluster_output_is_byte_identical(
    tmp_path: Path, corpus: Path, sequential: dict[str, bytes], dask_cluster: Any
) -> None:
    out = tmp_path / "out"
    code = main(["extract", "--in", str(corpus), "--out", str(out), "--engine", "dask",
                 "--scheduler", dask_cluster.scheduler_address, "-q"])
    assert code in (0, 1)
    on_dask = snapshot(out)
    assert on_dask.keys() == sequential.keys()
    assert [name for name in on_dask if on_dask[name] != sequential[name]] == []


@pytest.mark.slow
def test_dead_dask_worker_costs_only_its_own_item(dask_cluster: Any) -> None:
    items = list(range(CHUNK_SIZE * 2))
    settings = Settings(engine="dask", scheduler=dask_cluster.scheduler_address)
    results = list(imap_ordered(square_or_die, items, settings=settings, desc="t",
                                on_crash=lambda item, reason: -item))
    assert results == [-i if i in FATAL_ITEMS else i * i for i in items]


#: Run in its own interpreter: a pool stopped while a worker sends its result, then how long
#: leaving the pool took. ``os._exit`` ends it, as ``python -m pipeline`` ends a stopped run.
STOPPED_MID_SEND = """
import os, signal, sys, time
from pipeline.parallel import _worker_pool
from pipeline.signals import Interrupted

def big(size):
    return b"x" * size

started = None
try:
    with _worker_pool(1) as pool:
        pool.submit(big, 100_000_000)
        while not pool._result_queue._reader.poll(0.01):  # the worker has begun to send
            pass
        started = time.monotonic()
        raise Interrupted(signal.SIGTERM)
except Interrupted:
    print(f"left the pool in {time.monotonic() - started:.1f} s", flush=True)
os._exit(0)
"""


def test_a_pool_stopped_while_a_worker_sends_its_result_is_left_at_once() -> None:
    # The worker is killed half-way through its result; waiting for the pool's manager thread,
    # which reads the rest of it for ever, hung a stopped run until the test's timeout.
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", STOPPED_MID_SEND], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("left the pool in"), result.stdout
    assert float(result.stdout.split()[-2]) < 5
