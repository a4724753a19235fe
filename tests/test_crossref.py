"""Cross-reference: points join one thing and one aspect; values and polarities decide agreement.

Pages here are written for the tests, on subjects other than raw/'s, and run through the
real segment stage, so a test fails if either the claims or the grouping goes wrong.
The seed tests at the end run the three seed pages as received (``../shared/seeds``), alone
and with one more page, and check the agreements and conflicts a reader of them finds.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.claims.language import build_nlp
from pipeline.claims.stage import document_from_text, segment_document
from pipeline.claims.topics import TopicSet
from pipeline.config import PROJ_ROOT, Settings
from pipeline.crossref.compare import APPROX_REL_TOL, Relation, make_span, relate
from pipeline.crossref.stage import crossref_claims, merge_names, point_source_rows, run_crossref
from pipeline.records import Claim

FIXTURES = PROJ_ROOT / "tests" / "fixtures"


def claims_of(pages: dict[str, str]) -> list[Claim]:
    """Claims of several written pages, through the segment stage."""
    out: list[Claim] = []
    for source_id, text in pages.items():
        doc = document_from_text(text, source_id=source_id)
        out.extend(segment_document(doc, nlp=build_nlp(), topics=TopicSet()))
    return out


def points_of(pages: dict[str, str]) -> list[dict[str, Any]]:
    """Points of several written pages."""
    records = [{"source_id": s, "status": "ok", "file": f"{s}.txt", "metadata": {"title": s}} for s in pages]
    points, _ = crossref_claims(claims_of(pages), records)
    return points


def shared(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Points that two or more sources speak to."""
    return [p for p in points if len(p["sources"]) + len(p["conflicting_sources"]) >= 2]


def test_different_things_measured_never_conflict() -> None:
    points = points_of({"a": "The flight takes 14 hours.\n", "b": "The charger takes 2 hours.\n"})
    assert not shared(points)
    assert all(p["status"] == "single" for p in points)


OIL_CHANGES = {
    "a": "Change the oil every 3,000 miles.\n",
    "b": "Change the oil every 3,000 miles.\n",
    "c": "Change the oil every 10,000 miles.\n",
}


@pytest.mark.parametrize(
    ("pages", "frame", "clashing"),
    [
        (OIL_CHANGES, "interval", ("3000 mile", "10000 mile")),
        # Dates compare as days: disjoint windows conflict, overlapping ones stand together.
        (
            {
                "a": "Sow the beans between April 1 and April 15.\n",
                "b": "Sow the beans from the 2nd to the 10th of April.\n",
                "c": "Sow the beans from May 10 to May 20.\n",
            },
            "date",
            ("--05-10/--05-20",),
        ),
    ],
)
def test_same_measure_with_disjoint_values_conflicts(
    pages: dict[str, str], frame: str, clashing: tuple[str, ...]
) -> None:
    (point,) = shared(points_of(pages))
    assert point["frame"] == frame and point["status"] == "conflict"
    assert point["conflicting_sources"] == ["c"] and point["sources"] == ["a", "b"]
    assert all(value in point["clash"] for value in clashing), point["clash"]


def test_an_added_amount_neither_agrees_nor_conflicts_with_a_total() -> None:
    points = points_of(
        {
            "a": "Bake the bread for 40 minutes.\n",
            "b": "Bake the bread for 40 minutes.\n",
            "c": "Bake the bread for another 10 minutes.\n",
        }
    )
    (point,) = shared(points)
    assert point["status"] == "agree" and point["sources"] == ["a", "b"]
    added = [p for p in points if "c" in p["sources"]]
    assert [(p["status"], p["value"]) for p in added] == [("single", "+10 minute")]


def test_a_conflict_gives_each_source_its_stance_and_value() -> None:
    (point,) = shared(points_of(OIL_CHANGES))
    stances = {e["source_id"]: e["stance"] for e in point["evidence"]}
    assert stances == {"a": "states", "b": "states", "c": "conflicts"}
    # The point_sources table says the same, with each source's own value.
    rows = {r["source_id"]: (r["stance"], r["value"]) for r in point_source_rows(point)}
    assert rows == {
        "a": ("states", "3000 mile"),
        "b": ("states", "3000 mile"),
        "c": ("conflicts", "10000 mile"),
    }


def test_a_temperature_difference_never_meets_a_temperature() -> None:
    points = points_of(
        {
            "a": "Heat the frying oil to 350 degrees.\n",
            "b": "Heat the frying oil to 25 degrees above its smoke point.\n",
        }
    )
    assert not [p for p in points if p["status"] == "conflict"], [(p["status"], p["clash"]) for p in points]


def test_overlapping_ranges_are_partial() -> None:
    points = points_of(
        {"a": "Knead the dough for 8 to 10 minutes.\n", "b": "Knead the dough for 10 to 12 minutes.\n"}
    )
    (point,) = shared(points)
    assert point["status"] == "partial" and point["conflicting_sources"] == []


def test_equal_values_in_other_units_agree() -> None:
    points = points_of({"a": "Rest the roast for 60 minutes.\n", "b": "Rest the roast for 1 hour.\n"})
    (point,) = shared(points)
    assert point["status"] == "agree"


def test_a_lower_bound_below_a_range_conflicts() -> None:
    points = points_of(
        {
            "a": "Wait at least a day before washing the car.\n",
            "b": "Wait two to three days before washing the car.\n",
            "c": "Wait two to three days before washing the car.\n",
        }
    )
    (point,) = shared(points)
    assert point["status"] == "conflict" and point["conflicting_sources"] == ["a"]


def test_proportions_worded_two_ways_compare_as_numbers() -> None:
    points = points_of(
        {
            "a": "Use a 1:10 ratio of bleach to water.\n",
            "b": "Mix one part bleach to ten parts water.\n",
            "c": "The ratio of bleach to water should be 1:4.\n",
            "d": "Use a 1:10 ratio of bleach to water.\n",
        }
    )
    (point,) = shared(points)
    assert point["status"] == "conflict" and point["conflicting_sources"] == ["c"], point
    assert point["sources"] == ["a", "b", "d"]


def test_a_value_that_names_no_thing_joins_no_point() -> None:
    # Worded alike on every page, but what "this" is each page says elsewhere.
    points = points_of(
        {
            "a": "Keep the dog off the new lawn. Do this for 2 weeks.\n",
            "b": "Keep the kids off the new lawn. Do this for 6 weeks.\n",
            "c": "Keep the kids off the new lawn. Do this for 6 weeks.\n",
        }
    )
    valued = [p for p in points if p["value"]]
    assert valued and all(p["status"] == "single" for p in valued), valued


def test_opposite_advice_conflicts() -> None:
    points = points_of(
        {
            "a": "Use a wire brush on the grill.\n",
            "b": "Use a wire brush on the grill.\n",
            "c": "Never use a wire brush.\n",
        }
    )
    (point,) = shared(points)
    assert point["status"] == "conflict" and point["conflicting_sources"] == ["c"]
    assert "says not" in point["clash"]


def test_a_use_refused_somewhere_never_conflicts_with_the_use_elsewhere() -> None:
    # Refusing a thing in one place or role says nothing against it anywhere else; refusing it
    # outright does.
    points = points_of(
        {
            "a": "Wear your helmet on every ride.\n",
            "b": "Never wear a helmet on a trampoline.\n",
            "c": "Always wear a helmet.\n",
        }
    )
    assert all(p["status"] != "conflict" for p in points), shared(points)
    outright = points_of({"a": "Wear your helmet on every ride.\n", "b": "Do not wear a helmet.\n"})
    (point,) = shared(outright)
    assert point["status"] == "conflict"


def test_fitness_of_different_things_for_one_party_never_conflicts() -> None:
    points = points_of({"a": "Hiking is safe for most dogs.\n", "b": "Grapes are toxic to dogs.\n"})
    assert not shared(points)
    opposite = points_of({"a": "Grapes are safe for dogs.\n", "b": "Grapes are toxic to dogs.\n"})
    (point,) = shared(opposite)
    assert point["status"] == "conflict"


def test_verbless_prohibition_conflicts_with_advice() -> None:
    points = points_of(
        {"a": "Add salt to the water.\n", "b": "Add salt to the water.\n", "c": "No salt, butter or oil.\n"}
    )
    salt = [p for p in shared(points) if p["object"] == "salt"]
    assert salt and salt[0]["status"] == "conflict" and salt[0]["conflicting_sources"] == ["c"]


def test_a_value_outside_what_most_sources_share_conflicts_even_beside_a_wide_one() -> None:
    # 1-2 h, 1-2 h and 2-3 h share 2 h; 4-24 h shares nothing with them. The wide 2-4 h
    # touches both sides, but 4-24 h cannot stand with the three shorter ones.
    points = points_of(
        {
            "a": "Leave the cast to set for 1 to 2 hours.\n",
            "b": "Leave the cast to set for 1 to 2 hours.\n",
            "c": "Leave the cast to set for 2 to 3 hours.\n",
            "d": "Leave the cast to set for 2 to 4 hours.\n",
            "e": "Leave the cast to set for 4 to 24 hours.\n",
        }
    )
    (point,) = shared(points)
    assert point["status"] == "conflict"
    assert point["conflicting_sources"] == ["e"] and point["sources"] == ["a", "b", "c", "d"]


def test_a_wait_and_a_duration_of_one_act_are_one_point() -> None:
    # "after 2 hours" reads as how long the tape stays, "wait 2 hours before" as a wait:
    # both say when the tape comes off.
    points = points_of(
        {
            "a": "Remove the tape after 2 hours.\n",
            "b": "Wait 2 hours before you remove the tape.\n",
            "c": "Wait 6 hours before removing the tape.\n",
        }
    )
    (point,) = shared(points)
    assert point["status"] == "conflict"
    assert point["sources"] == ["a", "b"] and point["conflicting_sources"] == ["c"]


def test_a_bare_prohibition_on_two_pages_is_one_point() -> None:
    points = points_of(
        {"a": "Do not smoke.\n", "b": "Never smoke.\n", "c": "While the glue sets, do not:\n- smoke\n"}
    )
    (point,) = shared(points)
    assert point["status"] == "agree" and point["sources"] == ["a", "b", "c"]


def test_a_bare_order_on_two_pages_is_no_point() -> None:
    # Each step acts on what the page's steps before it name: the tent, the boots.
    points = points_of(
        {"a": "Take the tent down.\nDry.\nFold it.\n", "b": "Clean the boots.\nDry.\nOil them.\n"}
    )
    assert not [p for p in shared(points) if p["object"] == "dry"], shared(points)


def test_an_effect_joins_a_point_only_with_the_same_cause() -> None:
    points = points_of(
        {
            "a": "Salt slows the yeast.\n",
            "b": "Salt slows the yeast a lot.\n",
            "c": "Cold slows the yeast.\n",
            "d": "This slows the yeast.\n",
        }
    )
    (point,) = shared(points)
    assert point["frame"] == "effect" and point["sources"] == ["a", "b"], shared(points)


def test_a_list_under_do_not_conflicts_with_advice_to_do_it() -> None:
    points = points_of(
        {
            "a": "After planting, cover the seedlings.\n",
            "b": "After planting, cover the seedlings.\n",
            "c": "After planting, do not:\n- cover the seedlings\n- walk on the soil\n",
        }
    )
    (point,) = [p for p in shared(points) if p["object"] == "cover seedling"]
    assert point["status"] == "conflict" and point["conflicting_sources"] == ["c"]


def test_repetition_after_an_earlier_one_is_an_interval() -> None:
    points = points_of(
        {
            "a": "Book the second lesson 2 weeks after the first one.\n",
            "b": "Lessons are spaced 2 weeks apart.\n",
        }
    )
    intervals = [p for p in points if p["frame"] == "interval"]
    assert intervals and all(p["value"].endswith("week") for p in intervals)


def test_nouns_for_one_occurrence_of_the_activity_are_one_thing() -> None:
    points = points_of(
        {
            "a": "Each appointment lasts about 45 minutes.\n",
            "b": "A typical visit takes 45 minutes.\n",
            "c": "Lessons are spaced two weeks apart.\n",
            "d": "Book sessions every 6 weeks.\n",
        }
    )
    duration = [p for p in shared(points) if p["frame"] == "duration"]
    assert len(duration) == 1 and duration[0]["status"] == "agree"
    # "lesson" names a thing, not an occurrence: it never meets "session".
    assert not [p for p in shared(points) if p["frame"] == "interval"]


def test_a_phrasal_verb_and_a_thing_used_stay_their_own_points() -> None:
    points = points_of(
        {
            "a": "Turn off the fan before you leave.\n",
            "b": "Turn the fan up to full speed.\n",
            "c": "Put the tent on flat ground.\n",
            "d": "Fold the tent when it is dry.\n",
        }
    )
    # "turn off" is not "turn up"; a tent put somewhere is not folding the tent.
    assert not shared(points), [(p["object"], p["sources"]) for p in shared(points)]


def test_advice_with_more_said_is_other_advice_but_a_used_thing_narrowed_is_the_same() -> None:
    points = points_of(
        {
            "a": "Scrub with a brush.\nApply a paste wax.\n",
            "b": "Scrub the pan with a wire brush.\nApply wax.\n",
        }
    )
    joined = [(p["frame"], p["object"]) for p in shared(points)]
    # Scrubbing the pan with a wire brush is advice of its own (a page may warn against
    # exactly that); the wax is one thing, named more closely.
    assert joined == [("use", "paste wax")], joined


def test_a_thing_under_a_generic_head_is_the_thing() -> None:
    points = points_of({"a": "Avoid alcohol products on the skin.\n", "b": "Apply alcohol to the skin.\n"})
    (point,) = shared(points)
    assert point["status"] == "conflict" and point["conflicting_sources"], point


def test_times_of_keeping_in_two_places_never_meet_and_one_place_joins_however_worded() -> None:
    points = points_of(
        {
            "a": "Homemade pesto keeps for 5 to 7 days in the refrigerator.\n"
            "In the freezer, pesto lasts 6 months.\n",
            "b": "Pesto can be stored in the fridge for 7 days.\nYou can freeze pesto for up to 3 months.\n",
            "c": "Refrigerate pesto for 5 days.\nFrozen pesto keeps for 3 months.\n",
        }
    )
    fridge = [p for p in shared(points) if "day" in str(p["value"])]
    freezer = [p for p in shared(points) if "month" in str(p["value"])]
    # Days in the refrigerator and months in the freezer are two points, not a conflict;
    # "fridge", "refrigerator" and "refrigerate" name one place, "freeze", "frozen" and
    # "freezer" another.
    assert len(fridge) == 1 and len(freezer) == 1, [(p["object"], p["value"]) for p in shared(points)]
    assert set(fridge[0]["sources"] + fridge[0]["conflicting_sources"]) == {"a", "b", "c"}
    assert "month" not in fridge[0]["clash"]
    assert set(freezer[0]["sources"] + freezer[0]["conflicting_sources"]) == {"a", "b", "c"}
    assert freezer[0]["status"] == "conflict" and freezer[0]["conflicting_sources"] == ["a"], freezer


def test_names_join_only_when_unambiguous() -> None:
    merged = merge_names(["cream", "numbing cream", "oil", "synthetic oil", "conventional oil"])
    assert merged["cream"] == merged["numbing cream"]
    assert merged["oil"] == "oil"  # could be either kind of oil
    assert merged["synthetic oil"] != merged["conventional oil"]


def test_a_degree_word_turns_a_thing_around_rather_than_narrowing_it() -> None:
    # "a less abrasive sponge" agrees with avoiding abrasive ones: never one point in conflict.
    points = points_of({"a": "Avoid abrasive sponges.\n", "b": "Use a less abrasive sponge.\n"})
    assert not [p for p in points if p["status"] == "conflict"], points


def test_two_kinds_of_one_thing_never_meet_however_alike_their_sentences() -> None:
    # The two sentences differ in one word, so their contexts are close; the word is what
    # makes them two breads, and two baking times of two breads are no conflict.
    points = points_of(
        {
            "a": "Bake rye bread for 60 minutes.\nStore the flour in a sealed tin.\n",
            "b": "Bake white bread for 30 minutes.\nRinse the pot twice.\n",
            "c": "Simmer the stock for 2 hours.\nKeep cooked rice in the fridge for 4 days.\n",
        }
    )
    assert not shared(points), shared(points)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((4, 6, "week", False), (4, 6, "week", False), Relation.EQUAL),
        ((4, 6, "week", False), (5, 8, "week", False), Relation.PARTIAL),
        ((4, 6, "week", False), (10, 12, "week", False), Relation.CONFLICT),
        ((28, 28, "day", False), (1, 1, "month", False), Relation.EQUAL),
        ((30, 30, "minute", True), (32, 32, "minute", False), Relation.EQUAL),
        ((30, 30, "minute", False), (34, 34, "minute", False), Relation.CONFLICT),
        ((350, 350, "degree_Fahrenheit", False), (177, 177, "degree_Celsius", True), Relation.EQUAL),
        # A hedge is a share of the temperature as written, not of its kelvins.
        ((40, 40, "degree_Celsius", True), (30, 30, "degree_Celsius", False), Relation.CONFLICT),
        ((350, 350, "degree_Fahrenheit", True), (300, 300, "degree_Fahrenheit", False), Relation.CONFLICT),
        ((40, 40, "degree_Celsius", True), (37, 37, "degree_Celsius", False), Relation.EQUAL),
    ],
)
def test_value_relations(
    a: tuple[float, float, str, bool], b: tuple[float, float, str, bool], expected: Relation
) -> None:
    left = make_span(a[0], a[1], a[2], approx=a[3])
    right = make_span(b[0], b[1], b[2], approx=b[3])
    assert left is not None and right is not None
    assert relate(left, right) == expected


def test_hedge_tolerance_is_the_documented_one() -> None:
    inside = make_span(30 * (1 + APPROX_REL_TOL * 0.9), None, "minute", approx=False)
    outside = make_span(30 * (1 + APPROX_REL_TOL * 2.5), None, "minute", approx=False)
    hedged = make_span(30, 30, "minute", approx=True)
    assert inside is not None and outside is not None and hedged is not None
    assert relate(hedged, inside) != Relation.CONFLICT
    assert relate(hedged, outside) == Relation.CONFLICT


def _pipeline_points(raw_dir: Path, out_dir: Path) -> list[dict[str, Any]]:
    """Run extract, segment and crossref on ``raw_dir`` and return the points."""
    from pipeline.claims.stage import run_segment
    from pipeline.extract.stage import run_extract

    run_extract(raw_dir, out_dir, settings=Settings(jobs=1))
    run_segment(out_dir, settings=Settings(jobs=1))
    path = run_crossref(out_dir)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _seeds_plus(tmp_path: Path, seeds: Path, page: Path | None) -> list[dict[str, Any]]:
    """Points of the three seed pages (as received, in ``../shared/seeds``), plus ``page`` when given."""
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    for seed in sorted(seeds.glob("*.txt")):
        shutil.copy(seed, raw / seed.name)
    if page is not None:
        shutil.copy(page, raw / page.name)
    return _pipeline_points(raw, tmp_path / ("out-" + (page.stem if page else "seeds")))


def _point_with(points: list[dict[str, Any]], frame: str, source: str) -> dict[str, Any]:
    """The shared point of ``frame`` that ``source`` speaks to."""
    found = [
        p
        for p in points
        if p["frame"] == frame
        and source in p["sources"] + p["conflicting_sources"]
        and len(p["sources"]) + len(p["conflicting_sources"]) >= 2
    ]
    assert found, [(p["frame"], p["object"]) for p in points if p["frame"] == frame]
    return found[0]


@pytest.mark.slow
def test_fourth_page_turns_the_interval_into_a_conflict(tmp_path: Path, shared_dir: Path) -> None:
    page = next((FIXTURES / "fourth_page").glob("*.txt"))
    point = _point_with(_seeds_plus(tmp_path, shared_dir / "seeds", page), "interval", page.stem)
    assert point["status"] == "conflict" and point["conflicting_sources"] == [page.stem]


@pytest.mark.slow
def test_page_without_numbing_cream_conflicts(tmp_path: Path, shared_dir: Path) -> None:
    page = tmp_path / "004_no_cream.txt"
    page.write_text(
        "Microneedling without numbing cream\n\nOur clinic does the treatment differently. "
        "We do not use numbing cream, because the needles we use are very short. "
        "A session lasts about 45 minutes.\n",
        encoding="utf-8",
    )
    points = _seeds_plus(tmp_path, shared_dir / "seeds", page)
    cream = [
        p
        for p in points
        if p["frame"] == "use" and "cream" in p["object"] and page.stem in p["conflicting_sources"]
    ]
    assert cream, [(p["object"], p["status"]) for p in points if p["frame"] == "use"]
    assert len(cream[0]["sources"]) >= 2


@pytest.fixture(scope="module")
def seed_points(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> list[dict[str, Any]]:
    """Points of the three seed pages alone."""
    return _seeds_plus(tmp_path_factory.mktemp("seeds"), shared_dir / "seeds", None)


def _seed(points: list[dict[str, Any]], frame: str, word: str) -> dict[str, Any]:
    """The one shared point of ``frame`` whose thing has ``word`` in it."""
    found = [p for p in shared(points) if p["frame"] == frame and word in p["object"].split()]
    assert len(found) == 1, [(p["frame"], p["object"], p["status"]) for p in shared(points)]
    return found[0]


@pytest.mark.slow
def test_seeds_disagree_on_sunscreen_after_treatment(seed_points: list[dict[str, Any]]) -> None:
    # One page says to keep sunscreen off for a day after treatment, another to use it diligently.
    point = _seed(seed_points, "use", "sunscreen")
    assert point["status"] == "conflict"
    assert sorted(point["sources"] + point["conflicting_sources"]) == [
        "000_7075e06074a743c0",
        "001_0d0cbba38258ce13",
    ]
    assert "says not" in point["clash"] and "says so" in point["clash"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("frame", "low", "high", "unit"), [("interval", 4, 6, "week"), ("duration", 30, 60, "minute")]
)
def test_seeds_agree_on_the_schedule(
    seed_points: list[dict[str, Any]], frame: str, low: float, high: float, unit: str
) -> None:
    # Two pages give 4-6 weeks between sessions and 30-60 minutes per session, in other words
    # ("sessions spaced 4 to 6 weeks apart" / "treatments are done four to six weeks apart").
    found = [p for p in shared(seed_points) if p["frame"] == frame and p["unit"] == unit]
    assert len(found) == 1, [(p["frame"], p["object"], p["status"]) for p in shared(seed_points)]
    assert found[0]["status"] == "agree" and len(found[0]["sources"]) == 2
    assert (found[0]["value_min"], found[0]["value_max"]) == (low, high)


@pytest.mark.slow
def test_seeds_agree_on_the_numbing_cream(seed_points: list[dict[str, Any]]) -> None:
    point = _seed(seed_points, "use", "cream")
    assert point["status"] == "agree" and len(point["sources"]) == 2
