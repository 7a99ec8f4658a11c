"""Things a side owns stand for the owner: "regime positions", "a QSD vehicle", "civilian homes"."""

from __future__ import annotations

import pytest


def _patients(report, type_: str) -> list[str | None]:
    event = next(e for e in report.events if e.type == type_)
    return [report.actor(a).acled_name for a in event.patient]


@pytest.mark.parametrize(
    ("text", "type_", "owner"),
    [
        (
            "On 8 June 2021, Turkish forces shelled regime positions near Saraqib in Idlib.",
            "SHELLING",
            "Military Forces of Syria (2000-)",
        ),
        (
            "On 8 June 2021, an IED struck an SDF vehicle near Hajin in Deir ez-Zor.",
            "EXPLOSIVE",
            "QSD: Syrian Democratic Forces",
        ),
        (
            "On 8 June 2021, LNA warplanes bombed a GNA camp south of Tripoli.",
            "AIR_STRIKE",
            "Military Forces of Libya (2016-) Government of National Accord",
        ),
        (
            "On 8 June 2021, regime forces shelled bulldozers belonging to the Turkish army "
            "near Saraqib in Idlib.",
            "SHELLING",
            "Military Forces of Turkey (2016-)",
        ),
    ],
)
def test_the_owner_of_a_target_is_the_patient(extract_text, text, type_, owner):
    assert _patients(extract_text(text), type_)[:1] == [owner]


def test_an_operator_outranks_the_maker(extract_text):
    text = "On 8 June 2021, a Turkish drone operated by the GNA struck a truck near Sirte."
    report = extract_text(text)
    event = next(e for e in report.events if e.type == "AIR_STRIKE")
    agent = report.actor(event.agent[0])
    assert agent.acled_name == "Military Forces of Libya (2016-) Government of National Accord"
    assert "a Turkish drone operated by the GNA" in [m.text for m in agent.mentions]


def test_an_owner_noun_decides_the_kind(extract_text):
    report = extract_text("On 8 June 2021, militants torched civilian homes in Tillaberi.")
    owners = [a for a in report.actors if a.name == "civilian homes"]
    assert [(a.kind, a.acled_name) for a in owners] == [("civilians", "Civilians (Niger)")]


def test_the_nearest_owner_noun_wins(extract_text):
    report = extract_text(
        "On 8 June 2021, gunmen opened fire on a civilian police patrol in Jarablus."
    )
    assert [a.kind for a in report.actors if "patrol" in a.mentions[0].text] == ["police"]


@pytest.mark.parametrize(
    "text",
    [
        "On 8 June 2021, a councillor was shot dead at his home in Homa Bay by gunmen.",
        "On 8 June 2021, soldiers searched a house in Mandera.",
        "On 8 June 2021, a military vehicle overturned near Garissa.",
    ],
)
def test_no_owner_no_actor(extract_text, text):
    report = extract_text(text)
    assert [
        a.name for a in report.actors if a.mentions[0].text.endswith(("home", "house", "vehicle"))
    ] == []


def test_an_asset_the_weapon_went_off_in_names_the_target(extract_text):
    report = extract_text("On 7 June 2021, a landmine exploded in an SDF vehicle near Hajin.")
    assert _patients(report, "EXPLOSIVE") == ["QSD: Syrian Democratic Forces"]


def test_an_asset_the_weapon_was_planted_in_names_the_target(extract_text):
    report = extract_text(
        "On 7 June 2021, an IED planted in an SDF vehicle by unknown militants exploded in Hajin."
    )
    assert _patients(report, "EXPLOSIVE") == ["QSD: Syrian Democratic Forces"]


def test_a_known_owner_phrase_is_the_known_actor(extract_text):
    report = extract_text(
        "On 7 June 2021, Israeli warplanes struck pro-Iran militias positions near Albu Kamal."
    )
    assert _patients(report, "AIR_STRIKE") == ["Militia (Pro-Iran)"]


def test_regime_forces_belong_to_the_country_of_the_places(extract_text):
    # Turkey is named more often than Syria, but the places are Syrian.
    report = extract_text(
        "On 5 June 2021, Turkish forces shelled regime forces' positions near Tell Abiad "
        "in Raqqa, Turkish media said."
    )
    assert _patients(report, "SHELLING") == ["Military Forces of Syria (2000-)"]  # as of 2021


def test_a_job_is_not_an_asset(extract_text):
    report = extract_text("Applicants to government job positions protested in Srinagar.")
    assert [a.kind for a in report.actors] == ["protesters"]


def test_a_named_camp_is_a_place_not_an_owned_asset(extract_text):
    report = extract_text("Thousands of children live in the al-Hawl camp in north-east Syria.")
    assert [a.kind for a in report.actors] == ["civilians"]
