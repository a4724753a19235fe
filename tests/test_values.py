"""Quantities: numbers in words and digits, ranges, bounds, vague amounts, units."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.claims.values import find_quantities, format_value, parse_number

CASES = [
    # text, value, min, max, unit, vague
    ("treatments are done four to six weeks apart", "4-6 week", 4, 6, "week", False),
    ("treatments are done 4 to 6 weeks apart", "4-6 week", 4, 6, "week", False),
    ("it takes 30 minutes to an hour", "30-60 min", 30, 60, "min", False),
    ("a session lasts 30 to 60 minutes", "30-60 min", 30, 60, "min", False),
    ("lasts about 30 to 60 minutes", "~30-60 min", 30, 60, "min", False),
    ("usually takes about 30 minutes to an hour", "~30-60 min", 30, 60, "min", False),
    ("avoid makeup for at least 24 hours", ">=24 h", 24, None, "h", False),
    ("repeat after about 4 weeks", "~4 week", 4, 4, "week", False),
    ("redness resolves within a few days", "<=a few day", None, None, "day", True),
    ("may require several sessions", "several session", None, None, "session", True),
    ("most people need multiple sessions", "several session", None, None, "session", True),
    ("done in a series of sessions", "several session", None, None, "session", True),
    ("fell by -1.41% over the year", "-1.41%", -1.41, -1.41, "%", False),
    ("changed by −3.5 percent", "-3.5%", -3.5, -3.5, "%", False),
    ("wait twenty-four hours", "24 h", 24, 24, "h", False),
    ("rest for half an hour", "0.5 h", 0.5, 0.5, "h", False),
    ("up to 2 weeks", "<=2 week", None, 2, "week", False),
    ("swelling lasts 1-2 days", "1-2 day", 1, 2, "day", False),
    ("two or three sessions", "2-3 session", 2, 3, "session", False),
    ("after just one session", "1 session", 1, 1, "session", False),
    ("improves by 50% in trials", "50%", 50, 50, "%", False),
    ("keeps for 2.5 days", "2.5 day", 2.5, 2.5, "day", False),
]


@pytest.mark.parametrize(("text", "value", "low", "high", "unit", "vague"), CASES)
def test_normalizes_quantity(text: str, value: str, low: float | None, high: float | None, unit: str,
                             vague: bool) -> None:
    found = find_quantities(text)
    assert len(found) == 1
    qty = found[0]
    assert (qty.value, qty.low, qty.high, qty.unit, qty.vague) == (value, low, high, unit, vague)


@pytest.mark.parametrize("text", [c[0] for c in CASES])
def test_span_covers_the_quantity_words(text: str) -> None:
    qty = find_quantities(text)[0]
    words = text[qty.start : qty.end]
    assert words == words.strip()
    assert find_quantities(words)[0].value == qty.value


@pytest.mark.parametrize("text", [
    "in the late 20th century",
    "a treatment is applied",
    "one of the critical applications",
    "two proteins vital to the skin",
    "Dec 12",
])
def test_no_quantity_without_a_unit(text: str) -> None:
    assert find_quantities(text) == []


def test_spelled_and_digit_forms_agree() -> None:
    words = find_quantities("every four to six weeks")[0]
    digits = find_quantities("every 4 to 6 weeks")[0]
    assert (words.value, words.low, words.high) == (digits.value, digits.low, digits.high)


@pytest.mark.parametrize(("words", "number"), [
    ("four", 4), ("twenty-four", 24), ("one hundred", 100), ("an", 1), ("24", 24), ("1,000", 1000),
])
def test_parse_number(words: str, number: float) -> None:
    assert parse_number(words) == number


def test_parse_number_rejects_words() -> None:
    assert parse_number("several") is None


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=1, max_value=500))
def test_digit_ranges_round_trip(low: int, span: int) -> None:
    high = low + span
    qty = find_quantities(f"wait {low} to {high} days")[0]
    assert (qty.low, qty.high, qty.value) == (low, high, f"{low}-{high} day")
    assert qty.value == format_value("", low, high, "day")


def test_decreasing_numbers_are_not_a_range() -> None:
    found = find_quantities("225.86 -12.99 -5.44%")
    assert len(found) == 1
    assert found[0].high is None or found[0].low <= found[0].high


def test_hyphen_after_a_space_is_a_sign() -> None:
    found = find_quantities("225.86 -12.99 -5.44%")
    assert [(q.value, q.low) for q in found] == [("-5.44%", -5.44)]
    assert [q.value for q in find_quantities("4 - 6 weeks, 4-6 weeks")] == ["4-6 week", "4-6 week"]
