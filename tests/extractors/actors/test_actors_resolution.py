"""In-document resolution: aliases, abbreviations, surnames, definite descriptions, pronouns, and
the lookup helpers for the events stage. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.document import Document
from warledger.extractors.actors.find import actor_at, actors_in, find_actors, forces_of
from warledger.extractors.context import Context
from warledger.report import Actor


@pytest.fixture(scope="module")
def context_of(nlp):
    def run(text: str, published: date | None = None) -> Context:
        ctx = Context(document=Document.make(text, published=published), doc=nlp(text))
        ctx.actors = find_actors(ctx)
        return ctx

    return run


def named(ctx: Context, name: str) -> Actor:
    return next(a for a in ctx.actors if a.name == name)


def mention_texts(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]


def test_abbreviation_in_brackets_names_the_same_actor(context_of):
    ctx = context_of(
        "The Northern Valley Brigade (NVB) claimed the attack. The NVB later denied it."
    )
    brigade = named(ctx, "Northern Valley Brigade")
    assert brigade.kind == "armed_group"
    assert mention_texts(brigade) == ["Northern Valley Brigade", "NVB", "NVB"]
    assert [a.name for a in ctx.actors] == ["Northern Valley Brigade"]


def test_acronym_of_an_earlier_name(context_of):
    ctx = context_of("The Northern Valley Brigade claimed the attack. Later the NVB denied it.")
    assert [(a.name, len(a.mentions)) for a in ctx.actors] == [("Northern Valley Brigade", 2)]


def test_surname_refers_back_to_the_full_name(context_of):
    ctx = context_of(
        "Ahmed Karimov, a local commander, said the road was closed. Karimov added that talks failed."
    )
    persons = [a for a in ctx.actors if a.kind == "person"]
    assert [(a.name, a.role, mention_texts(a)) for a in persons] == [
        ("Ahmed Karimov", "commander", ["Ahmed Karimov", "Karimov"])
    ]


def test_kb_surname_and_his_forces(context_of):
    ctx = context_of(
        "Khalifa Haftar launched an offensive in April. His forces shelled the airport. Haftar said the "
        "operation would continue."
    )
    haftar = named(ctx, "Khalifa Haftar")
    assert mention_texts(haftar) == ["Khalifa Haftar", "Haftar"]
    lna = next(a for a in ctx.actors if a.kb_id == "lby.lna")
    assert mention_texts(lna) == ["His forces"]
    assert lna.acled_name == "Military Forces of Libya (2014-) Haftar Faction"


def test_haftars_forces_are_the_lna(context_of):
    ctx = context_of("Haftar's forces and LNA forces advanced on the city.")
    assert [(a.kb_id, len(a.mentions)) for a in ctx.actors] == [("lby.lna", 2)]


def test_government_and_its_abbreviation(context_of):
    ctx = context_of(
        "The Government of National Accord condemned the strike. The GNA said it would respond."
    )
    gna = next(a for a in ctx.actors if a.kb_id == "lby.gna")
    assert mention_texts(gna) == ["Government of National Accord", "GNA", "it"]  # what it said


def test_it_in_reported_speech_is_the_speaker(context_of):
    ctx = context_of("The Islamic State claimed it carried out the attack near Palmyra.")
    named = next(a for a in ctx.actors if a.kb_id == "int.islamic_state")
    assert mention_texts(named) == ["Islamic State", "it"]


@pytest.mark.parametrize(
    "text",
    [
        "The minister said it was too early to judge.",  # a person is no "it"
        "It rained in Kabul, the ministry said.",  # not the subject of what was said
        "The rebels said it was a trap.",  # a plural speaker is no "it"
    ],
)
def test_other_its_refer_to_no_actor(context_of, text):
    ctx = context_of(text)
    assert all("it" not in mention_texts(a) and "It" not in mention_texts(a) for a in ctx.actors)


def test_shared_force_noun_makes_the_governments_forces(context_of):
    ctx = context_of("On 9 May 2020, GNA and LNA forces clashed south of the capital.")
    assert sorted(a.kb_id or "" for a in ctx.actors) == ["lby.gna_forces", "lby.lna"]


def test_the_group_refers_to_the_latest_group(context_of):
    ctx = context_of(
        "The Northern Valley Brigade attacked the checkpoint. The group said two fighters died."
    )
    brigade = named(ctx, "Northern Valley Brigade")
    assert mention_texts(brigade)[:2] == ["Northern Valley Brigade", "The group"]


def test_the_regime_in_a_syria_story(context_of):
    ctx = context_of(
        "Shelling hit Idlib on Friday. Activists blamed the regime.", published=date(2020, 5, 8)
    )
    regime = next(a for a in ctx.actors if "the regime" in mention_texts(a))
    assert (regime.kind, regime.country, regime.acled_name) == (
        "government",
        "SYR",
        "Military Forces of Syria (2000-)",
    )


def test_they_refers_to_the_latest_plural_collective(context_of):
    ctx = context_of("Syrian mercenaries arrived in the port. They were promised monthly salaries.")
    mercenaries = next(a for a in ctx.actors if a.kind == "fighters")
    assert mention_texts(mercenaries) == ["Syrian mercenaries", "They"]


def test_actor_at_prefers_the_tightest_mention(context_of):
    text = "Fighters of the Wagner Group withdrew. Turkish troops arrived."
    ctx = context_of(text)
    start = text.index("Wagner")
    assert actor_at(ctx, start, start + len("Wagner Group")).kb_id == "rus.wagner"
    troops = text.index("troops")
    assert actor_at(ctx, troops, troops + 6).country == "TUR"
    assert actor_at(ctx, text.index("withdrew"), text.index("withdrew") + 8) is None


def test_actors_in_lists_actors_in_text_order(context_of):
    text = "Turkish troops and Syrian mercenaries crossed the border."
    ctx = context_of(text)
    assert [a.kind for a in actors_in(ctx, 0, len(text))] == ["military", "fighters"]
    assert actors_in(ctx, text.index("crossed"), len(text)) == []


def test_forces_of_a_kb_government_are_its_military(context_of):
    ctx = context_of("On 8 May 2020, the GNA shelled positions south of the capital.")
    gna = next(a for a in ctx.actors if a.kb_id == "lby.gna")
    forces = forces_of(ctx, gna)
    assert forces is not None and forces.kb_id == "lby.gna_forces"
    assert forces.acled_name == "Military Forces of Libya (2016-) Government of National Accord"
    assert [m.text for m in forces.mentions] == ["GNA"]
    assert forces_of(ctx, gna) is forces  # found again, not added twice


def test_forces_of_is_none_for_non_governments(context_of):
    ctx = context_of("Syrian mercenaries arrived in the port.")
    assert forces_of(ctx, ctx.actors[0]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SNA fighters shelled SDF positions near Manbij.", "JWS: Syrian National Army"),
        ("SNA troops clashed with al-Shabaab near Kismayo.", "Military Forces of Somalia (2022-)"),
        (
            "Coalition warplanes bombed a bridge near Hajin in Deir ez-Zor.",
            "Global Coalition Against Daesh",
        ),
        ("Coalition warplanes struck Houthi positions in Saada.", "Operation Restoring Hope"),
    ],
)
def test_an_ambiguous_alias_is_read_by_the_country_of_the_places(extract_text, text, expected):
    assert extract_text(text).actors[0].acled_name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen believed to belong to IS shot dead a shepherd near Palmyra in Homs.",
            "Islamic State (Syria)",
        ),
        (
            "Gunmen suspected to be Boko Haram fighters killed ten farmers in Borno.",
            "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        ),
    ],
)
def test_unnamed_attackers_said_to_be_a_group_are_that_group(extract_text, text, expected):
    report = extract_text(text)
    agents = [report.actor(a).acled_name for e in report.events for a in e.agent]
    assert agents[:1] == [expected]


def test_unnamed_attackers_stay_unidentified(extract_text):
    report = extract_text("Unidentified gunmen shot dead a shopkeeper in Daraa.")
    assert [report.actor(a).acled_name for e in report.events for a in e.agent] == [
        "Unidentified Armed Group (Syria)"
    ]
