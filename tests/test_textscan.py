"""Tests for the whole-page scans of the text extractor (split_lines, scan_lines, rules).

The scans replace per-line regexes and per-word Python loops with numpy arrays; these
tests pin them to the plain per-line definitions they stand for.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from pipeline.extract.function_words import STOPWORDS
from pipeline.extract.line_model import (
    CONTENT_WORD_MIN_CHARS,
    feature_matrix,
    scan_lines,
    stage2_columns,
    stage2_names,
)
from pipeline.extract.text import furniture_rule, furniture_rules
from pipeline.extract.text_lines import collapse_with_segments, line_table, split_lines
from pipeline.extract.text_rules import COMMENT_ACTION_RE, WORD_RE

RAW = Path(__file__).resolve().parents[1] / "raw"

#: The per-line definitions the scans must agree with.
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*$")
IMAGE_LINE_RE = re.compile(r"^\[[^\]\n]*\]$")

HOSTILE_LINES = [
    "KELVIN 5 \u212a", "\U0001d400\U0001d401 astral letters", "ſhare the ß", "İstanbul TODAY",
    "lone \udc80 surrogate", "12:30 pm. Next", "[photo.jpg]", "[a] and [b]", "]", "[",
    "end.”", "end”.", "Wait…", "© 2020 Site", "By Jane Doe", "The and OF", "x", "_", "a_b 1_2",
    "٣ Arabic-Indic digit", "e-mail / 3-4 / 2019", "Share", "Don't miss", "don’t miss",
    "Reply", "  Reply ↓", "12 likes", "Report comment", "Reply to this comment", "Replying to you",
    "Reply to the mayor's office about the 2019 budget", "Permalink |", "Like · Reply",
]


def _seed_lines() -> list[str]:
    texts = [line.text for path in sorted(RAW.glob("*.txt"))
             for line in split_lines(path.read_text(encoding="utf-8"))]
    return texts + HOSTILE_LINES


def test_word_counts_equal_word_re() -> None:
    texts = _seed_lines()
    page = scan_lines(texts)
    assert page.words.tolist() == [len(WORD_RE.findall(t)) for t in texts]


def test_stop_words_are_matched_case_insensitively() -> None:
    texts = _seed_lines()
    page = scan_lines(texts)
    expected = [sum(w.lower() in STOPWORDS for w in WORD_RE.findall(t)) for t in texts]
    assert page.tokens["stop"].astype(int).tolist() == expected


def test_line_shape_flags_equal_their_regexes() -> None:
    texts = _seed_lines()
    page = scan_lines(texts)
    assert page.ends_sentence.tolist() == [bool(SENTENCE_END_RE.search(t)) for t in texts]
    assert page.image_line.tolist() == [bool(IMAGE_LINE_RE.match(t)) for t in texts]
    assert (page.chars["digit"] > 0).tolist() == [bool(re.search(r"\d", t)) for t in texts]
    assert page.lowered == [t.lower() for t in texts]


def test_content_words_and_comment_controls_equal_their_definitions() -> None:
    texts = _seed_lines()
    page = scan_lines(texts)
    content = [w.lower() for t in texts for w in WORD_RE.findall(t)]
    expected = [len(w) >= CONTENT_WORD_MIN_CHARS and w not in STOPWORDS and not w.isdecimal()
                for w in content]
    assert page.token_content.tolist() == expected
    assert page.comment_action.tolist() == [COMMENT_ACTION_RE.fullmatch(t) is not None
                                            for t in texts]
    assert page.comment_action.sum() >= 5


def _context(texts: list[str], p1: list[float]) -> dict[str, float]:
    """The stage-2 columns of the last line, by name, for given stage-1 probabilities."""
    lines = line_table("\n\n".join(texts))
    page = scan_lines(lines.texts)
    columns = stage2_columns(np.array(p1), feature_matrix(lines, page), page)
    return dict(zip(stage2_names(), columns[-1].tolist(), strict=True))


def test_vocabulary_overlap_counts_other_kept_lines_only() -> None:
    body = ["Council members approved the harbour budget after a long debate.",
            "The harbour budget covers dredging and new council moorings."]
    on_topic = "Harbour dredging budget approved by council."
    off_topic = "Celebrity chef unveils seasonal dessert recipes tonight."
    assert _context([*body, on_topic], [0.9, 0.9, 0.1])["overlap_share"] == 1.0
    assert _context([*body, off_topic], [0.9, 0.9, 0.1])["overlap_share"] == 0.0
    # the same words in lines stage 1 did not keep count for nothing
    assert _context([*body, on_topic], [0.1, 0.1, 0.9])["overlap_share"] == 0.0
    assert _context([*body, "The and of"], [0.9, 0.9, 0.1])["overlap_share"] == -1.0


def test_comment_markers_are_counted_around_a_line() -> None:
    thread = ["Jane Doe said:", "Great article, thanks for writing it up so clearly.", "Reply"]
    values = _context(["An article paragraph that is long enough to be prose here.", *thread],
                      [0.9, 0.2, 0.6, 0.2])
    assert values["comment_log_marks_before"] == pytest.approx(np.log1p(1))
    assert values["comment_log_since_last"] == 0.0
    assert values["comment_marks_win4"] > 0 and values["comment_strong_win4"] > 0


def test_page_rules_equal_line_rules() -> None:
    texts = _seed_lines()
    assert furniture_rules(texts, scan_lines(texts)) == [furniture_rule(t) for t in texts]


def _reference_collapse(raw: str, start: int, end: int) -> tuple[str, list[tuple[int, int, int]]]:
    """Whitespace collapsing written the slow, obvious way: one word at a time."""
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos, prev_end = 0, -1
    for match in re.compile(r"\S+").finditer(raw, start, end):
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


@pytest.mark.parametrize("text", ["a  b", " a\tb c ", "a\u00a0 b\u2028c", "x", "  ", "a b  c d"])
def test_collapse_equals_word_by_word_reference(text: str) -> None:
    raw = "<" + text + ">"
    assert collapse_with_segments(raw, 1, len(raw) - 1) == _reference_collapse(raw, 1, len(raw) - 1)


def _reference_split(raw: str) -> list[tuple[object, ...]]:
    """The line splitter written the slow, obvious way: one line at a time."""
    bullet_re = re.compile(r"([•●○◦▪▫■□►▸‣⁃∙·*+\-–—o])[ \t\u00a0]+")
    numbered_re = re.compile(r"(?:\d{1,3}|[ivxlc]{1,5}|[a-z])[.)][ \t\u00a0]+\S", re.IGNORECASE)
    out: list[list[object]] = []
    blanks, start = 0, 0
    for content in raw.split("\n"):
        end = start + len(content)
        body_start = start + len(content) - len(content.lstrip())
        text_start, bullet, numbered = body_start, "", False
        match = bullet_re.match(raw, body_start, end)
        if match and match.end() < end:
            bullet, text_start = match.group(1), match.end()
        elif numbered_re.match(raw, body_start, end):
            numbered = True
        text, segments = _reference_collapse(raw, text_start, end)
        if content.strip() and text:
            if out:
                out[-1][-1] = blanks
            out.append([text, body_start, segments[-1][1] + segments[-1][2],
                        body_start - start, bullet, numbered, segments, blanks, 0])
            blanks = 0
        else:
            blanks += 1
        start = end + 1
    if out:
        out[-1][-1] = blanks
    return [tuple(row) for row in out]


@pytest.mark.parametrize("raw", [
    "", "\n\n", "one", "• Home\n  • News\n\n\nA   paragraph\twith gaps.\n",
    "1. First\n2) second\niv. third\n1.5 million\n", "• \r\nfoo\r\n", "-   \n", "•\x0b\n",
    "o \x0bword", "\u00a0\n\u2028 x \u2028\n", "* item\n*Note\n-5 degrees\n— dash lead\n",
])
def test_split_lines_equals_line_by_line_reference(raw: str) -> None:
    got = [(line.text, line.start, line.end, line.indent, line.bullet, line.numbered,
            line.segments, line.blank_before, line.blank_after) for line in split_lines(raw)]
    assert got == _reference_split(raw)


def test_split_lines_on_seeds_equals_reference() -> None:
    for path in sorted(RAW.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        got = [(line.text, line.start, line.end, line.indent, line.bullet, line.numbered,
                line.segments, line.blank_before, line.blank_after)
               for line in split_lines(raw)]
        assert got == _reference_split(raw), path.name
