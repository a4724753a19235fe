"""Run a per-page function over many pages: in-process, on a process pool, or on Dask.

Results always come back in input order, so outputs do not depend on the engine
or on which worker finished first.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from pipeline.config import Settings

LOGGER = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items a pool costs more to start than it saves.
MIN_ITEMS_FOR_POOL = 8
#: Items sent to a worker at a time: large enough to amortise pickling, small
#: enough that the progress bar moves on a few hundred pages.
CHUNK_SIZE = 16


def worker_count(settings: Settings) -> int:
    """Number of worker processes: the setting, or one per core."""
    return settings.jobs if settings.jobs > 0 else (os.cpu_count() or 1)


def map_ordered(
    func: Callable[[T], R], items: Sequence[T], *, settings: Settings, desc: str
) -> list[R]:
    """Apply ``func`` to every item and return the results in input order."""
    if settings.engine == "dask":
        return _map_dask(func, items, settings=settings)
    workers = min(worker_count(settings), len(items))
    with logging_redirect_tqdm():
        if workers <= 1 or len(items) < MIN_ITEMS_FOR_POOL:
            return [func(item) for item in tqdm(items, desc=desc, unit="page", disable=None)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(func, items, chunksize=CHUNK_SIZE)
            return list(tqdm(results, total=len(items), desc=desc, unit="page", disable=None))


def _map_dask(func: Callable[[T], R], items: Sequence[T], *, settings: Settings) -> list[R]:
    """Run on a Dask distributed cluster: the configured scheduler, or a LocalCluster."""
    from dask.distributed import Client, LocalCluster

    if settings.scheduler:
        with Client(settings.scheduler) as client:
            return list(client.gather(client.map(func, items, pure=False)))
    with LocalCluster(
        n_workers=worker_count(settings), threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, Client(cluster) as client:
        return list(client.gather(client.map(func, items, pure=False)))
