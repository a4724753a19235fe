"""One run at a time per output folder.

Two runs writing the same folder at once would each delete what it takes for the
other's temp files and interleave their writes; they happened to end identical, but
nothing promised it. A run therefore holds an exclusive ``flock`` on
``.pipeline.lock`` in each folder it writes, and a second run is refused at once with
one line (exit status 2) rather than made to wait behind a run that may take hours.
The kernel drops the lock when its holder dies, however it dies, so a killed run
never leaves a stale lock; the empty lock file itself stays (deleting it would let
two runs lock two different files of the same name).

Whoever holds the lock owns the folder's temp files: any found on taking the lock
were left by a killed run, and any left on releasing it by an interrupted one, so
both are deleted.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.io import remove_stale_temps

#: The lock file's name in each output folder (hidden, so no stage mistakes it for output).
LOCK_NAME = ".pipeline.lock"


class FolderBusy(PipelineError):
    """Another run holds the lock on an output folder."""

    def __init__(self, folder: Path) -> None:
        super().__init__(f"another run is writing to {folder} (it holds {folder / LOCK_NAME}); "
                         "wait for it to end or choose another output folder")
        self.folder = folder


@contextmanager
def locked_folder(folder: Path) -> Iterator[None]:
    """Hold the exclusive lock on ``folder`` (created if missing) for the block.

    Raises:
        FolderBusy: another process holds it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise FolderBusy(folder) from None
        remove_stale_temps(folder)
        try:
            yield
        finally:
            remove_stale_temps(folder)
    finally:
        os.close(fd)


@contextmanager
def locked_folders(folders: Sequence[Path]) -> Iterator[None]:
    """Hold the locks of several folders, taken in the order given (and the same folder once)."""
    unique = {folder.resolve(): folder for folder in reversed(folders)}
    with ExitStack() as stack:
        for folder in reversed(unique.values()):
            stack.enter_context(locked_folder(folder))
        yield
