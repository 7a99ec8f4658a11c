"""Certainty of claims: the statement's cue combined with the words of the claim's own clause."""

from __future__ import annotations

import pytest

from warledger.extractors.attribution.certainty import more_uncertain
from warledger.extractors.attribution.find import attribution_for
from warledger.extractors.context import Context


@pytest.fixture(scope="module")
def certainty_of(nlp):
    """`certainty_of(text, word)` -> (certainty, statement id) of the claim at `word`."""
    from warledger.document import Document
    from warledger.extractors.attribution.find import find_attribution

    def run(text: str, word: str) -> tuple[str, str | None]:
        document = Document.make(text, outlet="Reuters")
        ctx = Context(document=document, doc=nlp(document.text))
        ctx.sources, ctx.statements = find_attribution(ctx)
        start = document.text.index(word)
        attribution = attribution_for(ctx, start, start + len(word))
        return attribution.certainty, attribution.statement

    return run


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Rebels shelled the village on Sunday.", "shelled", "asserted"),
        ("Residents said rebels shelled the village on Sunday.", "shelled", "reported"),
        ("Rebels reportedly shelled the village on Sunday.", "shelled", "alleged"),
        ("Rebels allegedly shelled the village on Sunday.", "shelled", "alleged"),
        ("The alleged attack on the village killed two people.", "attack", "alleged"),
        ("The army accused rebels of shelling the village.", "shelling", "alleged"),
        ("The army claimed that rebels shelled the village.", "shelled", "alleged"),
        ("Rebels are believed to have shelled the village.", "shelled", "hedged"),
        ("Rebels apparently shelled the village on Sunday.", "shelled", "hedged"),
        ("Approximately 300 people were killed in the fighting.", "killed", "hedged"),
        ("Rebels may shell the village again.", "shell", "speculative"),
        ("Rebels are expected to attack the village.", "attack", "speculative"),
        (
            "There have been fears that the rebels could attack the village.",
            "attack",
            "speculative",
        ),
        ("The group plans to attack the village.", "attack", "speculative"),
        ("The army denied that its forces had shelled the village.", "shelled", "denied"),
        (
            "The ministry rejected claims that its forces had shelled the village.",
            "shelled",
            "denied",
        ),
        (
            "The ministry dismissed reports that its forces had shelled the village.",
            "shelled",
            "denied",
        ),
    ],
)
def test_certainty_levels(certainty_of, text, word, expected):
    assert certainty_of(text, word)[0] == expected


def test_hedge_inside_reported_speech_is_more_uncertain_than_reported(certainty_of):
    assert (
        certainty_of("Activists said rebels had possibly shelled the village.", "shelled")[0]
        == "hedged"
    )


def test_a_doubt_folded_into_a_statement_still_marks_its_claim(certainty_of):
    certainty, statement = certainty_of("The ministry said it believes the rebels fired.", "fired")
    assert (certainty, statement) == ("hedged", "st1")


def test_a_folded_doubt_does_not_mark_the_rest_of_the_statement(certainty_of):
    text = "The ministry said the bridge fell and it believes the rebels fired."
    assert certainty_of(text, "fell")[0] == "reported"


def test_denial_wins_over_every_other_level(certainty_of):
    text = "The army denied that its forces might have reportedly shelled the village."
    assert certainty_of(text, "shelled")[0] == "denied"


def test_modality_of_another_clause_does_not_leak(certainty_of):
    text = "Rebels shelled the village, and the army may respond."
    assert certainty_of(text, "shelled")[0] == "asserted"
    assert certainty_of(text, "respond")[0] == "speculative"


def test_quantity_words_are_not_hedges(certainty_of):
    assert (
        certainty_of("At least 12 people were killed in the shelling.", "killed")[0] == "asserted"
    )


def test_denial_is_a_statement(certainty_of):
    certainty, statement = certainty_of(
        "The army denied that its forces had shelled the village.", "shelled"
    )
    assert statement == "st1"


def test_more_uncertain_orders_the_levels():
    assert more_uncertain("reported", "alleged") == "alleged"
    assert more_uncertain("speculative", "hedged") == "speculative"
    assert more_uncertain("denied", "speculative") == "denied"
    assert more_uncertain("asserted", "asserted") == "asserted"
