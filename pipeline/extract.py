"""Stage 1, extract: raw pages -> clean text plus an audited record of every block.

For each page in the raw folder this writes ``<source_id>.txt`` (title, blank
line, kept blocks separated by blank lines) and ``<source_id>.json`` (metadata,
every block with its label, the rule that decided it and its offsets). A page
that cannot be used still gets a ``.json`` record with its status and reason,
so the dataset and the report can say what was not read and why.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura

from pipeline import __version__
from pipeline.config import RAW_SUFFIXES, Settings
from pipeline.decode import DecodeError, decode_bytes
from pipeline.io import read_json, sha256_bytes, write_json, write_text_atomic
from pipeline.model import Block, Extraction
from pipeline.parallel import map_ordered

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
#: Share of English function words below which kept text is not English. The
#: benchmark's own selection rule uses the same 15% bar (bench README, "Selection").
MIN_STOPWORD_SHARE = 0.15

WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PageResult:
    """What extracting one page produced: its JSON record and its clean text."""

    record: dict[str, Any]
    clean_text: str | None

    @property
    def source_id(self) -> str:
        """The page's id (its file stem)."""
        return str(self.record["source_id"])


def source_id_for(path: Path) -> str:
    """A page's source id is its file stem, so ids survive reruns and renames of others."""
    return path.stem


def list_raw_files(raw_dir: Path) -> list[Path]:
    """Return the readable page files of ``raw_dir`` in sorted (deterministic) order."""
    return sorted(
        p for p in raw_dir.iterdir()
        if p.is_file() and p.suffix.lower() in RAW_SUFFIXES and not p.name.startswith(".")
    )


def extractor_name(form: str) -> str:
    """Name and version of the extractor, recorded as provenance."""
    if form == "html":
        return f"pipeline.htmlextract {__version__} (trafilatura {trafilatura.__version__})"
    return f"pipeline.textextract {__version__}"


def run_extractor(text: str, form: str) -> Extraction:
    """Dispatch on the detected input form."""
    if form == "html":
        from pipeline.htmlextract import extract_html

        return extract_html(text)
    from pipeline.textextract import extract_text

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


def stopword_share(text: str) -> float:
    """Share of tokens that are English function words (a cheap language test)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = WORD_RE.findall(text.lower())
    return sum(w in STOP_WORDS for w in words) / len(words) if words else 0.0


def block_record(index: int, block: Block, clean: tuple[int, int] | None) -> dict[str, Any]:
    """JSON form of one block."""
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
        "segments": [list(s) for s in block.segments],
    }


def base_record(path: Path, data: bytes) -> dict[str, Any]:
    """Fields every source record has, whatever happened to it."""
    return {
        "source_id": source_id_for(path),
        "file": path.name,
        "sha256": sha256_bytes(data),
        "bytes": len(data),
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


def judge_content(clean_body: str) -> tuple[str, str]:
    """Decide whether the kept text is a usable English article; return (status, message)."""
    words = len(WORD_RE.findall(clean_body))
    if words < MIN_CONTENT_WORDS:
        return STATUS_EMPTY, f"no article text found ({words} words kept)"
    share = stopword_share(clean_body)
    if share < MIN_STOPWORD_SHARE:
        return STATUS_LANGUAGE, f"not English prose ({share:.0%} English function words); not segmented"
    return STATUS_OK, ""


def extract_page(path: Path, *, settings: Settings) -> PageResult:
    """Extract one page; never raises for bad input, the record says what went wrong."""
    data = path.read_bytes()
    record = base_record(path, data)
    if len(data) > settings.max_page_bytes:
        record["message"] = f"page is {len(data):,} bytes, over the {settings.max_page_bytes:,}-byte limit"
        return PageResult(record, None)
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        record["message"] = str(exc)
        return PageResult(record, None)
    extraction = run_extractor(decoded.text, decoded.form)
    clean_text, offsets = assemble_clean_text(extraction)
    body = "\n".join(b.text for b in extraction.kept)
    status, message = judge_content(body)
    meta = extraction.metadata
    record.update(
        status=status,
        message=message,
        form=decoded.form,
        encoding=decoded.encoding,
        extractor=extractor_name(decoded.form),
        metadata={"title": meta.title, "author": meta.author, "date": meta.date,
                  "site": meta.site, "language": meta.language or ("en" if status == STATUS_OK else "")},
        words_kept=len(WORD_RE.findall(body)),
        words_removed=sum(len(WORD_RE.findall(b.text)) for b in extraction.blocks if not b.keep),
        text_sha256=sha256_bytes(" ".join(body.split()).lower().encode("utf-8")),
        blocks=[block_record(i, b, offsets.get(i)) for i, b in enumerate(extraction.blocks)],
    )
    return PageResult(record, clean_text)


def _extract_worker(args: tuple[str, Settings]) -> PageResult:
    """Process-pool entry point (top level so it pickles)."""
    path, settings = args
    return extract_page(Path(path), settings=settings)


def mark_duplicates(records: Sequence[dict[str, Any]]) -> None:
    """Mark later copies of the same article as duplicates of the first (by sorted id).

    Copies are recognised by their normalized kept text, so the same page saved
    twice in different encodings or forms still counts once in agreement.
    """
    first: dict[str, str] = {}
    for record in sorted(records, key=lambda r: r["source_id"]):
        key = record["text_sha256"]
        if record["status"] == STATUS_DUPLICATE:
            record["status"], record["message"], record["duplicate_of"] = STATUS_OK, "", ""
        if record["status"] != STATUS_OK or not key:
            continue
        if key in first:
            record["status"] = STATUS_DUPLICATE
            record["duplicate_of"] = first[key]
            record["message"] = f"same article as {first[key]}; counted once"
        else:
            first[key] = record["source_id"]


def write_result(result: PageResult, out_dir: Path) -> None:
    """Write a page's ``.txt`` (when it has clean text) and its ``.json`` record."""
    if result.clean_text is not None:
        write_text_atomic(out_dir / f"{result.source_id}.txt", result.clean_text)
    else:
        (out_dir / f"{result.source_id}.txt").unlink(missing_ok=True)
    write_json(out_dir / f"{result.source_id}.json", result.record)


def prune_orphans(out_dir: Path, source_ids: Iterable[str]) -> None:
    """Delete outputs of pages that are no longer in the raw folder."""
    keep = set(source_ids)
    for record_path in out_dir.glob("*.json"):
        record = read_json(record_path)
        if isinstance(record, dict) and "blocks" in record and record.get("source_id") not in keep:
            record_path.unlink()
            record_path.with_suffix(".txt").unlink(missing_ok=True)


def refresh_duplicates(out_dir: Path, source_ids: Iterable[str]) -> None:
    """Recompute duplicate marks over all current records, rewriting only changed ones."""
    paths = [out_dir / f"{sid}.json" for sid in sorted(source_ids)]
    records = [read_json(p) for p in paths if p.exists()]
    before = [(r["status"], r["duplicate_of"]) for r in records]
    mark_duplicates(records)
    for record, old in zip(records, before, strict=True):
        if (record["status"], record["duplicate_of"]) != old:
            write_json(out_dir / f"{record['source_id']}.json", record)


def run_extract(
    raw_dir: Path,
    out_dir: Path,
    *,
    settings: Settings,
    only: Sequence[Path] | None = None,
) -> list[dict[str, Any]]:
    """Extract the pages of ``raw_dir`` (or just ``only``) into ``out_dir``.

    Returns the records of the pages processed in this run, in source-id order.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    all_files = list_raw_files(raw_dir)
    wanted = {p.resolve() for p in only} if only is not None else None
    todo = [p for p in all_files if wanted is None or p.resolve() in wanted]
    results = map_ordered(
        _extract_worker, [(str(p), settings) for p in todo], settings=settings, desc="extract"
    )
    for result in results:
        write_result(result, out_dir)
    ids = [source_id_for(p) for p in all_files]
    prune_orphans(out_dir, ids)
    refresh_duplicates(out_dir, ids)
    records = [read_json(out_dir / f"{r.source_id}.json") for r in results]
    for record in records:
        log_status(record)
    return records


def log_status(record: dict[str, Any]) -> None:
    """One line per unusable page, naming the file and the reason."""
    if record["status"] in (STATUS_OK, STATUS_DUPLICATE):
        LOGGER.info("%s: %s, %d words kept", record["file"], record["status"], record["words_kept"])
    else:
        LOGGER.error("%s: %s", record["file"], record["message"])
