"""`resolve(store)`: the cross-document pass, from the per-document tables to the derived ones.

Every run reads all per-document records. Copies, actors, flows and the network are recomputed
whole (cheap); events are merged again only in the components that new or changed documents touch
(`incremental`), and only the rows that changed are written. `full=True` rebuilds everything; both
give the same record, so re-running is idempotent. Undone judgements are respected.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from warledger.errors import QueryError
from warledger.kb import KnowledgeBase
from warledger.resolve.actors import resolve_actors
from warledger.resolve.contradictions import contradictions_of
from warledger.resolve.dedup import Signature, link_copies, original_of, signature
from warledger.resolve.events import resolve_events, summary
from warledger.resolve.features import features_of
from warledger.resolve.flows import flow_record, resolve_flows
from warledger.resolve.incremental import fingerprint, normal_rows, plan, rules_digest
from warledger.resolve.load import load_corpus
from warledger.resolve.network import build_network, firmest
from warledger.resolve.rules import Rules
from warledger.resolve.rules import rules as default_rules
from warledger.resolve.sides import side_function
from warledger.store import Store


@dataclass(frozen=True)
class ResolveSummary:
    documents: int
    copies: int
    actors: int
    actor_merges: int
    events: int
    event_merges: int
    contradictions: int
    flows: int
    edges: int
    redone: int = 0
    """Per-document events merged again by this run (all of them in a full run)."""


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def resolve(
    store: Store,
    rules: Rules | None = None,
    kb: KnowledgeBase | None = None,
    full: bool = False,
) -> ResolveSummary:
    """Bring the cross-document record up to date: incremental (only the events that new or
    changed documents touch are merged again, see `incremental`), or `full` (everything rebuilt).
    Both give the same record."""
    rules = rules or default_rules()
    if kb is None:
        from warledger.kb import load_kb

        kb = load_kb()
    corpus = load_corpus(store)
    new = [signature(d, text, rules, outlet) for d, text, outlet in store.unsigned_documents()]
    known = [Signature(d, n, tuple(v), own) for d, n, v, own in store.signatures()]
    links = link_copies(known + new, corpus.docs, rules)
    original = original_of(links)
    undone = frozenset(store.undone())
    order = {d: (doc.published or date.max, d) for d, doc in corpus.docs.items()}
    actors = resolve_actors(corpus, rules, undone, order)
    side_of = side_function(actors, kb)
    features = [features_of(e, corpus, actors, side_of, original, rules) for e in corpus.events]
    digest = rules_digest(rules)
    prints = {f.event.key: fingerprint(f, actors, undone, digest) for f in features}
    last = {
        t: ([] if full else normal_rows(store.resolution_rows(t)))
        for t in ("event_fingerprints", "event_members", "global_events", "judgements")
    }
    last["contradictions"] = [] if full else normal_rows(store.resolution_rows("contradictions"))
    last_global = {(r[0], r[1]): r[2] for r in last["event_members"]}
    todo = plan(
        features,
        prints,
        rules,
        original,
        {(r[0], r[1]): r[2] for r in last["event_fingerprints"]},
        last_global,
    )
    kept = todo.kept
    given = {(r[0], r[1]): (r[4], r[5]) for r in last["event_members"] if r[2] in kept}
    for f in features:  # a kept event keeps the source it was given (a copy shares its original's)
        if f.event.key in given:
            f.source_key, f.source_name = given[f.event.key]
    events = resolve_events(todo.redo, rules, undone, order, original)
    member_of = {k: g for k, g in last_global.items() if g in kept} | events.member_of
    contradictions = [c for g in events.events.values() for c in contradictions_of(g, actors)]
    flows = [
        flow_record(f, actors, rules, member_of)
        for f in resolve_flows(features, corpus, actors, rules, member_of)
    ]
    edges = build_network(corpus, actors, member_of, original, rules)
    judgement_of = {(j.kind, j.document_id, j.record_id): j.id for j in actors.judgements}
    judgement_of.update({(j.kind, j.document_id, j.record_id): j.id for j in events.judgements})
    tables: dict[str, list[tuple[Any, ...]]] = {
        "doc_links": [(x.document_id, x.original_id, x.kind, x.similarity) for x in links],
        "judgements": [
            (j.id, j.kind, j.rule, j.global_id, j.document_id, j.record_id, _json(j.evidence))
            for j in actors.judgements + events.judgements
        ]
        + [r for r in last["judgements"] if r[1] == "event" and r[3] in kept],
        "global_actors": [
            (
                a.id,
                a.name,
                a.kind,
                a.country,
                a.kb_id,
                a.rule,
                _json(a.aliases),
                len({m[0] for m in a.members}),
                len(a.members),
                a.affiliation,
            )
            for a in actors.actors.values()
        ],
        "actor_members": [
            (d, i, g, judgement_of.get(("actor", d, i))) for (d, i), g in actors.member_of.items()
        ],
        "global_events": [r for r in last["global_events"] if r[0] in kept],
        "event_members": [
            (
                f.event.document_id,
                f.event.id,
                g.id,
                judgement_of.get(("event", *f.event.key)),
                f.source_key,
                f.source_name,
            )
            for g in events.events.values()
            for f in g.members
        ]
        + [r for r in last["event_members"] if r[2] in kept],
        "contradictions": [
            (
                c.global_event_id,
                c.field,
                c.value,
                c.low,
                c.high,
                c.conflict,
                _json(list(c.sources)),
                _json(list(c.documents)),
            )
            for c in contradictions
        ]
        + [r for r in last["contradictions"] if r[0] in kept],
        "flows": [
            (
                f["id"],
                f["origin_country"],
                _json(f["origin_places"]),
                _json(f["origin_groups"]),
                f["destination_country"],
                _json(f["destination_places"]),
                _json(f["sponsors"]),
                _json(f["recruiters"]),
                _json(f["beneficiaries"]),
                _json(f["numbers"]),
                _json(f["pay"]),
                _json(f["terms"]),
                _json(f["via"]),
                f["when_start"],
                f["when_end"],
                _json(f["events"]),
                _json(f["documents"]),
                f["sources"],
            )
            for f in flows
        ],
        "network": [
            (
                e.source_id,
                e.target_id,
                e.type,
                _json([[lo.isoformat(), hi.isoformat()] for lo, hi in e.intervals]),
                firmest(e.certainties, rules),
                _json(sorted(e.sources)),
                _json(sorted(e.events)),
                _json(sorted(e.documents)),
            )
            for e in edges
        ],
        "event_fingerprints": [(d, i, p) for (d, i), p in prints.items()],
    }
    for g in events.events.values():
        s = summary(g, rules)
        tables["global_events"].append(
            (
                g.id,
                s["type"],
                s["family"],
                s["when_start"],
                s["when_end"],
                s["country"],
                _json(s["places"]),
                _json(s["agents"]),
                _json(s["patients"]),
                _json(s["beneficiaries"]),
                s["certainty"],
                s["reports"],
                s["documents"],
                s["sources"],
                _json(s["source_names"]),
            )
        )
    signed = [(s.document_id, s.shingles, list(s.values), s.own_dateline) for s in new]
    if full:
        store.replace_resolution(signed, tables)
    else:
        store.write_resolution(signed, tables)
    return ResolveSummary(
        documents=len(corpus.docs),
        copies=len(links),
        actors=len(actors.actors),
        actor_merges=len(actors.judgements),
        events=len(tables["global_events"]),
        event_merges=sum(1 for r in tables["judgements"] if r[1] == "event"),
        contradictions=len({r[0] for r in tables["contradictions"]}),
        flows=len(flows),
        edges=len(edges),
        redone=len(todo.redo),
    )


def undo(store: Store, judgement_id: str, kb: KnowledgeBase | None = None) -> ResolveSummary:
    """Undo a merge: its record stays on its own in this and every later run; then re-resolve."""
    if store.mark_undone(judgement_id) is None:
        raise QueryError(
            f"no judgement {judgement_id!r}; `warledger resolve judgements` lists them"
        )
    return resolve(store, kb=kb)


def redo(store: Store, judgement_id: str, kb: KnowledgeBase | None = None) -> ResolveSummary:
    """Let an undone merge happen again (if the rules still make it); then re-resolve."""
    if not store.mark_redone(judgement_id):
        raise QueryError(
            f"judgement {judgement_id!r} is not undone; `warledger resolve judgements --kind "
            "actor` lists merges and undone ones"
        )
    return resolve(store, kb=kb)
