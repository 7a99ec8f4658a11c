"""A Report as table rows: one function per table, in the column order of migrations/001_init.sql."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from warledger.document import Document
from warledger.report import Report, Span

Row = tuple[Any, ...]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def document_row(document: Document, body: dict[str, Any], ingested_at: datetime) -> Row:
    """The documents row; `body` is the report's `to_dict()`, computed once by the caller."""
    return (
        document.id,
        document.url,
        document.title,
        document.outlet,
        document.published,
        document.language,
        len(document.text),
        document.input,
        document.text,
        ingested_at,
        _json(body),
    )


def table_rows(
    document_id: str, report: Report, body: dict[str, Any]
) -> Iterator[tuple[str, list[Row]]]:
    """(table, rows) for every record table, documents excepted, mentions last."""
    d = document_id
    yield (
        "actors",
        [
            (
                d,
                a.id,
                a.name,
                a.kind,
                a.role,
                a.country,
                a.kb_id,
                a.wikidata,
                a.acled_name,
                _json(a.aliases),
            )
            for a in report.actors
        ],
    )
    yield (
        "places",
        [
            (d, p.id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.geonames_id)
            for p in report.places
        ],
    )
    yield (
        "sources",
        [(d, s.id, s.name, s.kind, s.description, s.channel, s.actor) for s in report.sources],
    )
    yield (
        "statements",
        [
            (
                d,
                s.id,
                s.source,
                s.certainty,
                s.source_span.text if s.source_span else None,
                s.cue_span.text if s.cue_span else None,
                s.content_span.text,
            )
            for s in report.statements
        ],
    )
    yield (
        "events",
        [_event_row(d, e, record) for e, record in zip(report.events, body["events"], strict=True)],
    )
    yield (
        "relations",
        [
            (
                d,
                r.id,
                r.type,
                r.source,
                r.target,
                r.mode,
                r.when.start if r.when else None,
                r.when.end if r.when else None,
                r.attribution.certainty,
                r.attribution.statement,
                r.confidence,
                _json(record),
            )
            for r, record in zip(report.relations, body["relations"], strict=True)
        ],
    )
    yield "mentions", list(mention_rows(d, report))


def _event_row(d: str, e: Any, record: dict[str, Any]) -> Row:
    return (
        d,
        e.id,
        e.type,
        (e.acled or {}).get("event_type"),
        (e.acled or {}).get("sub_event_type"),
        e.plover,
        _json(e.agent),
        _json(e.patient),
        _json(e.partner),
        _json(e.beneficiary),
        _json(e.location),
        _json(e.origin),
        _json(e.destination),
        e.when.text if e.when else None,
        e.when.start if e.when else None,
        e.when.end if e.when else None,
        e.when.precision if e.when else None,
        e.quantity.value if e.quantity else None,
        e.fatalities.value if e.fatalities else None,
        e.injured.value if e.injured else None,
        e.money.amount if e.money else None,
        e.money.currency if e.money else None,
        e.money.per if e.money else None,
        e.negated,
        e.attribution.certainty,
        e.attribution.statement,
        e.confidence,
        _json(record),
    )


def mention_rows(d: str, report: Report) -> Iterator[Row]:
    """Every evidence span of the report, tagged with the record it supports."""

    def rows(record_id: str, kind: str, spans: list[Span]) -> Iterator[Row]:
        for span in spans:
            yield (d, record_id, kind, span.start, span.end, span.text)

    for actor in report.actors:
        yield from rows(actor.id, "actor", actor.mentions)
    for place in report.places:
        yield from rows(place.id, "place", place.mentions)
    for event in report.events:
        yield from rows(event.id, "event", event.evidence)
    for relation in report.relations:
        yield from rows(relation.id, "relation", relation.evidence)
    for statement in report.statements:
        yield from rows(statement.id, "statement", [statement.content_span])
        if statement.source_span:
            yield from rows(statement.id, "statement_source", [statement.source_span])
        if statement.cue_span:
            yield from rows(statement.id, "statement_cue", [statement.cue_span])
