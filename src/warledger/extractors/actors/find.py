"""Actors: named and described, resolved to one record per identity within a document.

`find_actors(ctx)` is the pipeline stage. The events stage asks which actor a stretch of text
refers to with `actor_at(ctx, start, end)` (the actor whose mention best covers it) and
`actors_in(ctx, start, end)` (every actor with a mention inside it, in text order). When a
government "does" a violent act ("the GNA shelled ..."), `forces_of(ctx, actor)` gives the actor
of its armed forces, which is what ACLED codes.
"""

from __future__ import annotations

from warledger.extractors.actors.countries import (
    document_countries,
    document_date,
    dominant_country,
    home_country,
)
from warledger.extractors.actors.described import described_mentions
from warledger.extractors.actors.named import named_mentions
from warledger.extractors.actors.resolve import ARMED_KINDS, Resolver
from warledger.extractors.actors.vocabulary import country_index, vocabulary
from warledger.extractors.context import Context
from warledger.kb.load import load_kb
from warledger.kb.model import KbActor
from warledger.report import Actor
from warledger.settings import acled_as_of

__all__ = [
    "find_actors",
    "actor_at",
    "actors_in",
    "forces_of",
    "stands_for",
    "document_countries",
    "document_date",
]


def find_actors(ctx: Context) -> list[Actor]:
    """Every actor of the document with all its mentions as evidence spans."""
    vocab = vocabulary()
    index = country_index()
    kb = load_kb()
    named = named_mentions(ctx.doc, vocab, index, kb)
    others = described_mentions(ctx.doc, vocab, index)
    resolver = Resolver(ctx, kb, vocab, dominant_country(ctx), document_date(ctx))
    resolver.home = home_country(ctx) or resolver.country
    actors = resolver.run(named, others).actors()
    for actor in actors:
        actor.mentions.sort(key=lambda s: (s.start, s.end))
    return actors


def actor_at(ctx: Context, start: int, end: int) -> Actor | None:
    """The actor whose mention covers the characters [start, end) most tightly: a mention that
    contains the stretch (the shortest such), else the one overlapping it most."""
    best: tuple[tuple[int, int], Actor] | None = None
    for actor in ctx.actors:
        for span in actor.mentions:
            overlap = min(end, span.end) - max(start, span.start)
            if overlap <= 0:
                continue
            contains = span.start <= start and end <= span.end
            score = (0, span.end - span.start) if contains else (1, -overlap)
            if best is None or score < best[0]:
                best = (score, actor)
    return best[1] if best else None


def actors_in(ctx: Context, start: int, end: int) -> list[Actor]:
    """Actors with a mention inside [start, end), in order of their first mention there."""
    found: list[tuple[int, Actor]] = []
    for actor in ctx.actors:
        inside = [s.start for s in actor.mentions if start <= s.start and s.end <= end]
        if inside:
            found.append((min(inside), actor))
    return [actor for _, actor in sorted(found, key=lambda pair: pair[0])]


def forces_of(ctx: Context, actor: Actor) -> Actor | None:
    """The armed forces of a government actor: the KB actor that is PART_OF it with an armed kind,
    else the military of its country. Found among `ctx.actors` or added to them, with the
    government's mentions as evidence. None for actors that are not governments."""
    if actor.kind not in {"government", "state"}:
        return None
    kb = load_kb()
    on = document_date(ctx)
    target = None
    if actor.kb_id:
        target = next(
            (
                a
                for a in kb.actors.values()
                if a.kind in ARMED_KINDS
                and any(t.type == "PART_OF" and t.target == actor.kb_id for t in a.ties)
            ),
            None,
        )
    if target is not None:
        return stands_for(ctx, actor, target)
    country = kb.country(actor.country) if actor.country else None
    if country is None:
        return None
    name = f"Military Forces of {country.name}"
    existing = next((a for a in ctx.actors if a.kind == "military" and a.name == name), None)
    forces = existing or Actor(
        id=ctx.new_id("a"),
        name=name,
        kind="military",
        country=country.iso3,
        acled_name=country.acled_name(
            "military", on, as_of=acled_as_of() or on, exported=acled_as_of()
        ),
    )
    if existing is None:
        ctx.actors.append(forces)
    _lend_mentions(actor, forces)
    return forces


def stands_for(ctx: Context, named: Actor, target: KbActor) -> Actor:
    """The document's actor for the KB actor `target`, found among `ctx.actors` or added to them,
    with the mentions of `named` (the actor the text names, which `target` stands for) as
    evidence: a government's armed forces, a movement's branch in a theatre."""
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
    _lend_mentions(named, actor)
    return actor


def _lend_mentions(named: Actor, actor: Actor) -> None:
    for span in named.mentions:
        if span not in actor.mentions:
            actor.mentions.append(span)
    actor.mentions.sort(key=lambda s: (s.start, s.end))
