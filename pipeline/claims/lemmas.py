"""Lemmas the rule lemmatizer guessed, checked against its own tables and set on the doc.

For a word its tables do not hold, spaCy's rule lemmatizer returns the first form its
suffix rules give: "rabies" -> "rabie", "reapplied" -> "reapplie", "doses" -> "dos". Every
later reader of ``Token.lemma_`` (names, units, verb classes) would inherit the slip, so the
:class:`LemmaChecker` component, run last, puts the checked lemma on the token once.
"""

from __future__ import annotations

from typing import cast

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from pipeline.claims.lexicon import lexicon

#: The name the component is registered and added under.
NAME = "lemma_checker"
#: Inflected tags whose lemma the suffix rules make.
INFLECTED = frozenset({"NNS", "VBD", "VBN", "VBZ", "VBG"})


def lemma_index(nlp: Language, part_of_speech: str) -> frozenset[str]:
    """The lemmatizer's words of one part of speech ("verb", "noun", "adj", "adv")."""
    lemmatizer = cast(Lemmatizer, nlp.get_pipe("lemmatizer"))
    return frozenset(lemmatizer.lookups.get_table("lemma_index")[part_of_speech])


@Language.factory(NAME)
def make_checker(nlp: Language, name: str) -> LemmaChecker:
    """Build the component over the lemmatizer's own word tables."""
    return LemmaChecker(nlp)


class LemmaChecker:
    """Set each inflected word's lemma to :meth:`checked` of the lemmatizer's guess."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.lemmatizer = cast(Lemmatizer, nlp.get_pipe("lemmatizer"))
        self.nouns = lemma_index(nlp, "noun")
        self.verbs = lemma_index(nlp, "verb")
        # Longest first: "underwatered" is cut at "under", not at "un".
        self.prefixes = sorted(lexicon().bound_prefixes, key=len, reverse=True)
        # (word, guess, tag) -> checked lemma: inflected forms repeat across pages, and a
        # corpus holds some thousands of them, so the table stays small.
        self._seen: dict[tuple[str, str, str], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Replace the guessed lemma of each inflected word whose check gives another."""
        for token in doc:
            if token.tag_ in INFLECTED and token.is_alpha:
                guess = token.lemma_.lower()
                key = (token.lower_, guess, token.tag_)
                if key not in self._seen:
                    self._seen[key] = self.checked(*key)
                if self._seen[key] != guess:
                    token.lemma_ = self._seen[key]
        return doc

    def checked(self, word: str, guess: str, tag: str) -> str:
        """The lemma of an inflected ``word`` when the lemmatizer's ``guess`` is a form no table knows.

        A noun the table lists as written stays so ("rabies", "diabetes"); a plural in -ses
        is of its noun in -se when the guess is a stray short form (:meth:`se_plural`); a verb
        with a bound prefix takes the lemma of its stem ("reapplied" -> "reapply",
        "overwatering" -> "overwater"). Otherwise the guess stands: the plural rule is right
        for most new nouns ("jacuzzis" -> "jacuzzi").
        """
        index = self.nouns if tag == "NNS" else self.verbs
        if tag == "NNS" and self.se_plural(word, guess):
            return word[:-1]
        if guess in index or (tag == "VBG" and guess in self.nouns):
            return guess
        if word in index:
            return word
        if tag != "NNS":
            for prefix in self.prefixes:
                stem = word.removeprefix(prefix)
                base = self._verb_lemma(stem, tag) if stem != word and len(stem) > 2 else ""
                if base in index:
                    return prefix + base
        return guess

    def se_plural(self, word: str, guess: str) -> bool:
        """Whether a plural in -ses is of the noun in -se, not of the short form the -es rule gives.

        For "doses", "uses" and "vases" the rule lemmatizer offers "dos", "us" and "vas",
        forms its tables list (an abbreviation, a pronoun, a Latin word); read so, "every 10
        uses" was ten microseconds to pint. A stem ending in a vowel and "s" that also has a
        noun in -se is that noun; one without it keeps the rule's form ("buses" -> "bus",
        "gases" -> "gas").
        """
        return (
            word.endswith("ses")
            and guess == word[:-2]
            and len(guess) > 1
            and guess[-2] in lexicon().vowel_letters
            and word[:-1] in self.nouns
        )

    def _verb_lemma(self, word: str, tag: str) -> str:
        """The rule lemmatizer's lemma of ``word`` read with the verb tag ``tag``."""
        doc = Doc(self.nlp.vocab, words=[word], pos=["VERB"], tags=[tag])
        return str(self.lemmatizer(doc)[0].lemma_).lower()
