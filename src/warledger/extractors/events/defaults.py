"""ACLED's default actors: who an event is coded against when the text names nobody.

A government that fights is coded as its armed forces ("shelled GNA positions": the GNA's
military). A violent event without an identifiable perpetrator is "Unidentified Armed Group (<country>)"; a
protest is led by "Protesters (<country>)" and a riot by "Rioters (<country>)", with any group the
text names following as an associated actor. Violence against civilians has "Civilians (<country>)" as its
second actor, whatever the text calls the victim. The rules are data (events/data/defaults.yaml);
the default actor's evidence is the event's trigger, its country the event's place (else the
document's)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from warledger.errors import ConfigError
from warledger.extractors.actors.backfill import places_country
from warledger.extractors.actors.countries import document_date, dominant_country
from warledger.extractors.actors.find import forces_of
from warledger.extractors.context import Context
from warledger.extractors.events.records import crosswalk
from warledger.extractors.events.vocabulary import DATA
from warledger.kb.acled_names import generic_name, parse_generic
from warledger.kb.load import load_kb
from warledger.report import Actor, Event, Span
from warledger.settings import acled_as_of
from warledger.yaml_data import load_yaml

MODES = ("missing", "lead", "mentioned", "none", "keep")


FORCES = ("military", "police")


VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@dataclass(frozen=True)
class DefaultActor:
    template: str
    kind: str
    name: str
    mode: str
    keep_first_kinds: frozenset[str] = frozenset()
    force: str | None = None
    """A state force of the event's country ("police") instead of a collective template."""
    unless: re.Pattern[str] | None = None
    kinds: frozenset[str] = frozenset()
    otherwise: str | None = None
    """`mentioned` mode: the collective (template and kind) when the paragraph names nobody."""
    mutual: str | None = None
    """`mentioned` mode: the collective on both sides when the sentence has a `mutual_cues` cue."""
    mutual_cues: re.Pattern[str] | None = None
    not_kinds: frozenset[str] = frozenset()
    """Kinds that are never this event's second actor ("a suspect was shot" in a clash is one of
    the other side, not a civilian victim): dropped from the patients before the rule applies."""
    state_agent: str | None = None
    """`missing` mode: the collective instead of `template` when the first agent is a state force."""
    mutual_patterns: tuple[re.Pattern[str], ...] = ()
    """`mentioned` mode: regular expressions over the event's sentence that, like `mutual_cues`,
    say two crowds fought each other ("two village groups clashed", "a clash between ...")."""
    targets_first: frozenset[str] = frozenset()
    """`mentioned` mode: kinds that, among the event's patients or partners ("clashed with police",
    "attacked a police team"), are its second actor before anyone else."""


@lru_cache(maxsize=1)
def _defaults_yaml() -> dict[str, Any]:
    """defaults.yaml, parsed once for all of its tables (each table's reader checks its own part
    and reports a YAML error as that table's ConfigError)."""
    data = load_yaml((DATA / "defaults.yaml").read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise TypeError("defaults.yaml is not a mapping")
    return data


@lru_cache(maxsize=2)
def default_rules(section: str = "defaults") -> dict[str, DefaultActor]:
    """ACLED event_type or sub_event_type -> the default actor rule: first agents under
    `defaults`, first patients under `patients`."""
    path = DATA / "defaults.yaml"
    try:
        data = _defaults_yaml()
        rules = {
            event_type: DefaultActor(
                template=str(entry["template"]),
                kind=str(entry["kind"]),
                name=str(entry["name"]),
                mode=str(entry["mode"]),
                keep_first_kinds=frozenset(entry.get("keep_first_kinds") or ()),
                force=entry.get("force"),
                kinds=frozenset(entry.get("kinds") or ()),
                otherwise=entry.get("otherwise"),
                mutual=entry.get("mutual"),
                mutual_cues=cue_pattern([str(c) for c in entry["mutual_cues"]])
                if entry.get("mutual_cues")
                else None,
                state_agent=entry.get("state_agent"),
                mutual_patterns=tuple(
                    re.compile(str(p), re.IGNORECASE) for p in entry.get("mutual_patterns") or ()
                ),
                targets_first=frozenset(entry.get("targets_first") or ()),
                not_kinds=frozenset(entry.get("not_kinds") or ()),
                unless=cue_pattern([str(c) for c in entry["unless"]])
                if entry.get("unless")
                else None,
            )
            for event_type, entry in (data.get(section) or {}).items()
        }
    except (yaml.YAMLError, KeyError, TypeError, AttributeError, re.error) as exc:
        raise ConfigError(f"{path}: not a valid default-actor table: {exc}") from exc
    for event_type, rule in rules.items():
        if rule.mode not in MODES:
            raise ConfigError(f"{path}: {event_type}: mode must be one of {MODES}")
        if rule.force is not None and rule.force not in FORCES:
            raise ConfigError(f"{path}: {event_type}: force must be one of {FORCES}")
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


def default_actor(ctx: Context, rule: DefaultActor, iso3: str | None, evidence: Span) -> Actor:
    """The document's actor for the collective, found or added to `ctx.actors`."""
    country = load_kb().country(iso3) if iso3 else None
    if rule.force is not None:
        return _state_force(ctx, rule.force, iso3, evidence)
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


def _state_force(ctx: Context, force: str, iso3: str | None, evidence: Span) -> Actor:
    """The state force of `iso3` the text names (a unit of it included), else a new record."""
    actor = next((a for a in ctx.actors if a.kind == force and a.country == iso3), None)
    if actor is None:
        country = load_kb().country(iso3) if iso3 else None
        on = document_date(ctx)
        actor = Actor(
            id=ctx.new_id("a"),
            name=f"{force} of {country.name}" if country else force,
            kind=force,
            country=iso3,
            acled_name=country.acled_name(
                force, on, as_of=acled_as_of() or on, exported=acled_as_of()
            )
            if country
            else None,
        )
        ctx.actors.append(actor)
    if evidence not in actor.mentions:
        actor.mentions.append(evidence)
        actor.mentions.sort(key=lambda s: (s.start, s.end))
    return actor


def _mentioned(ctx: Context, event: Event, rule: DefaultActor, iso3: str | None) -> Actor | None:
    """An actor of the rule's kind (of the event's country) the event's paragraph mentions."""
    text = paragraph_of(ctx, event)
    start = ctx.text.find(text) if text else -1
    if start < 0:
        return None
    stop = start + len(text)
    return next(
        (
            a
            for a in ctx.actors
            if a.kind in (rule.kinds or {rule.kind})
            and (a.country in {iso3, None} or rule.kinds)
            and a.id not in event.agent
            and a.id not in event.partner
            and any(start <= m.start < stop for m in a.mentions)
        ),
        None,
    )


def _counter_protesters(ctx: Context, event: Event, iso3: str | None, evidence: Span) -> Actor:
    """The other side of a counter-protest: protesters of their own, beside the event's."""
    country = load_kb().country(iso3) if iso3 else None
    acled = generic_name("protesters", country) if country is not None else None
    actor = next(
        (
            a
            for a in ctx.actors
            if a.kind == "protesters" and a.acled_name == acled and a.id not in event.agent
        ),
        None,
    )
    if actor is None:
        actor = Actor(
            id=ctx.new_id("a"), name="counter-protesters", kind="protesters", country=iso3,
            acled_name=acled,
        )  # fmt: skip
        ctx.actors.append(actor)
    if evidence not in actor.mentions:
        actor.mentions.append(evidence)
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
    iso3 = event_country(ctx, event)
    force = _state_operation(ctx, event) if rule.template == "unidentified_armed_group" else None
    if force is not None and iso3 is not None:
        actor = _state_force(ctx, force, iso3, trigger)
    else:
        actor = default_actor(ctx, rule, iso3, trigger)
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
    if rule.not_kinds:
        event.patient = [a for a in event.patient if kinds.get(a) not in rule.not_kinds]
        event.partner = [a for a in event.partner if kinds.get(a) not in rule.not_kinds]
    if rule.mode == "keep":
        return
    if rule.mode == "none":
        event.patient, event.partner = [], []
        if rule.unless is not None and rule.unless.search(paragraph_of(ctx, event).lower()):
            event.patient = [_counter_protesters(ctx, event, event_country(ctx, event), trigger).id]
        return
    if rule.mode == "missing" and event.patient:
        return
    if rule.mode == "mentioned":
        if _mutual(ctx, event, rule, kinds, trigger):
            return
        if _target_first(event, rule, kinds):
            return
        if event.patient or (rule.kinds and event.partner) or not event.agent:
            return
        found = _mentioned(ctx, event, rule, event_country(ctx, event))
        if found is None and rule.otherwise is not None:
            name = rule.otherwise.replace("_", " ")
            other = DefaultActor(rule.otherwise, rule.otherwise, name, "missing")
            found = default_actor(ctx, other, event_country(ctx, event), trigger)
            if found.id in event.agent:
                found = _other_side(ctx, found, trigger)
        if found is not None:
            event.patient = [found.id]
            event.partner = [a for a in event.partner if a != found.id]
        return
    state_agent = rule.state_agent
    if state_agent is not None and event.agent and kinds.get(event.agent[0]) in FORCES:
        rule = DefaultActor(state_agent, state_agent, state_agent.replace("_", " "), "missing")
    if rule.mode == "lead" and rule.force is not None:
        # A state force the text makes a subject ("police dispersed the protesters") is the
        # second actor when the rule puts another collective first.
        forces = [
            a
            for a in event.patient + event.agent[1:]
            if kinds.get(a) in (rule.kinds or {rule.kind})
        ]
        if forces:
            event.agent = [a for a in event.agent if a != forces[0]]
            event.patient = [forces[0], *(a for a in event.patient if a != forces[0])]
            event.partner = [a for a in event.partner if a != forces[0]]
            return
    own = [a for a in event.patient if kinds.get(a) == rule.kind and a not in event.agent]
    if own:
        event.patient = [own[0], *(a for a in event.patient if a != own[0])]
        return
    actor = default_actor(ctx, rule, event_country(ctx, event), trigger)
    if actor.id in event.agent:
        return
    event.patient = [actor.id, *(a for a in event.patient if a != actor.id)]
    event.partner = [a for a in event.partner if a != actor.id]


def _other_side(ctx: Context, actor: Actor, evidence: Span) -> Actor:
    """A second record of a collective for the other side of an event ("armed men clashed":
    an unidentified armed group on each side)."""
    other = next(
        (
            a
            for a in ctx.actors
            if a.id != actor.id
            and a.kind == actor.kind
            and a.acled_name == actor.acled_name
            and a.country == actor.country
            and a.name == f"other {actor.name}"
        ),
        None,
    )
    if other is None:
        other = Actor(
            id=ctx.new_id("a"),
            name=f"other {actor.name}",
            kind=actor.kind,
            country=actor.country,
            acled_name=actor.acled_name,
        )
        ctx.actors.append(other)
    if evidence not in other.mentions:
        other.mentions.append(evidence)
        other.mentions.sort(key=lambda s: (s.start, s.end))
    return other


def _target_first(event: Event, rule: DefaultActor, kinds: dict[str, str]) -> bool:
    """An event without patients whose partner, or agent after the first, is of the rule's
    `targets_first` kinds ("a mob clashed with police", "clashes between residents and police")
    has that actor as its second actor."""
    if event.patient or not event.agent or kinds.get(event.agent[0]) in rule.targets_first:
        return False
    found = next(
        (a for a in event.partner + event.agent[1:] if kinds.get(a) in rule.targets_first), None
    )
    if found is None:
        return False
    event.patient = [found]
    event.partner = [a for a in event.partner if a != found]
    event.agent = [a for a in event.agent if a != found]
    return True


def _mutual(
    ctx: Context, event: Event, rule: DefaultActor, kinds: dict[str, str], trigger: Span
) -> bool:
    """ "Two groups clashed over land", "attacked each other with sticks": the rule's `mutual`
    collective on both sides, unless a state force is among the event's targets."""
    if rule.mutual is None or not event.evidence:
        return False
    if any(kinds.get(a) in FORCES for a in event.patient + event.partner):
        return False
    sentence = event.evidence[0]
    cued = rule.mutual_cues is not None and rule.mutual_cues.search(sentence.text.lower())
    if not cued:
        # the patterns are weaker cues: none holds when the sentence names a state force
        if not any(p.search(sentence.text) for p in rule.mutual_patterns):
            return False
        if any(
            a.kind in FORCES and any(sentence.start <= m.start < sentence.end for m in a.mentions)
            for a in ctx.actors
        ):
            return False
    iso3 = event_country(ctx, event)
    collective = DefaultActor(rule.mutual, rule.mutual, rule.mutual.replace("_", " "), "missing")
    first = default_actor(ctx, collective, iso3, trigger)
    if not event.agent or event.agent[0] != first.id:
        event.agent = [first.id, *(a for a in event.agent if a != first.id)]
    second = _other_side(ctx, first, trigger)
    event.patient = [second.id]
    event.partner = [a for a in event.partner if a not in {first.id, second.id}]
    return True


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


def cue_pattern(cues: list[str]) -> re.Pattern[str]:
    parts = [re.escape(c.rstrip("*").lower()) + (r"\w*" if c.endswith("*") else "") for c in cues]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b")


def paragraph_bounds(ctx: Context, event: Event) -> tuple[int, int]:
    """Start and end offsets of the paragraph of the event's first evidence ((0, 0) without one)."""
    if not event.evidence:
        return 0, 0
    start = event.evidence[0].start
    first = ctx.text.rfind("\n\n", 0, start) + 1
    last = ctx.text.find("\n\n", start)
    return first, last if last >= 0 else len(ctx.text)


def paragraph_of(ctx: Context, event: Event) -> str:
    """The paragraph of the event's first evidence: where a report gives the marks of a crime."""
    first, last = paragraph_bounds(ctx, event)
    return ctx.text[first:last]


@lru_cache(maxsize=1)
def _operations() -> tuple[dict[str, str], frozenset[str]]:
    path = DATA / "defaults.yaml"
    try:
        data = _defaults_yaml()["state_operations"]
        heads = {str(k).lower(): str(v) for k, v in data["heads"].items()}
        nouns = frozenset(str(n).lower() for n in data["nouns"])
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path}: not a valid state_operations table: {exc}") from exc
    for force in heads.values():
        if force not in FORCES:
            raise ConfigError(f"{path}: state_operations: {force!r} is not one of {FORCES}")
    return heads, nouns


def _state_operation(ctx: Context, event: Event) -> str | None:
    """The force of "a police raid" / "an army operation" in the event's first sentence."""
    if not event.evidence:
        return None
    heads, nouns = _operations()
    span = ctx.doc.char_span(
        event.evidence[0].start, event.evidence[0].end, alignment_mode="expand"
    )
    for token in span if span is not None else ():
        if (
            token.dep_ == "compound"
            and token.lower_ in heads
            and token.head.lower_ in nouns
            and token.head.i == token.i + 1
        ):
            return heads[token.lower_]
    return None


@dataclass(frozen=True)
class StateUnit:
    force: str
    unit: str
    cues: re.Pattern[str]


@lru_cache(maxsize=1)
def state_units() -> tuple[StateUnit, ...]:
    """The `state_units` table of defaults.yaml."""
    path = DATA / "defaults.yaml"
    try:
        data = _defaults_yaml().get("state_units") or []
        units = tuple(
            StateUnit(str(u["force"]), str(u["unit"]), cue_pattern([str(c) for c in u["cues"]]))
            for u in data
        )
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path}: not a valid state_units table: {exc}") from exc
    for unit in units:
        if unit.force not in FORCES:
            raise ConfigError(f"{path}: state_units: {unit.force!r} is not one of {FORCES}")
    return units


def apply_state_units(ctx: Context, event: Event) -> None:
    """A state force of the event whose paragraph names one of its units' people ("prison
    guards") is coded as that unit ("Police Forces of Peru (2018-) Prison Guards")."""
    if event.negated or not event.acled:
        return
    paragraph = paragraph_of(ctx, event).lower()
    by_id = {a.id: a for a in ctx.actors}
    for unit in state_units():
        if not unit.cues.search(paragraph):
            continue
        for role in ("agent", "patient", "partner"):
            ids: list[str] = []
            for actor_id in getattr(event, role):
                actor = by_id.get(actor_id)
                if (
                    actor is not None
                    and actor.kind == unit.force
                    and actor.kb_id is None
                    and actor.acled_name
                    and actor.country
                    and _plain_force(actor.acled_name)
                ):
                    actor_id = _unit_of(ctx, actor, unit).id
                if actor_id not in ids:
                    ids.append(actor_id)
            setattr(event, role, ids)


def _plain_force(acled_name: str) -> bool:
    parsed = parse_generic(acled_name, with_groups=False)
    return (
        parsed is not None and parsed.template in FORCES and not parsed.unit and not parsed.former
    )


def _unit_of(ctx: Context, actor: Actor, unit: StateUnit) -> Actor:
    acled = f"{actor.acled_name} {unit.unit}"
    found = next((a for a in ctx.actors if a.acled_name == acled and a.kind == actor.kind), None)
    if found is None:
        found = Actor(
            id=ctx.new_id("a"),
            name=f"{unit.unit.lower()} ({actor.name})",
            kind=actor.kind,
            country=actor.country,
            acled_name=acled,
        )
        ctx.actors.append(found)
    for mention in actor.mentions:
        if mention not in found.mentions:
            found.mentions.append(mention)
    found.mentions.sort(key=lambda s: (s.start, s.end))
    return found


@lru_cache(maxsize=1)
def _home_side() -> tuple[frozenset[str], frozenset[str]]:
    path = DATA / "defaults.yaml"
    try:
        data = _defaults_yaml()["home_side"]
        return frozenset(data["sub_event_types"]), frozenset(data["kinds"])
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path}: not a valid home_side table: {exc}") from exc


def apply_home_side(ctx: Context, event: Event) -> None:
    """Two states' forces in an armed clash: the forces of the country where it took place come
    first (defaults.yaml `home_side`)."""
    others = event.partner or event.patient
    if event.negated or not event.acled or not event.agent or not others:
        return
    sub_event_types, kinds = _home_side()
    if event.acled.get("sub_event_type") not in sub_event_types:
        return
    by_id = {a.id: a for a in ctx.actors}
    first, second = by_id.get(event.agent[0]), by_id.get(others[0])
    if first is None or second is None or first.kind not in kinds or second.kind not in kinds:
        return
    if first.country is None or second.country is None or first.country == second.country:
        return
    if event_country(ctx, event) != second.country:
        return
    event.agent = [second.id, *(a for a in event.agent if a != first.id)]
    if event.partner:
        event.partner = [first.id, *(a for a in event.partner if a != second.id)]
    else:
        event.patient = [first.id, *(a for a in event.patient if a != second.id)]


@lru_cache(maxsize=1)
def _return_fire() -> tuple[re.Pattern[str], frozenset[str]]:
    path = DATA / "defaults.yaml"
    try:
        data = _defaults_yaml()["return_fire"]
        return cue_pattern([str(c) for c in data["cues"]]), frozenset(data["kinds"])
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path}: not a valid return_fire table: {exc}") from exc


def apply_return_fire(ctx: Context, event: Event) -> None:
    """An attack on nobody named whose paragraph has a state force firing back is an armed clash
    with that force (defaults.yaml `return_fire`)."""
    if event.negated or not event.acled or event.acled.get("sub_event_type") != "Attack":
        return
    by_id = {a.id: a for a in ctx.actors}
    patients = [by_id[a] for a in event.patient if a in by_id]
    if not event.agent or any(p.kind != "civilians" or p.name != "civilians" for p in patients):
        return
    cues, kinds = _return_fire()
    start, stop = paragraph_bounds(ctx, event)
    if not cues.search(ctx.text[start:stop].lower()):
        return
    force = next(
        (
            a
            for a in ctx.actors
            if a.kind in kinds
            and a.id not in event.agent
            and any(start <= m.start < stop for m in a.mentions)
        ),
        None,
    )
    if force is None:
        return
    acled, plover = crosswalk("CLASH", "Armed clash")
    event.type, event.acled, event.plover = "CLASH", acled, plover
    event.patient = [force.id]
    event.partner = [a for a in event.partner if a != force.id]
