"""A mark that ends a sentence, then a capital: the next sentence starts there.

The parser decides where sentences start, and now and then runs two on ("Keep it between 60
and 85°F. Fertilize twice a year." read as one sentence, its temperature named after the
fertilizing). A period, exclamation or question mark that the tokenizer left as a token of its
own is no abbreviation's ("Dr.", "U.S." and "e.g." keep theirs), so a capitalized word after it
opens a sentence. The :class:`PeriodSentences` component, placed before the parser, starts one
there; the parser keeps sentence starts set before it. Not after the number of a numbered
list at the start of a line ("1. Place the eggs"), which the parser reads as the item's.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.claims.lexicon import lexicon

#: The name the component is registered and added under.
NAME = "period_sentences"


@Language.factory(NAME)
def make_period_sentences(nlp: Language, name: str) -> PeriodSentences:
    """Build the component from the lexicon's marks that end a sentence."""
    return PeriodSentences(lexicon().sentence_ends)


class PeriodSentences:
    """Start a sentence after a mark of its end and before a capital (see the module)."""

    def __init__(self, ends: frozenset[str]) -> None:
        self.ends = ends

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            after = doc[token.i + 1]
            if token.text in self.ends and after.is_alpha and after.is_title and not _list_number(token):
                after.is_sent_start = True
        return doc


def _list_number(mark: Token) -> bool:
    """The mark closes a number that opens a line: a numbered list's "3." (the tokenizer makes a
    line break a space token of its own, so the number opens the text or follows one)."""
    if mark.i == 0 or not mark.doc[mark.i - 1].like_num:
        return False
    number = mark.doc[mark.i - 1]
    return number.i == 0 or number.doc[number.i - 1].is_space
