"""Atomic writes: the whole file or the old one, with the mode ``open()`` would give."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pipeline.io import FILE_MODE, write_bytes_atomic


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
