"""Reports of the same incident merged into one corpus-wide event.

Two per-document events may merge when their types agree (the same type, or the same family for
families that describe one incident in several ways), their time intervals overlap, nothing
conflicts (places far apart, disjoint sides, disjoint groups of people moved) and the evidence
that they are one incident (place, area, agents, patients, beneficiary, the same day) earns at
least `min_points`. Candidates come from blocks (type or family, country, month), never all pairs.
A report joins a global event when it conflicts with none of its reports and matches one of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from warledger.resolve.features import Features, distance_km
from warledger.resolve.judgements import Judgement, Undone, judgement, short_hash
from warledger.resolve.records import Key, PlaceRec
from warledger.resolve.rules import Rules

COARSE = frozenset(["country", "region"])


@dataclass
class GlobalEvent:
    id: str
    members: list[Features] = field(default_factory=list)


@dataclass
class EventResolution:
    events: dict[str, GlobalEvent]
    member_of: dict[Key, str]
    judgements: list[Judgement]


FINE_TO_COARSE = ("site", "locality", "admin2", "city")


def finest(places: list[PlaceRec]) -> list[PlaceRec]:
    """The first-named place of the finest kind present: the village decides, not the town or
    district it is placed in ("Attia in rural Ras al Ain", "Jarablus in Aleppo")."""
    for kind in FINE_TO_COARSE:
        found = [p for p in places if p.kind == kind]
        if found:
            return found[:1]
    return places


def place_relation(a: list[PlaceRec], b: list[PlaceRec], rules: Rules, coarse: bool = False) -> str:
    """How two events' places relate, the most precise places deciding:
    place (precise places of one name, or within `same_place_km`), near (precise places within
    `near_km`), conflict (precise places farther apart, or different countries), admin (one
    province, one side named only by province), area (one country, one side named only by
    country or region), or none (a side names no place). `coarse` (families whose reports name
    places loosely): precise places farther apart with a country in common are apart (one
    campaign only if one agent runs it), not a conflict."""
    if not a or not b:
        return "none"
    precise_a = [p for p in a if p.kind in rules.precise_places]
    precise_b = [p for p in b if p.kind in rules.precise_places]
    if precise_a and precise_b:
        best = "conflict"
        for pa in finest(precise_a):
            for pb in finest(precise_b):
                if pa.name.lower() == pb.name.lower() or (
                    pa.geonames_id is not None and pa.geonames_id == pb.geonames_id
                ):
                    return "place"
                km = distance_km(pa, pb)
                if km is None or km == 0.0:
                    continue  # no coordinates, or two names at one point (a village given its
                    # district's point by the gazetteer): no measure of distance
                if km <= rules.same_place_km:
                    return "place"
                if km <= rules.near_km:
                    best = "near"
        if best != "conflict" or not coarse:
            return best
        shared = any(pa.country and pa.country == pb.country for pa in a for pb in b)
        return "apart" if shared else "conflict"
    best = "conflict"
    for pa in a:
        for pb in b:
            if not pa.country or pa.country != pb.country:
                continue
            if pa.admin1 and pa.admin1 == pb.admin1:
                return "admin"
            best = "area"
    return best


def _overlap(a: tuple[date, date] | None, b: tuple[date, date] | None, slack: int = 0) -> bool:
    if a is None or b is None:
        return False
    gap = timedelta(days=slack)
    return a[0] - gap <= b[1] and b[0] - gap <= a[1]


def match_points(a: Features, b: Features, rules: Rules) -> tuple[int, list[str]] | None:
    """Points of evidence that a and b report one incident, and which; None when they cannot.
    They report one incident when the points reach `rules.needed_points`."""
    ea, eb = a.event, b.event
    if ea.document_id == eb.document_id:
        return None
    if ea.type != eb.type and not (a.family == b.family and a.family in rules.cross_type_families):
        return None
    if not _overlap(a.interval, b.interval, rules.slack_days.get(a.family, 0)):
        return None
    matched: list[str] = []
    coarse = a.family in rules.coarse_place_families
    place = place_relation(a.places, b.places, rules, coarse)
    if place == "near":  # two places a few km apart: one camp or front, but two incidents
        place = "place" if coarse else "conflict"
    if place == "conflict" or (not coarse and distinct_sites(a.sites, b.sites, rules)):
        return None
    if place == "admin":  # the same province: the same place where places are named coarsely
        place = "place" if coarse else "admin"
    if place in ("place", "admin") or (place in ("area", "apart") and coarse):
        matched.append("area" if place == "apart" else place)
    same_day = (  # one day, stated (by its start, or its end only: "by Tuesday")
        a.dated
        and b.dated
        and ea.precision == eb.precision == "day"
        and a.interval == b.interval
        and a.interval is not None
        and a.interval[0] == a.interval[1]
    )
    if same_day:
        matched.append("same_day")
    if a.agent_sides and b.agent_sides:
        # an actor one report makes the agent may be the other's beneficiary ("recruited by
        # intelligence officers for Wagner" / "recruited by Wagner"): the same side either way
        if a.agent_sides & (b.agent_sides | b.beneficiary_sides) or b.agent_sides & (
            a.agent_sides | a.beneficiary_sides
        ):
            matched.append("agent")
        elif not (place == "place" and same_day):
            return None  # disjoint sides: two incidents, unless the place and day say one
    if place == "apart" and "agent" not in matched:
        return None  # towns far apart: one recruitment campaign only if one agent runs it
    if a.patients & b.patients:
        matched.append("patient")
    elif a.family == "force_generation" and a.named_patients and b.named_patients:
        return None  # different named groups recruited, trained or sent
    elif same_people(a.people, b.people):
        matched.append("people")
    if a.beneficiary_sides and b.beneficiary_sides:
        if a.beneficiary_sides & b.beneficiary_sides:
            matched.append("beneficiary")
        else:
            return None
    if same_money(ea.money, eb.money):
        matched.append("money")
    points = sum(rules.points[m] for m in matched)
    if not coarse and "place" not in matched:
        points = 0  # one incident is one place: without it, reports stay apart (ACLED's rule)
    if coarse and not any(need <= set(matched) for need in rules.coarse_needs):
        points = 0  # a sponsor sends many groups: the same people, side, pay or place must match
    if ea.type != eb.type and "agent" not in matched:
        points = (
            0  # a clash and a shelling there that day are one incident only if one side did both
        )
    return points, matched


def distinct_sites(a: tuple[PlaceRec, ...], b: tuple[PlaceRec, ...], rules: Rules) -> bool:
    """Each names a village or site the other does not, and none of these is within
    `same_place_km` of one of the other's."""
    names_a, names_b = {p.name.lower() for p in a}, {p.name.lower() for p in b}
    only_a = [p for p in a if p.name.lower() not in names_b]
    only_b = [p for p in b if p.name.lower() not in names_a]
    if not only_a or not only_b:
        return False
    for pa in only_a:
        for pb in only_b:
            km = distance_km(pa, pb)
            if km is not None and 0.0 < km <= rules.same_place_km:
                return False  # (two names at one point: a gazetteer's district point, no measure)
    return True


def same_people(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Described collectives of one class whose affiliations, where both have one, agree."""
    return any(ka == kb and (not fa or not fb or fa == fb) for ka, fa in a for kb, fb in b)


def same_money(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """The same sum in the same currency (per the same period where both give one)."""
    if not a or not b or a.get("amount") is None or a.get("amount") != b.get("amount"):
        return False
    if a.get("currency") != b.get("currency"):
        return False
    return not (a.get("per") and b.get("per") and a["per"] != b["per"])


def _months(interval: tuple[date, date], limit: int) -> list[tuple[int, int]]:
    (y, m), end = (interval[0].year, interval[0].month), (interval[1].year, interval[1].month)
    months: list[tuple[int, int]] = []
    while (y, m) <= end and len(months) < limit:
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def block_keys(f: Features, rules: Rules) -> list[tuple[str, str, int, int]]:
    if f.interval is None:
        return []
    kind = f.family if f.family in rules.cross_type_families else f.event.type
    lo, hi = f.interval
    slack = timedelta(days=rules.slack_days.get(f.family, 0))
    months = _months((lo - slack, hi + slack), rules.max_buckets)
    return [(kind, c, y, m) for c in f.countries or ("-",) for y, m in months]


def countryless(f: Features, rules: Rules) -> bool:
    """An event of a `countryless_families` family that names no country: it is compared with
    its family's events of every country in its months (`month_keys`)."""
    return not f.countries and f.family in rules.countryless_families


def month_keys(f: Features, rules: Rules) -> list[tuple[str, int, int]]:
    """(kind, year, month) of its blocks, any country: where a countryless event looks, and
    where every event of a `countryless_families` family is found by one."""
    if f.family not in rules.countryless_families:
        return []
    return list(dict.fromkeys((k, y, m) for k, _, y, m in block_keys(f, rules)))


def bare(f: Features) -> bool:
    """A report that gives no side, no named target and no exact day: a later mention of an
    incident (its victims may be described: "the victims of last week's strike")."""
    e = f.event
    return not f.agent_sides and not f.named_patients and not (f.dated and e.precision == "day")


def resolve_events(
    features: list[Features],
    rules: Rules,
    undone: Undone,
    order: dict[str, tuple[date, str]],
    original: dict[str, str] | None = None,
) -> EventResolution:
    """Merge the events of `features` (any order; processed oldest document first). An event of a
    copy (`original` maps copies to originals) joins the original's event with the same type and
    evidence sentence (rule `copy`); the others are matched as reports of one incident."""
    original = original or {}
    ordered = sorted(features, key=lambda f: (order[f.event.document_id], f.event.id))
    blocks: dict[tuple[str, str, int, int], list[str]] = defaultdict(list)
    by_month: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    events: dict[str, GlobalEvent] = {}
    member_of: dict[Key, str] = {}
    judgements: list[Judgement] = []
    by_sentence: dict[tuple[str, str, str], Key] = {}
    for f in ordered:
        keys = block_keys(f, rules)
        best: tuple[int, str, list[str], Key] | None = None
        e = f.event
        for sentence in e.sentences:
            by_sentence.setdefault((e.document_id, e.type, sentence), e.key)
        root = original.get(e.document_id, "")
        source = next((k for t in e.sentences if (k := by_sentence.get((root, e.type, t)))), None)
        original_member = None
        if source and ("event", *e.key) not in undone:
            original_member = next(
                m for m in events[member_of[source]].members if m.event.key == source
            )
        if original_member and match_points(f, original_member, rules) is not None:
            gid = member_of[original_member.event.key]
            _share_source(f, original_member)
            first = original_member.event.key
            evidence = {"original": {"document": first[0], "event": first[1]}, "type": e.type}
            judgements.append(judgement("event", "copy", gid, e.key, evidence))
            events[gid].members.append(f)
            member_of[e.key] = gid
            continue
        months = month_keys(f, rules)
        rule = "incident"
        if ("event", *f.event.key) not in undone:
            if countryless(f, rules):
                looked = [g for k in months for g in by_month.get(k, [])]
            else:
                own = [g for k in keys for g in blocks.get(k, [])]
                looked = own + [g for k in keys for g in blocks.get((k[0], "-", k[2], k[3]), [])]
            candidates = dict.fromkeys(looked)
            for gid in candidates:
                found = _join(f, events[gid], rules)
                if found and (best is None or found[0] > best[0]):
                    best = (found[0], gid, found[1], found[2])
            if best is None and f.family in rules.reference_families and bare(f):
                referred = [r for gid in candidates if (r := _refers(f, events[gid], rules))]
                if len(referred) == 1:
                    best, rule = referred[0], "reference"
        if best is None:
            gid = "E" + short_hash(*f.event.key, size=10)
            events[gid] = GlobalEvent(gid)
        else:
            support, gid, matched, partner = best
            reason: dict[str, Any] = {
                "support": support,
                "matched": matched,
                "with": {"document": partner[0], "event": partner[1]},
                "type": f.event.type,
                "evidence": f.event.evidence,
            }
            judgements.append(judgement("event", rule, gid, f.event.key, reason))
        events[gid].members.append(f)
        member_of[f.event.key] = gid
        for key in keys:
            if gid not in blocks[key]:
                blocks[key].append(gid)
        for month in months:
            if gid not in by_month[month]:
                by_month[month].append(gid)
    return EventResolution(events, member_of, judgements)


def _share_source(copy: Features, original: Features) -> None:
    """A copy carries its original's claim: both count as one source, the more specific one if
    the two attributions differ (extraction may find the speaker in only one of the two texts)."""
    if copy.source_rank > original.source_rank:
        original.source_key, original.source_name = copy.source_key, copy.source_name
        original.source_rank = copy.source_rank
    copy.source_key, copy.source_name = original.source_key, original.source_name


def _join(f: Features, event: GlobalEvent, rules: Rules) -> tuple[int, list[str], Key] | None:
    """(support, the best match, its report) when f conflicts with no report of `event` and one
    match earns the points needed; support (the points over all its reports) prefers the event
    that more reports agree with."""
    best: tuple[int, list[str], Key] | None = None
    total = 0
    for member in event.members:
        found = match_points(f, member, rules)
        if found is None:
            return None
        total += found[0]
        if found[0] >= rules.needed_points(f.family) and (best is None or found[0] > best[0]):
            best = (found[0], found[1], member.event.key)
    return (total, best[1], best[2]) if best else None


def _refers(
    f: Features, event: GlobalEvent, rules: Rules
) -> tuple[int, str, list[str], Key] | None:
    """(support, id, matches, report) when the bare report f can be a later mention of `event`:
    it conflicts with none of its reports, and one of them has its type at the same precise place."""
    partner: tuple[int, list[str], Key] | None = None
    for member in event.members:
        found = match_points(f, member, rules)
        if found is None:
            return None
        if partner is None and member.event.type == f.event.type and "place" in found[1]:
            partner = (found[0], found[1], member.event.key)
    return (partner[0], event.id, partner[1], partner[2]) if partner else None


def summary(event: GlobalEvent, rules: Rules) -> dict[str, object]:
    """The corpus-wide values of a global event (contradictions are kept apart, not here)."""
    members = event.members
    types = Counter(m.event.type for m in members)
    countries = Counter(m.country for m in members if m.country)
    dated = [m.interval for m in members if m.dated and m.interval] or [
        m.interval for m in members if m.interval
    ]
    start = max(i[0] for i in dated) if dated else None
    end = min(i[1] for i in dated) if dated else None
    if start and end and start > end:  # reports disagree on the date: span them all
        start, end = min(i[0] for i in dated), max(i[1] for i in dated)
    standing = [m for m in members if not m.denied] or members
    certainty = min((m.event.certainty for m in standing), key=rules.certainty_rank)
    if all(m.denied for m in members):
        certainty = "denied"
    return {
        "type": types.most_common(1)[0][0],
        "family": members[0].family,
        "when_start": start.isoformat() if start else None,
        "when_end": end.isoformat() if end else None,
        "country": countries.most_common(1)[0][0] if countries else None,
        "places": list(dict.fromkeys(p.name for m in members for p in m.places)),
        "agents": sorted({g for m in members for g in m.agents}),
        "patients": sorted({g for m in members for g in m.patients}),
        "beneficiaries": sorted({g for m in members for g in m.beneficiaries}),
        "certainty": certainty,
        "reports": len(members),
        "documents": len({m.event.document_id for m in members}),
        "sources": len({m.source_key for m in standing}),
        "source_names": sorted({m.source_name for m in standing}),
    }
