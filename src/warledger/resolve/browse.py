"""What a reader browsing the record needs beside the queries: where events and flows are on a
map, the evidence behind an event, a flow, a network edge or an actor (each sentence with its
span, source chain, outlet, date and certainty, and the contradictions), a document with its
extracted records marked, the stored documents and failures, and a name search.

Plain functions from a store to JSON-ready dicts, like `warledger.resolve.queries`, whose rows they
build on; the HTTP API returns them. They never write.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from warledger.errors import QueryError
from warledger.resolve import queries
from warledger.store import Store

Row = dict[str, Any]


def _json(value: Any) -> Any:
    """A JSON column's value: DuckDB gives text, PostgreSQL the parsed value."""
    return json.loads(value) if isinstance(value, str) else value


SENTENCE_ENDS = ".!?\n"
MAX_EVIDENCE = 60
"""At most this many evidence items per answer (an actor in hundreds of reports)."""


# --- where things are ---------------------------------------------------------------------------


def _place_points(
    store: Store,
) -> tuple[dict[tuple[str, str], Row], dict[str, Row], dict[str, Row]]:
    """Located places: by (document, place id), by lower-cased name, and each country's own point."""
    by_record: dict[tuple[str, str], Row] = {}
    by_name: dict[str, Row] = {}
    by_country: dict[str, Row] = {}
    for doc, pid, name, kind, country, lat, lon in store.con.execute(
        "SELECT document_id, id, name, kind, country, lat, lon FROM places "
        "WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY document_id, id"
    ).fetchall():
        point = {"name": name, "country": country, "lat": lat, "lon": lon}
        by_record[(doc, pid)] = point
        by_name.setdefault(name.lower(), point)
        if kind == "country" and country:
            by_country.setdefault(country, point)
    return by_record, by_name, by_country


def locate_events(store: Store, events: list[Row]) -> list[Row]:
    """The events, each with `point` ({name, country, lat, lon}: the first located place among
    its reports' locations, else their destinations, else their origins; else None)."""
    by_record, _, _ = _place_points(store)
    found: dict[str, list[list[Row]]] = {}
    for gid, doc, *roles in store.con.execute(
        "SELECT m.global_id, m.document_id, e.location, e.destination, e.origin "
        "FROM event_members m JOIN events e ON e.document_id = m.document_id "
        "AND e.id = m.event_id ORDER BY m.global_id, m.document_id, m.event_id"
    ).fetchall():
        ranked = found.setdefault(gid, [[], [], []])
        for rank, ids in enumerate(roles):
            ranked[rank] += [by_record[(doc, p)] for p in _json(ids) or [] if (doc, p) in by_record]
    points = {gid: next((r[0] for r in ranked if r), None) for gid, ranked in found.items()}
    return [{**e, "point": points.get(e["id"])} for e in events]


def _end_point(
    names: list[str], country: str | None, by_name: dict[str, Row], by_country: dict[str, Row]
) -> Row | None:
    for name in names:
        point = by_name.get(name.lower())
        if point and (country is None or point["country"] == country):
            return point
    return by_country.get(country) if country else None


def locate_flows(store: Store, flows: list[Row]) -> list[Row]:
    """The flows, each with `origin_point` and `destination_point` (a named place of that end,
    else the country's point, else None) and `size`: the largest number any source gives (a range counts as its low end)."""
    _, by_name, by_country = _place_points(store)
    located = []
    for f in flows:
        figures = [n.get("value") or n.get("low") or n.get("high") or 0 for n in f["numbers"]]
        located.append(
            {
                **f,
                "origin_point": _end_point(
                    f["origin_places"], f["origin_country"], by_name, by_country
                ),
                "destination_point": _end_point(
                    f["destination_places"], f["destination_country"], by_name, by_country
                ),
                "size": max(figures, default=None),
            }
        )
    return located


# --- evidence -----------------------------------------------------------------------------------


def sentence_around(text: str, start: int, end: int) -> Row:
    """The sentence (or sentences) holding text[start:end], with the span's offsets inside it."""
    lo = max((text.rfind(c, 0, start) for c in SENTENCE_ENDS), default=-1) + 1
    ends = [i for c in SENTENCE_ENDS if (i := text.find(c, max(end - 1, start))) != -1]
    hi = min(ends) + 1 if ends else len(text)
    while lo < start and text[lo].isspace():
        lo += 1
    hi = max(hi, end)
    return {"text": text[lo:hi].rstrip(), "start": start - lo, "end": end - lo, "offset": lo}


class _Evidence:
    """Collects evidence items, reading each document's text and sources once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.texts: dict[str, Row] = {}
        self.sources: dict[str, dict[str, Row]] = {}
        self.items: list[Row] = []
        self.seen: set[tuple[str, str, int, int]] = set()

    def _document(self, doc: str) -> Row:
        if doc not in self.texts:
            row = self.store.con.execute(
                "SELECT text, title, outlet, published, url FROM documents WHERE id = ?", [doc]
            ).fetchone()
            text, title, outlet, published, url = row or ("", None, None, None, None)
            self.texts[doc] = {
                "text": text,
                "title": title,
                "outlet": outlet,
                "published": str(published) if published else None,
                "url": url,
            }
            self.sources[doc] = {
                sid: {"name": name, "kind": kind}
                for sid, name, kind in self.store.con.execute(
                    "SELECT id, name, kind FROM sources WHERE document_id = ?", [doc]
                ).fetchall()
            }
        return self.texts[doc]

    def add(self, doc: str, kind: str, record_id: str, record: Row, about: str) -> None:
        meta = self._document(doc)
        attribution = record.get("attribution") or {}
        sources = self.sources[doc]
        chain = [sources.get(s, {"name": s, "kind": None}) for s in attribution.get("chain", [])]
        for span in record.get("evidence", []):
            key = (doc, about, span["start"], span["end"])
            if key in self.seen or len(self.items) >= MAX_EVIDENCE:
                continue
            self.seen.add(key)
            self.items.append(
                {
                    "document_id": doc,
                    "record": record_id,
                    "kind": kind,
                    "about": about,
                    "type": record.get("type"),
                    "certainty": attribution.get("certainty"),
                    "cue": attribution.get("cue"),
                    "chain": chain,
                    "negated": record.get("negated", False),
                    "title": meta["title"],
                    "outlet": meta["outlet"],
                    "published": meta["published"],
                    "url": meta["url"],
                    "sentence": sentence_around(meta["text"], span["start"], span["end"]),
                }
            )

    def events(self, global_ids: Iterable[str]) -> None:
        for gid in global_ids:
            for doc, eid, record in self.store.con.execute(
                "SELECT m.document_id, m.event_id, e.record FROM event_members m "
                "JOIN events e ON e.document_id = m.document_id AND e.id = m.event_id "
                "LEFT JOIN documents d ON d.id = m.document_id WHERE m.global_id = ? "
                "ORDER BY d.published NULLS LAST, m.document_id, m.event_id",
                [gid],
            ).fetchall():
                self.add(doc, "event", eid, _json(record), gid)


def _contradictions(store: Store, event_ids: Iterable[str]) -> list[Row]:
    wanted = set(event_ids)
    return [c for c in queries.contradictions(store) if c["global_event_id"] in wanted]


def event_evidence(store: Store, event_id: str) -> Row:
    """One global event: its row, its reports, each evidence sentence, its contradictions."""
    rows = [e for e in queries.events(store) if e["id"] == event_id]
    if not rows:
        raise QueryError(f"no event {event_id!r}; /api/events lists them")
    found = _Evidence(store)
    found.events([event_id])
    return {
        "kind": "event",
        "id": event_id,
        "label": f"{rows[0]['type']} {rows[0]['when_start'] or ''}".strip(),
        "event": rows[0],
        "reports": queries.event_reports(store, event_id),
        "evidence": found.items,
        "contradictions": _contradictions(store, [event_id]),
    }


def flow_evidence(store: Store, flow_id: str) -> Row:
    """One fighter flow: its row, the evidence of the events behind it, their contradictions."""
    rows = [f for f in queries.flows(store) if f["id"] == flow_id]
    if not rows:
        raise QueryError(f"no flow {flow_id!r}; /api/flows lists them")
    flow = rows[0]
    found = _Evidence(store)
    found.events(flow["events"])
    return {
        "kind": "flow",
        "id": flow_id,
        "label": f"{flow['origin_country'] or '?'} -> {flow['destination_country'] or '?'}",
        "flow": flow,
        "evidence": found.items,
        "contradictions": _contradictions(store, flow["events"]),
    }


def edge_evidence(store: Store, source: str, target: str, type: str) -> Row:
    """One network edge: the relations stated between the two actors' records, then the events
    that imply it, each with its evidence; and those events' contradictions."""
    edges = [
        e
        for e in queries.network(store)
        if e["source_id"] == source and e["target_id"] == target and e["type"] == type.upper()
    ]
    if not edges:
        raise QueryError(f"no {type} edge from {source!r} to {target!r}; /api/network lists them")
    edge = edges[0]
    found = _Evidence(store)
    for doc, rid, record in store.con.execute(
        "SELECT r.document_id, r.id, r.record FROM relations r "
        "JOIN actor_members s ON s.document_id = r.document_id AND s.actor_id = r.source "
        "JOIN actor_members t ON t.document_id = r.document_id AND t.actor_id = r.target "
        "WHERE s.global_id = ? AND t.global_id = ? AND r.type = ? "
        "ORDER BY r.document_id, r.id",
        [source, target, edge["type"]],
    ).fetchall():
        found.add(doc, "relation", rid, _json(record), f"{source}|{edge['type']}|{target}")
    found.events(edge["events"])
    return {
        "kind": "edge",
        "id": f"{source}|{edge['type']}|{target}",
        "label": f"{edge['source']} {edge['type']} {edge['target']}",
        "edge": edge,
        "evidence": found.items,
        "contradictions": _contradictions(store, edge["events"]),
    }


def actor_evidence(store: Store, actor_id: str) -> Row:
    """One actor: the evidence of the events it takes part in and the relations it has."""
    found_actor = queries.actor(store, actor_id)
    found = _Evidence(store)
    for edge in found_actor["relations"]:
        for doc, rid, record in store.con.execute(
            "SELECT r.document_id, r.id, r.record FROM relations r "
            "JOIN actor_members s ON s.document_id = r.document_id AND s.actor_id = r.source "
            "JOIN actor_members t ON t.document_id = r.document_id AND t.actor_id = r.target "
            "WHERE s.global_id = ? AND t.global_id = ? AND r.type = ? "
            "ORDER BY r.document_id, r.id",
            [edge["source_id"], edge["target_id"], edge["type"]],
        ).fetchall():
            found.add(doc, "relation", rid, _json(record), found_actor["id"])
    event_ids = [e["id"] for e in found_actor["events"]]
    found.events(event_ids)
    return {
        "kind": "actor",
        "id": found_actor["id"],
        "label": found_actor["name"],
        "actor": {k: v for k, v in found_actor.items() if k not in ("relations", "events")},
        "evidence": found.items,
        "contradictions": _contradictions(store, event_ids),
    }


# --- documents, failures, search ----------------------------------------------------------------


def documents(store: Store, limit: int = 100, offset: int = 0) -> list[Row]:
    """Stored documents, newest publication first (undated last), without their text."""
    cursor = store.con.execute(
        "SELECT id, title, outlet, CAST(published AS VARCHAR) AS published, url, input, chars, "
        "CAST(ingested_at AS VARCHAR) AS ingested_at FROM documents "
        "ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
        [limit, offset],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def document(store: Store, document_id: str) -> Row:
    """One document: its text, and every actor, place and event span in it with its record."""
    row = store.con.execute(
        "SELECT id, title, outlet, CAST(published AS VARCHAR), url, input, chars, text "
        "FROM documents WHERE id = ?",
        [document_id],
    ).fetchone()
    if row is None:
        raise QueryError(f"no document {document_id!r}; /api/documents lists them")
    keys = ["id", "title", "outlet", "published", "url", "input", "chars", "text"]
    found: Row = dict(zip(keys, row, strict=True))
    found["actors"] = [
        {"id": i, "name": n, "kind": k, "country": c, "global_id": g}
        for i, n, k, c, g in store.con.execute(
            "SELECT a.id, a.name, a.kind, a.country, m.global_id FROM actors a "
            "LEFT JOIN actor_members m ON m.document_id = a.document_id AND m.actor_id = a.id "
            "WHERE a.document_id = ? ORDER BY a.id",
            [document_id],
        ).fetchall()
    ]
    found["places"] = [
        {"id": i, "name": n, "kind": k, "country": c, "lat": la, "lon": lo}
        for i, n, k, c, la, lo in store.con.execute(
            "SELECT id, name, kind, country, lat, lon FROM places WHERE document_id = ? ORDER BY id",
            [document_id],
        ).fetchall()
    ]
    found["events"] = [
        {"id": i, "type": t, "certainty": c, "negated": n, "global_id": g}
        for i, t, c, n, g in store.con.execute(
            "SELECT e.id, e.type, e.certainty, e.negated, m.global_id FROM events e "
            "LEFT JOIN event_members m ON m.document_id = e.document_id AND m.event_id = e.id "
            "WHERE e.document_id = ? ORDER BY e.id",
            [document_id],
        ).fetchall()
    ]
    labels = {("actor", a["id"]): a["name"] for a in found["actors"]}
    labels |= {("place", p["id"]): p["name"] for p in found["places"]}
    labels |= {("event", e["id"]): e["type"] for e in found["events"]}
    found["spans"] = [
        {"start": s, "end": e, "kind": k, "record": r, "label": labels.get((k, r), r)}
        for r, k, s, e in store.con.execute(
            "SELECT record_id, kind, start_char, end_char FROM mentions "
            "WHERE document_id = ? AND kind IN ('actor', 'place', 'event') "
            "ORDER BY start_char, end_char DESC, kind, record_id",
            [document_id],
        ).fetchall()
    ]
    return found


def report(store: Store, document_id: str) -> Row:
    """The document's whole stored report (`warledger.report/1`, as `warledger extract` prints)."""
    row = store.con.execute("SELECT report FROM documents WHERE id = ?", [document_id]).fetchone()
    if row is None:
        raise QueryError(f"no document {document_id!r}; /api/documents lists them")
    found: Row = _json(row[0])
    return found


def failures(store: Store, include_resolved: bool = False) -> list[Row]:
    """The inputs that could not be read or processed, with the reason and message."""
    return [
        {
            "input": f.input,
            "reason": f.reason,
            "message": f.message,
            "first_seen": str(f.first_seen),
            "last_seen": str(f.last_seen),
            "attempts": f.attempts,
            "resolved": f.resolved,
        }
        for f in store.failures(include_resolved=include_resolved)
    ]


def search(store: Store, text: str, limit: int = 20) -> Row:
    """Actors whose name or alias holds `text`, and located places whose name does."""
    needle = text.strip().lower()
    if not needle:
        return {"actors": [], "places": []}
    actors = queries.actors(store, name=needle, limit=limit)
    places = [
        {"name": n, "country": c, "lat": la, "lon": lo, "documents": d}
        for n, c, la, lo, d in store.con.execute(
            "SELECT name, min(country), avg(lat), avg(lon), count(DISTINCT document_id) AS d "
            "FROM places WHERE lat IS NOT NULL AND strpos(lower(name), ?) > 0 "
            "GROUP BY name ORDER BY d DESC, name LIMIT ?",
            [needle, limit],
        ).fetchall()
    ]
    return {"actors": actors, "places": places}
