"""Segment stage: atomic splits, kinds, frames, values, provenance, files, other subjects."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.claims.frames import FRAMES
from pipeline.claims.kinds import KINDS, NON_CLAIM_KINDS
from pipeline.claims.nlp import build_nlp
from pipeline.claims.stage import document_from_text, run_segment, segment_document, unify_objects
from pipeline.claims.topics import TopicSet, derived_topic, load_topics
from pipeline.config import Settings
from pipeline.decode import decode_bytes
from pipeline.errors import ConfigError
from pipeline.extract.text_lines import split_lines
from pipeline.io import canonical_json, read_jsonl, write_json
from pipeline.records import Claim

ROOT = Path(__file__).resolve().parents[1]
RAW_PAGES = sorted((ROOT / "raw").glob("*.txt"))
OTHER_SUBJECT = ROOT / "tests" / "fixtures" / "other_subject" / "no_knead_bread.txt"
EXAMPLE_TOPICS = ROOT / "topics" / "example-skincare.toml"


def claims_of(text: str, *, topics: TopicSet | None = None) -> list[Claim]:
    """Segment a clean text given inline (one block per line)."""
    doc = document_from_text(text, source_id="t")
    return segment_document(doc, nlp=build_nlp(), topics=topics or TopicSet(), raw_text=text)


def framed(claims: list[Claim]) -> list[tuple[str, str, str, str, str]]:
    """(text, frame, object, polarity, value) of claims with a frame, in output order."""
    return [(c.text, c.frame, c.object, c.polarity, c.value) for c in claims if c.frame]


def extracted_doc(raw: str, source_id: str) -> tuple[dict[str, Any], str]:
    """A document shaped like the extract stage's: clean text = kept blocks joined by blank lines."""
    blocks, parts, pos = [], [], 0
    for index, line in enumerate(split_lines(raw)):
        prose = len(line.text.split()) > 12 or line.text.endswith((".", "!", "?", ":"))
        kind = "list_item" if line.bullet or line.numbered else ("paragraph" if prose else "heading")
        blocks.append({"index": index, "kind": kind, "keep": True, "rule": "test", "text": line.text,
                       "raw_start": line.start, "raw_end": line.end, "clean_start": pos,
                       "clean_end": pos + len(line.text), "segments": [list(s) for s in line.segments]})
        parts.append(line.text)
        pos += len(line.text) + 2
    return {"source_id": source_id, "file": "", "status": "ok", "blocks": blocks}, "\n\n".join(parts) + "\n"


# --- atomic claims -------------------------------------------------------------------------

def test_bundled_instruction_splits_and_keeps_the_duration() -> None:
    claims = claims_of("Avoid applying makeup or sunscreen for at least 24 hours and avoid touching the "
                       "treated area to prevent the introduction of bacteria.")
    assert framed(claims) == [
        ("Avoid applying makeup for at least 24 hours", "wait", "makeup", "avoid", ">=24 h"),
        ("Avoid applying sunscreen for at least 24 hours", "wait", "sunscreen", "avoid", ">=24 h"),
        ("Avoid touching the treated area to prevent the introduction of bacteria.", "advice",
         "touching treated area", "avoid", ""),
    ]
    wait = [c for c in claims if c.frame == "wait"]
    assert all(c.value_min == 24 and c.value_max is None and c.unit == "h" and not c.vague for c in wait)
    assert all(c.kind == "recommendation" and c.is_claim for c in claims)


def test_side_effect_list_gives_one_claim_per_symptom() -> None:
    claims = claims_of("The most common side effects include redness, irritation, dryness and tightness "
                       "in the treated area.")
    assert [(c.text, c.kind, c.object) for c in claims] == [
        ("The most common side effects include redness in the treated area.", "side_effect", "redness"),
        ("The most common side effects include irritation in the treated area.", "side_effect", "irritation"),
        ("The most common side effects include dryness in the treated area.", "side_effect", "dryness"),
        ("The most common side effects include tightness in the treated area.", "side_effect", "tightness"),
    ]
    assert len({c.claim_id for c in claims}) == 4


def test_modal_instruction_splits_off_its_alternative() -> None:
    claims = claims_of("People with active skin infections, severe acne, or certain skin conditions should "
                       "avoid microneedling or consult a dermatologist first.")
    assert framed(claims) == [
        ("People with active skin infections should avoid microneedling", "contraindication",
         "active skin infection", "affirm", ""),
        ("People with severe acne should avoid microneedling", "contraindication", "severe acne",
         "affirm", ""),
        ("People with certain skin conditions should avoid microneedling", "contraindication",
         "skin condition", "affirm", ""),
        ("Consult a dermatologist first.", "advice", "consultation", "do", ""),
    ]


def test_label_bullet_keeps_the_label_meaning() -> None:
    claims = claims_of("  • Avoid sun exposure: The skin is more sensitive after treatment, so use "
                       "sunscreen diligently.")
    assert [(c.text, c.kind, c.frame, c.object, c.polarity) for c in claims] == [
        ("Avoid sun exposure", "recommendation", "advice", "sun", "avoid"),
        ("The skin is more sensitive after treatment", "side_effect", "side_effect", "sensitivity", "affirm"),
        ("Use sunscreen diligently.", "recommendation", "advice", "sunscreen", "do"),
    ]


def test_label_that_names_a_phase_stays_with_its_sentence() -> None:
    claims = claims_of("  • Inflammation phase: The body sends immune cells to the treated area.")
    assert [c.text for c in claims] == [
        "Inflammation phase: The body sends immune cells to the treated area."]


def test_two_frames_in_one_clause_get_distinct_claims() -> None:
    claims = claims_of("Most people require multiple sessions spaced 4 to 6 weeks apart to see optimal "
                       "results.")
    by_frame = {c.frame: c for c in claims}
    assert by_frame["count"].value == "several session" and by_frame["count"].vague
    assert by_frame["count"].value_min is None and by_frame["count"].value_max is None
    assert by_frame["interval"].value == "4-6 week"
    assert (by_frame["interval"].value_min, by_frame["interval"].value_max) == (4, 6)
    # Both claims keep the whole clause: the count's text still says how they are spaced.
    assert by_frame["count"].text == by_frame["interval"].text == (
        "Most people require multiple sessions spaced 4 to 6 weeks apart to see optimal results.")
    assert by_frame["count"].claim_id != by_frame["interval"].claim_id


def _sourced(text: str, source_id: str) -> list[Claim]:
    """Claims of ``text`` as if they came from page ``source_id``."""
    doc = document_from_text(text, source_id=source_id)
    return segment_document(doc, nlp=build_nlp(), topics=TopicSet(), raw_text=text)


def test_unify_objects_gives_pages_one_key_for_one_thing() -> None:
    a = _sourced("Common side effects include slight skin sensitivity. Microneedling improves tone. "
                 "It can be done using automated devices.", "a")
    b = _sourced("After treatment, the skin will feel sensitive. It can even out skin tone. "
                 "It involves using a device.", "b")
    c = _sourced("It reduces acne scars on the skin.", "c")
    d = _sourced("It reduces acne scars and scars of the skin.", "d")
    claims = unify_objects(a + b + c + d)
    keys = {(x.source_id, x.frame, x.object) for x in claims if x.frame}
    assert ("a", "side_effect", "sensitivity") in keys  # "skin sensitivity" -> the key page b uses
    assert ("a", "effect", "tone") in keys  # keys never grow: a bare head may name several things
    assert ("c", "effect", "acne scar") in keys and ("d", "effect", "acne scar") in keys  # shared: kept
    assert ("a", "uses", "automated device") in keys  # "automated" is not every page's word
    assert any(x.text == "Common side effects include slight skin sensitivity." for x in claims)


def test_anaphoric_list_names_its_antecedent() -> None:
    claims = claims_of("Although rare, serious complications can occur. "
                       "These include infection and scarring.")
    assert framed(claims) == [
        ("Complications include infection.", "side_effect", "infection", "affirm", ""),
        ("Complications include scarring.", "side_effect", "scarring", "affirm", ""),
    ]


def test_state_instructions_and_comparative_states() -> None:
    assert framed(claims_of("Stay hydrated: Drinking water supports skin healing.")) == [
        ("Stay hydrated", "advice", "hydration", "do", "")]
    assert framed(claims_of("Your skin will be more sensitive to sunlight.")) == [
        ("Your skin will be more sensitive to sunlight.", "side_effect", "sensitivity", "affirm", "")]


@pytest.mark.parametrize(("text", "frame", "obj", "value", "kind"), [
    ("Generally, treatments are done about four to six weeks apart.", "interval", "", "~4-6 week",
     "frequency"),
    ("You may need maintenance every 4 to 6 weeks.", "interval", "", "4-6 week", "frequency"),
    ("The procedure usually takes 30 minutes to an hour.", "duration", "", "30-60 min", "duration"),
    ("A session lasts 30 to 60 minutes.", "duration", "", "30-60 min", "duration"),
    ("Mild redness and swelling may occur but usually subside within a few days.", "recovery", "side effect",
     "<=a few day", "duration"),
    ("Some concerns may require several sessions.", "count", "", "several session", "frequency"),
])
def test_value_frames(text: str, frame: str, obj: str, value: str, kind: str) -> None:
    claim = next(c for c in claims_of(text) if c.frame == frame)
    assert (claim.object, claim.value, claim.kind) == (obj, value, kind)


def test_subject_is_kept_when_explicit() -> None:
    claim = claims_of("The procedure usually takes about 30 minutes to an hour.")[0]
    assert (claim.subject, claim.frame, claim.value) == ("procedure", "duration", "~30-60 min")
    alias = claims_of("Microneedling, also known as collagen induction therapy, is popular.")[0]
    assert (alias.frame, alias.subject, alias.object, alias.kind) == (
        "definition", "microneedling", "collagen induction therapy", "definition")


def test_non_claims_are_kept_and_flagged() -> None:
    claims = claims_of("What is microneedling?\n\nThis blog post explores the science behind it.\n\n"
                       "If you are curious, consider consulting a professional.\n\n3 min read\n")
    assert [(c.kind, c.is_claim) for c in claims] == [
        ("question", False), ("navigation", False), ("call_to_action", False), ("heading", False)]
    assert all(c.topic == "" for c in claims)


def test_section_is_the_nearest_heading() -> None:
    claims = claims_of("Aftercare\n\nAvoid sun exposure as much as possible.\n\nFrequency\n\n"
                       "Sessions are done 4 weeks apart.\n")
    assert [(c.kind, c.section) for c in claims] == [
        ("heading", ""), ("recommendation", "Aftercare"), ("heading", "Aftercare"),
        ("frequency", "Frequency")]


def test_numbered_item_drops_its_enumerator() -> None:
    claims = claims_of("  1. Cover the bowl and let the dough rise for 12 to 18 hours.\n")
    assert [(c.text, c.frame, c.value) for c in claims] == [
        ("Cover the bowl and let the dough rise for 12 to 18 hours.", "duration", "12-18 h")]


# --- the three seed pages ------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_claims() -> dict[str, list[Claim]]:
    """Claims of the three raw pages (every line kept: boilerplate too, the harder case)."""
    result = {}
    for path in RAW_PAGES:
        raw = decode_bytes(path.read_bytes()).text
        result[path.stem] = segment_document(document_from_text(raw, source_id=path.stem),
                                             nlp=build_nlp(), topics=TopicSet(), raw_text=raw)
    return result


def test_seed_pages_exist() -> None:
    assert len(RAW_PAGES) == 3


@pytest.mark.parametrize("path", RAW_PAGES, ids=lambda p: p.stem)
def test_provenance_invariant_on_seed_pages(path: Path) -> None:
    raw = decode_bytes(path.read_bytes()).text
    doc, clean = extracted_doc(raw, path.stem)
    claims = segment_document(doc, nlp=build_nlp(), topics=TopicSet(), raw_text=raw)
    assert len(claims) > 50
    for claim in claims:
        assert raw[claim.raw_start : claim.raw_end] == claim.quote
        assert " ".join(claim.quote.split()) == clean[claim.clean_start : claim.clean_end]
        assert claim.quote.strip() == claim.quote and claim.quote


def test_object_keys_agree_across_sources(seed_claims: dict[str, list[Claim]]) -> None:
    def keys(frame: str) -> dict[str, set[str]]:
        return {sid: {c.object for c in claims if c.frame == frame} for sid, claims in seed_claims.items()}

    p0, p1, p2 = sorted(seed_claims)
    assert "sunscreen" in keys("wait")[p0] and "sunscreen" in keys("advice")[p1]
    assert all("numbing cream" in found for found in keys("uses").values())
    assert all("side effect" in found for found in keys("recovery").values())
    assert "active skin infection" in keys("contraindication")[p1] & keys("contraindication")[p2]
    assert {"redness", "swelling"} <= keys("side_effect")[p0] & keys("side_effect")[p1]
    intervals = {sid: [c.value for c in claims if c.frame == "interval"]
                 for sid, claims in seed_claims.items()}
    assert intervals[p0] == ["~4-6 week", "4-6 week"] and intervals[p1] == ["4-6 week"]
    durations = [c for claims in seed_claims.values() for c in claims if c.frame == "duration"]
    assert [(c.value_min, c.value_max, c.unit) for c in durations] == [(30, 60, "min"), (30, 60, "min")]


def test_fields_stay_in_their_vocabularies(seed_claims: dict[str, list[Claim]]) -> None:
    for claim in (c for claims in seed_claims.values() for c in claims):
        assert claim.kind in (KINDS if claim.is_claim else NON_CLAIM_KINDS)
        assert claim.frame in (*FRAMES, "") and claim.polarity in ("do", "avoid", "affirm", "negate", "")
        assert claim.object == claim.object.lower().strip()
        assert not claim.frame or claim.is_claim
        assert claim.vague == (bool(claim.value) and claim.value_min is None and claim.value_max is None)


def test_claim_ids_are_unique_and_stable(seed_claims: dict[str, list[Claim]]) -> None:
    ids = [c.claim_id for claims in seed_claims.values() for c in claims]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"clm_[0-9a-f]{12}", i) for i in ids)


#: Pinned quality floors on tests/gold/claims.json (raw-line input); they move only on purpose.
#: Measured when the gold was made independent: claims P 0.933 / R 0.938, values P 1.0 / R 1.0.
FLOORS = {"claim_precision": 0.92, "claim_recall": 0.91, "value_precision": 0.95, "value_recall": 0.95}


def test_gold_scores_stay_above_floors() -> None:
    spec = importlib.util.spec_from_file_location("eval_claims", ROOT / "scripts" / "eval_claims.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    gold = json.loads((ROOT / "tests" / "gold" / "claims.json").read_text(encoding="utf-8"))["claims"]
    total = module.Score()
    raws = {path.stem: decode_bytes(path.read_bytes()).text for path in RAW_PAGES}
    pages = {stem: segment_document(document_from_text(raw, source_id=stem), nlp=build_nlp(),
                                    topics=TopicSet(), raw_text=raw) for stem, raw in raws.items()}
    unify_objects([c for claims in pages.values() for c in claims])
    for stem, claims in pages.items():
        score, _ = module.match_page(claims, [g for g in gold if g["source_id"] == stem], raws[stem])
        total.add(score)
    report = total.report()
    # Floors a little under the scores measured on the independent gold (see the eval script).
    assert report["claim_precision"] >= FLOORS["claim_precision"]
    assert report["claim_recall"] >= FLOORS["claim_recall"]
    assert report["value_precision"] >= FLOORS["value_precision"]
    assert report["value_recall"] >= FLOORS["value_recall"]


def test_gold_quotes_are_unique_in_their_pages() -> None:
    gold = json.loads((ROOT / "tests" / "gold" / "claims.json").read_text(encoding="utf-8"))["claims"]
    pages = {p.stem: decode_bytes(p.read_bytes()).text for p in RAW_PAGES}
    for entry in gold:
        assert pages[entry["source_id"]].count(entry["quote"]) == 1, entry["quote"]


# --- another subject, no code change --------------------------------------------------------

def test_unrelated_subject_gives_sensible_claims() -> None:
    raw = OTHER_SUBJECT.read_text(encoding="utf-8")
    claims = claims_of(raw)
    found = {(c.frame, c.object, c.polarity, c.value) for c in claims if c.frame}
    assert {
        ("definition", "slowrise bread", "affirm", ""),
        ("duration", "", "", "12-18 h"),
        ("duration", "", "", "~30 min"),
        ("wait", "cutting bread", "avoid", ">=1 h"),
        ("advice", "kitchen scale", "do", ""),
        ("advice", "plastic bag", "avoid", ""),
        ("advice", "opening oven", "avoid", ""),
        ("duration", "", "", "2-3 day"),
        ("interval", "", "", "2 day"),
        ("contraindication", "celiac disease", "affirm", ""),
        ("contraindication", "wheat allergy", "affirm", ""),
    } <= found
    kinds = {c.text: (c.kind, c.is_claim) for c in claims}
    assert kinds["Did you make this recipe?"] == ("question", False)
    assert kinds["Leave a comment below!"] == ("navigation", False)
    assert not any(c.frame == "side_effect" for c in claims)
    for claim in claims:
        assert raw[claim.raw_start : claim.raw_end] == claim.quote


# --- topics -------------------------------------------------------------------------------------

def test_derived_topics_without_a_topic_file() -> None:
    assert derived_topic(frame="interval", obj="", kind="frequency") == "interval"
    assert derived_topic(frame="advice", obj="sunscreen", kind="recommendation") == "advice: sunscreen"
    assert derived_topic(frame="", obj="", kind="mechanism") == "mechanism"
    claim = claims_of("Use sunscreen diligently.")[0]
    assert claim.topic == "advice: sunscreen"


def test_example_topic_file_matches_on_lemmas() -> None:
    topics = load_topics(EXAMPLE_TOPICS)
    claims = claims_of("Use sunscreen diligently.\n\nTreatments are done 4 to 6 weeks apart.\n\n"
                       "Mild redness and swelling may occur.\n\n"
                       "Avoid irritating products for several days.\n", topics=topics)
    # A keyword ("sunscreen", "apart", "redness") decides; a frame alone ("wait") places the last.
    assert [c.topic for c in claims] == ["sun protection", "session interval", "side effects", "side effects",
                                         "aftercare"]


def test_bad_topic_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "topics.toml"
    path.write_text('[topics."x"]\nkeywords = "not a list"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"topics\.toml"):
        load_topics(path)
    path.write_text("not toml [", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_topics(path)


# --- the file wrapper ---------------------------------------------------------------------------

def _write_cleaned(tmp_path: Path) -> Path:
    """cleaned/ with the three seed pages (one ok doc per page) and a failed page; raw/ beside it."""
    cleaned, raw_dir = tmp_path / "cleaned", tmp_path / "raw"
    raw_dir.mkdir()
    for path in RAW_PAGES:
        (raw_dir / path.name).write_bytes(path.read_bytes())
        raw = decode_bytes(path.read_bytes()).text
        doc, _ = extracted_doc(raw, path.stem)
        doc["file"] = path.name
        write_json(cleaned / f"{path.stem}.json", doc)
    write_json(cleaned / "zzz_broken.json", {"source_id": "zzz_broken", "status": "error", "blocks": []})
    return cleaned


def test_run_segment_writes_sorted_rows_and_reruns_identically(tmp_path: Path) -> None:
    cleaned = _write_cleaned(tmp_path)
    out = run_segment(cleaned)
    first = out.read_bytes()
    rows = list(read_jsonl(out))
    assert out.name == "claims.jsonl" and rows
    assert {r["source_id"] for r in rows} == {p.stem for p in RAW_PAGES}
    keys = [(r["source_id"], r["clean_start"], r["claim_id"]) for r in rows]
    assert keys == sorted(keys)
    raws = {p.stem: decode_bytes(p.read_bytes()).text for p in RAW_PAGES}
    assert all(raws[r["source_id"]][r["raw_start"] : r["raw_end"]] == r["quote"] for r in rows)
    assert set(rows[0]) == set(Claim.__dataclass_fields__)
    assert run_segment(cleaned).read_bytes() == first


def test_run_segment_skips_a_raw_file_with_other_bytes(tmp_path: Path) -> None:
    cleaned = _write_cleaned(tmp_path)
    page = RAW_PAGES[0]
    doc = json.loads((cleaned / f"{page.stem}.json").read_text(encoding="utf-8"))
    doc["sha256"] = "0" * 64
    write_json(cleaned / f"{page.stem}.json", doc)
    other = tmp_path / "other"
    other.mkdir()
    (other / page.name).write_text("x" * 20000, encoding="utf-8")
    rows = [r for r in read_jsonl(run_segment(cleaned, raw_dir=other)) if r["source_id"] == page.stem]
    assert rows and all("x" * 5 not in r["quote"] for r in rows)


def test_run_segment_uses_the_topic_file(tmp_path: Path) -> None:
    cleaned = _write_cleaned(tmp_path)
    rows = list(read_jsonl(run_segment(cleaned, topics_file=EXAMPLE_TOPICS)))
    topics = {r["topic"] for r in rows if r["is_claim"]}
    assert {"session interval", "sun protection", "side effects", "contraindications"} <= topics


def test_page_without_kept_blocks_gives_no_rows(tmp_path: Path) -> None:
    write_json(tmp_path / "empty.json", {"source_id": "empty", "file": "", "status": "ok", "blocks": [
        {"index": 0, "kind": "paragraph", "keep": False, "rule": "menu", "text": "Home", "raw_start": 0,
         "raw_end": 4, "clean_start": None, "clean_end": None, "segments": [[0, 0, 4]]}]})
    assert run_segment(tmp_path).read_text(encoding="utf-8") == ""


WORDS = st.sampled_from(["Avoid", "use", "sunscreen", "for", "at least", "24", "hours", "and", "or", ",", ".",
                         "?", ":", ";", "  ", "\n", "\n\n", "  • ", "1.", "redness", "may", "occur",
                         "every", "four", "weeks", "apart", "People with", "eczema", "should avoid", "it",
                         "a few", "days", "is applied", "the", "—", "’s", "\t"])


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40).map(" ".join))
def test_provenance_holds_on_arbitrary_text(text: str) -> None:
    for claim in claims_of(text):
        assert text[claim.raw_start : claim.raw_end] == claim.quote
        assert claim.raw_start <= claim.raw_end


def test_nlp_is_built_once() -> None:
    assert build_nlp() is build_nlp()
    assert build_nlp().pipe_names == ["sentencizer"]


def test_run_segment_on_a_pool_matches_segmenting_every_page_at_once(tmp_path: Path) -> None:
    # Seven copies of one page and one of each other page: enough files for the pool, and
    # keys that a single source states, so object keys are unified across the streamed pages.
    cleaned = tmp_path / "cleaned"
    stems = [f"{RAW_PAGES[0].stem}_{n}" for n in range(7)] + [p.stem for p in RAW_PAGES[1:]]
    pages = [RAW_PAGES[0]] * 7 + RAW_PAGES[1:]
    claims: list[Claim] = []
    for stem, path in zip(stems, pages, strict=True):
        doc, _ = extracted_doc(decode_bytes(path.read_bytes()).text, stem)
        write_json(cleaned / f"{stem}.json", doc)
        claims.extend(segment_document(doc, nlp=build_nlp(), topics=TopicSet()))
    objects = [c.object for c in claims]
    unify_objects(claims)
    assert [c.object for c in claims] != objects
    claims.sort(key=lambda c: (c.source_id, c.clean_start, c.claim_id))
    expected = "".join(canonical_json(c.to_json()) + "\n" for c in claims).encode("utf-8")
    for jobs in (1, 2):
        assert run_segment(cleaned, settings=Settings(jobs=jobs)).read_bytes() == expected
