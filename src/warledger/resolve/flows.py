"""Fighter flows: who moved people from where to where, for whom, paid by whom, how many per source.

Within a document, recruit/train/deploy/pay events form threads: events that move the same people
(shared patients) belong together, and an event with no destination joins the nearest deployment
with one. A thread needs an origin country (its places, or the people's country) and another
destination country. Across documents, threads with the same origin and destination countries
merge when they serve the same side (beneficiary), or, when a thread names no side, move the
same people. Numbers stay as ranges per source; pay and terms are listed with their sources.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from warledger.resolve.actors import ActorResolution
from warledger.resolve.contradictions import number_range
from warledger.resolve.features import Features
from warledger.resolve.judgements import short_hash
from warledger.resolve.records import Corpus, PlaceRec
from warledger.resolve.rules import Rules
from warledger.resolve.sides import SideOf


@dataclass
class Thread:
    document_id: str
    members: list[Features] = field(default_factory=list)
    origin_places: list[PlaceRec] = field(default_factory=list)
    destination_places: list[PlaceRec] = field(default_factory=list)
    origin_country: str | None = None
    destination_country: str | None = None
    sides: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()


@dataclass
class Flow:
    id: str
    origin_country: str | None
    destination_country: str | None
    threads: list[Thread] = field(default_factory=list)

    @property
    def sides(self) -> frozenset[str]:
        return frozenset(s for t in self.threads for s in t.sides)

    @property
    def groups(self) -> frozenset[str]:
        return frozenset(g for t in self.threads for g in t.groups)


def _threads(members: list[Features]) -> list[list[Features]]:
    """Group one document's flow events: shared patients, else the nearest deployment."""
    members = sorted(members, key=lambda f: _index(f.event.id))
    parent = list(range(len(members)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(members):
        for j in range(i):
            if a.patients & members[j].patients:
                parent[find(i)] = find(j)
    deploys = [
        i for i, f in enumerate(members) if f.event.type == "DEPLOY" and f.event.role("destination")
    ]
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(members)):
        groups[find(i)].append(i)
    for root, indexes in list(groups.items()):
        if deploys and not any(i in deploys for i in indexes):
            nearest = min(deploys, key=lambda d: (abs(d - indexes[0]), d))
            target = find(nearest)
            if target != root:
                groups[target].extend(indexes)
                del groups[root]
    return [[members[i] for i in sorted(ix)] for ix in groups.values()]


def _index(event_id: str) -> int:
    digits = "".join(ch for ch in event_id if ch.isdigit())
    return int(digits) if digits else 0


def _thread(
    document_id: str,
    members: list[Features],
    corpus: Corpus,
    actors: ActorResolution,
    side_of: SideOf,
) -> Thread:
    d = document_id
    destination = [
        p
        for f in members
        if f.event.type == "DEPLOY"
        for i in f.event.role("destination")
        if (p := corpus.places.get((d, i)))
    ]
    dest_country = Counter(p.country for p in destination if p.country).most_common(1)
    destination_country = dest_country[0][0] if dest_country else None
    origin = [
        p for f in members for i in f.event.role("origin") if (p := corpus.places.get((d, i)))
    ] + [
        p
        for f in members
        if f.event.type == "RECRUIT"
        for i in f.event.role("location")
        if (p := corpus.places.get((d, i)))
    ]
    origin = [p for p in origin if p.country and p.country != destination_country]
    groups = frozenset(g for f in members for g in f.patients)
    group_countries = [actors.actors[g].country for g in sorted(groups)]
    countries = Counter(p.country for p in origin if p.country) or Counter(
        c for c in group_countries if c and c != destination_country
    )
    sides = frozenset(
        s for f in members if f.event.type in ("DEPLOY", "RECRUIT") for s in f.beneficiary_sides
    )
    return Thread(
        document_id=d,
        members=members,
        origin_places=list({p.name: p for p in origin}.values()),
        destination_places=list({p.name: p for p in destination}.values()),
        origin_country=countries.most_common(1)[0][0] if countries else None,
        destination_country=destination_country,
        sides=sides,
        groups=groups,
    )


def resolve_flows(
    features: list[Features], corpus: Corpus, actors: ActorResolution, side_of: SideOf, rules: Rules
) -> list[Flow]:
    by_doc: dict[str, list[Features]] = defaultdict(list)
    for f in features:
        if f.event.type in rules.flow_types and not f.denied:
            by_doc[f.event.document_id].append(f)
    threads = [
        _thread(d, members, corpus, actors, side_of)
        for d in sorted(by_doc)
        for members in _threads(by_doc[d])
    ]
    threads = [
        t
        for t in threads
        if t.origin_country and t.destination_country and t.origin_country != t.destination_country
    ]
    flows: list[Flow] = []
    for thread in sorted(threads, key=lambda t: (not t.sides, t.document_id)):
        route = (thread.origin_country, thread.destination_country)
        same_route = [f for f in flows if (f.origin_country, f.destination_country) == route]
        target = next(
            (f for f in same_route if thread.sides and f.sides & thread.sides),
            None,
        ) or next((f for f in same_route if not thread.sides and f.groups & thread.groups), None)
        if target is None:
            side = ",".join(sorted(thread.sides)) or ",".join(sorted(thread.groups))
            target = Flow("F" + short_hash(*map(str, route), side, size=10), *route)
            flows.append(target)
        target.threads.append(thread)
    return flows


def flow_record(
    flow: Flow, actors: ActorResolution, rules: Rules, event_of: dict[tuple[str, str], str]
) -> dict[str, Any]:
    """The stored row of a flow: actors with their sources, numbers per source."""
    members = [f for t in flow.threads for f in t.members]

    def who(
        role: str, types: tuple[str, ...], kinds: frozenset[str] | None = None
    ) -> list[dict[str, Any]]:
        found: dict[str, set[str]] = defaultdict(set)
        for f in members:
            if f.event.type in types:
                ids = f.agents if role == "agent" else f.beneficiaries
                for g in ids:
                    if kinds is None or actors.actors[g].kind in kinds:
                        found[g].add(f.source_name)
        return [
            {
                "actor": g,
                "name": actors.actors[g].name,
                "country": actors.actors[g].country,
                "sources": sorted(s),
            }
            for g, s in sorted(
                found.items(), key=lambda kv: (-len(kv[1]), actors.actors[kv[0]].name)
            )
        ]

    sponsors = who("agent", ("DEPLOY", "PAY", "TRAIN"), rules.sponsor_kinds)
    seen = {s["actor"] for s in sponsors}
    sponsors += [
        s
        for s in who("beneficiary", ("RECRUIT", "TRAIN", "PAY"), frozenset(["pmc", "state"]))
        if s["actor"] not in seen
    ]
    numbers: dict[tuple[str, Any, Any, str], set[str]] = defaultdict(set)
    for f in members:
        if f.event.type in ("DEPLOY", "RECRUIT"):
            q = number_range(f.event.quantity)
            if q:
                numbers[(q[0], q[1], q[2], f.source_name)].add(f.event.document_id)
    pay: dict[tuple[Any, Any, Any], set[str]] = defaultdict(set)
    terms: dict[str, set[str]] = defaultdict(set)
    for f in members:
        money = f.event.money
        if money and money.get("amount") is not None:
            pay[(money.get("amount"), money.get("currency"), money.get("per"))].add(f.source_name)
        for term in f.event.terms:
            terms[term].add(f.source_name)
    via = {
        p.name: p
        for t in flow.threads
        for f in t.members
        if f.event.type == "TRAIN"
        for p in f.places
    }
    intervals = [f.interval for f in members if f.dated and f.interval]
    return {
        "id": flow.id,
        "origin_country": flow.origin_country,
        "origin_places": sorted({p.name for t in flow.threads for p in t.origin_places}),
        "origin_groups": sorted(flow.groups),
        "destination_country": flow.destination_country,
        "destination_places": sorted({p.name for t in flow.threads for p in t.destination_places}),
        "sponsors": sponsors,
        "recruiters": who("agent", ("RECRUIT",)),
        "beneficiaries": who("beneficiary", ("DEPLOY", "RECRUIT")),
        "numbers": [
            {"text": text, "low": low, "high": high, "source": source, "documents": sorted(docs)}
            for (text, low, high, source), docs in sorted(
                numbers.items(), key=lambda kv: str(kv[0])
            )
        ],
        "pay": [
            {"amount": a, "currency": c, "per": p, "sources": sorted(s)}
            for (a, c, p), s in sorted(pay.items(), key=lambda kv: str(kv[0]))
        ],
        "terms": [{"term": t, "sources": sorted(s)} for t, s in sorted(terms.items())],
        "via": sorted(via),
        "when_start": min(i[0] for i in intervals).isoformat() if intervals else None,
        "when_end": max(i[1] for i in intervals).isoformat() if intervals else None,
        "events": sorted({event_of[f.event.key] for f in members}),
        "documents": sorted({t.document_id for t in flow.threads}),
        "sources": len({f.source_key for f in members}),
    }
