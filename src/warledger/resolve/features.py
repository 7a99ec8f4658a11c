"""What event merging compares, computed once per per-document event: its time interval, places,
country, actors as global ids (and their sides), and the independent source it counts as."""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from warledger.resolve.actors import ActorResolution, described_head, normal_name
from warledger.resolve.records import Corpus, EventRec, PlaceRec
from warledger.resolve.rules import Rules
from warledger.resolve.sides import SideOf

NAMED_SOURCE_KINDS = frozenset(["organization", "official", "person", "outlet", "document"])
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "the source", "the official"])


@dataclass
class Features:
    event: EventRec
    family: str
    interval: tuple[date, date] | None
    dated: bool
    """The interval comes from the text's own time expression, not the publication date."""
    places: list[PlaceRec]
    country: str | None
    countries: tuple[str, ...]
    """Every country of its places (else of its agents): the blocks it is indexed under."""
    agents: frozenset[str]
    patients: frozenset[str]
    named_patients: frozenset[str]
    """Patients that are named groups, not described collectives ("fighters")."""
    beneficiaries: frozenset[str]
    agent_sides: frozenset[str]
    """Sides of the named agents ("unidentified gunmen" or "fighters" take no side)."""
    beneficiary_sides: frozenset[str]
    source_key: str
    source_name: str
    denied: bool
    source_rank: int = 0
    """2: a named speaker; 1: an outlet; 0: the document itself."""
    sites: tuple[PlaceRec, ...] = ()
    """Villages and sites (`site_kinds`) its evidence names, role places or not."""
    people: frozenset[tuple[str, str]] = frozenset()
    """(class, affiliation or "") of its described patients (`people_classes`), in the
    `people_families`: "former rebels" and "Syrian fighters" are both ("combatant", ...)."""


def period_bounds(value: str) -> tuple[date, date] | None:
    """YYYY, YYYY-MM or YYYY-MM-DD -> the first and last day it covers."""
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        day = date(parts[0], parts[1], parts[2])
        return day, day
    except (ValueError, IndexError):
        return None


def interval_of(
    event: EventRec, published: date | None, rules: Rules
) -> tuple[tuple[date, date] | None, bool]:
    start = period_bounds(event.when_start) if event.when_start else None
    end = period_bounds(event.when_end) if event.when_end else None
    if start:
        last = end[1] if end else (published if published and published >= start[0] else start[1])
        return (start[0], max(last, start[0])), True
    if end:
        return (end[0], end[1]), True
    if published:
        return (published - timedelta(days=rules.undated_window_days), published), False
    return None, False


def distance_km(a: PlaceRec, b: PlaceRec) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’/-]+"  # the place, in capitals
    r"(?:(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*(?:\((?P<dated>[^()]*)\)?)?"
    r"|\s*\((?P<agency>[^()]*)\)?)$"  # ", May 14" with or without "(Agency)", or "(Agency)"
)


def source_label(name: str) -> str | None:
    """How a source is named in the record: "Elizabeth Tsurkov, a researcher" -> "Elizabeth
    Tsurkov"; a dateline read as a speaker ("MOSCOW, May 14 (Levant Wire") -> its agency, "Levant
    Wire", or None when it names none ("MOSCOW, May 14")."""
    dateline = _DATELINE.match(name.strip())
    if dateline:
        agency = (dateline["dated"] or dateline["agency"] or "").strip()
        return agency if agency[:1].isupper() else None
    label = name.split(",")[0].strip()
    return label or None


def document_label(root: str, corpus: Corpus) -> str:
    """A document as a source: its outlet, else the host of its address, else "document <id>"
    (never its headline: a headline is what the report says, not who says it)."""
    doc = corpus.docs.get(root)
    if doc and doc.outlet:
        return doc.outlet
    if doc and doc.url:
        host = urlsplit(doc.url).hostname
        if host:
            return host.removeprefix("www.")
    return f"document {root[:8]}"


def source_of(event: EventRec, corpus: Corpus, original: dict[str, str]) -> tuple[str, str, int]:
    """(key, name, rank) of the independent source: a named original speaker, else the original
    document (so that copies of one report count once)."""
    for source_id in event.chain[:1]:
        source = corpus.sources.get((event.document_id, source_id))
        if source and source.kind in NAMED_SOURCE_KINDS and source.name[:1].isupper():
            name = source_label(source.name)
            key = normal_name(name) if name else ""
            if name and key and key not in _PRONOUNS and len(key) > 3:
                return f"src:{key}", name, 1 if source.kind == "outlet" else 2
    root = original.get(event.document_id, event.document_id)
    return f"doc:{root}", document_label(root, corpus), 0


def finer_places_in_evidence(
    event: EventRec, places: list[PlaceRec], in_document: list[PlaceRec], rules: Rules
) -> list[PlaceRec]:
    """Precise places its evidence names inside the area of its coarser role places: "shelled
    Kinda in Idleb" locates the event at Kinda even when the role names only Idleb (or Idleb read
    as the city). None when there are none; they replace the role places when there are."""
    if not places or any(
        p.kind in rules.precise_places and p.kind not in ("city",) for p in places
    ):
        return []
    areas = {(p.country, p.admin1) for p in places}
    found = [
        p
        for p in in_document
        if p.kind in rules.precise_places
        and p not in places
        and ((p.country, p.admin1) in areas or (p.country, None) in areas)
        and any(s <= a and b <= e for a, b in p.mentions for s, e in event.spans)
    ]
    return found


def features_of(
    event: EventRec,
    corpus: Corpus,
    actors: ActorResolution,
    side_of: SideOf,
    original: dict[str, str],
    rules: Rules,
) -> Features:
    d = event.document_id
    doc = corpus.docs.get(d)
    interval, dated = interval_of(event, doc.published if doc else None, rules)
    roles = ("destination", "location") if event.type == "DEPLOY" else ("location", "destination")
    place_ids = list(dict.fromkeys(i for role in roles for i in event.role(role)))
    places = [p for i in place_ids if (p := corpus.places.get((d, i)))]
    places = finer_places_in_evidence(event, places, corpus.places_of.get(d, []), rules) or places
    agents = frozenset(actors.of(d, event.role("agent")))
    beneficiaries = frozenset(actors.of(d, event.role("beneficiary")))
    country = next((p.country for p in places if p.country), None)
    if country is None:
        country = next(
            (actors.actors[g].country for g in sorted(agents) if actors.actors[g].country), None
        )
    countries = tuple(dict.fromkeys(p.country for p in places if p.country)) or tuple(
        dict.fromkeys(c for g in sorted(agents) if (c := actors.actors[g].country))
    )
    patients = frozenset(actors.of(d, event.role("patient")))
    key, name, rank = source_of(event, corpus, original)
    family = rules.family(event.type)
    return Features(
        event=event,
        family=family,
        interval=interval,
        dated=dated,
        places=places,
        country=country,
        countries=countries[:3],
        agents=agents,
        patients=patients,
        named_patients=frozenset(
            g for g in patients if actors.actors[g].kind not in rules.described_kinds
        ),
        beneficiaries=beneficiaries,
        agent_sides=frozenset(
            s
            for g in agents
            if actors.actors[g].kind not in rules.described_kinds
            for s in side_of(g)
        ),
        beneficiary_sides=frozenset(
            s for g in beneficiaries for s in side_of(g) if not s.startswith("state:")
        ),
        source_key=key,
        source_name=name,
        denied=event.negated or event.certainty == "denied",
        source_rank=rank,
        sites=tuple(
            p
            for p in corpus.places_of.get(d, [])
            if p.kind in rules.site_kinds
            and any(s <= a and b <= e for a, b in p.mentions for s, e in event.spans)
        ),
        people=people_of(patients, actors, rules)
        if family in rules.people_families
        else frozenset(),
    )


def people_of(
    patients: frozenset[str], actors: ActorResolution, rules: Rules
) -> frozenset[tuple[str, str]]:
    """(class, affiliation or "") of the described collectives among `patients` whose head word
    has a class in `rules.people_classes`."""
    found: set[tuple[str, str]] = set()
    for g in patients:
        actor = actors.actors[g]
        if actor.kind not in rules.described_kinds:
            continue
        head = described_head(actor.name, rules)
        kind = rules.people_classes.get(head) if head else None
        if kind:
            found.add((kind, actor.affiliation or ""))
    return frozenset(found)
