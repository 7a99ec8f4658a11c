"""Sense guards: drop trigger words used in their sport, business, entertainment or technology
sense ("a six nations clash", "a price war", "beat off the competition"), or naming a month
("in March"), driven by the word lists of events/data/senses.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

from warledger.errors import ConfigError
from warledger.extractors.events.lexicon import Lexicon
from warledger.yaml_data import load_yaml

NAMES = frozenset({"ORG", "PERSON", "GPE", "FAC", "NORP", "LOC", "EVENT", "WORK_OF_ART"})
DATA = Path(__file__).resolve().parent / "data" / "senses.yaml"


@dataclass(frozen=True)
class Domain:
    name: str
    types: frozenset[str]
    """The trigger types this domain's words veto."""
    words: Lexicon


@dataclass(frozen=True)
class Senses:
    domains: tuple[Domain, ...]
    anchors: Lexicon
    months: frozenset[str]
    month_preceders: frozenset[str]
    non_event_phrases: Lexicon


def _lexicon(words: list[str]) -> Lexicon:
    """A word list whose hyphenated words match the parser's tokens ("hip - hop")."""
    return Lexicon(str(w).replace("-", " - ") for w in words)


@lru_cache(maxsize=1)
def senses() -> Senses:
    try:
        data = load_yaml(DATA.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:  # pragma: no cover - shipped data
        raise ConfigError(f"cannot read sense guards {DATA}: {exc}") from exc
    default = frozenset(data["vetoed_types"])
    domains = tuple(
        Domain(name, frozenset(spec.get("types") or default), _lexicon(spec["words"]))
        for name, spec in data["domains"].items()
    )
    return Senses(
        domains=domains,
        anchors=_lexicon(data["anchors"]),
        months=frozenset(str(w).lower() for w in data["months"]),
        month_preceders=frozenset(str(w).lower() for w in data["month_preceders"]),
        non_event_phrases=_lexicon(data["non_event_phrases"]),
    )


def names_month(doc: Doc, start: int, end: int) -> bool:
    """ "on 29 March", "March 2020", "in March": a month name, not a march."""
    token = doc[start]
    if end - start != 1 or token.lower_ not in senses().months:
        return False
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if (before is not None and before.like_num) or (after is not None and after.like_num):
        return True
    if token.text[:1].isupper():
        return not token.is_sent_start
    if any(t.text[:1].isupper() for t in token.sent[1:]):
        return False  # cased text: a lower-case "march" is a march
    return before is not None and before.lower_ in senses().month_preceders


def in_set_phrase(
    tokens: list[Token], start: int, end: int, found: list[tuple[int, int]] | None = None
) -> bool:
    """True when the trigger tokens [start, end) are part of a set phrase with no event sense
    (`found`: the set phrases of `tokens`, when the caller has read them already)."""
    offset = tokens[0].i
    if found is None:
        found = senses().non_event_phrases.find(tokens)
    return any(first + offset < end and start < last + offset for first, last in found)


def is_complaint(doc: Doc, head: int, type_: str) -> bool:
    """ "firms protested that the rule was unfair": a verb of protest with a reported clause
    is a complaint, not a demonstration. The clause's "that" follows the verb closely ("protested
    strongly that"); one further on opens a relative clause the parser hung on the verb
    ("protested demanding payment of debts that the state owes them")."""
    token = doc[head]
    return (
        type_ == "PROTEST"
        and token.pos_ == "VERB"
        and any(
            c.dep_ == "ccomp"
            and any(m.lower_ == "that" and 0 < m.i - token.i <= 4 for m in c.children)
            for c in token.children
        )
    )


def _in_name(token: Token) -> bool:
    """A word of a name ("Awami League", "University of Technology"): no domain word."""
    return token.ent_type_ in NAMES or (token.pos_ == "PROPN" and not token.is_lower)


def off_domain(tokens: list[Token], start: int, end: int, type_: str) -> str | None:
    """The domain whose words, outside the trigger tokens [start, end), show that the sentence is
    not about conflict, when it has no conflict anchor; None when the trigger stands."""
    config = senses()
    outside = [t for t in tokens if not start <= t.i < end and not _in_name(t) and t.pos_ != "VERB"]
    for domain in config.domains:
        if type_ in domain.types and domain.words.any_in(outside):
            return None if config.anchors.any_in(tokens) else domain.name
    return None
