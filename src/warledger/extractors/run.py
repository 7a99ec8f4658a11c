"""Running the stages over documents: one (`extract_document`), many in batches
(`extract_documents`, `extract_outcomes`), in this process or in forked worker processes
(`n_process > 1`, `extractors/workers.py`). The stage order itself is `pipeline.analyse`.

Batches are bounded by documents (`batch_size`) and by words (`BATCH_WORDS`): spaCy holds a whole
batch in memory while it parses it, so 16 long articles at once take a gigabyte, while the same
words in batches of about 8,000 take a few hundred megabytes and parse as fast. Every document is
under the per-document time limit (`Settings.max_seconds`, `limits.time_limit`), in whichever
thread or process it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from spacy.language import Language

from warledger.document import Document
from warledger.errors import ExtractionFailed, InputError
from warledger.extractors import pipeline
from warledger.limits import batch_seconds, time_limit, warm_up
from warledger.nlp import load_nlp
from warledger.report import Report
from warledger.settings import Settings

BATCH_WORDS = 8_000
"""A batch is closed once it holds this many words (a longer document is a batch of its own)."""

Outcome = Report | InputError
"""What extracting one document gives: its report, or the typed error that says why not
(`too_slow`, `extraction`)."""

T = TypeVar("T")


def extract_document(document: Document, nlp: Language | None = None) -> Report:
    nlp = nlp or load_nlp()
    return pipeline.analyse(document, nlp(document.text))


def extract_documents(
    documents: Iterable[Document],
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Report]:
    """Reports for many documents, in input order, parsed in batches of at most `batch_size`
    documents and about BATCH_WORDS words (`nlp.pipe`); with `n_process > 1` in that many forked
    worker processes.

    The first document that cannot be extracted stops the run: its stage's exception is raised
    (in one process), or its typed error (`InputError`: `too_slow` past Settings.max_seconds, or
    `extraction`). `extract_outcomes` goes on past such documents instead.
    """
    for outcome in extract_outcomes(documents, nlp, batch_size, n_process):
        if isinstance(outcome, InputError):
            cause = outcome.__cause__
            if isinstance(outcome, ExtractionFailed) and isinstance(cause, Exception):
                raise cause
            raise outcome
        yield outcome


def extract_outcomes(
    documents: Iterable[Document],
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    max_seconds: float | None = None,
) -> Iterator[Outcome]:
    """For each document, in input order, its report or the typed error that says why there is
    none: `too_slow` (its extraction ran past `max_seconds`, default Settings.max_seconds; 0: no
    limit) or `extraction` (a stage raised). One document's failure costs no other its report.
    """
    nlp = nlp or load_nlp()
    seconds = Settings.load().max_seconds if max_seconds is None else max_seconds
    if seconds > 0:
        warm_up(nlp)  # loading the knowledge base and rule data is not a document's time
    if n_process > 1:
        from warledger.extractors.workers import outcomes_in_workers

        yield from outcomes_in_workers(documents, nlp, batch_size, n_process, seconds)
        return
    for batch in word_batches(documents, batch_size, _text_of):
        yield from batch_outcomes(batch, nlp, seconds)


def _text_of(document: Document) -> str:
    return document.text


def words_in(text: str) -> int:
    """About the number of words of `text` (spaces and line breaks), cheaply."""
    return text.count(" ") + text.count("\n") + 1


def word_batches(
    items: Iterable[T], batch_size: int, text_of: Callable[[T], str], words: int = BATCH_WORDS
) -> Iterator[list[T]]:
    """`items` in batches of at most `batch_size` items and, unless one item is longer, `words`
    words; lazily, in order."""
    batch: list[T] = []
    held = 0
    for item in items:
        size = words_in(text_of(item))
        if batch and (len(batch) >= batch_size or held + size > words):
            yield batch
            batch, held = [], 0
        batch.append(item)
        held += size
    if batch:
        yield batch


def batch_outcomes(batch: list[Document], nlp: Language, max_seconds: float) -> Iterator[Outcome]:
    """The outcomes of one batch: parsed together, then each document analysed under its limit.
    If parsing the batch fails or runs past the batch's share of time, each document is redone on
    its own, so that only the one at fault fails."""
    try:
        with time_limit("a batch", batch_seconds(max_seconds, len(batch))):
            docs = list(nlp.pipe([d.text for d in batch], batch_size=len(batch)))
    except Exception:
        for document in batch:
            yield _one_outcome(document, nlp, max_seconds)
        return
    for document, doc in zip(batch, docs, strict=True):
        outcome: Outcome
        try:
            with time_limit(name_of(document), max_seconds):
                outcome = pipeline.analyse(document, doc)
        except InputError as error:
            outcome = error
        except Exception as exc:
            outcome = _failed(document, exc)
        yield outcome  # outside the limit: the consumer's time is not this document's


def _one_outcome(document: Document, nlp: Language, max_seconds: float) -> Outcome:
    try:
        with time_limit(name_of(document), max_seconds):
            return extract_document(document, nlp)
    except InputError as error:
        return error
    except Exception as exc:
        return _failed(document, exc)


def _failed(document: Document, exc: Exception) -> ExtractionFailed:
    failure = ExtractionFailed(name_of(document), exc)
    failure.__cause__ = exc
    return failure


def name_of(document: Document) -> str:
    return document.input or document.id
