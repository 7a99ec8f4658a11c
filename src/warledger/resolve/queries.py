"""The queries over the cross-document record: plain functions from a store and filters to rows
(JSON-ready dicts). The CLI prints them; the HTTP API will return them. They read the tables that
`resolve` writes and never change them.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from warledger.errors import QueryError
from warledger.resolve.rules import rules as default_rules
from warledger.store import Store

Row = dict[str, Any]
JSON_COLUMNS = frozenset(
    [
        "aliases", "places", "agents", "patients", "beneficiaries", "source_names", "sources",
        "documents", "origin_places", "origin_groups", "destination_places", "sponsors",
        "recruiters", "numbers", "pay", "terms", "via", "events", "intervals", "evidence",
    ]
)  # fmt: skip


def _rows(store: Store, sql: str, params: list[Any] | None = None) -> list[Row]:
    cursor = store.con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    rows = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        for key in JSON_COLUMNS & row.keys():
            if isinstance(row[key], str):
                row[key] = json.loads(row[key])
        rows.append(row)
    return rows


def _until(until: str | date) -> str:
    """`until` as the last day it names, for comparing with ISO dates: 2020 -> 2020-12-31."""
    text = str(until)
    return text + ("-12-31" if len(text) == 4 else "-31" if len(text) == 7 else "")


def _names(store: Store) -> dict[str, str]:
    return dict(store.con.execute("SELECT id, name FROM global_actors").fetchall())


def _named(ids: list[str], names: dict[str, str]) -> list[str]:
    return [names.get(i, i) for i in ids]


def actors(
    store: Store,
    name: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    limit: int | None = None,
) -> list[Row]:
    """Corpus-wide actors, most documented first; `name` matches names and aliases (substring)."""
    rows = _rows(
        store,
        "SELECT id, name, kind, country, kb_id, rule, documents, mentions, aliases, affiliation "
        "FROM global_actors ORDER BY documents DESC, mentions DESC, name, id",
    )
    names = {r["id"]: r["name"] for r in rows}
    for r in rows:
        r["affiliation_name"] = names.get(r["affiliation"]) if r["affiliation"] else None
    needle = name.lower() if name else None
    found = [
        r
        for r in rows
        if (kind is None or r["kind"] == kind)
        and (country is None or r["country"] == country.upper())
        and (needle is None or any(needle in n.lower() for n in [r["name"], *r["aliases"]]))
    ]
    return found[:limit] if limit else found


def find_actor(store: Store, name: str) -> Row:
    """The global actor called `name` (its id, name or an alias; exact before substring)."""
    rows = actors(store)
    lowered = name.lower()
    for test in (
        lambda r: r["id"] == name,
        lambda r: r["name"].lower() == lowered,
        lambda r: any(a.lower() == lowered for a in r["aliases"]),
        lambda r: lowered in r["name"].lower(),
    ):
        hits = [r for r in rows if test(r)]
        if hits:
            return hits[0]
    raise QueryError(
        f"no actor called {name!r} in the database; `warledger actors --name PART` lists the "
        "actors whose names contain PART (run `warledger resolve` after an ingest)"
    )


def actor(store: Store, name: str) -> Row:
    """One actor: its aliases, the per-document records behind it, its relations over time, its
    events and the sources that report them."""
    found = find_actor(store, name)
    gid = found["id"]
    ties = [e for e in network(store) if gid in (e["source_id"], e["target_id"])]
    own = [
        e for e in events(store) if gid in e["agent_ids"] + e["patient_ids"] + e["beneficiary_ids"]
    ]
    members = store.con.execute(
        "SELECT m.document_id, m.actor_id, a.name, m.judgement_id FROM actor_members m "
        "JOIN actors a ON a.document_id = m.document_id AND a.id = m.actor_id "
        "WHERE m.global_id = ? ORDER BY m.document_id, m.actor_id",
        [gid],
    ).fetchall()
    return {
        **found,
        "records": [
            {"document": d, "actor": i, "name": n, "judgement": j} for d, i, n, j in members
        ],
        "relations": ties,
        "events": own,
        "sources": sorted({s for e in own for s in e["source_names"]}),
    }


def events(
    store: Store,
    type: str | None = None,
    actor: str | None = None,
    country: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    certainty: str | None = None,
    min_sources: int | None = None,
) -> list[Row]:
    """Global events, oldest first. `certainty` keeps events at least that firm; `since`/`until`
    keep events whose interval reaches into the range; `actor` is any role."""
    names = _names(store)
    wanted = find_actor(store, actor)["id"] if actor else None
    rank = default_rules().certainty_rank
    rows = _rows(
        store,
        "SELECT id, type, family, when_start, when_end, country, places, agents, patients, "
        "beneficiaries, certainty, reports, documents, sources, source_names FROM global_events "
        "ORDER BY when_start NULLS LAST, id",
    )
    found = []
    for r in rows:
        if type and r["type"] != type.upper():
            continue
        if country and r["country"] != country.upper():
            continue
        if since and (r["when_end"] or r["when_start"] or "") < str(since):
            continue
        if until and (r["when_start"] or "9999") > _until(until):
            continue
        if certainty and rank(r["certainty"]) > rank(certainty):
            continue
        if min_sources and r["sources"] < min_sources:
            continue
        ids = r["agents"] + r["patients"] + r["beneficiaries"]
        if wanted and wanted not in ids:
            continue
        r["agent_ids"], r["patient_ids"], r["beneficiary_ids"] = (
            r["agents"],
            r["patients"],
            r["beneficiaries"],
        )
        r["agents"] = _named(r["agent_ids"], names)
        r["patients"] = _named(r["patient_ids"], names)
        r["beneficiaries"] = _named(r["beneficiary_ids"], names)
        found.append(r)
    return found


def event_reports(store: Store, event_id: str) -> list[Row]:
    """The per-document reports merged into one global event, with their sources and evidence."""
    return _rows(
        store,
        "SELECT m.document_id, m.event_id, e.type, e.certainty, e.negated, m.source_name, "
        "m.judgement_id, d.outlet, d.title, d.published FROM event_members m "
        "JOIN events e ON e.document_id = m.document_id AND e.id = m.event_id "
        "JOIN documents d ON d.id = m.document_id WHERE m.global_id = ? "
        "ORDER BY d.published NULLS LAST, m.document_id, m.event_id",
        [event_id],
    )


def flows(
    store: Store,
    actor: str | None = None,
    country: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    min_sources: int | None = None,
) -> list[Row]:
    """Fighter flows; `actor` is any sponsor, recruiter or beneficiary, `country` either end;
    `since`/`until` keep flows whose interval reaches into the range."""
    names = _names(store)
    wanted = find_actor(store, actor)["id"] if actor else None
    rows = _rows(store, "SELECT * FROM flows ORDER BY sources DESC, id")
    found = []
    for r in rows:
        if country and country.upper() not in (r["origin_country"], r["destination_country"]):
            continue
        if since and (r["when_end"] or r["when_start"] or "") < str(since):
            continue
        if until and (r["when_start"] or "9999") > _until(until):
            continue
        if min_sources and r["sources"] < min_sources:
            continue
        involved = {x["actor"] for k in ("sponsors", "recruiters", "beneficiaries") for x in r[k]}
        if wanted and wanted not in involved:
            continue
        r["origin_groups"] = _named(r["origin_groups"], names)
        found.append(r)
    return found


def network(
    store: Store,
    actor: str | None = None,
    type: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    country: str | None = None,
    certainty: str | None = None,
) -> list[Row]:
    """Edges between global actors with the intervals in which each is reported. `country` (the
    theatre) keeps edges with an end of that country or an implying event there; `certainty`
    keeps edges at least that firm."""
    names = _names(store)
    wanted = find_actor(store, actor)["id"] if actor else None
    rank = default_rules().certainty_rank
    rows = _rows(store, "SELECT * FROM network ORDER BY type, source_id, target_id")
    theatres: dict[str, set[str]] = {}
    if country:
        for gid, c in store.con.execute("SELECT id, country FROM global_actors").fetchall():
            theatres.setdefault(gid, set()).add(c)
        for gid, c in store.con.execute("SELECT id, country FROM global_events").fetchall():
            theatres.setdefault(gid, set()).add(c)
    found = []
    for r in rows:
        if type and r["type"] != type.upper():
            continue
        if certainty and rank(r["certainty"]) > rank(certainty):
            continue
        if country:
            keys = [r["source_id"], r["target_id"], *r["events"]]
            if country.upper() not in set().union(*(theatres.get(k, set()) for k in keys)):
                continue
        if wanted and wanted not in (r["source_id"], r["target_id"]):
            continue
        spans = r["intervals"]
        if since and spans and max(hi for _, hi in spans) < str(since):
            continue
        if until and spans and min(lo for lo, _ in spans) > _until(until):
            continue
        r["source"] = names.get(r["source_id"], r["source_id"])
        r["target"] = names.get(r["target_id"], r["target_id"])
        found.append(r)
    return found


def contradictions(
    store: Store, event: str | None = None, field: str | None = None, conflicts_only: bool = False
) -> list[Row]:
    """Disagreeing values of global events, side by side, with their sources."""
    rows = _rows(
        store,
        "SELECT c.global_event_id, g.type, g.when_start, c.field, c.value, c.low, c.high, "
        "c.conflict, c.sources, c.documents FROM contradictions c "
        "JOIN global_events g ON g.id = c.global_event_id "
        "ORDER BY c.global_event_id, c.field, c.low NULLS LAST, c.value",
    )
    return [
        r
        for r in rows
        if (event is None or r["global_event_id"] == event)
        and (field is None or r["field"] == field)
        and (not conflicts_only or r["conflict"])
    ]


def judgements(store: Store, kind: str | None = None, global_id: str | None = None) -> list[Row]:
    """Every recorded merge (which record joined which global record, by what rule, on what
    evidence), and the undone ones, each marked."""
    rows = _rows(
        store,
        "SELECT id, kind, rule, global_id, document_id, record_id, evidence, false AS undone "
        "FROM judgements UNION ALL SELECT u.judgement_id, u.kind, 'undone', NULL, u.document_id, "
        "u.record_id, '{}', true FROM resolve_undone u ORDER BY kind, global_id NULLS LAST, id",
    )
    return [
        r
        for r in rows
        if (kind is None or r["kind"] == kind)
        and (global_id is None or r["global_id"] == global_id)
    ]
