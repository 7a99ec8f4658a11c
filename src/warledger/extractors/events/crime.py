"""ACLED's conventions for organised-crime violence (the rule data is `criminal_violence` in
`data/defaults.yaml`): in the theatres listed there an unidentified armed group is an
"Unidentified Gang (X)" when its paragraph has an organised-crime cue, and goods seized by the
police are seized from that gang. In every theatre, an attack whose victim was a gang member or a
drug trafficker is an armed clash with an unidentified gang (`armed_victims`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from warledger.errors import ConfigError
from warledger.extractors.context import Context
from warledger.extractors.events.defaults import (
    DefaultActor,
    cue_pattern,
    default_actor,
    paragraph_of,
)
from warledger.extractors.events.records import crosswalk
from warledger.extractors.events.vocabulary import DATA
from warledger.kb.acled_names import generic_name
from warledger.kb.load import load_kb
from warledger.report import Actor, Event
from warledger.yaml_data import load_yaml


@dataclass(frozen=True)
class CriminalViolence:
    """Where and on what cues an unidentified armed group is an unidentified gang (defaults.yaml)."""

    regions: frozenset[str]
    countries: frozenset[str]
    cues: re.Pattern[str]
    template: str
    by_country: dict[str, dict[str, str]]
    seizure_types: frozenset[str] = frozenset()
    seizure_agents: frozenset[str] = frozenset()
    seizure_cues: re.Pattern[str] | None = None

    def applies(self, iso3: str | None) -> bool:
        if iso3 is None:
            return False
        country = load_kb().country(iso3)
        return iso3 in self.countries or (country is not None and country.region in self.regions)

    def template_for(self, iso3: str, event: Event) -> str:
        table = self.by_country.get(iso3) or {}
        acled = event.acled or {}
        return (
            table.get(acled.get("sub_event_type") or "")
            or table.get(acled.get("event_type") or "")
            or self.template
        )


@lru_cache(maxsize=1)
def criminal_violence() -> CriminalViolence:
    path = DATA / "defaults.yaml"
    try:
        data = (load_yaml(path.read_text(encoding="utf-8")) or {})["criminal_violence"]
        seizures = data.get("seizures") or {}
        return CriminalViolence(
            regions=frozenset(data.get("regions") or ()),
            countries=frozenset(data.get("countries") or ()),
            cues=cue_pattern([str(c) for c in data["cues"]]),
            template=str(data["template"]),
            by_country={str(k): dict(v) for k, v in (data.get("by_country") or {}).items()},
            seizure_types=frozenset(seizures.get("sub_event_types") or ()),
            seizure_agents=frozenset(seizures.get("agent_kinds") or ()),
            seizure_cues=cue_pattern([str(c) for c in seizures["cues"]])
            if seizures.get("cues")
            else None,
        )
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path}: not a valid criminal_violence table: {exc}") from exc


def apply_criminal_violence(ctx: Context, event: Event) -> None:
    """An unidentified armed group of an event with the marks of organised crime, in a theatre
    where ACLED codes such violence to gangs, is an unidentified gang."""
    rules = criminal_violence()
    if event.negated or not event.acled:
        return
    by_id = {a.id: a for a in ctx.actors}
    _seized_from_gang(ctx, event, rules, by_id)
    generic = [
        by_id[i]
        for i in event.agent + event.patient + event.partner
        if i in by_id
        and by_id[i].kind == "unidentified_armed_group"
        and by_id[i].kb_id is None
        and rules.applies(by_id[i].country)
    ]
    if not generic or not rules.cues.search(paragraph_of(ctx, event).lower()):
        return
    for actor in generic:
        iso3 = actor.country or ""
        country = load_kb().country(iso3)
        if country is None or actor.acled_name != generic_name("unidentified_armed_group", country):
            continue
        template = rules.template_for(iso3, event)
        rule = DefaultActor(
            template=template,
            kind="unidentified_armed_group",
            name="unidentified gang",
            mode="missing",
        )
        gang = default_actor(
            ctx, rule, iso3, actor.mentions[0] if actor.mentions else event.evidence[0]
        )
        for role in ("agent", "patient", "partner"):
            ids = [gang.id if i == actor.id else i for i in getattr(event, role)]
            setattr(event, role, list(dict.fromkeys(ids)))


def _seized_from_gang(
    ctx: Context, event: Event, rules: CriminalViolence, by_id: dict[str, Actor]
) -> None:
    """Drugs or a laboratory seized by the state's forces: the gang is the second actor."""
    agent = by_id.get(event.agent[0]) if event.agent else None
    named = [
        i
        for i in event.patient
        if i not in by_id or by_id[i].kind != "unidentified_armed_group" or by_id[i].kb_id
    ]  # an unidentified armed group put there by the default rules is the gang
    if (
        named
        or event.partner
        or agent is None
        or agent.kind not in rules.seizure_agents
        or (event.acled or {}).get("sub_event_type") not in rules.seizure_types
        or rules.seizure_cues is None
        or not rules.applies(agent.country)
        or not rules.seizure_cues.search(paragraph_of(ctx, event).lower())
    ):
        return
    rule = DefaultActor(
        template=rules.template, kind="unidentified_armed_group", name="unidentified gang",
        mode="missing",
    )  # fmt: skip
    gang = default_actor(ctx, rule, agent.country, event.evidence[0])
    event.patient = [gang.id]


@lru_cache(maxsize=1)
def armed_victim_cues() -> re.Pattern[str] | None:
    """`armed_victims` in defaults.yaml: the ways a note says an attack's victim was a gang
    member or a drug trafficker."""
    path = DATA / "defaults.yaml"
    try:
        data = (load_yaml(path.read_text(encoding="utf-8")) or {})["criminal_violence"]
        cues = [str(c) for c in data.get("armed_victims") or ()]
        return re.compile("|".join(f"(?:{c})" for c in cues), re.IGNORECASE) if cues else None
    except (yaml.YAMLError, KeyError, TypeError, AttributeError, re.error) as exc:
        raise ConfigError(
            f"{path}: not a valid criminal_violence.armed_victims list: {exc}"
        ) from exc


def apply_armed_victims(ctx: Context, event: Event) -> None:
    """An attack whose victim belonged to a gang or trafficked drugs is an armed clash between
    organised criminal groups (ACLED's convention): the civilian second actor becomes an
    unidentified gang of the event's country; the first actor stays as it was coded."""
    cues = armed_victim_cues()
    acled = event.acled or {}
    if cues is None or event.negated or acled.get("sub_event_type") != "Attack":
        return
    if not cues.search(paragraph_of(ctx, event)):
        return
    by_id = {a.id: a for a in ctx.actors}
    victims = [i for i in event.patient if i in by_id and by_id[i].kind == "civilians"]
    if event.patient and not victims:
        return  # a victim the text names as something else (a state force, a party)
    iso3 = next((by_id[i].country for i in victims if by_id[i].country), None)
    iso3 = iso3 or next(
        (by_id[i].country for i in event.agent if i in by_id and by_id[i].country), None
    )
    event.type = "CLASH"
    event.acled, event.plover = crosswalk("CLASH")
    rule = DefaultActor(
        template="unidentified_gang", kind="unidentified_armed_group", name="unidentified gang",
        mode="missing",
    )  # fmt: skip
    evidence = (
        by_id[victims[0]].mentions[0]
        if victims and by_id[victims[0]].mentions
        else event.evidence[0]
    )
    gang = default_actor(ctx, rule, iso3, evidence)
    event.patient = [gang.id] + [i for i in event.patient if i not in victims and i != gang.id]
