"""Loading the knowledge base from its YAML data files (kb/data/), once per process."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from warledger.errors import ConfigError
from warledger.kb.model import KbActor, KbCountry, KnowledgeBase, Tie


def data_dir() -> Path:
    return Path(str(files("warledger.kb").joinpath("data")))


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _records(path: Path) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a list of records at the top level")
    return data


def parse_actor(record: dict[str, Any], source_file: str) -> KbActor:
    try:
        ties = tuple(
            Tie(
                type=str(t["type"]),
                target=str(t["target"]),
                start=None if t.get("start") is None else str(t["start"]),
                end=None if t.get("end") is None else str(t["end"]),
                mode=t.get("mode"),
            )
            for t in record.get("ties") or []
        )
        return KbActor(
            id=str(record["id"]),
            name=str(record["name"]),
            kind=str(record["kind"]),
            country=record.get("country"),
            aliases=_tuple(record.get("aliases")),
            wikidata=record.get("wikidata"),
            acled_name=record.get("acled_name"),
            description=record.get("description"),
            ties=ties,
            source_file=source_file,
        )
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"{source_file}: actor record {record!r} lacks {exc}") from exc


def parse_country(record: dict[str, Any]) -> KbCountry:
    acled = record.get("acled") or {}
    return KbCountry(
        iso3=str(record["iso3"]),
        name=str(record["name"]),
        aliases=_tuple(record.get("aliases")),
        demonyms=_tuple(record.get("demonyms")),
        capital=record.get("capital"),
        metonyms=_tuple(record.get("metonyms")),
        wikidata=record.get("wikidata"),
        acled_military=acled.get("military"),
        acled_police=acled.get("police"),
        acled_government=acled.get("government"),
        region=record.get("region"),
    )


def load_kb_from(directory: Path) -> KnowledgeBase:
    """Read countries.yaml and every actors/*.yaml below `directory`."""
    kb = KnowledgeBase()
    countries = directory / "countries.yaml"
    if countries.exists():
        for record in _records(countries):
            country = parse_country(record)
            kb.countries[country.iso3] = country
    for path in sorted((directory / "actors").glob("*.yaml")):
        for record in _records(path):
            actor = parse_actor(record, path.name)
            kb.actors[actor.id] = actor
    kb.index()
    return kb


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The bundled knowledge base."""
    return load_kb_from(data_dir())
