"""Stage 3, crossref: claims from different pages -> points, each agreed, partial, in conflict or single.

A point is one checkable statement about one thing: *which aspect* (the claim's frame:
duration, interval, wait, count, quantity with its dimension, or practice for advice and
use) and *what* (the thing, resolved from the parse by the claims stage). Two claims join
a point only when both match: the aspect exactly, the thing by its lemmas, or as the one
longer name with the same head noun (:func:`merge_names`).
Inside a point each source takes one stance: its value (the hull of its claims' values,
compared as numbers in base units, :mod:`pipeline.crossref.compare`) or its polarity. The
reference is the value most sources can stand with; a source whose value is disjoint from
it, or whose polarity is opposite, conflicts. Claims with no frame or no thing stay single,
and so does an effect without its cause (:func:`point_thing`).
"""

from __future__ import annotations

import logging
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.claims.lexicon import lexicon
from pipeline.claims.quantities import ADDED
from pipeline.crossref.compare import Relation, Span, common_region, hull, make_span, relate, within
from pipeline.crossref.context import UnionFind, context_links, idf_weights
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
#: Frames that advise or state a practice: "apply X" and "avoid X" speak of one thing.
PRACTICE_FRAMES = frozenset({"advice", "use"})
#: The frame of advice to do or not do an act, named by the act (see :func:`is_bare_order`).
ADVICE = "advice"
#: The frame of a cause and what it changes (see :func:`point_thing`).
EFFECT = "effect"
#: Frames whose claims carry a value; the others carry a polarity.
VALUE_FRAMES = frozenset({"duration", "interval", "wait", "count", "quantity", "date"})
#: Frames that say how long, read as one aspect (see :func:`aspect`).
TIME_SPAN_FRAMES = frozenset({"wait", "duration"})
SPAN_OF_TIME = "duration"
NEGATIVE = "negate"
#: The one word every occurrence noun of the lexicon is read as.
OCCURRENCE = "<occurrence>"


@dataclass(frozen=True, slots=True)
class Stance:
    """What one source says on one point: its value span or its polarity, and its claims."""

    source_id: str
    claims: tuple[Claim, ...]
    span: Span | None
    sign: int


def usable_sources(sources: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Source records that count, by source id."""
    return {s["source_id"]: s for s in sources if s.get("status") == USABLE_STATUS}


def claim_span(claim: Claim) -> Span | None:
    """A claim's value as a span in base units (None without a value)."""
    return make_span(claim.value_min, claim.value_max, claim.unit, approx=claim.vague)


def aspect(claim: Claim) -> str:
    """The aspect a claim speaks to: its frame, values with their dimension.

    Advice and use are one aspect ("apply X" / "avoid X"), and so are a wait and a duration:
    both say how long, about the thing they name, and pages word one as the other ("keep
    the wrap on for 2 hours" / "remove the wrap after 2 hours"). The thing must still match.
    An amount on top of an earlier one ("cook another 5 minutes") is an aspect of its own:
    it is no total, so it neither agrees nor conflicts with one ("cook for 20 minutes").
    """
    if claim.frame in PRACTICE_FRAMES:
        return "practice"
    frame = SPAN_OF_TIME if claim.frame in TIME_SPAN_FRAMES else claim.frame
    if claim.bound == ADDED:
        frame = f"{frame}|{ADDED}"
    span = claim_span(claim)
    return f"{frame}|{span.dimension}" if span is not None else frame


def name_words(name: str) -> list[str]:
    """A name's lemmas, every noun naming one occurrence of an activity read as one word.

    "session", "treatment" and "procedure" all stand for the activity a page is about
    ("each session lasts an hour" / "the procedure takes an hour"), so they compare equal.
    A generic noun beside other words adds nothing: "alcohol product" is "alcohol". A clipped
    noun is the noun it shortens, and a verb of keeping a thing somewhere the place it keeps it
    in: "fridge soup", "refrigerator soup" and "refrigerate soup" are one thing.
    """
    lex = lexicon()
    words = [lex.same_words.get(word, word) for word in name.split()]
    words = [OCCURRENCE if word in lex.occurrence_nouns else word for word in words]
    specific = [word for word in words if word not in lex.generic_nouns]
    return specific or words


def name_key(name: str) -> frozenset[str]:
    """The lemmas of a thing's name as a set: "oil change" and "change oil" are one thing."""
    return frozenset(name_words(name))


def name_head(name: str) -> str:
    """The head of a name: its last lemma (English puts the head noun last)."""
    words = name_words(name)
    return words[-1] if words else ""


def merge_names(names: Iterable[str], *, into_longer: bool = True) -> dict[str, str]:
    """Map each name to the name of the point it joins, within one aspect.

    Names with the same lemma set are one ("oil change" / "change oil"). With
    ``into_longer``, a shorter name whose lemmas all occur in exactly one longer name with
    the same head joins it ("cream" / "numbing cream"); when several longer names fit
    ("synthetic oil", "conventional oil") it stays apart, since it could be either; and when
    the longer one adds a degree word ("less abrasive sponge"), which turns the thing around
    rather than narrowing it. Each name maps to one name of its merged group.
    """
    distinct = sorted(set(names))
    by_key: dict[frozenset[str], str] = {}
    for name in distinct:
        by_key.setdefault(name_key(name), name)
    keys = sorted(by_key, key=lambda k: (len(k), sorted(k)))
    sets = UnionFind(len(keys))
    shorter = keys if into_longer else []  # only equal lemma sets join
    degree = lexicon().degree_words
    for index, key in enumerate(shorter):
        head = name_head(by_key[key])
        longer = [j for j, k in enumerate(keys) if key < k and name_head(by_key[k]) == head]
        longer = [j for j in longer if not (keys[j] - key) & degree]  # a degree word turns it around
        if len(longer) == 1:
            sets.union(index, longer[0])
    position = {key: index for index, key in enumerate(keys)}
    return {name: by_key[keys[sets.find(position[name_key(name)])]] for name in distinct}


def contrasting(a: str, b: str) -> bool:
    """Two names of one head that each add a word the other lacks name two kinds of one thing.

    "table salt" / "kosher salt", "wet brine" / "dry brine", "red wine" / "white wine": the
    added words are what sets each kind apart, so however alike the two sentences read, their
    values are about different things and are never linked by their contexts (a third claim
    may still link each of them, as it may any two claims). A name that only adds
    to the other ("cream" / "numbing cream") is no contrast; :func:`merge_names` decides it.
    Without word vectors, spellings and synonyms of one modifier ("tire" / "tyre pressure")
    contrast too: the price of never joining two kinds.
    """
    words_a, words_b = name_words(a), name_words(b)
    if not words_a or not words_b or words_a[-1] != words_b[-1]:  # the head: see name_head
        return False
    return bool(set(words_a) - set(words_b)) and bool(set(words_b) - set(words_a))


def point_thing(claim: Claim) -> str:
    """What a claim's point is about: its thing, and for an effect its cause as well.

    An effect relates a cause to what it changes, and two pages state the same effect only
    when both match: "the sun can cause fading" and "picking can cause fading" are two
    points. An effect whose cause the sentence does not name ("this can cause fading")
    cannot be compared and joins no point.
    """
    if claim.frame == EFFECT:
        return f"{claim.subject} {claim.object}" if claim.subject and claim.object else ""
    return claim.object


def is_bare_order(claim: Claim) -> bool:
    """An order to do an act named by its verb alone ("Wash.", "Let cool", "Switch").

    A step leaves out what it acts on when the steps before name it, so two pages' "wash"
    may wash different things; it joins no point. A prohibition names the act in general
    ("do not pick", "never scratch") and does. On the tune subjects of devcorpus/, bare orders
    joined on their verb were right for 3 of 15 source pairs, bare prohibitions for 30 of 31.
    """
    return claim.frame == ADVICE and claim.polarity != NEGATIVE and len(claim.object.split()) == 1


def group_claims(claims: Sequence[Claim]) -> list[tuple[tuple[str, ...], list[Claim]]]:
    """Claims by point: (aspect, thing) for framed claims, one point each for the rest.

    Within an aspect, claims join when they name one thing (:func:`merge_names`); value
    claims also join when their contexts are close (:mod:`pipeline.crossref.context`), a link
    that two names setting two kinds of one thing apart never make (:func:`contrasting`).
    """
    weights = idf_weights(claims)
    by_aspect: dict[str, list[Claim]] = defaultdict(list)
    singles: list[tuple[tuple[str, ...], list[Claim]]] = []
    for claim in claims:
        # A claim that names no thing ("this should be avoided for 2 weeks") cannot match one:
        # on the tune subjects of devcorpus/ the pairs such claims made by their context alone
        # were right 2 times of 7, against 99 of 149 for named claims.
        if claim.frame and point_thing(claim) and not is_bare_order(claim):
            by_aspect[aspect(claim)].append(claim)
        else:
            singles.append((("", claim.claim_id), [claim]))
    groups: list[tuple[tuple[str, ...], list[Claim]]] = []
    for name, members in sorted(by_aspect.items()):
        groups.extend(_aspect_groups(name, members, weights))
    return sorted(groups, key=lambda g: g[0]) + sorted(singles, key=lambda g: g[0])


def _aspect_groups(
    name: str, members: list[Claim], weights: dict[str, float]
) -> list[tuple[tuple[str, ...], list[Claim]]]:
    """The points of one aspect: connected components of name and context links."""
    members = sorted(members, key=lambda c: c.claim_id)
    sets = UnionFind(len(members))
    # Names merge within one frame: a thing used ("the pot") is not an activity ("cover the pot");
    # a wait and a duration name activities alike. Advice does not merge a shorter name into a
    # longer one: an advice name is an act with what and where it is done, and each added word
    # is other advice ("wash with mild soap" is not "wash"). Such merges were right for 5 of 18
    # source pairs on the tune subjects of devcorpus/; a used thing's name stays mergeable
    # ("numbing cream" / "topical numbing cream").
    kinds = [SPAN_OF_TIME if c.frame in TIME_SPAN_FRAMES else c.frame for c in members]
    things = [point_thing(c) for c in members]
    merged = {
        kind: merge_names(
            (t for t, k in zip(things, kinds, strict=True) if t and k == kind), into_longer=kind != ADVICE
        )
        for kind in set(kinds)
    }
    first_of: dict[tuple[str, str], int] = {}
    for index, (thing, kind) in enumerate(zip(things, kinds, strict=True)):
        if thing:
            sets.union(first_of.setdefault((kind, merged[kind][thing]), index), index)
    if name.split("|")[0] in VALUE_FRAMES:
        for i, j in context_links(members, weights):
            if not contrasting(things[i], things[j]):
                sets.union(i, j)
    components: dict[int, list[Claim]] = defaultdict(list)
    for index, claim in enumerate(members):
        components[sets.find(index)].append(claim)
    return [((name, _point_name(group)), group) for group in components.values()]


def _point_name(group: list[Claim]) -> str:
    """A stable name for a group: its alphabetically first thing, else its first claim id."""
    names = sorted(c.object for c in group if c.object)
    return names[0] if names else min(c.claim_id for c in group)


def stances(members: Sequence[Claim]) -> list[Stance]:
    """One stance per source: the hull of its values, or its majority polarity."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in members:
        by_source[claim.source_id].append(claim)
    out = []
    for source_id, own in sorted(by_source.items()):
        spans = [s for s in (claim_span(c) for c in own) if s is not None]
        signs = Counter(-1 if c.polarity == NEGATIVE else 1 for c in own)
        sign = -1 if signs[-1] > signs[1] else 1
        out.append(Stance(source_id, tuple(own), hull(spans) if spans else None, sign))
    return out


@dataclass(frozen=True, slots=True)
class Reference:
    """What a point's sources are measured against: a stance to show, and the values that can stand.

    ``stance`` is the one most sources state alike, for display and for telling equal from
    partial; ``region`` is where the most sources' values meet (:func:`common_region`), and a
    value outside it conflicts. Without values, polarity alone decides.
    """

    stance: Stance
    region: Span | None


def relation(reference: Reference, other: Stance) -> Relation:
    """How a source's stance relates to the reference: by polarity, then by where its value lies."""
    shown = reference.stance
    if other.sign != shown.sign:
        return Relation.CONFLICT
    if shown.span is None or other.span is None:
        return Relation.EQUAL if shown.span is None and other.span is None else Relation.PARTIAL
    if reference.region is not None and not within(reference.region, other.span):
        return Relation.CONFLICT
    return Relation.EQUAL if relate(shown.span, other.span) == Relation.EQUAL else Relation.PARTIAL


def choose_reference(members: Sequence[Stance]) -> Reference:
    """The polarity most sources take, the values most of them share, and the stance to show.

    Sources that state the same (polarity, value) count together, so the work grows with
    the distinct stances of a point (a handful), not with its sources: a point of a
    thousand sources with a handful of values costs a handful squared.
    Ties go to the smaller source id's polarity, then to the smaller value.
    """
    groups: dict[tuple[int, Span | None], list[Stance]] = defaultdict(list)
    for stance in sorted(members, key=lambda s: s.source_id):
        groups[(stance.sign, stance.span)].append(stance)
    # Each group's first stance stands for it: the one with the smallest source id.
    distinct = [(group[0], len(group)) for group in groups.values()]
    totals: dict[int, int] = {}
    for stance, count in distinct:
        totals[stance.sign] = totals.get(stance.sign, 0) + count
    sign = max(totals, key=totals.__getitem__)  # dicts keep insertion order: ties go to the first source
    side = [(stance, count) for stance, count in distinct if stance.sign == sign]
    valued = [(stance.span, count) for stance, count in side if stance.span is not None]
    region = common_region(valued) if valued else None
    standing = [(s, c) for s, c in side if region is None or s.span is None or within(region, s.span)]

    def rank(candidate: Stance) -> tuple[int, float, str]:
        equal = sum(
            count
            for other, count in standing
            if other.span == candidate.span
            or (
                other.span is not None
                and candidate.span is not None
                and relate(candidate.span, other.span) == Relation.EQUAL
            )
        )
        return -equal, candidate.span.low if candidate.span is not None else 0.0, candidate.source_id

    return Reference(min((stance for stance, _ in standing), key=rank), region)


def point_status(relations: dict[str, Relation]) -> str:
    """conflict > single > partial > agree, from each source's relation to the reference."""
    if any(r == Relation.CONFLICT for r in relations.values()):
        return "conflict"
    if len(relations) == 1:
        return "single"
    return "partial" if any(r == Relation.PARTIAL for r in relations.values()) else "agree"


def describe(stance: Stance) -> str:
    """A source's side of a point in a few words: its values, or what it advises."""
    values = sorted({c.value for c in stance.claims if c.value})
    if values:
        return " / ".join(values)
    return "says not" if stance.sign < 0 else "says so"


def clash(reference: Stance, members: Sequence[Stance], relations: dict[str, Relation]) -> str:
    """Which values or polarities clash: "a: 4-6 week; against b: 10 week"."""
    against = [m for m in members if relations[m.source_id] == Relation.CONFLICT]
    if not against:
        return ""
    sides = "; ".join(f"{m.source_id}: {describe(m)}" for m in against)
    return f"{reference.source_id}: {describe(reference)}; against {sides}"


def _evidence(c: Claim, stance: str, source: dict[str, Any]) -> dict[str, Any]:
    """One evidence row: enough to show and trace the claim without a join."""
    return {
        "claim_id": c.claim_id,
        "source_id": c.source_id,
        "source_title": str((source.get("metadata") or {}).get("title", "")),
        "file": str(source.get("file", "")),
        "stance": stance,
        "value": c.value,
        "text": c.text,
        "quote": c.quote,
        "raw_start": c.raw_start,
        "raw_end": c.raw_end,
    }


def _majority(values: Iterable[str]) -> str:
    """Most frequent non-empty value (ties: alphabetical), or ""."""
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else ""


def build_point(
    key: tuple[str, ...], members: Sequence[Claim], sources: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """Consolidate one group of claims into a point row with its evidence."""
    sides = stances(members)
    reference = choose_reference(sides)
    relations = {side.source_id: relation(reference, side) for side in sides}
    head = min(reference.stance.claims, key=lambda c: (len(c.text), c.claim_id))
    conflicting = {sid for sid, r in relations.items() if r == Relation.CONFLICT}
    ordered = sorted(members, key=lambda c: (c.source_id, c.claim_id))
    return {
        "point_id": content_id("pt", *key),
        "topic": _majority(c.topic for c in members),
        "frame": head.frame,
        "object": head.object,
        "statement": head.text,
        "value": head.value,
        "value_min": head.value_min,
        "value_max": head.value_max,
        "unit": head.unit,
        "status": point_status(relations),
        "clash": clash(reference.stance, sides, relations),
        "sources": sorted(set(relations) - conflicting),
        "conflicting_sources": sorted(conflicting),
        "claim_ids": sorted(c.claim_id for c in members),
        "evidence": [
            _evidence(c, "conflicts" if c.source_id in conflicting else "states", sources[c.source_id])
            for c in ordered
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
        rows.append(
            {
                "point_id": point["point_id"],
                "source_id": sid,
                "stance": stance,
                "value": _majority(e["value"] for e in own),
                "claim_ids": sorted(e["claim_id"] for e in evidence),
            }
        )
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
    kept = sorted((c for c in claims if c.is_claim and c.source_id in usable), key=lambda c: c.claim_id)
    points = [build_point(key, members, usable) for key, members in group_claims(kept)]
    points.sort(key=point_sort_key)
    point_sources = [row for p in points for row in point_source_rows(p)]
    LOGGER.info(
        "crossref: %d claims from %d sources -> %d points (%s)",
        len(kept),
        len(usable),
        len(points),
        dict(Counter(p["status"] for p in points)),
    )
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
SHARED_FIELDS = (
    "source_id",
    "section",
    "kind",
    "topic",
    "frame",
    "subject",
    "object",
    "polarity",
    "value",
    "unit",
)


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
