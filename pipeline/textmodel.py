"""Line features and a gradient-boosted tree scorer for text renderings.

The classifier sees what a reader of a flat rendering sees: how long and how
"prose-like" a line is (stop-word density, sentence punctuation, as jusText
measures), its bullet, indentation and blank lines, boilerplate vocabulary, whether
it repeats elsewhere on the page, and the same cues for its neighbours and for the
densest run of prose on the page. The trees are trained offline by
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
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from pipeline.textblocks import Line
from pipeline.textrules import (
    BYLINE_WORDS,
    COMMENT_VERBS,
    FURNITURE_WORDS,
    MONTH_WORDS,
    PROSE_MIN_STOP_RATIO,
    PROSE_MIN_WORDS,
    READ_TIME_WORDS,
    SECTION_LABELS,
    SENTENCE_END_LINE_RE,
    SEPARATOR_RE,
    STOPWORDS,
)

LOGGER = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float64]

MODEL_PATH = Path(__file__).resolve().parent / "data" / "text_model.json"

#: Names of the per-line features, in column order (the model file records them too,
#: and loading refuses a model trained on a different list).
LINE_FEATURES = (
    "log_chars", "words", "log_words", "stop_ratio", "ends_sentence", "inner_sentences",
    "comma_ratio", "bullet", "numbered", "indent", "blank_before", "blank_after",
    "cap_ratio", "upper_ratio", "digit_ratio", "date", "date_only", "relative_or_read_time",
    "byline", "furniture_hits", "furniture_ratio", "section_label", "separators",
    "image_line", "repeats", "position", "prose", "ends_colon", "word_char_ratio",
    "mean_word_len", "starts_lower", "quotes", "comment_header", "time_of_day",
    "after_comment_label",
)
#: The "words" feature is capped here: past a long paragraph more words say nothing
#: new, and every word-count threshold of the extractor is far below it.
WORDS_CAP = 200
#: Half-widths of the windows over which prose share and length are averaged: from
#: the immediate neighbours to roughly a screenful of lines.
WINDOWS = (1, 3, 7, 15)
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

_COMMA_RE = re.compile(",")
_TOKEN_OR_NEWLINE_RE = re.compile(r"\w+|\n")
#: Sentence ends inside a line (". ", "? ", "! ").
_INNER_SENTENCE_RE = re.compile(r"[.?!] ")
_QUOTE_RE = re.compile("[\"“”]")
_TIME_RE = re.compile(r"\d:\d\d")


def _col(name: str) -> int:
    return LINE_FEATURES.index(name)


_NEIGHBOUR_INDEX = [_col(name) for name in NEIGHBOUR_COLUMNS]


def _per_line_counts(pattern: re.Pattern[str], joined: str, starts: FloatArray,
                     n: int) -> FloatArray:
    """Matches of ``pattern`` per line, from one scan of the whole page (fast)."""
    positions = [m.start() for m in pattern.finditer(joined)]
    if not positions:
        return np.zeros(n)
    rows = np.searchsorted(starts, positions, side="right") - 1
    return np.bincount(rows, minlength=n).astype(np.float64)


def _flags(predicate: Any, tokens: list[str]) -> npt.NDArray[np.bool_]:
    return np.fromiter(map(predicate, tokens), dtype=np.bool_, count=len(tokens))


#: Bits of :data:`_VOCABULARY`: one dictionary look-up per token answers every
#: word-list question at once (a set look-up per list and token cost more than
#: the rest of the features together).
_STOP, _FURNITURE, _MONTH, _READ_TIME, _COMMENT_VERB, _BYLINE, _AGO, _READ, _NEWLINE = (
    1 << k for k in range(9))


def _vocabulary() -> dict[str, int]:
    """Token -> OR of the bits of every word list it belongs to."""
    lists = ((_STOP, STOPWORDS), (_FURNITURE, FURNITURE_WORDS), (_MONTH, MONTH_WORDS),
             (_READ_TIME, READ_TIME_WORDS), (_COMMENT_VERB, COMMENT_VERBS),
             (_BYLINE, BYLINE_WORDS), (_AGO, ("ago",)), (_READ, ("read",)), (_NEWLINE, ("\n",)))
    vocabulary: dict[str, int] = {}
    for bit, words in lists:
        for word in words:
            vocabulary[word] = vocabulary.get(word, 0) | bit
    return vocabulary


_VOCABULARY = _vocabulary()


def _word_columns(texts: Sequence[str]) -> FloatArray:
    """Word-level columns of every line, from one tokenisation of the whole page.

    Vocabulary cues (stop words, furniture words, month names, comment verbs) are
    bits of one dictionary look-up per token, summed per line with ``bincount``:
    at several hundred pages a second there is no time for a Python loop per word
    or a dozen regex scans per page. Newline tokens carry only their own bit and
    zero weight, so they count for no line.
    """
    n = len(texts)
    tokens = _TOKEN_OR_NEWLINE_RE.findall("\n".join(texts))
    # one lower() call for the whole page; tokens stay aligned with ``tokens``
    low = "\0".join(tokens).lower().split("\0") if tokens else []
    codes = np.fromiter(map(_VOCABULARY.get, low, repeat(0)), dtype=np.int64, count=len(low))
    newline = (codes & _NEWLINE) > 0
    word = ~newline
    rows = np.cumsum(newline)

    def per_line(values: npt.NDArray[Any]) -> FloatArray:
        counts: FloatArray = np.bincount(rows, weights=values, minlength=n + 1)[:n].astype(
            np.float64, copy=False)
        return counts

    def has(bit: int) -> npt.NDArray[np.bool_]:
        return (codes & bit) > 0

    first = np.ones(len(low), dtype=np.bool_)
    first[1:] = newline[:-1]
    last = np.ones(len(low), dtype=np.bool_)
    last[:-1] = newline[1:]
    numeric = per_line(_flags(str.isdigit, low))
    slashed = np.array([float("/" in t or "-" in t) for t in texts])
    upper = _flags(str.isupper, tokens)
    title = _flags(str.istitle, tokens)
    lengths = np.fromiter(map(len, low), dtype=np.float64, count=len(low))
    long_word = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens)) > 1
    return np.column_stack([
        per_line(word),
        per_line(has(_STOP)),
        numeric,
        per_line(lengths * word),
        per_line(title | upper),
        per_line(upper & long_word),
        per_line(has(_FURNITURE)),
        (((per_line(has(_MONTH)) > 0) & (numeric > 0))
         | ((numeric >= 3) & (slashed > 0))).astype(np.float64),
        np.minimum(per_line(has(_COMMENT_VERB) & last), 1),
        np.minimum(per_line(has(_AGO)) + per_line(has(_READ)) * (per_line(has(_READ_TIME)) > 0),
                   1),
        per_line(has(_BYLINE) & first),
    ])


#: Columns of :func:`_word_columns`.
_WORD_COLUMNS = ("words", "stop", "numeric", "word_chars", "capitalised", "upper",
                 "furniture", "date", "comment_header", "relative_or_read_time", "byline")


def _base_matrix(lines: Sequence[Line]) -> FloatArray:
    """Context-free features of every line (columns as in LINE_FEATURES)."""
    n = len(lines)
    texts = [line.text for line in lines]
    joined = "\n".join(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.float64, count=n)
    starts = np.concatenate(([0.0], np.cumsum(lengths + 1)[:-1]))
    info = _word_columns(texts)
    w = {name: info[:, k] for k, name in enumerate(_WORD_COLUMNS)}
    n_words = w["words"]
    safe_words = np.maximum(n_words, 1)
    stop = w["stop"] / safe_words

    def count(pattern: re.Pattern[str]) -> FloatArray:
        return _per_line_counts(pattern, joined, starts, n)

    lowered = joined.lower().split("\n")  # lines hold no newline: one lower() call
    repeats = Counter(lowered)
    section = np.array([SECTION_LABELS.get(t.strip(" :.!"), "") for t in lowered])
    comment_label = (section == "comments").astype(np.float64)
    layout = np.array([(line.bullet != "", line.numbered, line.indent, line.blank_before,
                        line.blank_after) for line in lines], dtype=np.float64)
    np.minimum(layout, _LAYOUT_CAPS, out=layout)
    first_chars = "".join([t[0] for t in texts])
    first = np.fromiter(map(ord, first_chars), dtype=np.int64, count=n)
    last = np.fromiter(map(ord, "".join([t[-1] for t in texts])), dtype=np.int64, count=n)
    cols = {
        "log_chars": np.log1p(lengths), "words": np.minimum(n_words, WORDS_CAP),
        "log_words": np.log1p(n_words), "stop_ratio": stop,
        "ends_sentence": count(SENTENCE_END_LINE_RE),
        "inner_sentences": count(_INNER_SENTENCE_RE),
        "comma_ratio": count(_COMMA_RE) / safe_words,
        "bullet": layout[:, 0], "numbered": layout[:, 1], "indent": layout[:, 2],
        "blank_before": layout[:, 3], "blank_after": layout[:, 4],
        "cap_ratio": w["capitalised"] / safe_words, "upper_ratio": w["upper"] / safe_words,
        "digit_ratio": w["numeric"] / safe_words,
        "date": w["date"], "date_only": w["date"] * (n_words <= 8),
        "relative_or_read_time": w["relative_or_read_time"],
        "byline": w["byline"], "furniture_hits": w["furniture"],
        "furniture_ratio": w["furniture"] / safe_words,
        "section_label": (section != "").astype(np.float64),
        "separators": count(SEPARATOR_RE),
        "image_line": ((first == ord("[")) & (last == ord("]"))).astype(np.float64),
        "repeats": np.minimum(np.fromiter(map(repeats.__getitem__, lowered), dtype=np.float64,
                                          count=n), 5),
        "position": np.arange(n) / max(n - 1, 1),
        "prose": ((n_words >= PROSE_MIN_WORDS) & (stop >= PROSE_MIN_STOP_RATIO)).astype(np.float64),
        "ends_colon": (last == ord(":")).astype(np.float64),
        "word_char_ratio": w["word_chars"] / np.maximum(lengths, 1),
        "mean_word_len": w["word_chars"] / safe_words,
        "starts_lower": np.fromiter(map(str.islower, first_chars), dtype=np.float64, count=n),
        "quotes": np.minimum(count(_QUOTE_RE), 1),
        "comment_header": w["comment_header"],
        "time_of_day": np.minimum(count(_TIME_RE), 1),
        "after_comment_label": (np.cumsum(comment_label) - comment_label > 0).astype(np.float64),
    }
    return np.column_stack([cols[name] for name in LINE_FEATURES])


def _window_means(values: FloatArray, halves: Sequence[int]) -> list[FloatArray]:
    """Means of the columns of ``values`` over ``[i-half, i+half]`` for each half-width.

    Clipped at the page edges; one cumulative sum serves every column and window.
    """
    n = len(values)
    padded = np.zeros((n + 1, values.shape[1]))
    np.cumsum(values, axis=0, out=padded[1:])
    idx = np.arange(n)
    means = []
    for half in halves:
        lo = np.maximum(idx - half, 0)
        hi = np.minimum(idx + half + 1, n)
        means.append((padded[hi] - padded[lo]) / (hi - lo)[:, None])
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


def _region_columns(score: FloatArray, weights: FloatArray) -> list[FloatArray]:
    """Where each line sits relative to the densest region of ``score``.

    Columns: inside the region, log lines before it, log lines after it, and the
    shares of the page's ``weights`` strictly before and strictly after the line.
    """
    a, b = _densest_region(score)
    idx = np.arange(len(score), dtype=np.float64)
    total = weights.sum() or 1.0
    before = np.cumsum(weights) - weights
    return [((idx >= a) & (idx <= b)).astype(np.float64),
            np.log1p(np.maximum(a - idx, 0)), np.log1p(np.maximum(idx - b, 0)),
            before / total, (total - before - weights) / total]


def _run_lengths(flags: FloatArray) -> FloatArray:
    """Length of the run of equal consecutive values each position belongs to."""
    bounds = np.flatnonzero(np.diff(flags, prepend=np.nan, append=np.nan))
    lengths = np.diff(bounds)
    out: FloatArray = np.repeat(lengths, lengths).astype(np.float64)
    return out


def _context_columns(base: FloatArray) -> list[FloatArray]:
    """Neighbour, window and region features computed from the base matrix."""
    n = base.shape[0]
    prose = base[:, _col("prose")]
    windowed = base[:, [_col(name) for name in ("prose", "log_words", "date_only", "bullet")]]
    cols: list[FloatArray] = [*_window_means(windowed, WINDOWS),
                              *_shifted(base[:, _NEIGHBOUR_INDEX], NEIGHBOURS)]
    words = base[:, _col("words")]
    cols += _region_columns(np.where(prose > 0, words, -REGION_GAP_COST), words * prose)
    idx = np.arange(n, dtype=np.float64)
    prose_idx = np.flatnonzero(prose)
    if len(prose_idx):
        pos = np.searchsorted(prose_idx, idx)
        after = prose_idx[np.minimum(pos, len(prose_idx) - 1)]
        before_idx = prose_idx[np.maximum(pos - 1, 0)]
        nearest = np.minimum(np.abs(after - idx), np.abs(idx - before_idx))
        median_indent = float(np.median(base[prose_idx, _col("indent")]))
    else:
        nearest = np.full(n, float(n))
        median_indent = 0.0
    cols.append(np.log1p(nearest))
    cols.append(base[:, _col("indent")] - median_indent)
    cols.append(np.log1p(_run_lengths(base[:, _col("bullet")])))
    stacked = (base[:, _col("blank_before")] == 0).astype(np.float64)
    cols.append(np.log1p(_run_lengths(stacked)))
    cols.append(np.full(n, math.log1p(n)))
    cols.append(np.full(n, float(prose.mean()) if n else 0.0))
    return cols


def feature_matrix(lines: Sequence[Line]) -> FloatArray:
    """Return the (n_lines, n_features) matrix the classifier scores."""
    if not lines:
        return np.zeros((0, n_features()))
    base = _base_matrix(lines)
    return np.column_stack([base, *_context_columns(base)])


def line_word_counts(features: FloatArray) -> list[int]:
    """Words of each line (capped at WORDS_CAP) read back from :func:`feature_matrix`.

    The extractor's rules need every line's word count; the features already
    counted them, and a second tokenisation of every line would cost as much.
    """
    counts: list[int] = features[:, _col("words")].astype(np.int64).tolist()
    return counts


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
              "stacked_run", "log_page_lines", "page_prose_share"]
    return names


def n_features() -> int:
    """Number of columns of :func:`feature_matrix`."""
    return len(feature_names())


#: Half-widths of the windows over which first-stage probabilities are averaged.
STAGE2_WINDOWS = (1, 2, 4, 8, 16)
#: Neighbour offsets whose first-stage probability is copied onto a line.
STAGE2_NEIGHBOURS = (-2, -1, 1, 2)


def stage2_columns(probabilities: FloatArray, features: FloatArray) -> FloatArray:
    """Features that let the second stage see how its neighbours were judged.

    This is jusText's context-sensitive pass made learnable: a heading between kept
    paragraphs, or a prose-like comment far below the body, is judged by the
    first-stage verdicts around it and by the page's most confident content region.
    """
    n = len(probabilities)
    p = probabilities[:, None]
    words = features[:, _col("words")]
    region = _region_columns((probabilities - 0.5) * np.log1p(words),
                             words * (probabilities >= 0.5))
    page_max = np.full(n, float(probabilities.max()) if n else 0.0)
    return np.column_stack([features, p, *_window_means(p, STAGE2_WINDOWS),
                            *_shifted(p, STAGE2_NEIGHBOURS), *region, page_max])


def stage2_names() -> list[str]:
    """Column names of :func:`stage2_columns`."""
    names = [*feature_names(), "p1"]
    names += [f"p1_win{half}" for half in STAGE2_WINDOWS]
    names += [f"p1_n{offset:+d}" for offset in STAGE2_NEIGHBOURS]
    names += ["p1_in_region", "p1_lines_before_region", "p1_lines_after_region",
              "p1_kept_share_before", "p1_kept_share_after", "p1_page_max"]
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
        node = np.broadcast_to(self.roots, (n, len(self.roots)))
        for _ in range(self.depth):
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

    def probability(self, features: FloatArray) -> FloatArray:
        """Probability of "main content" for each row of :func:`feature_matrix`."""
        first = _sigmoid(self.stage1.decision(features))
        return _sigmoid(self.stage2.decision(stage2_columns(first, features)))


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
