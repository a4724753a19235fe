"""A colon that opens a sentence of its own: "Storage: Keep the jar cold", "a warning: Do not swim".

English writes a complete sentence after a colon with a capital, and pages put short labels
before one ("Tip: rinse twice", "Proper storage: Keep it cold"). The parser, given the
whole line, makes the label the subject of the verb after it, so the order that follows
no longer reads as one. The :class:`ColonSentences` component, placed before the parser,
starts a sentence after such a colon; the parser keeps sentence starts set before it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.claims.lexicon import lexicon

#: The name the component is registered and added under.
NAME = "colon_sentences"


def is_label(words: Span, max_words: int) -> bool:
    """Words before a colon that make a short label: few, letters only ("Tip", "Cook time")."""
    return 0 < len(words) <= max_words and all(t.is_alpha for t in words)


@Language.factory(NAME)
def make_colon_sentences(nlp: Language, name: str) -> ColonSentences:
    """Build the component from the lexicon's colon and label length."""
    return ColonSentences(lexicon().label_colon, lexicon().label_max_words)


class ColonSentences:
    """Start a sentence after a colon followed by a capital, or after a short label (see the module)."""

    def __init__(self, colon: str, label_max_words: int) -> None:
        self.colon = colon
        self.label_max_words = label_max_words

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.text == self.colon and self._opens_sentence(token):
                doc[token.i + 1].is_sent_start = True
        return doc

    def _opens_sentence(self, colon: Token) -> bool:
        """A word follows, capitalized, or the colon ends a label of a few words at the text's start."""
        after = colon.doc[colon.i + 1]
        if not after.is_alpha:
            return False
        return after.is_title or is_label(colon.doc[: colon.i], self.label_max_words)
