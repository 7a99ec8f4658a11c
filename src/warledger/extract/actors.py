"""Actors: named and described, resolved to one record per identity within a document."""

from __future__ import annotations

from warledger.extract.context import Context
from warledger.report import Actor

_KIND_BY_LABEL = {"PERSON": "person", "ORG": "other", "NORP": "other"}


def find_actors(ctx: Context) -> list[Actor]:
    """Actors from the named entities, one record per distinct name, every mention as evidence."""
    by_name: dict[str, Actor] = {}
    for ent in ctx.doc.ents:
        kind = _KIND_BY_LABEL.get(ent.label_)
        if kind is None:
            continue
        name = ent.text.strip()
        actor = by_name.get(name)
        if actor is None:
            actor = by_name[name] = Actor(id=ctx.new_id("a"), name=name, kind=kind)
        actor.mentions.append(ctx.span_of(ent))
    return list(by_name.values())
