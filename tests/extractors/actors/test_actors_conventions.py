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


def test_peaceful_protest_has_no_second_actor(extract_text):
    report = extract_text(
        "On 4 May 2020, hundreds protested against the government in Belgrade, Serbia."
    )
    assert _roles(report, "PROTEST") == (["Protesters (Serbia)"], [])


def test_counter_protest_has_the_other_protesters_as_second_actor(extract_text):
    report = extract_text(
        "On 4 May 2020, residents staged a counter-protest against a rally of nationalists in Belgrade, Serbia."
    )
    agents, patients = _roles(report, "PROTEST")
    assert patients == ["Protesters (Serbia)"]


def test_protest_broken_up_by_police_has_the_police_of_the_country(extract_text):
    report = extract_text(
        "On 4 May 2020, in Lima, Peru, police dispersed residents protesting against the lack of "
        "water, using tear gas."
    )
    agents, patients = _roles(report, "PROTEST")
    assert agents[0] == "Protesters (Peru)"
    assert patients == ["Police Forces of Peru (2018-)"]


def test_stones_thrown_at_police_make_the_police_second_actor(extract_text):
    report = extract_text(
        "On 4 May 2020, rioters pelted stones at police in Srinagar, Jammu and Kashmir."
    )
    assert _roles(report, "RIOT") == (["Rioters (India)"], ["Police Forces of India (2014-)"])


def test_violent_demonstration_without_police_gets_no_invented_police(extract_text):
    report = extract_text(
        "On 4 May 2020, rioters torched two buses in Srinagar, Jammu and Kashmir."
    )
    assert "Police Forces of India (2014-)" not in _roles(report, "RIOT")[1]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On 5 May 2020, in Rio de Janeiro, Brazil, military police officers clashed with gunmen.",
            "Military Forces of Brazil (2019-) Military Police",
        ),
        (
            "On 5 May 2020, in Sao Paulo, Brazil, the Federal Police arrested two men.",
            "Police Forces of Brazil (2019-) Federal Police",
        ),
        (
            "On 5 May 2020, in Culiacan, Sinaloa, state police officers clashed with gunmen.",
            "Police Forces of Mexico (2018-) State Police",
        ),
        (
            "On 5 May 2020, in Kathmandu, Nepal, Armed Police Force personnel baton-charged protesters.",
            "Police Forces of Nepal (2015-) Armed Police Force",
        ),
    ],
)
def test_state_units_named_by_a_common_phrase_carry_the_unit(extract_text, text, name):
    assert name in [a.acled_name for a in extract_text(text).actors]


def test_unit_phrase_of_another_country_is_not_read_there(extract_text):
    report = extract_text(
        "On 5 May 2020, Russian military police were attacked near Tal Tamr in Hasakah, Syria."
    )
    names = [a.acled_name for a in report.actors]
    assert "Military Forces of Russia (2000-) Military Police" in names
    assert not any("Brazil" in (n or "") for n in names)


def test_federal_police_is_read_in_the_country_of_the_report(extract_text):
    report = extract_text(
        "On 5 May 2020, Federal Police units clashed with IS militants near Kirkuk, Iraq."
    )
    names = [a.acled_name for a in report.actors]
    assert not any("Brazil" in (n or "") or "Mexico" in (n or "") for n in names)


def test_forces_of_two_coordinated_states_are_two_sides(extract_text):
    report = extract_text(
        "On 6 May 2020, military forces of India and Pakistan exchanged fire across the LoC in "
        "Poonch district, Jammu and Kashmir."
    )
    assert _roles(report, "CLASH") == (
        ["Military Forces of India (2014-)"],
        ["Military Forces of Pakistan (2018-)"],
    )


def test_forces_of_one_state_stay_one_actor(extract_text):
    report = extract_text(
        "On 6 May 2020, military forces of India fired across the LoC in Poonch district, Jammu and Kashmir."
    )
    names = [a.acled_name for a in report.actors if a.kind == "military"]
    assert names == ["Military Forces of India (2014-)"]


def test_gang_members_in_a_clash_with_police_are_a_gang(extract_text):
    report = extract_text(
        "On 6 May 2020, in Rio de Janeiro, Brazil, military police officers clashed with gang members."
    )
    names = [a.acled_name for a in report.actors]
    assert "Unidentified Gang (Brazil)" in names


def test_militia_members_are_not_a_gang(extract_text):
    report = extract_text("On 6 May 2020, militia members attacked a village in Ituri, DR Congo.")
    assert _roles(report, "ATTACK")[0] == [
        "Unidentified Armed Group (Democratic Republic of Congo)"
    ]


def test_drugs_seized_by_police_in_brazil_were_a_gang_s(extract_text):
    report = extract_text(
        "On 5 May 2020, in Sao Paulo, Brazil, the Federal Police dismantled a cocaine laboratory "
        "and seized 300 kg of drugs."
    )
    event = next(e for e in report.events if e.patient)
    assert [report.actor(a).acled_name for a in event.patient] == ["Unidentified Gang (Brazil)"]


def test_property_destroyed_by_police_without_drugs_has_no_gang(extract_text):
    report = extract_text("On 5 May 2020, in Sao Paulo, Brazil, police demolished ten houses.")
    assert "Unidentified Gang (Brazil)" not in [a.acled_name for a in report.actors]


def test_men_who_open_fire_are_an_unidentified_armed_group(extract_text):
    report = extract_text(
        "On 4 May 2020, in Monterrey, Mexico, two men opened fire on a shop, injuring the owner."
    )
    assert _roles(report, "ATTACK")[0] == ["Unidentified Armed Group (Mexico)"]


def test_men_who_march_are_not_attackers(extract_text):
    report = extract_text("On 4 May 2020, hundreds of men marched in Nairobi, Kenya.")
    assert all(a.kind != "unidentified_armed_group" for a in report.actors)


def test_opposition_party_members_attacked_by_a_militia_are_civilians(extract_text):
    report = extract_text(
        "On 1 May 2020, Imbonerakure attacked and injured 3 CNL members in Mwaro, Burundi."
    )
    agents, patients = _roles(report)
    assert agents == [
        "CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy (Imbonerakure Faction)"
    ]
    assert patients[0] == "Civilians (Burundi)"


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "On 6 May 2020, a drug suspect was killed during a police raid in General Santos, Philippines.",
            "Police Forces of the Philippines (2016-)",
        ),
        (
            "On 6 May 2020, two civilians were killed in an army operation in Kidal, Mali.",
            "Military Forces of Mali (2013-)",
        ),
    ],
)
def test_a_state_operation_noun_names_the_force_that_acted(extract_text, text, agent):
    assert _roles(extract_text(text), "ATTACK")[0] == [agent]


def test_a_killing_without_an_operation_stays_unidentified(extract_text):
    report = extract_text("On 6 May 2020, a man was killed in Manila, Philippines.")
    assert _roles(report, "ATTACK")[0] == ["Unidentified Armed Group (Philippines)"]


def test_mob_violence_without_police_is_against_civilians(extract_text):
    report = extract_text(
        "On 30 April 2020, a mob attacked a couple in Golaghat district, Assam, India."
    )
    assert _roles(report, "RIOT") == (["Rioters (India)"], ["Civilians (India)"])


def test_mob_violence_against_police_keeps_the_police(extract_text):
    report = extract_text(
        "On 30 April 2020, a mob attacked policemen in Golaghat district, Assam, India."
    )
    assert _roles(report, "RIOT") == (["Rioters (India)"], ["Police Forces of India (2014-)"])


def test_a_former_policeman_is_a_former_police_force(extract_text):
    report = extract_text(
        "On 5 May 2020, a former policeman shot dead a trader in Culiacan, Sinaloa, Mexico."
    )
    assert _roles(report, "ATTACK")[0] == ["Former Police Forces of Mexico (2018-)"]


def test_serving_police_are_not_former(extract_text):
    report = extract_text("On 5 May 2020, police shot dead a trader in Culiacan, Sinaloa, Mexico.")
    assert _roles(report, "ATTACK")[0] == ["Police Forces of Mexico (2018-)"]
