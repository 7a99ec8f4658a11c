"""Sources, chains and statements, on sentences written for these tests."""

from __future__ import annotations

import pytest

from warledger.extractors.attribution.find import attribution_for, statement_chains
from warledger.extractors.context import Context
from warledger.report import Source, Statement


@pytest.fixture(scope="module")
def attribute(nlp):
    """`attribute(text, outlet=None)` -> Context after the attribution stage only."""
    from warledger.document import Document
    from warledger.extractors.attribution.find import find_attribution

    def run(text: str, outlet: str | None = None) -> Context:
        document = Document.make(text, outlet=outlet)
        ctx = Context(document=document, doc=nlp(document.text))
        ctx.sources, ctx.statements = find_attribution(ctx)
        return ctx

    return run


def source(ctx: Context, source_id: str | None) -> Source:
    found = next(s for s in ctx.sources if s.id == source_id)
    return found


def names(ctx: Context, ids: list[str]) -> list[str]:
    return [source(ctx, i).name for i in ids]


def only_statement(ctx: Context) -> Statement:
    assert len(ctx.statements) == 1, ctx.statements
    return ctx.statements[0]


def claim_at(ctx: Context, word: str):
    start = ctx.text.index(word)
    return attribution_for(ctx, start, start + len(word))


# -- the publishing outlet ---------------------------------------------------------------------


def test_publisher_comes_from_metadata(attribute):
    ctx = attribute("Rebels shelled the village of Kafr Nabl on Sunday.", outlet="The New Arab")
    assert [(s.name, s.kind) for s in ctx.sources] == [("The New Arab", "outlet")]
    assert ctx.statements == []


def test_publisher_comes_from_a_dateline(attribute):
    ctx = attribute("BEIRUT (Reuters) - Rebels shelled the village of Kafr Nabl on Sunday.")
    assert [(s.name, s.kind) for s in ctx.sources] == [("Reuters", "outlet")]


def test_publisher_comes_from_a_sign_off(attribute):
    ctx = attribute("Rebels shelled the village of Kafr Nabl on Sunday.\n\u2014 AFP")
    assert [s.name for s in ctx.sources] == ["AFP"]


def test_no_publisher_without_metadata_or_dateline(attribute):
    ctx = attribute("Rebels shelled the village of Kafr Nabl on Sunday.")
    assert ctx.sources == []
    assert claim_at(ctx, "shelled").chain == []


# -- source kinds ------------------------------------------------------------------------------


def test_named_person_keeps_description_and_channel(attribute):
    ctx = attribute(
        "Elizabeth Tsurkov, a Syria researcher, said on Twitter that the men were recruited in Daraa."
    )
    found = source(ctx, only_statement(ctx).source)
    assert (found.name, found.kind, found.description, found.channel) == (
        "Elizabeth Tsurkov",
        "person",
        "a Syria researcher",
        "Twitter",
    )


def test_spokesman_with_name_is_an_official(attribute):
    ctx = attribute(
        "The spokesman of the LNA, Ahmed al-Mismari, said the army had taken the airport."
    )
    found = source(ctx, only_statement(ctx).source)
    assert (found.name, found.kind, found.description) == (
        "Ahmed al-Mismari",
        "official",
        "The spokesman of the LNA",
    )


def test_unnamed_official(attribute):
    ctx = attribute("A UN official said that the convoy was hit by a mortar round.")
    found = source(ctx, only_statement(ctx).source)
    assert (found.name, found.kind) == ("A UN official", "official")


def test_organisation_in_according_to(attribute):
    ctx = attribute("According to the Syrian Observatory for Human Rights, 12 people were killed.")
    statement = only_statement(ctx)
    found = source(ctx, statement.source)
    assert (found.name, found.kind) == ("the Syrian Observatory for Human Rights", "organization")
    assert statement.cue_span.text == "According to"
    assert statement.content_span.text == "12 people were killed"


def test_according_to_at_the_end_takes_the_sentence_before_it(attribute):
    ctx = attribute("Turkish drones struck the base, according to local media.")
    statement = only_statement(ctx)
    found = source(ctx, statement.source)
    assert (found.name, found.kind) == ("local media", "anonymous")
    assert statement.content_span.text == "Turkish drones struck the base"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Residents said the bakery was bombed twice.", "Residents"),
        ("A military source said the bakery was bombed twice.", "A military source"),
        ("Witnesses told reporters that the bakery was bombed twice.", "Witnesses"),
        ("Activists said that the bakery was bombed twice.", "Activists"),
    ],
)
def test_anonymous_sources(attribute, text, name):
    ctx = attribute(text)
    found = source(ctx, only_statement(ctx).source)
    assert (found.name, found.kind) == (name, "anonymous")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("State TV said that the army had retaken the town.", "State TV"),
        ("SANA reported that the army had retaken the town.", "SANA"),
        ("Al Jazeera reported that the army had retaken the town.", "Al Jazeera"),
    ],
)
def test_outlets_named_in_the_text(attribute, text, name):
    ctx = attribute(text)
    found = source(ctx, only_statement(ctx).source)
    assert (found.name, found.kind) == (name, "outlet")


def test_human_rights_group_is_an_organisation(attribute):
    ctx = attribute("Human Rights Watch said the strikes may amount to war crimes.")
    found = source(ctx, only_statement(ctx).source)
    assert (found.name, found.kind) == ("Human Rights Watch", "organization")


def test_channel_of_a_statement(attribute):
    ctx = attribute("The ministry said in a statement that two soldiers had been wounded.")
    assert source(ctx, only_statement(ctx).source).channel == "statement"


def test_source_is_linked_to_its_actor(extract_text):
    report = extract_text("Human Rights Watch said the strikes may amount to war crimes.")
    (statement,) = report.statements
    found = next(s for s in report.sources if s.id == statement.source)
    actor = report.actor(found.actor)
    assert actor is not None
    assert any(m.text == "Human Rights Watch" for m in actor.mentions)


# -- chains ------------------------------------------------------------------------------------


def test_quoted_source_chain_runs_through_the_quoting_outlet(attribute):
    ctx = attribute(
        "Horan Free Media quoted a source close to one of the fighters as saying that 40 men were sent to Libya.",
        outlet="The New Arab",
    )
    statement = only_statement(ctx)
    assert statement.cue_span.text == "quoted"
    assert statement.content_span.text == "that 40 men were sent to Libya"
    assert names(ctx, claim_at(ctx, "sent").chain) == [
        "a source close to one of the fighters",
        "Horan Free Media",
        "The New Arab",
    ]


def test_sources_told_an_outlet_service(attribute):
    ctx = attribute(
        "Sources told Al-Araby Al-Jadeed's Arabic-language service that the fighters had been paid "
        "$1,500 a month and that they would leave on Monday.",
        outlet="The New Arab",
    )
    statement = only_statement(ctx)
    assert statement.content_span.text == (
        "that the fighters had been paid $1,500 a month and that they would leave on Monday"
    )
    chain = names(ctx, claim_at(ctx, "leave").chain)
    assert chain == ["Sources", "Al-Araby Al-Jadeed's Arabic-language service", "The New Arab"]
    assert claim_at(ctx, "paid").statement == statement.id


def test_told_reporters_is_no_link_in_the_chain(attribute):
    ctx = attribute("Witnesses told reporters that the bakery was bombed twice.", outlet="Reuters")
    assert names(ctx, claim_at(ctx, "bombed").chain) == ["Witnesses", "Reuters"]


def test_the_source_added_continues_the_same_source(attribute):
    ctx = attribute(
        "A source close to the fighters said 40 men had left Daraa. The source added that more would follow."
    )
    first, second = ctx.statements
    assert first.source == second.source
    assert second.source_span.text == "The source"


def test_pronoun_and_description_refer_back(attribute):
    ctx = attribute(
        "Elizabeth Tsurkov, a Syria researcher, said the men were recruited in Daraa. "
        "She said they were paid in dollars. The researcher said most of them were young."
    )
    assert len({s.source for s in ctx.statements}) == 1
    assert [s.source_span.text for s in ctx.statements][1:] == ["She", "The researcher"]


def test_surname_refers_back_to_the_full_name(attribute):
    ctx = attribute(
        "Ahmed al-Mismari said the airport was taken. Later, al-Mismari said the road was open."
    )
    assert len({s.source for s in ctx.statements}) == 1


def test_nested_statement_continues_the_outer_chain(attribute):
    ctx = attribute(
        "The observatory said that residents told its monitors that the market was hit.",
        outlet="Reuters",
    )
    chain = names(ctx, claim_at(ctx, "hit").chain)
    assert chain[0] == "residents"
    assert chain[-2:] == ["The observatory", "Reuters"]


def test_reported_speech_covers_every_clause(attribute):
    ctx = attribute(
        "The commander said that the town had fallen and that his men were advancing on the airport."
    )
    statement = only_statement(ctx)
    assert (
        statement.content_span.text
        == "that the town had fallen and that his men were advancing on the airport"
    )
    assert claim_at(ctx, "advancing").statement == statement.id


def test_participle_adding_inherits_the_speaker(attribute):
    ctx = attribute(
        "The governor said the road was closed, adding that two bridges had been destroyed."
    )
    assert len(ctx.statements) == 2
    assert ctx.statements[0].source == ctx.statements[1].source
    assert ctx.statements[1].cue_span.text == "adding"


def test_quote_spanning_sentences_is_one_content(attribute):
    ctx = attribute("\u201cWe lost the town. We will take it back,\u201d the commander said.")
    statement = only_statement(ctx)
    assert statement.content_span.text == "\u201cWe lost the town. We will take it back,\u201d"
    assert claim_at(ctx, "lost").statement == statement.id


def test_sentence_without_a_cue_is_no_statement_and_is_asserted(attribute):
    ctx = attribute("Rebels shelled the village of Kafr Nabl on Sunday.", outlet="Enab Baladi")
    assert ctx.statements == []
    attribution = claim_at(ctx, "shelled")
    assert (attribution.certainty, attribution.cue, attribution.statement) == (
        "asserted",
        None,
        None,
    )
    assert names(ctx, attribution.chain) == ["Enab Baladi"]


def test_first_person_inside_a_quote_is_not_a_new_statement(attribute):
    ctx = attribute("\u201cI think they will attack again,\u201d the mayor said.")
    statement = only_statement(ctx)
    assert source(ctx, statement.source).name == "the mayor"


def test_a_claim_outside_any_statement_is_not_attributed_to_it(attribute):
    ctx = attribute(
        "The army said it repelled an attack. Rebels later shelled the village.", outlet="SANA"
    )
    assert claim_at(ctx, "repelled").statement == ctx.statements[0].id
    assert claim_at(ctx, "shelled").statement is None


def test_chains_are_indexed_per_statement(attribute):
    ctx = attribute("Residents said the bakery was bombed twice.", outlet="Reuters")
    assert {k: names(ctx, v) for k, v in statement_chains(ctx).items()} == {
        "st1": ["Residents", "Reuters"]
    }


def test_relative_pronoun_speaks_for_its_antecedent(attribute):
    ctx = attribute("The doctor, who said the clinic was hit twice, left the town.")
    statement = only_statement(ctx)
    assert statement.source_span.text == "who"
    assert source(ctx, statement.source).name == "The doctor"


def test_topic_of_a_speech_verb_is_its_content(attribute):
    ctx = attribute("The governor spoke of a new offensive against the rebels.")
    assert only_statement(ctx).content_span.text == "a new offensive against the rebels"


def test_a_whole_sentence_is_attributed_by_its_main_verb(attribute):
    text = "Horan Free Media quoted a source as saying that 40 men were sent to Libya."
    ctx = attribute(text + " Civilians protested in Daraa, demanding the release of detainees.")
    first = attribution_for(ctx, 0, len(text))
    assert first.statement == ctx.statements[0].id
    second_start = len(text) + 1
    assert attribution_for(ctx, second_start, len(ctx.text)).statement is None
