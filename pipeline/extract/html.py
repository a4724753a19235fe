"""Boilerplate removal for HTML pages, with exact offsets into the decoded page source.

trafilatura picks the main content; its output tree is turned into typed blocks
(headings, paragraphs, list items), each located in the raw HTML by
:mod:`pipeline.extract.html_align`. Paragraphs of an article split over same-class containers
are added back, then generic filters (rules in :mod:`pipeline.extract.html_rules`) drop what
trafilatura keeps by mistake: boxes inside boilerplate landmarks, trailing teasers,
promotions, page-furniture lines, bylines. Every other text block of the page is
returned too, unkept, with the reason it was dropped, so an analyst can audit it.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right

import trafilatura
from htmldate import find_date
from lxml.etree import ElementDefaultClassLookup, _Element
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    fromstring,
)
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
)
from trafilatura.settings import Extractor
from trafilatura.utils import DOCTYPE_TAG, is_dubious_html, repair_faulty_html

from pipeline.extract import html_rules as rules
from pipeline.extract.html_align import (
    Span,
    TextMap,
    anchor_spans,
    body_flat_start,
    build_text_map,
    group_flat_range,
    groups_span,
    labelled_text,
    lead_link_share,
    locate,
    locate_words,
    rule_at,
    visible,
)
from pipeline.extract.html_rules import RULE_NO_ARTICLE, RULE_NOT_MAIN, RULE_TITLE_DUPLICATE
from pipeline.records import Block, Extraction, Metadata

LOGGER = logging.getLogger(__name__)

EXTRACTOR = f"pipeline.extract.html+trafilatura {trafilatura.__version__}"

#: trafilatura output tags and the block kind they become; other tags are walked into.
KIND_BY_TAG = {
    "head": "heading", "p": "paragraph", "item": "list_item", "quote": "paragraph", "code": "paragraph",
}
#: Tags whose children are blocks of their own (so their text is not one block).
CONTAINER_TAGS = frozenset({"body", "list", "div", "quote"})
#: Children that make a table cell a container of blocks rather than a piece of a row.
BLOCK_CHILD_TAGS = frozenset({"p", "head", "list", "quote", "table", "code"})
#: htmldate runs without its extensive search: the date is a convenience and the
#: extensive scan costs as much as the content extraction itself.
DATE_EXTENSIVE_SEARCH = False


def _parser() -> HTMLParser:
    """trafilatura's HTML parser settings, with lxml's C-level element class lookup.

    ``lxml.html`` picks each element's Python class with a lookup written in Python,
    called every time trafilatura touches an element: on the benchmark pages that is
    about 6% of the HTML stage. The plain lookup gives every element the same
    ``HtmlElement`` class (no form-field subclasses, which nothing here uses), and
    trafilatura's output and the metadata are identical on every benchmark page.
    """
    parser = HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    lookup = ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
    parser.set_element_class_lookup(lookup)
    return parser


PARSER = _parser()


def _collapse(text: str) -> str:
    """Collapse whitespace runs to one space and trim; "" when nothing visible is left.

    A text of only invisible characters (a zero-width space used as a spacer) is no block;
    they only occur in non-ASCII text. ``str.split`` cuts at exactly the characters a regex's
    whitespace class matches (every code point checked) at a third of a substitution's cost,
    and this runs on every element of trafilatura's output.
    """
    text = " ".join(text.split())
    return text if text.isascii() or visible(text) else ""


def _own_text(element: _Element) -> str:
    """Text of an element without nested lists (they become blocks of their own).

    Line breaks (``lb``) count as spaces so words on both sides are not glued.
    """
    parts = [element.text or ""]
    for child in element:
        if child.tag != "list":
            parts.append(" " if child.tag == "lb" else _own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


Item = tuple[str, str]
"""A content block from trafilatura: kind and clean text."""


def _item(kind: str, element: _Element) -> Item | None:
    """The block for one element, or None when it has no text."""
    text = _collapse(_own_text(element))
    return (kind, text) if text else None


def content_blocks(body: _Element) -> list[Item]:
    """(kind, text) of each block of trafilatura's output tree, in document order.

    Loose text between blocks (a container's text, a block's tail) is a paragraph of
    its own: trafilatura leaves some paragraphs that way (benchmark page 287e4d9f4af3).
    """
    blocks: list[Item] = []
    if loose := _collapse(body.text or ""):
        blocks.append(("paragraph", loose))
    for element in body:
        blocks.extend(_element_blocks(element))
        if loose := _collapse(element.tail or ""):
            blocks.append(("paragraph", loose))
    return blocks


def _element_blocks(element: _Element) -> list[Item]:
    """Blocks of one element of trafilatura's output tree."""
    blocks: list[Item] = []
    tag = str(element.tag)
    if tag == "table":
        for row in element.iter("row"):
            blocks.extend(_row_blocks(row))
    elif tag == "quote" and len(element) and element[0].tag == "p":
        blocks.extend(content_blocks(element))
    elif tag in KIND_BY_TAG:
        item = _item(KIND_BY_TAG[tag], element)
        if item:
            blocks.append(item)
        if tag == "item":
            blocks.extend(b for child in element if child.tag == "list" for b in content_blocks(child))
    elif tag in CONTAINER_TAGS:
        blocks.extend(content_blocks(element))
    return blocks


def _row_blocks(row: _Element) -> list[Item]:
    """A table row as one paragraph of its cells, except cells that hold blocks.

    Layout tables put whole articles in one cell (benchmark page d90bda7ed14d): such
    a cell's paragraphs and headings stay separate blocks instead of being glued.
    """
    blocks: list[Item] = []
    inline: list[Item] = []
    for cell in row:
        if any(child.tag in BLOCK_CHILD_TAGS for child in cell):
            blocks.extend(content_blocks(cell))
        elif item := _item("paragraph", cell):
            inline.append(item)
    if not inline:
        return blocks
    return [("paragraph", " ".join(text for _, text in inline)), *blocks]


def page_metadata(tree: HtmlElement) -> Metadata:
    """Title, author, date and site name, as trafilatura's metadata extractor finds them.

    This follows ``trafilatura.metadata.extract_metadata`` but skips categories, tags
    and licence, which the pipeline does not use, and its author search over the whole
    tree, which costs a quarter of the extraction time: an author missing from the meta
    tags and JSON-LD is read from the byline instead (:func:`byline_author`).
    """
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    if not (meta.title and meta.author and meta.sitename):
        # JSON-LD only fills gaps: reading it costs more than all the meta tags together
        try:
            meta = extract_meta_json(tree, meta)
        except Exception as exc:  # trafilatura's JSON-LD reader raises on odd markup
            LOGGER.debug("JSON-LD metadata unreadable: %s", exc)
    title = meta.title or extract_title(tree) or ""
    author = meta.author or ""
    date = find_date(tree, url=meta.url, extensive_search=DATE_EXTENSIVE_SEARCH, original_date=True) or ""
    site = (meta.sitename or extract_sitename(tree) or "").lstrip("@")
    return Metadata(title=_collapse(title), author=_collapse(author), date=date, site=_collapse(site))


def _block(span: Span, kind: str, *, keep: bool, rule: str) -> Block:
    """A block from a located span."""
    return Block(span.text, span.start, span.end, kind=kind, keep=keep, rule=rule, segments=span.segments)


Located = list[tuple[Block, Span | None, float]]
"""Content blocks with their located span (None if not found) and their
:func:`~pipeline.htmlalign.lead_link_share`, measured on the raw page since
trafilatura's ``include_links`` changes which text it keeps."""


def align_content(tmap: TextMap, items: list[Item]) -> Located:
    """Locate each content block in the page, in order; unfound ones keep their text.

    A block found nowhere (neither verbatim nor word by word) gets an empty span at the
    end of the previous block: its position in reading order, with no claimed source.
    """
    located: Located = []
    cursor = body_flat_start(tmap)
    raw_cursor = 0
    anchors = anchor_spans(tmap.html)
    for kind, text in items:
        span = locate(tmap, text, cursor=cursor) or locate_words(tmap, text, cursor=cursor)
        if span is None:
            LOGGER.debug("block not found in page: %.60r", text)
            block = Block(text, raw_cursor, raw_cursor, kind=kind, keep=True, rule="unaligned")
        else:
            block = _block(span, kind, keep=True, rule="")
            cursor, raw_cursor = span.flat_end, span.end
        located.append((block, span, lead_link_share(block, anchors)))
    return located


def _kept(located: Located) -> list[Block]:
    """Blocks still kept, in order."""
    return [block for block, _, _ in located if block.keep]


def _drop(block: Block, rule: str) -> None:
    """Unkeep a content block, saying why."""
    block.keep, block.rule = False, rule


def drop_landmark_blocks(
    tmap: TextMap, located: Located, *, max_share: float = rules.LANDMARK_MAX_SHARE
) -> None:
    """Drop kept blocks inside boilerplate landmarks that hold a minority of the kept text."""
    by_rule: dict[str, list[Block]] = {}
    for block, span, _ in located:
        if block.keep and span is not None:
            by_rule.setdefault(rule_at(tmap, span.flat_start), []).append(block)
    total = sum(len(b.text) for b in _kept(located)) or 1
    for rule, blocks in by_rule.items():
        if rule in rules.BOILERPLATE_LANDMARKS and sum(len(b.text) for b in blocks) < max_share * total:
            for block in blocks:
                _drop(block, f"inside {rule}")


def _words(block: Block) -> int:
    """Number of whitespace-separated words in a block."""
    return len(block.text.split())


def _is_tail_noise(block: Block, linked: float, teaser_links: float) -> bool:
    """A short unlinked closing line (copyright, ISSN) that may follow a teaser list."""
    return _words(block) <= rules.TAIL_NOISE_WORDS and linked < teaser_links


def _is_section_title(block: Block, max_words: int) -> bool:
    """A heading, or a paragraph of a few words with no sentence punctuation ("Top stories")."""
    words = _words(block)
    if block.kind == "heading":
        return words <= max_words
    short = words <= rules.SECTION_PARAGRAPH_MAX_WORDS
    return block.kind == "paragraph" and short and block.text[-1:] not in ".!?"


def _teaser_cut(
    kept: list[tuple[Block, float]], *, teaser_words: int, teaser_links: float, min_run: int
) -> int | None:
    """Start of a run of at least ``min_run`` linked teasers at the end (with its heading)."""
    end = len(kept)
    while end > 0 and len(kept) - end < rules.TAIL_NOISE_BLOCKS:
        if not _is_tail_noise(*kept[end - 1], teaser_links):
            break
        end -= 1
    index = end
    while index > 0 and _words(kept[index - 1][0]) <= teaser_words and kept[index - 1][1] >= teaser_links:
        index -= 1
    if end - index < min_run:
        return None
    return index - 1 if index > 0 and kept[index - 1][0].kind == "heading" else index


def _section_cuts(kept: list[tuple[Block, float]], *, max_words: int, teaser_words: int) -> list[int]:
    """Starts of boilerplate-titled sections followed only by teaser-sized blocks, last first."""
    cuts: list[int] = []
    for position in range(len(kept) - 1, 0, -1):
        block = kept[position][0]
        if _is_section_title(block, max_words) and rules.TRAILING_SECTION_RE.match(block.text):
            cuts.append(position)
        elif _words(block) > teaser_words:
            break
    return cuts


def drop_trailing_section(
    located: Located,
    *,
    max_share: float = rules.TRAILING_MAX_SHARE,
    max_words: int = rules.TRAILING_HEADING_MAX_WORDS,
    teaser_words: int = rules.TEASER_MAX_WORDS,
    teaser_links: float = rules.TEASER_MIN_LINK_SHARE,
    min_run: int = rules.TEASER_MIN_RUN,
) -> None:
    """Drop trailing teasers and boilerplate-titled sections ("Top stories", "Related").

    Candidate cuts are a run of linked teasers at the end and every boilerplate-titled
    section after the last long paragraph; the earliest cut that removes less than
    ``max_share`` of the kept text wins (more means the "teasers" are the article).
    """
    kept = [(block, linked) for block, _, linked in located if block.keep]
    candidates = _section_cuts(kept, max_words=max_words, teaser_words=teaser_words)
    teasers = _teaser_cut(kept, teaser_words=teaser_words, teaser_links=teaser_links, min_run=min_run)
    if teasers is not None:
        candidates.append(teasers)
    total = sum(len(block.text) for block, _ in kept) or 1
    allowed = [c for c in candidates if c > 0 and sum(len(b.text) for b, _ in kept[c:]) <= max_share * total]
    if not allowed:
        return
    for block, _ in kept[min(allowed) :]:
        _drop(block, "trailing boilerplate section")


def is_boilerplate_line(text: str) -> bool:
    """True when a line is worded like page furniture: a furniture line, or a newsletter pitch."""
    return bool(rules.BOILERPLATE_LINE_RE.match(text) or rules.NEWSLETTER_PITCH_RE.search(text))


def drop_boilerplate_lines(located: Located, *, max_words: int = rules.BOILERPLATE_LINE_MAX_WORDS) -> None:
    """Drop short kept blocks worded like page furniture (copyright, share, subscribe)."""
    for block in _kept(located):
        if len(block.text.split()) <= max_words and is_boilerplate_line(block.text):
            _drop(block, "boilerplate line")


def drop_promo_markers(located: Located, *, teaser_links: float = rules.TEASER_MIN_LINK_SHARE) -> None:
    """Drop "DON'T MISS"-style lines and the linked teasers that follow them."""
    dropping = False
    for block, _, linked in located:
        if not block.keep:
            continue
        if rules.PROMO_MARKER_RE.match(block.text):
            _drop(block, "promotion")
            dropping = True
        elif dropping and linked >= teaser_links:
            _drop(block, "promotion")
        else:
            dropping = False


def drop_link_lines(
    located: Located,
    *,
    min_share: float = rules.LINK_LINE_MIN_SHARE,
    max_words: int = rules.LINK_LINE_MAX_WORDS,
) -> None:
    """Drop short paragraphs and headings that are nothing but a link (promoted headlines)."""
    for block, _, linked in located:
        if block.keep and block.kind != "list_item" and linked >= min_share and _words(block) <= max_words:
            _drop(block, "link line")


def drop_leading_bylines(
    located: Located,
    metadata: Metadata,
    *,
    max_words: int = rules.BYLINE_MAX_WORDS,
    scan: int = rules.BYLINE_SCAN_BLOCKS,
) -> None:
    """Drop bylines and datelines among the first kept blocks (they go to metadata)."""
    for block in _kept(located)[:scan]:
        text = block.text
        if len(text.split()) > max_words or block.kind == "heading":
            continue
        is_author = bool(metadata.author) and text in {metadata.author, f"By {metadata.author}"}
        if is_author or rules.BYLINE_RE.match(text):
            _drop(block, "byline or dateline")


def drop_if_no_article(located: Located, *, min_words: int = rules.MIN_ARTICLE_WORDS) -> None:
    """Unkeep everything when what is left is too short to be an article."""
    kept = _kept(located)
    if sum(_words(block) for block in kept) < min_words:
        for block in kept:
            _drop(block, RULE_NO_ARTICLE)


def _title_candidates(title: str) -> list[str]:
    """The metadata title, then its longest part when it carries a site or section name."""
    parts = [part.strip() for part in rules.TITLE_SEPARATOR_RE.split(title)]
    longest = max(parts, key=len)
    if len(parts) > 1 and len(longest.split()) >= rules.TITLE_PART_MIN_WORDS:
        return [title, longest]
    return [title]


def title_block(tmap: TextMap, title: str) -> tuple[Block, Span | None]:
    """The page title, located at its headline in the body when there is one.

    The headline is the title as shown on the page: a title "Headline | Site" whose
    body only shows "Headline" becomes "Headline". Failing that, the title is located
    wherever it occurs (usually the ``<title>`` element); a title found nowhere (an
    ``og:title`` the page does not show) gets the empty span at offset 0.
    """
    body = body_flat_start(tmap)
    for candidate in _title_candidates(title):
        span = locate(tmap, candidate, cursor=body)
        if span is not None and span.flat_start >= body:
            return _block(span, "title", keep=True, rule=""), span
    for candidate in _title_candidates(title):
        if (span := locate(tmap, candidate)) is not None:
            return _block(span, "title", keep=True, rule=""), span
    return Block(title, 0, 0, kind="title", keep=True, rule="title not found in page"), None


def removed_blocks(tmap: TextMap, taken: list[tuple[int, int]], *, default_rule: str) -> list[Block]:
    """Unkept blocks for the page text outside every kept span.

    Consecutive raw groups (text between block-level tags) with the same reason form
    one block: a menu is one "nav element" block, not one per link, which keeps the
    audit readable and the cost low on link-heavy pages.
    """
    taken.sort()
    starts = [s for s, _ in taken]
    blocks: list[Block] = []
    run: tuple[int, int, str] | None = None
    for group in range(tmap.groups):
        flat_start, flat_end = group_flat_range(tmap, group)
        i = bisect_right(starts, flat_end - 1) - 1
        if flat_end <= flat_start or (i >= 0 and taken[i][1] > flat_start):
            blocks.extend(_run_block(tmap, run))
            run = None
            continue
        rule = tmap.group_rules[group] or default_rule
        if run is not None and run[2] == rule:
            run = (run[0], group, rule)
        else:
            blocks.extend(_run_block(tmap, run))
            run = (group, group, rule)
    blocks.extend(_run_block(tmap, run))
    return blocks


def _run_block(tmap: TextMap, run: tuple[int, int, str] | None) -> list[Block]:
    """The unkept block of a run of raw groups (none when empty)."""
    if run is None:
        return []
    span = groups_span(tmap, run[0], run[1])
    if span is None or not span.text:
        return []
    return [_block(span, "paragraph", keep=False, rule=run[2])]


#: trafilatura's settings for :func:`_run_trafilatura`, built once: ``bare_extraction`` builds
#: them anew on every call when given keywords (reading its config file's values each time,
#: 0.3 ms a page), and nothing in an extraction changes them.
TRAFILATURA_OPTIONS = Extractor(
    output_format="xml", comments=False, dedup=False, fast=True, tables=True, formatting=False
)


def _run_trafilatura(tree: HtmlElement) -> _Element | None:
    """trafilatura's main-content tree for the page, or None when it finds no article.

    Options (:data:`TRAFILATURA_OPTIONS`): ``fast=True`` (no readability/jusText
    comparison) in balanced mode was measured best on the benchmark together with the
    filters here (mean F1 with title 0.972, vs 0.971 fast+recall, 0.968 full balanced,
    0.966 full precision, 0.959 fast+precision) and is about 40% quicker than the full
    cascade, which pays for offsets and metadata.
    ``include_links`` stays off: it changes which paragraphs trafilatura keeps.
    ``output_format="xml"`` only stops trafilatura rendering the tree as plain text
    (its default "python" format does), which nothing here reads: the blocks come from
    the tree itself.
    """
    document = trafilatura.bare_extraction(tree, options=TRAFILATURA_OPTIONS)
    if document is None or isinstance(document, dict):
        return None
    body: _Element | None = document.body
    return body


def _article_container(tree: HtmlElement, items: list[Item], *, probe: int) -> HtmlElement | None:
    """The element holding the first kept paragraphs as ``<p>`` children, if it has a class."""
    wanted = {text for kind, text in items if kind == "paragraph"}
    for seen, paragraph in enumerate(tree.iter("p")):
        if seen >= probe:
            break
        if _collapse(paragraph.text_content()) in wanted:
            parent = paragraph.getparent()
            return parent if parent is not None and parent.get("class") else None
    return None


def continuation_blocks(
    tree: HtmlElement,
    items: list[Item],
    *,
    probe: int = rules.CONTINUATION_PROBE,
    min_words: int = rules.CONTINUATION_MIN_WORDS,
) -> list[Item]:
    """Paragraphs of the article's later parts, when the page splits it into containers.

    Sites cut long articles into several elements of the same tag and class, with ads
    or widgets in between; trafilatura keeps the first only (benchmark pages
    d48aeb9cf2f2, 2f42ef1d3ea0). Like readability's sibling rule, elements sharing the
    article container's exact class are taken as the same article.
    """
    container = _article_container(tree, items, probe=probe)
    if container is None:
        return []
    kept = {text for _, text in items}
    found: list[Item] = []
    for element in tree.iter(str(container.tag)):
        if element is container or element.get("class") != container.get("class"):
            continue
        for paragraph in element.iterchildren("p"):
            text = _collapse(paragraph.text_content())
            if len(text.split()) < min_words or text in kept:
                continue
            linked = sum(len(_collapse(link.text_content())) for link in paragraph.iter("a"))
            if linked < rules.CONTINUATION_MAX_LINK_SHARE * len(text):
                found.append(("paragraph", text))
    return found


def extract_html(html: str) -> Extraction:
    """Split a decoded HTML page into kept content blocks and removed blocks.

    Never raises on bad input: a page that cannot be parsed, or has no article,
    yields an Extraction without kept blocks (and the title when one is known).
    """
    tmap = build_text_map(html)
    tree = parse_html(html)
    metadata = Metadata()
    items: list[Item] = []
    if tree is not None:
        body = _safe_trafilatura(tree)
        items = content_blocks(body) if body is not None else []
        items += continuation_blocks(tree, items)
        metadata = _safe_metadata(tree)
    return assemble(tmap, items, metadata)


def assemble(tmap: TextMap, items: list[Item], metadata: Metadata) -> Extraction:
    """Locate content blocks and the title, add removed blocks, sort in page order."""
    located = align_content(tmap, items)
    drop_landmark_blocks(tmap, located)
    drop_trailing_section(located)
    drop_boilerplate_lines(located)
    drop_promo_markers(located)
    drop_link_lines(located)
    drop_leading_bylines(located, metadata)
    drop_if_no_article(located)
    blocks: list[Block] = []
    taken: list[tuple[int, int]] = []
    title, title_span = (None, None)
    if metadata.title:
        title, title_span = title_block(tmap, metadata.title)
        if title_span is not None:
            taken.append((title_span.flat_start, title_span.flat_end))
    for block, span, _ in located:
        if title is not None and block.kind == "heading" and _collapse(block.text) == _collapse(title.text):
            block.keep, block.rule = False, RULE_TITLE_DUPLICATE
        if span is not None:
            taken.append((span.flat_start, span.flat_end))
        blocks.append(block)
    default_rule = RULE_NOT_MAIN if any(block.keep for block, _, _ in located) else RULE_NO_ARTICLE
    blocks.extend(removed_blocks(tmap, taken, default_rule=default_rule))
    if title is not None:
        blocks.append(title)
    blocks.sort(key=lambda b: (b.start, b.end))
    if not metadata.author:
        metadata.author = byline_author(blocks) or labelled_author(tmap)
    return Extraction(blocks=blocks, metadata=metadata, extractor=EXTRACTOR)


def labelled_author(tmap: TextMap) -> str:
    """The first person's name in ``class="author"``-style markup, or ""."""
    hits = rules.AUTHOR_ATTR_MAX_HITS
    for text in labelled_text(tmap, rules.AUTHOR_ATTR_WORDS, rules.AUTHOR_ATTR_NAMES, limit=hits):
        if match := rules.AUTHOR_NAME_RE.match(text):
            return match.group("name")
    return ""


def byline_author(blocks: list[Block], *, scan: int = rules.AUTHOR_SCAN_BLOCKS) -> str:
    """The name in a "By ..." line among the first blocks after the title, or ""."""
    start = next((i + 1 for i, block in enumerate(blocks) if block.kind == "title"), 0)
    for block in blocks[start : start + scan]:
        if match := rules.BYLINE_AUTHOR_RE.match(block.text):
            return match.group("name").rstrip(".,")
    return ""


def parse_html(html: str) -> HtmlElement | None:
    """Parse the page as trafilatura's ``load_html`` parses a string, with :data:`PARSER`.

    Its repairs are kept: invalid XML characters and a faulty doctype are removed,
    a string lxml refuses (an XML encoding declaration) or reads as empty (a lone
    surrogate) is parsed as UTF-8 bytes, and
    a page that neither says "html" near its start nor parses to two elements is no page.
    Most pages need no repair; they are parsed as UTF-8 bytes at once (:func:`_plain_utf8`).
    """
    beginning = html[:50].lower()
    try:
        data = _plain_utf8(html, beginning)
        tree = fromstring(data, parser=PARSER) if data is not None else _parse_repaired(html, beginning)
    except Exception as exc:  # lxml raises several types on hostile input
        LOGGER.debug("unparseable HTML: %s", exc)
        return None
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None
    return tree


def _parse_repaired(html: str, beginning: str) -> HtmlElement | None:
    """``load_html``'s way: repair the string, parse it, and parse its UTF-8 bytes if that fails."""
    html = repair_faulty_html(html, beginning)
    try:
        tree: HtmlElement | None = fromstring(html, parser=PARSER)
    except Exception:  # lxml refuses a str with an encoding declaration, or an empty one
        tree = None
    if tree is None or len(tree) < 1:
        tree = fromstring(html.encode("utf-8", "surrogatepass"), parser=PARSER)
    return tree


#: The ASCII characters ``repair_faulty_html`` deletes (its ``INVALID_XML_CHARS`` without
#: U+FFFE and U+FFFF), as UTF-8 bytes: each is one byte no other character's encoding holds.
INVALID_XML_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
#: Leading whitespace that a str pattern's ``\s`` skips and a bytes pattern's does not:
#: ``lxml.html.fromstring`` tells a document from a fragment by ``^\s*<(?:html|!doctype)``.
UNICODE_LEADING_SPACE_RE = re.compile(r"[ \t\n\r\f\v]*[^\S \t\n\r\f\v]")


def _plain_utf8(html: str, beginning: str) -> bytes | None:
    """The page as UTF-8 bytes when ``load_html`` would parse it unchanged, else None.

    lxml hands a str to libxml2 as Latin-1, UCS-2 or UCS-4 with that encoding named, and
    bytes with :data:`PARSER`'s UTF-8, so the same characters make the same tree; the bytes
    are read without the conversion, and checking them for the characters
    ``repair_faulty_html`` deletes is a C table pass, where its regex substitution took a
    quarter of the parse. None (the repairing path) when a repair would change the page,
    when it holds a lone surrogate or starts with a byte-order mark, or when its leading
    whitespace makes ``lxml.html.fromstring`` tell a document from a fragment differently.
    """
    if html.startswith("\ufeff") or UNICODE_LEADING_SPACE_RE.match(html):
        return None
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if len(data.translate(None, INVALID_XML_BYTES)) != len(data) or "\ufffe" in html or "\uffff" in html:
        return None
    return data if _repairs_nothing(html, beginning) else None


def _repairs_nothing(html: str, beginning: str) -> bool:
    """True when ``repair_faulty_html``'s doctype and ``<html/>`` repairs leave the page as it is.

    The doctype repair rewrites the first line (and ends a page of one line with a newline)
    when "doctype" is in ``beginning``; the other rewrites a self-closed ``<html .../>``
    found on one of the first four lines. Invalid characters are checked by the caller.
    """
    if "doctype" in beginning:
        newline = html.find("\n")
        if newline < 0 or DOCTYPE_TAG.match(html, 0, newline):
            return False
    return not any("<html" in line and line.endswith("/>") for line in html[:4096].splitlines()[:4])


def _safe_trafilatura(tree: HtmlElement) -> _Element | None:
    """Run trafilatura, treating any internal failure as "no article found"."""
    try:
        return _run_trafilatura(tree)
    except Exception as exc:  # a bug inside trafilatura must not stop a batch
        LOGGER.warning("trafilatura failed: %s", exc)
        return None


def _safe_metadata(tree: HtmlElement) -> Metadata:
    """Page metadata, or empty metadata when the extractors fail."""
    try:
        return page_metadata(tree)
    except Exception as exc:  # metadata is optional; never lose the content over it
        LOGGER.warning("metadata extraction failed: %s", exc)
        return Metadata()
