"""Event detection and ACLED-style typing, on sentences written for these tests."""

from __future__ import annotations

import pytest


def _types(report) -> list[tuple[str, str | None]]:
    return [(e.type, e.acled["sub_event_type"] if e.acled else None) for e in report.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government troops shelled the village of Kafr Nabl with artillery on Tuesday.",
         ("SHELLING", "Shelling/artillery/missile attack")),
        ("Warplanes carried out airstrikes on the outskirts of the town, residents said.",
         ("AIR_STRIKE", "Air/drone strike")),
        ("A drone struck a car near the border crossing, killing two fighters.",
         ("AIR_STRIKE", "Air/drone strike")),
        ("An IED exploded under a military vehicle on the road to the airport.",
         ("EXPLOSIVE", "Remote explosive/landmine/IED")),
        ("Unknown assailants threw a grenade at a police post in the market.",
         ("EXPLOSIVE", "Grenade")),
        ("A suicide bomber blew himself up at a checkpoint manned by soldiers.",
         ("EXPLOSIVE", "Suicide bomb")),
        ("Rebel fighters clashed with army units on the southern front.",
         ("CLASH", "Armed clash")),
        ("Militants ambushed a patrol of soldiers outside the town.",
         ("CLASH", "Armed clash")),
        ("Gunmen shot dead two farmers in their fields near the village.",
         ("ATTACK", "Attack")),
        ("Armed men kidnapped a teacher on his way home.",
         ("ABDUCTION", "Abduction/forced disappearance")),
        ("Soldiers raped a woman at the checkpoint, according to witnesses.",
         ("SEXUAL_VIOLENCE", "Sexual violence")),
        ("Police arrested five men suspected of smuggling weapons.",
         ("ARREST", "Arrests")),
        ("Rebel gunmen arrested three civilians at a checkpoint and took them to an unknown location.",
         ("ABDUCTION", "Abduction/forced disappearance")),
        ("Hundreds of teachers staged a protest in front of the ministry, demanding unpaid salaries.",
         ("PROTEST", "Peaceful protest")),
        ("Students staged a protest against fuel prices. Police fired tear gas to disperse them.",
         ("PROTEST", "Protest with intervention")),
        ("Protesters threw stones at police and set fire to tyres during the demonstration.",
         ("RIOT", "Violent demonstration")),
        ("An angry mob lynched a suspected thief in the market.",
         ("RIOT", "Mob violence")),
        ("Security forces opened fire on protesters, killing three demonstrators.",
         ("PROTEST", "Excessive force against protesters")),
        ("Militiamen looted shops and set fire to houses in the village.",
         ("LOOTING", "Looting/property destruction")),
        ("The army brought military reinforcements to its positions near the front line.",
         ("FORCE_MOVEMENT", "Change to group/activity")),
        ("Police defused an explosive device planted near the school.",
         ("WEAPONS_SEIZED", "Disrupted weapons use")),
        ("The two armed groups signed a ceasefire agreement on Sunday.",
         ("AGREEMENT", "Agreement")),
        ("Rebel forces took control of the town after the army withdrew.",
         ("TERRITORY_TAKEN", "Non-state actor overtakes territory")),
    ],
)  # fmt: skip
def test_sentence_is_typed_as_an_acled_coder_would(extract_text, text, expected):
    report = extract_text(text)
    assert _types(report)[0] == expected


def test_family_label_of_the_note_decides_the_type(extract_text):
    report = extract_text(
        "Movement of forces: On 3 June, the army sent a convoy of trucks to the airbase."
    )
    assert _types(report)[0] == ("FORCE_MOVEMENT", "Change to group/activity")


def test_label_non_violent_activity_gives_other(extract_text):
    report = extract_text(
        "Non-violent activity: On 5 June, the armed group held a meeting with elders."
    )
    assert _types(report)[0] == ("OTHER", "Other")


def test_labour_strike_is_a_protest_not_a_military_strike(extract_text):
    report = extract_text("Nurses went on strike at the district hospital over unpaid wages.")
    assert _types(report) == [("PROTEST", "Peaceful protest")]


@pytest.mark.parametrize(
    "text",
    [
        "The team's attack was brilliant and the striker hit the target twice in the second half.",
        "Shares rallied in March after the company beat profit forecasts.",
        "The film's producers are shooting the sequel in Morocco next spring.",
        "Sales of the new phone exploded, and the firm fought off a takeover bid.",
        "The band will march into the charts with a new single.",
    ],
)
def test_everyday_senses_of_conflict_words_give_no_event(extract_text, text):
    assert extract_text(text).events == []


def test_crosswalk_gives_acled_and_plover_for_each_type():
    from warledger.extractors.events.records import crosswalk

    assert crosswalk("SHELLING") == (
        {
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
        },
        "ASSAULT",
    )
    assert crosswalk("EXPLOSIVE", "Grenade")[0] == {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Grenade",
    }
    assert crosswalk("DEPLOY") == (
        {"event_type": "Strategic developments", "sub_event_type": "Change to group/activity"},
        "AID",
    )
    assert crosswalk("SUPPORT") == (None, "SUPPORT")
    assert crosswalk("PROTEST", "Not a sub-type")[0] == {
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
    }
    assert crosswalk("NO_SUCH_TYPE") == (None, None)


def test_every_ontology_type_is_in_the_crosswalk():
    from warledger.extractors.events.vocabulary import vocabulary

    types = set(vocabulary().crosswalk)
    assert {
        "CLASH", "TERRITORY_TAKEN", "AIR_STRIKE", "SHELLING", "EXPLOSIVE", "ATTACK", "ABDUCTION",
        "SEXUAL_VIOLENCE", "PROTEST", "RIOT", "ARREST", "FORCE_MOVEMENT", "BASE_ESTABLISHED",
        "WEAPONS_SEIZED", "LOOTING", "TERRITORY_TRANSFER", "AGREEMENT", "RECRUIT", "TRAIN", "DEPLOY",
        "PAY", "SUPPORT", "DIPLOMACY", "MEETING", "ACCUSE", "THREATEN", "SANCTION", "REQUEST",
        "REJECT", "AID", "OTHER",
    } <= types  # fmt: skip
