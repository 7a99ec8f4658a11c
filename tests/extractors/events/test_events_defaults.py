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
        "Protest with intervention",
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
        "Looting/property destruction",
        "Disrupted weapons use",
        "Arrests",
        "Explosions/Remote violence",
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


def _sides(report, type_: str) -> tuple[list[str | None], list[str | None]]:
    event = next(e for e in report.events if e.type == type_)
    return (
        [report.actor(a).acled_name for a in event.agent],
        [report.actor(a).acled_name for a in event.patient or event.partner],
    )


def test_clash_between_unnamed_gunmen_has_an_unidentified_group_on_each_side(extract_text):
    report = extract_text("On 7 May 2020, in a village of Zacatecas, armed men clashed.")
    agents, patients = _sides(report, "CLASH")
    assert agents == ["Unidentified Armed Group (Mexico)"]
    assert patients == ["Unidentified Armed Group (Mexico)"]
    event = next(e for e in report.events if e.type == "CLASH")
    assert event.agent != event.patient  # two records, one per side
    assert event.partner == []


def test_clash_with_a_named_side_keeps_it(extract_text):
    report = extract_text("On 7 May 2020, the Mexican army clashed with gunmen in Zacatecas.")
    agents, patients = _sides(report, "CLASH")
    assert agents == ["Military Forces of Mexico (2018-)"]
    assert patients == ["Unidentified Armed Group (Mexico)"]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2020, two groups of farmers clashed over a land dispute in a village near "
        "Multan, injuring five people.",
        "On 3 May 2020, a clash broke out between two families over a water channel near "
        "Multan, and both sides attacked each other with sticks.",
    ],
)
def test_two_crowds_fighting_each_other_are_rioters_on_both_sides(extract_text, text):
    report = extract_text(text)
    event = next(e for e in report.events if (e.acled or {}).get("sub_event_type"))
    assert event.acled["sub_event_type"] == "Mob violence"
    assert report.actor(event.agent[0]).acled_name == "Rioters (Pakistan)"
    assert report.actor(event.patient[0]).acled_name == "Rioters (Pakistan)"
    assert event.agent[0] != event.patient[0]


def test_mob_beating_a_man_has_civilians_as_second_actor(extract_text):
    report = extract_text(
        "On 3 May 2020, an angry mob beat a suspected thief in a market of Multan."
    )
    event = next(e for e in report.events if (e.acled or {}).get("sub_event_type"))
    assert event.acled["sub_event_type"] == "Mob violence"
    assert report.actor(event.patient[0]).acled_name == "Civilians (Pakistan)"


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2020, police dispersed a protest by shopkeepers in Lahore and detained twelve "
        "of them.",
        "On 9 May 2020, dozens of teachers who protested against pay cuts were dispersed by "
        "police in Tirana.",
    ],
)
def test_intervention_has_the_protesters_first_and_the_force_second(extract_text, text):
    report = extract_text(text)
    event = next(e for e in report.events if e.type == "PROTEST")
    assert event.acled["sub_event_type"] == "Protest with intervention"
    first, second = report.actor(event.agent[0]), report.actor(event.patient[0])
    assert first.kind == "protesters"
    assert second.kind == "police"
    assert event.patient[0] not in event.agent


def test_property_torched_by_unknown_people_belongs_to_civilians(extract_text):
    report = extract_text(
        "On 30 April 2020, unknown arsonists set fire to a telecommunications mast in Limassol."
    )
    agents, patients = _sides(report, "LOOTING")
    assert agents == ["Unidentified Armed Group (Cyprus)"]
    assert patients == ["Civilians (Cyprus)"]


def test_weapons_seized_by_police_belonged_to_an_unidentified_group(extract_text):
    report = extract_text(
        "On 4 May 2020, police uncovered a hidden weapons cache near a village in Dagestan, "
        "seizing grenades and rifles."
    )
    event = next(e for e in report.events if e.acled)
    assert event.acled["sub_event_type"] == "Disrupted weapons use"
    assert report.actor(event.agent[0]).kind == "police"
    assert report.actor(event.patient[0]).acled_name == "Unidentified Armed Group (Russia)"


@pytest.mark.parametrize(
    "goods", ["2 tons of marijuana hidden in a truck", "300,000 packs of smuggled cigarettes"]
)
def test_goods_seized_by_police_in_brazil_belonged_to_a_gang(extract_text, goods):
    report = extract_text(
        f"On 1 May 2020, federal police seized {goods} in Campo Grande, Mato Grosso do Sul."
    )
    event = next(e for e in report.events if e.type == "LOOTING")
    assert report.actor(event.agent[0]).kind == "police"
    assert [report.actor(a).acled_name for a in event.patient] == ["Unidentified Gang (Brazil)"]


def test_body_found_is_a_victim_of_an_unidentified_group(extract_text):
    report = extract_text(
        "On 3 May 2020, a man's body was found with gunshot wounds near a village in Hasakeh "
        "countryside."
    )
    agents, patients = _sides(report, "ATTACK")
    assert agents == ["Unidentified Armed Group (Syria)"]
    assert patients == ["Civilians (Syria)"]


def test_people_who_kill_are_an_unidentified_armed_group(extract_text):
    report = extract_text(
        "On 5 May 2020, in a village of Michoacan, a man was shot dead inside his house by people "
        "who knocked on his door."
    )
    agents, patients = _sides(report, "ATTACK")
    assert agents == ["Unidentified Armed Group (Mexico)"]
    assert patients == ["Civilians (Mexico)"]


def test_a_suspect_wounded_in_a_clash_is_not_its_civilian_side(extract_text):
    report = extract_text(
        "On 2 May 2020, troops clashed near a village in Chiang Rai, wounding a suspect."
    )
    agents, patients = _sides(report, "CLASH")
    assert agents == ["Military Forces of Thailand (2019-)"]
    assert patients == ["Unidentified Armed Group (Thailand)"]


def test_police_where_prison_guards_act_are_coded_as_the_prison_guards(extract_text):
    report = extract_text(
        "On 9 May 2020, in a prison in Merida state, prison guards threw tear gas at prisoners "
        "who were protesting to demand food."
    )
    event = next(e for e in report.events if e.type == "PROTEST")
    assert event.acled["sub_event_type"] == "Protest with intervention"
    assert [report.actor(a).acled_name for a in event.patient] == [
        "Police Forces of Venezuela (1999-) Prison Guards"
    ]


def test_police_without_prison_guards_keep_their_plain_name(extract_text):
    report = extract_text(
        "On 9 May 2020, police dispersed relatives of prisoners who protested outside a prison "
        "in Merida state."
    )
    event = next(e for e in report.events if e.type == "PROTEST")
    assert [report.actor(a).acled_name for a in event.patient][:1] == [
        "Police Forces of Venezuela (1999-)"
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "On 7 May 2020, Dahalo clashed with gendarmes near Maevatanana in Madagascar.",
            ["Dahalo Militia", "Police Forces of Madagascar (2019-)"],
        ),
        (
            "On 3 May 2020, NDC supporters attacked NPP supporters in Tamale.",
            ["Rioters (Ghana)", "NPP: New Patriotic Party"],
        ),
    ],
)
def test_main_groups_of_a_theatre_carry_their_acled_names(extract_text, text, names):
    report = extract_text(text)
    event = next(e for e in report.events if e.acled)
    first = report.actor(event.agent[0]).acled_name
    second = report.actor((event.patient or event.partner)[0]).acled_name
    assert [first, second] == names


def test_people_who_beat_someone_to_death_are_a_mob(extract_text):
    report = extract_text(
        "On 19 January 2023, four people assaulted and killed a farmer in a village of Kishoreganj."
    )
    event = next(e for e in report.events if e.acled)
    assert event.acled["sub_event_type"] == "Mob violence"
    assert report.actor(event.agent[0]).acled_name == "Rioters (Bangladesh)"
    assert report.actor(event.patient[0]).acled_name == "Civilians (Bangladesh)"
