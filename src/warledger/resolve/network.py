"""Relations over time between global actors: each edge with the intervals in which it is reported,
its sources, its firmest certainty and the global events that imply it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from warledger.resolve.actors import ActorResolution, normal_name
from warledger.resolve.features import (
    NAMED_SOURCE_KINDS,
    document_label,
    period_bounds,
    source_label,
)
from warledger.resolve.records import Corpus, Key, RelationRec
from warledger.resolve.rules import Rules


@dataclass
class Edge:
    source_id: str
    target_id: str
    type: str
    intervals: list[tuple[date, date]] = field(default_factory=list)
    certainties: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)


def _interval(relation: RelationRec, published: date | None) -> tuple[date, date] | None:
    start = period_bounds(relation.when_start) if relation.when_start else None
    end = period_bounds(relation.when_end) if relation.when_end else None
    if start:
        return start[0], (
            end[1] if end else (published if published and published > start[0] else start[1])
        )
    return (published, published) if published else None


def merge_intervals(intervals: list[tuple[date, date]], gap_days: int) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for lo, hi in sorted(intervals):
        if merged and lo <= merged[-1][1] + timedelta(days=gap_days):
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _source_name(relation: RelationRec, corpus: Corpus, original: dict[str, str]) -> str:
    for source_id in relation.chain[:1]:
        source = corpus.sources.get((relation.document_id, source_id))
        if source and source.kind in NAMED_SOURCE_KINDS and len(normal_name(source.name)) > 3:
            label = source_label(source.name)
            if label:
                return label
    root = original.get(relation.document_id, relation.document_id)
    return document_label(root, corpus)


def build_network(
    corpus: Corpus,
    actors: ActorResolution,
    event_of: dict[Key, str],
    original: dict[str, str],
    rules: Rules,
) -> list[Edge]:
    edges: dict[tuple[str, str, str], Edge] = {}
    for relation in corpus.relations:
        if relation.type not in rules.network_types:
            continue
        d = relation.document_id
        source = actors.member_of.get((d, relation.source))
        target = actors.member_of.get((d, relation.target))
        if not source or not target or source == target:
            continue
        key = (source, target, relation.type)
        edge = edges.setdefault(key, Edge(*key))
        doc = corpus.docs.get(d)
        interval = _interval(relation, doc.published if doc else None)
        if interval:
            edge.intervals.append(interval)
        edge.certainties.append(relation.certainty)
        edge.sources.add(_source_name(relation, corpus, original))
        edge.events.update(g for e in relation.derived_from if (g := event_of.get((d, e))))
        edge.documents.add(d)
    for edge in edges.values():
        edge.intervals = merge_intervals(edge.intervals, rules.gap_days)
    return [edges[k] for k in sorted(edges)]


def firmest(certainties: list[str], rules: Rules) -> str:
    return min(certainties, key=rules.certainty_rank) if certainties else "asserted"
