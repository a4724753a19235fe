"""Generic claim frames: which checkable statement a clause makes, about which object.

Frames are subject-free: they key on English function words and verb classes
("avoid X for at least 24 hours", "X is applied", "people with X should avoid", "side
effects include X, Y and Z"), never on words of one subject. Every pattern is data in
this module and compiled once at import. A frame match yields its objects already
split on coordination ("makeup or sunscreen" -> two objects) with the span of each
item, so the segment stage can rewrite the clause into one standalone claim per item.

Object keys are what the crossref stage joins on, so they are normalized the same way
whatever the wording, around the head noun: lowercase, leading determiners and
possessives dropped, generic qualifiers and superlatives dropped ("harsh exfoliants" ->
"exfoliant", "the most abundant protein" -> "protein"), aspect heads dropped ("the
appearance of scars" -> "scar"), relational heads dropped ("sun exposure" -> "sun",
"collagen production" -> "collagen"), the companion of a process noun dropped ("a
consultation with a professional" -> "consultation", "absorption of products" ->
"absorption"), and the head noun singularized. An instruction whose point is the act
names the act ("consult a dermatologist" -> "consultation"), a kept state names the state
("stay hydrated" -> "hydration"). All of these are English word classes, never words of
one subject; the segment stage then joins keys across pages on the subject's own shared
vocabulary (:func:`pipeline.segment.unify_objects`).

Frames and their arguments (same frame + same object = same point for crossref):

==================  ==========================================  ==========  ===============
frame               object                                      polarity    value
==================  ==========================================  ==========  ===============
interval            "" (time between repetitions)               ""          time range
duration            "" (how long a thing takes or lasts)        ""          time range
recovery            "side effect" when side effects were named  ""          time, or ""
                    in this or the previous sentence, else the
                    subject that resolves
wait                the activity to put off ("makeup")          "avoid"     time bound
count               "" (number of sessions / times)             ""          count, often vague
advice              the thing to use or avoid ("sunscreen"),    do / avoid  ""
                    the act or state ("consultation")
uses                what the procedure uses ("numbing cream")   affirm /    ""
                                                                negate
contraindication    the group's condition ("pregnancy")         "affirm"    ""
effect              what is improved or reduced ("acne scar")   affirm /    ""
                                                                negate
side_effect         the symptom ("redness")                     "affirm"    ""
definition          the alias or class ("X, also known as Y",   "affirm"    ""
                    "X is a Y"); subject = the term
statistic           ""                                          ""          percentage
==================  ==========================================  ==========  ===============
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from pipeline.claims.nlp import lemma
from pipeline.claims.values import Quantity, find_quantities

LOGGER = logging.getLogger(__name__)

FRAMES = ("interval", "duration", "recovery", "wait", "count", "advice", "uses", "contraindication",
          "effect", "side_effect", "definition", "statistic")

# --- word classes (English, not subject words) -------------------------------------------

#: Words dropped from the front of an object phrase.
DETERMINERS = frozenset({
    "a", "an", "the", "your", "you", "your's", "their", "its", "his", "her", "my", "our", "this", "that",
    "these", "those", "any", "some", "all", "each", "every", "no", "more", "most", "less", "other", "such",
    "both", "either", "own"
})

#: Articles and possessive pronouns, dropped anywhere in a key ("touching the treated area"
#: -> "touching treated area", "effectiveness of your products" -> "effectiveness of products").
ARTICLES = frozenset({"a", "an", "the", "your", "their", "its", "my", "our", "his", "her"})

#: "the effectiveness of serums and creams": the head before "of" is shared by the later items.
OF_HEAD_RE = re.compile(r"^(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s+of\s+", re.IGNORECASE)

#: Endings of nouns that name a process or property; "collagen and elastin production" shares
#: such a head between its items ("collagen production", "elastin production").
SHARED_HEAD_ENDINGS = ("tion", "ment", "ance", "ence", "ity", "ness", "ing", "sis")

#: Qualifiers that rate or hedge a thing without changing what it is; dropped from keys so
#: "mild redness" and "temporary redness" join. Kept small: "active" or "severe" change the
#: group a contraindication names, so they stay.
GENERIC_QUALIFIERS = frozenset({
    "mild", "slight", "temporary", "harsh", "gentle", "topical", "overall", "visible", "certain", "various",
    "natural", "soothing", "common", "minor", "proper", "regular", "noticeable", "significant", "new",
    "old", "tiny", "small", "usual", "typical", "additional", "possible", "potential", "full", "thorough",
    "good", "great", "further", "even",
    # intensifiers rate the quality they precede ("a very safe procedure")
    "very", "quite", "highly", "extremely", "really", "recommended", "increased",
    "better", "greater", "improved", "enhanced"
})

#: Superlative markers: the adjective after them rates the noun ("the most abundant protein" is
#: a protein), so both go.
SUPERLATIVES = frozenset({"most", "least"})

#: Heads that name an aspect of the real object: "the appearance of scars" is about scars.
ASPECT_HEADS = ("appearance of", "visibility of", "signs of", "sign of", "impact of", "look of",
                "types of", "type of", "kinds of", "kind of", "forms of", "form of", "the use of", "use of",
                "production of")

#: Heads that name a relation to the real object, which is their modifier: "sun exposure" is
#: about the sun, "collagen production" and "new collagen growth" about collagen. Dropped from
#: a key's end when a modifier precedes them, so "avoid sun exposure" and "protect the skin
#: from the sun" share the key "sun".
RELATIONAL_HEADS = frozenset({"exposure", "production", "growth", "synthesis", "formation", "level",
                              "content"})

#: Prepositions that open a companion of a process or property noun rather than the object
#: itself: "a consultation with a qualified professional" is a consultation, "better absorption
#: of topical creams" and "absorption of skincare products" are one point, absorption.
COMPANION_PREPOSITIONS = frozenset({"with", "before", "after", "during", "of"})

#: Instruction verbs whose real point is the act, named by its noun, not by the person it is
#: done with: "consult a dermatologist" and "have a consultation" give one point.
ACT_NOUNS = {"consult": "consultation", "consulting": "consultation"}

#: Nouns naming a group of people or users, for "<group> with X should avoid ...".
GROUP_NOUNS = (r"people|those|anyone|individuals|patients|persons|someone|women|men|children|adults|users|"
               r"customers|candidates|owners|beginners")

#: Leading words that name the group, not the condition: "those prone to keloid scars".
GROUP_PREFIXES = re.compile(
    rf"^(?:(?:{GROUP_NOUNS})\s+"
    r"(?:who\s+(?:have|has|are)|with|prone\s+to|suffering\s+from|who\s+suffer\s+from)|prone\s+to|with)\s+",
    re.IGNORECASE,
)

#: Generic nouns for "bad effects"; an object that is only this says nothing checkable.
GENERIC_EFFECT_NOUNS = frozenset({"side effect", "effect", "complication", "serious complication",
                                  "symptom", "risk", "issue", "problem", "result", "benefit"})

#: Adjective -> noun rules for states ("the skin may look red" -> redness), first match wins.
ADJECTIVE_NOUN_EXCEPTIONS = {"swollen": "swelling", "bruised": "bruising", "irritated": "irritation",
                             "inflamed": "inflammation", "pregnant": "pregnancy"}
ADJECTIVE_NOUN_RULES: tuple[tuple[str, str], ...] = (("ated", "ation"), ("ive", "ivity"), ("y", "iness"),
                                                    ("", "ness"))

# --- verb classes ------------------------------------------------------------------------

AVOID_VERBS = (r"avoid|stay\s+away\s+from|steer\s+clear\s+of|refrain\s+from|limit|skip|stop|"
               r"do\s+not|don['’]t|never")
DO_VERBS = (r"use|apply|wear|drink|consult|seek|follow|stick\s+to|choose|look\s+for|incorporate|"
            r"have(?=\s+an?\s)|consider\s+(?:using|incorporating|consulting|applying|seeing)")
EFFECT_VERBS = (r"reduc(?:e|es|ed|ing)|improv(?:e|es|ed|ing)|minimi[sz](?:e|es|ed|ing)|enhanc(?:e|es|ed|ing)|"
                r"boost(?:s|ed|ing)?|stimulat(?:e|es|ed|ing)|promot(?:e|es|ed|ing)|increas(?:e|es|ing)|"
                r"tighten(?:s|ed|ing)?|smooth(?:s|ed|ing)?|firm(?:s|ed|ing)?|rejuvenat(?:e|es|ed|ing)|"
                r"renew(?:s|ed|ing)?|lessen(?:s|ed|ing)?|even(?:s)?\s+out|fill(?:s)?\s+in|"
                r"dispers(?:e|es|ed|ing)|accelerat(?:e|es|ed|ing)|refin(?:e|es|ed|ing)|"
                r"brighten(?:s|ed|ing)?|diminish(?:es|ed|ing)?|strengthen(?:s|ed|ing)?|prolong(?:s|ed|ing)?|"
                r"revitaliz(?:e|es|ed|ing)|break(?:s|ing)?\s+down|encourag(?:e|es|ed|ing)")
#: Verbs after which the real object follows: "avoid applying makeup" is about makeup.
APPLICATION_GERUNDS = re.compile(
    r"^(?:applying|using|wearing|putting\s+on|taking|doing|apply|use|wear|put\s+on|take)\s+",
    re.IGNORECASE,
)
RESOLVE_VERBS = (r"resolv(?:e|es|ed)|subsid(?:e|es|ed)|disappear(?:s|ed)?|go(?:es)?\s+away|"
                 r"settl(?:e|es|ed)\s+down|clear(?:s)?\s+up|wear(?:s)?\s+off|fad(?:e|es|ed)")
#: Clause-initial words that can precede an imperative ("so avoid", "you should avoid").
_ADVICE_PREFIX = (
    r"^(?:(?:before|after|when|if|once|during|while)\b[^,]*,\s*)?"
    r"(?:(?:so|and|but|or|then|also|please|always|instead|therefore|finally|first|however|generally),?\s+)*"
    r"(?:(?:you|patients|clients|one)\s+(?:should|must|need\s+to|will\s+need\s+to|may\s+want\s+to)\s+"
    r"(?:also\s+|always\s+|first\s+)?|(?:be\s+sure|make\s+sure|remember|try)\s+to\s+|"
    r"it(?:'s|’s|\s+is)\s+(?:\w+\s+){0,3}?(?:important|crucial|essential|best|vital|key|advisable|recommended|time)"
    r"\s+to\s+)?"
)

ADVICE_AVOID_RE = re.compile(
    rf"{_ADVICE_PREFIX}(?P<verb>{AVOID_VERBS}|protect\s+(?:the\s+|your\s+)?\w+\s+from)\s+",
    re.IGNORECASE)
#: "Regular follow-up sessions are also necessary": a recommendation stated about its object.
NECESSARY_RE = re.compile(
    r"^(?P<obj>(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+(?:is|are)\s+(?:also\s+|often\s+|usually\s+)?"
    r"(?:necessary|required|recommended|essential|needed|advised|key|crucial|vital|important)\b",
    re.IGNORECASE,
)
ADVICE_DO_RE = re.compile(rf"{_ADVICE_PREFIX}(?P<verb>{DO_VERBS})\s+", re.IGNORECASE)
#: "Stay hydrated", "keep it hydrated": an instruction to keep a state, named by its noun.
KEEP_STATE_RE = re.compile(
    rf"{_ADVICE_PREFIX}(?:stay|remain|keep\s+(?:it|them|(?:the|your)\s+[\w'’-]+))\s+"
    r"(?P<obj>[a-z]+ed)(?=[\s,.;:!]|$)",
    re.IGNORECASE)
IMPERATIVE_START_RE = re.compile(
    rf"{_ADVICE_PREFIX}(?:{AVOID_VERBS}|{DO_VERBS}|keep|stay|protect|treat|do\s+not|"
    rf"don['’]t|never|wait|be)\b", re.IGNORECASE)

# --- frame patterns ----------------------------------------------------------------------

#: "X, also known as Y," / "X, or Y," (alias) and "X, a Y," (appositive definition).
ALIAS_RE = re.compile(
    r"^(?P<subj>[\w-]+(?:\s[\w-]+){0,3}),\s+(?:also\s+known\s+as|also\s+called|sometimes\s+called|"
    r"known\s+as|or|aka|a\.k\.a\.)\s+(?P<obj>[^,]+),",
    re.IGNORECASE,
)
#: "Collagen is the most abundant protein in the body", "X and Y are proteins responsible for":
#: a short noun phrase that opens the clause, a copula, and a class noun phrase.
COPULA_RE = re.compile(
    r"^(?P<subj>(?!(?:it|this|that|these|those|there|they|he|she|we|you|what|which|who|safety)\b)"
    r"[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+(?:is|are)\s+(?!not\b)"
    r"(?:(?:a|an|the)\s+|(?=[\w-]+s\s+(?:responsible|that|which|of|in)\b))",
    re.IGNORECASE,
)
#: The copula after an alias: "X, also known as Y, is a Z".
COPULA_TAIL_RE = re.compile(r"(?:is|are)\s+(?!not\b)(?:a|an|the)\s+", re.IGNORECASE)
APPOSITIVE_RE = re.compile(r"^(?P<subj>[\w-]+(?:\s[\w-]+){0,2}),\s+(?:a|an)\s+(?P<obj>[^,]+),", re.IGNORECASE)
INTERVAL_BEFORE_RE = re.compile(
    r"\b(?:every|each|once\s+every|spaced|at\s+intervals\s+of)\s+$",
    re.IGNORECASE,
)
INTERVAL_AFTER_RE = re.compile(r"^\s*apart\b", re.IGNORECASE)
#: "takes about 30 minutes", "lasts 1 hour", "rest for 30 minutes" (a "for" after an avoid-verb is a wait).
DURATION_BEFORE_RE = re.compile(
    r"\b(?:take|takes|took|taking|last|lasts|lasted|lasting)\s+(?:\w+\s+)?$|\bfor\s+$",
    re.IGNORECASE)
WAIT_FOR_RE = re.compile(r"\bfor\s+$", re.IGNORECASE)
WAIT_RE = re.compile(r"\bwait\s+(?:for\s+)?(?P<qty>[^,.;]*?)\s+(?:before|after)\s+", re.IGNORECASE)
RECOVERY_RE = re.compile(rf"\b(?:{RESOLVE_VERBS})\b", re.IGNORECASE)
CONTRA_GROUP_RE = re.compile(
    rf"\b(?:{GROUP_NOUNS})\s+"
    r"(?:who\s+(?:have|has|are)|with|prone\s+to|suffering\s+from)\s+(?P<obj>.+?)\s+"
    r"(?:should|must|may\s+want\s+to|need\s+to|are\s+advised\s+to|cannot|can['’]t)\s+"
    r"(?:not\b|avoid|skip|postpone|delay|wait|be\s+cautious|stay\s+away)",
    re.IGNORECASE,
)
CONTRA_WAIT_RE = re.compile(r"\bwait\s+until\s+after\s+(?P<obj>.+?)\s+(?:to|before)\s", re.IGNORECASE)
#: "You must have active acne under control before undergoing it": the condition is a bar.
CONTRA_CONTROL_RE = re.compile(
    r"\b(?:have|get|bring)\s+(?P<obj>.+?)\s+under\s+control\s+before\b",
    re.IGNORECASE,
)
CONTRA_NOT_FOR_RE = re.compile(
    r"\bnot\s+(?:be\s+)?(?:suitable|recommended|safe|advised)\s+for\s+",
    re.IGNORECASE,
)
USES_PASSIVE_RE = re.compile(
    r"(?:^|,\s*|\b(?:and|then|first)\s+)(?P<obj>(?:(?!(?:is|are|and)\b)[\w'’-]+\s+){0,5}?[\w'’-]+)\s+(?:is|are)\s+"
    r"(?:then\s+|also\s+|usually\s+|typically\s+|first\s+|often\s+)?(?P<neg>not\s+)?(?:applied|used)\b",
    re.IGNORECASE,
)
#: A tool moved over a surface is a tool the procedure uses: "the device is then passed over the
#: skin", "they gently move the device along the skin".
_MOTION = r"(?:mov|roll|pass|glid)(?:e|es|ed|s|ing)?"
USES_MOTION_RE = re.compile(
    rf"\b{_MOTION}\s+(?P<obj>(?:the|a|an|their|your|this)\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)\s+"
    r"(?:over|along|across)\b"
    r"|(?:^|,\s*)(?P<pobj>(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+(?:is|are)\s+(?:then\s+|gently\s+)*"
    rf"{_MOTION}\s+(?:over|along|across)\b",
    re.IGNORECASE,
)
#: "performed in a sterile environment using sterile equipment": the tool of a passive procedure.
USES_PERFORMED_RE = re.compile(
    r"\b(?P<neg>(?!))?(?:performed|done|carried\s+out|treated)\b[^,.;]{0,60}?\busing\s+",
    re.IGNORECASE,
)
USES_ACTIVE_RE = re.compile(
    r"\b(?P<neg>without\s+(?:using\s+|applying\s+)?)?(?:uses|applies|use\s+of|application\s+of|"
    r"(?<=\band\s)apply|(?<=\bthen\s)apply|"
    r"\b(?:involves|done|performed|be|by|is|are|while|when|after|before)\s+(?:using|applying))\s+",
    re.IGNORECASE,
)
EFFECT_RE = re.compile(
    rf"\b(?P<neg>(?:not|never|cannot|can['’]t|doesn['’]t|does\s+not|won['’]t|will\s+not)\s+"
    rf"(?!only\b|just\b)(?:\w+\s+){{0,2}}?)?"
    rf"(?:(?:{EFFECT_VERBS})(?:\s*(?:,|and|or)\s*(?:{EFFECT_VERBS}))*|reduction\s+in|improvement\s+in|"
    rf"decrease\s+in|leads?\s+to|(?<=\binvolves\s)the\s+(?:production|synthesis)\s+of|"
    # "the treatment of scars", "allow for better absorption": nouns and verbs that state an effect
    rf"treatment\s+(?:of|for)|allows?\s+for)\s+",
    re.IGNORECASE,
)
SIDE_EFFECT_LIST_RE = re.compile(
    r"\b(?:side\s+effects?|adverse\s+(?:effects?|reactions?)|complications?|risks?|symptoms?)\s+"
    r"(?:can\s+|may\s+|might\s+|often\s+|usually\s+)?(?:include|includes|involve|are\s*:)\s*:?\s+",
    re.IGNORECASE,
)
ANAPHOR_INCLUDE_RE = re.compile(
    r"^(?:these|they|this|which)\s+(?:can\s+|may\s+|might\s+)?(?:include|includes)\s+",
    re.IGNORECASE)
SIDE_EFFECT_CUE_RE = re.compile(
    r"\b(?:side\s+effects?|adverse|complications?|risks?|symptoms?)\b",
    re.IGNORECASE,
)
OCCUR_RE = re.compile(
    r"(?:^|,\s*)(?P<obj>(?:[\w'’-]+\s+){0,5}?[\w'’-]+)\s+(?:(?:may|can|might|could|will|often|sometimes|"
    r"commonly|also|usually)\s+)*(?:occur|develop|happen)\b",
    re.IGNORECASE,
)
#: "Redness is normal", "Mild swelling is common": a symptom stated as expected.
EXPECTED_STATE_RE = re.compile(
    r"^(?P<obj>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:is|are)\s+(?:(?:quite|very|completely|perfectly)\s+)?"
    r"(?:normal|common|expected|typical|usual)\b",
    re.IGNORECASE,
)
#: "Your skin will be more sensitive to sunlight": a comparative state of the treated thing.
MORE_STATE_RE = re.compile(
    r"^(?:the|your)\s+[\w'’-]+\s+(?:will\s+be|is|are|becomes?|may\s+be|feels?)\s+more\s+(?P<obj>[a-z]+)\b",
    re.IGNORECASE,
)
AFTER_STATE_RE = re.compile(
    r"^after\b[^,]*,\s*(?:the\s+|your\s+)?[\w'’-]+\s+(?:(?:may|will|might|can|could|usually|often)\s+)*"
    r"(?P<obj>(?:look|feel|be|become|appear|get|turn)\s+[^,.;]+)",
    re.IGNORECASE,
)
#: A list of states ends at punctuation or a comparison ("..., similar to a sunburn").
STATE_END_RE = re.compile(r"[,.;:!?]|\s(?:like|similar|than|as|for|after|until|to)\b", re.IGNORECASE)
STATE_VERB_RE = re.compile(
    r"^(?:(?:may|will|might|can|could|also)\s+)*(?:look|feel|be|become|appear|get|turn)\s+",
    re.IGNORECASE)

# --- object phrases ----------------------------------------------------------------------

#: Where an object phrase ends: punctuation, a preposition or conjunction opening a new
#: phrase, a relative pronoun, a participle, a modal or a new verb of a listed class.
OBJECT_END_RE = re.compile(
    r"[.;:!?()\"“”—]|,\s*(?=(?:which|who|that|so|but|while|as|because|making|leading|creating|depending|"
    r"similar|much|providing|helping|allowing|bringing|reducing|improving)\b)"
    # "scars, particularly acne scars" names an example; "..., especially if performed" a condition
    r"|,\s*(?=(?:especially|particularly)\s+(?:when|if|in|for|after|during|with|as|because|since|on|"
    r"among|to|by)\b)"
    r"|\s(?=(?:for|to|in|within|after|before|during|until|on|from|at|by|as|so|because|which|that|who|while|"
    r"when|if|unless|depending|since|into|under|than|through|over|covered|created|caused|made|without|may|"
    r"can|will|should|must|might|could|is|are|was|were|like|but|diligently|immediately|first|again|"
    r"daily|regularly|involves?|includes?|offers?|means|helps?|has|have|had|becomes?|gets?|allows?|leads?|"
    r"applied|used|done|performed|found|rich|tailored|designed|based|responsible)\b)"
    rf"|,\s*(?=(?:it|you|they|we|this|these|those|there)(?:['’]\w+)?\s)|(?:\s|,\s*)(?:and\s+|or\s+)?(?=(?:{AVOID_VERBS}|{DO_VERBS}|{EFFECT_VERBS}|keep|stay)\b)",
    re.IGNORECASE,
)
#: Openers of an introductory adverbial phrase that ends at the first comma.
INTRO_RE = re.compile(r"^(?:by|after|before|when|while|as|although|though|if|over|during|once|since|because|"
                      r"whether)\b",
                      re.IGNORECASE)
#: Examples introduced inside a phrase: "tools, including rollers and pens".
EXAMPLES_RE = re.compile(
    r",?\s+(?:including|such\s+as|like|e\.g\.,?|especially|particularly)\s+",
    re.IGNORECASE,
)
#: Separators of coordinated items.
ITEM_SEP_RE = re.compile(r"\s*,\s*(?:and|or|and/or)\s+|\s*,\s*|\s+(?:and|or|and/or|as\s+well\s+as)\s+",
                         re.IGNORECASE)
_ADVERB_TAIL_RE = re.compile(
    r"(?:\s+(?:[a-z]+ly|as\s+much\s+as\s+possible|first|again|too))+$",
    re.IGNORECASE,
)
_LEADING_VERB_RE = re.compile(
    rf"^(?:(?:may|can|will|also|then)\s+)*(?:{EFFECT_VERBS}|{AVOID_VERBS}|{DO_VERBS})\s+",
    re.IGNORECASE)
_WORD_RE = re.compile(r"[\w'’-]+")
#: Hyphens inside words are dropped from keys, so "make-up" and "makeup" are one object.
HYPHEN_RE = re.compile(r"(?<=\w)-(?=\w)")


@dataclass(frozen=True, slots=True)
class Item:
    """One coordinated object: its key and its span in the clause."""

    key: str
    start: int
    end: int
    #: Words that replace the whole list when the claim is rewritten ("" = the item's own words).
    text: str = ""


@dataclass(slots=True)
class FrameMatch:
    """One frame found in a clause.

    ``items`` are the objects (one claim each); ``list_span`` is the span of the whole
    coordination in the clause, which the segment stage replaces by each item's words.
    """

    frame: str
    polarity: str
    start: int
    end: int
    subject: str = ""
    items: list[Item] = field(default_factory=list)
    list_span: tuple[int, int] | None = None
    quantity: Quantity | None = None


def adjective_noun(word: str) -> str:
    """Name the state an adjective describes: red -> redness, sensitive -> sensitivity."""
    low = word.lower()
    if low in ADJECTIVE_NOUN_EXCEPTIONS:
        return ADJECTIVE_NOUN_EXCEPTIONS[low]
    for ending, suffix in ADJECTIVE_NOUN_RULES:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            return low[: len(low) - len(ending)] + suffix
    return low + "ness"


def _strip_front(words: list[str]) -> list[str]:
    """Drop determiners, possessives ("the skin's"), superlatives and generic qualifiers from the front."""
    while words and (words[0] in DETERMINERS or words[0] in GENERIC_QUALIFIERS
                     or words[0].endswith(("'s", "’s"))):
        words = words[2:] if words[0] in SUPERLATIVES and len(words) > 2 else words[1:]
    return words


def object_key(phrase: str) -> str:
    """Normalize an object phrase into the key the crossref stage joins on."""
    text = _ADVERB_TAIL_RE.sub("", phrase.strip().lower().replace("’", "'"))
    text = HYPHEN_RE.sub("", text)
    text = GROUP_PREFIXES.sub("", text)
    text = _LEADING_VERB_RE.sub("", text)
    text = APPLICATION_GERUNDS.sub("", text)
    words = _strip_front(_WORD_RE.findall(text))
    for head in ASPECT_HEADS:
        size = len(head.split())
        if " ".join(words[:size]) == head and len(words) > size:
            words = _strip_front(words[size:])
    words = [w for i, w in enumerate(words)
             if w not in ARTICLES and (w not in GENERIC_QUALIFIERS or i == len(words) - 1)]
    if not words:
        return ""
    cut = next((i for i, w in enumerate(words) if w in ("of", "with", "in", "for", "from", "on") and i > 0),
               len(words))
    head = words[cut - 1]
    if cut < len(words) and words[cut] in COMPANION_PREPOSITIONS and head.endswith(SHARED_HEAD_ENDINGS):
        words = words[:cut]
    if cut == len(words) and cut > 1 and lemma(words[-1]) in RELATIONAL_HEADS:
        words, cut = words[:-1], cut - 1
    words[cut - 1] = lemma(words[cut - 1])
    return " ".join(words)


def phrase_end(clause: str, start: int) -> int:
    """End of the object phrase that starts at ``start`` (first boundary or clause end)."""
    match = OBJECT_END_RE.search(clause, start)
    end = match.start() if match else len(clause)
    while end > start and clause[end - 1] in " ,":
        end -= 1
    return end


def intro_end(clause: str, pos: int) -> int:
    """End of an introductory phrase ("By boosting collagen production, ...") holding ``pos``.

    Its comma closes the phrase, not a list: "By boosting X, microneedling helps" is
    not the list "X, microneedling".
    """
    intro = INTRO_RE.match(clause)
    comma = clause.find(",", pos)
    return comma if intro and comma >= 0 and pos < (clause.find(",") + 1 or len(clause)) else len(clause)


def split_items(clause: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split the coordinated phrase ``clause[start:end]`` into item spans (examples included)."""
    spans: list[tuple[int, int]] = []
    pos = start
    separators = [(m.start(), m.end()) for m in EXAMPLES_RE.finditer(clause, start, end)]
    separators += [(m.start(), m.end()) for m in ITEM_SEP_RE.finditer(clause, start, end)]
    for sep_start, sep_end in sorted(separators, key=lambda s: (s[0], -s[1])):
        if sep_start < pos:
            continue
        spans.append((pos, sep_start))
        pos = sep_end
    spans.append((pos, end))
    return [(a, b) for a, b in spans if clause[a:b].strip()]


def shared_head(phrases: list[str]) -> str:
    """The head noun that bare items share ("collagen and elastin production" -> "production")."""
    words = [p.split() for p in phrases]
    if len(words) < 2 or len(words[-1]) < 2 or any(len(w) != 1 for w in words[:-1]):
        return ""
    head = words[-1][-1]
    return head if head.lower().endswith(SHARED_HEAD_ENDINGS) else ""


def make_items(clause: str, start: int, end: int) -> list[Item]:
    """Items of a coordinated object phrase, dropping ones with an empty or generic key."""
    items: list[Item] = []
    spans = split_items(clause, start, end)
    head = shared_head([clause[a:b] for a, b in spans])
    of_head = OF_HEAD_RE.match(clause[spans[0][0] : spans[0][1]]) if len(spans) > 1 else None
    for index, (a, b) in enumerate(spans):
        bare = head and index < len(spans) - 1
        words = f"{clause[a:b]} {head}" if bare else ""
        if of_head and index > 0 and " of " not in clause[a:b]:
            words = of_head.group() + clause[a:b]
        key = object_key(words or clause[a:b])
        if key and key not in GENERIC_EFFECT_NOUNS and key not in {i.key for i in items}:
            items.append(Item(key, a, b, text=words))
    return items


#: A verb followed by one of these is used without an object ("increases to 58", "reduced by half").
NOT_AN_OBJECT_RE = re.compile(r"(?:to|by|from|of|in|on|at|for|with|and|or|but)\b|\d", re.IGNORECASE)

#: A recovery's own subject longer than this is a clause, not the thing that resolves.
RECOVERY_SUBJECT_MAX_WORDS = 4
#: A negated resolution ("did not go away") says the opposite of a recovery time.
NEGATED_END_RE = re.compile(r"(?:n['’]t|\bnot|\bnever)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _object_match(frame: str, polarity: str, clause: str, match: re.Match[str], *,
                  group: str | None = None) -> FrameMatch | None:
    """A frame whose objects follow the match (or fill ``group``); None if no object remains."""
    if group is None:
        gerund = APPLICATION_GERUNDS.match(clause[match.end():])
        start = match.end() + (gerund.end() if gerund else 0)
        end = min(phrase_end(clause, start), intro_end(clause, start))
    else:
        start, end = match.span(group)
    if NOT_AN_OBJECT_RE.match(clause, start):
        return None
    items = make_items(clause, start, end)
    if not items:
        return None
    return FrameMatch(frame, polarity, match.start(), max(end, match.end()), items=items,
                      list_span=(start, end))


def _time_quantities(clause: str) -> list[Quantity]:
    """Time quantities of a clause (minutes .. years)."""
    return [q for q in find_quantities(clause) if q.is_time]


def match_definition(clause: str) -> list[FrameMatch]:
    """Alias ("X, also known as Y,") or appositive ("X, a Y,") at the start of a clause, and a
    copula definition ("X is a Y", also after an alias: "X, also known as Y, is a Z")."""
    alias = ALIAS_RE.match(clause)
    lead = alias or APPOSITIVE_RE.match(clause)
    if lead is None:
        copula = COPULA_RE.match(clause)
        return _copula_definition(clause, copula.end(), object_key(copula.group("subj"))) if copula else []
    key, subject = object_key(lead.group("obj")), object_key(lead.group("subj"))
    found = [FrameMatch("definition", "affirm", lead.start(), lead.end(), subject=subject,
                        items=[Item(key, *lead.span("obj"))] if key else [])]
    rest = lead.end() + len(clause[lead.end():]) - len(clause[lead.end():].lstrip(" ,"))
    tail = COPULA_TAIL_RE.match(clause, rest) if alias else None
    return found + (_copula_definition(clause, tail.end(), subject) if tail else [])


def _copula_definition(clause: str, start: int, subject: str) -> list[FrameMatch]:
    """The class named after "is a" at ``start`` ("a minimally invasive procedure")."""
    end = min(phrase_end(clause, start), intro_end(clause, start))
    key = object_key(clause[start:end])
    if not key or NOT_AN_OBJECT_RE.match(clause, start):
        return []
    return [FrameMatch("definition", "affirm", start, end, items=[Item(key, start, end)], subject=subject)]


def match_timing(clause: str) -> list[FrameMatch]:
    """Interval ("4 to 6 weeks apart", "every 4 weeks") and duration ("takes 30 minutes")."""
    found: list[FrameMatch] = []
    for qty in _time_quantities(clause):
        before, apart = clause[: qty.start], INTERVAL_AFTER_RE.match(clause[qty.end :])
        if INTERVAL_BEFORE_RE.search(before) or apart:
            end = qty.end + (apart.end() if apart else 0)
            found.append(FrameMatch("interval", "", qty.start, end, quantity=qty))
        elif DURATION_BEFORE_RE.search(before):
            found.append(FrameMatch("duration", "", qty.start, qty.end, quantity=qty))
    return found


def match_advice(clause: str) -> list[FrameMatch]:
    """Imperatives: avoid X (a wait when "for <time>" follows), use/apply X, wait <time> before X."""
    wait = WAIT_RE.search(clause)
    if wait:
        quantities = find_quantities(wait.group("qty"))
        found = _object_match("wait", "avoid", clause, wait)
        if found and quantities:
            found.quantity = quantities[0]
            return [found]
    necessary = NECESSARY_RE.match(clause)
    if necessary:
        found = _object_match("advice", "do", clause, necessary, group="obj")
        return [found] if found else []
    for regex, polarity in ((ADVICE_AVOID_RE, "avoid"), (ADVICE_DO_RE, "do")):
        match = regex.match(clause)
        if not match:
            continue
        found = _object_match("advice", polarity, clause, match)
        if found is None:
            return []
        act = ACT_NOUNS.get(match.group("verb").split()[-1].lower())
        if act:
            found.items = [Item(act, *(found.list_span or (found.start, found.end)))]
        for qty in _time_quantities(clause):
            if polarity == "avoid" and qty.start >= found.end and WAIT_FOR_RE.search(clause[: qty.start]):
                found.frame, found.quantity, found.end = "wait", qty, qty.end
                break
        return [found]
    state = KEEP_STATE_RE.match(clause)
    if state:
        item = Item(adjective_noun(state.group("obj")), *state.span("obj"))
        return [FrameMatch("advice", "do", state.start(), state.end(), items=[item])]
    return []


def match_contraindication(clause: str) -> list[FrameMatch]:
    """Who should not: "people with X should avoid", "wait until after X to", "not suitable for X"."""
    found: list[FrameMatch] = []
    for match in CONTRA_GROUP_RE.finditer(clause):
        hit = _object_match("contraindication", "affirm", clause, match, group="obj")
        if hit:
            found.append(_with_group(clause, match, hit))
    for match in [*CONTRA_WAIT_RE.finditer(clause), *CONTRA_CONTROL_RE.finditer(clause)]:
        hit = _object_match("contraindication", "affirm", clause, match, group="obj")
        if hit:
            found.append(hit)
    for match in CONTRA_NOT_FOR_RE.finditer(clause):
        hit = _object_match("contraindication", "affirm", clause, match)
        if hit:
            found.append(hit)
    return found


def _with_group(clause: str, match: re.Match[str], hit: FrameMatch) -> FrameMatch:
    """Let each item name its own group when the claim is rewritten.

    "People with X, and those prone to Y should avoid it" becomes "People with X should
    avoid it" and "Those prone to Y should avoid it", not "People with those prone to Y".
    """
    group = clause[match.start() : match.start("obj")]
    items = []
    for item in hit.items:
        words = item.text or clause[item.start : item.end]
        items.append(Item(item.key, item.start, item.end,
                          text=words if GROUP_PREFIXES.match(words) else group + words))
    span = (match.start(), hit.list_span[1]) if hit.list_span else None
    return FrameMatch(hit.frame, hit.polarity, hit.start, hit.end, items=items, list_span=span)


def match_uses(clause: str) -> list[FrameMatch]:
    """The procedure uses or applies X (passive "X is applied", active "uses X", "without X")."""
    found: list[FrameMatch] = []
    for match in USES_PASSIVE_RE.finditer(clause):
        phrase = match.group("obj")
        negated = bool(match.group("neg")) or phrase.lower().startswith("no ")
        hit = _object_match("uses", "negate" if negated else "affirm", clause, match, group="obj")
        if hit:
            found.append(hit)
    for match in USES_MOTION_RE.finditer(clause):
        hit = _object_match("uses", "affirm", clause, match, group="obj" if match.group("obj") else "pobj")
        found.extend(_drop_overlapping([hit], found) if hit else [])
    if ADVICE_DO_RE.match(clause) or ADVICE_AVOID_RE.match(clause):
        return found
    for match in [*USES_ACTIVE_RE.finditer(clause), *USES_PERFORMED_RE.finditer(clause)]:
        hit = _object_match("uses", "negate" if match.group("neg") else "affirm", clause, match)
        if hit:
            found.extend(_drop_overlapping([hit], found))
    return found


def match_effects(clause: str) -> list[FrameMatch]:
    """Effects on an object: "reduces acne scars", "a reduction in stretch marks"."""
    found: list[FrameMatch] = []
    for match in EFFECT_RE.finditer(clause):
        hit = _object_match("effect", "negate" if match.group("neg") else "affirm", clause, match)
        if hit:
            found.append(hit)
    return found


def match_side_effects(clause: str, *, context: str) -> list[FrameMatch]:
    """Side effects: "side effects include X, Y and Z", "X may occur", "after ..., the skin may look red".

    ``context`` is the previous sentence, which resolves "These include ..." after a
    sentence about complications.
    """
    found: list[FrameMatch] = []
    match = SIDE_EFFECT_LIST_RE.search(clause)
    cue = SIDE_EFFECT_CUE_RE.search(context)
    if not match and cue:
        match = ANAPHOR_INCLUDE_RE.match(clause)
        if match:
            hit = _object_match("side_effect", "affirm", clause, match)
            found.extend([_resolved_anaphor(clause, hit, cue.group())] if hit else [])
            match = None
    if match:
        hit = _object_match("side_effect", "affirm", clause, match)
        if hit:
            found.append(hit)
    for match in [*OCCUR_RE.finditer(clause), *EXPECTED_STATE_RE.finditer(clause)]:
        hit = _object_match("side_effect", "affirm", clause, match, group="obj")
        if hit:
            found.append(hit)
    state = AFTER_STATE_RE.match(clause)
    if state:
        found.extend(_state_match(clause, state))
    more = MORE_STATE_RE.match(clause)
    if more:
        item = Item(adjective_noun(more.group("obj")), *more.span("obj"))
        found.append(FrameMatch("side_effect", "affirm", more.start(), more.end(), items=[item]))
    return found


def _resolved_anaphor(clause: str, hit: FrameMatch, cue: str) -> FrameMatch:
    """Name the antecedent in each item's text: "These include infection" after a sentence
    about complications stands alone as "Complications include infection"."""
    start, end = hit.list_span or (hit.start, hit.end)
    verb = re.search(r"\binclude\w*\b.*$", clause[:start], re.IGNORECASE)
    lead = f"{cue[:1].upper()}{cue[1:].lower()} {verb.group() if verb else 'include '}"
    items = [Item(i.key, i.start, i.end, text=lead + (i.text or clause[i.start : i.end])) for i in hit.items]
    return FrameMatch(hit.frame, hit.polarity, hit.start, hit.end, items=items, list_span=(0, end))


def _state_match(clause: str, match: re.Match[str]) -> list[FrameMatch]:
    """States after a treatment ("will be red and may feel tight"): one side effect per adjective."""
    start = match.start("obj")
    stop = STATE_END_RE.search(clause, start)
    end = stop.start() if stop else len(clause)
    items: list[Item] = []
    verb = ""
    for a, b in split_items(clause, start, end):
        own_verb = STATE_VERB_RE.match(clause[a:b])
        if own_verb:
            verb = re.sub(r"^(?:(?:may|will|might|can|could|also)\s+)*", "", own_verb.group()).strip()
        words = clause[a + (own_verb.end() if own_verb else 0) : b].split()
        if len(words) != 1 or words[0].lower() in ("more", "less"):
            continue
        items.append(Item(adjective_noun(words[0]), a, b, text=f"{verb} {words[0]}"))
    if not items:
        return []
    return [FrameMatch("side_effect", "affirm", match.start(), end, items=items, list_span=(start, end))]


def match_recovery(clause: str, *, side_effects_near: bool) -> list[FrameMatch]:
    """How long an effect lasts: "redness resolves within a few days".

    The object is "side effect" when side effects were named in this or the previous
    sentence ("These symptoms ... resolve"), else the subject before the verb.
    """
    match = RECOVERY_RE.search(clause)
    if not match or NEGATED_END_RE.search(clause[: match.start()]):
        return []
    later = [q for q in _time_quantities(clause) if q.start >= match.start()]
    subject = object_key(re.split(r",\s*", clause[: match.start()])[-1])
    if len(subject.split()) > RECOVERY_SUBJECT_MAX_WORDS:
        subject = ""
    key = "side effect" if side_effects_near else subject
    item = [Item(key, match.start(), match.end())] if key else []
    end = later[0].end if later else match.end()
    return [FrameMatch("recovery", "", match.start(), end, items=item, quantity=later[0] if later else None)]


def match_counts(clause: str, *, cued_only: bool = False) -> list[FrameMatch]:
    """Numbers of sessions ("several sessions", "one session") and percentages.

    With ``cued_only``, only counts after a verb or preposition that states a number of
    repetitions ("require several sessions", "after just one session").
    """
    found: list[FrameMatch] = []
    for qty in find_quantities(clause):
        if cued_only and not COUNT_CUE_RE.search(clause[: qty.start]):
            continue
        if qty.unit in ("session", "time"):
            found.append(FrameMatch("count", "", qty.start, qty.end, quantity=qty))
        elif qty.unit == "%":
            found.append(FrameMatch("statistic", "", qty.start, qty.end, quantity=qty))
    return found


#: Words before a count that state a number of repetitions even in a clause with other frames.
COUNT_CUE_RE = re.compile(
    r"\b(?:take|takes|took|require|requires|required|need|needs|needed|after|over|in|with)\s+"
    r"(?:[\w-]+\s+(?:and|or)\s+)?(?:just\s+|only\s+|about\s+|at\s+least\s+)?$",
    re.IGNORECASE,
)

#: Frames that make a clause about a procedure or an instruction; an effect verb after "to"
#: in such a clause states a purpose ("numbing cream is applied to reduce discomfort").
PURPOSE_HOSTS = frozenset({"uses", "advice", "wait", "contraindication", "side_effect"})


def match_frames(clause: str, *, previous: str = "", sentence: str = "") -> list[FrameMatch]:
    """Every frame in ``clause``, in text order.

    Args:
        clause: one clause (a sentence or a part split off at "; ", ", so", "and avoid").
        previous: the sentence before, for anaphora ("These include ...").
        sentence: the whole sentence the clause comes from (side-effect context).
    """
    advice = match_advice(clause)
    waited = [a.quantity for a in advice if a.quantity is not None]
    found = match_definition(clause) + [t for t in match_timing(clause) if t.quantity not in waited] + advice
    found += match_contraindication(clause) + match_uses(clause)
    side = match_side_effects(clause, context=previous)
    found += side
    if not any(f.frame in ("advice", "wait", "contraindication") for f in found):
        near = bool(side) or bool(SIDE_EFFECT_CUE_RE.search(previous + " " + sentence))
        found += match_recovery(clause, side_effects_near=near)
    effects = match_effects(clause)
    if any(f.frame in PURPOSE_HOSTS for f in found):
        effects = [e for e in effects if not re.search(r"\bto\s+$", clause[: e.start])]
    found += _drop_overlapping(effects, found)
    cued_only = any(f.frame not in ("interval", "duration") for f in found)
    found += [c for c in match_counts(clause, cued_only=cued_only)
              if not any(f.quantity == c.quantity for f in found)]
    return sorted(found, key=lambda f: (f.start, FRAMES.index(f.frame)))


def _drop_overlapping(candidates: list[FrameMatch], taken: list[FrameMatch]) -> list[FrameMatch]:
    """Candidates whose object list does not overlap an object list already taken."""
    spans = [f.list_span for f in taken if f.list_span]
    return [c for c in candidates
            if not c.list_span or not any(c.list_span[0] < b and a < c.list_span[1] for a, b in spans)]


def is_imperative(clause: str) -> bool:
    """True when a clause starts with an instruction ("Avoid ...", "You should use ...")."""
    return bool(IMPERATIVE_START_RE.match(clause))
