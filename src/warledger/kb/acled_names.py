"""ACLED's generic actor names ("Civilians (Libya)", "Military Forces of Kenya (2013-2022)"), filled
from the templates in kb/data/acled_templates.yaml, and read back into their parts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from warledger.errors import ConfigError
from warledger.kb.model import AcledName, AcledRegime, KbCountry
from warledger.yaml_data import load_yaml

FORCES = ("military", "police", "government")
INTERNATIONAL = "International"


@dataclass(frozen=True)
class Templates:
    state_forces: dict[str, str]
    state_forces_legacy: dict[str, str]
    former_prefix: str
    collectives: dict[str, str]
    standalone: dict[str, str]
    group_collectives: dict[str, str]
    legacy_until: str | None = None
    """Exports made before this day (ISO) carry the legacy names of state forces."""


@dataclass(frozen=True)
class GenericName:
    """An ACLED name read back: which template, for which country, group and regime."""

    template: str  # a key of one of the template tables
    country: str | None = None  # as ACLED writes it
    group: str | None = None
    regime: str | None = None  # "2009-2024"
    unit: str | None = None  # what follows a state-force name: "Rapid Action Battalion"
    former: bool = False


def templates_path() -> Path:
    return Path(str(files("warledger.kb").joinpath("data", "acled_templates.yaml")))


def load_templates_from(path: Path) -> Templates:
    try:
        data: dict[str, Any] = load_yaml(path.read_text(encoding="utf-8")) or {}
        return Templates(
            state_forces=dict(data["state_forces"]),
            state_forces_legacy=dict(data["state_forces_legacy"]),
            former_prefix=str(data["former_prefix"]),
            collectives=dict(data["collectives"]),
            standalone=dict(data["standalone"]),
            group_collectives=dict(data["group_collectives"]),
            legacy_until=str(data["state_forces_legacy_until"])
            if data.get("state_forces_legacy_until")
            else None,
        )
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: not a valid ACLED template table: {exc}") from exc


@lru_cache(maxsize=1)
def templates() -> Templates:
    return load_templates_from(templates_path())


def acled_country(country: KbCountry | str | None) -> str:
    """How ACLED writes the country inside a collective's brackets ("International" for None)."""
    if country is None:
        return INTERNATIONAL
    if isinstance(country, str):
        return country
    return _bare(country.acled_country or country.name)


def _bare(name: str) -> str:
    """Brackets drop the article: "Civilians (United States)", not "(the United States)"."""
    return name[4:] if name.startswith("the ") else name


def force_names(
    country: KbCountry, regimes: tuple[AcledRegime, ...], force: str
) -> tuple[AcledName, ...]:
    """The time-bounded names of a state's `force` built from its regimes."""
    template = templates().state_forces[force]
    spelled = country.acled_country or country.name
    return tuple(
        AcledName(template.format(country=spelled, regime=f"({r.label})"), r.start, r.end)
        for r in regimes
    )


def state_force_name(
    country: KbCountry,
    force: str = "military",
    on: str | date | None = None,
    *,
    unit: str | None = None,
    former: bool = False,
    legacy: bool = False,
) -> str | None:
    """ACLED's name of a state's military, police or government on a date (default: the latest),
    optionally for a unit ("Police Forces of Kenya (2013-2022) General Service Unit"). `legacy`
    gives the pre-2016 style without regime years."""
    if force not in FORCES:
        raise ValueError(f"force must be one of {FORCES}, not {force!r}")
    if legacy:
        name: str | None = (
            templates()
            .state_forces_legacy[force]
            .format(country=country.acled_country or country.name)
        )
    else:
        name = country.acled_name(force, on)
    if name is None:
        return None
    if unit:
        name = f"{name} {unit}"
    return f"{templates().former_prefix}{name}" if former else name


def generic_name(
    kind: str, country: KbCountry | str | None = None, group: str | None = None
) -> str:
    """A collective's ACLED name: generic_name("civilians", syria) -> "Civilians (Syria)";
    generic_name("ethnic_militia", kenya, "Pokot") -> "Pokot Ethnic Militia (Kenya)"."""
    table = templates()
    spelled = acled_country(country)
    if kind in table.group_collectives:
        if not group:
            raise ValueError(f"{kind} needs a group name")
        return table.group_collectives[kind].format(group=group, country=spelled)
    if kind in table.collectives and (country is not None or kind not in table.standalone):
        return table.collectives[kind].format(country=spelled)
    if kind in table.standalone:
        return table.standalone[kind]
    raise ValueError(f"no ACLED template named {kind!r}")


def generic_kinds() -> tuple[str, ...]:
    table = templates()
    return tuple(dict.fromkeys([*table.collectives, *table.standalone, *table.group_collectives]))


def _pattern(template: str) -> re.Pattern[str]:
    text = re.escape(template)
    text = text.replace(r"\{country\}", r"(?P<country>[^()]+?)")
    text = text.replace(r"\{group\}", r"(?P<group>[^()]+?)")
    text = text.replace(r"\{regime\}", r"\((?P<regime>\d{4}-(?:\d{4})?)\)")
    return re.compile(text)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(table, key, pattern) with fixed-text templates before the open `{group}` ones."""
    table = templates()
    out: list[tuple[str, str, re.Pattern[str]]] = []
    for key, template in table.standalone.items():
        out.append(("standalone", key, re.compile(re.escape(template))))
    for key, template in table.collectives.items():
        out.append(("collectives", key, _pattern(template)))
    for key, template in table.group_collectives.items():
        out.append(("group_collectives", key, _pattern(template)))
    return tuple(out)


@lru_cache(maxsize=1)
def _force_patterns() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
    table = templates()
    out = []
    for force in FORCES:
        current = _pattern(table.state_forces[force]).pattern + r"(?: (?P<unit>.+))?"
        legacy = _pattern(table.state_forces_legacy[force]).pattern
        out.append((force, re.compile(current), re.compile(legacy)))
    return tuple(out)


def parse_generic(name: str, *, with_groups: bool = True) -> GenericName | None:
    """Read an ACLED actor string back into its template, or None when it is no generic name.
    `with_groups=False` leaves out the open "{group} ..." templates."""
    text = name.strip()
    former = text.startswith(templates().former_prefix)
    if former:
        text = text[len(templates().former_prefix) :]
    for force, current, legacy in _force_patterns():
        match = current.fullmatch(text)
        if match:
            return GenericName(
                force, match["country"], regime=match["regime"], unit=match["unit"], former=former
            )
        match = legacy.fullmatch(text)
        if match and "(" not in match["country"]:
            return GenericName(force, match["country"], former=former)
    for table, key, pattern in _patterns():
        if table == "group_collectives" and not with_groups:
            continue
        match = pattern.fullmatch(text)
        if match:
            groups = match.groupdict()
            return GenericName(key, groups.get("country"), groups.get("group"), former=former)
    return None
