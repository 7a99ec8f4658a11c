"""Second actors of riots: the state force a crowd fights, and crowds fighting each other
(defaults.yaml `targets_first`, `mutual_patterns`; actors.yaml force bodies such as "team")."""

from __future__ import annotations

import pytest


def _riot(report):
    event = next(e for e in report.events if e.main)
    assert event.acled["sub_event_type"] == "Mob violence"
    return (
        [report.actor(a).acled_name for a in event.agent],
        [report.actor(a).acled_name for a in event.patient],
        event,
    )


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2020, several hundred traders clashed with police in Multan after they were "
        "stopped from opening their shops.",
        "On 3 May 2020, hundreds of residents clashed with the police in Multan over the "
        "lockdown; ten people were injured.",
        "On 4 May 2020, a mob attacked a police team in a village near Multan during a raid.",
    ],
)
def test_police_a_crowd_fights_or_attacks_are_the_second_actor(extract_text, text):
    agents, patients, _ = _riot(extract_text(text))
    assert agents[0] == "Rioters (Pakistan)"
    assert patients[0] == "Police Forces of Pakistan (2018-)"


@pytest.mark.parametrize(
    "text",
    [
        "On 6 May 2020, two village groups clashed over a land dispute near Multan, injuring six "
        "people.",
        "On 6 May 2020, a mob clashed with another group over a cricket match near Multan.",
        "On 6 May 2020, two people were injured in a clash between supporters of two candidates "
        "in Multan.",
        "On 6 May 2020, a group of residents clashed over the distribution of food aid in Multan.",
        "On 6 May 2020, a mob of youths clashed with a group of farm workers over a water channel "
        "in Multan.",
    ],
)
def test_crowds_clashing_with_each_other_are_rioters_on_both_sides(extract_text, text):
    agents, patients, event = _riot(extract_text(text))
    assert agents[0] == "Rioters (Pakistan)"
    assert patients == ["Rioters (Pakistan)"]
    assert event.agent[0] != event.patient[0]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "On 30 April 2020, a mob pelted stones at police during a clash between villagers "
            "and police in Multan.",
            "Mob violence",
        ),
        (
            "On 30 April 2020, rioters torched vehicles during clashes between residents and "
            "police in Multan.",
            "Violent demonstration",
        ),
    ],
)
def test_a_clash_between_a_crowd_and_police_has_the_police_second(
    extract_text, text, sub_event_type
):
    report = extract_text(text)
    event = next(e for e in report.events if e.main)
    assert event.acled["sub_event_type"] == sub_event_type
    assert [report.actor(a).acled_name for a in event.agent] == [
        "Rioters (Pakistan)",
        "Civilians (Pakistan)",
    ]
    assert [report.actor(a).acled_name for a in event.patient] == [
        "Police Forces of Pakistan (2018-)"
    ]


def test_a_mob_beating_a_man_still_has_civilians_as_second_actor(extract_text):
    _, patients, _ = _riot(
        extract_text("On 3 May 2020, an angry mob beat a suspected thief in a market of Multan.")
    )
    assert patients == ["Civilians (Pakistan)"]


def test_a_medical_team_is_no_force(extract_text):
    report = extract_text("On 4 May 2020, a medical team was attacked by villagers near Multan.")
    assert [a.kind for a in report.actors if "team" in a.name] == []


def test_a_clash_between_police_and_a_crowd_is_mob_violence_with_rioters_first(extract_text):
    report = extract_text(
        "On 29 April 2020, a clash erupted between police and shopkeepers in Multan, after "
        "police slapped a shopkeeper for not closing his shop."
    )
    agents, patients, _ = _riot(report)
    assert agents[0] == "Rioters (Pakistan)"
    assert patients == ["Police Forces of Pakistan (2018-)"]


def test_police_clashing_with_gunmen_stays_an_armed_clash(extract_text):
    report = extract_text("On 30 April 2020, police clashed with gunmen in Multan.")
    event = next(e for e in report.events if e.main)
    assert event.acled["sub_event_type"] == "Armed clash"


@pytest.mark.parametrize(
    ("text", "sub_event_type", "second"),
    [
        (
            "On 7 May 2020, in Multan, gunmen shot dead a police officer who was off duty.",
            "Attack",
            "Civilians (Pakistan)",
        ),
        (
            "On 7 May 2020, in Multan, gunmen shot dead a police officer who was guarding a "
            "checkpoint.",
            "Armed clash",
            "Police Forces of Pakistan (2018-)",
        ),
    ],
)
def test_an_officer_said_to_be_off_duty_is_a_civilian_victim(
    extract_text, text, sub_event_type, second
):
    report = extract_text(text)
    event = next(e for e in report.events if e.main)
    assert event.acled["sub_event_type"] == sub_event_type
    assert report.actor(event.patient[0]).acled_name == second


@pytest.mark.parametrize(
    "text",
    [
        "On 29 April 2020, police used force against residents protesting in Multan against the "
        "conditions at a quarantine facility.",
        "On 28 April 2020, in Multan, about 100 merchants demonstrated at a toll booth to ask for "
        "help. The protesters were peacefully removed by the police.",
    ],
)
def test_force_used_on_protesters_is_an_intervention(extract_text, text):
    report = extract_text(text)
    event = next(e for e in report.events if e.main)
    assert event.acled["sub_event_type"] == "Protest with intervention"
    assert report.actor(event.patient[0]).acled_name == "Police Forces of Pakistan (2018-)"
