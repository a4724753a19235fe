"""The English word classes of ``data/english.toml``, loaded once.

The code of the claims stage holds no word list: it asks this module whether a lemma is a
hedge, a verb of refraining or a unit alias, so a reviewer finds every word the stage
reacts to in one data file, each group justified as English.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any


def _phrases(values: list[str]) -> tuple[tuple[str, ...], ...]:
    """Multi-word entries as word tuples, longest first so the longest phrase wins."""
    return tuple(sorted((tuple(v.split()) for v in values), key=lambda p: (-len(p), p)))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word class the claims stage uses, as sets and maps of lowercase lemmas."""

    hedge: frozenset[str]
    bound_min: tuple[tuple[str, ...], ...]
    bound_min_trailing: tuple[tuple[str, ...], ...]
    bound_max: tuple[tuple[str, ...], ...]
    bound_max_trailing: tuple[tuple[str, ...], ...]
    bound_comparative: frozenset[tuple[str, ...]]
    increment_before: frozenset[str]
    increment_between: frozenset[str]
    exceed_verbs: frozenset[str]
    separation_words: frozenset[str]
    separation_links: frozenset[str]
    range_joiners: frozenset[str]
    list_comma: str
    list_last: frozenset[str]
    range_openers: frozenset[str]
    range_closers: frozenset[str]
    range_ends: frozenset[str]
    disjunctions: frozenset[str]
    new_clause: frozenset[str]
    list_contrast: frozenset[str]
    meridiem: dict[str, int]
    clock_preps: frozenset[str]
    clock_ratio: frozenset[str]
    clock_bounds: dict[str, str]
    oclock: frozenset[str]
    months: dict[str, int]
    day_of: frozenset[str]
    weekdays: frozenset[str]
    date_edges: dict[str, str]
    every: frozenset[str]
    times: dict[str, int]
    #: Marks glued to a number that make it a number of times ("2x a day").
    times_marks: frozenset[str]
    periodic: dict[str, str]
    count_windows: frozenset[str]
    day_parts: dict[str, str]
    spacing_dimensions: frozenset[str]
    day_part_joiners: frozenset[str]
    schedule_nouns: frozenset[str]
    schedule_preposition: str
    rate_of: frozenset[str]
    apart: frozenset[str]
    alternate: frozenset[str]
    article_one_after: tuple[tuple[str, ...], ...]
    wait_verbs: frozenset[str]
    wait_relations: frozenset[str]
    wait_counted_from: frozenset[str]
    wait_counted_within: frozenset[str]
    time_spans: frozenset[str]
    light_verbs: frozenset[str]
    avoid_verbs: frozenset[str]
    refrain_prep: str
    distance_verbs: frozenset[str]
    distance_words: frozenset[str]
    distance_preps: frozenset[str]
    wary_verbs: frozenset[str]
    wary_preps: frozenset[str]
    first_act_prep: str
    aspectual: frozenset[str]
    lead_ins: frozenset[str]
    hand_over: frozenset[str]
    gerund_only: frozenset[str]
    reporting: frozenset[str]
    containing_verbs: frozenset[str]
    empty_verbs: frozenset[str]
    partitives: frozenset[str]
    count_of: frozenset[str]
    value_of: frozenset[str]
    reciprocal_others: frozenset[str]
    couple_words: dict[str, float]
    couple_link: str
    holding_verbs: frozenset[str]
    holding_preps: frozenset[str]
    numbered: frozenset[str]
    prefixed_units: frozenset[str]
    share: tuple[tuple[str, ...], ...]
    imperative_primers: tuple[str, ...]
    sequence_adverbs: frozenset[str]
    clause_openers: frozenset[str]
    label_colon: str
    sentence_ends: frozenset[str]
    label_max_words: int
    attributes: frozenset[str]
    keeping_verbs: frozenset[str]
    staying_verbs: frozenset[str]
    lasting_verbs: frozenset[str]
    case_words: frozenset[str]
    ending_verbs: frozenset[str]
    spacing_verbs: frozenset[str]
    attribute_preps: frozenset[str]
    kind_preps: frozenset[str]
    example_preps: frozenset[str]
    example_such: str
    hyphen_suffixes: frozenset[str]
    bound_prefixes: frozenset[str]
    vowel_letters: frozenset[str]
    pro_verbs: frozenset[str]
    use_verbs: frozenset[str]
    #: Verbs of choosing and the preposition before the thing chosen ("opt for", "stick to").
    choosing_verbs: dict[str, str]
    modals: frozenset[str]
    semi_modals: frozenset[str]
    deontic_adjectives: frozenset[str]
    appearance_verbs: frozenset[str]
    needless_adjectives: frozenset[str]
    judgment_nouns: frozenset[str]
    bad_adjectives: frozenset[str]
    warning_nouns: frozenset[str]
    #: Rule and warning nouns together: either puts advice in the complement of "be".
    ruling_nouns: frozenset[str]
    assurance_adjectives: frozenset[str]
    recommend_verbs: frozenset[str]
    #: Hedged advice, "you may want to wear gloves": the verb, the reader and the modals.
    advised_want: str
    reader: str
    want_hedges: frozenset[str]
    #: Verbs of permitting and forbidding: advice in the passive ("dogs are not allowed").
    permit_verbs: frozenset[str]
    forbid_verbs: frozenset[str]
    #: Verbs of directing someone to act ("remind you to floss"): their object is the one addressed.
    directive_verbs: frozenset[str]
    #: Verbs of reporting, recommending or directing: who holds a view, never part of what it measures.
    opinion_verbs: frozenset[str]
    negators: frozenset[str]
    conditions: frozenset[str]
    suitable: frozenset[str]
    unsuitable: frozenset[str]
    permission: frozenset[str]
    suitability_preps: frozenset[str]
    effect_verbs: frozenset[str]
    causatives: frozenset[str]
    reason_marks: frozenset[str]
    purpose_preps: frozenset[str]
    removal_particles: frozenset[str]
    condition_joiner: str
    excess_words: frozenset[str]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    magnitudes: dict[str, float]
    #: Marks glued to a number and words before it that make it negative ("-18", "minus 20").
    minus_marks: tuple[str, ...]
    #: Typographic minus signs, parsed as the plain hyphen-minus.
    minus_signs: frozenset[str]
    minus_words: frozenset[str]
    fractions: dict[str, float]
    fraction_joiners: tuple[tuple[str, ...], ...]
    alternate_openers: frozenset[str]
    percent: tuple[tuple[str, ...], ...]
    unit_aliases: dict[str, str]
    #: Words that raise the unit of length after them to an area (2) or a volume (3).
    unit_powers: dict[str, int]
    ambiguous_units: frozenset[str]
    noun_units: frozenset[str]
    bare_degree: str
    age_words: frozenset[str]
    age_unit: str
    age_old: frozenset[str]
    temperature_difference: frozenset[str]
    difference_before: frozenset[str]
    zero_point: str
    under_zero: str
    angle_words: frozenset[str]
    dimensions: dict[str, str]
    web_actions: frozenset[str]
    own_possessives: frozenset[str]
    writer_pronouns: frozenset[str]
    courtesy_verbs: frozenset[str]
    reassuring_verbs: frozenset[str]
    attention_verbs: frozenset[str]
    attention_noun: str
    attention_adjectives: frozenset[str]
    degree_words: frozenset[str]
    latinate_comparatives: frozenset[str]
    equative: str
    raising_verbs: frozenset[str]
    evidential_verbs: frozenset[str]
    cancelling_words: frozenset[str]
    text_nouns: frozenset[str]
    text_deictics: frozenset[str]
    reading_verb: str
    reading_for: str
    pointer_verbs: frozenset[str]
    denial: str
    question_words: frozenset[str]
    permissive: frozenset[str]
    hortative: frozenset[str]
    name_drop: frozenset[str]
    occurrence_nouns: frozenset[str]
    generic_nouns: frozenset[str]
    same_words: dict[str, str]
    ordinals: frozenset[str]
    articles: frozenset[str]
    every_strict: frozenset[str]
    event_preps: frozenset[str]
    rate: frozenset[str]
    rate_phrases: tuple[tuple[str, ...], ...]
    proportion_nouns: frozenset[str]
    stuff_dimensions: frozenset[str]
    proportion_joiners: frozenset[str]
    proportion_part: str
    pronoun_one: frozenset[str]
    pronoun_number: dict[str, str]
    misspelt_it_is: str
    effect_preps: frozenset[str]
    phrasal_effects: frozenset[str]
    reversed_effects: dict[str, frozenset[str]]
    result_preps: frozenset[str]
    apostrophes: frozenset[str]
    opening_quotes: frozenset[str]
    closing_quotes: frozenset[str]
    quoted_phrase_words: int
    speech_punctuation: frozenset[str]
    timers: frozenset[str]
    earlier: frozenset[str]
    time_points: frozenset[str]
    moment_preps: frozenset[str]


def _words(data: dict[str, Any], *classes: str) -> list[str]:
    """The lemmas of several word classes together (verbs that hand their act on, for example)."""
    return [word for name in classes for word in data[name]["lemmas"]]


def _build(data: dict[str, Any]) -> Lexicon:
    """Turn the parsed TOML into a :class:`Lexicon`."""
    return Lexicon(
        hedge=frozenset(data["hedge"]["lemmas"]),
        bound_min=_phrases(data["bound_min"]["phrases"]),
        bound_min_trailing=_phrases(data["bound_min"]["trailing"]),
        bound_max=_phrases(data["bound_max"]["phrases"]),
        bound_max_trailing=_phrases(data["bound_max"]["trailing"]),
        bound_comparative=frozenset(_phrases(data["bound_comparative"]["phrases"])),
        increment_before=frozenset(data["increment"]["before"]),
        increment_between=frozenset(data["increment"]["between"]),
        exceed_verbs=frozenset(data["exceed"]["lemmas"]),
        separation_words=frozenset(data["separation"]["words"]),
        separation_links=frozenset(data["separation"]["links"]),
        range_joiners=frozenset(data["range"]["joiners"]),
        list_comma=str(data["number_list"]["comma"]),
        list_last=frozenset(data["number_list"]["last"]),
        range_openers=frozenset(data["range"]["openers"]),
        range_closers=frozenset(data["range"]["closers"]),
        range_ends=frozenset(data["range"]["ends"]),
        disjunctions=frozenset(data["list"]["disjunctions"]),
        new_clause=frozenset(data["list"]["new_clause"]),
        list_contrast=frozenset(data["list"]["list_contrast"]),
        meridiem={k: int(v) for k, v in data["clock"]["meridiem"].items()},
        clock_preps=frozenset(data["clock"]["preps"]),
        clock_ratio=frozenset(data["clock"]["ratio"]),
        clock_bounds=dict(data["clock"]["bounds"]),
        oclock=frozenset(data["clock"]["oclock"]),
        months={k: int(v) for k, v in data["calendar"]["months"].items()},
        day_of=frozenset(data["calendar"]["day_of"]),
        weekdays=frozenset(data["calendar"]["weekdays"]),
        date_edges=dict(data["calendar"]["edges"]),
        every=frozenset(data["repetition"]["every"]),
        times=dict(data["repetition"]["times"]),
        times_marks=frozenset(data["repetition"]["times_marks"]),
        periodic=dict(data["repetition"]["periodic"]),
        count_windows=frozenset(data["repetition"]["windows"]),
        day_parts=dict(data["repetition"]["day_parts"]),
        spacing_dimensions=frozenset(data["repetition"]["spacing_dimensions"]),
        day_part_joiners=frozenset(data["repetition"]["day_part_joiners"]),
        schedule_nouns=frozenset(data["repetition"]["schedule"]),
        schedule_preposition=str(data["repetition"]["schedule_preposition"]),
        rate_of=frozenset(data["repetition"]["rate_of"]),
        apart=frozenset(data["repetition"]["apart"]),
        alternate=frozenset(data["repetition"]["alternate"]),
        article_one_after=_phrases(data["article_one"]["after"]),
        wait_verbs=frozenset(data["wait"]["verbs"]),
        wait_relations=frozenset(data["wait"]["relations"]),
        wait_counted_from=frozenset(data["wait"]["counted_from"]),
        wait_counted_within=frozenset(data["wait"]["counted_within"]),
        time_spans=frozenset(data["wait"]["spans"]),
        light_verbs=frozenset(data["light_verbs"]["lemmas"]),
        avoid_verbs=frozenset(data["avoid"]["lemmas"]),
        refrain_prep=str(data["avoid"]["from"]),
        distance_verbs=frozenset(data["avoid"]["distance_verbs"]),
        distance_words=frozenset(data["avoid"]["distance_words"]),
        distance_preps=frozenset(data["avoid"]["distance_preps"]),
        wary_verbs=frozenset(data["avoid"]["wary_verbs"]),
        wary_preps=frozenset(data["avoid"]["wary_preps"]),
        first_act_prep=str(data["aspectual"]["by"]),
        aspectual=frozenset(data["aspectual"]["lemmas"]),
        lead_ins=frozenset(data["aspectual"]["lead_ins"]),
        hand_over=frozenset(_words(data, "aspectual", "permissive", "desire", "deliberation")),
        gerund_only=frozenset(data["aspectual"]["gerund_only"]),
        reporting=frozenset(data["reporting"]["lemmas"]),
        pro_verbs=frozenset(data["pro_verbs"]["lemmas"]),
        containing_verbs=frozenset(data["names"]["containing"]),
        partitives=frozenset(data["names"]["partitive"]),
        count_of=frozenset(data["names"]["count_of"]),
        value_of=frozenset(data["names"]["value_of"]),
        reciprocal_others=frozenset(data["reciprocal"]["others"]),
        couple_words={word: float(value) for word, value in data["couple"]["words"].items()},
        couple_link=str(data["couple"]["link"]),
        holding_verbs=frozenset(data["names"]["holding"]),
        holding_preps=frozenset(data["names"]["holding_preps"]),
        numbered=frozenset(data["names"]["numbered"]),
        prefixed_units=frozenset(data["units"]["prefixed"]),
        share=_phrases(data["percent"]["share"]),
        imperative_primers=tuple(data["imperative"]["primers"]),
        sequence_adverbs=frozenset(data["imperative"]["sequence"]),
        clause_openers=frozenset(data["imperative"]["clause_openers"]),
        label_colon=str(data["label"]["colon"]),
        sentence_ends=frozenset(data["label"]["sentence_ends"]),
        label_max_words=int(data["label"]["max_words"]),
        attributes=frozenset(data["names"]["attribute"]),
        keeping_verbs=frozenset(data["names"]["keeping"]),
        staying_verbs=frozenset(data["names"]["staying"]),
        lasting_verbs=frozenset(data["names"]["lasting"]),
        case_words=frozenset(data["names"]["case_words"]),
        ending_verbs=frozenset(data["names"]["ending"]),
        spacing_verbs=frozenset(data["names"]["spacing"]),
        attribute_preps=frozenset(data["names"]["attribute_preps"]),
        kind_preps=frozenset(data["names"]["kind_preps"]),
        example_preps=frozenset(data["names"]["example_preps"]),
        example_such=data["names"]["example_such"],
        hyphen_suffixes=frozenset(data["names"]["hyphen_suffixes"]),
        bound_prefixes=frozenset(data["names"]["bound_prefixes"]),
        vowel_letters=frozenset(data["names"]["vowel_letters"]),
        # A bare verb of waiting ("wait 2 hours", "give it a day") names no act either.
        empty_verbs=frozenset(
            _words(data, "aspectual", "permissive", "desire", "deliberation", "light_verbs", "pro_verbs")
            + data["wait"]["verbs"]
        ),
        use_verbs=frozenset(data["use"]["lemmas"]),
        choosing_verbs=dict(data["use"]["chosen"]),
        modals=frozenset(data["deontic"]["modals"]),
        semi_modals=frozenset(data["deontic"]["semi"]),
        deontic_adjectives=frozenset(data["deontic"]["adjectives"]),
        appearance_verbs=frozenset(data["deontic"]["appearance"]),
        needless_adjectives=frozenset(data["deontic"]["needless"]),
        judgment_nouns=frozenset(data["deontic"]["judgment_nouns"]),
        bad_adjectives=frozenset(data["deontic"]["bad"]),
        warning_nouns=frozenset(data["deontic"]["warning_nouns"]),
        ruling_nouns=frozenset(data["deontic"]["rule_nouns"] + data["deontic"]["warning_nouns"]),
        assurance_adjectives=frozenset(data["deontic"]["assurance"]),
        recommend_verbs=frozenset(data["deontic"]["recommend"]),
        directive_verbs=frozenset(data["deontic"]["directive"]),
        advised_want=data["desire"]["advised_want"],
        reader=data["desire"]["reader"],
        want_hedges=frozenset(data["desire"]["hedges"]),
        permit_verbs=frozenset(data["deontic"]["permit"]),
        forbid_verbs=frozenset(data["deontic"]["forbid"]),
        opinion_verbs=frozenset(
            data["reporting"]["lemmas"] + data["deontic"]["recommend"] + data["deontic"]["directive"]
        ),
        negators=frozenset(data["negation"]["lemmas"]),
        conditions=frozenset(data["negation"]["conditions"]),
        suitable=frozenset(data["suitability"]["positive"]),
        unsuitable=frozenset(data["suitability"]["negative"]),
        permission=frozenset(data["suitability"]["permission"]),
        suitability_preps=frozenset(data["suitability"]["preps"]),
        effect_verbs=frozenset(data["effect"]["lemmas"]),
        causatives=frozenset(data["effect"]["causatives"]),
        reason_marks=frozenset(data["effect"]["reason_marks"]),
        purpose_preps=frozenset(data["effect"]["purpose_preps"]),
        removal_particles=frozenset(data["effect"]["removal_particles"]),
        condition_joiner=str(data["effect"]["condition_joiner"]),
        excess_words=frozenset(data["effect"]["excess"]),
        currency_symbols=dict(data["currency"]["symbols"]),
        currency_words=dict(data["currency"]["words"]),
        magnitudes={k: float(v) for k, v in data["magnitude"]["words"].items()},
        minus_marks=tuple(data["sign"]["marks"]),
        minus_signs=frozenset(data["sign"]["typographic"]),
        minus_words=frozenset(data["sign"]["words"]),
        fractions={k: float(v) for k, v in data["fraction"]["words"].items()},
        fraction_joiners=_phrases(data["fraction"]["joiners"]),
        alternate_openers=frozenset(data["alternate_unit"]["openers"]),
        percent=_phrases(data["percent"]["words"]),
        unit_aliases=dict(data["units"]["aliases"]),
        unit_powers=dict(data["units"]["powers"]),
        ambiguous_units=frozenset(data["units"]["ambiguous"]),
        noun_units=frozenset(data["units"]["nouns"]),
        bare_degree=data["units"]["bare_degree"],
        age_words=frozenset(data["age"]["words"]),
        age_unit=str(data["age"]["unit"]),
        age_old=frozenset(data["age"]["old"]),
        temperature_difference=frozenset(data["units"]["difference"]),
        difference_before=frozenset(data["units"]["difference_before"]),
        zero_point=str(data["units"]["zero_point"]),
        under_zero=str(data["units"]["under_zero"]),
        angle_words=frozenset(data["angle"]["lemmas"]),
        dimensions=dict(data["unit_dimensions"]),
        web_actions=frozenset(data["web_actions"]["lemmas"]),
        own_possessives=frozenset(data["web_actions"]["own"]),
        writer_pronouns=frozenset(data["web_actions"]["writer"]),
        courtesy_verbs=frozenset(data["courtesy"]["lemmas"]),
        reassuring_verbs=frozenset(data["courtesy"]["reassuring"]),
        attention_verbs=frozenset(data["attention"]["lemmas"]),
        attention_noun=str(data["attention"]["mind"]),
        attention_adjectives=frozenset(data["attention"]["adjectives"]),
        degree_words=frozenset(data["comparison"]["degree"]),
        latinate_comparatives=frozenset(data["comparison"]["latinate"]),
        equative=str(data["comparison"]["equative"]),
        raising_verbs=frozenset(data["comparison"]["raising"]),
        evidential_verbs=frozenset(data["comparison"]["evidential"]),
        cancelling_words=frozenset(data["comparison"]["cancelling"]),
        text_nouns=frozenset(data["web_actions"]["text_nouns"]),
        text_deictics=frozenset(data["web_actions"]["deictics"]),
        reading_verb=str(data["web_actions"]["reading"]),
        reading_for=str(data["web_actions"]["reading_for"]),
        pointer_verbs=frozenset(data["web_actions"]["pointer_verbs"]),
        denial=str(data["negation"]["denial"]),
        question_words=frozenset(data["questions"]["wh"]),
        permissive=frozenset(data["permissive"]["lemmas"]),
        hortative=frozenset(data["permissive"]["hortative"]),
        name_drop=frozenset(data["names"]["drop"]),
        occurrence_nouns=frozenset(data["names"]["occurrence"]),
        generic_nouns=frozenset(data["names"]["generic"]),
        same_words={**data["names"]["clippings"], **data["names"]["place_verbs"]},
        ordinals=frozenset(data["ordinals"]["words"]),
        articles=frozenset(data["article_one"]["articles"]),
        every_strict=frozenset(data["repetition"]["strict"]),
        event_preps=frozenset(data["repetition"]["event_preps"]),
        rate=frozenset(data["repetition"]["rate"]),
        rate_phrases=_phrases(data["repetition"]["rate_phrases"]),
        proportion_nouns=frozenset(data["repetition"]["proportion"]),
        stuff_dimensions=frozenset(data["repetition"]["stuff_dimensions"]),
        proportion_joiners=frozenset(data["repetition"]["proportion_joiners"]),
        proportion_part=str(data["repetition"]["proportion_part"]),
        pronoun_one=frozenset(data["names"]["pronoun_one"]),
        pronoun_number=dict(data["names"]["pronoun_number"]),
        misspelt_it_is=data["names"]["misspelt_it_is"],
        effect_preps=frozenset(data["effect"]["preps"]),
        phrasal_effects=frozenset(data["effect"]["phrasal"]),
        reversed_effects={verb: frozenset(preps) for verb, preps in data["effect"]["reversed"].items()},
        result_preps=frozenset(data["result"]["preps"]),
        apostrophes=frozenset(data["apostrophe"]["marks"]),
        opening_quotes=frozenset(data["quotation"]["opening"]),
        closing_quotes=frozenset(data["quotation"]["closing"]),
        quoted_phrase_words=int(data["quotation"]["phrase_words"]),
        speech_punctuation=frozenset(data["quotation"]["inner_punctuation"]),
        timers=frozenset(data["timer"]["lemmas"]),
        earlier=frozenset(data["ordinals"]["earlier"]),
        time_points=frozenset(data["names"]["time_points"]),
        moment_preps=frozenset(data["names"]["moment"]),
    )


@functools.cache
def lexicon() -> Lexicon:
    """The packaged English lexicon (read once per process)."""
    text = resources.files("pipeline.claims").joinpath("data/english.toml").read_text(encoding="utf-8")
    return _build(tomllib.loads(text))
