"""The second actor of battles, explosions and strategic developments: the other side named by a
generic noun ("police agents", "Military forces", "law enforcement"), weapons seized or defused
(disrupted weapons use, against whoever planted them), and the people arrested. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from warledger.evaluate.acled_system import system_view


def _row(report) -> tuple[str | None, str | None, str | None]:
    view = system_view(report)
    return (
        view.sub_event_type,
        view.actor1.acled_name if view.actor1 else None,
        view.actor2.acled_name if view.actor2 else None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weapons seized, found, defused or destroyed: disrupted weapons use by the finder
        ("On 3 June 2021, the Moroccan army destroyed a weapon cache, defused 12 IEDs and seized "
         "5 kg of TNT near Khenifra.",
         ("Disrupted weapons use", "Military Forces of Morocco (1999-)",
          "Unidentified Armed Group (Morocco)")),
        ("On 3 June 2021, Kenyan police recovered 40 crude bombs at a house in Mombasa. A man was "
         "arrested.",
         ("Disrupted weapons use", "Police Forces of Kenya (2013-)",
          "Unidentified Armed Group (Kenya)")),
        ("On 3 June 2021, police forces in Kisumu discovered a large cache of explosives in a "
         "forest.",
         ("Disrupted weapons use", "Police Forces of Kenya (2013-)",
          "Unidentified Armed Group (Kenya)")),
        # the group that planted them is the other side
        ("On 3 June 2021, a joint team of police and soldiers recovered four IEDs planted by al "
         "Shabaab militants near Mandera.",
         ("Disrupted weapons use", "Police Forces of Kenya (2013-)", "Al Shabaab")),
        # a controlled detonation by the state's forces
        ("On 3 June 2021, Ugandan police detonated a bomb planted by an unidentified man at a "
         "church in Kampala.",
         ("Disrupted weapons use", "Police Forces of Uganda (1986-)",
          "Unidentified Armed Group (Uganda)")),
    ],
)  # fmt: skip
def test_disrupted_weapons_use(extract_text, text, expected):
    assert _row(extract_text(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 3 June 2021, al Shabaab militants detonated a bomb at a police station in Mandera.",
        "On 3 June 2021, villagers found an IED which exploded, killing two of them near Garissa.",
    ],
)
def test_a_bomb_that_went_off_is_an_explosion(extract_text, text):
    assert _row(extract_text(text))[0] == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 3 June 2021, in Tegucigalpa, gang members clashed with police agents. One gang "
         "member was injured.",
         ("Armed clash", "Unidentified Gang (Honduras)", "Police Forces of Honduras (2010-)")),
        ("On 3 June 2021, in Choluteca, Military forces found and destroyed a clandestine airstrip "
         "used for drug trafficking.",
         ("Looting/property destruction", "Military Forces of Honduras (2010-)",
          "Unidentified Gang (Honduras)")),
        ("On 3 June 2021, in Quetzaltenango, Police Forces found and destroyed 12 marijuana "
         "plantations.",
         ("Looting/property destruction", "Police Forces of Guatemala (2020-)",
          "Unidentified Gang (Guatemala)")),
        ("On 3 June 2021, in Lima, law enforcement detained around fifty alleged gang members.",
         ("Arrests", "Police Forces of Peru (2020-)", "Unidentified Gang (Peru)")),
    ],
)  # fmt: skip
def test_state_forces_named_by_a_generic_noun(extract_text, text, expected):
    assert _row(extract_text(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 3 June 2021, police forces arrested John Mwangi, an opposition candidate, in Nairobi.",
        "On 3 June 2021, police forces arrested 40 members of the Jubilee Party in Kisumu.",
    ],
)
def test_people_arrested_are_civilians(extract_text, text):
    assert _row(extract_text(text)) == (
        "Arrests",
        "Police Forces of Kenya (2013-)",
        "Civilians (Kenya)",
    )
