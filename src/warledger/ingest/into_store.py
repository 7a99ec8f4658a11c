"""Read -> extract -> store: the work of `warledger ingest`, usable without the command line.

Documents are extracted in batches through `extract_outcomes` (the one extraction code path, under
the per-document time limit) and each is saved in its own transaction. Failures are recorded in
the store and returned; a document already stored is skipped before it is parsed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from warledger.document import Document
from warledger.errors import ExtractionFailed, InputError
from warledger.report import Report
from warledger.settings import Settings
from warledger.store import Store

_RECORD_SUFFIX = re.compile(r"^(.*):(\d+)$")


@dataclass(frozen=True)
class Problem:
    input: str
    reason: str
    message: str


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failures: list[Problem] = field(default_factory=list)


def input_of(error: InputError) -> str:
    return str(getattr(error, "input", None) or error.message)


def ingest_into(
    store: Store,
    items: Iterable[Document | InputError],
    nlp: Language | None = None,
    batch_size: int = 32,
    on_item: Callable[[IngestSummary], None] | None = None,
    max_seconds: float | None = None,
) -> IngestSummary:
    """Store every document of `items` with its report; record every failure.

    A document whose extraction runs past `max_seconds` (default Settings.max_seconds) is
    abandoned with a `too_slow` failure."""
    summary = IngestSummary()
    seconds = Settings.load().max_seconds if max_seconds is None else max_seconds
    batch: list[Document] = []
    queued: set[str] = set()
    for item in items:
        if isinstance(item, InputError):
            _fail(store, summary, Problem(input_of(item), item.reason, item.message))
        else:
            summary.read += 1
            if item.id in queued or store.has_document(item.id):
                summary.duplicates += 1
                store.resolve_failures([item.input or ""])
            else:
                queued.add(item.id)
                batch.append(item)
                if len(batch) >= batch_size:
                    _flush(store, summary, batch, nlp, batch_size, seconds)
                    batch = []
        if on_item:
            on_item(summary)
    _flush(store, summary, batch, nlp, batch_size, seconds)
    return summary


def _fail(store: Store, summary: IngestSummary, problem: Problem) -> None:
    problem = storable(problem)
    store.record_failure(problem.input, problem.reason, problem.message)
    summary.failures.append(problem)


def _flush(
    store: Store,
    summary: IngestSummary,
    batch: list[Document],
    nlp: Language | None,
    batch_size: int,
    max_seconds: float,
) -> None:
    if not batch:
        return
    pairs, problems = extract_batch(batch, nlp, batch_size, max_seconds)
    for problem in problems:
        _fail(store, summary, problem)
    stored = store.save_many(pairs)
    summary.stored += stored
    summary.duplicates += len(pairs) - stored
    store.resolve_failures(document.input or "" for document, _ in pairs)


def extract_batch(
    batch: Sequence[Document],
    nlp: Language | None,
    batch_size: int,
    max_seconds: float,
) -> tuple[list[tuple[Document, Report]], list[Problem]]:
    """The reports of `batch` (in order) and a Problem for each document that failed: the one
    extraction code path of `ingest` and of `batch`'s workers (`extract_outcomes`, under the
    per-document time limit). One document's failure costs no other its report."""
    # Imported here so that commands which never extract (stats, --help) do not load spaCy.
    from warledger.extractors.run import extract_outcomes, name_of

    pairs: list[tuple[Document, Report]] = []
    problems: list[Problem] = []
    outcomes = extract_outcomes(batch, nlp, batch_size, max_seconds=max_seconds)
    for document, outcome in zip(batch, outcomes, strict=True):
        if isinstance(outcome, InputError):
            problems.append(Problem(name_of(document), outcome.reason, outcome.message))
        else:
            pairs.append((document, outcome))
    return pairs, problems


def storable(problem: Problem) -> Problem:
    """The problem with its input and message as text the database can hold."""
    return Problem(_storable(problem.input), problem.reason, _storable(problem.message))


def _storable(text: str) -> str:
    """Text the database can hold: a lone surrogate (from a file name that is not UTF-8) as \\udcff."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def extraction_failed(document: Document, exc: Exception) -> str:
    return ExtractionFailed(document.input or document.id, exc).message


def retry_paths(store: Store) -> list[str]:
    """The files behind the unresolved failures (`PATH:N` records are re-read from PATH)."""
    paths: list[str] = []
    for failure in store.failures():
        if failure.input == "-":
            continue
        match = _RECORD_SUFFIX.match(failure.input)
        path = match[1] if match and not Path(failure.input).exists() else failure.input
        if path not in paths:
            paths.append(path)
    return paths


def resolve_stale(store: Store, paths: Sequence[str], summary: IngestSummary) -> None:
    """Failures under the paths just read that did not happen again are resolved."""
    again = {p.input for p in summary.failures}
    prefixes = tuple(p.rstrip("/") for p in paths if p != "-")
    if not prefixes:
        return
    stale = [
        f.input
        for f in store.failures()
        if f.input not in again
        and any(f.input == p or f.input.startswith((f"{p}:", f"{p}/")) for p in prefixes)
    ]
    store.resolve_failures(stale)
