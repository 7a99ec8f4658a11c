"""The resolution rules of `data/resolve.yaml`, read and checked once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from warledger.errors import ConfigError


@dataclass(frozen=True)
class Rules:
    shingle_words: int
    num_perm: int
    threshold: float
    exact: float
    min_shingles: int
    described_kinds: frozenset[str]
    described_stop: frozenset[str]
    head_synonyms: dict[str, str]
    never_merge: frozenset[str]
    affiliation_relations: tuple[str, ...]
    family_of: dict[str, str]
    cross_type_families: frozenset[str]
    near_km: float
    same_place_km: float
    undated_window_days: int
    max_buckets: int
    points: dict[str, int]
    min_points: int
    slack_days: dict[str, int]
    coarse_place_families: frozenset[str]
    min_points_by_family: dict[str, int]
    coarse_needs: tuple[frozenset[str], ...]
    people_classes: dict[str, str]
    people_families: frozenset[str]
    countryless_families: frozenset[str]
    reference_families: frozenset[str]
    site_kinds: frozenset[str]
    precise_places: frozenset[str]
    certainty_order: tuple[str, ...]
    flow_types: frozenset[str]
    sponsor_kinds: frozenset[str]
    min_number: float
    network_types: frozenset[str]
    gap_days: int

    def family(self, event_type: str) -> str:
        return self.family_of.get(event_type, "other")

    def needed_points(self, family: str) -> int:
        return self.min_points_by_family.get(family, self.min_points)

    def certainty_rank(self, certainty: str) -> int:
        order = self.certainty_order
        return order.index(certainty) if certainty in order else len(order)


def parse_rules(data: dict[str, Any]) -> Rules:
    try:
        dedup, actors, events = data["dedup"], data["actors"], data["events"]
        family_of = {t: name for name, types in events["families"].items() for t in types}
        points = {str(k): int(v) for k, v in events["points"].items()}
        kinds = {
            "place",
            "admin",
            "area",
            "agent",
            "patient",
            "beneficiary",
            "same_day",
            "money",
            "people",
        }
        missing = kinds - set(points)
        if missing:
            raise ConfigError(f"resolve.yaml: events.points lacks {sorted(missing)}")
        unknown = {str(m) for need in events["coarse_needs"] for m in need} - kinds
        if unknown:
            raise ConfigError(f"resolve.yaml: events.coarse_needs names no match {sorted(unknown)}")
        return Rules(
            shingle_words=int(dedup["shingle_words"]),
            num_perm=int(dedup["num_perm"]),
            threshold=float(dedup["threshold"]),
            exact=float(dedup["exact"]),
            min_shingles=int(dedup.get("min_shingles", 0)),
            described_kinds=frozenset(actors["described_kinds"]),
            described_stop=frozenset(actors["described_stop"]),
            head_synonyms=dict(actors["head_synonyms"]),
            never_merge=frozenset(actors["never_merge"]),
            affiliation_relations=tuple(actors.get("affiliation_relations") or ()),
            family_of=family_of,
            cross_type_families=frozenset(events["cross_type_families"]),
            near_km=float(events["near_km"]),
            same_place_km=float(events.get("same_place_km", events["near_km"])),
            undated_window_days=int(events["undated_window_days"]),
            max_buckets=int(events["max_buckets"]),
            points=points,
            min_points=int(events["min_points"]),
            coarse_place_families=frozenset(events.get("coarse_place_families") or []),
            slack_days={str(k): int(v) for k, v in (events.get("slack_days") or {}).items()},
            min_points_by_family={
                str(k): int(v) for k, v in (events.get("min_points_by_family") or {}).items()
            },
            coarse_needs=tuple(frozenset(str(m) for m in need) for need in events["coarse_needs"]),
            people_classes={str(k): str(v) for k, v in events["people_classes"].items()},
            people_families=frozenset(events["people_families"]),
            countryless_families=frozenset(events["countryless_families"]),
            reference_families=frozenset(events["reference_families"]),
            site_kinds=frozenset(events["site_kinds"]),
            precise_places=frozenset(events["precise_places"]),
            certainty_order=tuple(events["certainty_order"]),
            flow_types=frozenset(data["flows"]["types"]),
            sponsor_kinds=frozenset(data["flows"]["sponsor_kinds"]),
            min_number=float(data["flows"].get("min_number", 0)),
            network_types=frozenset(data["network"]["types"]),
            gap_days=int(data["network"]["gap_days"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"resolve.yaml is malformed ({type(exc).__name__}: {exc})") from exc


@lru_cache(maxsize=1)
def rules() -> Rules:
    text = files("warledger.resolve").joinpath("data", "resolve.yaml").read_text("utf-8")
    return parse_rules(yaml.safe_load(text))
