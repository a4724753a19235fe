"""Tests for boilerplate removal on text renderings (pipeline.extract.text)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from pipeline.extract.text import (
    REVISION_MAX_RUN,
    REVISION_MIN_PROBABILITY,
    build_extraction,
    extract_text,
    furniture_rule,
)
from pipeline.extract.text_lines import line_table
from pipeline.extract.text_rules import (
    BODY_MIN_WORDS,
    BODY_RUN_LINES,
    CAPTION_MIN_PARAGRAPH_GAP,
    DOUBLED_LINE_MIN_WORDS,
    KEEP_THRESHOLD,
    SHORT_FURNITURE_MAX_WORDS,
    TITLE_MAX_WORDS,
    TRAILING_HEADINGS_MAX,
)
from pipeline.records import Extraction

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
SEED_GOLD = Path(__file__).resolve().parent / "golden" / "seeds"
SEEDS = sorted(p.name for p in SEED_GOLD.glob("*.txt"))

#: Per seed: phrases that must survive and phrases that must be gone.
WITH_WITHOUT: dict[str, tuple[list[str], list[str]]] = {
    "000_7075e06074a743c0.txt": (
        ["Microneedling, a minimally invasive cosmetic procedure",
         "Understanding Microneedling",
         "Rare Complications of Microneedling",
         "you can begin your microneedling journey"],
        ["Close Menu", "What's Hot", "How sugar affects your microbes", "February 10, 2026",
         "Facebook Twitter", "Home»Skin Care", "Related Posts", "Leave A Reply",
         "Don't Miss", "Stay In Touch", "Welcome to HealthTost", "All Rights Reserved",
         "fascinating Microneedling Science", "Mins Read", "Baby benefits body brain"],
    ),
    "001_0d0cbba38258ce13.txt": (
        ["Microneedling has gained popularity", "What is microneedling?",
         "Inflammation phase: The body sends immune cells",
         "1. Reduces fine lines and wrinkles", "Enhance skin firmness",
         "consider consulting a licensed skincare professional"],
        ["top of page", "Writer:", "Khubaib Mashhood", "3 min read", "Updated:",
         "Dermatologist in a white coat", "A woman receives a facial treatment",
         "Aesthetician in mask", "Comments", "bottom of page"],
    ),
    "002_f4df6d67333b8303.txt": (
        ["Microneedling, also known as collagen induction therapy",
         "A Skin-Deep Introduction", "Postponing Pregnancy and Microneedling",
         "explore this treatment option with qualified professionals"],
        [],
    ),
}

TITLES = {
    "000_7075e06074a743c0.txt": "The fascinating science behind Microneedling",
    "001_0d0cbba38258ce13.txt": "How does microneedling improve skin health?",
    "002_f4df6d67333b8303.txt": "The Nitty-Gritty on Microneedling and Your Skin",
}

_TOKEN_RE = re.compile(r"\w+")


def bag_f1(gold: str, pred: str) -> float:
    """Bag-of-words F1 over lowercased ``\\w+`` tokens (the benchmark's metric)."""
    g = Counter(_TOKEN_RE.findall(gold.lower()))
    p = Counter(_TOKEN_RE.findall(pred.lower()))
    tp = sum((g & p).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(p.values()), tp / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def clean_text(extraction: Extraction) -> str:
    """The clean file as the pipeline writes it: title, blank line, kept blocks."""
    parts = [extraction.metadata.title] if extraction.metadata.title else []
    return "\n\n".join(parts + [b.text for b in extraction.kept])


def _seed(name: str) -> tuple[str, Extraction]:
    raw = (RAW / name).read_text(encoding="utf-8")
    return raw, extract_text(raw)


def _assert_aligned(raw: str, extraction: Extraction) -> None:
    previous_end = 0
    for block in extraction.blocks:
        assert previous_end <= block.start < block.end <= len(raw)
        previous_end = block.end
        assert block.segments, block
        for text_off, raw_off, length in block.segments:
            assert block.text[text_off:text_off + length] == raw[raw_off:raw_off + length]
            assert block.start <= raw_off and raw_off + length <= block.end
        covered = sum(n for _, _, n in block.segments)
        assert covered == len(block.text) - (len(block.segments) - 1)


@pytest.mark.parametrize("name", SEEDS)
def test_seed_f1_against_hand_gold(name: str) -> None:
    _, extraction = _seed(name)
    gold = (SEED_GOLD / name).read_text(encoding="utf-8")
    assert bag_f1(gold, clean_text(extraction)) >= 0.98


@pytest.mark.parametrize("name", SEEDS)
def test_seed_with_and_without_phrases(name: str) -> None:
    _, extraction = _seed(name)
    body = "\n".join(b.text for b in extraction.kept)
    with_phrases, without_phrases = WITH_WITHOUT[name]
    for phrase in with_phrases:
        assert phrase in body, phrase
    for phrase in without_phrases:
        assert phrase not in body, phrase


def test_seed_001_furniture_is_gone() -> None:
    """Seed 001's byline, reading time and comment furniture are gone; F1 stays above 0.94."""
    _, extraction = _seed("001_0d0cbba38258ce13.txt")
    gold = (SEED_GOLD / "001_0d0cbba38258ce13.txt").read_text(encoding="utf-8")
    assert bag_f1(gold, clean_text(extraction)) >= 0.94
    body = "\n".join(b.text for b in extraction.kept)
    for phrase in ("Writer:", "3 min read", "Updated:", "Comments", "bottom of page"):
        assert phrase not in body, phrase


@pytest.mark.parametrize("name", SEEDS)
def test_seed_title_is_the_headline(name: str) -> None:
    _, extraction = _seed(name)
    titles = [b for b in extraction.blocks if b.kind == "title"]
    assert len(titles) == 1
    assert titles[0].keep
    assert extraction.metadata.title == TITLES[name]


def test_seed_metadata_author_and_date() -> None:
    _, first = _seed("000_7075e06074a743c0.txt")
    assert first.metadata.author == "healthtost"
    assert first.metadata.date == "December 10, 2023"
    assert first.metadata.site == "HealthTost"
    _, second = _seed("001_0d0cbba38258ce13.txt")
    assert second.metadata.author == "Khubaib Mashhood"
    assert second.metadata.date == "Dec 12"


@pytest.mark.parametrize("name", SEEDS)
def test_seed_segments_align_with_raw(name: str) -> None:
    raw, extraction = _seed(name)
    _assert_aligned(raw, extraction)


BENCH_SAMPLE = [(r, pid) for r in ("w3m", "inscriptis", "chromium")
                for pid in ("0d46122928b6", "06e5123e4ef7", "e372e42c0a3d")]


@pytest.mark.parametrize(("rendering", "page_id"), BENCH_SAMPLE)
def test_benchmark_segments_align_with_raw(bench_dir: Path, rendering: str, page_id: str) -> None:
    raw = (bench_dir / "render" / rendering / f"{page_id}.txt").read_text(encoding="utf-8")
    extraction = extract_text(raw)
    _assert_aligned(raw, extraction)
    assert extraction.kept, "every benchmark page has an article"


def test_every_visible_line_is_a_block_in_page_order() -> None:
    raw = "Menu\n\n  • Home\n\tNews  today\n\u00a0\nA paragraph of prose, with   gaps.\n"
    blocks = extract_text(raw).blocks
    assert [b.text for b in blocks] == ["Menu", "Home", "News today",
                                        "A paragraph of prose, with gaps."]
    assert raw[blocks[1].start:blocks[1].end] == "• Home"
    _assert_aligned(raw, extract_text(raw))


def test_short_furniture_threshold() -> None:
    words = ["Share", "this", "story", "with", "friends", "today", "please"]
    at_limit = " ".join(words[:SHORT_FURNITURE_MAX_WORDS])
    over_limit = " ".join(words[:SHORT_FURNITURE_MAX_WORDS + 1])
    assert furniture_rule(at_limit) == ("share", "furniture.share")
    assert furniture_rule(over_limit) is None


def test_furniture_rules_name_their_kind() -> None:
    assert furniture_rule("Related Posts") == ("related", "label.related")
    assert furniture_rule("© 2026 Example Media. All Rights Reserved.") == ("footer", "copyright")
    assert furniture_rule("By Jane Doe") == ("byline", "byline")
    assert furniture_rule("February 10, 2026") == ("date", "date.line")
    assert furniture_rule("3 min read") == ("date", "date.read_time")
    assert furniture_rule("[photo-of-the-site.jpg]") == ("caption", "image_placeholder")
    assert furniture_rule("The committee met on February 10, 2026 to vote on the budget.") is None


def _synthetic(texts: list[str], probabilities: list[float]) -> Extraction:
    lines = line_table("\n\n".join(texts))
    return build_extraction(lines, np.asarray(probabilities))


PROSE = ("The council approved the new plan after a long debate, and the members said "
         "that the work would begin in the spring.")


def test_keep_threshold_both_sides() -> None:
    below = np.nextafter(KEEP_THRESHOLD, 0.0)
    # the doubtful line comes first so no revision (which only looks at lines
    # enclosed by or following kept blocks) can restore it
    result = _synthetic([PROSE + " Again.", PROSE], [below, KEEP_THRESHOLD])
    assert [b.keep for b in result.blocks] == [False, True]
    assert result.blocks[1].rule.startswith("model.p=")
    assert "<" in result.blocks[0].rule


def test_revision_keeps_short_line_between_kept_blocks_above_floor() -> None:
    texts = [PROSE, "Plans for spring", PROSE + " More."]
    kept = _synthetic(texts, [0.9, REVISION_MIN_PROBABILITY, 0.9])
    assert kept.blocks[1].keep and kept.blocks[1].rule.startswith("revision.")
    below = np.nextafter(REVISION_MIN_PROBABILITY, 0.0)
    dropped = _synthetic(texts, [0.9, below, 0.9])
    assert not dropped.blocks[1].keep


def test_restored_bullets_stay_list_items() -> None:
    texts = [PROSE, "• Plans for spring", "• Plans for autumn", PROSE + " More."]
    result = _synthetic(texts, [0.9, REVISION_MIN_PROBABILITY, REVISION_MIN_PROBABILITY, 0.9])
    restored = result.blocks[1:3]
    assert all(b.keep and b.rule.startswith("revision.") for b in restored)
    assert [b.kind for b in restored] == ["list_item", "list_item"]


def test_a_list_announced_by_a_kept_line_ending_in_a_colon_is_kept_to_the_end_of_the_page() -> None:
    items = ["* water the seedlings daily", "* keep them out of frost", "- feed them twice a month"]
    lead_in = "For the first month, remember to:"
    doubtful = [REVISION_MIN_PROBABILITY] * len(items)
    result = _synthetic([PROSE, lead_in, *items], [0.9, 0.9, *doubtful])
    assert all(b.keep and b.rule.startswith("revision.list_after_lead_in") for b in result.blocks[2:])
    assert [b.kind for b in result.blocks[2:]] == ["list_item"] * len(items)
    # Without the colon, or with lines that are no list items, nothing is announced.
    plain = _synthetic([PROSE, "For the first month, remember this.", *items], [0.9, 0.9, *doubtful])
    assert not any(b.keep for b in plain.blocks[2:])
    unlisted = _synthetic([PROSE, lead_in, "Share this post", "Follow us"], [0.9, 0.9, *doubtful[:2]])
    assert not any(b.keep for b in unlisted.blocks[2:])
    # A run longer than a revision restores, or below its floor, stays removed.
    long_run = [f"* step number {k}" for k in range(REVISION_MAX_RUN + 1)]
    too_long = _synthetic([PROSE, lead_in, *long_run], [0.9, 0.9] + [0.5 * KEEP_THRESHOLD] * len(long_run))
    assert not any(b.keep for b in too_long.blocks[2:])
    floor = np.nextafter(REVISION_MIN_PROBABILITY, 0.0)
    sure = _synthetic([PROSE, lead_in, *items], [0.9, 0.9] + [floor] * len(items))
    assert not any(b.keep for b in sure.blocks[2:])


def test_every_item_of_an_announced_list_is_kept_also_one_the_model_is_sure_of_alone() -> None:
    # A short item ("Dry thoroughly.") looks like a menu line to the model; once the lead-in
    # has announced the list and its first item is kept, the list goes on to its last item.
    items = ["* Rinse the brush.", "* Dry thoroughly.", "* Store it flat.", "* Oil the hinge."]
    floor = np.nextafter(REVISION_MIN_PROBABILITY, 0.0)
    probs = [0.9, 0.9, REVISION_MIN_PROBABILITY, floor, REVISION_MIN_PROBABILITY, REVISION_MIN_PROBABILITY]
    result = _synthetic([PROSE, "After each use, simply:", *items, "Share this post"], [*probs, 0.01])
    assert all(b.keep and b.rule.startswith("revision.list_after_lead_in") for b in result.blocks[2:6])
    assert not result.blocks[6].keep


@pytest.mark.parametrize("trailing", range(1, TRAILING_HEADINGS_MAX + 2))
def test_trailing_headings_after_the_last_paragraph(trailing: int) -> None:
    heads = [f"Spring Council Plans {k}" for k in range(trailing)]
    result = _synthetic([PROSE, PROSE + " More.", *heads], [0.9] * (2 + trailing))
    tail = result.blocks[2:]
    if trailing <= TRAILING_HEADINGS_MAX:  # a tag line, a repeated title: dropped
        assert all(not b.keep and b.rule == "revision.trailing_heading" for b in tail)
    else:  # a longer run of short lines is content without punctuation
        assert all(b.keep for b in tail)


def test_headings_followed_by_a_paragraph_or_alone_stay() -> None:
    followed = _synthetic([PROSE, "Spring Council Plans", PROSE + " More."], [0.9] * 3)
    assert all(b.keep for b in followed.blocks)
    alone = _synthetic(["Spring Council Plans", "Autumn Council Plans"], [0.9, 0.9])
    assert all(b.keep or b.kind == "title" for b in alone.blocks)
    assert not any(b.rule == "revision.trailing_heading" for b in alone.blocks)


def test_repeated_line_is_dropped_after_its_first_kept_copy() -> None:
    caption = "A nurse smiles at a patient in a bright room"
    texts = [PROSE, caption, PROSE + " More.", caption.upper(), PROSE + " End."]
    repeated = _synthetic(texts, [0.9] * 5).blocks
    assert repeated[1].keep
    assert not repeated[3].keep and repeated[3].rule.startswith("revision.repeat(")
    # a copy of a line that was not kept is judged on its own
    first_dropped = _synthetic(texts, [0.9, 0.0, 0.9, 0.9, 0.9]).blocks
    assert not first_dropped[1].keep and first_dropped[3].keep


def test_line_printed_twice_in_a_row_is_dropped_both_times() -> None:
    caption = "A nurse smiles at a patient in a bright room"
    texts = [PROSE, caption, caption, PROSE + " End."]
    blocks = _synthetic(texts, [0.9] * len(texts)).blocks
    copies = [blocks[1], blocks[-2]]
    assert all(not b.keep and b.rule.startswith("revision.doubled(") for b in copies)
    assert blocks[0].keep and blocks[-1].keep
    # farther apart, the first copy may be the article's own line and stays
    apart = [PROSE, caption, PROSE + " More.", caption, PROSE + " End."]
    spread = _synthetic(apart, [0.9] * len(apart)).blocks
    assert spread[1].keep and spread[-2].rule.startswith("revision.repeat(")
    # a short line printed twice (two tables' header rows) keeps its first copy
    header = " ".join(["Player"] * (DOUBLED_LINE_MIN_WORDS - 1))
    rows = [PROSE, header, header, PROSE + " End."]
    tables = _synthetic(rows, [0.9] * len(rows)).blocks
    assert tables[1].keep and tables[-2].rule.startswith("revision.repeat(")


def _teaser_page(teaser: str, gap: int) -> Extraction:
    """A kept ``teaser`` line, ``gap`` removed menu lines, a headline, then two kept paragraphs."""
    menu = [f"Menu entry {k}" for k in range(gap)]
    texts = [teaser, *menu, "Council Approves The Spring Plan", PROSE, PROSE + " More."]
    return _synthetic(texts, [0.9, *[0.0] * gap, 0.1, 0.9, 0.9])


def test_a_lone_kept_line_above_the_body_is_dropped_and_the_headline_found() -> None:
    far = _teaser_page("Ten Gadgets For Your Garden", BODY_RUN_LINES)
    assert not far.blocks[0].keep and far.blocks[0].rule.startswith("revision.stray(")
    assert far.metadata.title == "Council Approves The Spring Plan"
    # A line the next kept line follows closely is where the body starts: it stays.
    near = _teaser_page("Ten Gadgets For Your Garden", BODY_RUN_LINES - 2)
    assert near.blocks[0].keep
    # So does a paragraph long enough to be prose on its own.
    long = _teaser_page(" ".join(["Gardens"] * BODY_MIN_WORDS), BODY_RUN_LINES)
    assert long.blocks[0].keep


def _spaced(gap: int, caption_gap: int) -> Extraction:
    """Six kept paragraphs ``gap`` blank lines apart, a seventh line set off by ``caption_gap``."""
    paragraphs = [f"{PROSE} Part {k}." for k in range(6)]
    sep, tight = "\n" * (gap + 1), "\n" * (caption_gap + 1)
    raw = sep.join(paragraphs[:3]) + tight + "A nurse smiles at a patient in a bright room." \
        + tight + sep.join(paragraphs[3:])
    return build_extraction(line_table(raw), np.full(7, 0.9))


def test_set_off_paragraph_needs_two_levels_of_spacing() -> None:
    tight = CAPTION_MIN_PARAGRAPH_GAP - 1
    dropped = _spaced(CAPTION_MIN_PARAGRAPH_GAP, tight).blocks[3]
    assert not dropped.keep and dropped.rule == "caption.set_off"
    # one level less: a tighter gap is a line break inside a block, which is kept
    assert _spaced(CAPTION_MIN_PARAGRAPH_GAP - 1, tight - 1).blocks[3].keep
    assert _spaced(CAPTION_MIN_PARAGRAPH_GAP, CAPTION_MIN_PARAGRAPH_GAP).blocks[3].keep


def test_title_word_limit() -> None:
    long_head = " ".join(["Council"] * (TITLE_MAX_WORDS + 1))
    ok_head = " ".join(["Council"] * TITLE_MAX_WORDS)
    body = PROSE + " Council."
    assert _synthetic([ok_head, body], [0.1, 0.9]).metadata.title == ok_head
    assert _synthetic([long_head, body], [0.1, 0.9]).metadata.title == ""


def test_empty_page() -> None:
    extraction = extract_text("")
    assert extraction.blocks == []
    assert extraction.metadata.title == ""
