"""Per-document limits (Settings.max_chars, Settings.max_seconds): a pathological document is
refused or abandoned with a typed `InputError`, it never hangs or kills a batch.

The time limit uses SIGALRM, so it applies in the main thread of a process (the CLI); elsewhere
(a library caller's worker thread) it is a no-op rather than an error.
"""

from __future__ import annotations

import math
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

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
    """Raised inside the guarded code by the alarm; turned into TooSlow on the way out. Not an
    Exception, so that no `except Exception` in a parser library swallows it."""


@contextmanager
def time_limit(input: str, seconds: float) -> Iterator[None]:
    """Raise `TooSlow` when the body runs longer than `seconds` (0 or less: no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    armed = [True]

    def expire(signum: int, frame: FrameType | None) -> None:
        if armed[0]:
            raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    except _Expired:
        raise TooSlow(input, seconds) from None
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def warm_up(nlp: Language | None = None) -> None:
    """Load what the stages load once per process (knowledge base, gazetteer, rule data) before any
    document is timed: the first document must not pay for it, nor an alarm cut a load short."""
    from warledger.document import Document
    from warledger.extractors.run import extract_document
    from warledger.nlp import load_nlp

    nlp = nlp or load_nlp()
    if id(nlp) not in _WARMED:
        extract_document(Document.make(_WARM_UP_TEXT), nlp)
        _WARMED.add(id(nlp))


def batch_seconds(per_document: float, documents: int) -> float:
    """The limit for a batch of documents parsed together: each document's share, summed."""
    return 0.0 if per_document <= 0 else math.ceil(per_document * max(documents, 1))
