"""A STIX 2.1 bundle, built with the stix2 library: actors as threat-actor (those who use force)
or identity (`data/stix.yaml`), the network's relations as relationship objects (start_time and
stop_time from the intervals, stop exclusive), each event as a note (its evidence, its sources as
authors, the actors and locations it involves as object_refs, warledger's fields as x_warledger_*
properties), places as location objects, and each source document as a report of the notes it
documents. Identifiers are UUIDv5 of warledger's ids, so a re-export gives the same ids.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from importlib.resources import files
from typing import Any, TextIO

from warledger.export.record import Record, Row
from warledger.yaml_data import load_yaml

NAMESPACE = uuid.UUID("6f1c8bde-5b0e-4a5f-9d1e-0a7c5e1b2c3d")


@lru_cache(maxsize=1)
def conventions() -> dict[str, Any]:
    text = files("warledger.export").joinpath("data", "stix.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


def stix_id(kind: str, *key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, '/'.join([kind, *key]))}"


def _day(value: str, end: bool = False) -> datetime:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        start = date(*parts)
        return datetime.combine(start + timedelta(days=1 if end else 0), datetime.min.time(), UTC)
    if len(parts) == 2:
        year, month = parts
        if end:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return datetime(year, month, 1, tzinfo=UTC)
    return datetime(parts[0] + (1 if end else 0), 1, 1, tzinfo=UTC)


def _alpha2(iso3: str | None) -> str | None:
    if not iso3:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    return found.alpha_2 if found else None


def _stamp(record: Record) -> datetime:
    """created/modified of every object: the latest publication date of the record's documents
    (so the same record always gives the same bundle), else the Unix epoch."""
    published = [d["published"] for d in record.documents.values() if d.get("published")]
    return _day(max(published)) if published else datetime(1970, 1, 1, tzinfo=UTC)


def objects(record: Record) -> list[Any]:
    import stix2

    rules = conventions()
    stamp = _stamp(record)
    creator = stix2.Identity(
        id=stix_id("identity", "creator"),
        name=rules["creator"],
        identity_class="system",
        created=stamp,
        modified=stamp,
    )
    common = {"created": stamp, "modified": stamp, "created_by_ref": creator.id}
    out: list[Any] = [creator]
    actor_refs: dict[str, str] = {}
    for actor_id, actor in record.actors.items():
        kind = actor["kind"]
        aliases = [a for a in actor.get("aliases") or [] if a != actor["name"]]
        extra = {"x_warledger_id": actor_id, "x_warledger_kind": kind}
        if actor.get("country"):
            extra["x_warledger_country"] = actor["country"]
        if kind in rules["threat_actor"]:
            obj = stix2.ThreatActor(
                id=stix_id("threat-actor", actor_id),
                name=actor["name"],
                threat_actor_types=rules["threat_actor"][kind],
                aliases=aliases or None,
                allow_custom=True,
                **common,
                **extra,
            )
        else:
            obj = stix2.Identity(
                id=stix_id("identity", actor_id),
                name=actor["name"],
                identity_class=rules["identity"].get(kind, rules["default_identity_class"]),
                allow_custom=True,
                **common,
                **extra,
            )
        actor_refs[actor_id] = obj.id
        out.append(obj)

    locations: dict[str, str] = {}
    notes_of: dict[str, list[str]] = {}
    for event in record.events:
        refs: list[str] = []
        for place in event["places"]:
            ref = _location(stix2, place, locations, out, common)
            if ref and ref not in refs:
                refs.append(ref)
        ids = [a for role in ("agent", "patient", "partner", "beneficiary") for a in event[role]]
        refs = list(dict.fromkeys([actor_refs[a] for a in ids if a in actor_refs])) + refs
        note = stix2.Note(
            id=stix_id("note", event["id"]),
            abstract=_abstract(event),
            content=" ".join(dict.fromkeys(s["text"] for s in event["evidence"])),
            authors=event["source_names"] or None,
            object_refs=refs or [creator.id],
            labels=[event["type"].lower().replace("_", "-"), f"certainty-{event['certainty']}"],
            external_references=_references(record, event["documents"]) or None,
            allow_custom=True,
            x_warledger_event=_event_fields(record, event),
            **common,
        )
        out.append(note)
        for doc_id in event["documents"]:
            notes_of.setdefault(doc_id, []).append(note.id)

    relations_of: dict[str, list[str]] = {}
    for rel in record.relations:
        if rel["source_id"] not in actor_refs or rel["target_id"] not in actor_refs:
            continue
        spans = [(lo, hi or lo) for lo, hi in rel["intervals"] if lo]
        times = {}
        if spans:
            times = {
                "start_time": min(_day(lo) for lo, _ in spans),
                "stop_time": max(_day(hi, end=True) for _, hi in spans),
            }
        obj = stix2.Relationship(
            id=stix_id("relationship", rel["source_id"], rel["type"], rel["target_id"]),
            relationship_type=rules["relationship_type"].get(
                rel["type"], rel["type"].lower().replace("_", "-")
            ),
            source_ref=actor_refs[rel["source_id"]],
            target_ref=actor_refs[rel["target_id"]],
            description=f"certainty {rel['certainty']}; sources: {'; '.join(rel['sources'])}",
            external_references=_references(record, rel["documents"]) or None,
            allow_custom=True,
            x_warledger_certainty=rel["certainty"],
            x_warledger_intervals=[list(s) for s in rel["intervals"]],
            x_warledger_sources=list(rel["sources"]),
            **times,
            **common,
        )
        out.append(obj)
        for doc_id in rel["documents"]:
            relations_of.setdefault(doc_id, []).append(obj.id)

    for doc_id, doc in record.documents.items():
        refs = notes_of.get(doc_id, []) + relations_of.get(doc_id, [])
        out.append(
            stix2.Report(
                id=stix_id("report", doc_id),
                name=doc.get("title") or doc.get("url") or doc_id,
                published=_day(doc["published"]) if doc.get("published") else stamp,
                report_types=["threat-report"],
                object_refs=refs or [creator.id],
                external_references=_references(record, [doc_id]) or None,
                **common,
            )
        )
    return out


def _location(stix2: Any, place: Row, seen: dict[str, str], out: list[Any], common: dict) -> str:
    key = place["name"].lower()
    if key in seen:
        return seen[key]
    fields: dict[str, Any] = {}
    if place.get("lat") is not None and place.get("lon") is not None:
        fields.update(latitude=float(place["lat"]), longitude=float(place["lon"]))
    country = _alpha2(place.get("country"))
    if country:
        fields["country"] = country
    if not fields:
        return ""
    if place.get("admin1"):
        fields["administrative_area"] = place["admin1"]
    location = stix2.Location(id=stix_id("location", key), name=place["name"], **fields, **common)
    out.append(location)
    seen[key] = location.id
    return str(location.id)


def _abstract(event: Row) -> str:
    what = event["type"].replace("_", " ").lower()
    where = f" at {event['places'][0]['name']}" if event["places"] else ""
    when = f" on {event['when_start']}" if event["when_start"] else ""
    return f"{what}{where}{when}"


def _event_fields(record: Record, event: Row) -> dict[str, Any]:
    fields = {
        "id": event["id"],
        "type": event["type"],
        "plover": event["plover"],
        "acled_event_type": (event["acled"] or {}).get("event_type"),
        "acled_sub_event_type": (event["acled"] or {}).get("sub_event_type"),
        "date_start": event["when_start"],
        "date_end": event["when_end"],
        "country": event["country"],
        "certainty": event["certainty"],
        "negated": event["negated"],
        "fatalities": event["fatalities"],
        "sources": event["sources"],
        "agents": record.actor_names(event["agent"]),
        "patients": record.actor_names(event["patient"] + event["partner"]),
    }
    return {k: v for k, v in fields.items() if v is not None}


def _references(record: Record, doc_ids: list[str]) -> list[dict[str, str]]:
    refs = []
    for doc_id in doc_ids:
        doc = record.documents.get(doc_id) or {}
        ref = {"source_name": doc.get("outlet") or doc.get("title") or "document"}
        if doc.get("url"):
            ref["url"] = doc["url"]
        ref["external_id"] = doc_id
        refs.append(ref)
    return refs


def bundle(record: Record) -> Any:
    import stix2

    return stix2.Bundle(
        objects=objects(record), id=stix_id("bundle", "warledger"), allow_custom=True
    )


def write(record: Record, out: TextIO) -> int:
    import json

    built = bundle(record)
    # stix2's pretty=True orders properties at a cost of seconds per thousand objects: indent here.
    out.write(json.dumps(json.loads(built.serialize()), indent=1, ensure_ascii=False) + "\n")
    return len(built.objects)
