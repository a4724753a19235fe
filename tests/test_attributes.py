"""The lookup attribute ruler gives exactly what the model's trained ruler gives.

The claims stage swaps the model's ``AttributeRuler`` for :class:`LookupAttributeRuler`
for speed; every part of speech, morphology and lemma it sets must be the trained ruler's,
on real pages of other subjects (the extraction benchmark's gold texts) and on sentences
that reach the rules lookup cannot decide (several tokens, regular expressions, exclusions).
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc

from pipeline.claims.attributes import NAME, RULER
from pipeline.claims.language import EXCLUDED, MODEL_PACKAGE, build_nlp

#: Sentences that reach the ruler's multi-token and regular-expression rules and its
#: exclusions: "gon na", "got ta", "let 's", "y' all", "ai n't", expletive "there is",
#: "do" as a main verb, a determiner used as a pronoun, a space token inside a sentence.
SPECIAL = [
    "We're gonna need a bigger pot, y'all, and I ain't kidding.",
    "Let's go: you gotta rinse it twice. C'mon, there is time.",
    "Did you do it? That is what I did, and those are mine.",
    "She told him  that  it was done;\n\nthey gave it to me.",
    "Nothin' beats a cold glass. Nuthin' at all, y' all.",
    # Sentences that open no pattern left to the matcher, so it is not run on them.
    "The glaze cures in two days.",
    "Water the beds at dawn.",
]


def _attributes(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.dep_, t.lemma_) for t in doc]


def _both(texts: list[str]) -> tuple[list[Doc], list[Doc]]:
    """Each text after the trained ruler, and after the lookup ruler, from one parse."""
    trained = spacy.load(MODEL_PACKAGE, exclude=EXCLUDED)
    ruler, lookup = trained.get_pipe(RULER), build_nlp().get_pipe(NAME)
    parsed = list(trained.pipe(texts, disable=[RULER, "lemmatizer"]))
    return [ruler(d.copy()) for d in parsed], [lookup(d.copy()) for d in parsed]


def test_lookup_ruler_equals_the_trained_ruler_on_other_pages(bench_dir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((bench_dir / "gold").glob("*.txt"))[:40]]
    trained, looked_up = _both(texts)
    assert sum(len(d) for d in trained) > 10_000
    assert [_attributes(d) for d in looked_up] == [_attributes(d) for d in trained]


def test_lookup_ruler_equals_the_trained_ruler_on_its_rare_rules() -> None:
    trained, looked_up = _both(SPECIAL)
    assert [_attributes(d) for d in looked_up] == [_attributes(d) for d in trained]
    assert any(t.pos_ == "SPACE" for d in looked_up for t in d)


def test_pipeline_uses_the_lookup_ruler_in_the_trained_rulers_place() -> None:
    names = build_nlp().pipe_names
    assert RULER not in names
    assert names.index("parser") < names.index(NAME) < names.index("lemmatizer")
