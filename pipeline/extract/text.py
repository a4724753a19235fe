"""Boilerplate removal for text renderings of web pages ("select all + copy" dumps).

Shape of jusText's classifier, adapted to flat text: every line becomes a block; a
context-free pass removes unmistakable furniture by named rules (section labels,
date and byline lines, short share/menu entries); a gradient-boosted classifier
over line and neighbour features (:mod:`pipeline.extract.line_model`) decides the rest; a
neighbour-aware revision keeps headings that introduce kept text; finally the
headline is picked as the title and bylines/dates become metadata. Every block
records the rule or model score that decided it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from pipeline.extract.line_model import PageLines, TextModel, feature_matrix, load_model, scan_lines
from pipeline.extract.text_lines import LineTable, line_table
from pipeline.extract.text_rules import (
    BODY_MIN_WORDS,
    BODY_RUN_LINES,
    BOILERPLATE_RE,
    BREADCRUMB_SEPARATORS,
    BYLINE_RE,
    CAPTION_MIN_PARAGRAPH_GAP,
    CAPTION_MIN_PARAGRAPHS,
    DATE_RE,
    DOUBLED_LINE_MIN_WORDS,
    KEEP_THRESHOLD,
    META_WINDOW_LINES,
    MONTH_WORDS,
    PHRASE_GROUPS,
    PROSE_MIN_WORDS,
    READ_TIME_RE,
    RELATIVE_DATE_RE,
    SHORT_FURNITURE_MAX_WORDS,
    TITLE_LOOKBACK_LINES,
    TITLE_MAX_WORDS,
    TITLE_MIN_WORDS,
    TRAILING_HEADINGS_MAX,
    WORD_RE,
)
from pipeline.records import Block, Extraction, Metadata

LOGGER = logging.getLogger(__name__)

EXTRACTOR = "textextract"

#: Kept lines with at most this many words and no sentence punctuation are headings.
HEADING_MAX_WORDS = 15
#: A line removed by the model is restored when it sits between kept blocks (or is
#: prose right after one) and the model gave it at least this probability (jusText's
#: "short block between good blocks" revision; 0.1 still leaves out the furniture
#: the model is sure about, which scores below 0.05 on the benchmark).
REVISION_MIN_PROBABILITY = 0.1
#: Longest run of doubtful lines the revision restores: a heading plus a short list.
REVISION_MAX_RUN = 6
#: Line endings that make a short line a sentence or a lead-in rather than a heading
#: ("?" is allowed: question headings are common in articles).
HEADING_BAD_ENDINGS = ".:;,!…"
_HEADING_BAD_CODES = np.array([ord(c) for c in HEADING_BAD_ENDINGS], dtype=np.uint32)

_GLUE_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_BY_RE = re.compile(r"\bBy\s+([\w.'’\-]+(?:\s+[A-Z][\w.'’\-]*){0,3})")
_COPYRIGHT_SITE_RE = re.compile(r"©\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?([^.,|©]{2,60}?)"
                                r"(?:[.,|]|\s+all rights|$)", re.IGNORECASE)

#: First two letters of every BYLINE_RE opening word (by, written, writer, author,
#: posted, published, words).
_BYLINE_PREFIXES = frozenset({"by", "wr", "au", "po", "pu", "wo"})

ProbArray = npt.NDArray[np.float64]

#: When the classifier keeps fewer words than this, the page is read again with a
#: threshold relative to its most confident line: an empty result scores zero, and
#: the benchmark's shortest article has 69 words, so 20 means "nothing was found".
FALLBACK_MIN_WORDS = 20
#: The relative threshold: lines at least half as confident as the best one.
FALLBACK_RELATIVE_THRESHOLD = 0.5


def extract_text(text: str, *, model: TextModel | None = None,
                 threshold: float = KEEP_THRESHOLD) -> Extraction:
    """Split a text rendering into labelled blocks and page metadata.

    Args:
        text: the decoded page, a text rendering (one paragraph or entry per line).
        model: the line classifier; the shipped one by default.
        threshold: probability at or above which the classifier keeps a line.

    Returns:
        Every block in page order, kept and removed, each with the rule that fired.
    """
    lines = line_table(text)
    if not lines:
        return build_extraction(lines, np.zeros(0), threshold=threshold)
    page = scan_lines(lines.texts)
    probabilities = (model or load_model()).probability(feature_matrix(lines, page), page)
    return build_extraction(lines, probabilities, threshold=threshold, page=page)


def build_extraction(lines: LineTable, probabilities: ProbArray, *,
                     threshold: float = KEEP_THRESHOLD,
                     page: PageLines | None = None) -> Extraction:
    """Turn scored lines into blocks: rules, model decision, revision, title, metadata.

    Args:
        lines: the page's lines, from :func:`pipeline.textblocks.line_table`.
        probabilities: the classifier's probability for each line.
        threshold: probability at or above which the classifier keeps a line.
        page: :func:`pipeline.textmodel.scan_lines` of the lines' texts; scanned
            here when not given.
    """
    if not lines:
        return Extraction(blocks=[], metadata=Metadata(), extractor=EXTRACTOR)
    if page is None:
        page = scan_lines(lines.texts)
    ruled = furniture_rules(lines.texts, page)
    decided = np.array([rule is None for rule in ruled])  # left to the classifier
    blocks = _first_pass(lines, page, ruled, probabilities, threshold=threshold)
    if int(page.words[decided & (probabilities >= threshold)].sum()) < FALLBACK_MIN_WORDS:
        relative = FALLBACK_RELATIVE_THRESHOLD * float(probabilities.max())
        if relative < threshold:
            LOGGER.debug("classifier kept almost nothing; threshold lowered to %.2f", relative)
            threshold = relative
            blocks = _first_pass(lines, page, ruled, probabilities, threshold=threshold)
    doubtful = decided & (probabilities < threshold) & (probabilities >= REVISION_MIN_PROBABILITY)
    _revise(blocks, lines, page, probabilities, doubtful)
    _drop_set_off_paragraphs(blocks, lines)
    _drop_doubled_lines(blocks, page)
    _drop_repeated_lines(blocks, page)
    _drop_trailing_headings(blocks)
    _drop_stray_lines(blocks, page)
    metadata = Metadata()
    title_index = _pick_title(blocks, page)
    if title_index is not None:
        _set_title(blocks, title_index, page.lowered)
        metadata.title = blocks[title_index].text
    _fill_metadata(blocks, metadata, title_index, page)
    return Extraction(blocks=blocks, metadata=metadata, extractor=EXTRACTOR)


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def furniture_rule(text: str) -> tuple[str, str] | None:
    """Return (kind, rule) when a line is unmistakable furniture by itself, else None."""
    return furniture_rules([text], scan_lines([text]))[0]


def furniture_rules(texts: Sequence[str], page: PageLines) -> list[tuple[str, str] | None]:
    """(kind, rule) for each line that is unmistakable furniture by itself, else None.

    The rules in order of precedence: a section label, an image placeholder, a
    short copyright line, a short byline or date line (no sentence end), a very
    short line with boilerplate vocabulary. The page's counts pick the few lines
    each regex has to look at.
    """
    words = page.words
    out: list[tuple[str, str] | None] = [None] * len(texts)
    # lowest precedence first: a later rule overwrites an earlier one
    short = words <= SHORT_FURNITURE_MAX_WORDS
    for k in np.flatnonzero(short & ((page.tokens["phrase_start"] > 0)
                                     | (page.chars["copyright"] > 0))).tolist():
        hit = BOILERPLATE_RE.search(texts[k])
        if hit:
            group = PHRASE_GROUPS[hit.group().lower()]
            out[k] = group, f"furniture.{group}"
    meta = (words <= 8) & ~page.ends_sentence
    for k in np.flatnonzero(meta & (page.chars["digit"] > 0)).tolist():
        out[k] = _date_rule(texts[k]) or out[k]
    for k in np.flatnonzero(meta & page.byline_start).tolist():
        if BYLINE_RE.match(texts[k]):
            out[k] = "byline", "byline"
    for k in np.flatnonzero((page.chars["copyright"] > 0) & (words <= 20)).tolist():
        out[k] = "footer", "copyright"
    for k in np.flatnonzero(page.image_line).tolist():
        out[k] = "caption", "image_placeholder"
    for k in [k for k, kind in enumerate(page.sections) if kind]:
        out[k] = page.sections[k], f"label.{page.sections[k]}"
    return out


def _date_rule(text: str) -> tuple[str, str] | None:
    """(kind, rule) for a short reading-time or date line (it holds a digit), else None."""
    if READ_TIME_RE.search(text) or RELATIVE_DATE_RE.search(text):
        return "date", "date.read_time"
    if DATE_RE.search(text) and _non_date_words(text) <= 3:
        return "date", "date.line"
    return None


def _non_date_words(text: str) -> int:
    """Words left once dates are cut out ("Posted on March 3, 2019" leaves 2)."""
    return len(_words(DATE_RE.sub(" ", text)))


def _content_kind(text: str, n_words: int, *, list_item: bool) -> str:
    """list_item for bulleted lines; heading for short lines not ending like a sentence."""
    if list_item:
        return "list_item"
    if n_words <= HEADING_MAX_WORDS and text[-1] not in HEADING_BAD_ENDINGS:
        return "heading"
    return "paragraph"


def _first_pass(lines: LineTable, page: PageLines,
                ruled: Sequence[tuple[str, str] | None], probabilities: ProbArray, *,
                threshold: float) -> list[Block]:
    """Context-free rules first, then the classifier's decision, for every line.

    Kinds and rule names are built as whole lists, so the only per-line Python
    work left is constructing the blocks.
    """
    passed = (probabilities >= threshold).tolist()
    keep = [passed_k and rule is None for passed_k, rule in zip(passed, ruled, strict=True)]
    heading = ((page.words <= HEADING_MAX_WORDS)
               & ~np.isin(page.last_char, _HEADING_BAD_CODES)).tolist()
    kinds = [rule[0] if rule else
             ("list_item" if bullet or numbered else "heading" if short else "paragraph")
             if kept else "boilerplate"
             for bullet, numbered, rule, kept, short in zip(lines.bullets, lines.numbered, ruled,
                                                            passed, heading, strict=True)]
    above, below = f">={threshold:g}", f"<{threshold:g}"
    rules = [rule[1] if rule else f"model.p={p:.2f}{above if kept else below}"
             for rule, p, kept in zip(ruled, probabilities.tolist(), passed, strict=True)]
    # blocks share the table's segment lists: nothing edits segments once made
    return [Block(text, start, end, kind, kept, rule, segments)
            for text, start, end, segments, kind, kept, rule in zip(
                lines.texts, lines.starts, lines.ends, lines.segments, kinds, keep, rules,
                strict=True)]


def _revise(blocks: list[Block], lines: LineTable, page: PageLines, probabilities: ProbArray,
            doubtful: npt.NDArray[np.bool_]) -> None:
    """Restore short runs of doubtful lines enclosed by kept blocks (jusText's revision).

    A heading or a short list between kept paragraphs is part of the article even
    when its own features look like a menu; runs longer than REVISION_MAX_RUN or
    lines the model is sure about stay removed. ``doubtful`` marks the lines the
    classifier removed with at least REVISION_MIN_PROBABILITY; restoring a run never
    changes which lines form another run, so the runs are found once, up front.
    """
    if not doubtful.any():
        return
    padded = np.concatenate(([False], doubtful, [False]))
    n_words = page.words.tolist()
    probs = probabilities.tolist()
    listed_upto = 0  # lines before this were restored as items of an announced list
    for i, j in zip(np.flatnonzero(padded[1:] & ~padded[:-1]).tolist(),
                    np.flatnonzero(padded[:-1] & ~padded[1:]).tolist(), strict=True):
        i = max(i, listed_upto)
        if i >= j:
            continue
        enclosed = i > 0 and j < len(blocks) and blocks[i - 1].keep and blocks[j].keep
        if enclosed and j - i <= REVISION_MAX_RUN:
            for k in range(i, j):
                _restore(blocks[k], n_words[k], probs[k], "revision.between_kept",
                         list_item=_listed(lines, k))
        elif (i > 0 and blocks[i - 1].keep and _introduces(blocks[i - 1].text)
              and j - i <= REVISION_MAX_RUN and all(_listed(lines, k) for k in range(i, j))):
            # "Do not, for two weeks:" then its items: a kept lead-in ending in a colon
            # announces the list under it, even as the page's last lines, and every item of
            # it, also one the model is sure of alone ("Dry thoroughly." under "you can simply:").
            k = i
            while (k < len(blocks) and k - i < REVISION_MAX_RUN and not blocks[k].keep
                   and _listed(lines, k)):
                _restore(blocks[k], n_words[k], probs[k], "revision.list_after_lead_in",
                         list_item=True)
                k += 1
            listed_upto = k
        elif i > 0 and blocks[i - 1].keep:
            for k in range(i, j):
                if n_words[k] < PROSE_MIN_WORDS:
                    break
                _restore(blocks[k], n_words[k], probs[k], "revision.prose_after_kept",
                         list_item=_listed(lines, k))


def _drop_set_off_paragraphs(blocks: list[Block], lines: LineTable) -> None:
    """Remove kept paragraphs spaced more tightly on both sides than the page's paragraphs.

    Such a line is a figure block between paragraphs (an image description written
    as prose); see CAPTION_MIN_PARAGRAPH_GAP for when spacing can tell.
    """
    paragraphs = [k for k, block in enumerate(blocks) if block.keep and block.kind == "paragraph"]
    if len(paragraphs) < CAPTION_MIN_PARAGRAPHS:
        return
    usual_gap = float(np.median([lines.blank_before[k] for k in paragraphs]))
    if usual_gap < CAPTION_MIN_PARAGRAPH_GAP:
        return
    for k in paragraphs:
        if max(lines.blank_before[k], lines.blank_after[k]) < usual_gap:
            blocks[k].keep, blocks[k].kind, blocks[k].rule = False, "caption", "caption.set_off"


def _drop_doubled_lines(blocks: list[Block], page: PageLines) -> None:
    """Remove kept lines printed twice in a row, both copies.

    A doubled line is an image's description (alt text, then the same words as its
    caption or link), not a sentence of the article; see DOUBLED_LINE_MIN_WORDS.
    Unlike other repeats, where the first copy may be the article's own line, here
    neither copy is.
    """
    lowered, words = page.lowered, page.words.tolist()
    doubled = [False] * len(blocks)
    for k, (line, following) in enumerate(pairwise(lowered)):
        if line == following and words[k] >= DOUBLED_LINE_MIN_WORDS:
            doubled[k] = doubled[k + 1] = True
    for block, twice in zip(blocks, doubled, strict=True):
        if twice and block.keep:
            block.keep, block.rule = False, f"revision.doubled({block.rule})"


def _drop_repeated_lines(blocks: list[Block], page: PageLines) -> None:
    """Remove kept lines that repeat an earlier kept line word for word.

    An article does not print the same line twice: a repeat is an image's alt text
    printed again as its caption, or a teaser title printed over its picture and
    again as its link (w3m prints both). Keeping it adds its words a second time.
    """
    seen: set[str] = set()
    for block, key in zip(blocks, page.lowered, strict=True):
        if not block.keep:
            continue
        if key in seen:
            block.keep, block.rule = False, f"revision.repeat({block.rule})"
        seen.add(key)


def _drop_trailing_headings(blocks: list[Block]) -> None:
    """Remove the last kept blocks when they are one or two headings with nothing after.

    A heading introduces what follows it, and after the article's last paragraph or
    list item nothing does: a short line left there is a tag list, a repeated title
    or the first label of the footer (jusText keeps a heading only when good
    paragraphs follow it, for the same reason). A longer run of short lines is
    content without punctuation (tour dates, a verse) and stays.
    """
    trailing: list[Block] = []
    for block in reversed(blocks):
        if not block.keep:
            continue
        if block.kind != "heading":
            break
        trailing.append(block)
        if len(trailing) > TRAILING_HEADINGS_MAX:
            return
    else:
        return  # nothing but short lines kept: they are the article
    for block in trailing:
        block.keep, block.rule = False, "revision.trailing_heading"


def _introduces(text: str) -> bool:
    """True for a line that ends in a colon: it announces what follows it."""
    return text.rstrip().endswith(":")


def _listed(lines: LineTable, k: int) -> bool:
    """True for a bulleted or numbered line (a list item when kept)."""
    return bool(lines.bullets[k]) or lines.numbered[k]


def _restore(block: Block, n_words: int, probability: float, rule: str, *, list_item: bool) -> None:
    """Keep a removed line again, with the kind it would have had if the model had kept it."""
    block.keep = True
    block.kind = _content_kind(block.text, n_words, list_item=list_item)
    block.rule = f"{rule}(p={probability:.2f})"


def _is_title_candidate(block: Block, n_words: int) -> bool:
    if not TITLE_MIN_WORDS <= n_words <= TITLE_MAX_WORDS:
        return False
    if block.rule and not (block.rule.startswith("model.") or block.rule.startswith("revision.")):
        return False
    if any(c in block.text for c in BREADCRUMB_SEPARATORS):
        return False
    return not block.text.endswith(".") and block.kind not in ("list_item",)


def _title_scores(page: PageLines, keep: npt.NDArray[np.bool_], lo: int, hi: int) -> list[float]:
    """Title score of lines ``lo..hi-1``: content words the kept body repeats, damped by length.

    The score is the share of the line's content (non-stop) words that occur in the
    kept lines, times log(1 + content words): the share alone ties a two-word
    section label ("Skin Care") with the headline, and the weight prefers the
    longer, more specific line. Words are compared by their hashes from the scan.
    """
    line = page.token_line
    body = np.unique(page.token_hash[keep[line]])
    a, b = np.searchsorted(line, [lo, hi])
    hashes = page.token_hash[a:b]
    slot = np.minimum(np.searchsorted(body, hashes), max(len(body) - 1, 0))
    content = ~page.token_stop[a:b]
    repeated = content & (body.take(slot) == hashes) if len(body) else np.zeros(b - a, bool)
    rows = line[a:b] - lo
    n_content = np.bincount(rows, weights=content, minlength=hi - lo)
    n_repeated = np.bincount(rows, weights=repeated, minlength=hi - lo)
    scores: list[float] = (n_repeated / np.maximum(n_content, 1) * np.log1p(n_content)).tolist()
    return scores


def _pick_title(blocks: Sequence[Block], page: PageLines) -> int | None:
    """Index of the headline: the heading-like line just above the body that the body echoes."""
    keep = np.array([b.keep for b in blocks])
    if not keep.any():
        return None
    first_kept = int(keep.argmax())  # the body's start: lone lines above it are dropped
    lo, hi = max(0, first_kept - TITLE_LOOKBACK_LINES), first_kept + 1
    n_words = page.words[lo:hi].tolist()
    best, best_score = None, 0.0
    for i, score in enumerate(_title_scores(page, keep, lo, hi), start=lo):
        block = blocks[i]
        if not _is_title_candidate(block, n_words[i - lo]):
            continue
        if i == first_kept and block.kind != "heading":
            continue
        if score > best_score:
            best, best_score = i, score
    return best


def _drop_stray_lines(blocks: Sequence[Block], page: PageLines) -> None:
    """Drop kept lines that stand alone above the body (see :func:`_body_start`).

    A single kept line with removed lines around it, above where the article starts, is
    a teaser, a promoted post or a menu entry the classifier liked, not the article.
    """
    keep = np.array([b.keep for b in blocks])
    if not keep.any():
        return
    for block in blocks[: _body_start(keep, page.words)]:
        if block.keep:
            block.keep, block.rule = False, f"revision.stray({block.rule})"


def _body_start(keep: npt.NDArray[np.bool_], words: npt.NDArray[np.int_]) -> int:
    """Index of the first kept line that starts the body (see ``BODY_RUN_LINES``).

    Falls back to the first kept line when no line qualifies (a page of one short line).
    """
    kept = np.flatnonzero(keep)
    for position, index in enumerate(kept):
        followed = position + 1 < len(kept) and kept[position + 1] - index <= BODY_RUN_LINES
        if followed or words[index] >= BODY_MIN_WORDS:
            return int(index)
    return int(kept[0])


def _set_title(blocks: list[Block], index: int, lowered: Sequence[str]) -> None:
    """Mark the title block and drop other verbatim repeats of it (image alt, breadcrumb).

    ``lowered`` holds the lowercased text of every block.
    """
    title = blocks[index]
    title.kind, title.keep = "title", True
    title.rule = f"title({title.rule})"
    key = lowered[index]
    for k in [k for k, text in enumerate(lowered) if text == key and k != index]:
        blocks[k].keep, blocks[k].kind, blocks[k].rule = False, "caption", "title.repeat"


def _unglue(text: str) -> str:
    """Split words glued by a lost element boundary ("healthtostDecember 10")."""
    return _GLUE_RE.sub(" ", text)


def _fill_metadata(blocks: Sequence[Block], metadata: Metadata, title_index: int | None,
                   page: PageLines) -> None:
    """Read author and date from byline/date lines near the title, and the site from ©.

    Every date pattern holds a digit, so only lines with one are searched for a date.
    """
    centre = title_index if title_index is not None else 0
    after = range(centre, min(centre + META_WINDOW_LINES + 1, len(blocks)))
    before = range(centre - 1, max(0, centre - META_WINDOW_LINES) - 1, -1)
    digits = page.chars["digit"]
    for k in [*after, *before]:
        if blocks[k].keep:
            continue
        want_author = not metadata.author and _may_name_author(blocks[k].text)
        want_date = not metadata.date and digits[k]
        if not (want_author or want_date):
            continue
        text = _unglue(blocks[k].text)
        if want_author:
            metadata.author = _author(text)
        if want_date:
            match = DATE_RE.search(text)
            metadata.date = match.group() if match else ""
    for k in np.flatnonzero(page.chars["copyright"])[::-1].tolist():
        match = _COPYRIGHT_SITE_RE.search(blocks[k].text)
        if match:
            metadata.site = match.group(1).strip()
            break


def _may_name_author(text: str) -> bool:
    """Whether :func:`_author` can find a name: the line starts like a byline or holds "By".

    Ungluing never creates either, so the raw line can be tested before it.
    """
    return text[:2].lower() in _BYLINE_PREFIXES or "By" in text


def _author(text: str) -> str:
    """Author name from a byline ("By Jane Doe", "Writer: Jane Doe"), else ""."""
    match = BYLINE_RE.match(text) or _BY_RE.search(text)
    if not match:
        return ""
    words = []
    for word in match.group(1).split():
        if word.lower().strip(".") in MONTH_WORDS or word[0].isdigit():
            break
        words.append(word)
    return " ".join(words).strip(" ,|-–")
