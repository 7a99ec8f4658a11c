"""Work per document grows with its length, not with its length times its mentions: on a generated
20,000-word article the per-document helpers run once per document or once per sentence."""

from __future__ import annotations

import pytest

from warledger.extractors.actors import countries
from warledger.extractors.quantities import casualties

PARAGRAPH = (
    "Fighters of the Syrian Democratic Forces clashed with Islamic State militants near Raqqa on "
    "Monday, killing {n} civilians and wounding {m}, the Syrian Observatory for Human Rights said. "
    "Turkish forces shelled villages in Afrin and Tal Rifaat, a spokesman told Reuters. "
    "He said {m} soldiers were injured in the attack, which the government condemned."
)


@pytest.fixture(scope="module")
def long_text() -> str:
    paragraphs = [PARAGRAPH.format(n=k % 40 + 2, m=k % 7 + 3) for k in range(400)]
    text = "\n\n".join(paragraphs)
    assert len(text.split()) >= 20_000
    return text


def counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(module, name)

    def wrapped(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapped)
    return calls


def test_a_long_article_counts_countries_once_and_reads_each_sentence_once(
    extract_text, nlp, long_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    votes = counting(monkeypatch, countries, "country_votes")
    sentences = counting(monkeypatch, casualties, "_read_sentence")
    report = extract_text(long_text)
    assert report.events and report.places
    assert len(votes) <= 2  # the document's countries and its home country
    assert len(sentences) <= len(list(nlp(long_text).sents))
