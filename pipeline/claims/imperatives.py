"""Sentences that open on a bare verb, parsed again as the orders they are.

The small English tagger learned from news text, where few sentences are orders, so it
often reads a sentence-opening bare verb as a noun or an adjective: "Place eggs in a pot"
(a compound noun), "Clean the grill with a brush" (an adjective), "Store them cold". How-to
pages are mostly such sentences. Put a word that only comes before an order in front of the
sentence ("please place eggs in a pot") and the same tagger reads the verb as one. The
:class:`ImperativePrimer` component does that for each sentence whose opening word is a
verb in the lemmatizer's table and whose root is no verb (or whose subject is that verb in
its base form, which no English subject is), and keeps the new reading only
when the opening word comes out as the root verb of one sentence with the same tokens;
the page's text and offsets do not change. An order after an opening goal ("To unclog a
drain, pour vinegar into it") is misread the same way, the goal taken for the root: the words
after the goal's comma are re-read so, and the goal hung on the order as its purpose. The
first of a sequence of orders ("Simmer for 10 minutes, then drain the pasta") is misread as
the subject of the next: the words before the comma are re-read so, and the next order hung
on the first as the coordinated order it is. An order after a clause of condition or time
that no comma closes ("Once the glue sets remove the clamps") is misread with the clause's
last noun as its subject: the clause and the order are each read alone, and the clause hung
on the order.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.claims.clauses import OWN_SUBJECT
from pipeline.claims.lemmas import lemma_index
from pipeline.claims.lexicon import lexicon

#: The name the component is registered and added under.
NAME = "imperative_primer"
#: Tags of a finite verb or a modal: a clause with one is a sentence, not a title or label.
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
#: Annotations copied from the primed parse onto the page's tokens.
Reading = tuple[str, str, str, str, int]


@Language.factory(NAME)
def make_primer(nlp: Language, name: str) -> ImperativePrimer:
    """Build the component; the verbs are the lemmatizer's own table of English verbs."""
    return ImperativePrimer(nlp, lemma_index(nlp, "verb"))


class ImperativePrimer:
    """A pipeline component that re-reads sentences opening on a bare verb (see the module)."""

    def __init__(self, nlp: Language, verbs: frozenset[str]) -> None:
        self.nlp = nlp
        self.verbs = verbs
        self.primers = lexicon().imperative_primers
        self.primer_words = frozenset(word for primer in self.primers for word in primer.split())
        self.sequence = lexicon().sequence_adverbs
        self.label_colon = lexicon().label_colon
        self.clause_openers = lexicon().clause_openers

    def __call__(self, doc: Doc) -> Doc:
        readings: dict[int, Reading] = {}
        for sent in doc.sents:
            opening = opening_word(sent)
            if opening is not None and self._misread(opening, sent):
                readings.update(self._primed(opening, sent))
            elif opening is not None and (comma := self._sequence_comma(opening, sent)) is not None:
                readings.update(self._first_of_sequence(opening, comma, sent))
            elif (order := _order_after_goal(sent)) is not None and order.lower_ in self.verbs:
                readings.update(self._goal_and_order(order, sent))
            elif opening is not None and (order := self._order_after_clause(opening, sent)) is not None:
                readings.update(self._clause_and_order(opening, order, sent))
        return with_readings(doc, readings) if readings else doc

    def _goal_and_order(self, order: Token, sent: Span) -> Iterator[tuple[int, Reading]]:
        """ "To unclog a drain, pour vinegar into it": the order after the goal, read under the
        primer, with the goal hung on it as the clause of purpose it is: the goal's verb on the
        order, and any word of the goal the first parse hung on the order's words on the goal's
        verb ("To keep cats off the counter, place ...")."""
        primed = dict(self._primed(order, sent))
        if not primed:
            return
        goal = sent[1]
        yield goal.i, (goal.tag_, goal.pos_, "advcl", goal.lemma_, order.i)
        for token in sent.doc[goal.i + 1 : order.i]:
            if token.head.i == token.i or token.head.i >= order.i - 1:
                yield token.i, (token.tag_, token.pos_, token.dep_, token.lemma_, goal.i)
        yield from primed.items()

    def _sequence_comma(self, opening: Token, sent: Span) -> Token | None:
        """The comma after an opening bare verb that the parser hung, as a noun or a clause, on
        the base-form verb after the comma and "then", which has no subject of its own: "Simmer
        for 10 minutes, then drain the pasta" ("Simmer" the subject of "drain"), "Bake for an
        hour, then turn off the oven". None elsewhere: "Salt draws out water, then ..."."""
        root = sent.root
        if opening.lower_ not in self.verbs or opening.pos_ == "VERB" or opening.head != root:
            return None
        if root.tag_ != "VB" or root.i < opening.i + 3:
            return None
        comma, adverb = sent.doc[root.i - 2], sent.doc[root.i - 1]
        if comma.text != "," or adverb.lower_ not in self.sequence:
            return None
        own_subject = any(c.dep_ in OWN_SUBJECT and c != opening for c in root.children)
        return None if own_subject else comma

    def _first_of_sequence(self, opening: Token, comma: Token, sent: Span) -> Iterator[tuple[int, Reading]]:
        """The words before the comma read under the primer, and the next order and the comma
        hung on the first order: "[Simmer for 10 minutes], then drain the pasta"."""
        primed = dict(self._primed(opening, sent, end=comma.i))
        if not primed:
            return
        nxt = sent.root
        yield from primed.items()
        yield comma.i, (comma.tag_, comma.pos_, "punct", comma.lemma_, opening.i)
        yield nxt.i, (nxt.tag_, nxt.pos_, "conj", nxt.lemma_, opening.i)

    def _order_after_clause(self, opening: Token, sent: Span) -> Token | None:
        """The bare verb after a clause of condition or time that no comma closes, when the
        parser did not read the clause as closed: "If you see smoke turn off the burner"
        ("smoke" the subject of "turn"), "Once the glue sets remove the clamps".

        Only the first verb the tagger read in its base form (an order or an infinitive, never
        a present tense: in "when the leaves fall trees go dormant" "go" has its subject), with
        no auxiliary, "to" or negation of its own, no pronoun before it, which would be its
        subject ("if you boil them they peel"), and not coordinated with a verb before it
        ("when prices drop investors panic and sell"). None when a comma comes first.
        """
        if opening.lower_ not in self.clause_openers:
            return None
        for token in sent.doc[opening.i + 2 : sent.end]:
            if token.text == ",":
                return None
            if token.tag_ == "VB" and token.lower_ in self.verbs:
                before = next(t for t in reversed(token.doc[opening.i : token.i]) if not t.is_space)
                own = any(c.dep_ in ("aux", "auxpass", "neg") or c.tag_ == "TO" for c in token.children)
                joined = token.dep_ == "conj" or before.dep_ == "cc"
                governed = before.tag_ in ("PRP", "MD", "TO") or before.dep_ == "neg"
                return None if own or joined or governed else token
        return None

    def _clause_and_order(self, opening: Token, order: Token, sent: Span) -> Iterator[tuple[int, Reading]]:
        """The clause (``opening`` up to ``order``) and the order each read alone, the clause
        hung on the order as the adverbial clause it is. Nothing when either reading fails:
        the clause must be one clause whose root verb has a subject, the order a root verb."""
        primed = dict(self._primed(order, sent))
        if not primed:
            return
        tokens = sent.doc[opening.i : order.i]
        clause = self._parse(sent.doc.text[opening.idx : tokens.end_char])
        roots = [t for t in clause if t.dep_ == "ROOT"]
        if [t.lower_ for t in clause] != [t.lower_ for t in tokens] or len(roots) != 1:
            return
        root = roots[0]
        if root.pos_ not in ("VERB", "AUX") or not any(c.dep_ in OWN_SUBJECT for c in root.children):
            return
        shift = opening.i
        for t in clause:
            head, dep = (order.i, "advcl") if t.i == root.i else (t.head.i + shift, t.dep_)
            yield t.i + shift, (t.tag_, t.pos_, dep, t.lemma_, head)
        for t in sent.doc[sent.start : opening.i]:  # a bullet or number before the clause
            yield t.i, (t.tag_, t.pos_, "dep" if t.dep_ == "ROOT" else t.dep_, t.lemma_, order.i)
        yield from primed.items()

    def _misread(self, opening: Token, sent: Span) -> bool:
        """A verb opens the sentence, yet the parse found no verb to be its root, or made the
        bare verb a subject, which an English base form cannot be ("Avoid prolonged sun")."""
        word = opening.lower_
        label = sent[-1].text == self.label_colon  # "Tip:", "Store:": a label, no order
        verbless = sent.root.pos_ not in ("VERB", "AUX")
        bare_subject = opening.tag_ == "VB" and opening.dep_ in OWN_SUBJECT
        primer = word in self.primer_words
        return word in self.verbs and not primer and not label and (verbless or bare_subject)

    def _primed(self, opening: Token, sent: Span, *, end: int | None = None) -> Iterator[tuple[int, Reading]]:
        """The readings of ``opening`` .. ``end`` (the sentence's end) under the first primer they hold for.

        The primers after the first force a verb harder, and so only for a word the tagger
        read as an adjective ("Steep green tea") or a name ("Pat the skin dry", "Mark the
        centre"): "1 cup brown rice" is no order to cup rice.
        """
        tokens = sent.doc[opening.i : sent.end if end is None else end]
        rest = sent.doc.text[opening.idx + len(opening) : tokens.end_char]
        for primer in self.primers if opening.pos_ in ("ADJ", "PROPN") else self.primers[:1]:
            primed = self._parse(f"{primer} {opening.lower_}{rest}")
            start = len(primer.split())
            order = primed[start:]
            if (
                [t.lower_ for t in order] == [t.lower_ for t in tokens]
                and order[0].pos_ == "VERB"
                and order[0].dep_ == "ROOT"
                and all(t.head.i >= start and t.sent.start == order[0].sent.start for t in order)
            ):
                shift = opening.i - start
                for t in order:
                    yield t.i + shift, (t.tag_, t.pos_, t.dep_, t.lemma_, t.head.i + shift)
                return

    def _parse(self, text: str) -> Doc:
        """``text`` through every component before this one."""
        doc = self.nlp.make_doc(text)
        for name, component in self.nlp.pipeline:
            if name == NAME:
                break
            doc = component(doc)
        return doc


def _order_after_goal(sent: Span) -> Token | None:
    """The first word after the comma of an opening goal, when the parser did not read it as
    the sentence's root verb: "To unclog a drain, pour ..." ("pour" read as a noun, the goal
    as the root), "To get a smoother finish, sand between coats" ("sand" a noun). None elsewhere."""
    marker = sent[0]
    if marker.tag_ != "TO" or len(sent) < 2 or sent[1].pos_ != "VERB":
        return None
    comma = next((t for t in sent if t.is_punct), None)
    # The goal must end before its comma on a word of its own ("To wash, dry and fold a load,"
    # lists verbs), and the order must not open a list ("clean, sand, and prime it").
    if comma is None or comma.text != "," or comma.i + 2 >= sent.end or comma.i - 1 == sent[1].i:
        return None
    word, after = sent.doc[comma.i + 1], sent.doc[comma.i + 2]
    read = word.pos_ == "VERB" and word.dep_ == "ROOT"
    # A finite verb with a subject after the comma makes a statement: "plant seeds cost less".
    rest = sent.doc[comma.i + 1 : sent.end]
    stated = any(t.tag_ in FINITE_TAGS and any(c.dep_ == "nsubj" for c in t.children) for t in rest)
    if not word.is_alpha or read or after.is_punct or stated:
        return None
    return word


def opening_word(sent: Span) -> Token | None:
    """The sentence's first word, after any bullet, number or punctuation that opens it."""
    for token in sent:
        if token.is_alpha:
            return token
        if not (token.is_punct or token.like_num or token.is_space):
            return None
    return None


def with_readings(doc: Doc, readings: dict[int, Reading]) -> Doc:
    """A copy of ``doc`` with some tokens' tag, part of speech, label, lemma and head replaced."""
    rows = [readings.get(t.i, (t.tag_, t.pos_, t.dep_, t.lemma_, t.head.i)) for t in doc]
    return Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        tags=[r[0] for r in rows],
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        lemmas=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        morphs=[str(t.morph) for t in doc],
    )
