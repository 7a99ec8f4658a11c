"""`extract_documents(..., n_process=2)`: the whole extraction runs in worker processes and gives
the same reports, in input order, as one process."""

from __future__ import annotations

from warledger.document import Document
from warledger.extractors.run import extract_documents

TEXTS = [
    "TRIPOLI, May 9 - Gunmen attacked a checkpoint near Tarhuna on Friday, killing two guards.",
    "Protesters gathered in Benghazi on Saturday to demand fuel and electricity.",
    "The army said it had shelled rebel positions north of Hama overnight.",
    "A roadside bomb wounded three soldiers in Idlib, a monitoring group said.",
    "Talks between the two sides resumed in Geneva last week.",
    "Police arrested 12 people after clashes in the capital.",
]


def documents() -> list[Document]:
    return [
        Document.make(text, published=f"2020-05-{10 + i:02d}", outlet="Test Wire", input=f"t{i}")
        for i, text in enumerate(TEXTS)
    ]


def test_two_processes_give_the_same_reports_in_order(nlp) -> None:
    one = [r.to_dict() for r in extract_documents(documents(), nlp, batch_size=2)]
    two = [r.to_dict() for r in extract_documents(documents(), nlp, batch_size=2, n_process=2)]
    assert two == one
    assert [r["document"]["input"] for r in two] == [f"t{i}" for i in range(6)]
    assert [r["document"]["published"] for r in two] == [f"2020-05-{10 + i:02d}" for i in range(6)]
