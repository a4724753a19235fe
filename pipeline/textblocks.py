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

from pipeline.model import Segment
from pipeline.textrules import BULLET_RE, NUMBERED_RE

LOGGER = logging.getLogger(__name__)

_WORD_RUN_RE = re.compile(r"\S+")
#: Any whitespace other than single plain spaces: the text needs collapsing.
_ODD_SPACE_RE = re.compile(r"[^\S ]| {2}")


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
    ``text[a:a+n] == raw[r:r+n]`` holds for every run.
    """
    body = raw[start:end].strip()
    if body and _ODD_SPACE_RE.search(body) is None:
        first = raw.index(body[0], start)
        return body, [(0, first, len(body))]
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    prev_end = -1
    for match in _WORD_RUN_RE.finditer(raw, start, end):
        word = match.group()
        if parts and raw[prev_end:match.start()] == " ":
            text_off, raw_off, length = segments[-1]
            segments[-1] = (text_off, raw_off, length + 1 + len(word))
            parts.append(" " + word)
            pos += 1 + len(word)
        else:
            if parts:
                parts.append(" ")
                pos += 1
            segments.append((pos, match.start(), len(word)))
            parts.append(word)
            pos += len(word)
        prev_end = match.end()
    return "".join(parts), segments


def _make_line(raw: str, start: int, content: str, blank_before: int) -> Line | None:
    """Build a :class:`Line` for ``content == raw[start:start + len(content)]``.

    Returns None if the line holds no visible text.
    """
    stripped = content.lstrip()
    if not stripped:
        return None
    end = start + len(content)
    indent = len(content) - len(stripped)
    body_start = start + indent
    bullet = ""
    numbered = False
    match = BULLET_RE.match(raw, body_start, end)
    if match and match.end() < end:
        bullet = match.group(1)
        body_start = match.end()
    elif NUMBERED_RE.match(raw, body_start, end):
        numbered = True
    text, segments = collapse_with_segments(raw, body_start, end)
    if not text:
        return None
    last = segments[-1]
    return Line(text=text, start=start + indent, end=last[1] + last[2],
                indent=indent, bullet=bullet, numbered=numbered,
                blank_before=blank_before, segments=segments)


def split_lines(raw: str) -> list[Line]:
    """Return the non-blank lines of ``raw`` in page order with blank-line counts."""
    lines: list[Line] = []
    blanks = 0
    start = 0
    for content in raw.split("\n"):
        line = _make_line(raw, start, content, blanks)
        start += len(content) + 1
        if line is None:
            blanks += 1
            continue
        if lines:
            lines[-1].blank_after = blanks
        lines.append(line)
        blanks = 0
    if lines:
        lines[-1].blank_after = blanks
    return lines
