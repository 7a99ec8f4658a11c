"""Relations between actors (the `find_relations` stage): ties the text states, and ties derived
from events (a DEPLOY for a beneficiary implies SUPPORTS; a CLASH implies OPPOSES). Only ties the
text supports are reported, each with its evidence; knowledge-base ties are not copied in."""

from __future__ import annotations

from warledger.extractors.attribution.find import attribution_for
from warledger.extractors.context import Context
from warledger.extractors.events.fillers import MentionIndex
from warledger.extractors.relations.rules import relation_rules
from warledger.extractors.relations.stated import OpposingSides, Tie, stated_ties
from warledger.extractors.time.find import when_for
from warledger.report import Relation, Span

SYMMETRIC = {"ALLIED_WITH", "OPPOSES"}


def _key(type_: str, source: str, target: str) -> tuple[str, str, str]:
    if type_ in SYMMETRIC:
        source, target = sorted((source, target))
    return type_, source, target


def _sentence_span(ctx: Context, token) -> Span:
    sent = token.sent
    text = ctx.text
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    return ctx.span(start, end)


class _Collector:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.by_key: dict[tuple[str, str, str], Relation] = {}

    def add(self, relation: Relation) -> None:
        key = _key(relation.type, relation.source, relation.target)
        known = self.by_key.get(key)
        if known is None:
            self.by_key[key] = relation
            return
        for span in relation.evidence:
            if span not in known.evidence:
                known.evidence.append(span)
        known.derived_from.extend(e for e in relation.derived_from if e not in known.derived_from)
        known.confidence = max(known.confidence, relation.confidence)
        known.mode = known.mode or relation.mode

    def stated(self, tie: Tie) -> None:
        span = _sentence_span(self.ctx, tie.token)
        attribution = attribution_for(self.ctx, span.start, span.end)
        when = when_for(self.ctx, tie.token.idx, tie.token.idx + len(tie.token))
        self.add(
            Relation(
                id="",
                type=tie.type,
                source=tie.source,
                target=tie.target,
                evidence=[span],
                attribution=attribution,
                mode=tie.mode,
                when=when,
                confidence=0.7,
            )
        )

    def opposing(self, sides: OpposingSides) -> None:
        """Each backer supports its side (known from the document's other ties); the sides oppose."""
        span = _sentence_span(self.ctx, sides.token)
        backed = {
            backer: [
                r.target
                for r in self.by_key.values()
                if r.type == "SUPPORTS" and r.source == backer
            ]
            for backer in sides.backers
        }
        for backer, targets in backed.items():
            for target in targets:
                self.add(
                    Relation(
                        id="",
                        type="SUPPORTS",
                        source=backer,
                        target=target,
                        evidence=[span],
                        mode="military",
                        confidence=0.6,
                    )
                )
        backers = list(sides.backers)
        for i, first in enumerate(backers):
            for second in backers[i + 1 :]:
                for a in backed[first]:
                    for b in backed[second]:
                        if a != b:
                            self.add(
                                Relation(
                                    id="",
                                    type="OPPOSES",
                                    source=a,
                                    target=b,
                                    evidence=[span],
                                    confidence=0.6,
                                )
                            )


def find_relations(ctx: Context) -> list[Relation]:
    actors = MentionIndex.of(ctx.actors)
    if len(ctx.actors) < 2:
        return []
    collector = _Collector(ctx)
    ties, sides = stated_ties(list(ctx.doc), actors)
    for tie in ties:
        collector.stated(tie)
    for event in ctx.events:
        if event.negated:
            continue
        for rule in relation_rules().derived:
            if rule.event != event.type:
                continue
            for source in getattr(event, rule.source_role):
                for target in getattr(event, rule.target_role):
                    if source != target:
                        speculative = event.attribution.certainty in {"speculative", "hedged"}
                        collector.add(
                            Relation(
                                id="",
                                type=rule.relation,
                                source=source,
                                target=target,
                                evidence=list(event.evidence),
                                attribution=event.attribution,
                                mode=rule.mode,
                                when=event.when,
                                derived_from=[event.id],
                                confidence=0.4 if speculative else 0.6,
                            )
                        )
    for found in sides:
        collector.opposing(found)
    relations = sorted(collector.by_key.values(), key=lambda r: (r.evidence[0].start, r.type))
    for relation in relations:
        relation.id = ctx.new_id("r")
    return relations


__all__ = ["find_relations"]
