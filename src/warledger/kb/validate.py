"""Checks on the knowledge-base data files: shape, required fields, kinds, ISO codes, Wikidata ids,
duplicate ids, undeclared shared aliases, dangling or malformed ties, and inverted date ranges.

`validate_dir(path)` reads the raw YAML (so one bad record does not hide the others) and returns
every problem found, each with its file and record id."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warledger.errors import ConfigError
from warledger.kb.acled_names import FORCES, load_templates_from
from warledger.kb.fields import (
    ACLED_FIELDS,
    ACTOR_FIELDS,
    ACTOR_KINDS,
    AMBIGUOUS_FIELDS,
    COUNTRY_FIELDS,
    ID_RE,
    TIE_FIELDS,
    UNIT_FIELDS,
    WIKIDATA_RE,
    iso3_codes,
    valid_date,
)
from warledger.kb.groups import load_groups_from
from warledger.kb.load import read_yaml
from warledger.kb.model import TIE_MODES, TIE_TYPES, alias_key, day_bound
from warledger.kb.theatres import load_theatres_from


@dataclass(frozen=True)
class Problem:
    file: str
    record: str  # the record's id (actor id, ISO3, alias), or "" for the file as a whole
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = f"{self.file}: {self.record}" if self.record else self.file
        return f"{self.severity}: {where}: {self.message}"


def validate_dir(directory: Path) -> list[Problem]:
    """Every problem in the KB data under `directory` (countries.yaml, actors/*.yaml,
    ambiguous.yaml, acled_templates.yaml)."""
    checker = _Checker()
    countries = directory / "countries.yaml"
    if countries.exists():
        checker.countries(countries)
    else:
        checker.add("countries.yaml", "", "missing")
    actor_files = sorted((directory / "actors").glob("*.yaml"))
    if not actor_files:
        checker.add("actors/", "", "no actor files")
    for path in actor_files:
        checker.actors(path)
    ambiguous = directory / "ambiguous.yaml"
    if ambiguous.exists():
        checker.ambiguous(ambiguous)
    theatres = directory / "theatres.yaml"
    if theatres.exists():
        checker.theatres(theatres)
    groups = directory / "groups.yaml"
    if groups.exists():
        checker.groups(groups)
    templates = directory / "acled_templates.yaml"
    if templates.exists():
        try:
            load_templates_from(templates)
        except ConfigError as exc:
            checker.add(templates.name, "", str(exc))
    checker.cross_checks()
    return checker.problems


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.iso3 = iso3_codes()
        self.country_codes: dict[str, str] = {}  # iso3 -> file
        self.country_regimes: set[str] = set()
        self.actor_ids: dict[str, str] = {}  # id -> file
        self.aliases: dict[str, dict[str, str]] = {}  # alias_key -> {actor id: file}
        self.ties: list[tuple[str, str, str]] = []  # (file, actor id, target)
        self.theatre_refs: list[tuple[str, str]] = []  # (rule's actor, referenced id)
        self.unit_refs: list[tuple[str, str]] = []  # (country, unit actor id)
        self.declared: dict[str, tuple[str, ...]] = {}
        self.acled: dict[str, list[str]] = {}  # explicit ACLED name -> actor ids
        # alias_key of a country's name, alias, demonym or metonym -> iso3
        self.country_names: dict[str, str] = {}

    def add(self, file: str, record: str, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(file, record, message, severity))

    def _records(self, path: Path, name: str) -> list[dict[str, Any]]:
        try:
            data = read_yaml(path)
        except ConfigError as exc:
            self.add(name, "", str(exc))
            return []
        if data is None:
            return []
        if not isinstance(data, list):
            self.add(name, "", "expected a list of records at the top level")
            return []
        good = []
        for i, record in enumerate(data):
            if isinstance(record, dict):
                good.append(record)
            else:
                self.add(name, f"#{i + 1}", f"expected a mapping, found {type(record).__name__}")
        return good

    def _fields(self, name: str, rid: str, record: dict[str, Any], allowed: frozenset[str]) -> None:
        for key in sorted(set(record) - allowed):
            self.add(name, rid, f"unknown field {key!r}")

    def _strings(self, name: str, rid: str, record: dict[str, Any], key: str) -> list[str]:
        value = record.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.add(name, rid, f"{key} must be a list of non-empty strings")
            return []
        return value

    def _range(self, name: str, rid: str, what: str, start: Any, end: Any) -> None:
        for label, value in (("start", start), ("end", end)):
            if value is not None and not valid_date(value):
                self.add(name, rid, f"{what}: {label} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
                return
        first, last = day_bound(_text(start)), day_bound(_text(end), end=True)
        if first and last and first > last:
            self.add(name, rid, f"{what}: start {start} is after end {end}")

    def _wikidata(self, name: str, rid: str, value: Any) -> None:
        if value is not None and not (isinstance(value, str) and WIKIDATA_RE.match(value)):
            self.add(name, rid, f"wikidata {value!r} is not a Q-id like Q858")

    def countries(self, path: Path) -> None:
        name = path.name
        for record in self._records(path, name):
            iso = str(record.get("iso3", ""))
            rid = iso or "?"
            self._fields(name, rid, record, COUNTRY_FIELDS)
            for key in ("iso3", "name"):
                if not record.get(key):
                    self.add(name, rid, f"missing required field {key!r}")
            if iso and iso not in self.iso3:
                self.add(name, rid, f"{iso!r} is not an ISO 3166 alpha-3 code")
            if iso in self.country_codes:
                self.add(name, rid, "duplicate country")
            self.country_codes[iso] = name
            names: list[Any] = [record.get("name")]
            for key in ("aliases", "demonyms", "metonyms"):
                names.extend(self._strings(name, rid, record, key))
            for country_name in names:
                if isinstance(country_name, str):
                    self.country_names.setdefault(alias_key(country_name), iso)
            self._wikidata(name, rid, record.get("wikidata"))
            self._acled(name, rid, record.get("acled"))

    def _acled(self, name: str, rid: str, acled: Any) -> None:
        if acled is None:
            return
        if not isinstance(acled, dict):
            self.add(name, rid, "acled must be a mapping")
            return
        self._fields(name, rid, acled, ACLED_FIELDS)
        for regime in acled.get("regimes") or []:
            if not isinstance(regime, dict) or not regime.get("label"):
                self.add(name, rid, f"acled regime {regime!r} needs a label")
                continue
            self._range(
                name, rid, f"regime {regime['label']}", regime.get("start"), regime.get("end")
            )
        if acled.get("regimes"):
            self.country_regimes.add(rid)
        units = acled.get("units") or {}
        if not isinstance(units, dict):
            self.add(name, rid, "acled.units must map a phrase to a KB actor id")
        else:
            self.unit_refs.extend((rid, str(v)) for v in units.values())
        for force in FORCES:
            self._names(name, rid, f"acled.{force}", acled.get(force))

    def _names(self, name: str, rid: str, what: str, names: Any) -> None:
        if names is None:
            return
        if not isinstance(names, list):
            self.add(name, rid, f"{what} must be a list of {{name, start, end}}")
            return
        for entry in names:
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                self.add(name, rid, f"{what}: entry {entry!r} needs a name")
                continue
            self._range(
                name, rid, f"{what} {entry['name']!r}", entry.get("start"), entry.get("end")
            )

    def actors(self, path: Path) -> None:
        name = f"actors/{path.name}"
        for i, record in enumerate(self._records(path, name)):
            rid = str(record.get("id") or f"#{i + 1}")
            self._fields(name, rid, record, ACTOR_FIELDS)
            for key in ("id", "name", "kind"):
                if not record.get(key):
                    self.add(name, rid, f"missing required field {key!r}")
            if record.get("id"):
                if not ID_RE.match(rid):
                    self.add(
                        name, rid, "id must look like 'syr.hts' (three letters, a dot, a slug)"
                    )
                if rid in self.actor_ids:
                    self.add(name, rid, f"duplicate id (also in {self.actor_ids[rid]})")
                self.actor_ids[rid] = name
            kind = record.get("kind")
            if kind and kind not in ACTOR_KINDS:
                self.add(name, rid, f"kind {kind!r} is not an ONTOLOGY.md actor kind")
            country = record.get("country")
            if country is not None and country not in self.iso3:
                self.add(name, rid, f"country {country!r} is not an ISO 3166 alpha-3 code")
            self._wikidata(name, rid, record.get("wikidata"))
            for alias in [record.get("name"), *self._strings(name, rid, record, "aliases")]:
                if isinstance(alias, str):
                    self.aliases.setdefault(alias_key(alias), {})[rid] = name
            self._strings(name, rid, record, "acled_former_names")
            self._names(name, rid, "acled_names", record.get("acled_names"))
            explicit = [record.get("acled_name")]
            explicit += [
                n.get("name") for n in record.get("acled_names") or [] if isinstance(n, dict)
            ]
            for acled in {a for a in explicit if isinstance(a, str)}:
                self.acled.setdefault(acled, []).append(rid)
            self._unit(name, rid, record)
            self._ties(name, rid, record.get("ties"))

    def _unit(self, name: str, rid: str, record: dict[str, Any]) -> None:
        unit = record.get("acled_unit")
        if unit is None:
            return
        if not isinstance(unit, dict):
            self.add(name, rid, "acled_unit must be a mapping {force, unit?, since?, until?}")
            return
        self._fields(name, rid, unit, UNIT_FIELDS)
        if unit.get("force") not in FORCES:
            self.add(name, rid, f"acled_unit.force must be one of {', '.join(FORCES)}")
        if not record.get("country"):
            self.add(name, rid, "acled_unit needs the actor's country")
        self._range(name, rid, "acled_unit", unit.get("since"), unit.get("until"))

    def _ties(self, name: str, rid: str, ties: Any) -> None:
        if ties is None:
            return
        if not isinstance(ties, list):
            self.add(name, rid, "ties must be a list")
            return
        for tie in ties:
            if not isinstance(tie, dict):
                self.add(name, rid, f"tie {tie!r} must be a mapping")
                continue
            self._fields(name, rid, tie, TIE_FIELDS)
            if tie.get("type") not in TIE_TYPES:
                self.add(
                    name, rid, f"tie type {tie.get('type')!r} is not one of {', '.join(TIE_TYPES)}"
                )
            if tie.get("mode") is not None and tie["mode"] not in TIE_MODES:
                self.add(
                    name, rid, f"tie mode {tie['mode']!r} is not one of {', '.join(TIE_MODES)}"
                )
            if not tie.get("target"):
                self.add(name, rid, "tie without a target")
            else:
                self.ties.append((name, rid, str(tie["target"])))
            self._range(
                name,
                rid,
                f"tie {tie.get('type')} {tie.get('target')}",
                tie.get("start"),
                tie.get("end"),
            )

    def ambiguous(self, path: Path) -> None:
        name = path.name
        for record in self._records(path, name):
            alias = str(record.get("alias") or "")
            self._fields(name, alias, record, AMBIGUOUS_FIELDS)
            candidates = record.get("candidates")
            if not alias or not isinstance(candidates, list) or len(candidates) < 2:
                self.add(name, alias, "needs an alias and at least two candidates")
                continue
            self.declared[alias_key(alias)] = tuple(str(c) for c in candidates)
            by_country = record.get("by_country") or {}
            if not isinstance(by_country, dict):
                self.add(name, alias, "by_country must map ISO3 codes to candidates")
                continue
            for code, chosen in by_country.items():
                if str(code) not in self.iso3:
                    self.add(name, alias, f"{code!r} is not an ISO3 country code")
                if str(chosen) not in candidates:
                    self.add(name, alias, f"{chosen!r} is not one of its candidates")

    def theatres(self, path: Path) -> None:
        try:
            rules = load_theatres_from(path)
        except ConfigError as exc:
            self.add(path.name, "", str(exc))
            return
        for rule in rules.values():
            self.theatre_refs.extend(
                (rule.actor, ref) for ref in (rule.actor, rule.coded_as) if ref is not None
            )
            for code in sorted(rule.countries - self.iso3):
                self.add(path.name, rule.actor, f"{code!r} is not an ISO3 country code")

    def groups(self, path: Path) -> None:
        try:
            found = load_groups_from(path)
        except ConfigError as exc:
            self.add(path.name, "", str(exc))
            return
        seen: set[tuple[str, str]] = set()
        for group in found:
            for code in sorted({group.country, *group.also} - self.iso3):
                self.add(path.name, group.name, f"{code!r} is not an ISO3 country code")
            if (group.country, group.name) in seen:
                self.add(path.name, group.name, f"listed twice for {group.country}")
            seen.add((group.country, group.name))

    def cross_checks(self) -> None:
        for iso3, ref in self.unit_refs:
            if ref not in self.actor_ids:
                self.add("countries.yaml", iso3, f"unit {ref!r} is not a KB actor id")
        for rid, ref in self.theatre_refs:
            if ref not in self.actor_ids:
                self.add("theatres.yaml", rid, f"{ref!r} is not a KB actor id")
        for file, rid, target in self.ties:
            if target not in self.actor_ids and target not in self.country_codes:
                self.add(file, rid, f"tie target {target!r} is neither a KB actor id nor a country")
        for key, holders in sorted(self.aliases.items()):
            if len(holders) < 2:
                continue
            declared = self.declared.get(key)
            if declared is None or not set(holders) <= set(declared):
                ids = ", ".join(sorted(holders))
                file = next(iter(holders.values()))
                self.add(file, ids, f"alias {key!r} is shared and not declared in ambiguous.yaml")
        for key, holders in sorted(self.aliases.items()):
            if key in self.country_names:
                ids = ", ".join(sorted(holders))
                file = next(iter(holders.values()))
                message = f"alias {key!r} is also a name of the country {self.country_names[key]}"
                self.add(file, ids, message, "warning")
        for acled, holder_ids in sorted(self.acled.items()):
            if len(holder_ids) > 1:
                file = self.actor_ids.get(holder_ids[0], "actors/")
                message = f"ACLED name {acled!r} is given to several actors"
                self.add(file, ", ".join(holder_ids), message, "warning")
        for key, candidates in self.declared.items():
            for candidate in candidates:
                if candidate not in self.actor_ids:
                    self.add("ambiguous.yaml", key, f"candidate {candidate!r} is not a KB actor id")
                elif candidate not in self.aliases.get(key, {}):
                    self.add(
                        "ambiguous.yaml", key, f"{candidate} does not carry this alias", "warning"
                    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
