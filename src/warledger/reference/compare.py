"""`warledger compare acled`: how warledger's record agrees with imported ACLED reference events.

Each reference event is matched to at most one record event (and each record event to at most one
reference event) of the same country whose time interval reaches, within `days`, the reference
date, at the same place (both located: within `km`; else the same place name; else, neither side
located, the country suffices). Closest in time, then the same ACLED sub-event type (else event
type), then closest in space, then the most independent sources are paired first. Among the pairs
it counts agreement on ACLED's event_type, sub_event_type, fatalities and actor1; record events
with an ACLED type in the reference's countries and dates that no reference event matches are the
record's extra events (ACLED may have missed them, or warledger may be wrong).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from warledger.evaluate.geo import distance_km
from warledger.export.record import Filters, Record, Row, read_record
from warledger.store import Store


@dataclass
class Comparison:
    reference: int = 0
    matched: int = 0
    record_events: int = 0
    """Record events with an ACLED type, not negated, in the reference's countries and dates."""
    record_matched: int = 0
    agree: dict[str, int] = field(default_factory=dict)
    pairs: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> list[dict[str, Any]]:
        def share(n: int, d: int) -> str:
            return f"{n} of {d} ({n / d:.3f})" if d else f"{n} of 0"

        rows = [
            {"figure": "reference events matched by a record event",
             "value": share(self.matched, self.reference)},
            {"figure": "record events matched by a reference event",
             "value": share(self.record_matched, self.record_events)},
        ]  # fmt: skip
        for name, count in self.agree.items():
            rows.append(
                {"figure": f"{name} agrees (matched pairs)", "value": share(count, self.matched)}
            )
        return rows


def _reference_rows(store: Store, dataset: str, filters: Filters) -> list[Row]:
    cursor = store.con.execute(
        "SELECT id, event_date, event_type, sub_event_type, actor1, actor2, iso3, location, "
        "latitude, longitude, fatalities FROM reference_events WHERE dataset = ? "
        "ORDER BY event_date, id",
        [dataset],
    )
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    return [
        r
        for r in rows
        if (not filters.country or r["iso3"] == filters.country)
        and (not filters.since or (r["event_date"] or "") >= filters.since)
        and (not filters.until or (r["event_date"] or "9999") <= filters.until + "-99")
    ]


def _span(event: Row) -> tuple[date, date] | None:
    def day(value: str, end: bool) -> date:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            return (
                (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(1)
                if end
                else first
            )
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)

    if not event["when_start"]:
        return None
    return day(event["when_start"], False), day(event["when_end"] or event["when_start"], True)


def _gap_days(ref_day: date, span: tuple[date, date]) -> int:
    if span[0] <= ref_day <= span[1]:
        return 0
    return min(abs((ref_day - span[0]).days), abs((ref_day - span[1]).days))


def _place_gap(ref: Row, event: Row, km: float) -> float | None:
    """Distance in km when both are located (None when too far), 0 for the same name or when
    neither side names a place."""
    located = [p for p in event["places"] if p.get("lat") is not None]
    if ref["latitude"] is not None and located:
        best = min(
            distance_km(ref["latitude"], ref["longitude"], p["lat"], p["lon"]) for p in located
        )
        return best if best <= km else None
    names = {p["name"].lower() for p in event["places"]}
    if ref["location"] and names:
        return 0.0 if ref["location"].lower() in names else None
    return 0.0


def _actor1(record: Record, event: Row) -> str:
    if not event["agent"]:
        return ""
    actor = record.actors.get(event["agent"][0]) or {}
    return str(actor.get("acled_name") or actor.get("name") or "")


def compare(
    store: Store,
    dataset: str = "acled",
    filters: Filters | None = None,
    km: float = 25.0,
    days: int = 1,
) -> Comparison:
    filters = filters or Filters()
    refs = _reference_rows(store, dataset, filters)
    record = read_record(
        store, Filters(country=filters.country, since=filters.since, until=filters.until)
    )
    events = [e for e in record.events if e["acled"] and not e["negated"] and _span(e)]
    result = Comparison(reference=len(refs))
    candidates: list[tuple[int, int, float, int, int, int]] = []
    for i, ref in enumerate(refs):
        if not ref["event_date"]:
            continue
        ref_day = date.fromisoformat(ref["event_date"])
        for j, event in enumerate(events):
            if event["country"] != ref["iso3"]:
                continue
            span = _span(event)
            assert span is not None
            gap = _gap_days(ref_day, span)
            if gap > days:
                continue
            where = _place_gap(ref, event, km)
            if where is not None:
                acled = event["acled"]
                kind = (
                    0
                    if acled.get("sub_event_type") == ref["sub_event_type"]
                    else 1
                    if acled.get("event_type") == ref["event_type"]
                    else 2
                )
                candidates.append((gap, kind, where, -int(event["sources"]), i, j))
    used_refs: set[int] = set()
    used_events: set[int] = set()
    agree = {"event_type": 0, "sub_event_type": 0, "fatalities": 0, "actor1": 0}
    for _, _, where, _, i, j in sorted(candidates):
        if i in used_refs or j in used_events:
            continue
        used_refs.add(i)
        used_events.add(j)
        ref, event = refs[i], events[j]
        ours = {
            "event_type": event["acled"].get("event_type"),
            "sub_event_type": event["acled"].get("sub_event_type"),
            "fatalities": event["fatalities"] or 0,
            "actor1": _actor1(record, event),
        }
        theirs = {
            "event_type": ref["event_type"],
            "sub_event_type": ref["sub_event_type"],
            "fatalities": ref["fatalities"] or 0,
            "actor1": ref["actor1"] or "",
        }
        for key in agree:
            agree[key] += int(ours[key] == theirs[key])
        result.pairs.append(
            {"reference": ref["id"], "event": event["id"], "km": round(where, 1),
             **{f"{k}_record": v for k, v in ours.items()},
             **{f"{k}_reference": v for k, v in theirs.items()}}
        )  # fmt: skip
    result.matched = len(used_refs)
    result.agree = agree
    # the record's events in the reference's countries and dates (within `days`)
    covered = {(r["iso3"], r["event_date"]) for r in refs if r["event_date"]}
    if covered:
        first = min(d for _, d in covered)
        last = max(d for _, d in covered)
        countries = {c for c, _ in covered}
        lo = (date.fromisoformat(first) - timedelta(days=days)).isoformat()
        hi = (date.fromisoformat(last) + timedelta(days=days)).isoformat()
        inside = [
            j
            for j, e in enumerate(events)
            if e["country"] in countries
            and (e["when_end"] or e["when_start"]) >= lo
            and e["when_start"] <= hi
        ]
        result.record_events = len(inside)
        result.record_matched = len(used_events & set(inside))
    return result
