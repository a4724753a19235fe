"""Bad input: each bad page gets a status and a one-line reason, and the others carry on."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import (
    ACCENTED_WORDS,
    FRENCH_PARAGRAPHS,
    LATIN1_WORDS,
    build_hostile_corpus,
    copy_real_pages,
    inject_words,
    malformed_html,
    real_pages,
    to_latin1,
    write_huge_page,
)

import pipeline.extract.stage as extract_module
from pipeline.cli import EXIT_FAILURE, EXIT_OK, EXIT_PARTIAL, main
from pipeline.config import PROJ_ROOT, Settings
from pipeline.extract.stage import (
    MIN_CONTENT_WORDS,
    MIN_PROSE_BLOCK_WORDS,
    STATUS_DUPLICATE,
    STATUS_EMPTY,
    STATUS_ERROR,
    STATUS_LANGUAGE,
    STATUS_OK,
    extract_page,
    judge_content,
    run_extract,
)

SETTINGS = Settings(jobs=1)
#: (expected status by file name, out folder, records returned by the run)
HostileRun = tuple[dict[str, str], Path, list[dict[str, object]]]
#: A 50 MB page must be refused well within this time (it is never parsed).
HUGE_PAGE_SECONDS = 10
#: ... and the whole run, Python and the extractors included, stays under this RSS.
HUGE_PAGE_MAX_RSS_MB = 600
#: Runs the command line, then prints the peak RSS (KiB) of the process and its children.
#: The process's own peak is read from ``VmHWM``: ``ru_maxrss`` of a process started
#: with vfork+exec also counts the parent's resident set at the fork, here the test
#: run's, which grows with every model the earlier tests loaded.
PEAK_RSS_MAIN = (
    "import resource, sys\n"
    "from pipeline.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "status = open('/proc/self/status', encoding='ascii').read()\n"
    "own = int(status.split('VmHWM:')[1].split()[0])\n"
    "print(max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(code)\n"
)


def records_by_file(out: Path) -> dict[str, dict[str, object]]:
    """Every source record written to ``out``, keyed by raw file name."""
    records = (json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json"))
    return {str(r["file"]): r for r in records if "blocks" in r}


def clean_text(out: Path, raw_name: str) -> str:
    """The clean text written for a raw file."""
    return (out / f"{Path(raw_name).stem}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> HostileRun:
    """One extract run over the hostile corpus: (expected statuses, out folder, returned records)."""
    raw = tmp_path_factory.mktemp("hostile_raw")
    expected = build_hostile_corpus(raw)
    out = tmp_path_factory.mktemp("hostile_out")
    return expected, out, run_extract(raw, out, settings=SETTINGS)


def test_every_hostile_page_gets_its_status(hostile_run: HostileRun) -> None:
    expected, out, returned = hostile_run
    on_disk = records_by_file(out)
    assert {name: r["status"] for name, r in on_disk.items()} == expected
    assert {r["file"]: r["status"] for r in returned} == expected


def test_unusable_pages_say_why(hostile_run: HostileRun) -> None:
    _, out, _ = hostile_run
    records = records_by_file(out)
    reasons = {
        "empty.html": "empty file",
        "image.html": "PNG image",
        "document.html": "PDF document",
        "garbage.txt": "undecodable bytes",
        "login.html": "no article text",
        "missing.html": "no article text",
        "menu.txt": "no article text",
        "french.html": "not English",
    }
    for name, reason in reasons.items():
        assert reason in str(records[name]["message"]), name
    for name in ("empty.html", "image.html", "document.html", "garbage.txt"):
        assert not (out / f"{Path(name).stem}.txt").exists(), name
        assert records[name]["blocks"] == []


def test_other_language_keeps_clean_text(hostile_run: HostileRun) -> None:
    _, out, _ = hostile_run
    assert "transports publics" in clean_text(out, "french.html")


def test_duplicate_names_the_first_copy(hostile_run: HostileRun) -> None:
    _, out, _ = hostile_run
    records = records_by_file(out)
    assert records["a_original.txt"]["duplicate_of"] == ""
    assert records["b_copy.txt"]["duplicate_of"] == records["a_original.txt"]["source_id"]


def test_duplicate_is_counted_once_downstream(
    hostile_run: HostileRun,
) -> None:
    from pipeline.claims.stage import run_segment

    _, out, _ = hostile_run
    claims = [json.loads(line) for line in run_segment(out).read_text(encoding="utf-8").splitlines()]
    sources = {c["source_id"] for c in claims}
    assert "a_original" in sources
    assert sources == {"a_original"}


def test_encodings_give_the_same_clean_text(tmp_path: Path) -> None:
    page = inject_words(real_pages()[0].read_text(encoding="utf-8"), ACCENTED_WORDS)
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for encoding in ("utf-8", "cp1252", "utf-16"):
        (raw / f"{encoding}.txt").write_bytes(page.encode(encoding))
    latin = inject_words(to_latin1(real_pages()[0].read_text(encoding="utf-8")), LATIN1_WORDS)
    (raw / "latin1.txt").write_bytes(latin.encode("latin-1"))
    (raw / "latin1_utf8.txt").write_bytes(latin.encode("utf-8"))
    records = {r["file"]: r for r in run_extract(raw, out, settings=SETTINGS)}
    reference = clean_text(out, "utf-8.txt")
    assert ACCENTED_WORDS in reference
    for name in ("cp1252.txt", "utf-16.txt"):
        assert clean_text(out, name) == reference, name
    # Same article in three encodings: the first by source id counts, the others are copies.
    assert records["cp1252.txt"]["status"] == STATUS_OK
    for name in ("utf-16.txt", "utf-8.txt"):
        assert (records[name]["status"], records[name]["duplicate_of"]) == (STATUS_DUPLICATE, "cp1252")
    assert LATIN1_WORDS in clean_text(out, "latin1.txt")
    assert clean_text(out, "latin1.txt") == clean_text(out, "latin1_utf8.txt")
    assert records["utf-16.txt"]["encoding"] == "utf-16"


def test_html_saved_in_cp1252_with_a_utf8_declaration(tmp_path: Path, bench_dir: Path) -> None:
    html = next(iter(sorted((bench_dir / "html").glob("*.html")))).read_text(encoding="utf-8")
    marker = f"<p>{ACCENTED_WORDS}</p>"
    html = html.replace("</p>", "</p>" + marker, 1)
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "utf8.html").write_bytes(html.encode("utf-8"))
    (raw / "cp1252.html").write_bytes(html.encode("cp1252", errors="replace"))
    run_extract(raw, out, settings=SETTINGS)
    ascii_safe = html.encode("cp1252", errors="replace").decode("cp1252")
    if ascii_safe == html:  # the page itself is all cp1252-encodable: texts must match
        assert clean_text(out, "cp1252.html") == clean_text(out, "utf8.html")
    assert records_by_file(out)["cp1252.html"]["encoding"] == "cp1252"


def test_malformed_html_still_yields_the_article(tmp_path: Path) -> None:
    page = real_pages()[1].read_text(encoding="utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "broken.html").write_text(malformed_html(page), encoding="utf-8")
    [record] = run_extract(raw, tmp_path / "out", settings=SETTINGS)
    assert record["status"] == STATUS_OK
    assert longest_words(page) in " ".join(clean_text(tmp_path / "out", "broken.html").split())


def longest_words(text: str) -> str:
    """The first ten words of the longest line of a page."""
    return " ".join(max(text.splitlines(), key=len).split()[:10])


def test_huge_page_is_refused_in_bounded_time_and_memory(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    write_huge_page(raw / "huge.html", 50_000_000)
    shutil.copy(real_pages()[0], raw / "normal.txt")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS_MAIN, "extract", "--in", str(raw), "--out", str(out), "-j", "1"],
        cwd=PROJ_ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    elapsed = time.perf_counter() - started
    peak_mb = int(result.stdout.split()[-1]) / 1024
    assert result.returncode == EXIT_PARTIAL, result.stderr
    assert "huge.html" in result.stderr and "max_page_bytes" in result.stderr
    record = records_by_file(out)["huge.html"]
    assert record["status"] == STATUS_ERROR
    assert int(str(record["bytes"])) > 50_000_000
    assert len(str(record["sha256"])) == 64
    assert elapsed < HUGE_PAGE_SECONDS
    assert peak_mb < HUGE_PAGE_MAX_RSS_MB


def test_page_limit_is_a_setting(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(real_pages()[0], page)
    small = extract_page(page, settings=Settings(max_page_bytes=100))
    assert small.record["status"] == STATUS_ERROR
    assert "over the 100-byte limit" in str(small.record["message"])
    assert extract_page(page, settings=Settings()).record["message"] == ""


#: Linux capabilities that let root read any file (capability.h).
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2
PR_CAPBSET_DROP = 24


def drop_read_override() -> None:
    """In a child before exec: drop root's power to read any file, so permissions apply to it.

    Dropped from the bounding set, the capabilities are not granted again by the exec, so
    even root gets "permission denied" on a file with mode 000.
    """
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def test_unreadable_file_by_permissions(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    shutil.copy(real_pages()[0], raw / "good.txt")
    locked = raw / "locked.txt"
    shutil.copy(real_pages()[1], locked)
    locked.chmod(0)
    try:
        # As root (CI), the run goes in a child that cannot override permissions either.
        cmd = [sys.executable, "-m", "pipeline", "extract", "--in", str(raw), "--out", str(out), "-j", "1"]
        subprocess.run(
            cmd, cwd=PROJ_ROOT, capture_output=True, text=True, timeout=120, check=False,
            preexec_fn=drop_read_override if os.geteuid() == 0 else None,
        )
    finally:
        locked.chmod(0o644)
    records = records_by_file(out)
    assert records["locked.txt"]["status"] == STATUS_ERROR
    assert "permission denied" in str(records["locked.txt"]["message"])
    assert records["good.txt"]["status"] == STATUS_OK


def test_read_errors_become_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that vanishes after listing, or cannot be read, is an error record, not a crash."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(real_pages()[0], raw / "good.txt")
    shutil.copy(real_pages()[1], raw / "locked.txt")
    listed = [*extract_module.list_raw_files(raw), raw / "vanished.html"]
    monkeypatch.setattr(extract_module, "list_raw_files", lambda _: listed)
    real_open = os.open

    def open_fd(path: str, flags: int, *args: int) -> int:
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", open_fd)
    records = {r["file"]: r for r in run_extract(raw, tmp_path / "out", settings=SETTINGS)}
    assert records["vanished.html"]["status"] == STATUS_ERROR
    assert "disappeared" in str(records["vanished.html"]["message"])
    assert "permission denied" in str(records["locked.txt"]["message"])
    assert records["good.txt"]["status"] == STATUS_OK


def test_extractor_failure_on_one_page_spares_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    pages = real_pages()
    shutil.copy(pages[0], raw / "good.txt")
    (raw / "boom.txt").write_text(pages[1].read_text(encoding="utf-8") + "\nBOOM\n", encoding="utf-8")
    real_extractor = extract_module.run_extractor

    def flaky(text: str, form: str) -> object:
        if "\nBOOM\n" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real_extractor(text, form)

    monkeypatch.setattr(extract_module, "run_extractor", flaky)
    records = {r["file"]: r for r in run_extract(raw, tmp_path / "out", settings=SETTINGS)}
    assert records["boom.txt"]["status"] == STATUS_ERROR
    assert "RecursionError" in str(records["boom.txt"]["message"])
    assert records["good.txt"]["status"] == STATUS_OK


def test_same_stem_in_two_forms_keeps_both(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(real_pages()[0], raw / "page.txt")
    broken = malformed_html(real_pages()[1].read_text(encoding="utf-8"))
    (raw / "page.html").write_text(broken, encoding="utf-8")
    records = {r["file"]: r for r in run_extract(raw, tmp_path / "out", settings=SETTINGS)}
    assert records["page.html"]["source_id"] == "page"
    assert records["page.txt"]["source_id"] == "page.txt"
    assert set(records_by_file(tmp_path / "out")) == {"page.html", "page.txt"}


def test_removed_pages_are_pruned_and_foreign_json_kept(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    copy_real_pages(raw, 2)
    run_extract(raw, out, settings=SETTINGS)
    (out / "datapackage.json").write_text('{"name": "x"}', encoding="utf-8")
    (out / "broken.json").write_text("{not json", encoding="utf-8")
    (raw / "p1.txt").unlink()
    run_extract(raw, out, settings=SETTINGS)
    assert sorted(p.name for p in out.iterdir()) == ["broken.json", "datapackage.json", "p0.json", "p0.txt"]


# --- exit status and the stderr line, through the command line ---------------------------


def cli_extract(raw: Path, out: Path) -> int:
    return main(["extract", "--in", str(raw), "--out", str(out), "-j", "1"])


def test_exit_ok_when_every_page_is_usable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(real_pages()[0], raw / "one.txt")
    shutil.copy(real_pages()[0], raw / "two.txt")  # a duplicate is still a usable page
    assert cli_extract(raw, tmp_path / "out") == EXIT_OK
    assert "ERROR" not in capsys.readouterr().err


def test_exit_partial_names_each_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "raw"
    build_hostile_corpus(raw)
    assert cli_extract(raw, tmp_path / "out") == EXIT_PARTIAL
    lines = capsys.readouterr().err.splitlines()
    expected = {
        "empty.html": "error: empty file",
        "image.html": "error: binary file (a PNG image)",
        "document.html": "error: binary file (a PDF document)",
        "garbage.txt": "error: undecodable bytes",
        "login.html": "no_content: no article text found",
        "menu.txt": "no_content: no article text found",
        "french.html": "other_language: not English prose",
    }
    for name, reason in expected.items():
        assert [line for line in lines if f"{name}: {reason}" in line], (name, lines)
    assert not [line for line in lines if "a_original.txt" in line or "b_copy.txt" in line]


def test_exit_failure_when_no_page_is_usable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.html").write_bytes(b"")
    (raw / "blank.txt").write_bytes(b"\n\n   \n")
    assert cli_extract(raw, tmp_path / "out") == EXIT_FAILURE
    err = capsys.readouterr().err
    assert "empty.html: error: empty file" in err and "blank.txt: error: empty file" in err


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.mark.slow
def test_all_lists_bad_pages_in_sources_and_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    expected = build_hostile_corpus(raw)
    code = main(["all", "--raw", str(raw), "--out", str(out), "-j", "1"])
    assert code == EXIT_PARTIAL
    assert "empty.html: error: empty file" in capsys.readouterr().err
    rows = {row["file"]: row for row in read_csv(out / "cleaned" / "sources.csv")}
    assert {name: row["status"] for name, row in rows.items()} == expected
    report = (out / "reports" / "report.html").read_text(encoding="utf-8")
    for name in expected:
        assert name in report, name


@pytest.mark.slow
@pytest.mark.parametrize(("pages", "expected"), [("good", EXIT_OK), ("bad", EXIT_FAILURE)])
def test_all_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pages: str, expected: int
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    if pages == "good":
        shutil.copy(real_pages()[0], raw / "good.txt")
    else:
        (raw / "empty.html").write_bytes(b"")
    assert main(["all", "--raw", str(raw), "--out", str(tmp_path / "out"), "-j", "1"]) == expected
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert ("empty.html: error: empty file" in err) == (pages == "bad")


def test_content_rules_on_both_sides_of_their_thresholds() -> None:
    sentence = "The committee said that it would publish the full report on its findings next week."
    short = ["Home", "News", "Sign in", "Subscribe now", "Privacy policy"]
    assert judge_content(short * 40)[0] == STATUS_EMPTY  # many words, none in sentences
    few = sentence.split()[: MIN_PROSE_BLOCK_WORDS - 1]
    assert judge_content([" ".join(few)] * 20)[0] == STATUS_EMPTY
    words = sentence.split()
    assert judge_content([" ".join(words[:MIN_CONTENT_WORDS - 1])])[0] == STATUS_EMPTY
    assert judge_content([sentence, sentence])[0] == STATUS_OK
    assert judge_content(list(FRENCH_PARAGRAPHS))[0] == STATUS_LANGUAGE


def test_partial_run_also_redoes_unfinished_pages(tmp_path: Path) -> None:
    """``--only`` (what make passes for edited pages) also redoes pages without a record."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    copy_real_pages(raw, 3)
    run_extract(raw, out, settings=SETTINGS)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "p2.json").unlink()  # as if a killed run had written p2.txt but not its record
    (out / ".p1.json.x1y2z3.tmp").write_bytes(b"{")
    records = run_extract(raw, out, settings=SETTINGS, only=[raw / "p0.txt"])
    assert [r["file"] for r in records] == ["p0.txt", "p2.txt"]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_clearing_library_caches_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        extract_module.reset_library_caches()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
