"""Rules for HTML boilerplate removal, kept as data so a reviewer sees them in one place.

Tag sets drive the raw-HTML scanner (:mod:`pipeline.extract.html_align`); landmark rules name
why a removed block was dropped; the boilerplate vocabulary drives the post-filter
that trims what trafilatura keeps by mistake at the edges of an article.
"""

from __future__ import annotations

import re

#: Elements whose content is never visible text (their bodies are skipped, not scanned).
RAW_TEXT_TAGS = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object")

#: Elements that start a new visual block: text on both sides belongs to different blocks.
BLOCK_TAGS = (
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "label", "legend", "li", "main", "menu",
    "nav", "ol", "option", "p", "pre", "section", "select", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "title", "tr", "ul",
)

#: Landmark elements and the removal reason their content gets (HTML5 sectioning semantics).
LANDMARK_TAG_RULES: dict[str, str] = {
    "nav": "nav element",
    "footer": "footer element",
    "aside": "aside",
    "header": "header element",
    "form": "form",
    "title": "head title",
    "menu": "nav element",
    "figcaption": "figure caption",
}

#: class/id vocabulary and the removal reason it implies, checked in this order (first
#: wins). A class/id value is split into lowercase tokens at spaces, "-" and "_"; a token
#: matches when it starts with one of the stems (so "comments", "commentlist" and
#: "shareButtons" match) or equals one of the exact words (short words such as "ad" would
#: otherwise match "address"). The groups follow trafilatura's ``xpaths.py`` discard
#: lists, grouped by intent.
LANDMARK_ATTR_RULES: tuple[tuple[str, tuple[str, ...], frozenset[str]], ...] = (
    ("comments", ("comment", "disqus", "respond", "repl"), frozenset()),
    ("share bar", ("share", "social", "sharing"), frozenset()),
    ("related", ("related", "recommend", "trending", "popular", "readmore", "morestories"), frozenset()),
    ("newsletter", ("newsletter", "subscri", "signup"), frozenset()),
    ("navigation", ("nav", "menu", "breadcrumb"), frozenset()),
    ("sidebar", ("sidebar", "widget"), frozenset()),
    ("footer", ("footer", "copyright"), frozenset()),
    ("cookie banner", ("cookie", "consent", "gdpr"), frozenset()),
    ("advertisement", ("advert", "sponsor", "promo"), frozenset({"ad", "ads"})),
)

#: Only these tags are examined for class/id landmarks (containers, not inline tags).
LANDMARK_ATTR_TAGS = ("div", "section", "ul", "ol", "aside", "footer", "header", "nav", "form")

#: Reason for content-free text that is in no landmark: trafilatura did not select it.
RULE_NOT_MAIN = "trafilatura.not_main"
#: Reason for every text block when trafilatura finds no article at all.
RULE_NO_ARTICLE = "trafilatura.no_main_content"
#: Reason for a kept heading that repeats the page title (the title block stands for it).
RULE_TITLE_DUPLICATE = "duplicate of title"

#: Characters dropped before text is matched against the page: whitespace (layout, not
#: content) and invisible format characters that trafilatura's sanitizer deletes.
INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

#: Landmarks whose text is boilerplate even when trafilatura keeps it (a newsletter box
#: or related-links list inside the article container: benchmark pages 08f793762792,
#: 9a440270bf86; an article ``<header>`` with kicker, standfirst and byline, which the
#: gold never has: 042bb7b5feda, 7ab16ade3238 and seven more). "form" is left out: some sites wrap the
#: whole page in a form.
BOILERPLATE_LANDMARKS = frozenset({
    "nav element", "footer element", "aside", "header element", "comments", "share bar", "related",
    "newsletter", "navigation", "sidebar", "footer", "cookie banner", "advertisement",
})
#: A landmark rule is applied only while its blocks hold less than this share of the kept
#: text: a majority means the "landmark" is a wrapper around the article itself
#: (class="has-sidebar"), not a box inside it.
LANDMARK_MAX_SHARE = 0.4

#: Headings that open a trailing boilerplate section (teasers, newsletter, comments).
#: Everything from such a heading to the end of the kept text is dropped (benchmark
#: page d90bda7ed14d: "Top stories", "Partner news" teasers after the article).
TRAILING_SECTION_RE = re.compile(
    r"^(?:top|related|recommended|popular|trending|latest|more|most|other|partner|sponsored|editor'?s?|"
    r"you (?:may|might) (?:also )?like|read (?:more|next|also)|also read|further reading|"
    r"(?:leave|post) a (?:reply|comment)|comments?|share (?:this|the)|follow us|sign up|subscribe|"
    r"newsletter|about the author|tags?|filed under|see also|what to read next)\b",
    re.IGNORECASE,
)
#: A trailing-section heading is at most this many words ("More from our partners").
TRAILING_HEADING_MAX_WORDS = 8
#: Pages that style section titles as paragraphs ("Top stories" in a ``<p>``, benchmark
#: page d90bda7ed14d): such a title has at most this many words and no end punctuation.
SECTION_PARAGRAPH_MAX_WORDS = 4
#: Blocks of a teaser section are short (a linked headline plus a one-line dek); a longer
#: block after the heading means it titles real content ("Share this information,
#: please?" before the closing paragraphs of benchmark page ec7fc408c5ce).
TEASER_MAX_WORDS = 40
#: A block counts as a teaser when at least this share of its text is link text: a
#: linked headline over an unlinked dek is about a third links (benchmark pages
#: 08f793762792, 9a440270bf86); article prose is far below.
TEASER_MIN_LINK_SHARE = 0.25
#: Linked blocks at the end form a teaser list only from this many on; a single linked
#: closing line ("Originally published on ...") is often in the gold.
TEASER_MIN_RUN = 2
#: Up to this many unlinked closing lines of teaser length after a teaser list (a
#: copyright or ISSN line, an author bio: benchmark pages 94fbcc267720, 686bb170effe)
#: do not hide the list from the teaser rule.
TAIL_NOISE_BLOCKS = 2
TAIL_NOISE_WORDS = TEASER_MAX_WORDS
#: The cut may remove at most this share of the kept text; more means the heading is a
#: real section title ("More than 100 protesters...", "Latest results" in a report).
TRAILING_MAX_SHARE = 0.35

#: Short kept paragraphs that are page furniture, not article text (benchmark pages
#: f8ff621a0b9b "Order Reprints", "Write to X at x@y.com"; 08f793762792 "Thanks for signing
#: up!"). Copyright, "Follow us" and "Click here" lines are *not* listed: the benchmark's
#: hand-made gold keeps them as often as not (c467d507551a, abd9d6291b6b, a860fb5eda1a).
#: Every shape is anchored at the line's start: use ``match``.
BOILERPLATE_LINE_RE = re.compile(
    r"^(?:share|tweet|e-?mail|print|comment|save)(?: (?:this|article|story|on \w+))?$"
    r"|^(?:order reprints|print article|thanks? (?:you )?for (?:signing up|subscribing)\b"
    r"|sorry!?$|thank you!?$"
    r"|an error has occurred|there was an error|this (?:article|story) has been sent|"
    r"this copy is for your personal|advertisement$)"
    r"|^write to \S.* at \S+@\S+$"
    # a bare URL (ef2b3f268a67) or a leaked CMS shortcode "[button ...]...[/button]" (30b771a40a4e)
    r"|^https?://\S+$|^\[\w+[^\]]*\].*\[/\w+\]$|^[\w ]{1,20}:\s*https?://\S+"
    # a lone "Updated at 1:23 p.m." / "Published 3 hours ago" line (6ebac05f637e)
    r"|^(?:updated|published|posted|last updated)\b[^.]{0,30}(?:\d|ago)[^.]{0,12}\.?$"
    # an in-body link line "Related: Other headline" (686bb170effe, 3c5bf8db4272)
    r"|^related:\s",
    re.IGNORECASE,
)
#: A newsletter pitch, anywhere in a short kept paragraph (55bb6340e3d7 "Sign up for ... the
#: free daily newsletter"). Apart from the line shapes above: searching one pattern for both
#: tried all the anchored shapes at every character, five times the cost of the two.
NEWSLETTER_PITCH_RE = re.compile(
    r"\b(?:sign up|subscribe)\b.{0,80}\bnewsletter\b|\bnewsletter\b.{0,80}\b(?:sign up|subscribe)\b",
    re.IGNORECASE,
)
#: A short line announcing promoted links inside or after the article ("DON'T MISS",
#: "Related articles"); it and the linked teasers right after it are dropped
#: (benchmark pages 624fcd903d56, ba4dfe2d3e81).
PROMO_MARKER_RE = re.compile(
    r"^(?:don'?t miss|must read|related(?: (?:stories|articles|posts|news|coverage|content))?|see also|"
    r"read (?:more|also|next)|also read|recommended(?: for you)?|more (?:stories|news|from \w+)|"
    r"trending(?: now)?|most (?:read|popular)|comments?|\d+ comments?|tell us what you think)\W*$",
    re.IGNORECASE,
)
#: Boilerplate lines are short; a long paragraph that starts with "Follow" is prose.
BOILERPLATE_LINE_MAX_WORDS = 30

#: A leading dateline or byline ("November 20, 2019 - 11:28 AMT", "By Jane Doe",
#: "Updated at 1:23 p.m."): the gold never has them (benchmark README).
BYLINE_RE = re.compile(
    r"^(?:by\s+\S|posted\b|published\b|updated\b|last updated\b|written by\b)"
    r"|^(?:\w+,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|^\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}"
    r"|^\d{4}-\d{2}-\d{2}",
    re.IGNORECASE,
)
#: Bylines and datelines are short ("By Jane Doe and John Roe, Reuters | Nov 20, 2019").
BYLINE_MAX_WORDS = 14
#: Only this many blocks at the start of the kept text are examined for bylines.
BYLINE_SCAN_BLOCKS = 3

#: Fewer kept words than this is no article (a login wall, an error page, a bare link
#: list): everything is reported as removed. The benchmark's shortest gold has 69 words.
MIN_ARTICLE_WORDS = 30

#: A byline naming the author: "By Jane Doe", "Written by Jane van Doe and John Roe".
#: Names are capitalised words (with a few lowercase particles) so that "By the way"
#: or "by clicking" is no byline.
BYLINE_AUTHOR_RE = re.compile(
    r"^(?:by|written by|words by|posted by)\s+"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|der|da|di|le|la|and|&)){0,6})"
)
#: How many blocks after the title are searched for a byline when the page's metadata
#: names no author (a byline sits between the headline and the first paragraph).
AUTHOR_SCAN_BLOCKS = 8
#: Markup that labels an author: class/id/rel/itemprop values containing these words,
#: the vocabulary of trafilatura's ``AUTHOR_XPATHS`` ("author", "byline", rel="author").
#: Matched case-sensitively: class names are lowercase in practice, and a plain
#: substring search is several times faster than a case-insensitive scan.
AUTHOR_ATTR_WORDS = ("author", "byline")
AUTHOR_ATTR_NAMES = ("class", "id", "rel", "itemprop")
#: A person's name as found in bylines: two to five capitalised words (particles allowed),
#: after an optional "By"; whatever follows (a date, "Associated Press") is cut off.
AUTHOR_NAME_RE = re.compile(
    r"^(?:[Bb][Yy]:?\s+)?(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|der|da|di|le|la)){1,4})"
)
#: At most this many labelled elements are examined (pages repeat author links in
#: comment lists and teasers; the byline comes first).
AUTHOR_ATTR_MAX_HITS = 40

#: Continuation containers: at most this many ``<p>`` elements are read to find the one
#: holding the first kept paragraph (the article starts early in the page), and only
#: paragraphs of at least this many words are taken from the other containers, so a
#: caption or a one-line promo in a same-class box is not.
CONTINUATION_PROBE = 400
CONTINUATION_MIN_WORDS = 8
#: A continuation paragraph that is mostly link text is a promo ("DON'T MISS" link
#: lists between article parts, benchmark pages 624fcd903d56, ba4dfe2d3e81).
CONTINUATION_MAX_LINK_SHARE = 0.5

#: Separators between a headline and a site or section name in page titles
#: ("Clymer workshop manual review | MoreBikes", "Opinion | Is Football Violence a Crime?").
TITLE_SEPARATOR_RE = re.compile(r"\s+[|–—•·]\s+|\s+-\s+|\s+::\s+")
#: A title part shorter than this is a site or section name, not the headline.
TITLE_PART_MIN_WORDS = 3

#: A short block that is wholly a link, inside the article, is a promoted headline
#: ("CO-FOUNDER 'PROUD' OF HOME DEPOT EMPLOYEES...", benchmark page 51374560f400).
LINK_LINE_MIN_SHARE = 0.9
LINK_LINE_MAX_WORDS = 20
