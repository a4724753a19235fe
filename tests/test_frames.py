"""Generic frames and object keys, on clauses from the seed pages and from other subjects."""

from __future__ import annotations

import pytest

from pipeline.claims.frames import FrameMatch, adjective_noun, match_frames, object_key


def frames(clause: str, *, previous: str = "") -> list[tuple[str, str, tuple[str, ...], str]]:
    """(frame, polarity, object keys, value) of every frame in a clause."""
    found: list[FrameMatch] = match_frames(clause, previous=previous, sentence=clause)
    return [(f.frame, f.polarity, tuple(i.key for i in f.items), f.quantity.value if f.quantity else "")
            for f in found]


@pytest.mark.parametrize(("phrase", "key"), [
    ("a topical numbing cream", "numbing cream"),
    ("numbing cream", "numbing cream"),
    ("harsh exfoliants", "exfoliant"),
    ("sunscreen", "sunscreen"),
    ("the appearance of scars", "scar"),
    ("visible signs of aging", "aging"),
    ("those prone to keloid scars", "keloid scar"),
    ("the body’s natural healing process", "healing process"),
    ("products with hyaluronic acid", "product with hyaluronic acid"),
    ("the effectiveness of your skincare products", "effectiveness"),
    ("a consultation with a qualified professional", "consultation"),
    ("sun exposure", "sun"),
    ("new collagen growth", "collagen"),
    ("the most abundant protein", "protein"),
    ("product with hyaluronic acid", "product with hyaluronic acid"),
    ("touching the treated area", "touching treated area"),
    ("mild redness", "redness"),
    ("temporary redness", "redness"),
    ("active skin infections", "active skin infection"),
    ("make-up", "makeup"),
])
def test_object_key(phrase: str, key: str) -> None:
    assert object_key(phrase) == key


@pytest.mark.parametrize(("adjective", "noun"), [
    ("red", "redness"), ("tight", "tightness"), ("sensitive", "sensitivity"), ("swollen", "swelling"),
    ("itchy", "itchiness"), ("tender", "tenderness"),
])
def test_adjective_noun(adjective: str, noun: str) -> None:
    assert adjective_noun(adjective) == noun


@pytest.mark.parametrize(("clause", "expected"), [
    ("Generally, treatments are done four to six weeks apart.", [("interval", "", (), "4-6 week")]),
    ("You may need maintenance every four to six weeks.", [("interval", "", (), "4-6 week")]),
    ("The procedure usually takes 30 minutes to an hour.", [("duration", "", (), "30-60 min")]),
    ("A session lasts 30 to 60 minutes.", [("duration", "", (), "30-60 min")]),
    ("Redness resolves within a few days.", [("recovery", "", ("redness",), "<=a few day")]),
    ("Avoid makeup for at least 24 hours.", [("wait", "avoid", ("makeup",), ">=24 h")]),
    ("Avoid applying makeup or sunscreen for at least 24 hours",
     [("wait", "avoid", ("makeup", "sunscreen"), ">=24 h")]),
    ("Use sunscreen diligently.", [("advice", "do", ("sunscreen",), "")]),
    ("Avoid harsh exfoliants.", [("advice", "avoid", ("exfoliant",), "")]),
    ("A numbing cream is applied.", [("uses", "affirm", ("numbing cream",), "")]),
    ("No numbing cream is used.", [("uses", "negate", ("numbing cream",), "")]),
    ("The practitioner must first clean the skin and apply a topical numbing cream.",
     [("uses", "affirm", ("numbing cream",), "")]),
    ("Each session begins with the application of a numbing cream to minimize discomfort.",
     [("uses", "affirm", ("numbing cream",), "")]),
    ("People with active skin infections should avoid the procedure.",
     [("contraindication", "affirm", ("active skin infection",), "")]),
    ("If you are pregnant, it's best to wait until after your pregnancy to consider it.",
     [("contraindication", "affirm", ("pregnancy",), "")]),
    ("It reduces acne scars.", [("effect", "affirm", ("acne scar",), "")]),
    ("It does not reduce acne scars.", [("effect", "negate", ("acne scar",), "")]),
    ("The most common side effects include redness, irritation, dryness and tightness in the treated area.",
     [("side_effect", "affirm", ("redness", "irritation", "dryness", "tightness"), "")]),
    ("After treatment, the skin may look red and feel tender, similar to a mild sunburn.",
     [("side_effect", "affirm", ("redness", "tenderness"), "")]),
    ("Microneedling, also known as collagen induction therapy, is popular.",
     [("definition", "affirm", ("collagen induction therapy",), "")]),
    ("Most people require multiple sessions spaced 4 to 6 weeks apart.",
     [("count", "", (), "several session"), ("interval", "", (), "4-6 week")]),
    ("The procedure can be done using various tools, including derma rollers, pens, or automated devices.",
     [("uses", "affirm", ("tool", "derma roller", "pen", "automated device"), "")]),
    ("People with certain skin conditions, such as psoriasis or eczema, and those prone to keloid scars "
     "may want to avoid it.",
     [("contraindication", "affirm", ("skin condition", "psoriasis", "eczema", "keloid scar"), "")]),
    ("These small punctures trigger healing, stimulating collagen and elastin production.",
     [("effect", "affirm", ("collagen", "elastin"), "")]),
    ("It’s crucial to protect the skin from the sun.", [("advice", "avoid", ("sun",), "")]),
    ("Regular follow-up sessions are also necessary to maintain results.",
     [("advice", "do", ("followup session",), "")]),
    ("You must have active acne breakouts under control before undergoing it.",
     [("contraindication", "affirm", ("active acne breakout",), "")]),
    ("Make sure it is performed in a sterile environment using sterile equipment.",
     [("uses", "affirm", ("sterile equipment",), "")]),
    ("This increases the effectiveness of serums and creams applied after treatment.",
     [("effect", "affirm", ("effectiveness",), "")]),
    ("Collagen is the most abundant protein in the body.", [("definition", "affirm", ("protein",), "")]),
    ("Microneedling, also known as collagen induction therapy, is a minimally invasive procedure.",
     [("definition", "affirm", ("collagen induction therapy",), ""),
      ("definition", "affirm", ("minimally invasive procedure",), "")]),
    ("It is a safe procedure.", []),
    ("While results take time and multiple sessions, many find it useful.",
     [("count", "", (), "several session")]),
    ("Stay hydrated.", [("advice", "do", ("hydration",), "")]),
    ("The device is then passed over the skin.", [("uses", "affirm", ("device",), "")]),
    ("They then gently move the device along the skin.", [("uses", "affirm", ("device",), "")]),
    ("Hydration is key.", [("advice", "do", ("hydration",), "")]),
    ("Consult a dermatologist first.", [("advice", "do", ("consultation",), "")]),
    ("Prices fell by -1.41% last year.", [("statistic", "", (), "-1.41%")]),
    ("Don't wear makeup for 24 hours.", [("wait", "avoid", ("makeup",), "24 h")]),
    ("Never use retinol on treated skin.", [("advice", "avoid", ("retinol",), "")]),
    ("Many people see a reduction in acne scars after several sessions.",
     [("effect", "affirm", ("acne scar",), ""), ("count", "", (), "several session")]),
])
def test_frames(clause: str, expected: list[tuple[str, str, tuple[str, ...], str]]) -> None:
    assert frames(clause) == expected


def test_anaphora_needs_a_side_effect_sentence_before() -> None:
    clause = "These include infection, pigment changes and scarring."
    assert frames(clause) == []
    assert frames(clause, previous="Serious complications can occur.") == [
        ("side_effect", "affirm", ("infection", "pigment change", "scarring"), "")]


def test_recovery_after_side_effects_joins_on_side_effect() -> None:
    found = frames("These symptoms are usually mild and resolve within a few days.",
                   previous="The most common side effects include redness.")
    assert found == [("recovery", "", ("side effect",), "<=a few day")]


def test_purpose_clause_is_not_an_effect() -> None:
    assert frames("The skin is cleansed and numbing cream is applied to reduce discomfort.") == [
        ("uses", "affirm", ("numbing cream",), "")]


@pytest.mark.parametrize(("clause", "expected"), [
    ("Let the dough rise for 12 to 18 hours at room temperature.", [("duration", "", (), "12-18 h")]),
    ("Avoid cutting the bread for at least one hour after baking.",
     [("wait", "avoid", ("cutting bread",), ">=1 h")]),
    ("Back up the database every 7 days.", [("interval", "", (), "7 day")]),
    ("Users with admin rights should not run the installer.",
     [("contraindication", "affirm", ("admin right",), "")]),
    ("Use a kitchen scale for accurate measurements.", [("advice", "do", ("kitchen scale",), "")]),
])
def test_frames_on_other_subjects(clause: str, expected: list[tuple[str, str, tuple[str, ...], str]]) -> None:
    assert frames(clause) == expected


def test_expected_symptom_is_a_side_effect_and_its_fading_a_recovery() -> None:
    assert frames("Redness is normal and usually fades within a few days.") == [
        ("side_effect", "affirm", ("redness",), ""), ("recovery", "", ("side effect",), "<=a few day")]


def test_no_frame_in_plain_statement() -> None:
    assert frames("The concept is not new.") == []
