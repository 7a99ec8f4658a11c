"""Event forms beyond the plain trigger words: protests named by what people did (blockades,
motorcades, gatherings with a demand), barricades of burning tyres, bodies found with signs of
violence, hyphenated triggers, arson and attacks by crowds. Sentences written for these tests."""

from __future__ import annotations

import pytest


def _types(report) -> list[tuple[str, str | None]]:
    return [(e.type, e.acled["sub_event_type"] if e.acled else None) for e in report.events]


PEACEFUL = ("PROTEST", "Peaceful protest")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Residents of the suburb blocked the highway on Monday to demand clean water.", PEACEFUL),
        ("Shop owners gathered outside the municipal building demanding lower rents.", PEACEFUL),
        ("Taxi drivers drove in a motorcade across the city against the new licence fee.", PEACEFUL),
        ("Factory workers took to the streets of the port city over unpaid bonuses.", PEACEFUL),
        ("Refugees staged a sit-in outside the regional office of the agency.", PEACEFUL),
        ("Hospital cleaners protested because they fear catching the virus without masks.", PEACEFUL),
        ("Members of the football club protested against the league's new fixture rules.", PEACEFUL),
    ],
)  # fmt: skip
def test_protest_forms_without_a_protest_noun(extract_text, text, expected):
    assert _types(extract_text(text))[:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers blocked the highway leading to the border on Monday.",
        "Thousands of fans gathered at the arena for the final concert of the tour.",
        "The committee members gathered in the hall to hear the annual report.",
        "The virus attacks computers through e-mail attachments.",
    ],
)
def test_gatherings_and_blockades_without_a_demand_are_no_protest(extract_text, text):
    assert [t for t in _types(extract_text(text)) if t[0] in {"PROTEST", "RIOT"}] == []


def test_barricade_of_burning_tyres_is_a_violent_demonstration(extract_text):
    report = extract_text(
        "Jobless youths barricaded the main road with burning tyres to demand work."
    )
    assert _types(report)[:1] == [("RIOT", "Violent demonstration")]


@pytest.mark.parametrize(
    "text",
    [
        "The body of a taxi driver was found in a field with gunshot wounds.",
        "A young man was found dead beside the canal with his hands tied behind his back.",
        "Residents discovered the bodies of three men showing signs of torture near the dump.",
    ],
)
def test_body_found_with_signs_of_violence_is_an_attack(extract_text, text):
    assert _types(extract_text(text))[:1] == [("ATTACK", "Attack")]


@pytest.mark.parametrize(
    "text",
    [
        "The governing body of the federation approved the new budget.",
        "A body of experts will review the election law next year.",
    ],
)
def test_other_senses_of_body_are_no_event(extract_text, text):
    assert _types(extract_text(text)) == []


def test_hyphenated_trigger_matches_the_parser_tokens(extract_text):
    report = extract_text(
        "A shoot-out broke out between the police and suspected robbers downtown."
    )
    assert _types(report)[:1] == [("CLASH", "Armed clash")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Villagers assaulted a grocer they accused of hoarding rice.", ("RIOT", "Mob violence")),
        ("Unidentified men fired shots at a former councillor outside his home.",
         ("ATTACK", "Attack")),
        ("Two delivery trucks were set on fire by unknown people overnight.",
         ("LOOTING", "Looting/property destruction")),
        ("Demonstrators threw Molotov cocktails at the bank's windows.",
         ("RIOT", "Violent demonstration")),
    ],
)  # fmt: skip
def test_violence_by_anyone_against_people_or_property(extract_text, text, expected):
    assert _types(extract_text(text))[:1] == [expected]


def test_criticism_is_no_attack(extract_text):
    assert _types(extract_text("The opposition party attacked the government's budget plan.")) == []
