"""Casualty vocabulary (`quantities/data/casualties.yaml`), loaded once, and the test of
whether a token is a casualty word."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from warledger.extractors.quantities.numbers import DATA
from warledger.yaml_data import load_yaml


@dataclass(frozen=True)
class CasualtyVocabulary:
    fatal: frozenset[str]
    injury: frozenset[str]
    active_fatal: frozenset[str]
    active_injury: frozenset[str]
    bridge: frozenset[str]
    one_words: frozenset[str]
    one_pronouns: frozenset[str]
    of_nouns: frozenset[str]
    subset: frozenset[str]
    unknown: frozenset[str]
    unrealised: frozenset[str]
    shoot: frozenset[str]
    collective: frozenset[str]
    reference: frozenset[str]
    zero_both: tuple[re.Pattern[str], ...]
    zero_fatal: tuple[re.Pattern[str], ...]
    zero_injured: tuple[re.Pattern[str], ...]
    coded: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def casualty_vocabulary() -> CasualtyVocabulary:
    with open(DATA / "casualties.yaml", encoding="utf-8") as handle:
        data: dict[str, Any] = load_yaml(handle)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    def regexes(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in data[key])

    return CasualtyVocabulary(
        fatal=words("fatal_verbs") | words("fatal_words"),
        injury=words("injury_verbs") | words("injury_words"),
        active_fatal=words("fatal_verbs"),
        active_injury=words("injury_verbs"),
        bridge=words("bridge_verbs"),
        one_words=words("one_words"),
        one_pronouns=words("one_pronouns"),
        of_nouns=words("of_nouns"),
        subset=words("subset_cues"),
        unknown=words("unknown_counts"),
        unrealised=words("unrealised_heads"),
        shoot=words("shoot_words"),
        collective=words("collective_nouns"),
        reference=words("reference_heads"),
        zero_both=regexes("zero_both"),
        zero_fatal=regexes("zero_fatal"),
        zero_injured=regexes("zero_injured"),
        coded=regexes("coded_fatalities"),
    )


def cue_kinds(token: Token, vocab: CasualtyVocabulary) -> list[str]:
    kinds: list[str] = []
    for part in token.lower_.split("/"):
        lemma = token.lemma_.lower() if "/" not in token.lower_ else part
        if part in vocab.fatal or lemma in vocab.fatal:
            kinds.append("fatal")
        elif part in vocab.injury or lemma in vocab.injury:
            kinds.append("injury")
    return kinds


def earlier_death(cue: Token, vocab: CasualtyVocabulary) -> bool:
    """ "protested against the killing of a student", "demanding justice for the death of two"."""
    if cue.pos_ != "NOUN":
        return False
    governors = [cue.head, cue.head.head, cue.head.head.head]
    return any(
        g.lemma_.lower() in vocab.reference or g.lower_ in vocab.reference for g in governors
    )
