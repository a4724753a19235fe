"""The spaCy pipeline (built once per process) and the word normalization claims share.

No trained pipeline is loaded: ``spacy.blank("en")`` plus the rule-based
``sentencizer`` needs no download. There is no tagger, so no POS-based lemmas: object
keys and topic keywords are compared after :func:`lemma`, a small suffix rule that
folds English plurals ("scars" -> "scar", "bodies" -> "body"). spacy-lookups-data
(a lookup lemmatizer) is not installed; this rule covers the nouns that object keys
and topic keywords need, without a 40 MB table.
"""

from __future__ import annotations

import functools
import logging
import re

import spacy
from spacy.language import Language

LOGGER = logging.getLogger(__name__)

#: Texts per spaCy batch; blocks are short, so a large batch amortizes call overhead.
BATCH_SIZE = 256

#: Plural endings -> singular endings, checked in order (first match wins).
PLURAL_RULES: tuple[tuple[str, str], ...] = (
    ("ies", "y"),
    ("sses", "ss"),
    ("xes", "x"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("s", ""),
)

#: Endings that look plural but are singular ("process", "psoriasis", "virus", "news").
SINGULAR_ENDINGS = ("ss", "us", "is", "ous", "news", "series", "species")

#: Words shorter than this are left alone ("is", "as", "gas").
MIN_PLURAL_LENGTH = 4

WORD_RE = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


@functools.lru_cache(maxsize=2)
def build_nlp(model: str = "") -> Language:
    """Return the sentence pipeline: an installed model if named, else blank English + sentencizer.

    Cached so every caller in a process shares one pipeline (start-up costs ~0.3 s).
    """
    if model:
        LOGGER.info("loading spaCy pipeline %s", model)
        return spacy.load(model, exclude=["ner"])
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def lemma(word: str) -> str:
    """Lowercase and fold a plural noun to its singular by suffix rules."""
    low = word.lower()
    if len(low) < MIN_PLURAL_LENGTH or low.endswith(SINGULAR_ENDINGS):
        return low
    for plural, singular in PLURAL_RULES:
        if low.endswith(plural):
            return low[: len(low) - len(plural)] + singular
    return low


def lemma_words(text: str) -> list[str]:
    """The lemma of every word of ``text``, in order (punctuation dropped)."""
    return [lemma(word) for word in WORD_RE.findall(text.lower().replace("’", "'"))]
