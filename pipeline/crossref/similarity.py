"""Wording similarity for claims that fit no frame: group paraphrases, never judge them.

Claims are reduced to content words: Snowball stems without spaCy's English stop
words or numbers, so "spaced 4 weeks apart" and "spaced 10 weeks apart" share all
their words and the numbers are compared later, as numbers. Spelling variants that the
corpus itself attests meet too (:class:`Vocabulary`: "skin care" / "skincare",
"suits" / "suitable").
Similarity is the cosine of IDF-weighted word vectors, so words every page uses (the
subject's name) count little. To stay close to linear, candidates come from blocking
on each claim's rarest words, and posting lists longer than a cap are skipped: a word
that common cannot single out a paraphrase. Groups are the connected components of the
links that pass the threshold.
"""

from __future__ import annotations

import functools
import itertools
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import snowballstemmer
from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.claims.nlp import lemma_words

LOGGER = logging.getLogger(__name__)

#: IDF cosine at or above which two claims are taken as one statement. Calibrated on the
#: claims of the three pages in raw/ (scripts/eval_points.py): cross-page pairs with an
#: unframed claim scored 0.46-0.70 when they were paraphrases; the best non-paraphrases
#: scored 0.42 ("This rejuvenates the skin" against an image caption "Skin Health &
#: Rejuvenation") and 0.41 ("performed by a trained and experienced professional" against
#: "look for clinics with experienced professionals"). Paraphrases at 0.36-0.44 are
#: missed: the price of never linking those pairs.
LINK_THRESHOLD = 0.45
#: Lower bar for an unframed claim that names the framed claim's object (contains all its
#: content words): naming the object is evidence of its own. On the same pages, the
#: named pairs between 0.35 and 0.45 were paraphrases ("treatment of scars, particularly
#: acne scars" / "Improve acne scars": 0.40; "better absorption of topical creams" /
#: "increase their absorption": 0.40; "more sensitive after treatment" / "feel
#: sensitive": 0.42).
NAMED_LINK_THRESHOLD = 0.35
#: Each claim is blocked on this many of its rarest words. On the three pages in raw/,
#: five find every link that comparing all pairs finds; three missed paraphrases that
#: share only mid-frequency words ("absorption", "microchannels", "serums").
BLOCK_KEYS = 5
#: Two claims must share at least this many content words: one rare shared word can
#: carry the cosine of two short texts past the threshold on its own ("gently move the
#: device" against "use gentle skincare").
MIN_SHARED_WORDS = 2
#: Posting lists longer than this are not used for blocking (bounded work per claim).
MAX_POSTING = 200
#: Words shorter than this are dropped (initials, unit letters like "h").
MIN_WORD_LENGTH = 3

#: Snowball's English (Porter 2) stemmer: pure Python, no data files to download.
STEMMER = snowballstemmer.stemmer("english")
#: Distinct words whose stems are kept in memory (a page set's vocabulary is far smaller).
STEM_CACHE_SIZE = 1 << 16
#: Distinct texts whose word lists are kept in memory: crossref reads each claim text in
#: several passes (vocabulary, framed targets, wording groups), and lemmatizing is costly.
WORDS_CACHE_SIZE = 1 << 16
#: Tokens that are numbers (digits, decimals): compared as values, never as wording.
NUMBER_RE = re.compile(r"[0-9][0-9.,]*")
#: Endings of Snowball stems that make an adjective of ability from a verb or noun
#: ("suitable" -> "suitabl", "treatable" -> "treatabl"). Porter2 strips them only from
#: long words (its R2 region), so a short base keeps them and "suits" / "suitable" never
#: meet. A stem with one of these endings is folded to its base when the base is itself
#: a stem of the corpus. Other step-4 endings are left alone: "-er" and "-ment" make
#: nouns that name something else ("number" / "numb", "comment" / "com").
ABILITY_ENDINGS = ("abl", "ibl")


@functools.lru_cache(maxsize=STEM_CACHE_SIZE)
def stem(word: str) -> str:
    """Snowball stem of one word, cached: the pure-Python stemmer is the stage's hot spot."""
    return str(STEMMER.stemWord(word))


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Spelling variants one corpus attests, so its claims meet whichever form they use.

    ``compounds`` are word pairs whose closed form is also a word of the corpus ("skin
    care" / "skincare"); ``bases`` maps a derived stem to its base stem when the corpus
    has both ("suitabl" -> "suit", see :data:`ABILITY_ENDINGS`). Both are read off the
    corpus, never off a list of words, so they hold for any subject.
    """

    compounds: frozenset[tuple[str, str]] = frozenset()
    bases: Mapping[str, str] = field(default_factory=dict)

    def join(self, words: Sequence[str]) -> list[str]:
        """Close every open compound of ``words`` ("skin", "care" -> "skincare")."""
        out: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words) and (words[i], words[i + 1]) in self.compounds:
                out.append(words[i] + words[i + 1])
                i += 2
            else:
                out.append(words[i])
                i += 1
        return out


@functools.lru_cache(maxsize=WORDS_CACHE_SIZE)
def _words(text: str) -> tuple[str, ...]:
    """Lemmas of a text with hyphens dropped, so that "make-up" meets "makeup" (cached)."""
    return tuple(word.strip("'-").replace("-", "") for word in lemma_words(text))


def _is_content(word: str) -> bool:
    """A word that can carry meaning: long enough, not a stop word, not a number."""
    return len(word) >= MIN_WORD_LENGTH and word not in STOP_WORDS and not NUMBER_RE.fullmatch(word)


def build_vocabulary(texts: Iterable[str]) -> Vocabulary:
    """The compounds and derived stems that ``texts`` attest in both forms (linear in their words)."""
    tokens = [_words(text) for text in dict.fromkeys(texts)]
    closed = {word for words in tokens for word in words}
    compounds = frozenset(
        (a, b) for words in tokens for a, b in itertools.pairwise(words)
        if _is_content(a) and _is_content(b) and a + b in closed
    )
    stems = {stem(w) for words in tokens for w in Vocabulary(compounds).join(words) if _is_content(w)}
    bases = {
        s: s[: -len(ending)] for s in stems for ending in ABILITY_ENDINGS
        if s.endswith(ending) and len(s) - len(ending) >= MIN_WORD_LENGTH and s[: -len(ending)] in stems
    }
    return Vocabulary(compounds, bases)


#: No corpus variants: words meet only when their stems are equal.
NO_VOCABULARY = Vocabulary()


def content_words(text: str, vocabulary: Vocabulary = NO_VOCABULARY) -> frozenset[str]:
    """The content words of a claim as Snowball stems, without stop words, numbers or short tokens.

    Stems rather than lemmas so that derived forms meet ("exfoliating" / "exfoliant",
    "hydrated" / "hydration", "consult" / "consultation"); hyphens are dropped so that
    "make-up" meets "makeup"; ``vocabulary`` adds the variants its corpus attests.
    """
    return frozenset(content_sequence(text, vocabulary))


def content_sequence(text: str, vocabulary: Vocabulary = NO_VOCABULARY) -> list[str]:
    """The stems of :func:`content_words` in text order, repeats kept (for head nouns)."""
    words = vocabulary.join(_words(text))
    return [vocabulary.bases.get(s, s) for s in (stem(w) for w in words if _is_content(w))]


def idf_cosine(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    """Cosine of two binary word vectors weighted by IDF (0 when either is empty).

    Cosine rather than Jaccard: a short claim ("Avoid sun exposure") inside a longer
    paraphrase keeps a fair score instead of being diluted by the longer one's extra words.
    """
    if not a or not b:
        return 0.0
    shared = sum(idf[w] ** 2 for w in a & b)
    return shared / math.sqrt(sum(idf[w] ** 2 for w in a) * sum(idf[w] ** 2 for w in b))


Key = TypeVar("Key", int, str)


class UnionFind(Generic[Key]):
    """Union-find (with path halving); each set is named by its smallest member.

    Naming sets by their smallest member, not by merge order, keeps groupings and
    the ids derived from them the same however the links were found.
    """

    def __init__(self, members: Iterable[Key]) -> None:
        self.parent: dict[Key, Key] = {member: member for member in members}

    def find(self, member: Key) -> Key:
        """The name of the set holding ``member``."""
        while self.parent[member] != member:
            self.parent[member] = self.parent[self.parent[member]]
            member = self.parent[member]
        return member

    def union(self, a: Key, b: Key) -> None:
        """Merge the sets holding ``a`` and ``b``."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def _candidates(signatures: Sequence[frozenset[str]], df: Counter[str]) -> set[tuple[int, int]]:
    """Pairs of signatures sharing one of their rarest words (blocking)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, words in enumerate(signatures):
        for word in sorted(words, key=lambda w: (df[w], w))[:BLOCK_KEYS]:
            postings[word].append(index)
    pairs: set[tuple[int, int]] = set()
    for word, members in postings.items():
        if len(members) > MAX_POSTING:
            LOGGER.debug("skipping common blocking word %r (%d claims)", word, len(members))
            continue
        for pos, i in enumerate(members):
            pairs.update((i, j) for j in members[pos + 1:])
    return pairs


@dataclass(frozen=True, slots=True)
class _Corpus:
    """Texts reduced to distinct word sets, with the IDF weights of their words."""

    words: list[frozenset[str]]
    signatures: list[frozenset[str]]
    slot: dict[frozenset[str], int]
    df: Counter[str]
    idf: dict[str, float]

    def links(self, threshold: float) -> Iterator[tuple[int, int, float]]:
        """Candidate signature pairs (i < j) whose similarity reaches ``threshold``."""
        for i, j in sorted(_candidates(self.signatures, self.df)):
            if len(self.signatures[i] & self.signatures[j]) < MIN_SHARED_WORDS:
                continue
            score = idf_cosine(self.signatures[i], self.signatures[j], self.idf)
            if score >= threshold:
                yield i, j, score


def _corpus(texts: Sequence[str], vocabulary: Vocabulary | None) -> _Corpus:
    """Index texts by their content words; identical word sets share one signature.

    Without a ``vocabulary`` the texts' own is used.
    """
    vocab = build_vocabulary(texts) if vocabulary is None else vocabulary
    words = [content_words(t, vocab) for t in texts]
    signatures = sorted({w for w in words if w}, key=sorted)
    df: Counter[str] = Counter(w for sig in signatures for w in sig)
    # scikit-learn's smoothed IDF: ln((1 + n) / (1 + df)) + 1 stays positive and stable on
    # a handful of texts, where the plain ln(n / df) swings with every text added.
    idf = {w: math.log((1 + len(signatures)) / (1 + n)) + 1 for w, n in df.items()}
    return _Corpus(words, signatures, {sig: i for i, sig in enumerate(signatures)}, df, idf)


def group_texts(texts: Sequence[str], *, threshold: float = LINK_THRESHOLD,
                vocabulary: Vocabulary | None = None) -> list[list[int]]:
    """Group texts that say the same thing in other words.

    Args:
        texts: claim texts.
        threshold: IDF cosine needed to link two texts.
        vocabulary: the corpus variants to apply (default: those ``texts`` attest).

    Returns:
        Groups of indices into ``texts`` (each sorted, groups ordered by first index);
        every text is in exactly one group, unlinked texts alone.
    """
    corpus = _corpus(texts, vocabulary)
    components = UnionFind(range(len(corpus.signatures)))
    for i, j, _ in corpus.links(threshold):
        components.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for index, sig in enumerate(corpus.words):
        groups[components.find(corpus.slot[sig]) if sig else -1 - index].append(index)
    return sorted(groups.values(), key=lambda g: g[0])


def nearest_texts(
    queries: Sequence[str],
    targets: Sequence[str],
    *,
    names: Sequence[frozenset[str]] | None = None,
    threshold: float = LINK_THRESHOLD,
    named_threshold: float = NAMED_LINK_THRESHOLD,
    vocabulary: Vocabulary | None = None,
) -> list[tuple[float, int] | None]:
    """For each query, its most similar target at or above ``threshold``.

    Used to attach a claim that fits no frame to the framed point it paraphrases. A
    target may carry a name (the content words of its object); a query that contains
    every word of that name needs only ``named_threshold``: it names what the target is
    about and says much the same of it. Ties go to the lowest target index. ``vocabulary``
    is as in :func:`group_texts` (default: the variants queries and targets attest).

    Returns:
        One entry per query: (similarity, target index), or None when no target is
        similar enough.
    """
    corpus = _corpus([*queries, *targets], vocabulary)
    by_slot: dict[int, dict[frozenset[str], int]] = defaultdict(dict)
    query_slots: dict[int, list[int]] = defaultdict(list)
    for index, sig in enumerate(corpus.words):
        if not sig:
            continue
        if index < len(queries):
            query_slots[corpus.slot[sig]].append(index)
        else:
            target = index - len(queries)
            name = names[target] if names is not None else frozenset()
            by_slot[corpus.slot[sig]].setdefault(name, target)
    best: dict[int, tuple[float, int]] = {
        slot: (1.0, min(by_slot[slot].values())) for slot in query_slots if slot in by_slot
    }
    floor = min(threshold, named_threshold) if names is not None else threshold
    for i, j, score in corpus.links(floor):
        for query, slot in ((i, j), (j, i)):
            if query not in query_slots or slot not in by_slot:
                continue
            hit = _accepted(score, corpus.signatures[query], by_slot[slot],
                            threshold=threshold, named_threshold=named_threshold)
            held = best.get(query)
            if hit is not None and (held is None or (score, -hit) > (held[0], -held[1])):
                best[query] = (score, hit)
    out: list[tuple[float, int] | None] = [None] * len(queries)
    for slot, members in query_slots.items():
        for index in members:
            out[index] = best.get(slot)
    return out


def _accepted(score: float, query: frozenset[str], named: dict[frozenset[str], int], *,
              threshold: float, named_threshold: float) -> int | None:
    """The target a link of ``score`` reaches: any at ``threshold``, a named one above the lower bar."""
    if score >= threshold:
        return min(named.values())
    hits = [target for name, target in named.items() if name and name <= query]
    return min(hits) if hits and score >= named_threshold else None
