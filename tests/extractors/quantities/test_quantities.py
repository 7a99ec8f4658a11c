"""Counts, casualties, money, durations, terms and purposes. Sentences written for these tests."""

from __future__ import annotations

import pytest

from warledger.document import Document
from warledger.extractors.context import Context
from warledger.extractors.quantities.find import (
    casualties_for,
    duration_for,
    find_quantities,
    money_for,
    purpose_for,
    quantity_for,
    terms_for,
)
from warledger.extractors.time.find import find_times


def analyse(nlp, text: str) -> Context:
    document = Document.make(text, published="2020-05-10")
    ctx = Context(document=document, doc=nlp(document.text))
    ctx.times = find_times(ctx)
    ctx.quantities = find_quantities(ctx)
    return ctx


def span_of(ctx: Context, word: str) -> tuple[int, int]:
    start = ctx.text.index(word)
    return start, start + len(word)


def figures(quantity):
    if quantity is None:
        return None
    return (quantity.text, quantity.value, quantity.low, quantity.high, quantity.approximate)


# (sentence, text, value, low, high, approximate, unit): the first count in the sentence
COUNTS = [
    ("Hundreds of protesters gathered.", "Hundreds", None, 200, 999, True, "protesters"),
    ("Approximately 350 people fled.", "Approximately 350", 350, None, None, True, "people"),
    ("About 2,000 fighters crossed.", "About 2,000", 2000, None, None, True, "fighters"),
    ("Russia sent 2,000 fighters.", "2,000", 2000, None, None, False, "fighters"),
    ("Dozens of families fled.", "Dozens", None, 24, 99, True, "families"),
    ("At least 12 people died.", "At least 12", 12, 12, None, True, "people"),
    ("A few soldiers stayed.", "A few", None, 2, 5, True, "soldiers"),
    ("Several soldiers stayed.", "Several", None, 3, 9, True, "soldiers"),
    ("More than 100 vehicles moved.", "More than 100", 100, 100, None, True, "vehicles"),
    ("Some 300 prisoners were freed.", "Some 300", 300, None, None, True, "prisoners"),
    ("Nearly 50 houses burned.", "Nearly 50", 50, None, 50, True, "houses"),
    ("Up to 40 trucks crossed.", "Up to 40", 40, None, 40, True, "trucks"),
    ("Police detained two journalists.", "two", 2, None, None, False, "journalists"),
    ("Police detained a dozen journalists.", "a dozen", 12, None, None, True, "journalists"),
    (
        "Tens of thousands of people marched.",
        "Tens of thousands",
        None,
        20000,
        99999,
        True,
        "people",
    ),
    ("Police detained twenty-five students.", "twenty-five", 25, None, None, False, "students"),
    ("Between 10 and 20 tanks advanced.", "Between 10 and 20", None, 10, 20, True, "tanks"),
    ("The army deployed 3 Ahrar al Sharqiyah fighters.", "3", 3, None, None, False, "fighters"),
    ("A few hundred fighters remained.", "A few hundred", None, 200, 500, True, "fighters"),
    ("Several thousand people fled.", "Several thousand", None, 3000, 9000, True, "people"),
    ("The group carried 2000 rifles.", "2000", 2000, None, None, False, "rifles"),
    (
        "Officials said 1.5 million people were displaced.",
        "1.5 million",
        1500000,
        None,
        None,
        False,
        "people",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "low", "high", "approximate", "unit"), COUNTS
)
def test_count_is_normalised(nlp, sentence, text, value, low, high, approximate, unit):
    counts = [m.quantity for m in analyse(nlp, sentence).quantities if m.kind == "count"]
    assert counts, sentence
    q = counts[0]
    assert (q.text, q.value, q.low, q.high, q.approximate, q.unit) == (
        text,
        value,
        low,
        high,
        approximate,
        unit,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The council cited Resolution 2254.",
        "A 45-year-old man was arrested.",
        "The village lies 30 km west of the city.",
        "Turnout fell to 10% in the district.",
        "Troops closed Route 4.",
        "Officers of the 4th Division arrived.",
        "On 9 May 2020, protesters gathered.",
        "The 2013 attack shocked the region.",
        "Unemployment rose in 2012-15 across the region.",
    ],
)
def test_names_measures_and_dates_are_not_counts(nlp, sentence):
    assert [m.span.text for m in analyse(nlp, sentence).quantities if m.kind == "count"] == []


# (sentence, fatalities, injured) as (text, value, low, high, approximate) or None
CASUALTIES = [
    ("Gunmen killed two civilians in the town.", ("two", 2, None, None, False), None),
    ("Several soldiers were killed in the attack.", ("Several", None, 3, 9, True), None),
    (
        "Troops shelled the village. No casualties reported.",
        ("No casualties", 0, None, None, False),
        ("No casualties", 0, None, None, False),
    ),
    (
        "Neither fatalities nor injuries were reported.",
        ("Neither fatalities nor injuries", 0, None, None, False),
        ("Neither fatalities nor injuries", 0, None, None, False),
    ),
    (
        "Neither injuries nor fatalities were reported.",
        ("Neither injuries nor fatalities", 0, None, None, False),
        ("Neither injuries nor fatalities", 0, None, None, False),
    ),
    (
        "The town was shelled without casualties.",
        ("without casualties", 0, None, None, False),
        ("without casualties", 0, None, None, False),
    ),
    (
        "The commander was wounded. No fatalities were reported.",
        ("No fatalities", 0, None, None, False),
        ("The commander", 1, None, None, False),
    ),
    (
        "A bomb exploded, killing 5 and wounding 12.",
        ("5", 5, None, None, False),
        ("12", 12, None, None, False),
    ),
    ("A man was killed in the raid.", ("A man", 1, None, None, False), None),
    ("Police found the bodies of three men.", ("three", 3, None, None, False), None),
    (
        "Clashes erupted. Unknown fatalities coded as 10.",
        ("fatalities coded as 10", 10, None, None, True),
        None,
    ),
    (
        "Forty soldiers and eight militiamen were reportedly killed.",
        ("Forty and eight", 48, None, None, False),
        None,
    ),
    ("Gunmen shot dead a civilian.", ("a civilian", 1, None, None, False), None),
    (
        "Shells killed three civilians and injured four more.",
        ("three", 3, None, None, False),
        ("four", 4, None, None, False),
    ),
    (
        "Gunmen opened fire, killing between 2 and 4 guards.",
        ("between 2 and 4", None, 2, 4, True),
        None,
    ),
    ("Two fighters were found dead on the road.", ("Two", 2, None, None, False), None),
    ("Six fatalities reported.", ("Six", 6, None, None, False), None),
    ("Shells killed a family of three, including a child.", ("three", 3, None, None, False), None),
    ("Five people, including two children, were killed.", ("Five", 5, None, None, False), None),
    (
        "Two soldiers were killed and five others injured.",
        ("Two", 2, None, None, False),
        ("five", 5, None, None, False),
    ),
    ("He was shot dead at the market.", ("He", 1, None, None, False), None),
    ("A farmer was beaten to death by a mob.", ("A farmer", 1, None, None, False), None),
    ("The death toll rose to 14.", ("14", 14, None, None, False), None),
    ("A man's body was found near the road.", ("A man's body", 1, None, None, False), None),
    ("Mob kills suspected robber.", ("suspected robber", 1, None, None, False), None),
    (
        "Villagers assaulted and killed a suspected robber.",
        ("a suspected robber", 1, None, None, False),
        None,
    ),
    (
        "A mob killed a chairman and his son.",
        ("a chairman and his son", 2, None, None, False),
        None,
    ),
    (
        "3 people, including 1 guard and 1 driver, were killed in the clash.",
        ("3", 3, None, None, False),
        None,
    ),
    (
        "A farmer and his son were killed by gunmen.",
        ("A farmer and his son", 2, None, None, False),
        None,
    ),
]


@pytest.mark.parametrize(("sentence", "fatalities", "injured"), CASUALTIES)
def test_casualties_for_reads_the_stated_figures(nlp, sentence, fatalities, injured):
    ctx = analyse(nlp, sentence)
    got = casualties_for(ctx, 0, len(ctx.text))
    assert (figures(got[0]), figures(got[1])) == (fatalities, injured)


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants attacked the base and fighters clashed with police.",
        "Protesters gathered in the square.",
        "Police arrested 20 people.",
        "Jets struck the camp, killing an unspecified number of fighters.",
        "Gunmen made an attempt to assassinate the governor.",
        "Gunmen attacked the village and killed civilians.",
        "Students protested against the killing of a classmate.",
        "Relatives demanded justice for the death of two brothers.",
    ],
)
def test_casualties_unknown_stay_none(nlp, sentence):
    ctx = analyse(nlp, sentence)
    assert casualties_for(ctx, 0, len(ctx.text)) == (None, None)


def test_casualties_for_reads_the_next_sentence_when_the_event_sentence_is_silent(nlp):
    ctx = analyse(
        nlp,
        "Troops shelled the village. Two civilians were killed.\n\nFive soldiers died elsewhere.",
    )
    fatalities, injured = casualties_for(ctx, *span_of(ctx, "shelled"))
    assert figures(fatalities) == ("Two", 2, None, None, False) and injured is None


def test_casualties_for_keeps_the_largest_figure_across_sentences(nlp):
    ctx = analyse(nlp, "Gunmen killed two guards. The death toll later rose to 5.")
    fatalities, _ = casualties_for(ctx, 0, len(ctx.text))
    assert figures(fatalities) == ("5", 5, None, None, False)


# (sentence, text, amount, currency, per)
MONEY = [
    ("Recruits were offered a salary of $1,000 a month.", "$1,000 a month", 1000, "USD", "month"),
    (
        "Recruits receive 1,500 US dollars per month.",
        "1,500 US dollars per month",
        1500,
        "USD",
        "month",
    ),
    ("The fine was 500 euros.", "500 euros", 500, "EUR", None),
    ("Each family paid SYP 200,000.", "SYP 200,000", 200000, "SYP", None),
    ("The contract was worth £2m.", "£2m", 2000000, "GBP", None),
    ("Fighters earn 300 Syrian pounds a day.", "300 Syrian pounds a day", 300, "SYP", "day"),
    ("The deal was worth $1.5 billion.", "$1.5 billion", 1500000000, "USD", None),
]


@pytest.mark.parametrize(("sentence", "text", "amount", "currency", "per"), MONEY)
def test_money_is_normalised(nlp, sentence, text, amount, currency, per):
    ctx = analyse(nlp, sentence)
    verb = next(t for t in ctx.doc if t.pos_ in ("VERB", "AUX"))
    money = money_for(ctx, verb.idx, verb.idx + len(verb))
    assert money is not None
    assert (money.text, money.amount, money.currency, money.per) == (text, amount, currency, per)


# (sentence, text, days)
DURATIONS = [
    ("Recruits signed up for a period of three months.", "for a period of three months", 90),
    ("The fighters trained for two weeks.", "for two weeks", 14),
    ("They signed a six-month contract.", "six-month", 180),
    ("The road was closed for 24 hours.", "for 24 hours", 1),
    ("The mission was extended for a year.", "for a year", 365),
]


@pytest.mark.parametrize(("sentence", "text", "days"), DURATIONS)
def test_duration_is_in_days(nlp, sentence, text, days):
    ctx = analyse(nlp, sentence)
    verb = next(t for t in ctx.doc if t.pos_ == "VERB")
    duration = duration_for(ctx, verb.idx, verb.idx + len(verb))
    assert duration is not None and (duration.text, duration.days) == (text, days)


def test_three_months_ago_is_a_time_not_a_duration_or_count(nlp):
    ctx = analyse(nlp, "The operation began three months ago.")
    assert ctx.quantities == []
    assert [t.when.text for t in ctx.times] == ["three months ago"]


def test_quantity_money_terms_and_purpose_of_a_recruitment(nlp):
    text = (
        "The company recruited hundreds of Syrians to protect oil installations in Libya, "
        "offering a salary of $1,000 a month and Turkish citizenship."
    )
    ctx = analyse(nlp, text)
    trigger = span_of(ctx, "recruited")
    assert figures(quantity_for(ctx, *trigger)) == ("hundreds", None, 200, 999, True)
    assert quantity_for(ctx, *trigger).unit == "Syrians"
    money = money_for(ctx, *trigger)
    assert money is not None and (money.amount, money.currency, money.per) == (1000, "USD", "month")
    assert terms_for(ctx, *trigger) == ["salary", "Turkish citizenship"]
    assert purpose_for(ctx, *trigger) == "to protect oil installations in Libya"


@pytest.mark.parametrize(
    ("sentence", "purpose"),
    [
        (
            "Russia deployed 300 fighters for protecting oil facilities.",
            "for protecting oil facilities",
        ),
        ("Turkey sent 300 fighters in order to guard the border.", "in order to guard the border"),
        ("Turkey sent 300 fighters to the border.", None),
        ("The militia threatened to attack the town.", None),
    ],
)
def test_purpose_clause(nlp, sentence, purpose):
    ctx = analyse(nlp, sentence)
    verb = next(t for t in ctx.doc if t.pos_ == "VERB")
    assert purpose_for(ctx, verb.idx, verb.idx + len(verb)) == purpose


def test_terms_include_exemption_and_amnesty(nlp):
    ctx = analyse(
        nlp, "Defectors were promised a general amnesty and exemption from military service."
    )
    trigger = span_of(ctx, "promised")
    assert terms_for(ctx, *trigger) == ["general amnesty", "exemption from military service"]


def test_quantity_for_skips_the_casualty_figure(nlp):
    ctx = analyse(nlp, "About 200 fighters stormed the town, killing three civilians.")
    trigger = span_of(ctx, "stormed")
    assert figures(quantity_for(ctx, *trigger)) == ("About 200", 200, None, None, True)
