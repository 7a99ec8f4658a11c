"""The relation rule data (relations/data/relations.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warledger.extractors.events.lexicon import Lexicon
from warledger.yaml_data import load_yaml

PATH = Path(__file__).resolve().parent / "data" / "relations.yaml"


@dataclass(frozen=True)
class Stated:
    type: str
    mode: str | None
    symmetric: bool
    verbs: frozenset[str]
    compound_participles: frozenset[str]
    passive_participles: frozenset[str]
    adjectives: frozenset[str]
    nouns_of: frozenset[str]


@dataclass(frozen=True)
class Derived:
    event: str
    source_role: str
    target_role: str
    relation: str
    mode: str | None


@dataclass(frozen=True)
class RelationRules:
    stated: tuple[Stated, ...]
    opposing_sides: Lexicon
    derived: tuple[Derived, ...]
    stated_lemmas: frozenset[str] = frozenset()
    """Every lemma some stated rule reads (verbs, adjectives, nouns)."""
    stated_words: frozenset[str] = frozenset()
    """Every word form some stated rule reads (participles)."""


def _words(spec: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in spec.get(key) or ())


@lru_cache(maxsize=1)
def relation_rules() -> RelationRules:
    data = load_yaml(PATH.read_text(encoding="utf-8"))
    stated = tuple(
        Stated(
            type=name,
            mode=spec.get("mode"),
            symmetric=bool(spec.get("symmetric")),
            verbs=_words(spec, "verbs"),
            compound_participles=_words(spec, "compound_participles"),
            passive_participles=_words(spec, "passive_participles"),
            adjectives=_words(spec, "adjectives"),
            nouns_of=_words(spec, "nouns_of"),
        )
        for name, spec in data["stated"].items()
    )
    derived = tuple(
        Derived(d["event"], d["from"], d["to"], d["relation"], d.get("mode"))
        for d in data["derived"]
    )
    lemmas = frozenset().union(*(r.verbs | r.adjectives | r.nouns_of for r in stated))
    words = frozenset().union(*(r.compound_participles | r.passive_participles for r in stated))
    return RelationRules(stated, Lexicon(data["opposing_sides"]), derived, lemmas, words)
