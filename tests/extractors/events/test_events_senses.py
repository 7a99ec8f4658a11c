"""Sense guards: sport, business, entertainment and technology senses of event words are not
events; the same words in conflict sentences still are. Sentences written for these tests."""

from __future__ import annotations

import pytest

from warledger.extractors.events.triggers import find_triggers


@pytest.mark.parametrize(
    "text",
    [
        "Scotland face Italy in Saturday's Six Nations clash at Murrayfield, the coach said.",
        "The striker shot wide twice as the team lost the match in the second half.",
        "The champions attacked from the start and the goal came after ten minutes of the game.",
        "The retailer beat off the competition from its rivals to win the contract.",
        "The supermarket price war hit profits at the firm, analysts said.",
        "Shoppers hit the shops in record numbers, boosting sales at the chain.",
        "The band's new album beat its rivals to the top of the chart.",
        "The software company won a court battle with its former chief executive.",
        "The golfer shot a 65 in the final round to win the tournament.",
        "Investors raided the bond markets as the dollar fell.",
        "The report will be published in March.",
        "Several firms protested that the new rules were unfair.",
        "The virus attacks computers through e-mail attachments.",
    ],
)
def test_everyday_senses_are_not_events(nlp, extract_text, text: str) -> None:
    assert find_triggers(nlp(text)) == []
    assert [e.type for e in extract_text(text).events] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen attacked a market in the town, killing five civilians.", "ATTACK"),
        ("Police fired tear gas at football fans who rioted outside the stadium.", "RIOT"),
        ("Traders closed their shops in protest against rising prices.", "PROTEST"),
        ("Hundreds of people marched through the capital on Friday.", "PROTEST"),
        ("Rebel fighters clashed with army units near the company's oil field.", "CLASH"),
        (
            "Rebels attacked the town as the team played a match nearby, killing two soldiers.",
            "CLASH",
        ),
        ("Fans rioted outside the stadium after the match.", "RIOT"),
    ],
)
def test_conflict_senses_are_still_events(extract_text, text: str, expected: str) -> None:
    assert expected in [e.type for e in extract_text(text).events]


def test_strike_among_business_words_is_a_labour_strike(nlp) -> None:
    doc = nlp("Shares in the firm fell sharply after the strike.")
    assert [(doc[t.start : t.end].text, t.type) for t in find_triggers(doc)] == [
        ("strike", "PROTEST")
    ]


def test_month_name_is_not_a_march(nlp) -> None:
    doc = nlp("Protesters will march on the capital on 29 March and in April.")
    assert [(doc[t.start : t.end].text, t.type) for t in find_triggers(doc)] == [
        ("Protesters", "PROTEST"),
        ("march", "PROTEST"),
    ]
