"""How a run ends when it is told to: SIGINT and SIGTERM, and the death of its parent.

The process that writes files turns SIGINT and SIGTERM into :class:`Interrupted`,
raised in its main thread: the exception unwinds through the writers (each removes
its temp file) and stops the scheduling of pages, and the command line turns it into
one line and exit status 128 + the signal number, as a shell reports a process
killed by that signal. Worker processes ignore SIGINT, since a terminal's Ctrl-C
reaches the whole process group: only the parent decides, so a worker does not die
half-way as if it had crashed. They keep SIGTERM's default, which is how the pool
ends its workers; a ``kill -TERM -<group>`` ends them too, and the parent, stopped
by the same signal, writes nothing more. Workers ask Linux to kill them when their
parent dies, however it dies, so a ``kill -9`` leaves no worker behind.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

#: The signals that stop a run; each exits with status 128 + its number.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
#: The exit statuses of a run one of them stopped: 130 and 143.
STOP_STATUSES = frozenset(128 + signum for signum in STOP_SIGNALS)
#: ``prctl`` option asking the kernel for a signal when the parent process dies.
PR_SET_PDEATHSIG = 1
#: Delay before a stop signal that landed in a finalizer is sent again.
FINALIZER_RETRY_SECONDS = 0.05


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: the run stops where it is.

    A ``BaseException`` (like ``KeyboardInterrupt``), so the per-page ``except
    Exception`` that turns an extractor bug into an error record cannot swallow it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_status(self) -> int:
        """128 + the signal number: 130 for SIGINT, 143 for SIGTERM."""
        return 128 + self.signum


@dataclass(slots=True)
class PageCount:
    """Pages finished out of the pages a run set out to do, for the interruption message."""

    done: int = 0
    total: int = 0

    def start(self, total: int) -> None:
        """Begin counting a run of ``total`` pages."""
        self.done, self.total = 0, total

    def message(self) -> str:
        """The one line printed when a run is interrupted."""
        return f"interrupted; {self.done} of {self.total} pages done, rerun to finish"


#: The pages of the current run (one run per process at a time: the output lock sees to it).
PAGES = PageCount()


#: Stop signals received in the current :func:`interruptible` block.
RECEIVED: list[int] = []


def _raise_interrupted(signum: int, frame: FrameType | None) -> None:
    """Signal handler: ignore further stop signals while unwinding, and stop the run.

    A second Ctrl-C would otherwise interrupt the clean-up of the first. A signal that
    lands inside a finalizer (Dask releases each finished task's future in one) is sent
    again a moment later: Python prints an exception raised in a finalizer and drops it.
    """
    if _in_finalizer(frame):
        RECEIVED.append(signum)  # the block's end raises it, if nothing sooner does
        threading.Timer(FINALIZER_RETRY_SECONDS, _send_again, (signum,)).start()
        return
    for stop in STOP_SIGNALS:
        signal.signal(stop, signal.SIG_IGN)
    RECEIVED.append(signum)
    raise Interrupted(signum)


def _send_again(signum: int) -> None:
    """Deliver a stop signal again, unless the interruptible block has ended meanwhile."""
    if signal.getsignal(signum) is _raise_interrupted:
        os.kill(os.getpid(), signum)


def _in_finalizer(frame: FrameType | None) -> bool:
    """Whether the interrupted code runs inside an object's ``__del__``."""
    while frame is not None:
        if frame.f_code.co_name == "__del__":
            return True
        frame = frame.f_back
    return False


@contextmanager
def interruptible() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise :class:`Interrupted`; the old handlers come back after.

    A library may swallow the exception (Dask's cluster teardown does, when the signal
    comes after the last page): a block that ends normally after a stop signal raises
    it again, so every stopped run ends with the same status and line.
    """
    previous = {stop: signal.getsignal(stop) for stop in STOP_SIGNALS}
    RECEIVED.clear()
    for stop in STOP_SIGNALS:
        signal.signal(stop, _raise_interrupted)
    try:
        yield
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, handler)
    if RECEIVED:
        raise Interrupted(RECEIVED[0])


def die_with_parent(parent_pid: int) -> None:
    """Worker initializer: end with the parent, and leave Ctrl-C to it.

    On Linux the kernel sends SIGKILL when the parent dies; a parent that died
    before the request was made is caught by comparing the parent's pid. Other
    systems have no such request: there a worker can outlive a killed parent.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != parent_pid:
        os._exit(1)
