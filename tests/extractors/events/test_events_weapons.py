"""ACLED's weapon conventions (typing.yaml instruments) and exchanges of fire told from one side.
Sentences written for these tests."""

from __future__ import annotations

import pytest


def _first(report) -> tuple[str, str | None]:
    event = report.events[0]
    return event.type, event.acled["sub_event_type"] if event.acled else None


CLASH = ("CLASH", "Armed clash")
SHELLING = ("SHELLING", "Shelling/artillery/missile attack")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Separatist units fired small arms and grenade launchers at army positions near the "
         "railway station.", CLASH),
        ("Marines fired heavy machine guns and automatic grenade launchers at enemy trenches.",
         CLASH),
        ("The brigade fired with unspecified weapons on the positions of the insurgents east of "
         "the dam.", CLASH),
        ("The two sides exchanged fire across the river for an hour.", CLASH),
        ("Rebel gunners fired mortars at government positions in the valley.", SHELLING),
        ("Rebels fired rocket-propelled grenades at an army checkpoint.", SHELLING),
        ("Monitors recorded 14 explosions near the industrial zone.", SHELLING),
        ("Nine blasts were heard north-east of the airport, the mission said.", SHELLING),
        ("Insurgents threw a hand grenade at a police station.", ("EXPLOSIVE", "Grenade")),
        ("A roadside bomb exploded under a police vehicle.",
         ("EXPLOSIVE", "Remote explosive/landmine/IED")),
    ],
)  # fmt: skip
def test_weapon_conventions(extract_text, text, expected):
    assert _first(extract_text(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The company fired its chief executive after the audit.",
        "The minister fired three advisers on Monday.",
    ],
)
def test_fire_without_a_target_or_projectile_is_no_event(extract_text, text):
    assert extract_text(text).events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Federal agents seized three tons of cocaine at a checkpoint on the coastal highway.",
         ("LOOTING", "Looting/property destruction")),
        ("Soldiers seized a truck of smuggled cigarettes in a warehouse near the port.",
         ("LOOTING", "Looting/property destruction")),
        ("Rebels seized the town of Marlo after a week of fighting.",
         ("TERRITORY_TAKEN", "Non-state actor overtakes territory")),
    ],
)  # fmt: skip
def test_seized_goods_are_property_and_seized_towns_territory(extract_text, text, expected):
    assert _first(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police officers traded fire with drug traffickers in the hillside district.", CLASH),
        ("Members of a rival gang shot dead two gang members outside a bar.", CLASH),
        ("Police shot dead a drug suspect during a raid on his house.", ("ATTACK", "Attack")),
    ],
)  # fmt: skip
def test_gangs_are_organised_armed_actors(extract_text, text, expected):
    assert _first(extract_text(text)) == expected
