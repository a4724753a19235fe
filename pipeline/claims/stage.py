"""Segment stage: clean blocks -> atomic, typed claims with normalized values and exact provenance.

Each kept block is split into sentences (spaCy, blank English + sentencizer), each
sentence into clauses ("; ", ", so ...", "... and avoid ...", a "Label: text" bullet's
label), and each clause is matched against the generic frames of
:mod:`pipeline.claims.frames`. A frame over a coordinated object ("makeup or sunscreen")
yields one claim per item, its text rewritten to stand alone with the value kept
("Avoid applying makeup for at least 24 hours"). Clauses without a frame stay one
claim each; non-claims (questions, navigation, calls to action, promotion, headings)
are kept with ``is_claim = False``.

Every claim of a clause keeps the whole clause (rewritten per item), so a claim never
loses words it needs ("Most people require multiple sessions spaced 4 to 6 weeks apart"
is the text of both the count and the interval). Over a run, object keys are joined
across pages (:func:`unify_objects`) so that pages naming one thing with or without the
subject's shared modifiers ("skin sensitivity", "sensitivity") make one point.

Provenance: a claim's clean span is the clause it comes from; its raw span is mapped
through the block's aligned segments, and ``quote`` is exactly ``raw[raw_start:raw_end]``.
"""

from __future__ import annotations

import functools
import itertools
import json
import logging
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from spacy.language import Language

from pipeline.claims.frames import FrameMatch, Item, is_imperative, match_frames, object_key
from pipeline.claims.kinds import HEADING_BLOCKS, claim_kind, non_claim_kind
from pipeline.claims.nlp import BATCH_SIZE, build_nlp, lemma_words
from pipeline.claims.topics import TopicSet, derived_topic, load_topics, match_topic
from pipeline.config import RAW_DIR, Settings
from pipeline.decode import decode_bytes
from pipeline.extract.text_lines import split_lines
from pipeline.io import canonical_json, content_id, read_json, sha256_bytes, write_blobs_atomic
from pipeline.parallel import imap_ordered
from pipeline.records import Block, Claim

LOGGER = logging.getLogger(__name__)

CLAIMS_FILE = "claims.jsonl"

#: A "Label: text" bullet: the label is split off when it is itself an instruction
#: ("Avoid sun exposure: The skin is ..."); at most this many words, so ordinary
#: sentences with a colon are left alone. 8 covers the longest instruction label seen
#: ("Avoid opening the oven during the first 20 minutes", tests/fixtures/other_subject).
LABEL_MAX_WORDS = 8
LABEL_RE = re.compile(r"^(?P<label>[^:.!?]{2,80}):\s+(?=\S)")

#: Where a sentence splits into clauses: "; ", ", so <clause>", and "and/or/but <imperative>"
#: after an imperative ("Avoid X for 24 hours and avoid touching Y").
CLAUSE_BREAK_RE = re.compile(r";\s+|,\s+(?=so\s)")
IMPERATIVE_JOIN_RE = re.compile(
    r",?\s+(?=(?:and|or|but)\s+(?:avoid|use|apply|wear|keep|stay|protect|do\s+not|don['’]t|never|limit|skip|"
    r"follow|consult|drink|stick)\b)",
    re.IGNORECASE,
)
#: A modal instruction inside a statement ("People with X should avoid it or consult Y").
MODAL_INSTRUCTION_RE = re.compile(r"\b(?:should|must|need\s+to)\s+(?:avoid|use|apply|wear|consult|follow)\b",
                                  re.IGNORECASE)
#: An enumerator at the front of a numbered item ("1. Mix ..."); not part of the claim.
ENUMERATOR_RE = re.compile(r"^\(?\d{1,3}[.)]\s+")
#: The sentencizer ends a sentence at "1." or "12."; pieces shorter than 4 characters are
#: glued to the next one ("Yes." still stands alone).
MIN_SENTENCE_CHARS = 4

#: Conjunctions left at the front of a split clause; dropped from its span and text.
LEADING_JOIN_RE = re.compile(r"^(?:so|and|or|but)\s+", re.IGNORECASE)

#: Words after which a clause's grammatical subject has ended ("The procedure | usually takes").
SUBJECT_END_RE = re.compile(
    r"\s(?:is|are|was|were|can|may|might|will|should|must|usually|typically|often|generally|lasts?|takes?|"
    r"requires?|involves?|uses?|has|have|begins?|offers?|works?|helps?|suits?)\b",
    re.IGNORECASE,
)
#: A subject longer than this is a clause, not a noun phrase worth keeping; the longest
#: wanted one on the seed pages is 4 words ("A typical microneedling session").
SUBJECT_MAX_WORDS = 5


@dataclass(frozen=True, slots=True)
class Piece:
    """One claim before ids and provenance: its span in the block text and its arguments."""

    start: int
    end: int
    text: str
    kind: str
    is_claim: bool
    frame: str = ""
    subject: str = ""
    obj: str = ""
    polarity: str = ""
    value: str = ""
    value_min: float | None = None
    value_max: float | None = None
    unit: str = ""
    vague: bool = False


def block_from_json(row: dict[str, Any]) -> Block:
    """Rebuild a :class:`~pipeline.model.Block` from the extract stage's JSON row."""
    return Block(text=row["text"], start=row["raw_start"], end=row["raw_end"], kind=row["kind"],
                 keep=row["keep"], rule=row.get("rule", ""),
                 segments=[(int(a), int(b), int(c)) for a, b, c in row.get("segments", [])])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding spaces and trailing commas/semicolons."""
    while start < end and text[start] in " ,;":
        start += 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


def split_clauses(text: str, start: int, end: int, *, first_in_block: bool) -> list[tuple[int, int]]:
    """Split the sentence ``text[start:end]`` into clause spans (label, "; ", ", so", "and avoid")."""
    spans: list[tuple[int, int]] = []
    enumerator = ENUMERATOR_RE.match(text[start:end]) if first_in_block else None
    start += enumerator.end() if enumerator else 0
    label = LABEL_RE.match(text[start:end]) if first_in_block else None
    words = label.group("label") if label else ""
    if label and len(words.split()) <= LABEL_MAX_WORDS and _is_instruction(words):
        spans.append((start, start + label.end("label")))
        start += label.end()
    cuts = [start] + [m.end() for m in CLAUSE_BREAK_RE.finditer(text, start, end)] + [end]
    for a, b in itertools.pairwise(cuts):
        spans.extend(_split_imperatives(text, a, b))
    result: list[tuple[int, int]] = []
    for a, b in spans:
        lead = LEADING_JOIN_RE.match(text[a:b])
        a, b = _trim(text, a + (lead.end() if lead else 0), b)
        if a < b:
            result.append((a, b))
    return result


def _is_instruction(label: str) -> bool:
    """A bullet label that carries its own claim ("Avoid sun exposure"), not a name ("Step 1")."""
    return is_imperative(label) and bool(match_frames(label))


def _split_imperatives(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Avoid X ... and avoid Y" into two instructions.

    Only after an imperative, or after a modal instruction ("should avoid X or consult Y"),
    so "the practitioner cleans the skin and applies a cream" stays one procedure step.
    """
    clause = text[start:end]
    modal = MODAL_INSTRUCTION_RE.search(clause)
    if not is_imperative(clause.lstrip(" ,;")) and not LEADING_JOIN_RE.match(clause) and not modal:
        return [(start, end)]
    first = start + (modal.end() if modal else 0)
    cuts = [start] + [m.end() for m in IMPERATIVE_JOIN_RE.finditer(text, first, end)] + [end]
    return list(itertools.pairwise(cuts))


def standalone(text: str) -> str:
    """A clause as a standalone claim: capitalized first letter, no trailing separators."""
    text = text.strip(" ,;:")
    return text[:1].upper() + text[1:]


def clause_subject(clause: str) -> str:
    """The clause's leading noun phrase as a key ("The procedure usually takes" -> "procedure")."""
    body = re.sub(r"^(?:[\w-]+,\s+)", "", clause)
    match = SUBJECT_END_RE.search(body)
    if not match or len(body[: match.start()].split()) > SUBJECT_MAX_WORDS:
        return ""
    return object_key(body[: match.start()])


def _value_fields(match: FrameMatch) -> dict[str, Any]:
    """Value columns of a frame match (empty when it carries no quantity)."""
    qty = match.quantity
    if qty is None:
        return {}
    return {"value": qty.value, "value_min": qty.low, "value_max": qty.high, "unit": qty.unit,
            "vague": qty.vague}


def _frame_pieces(clause: str, offset: int, match: FrameMatch, subject: str) -> list[Piece]:
    """One piece per object item of a frame match (or one without object), each over the whole clause."""
    values = _value_fields(match)
    subject = match.subject or subject
    items: list[Item | None] = list(match.items) or [None]
    pieces: list[Piece] = []
    for item in items:
        text = clause
        if item is not None and match.list_span and (len(match.items) > 1 or item.text):
            a, b = match.list_span
            text = clause[:a] + (item.text or clause[item.start : item.end]) + clause[b:]
        kind = claim_kind(text, frame=match.frame)
        pieces.append(Piece(offset, offset + len(clause), standalone(text), kind, True, match.frame, subject,
                            item.key if item else "", match.polarity, **values))
    return pieces


def clause_pieces(clause: str, offset: int, *, previous: str, sentence: str) -> list[Piece]:
    """Claims of one clause; ``offset`` is the clause's start in the block text."""
    matches = match_frames(clause, previous=previous, sentence=sentence)
    non_claim = non_claim_kind(clause, has_frame=bool(matches))
    if non_claim or not matches:
        kind = non_claim or claim_kind(clause, frame="", imperative=is_imperative(clause))
        return [Piece(offset, offset + len(clause), standalone(clause), kind, not non_claim)]
    subject = clause_subject(clause)
    pieces: list[Piece] = []
    for match in matches:
        # Each claim keeps the whole clause: cutting an earlier frame at its match would
        # drop words it needs ("Most people require multiple sessions | spaced 4 to 6 weeks apart").
        pieces.extend(_frame_pieces(clause, offset, match, subject))
    return _unique(pieces)


def _unique(pieces: Iterable[Piece]) -> list[Piece]:
    """Drop repeats of the same frame, object, polarity and value within a clause (keep the first)."""
    seen: set[tuple[str, str, str, str]] = set()
    kept: list[Piece] = []
    for piece in pieces:
        key = (piece.frame, piece.obj, piece.polarity, piece.value)
        if key not in seen:
            seen.add(key)
            kept.append(piece)
    return kept


def merge_short(sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Glue sentences shorter than ``MIN_SENTENCE_CHARS`` (an enumerator like "1.") to the next."""
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for start, end in sentences:
        start = start if carry is None else carry
        if end - start < MIN_SENTENCE_CHARS:
            carry = start
            continue
        carry = None
        merged.append((start, end))
    if carry is not None:
        merged.append((carry, sentences[-1][1]))
    return merged


def block_pieces(text: str, sentences: list[tuple[int, int]], *, previous: str) -> list[Piece]:
    """Claims of one prose block, given its sentence spans; ``previous`` is the prior sentence."""
    pieces: list[Piece] = []
    for index, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        for a, b in split_clauses(text, start, end, first_in_block=index == 0):
            pieces.extend(clause_pieces(text[a:b], a, previous=previous, sentence=sentence))
        previous = sentence
    return pieces


def _quote(block: Block, start: int, end: int, raw_text: str | None) -> tuple[int, int, str]:
    """Raw span and exact quote of a span of the block text."""
    raw_start, raw_end = block.raw_offset(start), block.raw_offset(end, is_end=True)
    raw_end = max(raw_end, raw_start)
    if raw_text is not None:
        return raw_start, raw_end, raw_text[raw_start:raw_end]
    return raw_start, raw_end, block.text[start:end]


def _claim(piece: Piece, *, source_id: str, row: dict[str, Any], block: Block, section: str,
           topics: TopicSet, raw_text: str | None) -> Claim:
    """Attach ids, topic and provenance to a piece."""
    clean_start, clean_end = row["clean_start"] + piece.start, row["clean_start"] + piece.end
    raw_start, raw_end, quote = _quote(block, piece.start, piece.end, raw_text)
    topic = match_topic(topics, text=piece.text, frame=piece.frame, obj=piece.obj, kind=piece.kind) \
        if piece.is_claim else ""
    return Claim(
        # Frame, object and value are in the id: two frames of one clause share its text and span.
        claim_id=content_id("clm", source_id, clean_start, clean_end, piece.text, piece.frame, piece.obj,
                            piece.value), source_id=source_id,
        block=row["index"], section=section, text=piece.text, kind=piece.kind, is_claim=piece.is_claim,
        topic=topic, frame=piece.frame, subject=piece.subject, object=piece.obj, polarity=piece.polarity,
        value=piece.value, value_min=piece.value_min, value_max=piece.value_max, unit=piece.unit,
        vague=piece.vague, quote=quote, raw_start=raw_start, raw_end=raw_end,
        clean_start=clean_start, clean_end=clean_end,
    )


def unify_objects(claims: list[Claim]) -> list[Claim]:
    """Give claims that name one thing in different words across pages one object key.

    Keys are head-noun based, so a longer key ends with the shorter one it specializes
    ("skin sensitivity" -> "sensitivity"). The modifiers that may come and go are the
    subject's own vocabulary: words that every page uses, which therefore distinguish
    nothing between them ("skin" on pages about a skin treatment). They are learned from
    the pages, never listed. Within one frame, a key stated by a single source takes the
    longest shorter ending of it that another source states, when the dropped words are
    all shared vocabulary. Keys never grow: a bare "tissue" could be any of several longer
    keys ("scar tissue" on another page is a different thing). Keys that two sources
    already share stay: they are a point of their own ("acne scar" vs "scar"), and
    "automated device" never becomes "device" unless every page says "automated". Only
    the key changes; ``text`` keeps the page's full wording.
    """
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source_id, []).append(claim)
    index = KeyIndex()
    for source_id, own in by_source.items():
        index.add(source_id, keys=page_keys(own), words=page_words(own))
    renamed = index.renames()
    for claim in claims:
        new_key = renamed.get((claim.frame, claim.object, claim.source_id))
        if new_key:
            claim.topic = _renamed_topic(claim.topic, frame=claim.frame, old=claim.object, new=new_key,
                                         kind=claim.kind)
            claim.object = new_key
    return claims


def _renamed_topic(topic: str, *, frame: str, old: str, new: str, kind: str) -> str:
    """A topic derived from the old key follows it to the new key; an analyst's topic stays."""
    if topic == derived_topic(frame=frame, obj=old, kind=kind):
        return derived_topic(frame=frame, obj=new, kind=kind)
    return topic


def page_keys(claims: Iterable[Claim]) -> frozenset[tuple[str, str]]:
    """The (frame, object key) pairs a page states: all :func:`unify_objects` needs of its claims."""
    return frozenset((c.frame, c.object) for c in claims if c.frame and c.object)


def page_words(claims: Iterable[Claim]) -> frozenset[str]:
    """The lemmas a page uses in its claims' texts (for the shared vocabulary)."""
    return frozenset(word for c in claims for word in lemma_words(c.text))


Renames = dict[tuple[str, str, str], str]
"""New object key by (frame, old key, source id)."""


class KeyIndex:
    """What :func:`unify_objects` needs of a whole run, gathered one page at a time.

    Per (frame, key) only its owner is kept (None once a second source states it), and
    per word only how many sources use it, so memory grows with the distinct keys and
    words of the run, not with its claims, and each page is folded in once.
    """

    def __init__(self) -> None:
        self.owner: dict[tuple[str, str], str | None] = {}
        self.word_sources: dict[str, int] = {}
        self.last_source: dict[str, str] = {}
        self.sources: set[str] = set()

    def add(self, source_id: str, *, keys: Iterable[tuple[str, str]], words: Iterable[str]) -> None:
        """Fold in one page's keys and words; the pages of one source must come one after another."""
        self.sources.add(source_id)
        for key in keys:
            held = self.owner.get(key, source_id)
            self.owner[key] = held if held == source_id else None
        for word in words:
            if self.last_source.get(word) != source_id:
                self.last_source[word] = source_id
                self.word_sources[word] = self.word_sources.get(word, 0) + 1

    def shared(self) -> set[str]:
        """Words (lemmas) that every source uses somewhere; empty with fewer than two sources."""
        if len(self.sources) < 2:
            return set()
        return {word for word, count in self.word_sources.items() if count == len(self.sources)}

    def renames(self) -> Renames:
        """New key by (frame, key, source id) for keys one source states (see unify_objects)."""
        shared = self.shared()
        renamed: Renames = {}
        for (frame, key), owner in self.owner.items():
            if owner is not None:
                target = self._target(frame, key, owner, shared)
                if target:
                    renamed[(frame, key, owner)] = target
        return renamed

    def _target(self, frame: str, key: str, owner: str, shared: set[str]) -> str:
        """The key another source states that ``key`` should join ("" when none fits)."""
        words = key.split()
        shorter = [" ".join(words[i:]) for i in range(1, len(words)) if set(words[:i]) <= shared]
        return next((k for k in shorter if self._stated_elsewhere(frame, k, owner)), "")

    def _stated_elsewhere(self, frame: str, key: str, owner: str) -> bool:
        """True when a source other than ``owner`` states ``key`` in ``frame``."""
        return (frame, key) in self.owner and self.owner[(frame, key)] != owner


def content_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Kept blocks that have a place in the clean text, in page order."""
    return [row for row in doc.get("blocks", []) if row.get("keep") and row.get("clean_start") is not None]


def segment_document(doc: dict[str, Any], *, nlp: Language, topics: TopicSet,
                     raw_text: str | None = None) -> list[Claim]:
    """Split one extracted page into claims (pure: no I/O).

    Args:
        doc: the parsed ``cleaned/<source_id>.json``.
        nlp: a spaCy pipeline with sentence boundaries (see :func:`pipeline.nlp.build_nlp`).
        topics: analyst topics (an empty :class:`TopicSet` derives topics from frames).
        raw_text: the decoded raw page; when given, ``quote`` is ``raw_text[raw_start:raw_end]``.
            Without it the quote is the block text of the span (identical unless the span
            crosses collapsed whitespace or a removed bullet).

    Returns:
        Claims (and non-claims) in page order.
    """
    source_id = doc["source_id"]
    rows = content_rows(doc)
    prose = [row for row in rows if row["kind"] not in HEADING_BLOCKS]
    parsed = dict(zip((row["index"] for row in prose),
                      nlp.pipe((row["text"] for row in prose), batch_size=BATCH_SIZE), strict=True))
    claims: list[Claim] = []
    seen: set[str] = set()
    section, previous = "", ""
    for row in rows:
        block = block_from_json(row)
        if row["kind"] in HEADING_BLOCKS:
            pieces = [Piece(0, len(block.text), block.text, "heading", False)]
        else:
            sentences = merge_short([(s.start_char, s.end_char) for s in parsed[row["index"]].sents])
            pieces = block_pieces(block.text, sentences, previous=previous)
            previous = block.text[sentences[-1][0] : sentences[-1][1]] if sentences else previous
        for piece in pieces:
            claim = _claim(piece, source_id=source_id, row=row, block=block, section=section,
                           topics=topics, raw_text=raw_text)
            if claim.claim_id not in seen:
                seen.add(claim.claim_id)
                claims.append(claim)
        if row["kind"] == "heading":
            section = block.text
    return claims


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
            kind = "list_item"
        elif len(line.text.split()) <= HEADING_MAX_WORDS and not line.text.endswith(SENTENCE_END):
            kind = "heading"
        else:
            kind = "paragraph"
        blocks.append({"index": index, "kind": kind, "keep": True, "rule": "line", "text": line.text,
                       "raw_start": line.start, "raw_end": line.end, "clean_start": line.start,
                       "clean_end": line.end, "segments": [list(seg) for seg in line.segments]})
    return {"source_id": source_id, "file": file, "status": "ok", "metadata": {}, "blocks": blocks}


def _raw_text(doc: dict[str, Any], raw_dirs: Iterable[Path]) -> str | None:
    """Decoded raw page of a document: its ``file`` as written, or by name in a raw folder.

    When the document records the raw bytes' sha256, a same-named file with other bytes
    is skipped, so a stale copy can never supply the quotes.
    """
    name = doc.get("file", "")
    candidates = [Path(name)] + [folder / Path(name).name for folder in raw_dirs]
    for candidate in candidates:
        if not name or not candidate.is_file():
            continue
        data = candidate.read_bytes()
        if not doc.get("sha256") or sha256_bytes(data) == doc["sha256"]:
            return decode_bytes(data).text
    LOGGER.warning("%s: raw file %r not found; quotes taken from block text",
                   doc["source_id"], doc.get("file"))
    return None


@dataclass(frozen=True, slots=True)
class PageRows:
    """One page's claims as a worker sends them back: rows ready to write, and what unify needs."""

    source_id: str
    #: Canonical JSON lines, sorted by (clean_start, claim_id).
    lines: bytes
    rows: int
    claims: int
    keys: frozenset[tuple[str, str]]
    words: frozenset[str]


@functools.lru_cache(maxsize=2)
def _topics(path: str) -> TopicSet:
    """The topic file ("" for none), read once per worker process."""
    return load_topics(Path(path) if path else None)


def segment_file(item: tuple[str, str, tuple[str, ...]]) -> PageRows | None:
    """Segment one ``cleaned/<source_id>.json`` (runs in a worker process).

    Args:
        item: the record's path, the topic file ("" for none) and the raw folders to
            look the page up in, as strings so the item pickles cheaply.

    Returns:
        The page's rows, or None when the file is not an extracted page with status "ok".
    """
    path, topics_file, raw_dirs = item
    doc = read_json(Path(path))
    if not (isinstance(doc, dict) and doc.get("status") == "ok" and "blocks" in doc):
        return None
    # Only kept blocks are segmented; dropping the rest early keeps the worker small on huge pages.
    doc["blocks"] = content_rows(doc)
    claims = segment_document(doc, nlp=build_nlp(), topics=_topics(topics_file),
                              raw_text=_raw_text(doc, [Path(d) for d in raw_dirs]))
    claims.sort(key=lambda c: (c.clean_start, c.claim_id))
    lines = "".join(canonical_json(c.to_json()) + "\n" for c in claims).encode("utf-8")
    return PageRows(str(doc["source_id"]), lines, len(claims), sum(c.is_claim for c in claims),
                    page_keys(claims), page_words(claims))


@dataclass(frozen=True, slots=True)
class _Chunk:
    """Where one page's rows sit in the spool file."""

    source_id: str
    offset: int
    size: int


def _spool_pages(pages: Iterable[PageRows | None], spool: IO[bytes], index: KeyIndex) -> list[_Chunk]:
    """Append each page's rows to ``spool`` and fold its keys into ``index``; return where they went."""
    chunks: list[_Chunk] = []
    for page in pages:
        if page is None:
            continue
        LOGGER.info("%s: %d rows, %d claims", page.source_id, page.rows, page.claims)
        if page.rows:
            index.add(page.source_id, keys=page.keys, words=page.words)
            chunks.append(_Chunk(page.source_id, spool.tell(), len(page.lines)))
            spool.write(page.lines)
    return chunks


def _final_lines(spool: IO[bytes], chunks: list[_Chunk], renamed: Renames) -> Iterator[bytes]:
    """The spooled rows in (source_id, clean_start, claim_id) order, with unified object keys.

    A page whose source has no renamed key and no second record is copied as it is;
    the others are parsed, merged and written again (canonical JSON gives the same bytes).
    """
    renaming = {source_id for _, _, source_id in renamed}
    by_source = sorted(chunks, key=lambda c: c.source_id)
    for source_id, group in itertools.groupby(by_source, key=lambda c: c.source_id):
        parts = list(group)
        blobs = [_read_chunk(spool, chunk) for chunk in parts]
        if len(parts) == 1 and source_id not in renaming:
            yield blobs[0]
            continue
        rows = [json.loads(line) for blob in blobs for line in blob.splitlines()]
        rows.sort(key=lambda r: (r["clean_start"], r["claim_id"]))
        yield "".join(canonical_json(_renamed_row(row, renamed)) + "\n" for row in rows).encode("utf-8")


def _read_chunk(spool: IO[bytes], chunk: _Chunk) -> bytes:
    """One page's rows back from the spool file."""
    spool.seek(chunk.offset)
    return spool.read(chunk.size)


def _renamed_row(row: dict[str, Any], renamed: Renames) -> dict[str, Any]:
    """A claim row with its object key unified (see :func:`unify_objects`)."""
    new_key = renamed.get((row["frame"], row["object"], row["source_id"]))
    if new_key:
        row["topic"] = _renamed_topic(row["topic"], frame=row["frame"], old=row["object"], new=new_key,
                                      kind=row["kind"])
        row["object"] = new_key
    return row


def run_segment(cleaned_dir: Path, *, topics_file: Path | None = None, raw_dir: Path | None = None,
                settings: Settings | None = None) -> Path:
    """Segment every ``cleaned/*.json`` with status "ok" into ``cleaned/claims.jsonl``.

    Raw pages (for exact quotes) are looked up by each document's ``file``, then by name
    in ``raw_dir``, ``<cleaned_dir>/../raw`` and the project's ``raw/``. Rows are sorted
    by (source_id, clean_start, claim_id) so reruns give identical bytes.

    Pages are read and segmented one at a time on the worker pool of ``settings``
    (:mod:`pipeline.parallel`); their rows are spooled to an anonymous temp file in page
    order while only their keys and words stay in memory, then written out with the
    object keys unified across pages, so memory does not grow with the pages' text.
    """
    load_topics(topics_file)  # a bad topic file fails here, once, before any page is read
    raw_dirs = tuple(str(d) for d in (raw_dir, cleaned_dir.parent / "raw", RAW_DIR) if d is not None)
    # Records are named <source_id>.json: in this order a source's pages come together.
    paths = sorted(cleaned_dir.glob("*.json"), key=lambda p: p.stem)
    items = [(str(p), str(topics_file or ""), raw_dirs) for p in paths]
    index = KeyIndex()
    out = cleaned_dir / CLAIMS_FILE
    cleaned_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile(dir=cleaned_dir) as spool:
        pages = imap_ordered(segment_file, items, settings=settings or Settings(), desc="segment")
        chunks = _spool_pages(pages, spool, index)
        write_blobs_atomic(out, _final_lines(spool, chunks, index.renames()))
    return out
