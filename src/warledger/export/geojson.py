"""GeoJSON (RFC 7946) for QGIS and web maps: events as Points at their first located place, fighter
flows as LineStrings from origin through transit places to destination. A record without known
coordinates stays in the collection with a null geometry (RFC 7946 section 3.2), so nothing is lost.
Coordinates are [longitude, latitude] in WGS 84, six decimals.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from warledger.export.record import Record, Row


def _point(place: Row) -> list[float]:
    return [round(float(place["lon"]), 6), round(float(place["lat"]), 6)]


def event_feature(record: Record, event: Row) -> dict[str, Any]:
    located = next((p for p in event["places"] if p.get("lat") is not None), None)
    return {
        "type": "Feature",
        "id": event["id"],
        "geometry": {"type": "Point", "coordinates": _point(located)} if located else None,
        "properties": {
            "record": "event",
            "type": event["type"],
            "acled_event_type": (event["acled"] or {}).get("event_type"),
            "acled_sub_event_type": (event["acled"] or {}).get("sub_event_type"),
            "plover": event["plover"],
            "date": event["when_start"],
            "date_end": event["when_end"],
            "date_precision": event["precision"],
            "country": event["country"],
            "place": located["name"] if located else None,
            "places": [p["name"] for p in event["places"]],
            "agents": record.actor_names(event["agent"]),
            "patients": record.actor_names(event["patient"] + event["partner"]),
            "beneficiaries": record.actor_names(event["beneficiary"]),
            "certainty": event["certainty"],
            "negated": event["negated"],
            "fatalities": event["fatalities"],
            "sources": event["sources"],
            "source_names": event["source_names"],
            "documents": event["documents"],
            "evidence": list(dict.fromkeys(span["text"] for span in event["evidence"])),
        },
    }


def _located(record: Record, names: list[str]) -> Row | None:
    for name in names:
        place = record.places.get(name.lower())
        if place:
            return place
    return None


def flow_feature(record: Record, flow: Row) -> dict[str, Any]:
    stops = [_located(record, flow["origin_places"])]
    stops += [_located(record, [name]) for name in flow["via"]]
    stops.append(_located(record, flow["destination_places"]))
    line: list[list[float]] = []
    for stop in stops:
        if stop is not None and (not line or line[-1] != _point(stop)):
            line.append(_point(stop))
    ends_known = stops[0] is not None and stops[-1] is not None
    geometry = (
        {"type": "LineString", "coordinates": line} if ends_known and len(line) >= 2 else None
    )
    return {
        "type": "Feature",
        "id": flow["id"],
        "geometry": geometry,
        "properties": {
            "record": "flow",
            "type": "FIGHTER_FLOW",
            "origin_country": flow["origin_country"],
            "origin_places": flow["origin_places"],
            "destination_country": flow["destination_country"],
            "destination_places": flow["destination_places"],
            "via": flow["via"],
            "groups": record.actor_names(flow["origin_groups"]),
            "sponsors": [x["name"] for x in flow["sponsors"]],
            "recruiters": [x["name"] for x in flow["recruiters"]],
            "beneficiaries": [x["name"] for x in flow["beneficiaries"]],
            "numbers": [n["text"] for n in flow["numbers"]],
            "date": flow["when_start"],
            "date_end": flow["when_end"],
            "sources": flow["sources"],
            "events": flow["events"],
            "documents": flow["documents"],
        },
    }


def feature_collection(record: Record) -> dict[str, Any]:
    features = [event_feature(record, e) for e in record.events]
    features += [flow_feature(record, f) for f in record.flows]
    return {"type": "FeatureCollection", "features": features}


def write(record: Record, out: TextIO) -> int:
    collection = feature_collection(record)
    json.dump(collection, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(collection["features"])
