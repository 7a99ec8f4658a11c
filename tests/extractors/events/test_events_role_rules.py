"""Roles from the dependency parse, checked on the parse itself (token heads), so that these tests
do not depend on how the actor stage names things."""

from __future__ import annotations

import pytest

from warledger.extractors.events.role_rules import roles_for


def _roles(nlp, text: str, trigger: str, event_type: str):
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    roles = roles_for(token, event_type)
    return {
        name: [t.text for t in getattr(roles, name)]
        for name in (
            "agent",
            "patient",
            "partner",
            "beneficiary",
            "location",
            "origin",
            "destination",
        )
    }


def test_active_clause_gives_agent_and_patient(nlp):
    roles = _roles(nlp, "Government forces shelled the rebels in Darayya.", "shelled", "SHELLING")
    assert roles["agent"] == ["forces"]
    assert roles["patient"] == ["rebels"]
    assert roles["location"] == ["Darayya"]


def test_passive_clause_with_by_gives_agent(nlp):
    roles = _roles(
        nlp, "The fighters had been transported by Russia to Libya.", "transported", "DEPLOY"
    )
    assert roles["agent"] == ["Russia"]
    assert roles["patient"] == ["fighters"]
    assert roles["destination"] == ["Libya"]


def test_clashes_between_a_and_b(nlp):
    roles = _roles(
        nlp,
        "Clashes between the army and the militants continued near the border.",
        "Clashes",
        "CLASH",
    )
    assert roles["agent"] == ["army"]
    assert roles["partner"] == ["militants"]


def test_clash_with_gives_partner(nlp):
    roles = _roles(
        nlp, "Rebel fighters clashed with army units on the southern front.", "clashed", "CLASH"
    )
    assert roles["agent"] == ["fighters"]
    assert roles["partner"] == ["units"]


def test_fight_for_x_against_y(nlp):
    roles = _roles(
        nlp,
        "The mercenaries were sent to fight for Haftar against the government.",
        "fight",
        "CLASH",
    )
    assert roles["beneficiary"] == ["Haftar"]
    assert roles["patient"] == ["government"]


def test_on_the_side_of_x_is_beneficiary(nlp):
    roles = _roles(nlp, "The recruits fought on the side of the militia.", "fought", "CLASH")
    assert roles["beneficiary"] == ["militia"]


def test_origin_and_destination(nlp):
    roles = _roles(nlp, "Turkey sent 2,000 fighters from Idlib to Tripoli.", "sent", "DEPLOY")
    assert roles["agent"] == ["Turkey"]
    assert roles["patient"] == ["fighters"]
    assert roles["origin"] == ["Idlib"]
    assert roles["destination"] == ["Tripoli"]


def test_coordinated_subjects_are_all_agents(nlp):
    roles = _roles(
        nlp,
        "Intelligence officers as well as village mayors recruited the men.",
        "recruited",
        "RECRUIT",
    )
    assert roles["agent"] == ["officers", "mayors"]
    assert roles["patient"] == ["men"]


def test_relative_clause_subject_is_the_noun_it_modifies(nlp):
    roles = _roles(nlp, "Police arrested the gunmen who attacked the bank.", "attacked", "VIOLENCE")
    assert roles["agent"] == ["gunmen"]
    assert roles["patient"] == ["bank"]


def test_nominal_trigger_with_possessor_and_on(nlp):
    roles = _roles(nlp, "Haftar's offensive on Tripoli stalled.", "offensive", "VIOLENCE")
    assert roles["agent"] == ["Haftar"]
    assert roles["patient"] == ["Tripoli"]


def test_light_verb_lends_its_subject_to_the_noun(nlp):
    roles = _roles(nlp, "The militia launched an attack on the camp.", "attack", "VIOLENCE")
    assert roles["agent"] == ["militia"]
    assert roles["patient"] == ["camp"]


def test_date_after_on_is_not_a_target(nlp):
    roles = _roles(nlp, "On 4 June, gunmen attacked a checkpoint.", "attacked", "VIOLENCE")
    assert roles["patient"] == ["checkpoint"]


@pytest.mark.parametrize("text", ["The army deployed troops to the border."])
def test_deploy_object_is_patient(nlp, text):
    roles = _roles(nlp, text, "deployed", "DEPLOY")
    assert roles["agent"] == ["army"]
    assert roles["patient"] == ["troops"]
    assert roles["destination"] == ["border"]


def test_participle_with_by_names_the_agent_of_a_weapon_subject(nlp):
    roles = _roles(
        nlp,
        "A roadside bomb planted by the militants exploded near the checkpoint.",
        "exploded",
        "EXPLOSIVE",
    )
    assert roles["agent"] == ["bomb", "militants"]


def test_participle_with_by_names_the_agent_of_a_nominal_trigger(nlp):
    roles = _roles(nlp, "Rockets fired by the insurgents hit the airport.", "Rockets", "SHELLING")
    assert roles["agent"] == ["insurgents"]


def test_participle_without_by_adds_no_agent(nlp):
    roles = _roles(
        nlp, "A bomb hidden in a parked car exploded near the market.", "exploded", "EXPLOSIVE"
    )
    assert roles["agent"] == ["bomb"]


def test_repelled_an_attack_by_y_makes_y_the_agent(nlp):
    roles = _roles(
        nlp, "Army units repelled an attack by the insurgents near the border.", "repelled", "CLASH"
    )
    assert roles["agent"] == ["insurgents"]
    assert roles["patient"] == ["units"]


def test_repelled_without_attacker_keeps_the_subject_as_agent(nlp):
    roles = _roles(nlp, "Army units repelled the insurgents near the border.", "repelled", "CLASH")
    assert roles["agent"] == ["units"]
    assert roles["patient"] == ["insurgents"]


def test_compound_trigger_head_takes_the_phrase_roles(nlp):
    doc = nlp("The air force conducted six air strikes on the town.")
    air = next(t for t in doc if t.text == "air" and t.head.text == "strikes")
    roles = roles_for(air, "AIR_STRIKE")
    assert [t.text for t in roles.agent] == ["force"]


def test_participle_clause_with_by_is_passive(nlp):
    roles = _roles(
        nlp,
        "The body of a farmer was found near the river, killed by unknown gunmen.",
        "killed",
        "VIOLENCE",
    )
    assert roles["agent"] == ["gunmen"]
    assert roles["patient"] == ["body"]


def test_between_coordinated_modifiers_of_one_head_names_both_sides(extract_text):
    report = extract_text("Clashes took place between SDF and Turkish forces near the border.")
    clash = next(e for e in report.events if e.type == "CLASH")
    names = [report.actor(i).acled_name for i in clash.agent + clash.partner]
    assert names == ["QSD: Syrian Democratic Forces", "Military Forces of Turkey (2016-)"]


@pytest.mark.parametrize(
    "text",
    [
        "On 8 June 2021, clashes took place between the SDF and Turkish forces near Darbasiyah.",
        "On 8 June 2021, SDF and Turkish forces clashed near Darbasiyah.",
    ],
)
def test_coordinated_sides_of_a_clash_are_agent_and_partner(extract_text, text):
    report = extract_text(text)
    event = next(e for e in report.events if e.type == "CLASH")
    named = lambda ids: [report.actor(a).acled_name for a in ids]  # noqa: E731
    assert (named(event.agent), named(event.partner)) == (
        ["QSD: Syrian Democratic Forces"],
        ["Military Forces of Turkey (2016-)"],
    )


def test_a_main_verb_read_as_a_participle_keeps_its_subject_as_agent(extract_text):
    # spaCy parses "forces brought in" as a participle phrase: the object shows it is the verb.
    report = extract_text(
        "On 9 May 2020, regime forces brought in military reinforcements to Daraa."
    )
    event = next(e for e in report.events if e.type == "FORCE_MOVEMENT")
    assert [report.actor(a).kind for a in event.agent] == ["military"]
    assert event.patient == []


def test_a_name_read_as_an_auxiliary_is_the_subject(extract_text):
    report = extract_text("On 7 May 2020, IS attacked army vehicles near Sukhnah in Homs.")
    event = next(e for e in report.events if e.type in {"CLASH", "ATTACK"})
    assert [report.actor(a).acled_name for a in event.agent] == ["Islamic State (Syria)"]


def test_a_fight_after_which_a_clause_happens_is_fought_by_its_subject(extract_text):
    report = extract_text("M23 rebels seized the town of Rutshuru after clashes with the army.")
    clash = next(e for e in report.events if e.type == "CLASH")
    assert [report.actor(a).name for a in clash.agent] == ["March 23 Movement"]
    assert [report.actor(a).kind for a in clash.partner] == ["military"]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("The victim's body was found in a ditch.", "victim"),
        ("A farmer's corpse was dumped near the road.", "farmer"),
    ],
)
def test_whose_remains_they_are_is_the_patient_not_the_agent(nlp, text, owner):
    trigger = next(w for w in ("body", "corpse") if w in text.split())
    roles = _roles(nlp, text, trigger, "VIOLENCE")
    assert roles["agent"] == []
    assert roles["patient"] == [owner]


@pytest.mark.parametrize(
    ("text", "trigger", "patient"),
    [
        ("Two people killed in a land dispute in Nakuru.", "killed", "people"),
        ("Three herders abducted near the border.", "abducted", "herders"),
    ],
)
def test_headline_passive_without_auxiliary_gives_patient(nlp, text, trigger, patient):
    roles = _roles(nlp, text, trigger, "VIOLENCE")
    assert roles["patient"] == [patient]
    assert roles["agent"] == []


def test_active_verb_with_object_keeps_its_agent(nlp):
    roles = _roles(nlp, "Gunmen killed two traders in Mombasa.", "killed", "VIOLENCE")
    assert (roles["agent"], roles["patient"]) == (["Gunmen"], ["traders"])


def test_headline_killing_in_a_dispute_is_an_attack(extract_text):
    report = extract_text("Two people killed in a land dispute in Nakuru, Kenya.")
    event = next(e for e in report.events if e.main)
    assert event.acled["sub_event_type"] == "Attack"
    assert [report.actor(a).acled_name for a in event.agent] == ["Unidentified Armed Group (Kenya)"]
