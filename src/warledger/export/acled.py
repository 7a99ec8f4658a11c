"""ACLED-style CSV (SCHEMA.md "ACLED export"): ACLED's full column set, one row per event of the
record that has an ACLED type and is not negated. Conventions (precision, inter codes, interaction,
disorder type, source scale) are data: `data/acled.yaml`.

`event_id_cnty` is ACLED-style: the country's ISO3 code and a number, here the warledger event id
read as a hexadecimal number (so an analyst can find the event: `int("a8e1a3eb75", 16)`); an event
stored after the last resolve run has its document-scoped id hashed instead.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from importlib.resources import files
from typing import Any, TextIO

from warledger.export.record import Record, Row
from warledger.yaml_data import load_yaml

COLUMNS = [
    "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "iso3", "region",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


@lru_cache(maxsize=1)
def conventions() -> dict[str, Any]:
    text = files("warledger.export").joinpath("data", "acled.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


def _country(iso3: str | None) -> tuple[str, str, str]:
    """(name, ISO numeric, ACLED region) of a country."""
    if not iso3:
        return "", "", ""
    import pycountry

    from warledger.kb import load_kb

    country = load_kb().country(iso3)
    found = pycountry.countries.get(alpha_3=iso3)
    name = country.name if country else (found.name if found else iso3)
    numeric = str(int(found.numeric)) if found else ""
    return name, numeric, (country.region or "") if country else ""


def _number(event_id: str) -> str:
    digits = event_id[1:]
    try:
        return str(int(digits, 16))
    except ValueError:
        return str(int(hashlib.sha1(event_id.encode()).hexdigest()[:10], 16))


def _date(record: Record, event: Row) -> tuple[str, str, str]:
    """(event_date, year, time_precision); a start of "2020-05" stands for the month's first day.
    An event without a time takes its first report's publication date, precision 3."""
    start = event["when_start"]
    if not start:
        published = sorted(
            p for d in event["documents"] if (p := (record.documents.get(d) or {}).get("published"))
        )
        if not published:
            return "", "", ""
        return published[0], published[0][:4], "3"
    parts = start.split("-")
    full = "-".join(parts + ["01"] * (3 - len(parts)))
    precision = event["precision"] if len(parts) == 3 else "month"
    if precision == "day" and event["when_end"] and event["when_end"] != start:
        precision = "week"  # a span of days: ACLED codes the first day, precision 2
    return full, parts[0], str(conventions()["time_precision"].get(precision, 3))


def _inter(record: Record, actor_id: str | None, country: str | None) -> int:
    if not actor_id or actor_id not in record.actors:
        return 0
    actor = record.actors[actor_id]
    rules = conventions()
    external = rules["external"]
    if (
        actor["kind"] in external["kinds"]
        and country
        and actor.get("country")
        not in (
            None,
            country,
        )
    ):
        return int(external["code"])
    return int(rules["inter"].get(actor["kind"], 0))


def _name(record: Record, actor_id: str) -> str:
    actor = record.actors.get(actor_id) or {}
    return str(actor.get("acled_name") or actor.get("name") or actor_id)


def interaction(inter1: int, inter2: int) -> str:
    """ACLED's interaction code: the two inter codes, lower first; one actor alone gives X0."""
    if not inter1 and not inter2:
        return ""
    if not inter2 or not inter1:
        return str(max(inter1, inter2) * 10)
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


def _place(event: Row) -> Row:
    for role in ("location", "destination", "origin"):
        for place in event["places"]:
            if place["role"] == role:
                return dict(place)
    return {}


def _notes(record: Record, event: Row) -> str:
    """Written from the evidence: the date, then the distinct evidence sentences."""
    sentences = list(dict.fromkeys(span["text"].strip() for span in event["evidence"]))
    body = " ".join(sentences[: int(conventions()["notes_sentences"])])
    start = event["when_start"]
    if start and len(start.split("-")) == 3 and event["precision"] == "day":
        day = date.fromisoformat(start)
        return f"On {day.day} {MONTHS[day.month - 1]} {day.year}: {body}"
    return body


def _sources(record: Record, event: Row) -> tuple[str, str]:
    outlets = []
    for doc_id in event["documents"]:
        doc = record.documents.get(doc_id) or {}
        outlet = doc.get("outlet") or doc.get("title") or doc.get("url")
        if outlet and outlet not in outlets:
            outlets.append(outlet)
    scale_rules = conventions()["source_scale"]
    scales = sorted(
        {scale_rules["outlets"].get(o, scale_rules["default"]) for o in outlets}
        or {scale_rules["default"]}
    )
    return "; ".join(outlets), "-".join(scales)


def event_row(record: Record, event: Row) -> dict[str, str]:
    """The ACLED row of one event of the record (which must have an `acled` mapping)."""
    rules = conventions()
    acled = event["acled"]
    place = _place(event)
    event_date, year, precision = _date(record, event)
    side1 = event["agent"]
    side2 = [a for a in event["patient"] + event["partner"] if a not in side1]
    country = event["country"] or place.get("country")
    inter1 = _inter(record, side1[0] if side1 else None, country)
    inter2 = _inter(record, side2[0] if side2 else None, country)
    name, numeric, region = _country(country)
    source, scale = _sources(record, event)
    lat, lon = place.get("lat"), place.get("lon")
    kind = place.get("kind") or ""
    number = _number(event["id"])
    event_type = acled.get("event_type") or ""
    names1 = list(dict.fromkeys(_name(record, a) for a in side1))
    names2 = list(dict.fromkeys(_name(record, a) for a in side2))
    return {
        "event_id_cnty": f"{country or 'XXX'}{number}",
        "event_id_no_cnty": number,
        "event_date": event_date,
        "year": year,
        "time_precision": precision,
        "disorder_type": rules["disorder_type"].get(event_type, ""),
        "event_type": event_type,
        "sub_event_type": acled.get("sub_event_type") or "",
        "actor1": names1[0] if names1 else "",
        "assoc_actor_1": "; ".join(names1[1:]),
        "inter1": str(inter1),
        "actor2": names2[0] if names2 else "",
        "assoc_actor_2": "; ".join(names2[1:]),
        "inter2": str(inter2),
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting"
        if inter2 == 7 and event_type in rules["civilian_targeting"]
        else "",
        "iso": numeric,
        "iso3": country or "",
        "region": region,
        "country": name,
        "admin1": place.get("admin1") or "",
        "admin2": place.get("name") or "" if kind == "admin2" else "",
        "admin3": "",
        "location": place.get("name") or "",
        "latitude": "" if lat is None else f"{lat:.4f}",
        "longitude": "" if lon is None else f"{lon:.4f}",
        "geo_precision": str(rules["geo_precision"].get(kind, 3)) if place else "",
        "source": source,
        "source_scale": scale,
        "notes": _notes(record, event),
        "fatalities": str(event["fatalities"] or 0),
        "tags": f"certainty={event['certainty']}; sources={event['sources']}",
        "timestamp": "",
    }


def acled_rows(record: Record) -> list[dict[str, str]]:
    """One row per event of the record that has an ACLED type and is not negated."""
    return [event_row(record, e) for e in record.events if e["acled"] and not e["negated"]]


def write_acled_csv(rows: Iterable[dict[str, str]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def write(record: Record, out: TextIO) -> int:
    return write_acled_csv(acled_rows(record), out)
