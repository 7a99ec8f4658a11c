"""Ethnic groups, clans and tribes whose armed men ACLED codes as a collective of their own
("Pokot Ethnic Militia (Kenya)", "Habar Gidir Clan Militia (Somalia)"), from
kb/data/groups.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from warledger.errors import ConfigError
from warledger.kb.load import data_dir, read_yaml
from warledger.kb.model import alias_key

GROUP_KINDS = ("ethnic", "clan", "tribal", "communal")


@dataclass(frozen=True)
class Group:
    name: str
    """As ACLED spells it."""
    kind: str
    """ethnic, clan, tribal or communal."""
    country: str
    also: tuple[str, ...] = ()
    spellings: tuple[str, ...] = ()

    @property
    def template(self) -> str:
        """The kb/data/acled_templates.yaml group collective of its armed men."""
        return f"{self.kind}_militia"

    def country_for(self, iso3: str | None) -> str:
        """The country its militia is filed under when it acts in `iso3`."""
        return iso3 if iso3 in (self.country, *self.also) else self.country


def parse_groups(records: Any, source: str = "groups.yaml") -> tuple[Group, ...]:
    if not isinstance(records, list):
        raise ConfigError(f"{source}: a list of country records is expected")
    out: list[Group] = []
    for record in records:
        try:
            country, kind = str(record["country"]), str(record["kind"])
            names = [str(n) for n in record["names"]]
            also = tuple(str(c) for c in record.get("also") or ())
        except (KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"{source}: not a group record: {record!r}") from exc
        if kind not in GROUP_KINDS:
            raise ConfigError(f"{source}: {country}: kind must be one of {GROUP_KINDS}")
        for entry in names:
            name, _, rest = entry.partition("=")
            spellings = tuple(s.strip() for s in rest.split("|") if s.strip())
            out.append(Group(name.strip(), kind, country, also, spellings))
    return tuple(out)


def load_groups_from(path: Path) -> tuple[Group, ...]:
    records = read_yaml(path) or []
    return parse_groups(records, path.name)


@lru_cache(maxsize=1)
def groups() -> tuple[Group, ...]:
    path = data_dir() / "groups.yaml"
    return load_groups_from(path) if path.exists() else ()


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Group, ...]]:
    index: dict[str, list[Group]] = {}
    for group in groups():
        for spelling in (group.name, *group.spellings):
            found = index.setdefault(alias_key(spelling), [])
            if group not in found:
                found.append(group)
    return {k: tuple(v) for k, v in index.items()}


def groups_named(text: str) -> tuple[Group, ...]:
    """The groups `text` names (one per country record that lists it)."""
    return _index().get(alias_key(text), ())


def group_named(text: str, iso3: str | None = None) -> Group | None:
    """The group `text` names, preferring the record of the country `iso3`."""
    found = groups_named(text)
    if not found:
        return None
    return next((g for g in found if iso3 in (g.country, *g.also)), found[0])
