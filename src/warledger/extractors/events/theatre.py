"""Actors as ACLED codes them in the theatre of an event (kb/data/theatres.yaml): "Islamic State"
fighting in Syria is "Islamic State (Syria)", US forces in Iraq are the Global Coalition Against
Daesh. The actor the text names keeps its mentions; the coded actor gets them as evidence too."""

from __future__ import annotations

from warledger.extractors.actors import document_date
from warledger.extractors.context import Context
from warledger.extractors.events.defaults import event_country
from warledger.kb.load import load_kb
from warledger.kb.model import KbActor
from warledger.kb.theatres import coded_as
from warledger.report import Actor, Event
from warledger.settings import acled_as_of

ROLES = ("agent", "patient", "partner")


def apply_theatre(ctx: Context, event: Event) -> None:
    """Replace, in the event's roles, each actor ACLED codes otherwise in the event's country."""
    if not event.acled:
        return
    by_id = {a.id: a for a in ctx.actors}
    iso3 = event_country(ctx, event)
    on = document_date(ctx)
    kb = load_kb()
    for role in ROLES:
        ids: list[str] = []
        for actor_id in getattr(event, role):
            actor = by_id.get(actor_id)
            target = coded_as(actor.kb_id, iso3, on, kb) if actor and actor.kb_id else None
            chosen = _record(ctx, actor, target).id if actor and target else actor_id
            if chosen not in ids:
                ids.append(chosen)
        setattr(event, role, ids)


def _record(ctx: Context, named: Actor, target: KbActor) -> Actor:
    """The document's actor for `target`, found or added, with `named`'s mentions as evidence."""
    actor = next((a for a in ctx.actors if a.kb_id == target.id), None)
    if actor is None:
        on = document_date(ctx)
        actor = Actor(
            id=ctx.new_id("a"),
            name=target.name,
            kind=target.kind,
            country=target.country,
            kb_id=target.id,
            wikidata=target.wikidata,
            acled_name=target.acled_name_on(on, as_of=acled_as_of() or on),
        )
        ctx.actors.append(actor)
    for span in named.mentions:
        if span not in actor.mentions:
            actor.mentions.append(span)
    actor.mentions.sort(key=lambda s: (s.start, s.end))
    return actor
