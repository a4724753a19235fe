"""Stage 3, crossref: claims from different pages -> points, each agreed, partial, in conflict or single.

A point is one question the pages answer: framed claims are blocked by (frame family,
object), e.g. every interval between sessions, or every piece of advice about one
product; claims that fit no frame are grouped by wording (:mod:`pipeline.crossref.similarity`),
and a framed claim that no other source backs may follow a shared point of its family
that it paraphrases.
Inside a point the reference value is the one most sources can stand with; every
source is then related to it by polarity and numbers (:mod:`pipeline.crossref.compare`), so the
work per point is linear in its claims. Wording only ever groups: a conflict always
comes from opposite polarity or disjoint numbers.
"""

from __future__ import annotations

import logging
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pipeline.claims.values import find_quantities
from pipeline.crossref.compare import (
    Relation,
    Span,
    compare_claims,
    family_of,
    make_span,
    polarity_sign,
)
from pipeline.crossref.similarity import (
    NO_VOCABULARY,
    UnionFind,
    Vocabulary,
    build_vocabulary,
    content_sequence,
    content_words,
    group_texts,
    nearest_texts,
)
from pipeline.errors import InputError
from pipeline.io import content_id, read_json, read_jsonl, write_jsonl
from pipeline.records import Claim

LOGGER = logging.getLogger(__name__)

CLAIMS_FILE = "claims.jsonl"
POINTS_FILE = "points.jsonl"
POINT_SOURCES_FILE = "point_sources.jsonl"

#: Only these sources count; duplicates are counted once through their original.
USABLE_STATUS = "ok"
#: Output order: what needs a reader's attention first.
STATUS_ORDER = ("conflict", "partial", "agree", "single")
#: Reference candidates tried per point, the most frequent exact values first. Bounds
#: the work per point (K x distinct values) whatever the number of sources.
MAX_REFERENCE_CANDIDATES = 8

ValueKey = tuple[int, str, str, bool]
"""A claim's comparable content: polarity sign, canonical value, unit, attached by wording."""


@dataclass(frozen=True, slots=True)
class Stated:
    """One claim as crossref sees it: its sign and its comparable value."""

    claim: Claim
    sign: int
    span: Span | None
    #: Attached to a framed point by wording only: it takes the point's polarity, so
    #: wording can never make it contradict the point (its numbers still count).
    follows: bool = False

    @property
    def key(self) -> ValueKey:
        """Claims with equal keys relate identically to every other claim."""
        return self.sign, self.claim.value, self.claim.unit, self.follows


def usable_sources(sources: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Source records that count, by source id."""
    return {s["source_id"]: s for s in sources if s.get("status") == USABLE_STATUS}


def stated(claim: Claim, *, from_text: bool = False, follows: bool = False) -> Stated:
    """Wrap a claim; with ``from_text``, a claim without a value gets the first quantity in its text.

    Unframed claims may carry no value even when their text has a number, and a
    paraphrase with a different number must still be caught.
    """
    if from_text and not claim.value:
        found = find_quantities(claim.text)
        if found:
            q = found[0]
            claim = _with_value(claim, q.value, q.low, q.high, q.unit)
    span = make_span(claim.value, claim.value_min, claim.value_max, claim.unit)
    return Stated(claim, polarity_sign(claim.polarity), span, follows)


def _with_value(claim: Claim, value: str, low: float | None, high: float | None, unit: str) -> Claim:
    """A copy of ``claim`` carrying a value read from its own text."""
    row = claim.to_json()
    row.update(value=value, value_min=low, value_max=high, unit=unit)
    return Claim.from_json(row)


def object_key(obj: str, vocabulary: Vocabulary = NO_VOCABULARY) -> frozenset[str]:
    """An object's content words ("absorption of skincare products" -> absorption, product, skincare)."""
    return content_words(obj, vocabulary) or frozenset(obj.lower().split())


def object_head(obj: str, vocabulary: Vocabulary = NO_VOCABULARY) -> str:
    """The stemmed head noun of an object: its last content word, before any "of" phrase.

    English noun phrases put the head last ("acne scar", "skin tone") except before an
    "of" complement ("absorption of skincare products").
    """
    words = content_sequence(obj.split(" of ")[0], vocabulary)
    return words[-1] if words else ""


def merge_objects(objects: Iterable[str], vocabulary: Vocabulary = NO_VOCABULARY) -> dict[str, str]:
    """Map each object to the name of the point it belongs to within a family.

    Objects with the same content words are one object. A shorter object whose words
    all appear in a longer one names the same thing with fewer modifiers when the head
    noun is the same ("tone" / "skin tone", "minimally invasive procedure" / "minimally
    invasive cosmetic procedure") or when it fits only that one longer object
    ("exfoliant" / "exfoliating agent"); a word inside several objects with other heads
    ("skin" in "skin tone" and "skin texture") stays apart. Candidates come from the
    object's rarest word, so the work stays close to linear in the number of objects. A
    merged point takes its alphabetically first name. ``vocabulary`` holds the spelling
    variants of the corpus ("skin care product" / "skincare").
    """
    keys = {obj: object_key(obj, vocabulary) for obj in objects if obj}
    heads = {obj: object_head(obj, vocabulary) for obj in keys}
    df = Counter(w for key in set(keys.values()) for w in key)
    holders: dict[str, set[str]] = defaultdict(set)
    for obj, key in keys.items():
        for word in key:
            holders[word].add(obj)
    groups = UnionFind(sorted(keys))
    for obj, key in keys.items():
        rarest = min(key, key=lambda w: (df[w], w))
        supersets = [o for o in holders[rarest] if key < keys[o]]
        for other in holders[rarest]:
            same_head = heads[obj] == heads[other]
            if key == keys[other] or (key < keys[other] and (same_head or len(supersets) == 1)):
                groups.union(obj, other)
    return {obj: groups.find(obj) for obj in keys}


def _framed_blocks(claims: Sequence[Claim], vocabulary: Vocabulary) -> dict[tuple[str, ...], list[Stated]]:
    """Framed claims by (frame family, merged object)."""
    by_family: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_family[family_of(claim.frame)].append(claim)
    blocks: dict[tuple[str, ...], list[Stated]] = defaultdict(list)
    for family, members in sorted(by_family.items()):
        names = merge_objects((normalize_object(c.object) for c in members), vocabulary)
        for claim in members:
            obj = normalize_object(claim.object)
            blocks[(family, names.get(obj, obj))].append(stated(claim))
    return blocks


def _attach_lone_claims(
    blocks: dict[tuple[str, ...], list[Stated]], vocabulary: Vocabulary
) -> dict[tuple[str, ...], list[Stated]]:
    """Move each framed claim that is alone on its point to a shared point of its family it paraphrases.

    Pages name one thing differently ("the use of fine needles" / "a device covered with
    tiny needles"), so a claim whose point no other source makes may belong to a point
    that several sources make in the same frame family. It joins when its wording reaches
    one of that point's claims (the bars of :func:`pipeline.similarity.nearest_texts`),
    as a follower: it takes the point's polarity, so wording never makes a conflict.
    The claim's own object must still be spoken of: the head noun of its object has to
    occur in the reached claim's text, or one template worded around two objects would
    merge them ("avoid applying makeup for 24 hours" / "avoid applying sunscreen for 24
    hours", page 000 of raw/). Points made by one source are never targets, so two lone
    claims cannot make an agreement out of wording alone. One search per family keeps
    the work linear.
    """
    by_family: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(blocks):
        by_family[key[0]].append(key)
    out = {key: list(members) for key, members in blocks.items()}
    for keys in by_family.values():
        lone = [(key, m) for key in keys if _source_count(blocks[key]) == 1 for m in blocks[key]]
        shared = [(key, m) for key in keys if _source_count(blocks[key]) > 1 for m in blocks[key]]
        if not lone or not shared:
            continue
        hits = nearest_texts([m.claim.text for _, m in lone], [m.claim.text for _, m in shared],
                             names=[object_key(m.claim.object, vocabulary) for _, m in shared],
                             vocabulary=vocabulary)
        for (key, m), hit in zip(lone, hits, strict=True):
            if hit is None:
                continue
            target_key, target = shared[hit[1]]
            if target.claim.source_id != m.claim.source_id and _speaks_of(
                    target.claim.text, m.claim.object, vocabulary):
                LOGGER.debug("lone claim %s follows %s", m.claim.claim_id, target_key)
                out[key].remove(m)
                out[target_key].append(replace(m, follows=True))
    return {key: members for key, members in out.items() if members}


def _source_count(members: Sequence[Stated]) -> int:
    """How many sources a block's claims come from."""
    return len({m.claim.source_id for m in members})


def _speaks_of(text: str, obj: str, vocabulary: Vocabulary) -> bool:
    """True when ``text`` holds the head noun of ``obj`` (stems, corpus variants folded)."""
    head = object_head(normalize_object(obj), vocabulary)
    return bool(head) and head in content_words(text, vocabulary)


def normalize_object(obj: str) -> str:
    """Lowercase and collapse whitespace."""
    return " ".join(obj.lower().split())


def block_claims(claims: Sequence[Claim]) -> list[tuple[tuple[str, ...], list[Stated]]]:
    """Split claims into candidate points: (family, object) for framed ones, wording for the rest.

    A wording group of unframed claims that paraphrases a framed claim (a lower bar
    applies when it names the claim's object) joins that claim's point as followers;
    the others become points of their own.
    Returns (block key, members) pairs; the key is what the point id is made from.
    """
    vocabulary = build_vocabulary([*(c.text for c in claims), *(c.object for c in claims)])
    framed = _attach_lone_claims(_framed_blocks([c for c in claims if c.frame], vocabulary), vocabulary)
    unframed = [c for c in claims if not c.frame]
    targets = [(key, m.claim) for key, members in sorted(framed.items()) for m in members]
    nearest = nearest_texts([c.text for c in unframed], [c.text for _, c in targets],
                            names=[object_key(c.object, vocabulary) for _, c in targets],
                            vocabulary=vocabulary)
    blocks = {key: list(members) for key, members in framed.items()}
    for group in group_texts([c.text for c in unframed], vocabulary=vocabulary):
        hits = [n for n in (nearest[i] for i in group) if n is not None]
        if hits:
            _, target = max(hits, key=lambda hit: (hit[0], -hit[1]))
            key = targets[target][0]
            blocks[key].extend(stated(unframed[i], from_text=True, follows=True) for i in group)
            continue
        members = [stated(unframed[i], from_text=True) for i in group]
        blocks[("", *_wording_key(members))] = members
    return sorted(blocks.items())


def _wording_key(members: Sequence[Stated]) -> tuple[str, ...]:
    """Content key of a wording group: the words of its smallest-id claim's text."""
    first = min(members, key=lambda m: m.claim.claim_id)
    return tuple(sorted(content_words(first.claim.text)))


def choose_reference(members: Sequence[Stated]) -> tuple[ValueKey, dict[ValueKey, Relation]]:
    """Pick the value most sources can stand with, and relate every distinct value to it.

    Ranking: sources not in conflict with it, then sources stating it exactly, then
    claims with a value before claims without (more specific), then the smaller number
    and the value itself, so ties break the same way on every run.
    """
    by_key: dict[ValueKey, Stated] = {}
    sources_of: dict[ValueKey, set[str]] = defaultdict(set)
    for m in members:
        by_key.setdefault(m.key, m)
        sources_of[m.key].add(m.claim.source_id)
    leaders = [k for k in by_key if not by_key[k].follows] or list(by_key)
    candidates = sorted(leaders, key=lambda k: (-len(sources_of[k]), k))[:MAX_REFERENCE_CANDIDATES]
    scored = [_score_reference(members, by_key, cand) for cand in candidates]
    _, ref, relations = min(scored, key=lambda item: item[0])
    return ref, relations


def _score_reference(
    members: Sequence[Stated], by_key: dict[ValueKey, Stated], cand: ValueKey
) -> tuple[tuple[Any, ...], ValueKey, dict[ValueKey, Relation]]:
    """Rank one reference candidate (lower is better) with its relations to every value."""
    ref = by_key[cand]
    relations = {
        k: compare_claims(ref.sign, ref.span, ref.sign if s.follows else s.sign, s.span)
        for k, s in by_key.items()
    }
    per_source = _source_relations(members, relations)
    rank = (
        -sum(r != Relation.CONFLICT for r in per_source.values()),
        -sum(r == Relation.EQUAL for r in per_source.values()),
        ref.span is None,
        ref.span.low if ref.span is not None else 0.0,
        cand[1], cand[2], -cand[0], cand[3],
    )
    return rank, cand, relations


def _source_relations(members: Sequence[Stated], relations: dict[ValueKey, Relation]) -> dict[str, Relation]:
    """Each source's best relation to the reference over its claims."""
    out: dict[str, Relation] = {}
    for m in members:
        rel = relations[m.key]
        sid = m.claim.source_id
        out[sid] = min(out.get(sid, rel), rel)
    return out


def point_status(per_source: dict[str, Relation]) -> str:
    """conflict > single > partial > agree, from each source's relation to the reference."""
    if any(r == Relation.CONFLICT for r in per_source.values()):
        return "conflict"
    if len(per_source) == 1:
        return "single"
    return "partial" if any(r == Relation.PARTIAL for r in per_source.values()) else "agree"


def _statement(members: Sequence[Stated], ref: ValueKey) -> Stated:
    """The clearest claim with the reference value: the shortest text (ties: claim id)."""
    exact = [m for m in members if m.key == ref]
    return min(exact, key=lambda m: (len(m.claim.text), m.claim.claim_id))


def _evidence(m: Stated, stance: str, source: dict[str, Any]) -> dict[str, Any]:
    """One evidence row: enough to show and trace the claim without a join."""
    c = m.claim
    return {
        "claim_id": c.claim_id, "source_id": c.source_id,
        "source_title": str((source.get("metadata") or {}).get("title", "")),
        "file": str(source.get("file", "")), "stance": stance, "value": c.value,
        "text": c.text, "quote": c.quote, "raw_start": c.raw_start, "raw_end": c.raw_end,
    }


def _majority(values: Iterable[str]) -> str:
    """Most frequent non-empty value (ties: alphabetical), or ""."""
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else ""


def build_point(
    key: tuple[str, ...], members: Sequence[Stated], sources: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """Consolidate one block of claims into a point row with its evidence."""
    ref, relations = choose_reference(members)
    per_source = _source_relations(members, relations)
    head = _statement(members, ref).claim
    ordered = sorted(members, key=lambda m: (m.claim.source_id, m.claim.claim_id))
    return {
        "point_id": content_id("pt", *key),
        "topic": _majority(m.claim.topic for m in members),
        "frame": head.frame,
        "object": head.object if head.frame else "",
        "statement": head.text,
        "value": head.value, "value_min": head.value_min, "value_max": head.value_max,
        "unit": head.unit,
        "status": point_status(per_source),
        "sources": sorted(s for s, r in per_source.items() if r != Relation.CONFLICT),
        "conflicting_sources": sorted(s for s, r in per_source.items() if r == Relation.CONFLICT),
        "claim_ids": sorted(m.claim.claim_id for m in members),
        "evidence": [
            _evidence(m, "conflicts" if relations[m.key] == Relation.CONFLICT else "states",
                      sources[m.claim.source_id])
            for m in ordered
        ],
    }


def point_source_rows(point: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per source that speaks to the point: it states the point or conflicts with it.

    Sources with no claim on the point get no row: the table stays as long as the
    evidence instead of growing as points x sources.
    """
    claims_by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in point["evidence"]:
        claims_by_source[ev["source_id"]].append(ev)
    conflicting = set(point["conflicting_sources"])
    rows = []
    for sid, evidence in sorted(claims_by_source.items()):
        stance = "conflicts" if sid in conflicting else "states"
        own = [e for e in evidence if e["stance"] == stance] or evidence
        rows.append({
            "point_id": point["point_id"], "source_id": sid, "stance": stance,
            "value": _majority(e["value"] for e in own),
            "claim_ids": sorted(e["claim_id"] for e in evidence),
        })
    return rows


def point_sort_key(point: dict[str, Any]) -> tuple[int, str, str]:
    """Conflicts first, then partial, agree, single; then topic and id."""
    return STATUS_ORDER.index(point["status"]), point["topic"], point["point_id"]


def crossref_claims(
    claims: list[Claim], sources: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Cross-reference claims of usable sources into points and a point x source table.

    Args:
        claims: every claim row of the segment stage (non-claims are ignored).
        sources: the extract records (``source_id``, ``status``, ``file``, ``metadata``).

    Returns:
        (points, point_sources), both sorted deterministically. ``point_sources`` is a
        sparse long table: one row per (point, source) where the source states the point
        (stance "states") or contradicts it ("conflicts"). A usable source with no row
        for a point is silent on it; readers that need a full matrix fill the gaps.
    """
    usable = usable_sources(sources)
    kept = sorted(
        (c for c in claims if c.is_claim and c.source_id in usable), key=lambda c: c.claim_id
    )
    points = [build_point(key, members, usable) for key, members in block_claims(kept)]
    points.sort(key=point_sort_key)
    point_sources = [row for p in points for row in point_source_rows(p)]
    LOGGER.info("crossref: %d claims from %d sources -> %d points (%s)", len(kept), len(usable),
                len(points), dict(Counter(p["status"] for p in points)))
    return points, point_sources


def read_sources(cleaned_dir: Path) -> list[dict[str, Any]]:
    """The extract stage's per-page records (every ``<source_id>.json`` with a status), slimmed.

    Only what crossref uses is kept (:func:`source_summary`): a full record holds every
    block of its page, about 0.1 MB, which would put the whole corpus in memory.
    """
    records = []
    for path in sorted(cleaned_dir.glob("*.json")):
        record = read_json(path)
        if isinstance(record, dict) and "source_id" in record and "status" in record:
            records.append(source_summary(record))
    return records


def source_summary(record: dict[str, Any]) -> dict[str, Any]:
    """The fields of a source record that crossref reads: id, status, file and title."""
    summary = {"source_id": record["source_id"], "status": record["status"]}
    if "file" in record:
        summary["file"] = record["file"]
    metadata = record.get("metadata")
    if metadata and "title" in metadata:
        summary["metadata"] = {"title": metadata["title"]}
    return summary


#: Claim fields drawn from small vocabularies (ids, frames, topics, units, keys): one
#: string object per distinct value instead of one per row. On the 24,887 claims of a
#: 1,000-page corpus of scripts/bench_scale.py that is 19.8 MB instead of 25.9 MB.
SHARED_FIELDS = ("source_id", "section", "kind", "topic", "frame", "subject", "object", "polarity", "value",
                 "unit")


def read_claims(path: Path, usable: dict[str, dict[str, Any]]) -> list[Claim]:
    """The claims (``is_claim``) of usable sources in a claims.jsonl, with shared strings interned."""
    claims = []
    for row in read_jsonl(path):
        if row["is_claim"] and row["source_id"] in usable:
            for name in SHARED_FIELDS:
                row[name] = sys.intern(row[name])
            claims.append(Claim.from_json(row))
    return claims


def run_crossref(cleaned_dir: Path) -> Path:
    """Read claims.jsonl and the source records; write points.jsonl and point_sources.jsonl.

    point_sources.jsonl holds only the (point, source) pairs where the source states or
    contradicts the point; silence is the absence of a row (see :func:`crossref_claims`).

    Raises:
        InputError: claims.jsonl is missing (run the segment stage first).
    """
    claims_path = cleaned_dir / CLAIMS_FILE
    if not claims_path.exists():
        raise InputError(str(claims_path), "missing; run the segment stage first")
    sources = read_sources(cleaned_dir)
    claims = read_claims(claims_path, usable_sources(sources))
    points, point_sources = crossref_claims(claims, sources)
    points_path = cleaned_dir / POINTS_FILE
    write_jsonl(points_path, points)
    write_jsonl(cleaned_dir / POINT_SOURCES_FILE, point_sources)
    return points_path
