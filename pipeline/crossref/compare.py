"""When two sources' values on one point agree, overlap, or cannot both hold.

Values are compared as numbers after unit conversion with ``pint`` (the registry the
claims stage reads units with), never by their wording. Every tolerance is named here so
a reviewer sees them in one place and tests can probe both sides of each number.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from pipeline.claims.quantities import DELTA, UNREADABLE_UNIT, units

#: Relative tolerance for "the same number" with exact units (float noise only).
EXACT_REL_TOL = 1e-6
#: A hedged value ("about 4 weeks") stands for a neighbourhood, not a point. 10% either
#: side is the precision English rounding implies for a hedged figure ("about 30 minutes"
#: admits 27 to 33; "about a month" admits the 28 to 31 days of a calendar month, which
#: pint counts as 30.4). Wider tolerances turn real disagreements into overlaps.
APPROX_REL_TOL = 0.10
#: Calendar units vary in length (a month is 28-31 days, a year 365-366): treated as hedged.
CALENDAR_UNITS = frozenset({"month", "year"})


class Relation(IntEnum):
    """How a source's value relates to a point's reference, from best to worst for agreement."""

    EQUAL = 0
    PARTIAL = 1
    CONFLICT = 2


@dataclass(frozen=True, slots=True)
class Span:
    """A stated value as a closed interval in base units, with the tolerance it admits.

    ``zero`` is the zero of the unit the value was stated in, in base units: a tolerance is a
    share of the value as written, so "about 40°C" admits 36 to 44°C, not a tenth of 313
    kelvin (0 for every unit without an offset).
    """

    dimension: str
    low: float
    high: float
    tolerance: float
    zero: float = 0.0

    def widened(self) -> tuple[float, float]:
        """The interval widened by its tolerance on both sides."""
        return (
            self.low - abs(self.low - self.zero) * self.tolerance,
            self.high + abs(self.high - self.zero) * self.tolerance,
        )


@functools.cache
def to_base(unit: str) -> tuple[float, float, str]:
    """(scale, offset, dimension) that map a value in ``unit`` to base units.

    Non-physical units (currencies, counted nouns, "") map to themselves, so two values
    compare only when they name the same currency or noun.
    """
    registry = units()
    try:
        zero = registry.Quantity(0.0, unit).to_base_units()
        one = registry.Quantity(1.0, unit).to_base_units()
    except UNREADABLE_UNIT:
        return 1.0, 0.0, f"unit:{unit}"
    dimension = str(one.dimensionality)
    if unit.startswith(DELTA):
        dimension = f"difference of {dimension}"  # "25 °F above X" is no oven temperature
    return float(one.magnitude - zero.magnitude), float(zero.magnitude), dimension


def make_span(low: float | None, high: float | None, unit: str, *, approx: bool) -> Span | None:
    """A value as a :class:`Span`, or None when it carries no number."""
    if low is None and high is None:
        return None
    lo = low if low is not None else high
    hi = high if high is not None else low
    assert lo is not None and hi is not None
    scale, offset, dimension = to_base(unit)
    base = sorted((lo * scale + offset, hi * scale + offset))
    hedged = approx or unit in CALENDAR_UNITS
    return Span(dimension, base[0], base[1], APPROX_REL_TOL if hedged else EXACT_REL_TOL, offset)


def relate(reference: Span, other: Span) -> Relation:
    """EQUAL when the intervals match within tolerance, PARTIAL when they overlap, else CONFLICT."""
    if reference.dimension != other.dimension:
        return Relation.CONFLICT
    ref_lo, ref_hi = reference.widened()
    lo, hi = other.widened()
    if hi < ref_lo or lo > ref_hi:
        return Relation.CONFLICT
    tolerance = max(reference.tolerance, other.tolerance)
    same = _close(reference, reference.low, other, other.low, tolerance) and _close(
        reference, reference.high, other, other.high, tolerance
    )
    return Relation.EQUAL if same else Relation.PARTIAL


def _close(a: Span, a_value: float, b: Span, b_value: float, tolerance: float) -> bool:
    """Two bounds within ``tolerance`` of the larger one, each counted from its unit's zero."""
    return abs(a_value - b_value) <= tolerance * max(abs(a_value - a.zero), abs(b_value - b.zero))


def hull(spans: list[Span]) -> Span:
    """The smallest span holding all of one source's spans (same dimension)."""
    return Span(
        spans[0].dimension,
        min(s.low for s in spans),
        max(s.high for s in spans),
        max(s.tolerance for s in spans),
        spans[0].zero,
    )


def common_region(spans: Sequence[tuple[Span, int]]) -> Span:
    """The stretch of values the most sources' spans share, as a span of widened bounds.

    ``spans`` are distinct values with how many sources state each. Intervals on a line
    that overlap pairwise all share a point (Helly's theorem in one dimension), so the
    largest set of values that can all stand together is the set covering the point most
    spans cover; ties go to the smaller value. A value outside the returned region is
    disjoint from at least one value inside the set: "1-2 hours", "2-3 hours" and "4-24
    hours" give the region of the first two, and the third conflicts with them, although
    it touches neither the wide "2-4 hours" a fourth source may give.
    """
    bounds = [(span.widened(), count) for span, count in spans]

    def depth(x: float) -> int:
        return sum(count for (lo, hi), count in bounds if lo <= x <= hi)

    x = min((lo for (lo, _), _ in bounds), key=lambda lo: (-depth(lo), lo))
    members = [(lo, hi) for (lo, hi), _ in bounds if lo <= x <= hi]
    first = spans[0][0]
    return Span(first.dimension, max(lo for lo, _ in members), min(hi for _, hi in members), 0.0, first.zero)


def within(region: Span, span: Span) -> bool:
    """True when a value (widened by its tolerance) reaches into a :func:`common_region`."""
    lo, hi = span.widened()
    return region.dimension == span.dimension and lo <= region.high and hi >= region.low
