"""A semicolon between two clauses starts a sentence: "Use fresh oil; do not top it up".

English joins two independent clauses with a semicolon. The parser, given both, often hangs
one from the other (it made "use" a complement of "top" in the example, and the subject of
"wipe" out of "Sand" in "Sand lightly between coats; wipe off the dust"), and the first
clause is lost. The :class:`SemicolonSentences` component, placed before the parser, starts
a sentence after a semicolon when the words on each side make a clause; a semicolon between
list items ("salt; pepper; a bay leaf") or before a verbless afterthought ("bake for 10
minutes; 15 for a large loaf") stays inside its sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.claims.lemmas import lemma_index

#: The name the component is registered and added under.
NAME = "semicolon_sentences"
#: The mark that joins two independent clauses.
SEMICOLON = ";"
#: Penn Treebank tags of a verb in any form and of a modal: words with one make a clause.
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
#: The tag of the marks that end a sentence.
SENTENCE_END_TAG = "."


@Language.factory(NAME)
def make_semicolon_sentences(nlp: Language, name: str) -> SemicolonSentences:
    """Build the component over the lemmatizer's verbs."""
    return SemicolonSentences(lemma_index(nlp, "verb"))


class SemicolonSentences:
    """Start a sentence after a semicolon with a clause on each side (see the module)."""

    def __init__(self, verbs: frozenset[str]) -> None:
        self.verbs = verbs

    def __call__(self, doc: Doc) -> Doc:
        for mark in (t.i for t in doc[:-1] if t.text == SEMICOLON):
            before, after = _words_before(doc, mark), _words_after(doc, mark)
            if self._is_clause(before) and _has_verb(after):
                doc[mark + 1].is_sent_start = True
        return doc

    def _is_clause(self, words: Span) -> bool:
        """Words with a verb, or an order whose verb opens its sentence: the tagger often reads a
        sentence-opening imperative as a noun ("Sand lightly between coats")."""
        if _has_verb(words):
            return True
        opening = next((t for t in words if t.is_alpha), None)
        opens_sentence = words.start == 0 or _ends_sentence(words.doc, words.start - 1)
        return opening is not None and opens_sentence and opening.lower_ in self.verbs and len(words) > 1


def _ends_sentence(doc: Doc, index: int) -> bool:
    """Whether the token at ``index`` ends a sentence: a full stop or a line break."""
    token = doc[index]
    return token.tag_ == SENTENCE_END_TAG or "\n" in token.text


def _words_before(doc: Doc, mark: int) -> Span:
    """The words between the semicolon at ``mark`` and the sentence end or semicolon before it."""
    start = mark
    while start > 0 and doc[start - 1].text != SEMICOLON and not _ends_sentence(doc, start - 1):
        start -= 1
    return doc[start:mark]


def _words_after(doc: Doc, mark: int) -> Span:
    """The words between the semicolon at ``mark`` and the next sentence end or semicolon."""
    end = mark + 1
    while end < len(doc) and doc[end].text != SEMICOLON and not _ends_sentence(doc, end):
        end += 1
    return doc[mark + 1 : end]


def _has_verb(words: Span) -> bool:
    """Whether the tagger read some word of ``words`` as a verb (any form) or a modal."""
    return any(t.tag_ in VERB_TAGS for t in words)
