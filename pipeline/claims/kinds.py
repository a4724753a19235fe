"""Kind rules as data: what sort of statement a clause is, and which clauses are not claims.

Frames decide the kind when one fits (an ``advice`` frame is a recommendation); the
rules below classify the rest and flag non-claims (questions, navigation, calls to
action, promotion), which stay in the table with ``is_claim = False`` so nothing is
silently dropped. Cues are English discourse words and web-writing cliches, never
words of one subject. Rules are tried in order; the first match wins.
"""

from __future__ import annotations

import re

KINDS = ("definition", "mechanism", "benefit", "procedure_step", "recommendation", "warning",
         "contraindication", "side_effect", "statistic", "duration", "frequency", "fact")
NON_CLAIM_KINDS = ("question", "call_to_action", "promotional", "navigation", "heading")

#: Block kinds that are headings: section context, not claims.
HEADING_BLOCKS = frozenset({"title", "heading"})

#: The kind each frame implies.
FRAME_KINDS: dict[str, str] = {
    "interval": "frequency",
    "count": "frequency",
    "duration": "duration",
    "recovery": "duration",
    "wait": "recommendation",
    "advice": "recommendation",
    "uses": "procedure_step",
    "contraindication": "contraindication",
    "effect": "benefit",
    "side_effect": "side_effect",
    "definition": "definition",
    "statistic": "statistic",
}

#: Non-claims that win even over a frame: a question asserts nothing, and text about the
#: page itself ("this post explores", "3 min read") is navigation.
OVERRIDING_NON_CLAIMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("question", re.compile(r"\?\s*$")),
    ("navigation", re.compile(
        r"\b(?:this|the|our)\s+(?:[\w-]+\s+){0,2}(?:blog\s+post|post|article|guide|page)\s+"
        r"(?:explores|covers|will|looks|discusses|explains|describes)\b"
        r"|\bin\s+this\s+(?:[\w-]+\s+){0,2}(?:post|article|guide)\b|\bread\s+on\b|\bhere['’]s\s+(?:what|how)\b"
        r"|\bfollow\s+these\s+(?:tips|steps)\b|^\d+\s+min(?:ute)?s?\s+read$"
        r"|^(?:comments?|share|related\s+posts?|tags?|updated:.*|writer:.*|top\s+of\s+page|bottom\s+of\s+page)$"
        r"|\bclick\s+here\b|\bsubscribe\b|\binbox\b|\bnewsletter\b|\bleave\s+a\s+(?:comment|review)\b|\bjump\s+to\b|\bprint\s+recipe\b",
        re.IGNORECASE)),
    ("call_to_action", re.compile(
        r"^if\b[^,]*,\s*(?:consider|contact|call|book|schedule|ask)\b",
        re.IGNORECASE,
    )),
    ("promotional", re.compile(r"\b(?:now\s+that\s+you\s+know|better\s+equipped|journey)\b", re.IGNORECASE)),
)

#: Non-claims that apply only when no frame fits (a frame means something checkable is said).
WEAK_NON_CLAIMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("call_to_action", re.compile(
        r"^(?:if\b[^,]*,\s*)?(?:consider|contact|call|book|schedule|visit|sign\s+up|talk\s+to|ask|look\s+for)\b"
        r"|\byou\s+can\s+begin\b|\bget\s+in\s+touch\b",
        re.IGNORECASE)),
    ("promotional", re.compile(
        r"\b(?:taken\s+the\s+world\s+by\s+storm|the\s+best\s+part|testimonials?|endorsements?|journey|"
        r"unique\s+solution|radiant|game[-\s]changer|"
        r"significant\s+step|valuable\s+(?:tool|addition))\b",
        re.IGNORECASE)),
)

#: Kinds of frameless claims, by cue words.
KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("statistic", re.compile(r"\d+(?:\.\d+)?\s*(?:%|percent)", re.IGNORECASE)),
    ("definition", re.compile(
        r"^(?!(?:while|although|though|when|if|as|because|since)\b)"
        r"(?:[\w-]+\s){0,3}?(?:is|are)\s+(?:a|an|the)\s+(?!(?:very|most|best|key|right)\b)"
        r"|\brefers\s+to\b|\bis\s+defined\s+as\b",
        re.IGNORECASE)),
    ("procedure_step", re.compile(r"\b(?:then|first|begins?\s+with|next|finally|step)\b", re.IGNORECASE)),
    ("mechanism", re.compile(
        r"\b(?:trigger\w*|activat\w*|signal\w*|stimulat\w*|works\s+by|involv\w*|produc\w*|synthesi\w*|"
        r"caus\w*|breaks?\s+down|creat\w*|process|repair\w*|heal\w*|cascade|rebuild\w*)\b",
        re.IGNORECASE)),
    ("recommendation", re.compile(
        r"\b(?:should|must|important|crucial|essential|vital|best\s+to|necessary|recommend\w*|consider|"
        r"make\s+sure|is\s+key|critical)\b",
        re.IGNORECASE)),
    ("warning", re.compile(r"\b(?:risks?|complications?|side\s+effects?|infections?|caution|danger\w*|"
                           r"careful|should\s+not|must\s+not|never)\b", re.IGNORECASE)),
    ("benefit", re.compile(r"\b(?:benefit\w*|improv\w*|reduc\w*|enhanc\w*|rejuvenat\w*|help\w*|effective\w*|"
                           r"results?|firmer|smoother|suitable)\b", re.IGNORECASE)),
)


def non_claim_kind(text: str, *, has_frame: bool) -> str:
    """The non-claim kind of a clause, or "" when it is a claim."""
    rules = OVERRIDING_NON_CLAIMS if has_frame else OVERRIDING_NON_CLAIMS + WEAK_NON_CLAIMS
    for kind, pattern in rules:
        if pattern.search(text.strip()):
            return kind
    return ""


def claim_kind(text: str, *, frame: str, imperative: bool = False) -> str:
    """The kind of a claim: from its frame if any, else from cue words (default ``fact``)."""
    if frame:
        return FRAME_KINDS[frame]
    if imperative:
        return "recommendation"
    for kind, pattern in KIND_RULES:
        if pattern.search(text):
            return kind
    return "fact"
