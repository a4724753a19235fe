"""Every quantity of a parsed sentence: numbers, ranges, bounds, hedges and units.

A quantity is read token by token from spaCy's parse: the number (digits, number words,
fractions, "a" before a unit where English uses it for one), a second number after a
range joiner ("4 to 6", "4-6", "between 4 and 6"), the unit after it (read by ``pint``,
or a currency, a percent sign, or the counted noun), and the words around it that bound
or hedge it ("at least", "up to", "about") or make it a repetition ("every 3 months",
"twice a week", "4 weeks apart"). Every word the scanner reacts to comes from
:mod:`pipeline.claims.lexicon`.

Examples: "every 5,000 to 7,500 miles" -> 5000-7500 mile, repeating; "$22.6bn" ->
2.26e10 USD; "twice a day" -> 0.5 day, repeating; "at least 24 hours" -> 24 hour, lower
bound; "3 sessions" -> 3, a count of "session"; "from 2 to 4 pm" -> 14:00-16:00, a time of
day (hours after midnight).
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from dataclasses import dataclass, replace
from fractions import Fraction

import pint
from spacy.tokens import Span, Token
from text_to_num import text2num

from pipeline.claims.colons import is_label
from pipeline.claims.lexicon import lexicon

#: Digits with thousands separators and decimals, and an optional magnitude suffix ("22.6bn").
NUMBER_RE = re.compile(
    r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<suffix>[a-zA-Z]{0,2})$"
)
#: Two numbers the tokenizer left in one token: "3–6", "10-12".
JOINED_RANGE_RE = re.compile(r"^(\d+(?:\.\d+)?)[-–—](\d+(?:\.\d+)?)$")
#: The dimension of a number of years after a word of age ("at age 43").
AGE = "age"
#: A temperature, and a difference of two (pint's delta units, with the prefix below).
TEMPERATURE = "temperature"
TEMPERATURE_DIFFERENCE = "temperature_difference"
DELTA = "delta_"
#: pint's name for a unit divided by itself.
DIMENSIONLESS = "dimensionless"
#: Vulgar fractions and "1/2".
FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
SLASH_FRACTION_RE = re.compile(r"^(\d+)/(\d+)$")
#: Digits with an ordinal suffix: "1st", "22nd", "3rd", "4th".
ORDINAL_DIGITS_RE = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
#: A decade: "the 1960s", "the early 2000s".
#: A list number glued to the capitalized word after it ("3Remove the wrap"), as text copied
#: from a numbered list often is; a word never starts with digits and then a capital and
#: lowercase letters, so the tokenizer splits the number off. "3D" and "4x4" stay whole.
GLUED_LIST_NUMBER = r"[0-9]{1,2}(?=[A-Z][a-z]{2,})"
DECADE_RE = re.compile(r"^(\d{3}0)'?s$")
#: Two numbers written as a proportion: "1:10", "3:1" (a time of day is read before, by
#: :func:`_clock_time`).
PROPORTION_RE = re.compile(r"^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$")
#: The unit of a proportion: its value is the first number over the second ("1:10" is 0.1).
RATIO = "ratio"
#: A clock reading in one token, with a meridiem mark if glued on: "9:30", "17:00", "4:30pm",
#: "4.30pm" (a full stop parts hours from minutes only before a mark, see _clock_reading).
CLOCK_RE = re.compile(r"^(\d{1,2})([:.])([0-5]\d)([a-z.]*)$", re.IGNORECASE)
#: The unit of a time of day: hours after midnight, a point in the day (dimension "date").
TIME_OF_DAY = "time_of_day"
#: The unit of a date with its year: the day's number in the proleptic Gregorian calendar
#: (0001-01-01 is 1, Python's ``date.toordinal``), so dates compare and subtract as numbers.
CALENDAR_DAY = "calendar_day"
#: The unit of a date without a year ("on July 22"): the day's number in a leap year (1-366),
#: comparable with other dates written without a year only.
MONTH_DAY = "month_day"
#: A day of the month, with an ordinal suffix or without: "22", "22nd".
DAY_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$", re.IGNORECASE)
#: The leap year month-day dates are placed in, so that February 29 has a number.
LEAP_YEAR = 2000
#: The noun that counts repetitions: "3 times a day".
REPEAT_NOUN = "time"
#: The dimension of a bare number given to a named thing ("the median is 3", "a pH of 6.5").
STATED_NUMBER = "number"
#: Four-digit whole numbers with no unit and no counted noun are read as years.
YEAR_RANGE = (1500, 2200)
#: The open side of a bound turned around: how often against the time between, or under a negation.
FLIPPED_BOUND = {"min": "max", "max": "min"}
#: The ``bound`` of an amount on top of one given before ("another 5 minutes"): no total.
ADDED = "added"
#: What pint raises on a unit string it cannot read: an unknown name ("layer", "USD"), and
#: from its expression parser, for text that is not a unit expression at all: ValueError
#: ("3rd", "1/2"), TypeError ("a-b"), AssertionError ("**"), AttributeError.
UNREADABLE_UNIT = (pint.errors.UndefinedUnitError, AttributeError, TypeError, ValueError, AssertionError)


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity of a sentence, with the token indices (in the Doc) it spans.

    ``low``/``high`` are the numbers as stated, in ``unit``; a bound keeps its number on both
    sides and says which side is open in ``bound`` ("min": at least, "max": at most), so
    "at least a day" and "two to three days" compare by what they state. An amount added to
    one given before ("another 5 minutes", "two more coats") has the bound ``ADDED``.
    """

    low: float
    high: float
    unit: str
    dimension: str
    approx: bool
    bound: str
    repeat: bool
    start: int
    end: int
    head: int
    counted: str = ""
    #: The bound is a plain comparative ("more than 2 hours"), which a negation takes in its scope.
    comparative: bool = False

    def label(self) -> str:
        """A canonical text form: "~4-6 week", ">=24 hour", "3 session", "14:00-16:00",
        "2021-09-30", "--07-22" (a date without its year, as ISO 8601 writes it)."""
        prefix = {"min": ">=", "max": "<=", ADDED: "+"}.get(self.bound, "") + ("~" if self.approx else "")
        form, joiner = POINT_FORMS.get(self.unit, (_fmt, "-"))
        number = form(self.low) if self.low == self.high else f"{form(self.low)}{joiner}{form(self.high)}"
        unit = "" if self.unit in POINT_FORMS else self.unit or self.counted
        return f"{prefix}{number} {unit}".strip()


def _clock_face(hours: float) -> str:
    """Hours after midnight as a 24-hour clock reading: 9.5 -> "09:30"."""
    minutes = round(hours * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _iso_date(day: float) -> str:
    """A :data:`CALENDAR_DAY` number as an ISO 8601 date: 738064 -> "2021-09-30"."""
    return datetime.date.fromordinal(int(day)).isoformat()


def _month_day(day: float) -> str:
    """A :data:`MONTH_DAY` number as ISO 8601 writes a date without its year: 204 -> "--07-22"."""
    return _leap_date(day).strftime("--%m-%d")


def _leap_date(day: float) -> datetime.date:
    """The date a :data:`MONTH_DAY` number stands for, in :data:`LEAP_YEAR`: 204 -> July 22."""
    return datetime.date.fromordinal(datetime.date(LEAP_YEAR, 1, 1).toordinal() + int(day) - 1)


def _proportion_form(value: float) -> str:
    """A :data:`RATIO` value as the proportion of whole numbers it stands for: 0.1 -> "1:10"."""
    fraction = Fraction(value).limit_denominator(1000)
    return f"{fraction.numerator}:{fraction.denominator}"


def _fmt(value: float) -> str:
    """A number without a trailing ".0", rounded to 4 significant decimals."""
    return f"{value:.6g}" if value != int(value) else str(int(value))


#: Units of a point in time, printed as the point (no unit word after it), with the mark
#: between the two ends of a range: a time of day "09:30-10:00", a date interval
#: "2021-09-01/2021-09-30" (ISO 8601's solidus, since a date holds hyphens).
POINT_FORMS = {
    TIME_OF_DAY: (_clock_face, "-"),
    CALENDAR_DAY: (_iso_date, "/"),
    MONTH_DAY: (_month_day, "/"),
    RATIO: (_proportion_form, "-"),
}


@functools.cache
def units() -> pint.UnitRegistry:  # type: ignore[type-arg]
    """The pint registry (built once per process)."""
    return pint.UnitRegistry()


def is_ordinal(token: Token) -> bool:
    """True for "first", "second", "21st": ranks, not measures."""
    return token.lower_ in lexicon().ordinals or bool(ORDINAL_DIGITS_RE.match(token.text))


@functools.cache
def is_unit_word(word: str) -> bool:
    """True when a lemma names a unit of time or measure ("minute", "day", "inch"), per pint."""
    return len(word) > 2 and _pint_unit(word) is not None


@functools.cache
def is_time_word(word: str) -> bool:
    """True when a lemma names a unit of time ("minute", "day", "week"), per pint."""
    unit = _pint_unit(word) if len(word) > 2 else None
    return unit is not None and unit.dimension == "time"


def number_value(token: Token) -> float | None:
    """The number a single token writes, or None ("5,000", "2.5", "six", "½", "22.6bn")."""
    text = token.text.lower()
    if text in FRACTIONS:
        return FRACTIONS[text]
    sign = 1.0
    if _glued_minus(text):  # "-18"
        sign, text = -1.0, text[1:]
    match = NUMBER_RE.match(text)
    if match:
        value = sign * float(match["num"].replace(",", ""))
        suffix = match["suffix"]
        if not suffix:
            return value
        factor = lexicon().magnitudes.get(suffix)
        return value * factor if factor else None
    if sign < 0:
        return None
    fraction = SLASH_FRACTION_RE.match(text)
    if fraction and int(fraction[2]):
        return int(fraction[1]) / int(fraction[2])
    if token.like_num and token.is_alpha and not is_ordinal(token):
        try:
            return float(text2num(text, "en"))
        except ValueError:
            return None
    return None


def _glued_minus(text: str) -> bool:
    """Whether a token's text is a number with a minus glued before it ("-18")."""
    return text[:1] in lexicon().minus_marks and text[1:2].isdigit()


def _lemmas(tokens: list[Token]) -> tuple[str, ...]:
    """Lowercase lemmas of a run of tokens."""
    return tuple(t.lemma_.lower() if t.lemma_ else t.text.lower() for t in tokens)


def _phrase_before(sent: Span, index: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase that ends just before doc index ``index`` (0 when none)."""
    doc = sent.doc
    if index <= sent.start:
        return 0
    last = doc[index - 1]
    ends = (_lemmas([last])[0], last.lower_)  # a phrase that matches ends in one of these
    for phrase in phrases:
        start = index - len(phrase)
        if phrase[-1] in ends and start >= sent.start and (
            _lemmas(list(doc[start:index])) == phrase or tuple(t.lower_ for t in doc[start:index]) == phrase
        ):
            return len(phrase)
    return 0


def _phrase_after(sent: Span, index: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase that starts at doc index ``index`` (0 when none)."""
    doc = sent.doc
    if index >= sent.end:
        return 0
    first = doc[index].lower_  # a phrase that matches starts with it
    for phrase in phrases:
        end = index + len(phrase)
        if phrase[0] == first and end <= sent.end and tuple(t.lower_ for t in doc[index:end]) == phrase:
            return len(phrase)
    return 0


@dataclass(frozen=True, slots=True)
class _Unit:
    """A unit read at some tokens: its name, dimension and how many tokens it took."""

    name: str
    dimension: str
    width: int
    scale: float = 1.0
    #: Offset of the unit's head word in its span; -1 for the last word.
    head: int = -1

    @property
    def head_offset(self) -> int:
        """Offset of the unit's head word in its span: its last word unless ``head`` says."""
        return self.head if self.head >= 0 else self.width - 1


@functools.cache
def _pint_unit(word: str) -> _Unit | None:
    """A pint unit for one word (aliases first), when its dimension is one the stage keeps.

    Cached: pint parses a name in about 0.2 ms, and every word after a number is tried.
    """
    lex = lexicon()
    name = lex.unit_aliases.get(word, word)
    if name == "degree":
        name = lex.bare_degree  # a degree of no scale; angles are told apart in _bare_degree
    if not name or not re.fullmatch(r"[a-z_°/]+", name, re.IGNORECASE):
        return None
    try:
        parsed = units().parse_units(name)
        readings = units().parse_unit_name(name)
    except UNREADABLE_UNIT:
        return None
    if readings and all(prefix and root not in lex.prefixed_units for prefix, root, _ in readings):
        return None  # "pH": no pico-henry
    if not parsed.dimensionality:
        # A ratio of two amounts of one kind ("cups per gallon") is a measure, and so is a
        # fraction pint scales below one ("3 ppm", like "3 percent"); angles and cycles are
        # counted things.
        fraction = units().Quantity(1.0, name).to_base_units().magnitude < 1
        return _Unit(str(parsed), "ratio", 1) if "/" in name or fraction else None
    dimension = _dimension_names().get(frozenset(parsed.dimensionality.items()))
    return _Unit(str(parsed), dimension, 1) if dimension else None


@functools.cache
def _dimension_names() -> dict[frozenset[tuple[str, object]], str]:
    """The kept dimensionalities of ``unit_dimensions`` by their base dimensions and powers.

    Compared as sets, not as pint's text, which orders the factors by how a unit is defined:
    horsepower prints "[length] ** 2 * [mass] / [time] ** 3", the watt "[mass] * [length] ** 2
    / [time] ** 3".
    """
    dimensionality = units().get_dimensionality
    return {frozenset(dimensionality(key).items()): name for key, name in lexicon().dimensions.items()}


def read_unit(sent: Span, index: int) -> _Unit | None:
    """The unit at doc index ``index``, with a "per" unit after it ("pounds per second").

    The stuff measured may stand between the two ("40 liters of water per minute"): the
    unit is still a rate, and its head stays the first unit, whose "of" names the stuff.
    """
    unit = _read_simple_unit(sent, index)
    if unit is None or unit.dimension in ("count", "money", "ratio"):
        return unit
    after = index + unit.width
    if after + 1 < sent.end and _rate_follows(sent, after):
        per = _read_simple_unit(sent, after + 1)
        if per is not None and per.dimension not in ("count", "money", "ratio"):
            rate = _pint_unit(f"{unit.name}/{per.name}")
            if rate is not None:
                return _Unit(rate.name, rate.dimension, unit.width + 1 + per.width)
    return _rate_of(sent, index, unit) or unit


def _rate_of(sent: Span, index: int, unit: _Unit) -> _Unit | None:
    """A unit, the stuff it measures, then the unit it is divided by.

    "2 cups of food a day" (a rate in time), "1 cup of salt per gallon of water" and "3 cups
    salt per 1 gallon" (a ratio of two amounts). The stuff is an "of" phrase or bare nouns;
    a period may follow any word of :data:`rate_of`, another unit only "per" (or "/"), since
    "a cup of salt a gallon" is rare and "a" is too often an article.
    """
    if unit.dimension == "time":
        return None  # "12 hours a day" is a share of each day, not a rate
    lex = lexicon()
    doc = sent.doc
    stuff = stuff_end(sent, index + unit.width)
    # With no stuff named, a word that divides may follow ("1 tablespoon for every gallon"),
    # or a word of rate before a period ("2 cups a day"; see the period check below).
    word = stuff if stuff is not None else index + unit.width
    divides = _divider_width(sent, index, word)
    if word + 1 >= sent.end:
        return None
    if not divides and doc[word].lower_ not in lex.rate_of:
        return None
    start = word + max(divides, 1)
    if start >= sent.end:
        return None  # "1 cup of salt for every", cut short
    divisor = number_value(doc[start])
    if divisor:
        start += 1  # "per 5 gallons": the ratio is per one gallon
    elif doc[start].lower_ in lex.articles:
        start += 1  # "per a gallon"
    per = _read_simple_unit(sent, start)
    if per is None or per.dimension in ("count", "money", "ratio"):
        return None
    if per.dimension != "time" and doc[word].lower_ not in lex.rate and not divides:
        return None
    if stuff is None and not divides and per.dimension != "time":
        return None  # "3 pounds a bag" is rare; "a" is too often an article
    rate = _pint_unit(f"{unit.name}/{per.name}")
    if rate is None or rate.name == DIMENSIONLESS:
        return None  # "2 cups of flour to 1 cup of butter" stays two amounts, not a bare 2
    scale = unit.scale / divisor if divisor else unit.scale
    return _Unit(rate.name, rate.dimension, start + per.width - index, scale, unit.width - 1)


def _divider_width(sent: Span, unit_at: int, word: int) -> int:
    """Words at ``word`` that divide the amount whose unit is at ``unit_at`` by the one after
    them, or 0.

    "for every" and "for each" always do ("1 cup of salt for every gallon"); "to" does after
    a noun of proportion ("a ratio of 1 cup of salt to 1 gallon of water").
    """
    lex = lexicon()
    doc = sent.doc
    words = tuple(t.lower_ for t in doc[word : min(word + 2, sent.end)])
    for phrase in lex.rate_phrases:
        if words[: len(phrase)] == phrase:
            return len(phrase)
    return 1 if _of_a_proportion(sent, unit_at - 1) and words[:1] == ("to",) else 0


def _of_a_proportion(sent: Span, before: int) -> bool:
    """Whether a number whose words end at ``before`` follows the "of" of a noun of proportion:
    "a ratio of 1 cup of salt ...", "a ratio of 1 to 10"."""
    doc = sent.doc
    lead = before  # step back over the number's words to what comes before it
    while lead >= sent.start and (doc[lead].like_num or doc[lead].text in FRACTIONS):
        lead -= 1
    of = doc[lead] if lead >= sent.start else None
    return of is not None and of.lower_ == "of" and of.head.lemma_.lower() in lexicon().proportion_nouns


def stuff_end(sent: Span, index: int) -> int | None:
    """Where the stuff a unit measures ends: after an "of" phrase, or after bare nouns
    ("cups of kosher salt", "cups kosher salt"); None when no stuff is named."""
    doc = sent.doc
    if index >= sent.end:
        return None
    if doc[index].lower_ == "of":
        stuff = [t for t in doc[index].children if t.dep_ == "pobj"]
        return stuff[0].i + 1 if stuff else None
    end = index
    while end < sent.end and doc[end].is_alpha and doc[end].pos_ in ("NOUN", "PROPN", "ADJ"):
        end += 1
    return end if end > index else None


def _read_simple_unit(sent: Span, index: int) -> _Unit | None:
    """The unit written at doc index ``index``: percent, currency word, magnitude or pint unit."""
    lex = lexicon()
    doc = sent.doc
    if index >= sent.end:
        return None
    width = _phrase_after(sent, index, lex.percent)
    if width:
        return _Unit("percent", "ratio", width)
    token = doc[index]
    word = token.lower_
    if word in lex.magnitudes and token.is_alpha and len(word) > 2:
        inner = _read_simple_unit(sent, index + 1)
        scale = lex.magnitudes[word]
        if inner is not None and inner.dimension == "money":
            return _Unit(inner.name, "money", inner.width + 1, scale * inner.scale)
        return _Unit("", "count", 1, scale)
    currency = lex.currency_words.get(token.lemma_.lower())
    if currency:
        return _Unit(currency, "money", 1)
    power = _raised_unit(sent, index)
    if power is not None:
        return power
    for width in (3, 2):  # "parts per million", "fl oz"
        words = " ".join(t.lower_ for t in doc[index : index + width]) if index + width <= sent.end else ""
        unit = _pint_unit(words) if words in lex.unit_aliases else None
        if unit is not None:
            return _Unit(unit.name, unit.dimension, width)
    if lex.unit_aliases.get(token.lemma_.lower()) == "degree":
        follow = lex.unit_aliases.get(doc[index + 1].lower_, "") if index + 1 < sent.end else ""
        if follow.startswith("degree_"):
            return _Unit(follow, "temperature", 2)
        return _bare_degree(sent)
    if word in lex.meridiem:
        return None  # a clock's mark, never a unit: "14 pm" is no picometer
    # A listed abbreviation is a unit after a number however the tagger reads it ("6 tbsp" as a verb).
    listed = word in lex.unit_aliases
    if not listed and (not token.is_alpha or token.pos_ not in ("NOUN", "PROPN", "SYM", "X", "ADJ")):
        return None
    if len(word) < 2 and not listed:
        return None
    if token.lemma_.lower() in lex.noun_units and not _rate_follows(sent, index + 1):
        return None  # "in a bag", "3 points": counted nouns; "20 grains per gallon" stays a measure
    # Lowercase first ("Minutes"), then as written, for symbols whose case matters ("kWh", "mAh").
    unit = _pint_unit(word) or _pint_unit(token.text) or _pint_unit(token.lemma_.lower())
    return unit


def _raised_unit(sent: Span, index: int) -> _Unit | None:
    """An area or a volume: a word of power before a unit of length ("square feet", "cubic
    metres", "sq ft"), read by pint as the length raised to that power."""
    doc = sent.doc
    power = lexicon().unit_powers.get(doc[index].lower_)
    if power is None or index + 1 >= sent.end:
        return None
    following = doc[index + 1]
    base = _pint_unit(following.lower_) or _pint_unit(following.lemma_.lower())
    if base is None or base.dimension != "length":
        return None
    # pint's own name when it has one ("square_foot", "cubic_yard"), else the power ("meter ** 3").
    word = max((w for w, p in lexicon().unit_powers.items() if p == power), key=len)
    named = _pint_unit(f"{word}_{base.name}")
    if named is not None:
        return _Unit(named.name, named.dimension, 2)
    parsed = units().parse_units(f"{base.name} ** {power}")
    dimension = _dimension_names().get(frozenset(parsed.dimensionality.items()))
    return _Unit(str(parsed), dimension, 2) if dimension else None


def _modified_unit(sent: Span, index: int) -> _Unit | None:
    """A unit after a word that modifies it: "5 to 7 business days", "3 working days", "two
    full cups"; pint's unit of the two words when it has one ("20 fluid ounces")."""
    doc = sent.doc
    word, noun = doc[index], doc[index + 1]
    if not word.is_alpha or word.dep_ not in ("compound", "amod") or word.head.i != noun.i:
        return None
    joined = _pint_unit(f"{word.lower_}_{noun.lemma_.lower()}")
    unit = joined or read_unit(sent, index + 1)
    return _Unit(unit.name, unit.dimension, unit.width + 1, unit.scale) if unit is not None else None


def _rate_follows(sent: Span, index: int) -> bool:
    """Whether a word that divides one unit by another stands at ``index`` ("per", "/")."""
    return index < sent.end and sent.doc[index].lower_ in lexicon().rate


def _bare_degree(sent: Span) -> _Unit | None:
    """A degree with no scale: a temperature (see ``bare_degree`` in english.toml), or, in a
    sentence about angles ("tilt the panel 30 degrees"), no unit of the stage's."""
    lex = lexicon()
    if any(t.lemma_.lower() in lex.angle_words for t in sent):
        return None
    return _Unit(lex.bare_degree, "temperature", 1)


def glued_unit_suffixes() -> list[str]:
    """Tokenizer suffixes that split a unit abbreviation off its number ("20min", "1hr", "350F"),
    and a full stop off such a unit at the end of a sentence ("at 450F.")."""
    aliases = (w for w in lexicon().unit_aliases if w.isalpha() and len(w) > 1)
    words = sorted(aliases, key=lambda w: (-len(w), w))
    # Not inside a code of letters and digits ("A1c"); a one-letter scale only as a capital ("350F").
    number = r"(?<=[0-9])(?<![A-Za-z][0-9])"
    return [
        number + "(?i:" + "|".join(re.escape(w) for w in words) + ")",
        number + "[FC]",
        r"(?<=[0-9][A-Za-z])\.",
    ]


def _counted(token: Token, sent: Span) -> str:
    """The noun a bare number counts: its head noun, the noun right after it, or the set it
    counts out of ("two of the engines")."""
    doc = sent.doc
    if (
        token.dep_ in ("nummod", "quantmod")
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.head.i > token.i
    ):
        return token.head.lemma_.lower()
    nxt = token.i + 1
    if nxt < sent.end and doc[nxt].lower_ in lexicon().couple_words:  # "a couple of big visits"
        nxt += 2
        while nxt < sent.end and doc[nxt].pos_ == "ADJ":
            nxt += 1
    if nxt < sent.end and doc[nxt].pos_ == "NOUN":
        return doc[nxt].lemma_.lower()
    # "one of the engines" singles one out of a set ("one of the best ways"): no count; nor
    # does the whole of a numbered item ("week 2 of 12 of the plan").
    whole = token.dep_ == "pobj" and token.head.lower_ in lexicon().count_of
    count_of = lexicon().count_of if number_value(token) != 1 and not whole else frozenset()
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in count_of):
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
        # A set is named as one: "two of the engines", "seven of his assists" ("the 7 of hearts" is a card).
        if noun is not None and any(c.dep_ in ("det", "poss") for c in noun.children):
            return noun.lemma_.lower()
    return ""


def _article_one(sent: Span, index: int) -> bool:
    """True when "a"/"an" at ``index`` stands for one: "for a week", "up to an hour", "an inch of
    water", "a dozen eggs".

    After a verb, "a" + unit names one of it only when "of" follows (a measure of some
    stuff): "a day" alone is as often a time as a length ("a day at the beach").
    """
    token = sent.doc[index]
    if token.lower_ not in lexicon().articles:
        return False
    after = sent.doc[index + 1] if index + 1 < sent.end else token
    if after.lower_ in lexicon().magnitudes and len(after.lower_) > 2:
        return True  # "a dozen eggs", "a million people": one of that many
    unit = read_unit(sent, index + 1)
    if unit is None or unit.dimension in ("count", "ratio"):
        return False
    if sent.doc[index + 1].dep_ == "amod":
        return False  # "a second coat", "a minute hand": the word describes the noun after it
    # "of" right after the unit word, or inside a rate the unit reader took whole ("of water per week").
    measure_of = any(t.lower_ == "of" for t in sent.doc[index + 2 : min(index + 2 + unit.width, sent.end)])
    return measure_of or _phrase_before(sent, index, lexicon().article_one_after) > 0


def _couple(sent: Span, index: int) -> _Scan | None:
    """ "a couple of days", "every couple of weeks": a noun of a small number and its "of"."""
    lex = lexicon()
    doc = sent.doc
    start = index + 1 if doc[index].lower_ in lex.articles else index
    if start + 2 >= sent.end or doc[start + 1].lower_ != lex.couple_link or doc[start + 2].pos_ == "DET":
        return None  # "a couple of the kids" picks some out of a set
    value = lex.couple_words.get(doc[start].lower_)
    return _Scan(index, start + 2, value, value, start + 1) if value is not None else None


def _fraction_of_one(sent: Span, index: int) -> _Scan | None:
    """ "half an hour", "half a cup": a fraction word, an article, then a unit."""
    doc = sent.doc
    fraction = lexicon().fractions.get(doc[index].lower_)
    if (
        fraction is None
        or index + 2 >= sent.end
        or doc[index + 1].lower_ not in lexicon().articles
        or read_unit(sent, index + 2) is None
    ):
        return None
    return _Scan(index, index + 2, fraction, fraction, index)


def _and_a_fraction(sent: Span, end: int) -> tuple[float, int]:
    """The fraction after a whole number ("two and a half", "1 1/2") and where it ends; (0, end) if none."""
    lex = lexicon()
    after = sent.doc[end] if end < sent.end else None
    if after is not None and SLASH_FRACTION_RE.match(after.text) and sent.doc[end - 1].text.isdecimal():
        part = number_value(after)
        if part is not None and part < 1:
            return part, end + 1  # a mixed number: "1 1/2 cups"
    joiner = _phrase_after(sent, end, lex.fraction_joiners)
    if joiner and end + joiner < sent.end:
        fraction = lex.fractions.get(sent.doc[end + joiner].lower_)
        if fraction is not None:
            return fraction, end + joiner + 1
    return 0.0, end


@dataclass(slots=True)
class _Scan:
    """A quantity being read: where it is and what has been found so far."""

    start: int
    end: int
    low: float
    high: float
    head: int


def _read_number(sent: Span, index: int) -> _Scan | None:
    """A number or range starting at doc index ``index``."""
    doc = sent.doc
    token = doc[index]
    joined = JOINED_RANGE_RE.match(token.text)
    if joined:
        low, high = float(joined[1]), float(joined[2])
        # English writes a range from low to high; "24-17" and "0-0" are scores or records.
        return _Scan(index, index + 1, low, high, index) if low < high else None
    decade = DECADE_RE.match(token.text)
    if decade:
        return _Scan(index, index + 1, float(decade[1]), float(decade[1]) + 9, index)
    if _article_one(sent, index):
        return _Scan(index, index + 1, 1.0, 1.0, index)
    couple = _couple(sent, index)
    if couple is not None:
        return couple
    fraction = _fraction_of_one(sent, index)
    if fraction is not None:
        return fraction
    value = number_value(token)
    if value is None:
        return None
    end = index + 1
    while (
        end < sent.end
        and doc[end].is_alpha
        and doc[end].like_num
        and number_value(doc[end]) is not None
        and doc[end].lower_ not in lexicon().articles
    ):
        end += 1  # "twenty five": read the words together
    if end > index + 1:
        try:
            value = float(text2num(" ".join(t.lower_ for t in doc[index:end]), "en"))
        except ValueError:
            end = index + 1
    extra, after = _and_a_fraction(sent, end)
    after = _restated_in_figures(sent, after, value + extra)
    scan = _Scan(index, after, value + extra, value + extra, end - 1)
    if index > sent.start and doc[index - 1].lower_ in lexicon().minus_words:  # "minus 20 degrees"
        scan = _Scan(index - 1, after, -scan.low, -scan.high, scan.head)
    return _read_range_end(sent, scan)


def _one_against_another(sent: Span, quantity: Quantity) -> bool:
    """Whether a count of one is set against "another" or "the other" after a preposition:
    "from one can to another" picks a can out and counts none."""
    if quantity.low != 1 or quantity.high != 1:
        return False
    after = sent.doc[quantity.end : min(quantity.end + 5, sent.end)]
    prep = next((t for t in after if t.pos_ == "ADP"), None)  # past the counted noun
    if prep is None or not all(t.pos_ in ("NOUN", "ADJ") for t in sent.doc[quantity.end : prep.i]):
        return False
    others = lexicon().reciprocal_others
    return any(t.lower_ in others for t in sent.doc[prep.i + 1 : min(prep.i + 3, sent.end)])


def _restated_in_figures(sent: Span, end: int, value: float) -> int:
    """The end of a number restated in figures in brackets right after it: "three (3) months".

    Contracts and care labels write a number in words and then in figures; the figures say
    the number again, so the unit after them is the number's. ``end`` when none follows.
    """
    doc = sent.doc
    if end + 2 >= sent.end or doc[end].text != "(" or doc[end + 2].text != ")":
        return end
    return end + 3 if number_value(doc[end + 1]) == value else end


def _joins_range(sent: Span, joiner: int, start: int) -> bool:
    """Whether the word at ``joiner`` joins a range whose first end starts at ``start``: a range
    joiner, and a closer such as "and" only after an opener ("between 4 and 6")."""
    lex = lexicon()
    word = sent.doc[joiner].lower_
    if word not in lex.range_joiners:
        return False
    opener = sent.doc[start - 1].lower_ if start > sent.start else ""
    return word not in lex.range_closers or opener in lex.range_openers


def _read_range_end(sent: Span, scan: _Scan) -> _Scan:
    """Extend a number into a range when a joiner and a second number follow ("4 to 6")."""
    doc = sent.doc
    lex = lexicon()
    joiner = scan.end
    if joiner + 1 >= sent.end or doc[joiner].lower_ not in lex.range_joiners:
        return scan
    # A currency symbol may open the second end: "$100 to $300".
    skip = 1 if lex.currency_symbols.get(doc[joiner + 1].text) and joiner + 2 < sent.end else 0
    second = number_value(doc[joiner + 1 + skip])
    if second is None or second < scan.low:
        return scan
    before = (
        scan.start
        - 1
        - (1 if scan.start > sent.start and doc[scan.start - 1].text in lex.currency_symbols else 0)
    )
    if not _joins_range(sent, joiner, before + 1):
        return scan
    return _Scan(scan.start, joiner + 2 + skip, scan.low, second, joiner + 1 + skip)


def _frequency(sent: Span, index: int) -> tuple[_Scan, _Unit] | None:
    """ "once a week", "twice daily", "3 times per day", "once or twice a week" as a period."""
    lex = lexicon()
    doc = sent.doc
    token = doc[index]
    counts: list[float] = []
    end = index
    alternate = _every_nth(sent, index)
    if alternate is not None:
        return alternate
    adverbial = token.pos_ == "ADV" or token.dep_ == "advmod"  # "test the water quarterly" (ADJ)
    if token.lower_ in lex.periodic and (adverbial or _on_schedule(token) or misread_period(token)):
        return _periodic(sent, index, index, [1.0])
    listed = _bare_day_parts(sent, index)
    if listed is not None:
        return listed
    if token.lower_ in lex.times:
        counts.append(float(lex.times[token.lower_]))
        end = index + 1
    elif token.text[-1:].lower() in lex.times_marks and token.text[:-1].isdigit():  # "2x a day"
        counts.append(float(token.text[:-1]))
        end = index + 1
    else:
        number = _read_number(sent, index)  # "3 times", "2-3 times", "two to three times"
        if number is None or number.end >= sent.end:
            return None
        times = doc[number.end].lemma_.lower() == REPEAT_NOUN
        after = number.end + 1 if times else _occurrences(sent, number.end)
        if after is None:
            return None
        counts.extend((number.low, number.high))
        end = after
    also = _or_times(sent, end)
    if also is not None:
        counts.append(also)
        end += 2
    if min(counts) <= 0:
        return None
    if end < sent.end and doc[end].lower_ in lex.periodic:  # "twice daily"
        return _periodic(sent, index, end, counts)
    if end < sent.end and doc[end].lower_ in lex.count_windows:  # "3 times in 24 hours"
        return _in_window(sent, index, end + 1, counts)
    if end >= sent.end or doc[end].lower_ not in lex.every:
        return None
    # "once every three months", "twice every 10 days": the period is that many units.
    periods = _read_number(sent, end + 1) if end + 1 < sent.end else None
    single = periods is not None and periods.low == periods.high
    length, at = (periods.low, periods.end) if periods is not None and single else (1.0, end + 1)
    unit = read_unit(sent, at)
    if unit is None or unit.dimension != "time" or length <= 0:
        return None
    scan = _Scan(index, at + unit.width, length / max(counts), length / min(counts), at)
    return scan, unit


def _occurrences(sent: Span, index: int) -> int | None:
    """The index after a counted plural noun at ``index`` (after any adjective: "three small
    meals") that a period of a rate follows: "2 meals a day", "3 to 4 feedings per night",
    "10,000 steps a day" count occurrences in each period, as "3 times a day" does. Not a unit
    ("2 cups a day" is an amount in a time), nor a noun no period follows ("3 seeds per hole"),
    nor one after "every" or "each", which give the amount each time ("take 2 tablets every
    day"). None elsewhere."""
    doc = sent.doc
    while index < sent.end and doc[index].tag_ == "JJ":
        index += 1
    if index + 2 >= sent.end or doc[index].tag_ not in ("NNS", "NNPS") or read_unit(sent, index) is not None:
        return None
    lex = lexicon()
    if doc[index + 1].lower_ not in lex.every - lex.every_strict:
        return None
    period = read_unit(sent, index + 2)
    return index + 1 if period is not None and period.dimension == "time" else None


def _or_times(sent: Span, index: int) -> float | None:
    """The multiplicative adverb that closes a range at ``index``: "once or twice" read from "or"."""
    lex = lexicon()
    doc = sent.doc
    if index + 1 < sent.end and doc[index].lower_ in lex.range_joiners and doc[index + 1].lower_ in lex.times:
        return float(lex.times[doc[index + 1].lower_])
    return None


def _times_as(sent: Span, index: int) -> Quantity | None:
    """A multiple of another amount, as the proportion of the two: "twice as much as kosher
    salt", "half as long", "three times as many" are 2:1, 1:2 and 3:1 (unit :data:`RATIO`).

    Not a count of times ("three times" alone) nor a frequency: the equative "as" and the
    adjective or adverb after it make it a comparison. Nor a percentage: a share of another
    amount is no concentration, which pint would count as a number of the same dimension
    ("a cup per gallon").
    """
    lex = lexicon()
    doc = sent.doc
    word = doc[index]
    if word.lower_ in lex.fractions:
        factor, end = lex.fractions[word.lower_], index + 1
    elif word.lower_ in lex.times:
        factor, end = float(lex.times[word.lower_]), index + 1
    else:
        number = number_value(word)
        counts_times = index + 1 < sent.end and doc[index + 1].lemma_.lower() == REPEAT_NOUN
        if number is None or not counts_times:
            return None
        factor, end = number, index + 2
    if end + 1 >= sent.end or doc[end].lower_ != lex.equative or doc[end + 1].pos_ not in ("ADJ", "ADV"):
        return None
    scan = _Scan(index, end + 2, factor, factor, index)
    return replace(_build(sent, scan, _Unit(RATIO, "ratio", 0), repeat=False), counted="")


def _multiple(sent: Span, index: int) -> Quantity | None:
    """A multiplicative adverb after its verb as a count of times: "repeat twice", "stir once
    before serving" (as "3 times"); read after :func:`_frequency`, which takes it when a
    period follows ("twice a day").

    Not "once" as a conjunction ("once the oil is hot") nor before what it modifies ("once
    popular", "I once saw"), where it means formerly.
    """
    token = sent.doc[index]
    times = lexicon().times
    if token.lower_ not in times or token.pos_ != "ADV" or token.dep_ != "advmod":
        return None
    if not (token.head.i < token.i or token.head.pos_ == "ADP"):
        return None
    low = high = float(times[token.lower_])
    end = index + 1
    also = _or_times(sent, end)
    if also is not None:
        high, end = also, end + 2  # "once or twice"
    quantity = _build(sent, _Scan(index, end, low, high, index), None, repeat=False)
    return replace(quantity, counted=REPEAT_NOUN)


def _in_window(sent: Span, index: int, at: int, counts: list[float]) -> tuple[_Scan, _Unit] | None:
    """ "3 times in 24 hours", "twice within a week": the span of time shared out over the
    repetitions, one every 8 hours, every half week, as "3 times a day" is one every third of
    a day. ``at`` is the doc index after the word of the window."""
    if at >= sent.end:
        return None
    if sent.doc[at].lower_ in lexicon().articles:  # "in a day": one of it
        span, unit_at = 1.0, at + 1
    else:
        number = _read_number(sent, at)
        if number is None or number.low != number.high or number.low <= 0:
            return None
        span, unit_at = number.low, number.end
    unit = read_unit(sent, unit_at) if unit_at < sent.end else None
    if unit is None or unit.dimension != "time":
        return None
    return _Scan(index, unit_at + unit.width, span / max(counts), span / min(counts), unit_at), unit


def misread_period(word: Token) -> bool:
    """A word of period closing a clause, read as a noun that the object before it modifies.

    In "mow the lawn weekly" the tagger may take "weekly" for the noun (a weekly paper) and
    "lawn" for its modifier; English puts such an adverb after the object, and a noun "weekly"
    would have its own determiner ("the local weekly").
    """
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return (
        word.lower_ in lexicon().periodic
        and word.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "compound" and c.i == word.i - 1 for c in word.children)
        and (after is None or after.is_punct or after.dep_ == "cc")
    )


def _on_schedule(word: Token) -> bool:
    """A word of period before a noun of a regular pattern after "on": "on a weekly basis".

    Elsewhere the phrase names the pattern ("our weekly schedule is posted on the door").
    """
    noun = word.head
    return (
        noun.lemma_.lower() in lexicon().schedule_nouns
        and noun.dep_ == "pobj"
        and noun.head.lower_ == lexicon().schedule_preposition
    )


def _every_nth(sent: Span, index: int) -> tuple[_Scan, _Unit] | None:
    """ "every other day" (every 2 days), "every 3rd week" (every 3 weeks), "every half hour"
    and "every day" (one is understood) as a period."""
    lex = lexicon()
    doc = sent.doc
    if index + 1 >= sent.end or doc[index].lower_ not in lex.every_strict:
        return None
    step_word = doc[index + 1]
    if step_word.lower_ in lex.alternate:
        step = 2.0
    elif ORDINAL_DIGITS_RE.match(step_word.text):
        step = float(step_word.text[:-2])
    elif step_word.lower_ in lex.fractions:
        step = lex.fractions[step_word.lower_]
    else:
        return _every_one(sent, index)
    unit = read_unit(sent, index + 2)
    if unit is None and _repeating_day_part(sent, index + 2):  # "every other morning"
        unit = _pint_unit(lex.day_parts[doc[index + 2].lemma_.lower()])
    if unit is None or unit.dimension != "time" or step <= 0:
        return None
    return _Scan(index, index + 2 + unit.width, step, step, index + 2), _Unit(unit.name, unit.dimension, 0)


def _every_one(sent: Span, index: int) -> tuple[_Scan, _Unit] | None:
    """ "every day", "each week": a unit of time right after the word of repetition, one of it.

    A part of the day recurs once a day ("water them every morning"). Not as a subject:
    "every day is different" speaks of days, it repeats nothing.
    """
    if _repeating_day_part(sent, index + 1):
        return _day_parts(sent, index, index + 1)
    unit = read_unit(sent, index + 1)  # no unit for a part of the day that does not recur
    if unit is None:
        return _every_event(sent, index)
    if unit.dimension != "time" or sent.doc[index + 1].dep_ in ("nsubj", "nsubjpass"):
        return None
    return _Scan(index, index + 1 + unit.width, 1.0, 1.0, index + 1), _Unit(unit.name, unit.dimension, 0)


def _every_event(sent: Span, index: int) -> tuple[_Scan, _Unit] | None:
    """ "after every ride", "before each use": an act done once per event, the event its unit.

    Only where a preposition of time takes the event ("check the tires before every ride"):
    "clean every surface" and "every dog needs a walk" repeat nothing.
    """
    word = sent.doc[index]
    event = word.head
    prep = event.head
    if word.dep_ != "det" or event.pos_ != "NOUN" or event.i <= index or event.i >= sent.end:
        return None
    # "after every 5 hours of use" counts hours, not uses: no number or unit is the event.
    if any(t.like_num for t in sent.doc[index + 1 : event.i]) or read_unit(sent, event.i) is not None:
        return None
    if event.dep_ != "pobj" or prep.lower_ not in lexicon().event_preps:
        return None
    return _Scan(index, event.i + 1, 1.0, 1.0, event.i), _Unit(event.lemma_.lower(), "count", 0)


def _repeating_day_part(sent: Span, index: int) -> bool:
    """Whether the part of the day at ``index`` recurs ("every night"): not as a subject, nor
    as a modifier of another noun ("every night light", "each morning glory vine")."""
    if index >= sent.end or sent.doc[index].lemma_.lower() not in lexicon().day_parts:
        return False
    word = sent.doc[index]
    following = sent.doc[index + 1] if index + 1 < sent.end else None
    modifier = (word.dep_ in ("compound", "amod", "nmod") and word.head.i > word.i) or (
        following is not None and following.pos_ == "NOUN"
    )
    return not modifier and word.dep_ not in ("nsubj", "nsubjpass")


def repeats_daily(token: Token) -> bool:
    """Whether a part of the day is one of a list that recurs each day ("every morning", "brush
    the dog morning and night"): it says how often, and names no thing, wherever the parser
    hangs it (often as the verb's object)."""
    lex = lexicon()
    sent, doc = token.sent, token.doc
    if token.lemma_.lower() not in lex.day_parts:
        return False
    first = token.i
    while (
        first - 2 >= sent.start
        and doc[first - 1].lower_ in lex.day_part_joiners
        and doc[first - 2].lemma_.lower() in lex.day_parts
    ):
        first -= 2
    if first > sent.start and doc[first - 1].lower_ in lex.every_strict:
        return True
    return _bare_day_parts(sent, first) is not None


def _bare_day_parts(sent: Span, index: int) -> tuple[_Scan, _Unit] | None:
    """ "Brush the dog morning and night": parts of the day listed bare after a verb recur each
    day, as "every morning and night" does (twice a day). One part alone is a time, not a
    repetition ("leave it overnight"), and so is one after a preposition or determiner ("in the
    morning and at night", "the morning and the night") or before a noun it modifies ("morning
    and evening walks").
    """
    doc = sent.doc
    if index == sent.start or not _repeating_day_part(sent, index):
        return None
    before = doc[index - 1]
    lex = lexicon()
    if before.pos_ in ("ADP", "DET") or before.lower_ in lex.every_strict | lex.day_part_joiners:
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start : index]):
        return None
    found = _day_parts(sent, index, index)
    return found if found is not None and found[0].low < 1 else None


def _day_parts(sent: Span, start: int, first: int) -> tuple[_Scan, _Unit] | None:
    """ "every morning" once a day; "every morning and evening", "each morning and every night"
    as many times a day as parts of the day are listed. The reading spans ``start`` (the word
    of repetition, or the first part when there is none) to the last part; ``first`` is the
    first part."""
    lex = lexicon()
    doc = sent.doc
    parts = {doc[first].lemma_.lower()}
    end = first + 1
    while end + 1 < sent.end and doc[end].lower_ in lex.day_part_joiners:
        step = end + 2 if doc[end + 1].lower_ in lex.every_strict else end + 1
        if step >= sent.end or doc[step].lemma_.lower() not in lex.day_parts:
            break
        parts.add(doc[step].lemma_.lower())
        end = step + 1
    unit = _pint_unit(lex.day_parts[doc[first].lemma_.lower()])
    if unit is None:
        return None
    return _Scan(start, end, 1 / len(parts), 1 / len(parts), first), unit


def _periodic(sent: Span, start: int, adverb: int, counts: list[float]) -> tuple[_Scan, _Unit] | None:
    """ "daily", "twice weekly", "quarterly": ``counts`` times per the period the adverb at
    ``adverb`` names, which may be some number of a unit ("3 month").

    A prefix joined by a hyphen changes the period ("semi-annually", "bi-weekly"): it is read
    as the word written solid, and a word the table does not hold gives no value rather than
    the period without its prefix.
    """
    doc = sent.doc
    word = doc[adverb].lower_
    # The hyphen is matched by its text: the tagger reads it there as a word, not as HYPH.
    if adverb - 2 >= sent.start and doc[adverb - 1].text == "-" and doc[adverb - 2].is_alpha:
        word = doc[adverb - 2].lower_ + word
        start = min(start, adverb - 2)
    period = lexicon().periodic.get(word)
    if period is None:
        return None
    length, _, name = period.rpartition(" ")
    unit = _pint_unit(name)
    if unit is None:
        return None
    size = float(length or 1)
    return _Scan(start, adverb + 1, size / max(counts), size / min(counts), adverb), unit


@dataclass(frozen=True, slots=True)
class _Lead:
    """What the words before a number say of it.

    ``on_rate`` is set when the bound stands before the word of repetition ("at least every
    3 months"): it bounds how often, not the time between. ``added`` is set by a word of
    increment ("another 5 minutes"). ``divides`` is set when the word of repetition opens a
    phrase that divides ("for every", "for each"), which repeats only a time.
    """

    start: int
    approx: bool
    bound: str
    repeat: bool
    comparative: bool
    on_rate: bool
    added: bool
    divides: bool


def _bound_before(sent: Span, index: int) -> tuple[int, str, bool]:
    """The longest bound phrase ending just before ``index``: (width, side, comparative).

    Both sides are searched together so that "no more than" (at most) wins over its tail
    "more than" (more than).
    """
    lex = lexicon()
    sides = ((lex.bound_min, "min"), (lex.bound_max, "max"))
    width, side = max((_phrase_before(sent, index, phrases), side) for phrases, side in sides)
    if not width:
        return 0, "", False
    words = list(sent.doc[index - width : index])
    comparative = bool({_lemmas(words), tuple(t.lower_ for t in words)} & lex.bound_comparative)
    return width, side, comparative


def _prefix(sent: Span, start: int) -> _Lead:
    """Words before a number: hedges, a bound, a word of repetition or increment, a range's opener."""
    lex = lexicon()
    doc = sent.doc
    approx, bound, repeat, comparative, on_rate, added, divides = False, "", False, False, False, False, False
    moved = True
    while moved:
        moved = False
        if start > sent.start and doc[start - 1].lower_ in lex.increment_before:
            added, start, moved = True, start - 1, True
        if start > sent.start and doc[start - 1].lemma_.lower() in lex.hedge | {"~"}:
            approx, start, moved = True, start - 1, True
        width, side, plain = _bound_before(sent, start)
        if width and not bound:
            bound, comparative, on_rate = side, plain, repeat
            start, moved = start - width, True
        if start > sent.start and doc[start - 1].lower_ in lex.every_strict:
            divides = bool(_phrase_before(sent, start, lex.rate_phrases))
            repeat, start, moved = True, start - 1, True
        if start > sent.start and doc[start - 1].lower_ in lex.range_openers:
            start, moved = start - 1, True
    return _Lead(start, approx, bound, repeat, comparative, on_rate, added, divides)


def _suffix(sent: Span, end: int, bound: str) -> tuple[int, str, bool]:
    """Words after a quantity: (new end, bound, repeating) for "or more", "apart"."""
    lex = lexicon()
    doc = sent.doc
    repeat = False
    for phrases, side in ((lex.bound_min_trailing, "min"), (lex.bound_max_trailing, "max")):
        width = _phrase_after(sent, end, phrases)
        if width and not bound:
            bound, end = side, end + width
    if end < sent.end and doc[end].lower_ in lex.apart and doc[end].pos_ in ("ADV", "ADP"):
        repeat, end = True, end + 1
    return end, bound, repeat


def _build(sent: Span, scan: _Scan, unit: _Unit | None, *, repeat: bool, added: bool = False) -> Quantity:
    """Assemble a quantity from a number scan, its unit and the words around it.

    ``added`` says a word of increment stands between the number and its unit ("5 more minutes").
    """
    lead = _prefix(sent, scan.start)
    start, approx = lead.start, lead.approx
    # "add 3 grams of yeast for every 100 grams of flour" repeats nothing: the 100 grams are
    # what the 3 grams are counted against; "a break for every 2 hours of driving" repeats.
    repeat_before = lead.repeat and not (lead.divides and (unit is None or unit.dimension != "time"))
    end = scan.end + (unit.width if unit else 0)
    if unit is not None and unit.width and scan.low == scan.high:
        extra, after = _and_a_fraction(sent, end)  # "an hour and a half"
        # "2 tablespoons and a half teaspoon": the fraction has a unit of its own.
        if extra and read_unit(sent, after) is None:
            end = after
            scan = _Scan(scan.start, scan.end, scan.low + extra, scan.high + extra, scan.head)
    unit_end = end
    end, bound, repeat_after = _suffix(sent, end, lead.bound)
    trailing = tuple(t.lower_ for t in sent.doc[unit_end:end])
    comparative = lead.comparative or (not lead.bound and trailing in lexicon().bound_comparative)
    if repeat or lead.on_rate:
        # A bound on how often is the other bound on the time between: "at least twice a
        # week" and "at least every 3 days" leave at most half a week, at most 3 days.
        bound = FLIPPED_BOUND.get(bound, bound)
    if (added or lead.added) and not bound:
        bound = ADDED
    scale = unit.scale if unit else 1.0
    name, dimension = (unit.name, unit.dimension) if unit else ("", "count")
    if dimension == "time" and age_word(sent, unit_end) is not None:
        dimension = AGE  # "babies under 1 year old": how old, not how long
    reference = _temperature_reference(sent, start, unit_end) if dimension == TEMPERATURE else ""
    if reference == DIFFERENCE:
        name, dimension = f"{DELTA}{name}", TEMPERATURE_DIFFERENCE  # "25 degrees above the smoke point"
    elif reference == UNDER_ZERO:
        scale = -scale  # "10 degrees below zero"
    head = scan.end + unit.head_offset if unit and unit.width else scan.head
    # A magnitude word stands between a number and what it counts ("6 million vehicles").
    last = sent.doc[min(scan.end + (unit.width if unit else 0), sent.end) - 1]
    # In a range the parser may hang the noun on the first number only ("8-9 ripe pears").
    counted = ""
    if not unit or unit.dimension == "count":
        counted = _counted(last, sent) or _counted(sent.doc[scan.start], sent)
    year = (
        dimension == "count"
        and not counted
        and scan.low.is_integer()
        and scan.high.is_integer()
        and YEAR_RANGE[0] <= scan.low <= scan.high <= YEAR_RANGE[1]
        and not sent.doc[scan.head].text.startswith("0")
    )
    if year:
        name, dimension = "year_ce", "date"
    low, high = sorted((scan.low * scale, scan.high * scale))  # a negative scale turns the range
    return Quantity(
        low=low,
        high=high,
        unit=name,
        dimension=dimension,
        approx=approx,
        bound=bound,
        repeat=repeat or repeat_before or repeat_after,
        start=start,
        end=max(end, start + 1),
        head=min(head, sent.end - 1),
        counted=counted,
        comparative=comparative,
    )


#: What the words after a temperature make it (:func:`_temperature_reference`).
DIFFERENCE = "difference"
UNDER_ZERO = "under zero"


def _temperature_reference(sent: Span, start: int, index: int) -> str:
    """What the words around a temperature (from ``start``, and after it from ``index``) make it:
    :data:`DIFFERENCE` from another ("25 degrees above the smoke point", "lower it by 7
    degrees"), :data:`UNDER_ZERO` ("10 degrees below zero", -10), or "" (as written)."""
    lex = lexicon()
    if start > sent.start and sent.doc[start - 1].lower_ in lex.difference_before:
        return DIFFERENCE
    words = [t.lower_ for t in sent.doc[index : min(index + 2, sent.end)]]
    if not words or words[0] not in lex.temperature_difference:
        return ""
    if len(words) < 2 or words[1] != lex.zero_point:
        return DIFFERENCE
    return UNDER_ZERO if words[0] == lex.under_zero else ""


def age_word(span: Span, index: int) -> Token | None:
    """The word at ``index`` of ``span``, after a time and any hyphen, that makes the time an age
    ("1 year old", "3-week-old"), or None."""
    doc = span.doc
    if index < span.end and doc[index].text == "-":
        index += 1
    return doc[index] if index < span.end and doc[index].lower_ in lexicon().age_old else None


def _age_unit(sent: Span, index: int) -> _Unit | None:
    """Years, for a bare number right after a word of age ("at age 43", "aged 5 to 7")."""
    lex = lexicon()
    if index > sent.start and sent.doc[index - 1].lower_ in lex.age_words:
        unit = _pint_unit(lex.age_unit)
        # An age is how old someone is, not how long an act takes: a dimension of its own.
        return _Unit(unit.name, AGE, 0) if unit is not None else None
    return None


def _currency_before(sent: Span, index: int) -> str:
    """The currency of a symbol just before doc index ``index`` ("$20")."""
    if index > sent.start:
        return lexicon().currency_symbols.get(sent.doc[index - 1].text, "")
    return ""


@functools.cache
def _opening_words() -> frozenset[str]:
    """Words that can open a quantity without being a number: "a week", "half an hour",
    "twice a day", "every other day", "daily", "morning and night"."""
    lex = lexicon()
    words = (*lex.fractions, *lex.times, *lex.periodic, *lex.day_parts, *lex.couple_words)
    return lex.articles | lex.every_strict | frozenset(words)


def may_open(token: Token) -> bool:
    """Whether a quantity can start at ``token``: a number (digits, a fraction, a number word)
    or a word of :func:`_opening_words`. Most words of a sentence cannot, and skipping them
    spares the readers, which try every reading at each start (a third of the claims stage's
    own time on the extraction benchmark's pages)."""
    first = token.text[:1]
    return (
        first.isdigit()
        or first == "."
        or _glued_minus(token.text)
        or token.text in FRACTIONS
        or token.like_num
        or token.lower_ in _opening_words()
    )


def find_quantities(sent: Span) -> list[Quantity]:
    """Every quantity of one sentence (or clause), in order.

    Ordinals ("the first time"), numbers inside words and list enumerators are not
    quantities. A number with no unit is a count of the noun it modifies, or the value of
    the noun a copula gives it to ("the median is 3"); any other bare number is dropped,
    since it measures nothing a reader could check.
    """
    found: list[Quantity] = []
    index = sent.start
    while index < sent.end:
        if not may_open(sent.doc[index]):
            index += 1
            continue
        # Readings that take their words whole: a date or time of day, a proportion, a multiple.
        whole = (
            _calendar_date(sent, index)
            or _clock_time(sent, index)
            or _proportion(sent, index)
            or _times_as(sent, index)
            or _fraction_share(sent, index)
        )
        frequency = _frequency(sent, index) if whole is None else None
        if frequency is not None:
            period, per = frequency
            # The scan already spans the unit ("twice a week"), so the unit adds no width.
            whole = _build(sent, period, _Unit(per.name, per.dimension, 0), repeat=True)
        whole = whole or _multiple(sent, index)
        if whole is not None:
            found.append(whole)
            index = whole.end
            continue
        scan = _read_number(sent, index)
        if scan is None or is_ordinal(sent.doc[index]) or _glued_list_number(sent, index):
            index += 1
            continue
        scan = _list_item(sent, scan)
        share = _share(sent, scan)
        if share is not None:
            found.append(share)
            index = share.end
            continue
        currency = _currency_before(sent, scan.start)
        unit: _Unit | None = _money_unit(sent, scan, currency) if currency else read_unit(sent, scan.end)
        if unit is None:
            unit = _age_unit(sent, scan.start) or _list_unit(sent, scan)
        added = scan.end < sent.end and sent.doc[scan.end].lower_ in lexicon().increment_between
        if unit is None and scan.end < sent.end and (added or sent.doc[scan.end].text in ("-", "–")):
            skipped = read_unit(sent, scan.end + 1)  # "24-hour", "5 more minutes": skip a word
            if skipped is not None:
                unit = _Unit(skipped.name, skipped.dimension, skipped.width + 1, skipped.scale)
        if unit is None and scan.end + 1 < sent.end:
            unit = _modified_unit(sent, scan.end)
        quantity = _build(sent, scan, unit, repeat=False, added=added)
        if currency:
            quantity = replace(quantity, start=min(scan.start - 1, quantity.start))  # take in the symbol
        if quantity.dimension != "count" or (quantity.counted and not _one_against_another(sent, quantity)):
            found.append(quantity)  # "from one can to another" counts nothing
        elif (
            any(stated_thing(t) is not None for t in sent.doc[quantity.start : quantity.end] if t.like_num)
            and not _paired(sent, quantity.start, quantity.end)
            and not _phrase_after(sent, quantity.end, lexicon().share)  # "the odds are 1 in a million"
        ):
            found.append(replace(quantity, dimension=STATED_NUMBER))
        index = max(quantity.end, index + 1)
    joined = _join_date_ranges(sent, _join_compound_times(sent, found))
    return _share_repetition(sent, _drop_alternate_units(sent, _join_unit_ranges(sent, joined)))


def _proportion(sent: Span, index: int) -> Quantity | None:
    """A proportion of two numbers at doc index ``index``: "a 1:10 solution", "a ratio of 1 to
    10", "one part bleach to ten parts water".

    English reads "1 to 10" after a noun of proportion as one proportion, not as a range, and
    "N parts X to M parts Y" as one, not as two counts. "1:10" is a proportion in a sentence
    that speaks of one (a word of ``clock.ratio``: "dilute at 1:10 with water", "the ratio is
    3:1"), not a running time ("ran it in 2:05"). The value is the first number over the second.
    """
    doc = sent.doc
    lex = lexicon()
    written = PROPORTION_RE.match(doc[index].text)
    if written:
        speaks = any(t.lemma_.lower() in lex.clock_ratio for t in sent)
        return _ratio(sent, float(written[1]), float(written[2]), index, index + 1) if speaks else None
    first = number_value(doc[index])
    if first is None or index + 2 >= sent.end:
        return None
    if doc[index + 1].lemma_.lower() == lex.proportion_part:
        stuff = doc[index + 2 : min(index + 6, sent.end)]  # "one part liquid bleach to ..."
        joiner = next((t.i for t in stuff if t.lower_ in lex.proportion_joiners), None)
        if joiner is None or joiner + 2 >= sent.end or doc[joiner + 2].lemma_.lower() != lex.proportion_part:
            return None
        return _ratio(sent, first, number_value(doc[joiner + 1]), index, joiner + 3)
    if doc[index + 1].lower_ not in lex.proportion_joiners:
        return None
    named_after = index + 3 < sent.end and doc[index + 3].lemma_.lower() in lex.proportion_nouns
    if not (named_after or _of_a_proportion(sent, index - 1)):
        return None
    return _ratio(sent, first, number_value(doc[index + 2]), index, index + 3)


def _ratio(sent: Span, first: float, second: float | None, start: int, end: int) -> Quantity | None:
    """The proportion first:second spanning ``start`` .. ``end``, with the words around it
    (none when the second is no number, or zero)."""
    if not second:
        return None
    value = first / second
    quantity = _build(sent, _Scan(start, end, value, value, start), _Unit(RATIO, "ratio", 0), repeat=False)
    return replace(quantity, counted="")


def _list_unit(sent: Span, scan: _Scan) -> _Unit | None:
    """The unit a list of numbers names only after its last: "at 8, 12 and 16 weeks" is 8 weeks,
    12 weeks and 16 weeks. ``scan`` is a number with no unit; a comma must follow it, or the
    list's last joiner after an earlier item, and only such words may stand between the numbers.
    """
    doc = sent.doc
    if scan.end >= sent.end:
        return None
    if doc[scan.end].text != lexicon().list_comma and not _before_last_item(sent, scan.start, scan.end):
        return None
    index = scan.end
    while (after := _past_list_joiners(sent, index)) > index:
        number = _read_number(sent, after) if after < sent.end else None
        if number is None:
            return None
        unit = read_unit(sent, number.end) if number.end < sent.end else None
        if unit is not None:
            # Not a count: "3, 4 or 5 eggs" count their noun, which the counting reads.
            return _Unit(unit.name, unit.dimension, 0, unit.scale) if unit.dimension != "count" else None
        index = number.end
    return None


def _past_list_joiners(sent: Span, index: int) -> int:
    """The doc index after the commas and last joiners of a list of numbers at ``index``."""
    lex = lexicon()
    doc = sent.doc
    while index < sent.end and (doc[index].text == lex.list_comma or doc[index].lower_ in lex.list_last):
        index += 1
    return index


def _list_item(sent: Span, scan: _Scan) -> _Scan:
    """A list's last two numbers are two items, not a range: in "at 8, 12 and 16 weeks" the
    "12 and 16" that "2 or 3 days" would make a range are 12 and 16."""
    if scan.low == scan.high or not _before_last_item(sent, scan.start, scan.start + 1):
        return scan
    return _Scan(scan.start, scan.start + 1, scan.low, scan.low, scan.start)


def _before_last_item(sent: Span, start: int, end: int) -> bool:
    """Whether doc tokens ``start``..``end`` are a list's item, after a number and its comma,
    that the list's last joiner follows: the "12" of "8, 12 and 16 weeks"."""
    doc = sent.doc
    lex = lexicon()
    if start - 2 < sent.start or end >= sent.end:
        return False
    after_number = doc[start - 2].like_num and doc[start - 1].text == lex.list_comma
    return after_number and doc[end].lower_ in lex.list_last


def _share_repetition(sent: Span, found: list[Quantity]) -> list[Quantity]:
    """A measure offered as the alternative of a repetition repeats too: in "every 6 months
    or 7,500 miles" the repetition ("every") governs both, whichever comes first."""
    lex = lexicon()
    out = list(found)
    for index in range(1, len(out)):
        before, quantity = out[index - 1], out[index]
        between = sent.doc[before.end : quantity.start]
        # "every 3 days or 1 inch a week" gives a rate of its own, not a spacing.
        # ("per the manual" after it is "according to", no rate: a determiner follows.)
        after = sent.doc[quantity.end : min(quantity.end + 2, sent.end)]
        rated = len(after) == 2 and after[0].lower_ in lex.rate_of and after[1].pos_ != "DET"
        if (
            before.repeat
            and not quantity.repeat
            and not rated
            and quantity.dimension in lex.spacing_dimensions
            and len(between) == 1
            and between[0].lower_ in lex.disjunctions
        ):
            out[index] = replace(quantity, repeat=True)
    return out


@dataclass(frozen=True, slots=True)
class _Clock:
    """A clock reading as written: its hours, the tokens it takes, the hours its meridiem mark
    adds (None without a mark), and whether it is written "H:MM"."""

    hours: float
    width: int
    offset: int | None
    colon: bool
    #: Read with "o'clock" after it, which makes any hour a time of day.
    oclock: bool = False

    def on_clock(self, offset: int | None) -> float:
        """Hours after midnight under a mark's offset: "12 a.m." is 0, "4 pm" 16, "17:00" 17."""
        return self.hours if offset is None else self.hours % 12 + offset


def _meridiem(mark: str) -> int | None:
    """The hours a meridiem mark adds ("pm" 12), also with a sentence's full stop on it ("pm.")."""
    table = lexicon().meridiem
    return table.get(mark, table.get(mark.rstrip(".")))


def _clock_reading(sent: Span, index: int) -> _Clock | None:
    """A clock reading at doc index ``index``: "10am" and "4 a.m." take the mark's token, "4.30"
    is one only with a mark ("4.30 pm"; "4.30" alone is a decimal), and an hour with a mark is
    1 to 12 ("14 pm" is no time)."""
    doc = sent.doc
    if index + 1 < sent.end and doc[index + 1].lower_ in lexicon().oclock:  # "five o'clock"
        hour = number_value(doc[index])
        return _Clock(hour, 2, None, False, oclock=True) if hour is not None and 1 <= hour <= 12 else None
    match = CLOCK_RE.match(doc[index].text)
    if match:
        hours, colon, mark = int(match[1]) + int(match[3]) / 60, match[2] == ":", match[4].lower()
        if mark and _meridiem(mark) is None:
            return None
    elif doc[index].text.isdecimal() and len(doc[index].text) <= 2:
        hours, colon, mark = float(doc[index].text), False, ""
    else:
        return None
    width = 1
    if not mark and index + 1 < sent.end and _meridiem(doc[index + 1].lower_) is not None:
        mark, width = doc[index + 1].lower_, 2
    offset = _meridiem(mark) if mark else None
    if (offset is None and match and not colon) or (offset is not None and not 1 <= hours < 13):
        return None
    return _Clock(hours, width, offset, colon)


def _clock_range_end(sent: Span, index: int, first: _Clock) -> tuple[_Clock, int] | None:
    """The second end of a range of times after ``first`` at ``index`` ("from 2 to 4 pm"), with
    the index after it; None unless that end has a mark or is written "H:MM" as well."""
    joiner = index + first.width
    if joiner + 1 >= sent.end or not _joins_range(sent, joiner, index):
        return None
    second = _clock_reading(sent, joiner + 1)
    if second is None or not (second.offset is not None or (first.colon and second.colon)):
        return None
    return second, joiner + 1 + second.width


def _ordered_ends(first: _Clock, second: _Clock) -> tuple[float, float] | None:
    """The hours of a range of two readings, in order: the second's mark holds for the first
    too when that keeps them in order ("10 to 2 pm" is 10:00-14:00); None for a range past
    midnight ("11 pm to 1 am")."""
    high = second.on_clock(second.offset)
    low = first.on_clock(second.offset if first.offset is None else first.offset)
    if low > high:
        low = first.on_clock(first.offset)
    return (low, high) if low <= high else None


def _clock_time(sent: Span, index: int) -> Quantity | None:
    """A time of day or a range of them at doc index ``index``: "4 a.m.", "from 2 to 4 pm",
    "between 4 and 10 a.m.", "at 9:30", "before 10am".

    A number is a time of day when a meridiem mark follows it or the range's second end (the
    mark of "2 to 4 pm" holds for both ends when that keeps them in order), or, written
    "H:MM", when a word of ``clock.preps`` stands before it and no word of ``clock.ratio``
    follows ("dilute at 1:10 with water" is a ratio). Its value is in hours after midnight, of
    dimension "date": a point in the day, compared as a number. A range that runs past
    midnight ("11 pm to 1 am") is read as its two times.
    """
    lex = lexicon()
    doc = sent.doc
    first = _clock_reading(sent, index)
    if first is None:
        return None
    before = doc[index - 1].lower_ if index > sent.start else ""
    low = high = first.on_clock(first.offset)
    end = index + first.width
    ranged = _clock_range_end(sent, index, first)
    ends = _ordered_ends(first, ranged[0]) if ranged is not None else None
    if ranged is not None and ends is not None:
        (low, high), end = ends, ranged[1]
    if first.offset is None and end == index + first.width:
        follows = doc[end].lower_ if end < sent.end else ""
        at_clock = first.colon and before in lex.clock_preps and follows not in lex.clock_ratio
        if not (first.oclock or at_clock):
            return None
    if not 0 <= low <= high < 24:
        return None
    return _point_in_time(sent, low, high, TIME_OF_DAY, index, end)


def _point_in_time(sent: Span, low: float, high: float, unit: str, start: int, end: int) -> Quantity:
    """A time of day or a date from ``start`` to ``end``, of dimension "date", with the bound a
    word of ``clock.bounds`` before it sets: "before 10 am" is a comparative bound, which a
    negation turns ("do not mow after 6 pm" is mowing at 18:00 at the latest), and "by March
    1" is March 1 at the latest."""
    bounds = lexicon().clock_bounds
    before = sent.doc[start - 1].lower_ if start > sent.start else ""
    bounded = before in bounds
    lead = _prefix(sent, start)
    return Quantity(
        low=low,
        high=high,
        unit=unit,
        dimension="date",
        approx=lead.approx,
        bound=bounds[before] if bounded else lead.bound,
        repeat=False,
        start=start - 1 if bounded else lead.start,
        end=end,
        head=end - 1,
        comparative=bounded or lead.comparative,
    )


#: A date's (low, high, unit, first token, end token).
_DateSpan = tuple[float, float, str, int, int]


def month_of(token: Token) -> int | None:
    """The month a capitalized month name or abbreviation names ("Sept." -> 9), else None."""
    if not token.text[:1].isupper():
        return None
    return lexicon().months.get(token.lower_.rstrip("."))


def _day(token: Token) -> int | None:
    """A day of the month written in digits ("22", "22nd"), else None."""
    match = DAY_RE.match(token.text)
    return int(match.group(1)) if match and 1 <= int(match.group(1)) <= 31 else None


def _days(sent: Span, index: int) -> tuple[int, int, int] | None:
    """(first day, last day, end) of a day or a range of days of one month at ``index``: "22",
    "4-6" in one token, or "4 to 6" ("July 4 to 6")."""
    doc = sent.doc
    joined = JOINED_RANGE_RE.match(doc[index].text)
    if joined and joined[1].isdigit() and joined[2].isdigit() and 1 <= int(joined[1]) < int(joined[2]) <= 31:
        return int(joined[1]), int(joined[2]), index + 1
    first = _day(doc[index])
    if first is None:
        return None
    joiner = index + 1
    if joiner + 1 < sent.end and doc[joiner].lower_ in lexicon().range_joiners - lexicon().range_closers:
        last = _day(doc[joiner + 1])
        if last is not None and last > first:
            return first, last, joiner + 2
    return first, first, index + 1


def _names_item(token: Token) -> bool:
    """Whether a number follows a noun it names an item of ("Windows 10", "section 3"), so that
    no date can start at it; a month or a weekday is no such noun ("Monday 22 July")."""
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    if before is None or before.pos_ not in ("NOUN", "PROPN"):
        return False
    return month_of(before) is None and before.lower_ not in lexicon().weekdays


def _year(token: Token) -> int | None:
    """A year written in four digits within :data:`YEAR_RANGE`, else None."""
    text = token.text
    ok = len(text) == 4 and text.isdecimal() and YEAR_RANGE[0] <= int(text) <= YEAR_RANGE[1]
    return int(text) if ok else None


def _paired(sent: Span, start: int, end: int) -> bool:
    """Whether another number is joined to the number from ``start`` to ``end``: a score or a
    record ("the score was 24-17") or odds ("5 to 1"), which the range reader leaves alone."""
    doc, joiners = sent.doc, lexicon().range_joiners
    after = end + 1 < sent.end and doc[end].lower_ in joiners and doc[end + 1].like_num
    before = start - 2 >= sent.start and doc[start - 1].lower_ in joiners and doc[start - 2].like_num
    return after or before


def _share(sent: Span, scan: _Scan) -> Quantity | None:
    """A share of a whole, as a percentage: "1 in 10" (10 percent), "3 out of 4", "two of every
    five". The whole is a bare number at least as large as the part ("a 2 in 1 shampoo" and
    "20 in 3 games" are none), not a time ("5 in 10 minutes"), not a year unless a noun follows
    it ("he was 17 in 1944", but "1 in 2000 births"), and the part is no sum of money ("$3 in
    2019")."""
    width = _phrase_after(sent, scan.end, lexicon().share)
    whole = _read_number(sent, scan.end + width) if width and scan.low == scan.high else None
    if whole is None or whole.low != whole.high or not scan.low <= whole.low:
        return None
    if read_unit(sent, whole.end) is not None or _currency_before(sent, scan.start):
        return None
    counted = whole.end < sent.end and sent.doc[whole.end].pos_ == "NOUN"
    if _year(sent.doc[whole.head]) is not None and not counted:
        return None
    return _percent(sent, scan.start, whole.end, scan.low / whole.low * 100, scan.head)


def _fraction_share(sent: Span, index: int) -> Quantity | None:
    """A fraction of a set, as a percentage: "half of voters" (50 percent), "a quarter of
    households" (25 percent). Not a fraction of a unit, which is an amount ("half of a cup")."""
    lex = lexicon()
    doc = sent.doc
    at = index + 1 if doc[index].lower_ in lex.articles else index
    if at + 2 >= sent.end or doc[at + 1].lower_ not in lex.count_of:
        return None
    fraction = lex.fractions.get(doc[at].lower_)
    after = at + 3 if doc[at + 2].lower_ in lex.articles else at + 2
    if fraction is None or read_unit(sent, after) is not None:
        return None
    # "the first half of roasting" is a part of a time, "half of it" of a thing the text names
    # elsewhere: a share counts out of a set named by its noun.
    set_noun = next((t for t in doc[at + 1].children if t.dep_ == "pobj"), None)
    fenced = at == index and at > sent.start and doc[at - 1].pos_ in ("DET", "ADJ", "NUM", "PRON")
    if fenced or set_noun is None or set_noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return _percent(sent, index, at + 2, fraction * 100, at)


def _percent(sent: Span, start: int, end: int, part: float, head: int) -> Quantity:
    """A share of a whole over ``start`` .. ``end``, as ``part`` percent, counting nothing."""
    quantity = _build(sent, _Scan(start, end, part, part, head), None, repeat=False)
    return replace(quantity, unit="percent", dimension="ratio", counted="")


def stated_thing(number: Token) -> Token | None:
    """The thing a bare number is the value of, when the sentence names it: what a copula
    says the thing is ("the median is 3"), an "of" complement of a noun ("a z-score of 6",
    "a pH of 6.5"), the level a verb of holding keeps its object at ("keep the pH between 7.2
    and 7.6") or a copula puts its subject at ("the pH should be between 7.2 and 7.6"), or the
    value after a label's colon ("Salinity: 1.020 to 1.025"). Not a pronoun's value ("it's
    3"), whose thing the sentence does not name, nor a number that names ("the room number is
    214", "step 3 of 5"): None for those.
    """
    lex = lexicon()
    head = number.head
    ranged = number.dep_ == "conj" and head.like_num
    if ranged:  # "between 7.2 and 7.6": the first number tells
        number, head = head, head.head
    ranged = ranged or any(c.dep_ == "conj" and c.like_num for c in number.children)
    if number.dep_ == "attr" and head.lemma_ == "be":
        thing = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    elif number.dep_ == "pobj" and head.lower_ in lex.value_of and head.head.i < head.i:
        thing = head.head
    elif number.dep_ == "pobj" and head.lower_ in lex.holding_preps and head.head.lemma_ in lex.holding_verbs:
        thing = next((c for c in head.head.children if c.dep_ == "dobj"), None)
    elif number.dep_ == "pobj" and head.lower_ in lex.holding_preps and head.head.lemma_ == "be" and ranged:
        # "the pH should be between 7.2 and 7.6": the range the subject is in ("is at 3" tells a time).
        thing = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    elif _after_label(number):
        thing = number.doc[number.i - 2]
    else:
        return None
    if thing is None or thing.pos_ not in ("NOUN", "PROPN") or _named_by_number(thing, number):
        return None
    return thing


def _after_label(number: Token) -> bool:
    """Whether a number directly follows the colon of a short label opening its sentence
    ("Salinity: 1.020 to 1.025", "Free pH: 7.4"), which the parser hangs many ways."""
    doc, lex = number.doc, lexicon()
    if number.i < 2 or doc[number.i - 1].text != lex.label_colon:
        return False
    start = number.sent.start
    while start < number.i and (doc[start].is_space or doc[start].is_punct):
        start += 1
    return is_label(doc[start : number.i - 1], lex.label_max_words)


def _named_by_number(thing: Token, value: Token) -> bool:
    """Whether a noun is one a number names rather than measures: a noun of ``names.numbered``
    in its phrase ("room number", "zip code", "version"), or one that holds a number other
    than its ``value`` and the range it opens or closes ("step 3" of 5)."""
    words = {t.lemma_.lower() for t in thing.subtree if t.i <= thing.i}
    own = (c for c in thing.children if c.like_num and value not in c.subtree and c not in value.subtree)
    return bool(words & lexicon().numbered) or any(own)


def _month_beside(sent: Span, index: int, days_end: int) -> tuple[int, int, int] | None:
    """(month, first token, end) of a month named beside the days from ``index`` to
    ``days_end``: before them ("July 22", when no unit or noun follows: "in July 30 mm of rain
    fell" is no date) or after them ("22 July", "the 22nd of July"; not "section 3 of May's
    report", whose number names an item and whose "May" owns a noun)."""
    doc = sent.doc
    if index > sent.start and (month := month_of(doc[index - 1])):
        follows = doc[days_end] if days_end < sent.end else None
        # "the September 30 deadline": a date before a noun, after a determiner, describes it.
        unit = read_unit(sent, days_end) is not None
        described = index - 2 >= sent.start and doc[index - 2].pos_ == "DET" and not unit
        counts = follows is not None and (follows.pos_ == "NOUN" or unit)
        return None if counts and not described else (month, index - 1, days_end)
    after = days_end
    if after < sent.end and doc[after].lower_ in lexicon().day_of:
        after += 1
    owns = after + 1 < sent.end and doc[after + 1].dep_ == "case"  # "May's"
    if after < sent.end and not owns and not _names_item(doc[index]) and (month := month_of(doc[after])):
        return month, index, after + 1
    return None


def _year_after(sent: Span, end: int) -> tuple[int, int] | None:
    """(year, end) of a year right after a date, with or without a comma: "July 22, 2021"."""
    doc = sent.doc
    at = end + 1 if end < sent.end and doc[end].text == "," else end
    year = _year(doc[at]) if at < sent.end else None
    counts = at + 1 < sent.end and doc[at + 1].pos_ == "NOUN"  # "On May 3, 1500 people marched"
    return (year, at + 1) if year is not None and not counts else None


def _date_span(sent: Span, index: int) -> _DateSpan | None:
    """(low, high, unit, start, end) of the date that reads from the number at ``index``.

    A day with a month beside it is a day, on :data:`CALENDAR_DAY` with a year after it and
    on :data:`MONTH_DAY` without; a year after a month alone is that month's days.
    """
    doc = sent.doc
    days = _days(sent, index)
    beside = _month_beside(sent, index, days[2]) if days is not None else None
    if beside is not None and days is not None:
        return _day_span(sent, days[:2], *beside)
    year = _year(doc[index])
    in_month = month_of(doc[index - 1]) if year is not None and index > sent.start else None
    if year is None or in_month is None:
        return None
    first = datetime.date(year, in_month, 1).toordinal()
    return first, first + calendar.monthrange(year, in_month)[1] - 1, CALENDAR_DAY, index - 1, index + 1


def _day_span(sent: Span, days: tuple[int, int], month: int, start: int, end: int) -> _DateSpan | None:
    """(low, high, unit, start, end) of days of one month, with the year after them when there
    is one; None for a day the month does not have ("February 30")."""
    dated = _year_after(sent, end)
    year = dated[0] if dated is not None else LEAP_YEAR
    try:
        first, last = (datetime.date(year, month, day) for day in days)
    except ValueError:
        return None
    if dated is None:
        return first.timetuple().tm_yday, last.timetuple().tm_yday, MONTH_DAY, start, end
    return first.toordinal(), last.toordinal(), CALENDAR_DAY, start, dated[1]


def _calendar_date(sent: Span, index: int) -> Quantity | None:
    """A date that reads from the number at doc index ``index``: "September 30", "30 Sept.
    2021", "the 4th of July", "July 22, 2021", "in March 2020" (the month's days).

    A point in time (:func:`_point_in_time`); a bound on a span of days bounds it at the day
    its word names.
    """
    found = _date_span(sent, index)
    if found is None:
        return None
    point = _point_in_time(sent, *found)
    if not point.bound:
        return point
    # "before March 2024" is before its first day, "until March 2024" up to its last.
    before = sent.doc[found[3] - 1].lower_ if found[3] > sent.start else ""
    day = point.low if lexicon().date_edges.get(before, "first") == "first" else point.high
    return replace(point, low=day, high=day)


def _in_year(day: float, unit: str, year: int) -> float | None:
    """A day as a :data:`CALENDAR_DAY` in ``year`` when written without one (None for February
    29 of a common year); a day with its year as it is."""
    if unit == CALENDAR_DAY:
        return day
    written = _leap_date(day)
    try:
        return datetime.date(year, written.month, written.day).toordinal()
    except ValueError:
        return None


def _date_range(first: Quantity, second: Quantity) -> Quantity | None:
    """One span from two dates, the year of either standing for both ("May 1 to June 30, 2024")."""
    units_ = {first.unit, second.unit}
    if not units_ <= {MONTH_DAY, CALENDAR_DAY}:
        return None
    low: float | None = first.low
    high: float | None = second.high
    if units_ != {MONTH_DAY}:
        dated = first if first.unit == CALENDAR_DAY else second
        year = datetime.date.fromordinal(int(dated.low)).year
        low, high = _in_year(first.low, first.unit, year), _in_year(second.high, second.unit, year)
    if low is None or high is None or low >= high:
        return None
    unit = CALENDAR_DAY if CALENDAR_DAY in units_ else MONTH_DAY
    return replace(first, low=low, high=high, unit=unit, end=second.end, head=second.head)


def _join_date_ranges(sent: Span, found: list[Quantity]) -> list[Quantity]:
    """Join two dates that a range joiner links into one span: "from May 1 to June 30", "March 3
    - April 2, 2024"; "and" only after "between"."""
    out: list[Quantity] = []
    for quantity in found:
        previous = out[-1] if out else None
        if previous is not None and previous.dimension == quantity.dimension == "date" and not previous.bound:
            between = [t.lower_ for t in sent.doc[previous.end : quantity.start]]
            alternatives = between and between[0] in lexicon().disjunctions  # "on May 1 or May 8"
            # The first date may hold its opener ("between May 1"), as a range's first number does not.
            opened = previous.start + (sent.doc[previous.start].lower_ in lexicon().range_openers)
            if len(between) == 1 and not alternatives and _joins_range(sent, previous.end, opened):
                span = _date_range(previous, quantity)
                if span is not None:
                    out[-1] = span
                    continue
        out.append(quantity)
    return out


def _join_compound_times(sent: Span, found: list[Quantity]) -> list[Quantity]:
    """Join "1 hour 20 minutes" and "2 hours and 30 minutes" into one time, in the smaller unit."""
    out: list[Quantity] = []
    for quantity in found:
        prev = out[-1] if out else None
        gap = quantity.start - prev.end if prev is not None else -1
        if (
            prev is not None
            and prev.dimension == quantity.dimension == "time"
            and not (prev.repeat or quantity.repeat or quantity.bound)
            and prev.low == prev.high
            and quantity.low == quantity.high
            and (gap == 0 or (gap == 1 and sent.doc[prev.end].lower_ == "and"))
        ):
            ratio = float(units().Quantity(1.0, prev.unit).to(quantity.unit).magnitude)
            if ratio > 1:  # a larger unit before a smaller one, as English writes them
                total = prev.low * ratio + quantity.low  # in the smaller unit: "80 minute"
                out[-1] = replace(prev, low=total, high=total, unit=quantity.unit, end=quantity.end)
                continue
        out.append(quantity)
    return out


def _drop_alternate_units(sent: Span, found: list[Quantity]) -> list[Quantity]:
    """Keep one of a measure given twice: "350°F (175°C)" is one temperature, not two."""
    out: list[Quantity] = []
    for quantity in found:
        prev = out[-1] if out else None
        alternate = (
            prev is not None
            and prev.dimension == quantity.dimension
            and prev.unit != quantity.unit  # a restatement is in another unit
            and prev.dimension not in ("count", "date")
            and quantity.start == prev.end + 1
            and sent.doc[prev.end].text in lexicon().alternate_openers
        )
        if not alternate:
            out.append(quantity)
    return out


def _glued_list_number(sent: Span, index: int) -> bool:
    """A number opening the sentence (after punctuation) glued to the capitalized word after it.

    Text copied from a numbered list loses the space after each number ("3Remove the
    wrap"); what follows is the item, not something counted.
    """
    doc = sent.doc
    opens = all(t.is_punct for t in doc[sent.start : index])
    return opens and not doc[index].whitespace_ and index + 1 < sent.end and doc[index + 1].is_title


def _join_unit_ranges(sent: Span, found: list[Quantity]) -> list[Quantity]:
    """Join "30 minutes to an hour" into one range, in the first quantity's unit; not a list's
    last two items ("at 8, 12 and 16 weeks"), not a range that has both ends already ("every 3
    to 4 weeks until 16 weeks"), nor a repetition and the time it ends at ("3 times a day until
    6 months")."""
    lex = lexicon()
    out: list[Quantity] = []
    for quantity in found:
        prev = out[-1] if out else None
        joiner = sent.doc[prev.end].lower_ if prev is not None and prev.end < sent.end else ""
        if (
            prev is not None
            and prev.dimension == quantity.dimension
            and prev.dimension not in ("count", "date")
            and quantity.start == prev.end + 1
            and joiner in lex.range_joiners
            and prev.low == prev.high
            and not (prev.repeat and joiner in lex.range_ends)
            and not _before_last_item(sent, prev.start, prev.end)
        ):
            try:
                high = units().Quantity(quantity.high, quantity.unit).to(prev.unit).magnitude
            except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError):
                out.append(quantity)
                continue
            if high >= prev.low:
                out[-1] = replace(
                    prev,
                    high=float(high),
                    approx=prev.approx or quantity.approx,
                    repeat=prev.repeat or quantity.repeat,
                    end=quantity.end,
                )
                continue
        out.append(quantity)
    return out


def _money_unit(sent: Span, scan: _Scan, currency: str) -> _Unit:
    """The unit of an amount after a currency symbol, with any magnitude word ("$3 million")."""
    after = read_unit(sent, scan.end)
    scale = after.scale if after is not None and after.dimension == "count" else 1.0
    width = after.width if after is not None and after.dimension == "count" else 0
    return _Unit(currency, "money", width, scale)


