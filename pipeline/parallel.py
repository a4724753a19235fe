"""Run a per-page function over many pages: in-process, on a process pool, or on Dask.

Results always come back in input order, so outputs do not depend on the engine
or on which worker finished first. A worker process that dies (a crash in a C
extension, the out-of-memory killer) does not end the run when the caller gives
an ``on_crash`` fallback: the pool is restarted and the unfinished items are
retried, each suspect alone, until the one that kills its worker is found and
replaced by the fallback's result. Work is sent in chunks with a bounded number of
chunks in flight: the caller consumes results as they arrive, so memory stays flat
however many pages there are, and a slow page does not make finished results pile up
without bound.

Workers die with the process that started them and ignore SIGINT and SIGTERM
(:mod:`pipeline.signals`); when the caller stops early (an interruption, or it
closes the result iterator) the local pool's workers are killed rather than waited for.
"""

from __future__ import annotations

import logging
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from pipeline.config import Settings
from pipeline.signals import die_with_parent

if TYPE_CHECKING:  # imported where a pool is used: with multiprocessing they cost ~20 ms of start-up
    from concurrent.futures import ProcessPoolExecutor

LOGGER = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items a pool costs more to start than it saves.
MIN_ITEMS_FOR_POOL = 8
#: Items sent to a worker at a time: large enough to amortise pickling and task
#: overhead (about a millisecond per Dask task), small enough that the progress
#: bar moves and the last chunks spread over all workers.
CHUNK_SIZE = 8
#: Chunks in flight per worker: one running, one queued behind it and one whose
#: results the caller is still writing; more would only buffer results in memory.
CHUNKS_PER_WORKER = 3


class _Submitter(Protocol):
    """The part of an executor or Dask client used here."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any: ...


def worker_count(settings: Settings) -> int:
    """Number of worker processes: the setting, or one per core."""
    return settings.jobs if settings.jobs > 0 else (os.cpu_count() or 1)


def run_chunk(func: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    """Apply ``func`` to one chunk inside a worker (top level so it pickles)."""
    return [func(item) for item in chunk]


def chunked(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Split ``items`` into consecutive chunks of at most ``size`` items."""
    return [items[i : i + size] for i in range(0, len(items), size)]


def _windowed(
    submitter: _Submitter, func: Callable[[T], R], items: Sequence[T], *, workers: int, **extra: Any
) -> Iterator[R]:
    """Submit chunks with at most ``CHUNKS_PER_WORKER * workers`` in flight; yield in order."""
    pending: deque[Any] = deque()
    limit = max(workers, 1) * CHUNKS_PER_WORKER
    for chunk in chunked(items, CHUNK_SIZE):
        pending.append(submitter.submit(run_chunk, func, chunk, **extra))
        if len(pending) >= limit:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _windowed_dask(
    client: _Submitter, func: Callable[[T], R], items: Sequence[T], *, workers: int,
    on_crash: Callable[[T, str], R] | None,
) -> Iterator[R]:
    """:func:`_windowed` on Dask, where a chunk whose worker keeps dying is retried item by item.

    Dask already reschedules a task whose worker died; after a few deaths it gives
    up with ``KilledWorker``, and then only the item that kills workers is lost.
    """
    pending: deque[tuple[Sequence[T], Any]] = deque()
    limit = max(workers, 1) * CHUNKS_PER_WORKER
    for chunk in chunked(items, CHUNK_SIZE):
        pending.append((chunk, client.submit(run_chunk, func, chunk, pure=False)))
        if len(pending) >= limit:
            yield from _dask_collect(client, func, *pending.popleft(), on_crash=on_crash)
    while pending:
        yield from _dask_collect(client, func, *pending.popleft(), on_crash=on_crash)


def _dask_collect(
    client: _Submitter, func: Callable[[T], R], chunk: Sequence[T], future: Any, *,
    on_crash: Callable[[T, str], R] | None,
) -> Iterator[R]:
    """The results of one chunk's task, or of its items one by one if its workers kept dying."""
    from distributed import KilledWorker

    try:
        yield from future.result()
    except KilledWorker:
        if on_crash is None:
            raise
        LOGGER.warning("dask workers died on a chunk; retrying its items one by one")
        yield from (_dask_alone(client, func, item, on_crash) for item in chunk)


def _dask_alone(client: _Submitter, func: Callable[[T], R], item: T, on_crash: Callable[[T, str], R]) -> R:
    """Run one item as its own Dask task; if its workers keep dying, it is the culprit."""
    from distributed import KilledWorker

    try:
        return cast(R, client.submit(func, item, pure=False).result())
    except KilledWorker:
        return on_crash(item, "the worker process died on it (out of memory or a crash in a C library)")


def imap_ordered(
    func: Callable[[T], R],
    items: Sequence[T],
    *,
    settings: Settings,
    desc: str,
    on_crash: Callable[[T, str], R] | None = None,
) -> Iterator[R]:
    """Apply ``func`` to every item and yield the results in input order as they are ready.

    Args:
        func: a module-level function (it is pickled to worker processes).
        items: the work, in output order.
        settings: ``jobs`` and ``engine`` choose where the work runs.
        desc: progress bar label.
        on_crash: builds the result for an item whose worker process died, given
            the item and the reason; without it a dead worker ends the run.
    """
    results = _engine_results(func, items, settings=settings, on_crash=on_crash)
    if not sys.stderr.isatty():
        # tqdm draws no bar off a terminal, and importing it (with asyncio) costs
        # about 40 ms of start-up, a tenth of a short run's whole time
        yield from results
        return
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    with logging_redirect_tqdm(), tqdm(total=len(items), desc=desc, unit="page") as bar:
        for result in results:
            bar.update(1)
            yield result


def _engine_results(
    func: Callable[[T], R], items: Sequence[T], *, settings: Settings, on_crash: Callable[[T, str], R] | None
) -> Iterator[R]:
    """Dispatch to the configured engine."""
    if settings.engine == "dask":
        yield from _map_dask(func, items, settings=settings, on_crash=on_crash)
        return
    workers = min(worker_count(settings), len(items))
    if workers <= 1 or len(items) < MIN_ITEMS_FOR_POOL:
        yield from (func(item) for item in items)
        return
    LOGGER.debug("process pool with %d workers", workers)
    yield from _pool_results(func, items, workers=workers, on_crash=on_crash)


def _pool_results(
    func: Callable[[T], R], items: Sequence[T], *, workers: int, on_crash: Callable[[T, str], R] | None
) -> Iterator[R]:
    """Run on a process pool, restarting it when a worker dies (see the module docstring).

    After a crash the first unfinished item runs alone in a fresh one-worker pool:
    if it dies again it was the culprit and gets ``on_crash``'s result; if not, the
    pool restarts from the next item and the search goes on.
    """
    from concurrent.futures.process import BrokenProcessPool

    position = 0
    while position < len(items):
        try:
            with _worker_pool(workers) as pool:
                for result in _windowed(pool, func, items[position:], workers=workers):
                    yield result
                    position += 1
            return
        except BrokenProcessPool:
            if on_crash is None:
                raise
        LOGGER.warning("a worker process died; retrying the unfinished items")
        yield _run_alone(func, items[position], on_crash)
        position += 1


def _run_alone(func: Callable[[T], R], item: T, on_crash: Callable[[T, str], R]) -> R:
    """Run one item in its own worker process; a crash there is the item's own."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        with _worker_pool(1) as pool:
            return pool.submit(func, item).result()
    except BrokenProcessPool:
        return on_crash(item, "the worker process died on it (out of memory or a crash in a C library)")


@contextmanager
def _worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers die with this process; killed, not awaited, if the caller stops early.

    Waiting would let every running chunk finish first: seconds, for results nobody
    will write; and a worker killed half-way through sending its result leaves the pool's
    manager thread reading the rest for ever, so a shutdown that joined it would never
    return (a stopped run hung so). A dead worker (``BrokenProcessPool``) leaves the others
    to end as usual.
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),))
    stopped_early = False
    try:
        yield pool
    except BrokenProcessPool:
        raise
    except BaseException:
        stopped_early = True
        _kill_workers(pool)
        raise
    finally:
        pool.shutdown(wait=not stopped_early, cancel_futures=True)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """SIGKILL the pool's workers (what ``ProcessPoolExecutor.kill_workers`` does from Python 3.14)."""
    for process in list((pool._processes or {}).values()):
        process.kill()


def _map_dask(
    func: Callable[[T], R], items: Sequence[T], *, settings: Settings, on_crash: Callable[[T, str], R] | None
) -> Iterator[R]:
    """Run on a Dask distributed cluster: the configured scheduler, or a LocalCluster."""
    from dask.distributed import Client, LocalCluster

    # distributed installs its own INFO-level handler on import; keep its start-up
    # chatter out of the user's log unless they asked for debug output.
    if LOGGER.getEffectiveLevel() > logging.DEBUG:
        logging.getLogger("distributed").setLevel(logging.WARNING)
        # Workers configure their logging from the environment when they start: without this,
        # each prints a warning for every task cancelled by an interrupt, after the one line
        # that says the run was interrupted.
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
    if settings.scheduler:
        with Client(settings.scheduler) as client:  # type: ignore[no-untyped-call]
            workers = sum(client.nthreads().values())
            LOGGER.debug("dask scheduler %s with %d worker threads", settings.scheduler, workers)
            yield from _windowed_dask(client, func, items, workers=workers, on_crash=on_crash)
        return
    with LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=worker_count(settings), threads_per_worker=1, processes=True,
        dashboard_address=None, host="127.0.0.1",
    ) as cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        yield from _windowed_dask(client, func, items, workers=worker_count(settings), on_crash=on_crash)

