"""Metadata a plain-text article gives about itself: a standalone headline and a dateline agency."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.ingest.dateline import dateline_agency, leading_headline
from warledger.ingest.options import ReadOptions, make_document, with_headline

# Written for these tests.
BODY = "Gunmen killed two soldiers at a checkpoint near Gao on Monday, the army said."


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        (f"TRIPOLI, May 9 (Wire) - {BODY}", "Wire"),
        (f"KHARTOUM (Reuters) - {BODY}", "Reuters"),
        (f"GOMA/KINSHASA, Sept. 12, 2022 (AFP) — {BODY}", "AFP"),
        (f"Roadside bomb hits convoy\n\nBAMAKO, Feb 14 (Sahel Post) - {BODY}", "Sahel Post"),
        (BODY, None),
        (f"The army (FAMa) - which lost two men - said {BODY}", None),
    ],
)
def test_dateline_agency(text, agency):
    assert dateline_agency(text) == agency


def test_leading_headline_is_a_short_unpunctuated_first_line():
    assert (
        leading_headline(f"Roadside bomb hits convoy near Gao\n\n{BODY}")
        == "Roadside bomb hits convoy near Gao"
    )
    assert leading_headline(f"{BODY}\n\nA second paragraph follows here.") is None
    assert leading_headline("Roadside bomb hits convoy near Gao") is None
    assert leading_headline(f"Line one\nline two\n\n{BODY}") is None


def test_text_metadata_fills_gaps_after_the_file_and_command_line():
    text = f"Roadside bomb hits convoy\n\nBAMAKO, Feb 14 (Wire) - {BODY}"
    guessed = make_document(text, ReadOptions(), input="a.txt")
    assert (guessed.title, guessed.outlet) == ("Roadside bomb hits convoy", "Wire")
    told = make_document(
        text, ReadOptions(outlet="Sahel Post", published=date(2021, 2, 14)), input="a.txt"
    )
    assert (told.outlet, told.published) == ("Sahel Post", date(2021, 2, 14))
    own = make_document(
        text, ReadOptions(outlet="Sahel Post"), input="a.txt", outlet="Coast Courier"
    )
    assert own.outlet == "Coast Courier"


def test_headline_is_prepended_once():
    assert with_headline(BODY, "Checkpoint attacked") == f"Checkpoint attacked\n\n{BODY}"
    assert (
        with_headline(f"Checkpoint attacked\n\n{BODY}", "Checkpoint attacked")
        == f"Checkpoint attacked\n\n{BODY}"
    )
    assert (
        with_headline(f"CHECKPOINT ATTACKED\n\n{BODY}", "Checkpoint attacked")
        == f"CHECKPOINT ATTACKED\n\n{BODY}"
    )
    assert with_headline(BODY, None) == BODY
