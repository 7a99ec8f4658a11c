"""PLOVER JSON events, one per line (JSON lines): the PLOVER event type, mode and context, the
source actor (the agent), the target actor (patient or partner), location, date and the evidence,
with warledger's certainty and independent sources. Events without a PLOVER type (and negated
ones) are left out. Mode and context per warledger type are data: `data/plover.yaml`.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any, TextIO

from warledger.export.record import Record, Row
from warledger.yaml_data import load_yaml


@lru_cache(maxsize=1)
def conventions() -> dict[str, Any]:
    text = files("warledger.export").joinpath("data", "plover.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


def _actor(record: Record, actor_id: str) -> dict[str, Any]:
    actor = record.actors.get(actor_id) or {"name": actor_id, "kind": "other"}
    return {
        "id": actor_id,
        "name": actor["name"],
        "kind": actor["kind"],
        "country": actor.get("country"),
        "kb_id": actor.get("kb_id"),
    }


def plover_event(record: Record, event: Row) -> dict[str, Any]:
    rules = conventions()
    typed = rules["types"].get(event["type"], rules["default"])
    located = next((p for p in event["places"] if p["role"] == "location"), None)
    located = located or (event["places"][0] if event["places"] else None)
    targets = event["patient"] + [a for a in event["partner"] if a not in event["patient"]]
    return {
        "id": event["id"],
        "date": event["when_start"],
        "date_end": event["when_end"],
        "date_precision": event["precision"],
        "event_type": event["plover"],
        "mode": typed["mode"],
        "context": list(typed["context"]),
        "warledger_type": event["type"],
        "source_actor": [_actor(record, a) for a in event["agent"]],
        "target_actor": [_actor(record, a) for a in targets],
        "beneficiary": [_actor(record, a) for a in event["beneficiary"]],
        "location": {
            "name": located["name"],
            "country": located["country"],
            "admin1": located["admin1"],
            "lat": located["lat"],
            "lon": located["lon"],
            "geonames_id": located["geonames_id"],
        }
        if located
        else None,
        "country": event["country"],
        "fatalities": event["fatalities"],
        "certainty": event["certainty"],
        "sources": event["sources"],
        "source_names": event["source_names"],
        "documents": event["documents"],
        "text": list(dict.fromkeys(span["text"] for span in event["evidence"])),
    }


def write(record: Record, out: TextIO) -> int:
    count = 0
    for event in record.events:
        if event["plover"] and not event["negated"]:
            out.write(json.dumps(plover_event(record, event), ensure_ascii=False) + "\n")
            count += 1
    return count
