"""The one reader every export format shares: the stored record, resolved across documents, with
the export filters applied.

Events are built from the per-document events (their evidence, places, ACLED and PLOVER types,
figures) grouped by the global event `warledger resolve` merged them into; the global event gives
the certainty, independent sources and country. A document stored after the last resolve run still
exports: each of its events stands alone (id `DOCID12:e1`) with its own actors, until the next run.
Relations are the resolved network's edges; flows the resolved fighter flows.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from warledger.errors import FilterError, QueryError
from warledger.store import Store

Row = dict[str, Any]
ROLES = ("agent", "patient", "partner", "beneficiary")
PLACE_ROLES = ("location", "destination", "origin")
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Filters:
    """What to export: events in `country` (ISO3) whose time reaches into [since, until], in which
    `actor` (id, name or alias) plays any role, reported by at least `min_sources` independent
    sources, at least as firm as `certainty`. Relations and flows are filtered alike."""

    country: str | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    min_sources: int | None = None
    certainty: str | None = None

    @classmethod
    def parse(
        cls,
        country: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        actor: str | None = None,
        min_sources: int | str | None = None,
        certainty: str | None = None,
    ) -> Filters:
        """Checked filters; a FilterError says which value is wrong and what is expected."""
        iso3 = None
        if country is not None:
            iso3 = country.strip().upper()
            if not re.fullmatch(r"[A-Z]{3}", iso3):
                raise FilterError(
                    f"--country {country!r}: give an ISO 3166 alpha-3 code, such as SYR or LBY"
                )
            import pycountry

            if pycountry.countries.get(alpha_3=iso3) is None:
                raise FilterError(f"--country {country!r}: no country has this ISO alpha-3 code")
        start = _date_filter("--since", since)
        end = _date_filter("--until", until)
        if start and end and start > end:
            raise FilterError(f"--since {start} is after --until {end}: nothing can match")
        sources = None
        if min_sources is not None:
            try:
                sources = int(min_sources)
            except (TypeError, ValueError):
                sources = 0
            if sources < 1 or str(min_sources).strip() != str(sources):
                raise FilterError(
                    f"--min-sources {min_sources!r}: give a whole number of sources, 1 or more"
                )
        if certainty is not None:
            from warledger.resolve.rules import rules

            order = rules().certainty_order
            if certainty not in order:
                raise FilterError(
                    f"--certainty {certainty!r}: give one of {', '.join(order)} "
                    "(events at least that firm are kept)"
                )
        if actor is not None and not actor.strip():
            raise FilterError("--actor '': give an actor's name, alias or id")
        return cls(iso3, start, end, actor, sources, certainty)

    def any(self) -> bool:
        return any(v is not None for v in vars(self).values())


def _date_filter(flag: str, value: str | date | None) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    if not _ISO_DATE.match(text):
        raise FilterError(f"{flag} {value!r}: give an ISO date, YYYY-MM-DD (or YYYY-MM, YYYY)")
    try:
        parts = [int(p) for p in text.split("-")]
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise FilterError(f"{flag} {value!r}: no such date") from None
    return text


@dataclass
class Record:
    """What an export writes: JSON-ready dicts, each format picks what it can express."""

    events: list[Row] = field(default_factory=list)
    actors: dict[str, Row] = field(default_factory=dict)
    relations: list[Row] = field(default_factory=list)
    flows: list[Row] = field(default_factory=list)
    documents: dict[str, Row] = field(default_factory=dict)
    places: dict[str, Row] = field(default_factory=dict)
    """Lower-cased place name -> the first stored place of that name with coordinates."""
    reports: dict[str, Row] = field(default_factory=dict)
    """Document id -> its stored report (SCHEMA.md), for the documents in `documents`."""
    unresolved: int = 0
    """Documents stored after the last `warledger resolve` run."""

    def actor_names(self, ids: list[str]) -> list[str]:
        return [self.actors[i]["name"] if i in self.actors else i for i in ids]


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _rows(store: Store, sql: str) -> list[Row]:
    cursor = store.con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def _place(place: Row) -> Row:
    keys = ("name", "kind", "country", "admin1", "lat", "lon", "geonames_id")
    return {k: place.get(k) for k in keys}


def _precision(start: str | None, whens: list[Row]) -> str:
    for when in whens:
        if when.get("start") == start and when.get("precision"):
            return str(when["precision"])
    if not start:
        return "unknown"
    for when in whens:  # the global start is a full date; the reports' own precision stands
        if when.get("precision"):
            return str(when["precision"])
    return {1: "year", 2: "month"}.get(len(start.split("-")), "day")


def _member_country(report: Row, event: Row) -> str | None:
    """An unresolved event's country: its place's, else the one most places of the report lie in,
    else (no known place named) the one most of its actors, then of all actors, belong to."""
    places = {p["id"]: p for p in report.get("places") or []}
    for role in PLACE_ROLES:
        for pid in event.get(role) or []:
            if places.get(pid, {}).get("country"):
                return str(places[pid]["country"])
    counts = Counter(p["country"] for p in places.values() if p.get("country"))
    if not counts:
        ids = {a for role in ROLES for a in event.get(role) or []}
        actors = [a for a in report.get("actors") or [] if a.get("country")]
        counts = Counter(a["country"] for a in actors if a["id"] in ids) or Counter(
            a["country"] for a in actors
        )
    return str(counts.most_common(1)[0][0]) if counts else None


def read_record(store: Store, filters: Filters | None = None) -> Record:
    """The stored record (resolved where `warledger resolve` has run), filtered."""
    docs = _rows(
        store,
        "SELECT id, url, title, outlet, published, report FROM documents "
        "ORDER BY published NULLS LAST, id",
    )
    # The resolve tables exist in every migrated store, empty until `warledger resolve` runs.
    stored = _Stored(
        docs=docs,
        resolved=True,
        actors=_rows(store, "SELECT * FROM global_actors ORDER BY id"),
        actor_members=_rows(store, "SELECT document_id, actor_id, global_id FROM actor_members"),
        global_events=_rows(store, "SELECT * FROM global_events"),
        event_members=_rows(store, "SELECT * FROM event_members"),
        network=_rows(store, "SELECT * FROM network ORDER BY type, source_id, target_id"),
        flows=_rows(store, "SELECT * FROM flows ORDER BY sources DESC, id"),
    )
    return _build(stored, filters or Filters())


def record_from_reports(reports: list[Row], filters: Filters | None = None) -> Record:
    """The record of report dicts (`Report.to_dict()`) not stored or resolved: each event and
    actor stands alone, as for a document stored after the last resolve run."""
    docs = []
    for report in reports:
        doc = report.get("document") or {}
        docs.append({**{k: doc.get(k) for k in ("id", "url", "title", "outlet", "published")},
                     "report": report})  # fmt: skip
    return _build(_Stored(docs=docs), filters or Filters())


@dataclass
class _Stored:
    docs: list[Row]
    resolved: bool = False
    actors: list[Row] = field(default_factory=list)
    actor_members: list[Row] = field(default_factory=list)
    global_events: list[Row] = field(default_factory=list)
    event_members: list[Row] = field(default_factory=list)
    network: list[Row] = field(default_factory=list)
    flows: list[Row] = field(default_factory=list)


def _build(stored: _Stored, filters: Filters) -> Record:
    record = Record()
    docs = stored.docs
    reports = {d["id"]: _json(d["report"]) for d in docs}
    record.reports = reports
    for d in docs:
        record.documents[d["id"]] = {
            "id": d["id"],
            "url": d["url"],
            "title": d["title"],
            "outlet": d["outlet"],
            "published": str(d["published"]) if d["published"] else None,
        }
    actor_of: dict[tuple[str, str], str] = {}
    global_events: dict[str, Row] = {}
    members: dict[tuple[str, str], Row] = {}
    for a in stored.actors:
        a["aliases"] = _json(a["aliases"])
        record.actors[a["id"]] = a
    for m in stored.actor_members:
        actor_of[(m["document_id"], m["actor_id"])] = m["global_id"]
    for g in stored.global_events:
        g["source_names"] = _json(g["source_names"])
        global_events[g["id"]] = g
    for m in stored.event_members:
        members[(m["document_id"], m["event_id"])] = m
    resolved_docs = {doc for doc, _ in members} | {doc for doc, _ in actor_of}
    record.unresolved = sum(
        1 for d in docs if d["id"] not in resolved_docs and reports[d["id"]].get("events")
    )

    # Per-document actors outside the resolved record stand alone under a document-scoped id.
    for doc_id, report in reports.items():
        for a in report.get("actors") or []:
            key = (doc_id, a["id"])
            known = record.actors.get(actor_of.get(key, ""))
            if known is not None and a.get("acled_name") and not known.get("acled_name"):
                known["acled_name"] = a["acled_name"]
            if key not in actor_of:
                gid = f"{doc_id[:12]}:{a['id']}"
                actor_of[key] = gid
                record.actors[gid] = {
                    "id": gid,
                    "name": a["name"],
                    "kind": a["kind"],
                    "country": a.get("country"),
                    "kb_id": a.get("kb_id"),
                    "acled_name": a.get("acled_name"),
                    "rule": "unresolved",
                    "aliases": list(a.get("aliases") or []),
                    "documents": 1,
                    "mentions": len(a.get("mentions") or []),
                }
            for p in report.get("places") or []:
                if p.get("lat") is not None and p["name"].lower() not in record.places:
                    record.places[p["name"].lower()] = _place(p)

    grouped: dict[str, list[tuple[str, Row, Row | None]]] = defaultdict(list)
    for doc_id, report in reports.items():
        for event in report.get("events") or []:
            member = members.get((doc_id, event["id"]))
            gid = member["global_id"] if member else f"{doc_id[:12]}:{event['id']}"
            grouped[gid].append((doc_id, event, member))
    events = [
        _event(gid, parts, global_events.get(gid), reports, actor_of, record)
        for gid, parts in grouped.items()
    ]
    events.sort(key=lambda e: (e["when_start"] or "9999", e["id"]))

    wanted = _wanted_actor(record, filters.actor)
    from warledger.resolve.rules import rules

    rank = rules().certainty_rank
    record.events = [e for e in events if _keep_event(e, filters, wanted, rank)]

    if stored.resolved:
        network = stored.network
        for edge in network:
            for name in ("intervals", "sources", "events", "documents"):
                edge[name] = _json(edge[name])
        kept_ids = {e["id"] for e in record.events}
        record.relations = [
            r for r in network if _keep_relation(r, filters, wanted, rank, record, kept_ids)
        ]
        flows = stored.flows
        for flow in flows:
            for name in (
                "origin_places", "origin_groups", "destination_places", "sponsors",
                "recruiters", "beneficiaries", "numbers", "pay", "terms", "via", "events",
                "documents",
            ):  # fmt: skip
                flow[name] = _json(flow[name])
        record.flows = [f for f in flows if _keep_flow(f, filters, wanted)]

    if filters.any():
        used: set[str] = set()
        for e in record.events:
            for role in ROLES:
                used.update(e[role])
        for r in record.relations:
            used.update((r["source_id"], r["target_id"]))
        for f in record.flows:
            used.update(f["origin_groups"])
            used.update(
                x["actor"] for k in ("sponsors", "recruiters", "beneficiaries") for x in f[k]
            )
        record.actors = {k: v for k, v in record.actors.items() if k in used}
        cited = {d for e in record.events for d in e["documents"]}
        cited |= {d for r in record.relations for d in r["documents"]}
        cited |= {d for f in record.flows for d in f["documents"]}
        record.documents = {k: v for k, v in record.documents.items() if k in cited}
        record.reports = {k: v for k, v in record.reports.items() if k in cited}
    return record


def _event(
    gid: str,
    parts: list[tuple[str, Row, Row | None]],
    glob: Row | None,
    reports: dict[str, Row],
    actor_of: dict[tuple[str, str], str],
    record: Record,
) -> Row:
    doc0, first, member0 = parts[0]
    roles: dict[str, list[str]] = {role: [] for role in ROLES}
    places: list[Row] = []
    evidence: list[Row] = []
    fatalities: list[float] = []
    injured: list[float] = []
    whens: list[Row] = []
    acled = plover = None
    for doc_id, event, _ in parts:
        report = reports[doc_id]
        for role in ROLES:
            for aid in event.get(role) or []:
                gid_a = actor_of.get((doc_id, aid))
                if gid_a and gid_a not in roles[role]:
                    roles[role].append(gid_a)
        by_id = {p["id"]: p for p in report.get("places") or []}
        for role in PLACE_ROLES:
            for pid in event.get(role) or []:
                place = by_id.get(pid)
                if place and all(p["name"] != place["name"] for p in places):
                    places.append({**_place(place), "role": role})
        for span in event.get("evidence") or []:
            evidence.append(
                {
                    "document": doc_id,
                    "start": span["start"],
                    "end": span["end"],
                    "text": span["text"],
                }
            )
        if not event.get("negated"):
            for key, into in (("fatalities", fatalities), ("injured", injured)):
                value = (event.get(key) or {}).get("value")
                if value is not None:
                    into.append(float(value))
        acled = acled or event.get("acled")
        plover = plover or event.get("plover")
        if event.get("when"):
            whens.append(event["when"])
    if glob:
        when_start, when_end = glob["when_start"], glob["when_end"]
        certainty, sources = glob["certainty"], int(glob["sources"])
        source_names = list(glob["source_names"])
        country = glob["country"]
    else:
        when = first.get("when") or {}
        when_start, when_end = when.get("start"), when.get("end")
        certainty = (first.get("attribution") or {}).get("certainty") or "asserted"
        sources = 1
        outlet = record.documents[doc0]["outlet"] or record.documents[doc0]["title"]
        source_names = [outlet] if outlet else []
        country = _member_country(reports[doc0], first)
    documents = list(dict.fromkeys(doc for doc, _, _ in parts))
    return {
        "id": gid,
        "type": glob["type"] if glob else first["type"],
        "acled": acled,
        "plover": plover,
        "when_start": when_start,
        "when_end": when_end,
        "precision": _precision(when_start, whens),
        "country": country,
        "places": places,
        **roles,
        "certainty": certainty,
        "sources": sources,
        "source_names": source_names,
        # ACLED's convention, kept for every format: the lowest figure any report gives.
        "fatalities": int(min(fatalities)) if fatalities else None,
        "injured": int(min(injured)) if injured else None,
        "negated": all(bool(event.get("negated")) for _, event, _ in parts),
        "reports": len(parts),
        "documents": documents,
        "evidence": evidence,
        "resolved": glob is not None,
    }


def _wanted_actor(record: Record, actor: str | None) -> str | None:
    if actor is None:
        return None
    lowered = actor.strip().lower()
    rows = sorted(
        record.actors.values(), key=lambda a: (-int(a["documents"]), -int(a["mentions"]), a["id"])
    )
    for test in (
        lambda a: a["id"] == actor,
        lambda a: a["name"].lower() == lowered,
        lambda a: any(x.lower() == lowered for x in a["aliases"]),
        lambda a: lowered in a["name"].lower(),
    ):
        hits = [a for a in rows if test(a)]
        if hits:
            return str(hits[0]["id"])
    raise FilterError(
        f"--actor {actor!r}: no actor of that name, alias or id in the database; "
        "`warledger actors --name PART` lists the actors whose names contain PART"
    )


def _keep_event(event: Row, f: Filters, wanted: str | None, rank: Any) -> bool:
    if f.country and event["country"] != f.country:
        return False
    if f.since and (event["when_end"] or event["when_start"] or "") < f.since:
        return False
    if f.until and (event["when_start"] or "9999") > _end_of(f.until):
        return False
    if f.certainty and rank(event["certainty"]) > rank(f.certainty):
        return False
    if f.min_sources and event["sources"] < f.min_sources:
        return False
    return not wanted or any(wanted in event[role] for role in ROLES)


def _end_of(until: str) -> str:
    """`--until 2020-05` reaches to the month's last day: compare with a suffix past any day."""
    return until if len(until) == 10 else until + "-99"


def _keep_relation(
    rel: Row, f: Filters, wanted: str | None, rank: Any, record: Record, kept: set[str]
) -> bool:
    ends = (rel["source_id"], rel["target_id"])
    if wanted and wanted not in ends:
        return False
    if f.country:
        countries = {(record.actors.get(a) or {}).get("country") for a in ends}
        if f.country not in countries and not kept & set(rel["events"]):
            return False
    spans = rel["intervals"]
    if f.since and spans and max(hi for _, hi in spans) < f.since:
        return False
    if f.until and spans and min(lo for lo, _ in spans) > _end_of(f.until):
        return False
    if f.certainty and rank(rel["certainty"]) > rank(f.certainty):
        return False
    return not (f.min_sources and len(rel["sources"]) < f.min_sources)


def _keep_flow(flow: Row, f: Filters, wanted: str | None) -> bool:
    if f.country and f.country not in (flow["origin_country"], flow["destination_country"]):
        return False
    involved = set(flow["origin_groups"])
    involved |= {x["actor"] for k in ("sponsors", "recruiters", "beneficiaries") for x in flow[k]}
    if wanted and wanted not in involved:
        return False
    if f.since and (flow["when_end"] or flow["when_start"] or "") < f.since:
        return False
    if f.until and (flow["when_start"] or "9999") > _end_of(f.until):
        return False
    return not (f.min_sources and flow["sources"] < f.min_sources)


def open_record(target: str | Path, filters: Filters | None = None) -> Record:
    """`read_record` over the database `target` (a DuckDB file or a postgresql:// URL)."""
    with Store.open(target) as store:
        try:
            return read_record(store, filters)
        except QueryError as exc:
            raise FilterError(str(exc)) from exc
