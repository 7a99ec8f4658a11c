"""ACLED's default actors: who an event is coded against when the text names nobody.

A government that fights is coded as its armed forces ("shelled GNA positions": the GNA's
military). A violent event without an identifiable perpetrator is "Unidentified Armed Group (<country>)"; a
protest is led by "Protesters (<country>)" and a riot by "Rioters (<country>)", with any group the
text names following as an associated actor. Violence against civilians has "Civilians (<country>)" as its
second actor, whatever the text calls the victim. The rules are data (events/data/defaults.yaml);
the default actor's evidence is the event's trigger, its country the event's place (else the
document's).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from warledger.errors import ConfigError
from warledger.extractors.actors.backfill import places_country
from warledger.extractors.actors.countries import dominant_country
from warledger.extractors.actors.find import forces_of
from warledger.extractors.context import Context
from warledger.extractors.events.vocabulary import DATA
from warledger.kb.acled_names import generic_name
from warledger.kb.load import load_kb
from warledger.report import Actor, Event, Span
from warledger.yaml_data import load_yaml

MODES = ("missing", "lead")
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@dataclass(frozen=True)
class DefaultActor:
    template: str
    kind: str
    name: str
    mode: str
    keep_first_kinds: frozenset[str] = frozenset()


@lru_cache(maxsize=2)
def default_rules(section: str = "defaults") -> dict[str, DefaultActor]:
    """ACLED event_type or sub_event_type -> the default actor rule: first agents under
    `defaults`, first patients under `patients`."""
    path = DATA / "defaults.yaml"
    try:
        data: dict[str, Any] = load_yaml(path.read_text(encoding="utf-8")) or {}
        rules = {
            event_type: DefaultActor(
                template=str(entry["template"]),
                kind=str(entry["kind"]),
                name=str(entry["name"]),
                mode=str(entry["mode"]),
                keep_first_kinds=frozenset(entry.get("keep_first_kinds") or ()),
            )
            for event_type, entry in (data.get(section) or {}).items()
        }
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path}: not a valid default-actor table: {exc}") from exc
    for event_type, rule in rules.items():
        if rule.mode not in MODES:
            raise ConfigError(f"{path}: {event_type}: mode must be one of {MODES}")
    return rules


def event_country(ctx: Context, event: Event) -> str | None:
    """The ISO3 most of the event's places lie in, else the one the document's places agree on,
    else the event's first place's, else the country the document's actors point to."""
    by_id = {p.id: p for p in ctx.places}
    own = [by_id[i] for i in event.location + event.destination + event.origin if i in by_id]
    votes = Counter(p.country for p in own if p.country).most_common(2)
    if votes and (len(votes) == 1 or votes[0][1] > votes[1][1]):
        return votes[0][0]
    return (
        places_country(ctx.places)
        or next((p.country for p in own if p.country), None)
        or dominant_country(ctx)
    )


def _default_actor(ctx: Context, rule: DefaultActor, iso3: str | None, evidence: Span) -> Actor:
    """The document's actor for the collective, found or added to `ctx.actors`."""
    country = load_kb().country(iso3) if iso3 else None
    acled = generic_name(rule.template, country) if country is not None else None
    actor = next(
        (
            a
            for a in ctx.actors
            if a.kind == rule.kind
            and a.country == iso3
            and (a.acled_name == acled or a.acled_name is None and acled is None)
        ),
        None,
    )
    if actor is None:
        actor = Actor(
            id=ctx.new_id("a"), name=rule.name, kind=rule.kind, country=iso3, acled_name=acled
        )
        ctx.actors.append(actor)
    if evidence not in actor.mentions:
        actor.mentions.append(evidence)
        actor.mentions.sort(key=lambda s: (s.start, s.end))
    return actor


def _rule_for(event: Event, section: str) -> DefaultActor | None:
    if event.negated or not event.acled:
        return None
    rules = default_rules(section)
    return rules.get(event.acled.get("sub_event_type") or "") or rules.get(
        event.acled["event_type"]
    )


def apply_default_agent(ctx: Context, event: Event, trigger: Span) -> None:
    """Give `event` ACLED's default first agent where its rule says so (see module docstring)."""
    rule = _rule_for(event, "defaults")
    if rule is None:
        return
    kinds = {a.id: a.kind for a in ctx.actors}
    if rule.mode == "missing" and event.agent:
        return
    if rule.mode == "lead" and event.agent:
        first = kinds.get(event.agent[0])
        if first == rule.kind or first in rule.keep_first_kinds:
            return
    actor = _default_actor(ctx, rule, event_country(ctx, event), trigger)
    event.agent = [actor.id, *(a for a in event.agent if a != actor.id)]
    event.patient = [a for a in event.patient if a != actor.id]
    event.partner = [a for a in event.partner if a != actor.id]


def apply_default_patient(ctx: Context, event: Event, trigger: Span) -> None:
    """Give `event` ACLED's default first patient where its rule says so: a patient of the rule's
    kind that the text names is moved first, else the collective is added first (victims of
    violence against civilians are "Civilians (<country>)" whoever the text says they were)."""
    rule = _rule_for(event, "patients")
    if rule is None:
        return
    kinds = {a.id: a.kind for a in ctx.actors}
    if rule.mode == "missing" and event.patient:
        return
    own = [a for a in event.patient if kinds.get(a) == rule.kind and a not in event.agent]
    if own:
        event.patient = [own[0], *(a for a in event.patient if a != own[0])]
        return
    actor = _default_actor(ctx, rule, event_country(ctx, event), trigger)
    if actor.id in event.agent:
        return
    event.patient = [actor.id, *(a for a in event.patient if a != actor.id)]
    event.partner = [a for a in event.partner if a != actor.id]


def apply_armed_forces(ctx: Context, event: Event) -> None:
    """In a violent event, a government taking part stands for its armed forces."""
    if not event.acled or event.acled["event_type"] not in VIOLENT:
        return
    by_id = {a.id: a for a in ctx.actors}
    for role in ("agent", "patient", "partner"):
        ids: list[str] = []
        for actor_id in getattr(event, role):
            actor = by_id.get(actor_id)
            forces = forces_of(ctx, actor) if actor and actor.kind == "government" else None
            chosen = forces.id if forces else actor_id
            if chosen not in ids:
                ids.append(chosen)
        setattr(event, role, ids)
    event.patient = [a for a in event.patient if a not in event.agent]
    event.partner = [a for a in event.partner if a not in event.agent + event.patient]
