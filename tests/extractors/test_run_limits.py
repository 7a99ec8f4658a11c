"""The per-document time limit in every way of extracting (issue 17): a stalled document gives a
`too_slow` outcome or error, never a hang, in a thread that is not the main one (a library
caller's, a Dask worker's), in forked worker processes and through `warledger.extract`."""

from __future__ import annotations

import threading
import time

import pytest

import warledger
import warledger.extractors.pipeline as pipeline
import warledger.extractors.workers as workers
from warledger.document import Document
from warledger.errors import InputError
from warledger.extractors.run import extract_documents, extract_outcomes
from warledger.limits import TooSlow, warm_up
from warledger.report import Report

TEXTS = [
    "Gunmen killed two soldiers at a checkpoint near Gao on Monday, the army said.",
    "Protesters blocked the main road in Niamey on Tuesday, residents said.",
    "Troops arrested five suspects in Maiduguri on Wednesday, police said.",
]


def documents() -> list[Document]:
    return [Document.make(t, input=f"in/{n}.txt") for n, t in enumerate(TEXTS, start=1)]


def python_stall(seconds: float) -> None:
    """A stage stuck in a Python loop (as "killed and" x 3,000 was in `match_at`)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(0.01)


@pytest.fixture
def stall_on_niamey(monkeypatch, nlp):
    """Analysis of the Niamey text stalls: `how(seconds)` for 60 s."""
    warm_up(nlp)
    analyse = pipeline.analyse
    chosen = {"how": python_stall}

    def stalled(document, doc):
        if "Niamey" in document.text:
            chosen["how"](60)
        return analyse(document, doc)

    monkeypatch.setattr(pipeline, "analyse", stalled)
    return chosen


def summary(outcomes: list) -> list[str]:
    return [
        f"{o.reason}: {o.message.split(';')[0]}" if isinstance(o, InputError) else "report"
        for o in outcomes
    ]


def test_a_stalled_document_in_a_thread_is_too_slow_and_the_others_get_reports(
    nlp, stall_on_niamey
):
    result: list = []

    def run() -> None:
        result.extend(extract_outcomes(documents(), nlp, batch_size=3, max_seconds=1))

    started = time.monotonic()
    thread = threading.Thread(target=run)
    thread.start()
    thread.join(20)
    assert not thread.is_alive()
    assert time.monotonic() - started < 6
    assert summary(result) == [
        "report",
        "too_slow: in/2.txt: extraction took longer than 1 s and was abandoned",
        "report",
    ]


def test_extract_documents_in_a_thread_raises_too_slow(nlp, stall_on_niamey, monkeypatch):
    monkeypatch.setenv("WARLEDGER_MAX_SECONDS", "1")
    caught: list[BaseException] = []
    reports: list[Report] = []

    def run() -> None:
        try:
            reports.extend(extract_documents(documents(), nlp, batch_size=3))
        except InputError as error:
            caught.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(20)
    assert not thread.is_alive()
    assert len(reports) == 1
    assert [type(e) for e in caught] == [TooSlow]


def test_a_stalled_document_in_a_worker_process_is_too_slow(nlp, stall_on_niamey):
    started = time.monotonic()
    result = list(extract_outcomes(documents(), nlp, batch_size=3, n_process=2, max_seconds=1))
    assert time.monotonic() - started < 15
    assert summary(result) == [
        "report",
        "too_slow: in/2.txt: extraction took longer than 1 s and was abandoned",
        "report",
    ]


def test_a_worker_stuck_where_no_exception_reaches_is_stopped_from_outside(
    nlp, stall_on_niamey, monkeypatch
):
    stall_on_niamey["how"] = time.sleep  # one call into C: only the parent can stop it
    monkeypatch.setattr(workers, "GRACE_SECONDS", 1.0)
    started = time.monotonic()
    result = list(extract_outcomes(documents(), nlp, batch_size=1, n_process=2, max_seconds=1))
    assert time.monotonic() - started < 15
    assert summary(result) == [
        "report",
        "too_slow: in/2.txt: extraction took longer than 1 s and was abandoned",
        "report",
    ]


def test_a_worker_that_dies_costs_only_its_document(nlp, monkeypatch):
    import os

    warm_up(nlp)
    analyse = pipeline.analyse

    def die_on_niamey(document, doc):
        if "Niamey" in document.text:
            os._exit(3)
        return analyse(document, doc)

    monkeypatch.setattr(pipeline, "analyse", die_on_niamey)
    result = list(extract_outcomes(documents(), nlp, batch_size=3, n_process=2, max_seconds=0))
    assert summary(result) == [
        "report",
        "extraction: in/2.txt: the worker process extracting it exited (3)",
        "report",
    ]


def test_the_api_stops_a_stalled_document_in_a_thread(nlp, stall_on_niamey, monkeypatch):
    monkeypatch.setenv("WARLEDGER_MAX_SECONDS", "1")
    caught: list[BaseException] = []

    def run() -> None:
        try:
            warledger.extract(TEXTS[1])
        except InputError as error:
            caught.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(20)
    assert not thread.is_alive()
    assert [(type(e), e.reason) for e in caught] == [(TooSlow, "too_slow")]
    assert caught[0].message.startswith("-: extraction took longer than 1 s")
