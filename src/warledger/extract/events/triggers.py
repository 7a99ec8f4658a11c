"""Trigger words: where the text says an event happened, and of which (provisional) type."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from warledger.extract.events.lexicon import token_keys
from warledger.extract.events.vocabulary import TriggerWord, vocabulary

VERBAL = {"VERB", "AUX"}
NOMINAL = {"NOUN", "PROPN"}


@dataclass(frozen=True)
class Trigger:
    start: int
    """First token of the trigger phrase."""
    end: int
    head: int
    """The token the phrase hangs on in the parse: a verb phrase's first word, a noun phrase's last."""
    type: str
    pos: str
    guard: str | None = None
    alternatives: tuple[str, ...] = ()
    """Other types the same words name ("strike": VIOLENCE or PROTEST); context decides."""

    def head_token(self, doc: Doc) -> Token:
        return doc[self.head]


def _fits(entry: TriggerWord, doc: Doc, i: int) -> bool:
    n = len(entry.words)
    if i + n > len(doc) or any(entry.words[k] not in token_keys(doc[i + k]) for k in range(1, n)):
        return False
    if entry.pos == "noun":
        return doc[i + n - 1].pos_ in NOMINAL
    if n == 1:
        return doc[i].pos_ in VERBAL
    return doc[i].pos_ in VERBAL or doc[i].pos_ in NOMINAL


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every trigger phrase, longest match first, left to right, without overlaps."""
    index = vocabulary().triggers
    found: list[Trigger] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        fitting: list[TriggerWord] = []
        if not token.is_punct and not token.is_space:
            for key in token_keys(token):
                fitting.extend(entry for entry in index.get(key, ()) if _fits(entry, doc, i))
        if not fitting:
            i += 1
            continue
        longest = max(len(entry.words) for entry in fitting)
        best = next(entry for entry in fitting if len(entry.words) == longest)
        others = tuple(
            dict.fromkeys(
                e.type for e in fitting if len(e.words) == longest and e.type != best.type
            )
        )
        end = i + longest
        head = i if best.pos != "noun" else end - 1
        found.append(Trigger(i, end, head, best.type, best.pos, best.guard, others))
        i = end
    return found
