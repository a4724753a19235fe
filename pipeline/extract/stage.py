"""Stage 1, extract: raw pages -> clean text plus an audited record of every block.

For each page in the raw folder this writes ``<source_id>.txt`` (title, blank
line, kept blocks separated by blank lines) and ``<source_id>.json`` (metadata,
every block with its label, the rule that decided it and its offsets). A page
that cannot be used still gets a ``.json`` record with its status and reason,
so the dataset and the report can say what was not read and why.

Statuses, in the order they are decided:

- ``error``: the file could not be read (missing, permissions), was refused unread
  (a link out of the raw folder or in a loop, a pipe, a socket), is empty, binary,
  undecodable, over ``max_page_bytes``, or the extractor failed on it.
- ``no_content``: fewer than ``MIN_CONTENT_WORDS`` words in sentence-length blocks
  survived boilerplate removal (login walls, 404 pages, renderings that are all
  navigation).
- ``other_language``: the kept text has less than ``MIN_STOPWORD_SHARE`` (15%)
  English function words. Its clean text is written, but it is not segmented.
- ``duplicate``: the same kept text as a page with an earlier source id;
  ``duplicate_of`` names that page, and later stages count the article once.
- ``ok``: everything else.

Writes are crash-safe: each file goes through a temp file and ``os.replace``; a
page's ``.json`` is removed before its ``.txt`` is replaced and written last, so a
``.json`` always describes the ``.txt`` beside it (a ``.txt`` without a ``.json``
is an unfinished write, redone by the next run). Unchanged files are not
rewritten, and temp files left by a killed run are deleted at the next start.
"""

from __future__ import annotations

import hashlib
import importlib
import itertools
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, BinaryIO

from pipeline import __version__
from pipeline.config import RAW_SUFFIXES, Settings
from pipeline.decode import DecodeError, decode_bytes
from pipeline.extract.function_words import STOPWORDS
from pipeline.io import read_json, remove_stale_temps, sha256_bytes, write_bytes_atomic
from pipeline.parallel import MIN_ITEMS_FOR_POOL, imap_ordered, worker_count
from pipeline.rawfiles import RefusedEntry, open_page
from pipeline.records import Block, Extraction
from pipeline.signals import PAGES

LOGGER = logging.getLogger(__name__)

#: Statuses a source can end with; only "ok" sources go on to segmentation.
STATUS_OK = "ok"
STATUS_ERROR = "error"
STATUS_EMPTY = "no_content"
STATUS_LANGUAGE = "other_language"
STATUS_DUPLICATE = "duplicate"

#: A page whose kept text has fewer words than this has no article worth keeping
#: (login walls and 404 pages keep a sentence or two at most).
MIN_CONTENT_WORDS = 25
#: Blocks with fewer words than this are menu entries, buttons or labels, not
#: sentences; their words do not count towards MIN_CONTENT_WORDS (a page of
#: navigation links keeps hundreds of words, all in one- to four-word lines).
MIN_PROSE_BLOCK_WORDS = 6
#: Share of English function words below which kept text is not English. The
#: benchmark's own selection rule uses the same 15% bar (bench README, "Selection");
#: English prose runs at 40-55%, and text in other languages that shares a few
#: short words with English (a, in, to, die) stays under 10%.
MIN_STOPWORD_SHARE = 0.15
#: Pages extracted by one worker process between clearing trafilatura's and
#: htmldate's memo caches, which otherwise grow with every distinct page.
CACHE_RESET_PAGES = 500
#: Bytes read at a time when hashing a page too large to load.
HASH_BLOCK_BYTES = 1 << 20

WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PageResult:
    """What extracting one page produced: its JSON record and its clean text."""

    record: dict[str, Any]
    clean_text: str | None

    @property
    def source_id(self) -> str:
        """The page's id (its file stem; see :func:`assign_source_ids`)."""
        return str(self.record["source_id"])


def source_id_for(path: Path) -> str:
    """A page's source id is its file stem, so ids survive reruns and renames of others."""
    return path.stem


def assign_source_ids(files: Sequence[Path]) -> dict[Path, str]:
    """Map each raw file to a unique source id.

    Ids are file stems; when two files share a stem (``page.html`` and
    ``page.txt``) the first in sorted order keeps it and the others use their
    full file name, so no page's outputs overwrite another's.
    """
    ids: dict[Path, str] = {}
    taken: set[str] = set()
    for path in sorted(files, key=lambda p: p.name):
        sid = source_id_for(path)
        if sid in taken:
            sid = path.name
        while sid in taken:
            sid = f"{sid}_"
        taken.add(sid)
        ids[path] = sid
    return ids


def list_raw_files(raw_dir: Path) -> list[Path]:
    """Return the page entries of ``raw_dir`` in sorted (deterministic) order.

    Hidden files are skipped: they are editor backups and temp files, not pages.
    Directories are skipped; links, pipes and sockets are listed, so that each gets a
    record saying why it was not read (:mod:`pipeline.rawfiles`).
    """
    return sorted(
        p for p in raw_dir.iterdir()
        if p.suffix.lower() in RAW_SUFFIXES and not p.name.startswith(".")
        and not stat.S_ISDIR(p.lstat().st_mode)
    )


def extractor_name(form: str) -> str:
    """Name and version of the extractor, recorded as provenance.

    trafilatura is imported here, not at the top: a run over text renderings never
    needs it, and importing it costs about 0.1 s of every such run's start-up.
    """
    if form == "html":
        import trafilatura

        return f"pipeline.extract.html {__version__} (trafilatura {trafilatura.__version__})"
    return f"pipeline.extract.text {__version__}"


def run_extractor(text: str, form: str) -> Extraction:
    """Dispatch on the detected input form."""
    if form == "html":
        from pipeline.extract.html import extract_html

        return extract_html(text)
    from pipeline.extract.text import extract_text

    return extract_text(text)


def assemble_clean_text(extraction: Extraction) -> tuple[str, dict[int, tuple[int, int]]]:
    """Lay out the clean text and return the offsets of each kept block in it.

    Layout (the documented contract): the title on the first line, a blank line,
    then the kept content blocks in page order separated by blank lines.
    """
    title = extraction.metadata.title.strip()
    parts: list[str] = [title, ""]
    offsets: dict[int, tuple[int, int]] = {}
    cursor = len(title) + 2
    for index, block in enumerate(extraction.blocks):
        if not block.keep or block.kind == "title":
            continue
        if len(parts) > 2:
            parts.append("")
            cursor += 1
        parts.append(block.text)
        offsets[index] = (cursor, cursor + len(block.text))
        cursor += len(block.text) + 1
    return "\n".join(parts) + "\n", offsets


def body_text(extraction: Extraction) -> str:
    """The kept blocks after the title, laid out as in the clean text.

    This is the clean text without its title line: what benchmarks of main-text
    extraction, whose gold has no headline, score.
    """
    return "\n\n".join(block.text for block in extraction.kept)


def stopword_share(text: str) -> float:
    """Share of tokens that are English function words (a cheap language test)."""
    words = WORD_RE.findall(text.lower())
    return sum(w in STOPWORDS for w in words) / len(words) if words else 0.0


def block_record(index: int, block: Block, clean: tuple[int, int] | None) -> dict[str, Any]:
    """JSON form of one block.

    ``segments`` is the block's own list of (offset, raw offset, length) tuples, which
    JSON writes as arrays: copying each into a list cost a quarter of the record's time on
    the benchmark pages (hundreds of runs on link-heavy ones), much of it in garbage collection.
    """
    return {
        "index": index,
        "kind": block.kind,
        "keep": block.keep,
        "rule": block.rule,
        "text": block.text,
        "raw_start": block.start,
        "raw_end": block.end,
        "clean_start": clean[0] if clean else None,
        "clean_end": clean[1] if clean else None,
        "segments": block.segments,
    }


def base_record(path: Path, *, source_id: str, sha256: str, size: int) -> dict[str, Any]:
    """Fields every source record has, whatever happened to it."""
    return {
        "source_id": source_id,
        "file": path.name,
        "sha256": sha256,
        "bytes": size,
        "status": STATUS_ERROR,
        "message": "",
        "form": "",
        "encoding": "",
        "extractor": "",
        "metadata": {"title": "", "author": "", "date": "", "site": "", "language": ""},
        "words_kept": 0,
        "words_removed": 0,
        "duplicate_of": "",
        "text_sha256": "",
        "blocks": [],
    }


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file read in blocks, so huge pages are hashed in bounded memory."""
    with path.open("rb") as handle:
        return sha256_handle(handle)


def sha256_handle(handle: BinaryIO) -> str:
    """Hex SHA-256 of an open file's remaining bytes, read in blocks."""
    digest = hashlib.sha256()
    while block := handle.read(HASH_BLOCK_BYTES):
        digest.update(block)
    return digest.hexdigest()


def read_error(exc: OSError) -> str:
    """A short reason for a file that could not be read."""
    if isinstance(exc, FileNotFoundError):
        return "file disappeared before it could be read"
    if isinstance(exc, PermissionError):
        return "file is not readable (permission denied)"
    if isinstance(exc, IsADirectoryError):
        return "not a file (a directory)"
    return f"cannot read file ({exc.strerror or exc})"


def error_result(path: Path, source_id: str, message: str, *, sha256: str = "", size: int = 0) -> PageResult:
    """The record of a page that could not be used at all."""
    record = base_record(path, source_id=source_id, sha256=sha256, size=size)
    record["message"] = message
    return PageResult(record, None)


def read_page(
    path: Path, source_id: str, *, max_bytes: int, follow_links: bool = False
) -> bytes | PageResult:
    """The page's bytes, or an error result when it is refused, unreadable or over ``max_bytes``.

    The size is checked before reading, so an oversized page never enters memory;
    links leaving the raw folder, loops, pipes and sockets are never read at all.
    """
    try:
        with open_page(path, follow_links=follow_links) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                message = f"page is {size:,} bytes, over the {max_bytes:,}-byte limit (max_page_bytes)"
                return error_result(path, source_id, message, sha256=sha256_handle(handle), size=size)
            return handle.read()
    except RefusedEntry as exc:
        return error_result(path, source_id, str(exc))
    except OSError as exc:
        return error_result(path, source_id, read_error(exc))


def word_count(text: str) -> int:
    """Number of ``\\w+`` words in ``text``."""
    return len(WORD_RE.findall(text))


def judge_content(kept: Sequence[str], word_counts: Sequence[int] | None = None) -> tuple[str, str]:
    """Decide whether the kept blocks are a usable English article; return (status, message).

    ``word_counts``, the :func:`word_count` of each kept block, is counted when not
    given (a caller that needs the counts too passes them: counting is the costly
    part). Only words in sentence-length blocks count as article text: a page whose
    extractor kept nothing but menu entries or buttons has no article, whatever its
    language.
    """
    if word_counts is None:
        word_counts = [word_count(text) for text in kept]
    words = sum(word_counts)
    prose = [text for text, count in zip(kept, word_counts, strict=True) if count >= MIN_PROSE_BLOCK_WORDS]
    prose_words = sum(count for count in word_counts if count >= MIN_PROSE_BLOCK_WORDS)
    if prose_words < MIN_CONTENT_WORDS:
        return STATUS_EMPTY, f"no article text found ({words} words kept, {prose_words} in sentences)"
    share = stopword_share("\n".join(prose))
    if share < MIN_STOPWORD_SHARE:
        return STATUS_LANGUAGE, f"not English prose ({share:.0%} English function words); not segmented"
    return STATUS_OK, ""


def extract_page(path: Path, *, settings: Settings, source_id: str | None = None) -> PageResult:
    """Extract one page; never raises for bad input, the record says what went wrong.

    Args:
        path: the raw page.
        settings: run settings (``max_page_bytes`` bounds the page size).
        source_id: the page's id; defaults to :func:`source_id_for`.
    """
    sid = source_id or source_id_for(path)
    data = read_page(path, sid, max_bytes=settings.max_page_bytes, follow_links=settings.follow_links)
    if isinstance(data, PageResult):
        return data
    sha, size = sha256_bytes(data), len(data)
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return error_result(path, sid, str(exc), sha256=sha, size=size)
    del data
    try:
        extraction = run_extractor(decoded.text, decoded.form)
    except Exception as exc:  # an extractor bug on one page must not stop the others
        LOGGER.debug("%s: extractor traceback", path.name, exc_info=True)
        reason = f"extractor failed ({type(exc).__name__}: {str(exc)[:200]})"
        return error_result(path, sid, reason, sha256=sha, size=size)
    record = base_record(path, source_id=sid, sha256=sha, size=size)
    record.update(form=decoded.form, encoding=decoded.encoding, extractor=extractor_name(decoded.form))
    return describe_extraction(record, extraction)


def describe_extraction(record: dict[str, Any], extraction: Extraction) -> PageResult:
    """Fill a record from an extraction: status, metadata, counts and every block."""
    clean_text, offsets = assemble_clean_text(extraction)
    kept = [b.text for b in extraction.kept]
    kept_words = [word_count(text) for text in kept]
    body = "\n".join(kept)
    status, message = judge_content(kept, kept_words)
    meta = extraction.metadata
    record.update(
        status=status,
        message=message,
        metadata={"title": meta.title, "author": meta.author, "date": meta.date,
                  "site": meta.site, "language": meta.language or ("en" if status == STATUS_OK else "")},
        # words never span a line break, so joined texts count as the sum of their parts
        words_kept=sum(kept_words),
        words_removed=word_count("\n".join(b.text for b in extraction.blocks if not b.keep)),
        text_sha256=sha256_bytes(" ".join(body.split()).lower().encode("utf-8")),
        blocks=[block_record(i, b, offsets.get(i)) for i, b in enumerate(extraction.blocks)],
    )
    return PageResult(record, clean_text)


#: Pages extracted by this process so far (each worker process counts its own).
_PAGE_COUNTER = itertools.count(1)

WorkItem = tuple[str, str, Settings]
"""What a worker gets for one page: (path, source id, settings)."""


@dataclass(frozen=True, slots=True)
class EncodedPage:
    """A page result as the writing process needs it: a summary and the bytes to write.

    Workers encode the record themselves, so the one process that writes files
    neither unpickles nor serializes the (large) block lists.
    """

    summary: dict[str, Any]
    record_json: bytes
    clean_text: bytes | None


def encode_result(result: PageResult) -> EncodedPage:
    """Serialize a page result for writing."""
    text = result.clean_text.encode("utf-8") if result.clean_text is not None else None
    return EncodedPage(summary(result.record), record_bytes(result.record), text)


def reset_library_caches() -> None:
    """Clear trafilatura's and htmldate's memo caches, quietly.

    htmldate logs an ERROR ("impossible to clear cache for function") when the
    installed charset-normalizer is its compiled build, whose functions have no
    ``cache_clear``; its own caches and trafilatura's are still cleared, so the
    message would only alarm users. Its logger is muted for the call. A process
    that has not imported trafilatura (it extracted no HTML page) has no caches to clear.
    """
    if "trafilatura" not in sys.modules:
        return
    from trafilatura.meta import reset_caches

    noisy = logging.getLogger("htmldate.meta")
    was_disabled, noisy.disabled = noisy.disabled, True
    try:
        reset_caches()
    finally:
        noisy.disabled = was_disabled


def _extract_worker(item: WorkItem) -> EncodedPage:
    """Worker entry point (top level so it pickles); clears memo caches now and then."""
    path, source_id, settings = item
    if next(_PAGE_COUNTER) % CACHE_RESET_PAGES == 0:
        reset_library_caches()
    return encode_result(extract_page(Path(path), settings=settings, source_id=source_id))


def _crashed_page(item: WorkItem, reason: str) -> EncodedPage:
    """The record of a page whose worker process died while extracting it."""
    path, source_id, _ = item
    page = Path(path)
    try:
        sha, size = sha256_file(page), page.stat().st_size
    except OSError:
        sha, size = "", 0
    return encode_result(error_result(page, source_id, f"extraction failed: {reason}", sha256=sha, size=size))


#: The record fields that duplicate marking sets.
DUPLICATE_FIELDS = ("status", "message", "duplicate_of")


class DuplicateIndex:
    """Recognise later copies of an article, fed records in source-id order.

    Copies are recognised by their normalized kept text, so the same page saved
    twice under different names or encodings still counts once in agreement.
    """

    def __init__(self) -> None:
        self.first: dict[str, str] = {}

    def mark(self, record: dict[str, Any]) -> None:
        """Set ``status``/``duplicate_of`` of one record from the ones seen before it."""
        if record["status"] == STATUS_DUPLICATE:
            record["status"], record["message"], record["duplicate_of"] = STATUS_OK, "", ""
        key = record["text_sha256"]
        if record["status"] != STATUS_OK or not key:
            return
        if key in self.first:
            record["status"] = STATUS_DUPLICATE
            record["duplicate_of"] = self.first[key]
            record["message"] = f"same article as {self.first[key]}; counted once"
        else:
            self.first[key] = record["source_id"]


def record_bytes(record: dict[str, Any]) -> bytes:
    """A record as written on disk: one top-level field per line, one block per line.

    Valid, key-sorted JSON that people can still read and diff line by line; each
    value is encoded by the C encoder (``indent`` would force the pure-Python one,
    which took 35 ms of a page's time on the benchmark pages).
    """
    fields = []
    for key in sorted(record):
        value = record[key]
        if key == "blocks" and value:
            text = "[\n" + ",\n".join(f"  {block_json(block)}" for block in value) + "\n ]"
        else:
            text = _compact(value)
        fields.append(f" {_compact(key)}: {text}")
    return ("{\n" + ",\n".join(fields) + "\n}\n").encode("utf-8")


#: Key-sorted JSON on one line, with the spaces people expect after ``,`` and ``:``.
_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(", ", ": "))

#: The keys of a block record (:func:`block_record`), in the sorted order JSON writes them.
BLOCK_KEYS = ("clean_end", "clean_start", "index", "keep", "kind", "raw_end", "raw_start", "rule",
              "segments", "text")
_BLOCK_KEY_SET = frozenset(BLOCK_KEYS)


def _compact(value: Any) -> str:
    """``value`` as JSON on one line (see :data:`_ENCODER`)."""
    return _ENCODER.encode(value)


def block_json(block: dict[str, Any]) -> str:
    """A block record as :func:`_compact` writes it, in half the time.

    A text rendering has a block per line, and encoding each through the general
    encoder took a tenth of a text run. A block's shape is fixed: its strings go
    through JSON's own string encoder, its offsets are ints or None, and its
    ``segments`` are tuples (or, read back from disk, lists) of ints, whose Python
    ``repr`` is their JSON once parentheses become brackets. A block of another shape
    (from a hand-edited record) takes the general path.
    """
    if block.keys() != _BLOCK_KEY_SET:
        return _compact(block)
    return (
        f'{{"clean_end": {_int_or_null(block["clean_end"])}, '
        f'"clean_start": {_int_or_null(block["clean_start"])}, "index": {block["index"]}, '
        f'"keep": {"true" if block["keep"] else "false"}, "kind": {encode_basestring(block["kind"])}, '
        f'"raw_end": {block["raw_end"]}, "raw_start": {block["raw_start"]}, '
        f'"rule": {encode_basestring(block["rule"])}, "segments": {_int_arrays(block["segments"])}, '
        f'"text": {encode_basestring(block["text"])}}}'
    )


def _int_arrays(segments: list[Any]) -> str:
    """JSON of a list of int tuples or int lists: their ``repr``, with tuples bracketed."""
    return repr(segments).replace("(", "[").replace(")", "]")


def _int_or_null(value: int | None) -> str:
    """JSON of an optional offset."""
    return "null" if value is None else str(value)


def same_bytes(path: Path, data: bytes | None) -> bool:
    """True when ``path`` holds exactly ``data`` (or is absent and ``data`` is None)."""
    try:
        return path.read_bytes() == data if data is not None else not path.exists()
    except OSError:
        return False


def write_encoded(page: EncodedPage, out_dir: Path) -> None:
    """Write an encoded page: the old ``.json`` goes first and the new one comes last.

    A run killed in between therefore leaves no record that disagrees with its
    text. Files that already hold the right bytes are left alone, so reruns do
    not touch them (nor their modification times).
    """
    source_id = page.summary["source_id"]
    json_path, txt_path = out_dir / f"{source_id}.json", out_dir / f"{source_id}.txt"
    if same_bytes(json_path, page.record_json) and same_bytes(txt_path, page.clean_text):
        return
    json_path.unlink(missing_ok=True)
    if page.clean_text is None:
        txt_path.unlink(missing_ok=True)
    else:
        write_bytes_atomic(txt_path, page.clean_text)
    write_bytes_atomic(json_path, page.record_json)


def apply_duplicate_marks(page: EncodedPage, index: DuplicateIndex) -> EncodedPage:
    """Mark a page against the pages before it, re-encoding its record only if a mark changed."""
    before = {key: page.summary[key] for key in DUPLICATE_FIELDS}
    index.mark(page.summary)
    if all(page.summary[key] == value for key, value in before.items()):
        return page
    record = json.loads(page.record_json)
    record.update({key: page.summary[key] for key in DUPLICATE_FIELDS})
    return EncodedPage(page.summary, record_bytes(record), page.clean_text)


def read_record(path: Path) -> dict[str, Any] | None:
    """A source record, or None for a missing, unreadable or foreign JSON file."""
    try:
        record = read_json(path)
    except (OSError, ValueError):
        return None
    is_record = isinstance(record, dict) and "blocks" in record and "source_id" in record
    return record if is_record else None


def prune_orphans(out_dir: Path, source_ids: Iterable[str]) -> None:
    """Delete outputs of pages that are no longer in the raw folder.

    Only JSON files not named after a current page are opened, so a run reads
    a handful of files here however large the corpus is.
    """
    keep = set(source_ids)
    for record_path in out_dir.glob("*.json"):
        if record_path.stem in keep:
            continue
        record = read_record(record_path)
        if record is not None and record["source_id"] not in keep:
            record_path.unlink(missing_ok=True)
            record_path.with_suffix(".txt").unlink(missing_ok=True)


def refresh_duplicates(out_dir: Path, source_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Recompute duplicate marks over all current records, rewriting only changed ones.

    Returns the records whose marks changed, by source id. This reads every
    record, so it runs only after partial (``--only``) runs; a full run marks
    duplicates while it writes.
    """
    index = DuplicateIndex()
    changed: dict[str, dict[str, Any]] = {}
    for sid in sorted(source_ids):
        record = read_record(out_dir / f"{sid}.json")
        if record is None:
            continue
        before = (record["status"], record["duplicate_of"])
        index.mark(record)
        if (record["status"], record["duplicate_of"]) != before:
            write_bytes_atomic(out_dir / f"{sid}.json", record_bytes(record))
            changed[sid] = record
    return changed


def summary(record: dict[str, Any]) -> dict[str, Any]:
    """A record without its blocks: what a run returns, in bounded memory per page."""
    return {key: value for key, value in record.items() if key != "blocks"}


def pages_to_process(
    ids: dict[Path, str], out_dir: Path, only: Sequence[Path] | None
) -> list[Path]:
    """The pages to extract, in source-id order: all, or ``only`` plus unfinished ones.

    A page without a ``.json`` (new, or interrupted mid-write by a killed run) is
    always processed, so an ``--only`` run also finishes what a killed run left.
    """
    wanted = {p.resolve() for p in only} if only is not None else None
    todo = [
        p for p, sid in ids.items()
        if wanted is None or p.resolve() in wanted or not (out_dir / f"{sid}.json").exists()
    ]
    return sorted(todo, key=lambda p: ids[p])


def preload_extractors() -> None:
    """Import the extractors once, before worker processes fork.

    Forked workers then share the loaded modules instead of each paying the import.
    A module that fails to import is left for :func:`extract_page` to report page by page.
    """
    for module in ("pipeline.extract.html", "pipeline.extract.text"):
        try:
            importlib.import_module(module)
        except Exception:  # reported per page, with the reason, by extract_page
            LOGGER.debug("cannot preload %s", module, exc_info=True)


def extract_stream(
    todo: Sequence[Path], ids: dict[Path, str], *, settings: Settings
) -> Iterator[EncodedPage]:
    """Extract pages on the configured engine, yielding results in source-id order."""
    if settings.engine == "local" and worker_count(settings) > 1 and len(todo) >= MIN_ITEMS_FOR_POOL:
        preload_extractors()
    work: list[WorkItem] = [(str(p), ids[p], settings) for p in todo]
    yield from imap_ordered(_extract_worker, work, settings=settings, desc="extract", on_crash=_crashed_page)


def run_extract(
    raw_dir: Path,
    out_dir: Path,
    *,
    settings: Settings,
    only: Sequence[Path] | None = None,
) -> list[dict[str, Any]]:
    """Extract the pages of ``raw_dir`` (or just ``only``) into ``out_dir``.

    Returns the records of the pages processed in this run, in source-id order,
    without their ``blocks`` (those stay on disk, so memory does not grow with them).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out_dir)
    ids = assign_source_ids(list_raw_files(raw_dir))
    prune_orphans(out_dir, ids.values())
    todo = pages_to_process(ids, out_dir, only)
    full_run = len(todo) == len(ids)
    index = DuplicateIndex()
    summaries: list[dict[str, Any]] = []
    PAGES.start(len(todo))
    for page in extract_stream(todo, ids, settings=settings):
        if full_run:
            page = apply_duplicate_marks(page, index)
        write_encoded(page, out_dir)
        summaries.append(page.summary)
        PAGES.done += 1
    if not full_run:
        changed = refresh_duplicates(out_dir, ids.values())
        summaries = [summary(changed.get(s["source_id"], s)) for s in summaries]
    for record in summaries:
        log_status(record)
    return summaries


def log_status(record: dict[str, Any]) -> None:
    """One line per unusable page, naming the file and the reason."""
    if record["status"] in (STATUS_OK, STATUS_DUPLICATE):
        LOGGER.info("%s: %s, %d words kept", record["file"], record["status"], record["words_kept"])
    else:
        LOGGER.error("%s: %s: %s", record["file"], record["status"], record["message"])
