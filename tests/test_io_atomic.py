"""Atomic writes: the whole file or the old one, with the mode ``open()`` would give."""

from __future__ import annotations

import os
import signal
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pipeline.io import FILE_MODE, write_bytes_atomic
from pipeline.signals import Interrupted


def test_write_creates_the_folder_and_gives_the_usual_mode(tmp_path: Path) -> None:
    """A missing folder is made, and the file is not left at ``mkstemp``'s 0600."""
    path = tmp_path / "new" / "page.json"
    write_bytes_atomic(path, b"{}\n")
    assert path.read_bytes() == b"{}\n"
    assert stat.S_IMODE(path.stat().st_mode) == FILE_MODE
    assert list(path.parent.iterdir()) == [path]


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error before the rename removes the temp file; the previous content stays."""
    path = tmp_path / "page.txt"
    path.write_bytes(b"old")

    def refuse(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_bytes_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [path]


def test_a_stop_signal_during_the_write_ends_the_run_as_a_stop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stop that lands just after the temp file's descriptor is handed to a file object or
    written propagates as itself, with no temp file left: a run interrupted while it writes
    exits 130, not 1 (the second close of a descriptor a dropped file object had closed
    raised EBADF over the interruption)."""

    def then_stop(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            real(*args, **kwargs)  # done; a file object made by fdopen is dropped and closes the fd
            raise Interrupted(signal.SIGINT)

        return call

    for name in ("fdopen", "write"):
        monkeypatch.setattr(os, name, then_stop(getattr(os, name)))
    path = tmp_path / "page.json"
    with pytest.raises(Interrupted):
        write_bytes_atomic(path, b"{}\n")
    assert list(tmp_path.iterdir()) == []
