"""Hand-built documents and reports for the resolve tests: no spaCy, exact values."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from warledger.document import Document
from warledger.kb import KnowledgeBase
from warledger.report import (
    Actor,
    Attribution,
    DocumentInfo,
    Event,
    Money,
    Place,
    Quantity,
    Relation,
    Report,
    Source,
    Span,
    When,
)
from warledger.resolve import ResolveSummary, resolve
from warledger.store import Store

QUNEITRA = ("Quneitra", "city", "SYR", "Quneitra", 33.126, 35.825)
ANSONGO = ("Ansongo", "city", "MLI", "Gao", 15.665, 0.503)
GAO = ("Gao", "city", "MLI", "Gao", 16.272, -0.044)
LIBYA = ("Libya", "country", "LBY", None, 32.887, 13.187)
BENGHAZI = ("Benghazi", "city", "LBY", "Benghazi", 32.115, 20.069)


def actor(
    ident: str, name: str, kind: str, country: str | None = None, kb_id: str | None = None
) -> Actor:
    return Actor(id=ident, name=name, kind=kind, country=country, kb_id=kb_id)


def place(ident: str, spec: tuple[Any, ...]) -> Place:
    name, kind, country, admin1, lat, lon = spec
    return Place(id=ident, name=name, kind=kind, country=country, admin1=admin1, lat=lat, lon=lon)


def quantity(
    text: str, value: float | None, low: float | None = None, high: float | None = None
) -> Quantity:
    return Quantity(text=text, value=value, low=low, high=high, approximate=value is None)


def event(ident: str, type: str, day: str | None = None, **fields: Any) -> Event:
    """An event; `day` (YYYY-MM-DD) gives a day-precision `when`; `chain` a list of source ids."""
    chain = fields.pop("chain", [])
    certainty = fields.pop("certainty", "reported" if chain else "asserted")
    when = When(text=day, start=day, end=day, precision="day") if day else fields.pop("when", None)
    return Event(
        id=ident,
        type=type,
        evidence=[],
        when=when,
        attribution=Attribution(sources=list(chain), chain=list(chain), certainty=certainty),
        **fields,
    )


class Corpus:
    """Documents added one by one to an in-memory store, then resolved."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.ids: dict[str, str] = {}

    def add(
        self,
        name: str,
        text: str,
        published: str | None,
        outlet: str | None = None,
        actors: list[Actor] | None = None,
        places: list[Place] | None = None,
        sources: list[Source] | None = None,
        events: list[Event] | None = None,
        relations: list[Relation] | None = None,
    ) -> str:
        document = Document.make(text, published=published, outlet=outlet, title=name)
        evidence = [Span.of(document.text, 0, len(document.text))]
        for item in events or []:
            item.evidence = item.evidence or evidence
        for item in relations or []:
            item.evidence = item.evidence or evidence
        report = Report(
            document=DocumentInfo(
                id=document.id,
                chars=len(document.text),
                title=name,
                outlet=outlet,
                published=published,
            ),
            actors=actors or [],
            places=places or [],
            sources=sources or [],
            events=events or [],
            relations=relations or [],
        )
        self.store.save(document, report)
        self.ids[name] = document.id
        return document.id

    def resolve(self) -> ResolveSummary:
        return resolve(self.store, kb=KnowledgeBase())

    def global_event(self, name: str, event_id: str) -> str:
        row = self.store.con.execute(
            "SELECT global_id FROM event_members WHERE document_id = ? AND event_id = ?",
            [self.ids[name], event_id],
        ).fetchone()
        assert row is not None
        return str(row[0])

    def global_actor(self, name: str, actor_id: str) -> str:
        row = self.store.con.execute(
            "SELECT global_id FROM actor_members WHERE document_id = ? AND actor_id = ?",
            [self.ids[name], actor_id],
        ).fetchone()
        assert row is not None
        return str(row[0])


@pytest.fixture(params=["duckdb", "postgresql"])
def corpus(request: pytest.FixtureRequest) -> Iterator[Corpus]:
    """An empty store of each backend in turn: DuckDB in memory, then a PostgreSQL schema."""
    target = ":memory:" if request.param == "duckdb" else request.getfixturevalue("pg_url")
    with Store.open(target) as store:
        yield Corpus(store)


__all__ = ["Money", "Relation", "Source"]
