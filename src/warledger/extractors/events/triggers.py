"""Trigger words: where the text says an event happened, and of which (provisional) type."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from warledger.extractors.events.lexicon import token_keys
from warledger.extractors.events.senses import (
    in_set_phrase,
    is_complaint,
    names_month,
    off_domain,
    senses,
)
from warledger.extractors.events.vocabulary import TriggerWord, vocabulary

VERBAL = {"VERB", "AUX"}
NEVER = {"according", "accordingly"}
NAMES = {"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "EVENT", "LAW", "NORP"}
"""Words whose lemma looks like a trigger's but never are one ("according to" is not an accord)."""
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


def _in_name(token: Token) -> bool:
    """A word inside a proper name ("Government of National Accord", "Operation Peace Spring")."""
    if token.pos_ != "PROPN" or token.is_sent_start:
        return False
    if token.ent_type_ in NAMES and token.ent_iob_ == "I":
        return True
    previous = token.doc[token.i - 1]
    return previous.is_title and previous.pos_ == "PROPN" and not previous.is_sent_start


def _fits(entry: TriggerWord, doc: Doc, i: int) -> bool:
    n = len(entry.words)
    if i + n > len(doc) or any(entry.words[k] not in token_keys(doc[i + k]) for k in range(1, n)):
        return False
    if entry.pos == "noun":
        return doc[i + n - 1].pos_ in NOMINAL
    if n == 1:
        return doc[i].pos_ in VERBAL
    return doc[i].pos_ in VERBAL or doc[i].pos_ in NOMINAL


def _in_sense(
    trigger: Trigger,
    doc: Doc,
    fitting: list[TriggerWord],
    sentences: dict[int, tuple[list[Token], list[tuple[int, int]]]],
) -> Trigger | None:
    """The trigger with only the types its sense allows here ("strike" among share prices is a
    labour strike, "clash" among rugby words none): None when no type is left. `sentences` keeps
    each sentence's tokens and set phrases, read once however many triggers it has."""
    sentence = doc[trigger.head].sent
    if sentence.start not in sentences:
        words = list(sentence)
        sentences[sentence.start] = (words, senses().non_event_phrases.find(words))
    tokens, set_phrases = sentences[sentence.start]
    if names_month(doc, trigger.start, trigger.end) or in_set_phrase(
        tokens, trigger.start, trigger.end, set_phrases
    ):
        return None
    kept = [
        t
        for t in (trigger.type, *trigger.alternatives)
        if off_domain(tokens, trigger.start, trigger.end, t) is None
        and not is_complaint(doc, trigger.head, t)
    ]
    if not kept:
        return None
    if kept[0] == trigger.type:
        return dataclasses.replace(trigger, alternatives=tuple(kept[1:]))
    size = trigger.end - trigger.start
    guard = next((e.guard for e in fitting if e.type == kept[0] and len(e.words) == size), None)
    return Trigger(trigger.start, trigger.end, trigger.head, kept[0], trigger.pos, guard, ())


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every trigger phrase, longest match first, left to right, without overlaps, in the sense
    its sentence allows (events/data/senses.yaml)."""
    index = vocabulary().triggers
    found: list[Trigger] = []
    sentences: dict[int, tuple[list[Token], list[tuple[int, int]]]] = {}
    i = 0
    while i < len(doc):
        token = doc[i]
        fitting: list[TriggerWord] = []
        keys = [key for key in token_keys(token) if key in index]  # most words start no trigger
        if (
            keys
            and not token.is_punct
            and not token.is_space
            and token.lower_ not in NEVER
            and not _in_name(token)
        ):
            for key in keys:
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
        trigger = _in_sense(
            Trigger(i, end, head, best.type, best.pos, best.guard, others), doc, fitting, sentences
        )
        if trigger is not None:
            found.append(trigger)
        i = end
    return found
