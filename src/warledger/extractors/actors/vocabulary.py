"""The actor vocabulary: conflict heads, modifiers, roles and resolution rules, read once from
extractors/actors/data/actors.yaml and coref.yaml, plus country indexes built from the KB."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from warledger.kb.load import load_kb
from warledger.kb.model import alias_key
from warledger.yaml_data import load_yaml


@dataclass(frozen=True)
class Head:
    """A noun that makes its noun phrase an actor ("fighters", "troops", "civilians")."""

    kind: str
    armed: bool = False
    acled: str | None = None
    """An ACLED collective template key, or a state force: military, police, government."""
    needs_qualifier: bool = False
    """Only an actor with a nationality, side or affiliation ("Turkish forces", not "forces")."""
    needs_affiliation: bool = False
    """Only an actor with an affiliation ("members of the LNA")."""
    plural_only: bool = False
    only_unidentified: bool = False
    """Only an actor when unidentified ("an unknown party")."""
    asset: bool = False
    """A thing a side owns ("regime positions", "a QSD vehicle", "civilian homes"): the phrase
    stands for its owner, named by the modifier, a possessor or "belonging to / operated by X"."""


@dataclass(frozen=True)
class Description:
    """A definite description ("the group") and the kinds of actor it refers back to."""

    kinds: tuple[str, ...]
    fallback: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    heads: dict[str, Head]
    modifiers: dict[str, frozenset[str]]
    affiliation_preps: frozenset[str]
    affiliation_words: frozenset[str]
    owner_words: frozenset[str]
    not_asset_modifiers: frozenset[str]
    suspected_links: frozenset[str]
    origin_preps: frozenset[str]
    backer_words: frozenset[str]
    roles: frozenset[str]
    place_nouns: frozenset[str]
    protest_verbs: frozenset[str]
    riot_verbs: frozenset[str]
    attacker_heads: frozenset[str]
    attack_verbs: frozenset[str]
    passive_attacker_heads: frozenset[str]
    armed_attack_verbs: frozenset[str]
    force_suffixes: frozenset[str]
    protest_objects: frozenset[str]
    place_prepositions: frozenset[str]
    org_kind_words: tuple[tuple[str, tuple[str, ...]], ...]
    descriptions: dict[str, Description]
    description_modifiers: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    speech_verbs: frozenset[str]

    def modified(self, word: str, group: str) -> bool:
        return word in self.modifiers[group]


def _read(name: str) -> dict[str, Any]:
    path = files("warledger.extractors.actors").joinpath("data", name)
    return load_yaml(path.read_text(encoding="utf-8"))


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = _read("actors.yaml")
    coref = _read("coref.yaml")
    return Vocabulary(
        heads={str(k): Head(**v) for k, v in data["heads"].items()},
        modifiers={k: _words(v) for k, v in data["modifiers"].items()},
        affiliation_preps=_words(data["affiliation_preps"]),
        affiliation_words=_words(data["affiliation_words"]),
        owner_words=_words(data["owner_words"]),
        not_asset_modifiers=_words(data["not_asset_modifiers"]),
        suspected_links=_words(data["suspected_links"]),
        origin_preps=_words(data["origin_preps"]),
        backer_words=_words(data["backer_words"]),
        roles=_words(data["roles"]),
        place_nouns=_words(data["place_nouns"]),
        protest_verbs=_words(data["protest_verbs"]),
        riot_verbs=_words(data["riot_verbs"]),
        attacker_heads=_words(data["attacker_heads"]),
        attack_verbs=_words(data["attack_verbs"]),
        passive_attacker_heads=_words(data["passive_attacker_heads"]),
        armed_attack_verbs=_words(data["armed_attack_verbs"]),
        force_suffixes=_words(data["force_suffixes"]),
        protest_objects=_words(data["protest_objects"]),
        place_prepositions=_words(data["place_prepositions"]),
        org_kind_words=tuple(
            (k, tuple(str(w).lower() for w in v)) for k, v in data["org_kind_words"].items()
        ),
        descriptions={
            str(k): Description(tuple(v["kinds"]), v.get("else"))
            for k, v in coref["definite_descriptions"].items()
        },
        description_modifiers=_words(coref["description_modifiers"]),
        pronouns={k: _words(v) for k, v in coref["pronouns"].items()},
        speech_verbs=_words(coref["speech_verbs"]),
    )


@dataclass(frozen=True)
class CountryIndex:
    """Country names, demonyms and metonyms -> ISO3, from the knowledge base."""

    names: dict[str, str]
    demonyms: dict[str, str]
    metonyms: dict[str, str]

    def country_of_name(self, text: str) -> str | None:
        return self.names.get(alias_key(text))

    def country_of_demonym(self, text: str) -> str | None:
        return self.demonyms.get(text.casefold())

    def country_of_metonym(self, text: str) -> str | None:
        return self.metonyms.get(alias_key(text))


@lru_cache(maxsize=1)
def country_index() -> CountryIndex:
    kb = load_kb()
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    metonyms: dict[str, str] = {}
    for country in kb.countries.values():
        for name in (country.name, *country.aliases, country.acled_country or country.name):
            names.setdefault(alias_key(name), country.iso3)
        for demonym in country.demonyms:
            demonyms.setdefault(demonym.casefold(), country.iso3)
        for metonym in country.metonyms:
            metonyms.setdefault(alias_key(metonym), country.iso3)
    return CountryIndex(names, demonyms, metonyms)
