"""The plain records resolution reads: per-document rows of the store, keyed (document_id, id)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

Key = tuple[str, str]
"""(document_id, record id): record ids are local to their document."""


@dataclass(frozen=True)
class Doc:
    id: str
    published: date | None
    outlet: str | None
    title: str | None
    url: str | None


@dataclass(frozen=True)
class ActorRec:
    document_id: str
    id: str
    name: str
    kind: str
    country: str | None
    kb_id: str | None
    aliases: tuple[str, ...] = ()

    @property
    def key(self) -> Key:
        return (self.document_id, self.id)


@dataclass(frozen=True)
class PlaceRec:
    document_id: str
    id: str
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    mentions: tuple[tuple[int, int], ...] = ()
    """Character spans where the document names it."""


@dataclass(frozen=True)
class SourceRec:
    document_id: str
    id: str
    name: str
    kind: str


@dataclass
class EventRec:
    document_id: str
    id: str
    type: str
    roles: dict[str, list[str]]
    """agent, patient, partner, beneficiary, location, origin, destination -> local ids."""
    when_start: str | None
    when_end: str | None
    precision: str | None
    quantity: dict[str, Any] | None
    fatalities: dict[str, Any] | None
    money: dict[str, Any] | None
    terms: list[str]
    negated: bool
    certainty: str
    chain: list[str]
    """Source ids from the original speaker to the outlet."""
    evidence: str
    """The first evidence span's text (for display)."""
    sentences: tuple[str, ...] = ()
    """Every evidence span's text."""
    spans: tuple[tuple[int, int], ...] = ()
    """Every evidence span's character offsets."""

    @property
    def key(self) -> Key:
        return (self.document_id, self.id)

    def role(self, name: str) -> list[str]:
        return self.roles.get(name, [])


@dataclass(frozen=True)
class RelationRec:
    document_id: str
    id: str
    type: str
    source: str
    target: str
    when_start: str | None
    when_end: str | None
    certainty: str
    chain: tuple[str, ...]
    derived_from: tuple[str, ...]


@dataclass
class Corpus:
    docs: dict[str, Doc] = field(default_factory=dict)
    actors: dict[Key, ActorRec] = field(default_factory=dict)
    places: dict[Key, PlaceRec] = field(default_factory=dict)
    sources: dict[Key, SourceRec] = field(default_factory=dict)
    events: list[EventRec] = field(default_factory=list)
    relations: list[RelationRec] = field(default_factory=list)
    places_of: dict[str, list[PlaceRec]] = field(default_factory=dict)
    """Each document's places."""
