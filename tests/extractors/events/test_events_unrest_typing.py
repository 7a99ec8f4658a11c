"""How a coder types unrest and violence between unorganised groups: intervention only when the
authorities act on this protest, peaceful blockades, background riots, crowds against police,
armed men and off-duty officers. Sentences written for these tests."""

from __future__ import annotations

import pytest


def _first(report) -> tuple[str, str | None]:
    event = report.events[0]
    return event.type, event.acled["sub_event_type"] if event.acled else None


PEACEFUL = ("PROTEST", "Peaceful protest")
INTERVENTION = ("PROTEST", "Protest with intervention")
MOB = ("RIOT", "Mob violence")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reporters protested in the capital, demanding the release of their editor. "
         "He was arrested last month on a tax charge.", PEACEFUL),
        ("Traders demonstrated against the closure of the market. The closure aims to prevent "
         "the spread of the disease.", PEACEFUL),
        ("Nurses protested outside the hospital and urged the governor to intervene.", PEACEFUL),
        ("Farmers held a rally in the square. Some of them were detained later, after the "
         "rally had ended.", PEACEFUL),
        ("Farmers held a rally in the square. Police dispersed the crowd with tear gas.",
         INTERVENTION),
        ("Students protested at the gate of the university. They were detained by police.",
         INTERVENTION),
    ],
)  # fmt: skip
def test_intervention_is_what_the_authorities_did_to_this_protest(extract_text, text, expected):
    assert _first(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Street vendors blocked two roads to protest against their eviction.", PEACEFUL),
        ("Parents of inmates protested outside the jail, where a riot broke out last year.",
         PEACEFUL),
        ("Protesters blocked the road and threw stones at passing cars.",
         ("RIOT", "Violent demonstration")),
    ],
)  # fmt: skip
def test_a_blockade_is_peaceful_until_something_is_thrown(extract_text, text, expected):
    assert _first(extract_text(text)) == expected


def test_a_riot_of_another_week_does_not_make_the_protest_violent(extract_text):
    text = (
        "On 2 March 2021, neighbours held a protest against the judge's ruling. "
        "The ruling came after riots in the city's jail in the previous week."
    )
    assert _first(extract_text(text)) == PEACEFUL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A group of villagers clashed with police officers who were enforcing the curfew.", MOB),
        ("Two groups of fishermen clashed over fishing rights on the lake, injuring six.", MOB),
        ("A crowd attacked two police officers with stones and sticks.", MOB),
        ("Villagers armed with rifles clashed with the police, leaving two dead.",
         ("CLASH", "Armed clash")),
        ("Rebels clashed with soldiers near the border.", ("CLASH", "Armed clash")),
    ],
)  # fmt: skip
def test_unorganised_crowds_are_mob_violence_whoever_they_fight(extract_text, text, expected):
    assert _first(extract_text(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Two armed men attacked a bus driver near the terminal.",
        "Gunmen shot dead an off-duty police officer outside his home.",
        "Unknown attackers stabbed a retired soldier in the market.",
    ],
)
def test_armed_men_against_an_unarmed_person_is_an_attack(extract_text, text):
    assert _first(extract_text(text)) == ("ATTACK", "Attack")


def test_a_police_patrol_stays_an_armed_target(extract_text):
    report = extract_text("Gunmen opened fire on a police patrol, wounding three policemen.")
    assert _first(report) == ("CLASH", "Armed clash")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tenants staged a sit-in outside the housing office. The police intervened and "
         "arrested their leader.", INTERVENTION),
        ("Porters protested at the station over unpaid fees. Police used a baton charge to "
         "disperse the porters.", INTERVENTION),
        ("Tenants staged a sit-in outside the housing office. Guards were posted at the gate "
         "but did not intervene.", PEACEFUL),
        ("Tenants staged a sit-in and urged the mayor to intervene in the dispute.", PEACEFUL),
    ],
)  # fmt: skip
def test_security_forces_acting_after_the_protest_sentence(extract_text, text, expected):
    assert _first(extract_text(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause the parser hangs on "protested" is no reported complaint
        "On 2 March 2021, in Leon, Guanajuato, retired teachers protested demanding payments of "
        "their pensions and other sums that the state owes them.",
        # "demonstrated" with what they came to ask for is a protest, not a showing
        "On 2 March 2021, in Merida, Yucatan, about 30 lawyers demonstrated to request a "
        "reduction of the licence fees.",
    ],
)
def test_protests_that_say_what_they_ask_for_are_found(extract_text, text):
    assert _first(extract_text(text)) == PEACEFUL


def test_a_protest_verb_with_a_reported_clause_is_still_a_complaint(extract_text):
    report = extract_text("The unions protested that the new rules were unfair to drivers.")
    assert [e.type for e in report.events if e.type == "PROTEST"] == []


@pytest.mark.parametrize(
    "text",
    [
        "On 3 June 2021, dozens of Bangladeshi nationals pelted stones at border guards near "
        "Petrapole after they were stopped at the crossing.",
        "On 3 June 2021, beneficiaries of a relief programme pelted stones at officials at a "
        "distribution centre in Larkana.",
    ],
)
def test_foreign_nationals_and_aid_beneficiaries_throwing_stones_are_a_mob(extract_text, text):
    assert _first(extract_text(text)) == MOB
