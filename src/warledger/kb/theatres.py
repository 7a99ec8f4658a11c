"""How ACLED codes an actor by the theatre it acts in (kb/data/theatres.yaml): a movement by its
branch in the country ("Islamic State" in Syria is "Islamic State (Syria)"), a state's forces by
the coalition they fight in there (US forces in Syria and Iraq: the Global Coalition Against
Daesh)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from warledger.errors import ConfigError
from warledger.kb.load import data_dir, load_kb, read_yaml
from warledger.kb.model import KbActor, KnowledgeBase, covers


@dataclass(frozen=True)
class Theatre:
    actor: str
    branches: bool = False
    coded_as: str | None = None
    countries: frozenset[str] = frozenset()
    start: str | None = None
    end: str | None = None


def parse_theatres(records: Any, source: str = "theatres.yaml") -> dict[str, Theatre]:
    if not isinstance(records, list):
        raise ConfigError(f"{source}: a list of theatre rules is expected")
    rules: dict[str, Theatre] = {}
    for record in records:
        try:
            rule = Theatre(
                actor=str(record["actor"]),
                branches=bool(record.get("branches", False)),
                coded_as=str(record["coded_as"]) if record.get("coded_as") else None,
                countries=frozenset(str(c) for c in record.get("countries") or ()),
                start=str(record["start"]) if record.get("start") else None,
                end=str(record["end"]) if record.get("end") else None,
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"{source}: not a theatre rule: {record!r}") from exc
        if rule.branches == bool(rule.coded_as):
            raise ConfigError(f"{source}: {rule.actor}: give either branches or coded_as")
        if rule.coded_as and not rule.countries:
            raise ConfigError(f"{source}: {rule.actor}: coded_as needs countries")
        rules[rule.actor] = rule
    return rules


def load_theatres_from(path: Path) -> dict[str, Theatre]:
    records = read_yaml(path) or []
    return parse_theatres(records, path.name)


@lru_cache(maxsize=1)
def theatres() -> dict[str, Theatre]:
    path = data_dir() / "theatres.yaml"
    return load_theatres_from(path) if path.exists() else {}


def coded_as(
    actor_id: str, iso3: str | None, on: date | None, kb: KnowledgeBase | None = None
) -> KbActor | None:
    """The KB actor ACLED codes `actor_id` as when it acts in `iso3` on `on`, or None when the
    actor keeps its own name there."""
    rule = theatres().get(actor_id)
    if rule is None or iso3 is None:
        return None
    kb = kb or load_kb()
    if rule.coded_as:
        if iso3 in rule.countries and (on is None or covers(rule.start, rule.end, on)):
            return kb.actor(rule.coded_as)
        return None
    for candidate in kb.actors.values():
        if candidate.country != iso3:
            continue
        ties = candidate.ties_on(on) if on else candidate.ties
        if any(t.type == "PART_OF" and t.target == actor_id for t in ties):
            return candidate
    return None
