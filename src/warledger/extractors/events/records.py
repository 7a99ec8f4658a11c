"""From candidates to Event records: role ids, numbers, time, attribution, crosswalk."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from warledger.extractors.attribution.find import attribution_for
from warledger.extractors.context import Context
from warledger.extractors.events.candidate import Candidate
from warledger.extractors.events.fillers import MentionIndex, _phrase, resolve
from warledger.extractors.events.roles import SYMMETRIC, umbrellas
from warledger.extractors.events.vocabulary import vocabulary
from warledger.extractors.places.roles import anchored, nested_locations, scene
from warledger.extractors.quantities.find import (
    casualties_for,
    duration_for,
    money_for,
    purpose_for,
    quantity_for,
    terms_for,
)
from warledger.extractors.time.find import when_for
from warledger.report import Event, Span

ACTOR_ROLES = ("agent", "patient", "partner", "beneficiary")
PLACE_ROLES = ("location", "origin", "destination")
FORCE_GENERATION = {"RECRUIT", "TRAIN", "DEPLOY", "PAY", "FORCE_MOVEMENT", "SUPPORT", "AID"}
SPECIFIC = {
    "SHELLING",
    "AIR_STRIKE",
    "EXPLOSIVE",
    "CLASH",
    "PROTEST",
    "RIOT",
    "ARREST",
    "ABDUCTION",
}


def crosswalk(
    event_type: str, sub_event_type: str | None = None
) -> tuple[dict[str, str] | None, str | None]:
    """(acled {event_type, sub_event_type} or None, PLOVER type) for one of our types."""
    entry = vocabulary().crosswalk.get(event_type)
    if entry is None:
        return None, None
    if not entry.event_type or not entry.sub_event_types:
        return None, entry.plover
    sub = sub_event_type if sub_event_type in entry.sub_event_types else entry.sub_event_types[0]
    return {"event_type": entry.event_type, "sub_event_type": sub}, entry.plover


def sentence_span(ctx: Context, candidate: Candidate) -> Span:
    sent = candidate.sentence
    text = ctx.text
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return ctx.span(start, end)


def _place_ids(tokens: list[Token], places: MentionIndex) -> list[str]:
    out: list[str] = []
    for token in tokens:
        start, end = _phrase(token)
        for place_id in [resolve(token, places), *places.within(start, end)]:
            if place_id and place_id not in out:
                out.append(place_id)
    return out


def _actor_ids(tokens: list[Token], actors: MentionIndex) -> list[str]:
    out: list[str] = []
    for token in tokens:
        for actor_id in [*_shared_head_ids(token, actors), resolve(token, actors)]:
            if actor_id and actor_id not in out:
                out.append(actor_id)
    return out


def _shared_head_ids(token: Token, actors: MentionIndex) -> list[str | None]:
    """Actors named by coordinated modifiers of one head, in text order: "Turkish and Russian
    forces" gives the Turkish forces, then (from the head) the Russian ones."""
    modifiers = [t for t in token.lefts if t.dep_ in {"amod", "compound", "nmod"}]
    if not any(c.dep_ in {"conj", "cc"} for t in modifiers for c in t.children):
        return []
    chain = {t for m in modifiers for t in m.subtree if t is m or t.dep_ == "conj"}
    return [actors.at(t.idx, t.idx + len(t)) for t in sorted(chain, key=lambda t: t.i)]


def _umbrella_agents(c: Candidate, actors: MentionIndex) -> list[str]:
    """Actors named as the operation or coalition the agents act under, which ACLED codes as the
    actor ("Turkish forces and rebels under OPS shelled ..."). Only a name mentioned right at the
    phrase's head counts ("under Turkish control" names no umbrella)."""
    out: list[str] = []
    for token in [*c.roles.agent, c.head]:
        for umbrella in umbrellas(token):
            actor_id = actors.at(umbrella.idx, umbrella.idx + len(umbrella))
            if actor_id and actor_id not in out:
                out.append(actor_id)
    return out


def _is_place(ctx: Context, actor_id: str, places: MentionIndex) -> bool:
    """An "actor" every mention of which is a place the places stage found ("shelled Tal Tamr"):
    a target location, not a participant."""
    actor = next((a for a in ctx.actors if a.id == actor_id), None)
    if actor is None or actor.kb_id or not actor.mentions or actor.acled_name:
        return False
    return all(places.at(m.start, m.end) for m in actor.mentions)


def _confidence(c: Candidate, event: Event) -> float:
    score = 0.5
    if c.type in SPECIFIC or c.sub_event_type:
        score += 0.15
    if event.agent:
        score += 0.15
    if event.patient or event.partner or event.destination:
        score += 0.1
    if c.negated or c.speculative:
        score -= 0.2
    return round(min(max(score, 0.05), 0.95), 2)


def to_event(ctx: Context, c: Candidate, actors: MentionIndex, places: MentionIndex) -> Event:
    acled, plover = crosswalk(c.type, c.sub_event_type)
    evidence = sentence_span(ctx, c)
    roles = {role: _actor_ids(getattr(c.roles, role), actors) for role in ACTOR_ROLES}
    umbrella = _umbrella_agents(c, actors)
    roles["agent"] = umbrella + [a for a in roles["agent"] if a not in umbrella]
    roles["patient"] = [
        a for a in roles["patient"] if a not in roles["agent"] and not _is_place(ctx, a, places)
    ]
    roles["partner"] = [a for a in roles["partner"] if a not in roles["agent"] + roles["patient"]]
    if c.type in SYMMETRIC and not (umbrella or roles["patient"] or roles["partner"]):
        # "clashes took place between X and Y", "X and Y forces clashed": the sides, in order
        roles["agent"], roles["partner"] = roles["agent"][:1], roles["agent"][1:]
    origin = _place_ids(c.roles.origin, places)
    destination = [p for p in _place_ids(c.roles.destination, places) if p not in origin]
    nested = nested_locations(
        ctx, [_phrase(t) for t in [*c.roles.origin, *c.roles.destination]], origin + destination
    )
    origin = [p for p in origin if p not in nested]
    destination = [p for p in destination if p not in nested]
    location = [p for p in _place_ids(c.roles.location, places) if p not in origin + destination]
    location += [p for p in nested if p not in location]
    if not location and not origin and not destination:
        location = places.within(evidence.start, evidence.end)
    if not location and not origin and not destination and (lead := scene(ctx)) is not None:
        location = [lead.id]
    location = anchored(ctx, location, evidence.start, evidence.end)
    head = c.head
    trigger = (head.idx, head.idx + len(head))
    fatalities, injured = casualties_for(ctx, *trigger)
    attribution = attribution_for(ctx, *trigger)
    if c.speculative and attribution.certainty in {"asserted", "reported"}:
        attribution = dataclasses.replace(attribution, certainty="speculative")
    event = Event(
        id="",
        type=c.type,
        evidence=[evidence],
        acled=acled,
        plover=plover,
        location=location,
        origin=origin,
        destination=destination,
        when=when_for(ctx, *trigger),
        quantity=quantity_for(ctx, *trigger),
        fatalities=fatalities,
        injured=injured,
        negated=c.negated,
        attribution=attribution,
        agent=roles["agent"],
        patient=roles["patient"],
        partner=roles["partner"],
        beneficiary=roles["beneficiary"],
    )
    if c.type in FORCE_GENERATION:
        event.money = money_for(ctx, *trigger)
        event.duration = duration_for(ctx, *trigger)
        event.terms = terms_for(ctx, *trigger)
        event.purpose = purpose_for(ctx, *trigger)
    event.confidence = _confidence(c, event)
    return event
