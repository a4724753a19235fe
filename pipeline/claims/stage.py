"""Segment stage: clean blocks -> atomic, typed claims with normalized values and exact provenance.

Each kept prose block is parsed by the trained English pipeline
(:mod:`pipeline.claims.language`), split into sentences and clauses from the parse
(:mod:`pipeline.claims.clauses`), and each clause is read for quantities
(:mod:`pipeline.claims.quantities`) and frames (:mod:`pipeline.claims.frames`). A clause
with several frames gives one claim per frame, each keeping the clause's own words;
clauses without a frame stay one claim each, and non-claims (questions, calls to action,
fragments, headings) are kept with ``is_claim = False``.

Provenance: ``clean_start:clean_end`` index the page's clean text and ``quote`` is that
span's text, the page's visible words; ``raw_start:raw_end`` map the span through the
block's aligned segments into the raw page.
"""

from __future__ import annotations

import functools
import logging
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.claims.clauses import Clause, split_clauses
from pipeline.claims.frames import AFFIRM, NEGATE, Frame, clause_quantities, frame_clause, label_name
from pipeline.claims.kinds import (
    HEADING_BLOCKS,
    claim_kind,
    is_measured_line,
    is_prohibition_line,
    is_step,
    non_claim_kind,
)
from pipeline.claims.language import BATCH_SIZE, build_nlp, parse_form, plain_marks
from pipeline.claims.lexicon import lexicon
from pipeline.claims.quantities import find_quantities
from pipeline.claims.topics import TopicSet, load_topics, match_topic
from pipeline.config import Settings
from pipeline.extract.text_lines import split_lines
from pipeline.io import canonical_json, content_id, read_json, write_blobs_atomic
from pipeline.parallel import imap_ordered
from pipeline.records import Block, Claim

LOGGER = logging.getLogger(__name__)

CLAIMS_FILE = "claims.jsonl"
#: A block longer than this many characters is parsed in pieces of at most this size, cut
#: at line ends: spaCy's memory grows with the text it parses at once.
MAX_PARSE_CHARS = 20_000
#: The block kind of a list item, and the frames a list item under "Do not:" turns against.
LIST_ITEM = "list_item"
PRACTICE_FRAMES = frozenset({"advice", "use"})
#: The frame of a cause and what it changes, whose cause is part of what it states.
EFFECT = "effect"


@dataclass(frozen=True, slots=True)
class Piece:
    """One claim before ids and provenance: its span in the block text and its reading."""

    start: int
    end: int
    kind: str
    is_claim: bool
    lemmas: tuple[str, ...] = ()
    frame: Frame | None = None
    keywords: tuple[str, ...] = ()
    #: A value with no verb ("- 175-225 ppm"), which a label before it may name.
    verbless: bool = False
    #: For a label ending in a colon ("Calcium hardness:"), the name it gives the values after it.
    label: str = ""


def block_from_json(row: dict[str, Any]) -> Block:
    """Rebuild a :class:`~pipeline.records.Block` from the extract stage's JSON row."""
    return Block(
        text=row["text"],
        start=row["raw_start"],
        end=row["raw_end"],
        kind=row["kind"],
        keep=row["keep"],
        rule=row.get("rule", ""),
        segments=[(int(a), int(b), int(c)) for a, b, c in row.get("segments", [])],
    )


def clause_pieces(clause: Clause, quantities: list[Any]) -> list[Piece]:
    """The claims of one clause: one per frame, or one without a frame."""
    span = clause.span
    frames = frame_clause(clause, clause_quantities(clause, quantities))
    non_claim = non_claim_kind(span, clause.head, has_frame=bool(frames))
    start, end = span.start_char, span.end_char
    lemmas = tuple(t.lemma_.lower() for t in span if t.is_alpha)
    keywords = content_lemmas(span)
    # A value with its own label on its line ("Large eggs: 12 minutes") is not one listed under another.
    own_label = any(t.text == lexicon().label_colon for t in span.doc[span.sent.start : span.end])
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in span) and not own_label
    if non_claim:
        titles = span.sent.text.rstrip().endswith(lexicon().label_colon)  # "Calcium hardness:"
        label = label_name(span) if titles and non_claim in ("heading", "fragment") else ""
        return [Piece(start, end, non_claim, False, lemmas, None, keywords, label=label)]
    if not frames:
        return [Piece(start, end, claim_kind([]), True, lemmas, None, keywords, verbless)]
    return [Piece(start, end, claim_kind([f]), True, lemmas, f, keywords, verbless) for f in frames]


def named_by_label(piece: Piece, label: str) -> Piece:
    """A verbless value that names nothing, named by the label or heading just above it."""
    frame = piece.frame
    if not label or frame is None or frame.quantity is None or frame.what or not piece.verbless:
        return piece
    return replace(piece, frame=replace(frame, what=label))


def content_lemmas(span: Span | Doc) -> tuple[str, ...]:
    """The lemmas of a span's content words (no stop words, numbers or punctuation), sorted."""
    return tuple(sorted({t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop}))


def sentence_pieces(sent: Span) -> list[Piece]:
    """The claims of one sentence, clause by clause."""
    quantities = find_quantities(sent)
    return [piece for clause in split_clauses(sent) for piece in clause_pieces(clause, quantities)]


def doc_pieces(doc: Doc) -> list[Piece]:
    """The claims of a parsed block."""
    return [piece for sent in doc.sents if sent.text.strip() for piece in sentence_pieces(sent)]


def _quote(block: Block, start: int, end: int) -> tuple[int, int, str]:
    """Raw span and visible words of a span of the block text."""
    raw_start, raw_end = block.raw_offset(start), block.raw_offset(end, is_end=True)
    return raw_start, max(raw_end, raw_start), block.text[start:end]


def _value_fields(frame: Frame | None) -> dict[str, Any]:
    """Value columns of a frame (empty values when it carries no quantity)."""
    qty = frame.quantity if frame is not None else None
    if qty is None:
        return {"value": "", "value_min": None, "value_max": None, "unit": "", "vague": False, "bound": ""}
    return {
        "value": qty.label(),
        "value_min": qty.low,
        "value_max": qty.high,
        "unit": qty.unit or qty.counted,
        "vague": qty.approx,
        "bound": qty.bound,
    }


def make_claim(
    piece: Piece,
    *,
    source_id: str,
    row: dict[str, Any],
    block: Block,
    section: tuple[str, tuple[str, ...]],
    topics: TopicSet,
) -> Claim:
    """Attach ids, topic and provenance to a piece."""
    clean_start, clean_end = row["clean_start"] + piece.start, row["clean_start"] + piece.end
    raw_start, raw_end, quote = _quote(block, piece.start, piece.end)
    frame = piece.frame
    name, what = (frame.frame, frame.what) if frame is not None else ("", "")
    topic = (
        match_topic(topics, lemmas=list(piece.lemmas), frame=name, obj=what, kind=piece.kind)
        if piece.is_claim
        else ""
    )
    values = _value_fields(frame)
    # Frame, object and value are in the id: two frames of one clause share its span. So is
    # an effect's cause: "rust is caused by salt and damp" states two effects on one thing.
    cause = (frame.subject,) if frame is not None and frame.frame == EFFECT and frame.subject else ()
    return Claim(
        claim_id=content_id("clm", source_id, clean_start, clean_end, name, what, values["value"], *cause),
        source_id=source_id,
        block=row["index"],
        section=section[0],
        text=quote,
        kind=piece.kind,
        is_claim=piece.is_claim,
        topic=topic,
        frame=name,
        subject=frame.subject if frame else "",
        object=what,
        polarity=frame.polarity if frame else "",
        **values,
        quote=quote,
        raw_start=raw_start,
        raw_end=raw_end,
        clean_start=clean_start,
        clean_end=clean_end,
        # The section's words are context: "Ice bath" over "leave them for 10 minutes".
        keywords=sorted(set(piece.keywords) | set(section[1])) if piece.is_claim else [],
    )


def _parse_texts(rows: list[dict[str, Any]], nlp: Language) -> dict[int, list[Piece]]:
    """Pieces of every prose row, parsed in one batch; huge blocks in line-cut parts."""
    parts: list[tuple[int, int, str]] = []
    for row in rows:
        text = row["text"]
        offset = 0
        while offset < len(text):
            cut = (
                len(text)
                if len(text) - offset <= MAX_PARSE_CHARS
                else (text.rfind("\n", offset, offset + MAX_PARSE_CHARS) + 1 or offset + MAX_PARSE_CHARS)
            )
            parts.append((row["index"], offset, text[offset:cut]))
            offset = cut
    pieces: dict[int, list[Piece]] = {row["index"]: [] for row in rows}
    docs = nlp.pipe((parse_form(part) for _, _, part in parts), batch_size=BATCH_SIZE)
    for (index, offset, _), doc in zip(parts, docs, strict=True):
        pieces[index].extend(_shift(p, offset) for p in doc_pieces(doc))
    return pieces


def _shift(piece: Piece, offset: int) -> Piece:
    """A piece moved by ``offset`` characters (a part of a long block)."""
    if not offset:
        return piece
    return Piece(
        piece.start + offset,
        piece.end + offset,
        piece.kind,
        piece.is_claim,
        piece.lemmas,
        piece.frame,
        piece.keywords,
    )


def segment_document(doc: dict[str, Any], *, nlp: Language, topics: TopicSet) -> list[Claim]:
    """Split one extracted page into claims (pure: no I/O).

    Args:
        doc: the parsed ``cleaned/<source_id>.json``.
        nlp: the trained English pipeline (see :func:`pipeline.claims.language.build_nlp`).
        topics: analyst topics (an empty :class:`TopicSet` derives topics from frames).

    Returns:
        Claims (and non-claims) in page order.
    """
    source_id = doc["source_id"]
    rows = content_rows(doc)
    headings = [row for row in rows if row["kind"] == "heading"]
    parses = nlp.pipe(plain_marks(r["text"]) for r in headings)
    heading_docs = dict(zip((r["index"] for r in headings), parses, strict=True))
    heading_words = {index: content_lemmas(parse) for index, parse in heading_docs.items()}
    heading_names = {index: label_name(parse) for index, parse in heading_docs.items()}
    # Headings that are claims too: steps of a list, prohibitions, lines that state a measure.
    claimed = {
        index
        for index, parse in heading_docs.items()
        if is_step(parse) or is_prohibition_line(parse) or is_measured_line(parse)
    }
    prose = [row for row in rows if row["kind"] not in HEADING_BLOCKS or row["index"] in claimed]
    parsed = _parse_texts(prose, nlp)
    claims: list[Claim] = []
    seen: set[str] = set()
    section: tuple[str, tuple[str, ...]] = ("", ())
    negated_list = False
    label = ""  # the name a heading or a label line gives the bare values right after it
    for row in rows:
        block = block_from_json(row)
        if row["kind"] in HEADING_BLOCKS and row["index"] not in claimed:
            pieces = [Piece(0, len(block.text), "heading", False)]
            label = heading_names.get(row["index"], "")
        else:
            pieces = [named_by_label(p, label) for p in parsed[row["index"]]]
            label = _label_after(pieces, label)
        if row["kind"] == LIST_ITEM:
            pieces = [negated(p) for p in pieces] if negated_list else pieces
        else:
            negated_list = is_negated_lead_in(block.text, pieces)
        for piece in pieces:
            claim = make_claim(
                piece, source_id=source_id, row=row, block=block, section=section, topics=topics
            )
            if claim.claim_id not in seen:
                seen.add(claim.claim_id)
                claims.append(claim)
        if row["kind"] == "heading":
            section = (block.text, heading_words[row["index"]])
    return claims


def _label_after(pieces: list[Piece], label: str) -> str:
    """The label in force after a block: its own when it ends in one ("Total alkalinity:"), the
    one before while the block lists bare values under it, else none."""
    if pieces and pieces[-1].label:
        return pieces[-1].label
    listing = all(p.verbless and p.frame is not None and p.frame.quantity is not None for p in pieces)
    return label if pieces and listing else ""


def is_negated_lead_in(text: str, pieces: list[Piece]) -> bool:
    """True for a line that opens a list of things not to do ("Do not:", "Remember NOT to:").

    In English a colon can hand a sentence's missing complement to the list after it, so
    each item completes the negated sentence: "Avoid:" / "* swimming" advises against swimming.
    """
    if not text.rstrip().endswith(":") or not pieces:
        return False
    # Only the sentence the colon ends: "Sometimes you don't. The steps are below:" lists steps.
    opening = max(text.rfind(end) for end in (". ", "! ", "? ", "\n"))
    lead = [p for p in pieces if p.start > opening]
    words = {w for p in lead for w in p.lemmas}
    if "n't" in text[opening + 1 :].lower():
        words.add("not")
    lex = lexicon()
    return bool(words & (lex.negators | lex.avoid_verbs | {"not"}))


def negated(piece: Piece) -> Piece:
    """A list item under a negated lead-in: its advice and uses are advised against."""
    frame = piece.frame
    if frame is None or frame.frame not in PRACTICE_FRAMES or frame.polarity != AFFIRM:
        return piece
    against = replace(frame, polarity=NEGATE)
    return replace(piece, frame=against, kind=claim_kind([against]))


#: A line longer than this, or ending like a sentence, is prose; shorter unpunctuated lines are
#: headings. Headings on the seed pages run to 10 words ("Final thoughts on how does ...").
HEADING_MAX_WORDS = 12
SENTENCE_END = (".", "!", "?", ":", ";", "…", '"', "”")


def document_from_text(text: str, *, source_id: str, file: str = "") -> dict[str, Any]:
    """A segment-stage document that keeps every non-blank line of an already clean text.

    For text that needs no boilerplate removal (a test fixture, a pasted article): one
    block per line, bullets and numbers make list items, short unpunctuated lines
    headings. Offsets index ``text``, which is then both the raw and the clean text.
    """
    blocks: list[dict[str, Any]] = []
    for index, line in enumerate(split_lines(text)):
        if line.bullet or line.numbered:
            kind = LIST_ITEM
        elif len(line.text.split()) <= HEADING_MAX_WORDS and not line.text.endswith(SENTENCE_END):
            kind = "heading"
        else:
            kind = "paragraph"
        blocks.append(
            {
                "index": index,
                "kind": kind,
                "keep": True,
                "rule": "line",
                "text": line.text,
                "raw_start": line.start,
                "raw_end": line.end,
                "clean_start": line.start,
                "clean_end": line.end,
                "segments": [list(seg) for seg in line.segments],
            }
        )
    return {"source_id": source_id, "file": file, "status": "ok", "metadata": {}, "blocks": blocks}


@dataclass(frozen=True, slots=True)
class PageRows:
    """One page's claims as a worker sends them back: canonical JSON lines, ready to write."""

    source_id: str
    #: Canonical JSON lines, sorted by (clean_start, claim_id).
    lines: bytes
    rows: int
    claims: int


@functools.lru_cache(maxsize=2)
def _topics(path: str) -> TopicSet:
    """The topic file ("" for none), read once per worker process."""
    return load_topics(Path(path) if path else None)


def segment_file(item: tuple[str, str]) -> PageRows | None:
    """Segment one ``cleaned/<source_id>.json`` (runs in a worker process).

    Args:
        item: the record's path and the topic file ("" for none), as strings so the item
            pickles cheaply.

    Returns:
        The page's rows, or None when the file is not an extracted page with status "ok".
    """
    path, topics_file = item
    doc = read_json(Path(path))
    if not (isinstance(doc, dict) and doc.get("status") == "ok" and "blocks" in doc):
        return None
    # Only kept blocks are segmented; dropping the rest early keeps the worker small on huge pages.
    doc["blocks"] = content_rows(doc)
    claims = segment_document(doc, nlp=build_nlp(), topics=_topics(topics_file))
    claims.sort(key=lambda c: (c.clean_start, c.claim_id))
    lines = "".join(canonical_json(c.to_json()) + "\n" for c in claims).encode("utf-8")
    return PageRows(str(doc["source_id"]), lines, len(claims), sum(c.is_claim for c in claims))


def _spool_pages(pages: Iterable[PageRows | None], spool: IO[bytes]) -> list[tuple[str, int, int]]:
    """Append each page's rows to ``spool``; return (source id, offset, size) of each."""
    chunks: list[tuple[str, int, int]] = []
    for page in pages:
        if page is None:
            continue
        LOGGER.info("%s: %d rows, %d claims", page.source_id, page.rows, page.claims)
        if page.rows:
            chunks.append((page.source_id, spool.tell(), len(page.lines)))
            spool.write(page.lines)
    return chunks


def _sorted_blobs(spool: IO[bytes], chunks: list[tuple[str, int, int]]) -> Iterable[bytes]:
    """The spooled pages in source-id order (stable, so a source's own order is kept)."""
    for _, offset, size in sorted(chunks, key=lambda c: c[0]):
        spool.seek(offset)
        yield spool.read(size)


def run_segment(
    cleaned_dir: Path, *, topics_file: Path | None = None, settings: Settings | None = None
) -> Path:
    """Segment every ``cleaned/*.json`` with status "ok" into ``cleaned/claims.jsonl``.

    Rows are sorted by (source_id, clean_start, claim_id) so reruns give identical bytes.
    Pages are segmented one at a time on the worker pool of ``settings``
    (:mod:`pipeline.parallel`); their rows are spooled to an anonymous temp file, so
    memory does not grow with the pages' text.
    """
    load_topics(topics_file)  # a bad topic file fails here, once, before any page is read
    paths = sorted(cleaned_dir.glob("*.json"), key=lambda p: p.stem)
    items = [(str(p), str(topics_file or "")) for p in paths]
    out = cleaned_dir / CLAIMS_FILE
    cleaned_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile(dir=cleaned_dir) as spool:
        pages = imap_ordered(segment_file, items, settings=settings or Settings(), desc="segment")
        chunks = _spool_pages(pages, spool)
        write_blobs_atomic(out, _sorted_blobs(spool, chunks))
    return out


def content_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Kept blocks that have a place in the clean text, in page order."""
    return [row for row in doc.get("blocks", []) if row.get("keep") and row.get("clean_start") is not None]
