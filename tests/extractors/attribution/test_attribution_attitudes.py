"""Attitudes, quote-framing verbs and what is said inside what someone said, on invented sentences."""

from __future__ import annotations

import pytest

from warledger.document import Document
from warledger.extractors.attribution.find import find_attribution
from warledger.extractors.context import Context
from warledger.report import Statement


@pytest.fixture(scope="module")
def statements(nlp):
    """`statements(text)` -> [(source, cue, content, certainty)] of each statement found."""

    def run(text: str) -> list[tuple[str | None, str | None, str, str]]:
        document = Document.make(text)
        ctx = Context(document=document, doc=nlp(document.text))
        _, found = find_attribution(ctx)
        return [_row(s) for s in found]

    return run


def _row(statement: Statement) -> tuple[str | None, str | None, str, str]:
    source = statement.source_span.text if statement.source_span else None
    cue = statement.cue_span.text if statement.cue_span else None
    return source, cue, statement.content_span.text, statement.certainty


def test_a_quote_split_off_before_its_speaker_is_what_the_speaker_said(statements):
    assert statements("\u201cNot yet,\u201d Ahmed said.") == [
        ("Ahmed", "said", "\u201cNot yet,\u201d", "reported")
    ]


def test_a_speaker_after_a_sentence_says_the_sentence(statements):
    assert statements("Only two clinics are still open, the doctor said.") == [
        ("the doctor", "said", "Only two clinics are still open", "reported")
    ]


def test_a_quoted_word_is_not_the_speaker(statements):
    assert statements('"Water," said Hamid, a baker from the old town.') == [
        ("Hamid, a baker from the old town", "said", '"Water,"', "reported")
    ]


def test_a_verb_of_judgement_takes_its_object_as_content(statements):
    assert statements("The minister criticized the new curfew.") == [
        ("The minister", "criticized", "the new curfew", "reported")
    ]


def test_a_verb_of_judgement_takes_a_pronoun_object(statements):
    assert statements("The governor praised them.") == [
        ("The governor", "praised", "them", "reported")
    ]


def test_a_prepositional_cue_keeps_its_preposition(statements):
    assert statements("The council called for a ceasefire in the north.") == [
        ("The council", "called for", "a ceasefire in the north", "reported")
    ]


def test_a_mislemmatised_hope_is_still_a_hope(statements):
    assert statements("The mayor hopes for a quick return of the families.") == [
        ("The mayor", "hopes for", "a quick return of the families", "speculative")
    ]


def test_a_wish_reported_inside_a_statement_is_part_of_it(statements):
    assert statements("The spokesman said the army wants to retake the town.") == [
        ("The spokesman", "said", "the army wants to retake the town", "reported")
    ]


def test_a_doubt_the_speaker_reports_of_itself_is_part_of_its_statement(statements):
    assert statements("The ministry said it believes the rebels fired.") == [
        ("The ministry", "said", "it believes the rebels fired", "reported")
    ]


def test_a_saying_by_the_speaker_again_is_part_of_its_statement(statements):
    assert statements("The governor said he told the council that the road was closed.") == [
        ("The governor", "said", "he told the council that the road was closed", "reported")
    ]


def test_a_saying_inside_a_quote_is_part_of_the_quote(statements):
    assert statements("\u201cThe farmers say the wells are dry,\u201d the mayor said.") == [
        ("the mayor", "said", "\u201cThe farmers say the wells are dry,\u201d", "reported")
    ]


def test_a_named_source_passing_words_on_inside_a_statement_opens_a_chain(statements):
    assert [
        row[:3]
        for row in statements("The agency said local doctors reported that two clinics closed.")
    ] == [
        ("The agency", "said", "local doctors reported that two clinics closed"),
        ("local doctors", "reported", "that two clinics closed"),
    ]


def test_an_attitude_inside_a_quote_is_part_of_the_quote(statements):
    assert statements("\u201cThey want us gone,\u201d the commander said.") == [
        ("the commander", "said", "\u201cThey want us gone,\u201d", "reported")
    ]


def test_a_protest_is_an_event_not_a_statement(statements):
    assert [cue for _, cue, _, _ in statements("Civilians protested the new checkpoint.")] == []


# -- stances, light verbs, polls, gerunds ------------------------------------------------------


def test_a_light_verb_with_a_saying_noun_is_a_cue(statements):
    assert statements("The ministry issued a warning about the floods.") == [
        ("The ministry", "issued a warning", "about the floods", "reported")
    ]


def test_having_doubts_is_holding_a_view(statements):
    assert statements("The engineers have doubts about the dam.") == [
        ("The engineers", "have doubts", "about the dam", "reported")
    ]


def test_calling_someone_something_is_a_judgement(statements):
    assert [row[:3] for row in statements("The mayor called him a liar.")] == [
        ("The mayor", "called", "him a liar")
    ]


def test_an_adjective_of_stance_after_be_is_a_cue(statements):
    assert statements("The farmers are wary of the new canal.") == [
        ("The farmers", "are wary of", "the new canal", "reported")
    ]


def test_a_critic_of_something_holds_a_stance(statements):
    assert statements("Mayor Karim Saleh is a longtime critic of the plan.") == [
        ("Mayor Karim Saleh", "is a longtime critic of", "the plan", "reported")
    ]


def test_readiness_is_no_stance(statements):
    assert statements("The fighters are ready for the assault.") == []


def test_a_poll_speaks_through_in(statements):
    assert statements("The governor leads in the latest poll.") == [
        ("the latest poll", "in", "The governor leads", "reported")
    ]


def test_a_gerund_after_by_takes_the_subject_of_its_verb(statements):
    assert statements("The envoy began by saying that the talks had failed.") == [
        ("The envoy", "saying", "that the talks had failed", "reported")
    ]


def test_a_document_says_what_it_shows(statements):
    assert statements("The survey showed broad support for the truce.") == [
        ("The survey", "showed", "broad support for the truce", "reported")
    ]


# -- layout: transcript labels and sign-offs ----------------------------------------------------


def test_transcript_labels_are_speakers(statements):
    text = "WALLACE: Will you stay?\n\nMILLER: We will stay until the end."
    assert statements(text) == [
        ("WALLACE", ":", "Will you stay?", "reported"),
        ("MILLER", ":", "We will stay until the end", "reported"),
    ]


def test_a_place_before_a_colon_is_no_speaker(statements):
    assert statements("SYRIA: Rebels shelled the town.\n\nLIBYA: Talks resumed.") == []


def test_a_tally_after_a_name_is_no_saying(statements):
    assert statements("Sanders: 46.") == []


def test_a_sign_off_names_the_speaker_of_the_quote_above(statements):
    assert statements("\u201cThe clinic has no fuel left.\u201d \u2015 Leila Haddad") == [
        ("Leila Haddad", "\u2015", "\u201cThe clinic has no fuel left.\u201d", "reported")
    ]


def test_an_agency_sign_off_is_the_publisher_not_a_speaker(statements):
    assert statements("Rebels shelled the town on Sunday. -- AFP") == []
