"""Tests for HTML boilerplate removal: offsets, with/without phrases, hostile pages, quality."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml.etree import tostring
from trafilatura.utils import load_html

from pipeline.extract.html import _collapse, drop_trailing_section, extract_html, parse_html
from pipeline.extract.html_align import (
    ATTR_NAME_RE,
    ATTR_NAME_WINDOW,
    _alternation,
    anchor_spans,
    attribute_name,
    build_text_map,
    locate,
    locate_words,
    visible,
)
from pipeline.extract.html_rules import INVISIBLE_CHARS
from pipeline.records import Block, Extraction

FIXTURES = Path(__file__).parent / "fixtures" / "html"
TOKEN_RE = re.compile(r"\w+")

#: Benchmark pages for the offset invariant: entities, tables, split articles, teasers.
INVARIANT_PAGES = (
    "d90bda7ed14d", "287e4d9f4af3", "042bb7b5feda", "08f793762792", "f8ff621a0b9b", "6ebac05f637e",
)
#: Every fifth benchmark page (sorted ids) scored against its gold.
GATE_STEP = 5
#: Mean F1 (title line included) of the gate sample was 0.971 when the floor was pinned
#: (whole set: 0.972); the floor allows harmless drift only.
GATE_FLOOR = 0.955


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _assert_offsets(html: str, extraction: Extraction) -> None:
    """Every run of every block is literally equal to the raw page; spans are ordered."""
    for block in extraction.blocks:
        assert 0 <= block.start <= block.end <= len(html), block
        last_text = last_raw = -1
        for text_off, raw_off, length in block.segments:
            assert length > 0
            assert block.text[text_off : text_off + length] == html[raw_off : raw_off + length]
            assert text_off >= last_text and raw_off >= last_raw, "runs must be monotonic"
            last_text, last_raw = text_off + length, raw_off + length
        if block.segments:
            assert block.start <= block.segments[0][1]
            assert block.segments[-1][1] + block.segments[-1][2] <= block.end


def _kept_text(extraction: Extraction) -> str:
    return "\n".join(block.text for block in extraction.kept)


def _assert_in_order(text: str, phrases: list[str]) -> None:
    position = 0
    for phrase in phrases:
        found = text.find(phrase, position)
        assert found >= 0, f"missing or out of order: {phrase!r}"
        position = found + len(phrase)


# --- the blog-post fixture: with / without -------------------------------------------------

BLOG_WITH = [
    "A sourdough starter is a living culture of wild yeasts",
    "What happens inside the jar",
    "give the bread its characteristic tang & help it keep longer.",
    "a starter kept at 24 °C peaks roughly twice as fast",
    "Keeping a starter healthy",
    "Feed it equal weights of flour and water once a day.",
    "Discard most of the old culture before each feeding.",
    "Store it in the fridge when you bake less than once a week.",
    "It’s remarkably hard to kill a mature starter.",
]
BLOG_WITHOUT = [
    "Recipes", "Techniques", "About us", "Tweet this", "Share on Facebook", "Get our weekly newsletter",
    "Subscribe to receive", "Related posts", "Baking with rye flour", "3 comments", "nail polish",
    "Leave a Reply", "Post Comment", "All rights reserved", "Privacy policy", "By Maria Lindqvist",
    "window.analytics", "not text",
]


@pytest.fixture(scope="module")
def blog() -> tuple[str, Extraction]:
    html = _fixture("blog_post.html")
    return html, extract_html(html)


def test_blog_keeps_article_in_order(blog: tuple[str, Extraction]) -> None:
    _, extraction = blog
    _assert_in_order(_kept_text(extraction), BLOG_WITH)


def test_blog_drops_boilerplate(blog: tuple[str, Extraction]) -> None:
    _, extraction = blog
    kept = _kept_text(extraction)
    for phrase in BLOG_WITHOUT:
        assert phrase not in kept, phrase


def test_blog_kinds_and_list_items(blog: tuple[str, Extraction]) -> None:
    _, extraction = blog
    kinds = Counter(block.kind for block in extraction.kept)
    assert kinds["heading"] == 2
    assert kinds["list_item"] == 3
    items = [b.text for b in extraction.kept if b.kind == "list_item"]
    assert items[0] == "Feed it equal weights of flour and water once a day."


def test_blog_metadata(blog: tuple[str, Extraction]) -> None:
    _, extraction = blog
    meta = extraction.metadata
    assert meta.title == "How Sourdough Starters Work"
    assert meta.author == "Maria Lindqvist"
    assert meta.date == "2021-03-14"
    assert meta.site == "The Crumb Journal"


def test_blog_single_title_block_at_headline(blog: tuple[str, Extraction]) -> None:
    html, extraction = blog
    titles = [b for b in extraction.blocks if b.kind == "title"]
    assert len(titles) == 1 and titles[0].keep
    assert titles[0].text == "How Sourdough Starters Work"
    assert html[titles[0].start : titles[0].end] == "How Sourdough Starters Work"
    assert html.rfind("<h1", 0, titles[0].start) > html.find("<body")


def test_blog_removed_blocks_say_why(blog: tuple[str, Extraction]) -> None:
    _, extraction = blog

    def rule_of(phrase: str) -> str:
        return next(b.rule for b in extraction.blocks if not b.keep and phrase in b.text)

    assert rule_of("Techniques") == "nav element"
    assert rule_of("Great article, thanks for writing it!") == "comments"
    assert rule_of("Baking with rye flour") == "related"
    assert rule_of("Tweet this Share on Facebook") == "share bar"
    assert rule_of("Privacy policy | Contact") == "footer element"
    assert rule_of("A healthy starter doubles") == "figure caption"
    assert all(b.rule for b in extraction.blocks if not b.keep)


def test_blog_offsets(blog: tuple[str, Extraction]) -> None:
    html, extraction = blog
    _assert_offsets(html, extraction)
    blocks = extraction.blocks
    assert [b.start for b in blocks] == sorted(b.start for b in blocks), "blocks are in page order"


def test_entities_get_no_run_but_neighbours_do(blog: tuple[str, Extraction]) -> None:
    html, extraction = blog
    block = next(b for b in extraction.kept if "remarkably hard" in b.text)
    apostrophe = block.text.index("’")
    covered = [a <= apostrophe < a + n for a, _, n in block.segments]
    assert not any(covered), "a character from an entity has no literal source"
    end = block.raw_offset(block.text.index("remarkably") + len("remarkably"), is_end=True)
    assert html[end - len("remarkably") : end] == "remarkably"


# --- hostile pages ---------------------------------------------------------------------------


def test_malformed_page() -> None:
    html = _fixture("malformed.html")
    extraction = extract_html(html)
    _assert_offsets(html, extraction)
    kept = _kept_text(extraction)
    _assert_in_order(kept, [
        "Work crews began repairing the north harbour wall",
        "Local skippers welcomed the news but asked for faster compensation.",
        "reclaimed granite blocks from the collapsed stretch — a method chosen",
    ])
    assert "HomeNewsSport" not in kept and "Home" not in kept.split()
    assert extraction.metadata.title == "Harbour Repairs Begin After Storm"


def test_login_wall_has_no_kept_blocks() -> None:
    html = _fixture("login_wall.html")
    extraction = extract_html(html)
    _assert_offsets(html, extraction)
    assert extraction.kept == []
    assert any(not b.keep and "Forgot your password" in b.text for b in extraction.blocks)


@pytest.mark.parametrize("html", [
    "", "   ", "<", "<<<>>>", "plain words, no markup at all", "<html><body></body></html>",
    "<p>Only one short line.</p>", "<div>" * 3000 + "deep" + "</div>" * 3000,
    "<p>&#xD800; &#99999999; &bogus; &amp</p>", "\x00\x01<p>\ufffd</p>",
])
def test_hostile_inputs_never_raise(html: str) -> None:
    extraction = extract_html(html)
    _assert_offsets(html, extraction)
    assert extraction.kept == []
    assert sum(b.kind == "title" for b in extraction.blocks) <= 1


#: Pages the loader must parse exactly as trafilatura does: repairs (XML encoding
#: declaration, invalid XML characters, faulty doctype, self-closing html) and rejections.
LOADER_CASES = (
    "", "<", "plain words, no markup at all", "<p>Only one short line.</p>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>Declared encoding</p></body></html>",
    "\x00\x01<html><body><p>control characters</p></body></html>",
    "<html>\udcff<body><p>a lone surrogate empties the str parse</p></body></html>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html><body><p>doctype</p></body></html>",
    "<html/>\n<body><p>self-closing root</p></body>",
    "<html><body><form><label>Name</label><input value='3'><select><option>a</option></select>"
    "<textarea>words</textarea></form><!-- note --><p>after the form</p></body></html>",
    # parsed as UTF-8 bytes unless a repair, a byte-order mark or odd leading space says otherwise
    "<!DOCTYPE html><html><body><p>a page of one line, which the doctype repair ends with a newline</p>",
    "<!doctype html/>\n<html><body><p>a doctype the repair rewrites</p></body></html>",
    "\ufeff<html><body><p>a byte-order mark</p></body></html>",
    "\u00a0\n<html><body><p>a no-break space before the root</p></body></html>",
    "\u3000<p>an ideographic space before a fragment</p><p>two</p>",
    " \t<HTML><body><p>ASCII space before the root</p></body></html>",
    '<html><head><meta charset="windows-1252"></head><body><p>caf\u00e9 \x93quoted\x94</p></body></html>',
    '<html><head><meta charset="shift_jis"></head><body><p>\u65e5\u672c\u8a9e \u0100</p></body></html>',
    "<html><body><p>astral \U0001f600 and \ufffe</p></body></html>",
)

#: Pieces of pages for the generated loader cases: roots, doctypes, spaces, repairs, scripts.
LOADER_PIECES = (
    "<html>", "</html>", "<html/>", "<!DOCTYPE html>", "<!doctype x/>", "<body>", "<p>", "</p>", "\n",
    " ", "\u00a0", "\ufeff", "\x0b", "\ufffe", "caf\u00e9", "\u65e5", "\U0001f600", "<head>",
    '<meta charset="latin-1">', "words", "&amp;", "<!-- c -->",
)


@given(st.lists(st.sampled_from(LOADER_PIECES), max_size=12))
def test_loader_parses_generated_pages_as_trafilatura(pieces: list[str]) -> None:
    # Both the UTF-8 fast path and the repairing path must give trafilatura's tree.
    _same_tree("".join(pieces))


def _same_tree(html: str) -> None:
    ours, theirs = parse_html(html), load_html(html)
    assert (ours is None) == (theirs is None), html[:60]
    if ours is not None and theirs is not None:
        assert tostring(ours) == tostring(theirs), html[:60]


@pytest.mark.parametrize("html", LOADER_CASES)
def test_loader_parses_as_trafilatura(html: str) -> None:
    _same_tree(html)


def test_loader_parses_fixtures_as_trafilatura() -> None:
    for path in sorted(FIXTURES.glob("*.htm*")):
        _same_tree(path.read_text(encoding="utf-8"))


# --- alignment units ------------------------------------------------------------------------


#: Every whitespace character, the invisible ones, and some letters around them.
SPACING = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + INVISIBLE_CHARS + "aé\u4e2d"


@given(st.text(st.one_of(st.sampled_from(SPACING), st.characters())))
def test_visible_drops_exactly_whitespace_and_invisible_characters(text: str) -> None:
    assert visible(text) == "".join(c for c in text if not c.isspace() and c not in INVISIBLE_CHARS)


def test_locate_across_inline_tags_and_entities() -> None:
    html = "<p>Fish &amp; <b>chips</b>, caf&eacute; au\n  lait</p>"
    span = locate(build_text_map(html), "Fish & chips, café au lait")
    assert span is not None
    assert span.text == "Fish & chips, café au lait"
    assert html[span.start : span.end].startswith("Fish") and html[span.start : span.end].endswith("lait")
    covered = {i for a, _, n in span.segments for i in range(a, a + n)}
    for word in ("Fish", "chips", "caf", "au", "lait"):
        start = span.text.index(word)
        assert set(range(start, start + len(word))) <= covered, word
    assert span.text.index("&") not in covered and span.text.index("é") not in covered


def test_locate_words_skips_rewritten_words() -> None:
    html = "<p>The quick brown fox jumps over the lazy dog.</p>"
    span = locate_words(build_text_map(html), "The quick [brown] fox jumps")
    assert span is not None
    for a, r, n in span.segments:
        assert span.text[a : a + n] == html[r : r + n]
    assert span.start == html.index("The") and span.end == html.index(" over")


# --- trailing-teaser rule on synthetic blocks -------------------------------------------------


def _located(texts: list[tuple[str, str, float]]) -> list[tuple[Block, None, float]]:
    return [(Block(text, 0, 0, kind=kind, keep=True), None, linked) for kind, text, linked in texts]


ARTICLE = [("paragraph", "word " * 120, 0.0), ("paragraph", "more prose " * 60, 0.0)]
TEASERS = [("list_item", "Linked headline of another story with a short dek", 0.4)] * 3


@pytest.mark.parametrize(("teaser_links", "dropped"), [(0.3, 3), (0.5, 0)])
def test_trailing_teasers_threshold(teaser_links: float, dropped: int) -> None:
    located = _located(ARTICLE + TEASERS)
    drop_trailing_section(located, teaser_links=teaser_links)
    assert sum(not block.keep for block, _, _ in located) == dropped
    assert all(block.keep for block, _, _ in located[:2])


def test_trailing_cut_never_takes_most_of_the_text() -> None:
    located = _located(TEASERS * 5)
    drop_trailing_section(located)
    assert all(block.keep for block, _, _ in located)


# --- benchmark pages --------------------------------------------------------------------------

@pytest.mark.parametrize("page", INVARIANT_PAGES)
def test_offsets_on_benchmark_pages(bench_dir: Path, page: str) -> None:
    html = (bench_dir / "html" / f"{page}.html").read_text(encoding="utf-8")
    extraction = extract_html(html)
    _assert_offsets(html, extraction)
    assert extraction.kept, "every benchmark page has an article"
    assert sum(b.kind == "title" for b in extraction.blocks) == 1


def _f1(gold: str, pred: str) -> float:
    g, p = Counter(TOKEN_RE.findall(gold.lower())), Counter(TOKEN_RE.findall(pred.lower()))
    tp = sum((g & p).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(p.values()), tp / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _page_text(extraction: Extraction) -> str:
    title = next((b.text for b in extraction.blocks if b.kind == "title" and b.keep), "")
    return title + "\n\n" + "\n\n".join(b.text for b in extraction.kept)


def test_quality_gate_on_benchmark_sample(bench_dir: Path) -> None:
    pages = sorted((bench_dir / "html").glob("*.html"))[::GATE_STEP]
    scores = []
    for path in pages:
        gold = (bench_dir / "gold" / f"{path.stem}.txt").read_text(encoding="utf-8")
        scores.append(_f1(gold, _page_text(extract_html(path.read_text(encoding="utf-8")))))
    assert len(scores) >= 30
    assert sum(scores) / len(scores) >= GATE_FLOOR


def test_loader_parses_benchmark_sample_as_trafilatura(bench_dir: Path) -> None:
    for path in sorted((bench_dir / "html").glob("*.html"))[::GATE_STEP]:
        _same_tree(path.read_text(encoding="utf-8"))


def test_split_article_containers_are_joined(bench_dir: Path) -> None:
    """The article body of this page is cut into same-class containers around ads."""
    page = "d48aeb9cf2f2"
    gold = (bench_dir / "gold" / f"{page}.txt").read_text(encoding="utf-8")
    extraction = extract_html((bench_dir / "html" / f"{page}.html").read_text(encoding="utf-8"))
    g = Counter(TOKEN_RE.findall(gold.lower()))
    p = Counter(TOKEN_RE.findall(_page_text(extraction).lower()))
    assert sum((g & p).values()) / sum(g.values()) >= 0.9


@pytest.mark.parametrize(("snippet", "author"), [
    ('<p class="byline">By Jane Roe</p>', "Jane Roe"),
    ('<div class="post-meta"><span class="author-name">Jane van Roe</span> 3 May 2020</div>', "Jane van Roe"),
    ('<a href="/author/jroe" rel="author">Jane Roe</a>', "Jane Roe"),
])
def test_author_from_byline_when_meta_has_none(snippet: str, author: str) -> None:
    paragraphs = "".join(f"<p>{f'Sentence number {i} of a plain article body. ' * 6}</p>" for i in range(5))
    head = "<head><title>A Plain Headline Here</title></head>"
    html = f"<html>{head}<body><h1>A Plain Headline Here</h1>{snippet}{paragraphs}</body></html>"
    assert extract_html(html).metadata.author == author


def test_anchor_spans_find_link_starts_and_ends_in_one_scan() -> None:
    html = '<p><a href="x">one</a> <abbr>no</abbr><A\nhref="y">two</A ><area><a>three</a\n>'
    opens, closes = anchor_spans(html)
    assert [html[o : o + 2].lower() for o in opens] == ["<a", "<a", "<a"]
    assert opens == [m.start() for m in re.finditer(r"<a\b", html, re.IGNORECASE)]
    assert closes == [m.end() for m in re.finditer(r"</a\s*>", html, re.IGNORECASE)]
    assert len(closes) == 3


#: Letters, ASCII and Unicode whitespace (a file separator too), invisible format characters.
COLLAPSE_ALPHABET = ["a", "é", " ", "\n", "\t", "\xa0", "\u2003", "\x1c", "\u200b", "\xad", "b"]


@given(st.text(alphabet=st.sampled_from(COLLAPSE_ALPHABET)))
def test_collapse_is_a_regex_whitespace_collapse(text: str) -> None:
    """The split-and-join collapse equals collapsing ``\\s+`` runs, and drops invisible-only texts."""
    expected = re.sub(r"\s+", " ", text).strip()
    assert _collapse(text) == (expected if visible(expected) else "")


@given(st.text(alphabet='ab =:-"\'<x', max_size=60), st.text(alphabet="ab -", max_size=20))
def test_attribute_name_is_the_unbounded_searchs(head: str, value: str) -> None:
    # A long attribute first puts the tag's start farther back than the bounded window reaches,
    # so the bounded search must find what the full search does from the tag's start.
    html = '<div data-v="' + "y" * (2 * ATTR_NAME_WINDOW) + '" ' + head + value
    full = ATTR_NAME_RE.search(html, 0, len(html))
    assert attribute_name(html, 0, len(html)) == (full.group(1) if full else None)


def test_attribute_name_stays_fast_inside_a_long_unclosed_tag() -> None:
    # A run of word characters in a tag with no ">" (an inline script's token) once made it quadratic.
    html = "<script " + "x" * 200_000 + ' class="author'
    start = time.perf_counter()
    assert attribute_name(html, 0, len(html)) == "class"
    assert time.perf_counter() - start < 0.5


@given(st.sets(st.text(alphabet="abc1", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="abc1", max_size=5))
def test_alternation_matches_exactly_its_words(words: set[str], probe: str) -> None:
    # The prefix-factored tag-name patterns must match the same names as a plain "a|b|c" list.
    pattern = re.compile(_alternation(words))
    for candidate in (*words, probe):
        assert bool(pattern.fullmatch(candidate)) == (candidate in words)

