"""Line features and a gradient-boosted tree scorer for text renderings.

The classifier sees what a reader of a flat rendering sees: how long and how
"prose-like" a line is (stop-word density, sentence punctuation, as jusText
measures), its bullet, indentation and blank lines, boilerplate vocabulary, whether
it repeats elsewhere on the page, and the same cues for its neighbours and for the
densest run of prose on the page. A second stage adds the first stage's verdicts
around each line, how much of its vocabulary the kept lines share, and where it
sits among a comment thread's markers. The trees are trained offline by
``scripts/train_text_model.py`` and shipped as JSON; scoring is pure numpy.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from pipeline.extract.function_words import STOPWORDS
from pipeline.extract.text_lines import LineTable
from pipeline.extract.text_rules import (
    BYLINE_WORDS,
    COMMENT_ACTION_MAX_WORDS,
    COMMENT_ACTION_RE,
    COMMENT_VERBS,
    FURNITURE_WORDS,
    MONTH_WORDS,
    PHRASE_GROUPS,
    PROSE_MIN_STOP_RATIO,
    PROSE_MIN_WORDS,
    READ_TIME_WORDS,
    SECTION_LABELS,
    SENTENCE_CLOSERS,
    SENTENCE_END_CHARS,
    SEPARATOR_CHARS,
    WORD_RE,
)

LOGGER = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float64]

MODEL_PATH = Path(__file__).resolve().parent / "data" / "text_model.json"

#: Names of the per-line features, in column order (the model file records them too,
#: and loading refuses a model trained on a different list). None describes the page as a
#: whole (its number of lines, its share of prose lines, a line's relative position): with
#: those the trees learned each DEV set's pages rather than their lines, and leaving them
#: out raised the mean leave-one-set-out F1 of the six (set, rendering) pairs 0.883 -> 0.896.
LINE_FEATURES = (
    "log_chars", "words", "log_words", "stop_ratio", "ends_sentence", "inner_sentences",
    "comma_ratio", "bullet", "numbered", "indent", "blank_before", "blank_after",
    "cap_ratio", "upper_ratio", "digit_ratio", "date", "date_only", "relative_or_read_time",
    "byline", "furniture_hits", "furniture_ratio", "section_label", "separators",
    "image_line", "repeats", "prose", "ends_colon", "word_char_ratio",
    "mean_word_len", "starts_lower", "quotes", "comment_header", "time_of_day",
    "after_comment_label",
)
#: The "words" feature is capped here: past a long paragraph more words say nothing
#: new, and every word-count threshold of the extractor is far below it.
WORDS_CAP = 200
#: Half-widths of the windows over which prose share and length are averaged: from
#: the immediate neighbours to about half a screenful of lines. A window of 15 lines each
#: side spans much of a short page and, like a page-level feature, let the trees learn each
#: DEV set's pages: without it the mean leave-one-set-out F1 rose 0.896 -> 0.900.
WINDOWS = (1, 3, 7)
#: Neighbour offsets whose own features are copied onto a line.
NEIGHBOURS = (-2, -1, 1, 2)
#: Columns of LINE_FEATURES copied from each neighbour.
NEIGHBOUR_COLUMNS = ("log_words", "stop_ratio", "ends_sentence", "bullet", "prose",
                     "date_only", "indent", "blank_before", "furniture_hits", "cap_ratio")
#: In the densest-region search each non-prose line costs this many words: about the
#: length of a short heading, so headings and captions inside an article do not break
#: the region while a menu of a dozen entries does.
REGION_GAP_COST = 6.0
#: Caps of the layout columns (bullet, numbered, indent, blank lines before and
#: after): deeper indents and longer gaps say nothing more.
_LAYOUT_CAPS = np.array([1.0, 1.0, 40.0, 3.0, 3.0])

#: Quote marks, for the quote feature.
_QUOTE_CHARS = "\"“”"

#: Bits of :func:`char_classes`, one look-up per character answers every class question.
(_WORD, _DIGIT, _UPPER, _LOWER, _COMMA, _SEPARATOR, _QUOTE, _SLASH_DASH, _COPYRIGHT,
 _BRACKET_CLOSE, _SENTENCE_END, _CLOSER, _INNER_END) = (1 << k for k in range(13))
#: Character classes counted per line, by their names in ``PageLines.chars``.
_COUNTED = {"comma": _COMMA, "separator": _SEPARATOR, "quote": _QUOTE,
            "slash_dash": _SLASH_DASH, "copyright": _COPYRIGHT,
            "bracket_close": _BRACKET_CLOSE, "digit": _DIGIT}
_COUNTED_ANY = sum(_COUNTED.values())
#: Per-token sums of upper- and lowercase letters, packed in one integer: the table
#: maps the word/upper/lower bits of a character to 1 (upper) or 1 << 32 (lower).
_CASE_KEY = _WORD | _UPPER | _LOWER
_CASE_PACK = np.zeros(_CASE_KEY + 1, dtype=np.int64)
_CASE_PACK[_WORD | _UPPER] = 1
_CASE_PACK[_WORD | _LOWER] = 1 << 32


def _col(name: str) -> int:
    return LINE_FEATURES.index(name)


_NEIGHBOUR_INDEX = [_col(name) for name in NEIGHBOUR_COLUMNS]


#: Characters are classed by table look-up in the Basic Multilingual Plane; past it
#: (emoji, historic scripts: rare in pages) each distinct code point of a page is
#: classed on its own. Tables over all of Unicode took 50 ms of every run's start-up.
_BMP_SIZE = 0x10000
_BMP_TEXT = np.arange(_BMP_SIZE, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


def _bmp_char_class() -> npt.NDArray[np.uint16]:
    """Class bits of every BMP code point, from Python's own ``\\w``, ``\\d`` and case tests.

    ``\\w`` and ``\\d`` are exact (word counts must equal ``WORD_RE``'s; the rest of
    Unicode is classed by :func:`_astral_class`); case only matters for features.
    """
    table = np.zeros(_BMP_SIZE, dtype=np.uint16)
    for bit, pattern in ((_WORD, r"\w+"), (_DIGIT, r"\d+")):
        for match in re.finditer(pattern, _BMP_TEXT):
            table[match.start():match.end()] |= bit
    for bit, test in ((_UPPER, str.isupper), (_LOWER, str.islower)):
        table[np.fromiter(map(test, _BMP_TEXT), dtype=np.bool_, count=_BMP_SIZE)] |= bit
    for bit, chars in ((_COMMA, ","), (_SEPARATOR, SEPARATOR_CHARS), (_QUOTE, _QUOTE_CHARS),
                       (_SLASH_DASH, "/-"), (_COPYRIGHT, "©"), (_BRACKET_CLOSE, "]"),
                       (_SENTENCE_END, SENTENCE_END_CHARS), (_CLOSER, SENTENCE_CLOSERS),
                       (_INNER_END, ".?!")):
        table[[ord(c) for c in chars]] |= bit  # all in the BMP: an IndexError otherwise
    return table


_BMP_CHAR_CLASS = _bmp_char_class()


@lru_cache(maxsize=4096)
def _astral_class(code: int) -> int:
    """Class bits of a code point past the BMP: ``\\w`` and ``\\d`` only (it counts as uncased)."""
    char = chr(code)
    return (_WORD if re.match(r"\w", char) else 0) | (_DIGIT if re.match(r"\d", char) else 0)


def char_classes(codes: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint16]:
    """Class bits of each code point (:data:`_WORD`, :data:`_DIGIT`...)."""
    if not len(codes) or codes.max() < _BMP_SIZE:
        return _BMP_CHAR_CLASS.take(codes)
    classes = _BMP_CHAR_CLASS.take(np.minimum(codes, _BMP_SIZE - 1))
    astral = np.flatnonzero(codes >= _BMP_SIZE)
    classes[astral] = [_astral_class(code) for code in codes.take(astral).tolist()]
    return classes


#: Vocabulary look-ups and word comparisons hash each token's lowercased code points
#: (a polynomial modulo 2**64) instead of building a string per token. Lowercasing
#: maps each character of the Basic Multilingual Plane with a one-character lowercase;
#: every listed word is ASCII, so a token matches a word exactly when its
#: ``str.lower()`` does.
_HASH_BASE = 0x100000001B3
_HASH_INVERSE = pow(_HASH_BASE, -1, 1 << 64)


def _bmp_lower_code() -> npt.NDArray[np.uint64]:
    """Each BMP code point's lowercase, itself where that is not one character."""
    lowered = list(map(str.lower, _BMP_TEXT))
    lengths = np.fromiter(map(len, lowered), dtype=np.int64, count=_BMP_SIZE)
    joined = np.frombuffer("".join(lowered).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    table = np.arange(_BMP_SIZE, dtype=np.uint64)
    single = lengths == 1
    table[single] = joined.take((np.cumsum(lengths) - lengths)[single])
    return table


_BMP_LOWER_CODE = _bmp_lower_code()


def lower_codes(codes: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint64]:
    """Each code point lowercased as hashing needs (see :data:`_HASH_BASE`)."""
    if not len(codes) or codes.max() < _BMP_SIZE:
        return _BMP_LOWER_CODE.take(codes)
    lowered: npt.NDArray[np.uint64] = np.where(
        codes < _BMP_SIZE, _BMP_LOWER_CODE.take(np.minimum(codes, _BMP_SIZE - 1)), codes)
    return lowered


def _hash_word(word: str) -> int:
    """The token hash of one lowercase word (``sum(code * base**position)`` mod 2**64)."""
    return sum(ord(char) * pow(_HASH_BASE, k, 1 << 64) for k, char in enumerate(word)) % (1 << 64)


#: Bits of the vocabulary: one look-up per token answers every word-list question.
_STOP, _FURNITURE, _MONTH, _READ_TIME, _COMMENT_VERB, _BYLINE, _AGO, _READ, _PHRASE = (
    1 << k for k in range(9))
#: Word-list bits counted per line, then the other token-level counts, by their names
#: in ``PageLines.tokens``.
_VOCAB_COLUMN_BITS = (_STOP, _FURNITURE, _MONTH, _AGO, _READ, _READ_TIME, _PHRASE)
_TOKEN_COLUMNS = ("stop", "furniture", "month", "ago", "read", "read_time", "phrase_start",
                  "numeric", "word_chars", "capitalised", "upper", "comment_verb_last", "byline")
#: First words of the boilerplate phrases: a line can only hold a phrase (other than
#: "©", which is counted as a character) if one of its tokens is one of these.
_PHRASE_FIRST_WORDS = frozenset(
    match.group() for match in (WORD_RE.search(phrase) for phrase in PHRASE_GROUPS) if match)


#: The word lists are looked up in a direct-mapped table of 2**_TABLE_BITS slots
#: indexed by the top bits of ``hash * multiplier``; the multiplier is the first odd
#: number of a fixed sequence that gives every listed word its own slot, so one
#: gather and one comparison answer the look-up.
_TABLE_BITS = 16


def _vocabulary() -> tuple[np.uint64, npt.NDArray[np.uint64], npt.NDArray[np.int64]]:
    """Multiplier, slot keys (token hashes) and slot bits of the word-list table."""
    lists = ((_STOP, STOPWORDS), (_FURNITURE, FURNITURE_WORDS), (_MONTH, MONTH_WORDS),
             (_READ_TIME, READ_TIME_WORDS), (_COMMENT_VERB, COMMENT_VERBS),
             (_BYLINE, BYLINE_WORDS), (_AGO, ("ago",)), (_READ, ("read",)),
             (_PHRASE, _PHRASE_FIRST_WORDS))
    bits: dict[int, int] = {}
    for bit, words in lists:
        for word in words:
            if WORD_RE.fullmatch(word):  # "n't" and the like are never one token
                key = _hash_word(word)
                bits[key] = bits.get(key, 0) | bit
    hashes = np.array(list(bits), dtype=np.uint64)
    for attempt in range(1, 1000):
        multiplier = np.uint64(pow(_HASH_BASE, attempt, 1 << 64) | 1)
        slots = (hashes * multiplier) >> np.uint64(64 - _TABLE_BITS)
        if len(np.unique(slots)) == len(slots):
            break
    else:  # pragma: no cover - a 16-bit table always fits a few hundred words
        raise RuntimeError("no collision-free multiplier for the word lists")
    keys = np.zeros(1 << _TABLE_BITS, dtype=np.uint64)  # empty slots hold no bits anyway
    table_bits = np.zeros(1 << _TABLE_BITS, dtype=np.int64)
    keys[slots] = hashes
    table_bits[slots] = list(bits.values())
    return multiplier, keys, table_bits


_VOCAB_MULTIPLIER, _VOCAB_KEYS, _VOCAB_BITS = _vocabulary()


def _token_hashes(codes: npt.NDArray[np.uint32], starts: npt.NDArray[np.int64],
                  ends: npt.NDArray[np.int64]) -> npt.NDArray[np.uint64]:
    """The hash of every token (``starts``, ``ends`` are its offsets in ``codes``).

    One prefix sum of ``code * base**position`` gives each token's hash times
    ``base**start``, which the inverse power (the base is odd, so it has one
    modulo 2**64) takes off: no pass per token position.
    """
    n = len(codes)
    powers = np.empty(n + 1, dtype=np.uint64)
    powers[0] = 1
    np.cumprod(np.full(n, _HASH_BASE, dtype=np.uint64), out=powers[1:])
    prefix = np.zeros(n + 1, dtype=np.uint64)
    np.cumsum(lower_codes(codes) * powers[:n], out=prefix[1:])
    np.cumprod(np.full(n, _HASH_INVERSE, dtype=np.uint64), out=powers[1:])
    hashes: npt.NDArray[np.uint64] = (prefix.take(ends) - prefix.take(starts)) * powers.take(starts)
    return hashes


def _vocabulary_bits(hashes: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    """Word-list bits of every token from its hash (0 when in no list)."""
    slot = (hashes * _VOCAB_MULTIPLIER) >> np.uint64(64 - _TABLE_BITS)
    bits: npt.NDArray[np.int64] = np.where(_VOCAB_KEYS.take(slot) == hashes,
                                           _VOCAB_BITS.take(slot), 0)
    return bits


@dataclass(frozen=True, slots=True)
class PageLines:
    """Per-line counts of one page, shared by the features and the extractor's rules.

    Computed with whole-page numpy operations on the code points (one table look-up
    per character, one hash per token): at several hundred pages a second there is
    no time for a Python step per word.
    """

    lowered: list[str]
    words: npt.NDArray[np.int64]
    tokens: dict[str, FloatArray]
    token_hash: npt.NDArray[np.uint64]
    token_line: npt.NDArray[np.int64]
    token_stop: npt.NDArray[np.bool_]
    token_content: npt.NDArray[np.bool_]
    comment_action: npt.NDArray[np.bool_]
    chars: dict[str, FloatArray]
    lengths: FloatArray
    first_char: npt.NDArray[np.uint32]
    last_char: npt.NDArray[np.uint32]
    ends_sentence: npt.NDArray[np.bool_]
    inner_sentences: FloatArray
    time_of_day: npt.NDArray[np.bool_]
    sections: list[str]

    @property
    def image_line(self) -> npt.NDArray[np.bool_]:
        """Whole-line image placeholders ("[...]" holding one "]")."""
        flags: npt.NDArray[np.bool_] = ((self.first_char == ord("["))
                                        & (self.last_char == ord("]"))
                                        & (self.chars["bracket_close"] == 1))
        return flags

    @property
    def byline_start(self) -> npt.NDArray[np.bool_]:
        """Lines whose first token is a byline word ("By", "Writer"): ``BYLINE_RE`` candidates."""
        return self.tokens["byline"] > 0


def scan_lines(texts: Sequence[str]) -> PageLines:
    """Count characters, tokens and vocabulary of every line (non-empty, no newline)."""
    n = len(texts)
    joined = "\n".join(texts) + "\n"
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cls = char_classes(codes)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    line_start = np.cumsum(lengths + 1) - (lengths + 1)
    line_last = line_start + lengths - 1
    # the counted characters are rare: find them once, then count each class per line
    where = np.flatnonzero(cls & _COUNTED_ANY)
    found, line = cls.take(where), np.searchsorted(line_start, where, side="right") - 1
    chars = {name: np.bincount(line, weights=(found & bit) != 0, minlength=n).astype(np.float64)
             for name, bit in _COUNTED.items()}
    # "\d:\d\d" (a clock time) and ". " (a sentence end inside the line)
    colon = np.flatnonzero(codes[1:-2] == ord(":")) + 1
    is_digit = (cls & _DIGIT) != 0
    clock = colon[is_digit.take(colon - 1) & is_digit.take(colon + 1) & is_digit.take(colon + 2)]
    space = np.flatnonzero(codes[1:] == ord(" "))
    inner = space[(cls.take(space) & _INNER_END) != 0]
    idx = np.arange(len(codes))
    last_open = np.maximum.accumulate(np.where((cls & _CLOSER) == 0, idx, -1)).take(line_last)
    ends_sentence = (last_open >= line_start) & ((cls.take(last_open) & _SENTENCE_END) != 0)
    tokens: dict[str, Any] = {}
    _token_columns(tokens, codes, cls, line_start)
    lowered = joined.lower().split("\n")[:-1]  # one lower() call; lines hold no newline
    short = np.flatnonzero(tokens["words"] <= COMMENT_ACTION_MAX_WORDS)
    comment_action = np.zeros(n, dtype=np.bool_)
    comment_action[short] = [COMMENT_ACTION_RE.fullmatch(texts[i]) is not None for i in short.tolist()]
    return PageLines(
        **tokens, lowered=lowered, chars=chars, comment_action=comment_action,
        lengths=lengths.astype(np.float64),
        first_char=codes.take(line_start), last_char=codes.take(line_last),
        ends_sentence=ends_sentence,
        inner_sentences=np.bincount(np.searchsorted(line_start, inner, side="right") - 1,
                                    minlength=n).astype(np.float64),
        time_of_day=np.bincount(np.searchsorted(line_start, clock, side="right") - 1,
                                minlength=n) > 0,
        sections=[SECTION_LABELS.get(t.strip(" :.!"), "") for t in lowered])


def _token_columns(page: dict[str, Any], codes: npt.NDArray[np.uint32],
                   cls: npt.NDArray[np.uint16], line_start: npt.NDArray[np.int64]) -> None:
    """Add the token fields of :class:`PageLines` to ``page``.

    Tokens are the maximal ``\\w`` runs (exactly ``WORD_RE``'s tokens); their
    columns are summed per line.
    """
    n = len(line_start)
    word = (cls & _WORD) != 0
    # the text ends with a newline, so every token ends before the last character
    starts = np.flatnonzero(word[1:] & ~word[:-1]) + 1
    if word[0]:
        starts = np.concatenate(([0], starts))
    length = np.flatnonzero(word[:-1] & ~word[1:]) + 1 - starts
    line = np.searchsorted(line_start, starts, side="right") - 1
    first = np.ones(len(starts), dtype=np.bool_)
    first[1:] = line[1:] != line[:-1]
    last = np.ones(len(starts), dtype=np.bool_)
    last[:-1] = first[1:]
    # upper- and lowercase letters of each token, packed in one sum (32 bits each)
    cased = np.add.reduceat(_CASE_PACK.take(cls & _CASE_KEY), starts) if len(starts) else starts
    upper, lower = cased & 0xFFFFFFFF, cased >> 32
    digits = np.add.reduceat(cls & _DIGIT, starts, dtype=np.int64) if len(starts) else starts
    hashes = _token_hashes(codes, starts, starts + length)
    vocab = _vocabulary_bits(hashes)
    all_upper = (upper > 0) & (lower == 0)
    numeric = digits == length * _DIGIT
    stop = (vocab & _STOP) != 0

    # one column per token-level count, summed per line from one cumulative sum
    # (tokens come in line order) instead of a bincount per column
    columns = np.empty((len(starts) + 1, len(_TOKEN_COLUMNS)), dtype=np.int64)
    columns[0] = 0
    for k, bit in enumerate(_VOCAB_COLUMN_BITS):
        np.not_equal(vocab & bit, 0, out=columns[1:, k])
    extra = len(_VOCAB_COLUMN_BITS)
    columns[1:, extra] = numeric
    columns[1:, extra + 1] = length
    columns[1:, extra + 2] = all_upper | ((cls.take(starts) & _UPPER) != 0)
    columns[1:, extra + 3] = all_upper & (length > 1)
    columns[1:, extra + 4] = ((vocab & _COMMENT_VERB) != 0) & last
    columns[1:, extra + 5] = ((vocab & _BYLINE) != 0) & first
    np.cumsum(columns, axis=0, out=columns)
    bounds = np.searchsorted(line, np.arange(n + 1))
    sums = (columns.take(bounds[1:], axis=0) - columns.take(bounds[:-1], axis=0)).astype(
        np.float64)
    words = bounds[1:] - bounds[:-1]
    page.update(words=words, token_hash=hashes, token_line=line, token_stop=stop,
                token_content=(length >= CONTENT_WORD_MIN_CHARS) & ~stop & ~numeric)
    page["tokens"] = {"words": words.astype(np.float64),
                      **{name: sums[:, k] for k, name in enumerate(_TOKEN_COLUMNS)}}


def _base_matrix(lines: LineTable, page: PageLines) -> FloatArray:
    """Context-free features of every line (columns as in LINE_FEATURES)."""
    n = len(lines)
    w = page.tokens
    n_words = np.minimum(w["words"], WORDS_CAP)
    safe_words = np.maximum(w["words"], 1)
    stop = w["stop"] / safe_words
    numeric = w["numeric"]
    date = (((w["month"] > 0) & (numeric > 0))
            | ((numeric >= 3) & (page.chars["slash_dash"] > 0))).astype(np.float64)
    repeats = Counter(page.lowered)
    sections = np.array(page.sections)
    comment_label = (sections == "comments").astype(np.float64)
    layout = np.array([[bullet != "" for bullet in lines.bullets], lines.numbered, lines.indents,
                       lines.blank_before, lines.blank_after], dtype=np.float64).T
    np.minimum(layout, _LAYOUT_CAPS, out=layout)
    first, last = page.first_char, page.last_char
    cols = {
        "log_chars": np.log1p(page.lengths), "words": n_words,
        "log_words": np.log1p(w["words"]), "stop_ratio": stop,
        "ends_sentence": page.ends_sentence.astype(np.float64),
        "inner_sentences": page.inner_sentences,
        "comma_ratio": page.chars["comma"] / safe_words,
        "bullet": layout[:, 0], "numbered": layout[:, 1], "indent": layout[:, 2],
        "blank_before": layout[:, 3], "blank_after": layout[:, 4],
        "cap_ratio": w["capitalised"] / safe_words, "upper_ratio": w["upper"] / safe_words,
        "digit_ratio": numeric / safe_words,
        "date": date, "date_only": date * (w["words"] <= 8),
        "relative_or_read_time": np.minimum(w["ago"] + w["read"] * (w["read_time"] > 0), 1),
        "byline": w["byline"], "furniture_hits": w["furniture"],
        "furniture_ratio": w["furniture"] / safe_words,
        "section_label": (sections != "").astype(np.float64),
        "separators": page.chars["separator"],
        "image_line": ((first == ord("[")) & (last == ord("]"))).astype(np.float64),
        "repeats": np.minimum(np.fromiter(map(repeats.__getitem__, page.lowered),
                                          dtype=np.float64, count=n), 5),
        "prose": ((w["words"] >= PROSE_MIN_WORDS) & (stop >= PROSE_MIN_STOP_RATIO)).astype(
            np.float64),
        "ends_colon": (last == ord(":")).astype(np.float64),
        "word_char_ratio": w["word_chars"] / np.maximum(page.lengths, 1),
        "mean_word_len": w["word_chars"] / safe_words,
        "starts_lower": ((char_classes(first) & _LOWER) != 0).astype(np.float64),
        "quotes": np.minimum(page.chars["quote"], 1),
        "comment_header": np.minimum(w["comment_verb_last"], 1),
        "time_of_day": page.time_of_day.astype(np.float64),
        "after_comment_label": (np.cumsum(comment_label) - comment_label > 0).astype(np.float64),
    }
    return np.column_stack([cols[name] for name in LINE_FEATURES])


def _window_means(values: FloatArray, halves: Sequence[int]) -> FloatArray:
    """Means of the columns of ``values`` over ``[i-half, i+half]`` for each half-width.

    Clipped at the page edges; one cumulative sum and one gather serve every column
    and window. Columns are grouped by window: all of ``values`` for the first
    half-width, then for the next.
    """
    n, width = values.shape
    padded = np.zeros((n + 1, width))
    np.cumsum(values, axis=0, out=padded[1:])
    idx = np.arange(n)[:, None]
    reach = np.asarray(halves)
    lo = np.maximum(idx - reach, 0)
    hi = np.minimum(idx + reach + 1, n)
    means: FloatArray = ((padded[hi] - padded[lo]) / (hi - lo)[:, :, None]).reshape(
        n, len(halves) * width)
    return means


def _shifted(values: FloatArray, offsets: Sequence[int], *, fill: float = -1.0) -> list[FloatArray]:
    """``values`` moved up by each offset (row i gets row i+offset), ``fill`` past the edges."""
    n = len(values)
    pad = max(abs(o) for o in offsets)
    padded = np.full((n + 2 * pad, values.shape[1]), fill)
    padded[pad:pad + n] = values
    return [padded[pad + offset:pad + offset + n] for offset in offsets]


def _densest_region(score: FloatArray) -> tuple[int, int]:
    """Return [a, b] maximising ``score[a:b+1].sum()``: the article body.

    Kadane's scan done with prefix sums: the best run ending at b starts just after
    the lowest prefix before it. Ties go as in the scan: the first best end, and
    the latest of equally low starts.
    """
    prefix = np.concatenate(([0.0], np.cumsum(score)))
    lowest = np.minimum.accumulate(prefix[:-1])
    b = int(np.argmax(prefix[1:] - lowest))
    a = b - int(np.argmax(prefix[b::-1] == lowest[b]))
    return a, b


def _region_columns(region: tuple[int, int], weights: FloatArray) -> list[FloatArray]:
    """Where each line sits relative to ``region`` (from :func:`_densest_region`).

    Columns: inside the region, log lines before it, log lines after it, and the
    shares of the page's ``weights`` strictly before and strictly after the line.
    """
    a, b = region
    idx = np.arange(len(weights), dtype=np.float64)
    total = weights.sum() or 1.0
    before = np.cumsum(weights) - weights
    return [((idx >= a) & (idx <= b)).astype(np.float64),
            np.log1p(np.maximum(a - idx, 0)), np.log1p(np.maximum(idx - b, 0)),
            before / total, (total - before - weights) / total]


def _run_lengths(flags: FloatArray) -> FloatArray:
    """Length of the run of equal consecutive values each position belongs to."""
    starts = np.flatnonzero(flags[1:] != flags[:-1]) + 1
    bounds = np.concatenate(([0], starts, [len(flags)]))
    lengths = bounds[1:] - bounds[:-1]
    out: FloatArray = np.repeat(lengths, lengths).astype(np.float64)
    return out


def _context_columns(base: FloatArray) -> list[FloatArray]:
    """Neighbour, window and region features computed from the base matrix."""
    n = base.shape[0]
    prose = base[:, _col("prose")]
    windowed = base[:, [_col(name) for name in ("prose", "log_words", "date_only", "bullet")]]
    cols: list[FloatArray] = [_window_means(windowed, WINDOWS),
                              *_shifted(base[:, _NEIGHBOUR_INDEX], NEIGHBOURS)]
    words = base[:, _col("words")]
    cols += _region_columns(_densest_region(np.where(prose > 0, words, -REGION_GAP_COST)),
                            words * prose)
    idx = np.arange(n, dtype=np.float64)
    prose_idx = np.flatnonzero(prose)
    if len(prose_idx):
        pos = np.searchsorted(prose_idx, idx)
        after = prose_idx[np.minimum(pos, len(prose_idx) - 1)]
        before_idx = prose_idx[np.maximum(pos - 1, 0)]
        nearest = np.minimum(np.abs(after - idx), np.abs(idx - before_idx))
        indents = np.sort(base[prose_idx, _col("indent")])  # np.median costs more, same value
        median_indent = float(indents[(len(indents) - 1) // 2] + indents[len(indents) // 2]) / 2
    else:
        nearest = np.full(n, float(n))
        median_indent = 0.0
    cols.append(np.log1p(nearest))
    cols.append(base[:, _col("indent")] - median_indent)
    cols.append(np.log1p(_run_lengths(base[:, _col("bullet")])))
    stacked = (base[:, _col("blank_before")] == 0).astype(np.float64)
    cols.append(np.log1p(_run_lengths(stacked)))
    return cols


def feature_matrix(lines: LineTable, page: PageLines | None = None) -> FloatArray:
    """Return the (n_lines, n_features) matrix the classifier scores.

    ``page`` is :func:`scan_lines` of the lines' texts, when the caller already has it.
    """
    if not lines:
        return np.zeros((0, n_features()))
    if page is None:
        page = scan_lines(lines.texts)
    base = _base_matrix(lines, page)
    return np.column_stack([base, *_context_columns(base)])


def feature_names() -> list[str]:
    """Column names of :func:`feature_matrix`, for the model file and reports."""
    names = list(LINE_FEATURES)
    for half in WINDOWS:
        names += [f"win{half}_prose", f"win{half}_log_words", f"win{half}_date_only",
                  f"win{half}_bullet"]
    for offset in NEIGHBOURS:
        names += [f"n{offset:+d}_{name}" for name in NEIGHBOUR_COLUMNS]
    names += ["in_region", "lines_before_region", "lines_after_region", "prose_share_before",
              "prose_share_after", "log_dist_prose", "indent_vs_prose", "bullet_run",
              "stacked_run"]
    return names


def n_features() -> int:
    """Number of columns of :func:`feature_matrix`."""
    return len(feature_names())


#: Half-widths of the windows over which first-stage probabilities are averaged.
STAGE2_WINDOWS = (1, 2, 4, 8, 16)
#: Neighbour offsets whose first-stage probability is copied onto a line.
STAGE2_NEIGHBOURS = (-2, -1, 1, 2)
#: Content words, whose overlap between lines is measured, have at least this many
#: characters and are neither stop words nor numbers.
CONTENT_WORD_MIN_CHARS = 4
#: First-stage probability at which stage 2 counts a line as kept: for the kept
#: region, the page's kept vocabulary and the unkept words before or after a line.
STAGE1_KEEP = 0.5
#: Half-width of the window over which the overlap share is averaged (word-weighted).
OVERLAP_WINDOW = 8
#: Half-widths of the windows over which comment markers are counted.
COMMENT_WINDOWS = (4, 12)
#: A clock time marks a comment on a line of at most this many words ("at 4:47 pm"),
#: a relative date on a line of at most the second ("3 days ago").
COMMENT_CLOCK_MAX_WORDS = 15
COMMENT_RELATIVE_MAX_WORDS = 10
#: Distances (in lines) to the nearest comment marker are capped here.
COMMENT_FAR_LINES = 99
#: First-stage probability of a confidently kept line.
CONFIDENT_P1 = 0.9


def stage2_columns(probabilities: FloatArray, features: FloatArray,
                   page: PageLines) -> FloatArray:
    """Features that let the second stage see how its neighbours were judged.

    This is jusText's context-sensitive pass made learnable: a heading between kept
    paragraphs, or a prose-like comment far below the body, is judged by the
    first-stage verdicts around it and by the page's most confident content region.
    Three page-level views follow: how much of a line's vocabulary the kept lines
    share, how close it is to a comment thread's markers, and how many words
    separate it from the kept region.
    """
    n = len(probabilities)
    p = probabilities[:, None]
    words = features[:, _col("words")]
    region = _densest_region((probabilities - STAGE1_KEEP) * np.log1p(words))
    page_max = np.full(n, float(probabilities.max()) if n else 0.0)
    return np.column_stack([features, p, _window_means(p, STAGE2_WINDOWS),
                            *_shifted(p, STAGE2_NEIGHBOURS),
                            *_region_columns(region, words * (probabilities >= STAGE1_KEEP)), page_max,
                            *_overlap_columns(probabilities, page),
                            *_comment_columns(features, page, region),
                            *_distance_columns(probabilities, words, region)])


def _overlap_columns(probabilities: FloatArray, page: PageLines) -> list[FloatArray]:
    """How much of each line's vocabulary the lines kept by stage 1 also use.

    An article's paragraphs share their subject's words; teasers of other stories,
    and comments that drift, share fewer. Columns: the share of the line's distinct
    content words found in some other kept line (-1 without content words), the log
    count of those words, and the share averaged over the surrounding lines.
    """
    n = len(probabilities)
    content = page.token_content
    _, word = np.unique(page.token_hash[content], return_inverse=True)
    vocabulary = int(word.max()) + 1 if len(word) else 1
    pairs = np.unique(page.token_line[content] * vocabulary + word)  # each word once a line
    line, word = pairs // vocabulary, pairs % vocabulary
    count = np.bincount(line, minlength=n).astype(np.float64)
    kept = (probabilities >= STAGE1_KEEP).astype(np.float64).take(line)
    elsewhere = np.bincount(word, weights=kept, minlength=vocabulary).take(word) - kept
    hits = np.bincount(line, weights=(elsewhere > 0).astype(np.float64), minlength=n)
    share = np.where(count > 0, hits / np.maximum(count, 1), -1.0)
    sums = _window_means(np.column_stack([np.maximum(share, 0) * count, count]),
                         (OVERLAP_WINDOW,))
    around = np.where(sums[:, 1] > 0, sums[:, 0] / np.maximum(sums[:, 1], 1e-9), -1.0)
    return [share, np.log1p(count), around]


def _comment_columns(features: FloatArray, page: PageLines,
                     region: tuple[int, int]) -> list[FloatArray]:
    """Where each line sits among the markers of a comment thread.

    A marker is an "X said:" header, a short line with a clock time or a relative
    date, or a comment control ("Reply"); a strong one is a header, a control, or
    a clock time with a date. Comments are prose, so their markers are what tells
    them from the article. Columns: log markers before and after the line, marker
    and strong-marker density around it, log lines since the last and until the next
    marker, and log markers between the kept region's start and the line.
    """
    n = len(features)
    words = features[:, _col("words")]
    header = features[:, _col("comment_header")] > 0
    clock = (features[:, _col("time_of_day")] > 0) & (words <= COMMENT_CLOCK_MAX_WORDS)
    relative = ((features[:, _col("relative_or_read_time")] > 0)
                & (words <= COMMENT_RELATIVE_MAX_WORDS))
    dated = features[:, _col("date_only")] > 0
    mark = (header | clock | relative | page.comment_action).astype(np.float64)
    strong = (header | page.comment_action | (clock & (relative | dated | header))).astype(
        np.float64)
    before = np.cumsum(mark) - mark
    cols = [np.log1p(before), np.log1p(mark.sum() - before - mark)]
    cols += list(_window_means(np.column_stack([mark, strong]), COMMENT_WINDOWS).T)
    idx = np.arange(n)
    marks = np.flatnonzero(mark)
    since = np.full(n, COMMENT_FAR_LINES)
    until = np.full(n, COMMENT_FAR_LINES)
    if len(marks):
        previous = np.searchsorted(marks, idx, side="right") - 1
        since = np.where(previous >= 0, idx - marks.take(np.maximum(previous, 0)), since)
        following = np.searchsorted(marks, idx, side="left")
        until = np.where(following < len(marks),
                         marks.take(np.minimum(following, len(marks) - 1)) - idx, until)
    cols += [np.log1p(np.minimum(since, COMMENT_FAR_LINES)),
             np.log1p(np.minimum(until, COMMENT_FAR_LINES))]
    running = np.cumsum(mark)
    start = region[0]
    cols.append(np.log1p(np.where(idx > start, running - running[start], 0)))
    return cols


def _distance_columns(probabilities: FloatArray, words: FloatArray,
                      region: tuple[int, int]) -> list[FloatArray]:
    """How many words, and how many unkept words, lie between a line and the kept region.

    Also the region's size in words and the page's share of words in confidently
    kept lines, which say how much of the page the article is.
    """
    n = len(words)
    a, b = region
    idx = np.arange(n)
    cols = []
    for weights in (words, (probabilities < STAGE1_KEEP) * words):
        total = np.concatenate(([0.0], np.cumsum(weights)))
        cols.append(np.log1p(np.where(idx < a, total[a] - total.take(idx + 1), 0)))
        cols.append(np.log1p(np.where(idx > b, total.take(idx) - total[b + 1], 0)))
    region_words = float(words[a:b + 1].sum())
    confident = float(((probabilities >= CONFIDENT_P1) * words).sum() / max(words.sum(), 1))
    return [*cols, np.full(n, math.log1p(region_words)), np.full(n, confident)]


def stage2_names() -> list[str]:
    """Column names of :func:`stage2_columns`."""
    names = [*feature_names(), "p1"]
    names += [f"p1_win{half}" for half in STAGE2_WINDOWS]
    names += [f"p1_n{offset:+d}" for offset in STAGE2_NEIGHBOURS]
    names += ["p1_in_region", "p1_lines_before_region", "p1_lines_after_region",
              "p1_kept_share_before", "p1_kept_share_after", "p1_page_max"]
    names += ["overlap_share", "overlap_log_content_words", f"overlap_share_win{OVERLAP_WINDOW}"]
    names += ["comment_log_marks_before", "comment_log_marks_after"]
    names += [f"comment_{kind}_win{half}" for half in COMMENT_WINDOWS
              for kind in ("marks", "strong")]
    names += ["comment_log_since_last", "comment_log_until_next",
              "comment_log_marks_since_region"]
    names += ["region_log_words_before", "region_log_words_after",
              "region_log_unkept_words_before", "region_log_unkept_words_after",
              "region_log_words", "page_confident_word_share"]
    return names


@dataclass(frozen=True, slots=True)
class TreeEnsemble:
    """Additive binary trees flattened into one node table.

    Children are stored side by side (right = left + 1) and leaves point to
    themselves with an infinite threshold, so every tree is walked ``depth`` steps
    in lock-step with a few numpy gathers, whatever its own depth.
    """

    feature: npt.NDArray[np.int64]
    threshold: FloatArray
    left: npt.NDArray[np.int64]
    value: FloatArray
    roots: npt.NDArray[np.int64]
    depth: int
    baseline: float

    def decision(self, features: FloatArray) -> FloatArray:
        """Log-odds of "main content" for each row of ``features``."""
        n, width = features.shape
        flat = np.ascontiguousarray(features).ravel()
        row_base = (np.arange(n) * width)[:, None]
        # every row starts at the same roots, so the first step needs no node gathers
        roots = self.roots
        index = self.feature.take(roots) + row_base
        right = flat.take(index) > self.threshold.take(roots)
        node = self.left.take(roots) + right
        for _ in range(self.depth - 1):
            index = self.feature.take(node)
            index += row_base  # in place: this loop is most of the scoring time
            right = flat.take(index) > self.threshold.take(node)
            node = self.left.take(node)
            node += right
        total: FloatArray = self.baseline + self.value.take(node).sum(axis=1)
        return total


@dataclass(frozen=True, slots=True)
class TextModel:
    """Two stacked ensembles: line features, then line features plus neighbours' verdicts."""

    stage1: TreeEnsemble
    stage2: TreeEnsemble

    def probability(self, features: FloatArray, page: PageLines) -> FloatArray:
        """Probability of "main content" for each row of :func:`feature_matrix`.

        ``page`` is :func:`scan_lines` of the same lines (the second stage reads
        their vocabulary).
        """
        first = _sigmoid(self.stage1.decision(features))
        return _sigmoid(self.stage2.decision(stage2_columns(first, features, page)))


def _sigmoid(x: FloatArray) -> FloatArray:
    return 1.0 / (1.0 + np.exp(-x))


def ensemble_from_json(data: dict[str, Any]) -> TreeEnsemble:
    """Build a :class:`TreeEnsemble` from the JSON written by the training script."""
    return TreeEnsemble(
        feature=np.asarray(data["feature"], dtype=np.int64),
        threshold=np.asarray([math.inf if t is None else t for t in data["threshold"]],
                             dtype=np.float64),
        left=np.asarray(data["left"], dtype=np.int64),
        value=np.asarray(data["value"], dtype=np.float64),
        roots=np.asarray(data["roots"], dtype=np.int64),
        depth=int(data["depth"]),
        baseline=float(data["baseline"]),
    )


def model_from_json(data: dict[str, Any]) -> TextModel:
    """Build the two-stage model, refusing one trained on other feature lists."""
    if data["stage1"]["features"] != feature_names() or \
            data["stage2"]["features"] != stage2_names():
        raise ValueError("text model was trained on a different feature list; retrain it")
    return TextModel(ensemble_from_json(data["stage1"]), ensemble_from_json(data["stage2"]))


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> TextModel:
    """Load (once) the shipped model."""
    with path.open(encoding="utf-8") as handle:
        return model_from_json(json.load(handle))
