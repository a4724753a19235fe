"""Entry point for ``python -m pipeline``."""

import gc
import os
import sys

#: Allocations between young-generation collections (CPython's default is 700). Extraction
#: builds and drops tens of thousands of short-lived objects per page (text pieces, spans,
#: block records), and collecting every 700 allocations examined most of them just before
#: they were freed anyway: collector time in an extract run went from 49-54 ms to 11-12 ms on
#: the extraction DEV set, from 49-52 ms to 38-41 ms on extraction-more. Older generations keep
#: CPython's defaults. Worker processes made by fork inherit the setting; workers started
#: afresh (forkserver, spawn, Dask) keep CPython's default.
YOUNG_GC_THRESHOLD = 20_000

gc.set_threshold(YOUNG_GC_THRESHOLD, *gc.get_threshold()[1:])

from pipeline.cli import main  # noqa: E402  (imported after tuning: the stages' imports run under it)
from pipeline.signals import STOP_STATUSES  # noqa: E402

status = main()
if status in STOP_STATUSES:
    # A stopped run has unwound (temp files removed, locks released, its line printed); it
    # ends here rather than join the worker pool's threads at interpreter exit, which a worker
    # killed while sending a result leaves waiting for the rest of it.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
sys.exit(status)
