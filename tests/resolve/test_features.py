"""How a source is named in the record: speakers, datelines read as speakers, documents."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.resolve.features import document_label, source_label
from warledger.resolve.records import Corpus, Doc


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Elizabeth Tsurkov, a researcher at the New Lines Institute", "Elizabeth Tsurkov"),
        ("The Syrian Observatory for Human Rights", "The Syrian Observatory for Human Rights"),
        ("UNICEF", "UNICEF"),
        ("MOSCOW, May 14 (Levant Wire", "Levant Wire"),
        ("BAMAKO, March 18 (Sahel Wire)", "Sahel Wire"),
        ("KHARTOUM (Reuters", "Reuters"),
        ("MOSCOW, May 14", None),
    ],
)
def test_a_dateline_is_named_by_its_agency_never_its_place(name: str, label: str | None) -> None:
    assert source_label(name) == label


def test_a_document_is_named_by_outlet_then_address_never_headline() -> None:
    corpus = Corpus()
    headline = "How Syrian ex-rebels ended up on both sides of Libya's war"
    corpus.docs["a" * 64] = Doc("a" * 64, date(2020, 5, 1), "Levant Wire", headline, None)
    corpus.docs["b" * 64] = Doc("b" * 64, None, None, headline, "https://www.gulf.example/x")
    corpus.docs["c" * 64] = Doc("c" * 64, None, None, headline, None)
    assert document_label("a" * 64, corpus) == "Levant Wire"
    assert document_label("b" * 64, corpus) == "gulf.example"
    assert document_label("c" * 64, corpus) == "document cccccccc"
    assert document_label("d" * 64, corpus) == "document dddddddd"
