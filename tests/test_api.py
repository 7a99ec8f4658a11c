"""The public API (`warledger.extract`) makes the CLI's input checks (issue 17)."""

from __future__ import annotations

import pytest

import warledger
from warledger.errors import InputError
from warledger.settings import Settings


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_extract_refuses_an_empty_text(text):
    with pytest.raises(InputError) as caught:
        warledger.extract(text)
    assert caught.value.reason == "empty"
    assert caught.value.message == "text: the text is empty; pass the article's text"


def test_extract_refuses_a_text_without_letters():
    with pytest.raises(InputError) as caught:
        warledger.extract("1234 5678 !!!")
    assert caught.value.reason == "empty"
    assert caught.value.message == "text: the text has no letters; pass the article's text"


def test_extract_refuses_arabic_instead_of_labelling_it_english():
    with pytest.raises(InputError) as caught:
        warledger.extract("مقتل خمسة جنود في هجوم على نقطة تفتيش قرب حلب")
    assert caught.value.reason == "language"
    assert caught.value.message == (
        "text: not English: Arabic script (100% of the letters); warledger reads English only, "
        "translate it first"
    )


def test_extract_still_reads_a_short_english_headline():
    report = warledger.extract("Gunmen attacked.")
    assert report.document.language == "en"
    assert [e.type for e in report.events] == ["ATTACK"]


def test_extract_refuses_a_text_over_max_chars(monkeypatch):
    monkeypatch.setenv("WARLEDGER_MAX_CHARS", "100")
    assert Settings.load().max_chars == 100
    with pytest.raises(InputError) as caught:
        warledger.extract("Gunmen attacked a checkpoint near Gao. " * 3)
    assert caught.value.reason == "too_large"
    assert caught.value.message.startswith(
        "text: the text is 116 characters, over the 100-character limit for one article"
    )


def test_extract_warns_about_a_publication_date_it_cannot_read():
    report = warledger.extract("Rebels attacked the town on Monday.", published="yesterday")
    assert report.document.published is None
    assert report.warnings == [
        "publication date 'yesterday' is not a date (YYYY-MM-DD, years 0001-9999): left empty, so "
        "relative dates stay unresolved; give --published YYYY-MM-DD",
        "no publication date: relative time expressions left unresolved: 'on Monday'",
    ]


def test_extract_repairs_lone_surrogates_and_says_so():
    report = warledger.extract(
        "Rebels attacked the town \ud800 on Monday.", published="2020-05-10", title="A\udc00"
    )
    assert report.document.title == "A\ufffd"
    assert report.warnings == [
        "the text held 1 lone surrogate code point(s) (invalid Unicode, e.g. a JSON \\ud800 "
        "escape): replaced by U+FFFD",
        "the title held 1 lone surrogate code point(s) (invalid Unicode, e.g. a JSON \\ud800 "
        "escape): replaced by U+FFFD",
    ]
    report.to_dict()["document"]["id"].encode("utf-8")
