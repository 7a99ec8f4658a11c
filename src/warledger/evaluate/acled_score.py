"""Comparing an ACLED row with the system's view of its note, and the figures over many rows.

Checks are True (agree), False (disagree) or None (the row has no gold for it, so it is not
counted). Conventions: a system event without fatalities counts as 0 (ACLED codes 0 when none
are reported); certainty is scored only on rows where the system found an event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from warledger.evaluate.acled_actors import acled_actor_profile, profile_matches
from warledger.evaluate.acled_rows import AcledRow
from warledger.evaluate.acled_system import ActorView, PlaceView, SystemView
from warledger.evaluate.data_files import load_data
from warledger.evaluate.figures import Figure, macro_f1, share
from warledger.evaluate.geo import distance_km, place_key

LOCATION_RADIUS_KM = 25.0

CHECKS = (
    "extraction_error",
    "event_found",
    "event_type",
    "sub_event_type",
    "actor1_name",
    "actor1_kind_country",
    "actor2_name",
    "actor2_kind_country",
    "actor2_spurious",
    "location",
    "location_km",
    "country",
    "event_date",
    "event_date_stated",
    "fatalities",
    "fatalities_known",
    "certainty_alleged",
    "certainty_asserted",
    "actor1_name_any",
    "actor2_name_any",
    "location_any",
)
"""Every check, in table order."""

FAULTS = frozenset({"extraction_error", "actor2_spurious"})
"""Checks where True is the bad outcome: the note's extraction raised; the system gave an actor2
where ACLED has none."""


@dataclass
class RowScore:
    row: AcledRow
    system: SystemView
    checks: dict[str, bool | None]

    @property
    def disagree(self) -> list[str]:
        """The checks this row fails."""
        return [
            name
            for name, ok in self.checks.items()
            if (ok is True if name in FAULTS else ok is False)
        ]

    def to_dict(self) -> dict[str, Any]:
        row = self.row
        gold = {
            "event_date": row.event_date.isoformat() if row.event_date else None,
            "event_type": row.event_type,
            "sub_event_type": row.sub_event_type,
            "actor1": row.actor1,
            "actor2": row.actor2,
            "country": row.country,
            "iso3": row.iso3,
            "location": row.location,
            "latitude": row.latitude,
            "longitude": row.longitude,
            "fatalities": row.fatalities,
            "unknown_fatalities": row.unknown_fatalities,
            "alleged": row.alleged,
        }
        return {
            "row_id": row.row_id,
            "notes": row.notes,
            "gold": gold,
            "system": self.system.to_dict(),
            "checks": self.checks,
            "disagree": self.disagree,
        }


@lru_cache(maxsize=1)
def _old_event_types() -> dict[str, list[str]]:
    return dict(load_data("acled_taxonomy")["old_event_types"])


def gold_event_types(row: AcledRow) -> set[str]:
    """The current event types that the row's event_type stands for (the old schema's
    "Riots/Protests" stands for both)."""
    if not row.event_type:
        return set()
    return set(_old_event_types().get(row.event_type, [row.event_type]))


def _actor_checks(
    gold: str | None, system: ActorView | None, row: AcledRow
) -> tuple[bool | None, bool | None]:
    if not gold:
        return None, None
    if system is None:
        return False, False
    profile = acled_actor_profile(gold, row.iso3)
    same_kind = profile_matches(profile, system.kind, system.country) if profile else False
    return system.acled_name == gold, same_kind


def _within_radius(row: AcledRow, places: list[PlaceView]) -> bool | None:
    """Whether a place lies within LOCATION_RADIUS_KM of ACLED's point (distance only)."""
    lat, lon = row.latitude, row.longitude
    if lat is None or lon is None:
        return None
    return any(
        p.lat is not None
        and p.lon is not None
        and distance_km(lat, lon, p.lat, p.lon) <= LOCATION_RADIUS_KM
        for p in places
    )


def _location(row: AcledRow, places: list[PlaceView]) -> bool | None:
    lat, lon = row.latitude, row.longitude
    if not row.location and (lat is None or lon is None):
        return None
    gold_key = place_key(row.location) if row.location else None
    for place in places:
        if gold_key and place_key(place.name) == gold_key:
            return True
        if lat is None or lon is None or place.lat is None or place.lon is None:
            continue
        if distance_km(lat, lon, place.lat, place.lon) <= LOCATION_RADIUS_KM:
            return True
    return False


def score_row(row: AcledRow, system: SystemView) -> RowScore:
    found = system.event_type is not None or system.sub_event_type is not None
    kinds = gold_event_types(row)
    actor1_name, actor1_kind = _actor_checks(row.actor1, system.actor1, row)
    actor2_name, actor2_kind = _actor_checks(row.actor2, system.actor2, row)
    fatalities = None if row.fatalities is None else (system.fatalities or 0) == row.fatalities
    has_event = system.event_id is not None
    checks: dict[str, bool | None] = {
        "extraction_error": system.error is not None,
        "event_found": found,
        "event_type": (system.event_type in kinds) if kinds else None,
        "sub_event_type": (system.sub_event_type == row.sub_event_type)
        if row.sub_event_type
        else None,
        "actor1_name": actor1_name,
        "actor1_kind_country": actor1_kind,
        "actor2_name": actor2_name,
        "actor2_kind_country": actor2_kind,
        "actor2_spurious": (system.actor2 is not None) if row.actor2 == "" else None,
        "location": _location(row, system.places),
        "location_km": _within_radius(row, system.places),
        "country": (system.country == row.iso3) if row.iso3 else None,
        "event_date": (system.date == row.event_date.isoformat()) if row.event_date else None,
        "event_date_stated": (system.date == row.event_date.isoformat())
        if row.event_date and row.date_stated
        else None,
        "fatalities": fatalities,
        "fatalities_known": None if row.unknown_fatalities else fatalities,
        "certainty_alleged": (system.certainty == "alleged") if has_event and row.alleged else None,
        "certainty_asserted": (system.certainty == "asserted")
        if has_event and not row.alleged
        else None,
        "actor1_name_any": (row.actor1 in system.acled_names) if row.actor1 else None,
        "actor2_name_any": (row.actor2 in system.acled_names) if row.actor2 else None,
        "location_any": _location(row, system.all_places),
    }
    return RowScore(row, system, checks)


NOTES = {
    "extraction_error": "notes whose extraction raised (see the per-row file)",
    "event_found": "rows where the system found an event with an ACLED mapping",
    "actor2_spurious": "rows without ACLED actor2 where the system gave one",
    "fatalities_known": "excluding 'Unknown fatalities coded as 10' rows",
    "certainty_alleged": "notes saying alleged/reportedly: share certainty=alleged",
    "certainty_asserted": "other notes: share certainty=asserted",
    "event_date_stated": "rows whose note states the event's year (the others cannot be dated "
    "from the note alone)",
    "location": f"name match or within {LOCATION_RADIUS_KM:g} km",
    "location_km": f"within {LOCATION_RADIUS_KM:g} km of ACLED's point (distance only)",
    "actor1_name_any": "upper bound: gold actor1 among the report's actors, any role",
    "actor2_name_any": "upper bound: gold actor2 among the report's actors, any role",
    "location_any": "upper bound: gold location among the report's places, any role",
}


def figures(scores: Sequence[RowScore]) -> list[Figure]:
    """The figures over scored rows; a figure no row has gold for is left out."""
    result: list[Figure] = []
    for name in CHECKS:
        figure = share(name, (s.checks.get(name) for s in scores), NOTES.get(name, ""))
        if figure.n == 0:
            continue
        if name in FAULTS:
            figure = Figure(name, figure.value, figure.n, "lower", figure.note)
        result.append(figure)
        if name == "sub_event_type":
            gold = [s.row.sub_event_type for s in scores if s.row.sub_event_type]
            predicted = [s.system.sub_event_type for s in scores if s.row.sub_event_type]
            f1 = macro_f1(gold, predicted)  # type: ignore[arg-type]
            result.append(
                Figure(
                    "sub_event_type_macro_f1", f1, len(gold), note="over gold and predicted classes"
                )
            )
    return result
