"""Rules, vocabulary and thresholds for boilerplate removal on text renderings.

Everything the text extractor decides by rule lives here as named data, grouped by
intent the way trafilatura's ``xpaths.py`` groups its discard tokens, so a reviewer
sees every rule in one place and tests can cite them. Vocabulary is about page
furniture (menus, share bars, comments), never about a subject.
"""

from __future__ import annotations

import re

# --- Line layout -------------------------------------------------------------------

#: List bullets as the renderers and browsers print them: w3m "•"/"□"/"◦", inscriptis
#: "*", Markdown-ish "-"/"+", and "o" which w3m uses for third-level lists. A bullet
#: must be followed by a space so "-5 degrees" or "*Note" are not split.
BULLET_CHARS = "•●○◦▪▫■□►▸‣⁃∙·*+-–—o"
BULLET_RE = re.compile(f"([{re.escape(BULLET_CHARS)}])[ \t\u00a0]+")
#: Ordered-list markers ("1.", "2)", "iv."); kept in the text because the number
#: carries meaning, but they mark the block as a list item.
NUMBERED_RE = re.compile(r"(?:\d{1,3}|[ivxlc]{1,5}|[a-z])[.)][ \t\u00a0]+\S", re.IGNORECASE)
#: Word tokens, the same definition the benchmark scorer uses (``\w+``).
WORD_RE = re.compile(r"\w+")
#: Characters that end a sentence, and the closing quotes and brackets that may
#: follow one ("... the end.”"): a line ending so reads as prose, not as a label.
SENTENCE_END_CHARS = ".!?…"
SENTENCE_CLOSERS = "\"'”’»)]"
#: Separators of breadcrumbs and link rows ("Home»Skin Care", "News | Sport").
SEPARATOR_CHARS = "»›|/>•·"
#: Whole-line image placeholders printed by w3m, "[alt text]" or "[photo.jpg]", are
#: lines that start with "[" and hold one "]", at the end.

# --- Dates, bylines, reading time ---------------------------------------------------

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
#: A calendar date in the usual English and numeric forms.
DATE_RE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})\b",
    re.IGNORECASE,
)
#: Relative dates ("6 days ago", "Updated: 2 hours ago").
RELATIVE_DATE_RE = re.compile(r"\b\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b",
                              re.IGNORECASE)
#: Reading-time lines ("3 min read", "6 Mins Read").
READ_TIME_RE = re.compile(r"\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b", re.IGNORECASE)
#: Byline prefixes; group 1 is the name.
BYLINE_RE = re.compile(
    r"^(?:by|written by|writer|author|posted by|published by|words by)\s*[:\-–]?\s+"
    r"([A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})",
    re.IGNORECASE,
)
#: First words of byline lines, for the classifier's word-level byline cue.
BYLINE_WORDS = frozenset({"by", "writer", "author", "written", "posted", "published", "words"})
#: Last words of comment headers ("Jane on May 3, 2019 at 4:47 pm said:").
COMMENT_VERBS = frozenset({"said", "says", "wrote", "writes", "commented"})
#: A whole line that is one comment control ("Reply", "Report comment", "12 likes",
#: "Permalink"). With "X said:" headers, clock times and "3 days ago" lines these mark
#: a comment thread, whose entries are otherwise prose like the article's.
COMMENT_ACTION_RE = re.compile(
    r"\W*(?:reply(?: to this comment)?|report(?: comment)?|likes?|\d+\s+likes?|flag|share"
    r"|permalink|quote|upvote|downvote|reply\s*↓)\W*", re.IGNORECASE)
#: Comment controls are short; longer lines are never matched against the pattern.
COMMENT_ACTION_MAX_WORDS = 4
#: Month names and abbreviations: with a number on the same line they mark a date.
MONTH_WORDS = frozenset({
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
    "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
    "nov", "november", "dec", "december"})
#: Words of reading-time lines besides "read" ("3 min read").
READ_TIME_WORDS = frozenset({"min", "mins", "minute", "minutes"})

# --- Boilerplate vocabulary ---------------------------------------------------------

#: Phrases typical of page furniture, grouped by intent. A hit is only a feature for
#: the classifier (and a hard rule for short lines), because prose can say "share".
BOILERPLATE_PHRASES: dict[str, tuple[str, ...]] = {
    "share": ("share", "tweet", "pin it", "email this", "print this", "copy link",
              "facebook", "twitter", "linkedin", "pinterest", "whatsapp", "reddit",
              "tumblr", "instagram", "youtube", "follow us"),
    "newsletter": ("subscribe", "newsletter", "sign up", "sign in", "log in", "login",
                   "register", "inbox", "email address", "unsubscribe"),
    "comments": ("comment", "leave a reply", "cancel reply", "reply", "post a comment"),
    "related": ("related", "don't miss", "don’t miss", "read more", "more from",
                "recommended", "you may also like", "popular", "trending", "latest",
                "most read", "what's hot", "see also", "read next", "more stories"),
    "nav": ("menu", "home", "search", "skip to", "close", "back to top", "top of page",
            "bottom of page", "next", "previous", "advertisement", "sponsored"),
    "footer": ("copyright", "©", "all rights reserved", "privacy policy", "terms of use",
               "terms and conditions", "contact us", "about us", "disclaimer",
               "cookie", "cookies", "accept", "terms of service"),
    "tags": ("tags", "tagged", "filed under", "categories", "topics"),
}
#: Which group each phrase belongs to, for the rule name of a hit.
PHRASE_GROUPS: dict[str, str] = {
    p: group for group, phrases in BOILERPLATE_PHRASES.items() for p in phrases}


def _phrase_alternation(phrases: list[str]) -> str:
    """Regex alternation of ``phrases`` in their order, factored by first letter.

    Only phrases sharing a first letter compete at a position, so the match is the
    same as with the flat alternation; the regex engine then tries a couple of
    dozen branches per position instead of every phrase (ten times faster).
    """
    by_first: dict[str, list[str]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0], []).append(phrase)
    return "|".join(re.escape(first) + "(?:" + "|".join(re.escape(p[1:]) for p in group) + ")"
                    for first, group in by_first.items())


#: Any phrase, longest first so the regex reports the most specific one.
BOILERPLATE_RE = re.compile(
    r"(?<!\w)(?:" + _phrase_alternation(sorted(PHRASE_GROUPS, key=len, reverse=True))
    + r")(?!\w)", re.IGNORECASE)
#: Single furniture words counted by the classifier (a set look-up per word is fast;
#: the phrases above serve the short-line rule). Only words that are rare in prose.
FURNITURE_WORDS = frozenset({
    "share", "shares", "shared", "tweet", "facebook", "twitter", "linkedin", "pinterest",
    "whatsapp", "reddit", "tumblr", "instagram", "youtube", "email", "print", "subscribe",
    "newsletter", "login", "register", "inbox", "unsubscribe", "comment", "comments",
    "replies", "reply", "related", "recommended", "trending", "popular", "latest", "menu",
    "search", "advertisement", "sponsored", "copyright", "reserved", "privacy", "cookie",
    "cookies", "disclaimer", "terms", "tags", "tagged", "categories", "previous", "next",
    "home", "contact", "follow", "skip"})
#: Short label lines that name a furniture section; the section kind is the value.
SECTION_LABELS: dict[str, str] = {
    "related posts": "related", "related articles": "related", "related stories": "related",
    "related": "related", "don't miss": "related", "don’t miss": "related",
    "you may also like": "related", "read more": "related", "more stories": "related",
    "latest articles": "related", "latest news": "related", "popular posts": "related",
    "recommended": "related", "trending": "related", "most popular": "related",
    "comments": "comments", "new comments": "comments", "leave a reply": "comments",
    "leave a comment": "comments", "leave a reply cancel reply": "comments",
    "stay in touch": "share", "share": "share", "share this": "share",
    "share this article": "share", "follow us": "share",
    "tags": "tags", "about us": "footer", "about the author": "author_box",
    "newsletter": "newsletter", "subscribe": "newsletter",
}

# --- Thresholds ----------------------------------------------------------------------

#: A "prose" line for the density features: at least this many words ...
PROSE_MIN_WORDS = 12
#: ... and at least this share of stop words (jusText's STOPWORDS_LOW is 0.30; news
#: prose in the benchmark sits around 0.40, menus and teaser titles below 0.25).
PROSE_MIN_STOP_RATIO = 0.25
#: Lines this short that hit the boilerplate vocabulary are removed by rule: at four
#: words or fewer a hit ("Share", "Leave A Reply", "Related Posts") is almost always
#: furniture, while longer lines with a hit are left to the classifier.
SHORT_FURNITURE_MAX_WORDS = 4
#: Probability at or above which the classifier keeps a line.
KEEP_THRESHOLD = 0.5
#: Kept headings after the article's last paragraph or list item are dropped when
#: there are at most this many of them (a tag line, a repeated title).
TRAILING_HEADINGS_MAX = 2
#: The title is searched among lines up to this many lines before the first kept
#: block: headlines sit just above the body, after menus of any length.
TITLE_LOOKBACK_LINES = 15
#: The body the title sits above starts at the first kept line that another kept line
#: follows within this many lines, or that is a paragraph of at least ``BODY_MIN_WORDS``
#: words: a lone kept line far above the article (a teaser in a sidebar) is no body.
BODY_RUN_LINES = 4
BODY_MIN_WORDS = 20
#: Title candidates have between these many words (a headline, not a menu entry
#: and not a paragraph).
TITLE_MIN_WORDS = 2
TITLE_MAX_WORDS = 30
#: Separators that only breadcrumbs use; a line holding one is never the title.
BREADCRUMB_SEPARATORS = "»›"
#: Bylines and date lines are only read as metadata this close (in lines) to the title.
META_WINDOW_LINES = 12
#: Image descriptions written as prose (alt text or figure captions) sit in their own
#: figure block, which renderings print with less space around it than the page's
#: paragraphs get (seed 001: one blank line on each side, two between paragraphs).
#: The cue needs two levels of spacing: when paragraphs are one blank line apart, a
#: tighter gap means a line break inside one block, which is content (no line of the
#: 477 benchmark renderings meets the rule). Paragraph gap = median blank lines
#: before a kept paragraph, over at least CAPTION_MIN_PARAGRAPHS of them.
CAPTION_MIN_PARAGRAPH_GAP = 2
CAPTION_MIN_PARAGRAPHS = 5
#: A line printed twice in a row is an image's description: w3m prints an image's alt
#: text and then its caption or title, and teaser blocks print a story's title over
#: its picture and again as its link. An article does not say the same line twice in
#: a row when the line has at least this many words: descriptions and headlines are
#: that long, while a short line printed twice may be the header row of two tables in
#: a row (a sports page's "Pos Player Stats"), which is content.
DOUBLED_LINE_MIN_WORDS = 6
