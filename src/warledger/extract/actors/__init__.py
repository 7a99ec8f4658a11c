"""Actors: named and described, resolved to one record per identity within a document.

`find_actors(ctx)` is the pipeline stage. The events stage asks which actor a stretch of text
refers to with `actor_at(ctx, start, end)` (the actor whose mention best covers it) and
`actors_in(ctx, start, end)` (every actor with a mention inside it, in text order).
"""

from __future__ import annotations

from warledger.extract.actors.countries import document_countries, document_date, dominant_country
from warledger.extract.actors.mentions import described_mentions, named_mentions, pronoun_mentions
from warledger.extract.actors.resolve import Resolver
from warledger.extract.actors.vocabulary import country_index, vocabulary
from warledger.extract.context import Context
from warledger.kb.load import load_kb
from warledger.report import Actor

__all__ = ["find_actors", "actor_at", "actors_in", "document_countries", "document_date"]


def find_actors(ctx: Context) -> list[Actor]:
    """Every actor of the document with all its mentions as evidence spans."""
    vocab = vocabulary()
    index = country_index()
    kb = load_kb()
    named = named_mentions(ctx.doc, vocab, index, kb)
    others = described_mentions(ctx.doc, vocab, index) + pronoun_mentions(ctx.doc, vocab)
    resolver = Resolver(ctx, kb, vocab, dominant_country(ctx), document_date(ctx))
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
