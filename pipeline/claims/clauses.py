"""Sentences -> clauses, from the dependency parse.

A clause is headed by the sentence's root or by a verb coordinated with another clause
head ("Boil the eggs | and cool them"; "The battery lasts 10 hours | but charging takes
two"), or by an imperative that opens a sentence before "then" ("Boil the eggs ..., then
cool them") or follows its main clause ("The roads are icy, | so drive slowly"). Its span
is its head's subtree less the subtrees of the clauses it heads, trimmed of the joining
words at its edges, so a clause's text is always a contiguous run of the page's own words
and never joins words of two clauses.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

#: Dependency labels under which a verb heads a clause of its own.
CLAUSE_DEPS = frozenset({"conj", "parataxis"})
#: Labels under which the parser hangs a clause it joins loosely: an adverbial clause, or
#: "dep" when it cannot tell how ("The skin is dry, so use a lotion").
LOOSE_DEPS = frozenset({"advcl", "dep"})
#: Parts of speech that can head a clause ("last" is sometimes tagged as an adjective root).
CLAUSE_POS = frozenset({"VERB", "AUX"})
#: A clause's own subject: with one, a coordinated verb is a clause wherever it hangs.
OWN_SUBJECT = frozenset({"nsubj", "nsubjpass"})
#: Tokens trimmed from the edges of a clause span: joiners and punctuation.
EDGE_DEPS = frozenset({"cc", "punct", "preconj"})


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause: its head token and its token span in the Doc."""

    head: Token
    span: Span


def _is_clause_head(token: Token, heads: set[int]) -> bool:
    """A coordinated verb, a sentence-opening imperative before its main clause, or a verb with
    its own subject coordinated anywhere ("the main thing is that you can't X, and you shouldn't Y")."""
    if token.pos_ in CLAUSE_POS and token.dep_ == "conj" and _finite_with_subject(token):
        return True
    if token.head.i not in heads or token.pos_ not in CLAUSE_POS:
        return False
    if token.dep_ in CLAUSE_DEPS:
        return True
    if token.dep_ not in LOOSE_DEPS or any(child.dep_ == "mark" for child in token.children):
        return False
    opens_before_main = token.dep_ == "advcl" and token.i < token.head.i and token.tag_ == "VB"
    return opens_before_main or _imperative_after(token)


#: Tags of a wh-word ("how", "what", "which"): a clause it opens is subordinate, and before an
#: infinitive it asks rather than orders ("tells you how to fix it").
WH_TAGS = frozenset({"WRB", "WDT", "WP"})


def _finite_with_subject(token: Token) -> bool:
    """A verb with its own subject and an auxiliary, opened by no subordinator or wh-word:
    a main clause however the parser hangs it ("..., and you shouldn't use soap")."""
    deps = {child.dep_ for child in token.children}
    wh = any(child.tag_ in WH_TAGS for child in token.children)
    return bool(deps & OWN_SUBJECT) and "aux" in deps and "mark" not in deps and not wh


def _imperative_after(token: Token) -> bool:
    """An imperative joined after its main clause ("the skin is dry, so use a lotion").

    It has no subject or auxiliary of its own; the tagger may read it as present tense.
    """
    return (
        token.i > token.head.i
        and token.tag_ in ("VB", "VBP")
        and not any(child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for child in token.children)
    )


def clause_heads(sent: Span) -> list[Token]:
    """Heads of the clauses of a sentence, in order of the parse (root first)."""
    heads = [sent.root]
    seen = {sent.root.i}
    changed = True
    while changed:
        changed = False
        for token in sent:
            if token.i not in seen and _is_clause_head(token, seen):
                heads.append(token)
                seen.add(token.i)
                changed = True
    return heads


def split_clauses(sent: Span) -> list[Clause]:
    """The clauses of a sentence in text order; a sentence of one clause is returned whole."""
    heads = clause_heads(sent)
    if len(heads) == 1:
        return [Clause(sent.root, _trim(sent))]
    head_ids = {h.i for h in heads}
    owner: dict[int, int] = {}
    for head in heads:
        for token in head.subtree:
            if sent.start <= token.i < sent.end:
                # The innermost clause head wins: walk up until a head is met.
                node = token
                while node.i not in head_ids and node.head.i != node.i:
                    node = node.head
                owner[token.i] = node.i
    clauses = []
    for head in heads:
        start, end = _run_around(head.i, {i for i, h in owner.items() if h == head.i})
        span = _trim(sent.doc[start:end])
        if len(span):
            clauses.append(Clause(head, span))
    clauses.sort(key=lambda c: c.span.start)
    return _disjoint(clauses)


def _run_around(index: int, own: set[int]) -> tuple[int, int]:
    """The contiguous run of a clause's own tokens that holds its head.

    A clause's tokens may lie on both sides of a coordinated clause (the sentence's
    final period hangs from the root); only the run around the head is the clause.
    """
    start = end = index
    while start - 1 in own:
        start -= 1
    while end + 1 in own:
        end += 1
    return start, end + 1


def _disjoint(clauses: list[Clause]) -> list[Clause]:
    """Clip clause spans so no two overlap (a clause nested inside another keeps its words)."""
    out: list[Clause] = []
    for clause in clauses:
        if out and clause.span.start < out[-1].span.end:
            prev = out[-1]
            if clause.span.end <= prev.span.end:
                continue  # nested: its words stay in the enclosing clause
            clipped = _trim(clause.span.doc[prev.span.end : clause.span.end])
            if not len(clipped):
                continue
            clause = Clause(clause.head, clipped)
        out.append(clause)
    return out


def _trim(span: Span) -> Span:
    """A span without joiners and punctuation at its edges (a closing bracket or quote stays)."""
    start, end = span.start, span.end
    doc = span.doc
    while (
        start < end
        and (doc[start].dep_ in EDGE_DEPS or doc[start].is_space)
        and doc[start].text not in "([\"'“‘"
    ):
        start += 1
    while (
        end > start
        and (doc[end - 1].dep_ in EDGE_DEPS or doc[end - 1].is_space)
        and doc[end - 1].text not in ")]\"'”’.!?"
    ):
        end -= 1
    return doc[start:end]
