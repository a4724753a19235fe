"""What sort of statement a clause is, from its frames and its grammar.

Kinds: ``quantity`` (a clause with a value), ``recommendation`` and ``warning`` (advice to
do or not to do), ``statement`` (any other checkable sentence). Non-claims stay in the
table with ``is_claim = False`` so nothing is silently dropped: ``question`` (ends with a
question mark), ``call_to_action`` (an imperative of operating a web page: "click",
"subscribe", "share", one offering the writer's own thing: "get our recipe", or one
sending the reader through the page: "follow these steps", "keep reading"),
``heading`` (a heading block, or a short verbless phrase titling the lines after its colon)
and ``fragment`` (fewer than ``MIN_CLAIM_WORDS`` words and
no frame: a label, a caption, a lone name).
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from pipeline.claims.colons import is_label
from pipeline.claims.frames import NEGATE, VALUE_FRAMES, Frame, advice_verb, denied, is_imperative, pointed
from pipeline.claims.imperatives import FINITE_TAGS
from pipeline.claims.language import lemma
from pipeline.claims.lexicon import lexicon
from pipeline.claims.quantities import find_quantities

KINDS = ("quantity", "recommendation", "warning", "statement")
NON_CLAIM_KINDS = ("question", "call_to_action", "heading", "fragment")

#: Block kinds that are headings: section context, not claims.
HEADING_BLOCKS = frozenset({"title", "heading"})
#: A heading block of at least this many words that reads as an order in sentence case is a
#: step of a list written without full stops ("Place the pan in the oven for 20min"): a claim
#: as well as the heading of the lines after it. Shorter orders ("Dry it") stay headings only.
STEP_MIN_WORDS = 4
#: Measures that do not make a heading line a claim: counts ("5 tips") and dates ("2024").
UNCLAIMED_MEASURES = frozenset({"count", "date"})
#: A clause with no frame and fewer words than this is a fragment, not a claim: a claim
#: needs at least a subject and a predicate with something to check ("Rinse well." has 2
#: words but is an imperative with a frame, so it stays a claim).
MIN_CLAIM_WORDS = 3
#: A verbless phrase before a colon of at most this many words titles what follows ("Using a
#: Picnic Cooler:"); English labels run to a few words, longer ones are prose cut short.
LABEL_LINE_MAX_WORDS = 5
#: An embedded question before a colon titles what follows up to this many words ("What to
#: do if your car overheats:"); a longer one is a sentence ("How long ... depends on ...:").
QUESTION_TITLE_MAX_WORDS = 8


def non_claim_kind(span: Span, head: Token, *, has_frame: bool) -> str:
    """The non-claim kind of a clause, or "" when it is a claim."""
    sentence = span.sent
    # A question may close inside quotation marks: 'you may ask, “how long does it keep?”'.
    if sentence.text.rstrip().rstrip(_closing_quotes()).endswith("?"):
        return "question"
    if is_imperative(head) and (lemma(head) in lexicon().web_actions or _offers_own(head)):
        return "call_to_action"
    act = advice_verb(head)
    # A pointer with a number in it leads to what it measures: "follow these steps to bake it
    # at 220°C", "see the table below: most dogs need 2 cups a day".
    if act is not None and _points_to_text(act) and not any(_measures(t) for t in span):
        return "call_to_action"
    if act is not None and _addresses_writer(act):
        return "call_to_action"
    words = sum(1 for t in span if t.is_alpha)
    if (not has_frame and words < MIN_CLAIM_WORDS) or _labels(span):
        return "fragment"
    if _titles_what_follows(sentence):
        return "heading"
    return ""


@functools.cache
def _closing_quotes() -> str:
    """The closing quotation marks, as one string for ``str.rstrip``."""
    return "".join(sorted(lexicon().closing_quotes))


def is_step(heading: Doc) -> bool:
    """Whether a heading block is an order of a list of steps, in sentence case, not a title.

    "Clean the pan so no food is left on it" is a step; "Wash Your Hands Before Touching"
    and "Apply a Thin Coat of Stain to the Wood" (title case, which leaves short function
    words in lower case) and "Why seasoning matters" (no order) are titles. A heading all
    in capitals ("SAND THE EDGES BY HAND") shows no case to tell a step from a title by,
    and stays a heading: a missed step costs one claim, a title read as one invents it.
    """
    words = [t for t in heading if t.is_alpha]
    if len(words) < STEP_MIN_WORDS or all(t.is_upper for t in words):
        return False
    content = [t for t in words[1:] if not t.is_stop]
    capitalized = sum(1 for t in content if t.is_title or t.is_upper)
    if capitalized * 2 > len(content):
        return False
    return is_imperative(next(iter(heading.sents)).root)


def is_prohibition_line(heading: Doc) -> bool:
    """Whether a heading block is a verbless prohibition of a list: "No swimming", "No soap or
    scrubbing".

    A list of such lines forbids, as "Do not swim." does; a title says what its section is
    about. Only in sentence case, as for :func:`is_step`: "No-Knead Bread" and "No Pain, No
    Gain" are titles, and a line all in capitals shows no case to tell them apart by.
    """
    words = [t for t in heading if t.is_alpha]
    root = next(iter(heading.sents)).root
    if not words or words[0].lower_ != lexicon().denial or root.pos_ not in ("NOUN", "PROPN"):
        return False
    content = [t for t in words[1:] if not t.is_stop]
    return denied(root) and not any(t.is_title or t.is_upper for t in content)


def is_measured_line(heading: Doc) -> bool:
    """Whether a heading block is a line that states a measure: an amount of a list
    ("2 cups kosher salt") or a label with its value ("Cook time: 20 minutes").

    Titles count things ("5 tips for ...") or state none; a measure of a physical unit
    opening the line, or right after a short label and its colon, is a claim. The line still
    heads what follows it.
    """
    lex = lexicon()
    colon = next((t.i for t in heading if t.text == lex.label_colon), None)
    if colon is not None and is_label(heading[:colon], lex.label_max_words):
        start: int | None = colon + 1
    else:
        start = next((t.i for t in heading if not (t.is_punct or t.is_space)), None)
    if start is None:
        return False
    found = [q for sent in heading.sents for q in find_quantities(sent)]
    # The measure opens the line or its value, after a bullet or sign at most.
    return any(start <= q.start <= start + 1 and q.dimension not in UNCLAIMED_MEASURES for q in found)


def _titles_what_follows(sentence: Span) -> bool:
    """A short verbless phrase or embedded question ending in a colon: "Using a slow cooker:",
    "For the glaze:", "What you need:", "Why it matters:".

    It titles the lines after it, as a heading does; a sentence before a colon has a finite
    verb ("You will need:") or is an order ("Rinse the jars:"), and a longer phrase is prose.
    """
    lex = lexicon()
    words = [t for t in sentence if t.is_alpha]
    if not words or not sentence.text.rstrip().endswith(lex.label_colon):
        return False
    if any(t.like_num for t in sentence):
        return False  # "12-48 hours:" is a measure naming its case
    if words[0].lower_ in lex.question_words:
        return len(words) <= QUESTION_TITLE_MAX_WORDS
    return (
        len(words) <= LABEL_LINE_MAX_WORDS
        and not any(t.tag_ in FINITE_TAGS for t in sentence)
        and not is_imperative(sentence.root)  # "Rinse the jars:" is an order
    )


def _labels(span: Span) -> bool:
    """A lone word right before a colon that opens its sentence: "Note: ...", "Rinse: ...", a
    label of what follows even where the word is a verb ("12 minutes: ..." is a measure)."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return (
        after is not None
        and after.text == lexicon().label_colon
        and span.start == span.sent.start
        and len(words) == 1
        and words[0].is_alpha
    )


def _offers_own(head: Token) -> bool:
    """An imperative whose object the writer owns ("get our recipe", "try my course"): an offer."""
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    owners = lexicon().own_possessives
    return obj is not None and any(c.dep_ == "poss" and c.lower_ in owners for c in obj.children)


def _addresses_writer(act: Token) -> bool:
    """An order that acts on the writer: "call us", "email me with questions", "feel free to
    send your photos to us". It invites the reader to get in touch, as a link to click does.

    Only the pronoun as an argument of the order, of the verbs it hands on to or lists with it
    sharing its object ("call or text us", "sign up to get tips from us"; not "rinse it and call
    us"), of their objects ("book an appointment with us") or of a noun after their
    prepositions ("get in touch with us"); not "wear gloves, as the nurse reminded me", nor "the US".
    """
    verbs = [act]
    for verb in verbs:
        own_object = any(c.dep_ in ("dobj", "dative") for c in verb.children)
        for child in verb.children:
            purpose = child.dep_ == "advcl" and any(c.tag_ == "TO" for c in child.children)
            listed = child.dep_ == "conj" and not own_object
            if child.dep_ == "xcomp" or listed or purpose or (child.dep_ == "acomp" and verb is act):
                verbs.append(child)
    direct = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "dative")]
    after = [g for t in (*verbs, *direct) for c in t.children if c.dep_ == "prep" for g in _objects_of(c)]
    further = [g for t in after for c in t.children if c.dep_ == "prep" for g in _objects_of(c)]
    writer = lexicon().writer_pronouns
    return any(t.pos_ == "PRON" and t.lower_ in writer for t in (*direct, *after, *further))


def _objects_of(preposition: Token) -> list[Token]:
    """The objects of a preposition."""
    return [c for c in preposition.children if c.dep_ == "pobj"]


def _points_to_text(act: Token) -> bool:
    """An act on the page itself: "follow these steps", "go to the next section", "keep reading".

    Reading on ("keep reading", "read on"), or a verb of reading or going through a text
    whose object is a noun of text that a pointing word marks as the one being read.
    """
    lex = lexicon()
    inner = next((c for c in act.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if inner is not None and lemma(act) in lex.aspectual and _reads_on(inner):
        return True  # "keep reading", "continue reading"
    if _reads_on(act) and any(c.dep_ == "prt" or c.lower_ in lex.text_deictics for c in act.children):
        return True  # "read on", "read below"
    if lemma(act) not in lex.pointer_verbs:
        return False
    objects = [c for c in act.children if c.dep_ == "dobj"]
    # "go to this link", "skip to the next section": where the reader is sent.
    sent_to = [c for c in act.children if c.dep_ == "prep" and c.lower_ == "to"]
    objects += [t for c in sent_to for t in c.children if t.dep_ == "pobj"]
    return any(lemma(obj) in lex.text_nouns and (pointed(obj) or pointed(act)) for obj in objects)


def _measures(token: Token) -> bool:
    """A number that is no part of a pointer's text nouns: not "these 5 steps", "step 3"."""
    if not token.like_num:
        return False
    text_nouns = lexicon().text_nouns
    counts_text = token.dep_ == "nummod" and lemma(token.head) in text_nouns
    numbers_text = token.i > token.sent.start and lemma(token.doc[token.i - 1]) in text_nouns
    return not (counts_text or numbers_text)


def _reads_on(verb: Token) -> bool:
    """Reading with nothing of its own read nor anyone read to: "keep reading", "read on",
    "read on for our top tips" ("for" says what the reading gives, not what is read)."""
    lex = lexicon()
    own = any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ != lex.reading_for) for c in verb.children)
    return lemma(verb) == lex.reading_verb and not own


def claim_kind(frames: list[Frame]) -> str:
    """The kind of a claim from its frames: a value wins, then advice, else a statement."""
    if any(f.frame in VALUE_FRAMES for f in frames):
        return "quantity"
    practice = [f for f in frames if f.frame in ("advice", "use")]
    if practice:
        return "warning" if practice[0].polarity == NEGATE else "recommendation"
    return "statement"
