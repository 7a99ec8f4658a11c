"""What the system says about an ACLED row: the event that the row is compared with, and its
actors, places, date, fatalities and certainty in the row's terms.

**Which event is compared with the row.** A note may yield several events (ACLED codes a note
about several incidents as one row, and notes add context such as "in connection to the ongoing
clashes"). The compared event is the report's main event (`Event.main`), which the extractor
chooses as ACLED does (`extractors/events/salience.py`): the first event the note states unless
a graver one of the same paragraph outranks it (a police operation during which a shoot-out
broke out is the armed clash). The scorer never looks at the row to choose. A report without a
main event (one from before the flag, or whose events all lack an ACLED mapping) falls back to
the first event with an ACLED mapping: earliest first evidence span, ties in report order;
negated events are ignored, and an event without an ACLED mapping is used only when there is no
other. The per-row file lists every event.

**Roles.** actor1 is the event's first agent; actor2 its first patient, or else its first
partner (the other side of a clash). Location is the event's location places; the country is
the first of those with a country, else the country most places in the report share, else
(a note naming no known place: "Mombasa demonstrators protested") the country most of the
event's actors, then of all actors, belong to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from warledger.evaluate.data_files import load_data
from warledger.report import Actor, Event, Place, Report


@dataclass(frozen=True)
class ActorView:
    name: str
    kind: str
    country: str | None
    acled_name: str | None


@dataclass(frozen=True)
class PlaceView:
    name: str
    country: str | None
    lat: float | None
    lon: float | None


@dataclass
class SystemView:
    event_id: str | None = None
    type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: ActorView | None = None
    actor2: ActorView | None = None
    places: list[PlaceView] = field(default_factory=list)
    country: str | None = None
    date: str | None = None
    fatalities: int | None = None
    certainty: str | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    acled_names: list[str] = field(default_factory=list)
    """ACLED names of every actor in the report, whatever its role (for upper-bound figures)."""
    all_places: list[PlaceView] = field(default_factory=list)
    """Every place in the report, whatever its role (for upper-bound figures)."""
    error: str | None = None
    """Why the extraction of the note failed, when it did."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@lru_cache(maxsize=1)
def _sub_to_type() -> dict[str, str]:
    return dict(load_data("acled_taxonomy")["sub_event_types"])


def acled_types(event: Event) -> tuple[str | None, str | None]:
    """(event_type, sub_event_type) of an event's ACLED mapping; event_type is derived from the
    sub_event_type when only that is given."""
    acled = event.acled or {}
    sub = acled.get("sub_event_type") or None
    kind = acled.get("event_type") or (_sub_to_type().get(sub) if sub else None)
    return kind, sub


def _rank(event: Event, position: int) -> tuple[int, int, int]:
    kind, sub = acled_types(event)
    mapped = kind is not None or sub is not None
    start = min((s.start for s in event.evidence), default=0)
    return (0 if mapped else 1, start, position)


def compared_event(report: Report) -> Event | None:
    """The event that an ACLED row is compared with (the rule is in the module docstring)."""
    candidates = [(i, e) for i, e in enumerate(report.events) if not e.negated]
    if not candidates:
        return None
    main = next((e for _, e in candidates if e.main), None)
    if main is not None:
        return main
    return min(candidates, key=lambda pair: _rank(pair[1], pair[0]))[1]


def _actor(report: Report, ids: list[str]) -> ActorView | None:
    actor: Actor | None = next((a for i in ids if (a := report.actor(i)) is not None), None)
    if actor is None:
        return None
    return ActorView(actor.name, actor.kind, actor.country, actor.acled_name)


def _places(report: Report, ids: list[str]) -> list[PlaceView]:
    found: list[Place] = [p for i in ids if (p := report.place(i)) is not None]
    return [PlaceView(p.name, p.country, p.lat, p.lon) for p in found]


def _document_country(report: Report, event: Event) -> str | None:
    counts = Counter(p.country for p in report.places if p.country)
    if not counts:
        ids = event.agent + event.patient + event.partner
        actors = [a for i in ids if (a := report.actor(i)) is not None and a.country]
        counts = Counter(a.country for a in actors or report.actors if a.country)
    return counts.most_common(1)[0][0] if counts else None


def _summary(event: Event) -> dict[str, Any]:
    kind, sub = acled_types(event)
    return {
        "id": event.id,
        "type": event.type,
        "event_type": kind,
        "sub_event_type": sub,
        "agent": event.agent,
        "patient": event.patient,
        "partner": event.partner,
        "location": event.location,
        "when": event.when.start if event.when else None,
        "fatalities": event.fatalities.value if event.fatalities else None,
        "negated": event.negated,
        "main": event.main,
        "certainty": event.attribution.certainty,
        "evidence": [s.text for s in event.evidence],
    }


def system_view(report: Report) -> SystemView:
    """The system's answer for one note, in the terms of an ACLED row."""
    view = SystemView(
        events=[_summary(e) for e in report.events],
        acled_names=[a.acled_name for a in report.actors if a.acled_name],
        all_places=_places(report, [p.id for p in report.places]),
    )
    event = compared_event(report)
    if event is None:
        return view
    view.event_id, view.type = event.id, event.type
    view.event_type, view.sub_event_type = acled_types(event)
    view.actor1 = _actor(report, event.agent)
    view.actor2 = _actor(report, event.patient) or _actor(report, event.partner)
    view.places = _places(report, event.location)
    view.country = next((p.country for p in view.places if p.country), None) or _document_country(
        report, event
    )
    if event.when and event.when.precision == "day" and event.when.start:
        view.date = event.when.start
    if event.fatalities and event.fatalities.value is not None:
        view.fatalities = int(event.fatalities.value)
    view.certainty = event.attribution.certainty
    return view
