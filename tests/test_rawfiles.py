"""Raw entries that are not regular files inside raw/ get an error record and are never read."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile import inject_words, real_pages

from pipeline.cli import EXIT_FAILURE, EXIT_PARTIAL, main
from pipeline.lock import LOCK_NAME, locked_folder

#: A sentence that only the file outside raw/ contains: it must appear in no output.
SECRET = "The vault code of the outside file is 7461 and nobody may quote this sentence anywhere."


def outside_link(raw: Path) -> None:
    """A link to a page-like file outside the raw folder."""
    outside = raw.parent / "outside.txt"
    page = real_pages()[1].read_text(encoding="utf-8")
    outside.write_text(inject_words(page, SECRET), encoding="utf-8")
    (raw / "outside.txt").symlink_to(outside)


def self_loop(raw: Path) -> None:
    """A link to itself."""
    (raw / "loop.html").symlink_to("loop.html")


def two_link_loop(raw: Path) -> None:
    """Two links pointing at each other."""
    (raw / "ping.html").symlink_to("pong.html")
    (raw / "pong.html").symlink_to("ping.html")


def fifo(raw: Path) -> None:
    """A named pipe: reading it would wait forever for a writer."""
    os.mkfifo(raw / "pipe.txt")


def unix_socket(raw: Path) -> None:
    """A listening Unix socket (closed again: the socket file stays)."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(raw / "sock.html"))


def dangling_link(raw: Path) -> None:
    """A link to a file that does not exist."""
    (raw / "gone.txt").symlink_to("missing.txt")


#: Builder, entry names and a word of the message each entry's record must have.
ENTRIES: dict[str, tuple[Callable[[Path], None], tuple[str, ...], str]] = {
    "outside_link": (outside_link, ("outside.txt",), "outside the raw folder"),
    "self_loop": (self_loop, ("loop.html",), "loop"),
    "two_link_loop": (two_link_loop, ("ping.html", "pong.html"), "loop"),
    "fifo": (fifo, ("pipe.txt",), "named pipe"),
    "socket": (unix_socket, ("sock.html",), "socket"),
    "dangling_link": (dangling_link, ("gone.txt",), "missing file"),
}


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    """A raw folder with one good page (so the run has something usable)."""
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(real_pages()[0], folder / "good.txt")
    return folder


def records(out: Path) -> dict[str, dict[str, str]]:
    """The extract records on disk, by file name."""
    found = (json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json"))
    return {r["file"]: r for r in found}


def all_output_text(folder: Path) -> str:
    """Every output file under ``folder``, decoded leniently, for a search."""
    return "".join(p.read_bytes().decode("utf-8", "replace") for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("kind", sorted(ENTRIES))
def test_special_entry_gets_an_error_record_and_is_not_read(raw: Path, tmp_path: Path, kind: str) -> None:
    build, names, reason = ENTRIES[kind]
    build(raw)
    out = tmp_path / "out"
    assert main(["extract", "--in", str(raw), "--out", str(out), "-j", "1", "-q"]) == EXIT_PARTIAL
    found = records(out)
    assert found["good.txt"]["status"] == "ok"
    for name in names:
        assert found[name]["status"] == "error"
        assert reason in found[name]["message"] and "not read" in found[name]["message"]
        assert found[name]["bytes"] == 0 and found[name]["sha256"] == ""
        assert not (out / f"{Path(name).stem}.txt").exists()
    assert SECRET not in all_output_text(out)


def test_link_inside_raw_is_read(raw: Path, tmp_path: Path) -> None:
    (raw / "alias.txt").symlink_to("good.txt")
    out = tmp_path / "out"
    main(["extract", "--in", str(raw), "--out", str(out), "-j", "1", "-q"])
    found = records(out)
    assert found["alias.txt"]["sha256"] == found["good.txt"]["sha256"] != ""


def test_follow_links_reads_a_link_outside_raw(raw: Path, tmp_path: Path) -> None:
    outside_link(raw)
    out = tmp_path / "out"
    main(["extract", "--in", str(raw), "--out", str(out), "-j", "1", "-q", "--follow-links"])
    assert records(out)["outside.txt"]["status"] == "ok"
    assert SECRET in (out / "outside.txt").read_text(encoding="utf-8")


@pytest.mark.slow
def test_sources_csv_lists_every_special_entry_with_its_reason(raw: Path, tmp_path: Path) -> None:
    for build, _, _ in ENTRIES.values():
        build(raw)
    out = tmp_path / "out"
    assert main(["all", "--raw", str(raw), "--out", str(out), "-j", "1", "-q"]) == EXIT_PARTIAL
    text = (out / "cleaned" / "sources.csv").read_text(encoding="utf-8-sig")
    rows = {row["file"]: row for row in csv.DictReader(io.StringIO(text))}
    for _, names, reason in ENTRIES.values():
        for name in names:
            assert rows[name]["status"] == "error" and reason in rows[name]["message"], rows[name]
    assert SECRET not in all_output_text(out)


def test_run_on_a_locked_folder_is_refused_with_one_line(
    raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    with locked_folder(out):
        status = main(["extract", "--in", str(raw), "--out", str(out), "-j", "1"])
    err = capsys.readouterr().err
    assert status == EXIT_FAILURE
    assert err.count("\n") == 1 and err.startswith(f"error: another run is writing to {out}")
    assert [p.name for p in out.iterdir()] == [LOCK_NAME]
    assert main(["extract", "--in", str(raw), "--out", str(out), "-j", "1", "-q"]) == 0


def test_lock_is_free_again_after_a_run_and_temp_files_are_swept(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".good.txt.abc123.tmp").write_bytes(b"half a page")
    assert main(["extract", "--in", str(raw), "--out", str(out), "-j", "1", "-q"]) == 0
    assert list(out.glob(".*.tmp")) == []
    with locked_folder(out):
        pass
