"""Split a text rendering of a web page into line blocks with exact raw offsets.

A rendering ("select all + copy", ``w3m -dump``, inscriptis, ``innerText``) puts one
paragraph, heading, list item or menu entry on each line, so one non-blank line is
one block. Each block keeps its raw span, its indentation and bullet (both strong
layout cues once the DOM is gone) and aligned segments so that the clean text can
be traced back to the raw characters.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from itertools import accumulate, pairwise

from pipeline.extract.text_rules import BULLET_CHARS, BULLET_RE, NUMBERED_RE
from pipeline.records import Segment

LOGGER = logging.getLogger(__name__)

#: Any whitespace other than single plain spaces: the text needs collapsing.
_ODD_SPACE_RE = re.compile(r"[^\S ]| {2}")
#: One such gap, whole: a run of two or more whitespace characters, or one that is
#: not a plain space.
_ODD_GAP_RE = re.compile(r"\s{2,}|[^\S ]")
#: Only lines starting with one of these can hold a bullet.
_BULLET_CHARS = frozenset(BULLET_CHARS)


@dataclass(slots=True)
class Line:
    """One non-blank line of a rendering, before classification.

    ``blank_before``/``blank_after`` count the blank lines around it: renderings
    separate paragraphs with blank lines but stack menu entries without them.
    """

    text: str
    start: int
    end: int
    indent: int
    bullet: str
    numbered: bool
    blank_before: int
    blank_after: int = 0
    segments: list[Segment] = field(default_factory=list)


def collapse_with_segments(raw: str, start: int, end: int) -> tuple[str, list[Segment]]:
    """Collapse whitespace in ``raw[start:end]``; return the text and its aligned runs.

    Words separated by a single plain space stay in one run; any other gap (tabs,
    no-break spaces, several spaces) becomes one space and starts a new run, so
    ``text[a:a+n] == raw[r:r+n]`` holds for every run. Only the odd gaps are
    visited, not every word.
    """
    body = raw[start:end]
    stripped = body.strip()
    if not stripped:
        return "", []
    run_start = start + len(body) - len(body.lstrip())
    stop = run_start + len(stripped)
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for gap in _ODD_GAP_RE.finditer(raw, run_start, stop):
        segments.append((pos, run_start, gap.start() - run_start))
        parts.append(raw[run_start:gap.start()])
        pos += gap.start() - run_start + 1
        run_start = gap.end()
    segments.append((pos, run_start, stop - run_start))
    parts.append(raw[run_start:stop])
    return " ".join(parts), segments


@dataclass(frozen=True, slots=True)
class LineTable:
    """The non-blank lines of a rendering as columns, one list per :class:`Line` field.

    The extractor reads whole columns (and builds blocks from them directly), so
    it never pays for an object per line it then takes apart again.
    """

    texts: list[str]
    starts: list[int]
    ends: list[int]
    indents: list[int]
    bullets: list[str]
    numbered: list[bool]
    blank_before: list[int]
    blank_after: list[int]
    segments: list[list[Segment]]

    def __len__(self) -> int:
        return len(self.texts)

    def lines(self) -> list[Line]:
        """The same lines as objects."""
        return list(map(Line, self.texts, self.starts, self.ends, self.indents, self.bullets,
                        self.numbered, self.blank_before, self.blank_after, self.segments))


def split_lines(raw: str) -> list[Line]:
    """Return the non-blank lines of ``raw`` in page order with blank-line counts."""
    return line_table(raw).lines()


def line_table(raw: str) -> LineTable:
    """The non-blank lines of ``raw`` in page order with blank-line counts, as columns.

    Built from list comprehensions over the page's lines rather than a function
    call per line: pages have hundreds of lines and the extractor has a few
    milliseconds a page. Only lines that may start with a bullet or hold odd
    spacing get a regex.
    """
    contents = raw.split("\n")
    bodies = [content.strip() for content in contents]
    line_starts = list(accumulate([len(content) + 1 for content in contents], initial=0))
    rows = [row for row, body in enumerate(bodies) if body]
    texts = [bodies[row] for row in rows]
    indents = [len(content) - len(content.lstrip()) for content in map(contents.__getitem__, rows)]
    starts = [line_starts[row] + indent for row, indent in zip(rows, indents, strict=True)]
    ends = [start + len(text) for start, text in zip(starts, texts, strict=True)]
    text_starts = starts.copy()
    bullets = [""] * len(rows)
    blank = set()
    for k in [k for k, text in enumerate(texts) if text[0] in _BULLET_CHARS]:
        match = BULLET_RE.match(texts[k])
        if match:  # the text ends with a visible character, so more follows the bullet
            bullets[k] = match.group(1)
            texts[k] = texts[k][match.end():].lstrip()
            text_starts[k] = ends[k] - len(texts[k])
        elif len(texts[k]) == 1:  # a lone bullet: blank if other blanks follow its spaces
            line_end = line_starts[rows[k] + 1] - 1
            match = BULLET_RE.match(raw, starts[k], line_end)
            if match and match.end() < line_end:
                blank.add(k)
    if blank:
        keep = [k for k in range(len(rows)) if k not in blank]
        rows, texts, indents = [rows[k] for k in keep], [texts[k] for k in keep], [
            indents[k] for k in keep]
        starts, ends, text_starts = [starts[k] for k in keep], [ends[k] for k in keep], [
            text_starts[k] for k in keep]
        bullets = [bullets[k] for k in keep]
    if not rows:
        return LineTable([], [], [], [], [], [], [], [], [])
    number = NUMBERED_RE.match
    # a list number ends with "." or ")" within the line's first six characters
    numbered = [not bullet and ("." in text[1:6] or ")" in text[1:6])
                and number(raw, start, end) is not None
                for bullet, text, start, end in zip(bullets, texts, starts, ends, strict=True)]
    segments = [[(0, start, len(text))] for start, text in zip(text_starts, texts, strict=True)]
    odd = _ODD_SPACE_RE.search
    # every whitespace character but the plain space is unprintable: two fast string
    # tests leave the regex only the few lines that may need collapsing
    for k in [k for k, text in enumerate(texts)
              if ("  " in text or not text.isprintable()) and odd(text)]:
        texts[k], segments[k] = collapse_with_segments(raw, text_starts[k], ends[k])
    gaps = [rows[0]] + [b - a - 1 for a, b in pairwise(rows)] + [len(contents) - rows[-1] - 1]
    return LineTable(texts, starts, ends, indents, bullets, numbered, gaps[:-1], gaps[1:],
                     segments)
