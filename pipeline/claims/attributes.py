"""The model's attribute rules applied by lookup, with the trained ruler's exact result.

The small English pipeline turns each fine tag into a part of speech and morphology, and
fixes a few lemmas, with an ``AttributeRuler``: 179 token patterns run through spaCy's
``Matcher``. That costs as much as the dependency parser (2.5 s against 2.7 s for the 3,281
blocks of the 159 pages of the extraction benchmark, one core). Nearly every pattern is one
token long and tests its tag, lower-case form, label or whitespace for equality or
membership, so a token can find the patterns it may match by dictionary lookup on its own
attributes (0.3 s). :class:`LookupAttributeRuler` does that and leaves what lookup cannot
decide (patterns of several tokens, regular expressions, only exclusions) to a ``Matcher``
of those few, run only on a doc where some token can open one of them ("gon na", "there
is"): the first token's tests are cached per token signature like the rest. Run on every
doc, its regular expressions are tested on every token: about a tenth of the segment stage's
CPU time (120 benchmark pages, one process, five alternating runs: median 9.09 s against
8.01 s, on a machine whose runs of the same work vary by a third).

Semantics are the ruler's: every pattern is tested on the doc as the parser left it, the
matches are applied in the ruler's order (a later rule wins) with spaCy's own setter.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any, cast

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

#: The name the component is registered and added under, and the trained ruler it replaces.
NAME = "lookup_attribute_ruler"
RULER = "attribute_ruler"
#: Token attributes a one-token pattern can be looked up by, and how to read each.
READERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
#: The one predicate a lookup answers besides equality, and the one it can still test.
MEMBER = "IN"
EXCLUDED = "NOT_IN"
#: The model's own regular-expression predicate, tested as spaCy tests it (``re.search``).
PATTERN = "REGEX"
#: Predicates a looked-up rule may use; :func:`_holds` also tests ``PATTERN``.
LOOKUP_PREDICATES = frozenset({MEMBER, EXCLUDED})
HOLDS_PREDICATES = LOOKUP_PREDICATES | {PATTERN}

Spec = dict[str, Any]


@Language.factory(NAME)
def make_lookup_ruler(nlp: Language, name: str) -> LookupAttributeRuler:
    """Build the component from the pipeline's trained ruler (which must still be in it)."""
    ruler = nlp.get_pipe(RULER)
    assert isinstance(ruler, AttributeRuler)
    return LookupAttributeRuler(ruler)


def _testable(spec: Spec, predicates: frozenset[str] = LOOKUP_PREDICATES) -> bool:
    """A one-token spec made only of attributes we read and of ``predicates``."""
    return all(
        key in READERS and (not isinstance(test, dict) or set(test) <= predicates)
        for key, test in spec.items()
    )


def _keys(spec: Spec) -> list[tuple[str, Any]]:
    """The (attribute, value) pairs that lead to a spec: its first equality or membership test."""
    for key, test in spec.items():
        if not isinstance(test, dict):
            return [(key, test)]
        if MEMBER in test:
            return [(key, value) for value in test[MEMBER]]
    return []


def _holds(spec: Spec, token: Token) -> bool:
    """Whether every test of a one-token spec holds for ``token``."""
    for key, test in spec.items():
        value = READERS[key](token)
        if isinstance(test, dict):
            if MEMBER in test and value not in test[MEMBER]:
                return False
            if EXCLUDED in test and value in test[EXCLUDED]:
                return False
            if PATTERN in test and not re.search(test[PATTERN], value):
                return False
        elif value != test:
            return False
    return True


class LookupAttributeRuler:
    """A pipeline component equal to a trained ``AttributeRuler``, matching by lookup (see the module)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        self.index: dict[tuple[str, Any], list[tuple[int, Spec]]] = defaultdict(list)
        self.matcher = Matcher(ruler.vocab, validate=False)
        #: The first token spec of every pattern left to the matcher.
        self.openers: list[Spec] = []
        for rule, entry in enumerate(ruler.patterns):
            patterns: list[list[Spec]] = cast(Any, entry["patterns"])
            for pattern in patterns:
                keys = _keys(pattern[0]) if len(pattern) == 1 and _testable(pattern[0]) else []
                for key in keys:
                    self.index[key].append((rule, pattern[0]))
                if not keys:
                    self.matcher.add(str(rule), [pattern])
                    self.openers.append(pattern[0])
        self.looked_up = sorted({key for key, _ in self.index})
        #: Token signature (its values of ``READERS``) -> the looked-up rules it matches, and
        #: whether it can open a pattern left to the matcher.
        self.cache: dict[tuple[Any, ...], tuple[tuple[int, ...], bool]] = {}
        #: Without a test for every opener, the matcher runs on every doc.
        self.openers_testable = all(_testable(spec, HOLDS_PREDICATES) for spec in self.openers)

    def __call__(self, doc: Doc) -> Doc:
        for rule, position in sorted(self._matches(doc)):
            set_token_attrs(doc[position], self.attrs[rule])
        return doc

    def _matches(self, doc: Doc) -> list[tuple[int, int]]:
        """(rule, token position) of every match, all tested before any rule is applied."""
        found: list[tuple[int, int]] = []
        opened = not self.openers_testable
        for token in doc:
            signature = tuple(read(token) for read in READERS.values())
            known = self.cache.get(signature)
            if known is None:
                opens = any(_holds(spec, token) for spec in self.openers)
                known = self.cache[signature] = (self._token_rules(token), opens)
            rules, opens = known
            found.extend((rule, token.i) for rule in rules)
            opened = opened or opens
        if not opened:
            return found  # no token can open a pattern of the matcher: running it finds nothing
        for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
            rule = int(doc.vocab.strings[match_id])
            offset = self.indices[rule]
            found.append((rule, (start if offset >= 0 else end) + offset))
        return found

    def _token_rules(self, token: Token) -> tuple[int, ...]:
        """The looked-up rules that match one token, in order (the same for every token
        with its tag, form, label and whitespace, so computed once per such signature)."""
        rules = {
            rule
            for key in self.looked_up
            for rule, spec in self.index.get((key, READERS[key](token)), ())
            if _holds(spec, token)
        }
        return tuple(sorted(rules))
