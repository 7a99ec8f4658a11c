"""Read -> extract -> store: duplicates skipped, a document whose extraction fails costs only itself."""

from __future__ import annotations

import pytest

import warledger.extractors.pipeline as pipeline
from warledger.document import Document
from warledger.ingest.checks import InputFailure
from warledger.ingest.into_store import ingest_into, resolve_stale, retry_paths
from warledger.store import Store

# Written for these tests.
TEXTS = [
    "Gunmen killed two soldiers at a checkpoint near Gao on Monday, the army said.",
    "Protesters blocked the main road in Niamey on Tuesday, residents said.",
    "Troops arrested five suspects in Maiduguri on Wednesday, police said.",
]


@pytest.fixture
def store():
    with Store.open(":memory:") as opened:
        yield opened


def docs(*texts: str) -> list[Document]:
    return [Document.make(t, input=f"in/{n}.txt") for n, t in enumerate(texts, start=1)]


def test_documents_are_stored_once_and_failures_recorded(store, nlp):
    items = [
        *docs(*TEXTS),
        Document.make(TEXTS[0], input="in/copy.txt"),
        InputFailure("in/x.txt", "empty", "in/x.txt: empty"),
    ]
    summary = ingest_into(store, items, nlp, batch_size=2)
    assert (summary.read, summary.stored, summary.duplicates) == (4, 3, 1)
    assert [(p.input, p.reason) for p in summary.failures] == [("in/x.txt", "empty")]
    assert store.count("documents") == 3
    again = ingest_into(store, docs(*TEXTS), nlp)
    assert (again.stored, again.duplicates) == (0, 3)


def test_a_document_that_breaks_extraction_fails_alone(store, nlp, monkeypatch):
    real = pipeline.analyse

    def analyse(document, doc):
        if "Niamey" in document.text:
            raise ValueError("stage bug")
        return real(document, doc)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    summary = ingest_into(store, docs(*TEXTS), nlp)
    assert summary.stored == 2
    [problem] = summary.failures
    assert (problem.input, problem.reason) == ("in/2.txt", "extraction")
    assert "ValueError: stage bug" in problem.message
    assert [f.input for f in store.failures()] == ["in/2.txt"]


def test_retry_paths_map_records_to_their_files(store, tmp_path):
    (tmp_path / "a.jsonl").write_text("{}\n")
    store.record_failure(f"{tmp_path}/a.jsonl:3", "malformed", "m")
    store.record_failure(f"{tmp_path}/a.jsonl:7", "malformed", "m")
    store.record_failure("gone.txt", "empty", "m")
    store.record_failure("-", "empty", "m")
    assert retry_paths(store) == [f"{tmp_path}/a.jsonl", "gone.txt"]


def test_failures_not_seen_again_under_a_reread_path_are_resolved(store):
    for name in ("corpus/a.txt", "corpus/b.jsonl:2", "other/c.txt"):
        store.record_failure(name, "empty", "m")
    summary = ingest_into(store, [InputFailure("corpus/a.txt", "empty", "m")])
    resolve_stale(store, ["corpus/"], summary)
    assert [f.input for f in store.failures()] == ["corpus/a.txt", "other/c.txt"]
