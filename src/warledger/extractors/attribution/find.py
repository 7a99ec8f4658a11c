"""Sources, statements and certainty: who said it, through whom, and how sure.

`find_attribution` turns the acts of reported speech that `extract.statements` finds into Source
and Statement records, with each statement's chain from the original speaker to the publishing
outlet. `attribution_for` tells a later stage which statement a claim at [start, end) belongs to,
through whom it came, and how certain it is; statements are indexed once per document.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from warledger.extractors.attribution.certainty import (
    clause_certainty,
    cue_certainty,
    more_uncertain,
    span_heads,
)
from warledger.extractors.attribution.sources import SourceBook
from warledger.extractors.attribution.statements import FoundStatement, StatementFinder
from warledger.extractors.context import Context
from warledger.report import Attribution, Certainty, Source, Statement

# Relays that carry a claim on: "told reporters" is no link in the chain, "told Reuters" is.
_RELAY_KINDS = frozenset({"outlet", "organization", "document", "social_media"})


@dataclass
class _Claim:
    statement: Statement
    chain: list[str]
    cue: str
    certainty: Certainty
    """The statement's own certainty combined with the statements it is reported inside."""
    doubts: list[tuple[int, int, Certainty]] = field(default_factory=list)
    """Parts of the content a doubt folded into the statement covers ("said he believes ...")."""


@dataclass
class AttributionIndex:
    """The statements of one document, for `attribution_for`."""

    claims: list[_Claim] = field(default_factory=list)
    cue_tokens: dict[int, _Claim] = field(default_factory=dict)
    """Token index of each statement's cue word -> its claim."""
    publisher: str | None = None


_INDEXES: dict[int, AttributionIndex] = {}


def find_attribution(ctx: Context) -> tuple[list[Source], list[Statement]]:
    """Every statement in the document and the sources they name (the publishing outlet first)."""
    book = SourceBook(ctx)
    publisher = book.publisher.id if book.publisher else None
    claims: list[_Claim] = []
    cue_tokens: dict[int, _Claim] = {}
    for found in sorted(StatementFinder(ctx.doc, ctx.text).find(), key=lambda f: f.cue_start):
        claims.append(_claim(ctx, book, found, publisher))
        cue_tokens[found.cue.i] = claims[-1]
    _nest_chains(claims, publisher)
    for claim in claims:
        claim.statement.chain = list(claim.chain)
    _remember(ctx, AttributionIndex(claims, cue_tokens, publisher))
    return book.sources, [claim.statement for claim in claims]


def attribution_for(ctx: Context, start: int, end: int) -> Attribution:
    """The attribution of a claim at characters [start, end): the statement that contains it, its
    source chain and cue, and the claim's certainty."""
    index = _INDEXES.get(id(ctx)) or AttributionIndex()
    claim = _containing(ctx, index, start, end)
    clause = clause_certainty(ctx.doc, start, end, frozenset(index.cue_tokens))
    if claim is None:
        outlet = [index.publisher] if index.publisher else []
        return Attribution(
            sources=outlet, chain=list(outlet), cue=None, certainty=clause, statement=None
        )
    statement = claim.statement
    certainty = more_uncertain(claim.certainty, clause)
    for level in _doubts_over(ctx, claim, start, end):
        certainty = more_uncertain(certainty, level)
    return Attribution(
        sources=[statement.source] if statement.source else [],
        chain=list(claim.chain),
        cue=claim.cue,
        certainty=certainty,
        statement=statement.id,
    )


def statement_chains(ctx: Context) -> dict[str, list[str]]:
    """Statement id -> chain of source ids, for the statements `find_attribution` found in ctx."""
    index = _INDEXES.get(id(ctx)) or AttributionIndex()
    return {claim.statement.id: list(claim.chain) for claim in index.claims}


def _claim(ctx: Context, book: SourceBook, found: FoundStatement, publisher: str | None) -> _Claim:
    source: Source | None = None
    source_span = None
    if found.source is not None and found.source_head is not None:
        source = book.mention(found.source, found.source_head).source
        source_span = ctx.span(found.source.start_char, found.source.end_char)
        if found.channel and not source.channel:
            source.channel = found.channel
    chain = [source.id] if source else []
    for phrase, head in found.relays:
        relay = book.relay(phrase, head, _RELAY_KINDS)
        if relay is not None:
            chain.append(relay.id)
    if publisher:
        chain.append(publisher)
    statement = Statement(
        id=ctx.new_id("st"),
        source=source.id if source else None,
        source_span=source_span,
        cue_span=ctx.span(found.cue_start, found.cue_end),
        content_span=ctx.span(found.content_start, found.content_end),
        certainty=cue_certainty(found.cue, found.lemma) if source or found.cue else "reported",
    )
    cue = ctx.text[found.cue_start : found.cue_end]
    doubts = [
        (doubt.content_start, doubt.content_end, cue_certainty(doubt.cue, doubt.lemma))
        for doubt in found.folded
    ]
    return _Claim(statement, _unique(chain), cue, statement.certainty, doubts)


def _nest_chains(claims: list[_Claim], publisher: str | None) -> None:
    """A statement reported inside another one ("X said sources told Y that ...") continues the
    outer statement's chain, and is as uncertain as it ("denied claims that ...")."""
    by_size = sorted(
        claims, key=lambda c: c.statement.content_span.end - c.statement.content_span.start
    )
    for claim in reversed(by_size):
        cue = claim.statement.cue_span
        if cue is None:
            continue
        outer = _containing_claim(claims, cue.start, cue.end, exclude=claim)
        if outer is None:
            continue
        own = [s for s in claim.chain if s != publisher]
        claim.chain = _unique(own + outer.chain)
        claim.certainty = more_uncertain(claim.certainty, outer.certainty)


def _doubts_over(ctx: Context, claim: _Claim, start: int, end: int) -> list[Certainty]:
    """The levels of the doubts folded into a statement that cover the claim (or its head)."""
    if not claim.doubts:
        return []
    points = [(start, end)] + [
        (head.idx, head.idx + len(head.text)) for head in span_heads(ctx.doc, start, end)
    ]
    return [
        level
        for doubt_start, doubt_end, level in claim.doubts
        if any(doubt_start <= a and b <= doubt_end for a, b in points)
    ]


def _containing(ctx: Context, index: AttributionIndex, start: int, end: int) -> _Claim | None:
    """The statement a claim belongs to: the innermost whose content holds it or, for a claim
    given by its whole sentence, the one that holds (or is cued by) the sentence's main verb."""
    inner = _containing_claim(index.claims, start, end)
    if inner is not None or not index.claims or end - start < 2:
        return inner
    for head in span_heads(ctx.doc, start, end):
        found = _containing_claim(index.claims, head.idx, head.idx + len(head.text))
        found = found or index.cue_tokens.get(head.i)
        if found is not None:
            return found
    return None


def _containing_claim(
    claims: list[_Claim], start: int, end: int, exclude: _Claim | None = None
) -> _Claim | None:
    """The innermost statement whose content holds [start, end)."""
    best: _Claim | None = None
    for claim in claims:
        span = claim.statement.content_span
        if claim is exclude or not (span.start <= start and end <= span.end):
            continue
        if (
            best is None
            or span.end - span.start
            < best.statement.content_span.end - best.statement.content_span.start
        ):
            best = claim
    return best


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _remember(ctx: Context, index: AttributionIndex) -> None:
    key = id(ctx)
    _INDEXES[key] = index
    weakref.finalize(ctx, _INDEXES.pop, key, None)
