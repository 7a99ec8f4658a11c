"""The contract every fuzzer checks (issue 17): any input gives a schema-valid report, or documents
and typed `InputError`s from a reader, or a typed `WarledgerError`; never another exception.

Shared by the hypothesis tests (test_fuzz_*.py), the atheris harness (atheris_harness.py, `make
fuzz`) and the replay of the crashes found (regressions/).
"""

from __future__ import annotations

import io
import json
import os
from datetime import date

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import warledger
from warledger.document import Document
from warledger.errors import InputError, WarledgerError
from warledger.ingest.options import ReadOptions
from warledger.ingest.read import READERS
from warledger.schema import validation_errors
from warledger.settings import Settings


def fuzz_settings(examples: int) -> settings:
    """`examples` per test in `make test` (fixed seed, so the suite is repeatable and fast);
    WARLEDGER_FUZZ_EXAMPLES=N runs N random ones instead, for a longer hunt."""
    hunt = os.environ.get("WARLEDGER_FUZZ_EXAMPLES")
    return settings(
        max_examples=int(hunt) if hunt else examples,
        deadline=None,
        derandomize=not hunt,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


READER_NAMES = tuple(READERS)  # warc, feed, html, jsonl, json, text
ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=40)
"""Text of any code points: control characters, NUL and lone surrogates included."""


def check_report(report: warledger.Report) -> None:
    body = report.to_dict()
    errors = validation_errors(body)
    assert not errors, errors
    json.dumps(body, ensure_ascii=False).encode("utf-8")  # printable and storable as UTF-8
    text_length = body["document"]["chars"]
    for event in body["events"]:
        for span in event["evidence"]:
            assert 0 <= span["start"] <= span["end"] <= text_length


def extract_target(text: str, published: str | date | None = None) -> str:
    """'report' or 'refused'; raises on a broken contract."""
    try:
        report = warledger.extract(text, published=published)
    except WarledgerError:
        return "refused"
    check_report(report)
    return "report"


def check_document(document: Document) -> None:
    document.text.encode("utf-8")
    for value in (document.title, document.url, document.outlet, document.input):
        if value is not None:
            value.encode("utf-8")
    assert document.id and len(document.id) == 64


def reader_target(reader: str, data: bytes, settings: Settings | None = None) -> tuple[int, int]:
    """(documents, failures) from one reader over `data`; raises on a broken contract."""
    options = ReadOptions(settings=settings or Settings(max_bytes=2_000_000))
    documents = failures = 0
    try:
        for item in READERS[reader]("fuzz", io.BytesIO(data), options):  # type: ignore[index]
            if isinstance(item, InputError):
                failures += 1
            else:
                check_document(item)
                documents += 1
    except InputError:
        failures += 1
    return documents, failures
