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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the forces of the country where the fighting took place come first
        ("On 7 May 2021, military forces of India and Pakistan exchanged fire across the LoC in "
         "the Nakyal sector (Kotli district, AJK). One Pakistani soldier was injured.",
         ("Armed clash", "Military Forces of Pakistan (2018-)", "Military Forces of India (2014-)")),
        ("On 7 May 2021, military forces of India and Pakistan exchanged fire across the LoC in "
         "the Uri sector (Baramulla district, Jammu and Kashmir).",
         ("Armed clash", "Military Forces of India (2014-)", "Military Forces of Pakistan (2018-)")),
    ],
)  # fmt: skip
def test_two_states_forces_clash_with_the_home_side_first(extract_text, text, expected):
    assert _row(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # shooting at nobody named, and a state force shoots back: an exchange of fire with it
        ("On 7 May 2021, in Sonsonate, officers from the Tactical Section of the Police were "
         "patrolling when gang members approached and started shooting. The police shot back.",
         ("Armed clash", "Unidentified Gang (El Salvador)", "Police Forces of El Salvador (2019-)")),
        # a ranger is a soldier: killing one is fighting the army
        ("On 3 May 2021, separatists shot and killed one ranger and injured another in Bacho "
         "district of Narathiwat, Thailand.",
         ("Armed clash", "Unidentified Armed Group (Thailand)", "Military Forces of Thailand (2019-)")),
    ],
)  # fmt: skip
def test_the_other_side_is_a_state_force(extract_text, text, expected):
    assert _row(extract_text(text)) == expected


def test_gunmen_shooting_at_a_named_victim_stay_an_attack(extract_text):
    text = (
        "On 7 May 2021, in Sonsonate, gunmen shot and killed a shopkeeper. Police officers who "
        "arrived later returned fire."
    )
    assert _row(extract_text(text)) == (
        "Attack",
        "Unidentified Armed Group (El Salvador)",
        "Civilians (El Salvador)",
    )


@pytest.mark.parametrize(
    "text",
    [
        # a village the parse takes for a name is where the shells fell, not a second actor
        "On 4 May 2021, regime forces shelled Kafr Zeita and its outskirts in the northern "
        "countryside of Hama. No casualties were reported.",
        "On 4 May 2021, Turkish forces shelled Umm al-Kaif and surrounding areas near Tal Tamr.",
    ],
)
def test_shelling_a_place_has_no_second_actor(extract_text, text):
    view = system_view(extract_text(text))
    assert view.sub_event_type == "Shelling/artillery/missile attack"
    assert view.actor2 is None
