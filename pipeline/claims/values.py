"""Find quantities in claim text and normalize them: numbers, units, ranges, bounds, vagueness.

A quantity is a number (digits or words), a range ("four to six", "30 minutes to an
hour"), a bound ("at least 24 hours") or a vague amount ("a few days", "several
sessions") followed by a unit. Each becomes a canonical string plus numeric bounds so
the crossref stage can compare values from different pages numerically.

Canonical form: ``[qualifier]low[-high] unit``, where the qualifier is ``~`` (about),
``>=`` (at least) or ``<=`` (at most, within). Vague amounts keep words, folded to
two spellings so paraphrases agree (``"a few day"``; ``"several session"`` for "multiple"
or "a series of sessions"), are flagged ``vague`` and have no numeric bounds: a page that
says "a few days" never gets an invented number. A minus sign that opens a number is
kept ("-1.41%").

Number words go through text2num's ``text2num`` (one phrase at a time, so offsets stay
exact). Its ``alpha2digit`` is not used: it rewrites the string (offsets move) and by
design leaves "one" and "an hour" alone, both of which claims need.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from text_to_num import text2num

LOGGER = logging.getLogger(__name__)

#: Unit spellings -> canonical unit. Time units first; "session" counts repetitions.
UNIT_WORDS: dict[str, str] = {
    "second": "s", "seconds": "s", "sec": "s", "secs": "s",
    "minute": "min", "minutes": "min", "min": "min", "mins": "min",
    "hour": "h", "hours": "h", "hr": "h", "hrs": "h", "h": "h",
    "day": "day", "days": "day",
    "week": "week", "weeks": "week", "wk": "week", "wks": "week",
    "month": "month", "months": "month",
    "year": "year", "years": "year",
    "session": "session", "sessions": "session", "treatment": "session", "treatments": "session",
    "time": "time", "times": "time",
    "percent": "%", "per cent": "%", "%": "%",
}

#: Seconds per time unit, to merge "30 minutes to an hour" into one unit.
#: Months and years use 30 and 365 days: good enough to compare, never shown.
UNIT_SECONDS: dict[str, float] = {
    "s": 1, "min": 60, "h": 3600, "day": 86400, "week": 604800,
    "month": 2_592_000, "year": 31_536_000,
}

TIME_UNITS = frozenset(UNIT_SECONDS)

#: Words before a number -> qualifier of the canonical value.
QUALIFIER_WORDS: dict[str, str] = {
    "about": "~", "around": "~", "approximately": "~", "roughly": "~", "approx.": "~",
    "some": "~", "nearly": "~", "almost": "~",
    "at least": ">=", "a minimum of": ">=", "no less than": ">=", "more than": ">=",
    "at most": "<=", "up to": "<=", "within": "<=", "no more than": "<=", "less than": "<=",
    "under": "<=", "a maximum of": "<=",
}

#: Amount words that say "some number" without saying which: kept as words, flagged vague.
VAGUE_WORDS = ("a few", "a couple of", "a couple", "a series of", "a number of", "few", "several",
               "multiple", "many", "numerous", "some", "various")

#: Vague amounts that say the same thing, folded to one spelling so pages that say "multiple
#: sessions", "several sessions" and "a series of sessions" agree. Two degrees only: "a few"
#: (a small handful) and "several" (more than that, unbounded); anything finer would invent
#: a distinction the pages do not make.
VAGUE_CANONICAL: dict[str, str] = {
    "a few": "a few", "few": "a few", "a couple": "a few", "a couple of": "a few",
    "several": "several", "multiple": "several", "many": "several", "numerous": "several",
    "a series of": "several", "a number of": "several", "various": "several", "some": "several",
}

NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand"
)


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """Regex alternation, longest first so "a few" wins over "few"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMWORD = rf"(?:{_alternation(NUMBER_WORDS)})"
#: A minus sign is a sign only when it opens a word ("fell by -1.41%"); between two numbers
#: ("4-6") it is a range separator.
_SIGN = r"(?:(?<![\w.,])[-−](?=\d))?"
_NUMBER = rf"(?:{_SIGN}\d+(?:[.,]\d+)?|{_NUMWORD}(?:[\s-]+(?:and\s+)?{_NUMWORD})*|half\s+an?|an?)"
_UNIT = rf"(?:{_alternation(list(UNIT_WORDS))})"
_QUAL = rf"(?:{_alternation(list(QUALIFIER_WORDS))})"
_VAGUE = rf"(?:{_alternation(VAGUE_WORDS)})"
#: "4 -6%" is two numbers (the second negative), not a range: a hyphen after a space must be
#: followed by a space too.
_RANGE_SEP = r"(?:\s*(?:–|—|to|or)\s*|(?<=\S)-\s*|\s+-\s+)"

#: One quantity: qualifier? (vague | number [unit]? [sep number]) unit.
QUANTITY_RE = re.compile(
    rf"(?:\b|(?=[-−]\d))(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<vague>{_VAGUE})\s+(?:\w+\s+)?(?P<vunit>{_UNIT})\b"
    rf"|(?P<low>{_NUMBER})(?:\s*(?P<lunit>{_UNIT})\b)?"
    rf"(?:{_RANGE_SEP}(?:(?P<qual2>{_QUAL})\s+)?(?P<high>{_NUMBER}))?\s*(?P<unit>{_UNIT})(?![\w-]))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A normalized quantity and its span in the text it was found in."""

    value: str
    low: float | None
    high: float | None
    unit: str
    vague: bool
    start: int
    end: int

    @property
    def is_time(self) -> bool:
        """True for durations and intervals (minutes .. years)."""
        return self.unit in TIME_UNITS


def parse_number(words: str) -> float | None:
    """Read a number written in digits or English words ("24", "four", "twenty-four", "an")."""
    text = words.strip().lower()
    if re.fullmatch(r"[-−]\d+(?:\.\d+)?", text):
        return -float(text[1:])
    if text in ("a", "an"):
        return 1.0
    if re.fullmatch(r"half\s+an?", text):
        return 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        return float(text.replace(",", ""))
    try:
        return float(text2num(re.sub(r"\s+", " ", text), "en"))
    except ValueError:
        LOGGER.debug("not a number: %r", words)
        return None


def format_number(value: float) -> str:
    """Shortest stable form: 4.0 -> "4", 0.5 -> "0.5"."""
    return str(int(value)) if value == int(value) else f"{value:g}"


def canonical_unit(word: str) -> str:
    """Map a unit spelling to its canonical unit ("" when unknown)."""
    return UNIT_WORDS.get(word.lower(), "")


def convert(value: float, unit: str, target: str) -> float:
    """Convert between time units; other units pass through unchanged."""
    if unit == target or unit not in UNIT_SECONDS or target not in UNIT_SECONDS:
        return value
    return value * UNIT_SECONDS[unit] / UNIT_SECONDS[target]


def format_value(qualifier: str, low: float, high: float | None, unit: str) -> str:
    """Canonical string of a number or range with its unit."""
    number = format_number(low)
    if high is not None and high != low:
        number = f"{number}-{format_number(high)}"
    space = "" if unit == "%" else " "
    return f"{qualifier}{number}{space}{unit}"


def bounds(qualifier: str, low: float, high: float | None) -> tuple[float | None, float | None]:
    """Numeric (min, max) for a qualified value: ">=24" has no max, "<=3" no min."""
    top = low if high is None else high
    if qualifier == ">=":
        return low, None
    if qualifier == "<=":
        return None, top
    return low, top


def _vague_quantity(match: re.Match[str]) -> Quantity:
    """A vague amount: its words are the value, no numbers are invented."""
    qualifier = QUALIFIER_WORDS.get((match.group("qual") or "").lower(), "")
    unit = canonical_unit(match.group("vunit"))
    amount = VAGUE_CANONICAL[re.sub(r"\s+", " ", match.group("vague").lower())]
    return Quantity(f"{qualifier}{amount} {unit}", None, None, unit, True, match.start(), match.end())


def _exact_quantity(match: re.Match[str]) -> Quantity | None:
    """A number or range; mixed units ("30 minutes to an hour") go to the smaller unit."""
    unit = canonical_unit(match.group("unit"))
    low = parse_number(match.group("low"))
    high = parse_number(match.group("high")) if match.group("high") else None
    if low is None or (match.group("high") and high is None):
        return None
    if match.group("low").lower() in ("a", "an") and unit not in UNIT_SECONDS:
        return None  # "a treatment" names a thing, it does not count one
    low_unit = canonical_unit(match.group("lunit") or "") or unit
    if low_unit != unit and low_unit in UNIT_SECONDS and unit in UNIT_SECONDS:
        target = min(low_unit, unit, key=UNIT_SECONDS.__getitem__)
        low, high = convert(low, low_unit, target), None if high is None else convert(high, unit, target)
        unit = target
    start = match.start()
    if high is not None and high < low:
        # "-12.99 -5.44%" is two numbers, not a range: keep the one next to the unit.
        low, high, start = high, None, match.start("high")
    qualifier = QUALIFIER_WORDS.get((match.group("qual") or match.group("qual2") or "").lower(), "")
    value_min, value_max = bounds(qualifier, low, high)
    return Quantity(format_value(qualifier, low, high, unit), value_min, value_max, unit, False,
                    start, match.end())


def find_quantities(text: str) -> list[Quantity]:
    """Return every quantity with a unit in ``text``, in order, with spans into ``text``."""
    return list(_quantities(text))


@functools.lru_cache(maxsize=4096)
def _quantities(text: str) -> tuple[Quantity, ...]:
    """Cached scan: every frame matcher asks for the same clause's quantities."""
    found: list[Quantity] = []
    for match in QUANTITY_RE.finditer(text):
        quantity = _vague_quantity(match) if match.group("vague") else _exact_quantity(match)
        if quantity is not None:
            found.append(quantity)
    return tuple(found)
