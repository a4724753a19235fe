"""Clauses -> typed frames: what a clause states, about what, with which value or polarity.

The frames are generic English constructions, read off the parse:

- ``duration``: how long something takes or lasts ("the flight takes 14 hours");
- ``interval``: the time between repetitions ("every 3 months", "4 weeks apart", "twice a day");
- ``wait``: how long to wait before or after an activity, or to refrain from it ("wait a
  day before swimming", "avoid the gym for 48 hours");
- ``count``: how many of something ("3 to 6 sessions");
- ``quantity``: any other measured value (temperature, mass, money, speed, percent...);
- ``date``: a year something happened or happens in ("launched in 2019");
- ``advice``: do or do not do something ("rinse with cold water", "never pick a scab");
- ``use``: something is or is not used ("apply a lotion", "no soap");
- ``suitability``: fit or not fit for someone ("not suitable for children");
- ``effect``: something causes or changes something ("salt slows the yeast").

Each frame names *what* it is about, resolved from the parse: the counted noun, the
thing a measure belongs to (the subject of a light verb such as "take" or "last", the
complement of "of"), or the activity (the verb and its object). Polarity comes from the
parse's negation, negative determiners ("no soap") and verbs of refraining ("avoid").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from pipeline.claims.clauses import LOOSE_DEPS, OWN_SUBJECT, WH_TAGS, Clause, clause_heads
from pipeline.claims.colons import is_label
from pipeline.claims.imperatives import FINITE_TAGS
from pipeline.claims.language import (
    NOUN_MODIFIERS,
    adjective_only,
    heads_verb_phrase,
    lemma,
    misread_noun,
    reads_as_verb,
    verb_lemma,
)
from pipeline.claims.lexicon import lexicon
from pipeline.claims.quantities import (
    AGE,
    FLIPPED_BOUND,
    RATIO,
    REPEAT_NOUN,
    STATED_NUMBER,
    Quantity,
    age_word,
    is_ordinal,
    is_time_word,
    is_unit_word,
    misread_period,
    month_of,
    read_unit,
    repeats_daily,
    stated_thing,
    stuff_end,
)

#: Dependents that make up the name of a thing: compounds, adjectives, "of" complements.
NAME_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
#: Parts of speech kept in a name.
NAME_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
#: Subject dependencies.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
#: Tags of a relative pronoun ("that", "which", "who"), which stands for the noun its clause modifies.
RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Fine tags of a singular noun, common or proper.
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
#: Dependencies of a clause's own participants, preferred as antecedents of a pronoun.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
#: Dependencies the parser gives a noun it did not read as one, after an adjective it did.
MISREAD_DEPS = frozenset({"advmod", "npadvmod", "compound", "dep"})
#: Dependencies only a nominal fills: subjects and objects.
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})
#: Object dependencies of a verb.
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
#: How many tokens back a pronoun's antecedent is looked for (about two sentences).
ANTECEDENT_WINDOW = 40
#: Frames that carry a value; the others carry a polarity.
VALUE_FRAMES = ("duration", "interval", "wait", "count", "quantity", "date")

AFFIRM = "affirm"
NEGATE = "negate"

#: Tags of graded adjectives and adverbs: comparatives ("longer") and superlatives ("hardest").
GRADED_TAGS = frozenset({"JJR", "RBR", "JJS", "RBS"})

@dataclass(frozen=True, slots=True)
class Frame:
    """One typed reading of a clause."""

    frame: str
    what: str
    subject: str
    polarity: str
    quantity: Quantity | None = None


def phrase_name(token: Token) -> str:
    """The lemmas that name a noun phrase, in text order ("the hard-boiled eggs" -> "hard boil egg").

    Determiners, numbers, pronouns and possessives are left out; compounds, adjectives (with a
    degree word that turns them: "less abrasive sponge"), an
    "of" complement ("absorption of skincare products" -> "absorption skincare product") and
    what the thing has or lacks ("soap with fragrance", "oil containing additives") stay.
    """
    if token.pos_ == "PRON":
        antecedent = antecedent_of(token)
        return phrase_name(antecedent) if antecedent is not None else ""
    if repeats_daily(token) or misread_period(token):
        # "brush the dog morning and night", "mow the lawn weekly": the parser makes the time
        # the object and the thing its modifier; the modifier is the name.
        things = [c for c in token.children if c.dep_ in ("compound", "amod") and c.pos_ in NAME_POS]
        return phrase_name(things[0]) if things else ""
    partitive = _partitive_of(token)
    if partitive is not None:
        return phrase_name(partitive)
    words = _premodified(token)
    misread = _misread_head(token)
    if misread is not None:
        words.append(misread)
    words.extend(word for noun in _kinds(token) for word in _premodified(noun))
    words = sorted(set(words), key=lambda t: t.i)
    lex = lexicon()
    if is_measure(token):
        return ""  # "a few minutes", "the day", "two cups": a measure, not a thing
    return " ".join(
        t.lower_ if _grades(t) else lemma(t)  # "fewer clamps", not the lemma "few", a quantifier
        for t in words
        if _ordinal_kind(t)
        or (
            (t.pos_ in NAME_POS or t.i == token.i or t.dep_ == "advmod")
            and (not t.is_stop or _grades(t))
            and t.is_alpha
            and not t.like_num
            and not is_ordinal(t)
            and t.lower_ not in lex.name_drop
            and (t.i == token.i or not is_measure(t))  # "a 12 lb turkey", "2 cups kosher salt"
        )
    )


def actor_name(token: Token) -> str:
    """The name of a subject: a noun phrase's (:func:`phrase_name`), or an act's with what it acts on.

    "Applying too much fertilizer burns the roots" is caused by applying fertilizer, not by
    applying anything: a subject that is a verb ("applying", "to oil the chain") is named as
    an activity, with its object.
    """
    return activity(token) if token.pos_ == "VERB" else phrase_name(token)


def _ordinal_kind(word: Token) -> bool:
    """A word of an ordinal or a number word joined by a hyphen to a word that is no unit, one
    modifier that sorts a thing into a kind: "first-degree burns" and "second-degree burns" are
    two kinds of burn, not burns counted in order or measured in degrees; "third-party
    chargers" are no "party chargers"; a "one-sided" and a "two-sided" mattress are two kinds
    ("a two-week rest" is a measure, which the quantity reader takes)."""
    doc = word.doc
    if _numbering(word):
        return word.i + 2 < len(doc) and doc[word.i + 1].tag_ == "HYPH" and _kind_word(doc[word.i + 2])
    return word.i >= 2 and _kind_word(word) and doc[word.i - 1].tag_ == "HYPH" and _numbering(doc[word.i - 2])


def _numbering(word: Token) -> bool:
    """An ordinal ("first") or a number written as a word ("two"), not in digits."""
    return is_ordinal(word) or (word.is_alpha and word.like_num)


def _kind_word(word: Token) -> bool:
    """A word after a number's hyphen that makes a kind, not a measure: no unit ("sided", "degree")."""
    before = word.doc[word.i - 2] if word.i >= 2 else None  # the number before the hyphen
    ordinal = before is not None and is_ordinal(before)
    return word.is_alpha and (ordinal or read_unit(word.sent, word.i) is None)


def _grades(word: Token) -> bool:
    """A degree word that turns the meaning of a name, so it stays in it: on an adjective of the
    name ("a less abrasive sponge" is no "abrasive sponge") or on its noun ("use less
    detergent", "fewer clips", "more water" are not the advice to use detergent, clips or water)."""
    if word.lower_ not in lexicon().degree_words:
        return False
    return word.head.pos_ == "ADJ" or (word.dep_ == "amod" and word.head.pos_ in ("NOUN", "PROPN"))


def _misread_head(token: Token) -> Token | None:
    """The noun after an adjective that the parser made a subject or object ("your new tattoo").

    An English adjective does not fill a noun's place alone; when the tagger does not know the
    noun after it ("tattoo" read as an adverb), the adjective is left holding the place and the
    noun hangs on as a modifier. That noun is the head of the name.
    """
    if token.pos_ != "ADJ" or token.dep_ not in NOMINAL_DEPS or token.i + 1 >= token.sent.end:
        return None
    after = token.doc[token.i + 1]
    if after.is_alpha and after.pos_ in ("ADV", "VERB", "NOUN", "PROPN") and after.dep_ in MISREAD_DEPS:
        return after
    return None


def _partitive_of(noun: Token) -> Token | None:
    """The thing a partitive noun or a unit measures out ("a thin layer of ointment", "two cups of flour")."""
    if lemma(noun) not in lexicon().partitives and not is_unit_word(lemma(noun)):
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((t for t in child.children if t.dep_ == "pobj" and t.pos_ in ("NOUN", "PROPN")), None)
    return None


def _premodified(noun: Token) -> list[Token]:
    """A noun with the words before it that belong to its name ("aloe vera", "thin layer")."""
    return [*(t for t in noun.subtree if t.i < noun.i and _in_name(t, noun)), noun]


#: How many words a unit read after a number may take before the word it ends on ("°", "C").
UNIT_REACH = 3


def is_measure(token: Token) -> bool:
    """True when a noun is a measure rather than a thing: a unit of time, or a unit with a number.

    Pint knows units that are everyday nouns ("hand", "foot", "cup", "line"): "wash your
    hands" names hands, "two cups" a measure. Time units, and "time" itself, measure
    wherever they stand ("the first day", "a few minutes", "at any time").
    """
    word = lemma(token)
    if is_time_word(word) or word == REPEAT_NOUN:  # "the first day", "3 times a day", "at any time"
        return True
    if token.lower_ in lexicon().meridiem or repeats_daily(token) or misread_period(token):
        return True
    if month_of(token) is not None and any(t.like_num for t in token.doc[max(token.i - 1, 0) : token.i + 2]):
        return True  # a date: "opened on March 3", "in March 2020"
    if is_unit_word(word) and any(c.dep_ == "nummod" or c.like_num for c in token.children):
        return True
    # Else a unit read after a number covers the word: a number just before it, which the
    # parser may hang on the stuff instead ("2 cups sugar") or leave apart from a unit the
    # tokenizer split ("35°C" as "35", "°", "C"), or the one its phrase opens with.
    before = list(token.doc[max(token.i - UNIT_REACH, token.sent.start) : token.i])
    return any(_unit_covers(first, token) for first in dict.fromkeys([*before, token.left_edge]))


def _unit_covers(number: Token, token: Token) -> bool:
    """Whether the unit read after ``number`` spans ``token`` with its own words: a rate's unit
    words are a measure, not the stuff named between them ("2 cups sugar per litre")."""
    if not (number.like_num and number.i < token.i):
        return False
    unit = read_unit(token.sent, number.i + 1)
    return unit is not None and unit.dimension != "count" and token.i <= number.i + 1 + unit.head_offset


def antecedent_of(pronoun: Token, *, referring: bool = False) -> Token | None:
    """The noun a third-person pronoun stands for: one before it that agrees in number, a subject
    or object of its own sentence first, else the nearest.

    "Take the eggs out of the fridge and bring them to room temperature": "them" is the
    eggs. Only "it", "they" and "them" in the roles of a thing acted on or done with, and only
    within the pronoun's block, where the antecedent is rarely more than a sentence back;
    "it" as a placeholder subject ("it is best to ...") is left alone, unless the caller knows
    it refers (``referring``: "when it is 6 months old" says the age of a thing).
    """
    lex = lexicon()
    number = lex.pronoun_number.get(pronoun.lower_)
    if number is None or pronoun.dep_ not in ("dobj", "pobj", "nsubjpass", "nsubj"):
        return None
    if pronoun.lower_ == "it" and pronoun.dep_ == "nsubj" and not referring:
        return None
    # Within the pronoun's sentence a subject or object is the likelier antecedent than a noun
    # after a preposition: in "wipe the pan with a towel and place it in the oven", "it" is the
    # pan. Further back, a subject pronoun goes on with the subject of the sentence before
    # ("lithium batteries last 500 cycles. With care, they last 5 years": the batteries, not
    # the cycles); else the nearest noun stands.
    start, nearest = pronoun.sent.start, None
    for token in reversed(pronoun.doc[max(pronoun.i - ANTECEDENT_WINDOW, 0) : pronoun.i]):
        if token.i < start and nearest is not None:
            break
        if not _agreeing_noun(token, number):
            continue
        if token.i >= start and token.dep_ in ARGUMENT_DEPS:
            return token
        nearest = nearest or token
    if nearest is not None and nearest.i < start and pronoun.dep_ in OWN_SUBJECT:
        before = nearest.sent
        subjects = [t for t in before if t.dep_ in OWN_SUBJECT and _agreeing_noun(t, number)]
        return subjects[-1] if subjects else nearest
    return nearest


def _agreeing_noun(token: Token, number: str) -> bool:
    """A noun (not a unit, not a compound's modifier) in the pronoun's number."""
    plural = token.tag_ in ("NNS", "NNPS")
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ != "compound"
        and plural == (number == "plural")
        and not is_unit_word(lemma(token))
    )


def _in_name(token: Token, head: Token) -> bool:
    """True when ``token`` modifies ``head`` as part of its name."""
    node = token
    while node.i != head.i:
        # An adverb grading a modifier is part of the name: "extra large eggs", not large ones.
        graded = not node.is_stop or _grades(node) or _ordinal_kind(node)  # "less abrasive", "two-sided"
        grading = node.dep_ == "advmod" and node.head.dep_ in NAME_DEPS and graded
        if node.dep_ not in NAME_DEPS and not grading and not (node.dep_ == "punct" and node.text == "-"):
            return False
        node = node.head
    return True


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, looking through auxiliaries, raising verbs and coordination.

    A relative pronoun stands for the noun its clause modifies: in "a battery that is two
    years old" the subject of "is" is the battery. An infinitive after an object has that
    object as its subject: in "the coach told the players to stretch" the players stretch. The
    complement of a verb of reporting or recommending has none of the speaker's ("dentists
    recommend flossing daily").
    """
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            return None
        for child in node.children:
            if child.dep_ in SUBJECT_DEPS and child.dep_ != "expl":
                relative = child.tag_ in RELATIVE_TAGS and node.dep_ == "relcl"
                return node.head if relative else child
        if node.dep_ == "xcomp":
            controller = next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i), None)
            if controller is not None:
                return controller
        if node.dep_ in ("xcomp", "ccomp", "dobj") and lemma(node.head) in lexicon().opinion_verbs:
            return None  # "dentists recommend flossing daily": whoever flosses, not the dentists
        node = (
            node.head if node.dep_ in ("conj", "xcomp", "ccomp", "advcl") and node.head.i != node.i else None
        )
    return None


def object_of(verb: Token) -> Token | None:
    """The direct object of a verb, or the object of its first preposition for phrasal verbs,
    or the object a bare verb shares with the verb coordinated after it (:func:`_shared_object`)."""
    contrast = next((c.i for c in verb.children if _contrastive(c)), len(verb.doc))
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS and child.i < contrast:  # "look at the pan, not the calendar"
            return _possessed(child)
    small = _small_clause_subject(verb)
    if small is not None:
        return small
    for child in verb.children:
        if child.dep_ == "prt":
            for grand in verb.children:
                if grand.dep_ == "prep":
                    return next((t for t in grand.children if t.dep_ == "pobj"), None)
    return _shared_object(verb)


def _small_clause_subject(verb: Token) -> Token | None:
    """What a verb acts on when the parser read it with its result as a small clause.

    "Pat the chicken dry", "wipe the lens clean": the verb puts its object into a state, and
    the parser may hang the object on the adjective of that state as its subject, leaving the
    verb with no object. The subject before such an adjective is the verb's object.
    """
    for child in verb.children:
        if child.dep_ == "ccomp" and child.pos_ == "ADJ" and child.i > verb.i:
            subject = next((c for c in child.children if c.dep_ in OWN_SUBJECT and c.i < child.i), None)
            if subject is not None:
                return _possessed(subject)
    return None


def _shared_object(verb: Token) -> Token | None:
    """ "Clean and lube the chain", "peel and chop the onions": a verb with nothing of its own
    but the verb coordinated after it acts on that verb's object too.

    Not a verb that hands its act on, leads in to it or only carries a measure ("go and check
    the oil" does not go the oil, "stop and check the tires" stops no tires), nor one with a
    word of its own besides the coordination ("stir well and serve the soup"), nor one before
    a verb of using, whose object is what is put on the thing the first verb acts on
    ("re-wash and re-apply a thin layer of ointment").
    """
    lex = lexicon()
    if verb.pos_ != "VERB" or lemma(verb) in lex.light_verbs | lex.aspectual | lex.wait_verbs | lex.lead_ins:
        return None
    # An order's base form heading its clause: a gerund that is itself an object ("avoid
    # microneedling or consult a dermatologist") shares nothing with the verb after it.
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "conj"):
        return None
    after = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i), None)
    if after is None or any(c.dep_ in SUBJECT_DEPS for c in after.children) or _uses(after):
        return None
    # Its subject, modal and negation are the list's ("you should sand and prime the fence"),
    # not across a comma before the conjunction ("don't panic, and call a tow truck").
    own = {c.dep_ for c in verb.children} - {"cc", "conj", "punct"}
    if own - {"aux", "neg", *SUBJECT_DEPS}:
        return None
    comma = any(c.dep_ == "punct" and verb.i < c.i < after.i for c in verb.children)
    if own and comma:
        return None
    obj = next((c for c in after.children if c.dep_ == "dobj"), None)
    return _possessed(obj) if obj is not None else None


def _uses(verb: Token) -> bool:
    """A verb of using, its bound prefix aside ("re-apply" is "apply")."""
    return lemma(verb).rpartition("-")[2] in lexicon().use_verbs


def _possessed(obj: Token) -> Token:
    """The noun after a possessive determiner the parser took for the object ("wash your tattoo").

    A possessive determiner ("your", "their") never stands alone in English, so when one is
    the object, the word after it that hangs on the same verb is the thing possessed.
    """
    if obj.tag_ != "PRP$" or obj.i + 1 >= len(obj.doc):
        return obj
    after = obj.doc[obj.i + 1]
    return after if after.head.i == obj.head.i and after.is_alpha and not after.is_stop else obj


def verb_name(verb: Token) -> str:
    """A verb's lemma with its particles: a phrasal verb is one verb ("turn off", "set up").

    Not a "particle" that opens a bound on a number ("reused up to three times"): the parser
    splits the bound, whose first word is no part of the verb.
    """
    particles = [lemma(c) for c in verb.children if c.dep_ == "prt" and not _opens_bound(c)]
    return " ".join([lemma(verb), *particles])


def _opens_bound(word: Token) -> bool:
    """A word that opens a bound phrase ("up to", "at least") before a number."""
    doc = word.doc
    for phrase in (*lexicon().bound_max, *lexicon().bound_min):
        after = word.i + len(phrase)
        words = tuple(t.lower_ for t in doc[word.i : after])
        if words == phrase and after < len(doc) and doc[after].like_num:
            return True
    return False


def activity(verb: Token) -> str:
    """A verb with its object and where it goes as an activity name.

    "change your oil" -> "change oil"; "place the eggs in cold water" -> "place egg cold
    water" and "place the eggs in a single layer" -> "place egg layer" stay apart. A
    prepositional phrase of time ("for 10 minutes", "after the first day") is a measure,
    not part of the activity.
    """
    return activity_on(verb, object_of(verb))


def activity_on(verb: Token, obj: Token | None) -> str:
    """:func:`activity` with ``obj`` as what the verb acts on (a passive verb's subject, say)."""
    name = phrase_name(obj) if obj is not None else ""
    if not name and lemma(verb) in lexicon().empty_verbs:
        return ""  # "do this for 4 weeks", "repeat it twice a day": the act is named elsewhere
    if name and lemma(verb) in lexicon().spacing_verbs:
        return name  # "space the sessions 4 weeks apart": the interval is the sessions'
    if lemma(verb) in lexicon().opinion_verbs | lexicon().avoid_verbs:
        # "experts recommend 8 hours of sleep", "some suggest as little as 3 minutes": who
        # holds the view is no part of what is measured; nor is refraining: "avoid temperatures
        # above 90°F" bounds the temperature, "skip the gym for 3 days" times the gym.
        return name
    place = _place(verb, obj)
    state = _kept_state(verb, obj) if lemma(verb) in lexicon().keeping_verbs else ""
    if name and (state or _keeps(verb, place)):
        return " ".join(w for w in (name, state, place) if w)
    return " ".join(w for w in (verb_name(verb), name, place) if w)


def _kept_state(verb: Token, thing: Token | None) -> str:
    """The state a verb of keeping holds its thing in: "keep the dough covered" -> "cover".

    How long a thing stays covered and how long it stays bandaged, moist or closed are
    different measures; the thing alone ("dough") would join them. The state is an adjective
    or participle after the verb ("leave the pan uncovered", "the dough should remain covered"),
    or one the parser hangs on the thing ("keep the dough covered"). A place or a particle
    ("keep the lid on") is no state: how long the thing stays there is the thing's time.
    """
    complements = [c for c in verb.children if c.dep_ in ("acomp", "oprd", "ccomp", "xcomp")]
    if thing is not None:
        complements += [c for c in thing.children if c.dep_ == "acl" and c.i == thing.i + 1]
    state = next((c for c in complements if c.tag_ in ("JJ", "VBN") and c.n_lefts == 0), None)
    if state is None:
        return ""
    return verb_lemma(state.lower_, "VBN") if state.tag_ == "JJ" else lemma(state)


def _keeps(verb: Token, place: str) -> bool:
    """Whether the verb keeps its object where it is, or ends that, so a time on it is the object's.

    "leave the lid on", "keep the eggs in the bath", "remove the wrap": how long the thing
    stays is what the measure says, whichever of the three a page words it with.
    """
    lex = lexicon()
    if lemma(verb) in lex.ending_verbs:
        return True
    if lemma(verb) not in lex.keeping_verbs:
        return False
    # A preposition with no object of its own is a particle the parser misread ("leave it on for a day").
    return bool(place) or any(
        c.dep_ in ("prt", "acomp", "oprd", "ccomp", "xcomp") or (c.dep_ == "prep" and c.n_rights == 0)
        for c in verb.children
    )


def _place(verb: Token, obj: Token | None) -> str:
    """The object of the verb's first preposition that is not one of time ("in cold water")."""
    places = _places(verb, obj)
    return places[0] if places else ""


def _places(verb: Token, obj: Token | None) -> list[str]:
    """Where the act goes or what it is done with, one name per coordinated noun.

    "wash it with mild soap and warm water" -> ["mild soap", "warm water"]: two things a
    page says of washing, each of which another page may say alone.
    """
    lex = lexicon()
    timing = lex.wait_relations | lex.time_points | lex.time_spans
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ not in timing and (obj is None or child.i > obj.i):
            pobj = next((t for t in child.children if t.dep_ == "pobj"), None)
            # "on a weekly basis" says how often, not where: a measure, as "for a week" is.
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and lemma(pobj) not in lex.schedule_nouns:
                # Not a place set against it after "not": "look at the pan, not the calendar".
                items = [item for item in _items(pobj) if item not in refused_things(pobj)]
                return [name for name in (phrase_name(item) for item in items) if name]
    return []


def is_negated(head: Token) -> bool:
    """True when a clause head is negated: "not", "never", "no X", or a negated auxiliary."""
    lex = lexicon()
    for child in head.children:
        if _contrastive(child):
            continue  # "cool the jars on the counter, not in the fridge": the act is not negated
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and child.lower_ in lex.negators):
            return True
    # Negation spans coordinated verbs that share its auxiliary and subject: "do not pick or
    # scratch" forbids both.
    # A "no" before a noun does not reach an order after it: in "no jogging, and avoid dust"
    # the base form "avoid" is an imperative of its own; "no swimming or soaking" lists gerunds.
    if head.dep_ == "conj" and head.head.i != head.i and head.pos_ in ("VERB", "AUX"):
        own = any(c.dep_ in ("aux", "neg", *SUBJECT_DEPS) for c in head.children)
        ordered = head.tag_ == "VB" and head.head.pos_ not in ("VERB", "AUX")
        return not own and not ordered and not _new_order(head) and is_negated(head.head)
    return False


def _contrastive(word: Token) -> bool:
    """A "not" after a comma that follows its head's own words, setting an alternative against
    them: "cool the jars on the counter, not in the fridge", "use bread flour, not cake flour"."""
    return (
        word.dep_ == "neg"
        and word.i > word.head.i + 1
        and word.doc[word.i - 1].text == ","
        and word.i + 1 < word.sent.end
        and word.doc[word.i + 1].pos_ not in ("VERB", "AUX", "PUNCT")
    )


def _new_order(verb: Token) -> bool:
    """A second verb after ", and" that begins an order of its own: "do not sand the floor, and
    wear a mask", "don't panic, and call for help". A negation reaches the acts of a list ("do
    not pick or scratch it", "do not pick, scratch, and peel it"), not past the comma and "and"
    that close a first order of two."""
    doc = verb.doc
    opening = verb.left_edge.i
    joined = opening >= 2 and doc[opening - 1].lower_ == "and" and doc[opening - 2].text == ","
    return joined and sum(1 for c in verb.head.children if c.dep_ == "conj") == 1


def _xcomp(token: Token, *, means: bool = False) -> Token | None:
    """The verb a verb hands its meaning to ("avoid swimming", "need to rinse").

    With ``means``, an act one starts or keeps something by is handed on too ("start by
    sanding the edges", "keep the bike clean by washing it"): what is advised or repeated is
    that act, though what a causative brings about is still its state ("keeps the soil moist
    by blocking light" keeps it moist). A "to" after a verb that takes only "-ing" says what
    for and is handed nothing (:func:`_says_what_for`).
    """
    lex = lexicon()
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp") and not _says_what_for(child, token):
            return child
        if child.dep_ in ("dobj", "pcomp") and child.tag_ == "VBG":
            return child
    # "refrain from scratching"; "start by sanding the edges"
    by_means = means and lemma(token) in lex.aspectual
    handing = {lex.refrain_prep, lex.first_act_prep} if by_means else {lex.refrain_prep}
    for child in token.children:
        # A passive's "by" with a gerund is the means, which the parser labels an agent.
        if child.dep_ in ("prep", "agent") and child.lower_ in handing:
            return next((t for t in child.children if t.dep_ in ("pcomp", "pobj")), None)
    return None


def _says_what_for(infinitive: Token, verb: Token) -> bool:
    """A "to" infinitive after a verb that takes only an "-ing" form says what for, handing
    nothing on: "keep the garage above 5°C to protect the pipes" is about keeping the garage."""
    return _to_infinitive(infinitive) and lemma(verb) in lexicon().gerund_only


def is_imperative(head: Token) -> bool:
    """An imperative clause head: a base-form verb with no subject and no "to" before it.

    The tagger sometimes reads an imperative after "so" as present tense ("..., so use a
    lotion"): a present-tense verb with no subject, no auxiliary and no subordinator is
    one too, as an English finite verb has a subject unless it is imperative. A coordinated
    verb shares its subject ("they rinse and use soap"), unless the two cannot agree with one
    subject ("the enamel is fragile, so use a soft brush": "is" is third person singular).
    """
    if is_hortative(head) or _courtesy(head) or _reassures(head):
        return False  # "let's begin", "thank you for reading", "don't worry": no order to the reader
    if reads_as_verb(head) or _misread_base_form(head):
        return True
    if head.pos_ not in ("VERB", "AUX") or head.tag_ not in ("VB", "VBP"):
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in head.children) or _shares_subject(head):
        return False
    if head.tag_ == "VBP":
        joined = head.dep_ in ("ROOT", *LOOSE_DEPS) or (head.dep_ == "conj" and head.head.tag_ == "VBZ")
        return joined and not any(c.dep_ in ("aux", "mark") for c in head.children)
    if _to_infinitive(head):
        return False
    return head.dep_ in ("ROOT", "conj", "parataxis", *LOOSE_DEPS) or head.i == head.sent.start


def _shares_subject(verb: Token) -> bool:
    """A verb coordinated with one that has a subject, which English shares: in "salt can
    draw out water and soften the skin" the subject of "soften" is salt; it is no order.

    Not across a word that opens a new clause ("the rain has stopped, so water the plants")
    or a bare comma with no conjunction in the list ("it will rain today, bring an umbrella"),
    nor where the forms cannot share one subject: a base form after a third-person or past
    verb ("the pan is hot, remove it") is an order.
    """
    if verb.dep_ != "conj":
        return False
    head = first_conjunct(verb)  # the parser chains a list's verbs: "can A, B and C"
    if not any(c.dep_ in SUBJECT_DEPS for c in head.children):
        return False
    between = verb.doc[head.i + 1 : verb.i]
    if any(t.lower_ in lexicon().new_clause and t.head.i in (verb.head.i, verb.i) for t in between):
        return False
    if _after(verb, ",") and not _list_goes_on(head, verb):
        return False  # a bare comma ends the list: "it will crack and flake, do not sand it"
    return not (verb.tag_ == "VB" and head.tag_ in ("VBZ", "VBD"))


def first_conjunct(verb: Token) -> Token:
    """The first verb of a coordination that ``verb`` belongs to."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _after(word: Token, text: str) -> bool:
    """Whether the phrase ``word`` heads comes right after the token ``text``."""
    opening = word.left_edge.i
    return opening > word.sent.start and word.doc[opening - 1].text == text


def _list_goes_on(first: Token, verb: Token) -> bool:
    """Whether a later verb of the coordination comes after a conjunction, so that the comma
    before ``verb`` separates items of one list ("can remove stains, kill germs and ...")."""
    members = [first]
    for member in members:
        members.extend(c for c in member.children if c.dep_ == "conj")
    return any(m.i > verb.i and m.doc[m.left_edge.i - 1].dep_ == "cc" for m in members if m.left_edge.i > 0)


def _courtesy(head: Token) -> bool:
    """A courtesy formula with its "I" dropped: "Thank you for reading", "Hope this helps",
    "Thank goodness". Thanking a determined third party ("thank your host") is an order."""
    if lemma(head) not in lexicon().courtesy_verbs:
        return False
    thanked = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
    return thanked is None or not (
        thanked.pos_ == "NOUN" and any(d.dep_ in ("det", "poss") for d in thanked.children)
    )


def _reassures(head: Token) -> bool:
    """ "Don't worry", "Relax.", "Fear not": a verb of feeling with no object reassures."""
    return lemma(head) in lexicon().reassuring_verbs and object_of(head) is None


def is_hortative(head: Token) -> bool:
    """ "Let's look at the science", "let us begin", "let me show you": the writer proposes a
    joint act or one of their own, not advice."""
    lex = lexicon()
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    return lemma(head) in lex.permissive and after is not None and after.lower_ in lex.hortative


def _misread_base_form(head: Token) -> bool:
    """An opening base-form verb the tagger read as past tense ("Clean the grill", tagged VBD).

    A finite verb has a subject in English; one that opens its sentence with none, in the
    spelling of its base form, is an imperative.
    """
    return (
        head.tag_ in ("VBD", "VBN")
        and head.dep_ == "ROOT"
        and head.i == head.sent.start
        and head.lower_ == lemma(head)
        and not any(c.dep_ in (*SUBJECT_DEPS, "aux", "auxpass") for c in head.children)
    )


def advice_verb(head: Token) -> Token | None:
    """The verb a clause advises on, or None when the clause gives no advice.

    Advice is an imperative ("rinse it"), a deontic modal ("you should rinse"), a
    semi-modal ("you need to rinse"), "it is best to rinse", or "we recommend rinsing".
    """
    lex = lexicon()
    if is_imperative(head):
        return head
    if any(c.dep_ == "aux" and c.lemma_.lower() in lex.modals for c in head.children):
        return None if _expected_look(head) else head
    if _shares_subject(head) and not any(c.dep_ == "aux" for c in head.children):
        # "you should rinse the pan and dry it": a coordinated verb shares the modal too.
        return head if advice_verb(first_conjunct(head)) is not None else None
    leader = _list_leader(head)
    if leader is not None and advice_verb(leader) is not None:
        return head  # "sift, whisk and fold the flour": a listed act is advised as the first is
    if head.pos_ == "NOUN" and lemma(head) in lex.judgment_nouns:  # "no need to peel them"
        return _infinitive_of(head)
    if _hedged_want(head):
        return _xcomp(head)
    if head.lemma_.lower() in lex.recommend_verbs and _acting_subject_of(head):
        return None  # "pruning encourages the plant to branch": an effect, nobody's advice
    if head.lemma_.lower() in lex.semi_modals | lex.recommend_verbs | lex.directive_verbs:
        act = _xcomp(head)
        # "told reporters that the plant would close" reports; only "told us to wait" directs.
        reported = head.lemma_.lower() in lex.directive_verbs and act is not None and act.dep_ != "xcomp"
        return None if act is None or reported or _asked(act) else act
    ruling = _ruling_subject(head)
    if ruling is not None:
        # "the key is to rinse", "a common mistake is to overwater"; the parser reads "another
        # mistake is storing it cold" as a progressive, whose verb is the act.
        return _xcomp(head) if head.lemma_.lower() == "be" else head
    if _misspelt_judgment(head):
        return _infinitive_of(head)
    if head.lemma_.lower() == "be":
        for child in head.children:
            if _judges(child):
                act = _xcomp(child) or _xcomp(head)
                # "peeling them is not necessary": the act judged is the subject.
                # The parser hangs a bare gerund as a subject either way ("jogging is important").
                return act or next(
                    (c for c in head.children if c.dep_ in ("csubj", "nsubj") and c.pos_ == "VERB"), None
                )
            if child.dep_ == "attr" and lemma(child) in lex.judgment_nouns | lex.warning_nouns:
                return _infinitive_of(child) or _xcomp(head)
    return None


def _hedged_want(head: Token) -> bool:
    """ "You may want to wear gloves", "you'll want to rinse it first": advice hedged as what
    the reader will want, in a main clause ("if you want to save money" is a condition)."""
    lex = lexicon()
    return (
        head.lemma_.lower() == lex.advised_want
        and head.dep_ in ("ROOT", "conj")
        and any(c.dep_ == "nsubj" and c.lower_ == lex.reader for c in head.children)
        and any(c.dep_ == "aux" and c.lemma_.lower() in lex.want_hedges for c in head.children)
    )


def _asked(verb: Token) -> bool:
    """An infinitive opened by a wh-word, which names a question, not an act to do.

    "the manual tells you how to fix it" and "the label explains when to reapply" advise
    nothing; "the label tells you to reapply" does.
    """
    return any(c.tag_ in WH_TAGS and c.i < verb.i for c in verb.children)


def _misspelt_judgment(head: Token) -> bool:
    """ "Its best to rinse it": "its" for "it's", which the parser reads as the possessive of
    a verbless judging adjective."""
    lex = lexicon()
    return (
        head.pos_ == "ADJ"
        and _judging(head)
        and any(c.dep_ == "poss" and c.lower_ == lex.misspelt_it_is and c.i < head.i for c in head.children)
    )


def _to_infinitive(verb: Token) -> bool:
    """A verb with "to" before it."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _expected_look(verb: Token) -> bool:
    """ "The crust should look golden", "it should feel firm": what to expect, not an act to do.

    A linking verb of appearance or of the senses with an adjective (or "like" and a noun)
    after it describes its subject; a modal on it expects that, as "the bus should be late" does.
    Said of the reader ("you should look rested") it is advice on how to look.
    """
    if lemma(verb) not in lexicon().appearance_verbs:
        return False
    subject = subject_of(verb)
    if subject is not None and subject.lower_ == "you":
        return False  # "you should look professional": how the reader is to look, advice
    described = ("acomp", "oprd", "attr")
    return any(c.dep_ in described or (c.dep_ == "prep" and c.lower_ == "like") for c in verb.children)


def _judges(token: Token) -> bool:
    """An adjective complement that judges an act or thing needed or needless ("is best", "is
    unnecessary"), by its form or its lemma ("best" is a form of "good")."""
    return token.dep_ == "acomp" and _judging(token)


def _judging(word: Token) -> bool:
    """A word that judges an act needed or needless, by its form or its lemma."""
    lex = lexicon()
    return bool(_forms(word) & (lex.deontic_adjectives | lex.needless_adjectives))


def _forms(token: Token) -> set[str]:
    """A word as written and as its lemma, lowercase: word lists hold either ("best" / "good")."""
    return {token.lower_, token.lemma_.lower()}


def _picks_a_rule(quantity: Quantity, head: Token) -> bool:
    """ "One way to clean it is to scrub it": "one" picks out the rule the sentence gives, as
    "a" would, and counts nothing."""
    ruling = _ruling_subject(head)
    return ruling is not None and quantity.start <= ruling.i < quantity.end + 1


def _ruling_subject(head: Token) -> Token | None:
    """The subject noun of "be" that puts advice or a warning in the complement, if any.

    "The golden rule is to never soak it" (a rule noun); "a common mistake is to soak it",
    "another mistake is soaking it" (a warning noun, a progressive to the parser).
    """
    lex = lexicon()
    auxiliaries = {c.lemma_.lower() for c in head.children if c.dep_ == "aux"}
    progressive = head.tag_ == "VBG" and "be" in auxiliaries
    if head.lemma_.lower() != "be" and not progressive:
        return None
    nouns = lex.warning_nouns if progressive else lex.ruling_nouns
    return next((c for c in head.children if c.dep_ == "nsubj" and lemma(c) in nouns), None)


def _infinitive_of(word: Token) -> Token | None:
    """The "to" infinitive a noun or a verbless adjective takes ("a need to rinse", "a good
    idea to wait", "Its best to wait"), which the parser hangs as a clause of any kind."""
    for child in word.children:
        if child.dep_ in ("acl", "relcl", "xcomp") and child.pos_ == "VERB" and _to_infinitive(child):
            return child
    return None


def _judged_against(head: Token) -> bool:
    """Whether a judgment on an act warns against it ("no need to", "a bad idea", "unnecessary")."""
    lex = lexicon()
    # A "no" on the clause's own head is already its negation ("no need to peel them").
    nouns = [(c, True) for c in head.children if c.dep_ == "attr"]
    if head.pos_ == "NOUN":
        nouns.append((head, False))
    ruling = _ruling_subject(head)
    if ruling is not None:
        nouns.append((ruling, False))
    for noun, own_no in nouns:
        if lemma(noun) in lex.warning_nouns:
            return True
        if lemma(noun) in lex.judgment_nouns:
            return any(
                (own_no and c.dep_ == "det" and c.lower_ in lex.negators)
                or (c.dep_ == "amod" and lemma(c) in lex.bad_adjectives)
                for c in noun.children
            )
    return any(c.dep_ == "acomp" and lemma(c) in lex.needless_adjectives for c in head.children)


def _advised_action(verb: Token) -> tuple[Token, bool]:
    """The action advised on and whether it is advised against.

    "avoid scratching" -> scratch, against; "do not let the dog chew it" -> chew, against
    (a verb of letting or going on hands the act to the verb after it); "be careful not to
    scrub" -> scrub, against.
    """
    lex = lexicon()
    negative = is_negated(verb)
    node = verb
    assured = _assured(verb)
    if assured is not None:
        node, negative = assured, negative != is_negated(assured)
    while True:
        inner = _xcomp(node, means=True)
        if lemma(node) in lex.hand_over and inner is not None and heads_verb_phrase(inner):
            # "try not to scrub": a negation may sit on the act handed over.
            node, negative = inner, negative != is_negated(inner)
        elif lemma(node) in lex.avoid_verbs:
            if inner is None:
                return node, not negative  # "avoid salt"; "don't forget sunscreen" advises it
            node, negative = inner, (not negative) != is_negated(inner)
        else:
            return node, negative


def _assured(verb: Token) -> Token | None:
    """The act that "be sure to", "make sure" or "be careful not to" advises on, if any."""
    for child in verb.children:
        if child.dep_ == "acomp" and lemma(child) in lexicon().assurance_adjectives:
            inner = _xcomp(child)
            if inner is not None and inner.pos_ in ("VERB", "AUX"):
                return inner
    return None


def _items(token: Token) -> list[Token]:
    """A noun and the nouns coordinated with it ("soap or hot water" -> soap, water).

    A list after a kind word is a list of kinds: "no soap with fragrance, beads or scrubs",
    "cleaners containing bleach, ammonia or acid". The first kind stays in the noun's name
    ("soap fragrance"); each other is an item of its own ("bead", "scrub").
    """
    out = [] if _shares_suffix(token) else [token]
    for child in token.children:
        # A gerund the tagger reads as a verb may close a list of nouns ("soap or scrubbing"),
        # unless it heads a clause of its own, whose claim then names it.
        if child.dep_ == "conj" and (_is_noun(child) or (child.tag_ == "VBG" and not _heads_clause(child))):
            out.extend(_items(child))
    for kind in _kinds(token):
        out.extend(item for item in _items(kind) if item.i != kind.i)
    for example in _examples(token):
        out.extend(_items(example))
    return out


def _examples(noun: Token) -> list[Token]:
    """The nouns after each preposition of example on a noun ("cleaners such as bleach or
    ammonia", "oils like canola", "tools, including a rasp"); the parser hangs the others of a
    list on the first as conjuncts, which :func:`_items` adds."""
    lex = lexicon()
    out = []
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ not in lex.example_preps:
            continue
        if child.lower_ == "as" and not any(c.lower_ == lex.example_such for c in child.children):
            continue  # "as" alone compares or names a role: "use it as a base"
        out += [t for t in child.children if t.dep_ == "pobj" and _is_noun(t)]
    return out


def _shares_suffix(noun: Token) -> bool:
    """Whether a noun before a coordination takes the hyphened adjective of the next noun:
    in "fragrance and dye-free soap" (read as "fragrance" and "dye-free soap") the soap is
    free of fragrance too, and fragrance is no item of its own.

    Only a bare singular noun, which can stand before an adjective as its first part (the
    tagger reads a capitalized one as a proper noun: "Fragrance and dye-free soaps"): a
    plural or a noun with words of its own is an item ("wear gloves and slip-resistant
    shoes"). A determiner the parser hung on it may be the whole phrase's when the noun
    after the adjective is singular too ("a fragrance and dye-free soap"), not before a
    plural ("a jar and dishwasher-safe lids").
    """
    doc = noun.doc
    if noun.i + 4 >= len(doc) or noun.tag_ not in SINGULAR_NOUN_TAGS:
        return False
    joiner, _, hyphen, suffix = doc[noun.i + 1 : noun.i + 5]
    shared = (
        joiner.dep_ == "cc"
        and hyphen.text == "-"
        and suffix.lower_ in lexicon().hyphen_suffixes
        and suffix.head.dep_ == "conj"
        and suffix.head.head.i == noun.i
    )
    own = {c.dep_ for c in noun.children} - {"cc", "conj"}
    return shared and (not own or (own == {"det"} and suffix.head.tag_ == "NN"))


def _heads_clause(token: Token) -> bool:
    """Whether the clause splitter makes ``token`` the head of a clause of its own."""
    return any(head.i == token.i for head in clause_heads(token.sent))


def _is_noun(token: Token) -> bool:
    """A noun, or a word the tagger misread that stands where a noun does."""
    return token.pos_ in ("NOUN", "PROPN") or misread_noun(token)


def _kinds(noun: Token) -> list[Token]:
    """The nouns that say which kind a noun is: after a kind preposition ("soap with fragrance")
    or a verb of containing ("products containing alcohol", "a lotion that contains fragrance").

    A partitive after "of" sorts nothing out: "soap of any kind" is soap.
    """
    lex = lexicon()
    kinds = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in lex.kind_preps:
            kinds += [
                t
                for t in child.children
                if t.dep_ == "pobj" and t.pos_ in ("NOUN", "PROPN") and lemma(t) not in lex.partitives
            ]
        elif child.dep_ in ("acl", "relcl") and lemma(child) in lex.containing_verbs:
            kinds += [t for t in child.children if t.dep_ == "dobj" and t.pos_ in ("NOUN", "PROPN")]
    return kinds


def _restricted(frame: Frame, action: Token, obj: Token) -> Frame:
    """A use advised against where, on what or as what the act goes, named with that: "avoid
    wearing lenses in the shower" says nothing against lenses, only against them in the shower;
    "never use soap on the pan" nothing against soap elsewhere, "never use tap water as a
    substitute" nothing against tap water for rinsing. Without such a phrase, the thing."""
    where = _place(action, obj)
    return Frame(frame.frame, f"{frame.what} {where}", frame.subject, frame.polarity) if where else frame


def _use_frames(items: list[Token], subject: str, polarity: str) -> list[Frame]:
    """A ``use`` frame for each named item ("soap or hot water" -> soap, water); unnamed ones
    (a pronoun with no antecedent) say nothing, nor does a proportion ("use a 1:10 ratio of
    bleach to water" uses bleach and water in it, which its value names)."""
    proportions = lexicon().proportion_nouns
    names = (phrase_name(item) for item in items if lemma(item) not in proportions)
    return [Frame("use", name, subject, polarity) for name in names if name]


#: Dependents that describe a noun as a thing: a participle or relative clause after it.
THING_CLAUSES = frozenset({"acl", "relcl"})


def _names_act(item: Token) -> bool:
    """A bare gerund, which names an act rather than a thing: "no swimming", "avoid scrubbing".

    The tagger reads most gerunds as nouns, so an "-ing" word whose lemma the lemmatizer
    knows as a verb (:func:`lemma`) counts, unless a modifier makes it a thing: "tight
    clothing", "a thin coating", "the seasoning" (a determiner other than "no"), "clothing made
    of wool", "packaging that cannot be recycled".
    """
    return (
        item.lower_.endswith("ing")
        and lemma(item) != item.lower_
        and not any(_makes_thing(c) for c in item.children)
    )


def _makes_thing(modifier: Token) -> bool:
    """A dependent that makes a gerund a thing: a modifier of nouns (but "no"), or a clause."""
    return (modifier.dep_ in NOUN_MODIFIERS and not _is_denial(modifier)) or modifier.dep_ in THING_CLAUSES


def _things_or_acts(items: list[Token], subject: str, polarity: str) -> list[Frame]:
    """Frames for items advised on by name: ``advice`` for a bare gerund, which names an act
    (so "no swimming" and "do not swim" speak of one thing), ``use`` for the others."""
    frames = []
    for item in items:
        if item.tag_ == "VBG":  # a gerund read as a verb names its object too: "no taking baths"
            frames.append(Frame("advice", activity(item), subject, polarity))
        else:
            kind = "advice" if _names_act(item) else "use"
            frames.append(Frame(kind, phrase_name(item), subject, polarity))
    return [frame for frame in frames if frame.what]


def _verdict_frames(head: Token, subject: str) -> list[Frame]:
    """Advice given by recommending or advising against a thing named as the subject or object.

    "Pruning in autumn is not recommended", "salt should be avoided" (a passive whose
    subject is what is advised on), "we recommend a soft brush" (a recommended thing),
    "experts recommend against feeding grapes" (against an act), and a permission or a ban
    in the passive ("dogs are not allowed on the trail", "smoking is prohibited").
    """
    lex = lexicon()
    word = lemma(head)
    passive = _is_passive(head)
    permission = lex.permit_verbs | lex.forbid_verbs if passive else frozenset()
    if word not in lex.recommend_verbs | lex.avoid_verbs | permission:
        return []
    against = (word in lex.avoid_verbs | lex.forbid_verbs) != is_negated(head)
    thing = next((c for c in head.children if c.dep_ == "nsubjpass"), None) if passive else None
    if not passive and _acting_subject_of(head):
        return []  # "regular pruning encourages new growth": an act's effect, nobody's advice
    if thing is None and word in lex.recommend_verbs:
        thing = object_of(head)
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "against"), None)
        if thing is None and prep is not None:
            thing, against = next((c for c in prep.children if c.dep_ in ("pcomp", "pobj")), None), True
    if thing is None or thing.pos_ == "PRON" or _names_the_text(thing):
        return []
    polarity = NEGATE if against else AFFIRM
    if thing.pos_ == "VERB":
        act = activity(thing)
        return [Frame("advice", act, subject, polarity)] if act else []
    if thing.pos_ not in ("NOUN", "PROPN"):
        return []
    return _things_or_acts(_items(thing), subject, polarity)


def _acting_subject_of(verb: Token) -> bool:
    """Whether a verb's subject is an act, a gerund however tagged ("pruning", "adding salt"),
    which can bring a thing about but recommends nothing."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None:
        return False
    return subject.dep_ == "csubj" or subject.tag_ == "VBG" or lemma(subject) != subject.lemma_.lower()


def _names_the_text(noun: Token) -> bool:
    """ "the following", "these steps", "the tips below": a pointer to the page, which names
    nothing a second page could advise on."""
    lex = lexicon()
    return noun.lower_ in lex.text_deictics or (lemma(noun) in lex.text_nouns and pointed(noun))


def pointed(word: Token) -> bool:
    """A word a pointing word goes with: "these steps", "the guide below", "see the chart below"
    (where the parser hangs "below" on the verb)."""
    return any(c.lower_ in lexicon().text_deictics and c.dep_ != "dobj" for c in word.children)


def practice_frames(head: Token, verb: Token | None, subject: str) -> list[Frame]:
    """``advice`` / ``use`` frames of a clause, one per coordinated item.

    ``verb`` is the clause's :func:`advice_verb`; without one, a use may still be stated.
    """
    lex = lexicon()
    verdict = _verdict_frames(head, subject)
    if verdict:
        return verdict
    if verb is None:
        return (
            _judged_thing_frames(head, subject)
            or _statement_use_frames(head, subject)
            or _verbless_frames(head, subject)
        )
    if _points_at_statement(verb):
        # "keep in mind that you must turn off the breaker": the statement's own advice or use
        statement = _statement_of(verb)
        if statement is None or statement.i == head.i:
            return []
        return practice_frames(statement, advice_verb(statement), subject)
    action, negative = _advised_action(verb)
    if (verb.i != head.i and is_negated(head)) != _judged_against(head):
        # "you do not need to rewrap it", "we don't recommend using X", "there is no need to
        # rewrap it", "rewrapping it is unnecessary": advice against.
        negative = not negative
    polarity = NEGATE if negative else AFFIRM
    shunned = _kept_away_from(action)
    if shunned is not None:  # "stay away from salt water" advises against salt water
        return _things_or_acts(_items(shunned), subject, AFFIRM if negative else NEGATE)
    if lemma(action) in lex.avoid_verbs:
        obj = object_of(action)
        return _things_or_acts(_items(obj), subject, polarity) if obj is not None else []
    if lemma(action) in lex.use_verbs:
        obj = object_of(action)
        if obj is not None and phrase_name(obj):
            # The parser may hang a misread second object on the verb ("applying makeup or sunscreen").
            extra = [c for c in action.children if c.dep_ == "conj" and misread_noun(c)]
            against = AFFIRM if negative else NEGATE
            refused = [Frame("use", name, subject, against) for name in _refused(obj) if name]
            kept = [item for item in _items(obj) if item not in refused_things(obj)]
            used = _use_frames([*kept, *extra], subject, polarity)
            return [_restricted(f, action, obj) if negative else f for f in used] + refused
    chosen = _chosen(action)
    if chosen is not None:
        return _use_frames(_items(chosen), subject, polarity)
    if lemma(action) in lex.web_actions:
        return []
    listed_frames = _list_frames(action, subject, polarity)
    if listed_frames is not None:
        return listed_frames
    obj = object_of(action) or _passive_subject(action)
    action_name, places = verb_name(action), _places(action, obj) or [""]
    if obj is not None and (obj.pos_ in ("NOUN", "PROPN") or phrase_name(obj)):
        names = (
            " ".join(w for w in (action_name, phrase_name(item), place) if w)
            for item in _items(obj)
            for place in places
        )
        return [Frame("advice", name, subject, polarity) for name in names]
    # A bare verb names the act itself: "do not pick" and "never pick" speak of one thing;
    # a verb that only hands its meaning on ("be sure", "make sure", "do this") names nothing.
    if lemma(action) in lex.empty_verbs:
        return [Frame("advice", "", subject, polarity)]
    names = (" ".join(w for w in (action_name, place) if w) for place in places)
    return [Frame("advice", name, subject, polarity) for name in names]


def _chosen(verb: Token) -> Token | None:
    """The thing a verb of choosing takes after its preposition: "opt for a low-VOC paint",
    "stick to lukewarm water" use that paint and that water."""
    prep = lexicon().choosing_verbs.get(lemma(verb))
    if prep is None or any(c.dep_ == "dobj" for c in verb.children):
        return None  # "stick the label to the jar" chooses nothing
    after = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == prep), None)
    if after is None:
        return None
    return next((t for t in after.children if t.dep_ == "pobj" and t.pos_ in ("NOUN", "PROPN")), None)


def _passive_subject(verb: Token) -> Token | None:
    """What a passive order acts on, its subject: "bananas should be kept at room temperature"
    is to keep bananas so, "tomatoes should not be refrigerated" not to refrigerate them."""
    if not _is_passive(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN")), None)


def _is_passive(verb: Token) -> bool:
    """A verb in the passive: it has a passive auxiliary ("is known", "should be refrigerated")."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def refused_things(obj: Token) -> list[Token]:
    """The things after an object's contrastive "not", with those coordinated with them: in
    "use paper litter, not clay or clumping litter" the parser hangs "clay" on "litter" as a
    conjunct, which would otherwise be read as a second thing to use."""
    negation = next((c for c in obj.children if _contrastive(c)), None)
    if negation is None:
        return []
    first = [c for c in obj.children if c.dep_ in ("appos", "conj") and c.i > negation.i]
    return [item for thing in first for item in _items(thing)]


def _refused(obj: Token) -> list[str]:
    """Names of what an object is set against after "not": "use bread flour, not cake flour",
    "a wooden spoon, not a metal one" (a metal spoon: "one" stands for the object's noun).

    The parser hangs the refused thing on the object as an apposition and the "not" on the
    object itself.
    """
    refused = refused_things(obj)
    pronoun_one = lexicon().pronoun_one
    used = set(phrase_name(obj).split())
    names = []
    for thing in refused:
        stands_for_obj = thing.lower_ in pronoun_one or any(w.lower_ in pronoun_one for w in thing.children)
        name = f"{phrase_name(thing)} {lemma(obj)}".strip() if stands_for_obj else phrase_name(thing)
        # A refused thing set apart only by words the name leaves out ("fresh gas, not gas that
        # has sat for a month") would read as refusing the used thing itself.
        if name and not set(name.split()) <= used:
            names.append(name)
    return names


def _kept_away_from(action: Token) -> Token | None:
    """What "stay away from X", "keep away from X", "steer clear of X" or "beware of X" keeps
    the reader from.

    With an object ("keep the dog away from the stairs") the order acts on the object: None.
    """
    lex = lexicon()
    if lemma(action) in lex.wary_verbs:  # "beware the ice", "beware of the ice"
        preps = (c for c in action.children if c.dep_ == "prep" and c.lower_ in lex.wary_preps)
        held = (t for p in preps for t in p.children if t.dep_ in ("pobj", "pcomp"))
        return next(held, None) or object_of(action)
    if lemma(action) not in lex.distance_verbs or any(c.dep_ == "dobj" for c in action.children):
        return None
    marks = [c for c in action.children if c.lower_ in lex.distance_words]
    for holder in (action, *marks) if marks else ():
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in lex.distance_preps:
                return next((t for t in prep.children if t.dep_ in ("pobj", "pcomp")), None)
    return None


def _points_at_statement(verb: Token) -> bool:
    """An order to know or notice a statement: "note that the glue sets fast", "it is important
    to understand what the label means", "keep in mind that ...", "be aware that ...". The
    statement is the claim; the order adds no act."""
    lex = lexicon()
    if _statement_of(verb) is None:
        return False
    in_mind = any(
        c.dep_ == "prep" and any(lemma(g) == lex.attention_noun for g in c.children) for c in verb.children
    )
    aware = any(c.dep_ == "acomp" and lemma(c) in lex.attention_adjectives for c in verb.children)
    return lemma(verb) in lex.attention_verbs or in_mind or aware


def _statement_of(verb: Token) -> Token | None:
    """The clause a verb of knowing points at: its own "that" clause, or its adjective's ("be
    aware that ...")."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    return next((c for t in holders for c in t.children if c.dep_ == "ccomp"), None)


#: Parts of speech a listed verb may carry (the tagger reads many as nouns or adjectives).
LISTED_ACT_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})


def _listed_acts(action: Token) -> list[Token]:
    """Single words listed after an act, the last after a conjunction: "pick, scratch or peel".

    English lists acts that share an object as bare verbs between commas ("wash, rinse and
    dry the pan"); the small parser reads most of them as nouns and hangs them anywhere, so
    the list is found by its shape: right after the act, one word after each comma, and a
    coordinating conjunction (an optional comma before it) and one word to close it. Empty
    when the act is not followed by such a list; "wash and dry it" the parser reads as two
    clauses.
    """
    doc, end = action.doc, action.sent.end
    listed: list[Token] = []
    index = action.i + 1
    while index + 1 < end and doc[index].text == "," and doc[index + 1].is_alpha:
        if doc[index + 1].tag_ == "CC":
            index += 1  # the comma before the conjunction
            break
        listed.append(doc[index + 1])
        index += 2
    closes = index + 1 < end and doc[index].tag_ == "CC" and doc[index + 1].is_alpha
    acts = [*listed, doc[index + 1]] if closes and listed else []
    # The tagger may misread a listed verb as a noun or an adjective, never as a word of
    # another class: "stir, however, and cook" lists no act "however".
    return acts if all(t.pos_ in LISTED_ACT_POS for t in acts) else []


def _list_reaches(last: Token) -> bool:
    """Whether a negation before a list reaches its acts, given the list's last act (which its
    conjunction precedes): it does across "or" ("do not pick, scratch or peel it" forbids
    each), not across "and" ("don't panic, relax and breathe" advises the last two)."""
    return last.doc[last.i - 1].lower_ in lexicon().disjunctions


def _list_leader(action: Token) -> Token | None:
    """The act before ``action`` in its sentence whose :func:`_listed_acts` hold it, if any."""
    before = action.doc[action.sent.start : action.i]
    return next((t for t in before if t.pos_ == "VERB" and action in _listed_acts(t)), None)


def _list_frames(action: Token, subject: str, polarity: str) -> list[Frame] | None:
    """Advice frames of an act that opens or belongs to a list of acts; None for other acts.

    "Never pick, scratch or peel the scab": each act, on the object the list shares, with the
    negation that opens the list where it reaches (:func:`_list_reaches`). Each act speaks in
    its own clause, so that a claim's words always hold its act: the parser makes some listed
    verbs clauses of their own ("fold" in "sift, whisk and fold the flour"), and the list's
    first act speaks for the others.
    """
    leader = _list_leader(action)
    listed = _listed_acts(leader if leader is not None else action)
    if not listed:
        return None
    shared = object_of(listed[-1])
    thing = phrase_name(shared) if shared is not None else ""
    negative = is_negated(leader) if leader is not None else polarity == NEGATE
    side = NEGATE if negative and _list_reaches(listed[-1]) else AFFIRM
    if leader is not None:
        acts = [(action, side)]
    else:
        own_clauses = {head.i for head in clause_heads(action.sent)}
        acts = [(action, polarity), *((t, side) for t in listed if t.i not in own_clauses)]
    return [Frame("advice", " ".join(w for w in (verb_name(a), thing) if w), subject, p) for a, p in acts]


def _statement_use_frames(head: Token, subject: str) -> list[Frame]:
    """ "We do not use numbing cream", "a primer is applied": use stated rather than advised
    ("detergents wear away the coating" removes it, :func:`_removal_particle`)."""
    if lemma(head) not in lexicon().use_verbs or _removal_particle(head) is not None:
        return []
    passive = any(c.dep_ == "nsubjpass" for c in head.children)
    obj = subject_of(head) if passive else object_of(head)
    if obj is None or not phrase_name(obj):
        return []
    polarity = NEGATE if is_negated(head) else AFFIRM
    return _use_frames(_items(obj), subject, polarity)


def _judged_thing_frames(head: Token, subject: str) -> list[Frame]:
    """ "Mild soap is best", "a lid is essential", "a bandage is unnecessary": a thing advised on.

    A deontic adjective said of a named thing, with no act after it, recommends having or
    using the thing; a needless one advises against it.
    """
    lex = lexicon()
    if head.lemma_.lower() != "be":
        return []
    judged = next((c for c in head.children if _judges(c)), None)
    thing = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if judged is None or thing is None or thing.pos_ not in ("NOUN", "PROPN"):
        return []
    # A judgment with its own scope judges something else ("the weather is best in May",
    # "best for beginners"), and "this step is crucial" points back to a thing named before.
    if any(c.dep_ == "prep" for c in (*head.children, *judged.children)) or any(
        "Dem" in c.morph.get("PronType", []) for c in thing.children
    ):
        return []
    needless = bool(_forms(judged) & lex.needless_adjectives)
    polarity = NEGATE if needless != is_negated(head) else AFFIRM
    return _things_or_acts(_items(thing), subject, polarity)


def _verbless_frames(head: Token, subject: str) -> list[Frame]:
    """ "No soap, hot water or scrubbing." : things and acts advised against without a verb.

    With no verb to hang the list on, the parser reads its later items as appositions of
    the first ("no baths, no pools, no swimming"); a verbless sentence names nothing twice,
    so each is an item of its own.
    """
    if head.pos_ not in ("NOUN", "PROPN") or not denied(head):
        return []
    found: dict[int, Token] = {}
    todo = [head]
    while todo:
        noun = todo.pop()
        for item in _items(noun):
            found.setdefault(item.i, item)
        # A later item with its own "no" is a noun phrase whatever its tag ("no touching", read
        # as an adjective).
        todo.extend(
            c
            for c in noun.children
            if c.dep_ in ("appos", "conj") and (_is_noun(c) or denied(c)) and c.i not in found
        )
    # What "just" or "only" brings in is offered, with what is joined to it ("just fruit and nuts").
    offered = {t.i for t in found.values() if _contrasted(t)}
    refused = [t for i, t in sorted(found.items()) if not _after_contrast(t, offered)]
    return _things_or_acts(refused, subject, NEGATE)


def _after_contrast(item: Token, offered: set[int]) -> bool:
    """Whether ``item`` is an offered item or coordinated after one."""
    node = item
    while True:
        if node.i in offered:
            return True
        if denied(node) or node.dep_ != "conj" or node.head.i == node.i:
            return False  # an item with its own "no" is denied again: "only fruit, and no eggs"
        node = node.head


def _contrasted(item: Token) -> bool:
    """A list item after "just" or "only", which offers it: "no sugar, no dairy, just fruit"."""
    before = item.doc[max(item.sent.start, item.left_edge.i - 1) : item.i]
    return any(t.lower_ in lexicon().list_contrast for t in before)


def denied(token: Token) -> bool:
    """A word the determiner "no" goes with: "no soap", "no swimming"."""
    return any(_is_denial(c) for c in token.children)


def _is_denial(word: Token) -> bool:
    """The determiner "no" (``negation.denial``)."""
    return word.dep_ == "det" and word.lower_ == lexicon().denial


def suitability_frames(head: Token, subject: str) -> list[Frame]:
    """ "X is (not) suitable for Y": fitness of X for Y.

    The thing is X with Y when the page names X ("hiking is safe for dogs" -> hike dog,
    "grapes are toxic to dogs" -> grape dog: two things, which must not conflict), and Y
    alone when X is a pronoun ("it is not suitable for children").
    """
    lex = lexicon()
    for adj in (c for c in head.subtree if c.dep_ in ("acomp", "amod", "attr", "oprd", "ROOT")):
        word = adj.lemma_.lower()
        if word not in lex.suitable | lex.unsuitable | lex.permission:
            continue
        negative = (word in lex.unsuitable) != (is_negated(head) or is_negated(adj))
        polarity = NEGATE if negative else AFFIRM
        # "for" may hang on the adjective or on its verb: "is safe for dogs".
        near = [adj, head] if adj.head.i == head.i else [adj]
        target = next(
            (p for t in near for p in t.children if p.dep_ == "prep" and p.lower_ in lex.suitability_preps),
            None,
        )
        # What it is fit for may be an act: "not suitable for worm composting" (a gerund, pcomp).
        fits = [t for t in target.children if t.dep_ in ("pobj", "pcomp")] if target is not None else []
        pobj = fits[0] if fits else None
        if pobj is not None:
            fit = _fit_thing(head)
            names = [activity(item) if item.dep_ == "pcomp" else phrase_name(item) for item in _items(pobj)]
            return [
                Frame("suitability", " ".join(w for w in (fit, name) if w), subject, polarity)
                for name in names
                if name
            ]
        allowed = _allowed(head, adj) if word in lex.permission else ""
        return [Frame("suitability", allowed, subject, polarity)] if allowed else []
    return []


def _fit_thing(head: Token) -> str:
    """The named subject whose fitness a predicate judges, "" for a pronoun or none."""
    subject = subject_of(head)
    if subject is None or subject.pos_ == "PRON":
        return ""
    return activity(subject) if subject.pos_ == "VERB" else phrase_name(subject)


def _allowed(head: Token, adj: Token) -> str:
    """What a predicate of permission allows: "showers are fine", "it is ok to swim" -> shower, swim."""
    if adj.dep_ not in ("acomp", "attr") or adj.head.i != head.i or lemma(head) != "be":
        return ""
    act = _xcomp(adj) or _xcomp(head)
    if act is not None and act.pos_ in ("VERB", "AUX"):
        return activity(act)
    subject = subject_of(head)
    if subject is None or subject.pos_ == "PRON":
        return ""
    return activity(subject) if subject.pos_ == "VERB" else phrase_name(subject)


def effect_frames(head: Token, subject: str) -> list[Frame]:
    """ "X causes / reduces / improves Y": an effect on the thing named by the object.

    A causative hands the effect to its complement: "a lid helps prevent splatter" is
    preventing splatter, "cold water causes the glass to crack" cracking the glass, and
    "brining makes the meat juicier" a juicier meat.
    """
    lex = lexicon()
    if _participle_as_root(head):
        return []
    negated = is_negated(head)
    inner = _caused(head) if lemma(head) in lex.causatives else None
    while inner is not None and lemma(inner) in lex.causatives and _caused(inner) is not None:
        head, inner = inner, _caused(inner)  # "helps keep the pan dry"
    # The parser may hang a gerund object on the verb as a noun complement ("can cause peeling").
    named = inner if inner is not None and inner.pos_ in ("NOUN", "PROPN") and not _is_state(inner) else None
    # A verb of effect with no object of its own says what becomes of the causative's object:
    # "cold water causes the glass to crack" is a state brought about, as "... to shatter" is.
    acts_on = inner is not None and object_of(inner) is not None
    if inner is not None and inner.pos_ in ("VERB", "AUX") and lemma(inner) in lex.effect_verbs and acts_on:
        head, negated = inner, negated or is_negated(inner)
    elif inner is not None and named is None:
        return _caused_state(head, inner, subject, negated or is_negated(inner))
    particle = None if lemma(head) in lex.effect_verbs else _removal_particle(head)
    if lemma(head) not in lex.effect_verbs and particle is None:
        return []
    passive = _passive_effect(head)
    if passive is not None:
        return passive
    obj = object_of(head) or named
    if obj is None and lemma(head) in lex.phrasal_effects:
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in lex.effect_preps), None)
        obj = next((t for t in prep.children if t.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or not phrase_name(obj):
        return []
    polarity = NEGATE if negated else AFFIRM
    verb = f"{lemma(head)} {particle.lower_}" if particle is not None else lemma(head)  # "wash away"
    names = [phrase_name(item) for item in _items(obj)]
    return [Frame("effect", f"{verb} {name}", subject, polarity) for name in names if name]


def _removal_particle(verb: Token) -> Token | None:
    """The particle of removal right after a verb, which makes any verb one of effect: "rinsing
    can wash away the salt", "detergents wear away the coating". The parser hangs it as an
    adverb as often as a particle."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or after.head.i != verb.i or after.dep_ not in ("prt", "advmod"):
        return None
    return after if after.lower_ in lexicon().removal_particles else None


def _participle_as_root(head: Token) -> bool:
    """A participle the parser made a sentence's verb without the auxiliary a verb form needs.

    "cracked eggs", "irritating products for a week": a noun phrase with a participle before
    its noun, which asserts nothing; a past participle is a verb with "have" or a passive
    auxiliary ("frost has cracked the pipe"), a present one with "be" ("salt is dissolving").
    """
    if head.dep_ != "ROOT" or head.tag_ not in ("VBN", "VBG"):
        return False
    needed = "have" if head.tag_ == "VBN" else "be"
    return not any(c.dep_ == "auxpass" or (c.dep_ == "aux" and lemma(c) == needed) for c in head.children)


def _passive_effect(head: Token) -> list[Frame] | None:
    """ "Cloudy water is often caused by poor filtration": the agent after "by" is the cause and
    the passive subject what it acts on. None when the verb is no passive with an agent."""
    changed = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in head.children if c.dep_ == "agent"), None)
    cause = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if changed is None or cause is None or not phrase_name(changed) or not phrase_name(cause):
        return None
    polarity = NEGATE if is_negated(head) else AFFIRM
    # Each agent of a list is a cause of its own: "rust is caused by salt, damp and scratches".
    what = f"{lemma(head)} {phrase_name(changed)}"
    return [Frame("effect", what, name, polarity) for name in map(phrase_name, _items(cause)) if name]


def measured_name(noun: Token) -> str:
    """A noun's name, or for a measure noun the modifiers that say what it measures: "the
    drying time" is the drying's, "the watering schedule" the watering's."""
    modifiers = (c for c in noun.lefts if c.dep_ in ("amod", "compound"))
    return phrase_name(noun) or " ".join(name for name in map(phrase_name, modifiers) if name)


def reversed_effect_frames(head: Token) -> list[Frame]:
    """ "The drying time depends on the humidity", "cracks can result from frost": effects
    told from the thing changed.

    The subject is what changes, the object of the verb's preposition what changes it, one
    cause per item of a list ("the finish depends on the grit and the pressure"). A pronoun
    subject ("it depends on the weather") names nothing to compare and gives no frame.
    """
    preps = lexicon().reversed_effects.get(lemma(head), frozenset())
    on = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in preps), None)
    cause = next((c for c in on.children if c.dep_ in ("pobj", "pcomp")), None) if on is not None else None
    changed = subject_of(head)
    if cause is None or changed is None or changed.pos_ == "PRON":
        return []
    name = activity(changed) if changed.pos_ in ("VERB", "AUX") else measured_name(changed)
    if not name:
        return []
    polarity = NEGATE if is_negated(head) else AFFIRM
    causes = [activity(i) if i.pos_ == "VERB" else phrase_name(i) for i in _items(cause)]
    return [Frame("effect", f"{lemma(head)} {name}", c, polarity) for c in causes if c]


def comparison_frames(head: Token, subj: Token | None) -> list[Frame]:
    """A comparative said of a named kind of thing: "cold eggs take longer to cook", "fresher
    eggs are more difficult to peel", "smaller dogs need less food".

    It states how that kind differs, an effect of what sets it apart (its modifier), so it is
    an effect of the subject: subject "cold egg", effect "take longer cook". Only of a kind
    (:func:`_names_a_kind`): "it takes longer" or "my car is older" names none.
    """
    if subj is None or not _names_a_kind(subj):
        return []
    node = _raised(head)
    compared = _comparative(node)
    if compared is None:
        return []
    lex = lexicon()
    degree = next(
        (c for c in compared.children if c.lower_ in lex.degree_words or c.tag_ in GRADED_TAGS), None
    )
    words = [lemma(node)] if lemma(node) != "be" else []
    if degree is not None:
        words.append(degree.lower_)  # "less likely", "lower bills": the direction is the claim
    else:  # "more frequent watering": the graded modifier says the direction
        words.extend(_graded_modifier(compared))
    # A comparative keeps its form ("better" is no "well"); a word it modifies, its lemma.
    words.append(compared.lower_ if _compares(compared) else lemma(compared))
    # "harder to peel": the act compared; after "preferable" the "to" names the other thing,
    # which the parser may read as an infinitive ("preferable to tap water").
    acts = (c for t in (compared, node) for c in t.children if c.dep_ == "xcomp" or _infinitive_relative(c))
    goal = None if compared.lower_ in lex.latinate_comparatives else next(acts, None)
    if goal is not None:
        words.append(lemma(goal))
    return [Frame("effect", " ".join(words), phrase_name(subj), NEGATE if is_negated(node) else AFFIRM)]


def _names_a_kind(noun: Token) -> bool:
    """A noun phrase that names a kind of thing ("cold eggs", "a ripe banana", "your tires"),
    not a pronoun, the writer's own thing ("my car"), one of a series ("the second coat"), an
    amount ("less clutter") or a kind set apart by words its name leaves out ("cats that stay
    indoors", "tomatoes grown in pots", "dogs with short coats")."""
    lex = lexicon()
    if noun.pos_ not in ("NOUN", "PROPN") or not phrase_name(noun):
        return False
    for child in noun.children:
        if child.lower_ in lex.degree_words | lex.negators or child.dep_ in ("relcl", "acl", "prep"):
            return False  # "less clutter", "cats that hunt", "dogs with short coats"
        if (child.dep_ == "poss" and child.lower_ in lex.own_possessives) or (
            child.dep_ == "amod" and is_ordinal(child)
        ):
            return False  # "my car", "the second coat"; "your tires", "a dog's coat" are any
    return True


def _comparative_modifiers(word: Token) -> list[Token]:
    """The children of a comparative and of its degree word ("no" in "no more expensive")."""
    degree = [c for c in word.children if c.lower_ in lexicon().degree_words]
    return [c for t in (word, *degree) for c in t.children]


def _compares(word: Token) -> bool:
    """A comparative or superlative by its form ("longer", "hardest") or by its meaning
    ("preferable", "superior")."""
    return word.tag_ in GRADED_TAGS or word.lower_ in lexicon().latinate_comparatives


def _graded(noun: Token) -> bool:
    """A noun with a comparative or superlative before it, or a modifier graded so: "more
    care", "less charge", "more frequent watering", "the longest life"."""
    degree = lexicon().degree_words
    graded = any(c.tag_ in GRADED_TAGS or c.lower_ in degree for c in noun.children)
    return graded or bool(_graded_modifier(noun))


def _graded_modifier(noun: Token) -> list[str]:
    """The degree word and adjective of a graded modifier: "more frequent watering" -> more, frequent."""
    degree = lexicon().degree_words
    for child in noun.children:
        graded = next((c for c in child.children if c.lower_ in degree), None)
        if child.dep_ == "amod" and graded is not None:
            return [graded.lower_, lemma(child)]
    return []


def _infinitive_relative(word: Token) -> bool:
    """A "to" infinitive the parser hangs as a relative clause: "the hardest to peel" (the
    "to" makes it a verb however the tagger reads it: "the easiest to mash")."""
    return word.dep_ == "relcl" and _to_infinitive(word)


def _reported(verb: Token) -> Token:
    """The infinitive a passive verb of evidence hands its subject to, else the verb itself:
    "salt is known to slow the yeast" states that salt slows the yeast, "smoking has been
    shown to raise the risk" that smoking raises it."""
    if lemma(verb) not in lexicon().evidential_verbs or not _is_passive(verb):
        return verb
    inner = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    return inner if inner is not None else verb


def _raised(verb: Token) -> Token:
    """The verb a raising or handing-on verb passes its predicate to: "eggs tend to last longer"."""
    lex = lexicon()
    while lemma(verb) in lex.raising_verbs | lex.hand_over:
        inner = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if inner is None:
            break
        verb = inner
    return verb


def _comparative(verb: Token) -> Token | None:
    """The word a predicate compares on: "longer", "more difficult", "more labor".

    A negating or cancelling word on the comparative or its degree word ("no longer", "not any
    longer", "no more expensive") makes it compare nothing.
    """
    lex = lexicon()
    for child in verb.children:
        if any(c.lower_ in lex.cancelling_words or c.dep_ == "neg" for c in _comparative_modifiers(child)):
            continue  # "no longer sold", "no more expensive"
        if child.dep_ in ("acomp", "advmod", "oprd", "attr"):
            if _compares(child) and child.lower_ not in lex.degree_words:
                return child  # "last longer", "is lighter", "are the hardest to peel", "is preferable"
            if any(c.lower_ in lex.degree_words for c in child.children):
                return child  # "is more difficult", "less likely"
        if child.dep_ in ("dobj", "attr") and _graded(child):
            return child  # "needs more care", "needs more frequent watering", "is the most durable wood"
    return None


def asserted_predicates(clause: Clause) -> list[tuple[Token, Token | None]]:
    """Predicates inside a clause that the sentence asserts besides its head, with their subjects.

    Each may state an effect, as a claim beside the main one:

    - a clause of reason ("avoid the sun, as it can fade the ink"), a result or manner
      participle ("cool them fast, stopping the cooking") or a purpose ("rinse the rice to
      remove the starch"); a condition ("if it causes a rash") or a time ("until it stops
      bubbling") asserts nothing;
    - a relative clause, whose subject is the noun it describes ("a lid that stops splatter"),
      or what that noun is said to be (:func:`_described`);
    - a verb coordinated with any of these, with no subject of its own ("rinse the rice to
      remove the starch and stop clumping").
    """
    reasons = lexicon().reason_marks
    found: list[tuple[Token, Token | None]] = []
    for token in clause.span:
        if token.dep_ == "advcl" and token.head.i == clause.head.i:
            marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
            purpose = not marks and _to_infinitive(token)
            if marks & reasons or purpose or _free_participle(token, clause.head):
                found.append((token, subject_of(token)))
        elif token.dep_ == "relcl" and any(
            c.dep_ in SUBJECT_DEPS and c.tag_ in RELATIVE_TAGS for c in token.children
        ):
            found.append((token, _described(token.head)))
    fit_for = _predicated_purpose(clause.head)
    if fit_for is not None:
        found.append((fit_for, subject_of(clause.head)))
    # "wax it to protect the paint and repel water", "a layer that keeps the soil moist and
    # blocks weeds": a verb coordinated with an asserted one, with no subject of its own, is
    # asserted of the same subject.
    shared = [
        (conjunct, subject)
        for predicate, subject in found
        for conjunct in predicate.conjuncts
        if conjunct.i > predicate.i
        and conjunct.pos_ == "VERB"
        and clause.span.start <= conjunct.i < clause.span.end
        and not any(c.dep_ in SUBJECT_DEPS for c in conjunct.children)
    ]
    return found + shared


def _predicated_purpose(head: Token) -> Token | None:
    """What "be" says its subject does through an adjective or noun of fitness, if anything.

    "Salt is essential to preventing mould", "a weekly rinse is enough to keep the filter
    clean", "pruning is a great way to help ensure healthy growth": the subject does what the
    verb after the complement says. Not when denied ("wax is not enough to stop rust"), when
    the complement is one of excess ("too thick to cover the stain" does not cover it), nor of
    a pronoun or a noun of a rule ("the goal is to keep the soil moist" names no cause).
    """
    lex = lexicon()
    subject = subject_of(head)
    if lemma(head) != "be" or is_negated(head) or subject is None or subject.pos_ == "PRON":
        return None
    if lemma(subject) in lex.ruling_nouns:
        return None
    for complement in (c for c in head.children if c.dep_ in ("acomp", "attr")):
        if any(c.lower_ in lex.excess_words for c in complement.children):
            return None
        preps = (c for c in complement.children if c.dep_ == "prep" and c.lower_ in lex.purpose_preps)
        acts = (t for p in preps for t in p.children if t.dep_ == "pcomp" and t.pos_ == "VERB")
        act = _infinitive_of(complement) or next(acts, None)
        if act is not None:
            return act
    return None


def _described(noun: Token) -> Token:
    """The thing a relative clause is said of: in "mulch is a layer that blocks weeds" the
    noun after "is" names what mulch is, so mulch blocks weeds; else the noun itself ("gravel
    is not a mulch that stops erosion" says nothing of gravel)."""
    verb = noun.head
    if noun.dep_ == "attr" and lemma(verb) == "be" and not is_negated(verb):
        subject = subject_of(verb)
        if subject is not None and subject.pos_ != "PRON":
            return subject
    return noun


def _caused(causative: Token) -> Token | None:
    """What a causative brings about: its verb complement ("helps prevent splatter"), or the
    state it leaves its object in ("keeps the meat juicy", an object predicate)."""
    inner = _xcomp(causative)
    if inner is not None:
        return inner
    state = next((c for c in causative.children if c.dep_ == "oprd"), None)
    return state if state is not None else _misread_state(causative)


def _misread_state(causative: Token) -> Token | None:
    """A state the small parser took for the head of the causative's object, with the thing
    as its compound: "keeps the soil moist" parsed as the noun phrase "the soil moist"."""
    obj = object_of(causative)
    if obj is None or obj.pos_ not in ("ADJ", "NOUN") or not any(c.dep_ == "compound" for c in obj.children):
        return None  # a name is no state ("makes the Galaxy S24 Ultra")
    return obj if obj.pos_ == "ADJ" or adjective_only(obj.lower_) else None


def _is_state(token: Token) -> bool:
    """A word that says how something is or ends up: a verb, an adjective or adverb, an object
    predicate whatever its tag ("keeps the meat tender"), or a word English has only as an
    adjective that the tagger read as a noun ("keeps the soil moist")."""
    return token.pos_ in ("VERB", "AUX", "ADJ", "ADV") or token.dep_ == "oprd" or adjective_only(token.lower_)


def _caused_state(causer: Token, result: Token, subject: str, negated: bool) -> list[Frame]:
    """The effect a causative names in its complement: what changes, and how."""
    # The complement's own subject ("the glass" to crack), the thing a misread state holds as
    # its compound ("the soil moist"), the causer's object, else, when the causer has none, the
    # complement's own object ("salt helps dissolve the proteins"; not "let's break down X").
    own = next((c for c in result.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl"), None)
    compounds = [c for c in result.children if c.dep_ == "compound"] if result.dep_ in OBJECT_DEPS else []
    changed = own if own is not None else object_of(causer)
    if changed is None and result.pos_ in ("VERB", "AUX"):
        changed = object_of(result)
    if own is None and compounds:  # "keeps the cat food moist": the thing is every compound
        name = " ".join(filter(None, (phrase_name(c) for c in compounds)))
    else:
        name = phrase_name(changed) if changed is not None else ""
    if not name or not _is_state(result):
        return []
    return [Frame("effect", f"{lemma(result)} {name}", subject, NEGATE if negated else AFFIRM)]


def _measured(quantity: Quantity, clause: Clause) -> str:
    """What a non-time measure belongs to: an "of" complement, the noun it modifies, or the subject."""
    doc = clause.span.doc
    proportioned = _proportioned(quantity, doc[quantity.start].sent) if quantity.unit == RATIO else []
    if proportioned:  # "ten parts water" names water
        words = (w for term in proportioned for w in phrase_name(term).split())
        return " ".join(w for w in words if w != lexicon().proportion_part)
    unit = doc[quantity.head]
    # "a z-score of 6", "Salinity: 1.020 to 1.025": a bare number is the value of the thing named.
    if quantity.dimension == STATED_NUMBER:
        things = (stated_thing(t) for t in doc[quantity.start : quantity.end] if t.like_num)
        valued = next((t for t in things if t is not None and phrase_name(t)), None)
        if valued is not None:
            # "the ideal range for pH is 7.2 to 7.6": the property's thing, as for a measure.
            return phrase_name(_attribute_of(valued) or valued)
    for child in unit.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((t for t in child.children if t.dep_ == "pobj"), None)
            if pobj is not None and phrase_name(pobj):
                return phrase_name(pobj)
    stuff = _rate_stuff(quantity, doc)
    if stuff is not None and phrase_name(stuff):
        return phrase_name(stuff)
    if (
        unit.dep_ in ("nummod", "compound", "amod", "nmod")
        and unit.head.pos_ == "NOUN"
        and unit.head.i >= quantity.end
    ):
        return phrase_name(unit.head)
    # "2 cups kosher salt": a list line names the stuff right after its unit, without "of";
    # the parser hangs it on the unit as an apposition.
    listed = [c for c in unit.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i >= quantity.end]
    if listed and phrase_name(listed[0]):
        return phrase_name(listed[0])
    root = clause.head
    opens = quantity.start == root.sent.start and root.dep_ == "ROOT" and root.pos_ == "NOUN"
    if opens and root.i >= quantity.end and phrase_name(root):
        return phrase_name(root)  # "2 cups kosher or coarse sea salt": a verbless line, its noun
    held = _holder(unit)
    return (phrase_name(held) if held is not None else "") or _owner(clause.head)


def _proportioned(quantity: Quantity, sent: Span) -> list[Token]:
    """The two things a proportion sets against each other, when the sentence names them.

    "a 1:10 ratio of bleach to water", "the ratio of vinegar to water is 1:4": the "of" noun of
    the noun of proportion and the noun after the next "to"; "one part bleach to ten parts
    water": the noun each share stands before. So pages that word it either way name one thing.
    """
    lex = lexicon()
    span = sent.doc[quantity.start : quantity.end]
    shares = [w.head for w in span if lemma(w) == lex.proportion_part]
    if len(shares) == 2 and all(t.pos_ == "NOUN" and t.i > quantity.start for t in shares):
        return shares
    for noun in sent:
        if lemma(noun) not in lex.proportion_nouns:
            continue
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        first = next((t for t in of.children if t.dep_ == "pobj"), None) if of is not None else None
        if first is None or first.pos_ not in ("NOUN", "PROPN"):
            continue
        to = next((t for t in sent.doc[first.i + 1 : sent.end] if t.lower_ in lex.proportion_joiners), None)
        second = next((t for t in to.children if t.dep_ == "pobj"), None) if to is not None else None
        if second is not None and second.pos_ in ("NOUN", "PROPN"):
            return [first, second]
    return []


def _rate_stuff(quantity: Quantity, doc: Doc) -> Token | None:
    """The bare noun a rate measures, between its unit and the word before its divisor.

    "2 cups sugar per litre", "3 kg seed per hectare": the words the rate reader took for the
    stuff (:func:`stuff_end`), however the parser hangs them (it often takes the number for
    the noun's and the unit for a modifier).
    """
    end = stuff_end(doc[quantity.head].sent, quantity.head + 1)
    if end is None or end >= quantity.end:
        return None  # no stuff, or no divisor after it: not a rate
    nouns = [t for t in doc[quantity.head + 1 : end] if t.is_alpha and t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else None


def _holder(unit: Token) -> Token | None:
    """The thing a measure is set or found at, when the sentence names it.

    "Preheat the oven to 220°C", "set the mower to 3 inches": the object brought to the value;
    "an oven preheated to 220°C": the noun the participle describes; "a slow oven (150°C)":
    the noun the measure stands beside.
    """
    if unit.dep_ == "appos" and unit.head.pos_ in ("NOUN", "PROPN"):
        return unit.head
    prep = unit.head
    if unit.dep_ != "pobj" or prep.lower_ not in lexicon().result_preps:
        return None
    verb = prep.head
    # The small tagger reads some nouns as adjectives ("the oven"): a nominal by its function counts.
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ in NOMINAL_DEPS:
        return verb.head
    if verb.pos_ != "VERB":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i and phrase_name(c)]
    return objects[-1] if objects else None


def _owner(head: Token, *, repeat: bool = False) -> str:
    """What a measure in this clause belongs to: the subject of a light verb, else the activity.

    ``repeat`` is set for a measure of repetition, which counts an event: with a light verb,
    the event is its object noun when it has one ("cars need a service every 10,000 miles",
    "get a checkup once a year"), not the subject.
    """
    lex = lexicon()
    inner = _xcomp(head, means=True) if lemma(head) in lex.hand_over | lex.reporting else None
    if inner is not None and inner.pos_ in ("VERB", "AUX"):
        return _owner(inner, repeat=repeat)
    obj = object_of(head)
    if obj is not None and lemma(obj) in lex.timers and not repeat:
        # "set a timer for 12 minutes" times whatever the page is doing, named elsewhere; an act
        # repeated on the device is an act on it ("test the smoke alarm every month").
        return ""
    # A thing kept or held ("keep the fridge below 40°F to slow bacteria") owns the measure,
    # not what it is done for.
    holds = lemma(head) in lex.keeping_verbs and obj is not None and obj.pos_ in ("NOUN", "PROPN")
    purpose = _purpose(head) if lemma(head) in lex.light_verbs and not holds else None
    if purpose is not None:
        # "paint needs 4 hours to dry", "it takes 2 weeks for a cut to heal": the measure is
        # of the purpose, done by its own subject or the light verb's.
        doer = next((c for c in purpose.children if c.dep_ == "nsubj"), None) or subject_of(head)
        name = phrase_name(doer) if doer is not None else ""
        return " ".join(w for w in (name, activity(purpose)) if w)
    subject = subject_of(head)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
    if passive and subject is not None and subject.pos_ == "PRON" and head.pos_ == "VERB":
        # "it should be healed in 2 weeks": what "it" stands for, and what is done to it; a
        # verb of avoiding adds nothing ("this should be avoided for 2 weeks": what "this" is).
        done = "" if lemma(head) in lex.avoid_verbs else verb_name(head)
        return " ".join(w for w in (phrase_name(subject), done) if w)
    if passive and subject is not None and head.pos_ == "VERB" and lemma(head) not in lex.light_verbs:
        # "tires should be rotated every 6,000 miles" is "rotate the tires every 6,000 miles".
        return activity_on(head, subject)
    event = object_of(head) if repeat and lemma(head) in lex.light_verbs else None
    if event is not None and event.pos_ == "NOUN" and phrase_name(event):
        return phrase_name(event)
    if subject is not None and (lemma(head) in lex.light_verbs or passive or head.pos_ in ("ADJ", "NOUN")):
        name = phrase_name(_attribute_of(subject) or subject)
        if name and lemma(head) in lex.staying_verbs:
            name = " ".join(w for w in (name, _kept_state(head, None)) if w)  # "the dough stays covered"
        obj = object_of(head)
        if name or obj is None or not phrase_name(obj):
            return name  # else a placeholder subject: "it is best to keep the bandage on"
    verb = head.pos_ in ("VERB", "AUX") or reads_as_verb(head)
    # A label before a colon ("Minimum: 12 hours", "Descaling: every 3 months") says which value
    # or whose; the verbless clause's own noun does not.
    labelled = any(t.text == lexicon().label_colon for t in head.doc[head.sent.start : head.i + 2])
    if not verb and head.pos_ in ("NOUN", "PROPN") and head.dep_ == "ROOT" and not labelled:
        # A clause the parser found no verb in because the small tagger read its light verb as
        # an adjective or noun: after the subject ("most chains last 3,000 miles", "last" an
        # adjective), the measure is the subject's; as the head of the subject ("a compost
        # tumbler costs $80"), the words before it name the thing. Any other verbless clause
        # ("timothy for adults, alfalfa for rabbits under 6 months") names nothing this way.
        name = phrase_name(head)
        if head.tag_ == "NNS" and lemma(head) in lex.light_verbs and name.endswith(f" {lemma(head)}"):
            return name.removesuffix(f" {lemma(head)}")
        acted = _misread_present(head)
        if acted:
            # "water-based paint dries in an hour" (the verb read as a plural noun): the paint's drying.
            return " ".join(w for w in (name.rpartition(" ")[0], acted) if w)
        after = head.doc[head.i + 1] if head.i + 1 < head.sent.end else None
        if after is not None and after.pos_ not in ("VERB", "AUX") and lemma(after) in lex.light_verbs:
            return name
    if not verb or lemma(head) == "be":
        return ""
    if subject is not None and subject.pos_ in ("NOUN", "PROPN") and object_of(head) is None:
        # "the paint dries in 2 hours" is what "paint takes 2 hours to dry" measures.
        return " ".join(w for w in (phrase_name(subject), activity(head)) if w)
    return activity(head)


def _misread_present(head: Token) -> str:
    """The verb of a present tense the tagger read as a plural noun, after its subject read as
    the noun's modifier and before what it governs ("water-based paint dries in an hour"), or ""."""
    subject = any(c.dep_ in ("compound", "amod") and c.i < head.i for c in head.children)
    governs = any(c.dep_ in ("prep", "advmod", "npadvmod") and c.i > head.i for c in head.children)
    if head.tag_ != "NNS" or not subject or not governs:
        return ""
    base = verb_lemma(head.lower_, "VBZ")
    return base if base != head.lower_ else ""


def _attribute_of(noun: Token) -> Token | None:
    """The thing a measured property belongs to ("the ideal duration for an ice bath" -> ice bath).

    The value already says which property it is (its dimension); the thing is what another
    page will name ("leave the eggs in the ice bath for 10 minutes").
    """
    lex = lexicon()
    if lemma(noun) not in lex.attributes:
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in lex.attribute_preps:
            return next((t for t in child.children if t.dep_ == "pobj" and t.pos_ in ("NOUN", "PROPN")), None)
    # "the water level", "the tire pressure": the thing is the noun before the property.
    compound = [c for c in noun.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    return compound[-1] if compound else None


def _purpose(verb: Token) -> Token | None:
    """The "to" infinitive a light verb's measure is for ("takes an hour to rise"), if any."""
    near = [verb, *(c for c in verb.children if c.dep_ in OBJECT_DEPS)]
    for token in near:
        for child in token.children:
            if child.dep_ in ("advcl", "relcl", "xcomp") and child.pos_ == "VERB" and _to_infinitive(child):
                return child
    return None


def _wait_target(clause: Clause) -> str:
    """The activity a wait is measured against ("before swimming", "until the scab falls").

    With an event it counts from as well ("after sealing"), the wait is for the act it comes
    before: "wait 24 hours after sealing before walking on it" is a wait before walking.
    """
    lex = lexicon()
    relations = [t for t in clause.span if t.lower_ in lex.wait_relations]
    relations.sort(key=lambda t: t.lower_ in lex.wait_counted_from)  # stable: page order otherwise
    for token in relations:
        for child in token.children:
            if child.dep_ in ("pobj", "pcomp"):
                return activity(child) if child.pos_ == "VERB" else phrase_name(child)
        if token.dep_ == "mark":
            return activity(token.head)
    return ""


def _repeated(quantity: Quantity, clause: Clause) -> str:
    """What repeats at an interval: the noun a participle describes ("sessions spaced 4 weeks
    apart" -> session), else the clause's owner ("change the oil every 6 months" -> change oil)."""
    spaced = _spaced_thing(quantity, clause)
    if spaced:
        return spaced
    node = _governing_verb(clause.span.doc[quantity.head])
    # Not an infinitive on a noun, which names the act: "a good idea to season the pan monthly".
    if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN") and node.tag_ != "VB":
        return phrase_name(node.head)
    if (
        node.tag_ in ("VBN", "VBD")
        and not any(c.dep_ in SUBJECT_DEPS for c in node.children)
        and node.head.i != node.i
    ):
        # A reduced passive after an object the parser hung on the verb ("require sessions spaced ...").
        obj = object_of(node.head)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.i < node.i:
            return phrase_name(obj)
    return _owner(clause.head, repeat=True)


def _governing_verb(token: Token) -> Token:
    """The nearest verb at or above ``token`` in the parse (the root when none is).

    A word with its own nominal subject heads a clause whatever its tag: the small tagger
    reads some verbs after a plural subject as adjectives ("says opened jars last a month").
    """
    while token.head.i != token.i and not (
        token.pos_ in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    ):
        token = token.head
    return token


def _spaced_thing(quantity: Quantity, clause: Clause) -> str:
    """The thing after "between" that a gap separates ("48 hours between coats" -> coat)."""
    doc, apart = clause.span.doc, lexicon().apart
    for token in doc[quantity.start : min(quantity.end + 1, clause.span.end)]:
        if token.lower_ in apart and token.pos_ == "ADP":
            pobj = next((t for t in token.children if t.dep_ == "pobj" and t.pos_ in ("NOUN", "PROPN")), None)
            return phrase_name(pobj) if pobj is not None else ""
    return ""


def _time_point(quantity: Quantity, clause: Clause) -> bool:
    """True when a counted noun marks a moment, not a count ("after one session")."""
    doc = clause.span.doc
    noun = (
        doc[quantity.head].head if doc[quantity.head].dep_ in ("nummod", "quantmod") else doc[quantity.head]
    )
    return noun.dep_ == "pobj" and noun.head.lower_ in lexicon().time_points


def _after_earlier(clause: Clause) -> bool:
    """True when the clause measures from an earlier one of the same thing ("after the first one")."""
    for token in clause.span:
        if token.lower_ == "after":
            pobj = next((t for t in token.children if t.dep_ == "pobj"), None)
            if pobj is not None and (
                pobj.lower_ in lexicon().pronoun_one
                or any(is_ordinal(c) or c.lower_ in lexicon().earlier for c in pobj.children)
            ):
                return True
    return False


def time_frames(quantity: Quantity, clause: Clause, subject: str, practice: list[Frame]) -> list[Frame]:
    """A time value as a wait on each thing refrained from ("avoid makeup or sunscreen for a day"),
    or else as one interval, wait or duration."""
    negative = [f for f in practice if f.polarity == NEGATE and f.what]
    if negative and not quantity.repeat:
        return [Frame("wait", f.what, subject, AFFIRM, quantity) for f in negative]
    return [time_frame(quantity, clause, subject, practice)]


def time_frame(quantity: Quantity, clause: Clause, subject: str, practice: list[Frame]) -> Frame:
    """A time value as an interval, a wait or a duration, with what it is about."""
    lex = lexicon()
    head = clause.head
    if quantity.repeat:
        return Frame("interval", _owner(head, repeat=True), subject, AFFIRM, quantity)
    target = _wait_target(clause)
    if (not target or target in lex.pronoun_one) and _after_earlier(clause):
        # "the second session is 4 weeks after the first one": a repetition, measured from the last.
        return Frame("interval", _owner(head, repeat=True), subject, AFFIRM, quantity)
    if target and (lemma(head) in lex.wait_verbs or _let_rest(head) or _carries_wait(head, clause)):
        return Frame("wait", target, subject, AFFIRM, quantity)
    negative = [f for f in practice if f.polarity == NEGATE]
    if negative:
        # Advice against a bare verb ("do not swim for 2 weeks"): the clause's head is the advised verb.
        return Frame("wait", activity(_advised_action(head)[0]), subject, AFFIRM, quantity)
    if target and head.i > clause.span.start and any(t.lower_ in ("after",) for t in clause.span):
        return Frame("wait", target, subject, AFFIRM, quantity)
    if _is_moment(quantity, clause):
        return Frame("wait", _duration_owner(quantity, head), subject, AFFIRM, quantity)
    return Frame("duration", _duration_owner(quantity, head), subject, AFFIRM, quantity)


def _is_moment(quantity: Quantity, clause: Clause) -> bool:
    """A time after "at" ("spay your cat at 5 to 6 months", "harvest the garlic at 8 months"): the
    moment to act, counted from a start, which says how long to wait before the act."""
    doc = clause.span.doc
    return quantity.start > clause.span.start and doc[quantity.start - 1].lower_ in lexicon().moment_preps


def _let_rest(head: Token) -> bool:
    """A verb a verb of waiting lets happen: "let the engine cool for 15 minutes before checking
    the coolant", "allow the sealant to dry for 48 hours before walking on it" are waits before
    the act, as "wait 48 hours before walking on it" is."""
    return head.dep_ in ("ccomp", "xcomp") and lemma(head.head) in lexicon().wait_verbs


def _carries_wait(head: Token, clause: Clause) -> bool:
    """A light verb that only carries a time before an act ("paint needs 24 hours before
    recoating"): a wait for that act. Not a verb of keeping, whose time is how long the thing
    is kept ("keep the plant out of the sun for a week after repotting"), nor a time counted
    from an earlier event alone."""
    lex = lexicon()
    if lemma(head) not in lex.light_verbs or lemma(head) in lex.keeping_verbs:
        return False
    obj = object_of(head)
    if obj is not None and not is_measure(obj):
        return False  # "take the steak out 30 minutes before grilling": an act of its own
    return any(t.lower_ in lex.wait_relations - lex.wait_counted_from for t in clause.span)


def _timed_event(unit: Token) -> str | None:
    """The event a time written before its noun lasts: "a 10-minute ice bath", "the three-day
    festival", "a 20-minute nap" are the bath's, the festival's and the nap's, whatever the
    verb ("give the eggs a 10-minute ice bath"). None for a time not before a noun."""
    noun = unit.head
    before = unit.dep_ in ("compound", "amod", "nmod") and noun.i > unit.i
    if not before or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return phrase_name(noun) or None


def _duration_owner(quantity: Quantity, head: Token) -> str:
    """What a duration is of: the clause's owner, with the stuff an "of" after the unit names.

    "toddlers need 11 to 14 hours of sleep" is the toddlers' sleep, not the toddlers: "adults
    need 7 to 9 hours of sleep" is another thing; "it takes 2 days of brining time" is brining
    time. When the owner already names the stuff ("get 30 minutes of exercise"), it stands, and
    so it does when the "of" names the event the time counts from ("within 2 hours of cooking").
    """
    doc = head.doc
    event = _timed_event(doc[quantity.head])
    if event is not None:
        return event
    kept = _kept_in(quantity, head)
    if kept:
        return kept
    owner = _owner(head)
    if doc[quantity.start].lower_ in lexicon().wait_counted_within:
        return owner
    of = next((c for c in doc[quantity.head].children if c.dep_ == "prep" and c.lower_ == "of"), None)
    stuff = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None
    name = "" if stuff is None else activity(stuff) if stuff.dep_ == "pcomp" else phrase_name(stuff)
    if stuff is not None and lemma(stuff) in lexicon().age_words:
        return owner  # "at 6 to 8 weeks of age" is an age, not a time of something
    if not name or set(name.split()) & set(owner.split()):
        return owner
    return f"{owner} {name}" if owner else name


def _kept_in(quantity: Quantity, head: Token) -> str:
    """A thing and where it lasts or is kept, for a time on its lasting: "cooked rice keeps for 6
    months in the freezer" -> "freezer cooked rice", "eggs can be kept at room temperature for 2
    hours" -> "room temperature egg", "leftovers last 3 to 4 days in the refrigerator".

    The same thing keeps days in one place and months in another, so the place is part of what
    the time measures, put before the thing as an English compound puts its modifier ("freezer
    soup"): the thing stays the head, and a page that names no place ("soup keeps 4 days") can
    still be read as the one place other pages name. The place hangs on the verb, or on the
    time when the parser hangs it there or misreads the verb ("last" read as an adjective or the
    subject's noun). A phrase that says in how many cases ("in most people", "on average") is no
    place. "" for any other clause, and when no place is named.
    """
    lex, doc = lexicon(), head.doc
    after = doc[head.i + 1] if head.i + 1 < head.sent.end else None
    verb = head.pos_ in ("VERB", "AUX") or (head.pos_ == "ADJ" and head.dep_ == "ROOT")  # "batteries last"
    if head.pos_ in ("NOUN", "PROPN") and after is not None and after.pos_ not in ("VERB", "AUX"):
        thing = head if lemma(after) in lex.lasting_verbs else None  # "leftovers last" read as a noun phrase
    elif verb and lemma(head) in lex.lasting_verbs | lex.keeping_verbs and _measure_or_none(object_of(head)):
        thing = subject_of(head)  # "pesto lasts 6 months": the time read as the object
    elif verb and lemma(head) in lex.lasting_verbs - lex.keeping_verbs:
        thing = object_of(head)  # "store the soup in the freezer for 3 months"
    else:
        thing = None
    if thing is None or thing.pos_ not in ("NOUN", "PROPN") or not (name := phrase_name(thing)):
        return ""
    where = _keeping_place([head, doc[quantity.head]] if verb else [doc[quantity.head]], thing)
    if not where:
        return ""
    if _is_passive(head) and lemma(head) in lex.keeping_verbs:
        return f"{name} {where}"  # as the order to keep names it ("keep the eggs at room temperature")
    return f"{where} {name}"


def _keeping_place(holders: list[Token], thing: Token) -> str:
    """The name of the first place after a preposition of the ``holders`` (the verb, then the
    time) that says where ``thing`` is kept (:func:`_is_place`), or ""."""
    lex = lexicon()
    skipped = lex.wait_relations | lex.time_points | lex.time_spans | lex.kind_preps
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ not in skipped):
            place = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if place is not None and _is_place(place, fronted=prep.i < thing.i):
                return phrase_name(place)
    return ""




def _measure_or_none(obj: Token | None) -> bool:
    """No object, or a measure the parser read as one ("lasts 6 months", "lasts an hour")."""
    return obj is None or is_measure(obj)


def _is_place(noun: Token, *, fronted: bool) -> bool:
    """A noun after a preposition that can say where a thing is kept: not one that says in how
    many cases (:func:`_counts_cases`), and before the thing only with a word that sets it (a
    determiner, a possessive or a noun): "in the freezer, soup lasts 3 months", but "in summary,
    eggs last a week" and "in short, ..." open the sentence as a comment on it."""
    if noun.pos_ not in ("NOUN", "PROPN") or _counts_cases(noun):
        return False
    return not fronted or any(c.dep_ in ("det", "poss", "compound") for c in noun.children)


def _counts_cases(noun: Token) -> bool:
    """A noun after a preposition that says in how many cases, not where: "in most people", "in
    some cases", "in rare cases" (a word of ``names.case_words`` on it or for it)."""
    words = lexicon().case_words
    return noun.lower_ in words or any(c.dep_ in ("det", "amod") and c.lower_ in words for c in noun.children)


def frame_clause(clause: Clause, quantities: list[Quantity]) -> list[Frame]:
    """Every frame of one clause: its quantities first, then its polarity frames."""
    head = _reported(clause.head)
    clause = Clause(head, clause.span)
    subj = None if is_imperative(head) else subject_of(head)  # the reader is an imperative's subject
    subject = actor_name(subj) if subj is not None else ""
    advised = advice_verb(head)
    practice = practice_frames(head, advised, subject)
    # "It is best to keep the bandage on for 2 hours": measures belong to the advised verb.
    # Each measure starts from that verb, so one measure's choice never moves the next.
    advised_clause = Clause(advised or head, clause.span)
    outer = _advised_action(advised_clause.head)  # "do not let it exceed 2 hours": the act "let" hands on
    measures = [
        _measure(q, advised_clause, outer)
        for q in quantities
        if not _names_case(q, clause) and not _count_window(q, quantities, clause.span.doc)
    ]
    if any(limit for _, _, limit in measures):
        # A negation spent on a limit ("do not add more than 2 cups") advises against nothing.
        practice = [f for f in practice if f.polarity != NEGATE]
    frames: list[Frame] = []
    for quantity, main, _ in measures:
        aged = _aged_noun(quantity, clause) if quantity.dimension == AGE else None
        if aged is not None:
            # "do not give honey to babies under 1 year old": the babies' age, how long they have
            # lived, not a time of giving honey.
            frames.append(Frame("duration", _aged_name(*aged), subject, AFFIRM, quantity))
        elif (
            quantity.dimension != "date"
            and not quantity.repeat
            and (described := _described_subject(quantity, clause)) is not None
        ):
            # "dogs weighing over 50 pounds need more food": the dogs' weight, not an amount of food.
            kind = {"time": "duration", "count": "count"}.get(quantity.dimension, "quantity")
            frames.append(Frame(kind, phrase_name(described), subject, AFFIRM, quantity))
        elif quantity.dimension == "date":
            frames.append(Frame("date", _owner(main.head), subject, AFFIRM, quantity))
        elif quantity.repeat and (quantity.dimension != "count" or quantity.unit or quantity.counted):
            # Spaced in time or distance, or in events counted ("every 10 sessions", "after every ride").
            frames.append(Frame("interval", _repeated(quantity, main), subject, AFFIRM, quantity))
        elif quantity.dimension == "time":
            frames.extend(time_frames(quantity, main, subject, practice))
        elif quantity.dimension == "count":
            if not _time_point(quantity, main) and not _picks_a_rule(quantity, head):
                frames.append(Frame("count", _counted_thing(quantity, main), subject, AFFIRM, quantity))
        else:
            frames.append(Frame("quantity", _measured(quantity, main), subject, AFFIRM, quantity))
            if _listed_amount(quantity, clause):
                practice.append(Frame("use", frames[-1].what, subject, AFFIRM))
    if frames and not all(_of_a_clause_of_its_own(main.head, advised_clause.head) for _, main, _ in measures):
        # The value carries the claim: "boil the eggs for 10 minutes" is a duration, not also
        # advice to boil eggs. Advice against a thing stays beside its wait ("avoid sunscreen
        # for a day" also disagrees with "use sunscreen"), as does a stated use. A value only
        # of a clause with its own subject carries no order: "if the temperature drops below
        # 40°F, cover the plants", "once the bread reaches 190°F, take it out".
        practice = [f for f in practice if f.frame == "use" or f.polarity == NEGATE]
    frames.extend(practice)
    frames.extend(f for f in rejected_alternatives(clause) if f not in frames)
    frames.extend(suitability_frames(head, subject))
    if not frames and not _bare_goal(head):
        stated = effect_frames(head, subject) or comparison_frames(head, subj) or reversed_effect_frames(head)
        frames.extend(stated or _result_of_condition(head))
    # An order's purpose is the effect of the act ordered: "seal the can to keep the paint
    # fresh" says sealing the can keeps it fresh.
    ordered = activity(advised) if advised is not None else ""
    for predicate, causer in asserted_predicates(clause):
        cause = actor_name(causer) if causer is not None else subject or ordered
        frames.extend(effect_frames(predicate, cause))
    label = _label_before(clause)
    if label:  # "Tire rotation: every 6,000 miles"
        frames = [replace(f, what=label) if f.quantity is not None and not f.what else f for f in frames]
    return [f for f in frames if f.what or f.quantity is not None or f.frame == "advice"]


def rejected_alternatives(clause: Clause) -> list[Frame]:
    """Things a clause sets aside with a negation: "use mild soap, not bleach", "rinse with
    saline, never with tap water", "clean it with a soft cloth (never paper towels)".

    English names the thing to use and, after "not" or "never" with no verb of its own, the
    one not to: an apposition or a second phrase of the same preposition, which the parser
    marks with a negation of its own. Each such thing is a use advised against; a number
    there is a value set aside ("at 180, not 200"), which is no thing to use.
    """
    frames: list[Frame] = []
    for token in clause.span:
        if token.dep_ != "neg" or token.head.pos_ in ("VERB", "AUX") or token.head.i < token.i:
            continue
        rejected = token.head
        if rejected.pos_ == "ADP":  # "never with tap water"
            # A phrase with no earlier one of its preposition is a state: "unplug it when not in use".
            if not any(t.lower_ == rejected.lower_ for t in clause.span.doc[clause.span.start : rejected.i]):
                continue
            rejected = next((c for c in rejected.children if c.dep_ == "pobj"), rejected)
        if rejected.pos_ not in ("NOUN", "PROPN") or rejected.dep_ not in ("appos", "conj", "pobj"):
            continue
        names = (phrase_name(item) for item in _items(rejected) if not item.like_num)
        frames.extend(Frame("use", name, "", NEGATE) for name in names if name)
    return frames


def _result_of_condition(head: Token) -> list[Frame]:
    """ "Too much salt, and you'll end up with a bitter crust": what a verbless phrase brings about.

    English states a condition without "if" as a phrase with no verb joined by "and" to a
    clause with its own subject ("one wrong cut, and the board is ruined", "too long, and the
    noodles turn mushy"): the clause is the effect of what the phrase names, degree words and
    all ("too much salt" is no "salt").
    """
    condition = head.head
    verbless = condition.dep_ == "ROOT" and condition.pos_ in ("NOUN", "PROPN", "ADJ", "ADV")
    # The phrase is set off by a comma before the conjunction: "too much salt, and ...".
    joined = any(
        c.dep_ == "cc" and c.lower_ == lexicon().condition_joiner and c.nbor(-1).text == ","
        for c in condition.children
        if c.i > condition.sent.start
    )
    subj = subject_of(head)
    if head.dep_ != "conj" or not verbless or not joined or subj is None:
        return []
    before = condition.doc[condition.left_edge.i : condition.i + 1]
    words = [t for t in before if t.dep_ not in ("det", "punct") and not t.is_space]
    cause = " ".join(t.lower_ if t.i < condition.i else lemma(t) for t in words)
    passive = any(c.dep_ == "nsubjpass" for c in head.children)
    doer = "" if passive or subj.pos_ == "PRON" else phrase_name(subj)
    act = activity_on(head, subj) if passive else activity(head)
    result = " ".join(w for w in (doer, act, _kept_state(head, None)) if w)
    polarity = NEGATE if is_negated(head) else AFFIRM
    return [Frame("effect", result, cause, polarity)] if result and cause else []


def _listed_amount(quantity: Quantity, clause: Clause) -> bool:
    """A verbless line that opens on an amount of some stuff: "2 cups kosher salt", "500 g flour".

    Such a line lists what goes in, as "add 2 cups of kosher salt" does, so it states a use of
    the stuff beside its amount. Only an amount of stuff (a volume or a mass): "16 GB memory"
    and "3 USB ports" are what a thing has; a label before a colon ("Yield: 2 cups") says which
    value it is.
    """
    head = clause.head
    verbless = head.pos_ in ("NOUN", "PROPN") and not reads_as_verb(head)
    opens = quantity.start == clause.span.start
    stuff = quantity.dimension in lexicon().stuff_dimensions
    return verbless and opens and stuff and not _label_before(clause)


def _names_a_time(label: Span) -> bool:
    """A label that says when, not what: "Sunday morning:", "Week 2:" ("Night shift:" says what)."""
    lex = lexicon()
    root = label.root
    calendar = root.lower_ in lex.weekdays or month_of(root) is not None
    return calendar or is_time_word(lemma(root)) or lemma(root) in lex.day_parts


def label_name(span: Span | Doc) -> str:
    """The name a verbless label gives the values listed under it: "Calcium hardness:" or a
    heading "Cooking time" names the lines "175-225 ppm", "20 minutes" after it. "" for a
    label with a verb ("You will need:") or not headed by a noun. A value on the label's own
    line ("Cooking time: 20 minutes") is named by :func:`_label_before`."""
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in span):
        return ""  # a verb of its own, not a modifier ("Drying time")
    root = span.root if isinstance(span, Span) else next(iter(span.sents)).root
    return measured_name(root) if root.pos_ in ("NOUN", "PROPN") else ""


def _label_before(clause: Clause) -> str:
    """The name a short verbless label before a colon gives the value after it.

    In "Tire rotation: every 6,000 miles" or "Cooking time: 20 minutes" the label is what the
    value measures, as a heading names what the lines under it speak of; the value alone
    names nothing. Only for the first clause after the colon.
    """
    mark = lexicon().label_colon
    sent = clause.span.sent
    doc = sent.doc
    # The sentence splitter may or may not have started a sentence after the colon.
    if sent.start > 0 and doc[sent.start - 1].text == mark:
        colon: Token | None = doc[sent.start - 1]
    else:
        colon = next((t for t in sent if t.text == mark), None)
    if colon is None or clause.span.start > colon.i + 1:
        return ""
    label = doc[colon.sent.start : colon.i]
    if not is_label(label, lexicon().label_max_words) or any(t.tag_ in FINITE_TAGS for t in label):
        return ""
    # A thing's name is a compound: a noun after a noun, gerund or plain adjective ("Tire
    # rotation", "Cooking time", "Large eggs"). A lone word or a superlative's phrase rates or
    # files the value ("Minimum:", "Best results:").
    modifiers = [
        t
        for t in label.root.lefts
        if t.dep_ in ("amod", "compound") and (t.pos_ in ("NOUN", "PROPN", "VERB") or t.tag_ == "JJ")
    ]
    if label.root.pos_ not in ("NOUN", "PROPN") or not modifiers or _names_a_time(label):
        return ""
    # A label headed by a measure noun names the measured act by its modifier: "Cooking time".
    return phrase_name(label.root) or " ".join(name for name in map(phrase_name, modifiers) if name)


def _bare_goal(head: Token) -> bool:
    """An infinitive of purpose heading its own clause: "To ensure the best results:", "To keep
    the paint fresh, seal the can" name a goal of what follows; the goal asserts no effect."""
    return head.dep_ in ("ROOT", "advcl") and _to_infinitive(head)


def _count_window(quantity: Quantity, quantities: list[Quantity], doc: Doc) -> bool:
    """Whether a time is the span a count right before it fills: "8 tablets in 24 hours",
    "3 meals within a day". The count is the claim; the span is its measure, no time of
    its own (not a duration of taking tablets)."""
    if quantity.dimension != "time" or quantity.start == 0:
        return False
    window = quantity.start - 1
    if doc[window].lower_ not in lexicon().count_windows:
        return False
    # The count's span ends on its number ("8"), its noun ("tablets") after it.
    return any(q.dimension == "count" and q.end in (window, window - 1) for q in quantities)


def _names_case(quantity: Quantity, clause: Clause) -> bool:
    """Whether a measure sits in a label before a colon that another number follows.

    A line of a table written as text names its case, then its value: in "8-10 lb turkey:
    1 1/2 cups salt per gallon" or "Above 30 °C: 2 inches a week" the first measure says
    when the value after the colon holds, as "if the turkey weighs 8-10 lb" would; it is
    not a claim of its own. A label has no verb.
    """
    doc = clause.span.doc
    sent = doc[quantity.head].sent
    # The label runs from the last mark before the measure to the first mark after it, which
    # must be the colon: in "puppies: 1 cup, dogs over 20 kg: 3 cups" only "20 kg" names a case.
    colon = next((t for t in doc[quantity.end : sent.end] if t.is_punct), None)
    if colon is None or colon.text != lexicon().label_colon:
        return False
    start = max((t.i + 1 for t in doc[sent.start : quantity.start] if t.is_punct), default=sent.start)
    label = doc[start : colon.i]
    after = doc[colon.i + 1 : sent.end]
    return not any(t.pos_ in ("VERB", "AUX") for t in label) and any(t.like_num for t in after)


def _aged_noun(quantity: Quantity, clause: Clause) -> tuple[Token | None, Token | None] | None:
    """The noun an age phrase gives the age of, and the word of age when it modifies that noun.

    The noun its adjective comes before ("a 10-week-old puppy"); the subject it is said of
    ("the egg is 10 days old", "it is at least three days old": what "it" stands for, no noun
    when that is not known); else the nearest noun before it in the clause ("babies under 1
    year old"). None when there is none ("at age 43").
    """
    doc = clause.span.doc
    old = age_word(clause.span, quantity.end)
    if old is not None and old.head.i > old.i and old.head.pos_ in ("NOUN", "PROPN"):
        return old.head, old
    subject = subject_of(old.head) if old is not None and old.dep_ == "acomp" else None
    if subject is not None:
        thing = antecedent_of(subject, referring=True) if subject.pos_ == "PRON" else subject
        return (thing, None) if thing is None or thing.pos_ in ("NOUN", "PROPN") else (None, None)
    before = [t for t in doc[clause.span.start : quantity.start] if t.pos_ in ("NOUN", "PROPN")]
    return (before[-1], None) if before else None


def _aged_name(noun: Token | None, old: Token | None) -> str:
    """The aged noun's name, without its word of age ("10-week-old puppy" -> "puppy")."""
    if noun is None:
        return ""
    if old is None:
        return phrase_name(noun)
    words = phrase_name(noun).split()
    if lemma(old) in words:
        words.remove(lemma(old))
    return " ".join(words) or lemma(noun)


def _described_subject(quantity: Quantity, clause: Clause) -> Token | None:
    """The subject a measure describes from an adjective or participle after it: "cats over
    10 years old should see a vet twice a year" (the cats' age), "dogs weighing over 50 pounds
    need more food" (the dogs' weight). Such a measure is the subject's, whatever the verb.
    None for a measure that counts or names the subject itself ("the two parameters", "the
    higher levels (4-5 ppm)", "a 1:1 ratio"), or that is the verb's.
    """
    token = clause.span.doc[quantity.head]
    while token.head.i != token.i and token.dep_ not in ("amod", "acl"):
        if token.pos_ in ("VERB", "AUX") or token.dep_ in SUBJECT_DEPS:
            return None
        token = token.head
    noun = token.head
    described = (
        token.dep_ in ("amod", "acl")
        and token.i > noun.i
        and noun.dep_ in SUBJECT_DEPS
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.head.pos_ in ("VERB", "AUX")
    )
    return noun if described else None


def _counted_thing(quantity: Quantity, clause: Clause) -> str:
    """What a count counts: its noun, or for "N times" the act repeated ("season it 3 times").

    "Times" counts occurrences of whatever the clause does, so two pages' "3 times" are one
    thing only when they do the same thing; a verb that only repeats ("repeat twice") names none.
    """
    if quantity.counted != REPEAT_NOUN:
        return quantity.counted
    return _owner(clause.head, repeat=True)


def _measure(
    quantity: Quantity, advised: Clause, outer: tuple[Token, bool]
) -> tuple[Quantity, Clause, bool]:
    """A measure as the clause states it: (quantity, the clause it is of, whether it is a limit).

    A comparative bound under advice against its act is a limit on the act: "never leave
    them out for more than 2 hours" and "do not let the dough rise over 2 hours" state
    2 hours at most, of leaving them out and of the rise. So is one the act stays clear of
    (:func:`_kept_clear`): "keep the batteries out of temperatures above 80 F" is 80 F at most.
    ``outer`` is the advised verb's :func:`_advised_action`, which a measure of the act it
    hands on shares.
    """
    main = Clause(_predicate_of(quantity, advised), advised.span)
    quantity = _exceeded(quantity, main.head)
    act, against = outer if outer[0].i == main.head.i else _advised_action(main.head)
    if (
        not quantity.comparative
        or quantity.dimension == AGE  # "do not give honey to babies under 1 year old": the babies' age
        or against == _kept_clear(quantity, main.head)
        or _in_condition(quantity, main.head)
    ):
        return quantity, main, False
    flipped = replace(quantity, bound=FLIPPED_BOUND.get(quantity.bound, quantity.bound), comparative=False)
    return flipped, Clause(act, advised.span), True


def _kept_clear(quantity: Quantity, verb: Token) -> bool:
    """Whether a measure is what the verb's act stays clear of: "keep it out of temperatures
    above 80 F", "protect the plants from frost below 28 degrees".

    The measure closes the phrase of a word of separation after the verb: only that
    phrase's noun stands between them ("out of", "away from"), no other preposition,
    conjunction or clause mark ("remove the pan from the oven after more than 2 hours" and
    "remove from heat and cool to below 40 F" keep their bounds). The words are read, not
    the path: the parser often hangs the measure on the object instead ("keep cut flowers
    away from heat above 75 degrees": "above" on "cut").
    """
    doc = verb.doc
    separation, links = lexicon().separation_words, lexicon().separation_links
    for word in doc[verb.i + 1 : quantity.start]:
        if word.lower_ in separation and word.dep_ in ("prep", "advmod"):
            phrase = doc[word.i + 1 : quantity.start]
            inner = [t for t in phrase if t.dep_ in ("prep", "cc", "mark")]
            return len(inner) <= 1 and all(t.i == word.i + 1 and t.lower_ in links for t in inner)
    return False


def _of_a_clause_of_its_own(predicate: Token, verb: Token) -> bool:
    """Whether a measure's predicate heads a clause with its own subject that modifies the
    verb: "when the water reaches 200 degrees" on "add the pasta"."""
    return (
        predicate.i != verb.i
        and predicate.dep_ == "advcl"
        and predicate.head.i == verb.i
        and any(c.dep_ in SUBJECT_DEPS for c in predicate.children)
    )


def _in_condition(quantity: Quantity, verb: Token) -> bool:
    """Whether a measure sits in a condition on the verb ("... if above 90 degrees")."""
    conditions = lexicon().conditions
    node = verb.doc[quantity.head]
    while node.i != verb.i and node.head.i != node.i:
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if node.lower_ in conditions or marks & conditions:
            return True
        node = node.head
    return False


def _exceeded(quantity: Quantity, verb: Token) -> Quantity:
    """The object of a verb of exceeding as the bound it states: "sales exceeded $2bn" is over $2bn.

    It is a comparative bound, so a negation turns it: "do not exceed 65 mph" is 65 mph at most.
    """
    if quantity.bound or lemma(verb) not in lexicon().exceed_verbs:
        return quantity
    if not any(c.dep_ == "dobj" and quantity.start <= c.i < quantity.end for c in verb.children):
        return quantity
    return replace(quantity, bound="min", comparative=True)


def _predicate_of(quantity: Quantity, clause: Clause) -> Token:
    """The verb a measure is said of: the clause's, or that of a finite clause inside it.

    "Large eggs need 17 minutes while extra-large eggs need 19 minutes": the second measure
    belongs to the verb with its own subject ("extra-large eggs need"), not to the main one.
    A measure between a gerund subject and its verb is the gerund's (:func:`_acting_subject`).
    """
    node = _governing_verb(clause.span.doc[quantity.head])
    own_subject = any(c.dep_ in SUBJECT_DEPS for c in node.children)
    # "set the oven to 450 degrees and bake for an hour": a coordinated act owns its measures.
    coordinated = node.dep_ == "conj" and node.head.i == clause.head.i and node.pos_ == "VERB"
    inside = clause.span.start <= node.i < clause.span.end
    # "wait 10 minutes before you cut it": a measure of the gap to the clause, not of it.
    relative = any(c.dep_ == "mark" and c.lower_ in lexicon().wait_relations for c in node.children)
    own = own_subject or coordinated or _free_participle(node, clause.head)
    if node.i != clause.head.i and own and inside and not relative:
        return node
    return _acting_subject(quantity, clause.head) or clause.head


def _free_participle(node: Token, head: Token) -> bool:
    """A participle clause after its verb, with no subordinator: an act of its own, with its measures.

    "Bake for 30 minutes, stirring every 10 minutes" stirs every 10 minutes; "chill for a day,
    uncovering the dish for the last hour" uncovers it for an hour. English hangs such a
    clause on the verb it follows, and so does the parser; its measure is not the verb's.
    """
    return (
        node.dep_ == "advcl"
        and node.head.i == head.i
        and node.i > head.i
        and node.tag_ == "VBG"
        and not any(c.dep_ == "mark" for c in node.children)
    )


def _acting_subject(quantity: Quantity, head: Token) -> Token | None:
    """An act named as the subject, when a measure stands between it and the verb.

    "Oiling the chain every month prevents rust", "watering deeply once a week encourages deep
    roots": the measure is of the act the gerund names, wherever the parser hangs it (often on
    the main verb), since English puts a modifier of the verb after it or before its subject.
    """
    for child in head.children:
        gerund = child.dep_ == "csubj" or (child.dep_ == "nsubj" and child.tag_ == "VBG")
        if gerund and child.i < quantity.start and quantity.end <= head.i:
            return child
    return None


def clause_quantities(clause: Clause, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities whose head token lies inside a clause."""
    return [q for q in quantities if clause.span.start <= q.head < clause.span.end]
