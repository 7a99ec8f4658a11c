"""Per-document limits (Settings.max_chars, Settings.max_seconds): a pathological document is
refused or abandoned with a typed `InputError`, it never hangs or kills a batch.

The time limit works in any thread of any process (the CLI's main thread, a library caller's
thread, a Dask worker's task thread, a forked extraction worker): one watchdog thread per process
keeps the deadlines of every armed limit and, when one passes, raises an exception in the thread
that armed it (`PyThreadState_SetAsyncExc`). Such an exception arrives at the next Python
instruction that thread runs: a stage looping in Python is stopped within milliseconds, a single
call into C code (a blocking sleep, one spaCy model call) only when it returns. Extraction worker
processes are also watched from outside (`extractors/workers.py`), so even that cannot hang a
batch there.
"""

from __future__ import annotations

import ctypes
import gc
import math
import os
import threading
import time
from dataclasses import dataclass
from types import TracebackType

from spacy.language import Language

from warledger.errors import InputError

_WARMED: set[int] = set()
_WARM_UP_TEXT = "Gunmen attacked a checkpoint near Gao on Monday, the army said."


class TooSlow(InputError):
    """A document's extraction ran past Settings.max_seconds."""

    def __init__(self, input: str, seconds: float) -> None:
        super().__init__(
            "too_slow",
            f"{input}: extraction took longer than {seconds:g} s and was abandoned; the text is "
            "probably not an article (long runs of one word or symbol); check it, or raise the limit "
            "with WARLEDGER_MAX_SECONDS",
        )
        self.input = input


def check_length(input: str, text: str, max_chars: int) -> None:
    """Refuse a text longer than `max_chars` before it is parsed (spaCy would refuse it, E088)."""
    if len(text) > max_chars:
        raise InputError(
            "too_large",
            f"{input}: the text is {len(text):,} characters, over the {max_chars:,}-character limit "
            "for one article; split it into articles, or raise the limit with WARLEDGER_MAX_CHARS "
            "(parsing needs about 1 GB of memory per 100,000 characters)",
        )


class _Expired(BaseException):
    """Raised inside the guarded code by the watchdog; turned into TooSlow on the way out. Not an
    Exception, so that no `except Exception` in a parser library swallows it. Each armed limit
    raises its own subclass, so that nested limits tell whose deadline passed."""


REFIRE_SECONDS = 1.0
"""After a limit has fired, the watchdog raises again at this interval until the body is left
(in case the code in the body caught the first one)."""


@dataclass(eq=False)
class _Limit:
    thread: int
    deadline: float
    kind: type[_Expired]
    fired: bool = False


class _Watchdog:
    """The deadlines of this process's armed limits, and the daemon thread that enforces them."""

    def __init__(self) -> None:
        self.condition = threading.Condition(threading.Lock())
        self.armed: list[_Limit] = []
        self.thread: threading.Thread | None = None

    def arm(self, limit: _Limit) -> None:
        with self.condition:
            self.armed.append(limit)
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(
                    target=self._run, name="warledger-time-limits", daemon=True
                )
                self.thread.start()
            self.condition.notify()

    def disarm(self, limit: _Limit) -> bool:
        """Forget `limit`; True if it fired. A raise it left pending is withdrawn."""
        with self.condition:
            if limit in self.armed:
                self.armed.remove(limit)
            fired = limit.fired
        if fired:
            _raise_in(limit.thread, None)
        return fired

    def _run(self) -> None:
        with self.condition:
            while True:
                now = time.monotonic()
                for limit in self.armed:
                    if limit.deadline <= now:
                        limit.fired = True
                        limit.deadline = now + REFIRE_SECONDS
                        _raise_in(limit.thread, limit.kind)
                nearest = min((limit.deadline for limit in self.armed), default=None)
                self.condition.wait(None if nearest is None else max(nearest - now, 0.001))


def _raise_in(thread: int, kind: type[BaseException] | None) -> None:
    """Raise `kind` in the thread with ident `thread` at its next Python instruction (None: withdraw
    a pending raise)."""
    exc = ctypes.py_object(kind) if kind is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), exc)


_WATCHDOG = _Watchdog()


def _after_fork_in_child() -> None:
    # Only the forking thread lives on in a child, and the lock may have been held at the fork:
    # the child starts with no armed limit and its own watchdog.
    global _WATCHDOG
    _WATCHDOG = _Watchdog()


os.register_at_fork(after_in_child=_after_fork_in_child)


class time_limit:  # noqa: N801 - used as a context manager, like contextlib's
    """`with time_limit(input, seconds):` raises `TooSlow` when the body runs longer than
    `seconds` (0 or less: no limit), in whichever thread it runs. Limits nest."""

    def __init__(self, input: str, seconds: float) -> None:
        self.input = input
        self.seconds = seconds
        self.limit: _Limit | None = None

    def __enter__(self) -> None:
        if self.seconds > 0:
            kind = type("_ExpiredHere", (_Expired,), {})
            self.limit = _Limit(threading.get_ident(), time.monotonic() + self.seconds, kind)
            _WATCHDOG.arm(self.limit)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        limit, self.limit = self.limit, None
        if limit is None:
            return
        while True:  # the pending raise may arrive while disarming: disarm again
            try:
                _WATCHDOG.disarm(limit)
                break
            except limit.kind:
                pass
        if exc is not None and _caused_by(exc, limit.kind):
            raise TooSlow(self.input, self.seconds) from None


def _caused_by(exc: BaseException, kind: type[_Expired]) -> bool:
    """True if `exc` is the limit's exception, or was raised while handling it."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return True
        seen.add(id(current))
        current = current.__context__
    return False


def warm_up(nlp: Language | None = None) -> None:
    """Load what the stages load once per process (knowledge base, gazetteer, rule data) before any
    document is timed: the first document must not pay for it, nor a time limit cut a load short.
    Then freezes what is loaded (`gc.freeze`)."""
    from warledger.document import Document
    from warledger.extractors.run import extract_document
    from warledger.nlp import load_nlp

    nlp = nlp or load_nlp()
    if id(nlp) not in _WARMED:
        extract_document(Document.make(_WARM_UP_TEXT), nlp)
        _WARMED.add(id(nlp))
        # What is loaded now stays for the life of the process: moved out of the collector's
        # reach, a full collection no longer walks the model, knowledge base and name tables
        # (and a forked worker no longer copies their pages by touching them).
        gc.collect()
        gc.freeze()


def batch_seconds(per_document: float, documents: int) -> float:
    """The limit for a batch of documents parsed together: each document's share, summed."""
    return 0.0 if per_document <= 0 else math.ceil(per_document * max(documents, 1))
