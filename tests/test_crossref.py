"""Tests of the crossref stage: status rules on synthetic claims, files, and a fourth page."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.crossref.compare import (
    APPROX_SLACK,
    Relation,
    compare_claims,
    compare_spans,
    make_span,
)
from pipeline.crossref.similarity import (
    LINK_THRESHOLD,
    build_vocabulary,
    content_words,
    group_texts,
    nearest_texts,
)
from pipeline.crossref.stage import crossref_claims, merge_objects, run_crossref
from pipeline.errors import InputError
from pipeline.io import content_id, write_json, write_jsonl
from pipeline.records import Claim

ROOT = Path(__file__).resolve().parents[1]
FOURTH_PAGE = ROOT / "tests" / "fixtures" / "fourth_page"


def claim(source: str, text: str, **fields: Any) -> Claim:
    """A claim with defaults for every field the test does not care about."""
    row: dict[str, Any] = {
        "claim_id": content_id("clm", source, text, fields.get("value", "")), "source_id": source,
        "block": 0, "section": "", "text": text, "kind": "sentence", "is_claim": True,
        "topic": "", "frame": "", "subject": "", "object": "", "polarity": "", "value": "",
        "value_min": None, "value_max": None, "unit": "", "vague": False, "quote": text,
        "raw_start": 0, "raw_end": len(text), "clean_start": 0, "clean_end": len(text),
    }
    row.update(fields)
    return Claim.from_json(row)


def sources(*ids: str, status: str = "ok") -> list[dict[str, Any]]:
    """Extract records for the given source ids."""
    return [{"source_id": s, "status": status, "file": f"{s}.txt", "metadata": {"title": s.upper()}}
            for s in ids]


def interval(source: str, low: float, high: float, unit: str = "week", *, qual: str = "") -> Claim:
    """An interval claim "sessions are spaced low-high unit apart"."""
    number = f"{low:g}" if low == high else f"{low:g}-{high:g}"
    return claim(source, f"Sessions are spaced {number} {unit} apart.", frame="interval",
                 object="session", value=f"{qual}{number} {unit}", value_min=low, value_max=high,
                 unit=unit, topic="schedule")


def only_point(claims: list[Claim], ids: tuple[str, ...] = ("a", "b", "c")) -> dict[str, Any]:
    """Cross-reference and return the single point the claims make."""
    points, _ = crossref_claims(claims, sources(*ids))
    assert len(points) == 1, points
    return points[0]


# --- value rules -------------------------------------------------------------------------

def test_equal_ranges_in_different_units_agree() -> None:
    """30 to 60 minutes and half an hour to an hour are the same range: numbers, not strings."""
    point = only_point([
        claim("a", "A session takes 30 minutes to an hour.", frame="duration", object="session",
              value="30-60 min", value_min=30, value_max=60, unit="min"),
        claim("b", "A session lasts 0.5 to 1 hours.", frame="duration", object="session",
              value="0.5-1 h", value_min=0.5, value_max=1, unit="h"),
    ])
    assert point["status"] == "agree"
    assert point["sources"] == ["a", "b"]


def test_week_equals_seven_days() -> None:
    assert only_point([interval("a", 1, 1), interval("b", 7, 7, "day")])["status"] == "agree"


def test_same_range_twice_agrees_and_disjoint_range_conflicts() -> None:
    point = only_point([interval("a", 4, 6), interval("b", 4, 6), interval("c", 10, 12)])
    assert point["status"] == "conflict"
    assert point["sources"] == ["a", "b"]
    assert point["conflicting_sources"] == ["c"]
    assert point["value"] == "4-6 week"
    stances = {ev["source_id"]: ev["stance"] for ev in point["evidence"]}
    assert stances == {"a": "states", "b": "states", "c": "conflicts"}


def test_hedged_number_inside_a_range_is_partial() -> None:
    """"about 4 weeks" vs "4-6 weeks": compatible, one less specific."""
    point = only_point([interval("a", 4, 6), interval("b", 4, 4, qual="~")])
    assert point["status"] == "partial"
    assert point["conflicting_sources"] == []


def test_hedged_range_restates_the_range() -> None:
    assert only_point([interval("a", 4, 6), interval("b", 4, 6, qual="~")])["status"] == "agree"


def test_vague_amount_against_numbers_is_partial() -> None:
    """"a few days" vs "24-48 h": the vague page has no number to contradict."""
    point = only_point([
        claim("a", "Redness resolves within a few days.", frame="recovery", object="redness",
              value="<=a few day", unit="day", vague=True),
        claim("b", "Redness resolves in 24 to 48 hours.", frame="recovery", object="redness",
              value="24-48 h", value_min=24, value_max=48, unit="h"),
    ])
    assert point["status"] == "partial"


def test_open_bounds() -> None:
    at_least = make_span(">=24 h", 24, None, "h")
    two_days = make_span("2 day", 2, 2, "day")
    half_day = make_span("<=12 h", None, 12, "h")
    assert at_least and two_days and half_day
    assert compare_spans(at_least, two_days) == Relation.PARTIAL
    assert compare_spans(at_least, half_day) == Relation.CONFLICT


def test_exact_units_have_no_tolerance_but_calendar_units_do() -> None:
    ten, eleven = make_span("10 week", 10, 10, "week"), make_span("11 week", 11, 11, "week")
    month, four_weeks = make_span("1 month", 1, 1, "month"), make_span("4 week", 4, 4, "week")
    assert ten and eleven and month and four_weeks
    assert compare_spans(ten, eleven) == Relation.CONFLICT
    assert compare_spans(month, four_weeks) == Relation.EQUAL


def test_hedge_slack_both_sides() -> None:
    """A hedged 4 reaches 4 * (1 + APPROX_SLACK) and no further."""
    about_four = make_span("~4 week", 4, 4, "week")
    edge = 4 * (1 + APPROX_SLACK)
    inside = make_span("x", edge * 0.99, edge * 0.99, "week")
    outside = make_span("x", edge * 1.01, edge * 1.01, "week")
    assert about_four and inside and outside
    assert compare_spans(about_four, inside) == Relation.PARTIAL
    assert compare_spans(about_four, outside) == Relation.CONFLICT


def test_different_dimensions_never_conflict() -> None:
    weeks, sessions = make_span("4 week", 4, 4, "week"), make_span("3 session", 3, 3, "session")
    assert weeks and sessions
    assert compare_spans(weeks, sessions) == Relation.PARTIAL


# --- polarity rules ----------------------------------------------------------------------

def test_use_versus_avoid_is_a_conflict_across_advice_and_wait() -> None:
    """"use sunscreen diligently" vs "avoid sunscreen for at least 24 hours"."""
    point = only_point([
        claim("a", "Avoid applying sunscreen for at least 24 hours.", frame="wait", object="sunscreen",
              polarity="avoid", value=">=24 h", value_min=24, unit="h"),
        claim("b", "Use sunscreen diligently.", frame="advice", object="sunscreen", polarity="do"),
    ])
    assert point["status"] == "conflict"
    assert {*point["sources"], *point["conflicting_sources"]} == {"a", "b"}
    assert point["sources"] != point["conflicting_sources"]


def test_applied_versus_not_used_is_a_conflict() -> None:
    point = only_point([
        claim("a", "A numbing cream is applied.", frame="uses", object="numbing cream", polarity="affirm"),
        claim("b", "Numbing cream is applied first.", frame="uses", object="numbing cream",
              polarity="affirm"),
        claim("c", "No numbing cream is used.", frame="uses", object="numbing cream", polarity="negate"),
    ])
    assert point["status"] == "conflict"
    assert point["sources"] == ["a", "b"]
    assert point["conflicting_sources"] == ["c"]


def test_same_polarity_without_values_agrees() -> None:
    point = only_point([
        claim(s, "A numbing cream is applied.", frame="uses", object="numbing cream", polarity="affirm")
        for s in ("a", "b", "c")
    ])
    assert point["status"] == "agree"
    assert point["sources"] == ["a", "b", "c"]


def test_one_source_is_single() -> None:
    point = only_point([claim("c", "Wait until after pregnancy.", frame="wait", object="pregnancy",
                              polarity="avoid")])
    assert point["status"] == "single"
    assert point["sources"] == ["c"]


def test_value_versus_no_value_is_partial() -> None:
    assert compare_claims(1, None, 1, make_span("4 week", 4, 4, "week")) == Relation.PARTIAL


# --- wording -----------------------------------------------------------------------------

def test_paraphrase_with_same_number_agrees() -> None:
    point = only_point([
        claim("a", "Results usually last about 12 months after the final session."),
        claim("b", "After the final session, results usually last around 12 months."),
    ])
    assert point["status"] == "agree"
    assert point["frame"] == ""


def test_paraphrase_with_different_number_conflicts() -> None:
    point = only_point([
        claim("a", "Results usually last about 12 months after the final session."),
        claim("b", "After the final session, results usually last around 3 months."),
    ])
    assert point["status"] == "conflict"


def test_unrelated_wording_stays_apart() -> None:
    points, _ = crossref_claims([
        claim("a", "Results usually last about 12 months after the final session."),
        claim("b", "Fibroblasts are the most common cells of connective tissue."),
    ], sources("a", "b"))
    assert sorted(p["status"] for p in points) == ["single", "single"]


def test_similar_wording_with_different_objects_is_two_points() -> None:
    """Framed claims are never merged on wording: "avoid makeup" is not "avoid sunscreen"."""
    points, _ = crossref_claims([
        claim("a", "Avoid makeup for 24 hours.", frame="wait", object="makeup", polarity="avoid"),
        claim("b", "Use sunscreen for 24 hours.", frame="advice", object="sunscreen", polarity="do"),
    ], sources("a", "b"))
    assert sorted(p["status"] for p in points) == ["single", "single"]


WORDS = st.sampled_from(
    ["results", "session", "skin", "collagen", "redness", "cream", "weeks", "heals", "serum", "gentle"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=2, max_size=8).map(" ".join), min_size=2, max_size=8))
def test_wording_alone_never_makes_a_conflict(texts: list[str]) -> None:
    """Texts without numbers or polarity may group, but never conflict."""
    claims = [claim(f"s{i}", text) for i, text in enumerate(texts)]
    points, _ = crossref_claims(claims, sources(*(c.source_id for c in claims)))
    assert all(p["status"] != "conflict" for p in points)


def test_group_texts_threshold_probe() -> None:
    """Numbers are not wording: texts differing only in numbers score 1.0; disjoint texts 0."""
    same = ["spaced 4 weeks apart for collagen", "spaced 10 weeks apart for collagen"]
    apart = ["collagen induction therapy", "fibroblast connective tissue"]
    assert content_words(same[0]) == content_words(same[1])
    assert group_texts(same, threshold=1.0) == [[0, 1]]
    assert group_texts(apart, threshold=0.01) == [[0], [1]]
    near = ["collagen induction therapy uses needles", "collagen induction therapy uses rollers"]
    assert group_texts(near, threshold=LINK_THRESHOLD) == [[0, 1]]
    assert group_texts(near, threshold=0.99) == [[0], [1]]


def test_vocabulary_closes_a_compound_only_when_the_corpus_writes_it_closed() -> None:
    both = build_vocabulary(["Use gentle skincare.", "Use mild skin care products."])
    assert content_words("skin care products", both) == content_words("skincare products")
    open_only = build_vocabulary(["Use mild skin care products.", "Skin is an organ."])
    assert content_words("skin care products", open_only) == content_words("skin care products")


def test_vocabulary_folds_an_ability_adjective_to_a_base_the_corpus_uses() -> None:
    texts = ["It suits most skin types.", "It is suitable for most skin types."]
    vocabulary = build_vocabulary(texts)
    assert content_words(texts[0], vocabulary) == content_words(texts[1], vocabulary)
    assert content_words(texts[0]) != content_words(texts[1])  # the stemmer alone keeps them apart
    alone = build_vocabulary(texts[1:])
    assert content_words(texts[1], alone) == content_words(texts[1])
    assert group_texts(texts) == [[0, 1]]


def test_compound_written_open_and_closed_merges_objects() -> None:
    objects = ["nonirritating skin care product", "skincare"]
    assert len(set(merge_objects(objects, build_vocabulary(objects)).values())) == 1
    assert len(set(merge_objects(objects).values())) == 2


def test_short_object_names_merge_on_the_head_noun_or_a_single_fit() -> None:
    names = merge_objects(["tone", "skin tone", "skin", "skin texture", "make-up", "makeup",
                           "minimally invasive procedure", "minimally invasive cosmetic procedure",
                           "minimally invasive skincare procedure", "absorption",
                           "absorption of skincare products"])
    assert names["tone"] == names["skin tone"]
    assert names["skin"] == "skin" != names["skin texture"]  # other heads, and two of them
    assert merge_objects(["exfoliant", "exfoliating agent"])["exfoliant"] == "exfoliant"
    assert names["make-up"] == names["makeup"]
    assert len({names[o] for o in names if "invasive" in o}) == 1
    assert names["absorption"] == names["absorption of skincare products"]


def test_unframed_paraphrase_joins_framed_point_without_taking_sides() -> None:
    """A paraphrase with no frame joins the point but cannot contradict it by wording."""
    point = only_point([
        claim("a", "Avoid sun exposure in the days after treatment.", frame="advice",
              object="sun exposure", polarity="avoid"),
        claim("b", "Sun exposure in the days after treatment should be avoided."),
    ])
    assert point["status"] == "agree"
    assert point["frame"] == "advice"


NEEDLES = "The method involves the use of {} to create controlled punctures in the skin surface."


def test_lone_framed_claim_follows_the_shared_point_it_paraphrases() -> None:
    """Another object name for the same statement: the lone claim joins the shared point."""
    claims = [claim("a", NEEDLES.format("fine needles"), frame="uses", object="fine needle"),
              *(claim(s, NEEDLES.format("a device covered with tiny needles"), frame="uses", object="device")
                for s in ("b", "c"))]
    point = only_point(claims)
    assert (point["status"], point["sources"], point["object"]) == ("agree", ["a", "b", "c"], "device")


def test_lone_framed_claim_stays_apart_when_the_point_never_names_its_object() -> None:
    """One template about two objects ("avoid makeup / sunscreen for 24 hours") stays two points."""
    claims = [claim("a", "Avoid applying sunscreen for at least 24 hours.", frame="wait", object="sunscreen",
                    polarity="avoid", value=">=24 h", value_min=24, unit="h"),
              claim("b", "Use sunscreen diligently.", frame="advice", object="sunscreen", polarity="do"),
              claim("c", "Avoid applying makeup for at least 24 hours.", frame="wait", object="makeup",
                    polarity="avoid", value=">=24 h", value_min=24, unit="h")]
    points, _ = crossref_claims(claims, sources("a", "b", "c"))
    by_object = {p["object"]: p for p in points}
    assert by_object["sunscreen"]["status"] == "conflict"
    assert by_object["makeup"]["status"] == "single"


def test_lone_framed_claim_does_not_follow_its_own_page() -> None:
    """A sentence split into claims on several objects does not fold into its sibling's point."""
    text = "This improves skin texture and reduces pore size."
    claims = [claim("a", text, frame="effect", object="skin texture"),
              claim("a", text, frame="effect", object="pore size", claim_id="clm_pore_size"),
              claim("b", "It improves skin texture.", frame="effect", object="skin texture")]
    points, _ = crossref_claims(claims, sources("a", "b"))
    assert {p["object"]: p["status"] for p in points} == {"skin texture": "agree", "pore size": "single"}


def test_unframed_paraphrase_with_other_number_conflicts_with_framed_point() -> None:
    point = only_point([interval("a", 4, 6), claim("b", "Sessions are spaced 10-12 weeks apart.")])
    assert point["status"] == "conflict"
    assert point["conflicting_sources"] == ["b"]


# --- inputs, ids and tables -----------------------------------------------------------

def test_non_claims_and_unusable_sources_are_ignored() -> None:
    records = sources("a", "b") + sources("d", status="duplicate") + sources("e", status="error")
    claims = [interval("a", 4, 6), interval("b", 4, 6), interval("d", 10, 12), interval("e", 1, 1),
              claim("a", "Read more articles.", is_claim=False)]
    points, point_sources = crossref_claims(claims, records)
    assert [p["status"] for p in points] == ["agree"]
    assert {r["source_id"] for r in point_sources} == {"a", "b"}


def test_ids_and_order_do_not_depend_on_input_order() -> None:
    claims = [interval("a", 4, 6), interval("b", 4, 6), interval("c", 10, 12),
              claim("a", "Use sunscreen.", frame="advice", object="sunscreen", polarity="do"),
              claim("b", "Fibroblasts make collagen.")]
    first = crossref_claims(claims, sources("a", "b", "c"))
    shuffled = claims[:]
    random.Random(7).shuffle(shuffled)
    assert crossref_claims(shuffled, sources("c", "b", "a")) == first
    assert first[0][0]["point_id"] == content_id("pt", "interval", "session")


def test_point_sources_has_a_row_only_for_sources_that_speak() -> None:
    """Silent sources get no row, so the table grows with the evidence, not points x sources."""
    points, rows = crossref_claims([interval("a", 4, 6), interval("c", 10, 12)], sources("a", "b", "c"))
    assert [(r["source_id"], r["stance"], r["value"]) for r in rows] == [
        ("a", "states", "4-6 week"), ("c", "conflicts", "10-12 week")]
    assert all(r["point_id"] == points[0]["point_id"] for r in rows)


def test_point_sources_rows_match_the_evidence() -> None:
    claims = [interval("a", 4, 6), interval("b", 4, 6),
              claim("c", "Use sunscreen.", frame="advice", object="sunscreen", polarity="do")]
    points, rows = crossref_claims(claims, sources("a", "b", "c", "d"))
    assert len(rows) == sum(len({e["source_id"] for e in p["evidence"]}) for p in points)
    assert all(r["stance"] != "silent" for r in rows)
    assert "d" not in {r["source_id"] for r in rows}


def test_evidence_carries_provenance_and_titles() -> None:
    point = only_point([interval("a", 4, 6)])
    (ev,) = point["evidence"]
    assert ev["source_title"] == "A" and ev["file"] == "a.txt"
    assert ev["quote"] == "Sessions are spaced 4-6 week apart."
    assert point["claim_ids"] == [ev["claim_id"]]


def test_nearest_texts_picks_the_best_target_or_none() -> None:
    targets = ["avoid sun exposure after treatment", "avoid harsh exfoliants after treatment",
               "numbing cream is applied"]
    found = nearest_texts(["sun exposure after treatment is best avoided", "fibroblasts make collagen"],
                          targets)
    assert found[0] is not None and found[0][1] == 0
    assert found[1] is None


def test_naming_the_object_lowers_the_bar() -> None:
    query = ["one application is the treatment of scars, particularly acne scars"]
    targets = ["improve acne scars and other scars"]
    named = [content_words("acne scar")]
    other = [content_words("stretch mark")]
    (hit,) = nearest_texts(query, targets, names=named, threshold=0.99, named_threshold=0.01)
    assert hit is not None and hit[1] == 0
    assert nearest_texts(query, targets, names=other, threshold=0.99, named_threshold=0.01) == [None]
    assert nearest_texts(query, targets, threshold=0.99) == [None]


def test_run_crossref_needs_claims(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"claims\.jsonl"):
        run_crossref(tmp_path)


def test_run_crossref_writes_both_files_byte_identically(tmp_path: Path) -> None:
    claims = [interval("a", 4, 6), interval("b", 4, 6)]
    write_jsonl(tmp_path / "claims.jsonl", [c.to_json() for c in claims])
    for record in sources("a", "b"):
        write_json(tmp_path / f"{record['source_id']}.json", record)
    path = run_crossref(tmp_path)
    first = path.read_bytes(), (tmp_path / "point_sources.jsonl").read_bytes()
    run_crossref(tmp_path)
    assert (path.read_bytes(), (tmp_path / "point_sources.jsonl").read_bytes()) == first
    rows = [json.loads(line) for line in first[0].decode().splitlines()]
    assert [r["status"] for r in rows] == ["agree"]


# --- the three pages' key claims, written by hand as the segment stage types them ---------

A, B, C = "000_7075e06074a743c0", "001_0d0cbba38258ce13", "002_f4df6d67333b8303"
PAGE_CLAIMS = [
    claim(A, "Generally, treatments are done about four to six weeks apart.", frame="interval",
          value="~4-6 week", value_min=4, value_max=6, unit="week"),
    claim(A, "You may need microneedling maintenance every four to six weeks.", frame="interval",
          value="4-6 week", value_min=4, value_max=6, unit="week"),
    claim(B, "Most people require multiple sessions spaced 4 to 6 weeks apart.", frame="interval",
          value="4-6 week", value_min=4, value_max=6, unit="week"),
    claim(A, "The procedure usually takes about 30 minutes to an hour.", frame="duration",
          value="~30-60 min", value_min=30, value_max=60, unit="min"),
    claim(B, "A typical microneedling session lasts about 30 to 60 minutes.", frame="duration",
          value="~30-60 min", value_min=30, value_max=60, unit="min"),
    claim(A, "The practitioner must first clean the skin and apply a topical numbing cream.",
          frame="uses", object="numbing cream", polarity="affirm"),
    claim(B, "The skin is cleansed and numbing cream is applied to reduce discomfort.",
          frame="uses", object="numbing cream", polarity="affirm"),
    claim(C, "Each session begins with the application of a numbing cream.",
          frame="uses", object="numbing cream", polarity="affirm"),
    claim(A, "Avoid applying sunscreen for at least 24 hours", frame="wait", object="sunscreen",
          polarity="avoid", value=">=24 h", value_min=24, unit="h"),
    claim(B, "Use sunscreen diligently.", frame="advice", object="sunscreen", polarity="do"),
    claim(A, "These symptoms are usually mild and resolve within a few days.", frame="recovery",
          object="side effect", value="<=a few day", unit="day", vague=True),
    claim(C, "These side effects are temporary and should subside within a few days.",
          frame="recovery", object="side effect", value="<=a few day", unit="day", vague=True),
    claim(A, "When performed by a trained and experienced professional, it is safe for most people."),
    claim(B, "Microneedling is generally safe when performed by trained professionals."),
    claim(C, "If you are pregnant, it's best to wait until after your pregnancy.",
          frame="contraindication", object="pregnancy", polarity="affirm"),
]


def test_required_points_of_the_three_pages() -> None:
    points, rows = crossref_claims(PAGE_CLAIMS, sources(A, B, C))
    by_key = {(p["frame"], p["object"]): p for p in points}
    assert by_key[("interval", "")]["status"] == "agree"
    assert by_key[("interval", "")]["sources"] == [A, B]
    assert by_key[("duration", "")]["status"] == "agree"
    assert by_key[("uses", "numbing cream")]["sources"] == [A, B, C]
    sunscreen = by_key[("wait", "sunscreen")]
    assert (sunscreen["status"], sunscreen["sources"], sunscreen["conflicting_sources"]) == (
        "conflict", [A], [B])
    assert by_key[("recovery", "side effect")]["status"] == "agree"
    assert by_key[("", "")]["sources"] == [A, B]  # the unframed "safe when trained" paraphrase
    assert by_key[("contraindication", "pregnancy")]["status"] == "single"
    assert [p["status"] for p in points] == sorted(
        (p["status"] for p in points), key=("conflict", "partial", "agree", "single").index)
    assert len(rows) == sum(len(p["sources"]) + len(p["conflicting_sources"]) for p in points)


# --- the real pages plus a fourth one ---------------------------------------------------

def _pipeline_points(raw_dir: Path, out_dir: Path) -> list[dict[str, Any]]:
    """Run extract, segment and crossref on ``raw_dir`` and return the points."""
    from pipeline.claims import stage as segment
    from pipeline.config import Settings
    from pipeline.extract.stage import run_extract

    run_extract(raw_dir, out_dir, settings=Settings(jobs=1))
    segment.run_segment(out_dir)
    path = run_crossref(out_dir)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _interval_point(points: list[dict[str, Any]], source: str) -> dict[str, Any]:
    """The interval point that holds evidence from ``source``."""
    matches = [p for p in points if p["frame"] == "interval"
               and any(ev["source_id"] == source for ev in p["evidence"])]
    assert len(matches) >= 1, [p["statement"] for p in points if p["frame"] == "interval"]
    return max(matches, key=lambda p: len(p["sources"]) + len(p["conflicting_sources"]))


@pytest.mark.slow
def test_fourth_page_turns_the_interval_into_a_conflict(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for page in sorted((ROOT / "raw").glob("*.txt")):
        shutil.copy(page, raw / page.name)
    three = _pipeline_points(raw, tmp_path / "three")
    before = _interval_point(three, "000_7075e06074a743c0")
    assert before["status"] == "agree"
    assert before["sources"] == ["000_7075e06074a743c0", "001_0d0cbba38258ce13"]

    fixture = next(FOURTH_PAGE.glob("*.txt"))
    shutil.copy(fixture, raw / fixture.name)
    four = _pipeline_points(raw, tmp_path / "four")
    after = _interval_point(four, fixture.stem)
    assert after["status"] == "conflict"
    assert after["point_id"] == before["point_id"]
    assert after["conflicting_sources"] == [fixture.stem]
    assert after["sources"] == before["sources"]


def test_run_crossref_reads_only_what_it_needs_and_writes_crossref_claims_result(tmp_path: Path) -> None:
    # Full extract records (blocks, other metadata), a record without a title, unusable
    # sources and a non-claim: the files must hold exactly the in-memory result.
    untitled = {"source_id": C, "status": "ok", "file": f"{C}.txt", "metadata": {}}
    records = [*sources(A, B), untitled, *sources("d", status="duplicate")]
    for record in records:
        record["blocks"] = [{"index": 0, "text": "x" * 100, "keep": True}]
        record.setdefault("metadata", {})["author"] = "someone"
        write_json(tmp_path / f"{record['source_id']}.json", record)
    claims = [*PAGE_CLAIMS, interval("d", 10, 12), claim(A, "Read more articles.", is_claim=False)]
    write_jsonl(tmp_path / "claims.jsonl", [c.to_json() for c in claims])
    points, point_sources = crossref_claims(claims, records)
    expected = tmp_path / "expected"
    expected.mkdir()
    write_jsonl(expected / "points.jsonl", points)
    write_jsonl(expected / "point_sources.jsonl", point_sources)
    run_crossref(tmp_path)
    for name in ("points.jsonl", "point_sources.jsonl"):
        assert (tmp_path / name).read_bytes() == (expected / name).read_bytes()
