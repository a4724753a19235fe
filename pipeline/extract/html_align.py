"""Map clean text back to exact character offsets in the raw HTML it came from.

The page's visible text is scanned once into *pieces*: literal runs of a text node
(``html[raw:raw+len(text)] == text``) and decoded entities (no literal source). A
whitespace-free copy of the whole text stream lets a block found by an extractor be
located with one ``str.find``, whatever spacing, inline tags or line breaks the page
used; the block's runs then come from the literal pieces it covers.
"""

from __future__ import annotations

import functools
import html as htmllib
import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pipeline.extract.html_rules import (
    BLOCK_TAGS,
    INVISIBLE_CHARS,
    LANDMARK_ATTR_RULES,
    LANDMARK_ATTR_TAGS,
    LANDMARK_TAG_RULES,
    RAW_TEXT_TAGS,
)
from pipeline.records import Block, Segment

LOGGER = logging.getLogger(__name__)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation matching exactly ``words``, with shared prefixes factored out.

    sre tries an alternation's branches one after the other wherever the pattern may start,
    so 50 tag names cost 50 (case-insensitive) comparisons at every "<" of a page; grouped
    by their first letters they cost a few. Each tag-name pattern is followed by ``\\b``, so
    at most one name matches at a position and the branch order does not matter.
    """
    by_head: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        by_head.setdefault(word[0], []).append(word)
    branches = []
    for group in by_head.values():
        if len(group) == 1:
            branches.append(re.escape(group[0]))
            continue
        tails = [word[1:] for word in group if len(word) > 1]
        optional = "?" if len(tails) < len(group) else ""
        branches.append(f"{re.escape(group[0][0])}(?:{_alternation(tails)}){optional}")
    return "|".join(branches)


#: Starts of spans that hold no visible text: comments, raw-text elements, doctype, CDATA.
SKIP_OPEN_RE = re.compile(rf"<(?:!--|!\[CDATA\[|({_alternation(RAW_TEXT_TAGS)})\b|[!?])", re.IGNORECASE)
#: A text node with at least one visible character, right after a tag.
TEXT_RE = re.compile(r">(\s*[^\s<][^<]*)")
BLOCK_TAG_RE = re.compile(rf"</?(?:{_alternation(BLOCK_TAGS)})\b", re.IGNORECASE)
ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")
#: Opening tags that may start a landmark (the rule itself is decided by :func:`_landmark_rule`).
LANDMARK_OPEN_RE = re.compile(
    rf"<({_alternation(set(LANDMARK_TAG_RULES) | set(LANDMARK_ATTR_TAGS))})\b([^>]*)>", re.IGNORECASE
)
CLASS_ID_RE = re.compile(r"""\b(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
#: A whitespace-only text node between two tags: it separates the words around it.
WHITESPACE_NODE_RE = re.compile(r">\s+<")
#: The last attribute name before a position inside a start tag.
ATTR_NAME_RE = re.compile(r"""([\w:-]+)\s*=\s*["']?[^"'=]*$""")
#: How far before the last quote or "=" an attribute's name and "=" may start (names are short).
ATTR_NAME_WINDOW = 256
BODY_RE = re.compile(r"<body\b", re.IGNORECASE)
#: A link's start tag (group 1 set) or end tag: one scan of the page finds both.
ANCHOR_TAG_RE = re.compile(r"<(?:(a)\b|/a\s*>)", re.IGNORECASE)
WORD_RE = re.compile(r"\S+")
#: A stretch whose only whitespace is single spaces survives whitespace collapsing intact.
SPACED_RUN_RE = re.compile(r"\S+(?: \S+)*")

#: Format characters that render as nothing (soft hyphen, zero-width space).
INVISIBLE_RE = re.compile(f"[{INVISIBLE_CHARS}]")
#: How far (whitespace-free characters) a word may be from the previous one in the
#: word-by-word fallback before it is treated as not found; a paragraph with a dropped
#: inline element (footnote marker, ad slot) skips far less than this.
WORD_WINDOW = 400


def visible(text: str) -> str:
    """``text`` without whitespace and invisible characters: the alphabet of the whitespace-free stream.

    ``str.split()`` drops exactly the characters ``str.isspace()`` names, and the
    invisible format characters (soft hyphen, zero-width space) only occur in non-ASCII
    text. This is about 2.5x quicker than a ``str.translate`` table, which looks every
    character up in a dict, and it runs on every text node of every page.
    """
    flat = "".join(text.split())
    return flat if flat.isascii() else INVISIBLE_RE.sub("", flat)


@dataclass(slots=True)
class Piece:
    """A stretch of visible text: literal source text, or one decoded entity.

    ``html[raw:raw_end] == text`` exactly when ``literal``; ``flat`` is the offset of the
    piece in the whitespace-free stream and ``group`` the block-level group it belongs to.
    """

    text: str
    raw: int
    raw_end: int
    literal: bool
    flat: int
    flat_len: int
    group: int
    space_before: bool = False


@dataclass(frozen=True, slots=True)
class Span:
    """A located text: its clean text, raw span, aligned runs and whitespace-free range."""

    text: str
    start: int
    end: int
    segments: list[Segment]
    flat_start: int
    flat_end: int


@dataclass(slots=True)
class TextMap:
    """The visible text of a page, with everything needed to locate text in it."""

    html: str
    pieces: list[Piece]
    flat: str
    flat_starts: list[int]
    group_rules: list[str]
    group_first: list[int]
    raw_starts: list[int]

    @property
    def groups(self) -> int:
        """Number of raw text groups (text between block-level tags)."""
        return len(self.group_rules)


def _skip_spans(html: str) -> tuple[list[int], list[int]]:
    """Sorted, disjoint start and end offsets of regions without visible text.

    An unterminated comment or script runs to the end of the page, as in a browser.
    """
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    while match := SKIP_OPEN_RE.search(html, pos):
        token = match.group()
        if token == "<!--":
            end = _find_end(html, "-->", match.end())
        elif token.startswith("<!["):
            end = _find_end(html, "]]>", match.end())
        elif match.group(1):
            close = _closing_tag_re(match.group(1).lower()).search(html, match.end())
            end = close.end() if close else len(html)
        else:
            end = _find_end(html, ">", match.end())
        starts.append(match.start())
        ends.append(end)
        pos = max(end, match.end())
    return starts, ends


def _find_end(html: str, marker: str, pos: int) -> int:
    """Offset just after the next ``marker``, or the end of the page."""
    found = html.find(marker, pos)
    return len(html) if found < 0 else found + len(marker)


@functools.lru_cache(maxsize=64)
def _closing_tag_re(name: str) -> re.Pattern[str]:
    """The closing tag of one element name."""
    return re.compile(rf"</{name}\s*>", re.IGNORECASE)


@functools.lru_cache(maxsize=16384)
def _landmark_rule(name: str, attrs: str) -> str:
    """Removal reason implied by an opening tag, or "" when it is no landmark."""
    rule = LANDMARK_TAG_RULES.get(name, "")
    if rule or name not in LANDMARK_ATTR_TAGS or ("class" not in attrs and "id" not in attrs):
        return rule
    for match in CLASS_ID_RE.finditer(attrs):
        if reason := _attr_value_rule(match.group(match.lastindex or 0)):
            return reason
    return ""


def _attr_rule_re() -> re.Pattern[str]:
    """:data:`LANDMARK_ATTR_RULES` as one pattern, with a group per rule.

    It matches at the start of a token (at the value's start or after whitespace,
    "-" or "_"): the leftmost match is the first token that any rule matches,
    and the alternation tries the rules in their order there, so the matching group
    names the reason the token-by-token, rule-by-rule loop would find first.
    """
    rules = []
    for _, stems, words in LANDMARK_ATTR_RULES:
        exact = [rf"{re.escape(word)}(?![^\s_-])" for word in sorted(words)]
        rules.append(f"({'|'.join([*map(re.escape, stems), *exact])})")
    return re.compile(rf"(?<![^\s_-])(?:{'|'.join(rules)})")


#: Matches where a class/id token starts with a rule's stem or is one of its words.
ATTR_RULE_RE = _attr_rule_re()


@functools.lru_cache(maxsize=8192)
def _attr_value_rule(value: str) -> str:
    """Removal reason implied by one class or id value, or "" (values repeat a lot, so cached).

    The value is split into lowercase tokens at spaces, "-" and "_"; the first token
    that a rule of :data:`LANDMARK_ATTR_RULES` matches decides (:data:`ATTR_RULE_RE`).
    """
    match = ATTR_RULE_RE.search(value.lower())
    return LANDMARK_ATTR_RULES[match.lastindex - 1][0] if match and match.lastindex else ""


def landmark_spans(html: str, skip_starts: list[int], skip_ends: list[int]) -> list[tuple[int, int, str]]:
    """Raw spans of landmark elements (nav, footer, class="comments"...) with their reason.

    Only candidate opening tags are examined, and each one's end is found by counting
    same-name tags, so the cost follows the landmarks, not the size of the page. In
    malformed pages a stray tag only blurs an extent; an unclosed landmark runs to the end.
    """
    spans: list[tuple[int, int, str]] = []
    open_spans: list[tuple[int, int, str]] = []
    for match in LANDMARK_OPEN_RE.finditer(html):
        name, attrs = match.group(1).lower(), match.group(2)
        rule = _landmark_rule(name, attrs)
        if not rule or attrs.endswith("/") or _inside(match.start(), skip_starts, skip_ends):
            continue
        while open_spans and open_spans[-1][1] <= match.start():
            open_spans.pop()
        if open_spans and open_spans[-1][2] == rule:
            continue  # a "comment" inside "comments" adds nothing but scanning time
        span = (match.start(), _element_end(html, name, match.end()), rule)
        spans.append(span)
        open_spans.append(span)
    return spans


def _element_end(html: str, name: str, pos: int) -> int:
    """Offset after the tag closing the ``name`` element whose start tag ends at ``pos``."""
    depth = 1
    for match in _same_name_re(name).finditer(html, pos):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return len(html)


@functools.lru_cache(maxsize=64)
def _same_name_re(name: str) -> re.Pattern[str]:
    """Opening or closing tags of one element name."""
    return re.compile(rf"<(/?){name}\b[^>]*>", re.IGNORECASE)


def _inside(pos: int, starts: list[int], ends: list[int]) -> bool:
    """True when ``pos`` falls in one of the sorted, disjoint spans."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def _split_entities(text: str, raw: int) -> list[tuple[str, int, int, bool]]:
    """Split a text node into literal parts and decoded entities, with raw spans."""
    if "&" not in text:
        return [(text, raw, raw + len(text), True)]
    parts: list[tuple[str, int, int, bool]] = []
    last = 0
    for match in ENTITY_RE.finditer(text):
        if match.start() > last:
            parts.append((text[last : match.start()], raw + last, raw + match.start(), True))
        parts.append((htmllib.unescape(match.group()), raw + match.start(), raw + match.end(), False))
        last = match.end()
    if last < len(text):
        parts.append((text[last:], raw + last, raw + len(text), True))
    return parts


class _RuleSweep:
    """Innermost landmark rule at increasing raw offsets (spans sorted by start)."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = spans
        self.next = 0
        self.stack: list[tuple[int, int, str]] = []

    def rule_at(self, pos: int) -> str:
        """Reason of the innermost landmark containing ``pos``, or ""."""
        while self.next < len(self.spans) and self.spans[self.next][0] <= pos:
            self.stack.append(self.spans[self.next])
            self.next += 1
        while self.stack and self.stack[-1][1] <= pos:
            self.stack.pop()
        return self.stack[-1][2] if self.stack else ""


def build_text_map(html: str) -> TextMap:
    """Scan the visible text of ``html`` into pieces grouped by block-level tags."""
    skip_starts, skip_ends = _skip_spans(html)
    sweep = _RuleSweep(landmark_spans(html, skip_starts, skip_ends))
    pieces: list[Piece] = []
    flat_parts: list[str] = []
    rules: list[str] = []
    group_first: list[int] = []
    flat_len = 0
    prev_end = -1
    skip = 0
    for match in TEXT_RE.finditer(html):
        start, end = match.start(1), match.end()
        while skip < len(skip_ends) and skip_ends[skip] <= start:
            skip += 1
        if skip < len(skip_ends) and skip_starts[skip] <= start:
            # a ">" inside a comment or script: only text after the skipped span counts
            start = skip_ends[skip]
            if start >= end or html[start:end].isspace():
                continue
        spaced = False
        if prev_end < 0 or BLOCK_TAG_RE.search(html, prev_end, start):
            rules.append(sweep.rule_at(start))
            group_first.append(len(pieces))
        else:
            spaced = WHITESPACE_NODE_RE.search(html, prev_end, start) is not None
        prev_end = end
        text = html[start:end]
        parts = [(text, start, end, True)] if "&" not in text else _split_entities(text, start)
        for part, raw, raw_end, literal in parts:
            flat = visible(part)
            pieces.append(Piece(part, raw, raw_end, literal, flat_len, len(flat), len(rules) - 1, spaced))
            spaced = False
            flat_parts.append(flat)
            flat_len += len(flat)
    group_first.append(len(pieces))
    flat_starts = [p.flat for p in pieces]
    raw_starts = [p.raw for p in pieces]
    return TextMap(html, pieces, "".join(flat_parts), flat_starts, rules, group_first, raw_starts)


def _char_index(piece: Piece, k: int) -> int:
    """Index in the piece's text of its ``k``-th character that survives :func:`visible`.

    Each step extends the prefix by exactly the number of kept characters still missing,
    so it never overshoots and lands on a kept character; a few C-level passes suffice.
    """
    text = piece.text
    if piece.flat_len == len(text):
        return k
    index = k
    while (kept := len(visible(text[: index + 1]))) < k + 1 and index < len(text):
        index += k + 1 - kept
    return min(index, len(text))


class _Collapser:
    """Join pieces into whitespace-collapsed text while recording literal runs."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []
        self.space = False

    def _emit(self, text: str, raw: int) -> None:
        """Append ``text``; ``raw`` >= 0 when it equals the page at that offset."""
        if self.space and self.length:
            self.parts.append(" ")
            self.length += 1
        self.space = False
        if raw >= 0:
            self._add_run(self.length, raw, len(text))
        self.parts.append(text)
        self.length += len(text)

    def _add_run(self, offset: int, raw: int, length: int) -> None:
        """Record a run, merging it with the previous one when both sides are contiguous."""
        if self.segments:
            t0, r0, n0 = self.segments[-1]
            if t0 + n0 == offset and r0 + n0 == raw:
                self.segments[-1] = (t0, r0, n0 + length)
                return
        self.segments.append((offset, raw, length))

    def add(self, piece: Piece, lo: int, hi: int, *, html: str) -> None:
        """Add ``piece.text[lo:hi]``, collapsing its whitespace."""
        text = piece.text[lo:hi]
        if piece.literal and text and not text[0].isspace() and SPACED_RUN_RE.fullmatch(text):
            self._emit(text, piece.raw + lo)
            return
        if not piece.literal:
            if text.strip():
                self._emit(text.strip(), -1)
            else:
                self.space = True
            return
        for match in SPACED_RUN_RE.finditer(text):
            if match.start() > 0:
                self.space = True
            raw = piece.raw + lo + match.start()
            if self.space and self.length and html[raw - 1 : raw] == " ":
                self.space = False
                self._emit(" " + match.group(), raw - 1)
            else:
                self._emit(match.group(), raw)
        if text[-1:].isspace():
            self.space = True

    def text(self) -> str:
        """The collapsed text so far."""
        return "".join(self.parts)


def _collapse(tmap: TextMap, first: int, last: int, lo: int, hi: int) -> tuple[str, list[Segment]]:
    """Collapsed text and runs of pieces ``first..last`` (cut at ``lo`` in the first, ``hi`` in the last)."""
    collapser = _Collapser()
    pieces = tmap.pieces
    for index in range(first, last + 1):
        piece = pieces[index]
        if index > first and (piece.space_before or piece.group != pieces[index - 1].group):
            collapser.space = True
        start = lo if index == first else 0
        end = hi if index == last else len(piece.text)
        collapser.add(piece, start, end, html=tmap.html)
    return collapser.text(), collapser.segments


def span_of_flat(tmap: TextMap, flat_start: int, flat_end: int) -> Span:
    """The located text covering ``tmap.flat[flat_start:flat_end]``."""
    pieces = tmap.pieces
    first = bisect_right(tmap.flat_starts, flat_start) - 1
    while pieces[first].flat_len == 0 and first + 1 < len(pieces):
        first += 1
    last = bisect_right(tmap.flat_starts, flat_end - 1) - 1
    while pieces[last].flat_len == 0 and last > first:
        last -= 1
    lo = _char_index(pieces[first], flat_start - pieces[first].flat)
    hi = _char_index(pieces[last], flat_end - 1 - pieces[last].flat) + 1
    return _span(tmap, first, last, lo, hi)


def _span(tmap: TextMap, first: int, last: int, lo: int, hi: int) -> Span:
    """The located text of pieces ``first..last``, cut at ``lo`` in the first and ``hi`` in the last."""
    text, segments = _collapse(tmap, first, last, lo, hi)
    head, tail = tmap.pieces[first], tmap.pieces[last]
    start = head.raw + lo if head.literal else head.raw
    end = tail.raw + hi if tail.literal else tail.raw_end
    flat_start = head.flat + (len(visible(head.text[:lo])) if lo else 0)
    cut = tail.flat_len if hi >= len(tail.text) else len(visible(tail.text[:hi]))
    flat_end = tail.flat + cut
    return Span(text, start, end, segments, flat_start, flat_end)


def group_flat_range(tmap: TextMap, group: int) -> tuple[int, int]:
    """Whitespace-free range of one raw group (text between block-level tags)."""
    first, stop = tmap.group_first[group], tmap.group_first[group + 1]
    if first >= stop:
        return 0, 0
    last = tmap.pieces[stop - 1]
    return tmap.pieces[first].flat, last.flat + last.flat_len


def groups_span(tmap: TextMap, first_group: int, last_group: int) -> Span | None:
    """The located text of consecutive raw groups, or None when they hold no piece."""
    first, stop = tmap.group_first[first_group], tmap.group_first[last_group + 1]
    if first >= stop:
        return None
    return _span(tmap, first, stop - 1, 0, len(tmap.pieces[stop - 1].text))


def locate(tmap: TextMap, text: str, *, cursor: int = 0) -> Span | None:
    """Find ``text`` in the page (after ``cursor``, else anywhere), ignoring whitespace."""
    needle = visible(text)
    if not needle:
        return None
    pos = tmap.flat.find(needle, cursor)
    if pos < 0:
        pos = tmap.flat.find(needle)
    if pos < 0:
        return None
    return span_of_flat(tmap, pos, pos + len(needle))


def locate_words(tmap: TextMap, text: str, *, cursor: int = 0) -> Span | None:
    """Align ``text`` word by word, monotonically, when it is not in the page verbatim.

    Words whose page form differs (an entity, a rewritten character) get no run; the
    span's text stays ``text``. Returns None when no word is found at all.
    """
    segments: list[Segment] = []
    pos = cursor
    flat_start = flat_end = -1
    for match in WORD_RE.finditer(text):
        word = visible(match.group())
        if not word:
            continue
        if flat_start < 0:
            found = tmap.flat.find(word, pos)
        else:
            found = tmap.flat.find(word, pos, pos + WORD_WINDOW + len(word))
        if found < 0:
            continue
        sub = span_of_flat(tmap, found, found + len(word))
        if sub.text == match.group():
            segments.extend((match.start() + a, r, n) for a, r, n in sub.segments)
        flat_start = found if flat_start < 0 else flat_start
        pos = flat_end = found + len(word)
    if not segments:
        return None
    start = segments[0][1]
    end = segments[-1][1] + segments[-1][2]
    return Span(text, start, end, _merge_runs(segments), flat_start, flat_end)


def _merge_runs(segments: list[Segment]) -> list[Segment]:
    """Merge runs that are contiguous in both the text and the page."""
    merged: list[Segment] = []
    for a, r, n in segments:
        if merged and merged[-1][0] + merged[-1][2] == a and merged[-1][1] + merged[-1][2] == r:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + n)
        else:
            merged.append((a, r, n))
    return merged


def rule_at(tmap: TextMap, flat_pos: int) -> str:
    """Landmark reason of the raw group holding the text at ``flat_pos`` ("" if none)."""
    index = bisect_right(tmap.flat_starts, flat_pos) - 1
    if index < 0 or not tmap.pieces:
        return ""
    return tmap.group_rules[tmap.pieces[index].group]


def anchor_spans(html: str) -> tuple[list[int], list[int]]:
    """Sorted offsets of link start tags and of link end tags (just after them).

    Both come from one scan: each scan of a page costs as much as the other (the
    whole page is read), and the tags are few next to the page's length.
    """
    opens: list[int] = []
    closes: list[int] = []
    for match in ANCHOR_TAG_RE.finditer(html):
        if match.group(1):
            opens.append(match.start())
        else:
            closes.append(match.end())
    return opens, closes


def _in_link(pos: int, anchors: tuple[list[int], list[int]]) -> bool:
    """True when the last link tag before ``pos`` opens a link."""
    opens, closes = anchors
    last_open = bisect_right(opens, pos) - 1
    if last_open < 0:
        return False
    last_close = bisect_right(closes, pos) - 1
    return last_close < 0 or closes[last_close] <= opens[last_open]


def lead_link_share(block: Block, anchors: tuple[list[int], list[int]]) -> float:
    """Share of the block's aligned text inside links, if the block starts with a link.

    An aligned run is literal text, so it holds no tag: each run is wholly in or out.

    This is the shape of a teaser (a linked headline, then maybe a dek); prose that
    merely contains links starts with plain text and scores 0.
    """
    if not block.segments or not _in_link(block.segments[0][1], anchors):
        return 0.0
    aligned = linked = 0
    for _, raw, length in block.segments:
        aligned += length
        if _in_link(raw, anchors):
            linked += length
    return linked / aligned


def body_flat_start(tmap: TextMap) -> int:
    """Offset in the whitespace-free stream where the page body's text starts (0 if unknown).

    Content is searched from here first, so a heading that repeats the ``<title>``
    is found in the body, not in the head.
    """
    match = BODY_RE.search(tmap.html)
    if match is None:
        return 0
    index = bisect_right(tmap.raw_starts, match.start())
    return tmap.pieces[index].flat if index < len(tmap.pieces) else 0


def labelled_text(
    tmap: TextMap, words: tuple[str, ...], attrs: tuple[str, ...], *, limit: int
) -> Iterator[str]:
    """Text right after start tags whose ``attrs`` values contain one of ``words``.

    Used to read bylines from ``class="author"``-style markup without walking a tree:
    each occurrence of a word (a plain substring search, fast on large pages) is
    checked to sit inside a start tag, in one of ``attrs``. At most ``limit``
    occurrences are examined, in page order.
    """
    html, raws = tmap.html, tmap.raw_starts
    hits = sorted(pos for word in words for pos in _occurrences(html, word, limit))[:limit]
    for pos in hits:
        tag_start = html.rfind("<", 0, pos)
        if tag_start < 0 or html.rfind(">", 0, pos) > tag_start:
            continue  # not inside a tag
        tag_end = html.find(">", pos)
        name = attribute_name(html, tag_start, pos)
        if tag_end < 0 or name is None or name.lower() not in attrs:
            continue
        index = bisect_right(raws, tag_end)
        if index < len(tmap.pieces) and tmap.pieces[index].literal:
            yield tmap.pieces[index].text.strip()


def attribute_name(html: str, tag_start: int, pos: int) -> str | None:
    """The name of the attribute whose value holds ``pos`` in the start tag at ``tag_start``.

    :data:`ATTR_NAME_RE` is searched only just before the last quote or "=" ahead of
    ``pos`` (where the name it finds must end): searched from the tag's start, a long run
    of word characters (a token in an inline script that holds no ">") made the search
    quadratic, seconds on some news pages.
    """
    last = max(html.rfind(mark, tag_start, pos) for mark in "\"'=")
    if last < 0:
        return None
    match = ATTR_NAME_RE.search(html, max(tag_start, last - ATTR_NAME_WINDOW), pos)
    return match.group(1) if match else None


def _occurrences(text: str, word: str, limit: int) -> list[int]:
    """Offsets of the first ``limit`` occurrences of ``word`` in ``text``."""
    found: list[int] = []
    pos = text.find(word)
    while pos >= 0 and len(found) < limit:
        found.append(pos)
        pos = text.find(word, pos + 1)
    return found


