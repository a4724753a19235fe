"""File helpers shared by every stage: atomic writes, JSON Lines, content ids."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

LOGGER = logging.getLogger(__name__)

#: Temp files of :func:`atomic_output` (``.<name>.<random>.tmp``).
TEMP_GLOB = ".*.tmp"


def canonical_json(value: Any) -> str:
    """Serialize with sorted keys and compact separators, so equal data gives equal bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_id(prefix: str, *fields: Any) -> str:
    """Derive a short, stable id from the identifying fields (never from run order)."""
    digest = hashlib.sha256(canonical_json(list(fields)).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:12]}"


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of raw bytes, recorded as provenance for each source."""
    return hashlib.sha256(data).hexdigest()


def _umask() -> int:
    """The process umask (read by setting and restoring it: there is no getter)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Mode of output files: what ``open()`` would give, since ``mkstemp`` makes 0600 files.
FILE_MODE = 0o666 & ~_umask()


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temp path beside ``path``; on a clean exit it replaces ``path`` (``os.replace``).

    A reader, or a run killed mid-way, sees either the old file or the new one,
    never a truncated mix; on an exception the temp file is removed and ``path``
    is left as it was. A path (not a handle) is yielded so writers that open files
    themselves, such as Parquet's, can use it too. There is no ``fsync``: the
    rename is what protects against a killed run, and a sync per file cost about
    12 ms, two per page (scripts/bench_scale.py), for protection only against
    power loss.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = _temp_beside(path)
    os.close(fd)
    tmp = Path(name)
    with _replacing(path, tmp):
        yield tmp
        os.chmod(tmp, FILE_MODE)


@contextmanager
def _replacing(path: Path, tmp: Path) -> Iterator[None]:
    """Move ``tmp`` over ``path`` when the block ends cleanly; remove ``tmp`` when it raises."""
    try:
        yield
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_stale_temps(folder: Path) -> None:
    """Delete temp files a killed or interrupted run left behind (they are never complete outputs)."""
    for temp in folder.glob(TEMP_GLOB):
        LOGGER.debug("removing stale temp file %s", temp.name)
        temp.unlink(missing_ok=True)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, with the guarantees of :func:`atomic_output`.

    The bytes go through the temp file's own descriptor, and the folder is created only
    when the temp file cannot be: closing the temp file to reopen it by name, as a writer
    given a path must, and checking the folder on every write took half the time of the
    extract stage's writes (two files per page). The descriptor is written and closed
    here, never handed to a file object: a stop signal that lands inside ``os.fdopen``
    after the file object owns the descriptor left no way to know who closes it (the
    second close raised ``EBADF`` over the interruption, and the run exited 1, not 130).
    """
    try:
        fd, name = _temp_beside(path)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = _temp_beside(path)
    with _replacing(path, Path(name)):
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fchmod(fd, FILE_MODE)
        finally:
            os.close(fd)


def _temp_beside(path: Path) -> tuple[int, str]:
    """Open a new temp file in ``path``'s folder, named as :data:`TEMP_GLOB` expects."""
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)


def write_blobs_atomic(path: Path, blobs: Iterable[bytes]) -> None:
    """Stream ``blobs`` into ``path`` atomically, never holding the whole file in memory."""
    with atomic_output(path) as tmp, tmp.open("wb") as handle:
        handle.writelines(blobs)


def jsonl_line(row: dict[str, Any]) -> bytes:
    """One canonical JSON Lines record, as UTF-8 bytes."""
    return (canonical_json(row) + "\n").encode("utf-8")


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks (output files can be hundreds of MB)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def write_text_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write text atomically with ``\\n`` line endings on every platform."""
    write_bytes_atomic(path, text.encode(encoding))


def write_json(path: Path, value: Any) -> None:
    """Write indented, key-sorted JSON atomically (for files people also read)."""
    text = json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    write_text_atomic(path, text)


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    """Write one canonical JSON object per line, atomically, a row at a time."""
    write_blobs_atomic(path, map(jsonl_line, rows))


def read_json(path: Path) -> Any:
    """Read a JSON file written by :func:`write_json`."""
    return json.loads(path.read_text(encoding="utf-8"))


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the objects of a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


class SortedJsonl:
    """A JSON Lines file read in a chosen order while holding only keys and offsets.

    The dataset tables of a large run are sorted for output, but their records
    (claims with quotes, points with all their evidence) would not fit in memory
    at once: the index keeps one sort key and one byte offset per record, and
    iteration reads each record again from its offset.
    """

    def __init__(self, path: Path, key: Callable[[dict[str, Any]], Any]) -> None:
        self.path = path
        entries: list[tuple[Any, int]] = []
        if path.exists():
            with path.open("rb") as handle:
                offset = 0
                for line in handle:
                    if line.strip():
                        entries.append((key(json.loads(line)), offset))
                    offset += len(line)
        entries.sort()
        self.keys = [key for key, _ in entries]
        self.offsets = [offset for _, offset in entries]

    def __len__(self) -> int:
        return len(self.offsets)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        if not self.offsets:
            return
        with self.path.open("rb") as handle:
            for offset in self.offsets:
                handle.seek(offset)
                yield json.loads(handle.readline())
