"""ACLED actor strings as (kind, country) profiles, so that actors are scored by what they are and
not only by ACLED's exact spelling. The rules are data: `evaluate/data/acled_actors.yaml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warledger.evaluate.countries import iso3_for
from warledger.evaluate.data_files import load_data

TRAILING_COUNTRY = re.compile(r"\(([A-Za-z][^()]*)\)\s*$")


@dataclass(frozen=True)
class ActorProfile:
    kind: str
    country: str | None


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    kind: str
    row_country: bool


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    data = load_data("acled_actors")
    return tuple(
        _Rule(re.compile(r["pattern"]), str(r["kind"]), r.get("country") == "row")
        for r in data["rules"]
    )


@lru_cache(maxsize=1)
def _equivalents() -> dict[str, frozenset[str]]:
    data = load_data("acled_actors")
    return {k: frozenset(v) for k, v in data["equivalent_kinds"].items()}


@lru_cache(maxsize=4096)
def acled_actor_profile(name: str, row_country: str | None = None) -> ActorProfile | None:
    """ "Military Forces of Syria (2000-)" -> military SYR; "Civilians (Libya)" -> civilians LBY;
    a named group -> armed_group in the row's country (`row_country`, ISO3)."""
    name = " ".join(name.split())
    if not name:
        return None
    for rule in _rules():
        match = rule.pattern.fullmatch(name)
        if not match:
            continue
        country = None
        named = match.groupdict().get("country")
        if named:
            country = iso3_for(named)
        if country is None:
            trailing = TRAILING_COUNTRY.search(name)
            country = iso3_for(trailing.group(1)) if trailing else None
        if country is None and rule.row_country:
            country = row_country
        return ActorProfile(rule.kind, country)
    return None


def profile_matches(gold: ActorProfile, kind: str | None, country: str | None) -> bool:
    """A system actor of `kind` and `country` is the gold actor's kind (see `equivalent_kinds`)
    and country (any country when the gold string names none)."""
    if kind is None or kind not in _equivalents().get(gold.kind, frozenset({gold.kind})):
        return False
    return gold.country is None or gold.country == country
