"""Actors as ACLED codes them in the theatre of an event (kb/data/theatres.yaml): "Islamic State"
fighting in Syria is "Islamic State (Syria)", US forces in Iraq are the Global Coalition Against
Daesh. The actor the text names keeps its mentions; the coded actor gets them as evidence too."""

from __future__ import annotations

from warledger.extractors.actors.find import document_date, stands_for
from warledger.extractors.context import Context
from warledger.extractors.events.defaults import event_country
from warledger.kb.load import load_kb
from warledger.kb.theatres import coded_as
from warledger.report import Event

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
            chosen = stands_for(ctx, actor, target).id if actor and target else actor_id
            if chosen not in ids:
                ids.append(chosen)
        setattr(event, role, ids)
