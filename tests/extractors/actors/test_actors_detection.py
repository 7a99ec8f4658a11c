"""Actor detection: named actors after the KB ruler, metonyms, described collectives and their
modifiers. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.document import Document
from warledger.extractors.actors.find import find_actors
from warledger.extractors.context import Context
from warledger.report import Actor


@pytest.fixture(scope="module")
def actors_of(nlp):
    def run(text: str, published: date | None = None) -> list[Actor]:
        ctx = Context(document=Document.make(text, published=published), doc=nlp(text))
        return find_actors(ctx)

    return run


def by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in actors}


def test_menu_words_and_social_networks_are_not_actors(actors_of):
    actors = actors_of(
        "Home | Breadcrumb | World\n\nActivists wrote on Twitter that the convoy had left."
    )
    names = {a.name for a in actors}
    assert not names & {"Home", "Breadcrumb", "Twitter"}


def test_homs_is_a_place_not_a_person(nlp, actors_of):
    text = "Rebels shelled Homs on Tuesday."
    assert [(e.text, e.label_) for e in nlp(text).ents if e.text == "Homs"] == [("Homs", "GPE")]
    assert all(a.kind != "person" for a in actors_of(text))


def test_tripoli_in_clashes_is_a_place_not_the_state(actors_of):
    actors = actors_of("Clashes in Tripoli killed three civilians.", published=date(2020, 5, 9))
    assert [a.kind for a in actors] == ["civilians"]
    assert actors[0].acled_name == "Civilians (Libya)"
    assert actors[0].country == "LBY"


def test_capital_as_subject_stands_for_the_state(actors_of):
    actors = actors_of("Moscow denied the report on Monday.")
    assert [(a.name, a.kind, a.country) for a in actors] == [("Russia", "state", "RUS")]
    assert [m.text for m in actors[0].mentions] == ["Moscow"]


def test_demonym_and_force_head_is_the_states_military(actors_of):
    actors = actors_of(
        "Turkish troops shelled the town. Turkish forces later withdrew.",
        published=date(2020, 5, 1),
    )
    military = [a for a in actors if a.kind == "military"]
    assert len(military) == 1
    assert military[0].country == "TUR"
    assert military[0].acled_name == "Military Forces of Turkey (2016-)"
    assert [m.text for m in military[0].mentions] == ["Turkish troops", "Turkish forces"]


def test_collective_keeps_nationality_and_origin(actors_of):
    actors = actors_of("Syrian fighters from Quneitra arrived in the port.")
    assert [(a.name, a.kind, a.country) for a in actors] == [
        ("Syrian fighters from Quneitra", "fighters", "SYR")
    ]


def test_unidentified_gunmen_and_their_victim(actors_of):
    actors = actors_of(
        "Unidentified gunmen killed a shepherd near Daraa.", published=date(2020, 5, 3)
    )
    assert {a.kind: a.acled_name for a in actors} == {
        "unidentified_armed_group": "Unidentified Armed Group (Syria)",
        "civilians": "Civilians (Syria)",
    }


def test_regime_forces_are_the_military_of_the_document_country(actors_of):
    actors = actors_of("On 9 May 2020, regime forces shelled villages in Idlib province.")
    assert [(a.kind, a.country, a.acled_name) for a in actors] == [
        ("military", "SYR", "Military Forces of Syria (2000-)")
    ]


def test_pro_government_militia_has_acleds_generic_name(actors_of):
    actors = actors_of("A pro-government militia set up checkpoints around the town.")
    assert [(a.kind, a.acled_name) for a in actors] == [("militia", "Militia (Pro-Government)")]


def test_former_rebels_with_origin(actors_of):
    actors = actors_of("Former rebels from Quneitra were sent to fight abroad.")
    assert [(a.kind, a.acled_name) for a in actors] == [
        ("fighters", "Former Opposition Rebels (Syria)")
    ]


def test_civilians_who_protest_are_protesters(actors_of):
    actors = actors_of("Civilians in Idlib protested against the siege.")
    assert [(a.kind, a.acled_name) for a in actors] == [("protesters", "Protesters (Syria)")]


def test_kb_person_with_role_from_apposition(actors_of):
    actors = actors_of("Khalifa Haftar, the commander of the eastern forces, rejected the offer.")
    haftar = by_name(actors)["Khalifa Haftar"]
    assert (haftar.kind, haftar.kb_id, haftar.role, haftar.country) == (
        "person",
        "lby.haftar",
        "commander",
        "LBY",
    )


def test_role_from_title_before_an_unknown_name(actors_of):
    actors = actors_of("Mayor Omar Haddad said the water supply had been cut.")
    assert [(a.name, a.kind, a.role) for a in actors] == [("Omar Haddad", "person", "mayor")]


def test_generic_force_noun_without_qualifier_is_no_actor(actors_of):
    assert actors_of("Market forces pushed prices up.") == []


def test_police_as_a_modifier_is_no_actor(actors_of):
    assert actors_of("A bomb damaged the police station overnight.") == []


def test_country_name_after_in_is_a_place(actors_of):
    actors = actors_of("Russian warplanes struck targets in Syria.", published=date(2020, 5, 1))
    assert [(a.kind, a.country, a.acled_name) for a in actors] == [
        ("military", "RUS", "Military Forces of Russia (2000-)")
    ]


def test_residents_who_torch_property_are_rioters(actors_of):
    actors = actors_of("In Nairobi, angry residents torched a police post.")
    assert [(a.kind, a.acled_name) for a in actors] == [
        ("rioters", "Rioters (Kenya)"),
        ("police", "Police Forces of Kenya (2022-)"),  # the post's owner
    ]


def test_actor_records_are_valid_report_actors(nlp):
    from warledger.extractors.pipeline import document_info
    from warledger.report import Report
    from warledger.schema import validation_errors

    text = "Khalifa Haftar's forces shelled Tripoli on Friday, killing two civilians, the GNA said."
    document = Document.make(text, published=date(2020, 5, 9))
    ctx = Context(document=document, doc=nlp(text))
    actors = find_actors(ctx)
    assert (
        validation_errors(Report(document=document_info(document), actors=actors).to_dict()) == []
    )
    assert all(m.text == text[m.start : m.end] for a in actors for m in a.mentions)


def test_coordinated_modifiers_sharing_a_head_are_two_actors(actors_of):
    actors = actors_of("A joint patrol by Turkish and Russian forces took place near Idlib.")
    assert [(a.acled_name, [m.text for m in a.mentions]) for a in actors] == [
        ("Military Forces of Russia (2000-)", ["Russian forces"]),
        ("Military Forces of Turkey (2016-)", ["Turkish"]),
    ]


def test_opposition_factions_are_opposition_rebels(actors_of):
    actors = actors_of("Opposition factions shelled army positions in Idlib province.")
    assert [(a.kind, a.acled_name) for a in actors][:1] == [
        ("fighters", "Opposition Rebels (Syria)")
    ]


def test_a_regime_fighter_is_the_state_military(actors_of):
    actors = actors_of("Gunmen shot dead a regime fighter in Daraa.")
    assert [(a.kind, a.country, [m.text for m in a.mentions]) for a in actors][1:] == [
        ("military", "SYR", ["a regime fighter"])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Armed Pokot bandits attacked a village in Turkana County, killing six.",
            "Pokot Ethnic Militia (Kenya)",
        ),
        (
            "Fulani herdsmen attacked farmers in Benue State, killing 12.",
            "Fulani Ethnic Militia (Nigeria)",
        ),
        (
            "Habar Gidir militia clashed with government troops near Adale in Somalia.",
            "Habar Gidir Clan Militia (Somalia)",
        ),
        (
            "Cattle rustlers shot dead a herder in Baringo County.",
            "Unidentified Communal Militia (Kenya)",
        ),
    ],
)
def test_armed_men_of_a_group_are_its_militia(actors_of, text, expected):
    assert expected in [a.acled_name for a in actors_of(text)]


def test_a_group_named_alone_as_a_side_is_its_militia(actors_of):
    actors = actors_of(
        "Clashes between the Garre and the Degodia in Mandera County left five dead."
    )
    assert [a.acled_name for a in actors if a.kind == "militia"] == [
        "Garre Ethnic Militia (Kenya)",
        "Degodia Ethnic Militia (Kenya)",
    ]


def test_victims_of_a_group_stay_civilians(actors_of):
    actors = actors_of("Gunmen killed three Turkana women in Turkana County.")
    assert "Turkana Ethnic Militia (Kenya)" not in [a.acled_name for a in actors]


def test_a_lone_name_that_is_also_a_group_stays_a_person(actors_of):
    actors = actors_of("Karen said the talks would resume in Yangon on Monday.")
    assert [(a.name, a.kind) for a in actors] == [("Karen", "person")]
