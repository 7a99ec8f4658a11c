"""ACLED's naming conventions for unnamed actors, end to end: armed men are attackers, organised
crime in Latin America is an unidentified gang. Sentences written for these tests."""

from __future__ import annotations

import pytest


def _roles(report, type_: str | None = None):
    event = next(e for e in report.events if type_ is None or e.type == type_)
    names = lambda ids: [report.actor(a).acled_name for a in ids]  # noqa: E731
    return names(event.agent), names(event.patient)


@pytest.mark.parametrize(
    "text",
    [
        "On 6 May 2020, in Manaus, Brazil, a man was shot dead by three armed men.",
        "On 6 May 2020, heavily armed men shot dead a shopkeeper in Manaus, Brazil.",
    ],
)
def test_armed_men_are_an_unidentified_armed_group_not_civilians(extract_text, text):
    agents, patients = _roles(extract_text(text), "ATTACK")
    assert agents == ["Unidentified Armed Group (Brazil)"]
    assert patients == ["Civilians (Brazil)"]


def test_men_without_arms_who_are_killed_stay_civilians(extract_text):
    agents, patients = _roles(extract_text("On 6 May 2020, two men were killed in Manaus, Brazil."))
    assert agents == ["Unidentified Armed Group (Brazil)"]
    assert patients == ["Civilians (Brazil)"]


def test_drive_by_killing_in_brazil_is_a_gang_or_police_militia(extract_text):
    report = extract_text(
        "On 6 May 2020, in Manaus, Brazil, a man was shot dead by three armed men in a drive-by shooting."
    )
    assert _roles(report, "ATTACK") == (
        ["Unidentified Gang and/or Police Militia"],
        ["Civilians (Brazil)"],
    )


def test_killing_with_marks_of_organised_crime_in_mexico_is_an_unidentified_gang(extract_text):
    report = extract_text(
        "On 5 May 2020, in Culiacan, Sinaloa, armed men killed two men. The bodies showed signs of torture."
    )
    assert _roles(report, "ATTACK") == (["Unidentified Gang (Mexico)"], ["Civilians (Mexico)"])


def test_killing_without_marks_of_organised_crime_stays_an_armed_group(extract_text):
    report = extract_text("On 5 May 2020, in Culiacan, Sinaloa, armed men killed two men.")
    assert _roles(report, "ATTACK")[0] == ["Unidentified Armed Group (Mexico)"]


def test_cartel_cue_outside_latin_america_keeps_the_armed_group(extract_text):
    report = extract_text(
        "On 5 May 2020, gunmen linked to a drug cartel killed two villagers in Marsabit, Kenya."
    )
    assert _roles(report, "ATTACK")[0] == ["Unidentified Armed Group (Kenya)"]
