"""Values on which the reports of one global event disagree, kept side by side with their sources.

Nothing is averaged: each distinct value of fatalities, number of people, date, agents, place and
status (reported or denied) becomes a row listing the sources and documents that give it. A value
is in `conflict` when it cannot hold together with another (disjoint number ranges or dates,
different agents, places in different countries, a denial).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from warledger.resolve.actors import ActorResolution
from warledger.resolve.events import GlobalEvent
from warledger.resolve.features import Features


@dataclass(frozen=True)
class Contradiction:
    global_event_id: str
    field: str
    value: str
    low: float | None
    high: float | None
    conflict: bool
    sources: tuple[str, ...]
    documents: tuple[str, ...]


def number_range(quantity: dict[str, Any] | None) -> tuple[str, float | None, float | None] | None:
    """(label, low, high) of a quantity: "approximately 350" -> ("approximately 350", 350, 350)."""
    if not quantity:
        return None
    value, low, high = quantity.get("value"), quantity.get("low"), quantity.get("high")
    low = low if low is not None else value
    high = high if high is not None else value
    if low is None and high is None:
        return None
    return str(quantity.get("text") or value), low, high


def _disjoint(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    lo_a, hi_a = (
        a[0] if a[0] is not None else float("-inf"),
        a[1] if a[1] is not None else float("inf"),
    )
    lo_b, hi_b = (
        b[0] if b[0] is not None else float("-inf"),
        b[1] if b[1] is not None else float("inf"),
    )
    return hi_a < lo_b or hi_b < lo_a


def _values(
    event: GlobalEvent, field: str, actors: ActorResolution
) -> dict[tuple[str, float | None, float | None], list[Features]]:
    found: dict[tuple[str, float | None, float | None], list[Features]] = defaultdict(list)
    for m in event.members:
        e = m.event
        if field in ("fatalities", "quantity"):
            if m.denied:
                continue
            q = number_range(e.fatalities if field == "fatalities" else e.quantity)
            if q:
                found[(q[0].lower() if q[1] is None else _number_label(q), q[1], q[2])].append(m)
        elif field == "date" and m.dated and m.interval and not m.denied:
            label = e.when_start or ""
            if e.when_end != e.when_start:
                label += f" to {e.when_end or 'publication'}"
            found[(label, None, None)].append(m)
        elif field == "agents" and m.agents and not m.denied:
            names = ", ".join(sorted(actors.actors[g].name for g in m.agents))
            found[(names, None, None)].append(m)
        elif field == "place" and m.places:
            found[(m.places[0].name, None, None)].append(m)
        elif field == "status":
            found[("denied" if m.denied else "reported", None, None)].append(m)
    return found


def _dates_overlap(a: list[Features], b: list[Features]) -> bool:
    return any(
        x.interval
        and y.interval
        and x.interval[0] <= y.interval[1]
        and y.interval[0] <= x.interval[1]
        for x in a
        for y in b
    )


def _number_label(q: tuple[str, float | None, float | None]) -> str:
    low, high = q[1], q[2]
    if low == high and low is not None:
        return f"{low:g}" if q[0][:1].isdigit() else f"{q[0]} ({low:g})"
    return f"{q[0]} ({'' if low is None else f'{low:g}'}-{'' if high is None else f'{high:g}'})"


FIELDS = ("fatalities", "quantity", "date", "agents", "place", "status")


def contradictions_of(event: GlobalEvent, actors: ActorResolution) -> list[Contradiction]:
    rows: list[Contradiction] = []
    if len(event.members) < 2:
        return rows
    for field in FIELDS:
        values = _values(event, field, actors)
        if len(values) < 2:
            continue
        for (label, low, high), members in values.items():
            others = [k for k in values if k != (label, low, high)]
            if field in ("fatalities", "quantity"):
                conflict = any(_disjoint((low, high), (k[1], k[2])) for k in others)
            elif field == "date":
                conflict = any(not _dates_overlap(members, values[k]) for k in others)
            elif field == "place":
                countries = {m.places[0].country for ms in values.values() for m in ms}
                conflict = len(countries - {None}) > 1
            else:
                conflict = True
            rows.append(
                Contradiction(
                    global_event_id=event.id,
                    field=field,
                    value=label,
                    low=low,
                    high=high,
                    conflict=conflict,
                    sources=tuple(sorted({m.source_name for m in members})),
                    documents=tuple(sorted({m.event.document_id for m in members})),
                )
            )
    return rows
