"""Read the per-document records of a store into a `Corpus` (read only)."""

from __future__ import annotations

import json
from typing import Any

from warledger.resolve.records import (
    ActorRec,
    Corpus,
    Doc,
    EventRec,
    PlaceRec,
    RelationRec,
    SourceRec,
)
from warledger.store import Store

ROLES = ("agent", "patient", "partner", "beneficiary", "location", "origin", "destination")


def load_corpus(store: Store) -> Corpus:
    con = store.con
    corpus = Corpus()
    for row in con.execute(
        "SELECT id, published, outlet, title, url FROM documents ORDER BY id"
    ).fetchall():
        corpus.docs[row[0]] = Doc(*row)
    for d, i, name, kind, country, kb_id, aliases in con.execute(
        "SELECT document_id, id, name, kind, country, kb_id, aliases FROM actors"
    ).fetchall():
        rec = ActorRec(d, i, name, kind, country, kb_id, tuple(json.loads(aliases or "[]")))
        corpus.actors[rec.key] = rec
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for d, i, start, end in con.execute(
        "SELECT document_id, record_id, start_char, end_char FROM mentions WHERE kind = 'place'"
    ).fetchall():
        spans.setdefault((d, i), []).append((start, end))
    for d, i, name, kind, country, admin1, lat, lon, geonames_id in con.execute(
        "SELECT document_id, id, name, kind, country, admin1, lat, lon, geonames_id FROM places"
    ).fetchall():
        key = (d, i)
        found = PlaceRec(
            d,
            i,
            name,
            kind,
            country,
            admin1,
            lat,
            lon,
            geonames_id,
            tuple(sorted(spans.get(key, []))),
        )
        corpus.places[key] = found
        corpus.places_of.setdefault(found.document_id, []).append(found)
    for row in con.execute("SELECT document_id, id, name, kind FROM sources").fetchall():
        corpus.sources[(row[0], row[1])] = SourceRec(*row)
    for d, record in con.execute(
        "SELECT document_id, record FROM events ORDER BY document_id, id"
    ).fetchall():
        corpus.events.append(_event(d, json.loads(record)))
    for d, record in con.execute(
        "SELECT document_id, record FROM relations ORDER BY document_id, id"
    ).fetchall():
        corpus.relations.append(_relation(d, json.loads(record)))
    return corpus


def _event(d: str, r: dict[str, Any]) -> EventRec:
    when = r.get("when") or {}
    attribution = r.get("attribution") or {}
    evidence = r.get("evidence") or []
    return EventRec(
        document_id=d,
        id=r["id"],
        type=r["type"],
        roles={role: list(r.get(role) or []) for role in ROLES},
        when_start=when.get("start"),
        when_end=when.get("end"),
        precision=when.get("precision"),
        quantity=r.get("quantity"),
        fatalities=r.get("fatalities"),
        money=r.get("money"),
        terms=list(r.get("terms") or []),
        negated=bool(r.get("negated")),
        certainty=attribution.get("certainty") or "asserted",
        chain=list(attribution.get("chain") or []),
        evidence=evidence[0]["text"] if evidence else "",
        sentences=tuple(span["text"] for span in evidence),
        spans=tuple((span["start"], span["end"]) for span in evidence),
    )


def _relation(d: str, r: dict[str, Any]) -> RelationRec:
    when = r.get("when") or {}
    attribution = r.get("attribution") or {}
    return RelationRec(
        document_id=d,
        id=r["id"],
        type=r["type"],
        source=r["source"],
        target=r["target"],
        when_start=when.get("start"),
        when_end=when.get("end"),
        certainty=attribution.get("certainty") or "asserted",
        chain=tuple(attribution.get("chain") or []),
        derived_from=tuple(r.get("derived_from") or []),
    )
