"""Claims: quantities, clauses and frames read from the parse, on sentences of many subjects.

Every sentence here was written for these tests (cooking, cars, gardening, travel, space,
pets, finance); none comes from a page in raw/. Expected values are what a reader of the
sentence would write down, not output copied back.
"""

from __future__ import annotations

import ast
import gc
import itertools
import math
import os
import subprocess
import sys
import weakref
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from pipeline.claims.clauses import split_clauses
from pipeline.claims.frames import Frame, clause_quantities, frame_clause, is_measure
from pipeline.claims.language import (
    MODEL_NAME,
    MODEL_VERSION,
    blank_list_marks,
    build_nlp,
    calm_capitals,
    lemma,
    parse_form,
)
from pipeline.claims.lexicon import lexicon
from pipeline.claims.quantities import Quantity, find_quantities
from pipeline.claims.stage import document_from_text, segment_document
from pipeline.claims.topics import TopicSet
from pipeline.config import PROJ_ROOT
from pipeline.records import Claim

# (sentence, low, high, unit, dimension) for the first quantity of the sentence.
QUANTITIES = [
    ("Bake the loaf for 35 to 40 minutes.", 35, 40, "minute", "time"),
    ("The probe carried 2,300 tons of fuel.", 2300, 2300, "ton", "mass"),
    ("The studio raised $22.6bn last year.", 22.6e9, 22.6e9, "USD", "money"),
    ("Set the oven to 220°C.", 220, 220, "degree_Celsius", "temperature"),
    # A listed abbreviation is a unit even where the tagger reads it as a verb.
    ("Add 6 tbsp lemon juice.", 6, 6, "tablespoon", "volume"),
    # A fraction pint scales below one is a ratio, as a percentage is; areas in square units.
    ("Keep the pool's chlorine at 1 to 3 ppm.", 1, 3, "ppm", "ratio"),
    ("The deck measures about 300 square feet.", 300, 300, "square_foot", "area"),
    # A word of power raises any unit of length, pint's name when it has one.
    ("Each bag covers about 0.45 cubic feet.", 0.45, 0.45, "cubic_foot", "volume"),
    ("The tank holds 50 cubic meters.", 50, 50, "meter ** 3", "volume"),
    ("The plot is 2 square kilometres.", 2, 2, "kilometer ** 2", "area"),
    ("The shed covers 120 sq ft.", 120, 120, "square_foot", "area"),
    # A fraction of a set is a share of it.
    ("Nearly half of voters backed the plan.", 50, 50, "percent", "ratio"),
    ("A quarter of households own a dog.", 25, 25, "percent", "ratio"),
    # An article before a number noun is one of it.
    ("Buy a dozen eggs.", 12, 12, "", "count"),
    ("A million people visit each year.", 1e6, 1e6, "", "count"),
    # Negative numbers: a glued minus and the word (the typographic sign is parsed as the mark).
    ("Freeze at -18°C or below.", -18, -18, "degree_Celsius", "temperature"),
    ("Temperatures can drop to minus 20 degrees Celsius.", -20, -20, "degree_Celsius", "temperature"),
    # A word between the number and its unit that modifies the unit.
    ("Refunds are processed within 5 to 7 business days.", 5, 7, "day", "time"),
    ("Add two full cups of flour.", 2, 2, "cup", "volume"),
    ("The bottle holds 20 fluid ounces.", 20, 20, "fluid_ounce", "volume"),
    # A ratio of two amounts, with the stuff measured named in between.
    ("Dissolve 1 cup of salt per gallon of water.", 1, 1, "cup / gallon", "ratio"),
    ("Mix 2 cups sugar per 1 litre.", 2, 2, "cup / liter", "ratio"),
    ("Add 2 tablespoons of bleach per 5 gallons of water.", 0.4, 0.4, "tablespoon / gallon", "ratio"),
    # "for every" divides as "per" does, and "to" after a noun of proportion.
    ("Use 1 tablespoon of bleach for every gallon of water.", 1, 1, "tablespoon / gallon", "ratio"),
    ("Keep a ratio of 1/2 cup of salt to 2 quarts of water.", 0.25, 0.25, "cup / quart", "ratio"),
    # Amounts by body weight, by area and area by volume (doses, fertilizer, paint coverage).
    ("Give 1 cup of food per 10 pounds of body weight.", 0.1, 0.1, "cup / pound", "volume_per_mass"),
    ("Spread 2 pounds of seed per 1,000 square feet.", 0.002, 0.002, "pound / square_foot", "mass_per_area"),
    ("The primer covers 350 square feet per gallon.", 350, 350, "square_foot / gallon", "area_per_volume"),
    # A range counts the noun the parser hangs on its first number.
    ("Plant 3-4 tall tomatoes.", 3, 4, "", "count"),
    ("The engine burns 5,200 pounds per second.", 5200, 5200, "pound / second", "mass_rate"),
    ("Cats sleep twelve hours a day on average.", 12, 12, "hour", "time"),
    ("About 45% of drivers skip the check.", 45, 45, "percent", "ratio"),
    ("The hike is 14 miles long.", 14, 14, "mile", "length"),
    ("A ticket costs between $100 and $300.", 100, 300, "USD", "money"),
    ("The flight takes eleven hours.", 11, 11, "hour", "time"),
    ("The drive takes 30 minutes to an hour.", 30, 60, "minute", "time"),
    # Things counted in each period of a rate recur, as times do; not after "every", nor per a thing.
    ("Kittens need 3 to 4 small meals a day.", 0.25, 1 / 3, "day", "time"),
    ("Smokers who smoke 20 cigarettes per day.", 0.05, 0.05, "day", "time"),
    ("Take 2 tablets every day.", 2, 2, "", "count"),
    ("Plant 3 seeds per hole.", 3, 3, "", "count"),
    # A range takes no third end, and a repetition ends at the time after "until".
    ("Boosters follow every 3 to 4 weeks until 16 weeks.", 3, 4, "week", "time"),
    ("Feed the kitten 4 times a day until 12 weeks.", 0.25, 0.25, "day", "time"),
    ("Fill the tank with 50 litres of water.", 50, 50, "liter", "volume"),
    ("Feed the puppy 2 cups of food per day.", 2, 2, "cup / day", "flow"),
    # With no stuff named, a period after a word of rate still divides.
    ("Give the dog 2 cups a day.", 2, 2, "cup / day", "flow"),
    ("Walk 3 miles a day.", 3, 3, "mile / day", "speed"),
    ("Take 500 mg of vitamin C a day.", 500, 500, "milligram / day", "mass_rate"),
    # Fractions in words, and an article before a measure of some stuff.
    ("Rest the dough for half an hour.", 0.5, 0.5, "hour", "time"),
    ("Bake the ribs for two and a half hours.", 2.5, 2.5, "hour", "time"),
    ("Stir in half a cup of cream.", 0.5, 0.5, "cup", "volume"),
    ("Spread an inch of mulch over the bed.", 1, 1, "inch", "length"),
    # A mixed number, and a unit pint writes as a ratio of two.
    ("Use 1 1/2 cups of flour.", 1.5, 1.5, "cup", "volume"),
    ("The hatchback gets 35 mpg on the highway.", 35, 35, "mile / gallon", "length_per_volume"),
    # A fraction after the unit, and a duration after "take"; a fraction with a unit of its own
    # is another quantity.
    ("The ferry crossing takes an hour and a half.", 1.5, 1.5, "hour", "time"),
    ("Add 2 tablespoons and a half teaspoon of salt.", 2, 2, "tablespoon", "volume"),
    # A unit glued to its number, and a time in two units.
    ("Let the resin cure for 45min before sanding.", 45, 45, "minute", "time"),
    ("Dry the print at 120F.", 120, 120, "degree_Fahrenheit", "temperature"),
    ("The hike took 3 hours 15 minutes.", 195, 195, "minute", "time"),
    ("Charging takes 1 hour and 30 minutes.", 90, 90, "minute", "time"),
    # A degree with no scale is a temperature; things pint reads as angles are counted.
    ("Roast the squash at 400 degrees.", 400, 400, "degree_Fahrenheit", "temperature"),
    # A number after a word of age is years of age.
    ("The painter retired at age 43.", 43, 43, "year", "age"),
    ("Children aged 5 to 7 may join.", 5, 7, "year", "age"),
    # A temperature above or below another is a difference; below zero, a temperature under it.
    ("Go 25 degrees above its smoke point.", 25, 25, "delta_degree_Fahrenheit", "temperature_difference"),
    ("Fry the fish at 350 degrees over medium heat.", 350, 350, "degree_Fahrenheit", "temperature"),
    ("Keep the cellar 5°C cooler than the house.", 5, 5, "delta_degree_Celsius", "temperature_difference"),
    # "by" before a temperature gives the size of a change.
    ("Lower the thermostat by 7 to 10 degrees.", 7, 10, "delta_degree_Fahrenheit", "temperature_difference"),
    ("The bath cools by 5°C every hour.", 5, 5, "delta_degree_Celsius", "temperature_difference"),
    ("Nights fall to 10 to 20 degrees below zero.", -20, -10, "degree_Fahrenheit", "temperature"),
    ("Run the washer for 2 cycles.", 2, 2, "", "count"),
    # Pint's bag (of cement), point (a printer's) and link (a surveyor's) are counted nouns in English.
    ("Spread 2 bags of mulch under the hedge.", 2, 2, "", "count"),
    ("The team scored 3 points in the last minute.", 3, 3, "", "count"),
    ("The bike chain has 116 links.", 116, 116, "", "count"),
    # ... unless a rate follows: then it is the unit pint knows.
    ("Hard water has 20 grains per gallon.", 20, 20, "grain / gallon", "density"),
    # A dimension is known however pint orders its factors; a symbol whose case matters is read as written.
    ("The outboard makes 300 horsepower.", 300, 300, "horsepower", "power"),
    ("The charger puts out 20 volts.", 20, 20, "volt", "voltage"),
    ("The pack stores 75 kWh of energy.", 75, 75, "kilowatt_hour", "energy"),
    # A time of day is a point in the day, in hours after midnight, whatever clock writes it.
    ("The ferry leaves at 6:45 a.m.", 6.75, 6.75, "time_of_day", "date"),
    ("The museum is open from 9 am to 5 pm.", 9, 17, "time_of_day", "date"),
    ("Feed the hens between 6 and 8 a.m.", 6, 8, "time_of_day", "date"),
    ("The library closes at 17:30.", 17.5, 17.5, "time_of_day", "date"),
    ("The market runs from 10 to 2 pm.", 10, 14, "time_of_day", "date"),
    ("Midnight is 12 a.m. on the dot.", 0, 0, "time_of_day", "date"),
    ("The talk starts at 4.30 pm.", 16.5, 16.5, "time_of_day", "date"),
    # A date is a day: with its year, the day's number since 0001-01-01 (ISO ordinal); without
    # one, its day in a leap year; a month with its year is the month's days.
    ("The bridge reopened on March 3, 2021.", 737852, 737852, "calendar_day", "date"),
    ("Entries close on 30 Sept. 2024.", 739159, 739159, "calendar_day", "date"),
    ("The fair opens on July 22 every summer.", 204, 204, "month_day", "date"),
    ("Plant garlic by the 15th of October.", 289, 289, "month_day", "date"),
    ("The shop opened in March 2020.", 737485, 737515, "calendar_day", "date"),
    # A number after "of" counts the set it is taken from; one of them singles one out.
    ("Two of the engines failed on the test stand.", 2, 2, "", "count"),
    # A bare number is the value a sentence gives a thing it names.
    ("The median of the series is 3.", 3, 3, "", "number"),
    ("Keep the soil at a pH of 6.5.", 6.5, 6.5, "", "number"),
    ("The kit holds a total of 12.", 12, 12, "", "number"),
    # "level" after what it is a level of measures it; a level numbered ("level 3") is no value.
    ("The pH level should be 7.4.", 7.4, 7.4, "", "number"),
    ("The humidity level is 45.", 45, 45, "", "number"),
    # A share of a whole is a percentage.
    ("About 1 in 10 adults snore.", 10, 10, "percent", "ratio"),
    ("About 1 in 2000 births are affected.", 0.05, 0.05, "percent", "ratio"),
    # ... but a sum of money in a year is a sum of money.
    ("The price was $3 in 2019.", 3, 3, "USD", "money"),
    ("A 50 kDa protein binds it.", 50, 50, "kilodalton", "mass"),
    ("Three out of four hikers turn back.", 75, 75, "percent", "ratio"),
    # A month before a number with a unit is no date; a unit with a metric prefix is read.
    ("In July 30 mm of rain fell.", 30, 30, "millimeter", "length"),
    ("Keep it below 140 mmHg.", 140, 140, "millimeter_Hg", "pressure"),
    ("The battery holds 3000 mAh.", 3000, 3000, "milliampere_hour", "charge"),
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The bridge reopened on March 3, 2021.", "2021-03-03"),
        ("The fair opens on July 22 every summer.", "--07-22"),
        ("The shop opened in March 2020.", "2020-03-01/2020-03-31"),
        ("Prune the roses before Feb 15.", "<=--02-15"),
        # Days of one month, in one token or two.
        ("The festival runs July 4-6.", "--07-04/--07-06"),
        ("The meeting was held on 3-5 June 2019.", "2019-06-03/2019-06-05"),
        ("Entries are open from May 1 to 15, 2024.", "2024-05-01/2024-05-15"),
        # A bound on a month bounds it at the edge it names.
        ("Apply before March 2024.", "<=2024-03-01"),
        ("The park reopens after June 2025.", ">=2025-06-30"),
        ("Membership has grown since March 2020.", ">=2020-03-01"),
        ("The offer is valid until March 2024.", "<=2024-03-31"),
        # A weekday may stand before a date; a date may describe the noun after it.
        ("Monday 22 July 2019 was hot.", "2019-07-22"),
        ("The September 30 deadline is firm.", "--09-30"),
        # Two dates a range joins are one span, the year of either standing for both.
        ("Fertilize from May 1 to June 30.", "--05-01/--06-30"),
        ("The sale runs March 3 - April 2, 2024.", "2024-03-03/2024-04-02"),
        ("Visits are allowed between May 1 and May 8.", "--05-01/--05-08"),
        # "o'clock" makes an hour a time of day, read as written.
        ("The shop opens at 9 o'clock sharp.", "09:00"),
    ],
)
def test_a_date_prints_as_iso_8601_writes_it(text: str, label: str) -> None:
    assert [q.label() for q in quantities(text)] == [label]


def test_a_year_after_a_date_with_a_noun_after_it_is_a_count() -> None:
    assert [q.label() for q in quantities("On May 3, 1500 people marched.")] == ["--05-03", "1500 people"]


def test_a_month_in_a_date_is_no_part_of_a_name_even_first_in_its_text() -> None:
    doc = build_nlp()("March 2020 saw the shop close.")
    assert is_measure(doc[0])


def test_dates_given_as_alternatives_stay_two() -> None:
    assert [q.label() for q in quantities("Vote on May 1 or May 8.")] == ["--05-01", "--05-08"]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # str.isdigit holds for superscripts, which int() and float() refuse: no number, no crash.
        ("²", []),
        ("Room ²²²² opens at ³.", []),
        ("It was 5² wide by ¹⁰ in ²⁰²¹.", []),
        # A rate word that ends the text divides by nothing: the amount alone.
        ("Use 1/2 cup of salt for each", ["0.5 cup"]),
        ("2 cups for every", ["2 cup"]),
    ],
)
def test_superscripts_and_cut_short_rates_read_as_english_does(text: str, labels: list[str]) -> None:
    assert [q.label() for q in quantities(text)] == labels


@pytest.mark.parametrize(
    "text",
    ["Add 2 cups of salt to 1 gallon of water.", "Keep a ratio of 2 cups of flour to 1 cup of butter."],
)
def test_to_divides_only_after_a_noun_of_proportion_and_only_unlike_units(text: str) -> None:
    assert [q.dimension for q in quantities(text)] == ["volume", "volume"], quantities(text)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # A proportion is one value, the first number over the second, printed back as written.
        ("Dilute the bleach at 1:10 with water.", ["1:10"]),
        ("The ideal ratio is 3:1.", ["3:1"]),
        ("Mix the glaze at a ratio of 1 to 4.", ["1:4"]),
        ("Use a 2 to 3 ratio of sand to cement.", ["2:3"]),
        ("Mix one part vinegar to three parts water.", ["1:3"]),
        ("Dilute at about 1:20 with water.", ["~1:20"]),
        # "to" joins a range where no proportion is named, and "H:MM" is a time then.
        ("Rest the dough for 2 to 3 hours.", ["2-3 hour"]),
        ("She ran the mile in 4:05.", []),
        # A multiple of another amount is the proportion of the two, no count of times.
        ("Use half as much fine salt as coarse salt.", ["1:2"]),
        ("A thick rug takes about three times as long to dry.", ["~3:1"]),
        ("Repeat three times.", ["3 time"]),
    ],
)
def test_a_proportion_is_one_value(text: str, labels: list[str]) -> None:
    assert [q.label() for q in quantities(text)] == labels
    assert all(q.unit == "ratio" for q in quantities(text) if ":" in q.label())


@pytest.mark.parametrize(
    "text",
    [
        "Use a 1:10 ratio of bleach to water.",
        "The ratio of bleach to water should be 1:10.",
        "Mix one part bleach to ten parts water.",
    ],
)
def test_a_proportion_names_the_two_things_it_sets_against_each_other(text: str) -> None:
    found = [f for f in frames(text) if f.quantity is not None]
    assert [(f.what, f.quantity.label()) for f in found if f.quantity] == [("bleach water", "1:10")]
    assert not [f for f in frames(text) if f.frame == "use" and "ratio" in f.what]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # A multiplicative adverb after its verb counts times, as "3 times" does.
        ("Sand the edges twice.", ["2 time"]),
        ("Stir once before serving.", ["1 time"]),
        ("Repeat once or twice.", ["1-2 time"]),
        # Before a period it is a frequency; as a conjunction or meaning "formerly", nothing.
        ("Feed the fish twice a day.", ["0.5 day"]),
        ("Once the glue sets, remove the clamps.", []),
        ("The style was once popular.", []),
    ],
)
def test_once_and_twice_count_times(text: str, labels: list[str]) -> None:
    assert [q.label() for q in quantities(text)] == labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Parts of the day listed bare after a verb recur each day, as after "every".
        ("Brush the dog morning and night.", [("interval", "brush dog", "0.5 day")]),
        ("Water the seedlings morning and evening.", [("interval", "water seedling", "0.5 day")]),
        # One part alone, one after a preposition, or one naming a kind of thing does not.
        ("Water the lawn in the morning and at night.", []),
        ("Morning and evening walks are best.", []),
    ],
)
def test_parts_of_the_day_listed_after_a_verb_recur(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = [(f.frame, f.what, f.quantity.label()) for f in frames(text) if f.quantity is not None]
    assert found == expected


def test_reading_quantities_keeps_no_parsed_text_alive() -> None:
    doc = build_nlp()("The fair opens on July 22 and closes at 6 pm.")
    assert quantities_of(doc)
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None


def quantities_of(doc: Doc) -> list[Quantity]:
    """Quantities of every sentence of a parsed text."""
    return [q for sent in doc.sents for q in find_quantities(sent)]


@pytest.mark.parametrize(
    "text",
    [
        "You may 3 times a week skip it.",  # "may" is a verb, not May
        "Rain is forecast for February 30.",  # no such day
        "One of the engines failed on the test stand.",  # one picked out of a set, no count
        "In this case it is 3.",  # a pronoun's value: the sentence names no thing
        "Buy the 2 pH strips at the store.",  # "pH" is no picohenry, nor "care" a centiare
        "Section 3 of May's report is late.",  # a numbered item, and a May that owns a noun
        "The final score was 24-17.",  # a score is no range, and no value of "score"
        "The odds are 5 to 1.",
        "Draw the 7 of hearts.",  # a card, not seven hearts out of a set
        # A number that names is no value of the thing it names, nor odds a share.
        "Step 3 of 5: add the eggs.",
        "The room number is 214.",
        "Level 3 of the game is hard.",
        "The latest version is 2.4.",
        "Set your alarm to 6.",
        "The odds are 1 in a million.",
        "This 2 in 1 shampoo works well.",  # a part larger than its whole is no share
    ],
)
def test_words_that_look_like_dates_or_values_are_not(text: str) -> None:
    found = quantities(text)
    assert all(q.dimension not in ("date", "number") and q.counted != "heart" for q in found), (text, found)
    assert all(q.unit != "percent" for q in found), (text, found)
    assert all("pico" not in q.unit for q in found), (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "Dilute the cleaner at 1:10 with water.",  # a ratio, not a time
        "She ran the mile in 5:10.",  # a running time
        "The bag weighs 4.30 kg.",  # a decimal, which only a mark makes a time ("4.30 pm")
        "The hikers were 14 pm hours late.",  # no clock has a 14 pm, and "pm" is no unit
    ],
)
def test_a_number_is_a_time_of_day_only_with_a_clock_mark_or_a_clock_preposition(text: str) -> None:
    found = quantities(text)
    assert all(q.unit not in ("time_of_day", "picometer") for q in found), (text, found)


def test_a_range_of_times_past_midnight_is_read_as_its_two_times() -> None:
    found = [q.label() for q in quantities("Run the pump from 11 pm to 1 am.")]
    assert found == ["23:00", "01:00"], found


@pytest.mark.parametrize(
    ("text", "value", "polarity"),
    [
        ("Water the beds before 10am.", "<=10:00", "affirm"),
        ("Walk the dog after 7 p.m.", ">=19:00", "affirm"),
        # Advice against an act after a time is the act no later than it.
        ("Do not run the dishwasher after 9 pm.", "<=21:00", "affirm"),
    ],
)
def test_a_time_of_day_before_or_after_which_to_act_bounds_it(text: str, value: str, polarity: str) -> None:
    dated = [f for f in frames(text) if f.frame == "date"]
    assert [(f.quantity.label(), f.polarity) for f in dated if f.quantity is not None] == [(value, polarity)]


@pytest.mark.parametrize(
    ("text", "unit", "count"),
    [
        # One measure in two units is one quantity, in the first unit.
        ("Preheat the oven to 350°F (175°C).", "degree_Fahrenheit", 1),
        ("The frame weighs 9.5 kg / 21 lb.", "kilogram", 1),
        # Two measures of different things stay two, and so does a second in the same unit.
        ("Bake for 20 minutes (stir after 10 minutes).", "minute", 2),
        ("Grill for 20 minutes (10 minutes per side).", "minute", 2),
    ],
)
def test_a_measure_given_in_two_units_is_one_quantity(text: str, unit: str, count: int) -> None:
    found = quantities(text)
    assert (found[0].unit, len(found)) == (unit, count), (text, found)


def test_a_letter_after_a_code_or_a_small_c_is_no_unit() -> None:
    assert quantities("Curl 2c hair gently.") == []
    assert [q.unit for q in quantities("Check your A1c every 3 months.")] == ["month"]


def test_degrees_in_a_sentence_about_angles_are_no_temperature() -> None:
    found = quantities("Tilt the solar panel 30 degrees.")
    assert all(q.dimension != "temperature" for q in found), found


def test_two_times_in_a_row_of_the_same_size_stay_two() -> None:
    # "10 minutes, 5 minutes" lists two times; only a smaller unit after a larger one adds up.
    found = quantities("Rest it 10 minutes and 5 minutes more.")
    assert [q.label() for q in found] == ["10 minute", "5 minute"]


def test_a_time_that_is_the_subject_repeats_nothing() -> None:
    assert quantities("Every day is different.") == []


def test_a_vague_quantifier_states_no_number() -> None:
    # "a few days" is no number a reader could check against another page's "3 days".
    assert quantities("Let the varnish cure for a few days.") == []


def test_a_unit_the_tokenizer_split_is_no_part_of_a_name() -> None:
    measured = [f.what for f in frames("Keep the water at 68°F.") if f.quantity is not None]
    assert measured == ["keep water"], measured


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # What is brought to a value holds it; so does the noun a participle or an aside describes.
        ("Set the thermostat to 68°F.", "thermostat"),
        ("Inflate the tyres to 32 psi.", "tyre"),
        ("Put the loaf in an oven preheated to 220°C.", "oven"),
        ("Keep it in a cool cellar (10°C or less).", "cool cellar"),
        # Without such a thing the measure is the act's.
        ("Bake the bread at 400°F.", "bake bread"),
        # Refraining is no part of it: what is refrained from is measured.
        ("Avoid temperatures above 90°F.", "temperature"),
        ("Skip the gym for 3 days.", "gym"),
        # A rate measures the stuff named before its divisor, however the parser hangs it.
        ("Mix 2 cups sugar per litre.", "sugar"),
        ("Spread 3 kg seed per hectare.", "seed"),
        ("Feed the tomatoes 10 ml fertilizer per litre.", "fertilizer"),
        # A list line names its stuff right after the unit, without "of".
        ("3 tablespoons olive oil", "olive oil"),
        ("1 cup brown rice", "brown rice"),
        ("2 cups fine or coarse sea salt", "fine sea salt"),
        # A clause whose light verb the tagger took for a noun or adjective measures its noun.
        ("Most bike tires last 2,000 to 3,000 miles.", "bike tire"),
        ("Most laptop batteries last 3 to 5 years.", "laptop battery"),
        # A verb taken for the head of its subject names no part of it.
        ("A compost bin costs between $30 and $60.", "compost bin"),
        ("A leaf blower costs between $80 and $200.", "leaf blower"),
    ],
)
def test_a_measure_is_of_the_thing_brought_to_it_or_refrained_from(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.quantity is not None] == [what]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Brine a 12 lb turkey for 24 hours.", "brine turkey"),
        ("Bake the 9 inch pie for 40 minutes.", "bake pie"),
    ],
)
def test_a_name_leaves_out_a_measure_before_its_noun(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.frame == "duration"] == [what]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("8-10 lb ham: 2 cups brown sugar", "2 cup"),
        ("Above 30 °C: 2 inches a week", "2 inch / week"),
        ("Dogs over 20 kg: 3 cups of food", "3 cup"),
    ],
)
def test_a_measure_in_a_label_before_a_colon_is_the_case_not_a_claim(text: str, value: str) -> None:
    assert [f.quantity.label() for f in frames(text) if f.quantity is not None] == [value]


def test_only_the_measure_in_the_label_before_a_colon_names_a_case() -> None:
    labels = [f.quantity.label() for f in frames("Kittens: 1 cup, cats over 5 kg: 2 cups.") if f.quantity]
    assert labels == ["1 cup", "2 cup"], labels


def test_a_measure_before_a_colon_with_a_verb_is_a_claim() -> None:
    text = "Boil them for 10 minutes: 2 minutes more for soft yolks."
    labels = sorted(f.quantity.label() for f in frames(text) if f.quantity is not None)
    assert labels == ["10 minute", "2 minute"], labels


def quantities(text: str) -> list[Quantity]:
    """Quantities of the first sentence of ``text``."""
    doc = build_nlp()(text)
    return find_quantities(next(iter(doc.sents)))


def claims_of(text: str) -> list[Claim]:
    """Claims (and non-claims) of a page holding ``text``, one block per line."""
    return segment_document(document_from_text(text, source_id="p"), nlp=build_nlp(), topics=TopicSet())


def values_of(text: str) -> list[str]:
    """The values of the claims of a page holding ``text``, in order."""
    return [c.value for c in claims_of(text) if c.value]


def advice_of(text: str) -> list[Claim]:
    """The advice claims of a page holding the one line ``text``."""
    return [c for c in claims_of(text + "\n") if c.frame == "advice"]


def frames(text: str) -> list[Frame]:
    """Frames of every clause of the first sentence of ``text``."""
    sent = next(iter(build_nlp()(text).sents))
    found = find_quantities(sent)
    return [
        f for clause in split_clauses(sent) for f in frame_clause(clause, clause_quantities(clause, found))
    ]


def effects_of(text: str) -> list[tuple[str, str]]:
    """(cause, effect) of every effect frame of the first sentence of ``text``."""
    return [(f.subject, f.what) for f in frames(text) if f.frame == "effect"]


@pytest.mark.parametrize(("text", "low", "high", "unit", "dimension"), QUANTITIES)
def test_every_quantity_gets_a_normalized_value(
    text: str, low: float, high: float, unit: str, dimension: str
) -> None:
    found = quantities(text)
    assert found, text
    first = found[0]
    assert math.isclose(first.low, low) and math.isclose(first.high, high), (text, first)
    assert first.unit == unit and first.dimension == dimension, (text, first)


@pytest.mark.parametrize(
    "text",
    [
        "Keep the bread in a bag.",
        "Make your point in a sentence or two.",
        # A unit word that describes the noun after it is no measure: an ordinal here.
        "The fence needs a second coat of stain.",
        "Allow a second person to hold the ladder.",
    ],
)
def test_an_article_before_a_counted_noun_is_no_quantity(text: str) -> None:
    assert quantities(text) == [], text


@pytest.mark.parametrize(
    ("text", "bound", "approx"),
    [
        ("Wait at least 24 hours before washing the car.", "min", False),
        ("Eggs keep up to a week in the fridge.", "max", False),
        ("Knead the dough for about 10 minutes.", "", True),
        ("Charge it for 3 hours or more.", "min", False),
        ("Keep the freezer at or below 0°F.", "max", False),
        ("Plant out only when nights stay above 10°C.", "min", False),
        # A longer bound phrase wins over its tail: "no more than" is not "more than".
        ("Charge it for no more than 8 hours.", "max", False),
        ("Rest the dough for no longer than a day.", "max", False),
        ("Bake it for no less than 40 minutes.", "min", False),
        # Trailing bounds of comparison and of age.
        ("Fire the kiln to 1800 degrees or higher.", "min", False),
        ("Store the seed at 5°C or below.", "max", False),
        ("Members aged 65 and over pay half.", "min", False),
    ],
)
def test_bounds_and_hedges_are_kept(text: str, bound: str, approx: bool) -> None:
    first = quantities(text)[0]
    assert (first.bound, first.approx) == (bound, approx), text


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Simmer the sauce for another 5 minutes.", 5, 5, "minute"),
        ("Let the glue cure an additional 24 hours.", 24, 24, "hour"),
        ("Bake the loaf 10 more minutes.", 10, 10, "minute"),
        ("Brush on two more coats of varnish.", 2, 2, ""),
        ("Give the seedlings a further 2 to 3 weeks indoors.", 2, 3, "week"),
    ],
)
def test_an_amount_on_top_of_an_earlier_one_is_marked_added(
    text: str, low: float, high: float, unit: str
) -> None:
    first = quantities(text)[0]
    assert (first.low, first.high, first.bound) == (low, high, "added"), (text, first)
    assert first.unit == unit and first.label().startswith("+"), (text, first)


def test_a_plain_amount_is_no_increment() -> None:
    assert [q.bound for q in quantities("Bake the loaf for 40 minutes, then add more water.")] == [""]


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        # A bound on how often is the other bound on the time between.
        ("Water the ferns at least twice a week.", "max"),
        ("Feed the kitten at most three times a day.", "min"),
        ("Replace the filter at least every 3 months.", "max"),
        ("Service the boiler once a year or more.", "max"),
        # A bound on the gap itself stays as it is.
        ("Space the coats at least 4 hours apart.", "min"),
    ],
)
def test_a_bound_on_how_often_bounds_the_time_between_the_other_way(text: str, bound: str) -> None:
    interval = [f.quantity for f in frames(text) if f.frame == "interval"]
    assert interval and interval[0] is not None and interval[0].bound == bound, (text, interval)


@pytest.mark.parametrize(
    ("text", "frame", "bound"),
    [
        ("Never leave the paint tin open for more than an hour.", "duration", "max"),
        ("Do not let the dough rise for more than 2 hours.", "duration", "max"),
        ("Avoid charging the battery for longer than 12 hours.", "duration", "max"),
        ("Do not feed the puppy more than three times a day.", "interval", "min"),
        ("Don't add more than 2 cups of flour.", "quantity", "max"),
        ("Never leave the paint tin open for an hour or more.", "duration", "max"),
        ("Do not exceed 65 mph on the spare tyre.", "quantity", "max"),
    ],
)
def test_a_negated_comparative_is_a_limit_not_advice_against(text: str, frame: str, bound: str) -> None:
    found = frames(text)
    measured = [f for f in found if f.quantity is not None]
    assert [(f.frame, f.polarity) for f in measured] == [(frame, "affirm")], (text, found)
    assert measured[0].quantity is not None and measured[0].quantity.bound == bound, (text, found)
    assert not [f for f in found if f.polarity == "negate"], (text, found)


def test_a_negation_does_not_reach_a_measure_in_a_condition_or_a_lower_bound() -> None:
    held = frames("Never store the paint for more than a year (or a month if above 30°C).")
    heat = [f.quantity for f in held if f.quantity is not None and f.quantity.dimension == "temperature"]
    assert heat and heat[0] is not None and heat[0].bound == "min", held
    wait = frames("Do not swim for at least two weeks.")
    assert ("wait", "min") in [(f.frame, f.quantity.bound) for f in wait if f.quantity is not None], wait
    assert ("advice", "negate") in [(f.frame, f.polarity) for f in wait], wait


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Water the tomatoes twice a week.", 0.5, 0.5, "week"),
        ("Rotate the tyres every 5,000 to 7,500 miles.", 5000, 7500, "mile"),
        ("Feed the kitten three times a day.", 1 / 3, 1 / 3, "day"),
        ("Services are spaced six months apart.", 6, 6, "month"),
        ("Brush the dog daily.", 1, 1, "day"),
        ("Take the tablets twice daily.", 0.5, 0.5, "day"),
        # "every other" doubles the period; an ordinal multiplies it.
        ("Water the ferns every other day.", 2, 2, "day"),
        ("Mow every 3rd week in autumn.", 3, 3, "week"),
        # A unit after "every" is one of it, or the fraction of it before.
        ("Sweep the porch every day.", 1, 1, "day"),
        ("Baste the roast every half hour.", 0.5, 0.5, "hour"),
        # A part of the day recurs daily; each part listed after one "every" recurs.
        ("Lock the shed every night.", 1, 1, "day"),
        ("Brush your teeth every morning and night.", 0.5, 0.5, "day"),
        ("Check the trap every morning, afternoon and evening.", 1 / 3, 1 / 3, "day"),
        ("Mist the orchid every other morning.", 2, 2, "day"),
        # A word of period before a noun of a regular pattern.
        ("The library updates its catalogue on a monthly basis.", 1, 1, "month"),
        ("Rotate the crops on a yearly schedule.", 1, 1, "year"),
        # A period of several units, and a prefix joined by a hyphen.
        ("Test the water quarterly.", 3, 3, "month"),
        ("Clean the gutters semi-annually.", 6, 6, "month"),
        ("Replace the pads fortnightly.", 2, 2, "week"),
        # A number of times glued to its mark.
        ("Brush 2x a day.", 0.5, 0.5, "day"),
        # A word of period after the object, which the tagger may read as the object noun.
        ("Mow the lawn weekly.", 1, 1, "week"),
        ("Rinse the filter weekly, then dry it.", 1, 1, "week"),
    ],
)
def test_repetitions_are_intervals(text: str, low: float, high: float, unit: str) -> None:
    interval = [f for f in frames(text) if f.frame == "interval"]
    assert interval, text
    qty = interval[0].quantity
    assert (
        qty is not None and math.isclose(qty.low, low) and math.isclose(qty.high, high) and qty.unit == unit
    )


@pytest.mark.parametrize(
    ("text", "intervals"),
    [
        (
            "Rotate the tires every 6 months or 7,500 miles, whichever comes first.",
            {(6, "month"), (7500, "mile")},
        ),
        ("Replace the filter every 12,000 miles or 12 months.", {(12000, "mile"), (12, "month")}),
        # An amount offered beside a repetition is no spacing of it, nor a rate of its own.
        ("Feed the calf every 4 hours or 2 liters at a time.", {(4, "hour")}),
        ("Water the tomatoes every 3 days or 1 inch a week.", {(3, "day")}),
        # "per the manual" is "according to", no rate.
        (
            "Replace the belt every 5 years or 100,000 miles per the owner's manual.",
            {(5, "year"), (100000, "mile")},
        ),
    ],
)
def test_every_governs_the_alternative_of_a_repetition(text: str, intervals: set[tuple[float, str]]) -> None:
    found = {(f.quantity.low, f.quantity.unit) for f in frames(text) if f.frame == "interval" and f.quantity}
    assert found == intervals, text


@pytest.mark.parametrize(
    "text",
    [
        "Keep the bike clean by washing it twice a week.",
        "Your bike should be kept clean by washing it twice a week.",  # the parser's "agent"
    ],
)
def test_the_means_of_keeping_a_thing_is_the_act_that_repeats(text: str) -> None:
    interval = [f for f in frames(text) if f.frame == "interval"]
    assert [f.what.split()[0] for f in interval] == ["wash"], interval


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # Who recommends an act is not who does it.
        ("Dentists recommend flossing daily.", "floss"),
        # A verb of directing someone hands the repeated act to its infinitive, active or passive.
        ("Your dentist has probably reminded you to floss your teeth daily.", "floss tooth"),
        ("You have likely been told to change the filter every three months.", "change filter"),
        ("The coach instructed us to stretch twice a day.", "stretch"),
    ],
)
def test_a_directed_act_is_what_repeats(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.frame == "interval"] == [what]


def test_a_negated_state_after_a_subordinator_sets_nothing_aside() -> None:
    # "when not in use" is a state of the thing, no use of "use" advised against.
    assert not [f for f in frames("Unplug chargers when not in use.") if f.frame == "use"]


@pytest.mark.parametrize(
    ("text", "measures"),
    [
        # A measure in an adjective or participle after the subject is the subject's.
        (
            "Cats over 10 years old should see a vet twice a year.",
            {("cat", "10 year"), ("see vet", "0.5 year")},
        ),
        (
            "Dogs weighing over 50 pounds need 3 cups of food a day.",
            {("dog", "50 pound"), ("food", "3 cup / day")},
        ),
    ],
)
def test_a_measure_describing_the_subject_is_the_subjects(text: str, measures: set[tuple[str, str]]) -> None:
    found = {(f.what, f.quantity.label().lstrip("<>=")) for f in frames(text) if f.quantity is not None}
    assert found == measures, found


@pytest.mark.parametrize(
    ("passive", "active"),
    [
        ("Bananas should be kept at room temperature.", "Keep bananas at room temperature."),
        ("Tomatoes should not be refrigerated.", "Do not refrigerate tomatoes."),
        ("The filter must be replaced.", "Replace the filter."),
    ],
)
def test_a_passive_order_names_what_it_acts_on_as_the_active_does(passive: str, active: str) -> None:
    def advice(text: str) -> list[tuple[str, str]]:
        return [(f.what, f.polarity) for f in frames(text) if f.frame == "advice"]

    assert advice(passive) == advice(active) != []


@pytest.mark.parametrize(
    ("text", "advised"),
    [
        # What the reader may or will want to do is hedged advice; a condition or a statement is not.
        ("You may want to wear gloves.", {("use", "glove", "affirm")}),
        ("You might want to avoid bleach.", {("use", "bleach", "negate")}),
        ("If you want to save money, buy in bulk.", {("advice", "buy bulk", "affirm")}),
        ("You want to save money.", set()),
        ("We may want to revisit the plan.", set()),
    ],
)
def test_what_the_reader_may_want_to_do_is_advice(text: str, advised: set[tuple[str, str, str]]) -> None:
    found = {(f.frame, f.what, f.polarity) for f in frames(text) if f.frame in ("advice", "use")}
    assert found == advised, found


def test_a_ban_on_an_act_is_advice_against_it_and_a_causative_allow_no_permission() -> None:
    assert [(f.what, f.polarity) for f in frames("Smoking is prohibited inside.") if f.frame == "advice"] == [
        ("smoke", "negate")
    ]
    assert [(f.what, f.polarity) for f in frames("Allow the paint to dry.") if f.frame == "advice"] == [
        ("dry", "affirm")
    ]


def test_a_period_with_an_unknown_prefix_gives_no_value_rather_than_a_wrong_one() -> None:
    # "bi-weekly" is twice a week or every two weeks; "weekly" alone would be wrong either way.
    assert not [f for f in frames("Check the filter bi-weekly.") if f.frame == "interval"]


def test_a_period_word_read_as_the_object_names_nothing() -> None:
    assert [f.what for f in frames("Mow the lawn weekly.") if f.frame == "interval"] == ["mow lawn"]
    assert not [f for f in frames("He reads the local weekly.") if f.quantity is not None]


@pytest.mark.parametrize(
    "text",
    [
        # Whom one tells is no thing recommended, and what one tells them is reported.
        "She told reporters that the plant would close.",
        "The mayor reminded residents that the pool opens in June.",
    ],
)
def test_a_verb_of_directing_with_a_that_clause_advises_nothing(text: str) -> None:
    assert not [f for f in frames(text) if f.frame in ("advice", "use")], frames(text)


@pytest.mark.parametrize(
    "text",
    [
        "The manual tells you how to fix it.",
        "The label explains when to reapply it.",
        "Our guide shows you what to plant.",
    ],
)
def test_an_infinitive_asked_with_a_wh_word_is_no_advice(text: str) -> None:
    assert not [f for f in frames(text) if f.frame == "advice"], frames(text)


def test_what_a_causative_keeps_is_its_state_not_its_means() -> None:
    effects = [f.what for f in frames("Mulch keeps the soil moist by blocking light.") if f.frame == "effect"]
    assert effects == ["moist soil"], effects


def test_an_order_listed_before_an_invitation_stays_an_order() -> None:
    claims = claims_of("Rinse it and call us if it blisters.\n")
    assert next((c.kind, c.object) for c in claims) == ("recommendation", "rinse"), claims


@pytest.mark.parametrize(
    ("text", "frame", "what"),
    [
        ("Tire rotation: every 6,000 miles.", "interval", "tire rotation"),
        ("Oven temperature: 220 °C.", "quantity", "oven temperature"),
        # A label headed by a measure noun names the measured act by its modifier.
        ("Cooking time: 20 minutes.", "duration", "cook"),
        # A lone word or an adjective's phrase rates the value; it names nothing measured.
        ("Minimum: 12 hours.", "duration", ""),
        ("Best results: 2 to 3 days.", "duration", ""),
        # A plain adjective and its noun name a kind of thing.
        ("Large eggs: 12 minutes.", "duration", "large egg"),
        # A label that says when names nothing measured; the value's own "of" does.
        ("Sunday morning: 2 hours of yard work.", "duration", "yard work"),
        ("Sunday morning: 2 hours.", "duration", ""),
        ("Night shift: 12 hours.", "duration", "night shift"),
    ],
)
def test_a_label_before_a_colon_names_what_the_value_measures(text: str, frame: str, what: str) -> None:
    claims = claims_of(text + "\n")
    assert [(c.frame, c.object) for c in claims if c.frame] == [(frame, what)], claims


def test_the_pattern_a_period_word_names_is_no_part_of_the_act() -> None:
    interval = [f for f in frames("Wash the dog on a weekly basis.") if f.frame == "interval"]
    assert [f.what for f in interval] == ["wash dog"]
    others = ("The monthly fee is $20.", "Make a weekly schedule for chores.", "Our weekly schedule is out.")
    for text in others:
        assert not [f for f in frames(text) if f.frame == "interval"], text


@pytest.mark.parametrize(
    "text",
    [
        "It was the first time the team won.",
        "For many years, scientists argued about it.",
        "Research firm IDC sees the market growing.",
        "That rarely happens.",
        "She reads the Daily Mail.",
        "Every morning is different.",
        "Every night light in the hallway draws little power.",
        "Every night shift nurse needs blackout curtains.",
        "Every other night light is dim.",
    ],
)
def test_ordinary_wording_reads_no_value(text: str) -> None:
    assert all(f.quantity is None for f in frames(text)), text


def test_what_a_duration_measures_is_named() -> None:
    flight = [f for f in frames("The flight takes 14 hours.") if f.frame == "duration"]
    charger = [f for f in frames("The charger takes 2 hours.") if f.frame == "duration"]
    assert flight and charger
    assert flight[0].what != charger[0].what
    assert "flight" in flight[0].what and "charger" in charger[0].what


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # A relative pronoun stands for the noun its clause modifies.
        ("Replace any tire that is more than 6 years old.", "tire"),
        ("Buy a battery that is at least 5 days old.", "battery"),
        ("The puppy is 8 weeks old.", "puppy"),
    ],
)
def test_an_age_is_the_age_of_the_thing_described(text: str, what: str) -> None:
    durations = [f.what for f in frames(text) if f.frame == "duration"]
    assert durations == [what], durations


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Knead the dough ten times.", "knead dough"),
        ("Coat the fence at least 2 to 3 times.", "coat fence"),
        # A verb that only repeats names no act of its own.
        ("Repeat one or two times.", ""),
    ],
)
def test_a_count_of_times_names_the_act_repeated(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.frame == "count"] == [what]


def test_count_names_the_counted_noun() -> None:
    count = [f for f in frames("Most owners need 3 to 6 lessons.") if f.frame == "count"]
    assert count and count[0].what == "lesson"


def test_wait_names_the_activity() -> None:
    wait = [f for f in frames("Wait at least two hours before swimming.") if f.frame == "wait"]
    assert wait and wait[0].what == "swim"
    refrain = [f for f in frames("Avoid swimming for two weeks.") if f.frame == "wait"]
    assert refrain and refrain[0].what == "swim"


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Wait 24 hours after sealing the deck before walking on it.", "walk"),
        ("Let the glue set for an hour after clamping and before sanding.", "sand"),
        # With the event it counts from alone, that event is what it is measured against.
        ("Wait 2 weeks after seeding.", "seed"),
        # A verb a verb of waiting lets happen waits for the act it comes before.
        ("Let the engine cool for 15 minutes before checking the coolant.", "check coolant"),
        ("Allow the sealant to dry for 48 hours before walking on it.", "walk"),
    ],
)
def test_a_wait_is_for_the_act_it_comes_before(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.frame == "wait"] == [what]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # A use refused in a place or role is refused there only, and named so.
        ("Avoid wearing lenses in the shower.", "lens shower"),
        ("Never use tap water as a substitute for saline.", "tap water substitute"),
        ("Do not use bleach.", "bleach"),
        # A use advised is named by the thing alone, wherever it goes.
        ("Use mild soap on the pan.", "mild soap"),
    ],
)
def test_a_use_refused_somewhere_is_named_with_where(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.frame == "use"] == [what], frames(text)


@pytest.mark.parametrize(
    ("text", "what", "value"),
    [
        # A time before "old" is an age, of the noun it is said of, whatever the verb or negation.
        ("Do not give honey to babies under 1 year old.", "baby", "<=1 year"),
        ("Adopt a 10-week-old puppy.", "puppy", "10 week"),
        ("The bread is 2 days old.", "bread", "2 day"),
        ("Buy the cheese when it is at least 6 months old.", "cheese", ">=6 month"),
    ],
)
def test_a_time_before_old_is_the_age_of_a_thing(text: str, what: str, value: str) -> None:
    claims = claims_of(text)
    ages = [(c.object, c.value) for c in claims if c.frame in ("duration", "wait", "quantity")]
    assert ages == [(what, value)], [(c.frame, c.object, c.value) for c in claims]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # A time after "at" is when to act, counted from a start: no time the act lasts.
        ("Spay your cat at 5 to 6 months.", "spay cat"),
        ("The first vaccine should be given at 10 weeks.", "give vaccine"),
        ("Harvest the garlic at about 8 months.", "harvest garlic"),
    ],
)
def test_a_time_after_at_is_a_moment_to_act(text: str, what: str) -> None:
    found = frames(text)
    assert [f.what for f in found if f.frame == "wait"] == [what], found
    assert not [f for f in found if f.frame == "duration"], found


@pytest.mark.parametrize(
    ("text", "what", "value"),
    [
        ("Check the tire pressure before every ride.", "check tire pressure", "1 ride"),
        ("Wipe the blade dry after each use.", "wipe blade", "1 use"),
        ("Rotate the mattress every 5 to 10 washes.", "rotate mattress", "5-10 wash"),
        # An infinitive on a noun names the act, not the noun: no "good idea" repeats.
        ("It is a good idea to oil the hinges every month.", "oil hinge", "1 month"),
    ],
)
def test_an_act_done_once_per_event_repeats_at_that_event(text: str, what: str, value: str) -> None:
    found = [(f.what, f.quantity.label()) for f in frames(text) if f.frame == "interval" and f.quantity]
    assert found == [(what, value)]


@pytest.mark.parametrize("text", ["Clean every surface of the counter.", "Every puppy needs a collar."])
def test_every_thing_in_space_repeats_nothing(text: str) -> None:
    assert not [f for f in frames(text) if f.frame == "interval"]


def test_no_other_verbless_clause_names_its_noun_as_what_is_measured() -> None:
    claims = claims_of("Hay: timothy for adults, alfalfa for rabbits under 6 months.\n")
    assert [(c.frame, c.object) for c in claims if c.value] == [("duration", "")], claims


def test_an_event_counted_in_units_repeats_at_that_count() -> None:
    found = [f.quantity.label() for f in frames("Grease it after every 10 hours of use.") if f.quantity]
    assert found == ["10 hour"], found


def test_a_not_setting_an_alternative_against_an_act_does_not_negate_it() -> None:
    found = [(f.what, f.polarity) for f in frames("Dry the herbs in the shade, not in direct sun.")]
    assert [p for _, p in found] == ["affirm"], found
    assert [p for f in frames("Do not dry the herbs in direct sun.") for p in [f.polarity]] == ["negate"]
    # Nor is the alternative where the act is done, or what it is done to.
    assert [f.what for f in frames("Store the jars in a cupboard, not the fridge.")] == ["store jar cupboard"]
    looked = frames("Look at the leaves, not the stem.")
    assert [(f.what, f.polarity) for f in looked] == [("look leaf", "affirm")]


def test_a_name_keeps_fewer_as_written() -> None:
    assert {f.what for f in frames("Use fewer screws on thin boards.") if f.frame == "use"} == {"fewer screw"}


def test_a_number_word_joined_by_a_hyphen_names_a_kind() -> None:
    one = {f.what for f in frames("Never flip a one-sided mattress.")}
    two = {f.what for f in frames("Flip a two-sided mattress.")}
    assert one == {"flip one sided mattress"} and two == {"flip two sided mattress"}, (one, two)


def test_an_ordinal_joined_by_a_hyphen_names_a_kind() -> None:
    first = frames("First-degree sunburn heals within a week.")
    second = frames("Second-degree sunburn takes 2 to 3 weeks to heal.")
    names = {f.what for f in first + second if f.frame == "duration"}
    assert names == {"first degree sunburn heal", "second degree sunburn heal"}, names
    found = frames("Third-party chargers can damage the battery.")
    effects = [f.subject for f in found if f.frame == "effect"]
    assert effects == ["third party charger"], effects


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # The scale letter of a split temperature ("35", "°", "C") is part of the unit.
        ("Keep your tablet between 0°C and 35°C.", "keep tablet"),
        # The first word of a bound the parser split off is no particle of the verb.
        ("Chain links can be reused up to three times.", "reuse chain link"),
    ],
)
def test_no_word_of_a_quantity_gets_into_a_name(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.quantity is not None] == [what]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Use kosher salt, not table salt.", {("kosher salt", "affirm"), ("table salt", "negate")}),
        ("Use a nylon brush, not a wire one.", {("nylon brush", "affirm"), ("wire brush", "negate")}),
        # Every item coordinated after "not" is refused, none of them used.
        (
            "Use a soft cloth, not paper or steel wool.",
            {("soft cloth", "affirm"), ("paper", "negate"), ("steel wool", "negate")},
        ),
        # Set apart only by words the name leaves out, the refused thing would be the used one.
        ("Use fresh paint, not paint that has frozen.", {("fresh paint", "affirm")}),
    ],
)
def test_a_thing_set_against_the_used_one_after_not_is_refused(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(f.what, f.polarity) for f in frames(text) if f.frame == "use"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sand and prime the fence.", ["sand fence", "prime fence"]),
        ("Rinse, dry and store the jars.", ["rinse jar", "dry jar", "store jar"]),
        # A verb that hands its act on, or has words of its own, shares nothing.
        ("Go and check the fuses.", ["check fuse"]),
        # The list's subject, modal and negation are shared too.
        ("You should sand and prime the fence.", ["sand fence", "prime fence"]),
        ("Never cut or scrape the cuticles.", ["cut cuticle", "scrape cuticle"]),
        ("Stir well and serve the soup.", ["stir", "serve soup"]),
        ("Cyclists should avoid racing or consult a coach first.", ["race"]),
        # What a verb of using puts on is no object of the verb before it.
        ("Clean and apply a thin coat of wax.", ["clean"]),
    ],
)
def test_a_bare_verb_shares_the_object_of_the_verb_after_it(text: str, expected: list[str]) -> None:
    found = [c.object for c in claims_of(text + "\n") if c.frame == "advice" and c.object]
    assert found == expected, found


@pytest.mark.parametrize("text", ["Stop and check the tires.", "Come and see the new puppies."])
def test_a_verb_that_leads_in_to_an_act_shares_nothing_with_it(text: str) -> None:
    # "stop" is a verb of refraining; before "and" it refrains from nothing.
    assert [c.frame for c in claims_of(text) if c.frame and c.frame != "advice"] == []



def test_fitness_for_an_act_names_the_act() -> None:
    found = [(f.what, f.polarity) for f in frames("Latex paint is not suitable for painting metal.")]
    assert found == [("latex paint paint metal", "negate")], found


@pytest.mark.parametrize(
    "text",
    ["Heavy rain can cause erosion on slopes.", "Erosion on slopes can be caused by heavy rain."],
)
def test_a_passive_effect_is_the_active_one(text: str) -> None:
    effects = effects_of(text)
    assert effects == [("heavy rain", "cause erosion")], effects


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Test smoke alarms every month.", "test smoke alarm"),
        ("Replace the alarm every 10 years.", "replace alarm"),
    ],
)
def test_an_act_repeated_on_a_timing_device_is_an_act_on_it(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.frame == "interval"] == [what]


@pytest.mark.parametrize(
    ("text", "what", "polarity"),
    [
        ("Do not use soap, ever.", "soap", "negate"),
        ("Use a soft brush on the paint.", "soft brush", "affirm"),
        ("We never use bleach.", "bleach", "negate"),
        ("No sugar, salt or butter.", "sugar", "negate"),
        ("Avoid using a pressure washer.", "pressure washer", "negate"),
        # An imperative after its main clause, which the tagger may read as present tense.
        ("The enamel is fragile after bleaching, so use a soft toothbrush.", "soft toothbrush", "affirm"),
        ("The plaster is still soft after drying, so use a gentle brush.", "gentle brush", "affirm"),
        # A verb of choosing, with the thing chosen after its preposition.
        ("Opt for a water-based stain.", "water base stain", "affirm"),
        ("Never settle for cheap filters.", "cheap filter", "negate"),
        # A permission or a ban in the passive.
        ("Dogs are not allowed on the trail.", "dog", "negate"),
        ("Glass bottles are banned from the beach.", "glass bottle", "negate"),
        ("Pets are permitted in the lobby.", "pet", "affirm"),
    ],
)
def test_use_and_its_negation(text: str, what: str, polarity: str) -> None:
    use = [f for f in frames(text) if f.frame == "use"]
    assert any(f.what == what and f.polarity == polarity for f in use), (text, use)


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("No sugar, no dairy, just fruit and nuts.", {"sugar", "dairy"}),
        ("No glue, only screws.", {"glue"}),
        ("No meat, no fish, only vegetables, and no eggs.", {"meat", "fish", "egg"}),
    ],
)
def test_what_just_or_only_brings_into_a_verbless_list_is_not_denied(text: str, denied: set[str]) -> None:
    assert {f.what for f in frames(text) if f.polarity == "negate"} == denied, frames(text)


@pytest.mark.parametrize(
    ("named", "told"),
    [
        ("No smoking.", "Do not smoke."),
        ("Avoid jogging.", "Never jog."),
        ("Mowing is not recommended.", "Do not mow."),
        # A verbless list, which the parser reads as appositions, gives each item.
        ("No fires, no fishing, no camping.", "Do not camp."),
        ("No flash or tripods, and no touching.", "Don't touch."),
    ],
)
def test_an_act_advised_against_by_its_gerund_is_the_act_advised_against_by_its_verb(
    named: str, told: str
) -> None:
    by_verb = {(f.frame, f.what, f.polarity) for f in frames(told)}
    assert by_verb and by_verb <= {(f.frame, f.what, f.polarity) for f in frames(named)}, (named, told)


@pytest.mark.parametrize(
    "text",
    ["Avoid tight clothing.", "No seasoning mix on the ribs.", "Avoid packaging that cannot be recycled."],
)
def test_a_gerund_with_a_modifier_names_a_thing(text: str) -> None:
    assert all(f.frame != "advice" for f in frames(text)), frames(text)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Buy fresh basil and chop it finely.", "chop fresh basil"),
        ("Take the bowls out of the cupboard and rinse them with cold water.", "rinse bowl cold water"),
        ("It is best to rinse the pan.", "rinse pan"),
        # The thing acted on, not the tool after a preposition, is what "it" goes back to.
        ("Wipe the tray with a cloth and dry it in the sun.", "dry tray sun"),
    ],
)
def test_advice_names_what_a_pronoun_or_placeholder_stands_for(text: str, what: str) -> None:
    assert what in [f.what for f in frames(text) if f.frame == "advice"], frames(text)


def test_a_pronoun_prefers_a_participant_of_its_own_sentence_only() -> None:
    # In an earlier sentence the nearest noun stands, not that sentence's object: the water
    # is brought to a boil, not the pot.
    text = "Fill the pot with water. Bring it to a boil."
    claims = claims_of(text)
    assert "bring water boil" in [c.object for c in claims if c.frame == "advice"], claims


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Lithium batteries last around 500 cycles. With care, they last 5 to 7 years.", "lithium battery"),
        ("Most leather boots survive ten winters of salt. They last 15 years with care.", "leather boot"),
    ],
)
def test_a_subject_pronoun_goes_on_with_the_subject_before(text: str, what: str) -> None:
    claims = claims_of(text)
    assert what in [c.object for c in claims if c.frame == "duration"], [(c.frame, c.object) for c in claims]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("The paint needs 4 hours to dry.", "paint dry"),
        ("It will normally take 2-4 weeks for a wound to completely heal.", "wound heal"),
        ("Bread takes about an hour to rise.", "bread rise"),
        # A verb of wanting or reporting hands the measure to its complement.
        ("We'd like you to leave the tape on for 4-6 hours.", "tape"),
        ("Experts say the paint lasts about 5 years.", "paint"),
        # ... also when the tagger reads the complement's verb as an adjective.
        ("The agency says opened jars last about a month.", "open jar"),
        # Who recommends a measure is no part of what it measures.
        ("Experts recommend 8 hours of sleep.", "sleep"),
        ("Some trainers suggest as little as 3 minutes.", ""),
        ("It should be fully healed in 2 weeks.", "heal"),
        ("The flight takes 14 hours.", "flight"),
        # A time written before its noun is that event's, whatever the verb.
        ("Give the eggs a 10-minute ice bath.", "ice bath"),
        ("The three-day festival drew large crowds.", "festival"),
        # A present tense the tagger reads as a plural noun after its subject.
        ("Water-based paint dries in about an hour.", "water base paint dry"),
        # A coordinated act owns its measure; a timer times an act named elsewhere; a verb
        # of avoiding adds nothing to what it avoids.
        ("It is best to prime the wall and paint for about an hour.", "paint"),
        ("Set a timer for 12 minutes.", ""),
        ("This should be avoided for 2 weeks.", ""),
        # "an hour" after a verb that takes a time is one hour.
        ("The dough needs an hour to rise.", "dough rise"),
        ("Leave the cover on the grill for 10 minutes to smoke the fish.", "cover grill"),
    ],
)
def test_a_duration_names_what_it_is_for(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.frame == "duration"] == [what]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # How long a thing keeps is said of the thing where it is kept, the place first.
        ("Cooked rice keeps in the freezer for 6 months.", "freezer cooked rice"),
        ("Leftovers last 3 to 4 days in the refrigerator.", "refrigerator leftover"),
        ("The batteries last 10 years in storage.", "storage battery"),
        ("Opened wine stays fresh for 3 to 5 days in the fridge.", "fridge open wine"),
        ("In the freezer, soup lasts for 2 to 3 months.", "freezer soup"),
        ("Soup can be stored in the fridge for up to 5 days.", "fridge soup"),
        ("Store the bread at room temperature for up to 3 days.", "room temperature bread"),
        # The passive of a verb of keeping names it as the order to keep does.
        ("Eggs can be kept at room temperature for 2 hours.", "egg room temperature"),
        # A phrase of how many cases or a comment opening the sentence is no place.
        ("The pain lasts 2 days in most people.", "pain"),
        ("A full charge lasts 10 hours on average.", "charge"),
        ("In summary, the paint lasts about 5 years.", "paint"),
        # Any other act keeps its own name, with where it is done after it.
        ("Bake the bread in the oven for 30 minutes.", "bake bread oven"),
    ],
)
def test_a_time_of_keeping_names_where_the_thing_is_kept(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.frame == "duration"] == [what]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # "N hours of X" is a time of X, and whose it is: two kinds of sleeper, two things.
        ("Puppies need 18 to 20 hours of sleep.", "puppy sleep"),
        ("Adult dogs need 12 to 14 hours of sleep.", "adult dog sleep"),
        # Not when the owner names it already, nor when "of" names the event counted from.
        ("Get at least 30 minutes of exercise.", "get exercise"),
        ("Eat the salad within 2 hours of making it.", "eat salad"),
    ],
)
def test_a_time_of_some_stuff_is_that_stuff_s(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.frame == "duration"] == [what]


def test_a_light_verb_with_a_time_before_an_act_is_a_wait() -> None:
    found = [(f.frame, f.what) for f in frames("Varnish needs 12 hours before sanding.") if f.quantity]
    assert found == [("wait", "sand")], found
    # A light verb with an object of its own is an act, timed as one.
    taken = frames("Take the butter out of the fridge 30 minutes before baking.")
    assert [(f.frame, f.what) for f in taken if f.quantity] == [("duration", "take butter")]
    # A verb of keeping times the keeping, even with an event it counts from.
    kept = frames("Keep the seedlings out of the wind for a week after planting.")
    assert [(f.frame, f.what) for f in kept if f.quantity] == [("duration", "keep seedling")]


def test_weeks_of_age_are_an_age_not_a_time_of_age() -> None:
    found = [f.what for f in frames("Puppies get their first shots at 8 weeks of age.") if f.quantity]
    assert found == ["puppy"], found


def test_an_opening_verb_read_as_a_noun_still_names_the_act() -> None:
    # The tagger reads "Simmer" as a noun here; English reads an opening bare verb as an order.
    assert [(f.frame, f.what) for f in frames("Simmer for 2 hours.")] == [("duration", "simmer")]
    # A noun phrase stays one: "Storage" is no verb, and "The rest" has a determiner.
    assert [f.what for f in frames("Storage for two days.")] == [""]


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("To unclog a drain, pour baking soda and vinegar into it.", {"pour bake soda", "pour vinegar"}),
        ("To extend battery life, lower the screen brightness.", {"lower screen brightness"}),
        ("To get a smoother finish, sand between coats.", {"sand coat"}),
        ("To keep cats off the counter, place foil on it.", {"place foil"}),
        # A subject and its verb after the comma make a statement, not an order.
        ("To save money, plant seeds cost less than seedlings.", set()),
    ],
)
def test_an_order_after_its_goal_is_read_as_an_order(text: str, advice: set[str]) -> None:
    # The tagger reads the verb after the goal's comma as a noun and makes the goal the root.
    claims = claims_of(text + "\n")
    assert {c.object for c in claims if c.frame == "advice"} == advice, claims


def test_the_word_counting_repetitions_is_no_thing() -> None:
    found = [f for f in frames("Most vets find that 2 times a day is enough.") if f.frame == "interval"]
    assert [f.what for f in found] == [""], found


def test_a_placeholder_subject_leaves_the_measure_to_the_activity() -> None:
    found = [f for f in frames("It is best to leave the lid on for 10 minutes.") if f.frame == "duration"]
    assert found and found[0].what == "lid", found
    # ... and names nothing when there is no activity: "it" alone is no thing.
    assert [f.what for f in frames("It takes 3 hours.") if f.frame == "duration"] == [""]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Salt slows the yeast.", "slow yeast"),
        ("Frost delays the harvest.", "delay harvest"),
        # A causative hands the effect to its complement.
        ("A lid helps prevent splatter.", "prevent splatter"),
        ("Cold water causes the glass to crack.", "crack glass"),
        ("Resting the dough makes shaping much easier.", "easy shape"),
        ("Heat allows the resin to cure faster.", "cure resin"),
        # ... and with no object of its own, the complement's object is what changes.
        ("Baking soda helps soften the beans.", "soften bean"),
        # ... or the state it leaves its object in.
        ("Mulch keeps the roots cool.", "cool root"),
        # ... also where the small parser reads object and state as one noun phrase ("the soil
        # moist") or the state as a noun, through a causative handed on ("helps keep").
        ("Straw keeps the soil moist in summer.", "moist soil"),
        ("A lid keeps the pan hot.", "hot pan"),
        ("Soaking helps keep the beans tender.", "tender bean"),
        ("A lid keeps the cat food moist.", "moist cat food"),
        ("Sugar enhances the flavor.", "enhance flavor"),
        # A verb made from an adjective with "-en", and one of countering.
        ("Vinegar softens the limescale.", "soften limescale"),
        ("Lemon juice balances the sweetness.", "balance sweetness"),
        # A gerund the parser reads as a noun complement is what is caused.
        ("Skipping the primer can cause peeling.", "cause peel"),
    ],
)
def test_a_cause_and_what_it_changes_is_an_effect(text: str, what: str) -> None:
    assert [(f.frame, f.what) for f in frames(text)] == [("effect", what)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cold engines take longer to warm up than warm ones.", ("cold engine", "take longer warm")),
        ("Ripe bananas are much easier to peel.", ("ripe banana", "easier peel")),
        ("Frozen batteries tend to last longer.", ("frozen battery", "last longer")),
        # The direction of the comparison is part of the claim.
        ("Brass fittings are less likely to corrode.", ("brass fitting", "less likely corrode")),
        ("Older batteries hold less charge.", ("old battery", "hold less charge")),
        ("Thicker curtains mean lower heating bills.", ("thicker curtain", "mean lower bill")),
        # A kind with an article or a reader's possessive is still a kind.
        ("SUVs need a bigger battery.", ("suv", "need bigger battery")),
        ("Your tires wear faster when underinflated.", ("tire", "wear faster")),
    ],
)
def test_a_comparative_said_of_a_kind_is_its_effect(text: str, expected: tuple[str, str]) -> None:
    effects = effects_of(text)
    assert effects == [expected], effects


def test_a_degree_word_on_an_adjective_of_a_name_stays() -> None:
    # "less" turns "abrasive" around: dropped as a stop word, the name said the opposite.
    uses = {(f.what, f.polarity) for f in frames("Use a less abrasive sponge.") if f.frame == "use"}
    assert uses == {("less abrasive sponge", "affirm")}, uses
    found = frames("Less expensive tools often break sooner.")
    effects = [(f.subject, f.what) for f in found if f.frame == "effect"]
    assert effects == [("less expensive tool", "break sooner")], effects


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Use less detergent in soft water.", "less detergent"),
        ("Add less sugar to the jam.", "less sugar"),
        ("Use much less fertilizer on young trees.", "less fertilizer"),
    ],
)
def test_a_degree_word_on_the_noun_of_a_name_stays(text: str, what: str) -> None:
    # Advice to use less of a thing is not advice to use it.
    uses = {f.what for f in frames(text) if f.frame == "use"}
    assert uses == {what}, uses


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A superlative said of a kind, and a graded modifier of what a kind needs.
        ("Ripe bananas are the easiest to mash.", ("ripe banana", "easiest mash")),
        ("Clay soils are the slowest to drain.", ("clay soil", "slowest drain")),
        ("Teak is the most durable wood.", ("teak", "most durable wood")),
        ("Sandy soil needs more frequent watering.", ("sandy soil", "need more frequent water")),
        # An adjective that compares by its meaning takes "to" for the other thing, no act.
        ("Distilled water is preferable to tap water.", ("distilled water", "preferable")),
        ("Cast iron is superior to steel for searing.", ("cast iron", "superior")),
    ],
)
def test_a_superlative_or_graded_need_of_a_kind_is_its_effect(text: str, expected: tuple[str, str]) -> None:
    assert effects_of(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "It takes longer.",
        "Water the roses more in July.",
        # Someone's own thing, one of a series, an amount, a kind set apart by a clause.
        "My car is older than my daughter.",
        "The second coat is easier to apply.",
        "Less clutter makes cleaning faster.",
        "Cats that stay indoors live longer.",
        "Dogs with short coats need less grooming.",
        # "No longer" means "not now"; "no more" means "not".
        "Wooden ladders are no longer common.",
        "Electric cars are no more expensive to insure.",
    ],
)
def test_a_comparative_of_no_named_kind_is_no_effect(text: str) -> None:
    assert not [f for f in frames(text) if f.frame == "effect"], text


def test_calling_off_is_no_effect() -> None:
    assert not [f for f in frames("The city canceled the parade because of rain.") if f.frame == "effect"]


def test_a_name_is_no_state_a_causative_leaves() -> None:
    assert [f for f in frames("Samsung makes the Galaxy S24 Ultra.") if f.frame == "effect"] == []


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # A clause of reason, a purpose and a result participle assert what something does.
        ("Cover the dough because a draft slows the rise.", "slow rise"),
        ("Rinse the rice to remove the starch.", "remove starch"),
        ("Water the lawn early, reducing evaporation.", "reduce evaporation"),
        # So does a relative clause of what it describes.
        ("Use a lid that stops splatter.", "stop splatter"),
        # A condition asserts nothing.
        ("If the glue causes a rash, wash your hands.", None),
    ],
)
def test_an_effect_stated_beside_advice_is_a_claim_of_its_own(text: str, what: str | None) -> None:
    found = frames(text)
    assert any(f.frame in ("advice", "use") for f in found), found
    assert [f.what for f in found if f.frame == "effect"] == ([what] if what else []), found


@pytest.mark.parametrize(
    ("text", "effects"),
    [
        # A verb coordinated with an asserted one, without a subject of its own, is asserted too.
        (
            "Shut the greenhouse vents to trap the heat and reduce drafts.",
            [("shut greenhouse vent", "trap heat"), ("shut greenhouse vent", "reduce draft")],
        ),
        (
            "Gravel is a layer that blocks weeds and stops erosion.",
            [("gravel", "block weed"), ("gravel", "stop erosion")],
        ),
        # ... not when the sentence denies what the thing is.
        ("Gravel is not a mulch that stops erosion.", [("mulch", "stop erosion")]),
        # A relative clause on what a thing is says what the thing does.
        ("Linseed oil is a finish that repels water.", [("linseed oil", "repel water")]),
        ("Salt is a mineral that can fade the dye.", [("salt", "fade dye")]),
        # A verb of effect takes its result in a phrase only when it is phrasal ("lead to").
        ("The colours will fade in direct sun.", []),
        ("Speeding can lead to fines.", [("speed", "lead fine")]),
    ],
)
def test_effects_of_coordinated_and_described_predicates(text: str, effects: list[tuple[str, str]]) -> None:
    found = effects_of(text)
    assert found == effects, found


@pytest.mark.parametrize(
    ("text", "effects"),
    [
        # "be" with an adjective or noun of fitness says what its subject does.
        ("Waxing is essential to preventing rust.", [("wax", "prevent rust")]),
        ("A weekly rinse is enough to keep the filter clean.", [("weekly rinse", "clean filter")]),
        ("Pruning is a great way to help ensure healthy growth.", [("prune", "ensure healthy growth")]),
        ("Vinegar is effective at removing stains.", [("vinegar", "remove stain")]),
        # Not when denied, nor with a complement of excess, nor of a rule or a pronoun.
        ("Waxing is not enough to prevent rust.", []),
        ("The paint is too thick to cover the stain.", []),
        ("The goal is to keep the soil moist.", []),
        ("It is a good way to keep the soil moist.", []),
    ],
)
def test_what_be_says_its_subject_is_fit_for_is_its_effect(text: str, effects: list[tuple[str, str]]) -> None:
    found = effects_of(text)
    assert found == effects, found


@pytest.mark.parametrize(
    ("text", "effects"),
    [
        ("Frost has cracked the pipe.", [("frost", "crack pipe")]),
        ("Hard water can clog the nozzle.", [("hard water", "clog nozzle")]),
        ("Alcohol disrupts deep sleep.", [("alcohol", "disrupt deep sleep")]),
        ("Ice relieves the swelling.", [("ice", "relieve swell")]),
        ("Cold air can aggravate asthma.", [("cold air", "aggravate asthma")]),
        # A verb of recommending said of an act is its effect, not advice.
        ("Regular pruning encourages new growth.", [("regular prune", "encourage new growth")]),
        # A particle of removal makes any verb one of effect; an order stays an order.
        ("Rinsing can wash away the glaze.", [("rinse", "wash away glaze")]),
        ("Road salt wears away the paint.", [("road salt", "wear away paint")]),
        ("Wash away the dirt.", []),
        # A verb of making possible with a plain object.
        ("A mesh screen allows air circulation.", [("mesh screen", "allow air circulation")]),
        # A participle before its noun, which the parser made the verb, asserts nothing.
        ("Irritating products for several days.", []),
    ],
)
def test_verbs_of_damage_state_effects(text: str, effects: list[tuple[str, str]]) -> None:
    assert effects_of(text) == effects


@pytest.mark.parametrize(
    ("text", "effects"),
    [
        # A verbless phrase joined by ", and" to a clause is the clause's condition.
        ("Too much glue, and you'll end up with a warped frame.", [("too much glue", "end up warped frame")]),
        ("One wrong cut, and the board is ruined.", [("one wrong cut", "ruin board")]),
        ("Too long, and the noodles turn mushy.", [("too long", "noodle turn mushy")]),
        # Not two clauses, nor a list before a clause.
        ("The pan is hot, and the oil smokes.", []),
        ("Sand and prime the fence.", []),
    ],
)
def test_a_verbless_condition_before_and_brings_about_the_clause(
    text: str, effects: list[tuple[str, str]]
) -> None:
    assert effects_of(text) == effects


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("Applying too much fertilizer will burn the roots.", "apply fertilizer"),
        ("Using a soft brush helps prevent scratches.", "use soft brush"),
        ("Oiling the hinges stops the squeak.", "oil hinge"),
    ],
)
def test_an_act_as_the_subject_is_named_with_what_it_acts_on(text: str, cause: str) -> None:
    assert [f.subject for f in frames(text) if f.frame == "effect"] == [cause]


@pytest.mark.parametrize(
    ("text", "things", "polarity"),
    [
        ("Avoid harsh cleaners such as bleach or ammonia.", ["harsh cleaner", "bleach", "ammonia"], "negate"),
        ("Add a sweetener such as honey.", ["sweetener", "honey"], "affirm"),
        ("Use soft foods, including yogurt and soup.", ["soft food", "yogurt", "soup"], "affirm"),
        # "as" alone is no example: it names a role.
        ("Use the lid as a tray.", ["lid"], "affirm"),
    ],
)
def test_examples_of_a_thing_are_advised_on_as_it_is(text: str, things: list[str], polarity: str) -> None:
    found = [f for f in frames(text) if f.frame == "use"]
    assert [f.what for f in found] == things and {f.polarity for f in found} == {polarity}, found


@pytest.mark.parametrize(
    ("text", "frame", "what"),
    [
        ("Beware of cheap chargers.", "use", "cheap charger"),
        ("Beware of touching the fence wire.", "advice", "touch fence wire"),
        ("Beware the ice on the bridge.", "use", "ice"),
    ],
)
def test_being_wary_of_a_thing_advises_against_it(text: str, frame: str, what: str) -> None:
    found = [(f.frame, f.what, f.polarity) for f in frames(text) if f.frame in ("use", "advice")]
    assert found == [(frame, what, "negate")], found


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Its best to rinse the filter.", "rinse filter"),
        ("Its important to check the tyre pressure.", "check tyre pressure"),
    ],
)
def test_its_for_it_is_before_a_judgment_still_advises(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.frame == "advice"] == [what]


def test_its_as_a_possessive_advises_nothing() -> None:
    assert [f for f in frames("Its best feature is the low price.") if f.frame == "advice"] == []


def test_one_way_to_do_a_thing_advises_the_act_it_names_and_counts_nothing() -> None:
    found = [(f.frame, f.what) for f in frames("One way to clean the grill is to scrub it hot.")]
    assert found == [("advice", "scrub grill")], found


def test_a_count_of_ways_or_ideas_is_still_a_count() -> None:
    found = frames("The agency chose three lander ideas and two ways to fund them.")
    counts = [f.quantity.low for f in found if f.frame == "count" and f.quantity is not None]
    assert counts == [3, 2], counts


def test_suitability_reads_negation() -> None:
    found = [f for f in frames("This harness is not suitable for puppies.") if f.frame == "suitability"]
    assert found and found[0].polarity == "negate" and "puppy" in found[0].what


@pytest.mark.parametrize(
    ("text", "what", "polarity"),
    [
        # "for" hung on the verb rather than the adjective.
        ("Hiking is safe for most dogs.", "hike dog", "affirm"),
        # Permission without "for": what is allowed is the subject, or the act after "it is".
        ("Showers are fine.", "shower", "affirm"),
        ("It is ok to swim with a cast.", "swim cast", "affirm"),
        ("Raw dough is not safe.", "raw dough", "negate"),
        # Adjectives of permission alone, and an act named by a gerund with its object.
        ("Leftover rice is acceptable.", "leftover rice", "affirm"),
        ("Jogging is acceptable.", "jog", "affirm"),
        ("Taking ibuprofen is fine.", "take ibuprofen", "affirm"),
    ],
)
def test_suitability_and_permission(text: str, what: str, polarity: str) -> None:
    found = [(f.what, f.polarity) for f in frames(text) if f.frame == "suitability"]
    assert found == [(what, polarity)], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mild shampoo is best.", [("mild shampoo", "affirm")]),
        ("A soft brush is essential.", [("soft brush", "affirm")]),
        ("A second coat is unnecessary.", [("coat", "negate")]),
        ("A lid is not necessary.", [("lid", "negate")]),
        # A judgment with its own scope, or of a thing named before, advises on nothing.
        ("The weather is best in May.", []),
        ("This step is crucial.", []),
    ],
)
def test_a_thing_judged_needed_or_needless_is_advice_on_using_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(f.what, f.polarity) for f in frames(text) if f.frame == "use"] == expected, text


def test_an_opening_base_form_read_as_past_tense_is_advice() -> None:
    # The tagger reads "Clean" as past tense; with no subject it can only be an order.
    advice = [f.what for f in frames("Clean the grill with a stiff brush.") if f.frame == "advice"]
    assert advice and advice[0].startswith("clean grill"), advice


def test_advice_against_an_activity() -> None:
    found = [f for f in frames("You should never leave a dog in a hot car.") if f.frame == "advice"]
    assert found and found[0].polarity == "negate" and "leave" in found[0].what


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Negation spans verbs that share its auxiliary: both acts are advised against.
        ("Never prune or fertilize the roses.", {("prune rose", "negate"), ("fertilize rose", "negate")}),
        # A bare verb names the act, so "do not smoke" on two pages is one point.
        ("Do not smoke.", {("smoke", "negate")}),
        # Verbs of letting hand the act to the verb after them.
        ("Do not let the dog chew the cable.", {("chew cable", "negate")}),
        ("Never allow children to climb the fence.", {("climb fence", "negate")}),
        # ... even when the tagger reads that verb as a noun: it still takes an object.
        ("Avoid letting dogs lick the wound.", {("lick wound", "negate")}),
        # A "no" before a noun does not reach an order coordinated after it.
        ("No jogging, and stretch your legs gently.", {("jog", "negate"), ("stretch leg", "affirm")}),
        (
            "No smoking or drinking, and rest the knee.",
            {("smoke", "negate"), ("drink", "negate"), ("rest knee", "affirm")},
        ),
        # "be sure to", "make sure", "be careful not to" advise on the verb after them.
        ("Be sure to check the tire pressure.", {("check tire pressure", "affirm")}),
        ("Make sure you lock the door.", {("lock door", "affirm")}),
        ("Be careful not to overwater the seedlings.", {("overwater seedling", "negate")}),
        # Each thing an act is done with is its own advice, as another page may say one alone.
        (
            "Wash the car with mild soap and warm water.",
            {("wash car mild soap", "affirm"), ("wash car warm water", "affirm")},
        ),
        # Negation on the word that gives the advice carries to the act advised on.
        ("You do not need to prune the roses.", {("prune rose", "negate")}),
        ("It is not necessary to prune the roses.", {("prune rose", "negate")}),
        # A bound prefix stays with its word ("re-" is no verb of its own).
        ("Do not re-paint the door.", {("re-paint door", "negate")}),
        # A verb that only stands in for an act named elsewhere names nothing.
        ("Do this carefully.", {("", "affirm")}),
        # A negation on the act handed over counts: "try not to" advises against.
        ("Try not to overwater the ferns.", {("overwater fern", "negate")}),
        # Failing to do is not doing, so not failing is doing; not bothering is not doing.
        ("Don't forget to lock the shed.", {("lock shed", "affirm")}),
        ("Don't bother ironing the sheets.", {("iron sheet", "negate")}),
        # A judgment on an act is advice on it, for or against.
        ("There is no need to iron the sheets.", {("iron sheet", "negate")}),
        ("No need to iron the sheets.", {("iron sheet", "negate")}),
        ("Ironing the sheets is not necessary.", {("iron sheet", "negate")}),
        ("Ironing the sheets is unnecessary.", {("iron sheet", "negate")}),
        ("It is a good idea to iron the sheets.", {("iron sheet", "affirm")}),
        ("It is a bad idea to iron the sheets.", {("iron sheet", "negate")}),
        ("It is not a good idea to iron the sheets.", {("iron sheet", "negate")}),
        # "need" as a modal comes with a negation and advises against.
        ("You need not rinse the rice.", {("rinse rice", "negate")}),
        # A rule is advice on what it says; a mistake warns against it.
        ("The golden rule is to never leave the bike in the rain.", {("leave bike rain", "negate")}),
        ("The key is to rinse the brush right away.", {("rinse brush", "affirm")}),
        ("Your best bet is to prune the hedge.", {("prune hedge", "affirm")}),
        ("It is a mistake to store the paint in a cold garage.", {("store paint cold garage", "negate")}),
        ("A common mistake is to overwater the seedlings.", {("overwater seedling", "negate")}),
        ("Another mistake is storing the paint in a cold garage.", {("store paint cold garage", "negate")}),
        # An order to know or notice a statement adds no act; with "to" it hands one on.
        ("It is important to understand what the label means.", set()),
        ("Remember that frost can come early in May.", set()),
        ("Remember to lock the shed.", {("lock shed", "affirm")}),
        # Starting by an act advises the act.
        ("Start by sanding the edges.", {("sand edge", "affirm")}),
        # A negation does not reach past ", and" into a second order of its own.
        ("Don't brake, and call a tow truck.", {("brake", "negate"), ("call tow truck", "affirm")}),
        # Keeping a statement in mind, or being aware of it, adds no act.
        ("Keep in mind that ladders need level ground.", set()),
        ("Keep in mind that you must turn off the breaker first.", {("turn off breaker", "affirm")}),
        ("Be aware that the paint may drip.", set()),
    ],
)
def test_advice_reads_english_constructions(text: str, expected: set[tuple[str, str]]) -> None:
    advice = {(f.what, f.polarity) for f in frames(text) if f.frame == "advice"}
    assert advice == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stay away from salt water.", {("use", "salt water", "negate")}),
        ("Steer clear of harsh detergents.", {("use", "harsh detergent", "negate")}),
        # With an object, the order is about the object.
        ("Keep the puppy away from the stairs.", {("advice", "keep puppy", "affirm")}),
        # On a label the product is kept away; contact with the thing is advised against alike.
        ("Keep away from heat sources.", {("use", "heat source", "negate")}),
    ],
)
def test_keeping_away_from_a_thing_advises_against_it(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert {(f.frame, f.what, f.polarity) for f in frames(text)} == expected, text


def test_a_clause_with_its_own_subject_is_read_wherever_the_parser_hangs_it() -> None:
    text = "The main rule is that you can't rush the drying, and when you paint, you shouldn't use a roller."
    found = {(f.frame, f.what, f.polarity) for f in frames(text)}
    assert ("use", "roller", "negate") in found, found


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # "hand" and "foot" are units to pint, but without a number they are things.
        ("Wash your hands before cooking.", "wash hand"),
        ("Soak your feet in warm water.", "soak foot warm water"),
    ],
)
def test_a_unit_word_without_a_number_is_a_thing(text: str, what: str) -> None:
    assert what in [f.what for f in frames(text) if f.frame == "advice"], frames(text)


@pytest.mark.parametrize(
    ("text", "acts", "polarity"),
    [
        ("Never scrape, chip, sand or scratch the paint.", ["scrape", "chip", "sand", "scratch"], "negate"),
        ("Do not pick, squeeze, or pop the blister.", ["pick", "squeeze", "pop"], "negate"),
        # The parser makes some listed verbs clauses of their own; the list still speaks once.
        ("Sift, whisk and fold the flour.", ["sift", "whisk", "fold"], "affirm"),
        ("Do not bend, fold, or staple the card.", ["bend", "fold", "staple"], "negate"),
        ("Never kick, push or hit the dog.", ["kick", "push", "hit"], "negate"),
    ],
)
def test_each_act_of_a_list_of_verbs_is_advice_on_the_object_they_share(
    text: str, acts: list[str], polarity: str
) -> None:
    advice = [(f.what, f.polarity) for f in frames(text) if f.frame == "advice"]
    thing = text.split()[-1].rstrip(".")
    assert advice == [(f"{act} {thing}", polarity) for act in acts], advice


def test_two_acts_joined_by_and_stay_two_clauses_not_a_list() -> None:
    claims = segment_document(
        document_from_text("Rinse and dry the bowl.", source_id="p"), nlp=build_nlp(), topics=TopicSet()
    )
    advice = sorted((c.text, c.object) for c in claims if c.frame == "advice")
    # Two claims, one per clause; the bare first verb shares the object of the second.
    assert advice == [("Rinse", "rinse bowl"), ("dry the bowl", "dry bowl")], advice


def test_a_negation_before_a_list_joined_by_and_stays_with_its_act() -> None:
    advice = [(f.what, f.polarity) for f in frames("Don't brake, steer and breathe.") if f.frame == "advice"]
    assert advice == [("brake", "negate"), ("steer", "affirm"), ("breathe", "affirm")], advice


def test_a_feeling_in_a_list_of_orders_reassures_and_the_acts_stay_advice() -> None:
    advice = [(f.what, f.polarity) for f in frames("Don't panic, relax and breathe.") if f.frame == "advice"]
    assert advice == [("breathe", "affirm")], advice


def test_a_capitalized_verb_read_as_a_name_opens_an_order() -> None:
    # The tagger reads "Pat" as a name; the stronger primer reads the order.
    advice = [f.what for f in frames("Pat skin and feathers dry.") if f.frame == "advice"]
    assert advice == ["pat skin", "pat feather"], advice


def test_a_word_between_commas_that_is_no_verb_makes_no_list() -> None:
    advice = [f.what for f in frames("Stir, however, and cook the sauce.") if f.frame == "advice"]
    assert not any("however" in what for what in advice), advice


def test_each_listed_act_is_a_claim_whose_words_hold_it() -> None:
    doc = document_from_text("Never kick, push or hit the dog.", source_id="p")
    advice = [c for c in segment_document(doc, nlp=build_nlp(), topics=TopicSet()) if c.frame == "advice"]
    assert len(advice) == 3 and all(c.object.split()[0] in c.text.lower() for c in advice), advice


def test_a_noun_the_tagger_does_not_know_still_heads_its_name() -> None:
    # The small tagger reads "tattoo" after "your new" as an adverb and makes "new" the object.
    advice = [f.what for f in frames("Keep your new tattoo away from pets.") if f.frame == "advice"]
    assert advice == ["keep new tattoo"], advice


@pytest.mark.parametrize(
    ("text", "what", "polarity"),
    [
        # A partitive noun, or a unit, measures out the thing after "of".
        ("Add two cups of flour to the bowl.", "flour", "affirm"),
        ("Apply a thin layer of wax to the skis.", "wax", "affirm"),
        ("Add a pinch of salt to the sauce.", "salt", "affirm"),
        # What a thing contains says which kind it is.
        ("Avoid cleaners containing bleach.", "cleaner bleach", "negate"),
        ("Avoid glues that contain solvents.", "glue solvent", "negate"),
    ],
)
def test_names_keep_what_tells_things_apart(text: str, what: str, polarity: str) -> None:
    use = [(f.what, f.polarity) for f in frames(text) if f.frame == "use"]
    assert (what, polarity) in use, (text, use)


@pytest.mark.parametrize(
    ("text", "whats"),
    [
        ("No detergent with bleach, enzymes, or dyes.", ["detergent bleach", "enzyme", "dye"]),
        ("Avoid cleaners containing bleach, ammonia or acid.", ["cleaner bleach", "ammonia", "acid"]),
    ],
)
def test_each_kind_of_a_listed_kind_is_a_thing_advised_on(text: str, whats: list[str]) -> None:
    used = [(f.what, f.polarity) for f in frames(text) if f.frame == "use"]
    assert used == [(what, "negate") for what in whats], used


def test_an_adverb_grading_a_modifier_is_part_of_the_name() -> None:
    found = frames("In our garden, extra large or jumbo pumpkins need 18 weeks.")
    assert [(f.frame, f.what) for f in found] == [("duration", "extra large pumpkin")]


def test_a_list_under_a_negated_lead_in_is_advised_against() -> None:
    text = (
        "Caring for fresh paint\n"
        "While the paint cures, do not:\n"
        "- touch the surface\n"
        "- close the windows\n"
        "Then:\n"
        "- sand the edges\n"
        "Some people don't bother. The steps are:\n"
        "- wipe the brush\n"
    )
    claims = claims_of(text)
    advice = {c.object: c.polarity for c in claims if c.frame == "advice"}
    assert advice["touch surface"] == "negate" and advice["close window"] == "negate"
    # Only a lead-in whose own sentence is negated turns its items against.
    assert advice["sand edge"] == "affirm" and advice["wipe brush"] == "affirm"


def test_a_typographic_apostrophe_reads_as_a_plain_one() -> None:
    plain = "It's fine to mow wet grass. Don't leave the mower out."
    curly = plain.replace("'", "\u2019")
    nlp = build_nlp()

    def read(text: str) -> list[tuple[str | None, str, str]]:
        claims = segment_document(document_from_text(text, source_id="p"), nlp=nlp, topics=TopicSet())
        return [(c.frame, c.object, c.polarity) for c in claims]

    assert read(curly) == read(plain) and ("advice", "leave out mower", "negate") in read(curly), read(curly)
    # The quote is still the page's own characters.
    claims = segment_document(document_from_text(curly, source_id="p"), nlp=nlp, topics=TopicSet())
    assert all("\u2019" in c.quote for c in claims), [c.quote for c in claims]


def test_steps_written_without_full_stops_are_claims_and_titles_are_not() -> None:
    text = (
        "Sanding A Table Top\n"
        "Wipe the table with a damp cloth\n"
        "Let the wood dry for 2 hours before sanding\n"
        "Why sanding matters\n"
        "Sanding opens the grain so the stain can soak in.\n"
        "Apply a Thin Coat of Stain to the Wood\n"
        "SAND THE EDGES BY HAND\n"
    )
    claims = claims_of(text)
    framed = {c.text: c.is_claim for c in claims if c.frame}
    assert framed.get("Wipe the table with a damp cloth") is True, framed
    assert any(c.is_claim and c.value == "2 hour" for c in claims), [c.text for c in claims]
    # Title case (short function words in lower case) and capitals show no sentence case.
    named = (
        "Sanding A Table Top",
        "Why sanding matters",
        "Apply a Thin Coat of Stain to the Wood",
        "SAND THE EDGES BY HAND",
    )
    titles = {c.text: (c.kind, c.is_claim) for c in claims if c.text in named}
    assert titles == dict.fromkeys(named, ("heading", False)), titles
    # A step still heads the lines after it, as the page lays them out.
    assert any(c.section == "Let the wood dry for 2 hours before sanding" for c in claims), claims


def test_a_line_of_an_amount_of_stuff_states_its_use_as_an_order_to_add_it_does() -> None:
    text = "Glaze\n300 g brown sugar\n2 tablespoons lemon juice\nYield: 2 cups\nAdd 50 g butter.\n"
    claims = claims_of(text)
    used = sorted(c.object for c in claims if c.frame == "use")
    assert used == ["brown sugar", "butter", "lemon juice"], used
    values = {c.value for c in claims if c.frame == "quantity"}
    assert values == {"300 gram", "2 tablespoon", "2 cup", "50 gram"}, values


def test_a_line_that_forbids_without_a_verb_is_a_claim_and_a_title_is_not() -> None:
    text = "After Planting\nNo walking on the bed\nNo fertilizer or compost\nNo-Dig Gardening\nNO PETS\n"
    claims = claims_of(text)
    refused = {c.object for c in claims if c.is_claim and c.polarity == "negate"}
    assert {"walk", "fertilizer", "compost"} <= refused, refused
    titles = {c.text: (c.kind, c.is_claim) for c in claims if c.text in ("No-Dig Gardening", "NO PETS")}
    assert titles == dict.fromkeys(("No-Dig Gardening", "NO PETS"), ("heading", False)), titles


def test_a_line_of_an_amount_or_a_labelled_value_is_a_claim_and_a_counted_title_is_not() -> None:
    text = "Stain\n3 Tips for a Smooth Finish\nDrying time: 4 hours\n2 cups mineral spirits\nWork along it.\n"
    claims = claims_of(text)
    kinds = {c.text: (c.kind, c.value) for c in claims if c.frame != "use"}  # an amount's use: below
    assert kinds["3 Tips for a Smooth Finish"] == ("heading", "")
    assert kinds["Drying time: 4 hours"] == ("quantity", "4 hour")
    assert kinds["2 cups mineral spirits"] == ("quantity", "2 cup")


def test_shouted_advice_reads_as_advice_and_quotes_keep_the_capitals() -> None:
    text = "NEVER SAND WET WOOD.\nUse SPF 30 on the boat.\n"
    claims = claims_of(text)
    advice = [(c.object, c.polarity, c.quote) for c in claims if c.frame == "advice"]
    assert ("sand wet wood", "negate", "NEVER SAND WET WOOD.") in advice
    # A lone capitalized word is an acronym and stays as written.
    assert calm_capitals("Use SPF 30 on the boat.") == "Use SPF 30 on the boat."


@given(st.text(max_size=200))
def test_calming_capitals_keeps_every_character_in_place(text: str) -> None:
    calmed = calm_capitals(text)
    assert len(calmed) == len(text)
    assert all(a == b or a.lower() == b for a, b in zip(text, calmed, strict=True))


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("The crust should look golden.", False),
        ("The dough should feel tacky to the touch.", False),
        ("The finished joint should look like a clean line.", False),
        ("You should taste the sauce before serving.", True),
        ("You should look at the tyres before a long drive.", True),
        ("You should look professional at a job interview.", True),  # said of the reader
    ],
)
def test_a_modal_on_a_verb_of_appearance_expects_a_look_and_advises_nothing(text: str, advice: bool) -> None:
    assert any(f.frame == "advice" for f in frames(text)) == advice, frames(text)


@pytest.mark.parametrize(
    ("text", "advised"),
    [
        # A verb coordinated with one that has a subject shares it: no order.
        ("Vinegar can loosen the rust and brighten the chrome.", set()),
        ("They rinse the brush and dry it.", set()),
        # ... and shares a modal of advice with it.
        ("You should rinse the brush and dry it.", {"rinse brush", "dry brush"}),
        ("Rinse the brush and dry it.", {"rinse brush", "dry brush"}),
        # A word that opens a new clause, or a base form after a third-person verb: an order.
        ("The soil is dry, so water the plants.", {"water plant"}),
        ("The paint is still wet, but sand the edges anyway.", {"sand edge"}),
        ("It will rain today, bring an umbrella.", {"bring umbrella"}),
        # A list of verbs shares the first one's subject or modal through its commas.
        ("Exercise can lower blood pressure, improve sleep and boost your mood.", set()),
        ("The dough will rise and then double in size.", set()),
        ("You should rinse the brush, dry it and store it.", {"rinse brush", "dry brush", "store brush"}),
    ],
)
def test_a_coordinated_verb_shares_the_subject_and_modal_of_the_first(text: str, advised: set[str]) -> None:
    claims = claims_of(text + "\n")
    assert {c.object for c in claims if c.frame == "advice"} == advised, [(c.frame, c.object) for c in claims]


def test_an_order_after_a_bare_comma_is_an_order() -> None:
    claims = claims_of("The varnish will crack and flake, do not sand the door.\n")
    assert ("advice", "sand door", "negate") in {(c.frame, c.object, c.polarity) for c in claims}, claims


@pytest.mark.parametrize("text", ["Note: the glue sets in an hour.", "TIP: sharpen the blade first."])
def test_a_lone_word_before_a_colon_is_a_label_not_advice(text: str) -> None:
    claims = claims_of(text + "\n")
    label = claims[0]
    assert label.text.rstrip(":").lower() in ("note", "tip") and not label.is_claim, label


@pytest.mark.parametrize(
    "text",
    [
        "To ensure a smooth finish on the table top",
        "We recommend the following steps.",
        "We advise the following",
    ],
)
def test_a_goal_or_a_pointer_to_the_page_states_nothing(text: str) -> None:
    assert frames(text) == [], frames(text)


@pytest.mark.parametrize(
    "text", ["To keep the paint fresh, seal the can tightly.", "To remove rust, scrub it with steel wool."]
)
def test_a_goal_before_its_order_asserts_no_effect(text: str) -> None:
    # The goal says what the order is for; it states no effect of anything by itself.
    found = frames(text)
    assert not [f for f in found if f.frame == "effect"], found
    assert [f for f in found if f.frame == "advice"], found


@pytest.mark.parametrize(
    ("line", "is_claim"),
    [
        ("Using a Slow Cooker:", False),
        ("For the glaze:", False),
        ("What you need:", False),  # an embedded question
        ("What to do if the engine overheats:", False),
        ("Rinse the jars:", True),  # an order before its list
        ("You will need:", True),  # a sentence, with a finite verb
        ("12-48 hours:", True),  # a measure naming its case
    ],
)
def test_a_short_verbless_phrase_before_a_colon_titles_what_follows(line: str, is_claim: bool) -> None:
    page = document_from_text(line + "\nthe lines it titles follow here.\n", source_id="p")
    first = segment_document(page, nlp=build_nlp(), topics=TopicSet())[0]
    assert first.is_claim == is_claim, (first.kind, first.text)


def test_the_writers_proposals_and_offers_are_no_advice() -> None:
    text = "Let's look at the science of bread.\nGet our sourdough recipe.\nLet the dough rest.\n"
    claims = claims_of(text)
    by_text = {c.text: c for c in claims}
    assert by_text["Let's look at the science of bread."].frame == ""
    offer = by_text["Get our sourdough recipe."]
    assert offer.kind == "call_to_action" and not offer.is_claim
    # "let" with a thing, not "us", still advises.
    assert by_text["Let the dough rest."].frame == "advice"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Click here to subscribe.", "call_to_action"),
        ("Subscribe to our newsletter.", "call_to_action"),
        # Verbs of the screen that are also verbs of the kitchen or the sewing table advise.
        ("Gently tap the egg on the counter.", "recommendation"),
        ("Pin the hem before sewing.", "recommendation"),
        # An order that sends the reader through the page itself.
        ("Follow these steps to wire the dimmer.", "call_to_action"),
        ("Skip to the next section if your bike has disc brakes.", "call_to_action"),
        ("See the table below for torque settings.", "call_to_action"),
        ("Keep reading to learn how to fold a fitted sheet.", "call_to_action"),
        ("It is important to follow these guidelines.", "call_to_action"),
        ("Follow this method for each coat of varnish.", "call_to_action"),
        ("Follow the recipe below for a quick glaze.", "call_to_action"),
        # A text that is no part of the page, or a step of the work, is advice.
        ("Read the label before you spray.", "recommendation"),
        ("Follow the manufacturer's instructions.", "recommendation"),
        ("Repeat for the next step.", "recommendation"),
        # Reading to someone, or where, is an act; things named like parts of a text are things.
        ("Read to your child for 20 minutes a day.", "quantity"),
        ("Don't read in dim light.", "warning"),
        ("Set the posts below the frost line.", "recommendation"),
        ("Repeat these steps for each window.", "recommendation"),
        ("This method works best for thin boards.", "statement"),
        ("Take the next step in your career.", "recommendation"),
        # A pointer that also gives a measure keeps it.
        ("Follow these steps to bake the bread at 220°C.", "quantity"),
        # ... but not a number of the text itself, nor reading on for what it gives.
        ("Follow these 5 steps to unclog the drain.", "call_to_action"),
        ("See step 3 above.", "call_to_action"),
        ("Read on for our top tips.", "call_to_action"),
        # An order that acts on the writer invites the reader to get in touch.
        ("Call us at 555-0100 if the pump leaks.", "call_to_action"),
        ("Feel free to email your photos to us.", "call_to_action"),
        ("Tell us what you think.", "call_to_action"),
        # An order to ask someone else is advice.
        ("Ask your vet before giving the dog aspirin.", "recommendation"),
        # The writer's courtesy formulas, with the "I" dropped, order nothing; thanking
        # someone else is an order.
        ("Thank you for reading!", "statement"),
        ("Hope this helps.", "statement"),
        ("Always thank the mechanic who stayed late.", "recommendation"),
        ("Thank your neighbors for watering the plants.", "recommendation"),
        ("Thank goodness the pipes held.", "statement"),
        # A verb of feeling with no object reassures; with one it names an act.
        ("Don't worry if the pond looks green at first.", "statement"),
        ("Relax the grip between sets.", "recommendation"),
        ("Contact Us for a free quote.", "call_to_action"),
        ("Book an appointment with us online.", "call_to_action"),
        # A first order with its own object is no part of the invitation listed after it.
        ("Rinse the cut with water.", "recommendation"),
        # "us" and "me" invite contact only as the order's own arguments.
        ("Buy a plug adapter when traveling outside the US.", "recommendation"),
        ("Wear gloves, as the nurse reminded me.", "recommendation"),
        ("Let me show you how to fix a leaky faucet.", "statement"),
        # A table to use may be furniture.
        ("Use this table for serving buffet dishes.", "recommendation"),
    ],
)
def test_calls_to_action_are_orders_of_a_web_page(text: str, kind: str) -> None:
    claims = claims_of(text + "\n")
    assert [c.kind for c in claims] == [kind], [(c.kind, c.text) for c in claims]


def test_list_bullets_are_split_from_the_word_after_them() -> None:
    words = [t.text for t in build_nlp()("•Rinse the jars. ∙Dry them.")]
    assert words[:2] == ["•", "Rinse"] and words[5:7] == ["∙", "Dry"]


@pytest.mark.parametrize("mark", ["•", "• ", "--", "- ", "* ", "—"])
def test_a_list_mark_opening_a_line_changes_no_claim(mark: str) -> None:
    lines = [
        "Do not let anyone water the fern while it is dormant.",
        "NEVER PRUNE IN FROST.",
        "Rinse the filter twice a week.",
    ]
    nlp = build_nlp()

    def read(text: str) -> list[tuple[str, str, str, str]]:
        claims = segment_document(document_from_text(text, source_id="p"), nlp=nlp, topics=TopicSet())
        return [(c.text, c.frame, c.object, c.value) for c in claims]

    plain = read("\n".join(lines) + "\n")
    assert read("\n".join(mark + line for line in lines) + "\n") == plain
    assert {frame for _, frame, _, _ in plain} == {"advice", "interval"}


def test_a_minus_sign_or_a_dash_between_words_is_no_list_mark() -> None:
    assert blank_list_marks("-5 °C at night\nwarm - not hot\n") == "-5 °C at night\nwarm - not hot\n"
    assert blank_list_marks("•Rinse\n  -- Dry") == " Rinse\n     Dry"


@pytest.mark.parametrize(
    "text",
    [
        "Preheat the oven to 200°C and bake the bread for 40 minutes.",
        "The battery lasts ten hours, but charging takes two.",
        "Boil the eggs for 10 minutes, then cool them in ice water.",
        "The varnish is more fragile after sanding, so apply a thin coat.",
    ],
)
def test_no_claim_joins_words_of_two_clauses(text: str) -> None:
    sent = next(iter(build_nlp()(text).sents))
    clauses = split_clauses(sent)
    assert len(clauses) >= 2, text
    spans = [(c.span.start_char, c.span.end_char) for c in clauses]
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
    for clause in clauses:
        assert clause.span.text in text  # contiguous page words


PAGE = """Caring for a cast-iron pan

Wash the pan with hot water and a stiff brush.
Do not soak it in the sink.
Dry it on the stove for 2 to 3 minutes, then rub in a teaspoon of oil.
Season it in the oven at 230 °C for one hour.
Should you use soap?
Re-season the pan every 3 to 4 months.
"""


def page_claims() -> list[dict[str, object]]:
    """Claims of the cast-iron page through the real segment stage."""
    doc = document_from_text(PAGE, source_id="pan")
    return [c.to_json() for c in segment_document(doc, nlp=build_nlp(), topics=TopicSet())]


def test_quotes_are_the_clean_text_and_the_page_words() -> None:
    claims = page_claims()
    assert claims
    for claim in claims:
        assert claim["quote"] == PAGE[claim["clean_start"] : claim["clean_end"]]
        assert " ".join(PAGE[claim["raw_start"] : claim["raw_end"]].split()) == claim["quote"]


def test_page_claims_carry_values_and_kinds() -> None:
    claims = page_claims()
    numeric = [c for c in claims if c["is_claim"] and any(ch.isdigit() for ch in str(c["text"]))]
    assert numeric and all(c["value"] for c in numeric)
    assert any(c["kind"] == "question" and not c["is_claim"] for c in claims)
    assert any(c["frame"] == "interval" and c["unit"] == "month" for c in claims)
    assert any(c["polarity"] == "negate" for c in claims)


def test_claim_ids_are_stable_and_unique() -> None:
    first, second = page_claims(), page_claims()
    assert [c["claim_id"] for c in first] == [c["claim_id"] for c in second]
    assert len({c["claim_id"] for c in first}) == len(first)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # A noun the lemmatizer's table lists as written is its own lemma.
        ("Vaccinate the puppy against rabies.", "rabies", "rabies"),
        ("Cats with diabetes need insulin.", "diabetes", "diabetes"),
        # A verb with a bound prefix takes the lemma of its stem.
        ("The sealant should be reapplied every year.", "reapplied", "reapply"),
        ("Overwatering kills cacti.", "Overwatering", "overwater"),
        # A plural in -ses is of its noun in -se, not of a stray short form ("dos", "us").
        ("Take two doses a day.", "doses", "dose"),
        ("Rinse the vases well.", "vases", "vase"),
        ("The buses were late.", "buses", "bus"),
        ("Both gases are heavier than air.", "gases", "gas"),
    ],
)
def test_a_lemma_is_a_form_the_lemmatizer_knows(text: str, word: str, expected: str) -> None:
    token = next(t for t in build_nlp()(text) if t.text == word)
    assert lemma(token) == expected
    assert token.lemma_ == expected  # on the doc, for every reader of the lemma


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        # A value of a clause with its own subject is no value of the order.
        ("If the temperature drops below 40°F, cover the tomatoes.", ["cover tomato"]),
        ("Cover the tomatoes when the temperature drops below 40°F.", ["cover tomato"]),
        ("Once the roast reaches 145°F inside, move the roast to a platter.", ["move roast platter"]),
        # A value of the order carries it.
        ("Roast the chicken at 425°F.", []),
    ],
)
def test_an_order_whose_value_is_only_of_its_condition_stays_advice(text: str, advice: list[str]) -> None:
    assert [c.object for c in claims_of(text) if c.frame == "advice"] == advice


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # A list of numbers names its unit after the last; each item is a value of its own.
        ("Vaccinate puppies at 8, 12 and 16 weeks.", ["8 week", "12 week", "16 week"]),
        ("Check the pressure at 30, 60 and 90 days.", ["30 day", "60 day", "90 day"]),
        ("Buy 3, 4 or 5 eggs.", ["3 egg", "4 egg", "5 egg"]),
        # Two numbers alone are a range, whatever comes before them.
        ("Rest the dough, 2 or 3 hours.", ["2-3 hour"]),
        ("Bake for 30 minutes to an hour.", ["30-60 minute"]),
    ],
)
def test_a_list_of_numbers_shares_the_unit_of_its_last(text: str, values: list[str]) -> None:
    assert values_of(text) == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Repetitions in a span of time: one every share of it, as "twice a day" is.
        ("Apply the cream twice in 24 hours.", [("interval", "12 hour")]),
        ("Water the seedlings 3 times within a week.", [("interval", "0.333333 week")]),
        # A count in a span: the span is the count's, no duration of the act.
        ("Do not take more than 8 tablets in 24 hours.", [("count", "<=8 tablet")]),
        ("Most puppies need 3 meals in a day.", [("count", "3 meal")]),
        # A span with no count before it is the act's.
        ("The dough should double in 2 hours.", [("duration", "2 hour")]),
    ],
)
def test_repetitions_or_a_count_in_a_span_of_time_share_it_out(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(c.frame, c.value) for c in claims_of(text) if c.value] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Keep the batteries out of temperatures above 80°F.", "<=80 degree_Fahrenheit"),
        ("Keep cut flowers away from heat above 75 degrees.", "<=75 degree_Fahrenheit"),
        ("Protect the seedlings from temperatures below 50°F.", ">=50 degree_Fahrenheit"),
        # Not set apart: the bound is the page's.
        ("Keep the paint at temperatures above 40°F.", ">=40 degree_Fahrenheit"),
        ("Do not store the paint below 40°F.", ">=40 degree_Fahrenheit"),
        ("Remove the pan from the oven after more than 2 hours.", ">=2 hour"),
        ("Remove from heat and cool to below 40°F.", "<=40 degree_Fahrenheit"),
    ],
)
def test_a_bound_the_act_stays_clear_of_is_turned(text: str, value: str) -> None:
    assert values_of(text) == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Read as "us", the count of uses was ten microseconds to pint.
        ("Replace the filter every 10 uses.", "10 use"),
        ("Do not take more than 4 doses.", "<=4 dose"),
    ],
)
def test_a_counted_plural_in_ses_counts_its_noun(text: str, value: str) -> None:
    assert values_of(text) == [value]


def test_model_is_the_pinned_package() -> None:
    meta = build_nlp().meta
    assert (meta["name"], meta["version"]) == (MODEL_NAME, MODEL_VERSION)
    assert {"parser", "tagger", "lemmatizer"} <= set(build_nlp().pipe_names)


def test_model_loads_with_the_network_off() -> None:
    env = {**os.environ, "PYTHONPATH": f"{PROJ_ROOT / 'tests' / 'nonet'}{os.pathsep}{PROJ_ROOT}"}
    code = (
        "import socket\n"
        "from pipeline.claims.language import build_nlp\n"
        "doc = build_nlp()('Rinse the rice twice before cooking.')\n"
        "assert [t.dep_ for t in doc if t.dep_ == 'ROOT']\n"
        "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\nexcept OSError as e:\n"
        "    assert 'attempted at run time' in str(e), e\nelse:\n    raise SystemExit('network open')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def _parser_vocabulary() -> set[str]:
    """Labels of the trained pipeline (dependencies, tags, parts of speech, entities): not English words."""
    nlp = build_nlp()
    labels: set[str] = set()
    for name in ("parser", "tagger", "morphologizer"):
        if name in nlp.pipe_names:
            labels.update(str(label) for label in nlp.get_pipe(name).labels)
    labels.update(
        {
            "ADJ",
            "ADP",
            "ADV",
            "AUX",
            "CCONJ",
            "DET",
            "INTJ",
            "NOUN",
            "NUM",
            "PART",
            "PRON",
            "PROPN",
            "PUNCT",
            "SCONJ",
            "SYM",
            "VERB",
            "X",
            "ROOT",
        }
    )
    return labels


#: The stage's own vocabulary (frame, kind, dimension and topic-file names): not English words.
OWN_NAMES = {
    "duration",
    "interval",
    "wait",
    "count",
    "quantity",
    "advice",
    "use",
    "suitability",
    "effect",
    "recommendation",
    "warning",
    "statement",
    "question",
    "call_to_action",
    "heading",
    "fragment",
    "title",
    "money",
    "ratio",
    "date",
    "year_ce",
    "keywords",
    "frames",
    "description",
}


def _word_collections(tree: ast.AST, allowed: set[str]) -> list[tuple[int, frozenset[str]]]:
    """Collection literals holding strings that are neither parser labels, own names nor punctuation."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            strings = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            words = frozenset(w for w in strings if w not in allowed and any(ch.isalpha() for ch in w))
            if len(strings) >= 2 and words:
                found.append((node.lineno, words))
    return found


def test_claims_code_holds_no_word_list_or_regex() -> None:
    """Every English word class lives in data/english.toml; the claims code only asks for it.

    A collection literal in the code may hold the parser's own labels (dependency labels,
    tags, parts of speech) but no English word; regular expressions are allowed only for
    the shapes of numbers (quantities.py).
    """
    package = Path(__file__).resolve().parent.parent / "pipeline" / "claims"
    allowed = _parser_vocabulary() | OWN_NAMES
    offenders = []
    for path in sorted(package.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        offenders += [
            f"{path.name}:{line} {sorted(words)}"
            for line, words in _word_collections(ast.parse(source), allowed)
        ]
        if "re.compile" in source and path.name not in (
            "quantities.py",
            "topics.py",
        ):  # number shapes, analyst keywords
            offenders.append(f"{path.name}: re.compile")
    assert not offenders, offenders


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("You should consider hiring a plumber.", "hire plumber"),
        ("Consider repotting the fern in spring.", "repot fern"),
    ],
)
def test_a_verb_of_weighing_hands_the_advice_to_the_act(text: str, what: str) -> None:
    # "consider X-ing" advises X; the weighing verb alone says nothing checkable.
    advice = [f.what for f in frames(text) if f.frame == "advice"]
    assert advice and advice[0].startswith(what), advice


@pytest.mark.parametrize(
    ("text", "whats"),
    [
        ("The small loaf needs 25 minutes while the big loaf needs 40 minutes.", ["small loaf", "big loaf"]),
        ("Economy tickets cost $300 while business seats cost $2,000.", ["economy ticket", "business seat"]),
    ],
)
def test_a_measure_in_a_clause_with_its_own_subject_is_of_that_clause(text: str, whats: list[str]) -> None:
    assert [f.what for f in frames(text) if f.quantity is not None] == whats


@pytest.mark.parametrize(
    ("text", "kept", "purpose"),
    [
        ("Keep the freezer below 0 degrees to stop mould.", "freezer", "stop"),
        ("Keep the garage above 5 degrees to protect the pipes.", "garage", "protect"),
        ("Keep the dog inside for 3 days to protect the stitches.", "dog", "protect"),
    ],
)
def test_what_a_thing_is_kept_at_a_measure_for_is_no_part_of_what_it_measures(
    text: str, kept: str, purpose: str
) -> None:
    whats = [f.what for f in frames(text) if f.quantity is not None]
    assert len(whats) == 1 and kept in whats[0] and purpose not in whats[0], whats


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Oiling the chain every month prevents rust.", "oil chain"),
        ("Washing the car every week keeps the paint clean.", "wash car"),
        ("Brushing twice a day helps ensure healthy gums.", "brush"),
        ("Kneading the dough for 10 minutes gives a smooth loaf.", "knead dough"),
    ],
)
def test_a_measure_after_an_act_named_as_the_subject_is_of_that_act(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.quantity is not None] == [what]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Keep the seedlings covered for a week.", "seedling cover"),
        ("The seedlings should remain covered for a week.", "seedling cover"),
        ("Leave the pan uncovered for 10 minutes.", "pan uncover"),
        ("The engine stays hot for 20 minutes.", "engine hot"),
        # A place or a particle is where the thing stays, not a state it is kept in.
        ("Leave the lid on for 5 minutes.", "lid"),
        ("Keep the dough in the fridge for 2 days.", "dough fridge"),
    ],
)
def test_a_time_kept_in_a_state_names_the_state(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.quantity is not None] == [what]


@pytest.mark.parametrize(
    ("text", "main", "participle"),
    [
        ("Bake the granola for 30 minutes, stirring every 10 minutes.", "bake granola", "stir"),
        ("Chill the jelly for 6 hours, uncovering it for the last 2 hours.", "chill jelly", "uncover jelly"),
        ("Run the engine for 5 minutes, checking the gauge after 2 minutes.", "run engine", "check gauge"),
    ],
)
def test_a_participle_clause_after_its_verb_owns_its_measure(text: str, main: str, participle: str) -> None:
    assert [f.what for f in frames(text) if f.quantity is not None] == [main, participle]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("While the glue dries for 2 hours,", "sand the frame for 10 minutes."),
        ("While the engine idles for 5 minutes,", "check the tyres for 2 minutes."),
    ],
)
def test_each_measure_names_its_own_verb_whatever_came_before(first: str, second: str) -> None:
    """A sentence's second measure is read the same whether or not a subordinate one precedes it."""
    alone = [f.what for f in frames(second[0].upper() + second[1:]) if f.quantity is not None]
    after = [f.what for f in frames(f"{first} {second}") if f.quantity is not None]
    assert alone and after[-1] == alone[0], (alone, after)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("The ideal duration for an ice bath is 10 to 15 minutes.", "ice bath"),
        ("The average lifespan of a beagle is 12 to 15 years.", "beagle"),
        ("The price of a ticket is $300.", "ticket"),
        ("The cooking time for brown rice is 45 minutes.", "brown rice"),
        # A bare range a copula puts its subject in, and the thing a property named for is of.
        ("The pH should be between 7.2 and 7.6.", "ph"),
        ("The ideal range for pH is 7.2 to 7.6.", "ph"),
        # A verb of passing a level measures its subject, as "reach" does.
        ("Indoor humidity should not exceed 60%.", "indoor humidity"),
        # So does a verb of enduring: what the subject bears.
        ("The plant tolerates 50 to 90°F.", "plant"),
        ("Most roses withstand temperatures down to 10°F.", "rose"),
        ("Snake plants survive 3 weeks without water.", "snake plant"),
    ],
)
def test_a_measured_property_names_the_thing_it_belongs_to(text: str, what: str) -> None:
    # The value says which property; the thing is what another page names.
    assert [f.what for f in frames(text) if f.quantity is not None] == [what]


def test_a_measure_before_a_clause_is_a_wait_for_it() -> None:
    # The parser hangs "10 minutes" on "cut"; it measures the gap before cutting.
    found = [(f.frame, f.what) for f in frames("Wait 10 minutes before you cut the bread.")]
    assert found == [("wait", "cut bread")]


@pytest.mark.parametrize("text", ["Wait 2 hours.", "Give it ten minutes.", "Hold for 30 seconds."])
def test_a_bare_verb_of_waiting_names_no_thing(text: str) -> None:
    assert [f.what for f in frames(text) if f.quantity is not None] == [""]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # The tagger reads each opening verb as a noun or a name; English reads it as an order.
        ("Store bread at room temperature.", "store bread room temperature"),
        ("Mow the lawn high.", "mow lawn high"),
        ("Mow high.", "mow"),
        # A capitalized verb the tagger takes for a name needs the stronger primer.
    ],
)
def test_an_order_opening_on_a_misread_verb_is_advice(text: str, what: str) -> None:
    assert [(f.frame, f.what) for f in frames(text)] == [("advice", what)]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # A verb that is also an adjective, before a noun with no article: "please" is not
        # enough for the tagger; a modal with its subject is.
        ("Steep green tea for 3 minutes.", "steep green tea"),
        ("Clear dead leaves from the gutters twice a year.", "clear dead leaf gutter"),
        ("Empty full bins every week.", "empty bin"),
        ("Warm cold hands in lukewarm water.", "warm cold hand lukewarm water"),
    ],
)
def test_an_order_on_a_word_that_is_also_an_adjective_names_its_act(text: str, what: str) -> None:
    assert {f.what for f in frames(text)} == {what}


@pytest.mark.parametrize(
    ("text", "measured", "then"),
    [
        ("Simmer for 10 minutes, then drain the pasta.", "simmer", "drain pasta"),
        ("Microwave for 2 minutes, then stir the soup.", "microwave", "stir soup"),
        ("Sand for 10 minutes, then wipe the dust away.", "sand", "wipe dust"),
    ],
)
def test_the_first_of_a_sequence_of_orders_names_its_own_measure(text: str, measured: str, then: str) -> None:
    # The tagger reads the opening verb as the subject of the verb after ", then", so the
    # measure of the first order was named by the second ("10 minutes" of draining the pasta).
    claims = claims_of(text + "\n")
    assert [(c.frame, c.object) for c in claims if c.value] == [("duration", measured)]
    assert then in {c.object for c in claims if c.frame == "advice"}, claims


def test_a_statement_before_then_stays_a_statement() -> None:
    # A subject with its own verb before the comma is no first order of a sequence.
    assert not advice_of("Salt draws out water, then dissolves.")


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("If you see smoke turn off the burner.", "turn off burner"),
        ("If the battery dies replace it.", "replace battery"),
        ("Once the glue sets remove the clamps.", "remove clamp"),
        ("After the timer beeps remove the tray.", "remove tray"),
    ],
)
def test_an_order_after_a_clause_no_comma_closes_is_an_order(text: str, order: str) -> None:
    # Without the comma the parser took the clause's last noun for the order's subject
    # ("smoke turn off the burner") and the sentence gave no advice at all.
    advice = advice_of(text)
    assert [(c.object, c.polarity) for c in advice] == [(order, "affirm")]
    assert advice[0].text == text  # the condition stays in the claim's words


@pytest.mark.parametrize(
    "text",
    [
        "When the leaves fall trees go dormant.",  # a present tense with its subject
        "If you boil them they peel easily.",  # a pronoun before the verb is its subject
        "If the dogs bark they will stop soon.",
        "When the market drops investors panic and sell shares.",  # "sell" is coordinated with "panic"
    ],
)
def test_a_statement_after_a_clause_no_comma_closes_stays_a_statement(text: str) -> None:
    assert not advice_of(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pat the fish dry before cooking.", "pat fish"),
        ("Pat the chicken dry with paper towels.", "pat chicken"),
    ],
)
def test_a_verb_with_its_result_acts_on_the_noun_before_the_result(text: str, name: str) -> None:
    # The parser hangs the noun on the adjective of the result as its subject ("the fish
    # [is] dry"), which left the order named by its verb alone.
    assert [c.object for c in advice_of(text)] == [name]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Use a fragrance and dye-free soap.", ["dye free soap"]),
        ("Choose paraben and fragrance-free lotions.", ["choose fragrance free lotion"]),
        ("Use soap and warm water.", ["soap", "warm water"]),  # no hyphened adjective: two items
        ("Wear gloves and slip-resistant shoes.", ["glove", "slip resistant shoe"]),  # a plural is an item
        ("Buy a jar and dishwasher-safe lids.", ["buy jar", "buy dishwasher safe lid"]),
    ],
)
def test_a_noun_sharing_a_hyphened_adjective_is_no_item_of_its_own(text: str, items: list[str]) -> None:
    # "fragrance and dye-free soap" is free of fragrance: read as two items, it told
    # cross-reference that the page recommends fragrance.
    assert [c.object for c in claims_of(text + "\n") if c.frame in ("use", "advice")] == items


def test_for_every_divides_an_amount_and_repeats_a_time() -> None:
    # "for every 100 grams" says what the 3 grams are counted against: no interval of 100 grams.
    found = [(c.frame, c.value) for c in claims_of("Add 3 grams of yeast for every 100 grams of flour.\n")]
    assert ("quantity", "3 gram") in found
    assert not [f for f, _ in found if f == "interval"], found
    # A time after "for every" still spaces the act: a break every 2 hours of driving.
    found = [(c.frame, c.value) for c in claims_of("Take a 10 minute break for every 2 hours of driving.\n")]
    assert ("interval", "2 hour") in found


def test_a_base_form_verb_read_as_a_subject_is_an_order() -> None:
    assert ("use", "negate") in [(f.frame, f.polarity) for f in frames("Avoid prolonged direct sunlight.")]


@pytest.mark.parametrize(
    "text",
    [
        "Water boils at 100 degrees.",
        "Paint dries in two hours.",
        "Store bread at room temperature. Water boils at 100 degrees.",
        "1. Mow high. 2. Rake the leaves in autumn.",
        "Rinse  the rice\ttwice, then drain it.",
        "Simmer  for 10\tminutes, then drain the pasta.",
        "If  you see smoke\tturn off the burner.",
    ],
)
def test_re_reading_an_order_keeps_the_pages_words_and_offsets(text: str) -> None:
    nlp = build_nlp()
    primed = nlp(text)
    with nlp.select_pipes(disable=["imperative_primer"]):
        plain = nlp(text)
    assert primed.text == text
    assert [(t.idx, t.text) for t in primed] == [(t.idx, t.text) for t in plain]
    # A sentence whose parse already has a verb for its root keeps that parse, unless it made
    # a base-form verb its subject, hung the opening word on the order after ", then", or
    # opens on a clause of condition or time that no comma closes.
    for before, after in zip(plain.sents, primed.sents, strict=False):
        root = before.root
        bare_subject = before[0].tag_ == "VB" and before[0].dep_ == "nsubj"
        after_then = [t.text for t in before.doc[root.i - 2 : root.i]] == [",", "then"]
        sequence = before[0].head == root and after_then
        # A clause no comma closes is re-read only as a whole, hung on the order's base-form verb.
        unclosed = (
            before[0].lower_ in lexicon().clause_openers
            and "," not in before.text
            and after.root.tag_ == "VB"
            and any(c.dep_ == "advcl" and c.left_edge.i == before[0].i for c in after.root.children)
        )
        if root.pos_ in ("VERB", "AUX") and not bare_subject and not sequence and not unclosed:
            assert [(t.dep_, t.head.i) for t in before] == [(t.dep_, t.head.i) for t in after]


@pytest.mark.parametrize(
    "text",
    [
        "Leave the lid on for 10 minutes.",
        "Keep the lid on for 10 minutes.",
        "Remove the lid after 10 minutes.",
        "The lid should stay on for 10 minutes.",
    ],
)
def test_keeping_a_thing_and_ending_that_measure_the_thing(text: str) -> None:
    # Four wordings of how long the lid stays: one thing for cross-reference to join.
    assert [(f.frame in ("duration", "wait"), f.what) for f in frames(text) if f.quantity] == [(True, "lid")]


def test_leaving_without_a_place_is_departing_not_keeping() -> None:
    assert [f.what for f in frames("Wait 2 days before leaving the house.") if f.frame == "wait"] == [
        "leave house"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list number that lost its space is no count, and the word after it is read.
        ("1Rinse the jar after 10 minutes.", [("duration", "rinse jar")]),
        (";2Remove the lid after 10 minutes.", [("duration", "lid")]),
        # A number glued to a unit or a model name mid-sentence is not a list number.
        ("The 3D printer needs 2 hours.", [("duration", "printer")]),
    ],
)
def test_a_list_number_glued_to_its_item_is_no_quantity(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.frame, f.what) for f in frames(text)] == expected


@pytest.mark.parametrize(
    ("active", "passive"),
    [
        ("Rotate your tires every 6,000 miles.", "Tires should be rotated every 6,000 miles."),
        ("Boil the beans for 40 minutes.", "The beans should be boiled for 40 minutes."),
        # A verb of spacing names the thing repeated, in either voice.
        ("Space the visits 6 months apart.", "Visits should be spaced 6 months apart."),
    ],
)
def test_a_passive_names_the_same_act_as_the_active(active: str, passive: str) -> None:
    def names(text: str) -> set[str]:
        return {f.what for f in frames(text) if f.quantity is not None}

    assert names(active) == names(passive) != {""}


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # A repetition counts an event: the light verb's object, not its subject.
        ("Most boilers need a service once a year.", "service"),
        ("Get a dental checkup every 6 months.", "dental checkup"),
        # Without repetition the light verb's measure stays its subject's.
        ("The dough needs 2 hours.", "dough"),
    ],
)
def test_a_repetition_with_a_light_verb_is_of_the_event_it_names(text: str, what: str) -> None:
    assert [f.what for f in frames(text) if f.quantity is not None] == [what]


@pytest.mark.parametrize(
    "text",
    ["The glue dries in about 2 hours.", "Glue takes 2 hours to dry.", "Let the glue dry for 2 hours."],
)
def test_a_thing_that_changes_by_itself_is_named_with_its_change(text: str) -> None:
    assert [f.what for f in frames(text) if f.quantity is not None] == ["glue dry"]


@pytest.mark.parametrize(
    ("text", "what"),
    [("Wait at least 48 hours between coats.", "coat"), ("Leave two weeks between haircuts.", "haircut")],
)
def test_a_gap_between_things_is_their_interval(text: str, what: str) -> None:
    assert [(f.frame, f.what) for f in frames(text) if f.quantity is not None] == [("interval", what)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A passive verdict advises on its subject.
        ("Pruning in autumn is not recommended.", ("advice", "prune autumn", "negate")),
        ("Salt should be avoided.", ("use", "salt", "negate")),
        ("A soft brush is recommended for suede.", ("use", "soft brush", "affirm")),
        # Recommending a thing, or recommending against an act.
        ("We recommend a soft brush.", ("use", "soft brush", "affirm")),
        ("We do not recommend hot water.", ("use", "hot water", "negate")),
        ("Vets recommend against shaving a husky.", ("advice", "shave husky", "negate")),
    ],
)
def test_recommending_or_avoiding_a_named_thing_is_advice_on_it(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert [(f.frame, f.what, f.polarity) for f in frames(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "order"),
    [
        # A label before a colon is no subject of the order after it.
        ("Proper storage: Keep the flour in a sealed tin.", "Keep the flour in a sealed tin."),
        ("Tip: rinse the quinoa before cooking.", "rinse the quinoa before cooking."),
        ("The ranger has one warning for hikers: Do not drink from streams.", "Do not drink from streams."),
    ],
)
def test_an_order_after_a_colon_is_its_own_sentence(text: str, order: str) -> None:
    sentences = [s.text for s in build_nlp()(text).sents]
    assert sentences[-1] == order
    assert [f.frame for f in frames(order)] == ["advice"]


@pytest.mark.parametrize(
    "text", ["You will need three things: flour, sugar and eggs.", "Mix at a ratio of 3:1 with water."]
)
def test_a_colon_before_a_list_or_in_a_ratio_splits_nothing(text: str) -> None:
    assert len(list(build_nlp()(text).sents)) == 1


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # A period of its own before a capital ends a sentence the parser ran on.
        (
            "Keep it in temperatures between 60 and 85°F. Fertilize twice a year in spring and summer.",
            ["Keep it in temperatures between 60 and 85°F.", "Fertilize twice a year in spring and summer."],
        ),
        # An abbreviation keeps its period, and a numbered item its number.
        ("Dr. Lee tests the water. It is clean.", ["Dr. Lee tests the water.", "It is clean."]),
        ("1. Place the eggs in a pot.", ["1. Place the eggs in a pot."]),
    ],
)
def test_a_period_before_a_capital_ends_a_sentence(text: str, sentences: list[str]) -> None:
    assert [s.text for s in build_nlp()(text).sents] == sentences


def test_a_property_named_by_a_compound_is_of_the_noun_before_it() -> None:
    found = frames("The pond level should be 2 feet below the rim.")
    assert [f.what for f in found if f.quantity] == ["pond"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sand lightly between coats; wipe the dust off with a damp cloth.",
            [("advice", "sand coat", "affirm"), ("advice", "wipe off dust damp cloth", "affirm")],
        ),
        (
            "Salt the water; bring it to a boil.",
            [("advice", "salt water", "affirm"), ("advice", "bring water boil", "affirm")],
        ),
        (
            "Only use fresh paint; do not reuse old paint.",
            [("use", "fresh paint", "affirm"), ("advice", "reuse old paint", "negate")],
        ),
    ],
)
def test_a_semicolon_between_two_clauses_ends_the_first(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    claims = [c for c in claims_of(text + "\n") if c.is_claim]
    assert [(c.frame, c.object, c.polarity) for c in claims] == expected, claims
    assert all(";" not in c.text for c in claims), claims


def test_a_semicolon_between_list_items_keeps_one_sentence() -> None:
    claims = [c for c in claims_of("Add salt; pepper; a bay leaf.\n") if c.is_claim]
    assert len(claims) == 1 and claims[0].text == "Add salt; pepper; a bay leaf.", claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Never “top up” the tank with cold water.", ("advice", "top up tank cold water", "negate")),
        ("Do not “pre-wash” the jeans.", ("advice", "pre-wash jean", "negate")),
        ('Do not "deadhead" the roses in autumn.', ("advice", "deadhead rose autumn", "negate")),
    ],
)
def test_quotation_marks_around_a_verb_leave_it_a_verb(text: str, expected: tuple[str, str, str]) -> None:
    claims = [c for c in claims_of(text + "\n") if c.is_claim]
    assert [(c.frame, c.object, c.polarity) for c in claims] == [expected], claims
    assert claims[0].text == text, "the claim keeps the page's quotation marks"


def test_a_typographic_minus_sign_reads_as_a_plain_one() -> None:
    plain = "Keep the freezer at -18 °C."
    signed = plain.replace("-", "\u2212")
    assert [(c.object, c.value) for c in claims_of(signed + "\n")] == [
        (c.object, c.value) for c in claims_of(plain + "\n")
    ]
    assert claims_of(signed + "\n")[0].quote == signed, "the quote keeps the page's sign"


def test_quoted_speech_keeps_its_marks_for_the_parser() -> None:
    text = "“Keep the roots moist, and never let them dry out,” the grower says."
    assert parse_form(text) == text


@pytest.mark.parametrize(
    ("text", "what", "value"),
    [
        ("Keep the salinity between 1.020 and 1.025.", "salinity", "1.02-1.025"),
        ("Maintain the humidity at 50.", "humidity", "50"),
        ("- pH: 6.5 to 7.0", "ph", "6.5-7"),
        ("Specific gravity: 1.010", "specific gravity", "1.01"),
        ("The ideal salinity is 1.020 to 1.025.", "ideal salinity", "1.02-1.025"),
    ],
)
def test_a_bare_number_given_to_a_named_property_is_its_value(text: str, what: str, value: str) -> None:
    claims = [c for c in claims_of(text + "\n") if c.value]
    assert [(c.frame, c.object, c.value, c.unit) for c in claims] == [("quantity", what, value, "")], claims


@pytest.mark.parametrize(
    "text", ["Step 3: sand the edges.", "The room number is 214.", "Keep it at 3 or 4 and stir."]
)
def test_a_number_that_names_or_stands_alone_gets_no_value(text: str) -> None:
    assert not [c for c in claims_of(text + "\n") if c.value], claims_of(text + "\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rust is caused by moisture, salt, and scratches.",
            [("moisture", "cause rust"), ("salt", "cause rust"), ("scratch", "cause rust")],
        ),
        ("The drying time depends on humidity.", [("humidity", "depend dry")]),
        (
            "The finish depends on the grit and the pressure.",
            [("grit", "depend finish"), ("pressure", "depend finish")],
        ),
        ("Sunlight depletes the chlorine.", [("sunlight", "deplete chlorine")]),
        ("Cracks can result from hard frost.", [("hard frost", "result crack")]),
        ("Most rust stems from scratches in the paint.", [("scratch", "stem rust")]),
    ],
)
def test_each_cause_of_an_effect_is_a_claim(text: str, expected: list[tuple[str, str]]) -> None:
    claims = [c for c in claims_of(text + "\n") if c.frame == "effect"]
    assert [(c.subject, c.object) for c in claims] == expected, claims
    assert len({c.claim_id for c in claims}) == len(claims)


def test_what_a_pronoun_depends_on_is_no_effect() -> None:
    assert not [c for c in claims_of("It depends on the weather.\n") if c.frame]


@pytest.mark.parametrize(
    ("text", "rejected"),
    [
        ("Use mild soap, not bleach.", ["bleach"]),
        ("Clean the brushes with mild soap—never bleach or vinegar—and let them dry.", ["bleach", "vinegar"]),
        ("Rinse the lens with saline, never with tap water.", ["tap water"]),
        ("Wipe it with a soft cloth (never paper towels).", ["paper towel"]),
    ],
)
def test_a_thing_set_aside_with_not_or_never_is_a_use_advised_against(text: str, rejected: list[str]) -> None:
    claims = claims_of(text + "\n")
    assert [c.object for c in claims if c.frame == "use" and c.polarity == "negate"] == rejected, claims
    assert not [c for c in claims if c.polarity == "negate" and c.frame == "advice"], claims


def test_a_number_set_aside_is_no_use() -> None:
    assert not [c for c in claims_of("Bake at 180, not 200.\n") if c.polarity == "negate"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Replace the filter every three (3) months.", ("interval", "3 month")),
        ("Keep nitrates between 10 and 40 parts per million.", ("quantity", "10-40 ppm")),
    ],
)
def test_a_number_restated_in_figures_and_units_written_out_read_as_one(
    text: str, expected: tuple[str, str]
) -> None:
    claims = [c for c in claims_of(text + "\n") if c.value]
    assert [(c.frame, c.value) for c in claims] == [expected], claims


def test_a_range_names_the_thing_it_is_for() -> None:
    claims = [c for c in claims_of("An ideal range for the humidity is 40-60 percent.\n") if c.value]
    assert [(c.object, c.value) for c in claims] == [("humidity", "40-60 percent")], claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salt is known to slow the yeast.", ("salt", "slow yeast")),
        ("Smoking has been shown to double the risk of gum disease.", ("smoke", "double risk gum disease")),
    ],
)
def test_a_passive_of_evidence_states_its_infinitive(text: str, expected: tuple[str, str]) -> None:
    claims = [c for c in claims_of(text + "\n") if c.frame == "effect"]
    assert [(c.subject, c.object) for c in claims] == [expected], claims


@pytest.mark.parametrize(
    "text",
    ["If you’ve ever wondered, “How long can you keep bread?”", 'He asked, "Can you wear boots inside?"'],
)
def test_a_question_closed_inside_quotation_marks_is_a_question(text: str) -> None:
    assert [(c.kind, c.is_claim) for c in claims_of(text + "\n")] == [("question", False)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Replace the filter once every three months.", "3 month"),
        ("Replace the filter at least once every three months.", "<=3 month"),
        ("Feed the fish twice every 3 days.", "1.5 day"),
    ],
)
def test_so_many_times_every_so_many_units_is_one_interval(text: str, value: str) -> None:
    claims = [c for c in claims_of(text + "\n") if c.value]
    assert [(c.frame, c.value) for c in claims] == [("interval", value)], claims


@pytest.mark.parametrize(
    "text",
    ["Do not pour the paint from one can to another.", "Move the seedlings from one tray to the other."],
)
def test_one_set_against_another_counts_nothing(text: str) -> None:
    assert not [c for c in claims_of(text + "\n") if c.value], claims_of(text + "\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Test the water every couple of days.", ("interval", "2 day")),
        ("Let the dough rest for a couple of hours.", ("duration", "2 hour")),
        ("Nitrate over 40ppm indicates a problem.", ("quantity", ">=40 ppm")),
    ],
)
def test_a_couple_is_two_and_ppm_splits_off_its_number(text: str, expected: tuple[str, str]) -> None:
    claims = [c for c in claims_of(text + "\n") if c.value]
    assert [(c.frame, c.value) for c in claims] == [expected], claims


@pytest.mark.parametrize(
    "text", ["Cover it during the first half of roasting.", "You will leave half of it on the shell."]
)
def test_a_part_of_a_time_or_of_a_thing_named_elsewhere_is_no_share(text: str) -> None:
    assert not [c for c in claims_of(text + "\n") if c.unit == "percent"]


def test_a_bare_number_after_at_is_a_time_not_a_level() -> None:
    assert not [c for c in claims_of("The meeting is at 3.\n") if c.value]


def test_a_couple_of_a_set_counts_nothing() -> None:
    assert not [c for c in claims_of("A couple of the kids left early.\n") if c.value]


def test_a_label_line_names_the_bare_values_listed_under_it() -> None:
    text = "Ideal levels\n- Nitrate:\n- 10 – 20 ppm\n- 5 – 10 ppm\n- Hardness:\n- 120 – 180 ppm\n"
    named = [(c.object, c.value) for c in claims_of(text) if c.value]
    assert named == [("nitrate", "10-20 ppm"), ("nitrate", "5-10 ppm"), ("hardness", "120-180 ppm")], named


def test_a_heading_names_the_bare_value_under_it_until_prose_follows() -> None:
    text = "Drying time\n4 hours\nWe sell brushes and rollers in the shop.\n30 minutes\n"
    named = [(c.frame, c.object, c.value) for c in claims_of(text) if c.value]
    assert named == [("duration", "dry", "4 hour"), ("duration", "", "30 minute")], named


def test_a_value_with_its_own_label_is_not_named_by_the_heading_above() -> None:
    text = "Drying time\nLarge panels: 6 hours\nMinimum: 2 hours\n"
    named = [(c.object, c.value) for c in claims_of(text) if c.value]
    assert named == [("large panel", "6 hour"), ("", "2 hour")], named


def test_a_one_word_heading_parses_without_error() -> None:
    assert [c.kind for c in claims_of("Sided\n")] == ["heading"]
