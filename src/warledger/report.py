"""The report record types of SCHEMA.md and their JSON form.

Records are plain dataclasses; `Report.to_dict()` gives the JSON object of the public contract
(`warledger.report/1`). Field names are the schema's names, so the mapping stays one-to-one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, is_dataclass
from typing import Any, Literal

SCHEMA_ID = "warledger.report/1"

Certainty = Literal["asserted", "reported", "alleged", "hedged", "speculative", "denied"]
Precision = Literal["day", "week", "month", "year", "unknown"]


@dataclass(frozen=True)
class Span:
    """Character offsets into the normalised document text, end exclusive."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass
class When:
    text: str | None
    start: str | None
    end: str | None
    precision: Precision
    anchor: str | None = None


@dataclass
class Quantity:
    text: str
    value: float | None
    approximate: bool = False
    low: float | None = None
    high: float | None = None
    unit: str | None = None


@dataclass
class Money:
    text: str
    amount: float | None
    currency: str | None
    per: str | None = None


@dataclass
class Duration:
    text: str
    days: float | None


@dataclass
class Attribution:
    sources: list[str] = field(default_factory=list)
    chain: list[str] = field(default_factory=list)
    cue: str | None = None
    certainty: Certainty = "asserted"
    statement: str | None = None


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    kb_id: str | None = None
    wikidata: str | None = None
    acled_name: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Place:
    id: str
    name: str
    kind: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Source:
    id: str
    name: str
    kind: str
    description: str | None = None
    channel: str | None = None
    actor: str | None = None


@dataclass
class Statement:
    id: str
    source: str | None
    source_span: Span | None
    cue_span: Span | None
    content_span: Span
    certainty: Certainty = "reported"
    chain: list[str] = field(default_factory=list)
    """Source ids from the original speaker to the publishing outlet (an additional field)."""


@dataclass
class Event:
    id: str
    type: str
    evidence: list[Span]
    acled: dict[str, str] | None = None
    plover: str | None = None
    agent: list[str] = field(default_factory=list)
    patient: list[str] = field(default_factory=list)
    partner: list[str] = field(default_factory=list)
    beneficiary: list[str] = field(default_factory=list)
    location: list[str] = field(default_factory=list)
    origin: list[str] = field(default_factory=list)
    destination: list[str] = field(default_factory=list)
    when: When | None = None
    quantity: Quantity | None = None
    fatalities: Quantity | None = None
    injured: Quantity | None = None
    money: Money | None = None
    duration: Duration | None = None
    terms: list[str] = field(default_factory=list)
    purpose: str | None = None
    negated: bool = False
    attribution: Attribution = field(default_factory=Attribution)
    confidence: float = 0.5
    main: bool = False
    """The document's main event: the one an ACLED-style coder makes the document's row
    (`extractors/events/salience.py`); at most one event of a report has it."""


@dataclass
class Relation:
    id: str
    type: str
    source: str
    target: str
    evidence: list[Span]
    attribution: Attribution = field(default_factory=Attribution)
    mode: str | None = None
    when: When | None = None
    derived_from: list[str] = field(default_factory=list)
    confidence: float = 0.5


@dataclass
class DocumentInfo:
    id: str
    chars: int
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str = "en"
    input: str | None = None


@dataclass
class Report:
    document: DocumentInfo
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        body = _plain(self)
        return {"schema": SCHEMA_ID, **body}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)


def _plain(value: Any) -> Any:
    """JSON-ready copy of records; `dataclasses.asdict` deep-copies and costs ~10x more."""
    if is_dataclass(value) and not isinstance(value, type):
        return {key: _plain(item) for key, item in vars(value).items() if not key.startswith("_")}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value
