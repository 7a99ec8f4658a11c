"""Loading the knowledge base from its YAML data files (kb/data/), once per process."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from warledger.errors import ConfigError
from warledger.kb.acled_names import FORCES, force_names, state_force_name, templates
from warledger.kb.model import (
    AcledName,
    AcledRegime,
    KbActor,
    KbCountry,
    KnowledgeBase,
    Tie,
    alias_key,
    day_bound,
    open_label,
    pick_acled_name,
)
from warledger.yaml_data import load_yaml


def data_dir() -> Path:
    return Path(str(files("warledger.kb").joinpath("data")))


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _bound(value: Any) -> str | None:
    """YAML reads 2016-03-30 as a date and 2016 as an int; bounds are kept as ISO text."""
    return None if value is None else str(value)


def read_yaml(path: Path) -> Any:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc


def _records(path: Path) -> list[dict[str, Any]]:
    data = read_yaml(path) or []
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ConfigError(f"{path}: expected a list of records (mappings) at the top level")
    return data


def _names(records: Any) -> tuple[AcledName, ...]:
    return tuple(
        AcledName(str(r["name"]), _bound(r.get("start")), _bound(r.get("end")))
        for r in records or []
    )


def _regimes(records: Any) -> tuple[AcledRegime, ...]:
    return tuple(
        AcledRegime(str(r["label"]), _bound(r.get("start")), _bound(r.get("end")))
        for r in records or []
    )


def parse_country(record: dict[str, Any]) -> KbCountry:
    acled = record.get("acled") or {}
    country = KbCountry(
        iso3=str(record["iso3"]),
        name=str(record["name"]),
        aliases=_tuple(record.get("aliases")),
        demonyms=_tuple(record.get("demonyms")),
        capital=record.get("capital"),
        metonyms=_tuple(record.get("metonyms")),
        wikidata=record.get("wikidata"),
        region=record.get("region"),
        acled_country=acled.get("country"),
        acled_regimes=_regimes(acled.get("regimes")),
        acled_units=tuple(
            (" ".join(str(k).lower().replace("-", " ").split()), str(v))
            for k, v in (acled.get("units") or {}).items()
        ),
    )
    by_force = tuple(
        (
            force,
            _names(acled[force])
            if acled.get(force)
            else force_names(country, country.acled_regimes, force),
        )
        for force in FORCES
    )
    country = replace(country, acled_names=by_force)
    legacy = tuple(
        (force, str(state_force_name(country, force, legacy=True)))
        for force in FORCES
        if not acled.get(force) and country.acled_regimes
    )
    return replace(
        country,
        acled_legacy=legacy,
        acled_legacy_until=templates().legacy_until if legacy else None,
        acled_military=country.acled_name("military"),
        acled_police=country.acled_name("police"),
        acled_government=country.acled_name("government"),
        acled_former_names=_former_names(country, _tuple(acled.get("legacy_names"))),
    )


def _former_names(country: KbCountry, legacy: tuple[str, ...]) -> tuple[str, ...]:
    opened = (_open_labels(names) for _force, names in country.acled_names)
    return tuple(dict.fromkeys([*legacy, *(n for names in opened for n in names)]))


def _open_labels(names: tuple[AcledName, ...]) -> tuple[str, ...]:
    """Older spellings ACLED exports carry: a running regime is labelled "(2013-)" and relabelled
    "(2013-2022)" when it ends, so exports made before the end hold the open label."""
    opened = (open_label(n.name) for n in names if n.end is not None)
    return tuple(dict.fromkeys(n for n in opened if n))


def parse_actor(
    record: dict[str, Any], source_file: str, countries: dict[str, KbCountry] | None = None
) -> KbActor:
    try:
        ties = tuple(
            Tie(
                type=str(t["type"]),
                target=str(t["target"]),
                start=_bound(t.get("start")),
                end=_bound(t.get("end")),
                mode=t.get("mode"),
            )
            for t in record.get("ties") or []
        )
        names = _names(record.get("acled_names")) + _unit_names(record, countries or {})
        acled_name = record.get("acled_name")
        if acled_name and all(n.name != acled_name for n in names):
            names = (AcledName(str(acled_name)), *names)
        if names and not acled_name:
            acled_name = pick_acled_name(names)
        return KbActor(
            id=str(record["id"]),
            name=str(record["name"]),
            kind=str(record["kind"]),
            country=record.get("country"),
            aliases=_tuple(record.get("aliases")),
            wikidata=record.get("wikidata"),
            acled_name=None if acled_name is None else str(acled_name),
            description=record.get("description"),
            ties=ties,
            source_file=source_file,
            acled_names=names,
            acled_former_names=_tuple(record.get("acled_former_names")) + _open_labels(names),
        )
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"{source_file}: actor record {record!r} lacks {exc}") from exc


def _unit_names(record: dict[str, Any], countries: dict[str, KbCountry]) -> tuple[AcledName, ...]:
    """A state unit's ACLED names follow its state's regimes: `acled_unit: {force, unit, since}`
    gives "Police Forces of Kenya (2013-2022) General Service Unit" and the other periods."""
    spec = record.get("acled_unit")
    if not spec:
        return ()
    country = countries.get(str(record.get("country")))
    if country is None:
        raise ConfigError(f"actor {record.get('id')}: acled_unit needs a known country")
    since = day_bound(_bound(spec.get("since")))
    until = day_bound(_bound(spec.get("until")), end=True)
    out = []
    for force, names in country.acled_names:
        if force != spec["force"]:
            continue
        for name in names:
            end = day_bound(name.end, end=True)
            if since and end and end <= since:
                continue
            if until and (day_bound(name.start) or "") >= until:
                continue
            unit = spec.get("unit")
            out.append(
                AcledName(f"{name.name} {unit}" if unit else name.name, name.start, name.end)
            )
    return tuple(out)


def parse_ambiguous(records: list[dict[str, Any]]) -> dict[str, tuple[str, ...]]:
    return {alias_key(str(r["alias"])): _tuple(r["candidates"]) for r in records}


def parse_ambiguous_by_country(records: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """alias_key -> {ISO3: actor id}: which candidate an alias names in a country's coverage."""
    return {
        alias_key(str(r["alias"])): {str(k): str(v) for k, v in r["by_country"].items()}
        for r in records
        if isinstance(r.get("by_country"), dict)
    }


def load_kb_from(directory: Path) -> KnowledgeBase:
    """Read countries.yaml, ambiguous.yaml and every actors/*.yaml below `directory`."""
    kb = KnowledgeBase()
    countries = directory / "countries.yaml"
    if countries.exists():
        for record in _records(countries):
            country = parse_country(record)
            kb.countries[country.iso3] = country
    for path in sorted((directory / "actors").glob("*.yaml")):
        for record in _records(path):
            actor = parse_actor(record, path.name, kb.countries)
            kb.actors[actor.id] = actor
    ambiguous = directory / "ambiguous.yaml"
    if ambiguous.exists():
        records = _records(ambiguous)
        kb.ambiguous = parse_ambiguous(records)
        kb.ambiguous_by_country = parse_ambiguous_by_country(records)
    add_acled_abbreviations(kb)
    kb.index()
    return kb


ACLED_ABBREVIATION = re.compile(r"^([A-Z][A-Za-z]*[A-Z][A-Za-z-]*): ")


def add_acled_abbreviations(kb: KnowledgeBase) -> None:
    """ACLED writes a group's abbreviation before its name ("JWS: Syrian National Army") and uses
    it in its notes: each becomes an alias of its actor, unless it already names another actor or
    a country."""
    taken: dict[str, set[str]] = {}
    for actor in kb.actors.values():
        for alias in (actor.name, *actor.aliases):
            taken.setdefault(alias_key(alias), set()).add(actor.id)
    for country in kb.countries.values():
        for name in (country.name, *country.aliases):
            taken.setdefault(alias_key(name), set()).add(country.iso3)
    derived: dict[str, dict[str, str]] = {}  # alias key -> {actor id: spelling}
    for actor in kb.actors.values():
        for acled in {actor.acled_name or "", *(n.name for n in actor.acled_names)}:
            match = ACLED_ABBREVIATION.match(acled)
            if match and len(match.group(1)) <= 8:
                derived.setdefault(alias_key(match.group(1)), {})[actor.id] = match.group(1)
    for key, holders in derived.items():
        if len(holders) != 1 or taken.get(key, set()) - set(holders):
            continue
        ((actor_id, spelled),) = holders.items()
        actor = kb.actors[actor_id]
        if key not in taken:
            kb.actors[actor_id] = replace(actor, aliases=(*actor.aliases, spelled))


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The bundled knowledge base."""
    return load_kb_from(data_dir())
