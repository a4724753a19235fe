"""Compatibility rules: when two claims on one point agree, overlap, or cannot both hold.

Every rule is data here so a reviewer sees them in one place and tests can probe both
sides of each number. Values are compared as numbers after unit conversion (the unit
table is the segment stage's, :data:`pipeline.values.UNIT_SECONDS`, so both stages
agree on what "a month" is); wording never enters these rules.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import IntEnum

from pipeline.claims.values import UNIT_SECONDS

#: Frames whose claims answer the same question and so form one point per object.
#: Advice ("use sunscreen") and waits ("avoid sunscreen for 24 hours") both tell the
#: reader what to do with the object, so they can contradict each other.
FRAME_FAMILY: dict[str, str] = {
    "advice": "guidance",
    "wait": "guidance",
}

#: Polarity words -> sign. An empty polarity is a plain positive statement
#: ("numbing cream is applied"); only an explicit opposite sign is a contradiction.
POLARITY_SIGN: dict[str, int] = {"": 1, "do": 1, "affirm": 1, "avoid": -1, "negate": -1}

#: Relative tolerance for "the same number" with exact units (float noise only).
EXACT_REL_TOL = 1e-6
#: Calendar units are approximate: a month is 28-31 days and a year 365-366, and the
#: unit table uses 30 and 365 (see pipeline.claims.values), so "4 weeks" (28 days) and
#: "1 month" (30) must count as the same number: 10% covers the 7% gap.
APPROXIMATE_UNITS = frozenset({"month", "year"})
APPROX_REL_TOL = 0.10
#: A value qualified "~" (about, around) stands for a neighbourhood, not a point:
#: "about 4 weeks" overlaps 4-5 weeks but not 6. A quarter either side is the width
#: of the hedges seen in the pages ("about 30 minutes" next to "30 to 40 minutes").
APPROX_SLACK = 0.25

#: Qualifier prefixes of canonical values (pipeline.values.QUALIFIER_WORDS' targets).
QUALIFIER_RE = re.compile(r"^(?:~|>=|<=)\s*")


class Relation(IntEnum):
    """How two values on one point relate, from best to worst for agreement."""

    EQUAL = 0
    PARTIAL = 1
    CONFLICT = 2


@dataclass(frozen=True, slots=True)
class Span:
    """A value as an interval in a base unit: seconds for time, the unit itself otherwise."""

    dimension: str
    low: float
    high: float
    approx: bool
    calendar: bool
    words: str

    @property
    def numeric(self) -> bool:
        """False for vague amounts ("a few days"), which carry no numbers."""
        return not (math.isinf(self.low) and self.low < 0 and math.isinf(self.high) and self.high > 0)


def dimension_of(unit: str) -> tuple[str, float]:
    """Return the unit's dimension and its factor to the dimension's base unit."""
    if unit in UNIT_SECONDS:
        return "time", float(UNIT_SECONDS[unit])
    return unit, 1.0


def make_span(value: str, value_min: float | None, value_max: float | None, unit: str) -> Span | None:
    """Build the comparable interval of a claim's value; None when the claim has no value.

    Open bounds (">=24 h", "<=3 day") become infinite; a vague amount with no bounds
    spans everything in its dimension, so it can overlap but never clash.
    """
    if not value and value_min is None and value_max is None:
        return None
    dimension, factor = dimension_of(unit)
    low = -math.inf if value_min is None else value_min * factor
    high = math.inf if value_max is None else value_max * factor
    words = QUALIFIER_RE.sub("", value).strip().lower()
    return Span(dimension, low, high, value.startswith("~"), unit in APPROXIMATE_UNITS, words)


def _close(a: float, b: float, tol: float) -> bool:
    """Equal within a relative tolerance; infinities equal only themselves."""
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= tol * max(abs(a), abs(b), 1e-12)


def _widened(span: Span, tol: float) -> tuple[float, float]:
    """The interval a hedged or calendar value can stand for."""
    slack = tol + (APPROX_SLACK if span.approx else 0.0)
    return span.low * (1 - slack) if span.low > 0 else span.low, span.high * (1 + slack)


def compare_spans(a: Span, b: Span) -> Relation:
    """Relate two values: EQUAL (same numbers), PARTIAL (overlap, one more specific), CONFLICT.

    Different dimensions (weeks vs sessions) cannot be checked against each other, so
    they are PARTIAL: both speak to the point, neither refutes the other.
    """
    if a.dimension != b.dimension:
        return Relation.PARTIAL
    if not a.numeric or not b.numeric:
        same_words = not a.numeric and not b.numeric and a.words == b.words
        return Relation.EQUAL if same_words else Relation.PARTIAL
    tol = APPROX_REL_TOL if a.calendar or b.calendar else EXACT_REL_TOL
    same_bounds = _close(a.low, b.low, tol) and _close(a.high, b.high, tol)
    # A hedge on a range ("about 4-6 weeks") restates it; on one number it widens it.
    if same_bounds and (a.approx == b.approx or a.low != a.high):
        return Relation.EQUAL
    a_low, a_high = _widened(a, tol)
    b_low, b_high = _widened(b, tol)
    if a_low <= b_high and b_low <= a_high:
        return Relation.PARTIAL
    return Relation.CONFLICT


def polarity_sign(polarity: str) -> int:
    """+1 for a positive statement or advice to do, -1 for a negation or advice to avoid."""
    return POLARITY_SIGN.get(polarity, 1)


def compare_claims(
    sign_a: int, span_a: Span | None, sign_b: int, span_b: Span | None
) -> Relation:
    """Relate two claims on one point: opposite polarity clashes; then values decide.

    A claim without a value next to one with a value is less specific: PARTIAL.
    """
    if sign_a != sign_b:
        return Relation.CONFLICT
    if span_a is None and span_b is None:
        return Relation.EQUAL
    if span_a is None or span_b is None:
        return Relation.PARTIAL
    return compare_spans(span_a, span_b)


def family_of(frame: str) -> str:
    """The point family a frame belongs to (itself unless grouped in FRAME_FAMILY)."""
    return FRAME_FAMILY.get(frame, frame)
