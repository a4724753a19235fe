"""English function words: the stage's language test and a cue of the text renderings' rules.

They live in a module of their own so that a run over HTML pages, which needs them for
the language test but none of the text renderings' rules, does not compile and run
:mod:`pipeline.extract.text_rules` at start-up.
"""

from __future__ import annotations

from importlib import resources


def _function_words() -> frozenset[str]:
    """The packaged English function words (``data/function_words.txt``)."""
    text = resources.files("pipeline.extract").joinpath("data/function_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


#: English function words (spaCy's list, copied to a data file so extraction does not
#: import spaCy): prose has many, menus and teasers few.
STOPWORDS: frozenset[str] = _function_words()
