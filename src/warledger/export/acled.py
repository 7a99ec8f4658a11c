"""ACLED-style CSV from reports (SCHEMA.md "ACLED export"): one row per event with an ACLED type.

`acled_rows` is a pure function of report dicts (`Report.to_dict()`), so it is testable without a
database; `write_acled_csv` writes the rows; `reports_from_db` reads the stored reports.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2",
    "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
]  # fmt: skip

# ACLED's time_precision: 1 the day is known, 2 the week, 3 the month or coarser.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}
# ACLED's geo_precision: 1 a town or site, 2 a district near it, 3 a province or larger area.
GEO_PRECISION = {
    "site": 1,
    "locality": 1,
    "city": 1,
    "admin2": 2,
    "admin1": 3,
    "region": 3,
    "country": 3,
}


def _country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    from warledger.kb import load_kb

    country = load_kb().country(iso3)
    return country.name if country else iso3


def _actor_name(by_id: dict[str, dict[str, Any]], actor_id: str) -> str:
    actor = by_id.get(actor_id) or {}
    return actor.get("acled_name") or actor.get("name") or ""


def _date(event: dict[str, Any], report: dict[str, Any]) -> tuple[str, str, str]:
    """(event_date, year, time_precision): the event's time, else the publication date."""
    when = event.get("when") or {}
    start = when.get("start")
    precision = TIME_PRECISION.get(when.get("precision") or "unknown", 3)
    if not start:
        start = (report.get("document") or {}).get("published")
        precision = 3
    if not start:
        return "", "", ""
    parts = start.split("-")
    if len(parts) < 3:
        precision = 3
    full = "-".join(parts + ["01"] * (3 - len(parts)))
    return full, parts[0], str(precision)


def _names(by_id: dict[str, dict[str, Any]], ids: list[str]) -> tuple[str, str]:
    names = list(dict.fromkeys(n for n in (_actor_name(by_id, i) for i in ids) if n))
    return (names[0] if names else ""), "; ".join(names[1:])


def _place(report: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    places = {p["id"]: p for p in report.get("places") or []}
    for role in ("location", "destination", "origin"):
        for place_id in event.get(role) or []:
            if place_id in places:
                return places[place_id]
    return {}


def _country(report: dict[str, Any], event: dict[str, Any], place: dict[str, Any]) -> str | None:
    """The event's country: its place's, else the one most places of the report lie in, else
    (no known place named) the one most of its actors, then of all actors, belong to."""
    if place.get("country"):
        return str(place["country"])
    counts = Counter(p["country"] for p in report.get("places") or [] if p.get("country"))
    if not counts:
        ids = set(event.get("agent") or []) | set(event.get("patient") or [])
        ids |= set(event.get("partner") or [])
        actors = [a for a in report.get("actors") or [] if a.get("country")]
        counts = Counter(a["country"] for a in actors if a["id"] in ids) or Counter(
            a["country"] for a in actors
        )
    return counts.most_common(1)[0][0] if counts else None


def _fatalities(event: dict[str, Any]) -> str:
    value = (event.get("fatalities") or {}).get("value")
    return str(int(value)) if value is not None else "0"


def event_row(report: dict[str, Any], event: dict[str, Any]) -> dict[str, str]:
    """The ACLED row of one event (which must have an `acled` mapping)."""
    actors = {a["id"]: a for a in report.get("actors") or []}
    document = report.get("document") or {}
    place = _place(report, event)
    date, year, precision = _date(event, report)
    actor1, assoc1 = _names(actors, event.get("agent") or [])
    actor2, assoc2 = _names(actors, (event.get("patient") or []) + (event.get("partner") or []))
    country = _country(report, event, place)
    lat, lon = place.get("lat"), place.get("lon")
    return {
        "event_id_cnty": f"{country or 'XXX'}-{(document.get('id') or '')[:12]}-{event['id']}",
        "event_date": date,
        "year": year,
        "time_precision": precision,
        "event_type": event["acled"].get("event_type") or "",
        "sub_event_type": event["acled"].get("sub_event_type") or "",
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "country": _country_name(country),
        "admin1": place.get("admin1") or "",
        "admin2": "",
        "location": place.get("name") or "",
        "latitude": "" if lat is None else f"{lat:.4f}",
        "longitude": "" if lon is None else f"{lon:.4f}",
        "geo_precision": str(GEO_PRECISION.get(place.get("kind") or "", 3)) if place else "",
        "source": document.get("outlet") or document.get("url") or "",
        "notes": " ".join(s["text"] for s in event.get("evidence") or []),
        "fatalities": _fatalities(event),
    }


def acled_rows(reports: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    """One row per event that has an ACLED type and is not negated, in report order."""
    rows: list[dict[str, str]] = []
    for report in reports:
        for event in report.get("events") or []:
            if event.get("acled") and not event.get("negated"):
                rows.append(event_row(report, event))
    return rows


def write_acled_csv(rows: Iterable[dict[str, str]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def reports_from_db(path: str | Path) -> Iterator[dict[str, Any]]:
    """The full report of every stored document, oldest first (the `documents.report` column);
    `path` a DuckDB file or a postgresql:// URL."""
    import json

    from warledger.store import Store

    with Store.open(path) as store:
        rows = store.con.execute("SELECT report FROM documents ORDER BY ingested_at, id").fetchall()
    for (report,) in rows:
        yield json.loads(report) if isinstance(report, str) else report
