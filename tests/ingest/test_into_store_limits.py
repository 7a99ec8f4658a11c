"""Ingest under the per-document limits (issue 17): a stalled document becomes a `too_slow`
failure row and the batch goes on; an over-long text is refused before parsing."""

from __future__ import annotations

import time

import pytest

import warledger.extractors.pipeline as pipeline
from warledger.document import Document
from warledger.ingest.into_store import ingest_into
from warledger.ingest.read import read_inputs
from warledger.limits import warm_up
from warledger.settings import Settings
from warledger.store import Store

TEXTS = [
    "Gunmen killed two soldiers at a checkpoint near Gao on Monday, the army said.",
    "Protesters blocked the main road in Niamey on Tuesday, residents said.",
    "Troops arrested five suspects in Maiduguri on Wednesday, police said.",
]


@pytest.fixture
def store():
    with Store.open(":memory:") as opened:
        yield opened


def test_a_stalled_document_is_a_too_slow_failure_and_the_others_are_stored(
    store, nlp, monkeypatch
):
    analyse = pipeline.analyse

    def stall_on_niamey(document, doc):
        if "Niamey" in document.text:  # a stage that loops (in Python) for 30 s
            end = time.monotonic() + 30
            while time.monotonic() < end:
                time.sleep(0.01)
        return analyse(document, doc)

    monkeypatch.setattr(pipeline, "analyse", stall_on_niamey)
    items = [Document.make(t, input=f"in/{n}.txt") for n, t in enumerate(TEXTS, start=1)]
    warm_up(nlp)  # loading the knowledge base is not the documents' time
    started = time.monotonic()
    summary = ingest_into(store, items, nlp, batch_size=3, max_seconds=1)
    assert time.monotonic() - started < 5  # the stalled one is stopped after 1 s
    assert (summary.read, summary.stored) == (3, 2)
    assert [(p.input, p.reason) for p in summary.failures] == [("in/2.txt", "too_slow")]
    assert summary.failures[0].message.startswith(
        "in/2.txt: extraction took longer than 1 s and was abandoned"
    )
    assert [(f.input, f.reason) for f in store.failures()] == [("in/2.txt", "too_slow")]


def test_a_text_over_max_chars_is_refused_before_parsing(tmp_path):
    (tmp_path / "long.txt").write_text("Gunmen attacked a checkpoint near Gao. " * 100)
    items = list(read_inputs([tmp_path / "long.txt"], settings=Settings(max_chars=1000)))
    assert [(i.reason, i.message.split(";")[0]) for i in items] == [
        (
            "too_large",
            f"{tmp_path / 'long.txt'}: the text is 3,899 characters, over the 1,000-character "
            "limit for one article",
        )
    ]


def test_a_file_name_that_is_not_utf8_does_not_roll_back_the_batch(tmp_path, store, nlp):
    import os

    with open(os.path.join(os.fsencode(tmp_path), b"bad-\xff.txt"), "w") as stream:
        stream.write(TEXTS[0])
    (tmp_path / "good.txt").write_text(TEXTS[1])
    summary = ingest_into(store, read_inputs([tmp_path]), nlp)
    assert summary.stored == 1
    assert [(f.input, f.reason) for f in store.failures()] == [
        (f"{tmp_path}/bad-\\xff.txt", "encoding")
    ]


def test_a_failure_naming_a_lone_surrogate_is_stored_escaped(store, nlp):
    from warledger.ingest.checks import InputFailure

    summary = ingest_into(store, [InputFailure("in/\udcff", "unreadable", "no")], nlp)
    assert [(f.input, f.message) for f in store.failures()] == [("in/\\udcff", "in/\\udcff: no")]
    assert summary.failures[0].input == "in/\\udcff"
