"""File helpers shared by every stage: atomic writes, JSON Lines, content ids."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any


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


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file and ``os.replace``.

    A reader, or a run killed mid-way, sees either the old file or the new one,
    never a truncated mix. There is no ``fsync``: the rename is what protects
    against a killed run, and a sync per file cost about 12 ms, two per page
    (scripts/bench_scale.py), for protection only against power loss.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write text atomically with ``\\n`` line endings on every platform."""
    write_bytes_atomic(path, text.encode(encoding))


def write_json(path: Path, value: Any) -> None:
    """Write indented, key-sorted JSON atomically (for files people also read)."""
    text = json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    write_text_atomic(path, text)


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    """Write one canonical JSON object per line, atomically."""
    write_text_atomic(path, "".join(canonical_json(row) + "\n" for row in rows))


def read_json(path: Path) -> Any:
    """Read a JSON file written by :func:`write_json`."""
    return json.loads(path.read_text(encoding="utf-8"))


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the objects of a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)
