"""Open a raw page only when it is a regular file inside the raw folder.

A raw folder is not always tidy: a link may lead elsewhere on the machine (a
``raw/passwd.txt -> /etc/passwd`` would be read and quoted in the report), links
may loop, and a named pipe or socket would block the reader forever. Each such
entry is refused with a reason before any byte of it is read, and becomes an
``error`` record like any unusable page. The checks are made on the open file
descriptor where they can be, so an entry swapped between check and read is caught.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

#: Flags for opening a page: a named pipe opens at once instead of waiting for a
#: writer, and a link put in place of the checked target is not followed.
OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC

#: What each kind of non-regular file is called in a refusal.
KIND_NAMES = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


class RefusedEntry(Exception):
    """A raw entry that is not read; the message says why."""


def resolve_inside(path: Path, *, follow_links: bool) -> str:
    """The real path of ``path``: refused if it loops, dangles, or leaves its folder.

    The folder is ``path``'s parent (raw pages are listed from it), resolved too, so a
    raw folder that is itself a link works. ``follow_links`` allows targets elsewhere.
    """
    try:
        real = os.path.realpath(path, strict=True)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise RefusedEntry("symbolic link loop; not read") from exc
        if path.is_symlink():
            raise RefusedEntry("symbolic link to a missing file; not read") from exc
        raise
    folder = os.path.realpath(path.parent)
    if not follow_links and os.path.commonpath([real, folder]) != folder:
        raise RefusedEntry(f"symbolic link to {real}, outside the raw folder; not read "
                           "(--follow-links allows it)")
    return real


def check_regular(mode: int) -> None:
    """Refuse anything but a regular file (pipes, sockets and devices block or never end)."""
    if not stat.S_ISREG(mode):
        kind = KIND_NAMES.get(stat.S_IFMT(mode), "not a regular file")
        raise RefusedEntry(f"{kind}, not a regular file; not read")


def open_page(path: Path, *, follow_links: bool = False) -> BinaryIO:
    """Open a raw page for reading in binary mode, or raise :class:`RefusedEntry`.

    Raises:
        RefusedEntry: a link loop, a dangling link, a link leaving the raw folder
            (unless ``follow_links``), a named pipe, a socket or a device.
        OSError: the file cannot be opened (permission denied, vanished).
    """
    real = resolve_inside(path, follow_links=follow_links)
    check_regular(os.stat(real).st_mode)  # a socket cannot even be opened: name it first
    fd = os.open(real, OPEN_FLAGS)
    try:
        check_regular(os.fstat(fd).st_mode)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
