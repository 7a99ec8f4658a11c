"""Typed events with roles, numbers and attribution (the `find_events` stage).

triggers (vocabulary in events/data/events.yaml) -> roles from the parse -> grouping per sentence ->
typing (events/data/typing.yaml) -> records with role ids, numbers, time and attribution ->
one record per event in the document -> actors as ACLED codes them in the event's theatre
(kb/data/theatres.yaml) -> ACLED's default actors where the text names none
(events/data/defaults.yaml).
"""

from __future__ import annotations

from warledger.extractors.context import Context
from warledger.extractors.events.assemble import build_candidates
from warledger.extractors.events.candidate import is_toll_only
from warledger.extractors.events.crime import apply_armed_victims, apply_criminal_violence
from warledger.extractors.events.defaults import (
    apply_armed_forces,
    apply_default_agent,
    apply_default_patient,
    apply_home_side,
    apply_return_fire,
    apply_state_units,
)
from warledger.extractors.events.fillers import MentionIndex
from warledger.extractors.events.merge import absorb, headline_end, merge_events, merge_unrest
from warledger.extractors.events.records import to_event
from warledger.extractors.events.salience import mark_main
from warledger.extractors.events.theatre import apply_theatre
from warledger.report import Event, Span


def find_events(ctx: Context) -> list[Event]:
    actors = MentionIndex.of(ctx.actors)
    places = MentionIndex.of(ctx.places)
    events: list[Event] = []
    paragraphs: dict[str, int] = {}
    triggers: dict[str, Span] = {}
    previous_violent: tuple[Event, int] | None = None
    for n, candidate in enumerate(build_candidates(ctx)):
        event = to_event(ctx, candidate, actors, places)
        event.id = f"candidate{n}"
        head = candidate.head
        triggers[event.id] = ctx.span(head.idx, head.idx + len(head))
        paragraph = ctx.text.rfind("\n\n", 0, candidate.sentence.start_char)
        paragraphs[event.id] = paragraph
        if is_toll_only(candidate) and previous_violent and previous_violent[1] == paragraph:
            absorb(previous_violent[0], event)
            continue
        events.append(event)
        if (
            event.acled
            and event.acled["event_type"] != "Strategic developments"
            and event.type != "PROTEST"
        ):
            previous_violent = (event, paragraph)
    events = merge_unrest(events, paragraphs)
    events = merge_events(events, headline_end(ctx.text))
    for event in events:
        apply_armed_forces(ctx, event)
        apply_theatre(ctx, event)
        trigger = triggers.get(event.id, event.evidence[0])
        apply_default_agent(ctx, event, trigger)
        apply_default_patient(ctx, event, trigger)
        apply_criminal_violence(ctx, event)
        apply_state_units(ctx, event)
        apply_home_side(ctx, event)
        apply_return_fire(ctx, event)
        apply_armed_victims(ctx, event)
        event.id = ctx.new_id("e")
    mark_main(events, ctx.text)
    return events


__all__ = ["find_events"]
