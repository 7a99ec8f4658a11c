"""Extraction in forked worker processes (`extract_outcomes(..., n_process=N)`).

Each worker is forked from the process that loaded the pipeline, so it starts with the model, the
knowledge base and the name tables already in memory (shared copy-on-write; `gc.freeze` keeps the
collector from touching, and so copying, them). The parent sends each idle worker a batch of
documents (`run.word_batches`) and gets back, per document, its report or its failure; it yields
them in input order. Only documents and reports cross the pipe, never a parsed Doc.

Failures: inside a worker every document is under the time limit (`limits.time_limit`). The parent
watches the workers too: a worker that dies (killed, a crash in C code) or overruns its batch's
time (a stall no exception can reach, in C code) is replaced, and its batch is redone one document
at a time, so that only the document at fault fails (`extraction` or `too_slow`); no document is
lost and the run never hangs.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from spacy.language import Language

from warledger.document import Document
from warledger.errors import InputError
from warledger.extractors.run import Outcome, batch_outcomes, name_of, word_batches
from warledger.limits import TooSlow, batch_seconds
from warledger.report import Report

GRACE_SECONDS = 10.0
"""Beyond the time a worker's own limits allow a batch, before the parent kills the worker."""


@dataclass
class _Task:
    first: int
    """The index (in the input) of the task's first document."""
    documents: list[Document]


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    task: _Task | None = None
    started: float = 0.0


def outcomes_in_workers(
    documents: Iterable[Document],
    nlp: Language,
    batch_size: int,
    n_process: int,
    max_seconds: float,
) -> Iterator[Outcome]:
    """The outcome of each document, in input order, extracted in `n_process` forked workers."""
    context = multiprocessing.get_context("fork")
    gc.collect()
    gc.freeze()  # what is loaded now is shared with the workers; the collector must not copy it
    batches = _tasks(word_batches(documents, batch_size, _text_of))
    redo: deque[_Task] = deque()
    done: dict[int, Outcome] = {}
    workers: list[_Worker] = []
    next_out = 0
    exhausted = False
    try:
        workers = [_start(context, nlp, max_seconds) for _ in range(n_process)]
        while True:
            for worker in workers:
                if worker.task is None and not (exhausted and not redo):
                    task = redo.popleft() if redo else next(batches, None)
                    if task is None:
                        exhausted = True
                    else:
                        worker.task, worker.started = task, time.monotonic()
                        with contextlib.suppress(OSError):  # it has died: handled below
                            worker.connection.send((task.first, task.documents))
            busy = [w for w in workers if w.task is not None]
            if not busy:
                break
            ready = wait(
                [w.connection for w in busy] + [w.process.sentinel for w in busy],
                timeout=_wait_seconds(busy, max_seconds),
            )
            for index, worker in enumerate(workers):
                task = worker.task
                if task is None:
                    continue
                if worker.connection in ready and worker.connection.poll():
                    try:
                        first, wired = worker.connection.recv()
                    except (EOFError, OSError):
                        worker.process.join(5)  # it died: handled below
                    else:
                        for offset, outcome in enumerate(wired):
                            done[first + offset] = _unwire(outcome)
                        worker.task = None
                        continue
                overrun = _overran(worker, task, max_seconds)
                if overrun or not worker.process.is_alive():
                    code = _stop(worker)
                    workers[index] = _start(context, nlp, max_seconds)
                    if len(task.documents) == 1:  # the document at fault
                        document = task.documents[0]
                        done[task.first] = (
                            TooSlow(name_of(document), max_seconds)
                            if overrun
                            else _died(document, code)
                        )
                    else:  # redo each document on its own
                        redo.extend(
                            _Task(task.first + i, [d]) for i, d in enumerate(task.documents)
                        )
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for worker in workers:
            _stop(worker, gently=worker.task is None)


def _text_of(document: Document) -> str:
    return document.text


def _tasks(batches: Iterator[list[Document]]) -> Iterator[_Task]:
    first = 0
    for batch in batches:
        yield _Task(first, batch)
        first += len(batch)


def _start(context: Any, nlp: Language, max_seconds: float) -> _Worker:
    parent, child = context.Pipe()
    process = context.Process(
        target=_work, args=(child, nlp, max_seconds), name="warledger-extract", daemon=True
    )
    process.start()
    child.close()
    return _Worker(process, parent)


def _work(connection: Connection, nlp: Language, max_seconds: float) -> None:
    """A worker: extract each batch it is sent, send back its outcomes; stop at None or EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        first, documents = task
        wired = [_wire(o) for o in batch_outcomes(documents, nlp, max_seconds)]
        connection.send((first, wired))


def _wire(outcome: Outcome) -> Report | tuple[str, str]:
    """A report as it is; a failure as (reason, message): an exception's cause does not pickle."""
    if isinstance(outcome, InputError):
        return (outcome.reason, outcome.message)
    return outcome


def _unwire(wired: Report | tuple[str, str]) -> Outcome:
    if isinstance(wired, tuple):
        return InputError(*wired)
    return wired


def _limit(task: _Task, max_seconds: float) -> float:
    """How long a worker may take over `task` before the parent stops it (0: no limit). Inside,
    the batch's parse has its share of time, then each document's analysis its own."""
    if max_seconds <= 0:
        return 0.0
    return 2 * batch_seconds(max_seconds, len(task.documents)) + GRACE_SECONDS


def _overran(worker: _Worker, task: _Task, max_seconds: float) -> bool:
    limit = _limit(task, max_seconds)
    return limit > 0 and time.monotonic() - worker.started > limit


def _wait_seconds(busy: list[_Worker], max_seconds: float) -> float | None:
    """Until the nearest overrun of a busy worker (None: no limit)."""
    limits = [
        worker.started + _limit(worker.task, max_seconds) - time.monotonic()
        for worker in busy
        if worker.task is not None and _limit(worker.task, max_seconds) > 0
    ]
    return max(min(limits), 0.01) if limits else None


def _stop(worker: _Worker, gently: bool = False) -> int | None:
    """End the worker; its exit code."""
    if gently and worker.process.is_alive():
        with contextlib.suppress(OSError):
            worker.connection.send(None)
        worker.process.join(5)
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join()
    worker.connection.close()
    return worker.process.exitcode


def _died(document: Document, code: int | None) -> InputError:
    how = f"was killed by signal {-code}" if code is not None and code < 0 else f"exited ({code})"
    return InputError(
        "extraction",
        f"{name_of(document)}: the worker process extracting it {how}; this is a warledger bug "
        "or the machine ran out of memory; retry it in one process",
    )
