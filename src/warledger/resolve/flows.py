"""Fighter flows: who moved people from where to where, for whom, paid by whom, how many per source.

Within a document, recruit/train/deploy/pay events form threads around its deployments: events
that move the same people join that deployment, others the nearest one. A thread's origin is where the people were recruited, else their own country, else the
place they left from; its destination is the country it sends them to. Across documents, threads
merge into one flow when their deployments are one global event, or when they share the route
(origin and destination countries) and serve the same side (beneficiary), or, naming no side,
move the same people. Numbers stay as ranges per source; pay and terms keep their sources.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from warledger.resolve.actors import ActorResolution
from warledger.resolve.contradictions import number_range
from warledger.resolve.features import Features
from warledger.resolve.judgements import short_hash
from warledger.resolve.records import Corpus, Key, PlaceRec
from warledger.resolve.rules import Rules

SPONSORING = ("DEPLOY", "PAY", "TRAIN")
"""Types whose agent sponsors a flow (a recruiter need not)."""


@dataclass
class Thread:
    document_id: str
    members: list[Features] = field(default_factory=list)
    origin_places: list[PlaceRec] = field(default_factory=list)
    via_places: list[PlaceRec] = field(default_factory=list)
    destination_places: list[PlaceRec] = field(default_factory=list)
    origin_country: str | None = None
    destination_country: str | None = None
    sides: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    sponsors: frozenset[str] = frozenset()
    """Sides of the named agents that send, pay or train its people."""


@dataclass
class Flow:
    id: str
    origin_country: str | None
    destination_country: str | None
    threads: list[Thread] = field(default_factory=list)
    deployments: set[str] = field(default_factory=set)
    """Global ids of the DEPLOY events of its threads."""

    @property
    def sides(self) -> frozenset[str]:
        return frozenset(s for t in self.threads for s in t.sides)

    @property
    def groups(self) -> frozenset[str]:
        return frozenset(g for t in self.threads for g in t.groups)

    @property
    def sponsors(self) -> frozenset[str]:
        return frozenset(s for t in self.threads for s in t.sponsors)

    def sponsored_apart(self, thread: Thread) -> bool:
        """Both name who sends the people, and no sender is common: two flows on one route
        ("Wagner sent ..." and "Turkey sent ..." to Libya)."""
        mine = self.sponsors
        return bool(mine and thread.sponsors and not mine & thread.sponsors)


def _index(event_id: str) -> int:
    digits = "".join(ch for ch in event_id if ch.isdigit())
    return int(digits) if digits else 0


def _threads(members: list[Features]) -> list[list[Features]]:
    """Group one document's flow events around its deployments (a DEPLOY with a destination):
    each deployment is a thread, and every other event joins the deployment that moves the same
    people, else the nearest one. An article that tells both sides' deployments keeps them apart."""
    members = sorted(members, key=lambda f: _index(f.event.id))
    anchors = [
        i
        for i, f in enumerate(members)
        if f.event.type == "DEPLOY"
        and f.event.role("destination")
        and (f.patients or f.agents or f.beneficiaries)
    ]
    if not anchors:
        return [members]
    # an anchor stated in the sentence of an earlier one is an aside ("... flown to Libya, even
    # as Turkey has sent fighters to Tripoli"): it keeps its own people but not its neighbours
    asides = {
        a
        for n, a in enumerate(anchors)
        if any(members[b].event.spans[:1] == members[a].event.spans[:1] for b in anchors[:n])
    }
    leading = [a for a in anchors if a not in asides] or anchors
    groups: dict[int, list[Features]] = {i: [members[i]] for i in anchors}
    for i, f in enumerate(members):
        if i in groups:
            continue
        sharing = [a for a in anchors if f.patients & members[a].patients]
        target = min(sharing or leading, key=lambda a: (abs(a - i), a))
        groups[target].append(f)
    return [groups[a] for a in anchors]


def _places(
    d: str, members: list[Features], types: tuple[str, ...], role: str, corpus: Corpus
) -> list[PlaceRec]:
    return [
        p
        for f in members
        if f.event.type in types
        for i in f.event.role(role)
        if (p := corpus.places.get((d, i)))
    ]


def _thread(
    document_id: str, members: list[Features], corpus: Corpus, actors: ActorResolution
) -> Thread:
    d = document_id
    destination = _places(d, members, ("DEPLOY",), "destination", corpus)
    counted = Counter(p.country for p in destination if p.country).most_common(1)
    destination_country = counted[0][0] if counted else None

    def elsewhere(places: list[PlaceRec]) -> list[PlaceRec]:
        return [p for p in places if p.country and p.country != destination_country]

    recruited = elsewhere(_places(d, members, ("RECRUIT",), "location", corpus))
    transit = elsewhere(_places(d, members, tuple(f.event.type for f in members), "origin", corpus))
    groups = frozenset(g for f in members for g in f.patients)
    group_countries = [actors.actors[g].country for g in sorted(groups)]
    countries = (
        Counter(p.country for p in recruited)
        or Counter(c for c in group_countries if c and c != destination_country)
        or Counter(p.country for p in transit)
    )
    origin_country = countries.most_common(1)[0][0] if countries else None
    training = _places(d, members, ("TRAIN",), "location", corpus)
    return Thread(
        document_id=d,
        members=members,
        origin_places=recruited + [p for p in transit if p.country == origin_country],
        via_places=training + [p for p in transit if p.country != origin_country],
        destination_places=destination,
        origin_country=origin_country,
        destination_country=destination_country,
        sides=frozenset(
            s for f in members if f.event.type in ("DEPLOY", "RECRUIT") for s in f.beneficiary_sides
        ),
        groups=groups,
        sponsors=frozenset(s for f in members if f.event.type in SPONSORING for s in f.agent_sides),
    )


def resolve_flows(
    features: list[Features],
    corpus: Corpus,
    actors: ActorResolution,
    rules: Rules,
    event_of: dict[Key, str],
) -> list[Flow]:
    by_doc: dict[str, list[Features]] = defaultdict(list)
    for f in features:
        if f.event.type in rules.flow_types and not f.denied:
            by_doc[f.event.document_id].append(f)
    threads = [
        _thread(d, members, corpus, actors)
        for d in sorted(by_doc)
        for members in _threads(by_doc[d])
    ]
    threads = [
        t for t in threads if t.destination_country and t.origin_country != t.destination_country
    ]
    flows: list[Flow] = []
    for thread in sorted(threads, key=lambda t: (not t.origin_country, not t.sides, t.document_id)):
        route = (thread.origin_country, thread.destination_country)
        same_route = [
            f
            for f in flows
            if (f.origin_country, f.destination_country) == route and not f.sponsored_apart(thread)
        ]
        deployed = {event_of[m.event.key] for m in thread.members if m.event.type == "DEPLOY"}
        target = (
            next((f for f in flows if f.deployments & deployed), None)
            or next((f for f in same_route if thread.sides and f.sides & thread.sides), None)
            or next((f for f in same_route if not thread.sides and f.groups & thread.groups), None)
            or next(
                (f for f in same_route if not thread.sides and f.sponsors & thread.sponsors), None
            )
        )
        if target is None and not thread.origin_country:
            continue  # no origin and no shared deployment: not a flow between theatres
        if target is None:
            side = ",".join(sorted(thread.sides)) or ",".join(sorted(thread.groups))
            target = Flow("F" + short_hash(*map(str, route), side, size=10), *route)
            flows.append(target)
        target.threads.append(thread)
        target.deployments |= deployed
    return flows


def _names(places: Iterable[PlaceRec]) -> list[str]:
    """Place names once each, ignoring case ("BENGHAZI" in a dateline is "Benghazi")."""
    found: dict[str, str] = {}
    for place in places:
        key = place.name.lower()
        if key not in found or found[key].isupper():
            found[key] = place.name
    return sorted(found.values())


def _combine(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per actor, with the sources of all its entries, best supported first."""
    merged: dict[str, dict[str, Any]] = {}
    for entry in entries:
        if entry["actor"] in merged:
            known = merged[entry["actor"]]
            known["sources"] = sorted(set(known["sources"]) | set(entry["sources"]))
        else:
            merged[entry["actor"]] = dict(entry)
    return sorted(merged.values(), key=lambda e: (-len(e["sources"]), e["name"]))


def flow_record(
    flow: Flow, actors: ActorResolution, rules: Rules, event_of: dict[Key, str]
) -> dict[str, Any]:
    """The stored row of a flow: actors with their sources, numbers per source."""
    members = [f for t in flow.threads for f in t.members]

    def who(
        role: str, types: tuple[str, ...], kinds: frozenset[str] | None = None
    ) -> list[dict[str, Any]]:
        found: dict[str, set[str]] = defaultdict(set)
        for f in members:
            if f.event.type in types:
                for g in f.agents if role == "agent" else f.beneficiaries:
                    if kinds is None or actors.actors[g].kind in kinds:
                        found[g].add(f.source_name)
        return _combine(
            [
                {
                    "actor": g,
                    "name": actors.actors[g].name,
                    "country": actors.actors[g].country,
                    "sources": sorted(s),
                }
                for g, s in found.items()
            ]
        )

    sponsors = _combine(
        who("agent", SPONSORING, rules.sponsor_kinds)
        + who("beneficiary", ("RECRUIT", "TRAIN", "PAY"), frozenset(["pmc", "state"]))
    )
    moved = flow.groups
    paying = {s["actor"] for s in sponsors}
    numbers: dict[tuple[str, Any, Any, str], set[str]] = defaultdict(set)
    pay: dict[tuple[Any, Any, Any], set[str]] = defaultdict(set)
    terms: dict[str, set[str]] = defaultdict(set)
    for f in members:
        q = number_range(f.event.quantity) if f.event.type in ("DEPLOY", "RECRUIT") else None
        if q and (q[2] is None or q[2] >= rules.min_number):
            numbers[(q[0], q[1], q[2], f.source_name)].add(f.event.document_id)
        money = f.event.money
        if money and money.get("amount") is not None:
            pay[(money.get("amount"), money.get("currency"), money.get("per"))].add(f.source_name)
        for term in f.event.terms:
            terms[term].add(f.source_name)
    intervals = [f.interval for f in members if f.dated and f.interval]
    return {
        "id": flow.id,
        "origin_country": flow.origin_country,
        "origin_places": _names(p for t in flow.threads for p in t.origin_places),
        "origin_groups": sorted(moved),
        "destination_country": flow.destination_country,
        "destination_places": _names(p for t in flow.threads for p in t.destination_places),
        "sponsors": sponsors,
        "recruiters": [r for r in who("agent", ("RECRUIT",)) if r["actor"] not in moved],
        "beneficiaries": [
            b for b in who("beneficiary", ("DEPLOY", "RECRUIT")) if b["actor"] not in paying
        ],
        "numbers": [
            {"text": text, "low": low, "high": high, "source": source, "documents": sorted(docs)}
            for (text, low, high, source), docs in sorted(
                numbers.items(), key=lambda kv: (kv[0][1] or 0, kv[0][3])
            )
        ],
        "pay": [
            {"amount": a, "currency": c, "per": p, "sources": sorted(s)}
            for (a, c, p), s in sorted(pay.items(), key=lambda kv: str(kv[0]))
        ],
        "terms": [{"term": t, "sources": sorted(s)} for t, s in sorted(terms.items())],
        "via": _names(p for t in flow.threads for p in t.via_places),
        "when_start": min(i[0] for i in intervals).isoformat() if intervals else None,
        "when_end": max(i[1] for i in intervals).isoformat() if intervals else None,
        "events": sorted({event_of[f.event.key] for f in members}),
        "documents": sorted({t.document_id for t in flow.threads}),
        "sources": len({f.source_key for f in members}),
    }
