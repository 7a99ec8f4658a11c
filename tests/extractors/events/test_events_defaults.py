"""ACLED's default actors for events whose actor the text does not name."""

from __future__ import annotations

import pytest

from warledger.extractors.events.defaults import default_rules


def _first(report, type_: str):
    event = next(e for e in report.events if e.type == type_)
    return [report.actor(a) for a in event.agent]


def test_rules_cover_every_violent_and_unrest_family_and_property_destruction():
    assert set(default_rules()) == {
        "Protests",
        "Riots",
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Looting/property destruction",
    }


def test_explosion_without_perpetrator_is_unidentified_armed_group(extract_text):
    text = "On 3 March 2020, an explosive device detonated near a bakery in Idlib city."
    report = extract_text(text)
    agents = _first(report, "EXPLOSIVE")
    assert [a.acled_name for a in agents] == ["Unidentified Armed Group (Syria)"]
    assert [text[m.start : m.end] for m in agents[0].mentions] == ["device"]  # the trigger's head


def test_named_perpetrator_gets_no_default(extract_text):
    report = extract_text(
        "On 3 March 2020, government forces shelled the town of Kafr Nabl in Idlib."
    )
    agents = _first(report, "SHELLING")
    assert "Unidentified Armed Group (Syria)" not in [a.acled_name for a in agents]
    assert all(a.kind != "unidentified_armed_group" for a in report.actors)


def test_protest_by_a_named_party_is_led_by_protesters(extract_text):
    report = extract_text(
        "On 3 March 2019, members of the Orange Democratic Movement protested in Nairobi."
    )
    agents = _first(report, "PROTEST")
    assert agents[0].acled_name == "Protesters (Kenya)"
    assert agents[0].kind == "protesters"


def test_police_firing_on_protesters_keeps_the_police_first(extract_text):
    report = extract_text(
        "On 3 March 2019, police fired live bullets at protesters in Nairobi, killing two of them."
    )
    events = [e for e in report.events if e.agent]
    first = report.actor(events[0].agent[0])
    assert first.kind == "police"


@pytest.mark.parametrize("word", ["protesters", "demonstrators"])
def test_protest_by_protesters_keeps_one_protesters_actor(extract_text, word):
    report = extract_text(f"On 3 March 2019, {word} marched through Nairobi.")
    agents = _first(report, "PROTEST")
    assert [a.acled_name for a in agents] == ["Protesters (Kenya)"]


def test_government_targeted_in_violence_is_coded_as_its_forces(extract_text):
    report = extract_text(
        "On 7 May 2020, LNA forces shelled positions of the Government of National Accord "
        "in Tripoli."
    )
    event = next(e for e in report.events if e.type == "SHELLING")
    patient = report.actor(event.patient[0])
    assert patient.kind == "military"
    assert patient.acled_name == "Military Forces of Libya (2016-) Government of National Accord"


def test_government_in_a_meeting_stays_the_government(extract_text):
    report = extract_text(
        "On 7 May 2020, the Government of National Accord met a delegation from Turkey in Tripoli."
    )
    assert all(a.kind != "military" for a in report.actors)


def _second(report, type_: str):
    event = next(e for e in report.events if e.type == type_)
    return [report.actor(a) for a in event.patient]


def test_patient_rules_cover_violence_against_civilians_protests_and_clashes():
    assert set(default_rules("patients")) == {
        "Violence against civilians",
        "Armed clash",
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
        "Mob violence",
    }


def test_victim_of_violence_against_civilians_is_civilians_whoever_the_text_names(
    extract_text,
):
    report = extract_text(
        "On 2 June 2021, gunmen shot dead a tribal sheikh in the town of Nawa in Daraa."
    )
    patients = _second(report, "ATTACK")
    assert [a.acled_name for a in patients] == ["Civilians (Syria)"]
    assert [text.text for text in patients[0].mentions] == ["shot"]  # the trigger as evidence


def test_named_civilian_victims_are_moved_first_not_duplicated(extract_text):
    report = extract_text("On 2 June 2021, gunmen abducted two Iraqi traders near Raqqa.")
    patients = _second(report, "ABDUCTION")
    assert patients[0].acled_name == "Civilians (Iraq)"
    assert [a.acled_name for a in report.actors].count("Civilians (Syria)") == 0


def test_us_forces_in_syria_are_coded_as_the_coalition(extract_text):
    report = extract_text("On 4 May 2020, US forces shot dead a civilian near Shadadah in Hasakah.")
    agents = _first(report, "ATTACK")
    assert [a.acled_name for a in agents] == ["Global Coalition Against Daesh"]
    assert [m.text for m in agents[0].mentions] == ["US forces"]


def test_islamic_state_fighting_in_syria_is_its_syrian_branch(extract_text):
    report = extract_text("On 3 May 2020, IS fighters attacked an army checkpoint near Palmyra.")
    agents = _first(report, "CLASH")
    assert [a.acled_name for a in agents] == ["Islamic State (Syria)"]
