"""Places: countries, provinces, cities, regions and sites, geocoded offline.

`find_places(ctx)` finds candidate mentions (`place_mentions`), resolves each against the
gazetteer (`warledger.kb.gazetteer`, plus an imported GeoNames table when the local database has
one) in two passes with the document's context (`place_resolve`), and returns one `Place` per
distinct place with every mention as evidence:
- "Dar'a province" -> the admin1; "southern Syria" -> kind region inside Syria, at the matching
  part of Syria's extent; "Tafas front" -> kind site, at Tafas; "Mitiga Airport" -> the listed
  site; an unknown village with a parent ("Nadas in rural Ras al Ain") -> kind locality at its
  parent's point.
- Names claimed by an actor mention ("Moscow said") are skipped unless used after a locative
  cue ("in Moscow"); a short abbreviation ("HTS", "JaS") is a place only as a country ("UAE").
- "Coast of Zwara", "Outskirts of Sirte": looked up whole, else a part of what follows "of".

Roles and precision for events: see `warledger.extractors.places.roles`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from warledger.extractors.context import Context
from warledger.extractors.places.mentions import Mention, Vocabulary, find_mentions, vocabulary
from warledger.extractors.places.resolve import Evidence, best
from warledger.kb.gazetteer import Gazetteer, load_gazetteer
from warledger.kb.gazetteer_db import GeonamesDb, geonames_db
from warledger.kb.gazetteer_model import GazPlace, Match
from warledger.report import Place, Span
from warledger.settings import Settings


@dataclass
class Resolved:
    mention: Mention
    place: GazPlace | None
    score: float = 0.0
    tier: int = 0


def lookup(
    name: str, gazetteer: Gazetteer | None = None, db: GeonamesDb | None | bool = True
) -> list[Match]:
    """Gazetteer matches for a name: the imported GeoNames table's first (`db`; True: the one of
    Settings.db, if any), then the embedded ones not already among them."""
    gazetteer = gazetteer or load_gazetteer()
    embedded = gazetteer.lookup(name)
    if db is True:
        db = geonames_db(str(Settings.load().db))
    if not isinstance(db, GeonamesDb):
        return embedded
    imported = db.lookup(name)
    ids = {m.place.geonames_id for m in imported}
    return imported + [
        m for m in embedded if m.place.geonames_id not in ids or m.place.geonames_id is None
    ]


def find_places(ctx: Context) -> list[Place]:
    gazetteer = load_gazetteer()
    claimed = [(s.start, s.end) for a in ctx.actors for s in a.mentions]
    mentions = find_mentions(ctx.doc, claimed, ctx.text)
    if not mentions:
        return []
    db = geonames_db(str(Settings.load().db))
    matches = [_matches(m, gazetteer, db) for m in mentions]
    base = Evidence()
    for mention, ms in zip(mentions, matches, strict=True):
        for match in ms:
            if match.tier == 0 and match.place.kind == "country" and match.place.country:
                # "in Libya" places the story; "Turkey said" or "Turkey-backed" barely does.
                base.add(match.place.country, 2.0 if mention.cue else 0.5)
    named = _evidence(base, [])
    for actor in ctx.actors:
        if actor.country:
            # A weak hint only: foreign forces act abroad ("Turkish forces shelled X in Syria").
            base.add(actor.country, 0.5)
    evidence = base
    held = _held(mentions, matches)
    resolved = [
        _resolve(mn, ms, evidence, None, held[k])
        for k, (mn, ms) in enumerate(zip(mentions, matches, strict=True))
    ]
    # A mention's choice in the last pass, and what it was made from: the same evidence and parent
    # give the same choice, so a pass re-scores only the mentions whose context changed.
    last: list[tuple[object, Resolved] | None] = [None] * len(mentions)
    for _ in range(3):
        before = list(resolved)
        evidence = _evidence(base, resolved)
        # Parents follow their children in the text: resolve from the end so a child sees its
        # parent's choice of this pass. A mention's own previous choice does not vouch for it.
        for k in range(len(mentions) - 1, -1, -1):
            mention = mentions[k]
            # an unknown parent defers to its own: "Sultanabad town (Mirzaganj upazila, Barisal)"
            parent = _resolved_ancestor(resolved[k], resolved)
            seen = _without(evidence, resolved[k])
            key = (tuple(seen.countries.items()), frozenset(seen.admin1s), id(parent))
            previous = last[k]
            if previous is not None and previous[0] == key:
                resolved[k] = previous[1]
                continue
            resolved[k] = _resolve(mention, matches[k], seen, parent, held[k])
            last[k] = (key, resolved[k])
        if all(_same(a, b) for a, b in zip(before, resolved, strict=True)):
            break  # a pass that changed nothing: the next would start, and end, the same
    final = resolved
    # Unresolved names default to the country the places (not the actors) point at.
    places = _places(ctx, final, gazetteer, _evidence(named, final).leading_country())
    _town_parts(ctx, places)
    return places


def _same(a: Resolved, b: Resolved) -> bool:
    return a.place is b.place and a.score == b.score and a.tier == b.tier and a.mention is b.mention


_WEIGHT = {
    "country": 2.0,
    "admin1": 2.0,
    "admin2": 1.5,
    "region": 1.5,
    "city": 1.0,
    "locality": 0.5,
}
"""How much a resolved place vouches for its country: provinces more than villages."""


def _evidence(base: Evidence, resolved: list[Resolved]) -> Evidence:
    """The base evidence plus the countries and provinces of the places resolved so far (exact
    spellings only, so a transliteration guess does not vouch for itself)."""
    evidence = Evidence(countries=dict(base.countries), admin1s=set(base.admin1s))
    for r in resolved:
        if r.place is None or not r.place.country or r.tier != 0:
            continue
        evidence.add(r.place.country, _WEIGHT.get(r.place.kind, 1.0))
        if r.place.kind in {"admin1", "admin2"} and r.place.admin1_code:
            evidence.admin1s.add(r.place.admin1_code)
    return evidence


def _without(evidence: Evidence, r: Resolved) -> Evidence:
    if r.place is None or not r.place.country or r.tier != 0:
        return evidence
    rest = Evidence(countries=dict(evidence.countries), admin1s=evidence.admin1s)
    rest.add(r.place.country, -_WEIGHT.get(r.place.kind, 1.0))
    return rest


def _acronym(name: str) -> bool:
    """ "HTS", "JaS", "UP": one short word with capitals inside, as armed groups and offices are
    abbreviated; such a word names a place only as a country ("UAE", "DRC")."""
    return " " not in name and len(name) <= 5 and any(c.isupper() for c in name[1:])


def _generic(mention: Mention) -> bool:
    return mention.name.lower() in vocabulary().generic_names and not mention.head_kind


def _matches(mention: Mention, gazetteer: Gazetteer, db: GeonamesDb | None) -> list[Match]:
    if _generic(mention):
        return []  # "the Hospital", "the Centre": a common noun, not Hospital, Ireland
    if _acronym(mention.name):
        return [m for m in lookup(mention.name, gazetteer, db) if m.place.kind == "country"]
    found = []
    if mention.head_kind == "site" and mention.head:
        found = lookup(f"{mention.name} {mention.head}", gazetteer, db)
    if not found:
        found = lookup(mention.name, gazetteer, db)
    if (
        not any(m.tier == 0 for m in found)
        and mention.direction
        and mention.name.lower().startswith(mention.direction)
    ):
        part = lookup(mention.name[len(mention.direction) :].strip(" -"), gazetteer, db)
        if part:
            found, mention.stripped = part, True
    words = mention.name.rsplit(" ", 1)
    if (
        not any(m.tier == 0 for m in found)
        and len(words) == 2
        and words[1].lower() in vocabulary().directions
    ):
        # "Turkana South", "Kitui East": a part of the named unit (constituencies are so named)
        part = lookup(words[0], gazetteer, db)
        if part:
            found = part
            mention.direction, mention.stripped = words[1].lower(), True
    unit, _, rest = mention.name.partition(" ")
    if not any(m.tier == 0 for m in found) and rest and unit.lower() in vocabulary().leading_units:
        # "Barangay Marbel": the village under its own name
        found = lookup(rest, gazetteer, db) or found
    head, _, tail = mention.name.partition(" of ")
    if not found and tail and head.lower() in vocabulary().of_heads:
        found = lookup(tail, gazetteer, db)
        mention.of_tail = bool(found)
    return found


def _held(mentions: list[Mention], matches: list[list[Match]]) -> list[tuple[GazPlace, ...]]:
    """For each mention, the exactly spelled candidates of the mentions whose parent it is."""
    out: list[list[GazPlace]] = [[] for _ in mentions]
    for mention, ms in zip(mentions, matches, strict=True):
        if mention.parent is not None:
            out[mention.parent] += [m.place for m in ms if m.tier == 0]
    return [tuple(places) for places in out]


def _head_kind(mention: Mention) -> str | None:
    """The mention's head kind for resolution: "seat" for a unit below a province."""
    if mention.head_kind == "admin" and (mention.head or "").lower() in vocabulary().seat_heads:
        return "seat"
    return mention.head_kind


def _resolve(
    mention: Mention,
    matches: list[Match],
    evidence: Evidence,
    parent: GazPlace | None,
    children: tuple[GazPlace, ...] = (),
) -> Resolved:
    if not matches:
        return Resolved(mention, None)
    chosen = best(
        matches,
        evidence,
        _head_kind(mention),
        parent,
        mention.strict_parent,
        mention.is_parent,
        located=mention.cue is not None,
        children=children,
    )
    if chosen is None:
        return Resolved(mention, None)
    place, value = chosen
    tier = min(m.tier for m in matches if m.place is place)
    return Resolved(mention, place, value, tier)


def _places(
    ctx: Context, resolved: list[Resolved], gazetteer: Gazetteer, country: str | None
) -> list[Place]:
    """One Place per distinct (resolved place, kind, name) with all its mentions."""
    by_key: dict[tuple[object, ...], Place] = {}
    for r in resolved:
        record = _record(ctx, r, resolved, gazetteer, country)
        if record is None:
            continue
        key: tuple[object, ...] = (
            record.kind,
            record.geonames_id,
            record.country,
            record.lat,
            record.lon,
            record.name.lower(),
        )
        if record.geonames_id is not None or record.kind in {"admin1", "country"}:
            key = (
                record.kind,
                record.geonames_id,
                record.country,
                record.admin1,
                record.lat,
                record.lon,
            )
        place = by_key.get(key)
        if place is None:
            record.id = ctx.new_id("p")
            place = by_key[key] = record
        place.mentions.append(ctx.span(r.mention.start, r.mention.end))
    return list(by_key.values())


def _record(
    ctx: Context, r: Resolved, resolved: list[Resolved], gazetteer: Gazetteer, country: str | None
) -> Place | None:
    """The Place of one resolved mention; an unresolved name lies at its parent (or, lacking one,
    in the document's leading country, without coordinates)."""
    m = r.mention
    surface = (
        m.name
        if m.settlement and not m.head_kind and not m.direction
        else ctx.text[m.start : m.end]
    )
    parent = resolved[m.parent].place if m.parent is not None else None
    g = r.place
    if g is None:
        anchor = _resolved_ancestor(r, resolved)
        if (anchor is None and not (m.ner or m.head_kind)) or (
            (_acronym(m.name) or _generic(m)) and not m.head_kind
        ):
            return None
        kind = (
            "site" if m.head_kind == "site" else "admin2" if m.head_kind == "admin" else "locality"
        )
        return Place(
            id="",
            name=surface,
            kind=kind,
            country=anchor.country if anchor else country,
            admin1=anchor.admin1 if anchor else None,
            lat=anchor.lat if anchor else None,
            lon=anchor.lon if anchor else None,
        )
    if m.direction and (m.stripped or not m.name.lower().startswith(m.direction)):
        if not m.stripped or g.kind in {"country", "admin1", "admin2", "region"}:
            return _region(surface, g, m.direction, gazetteer)
        # "Eastern Ghariyeh" unknown as such: a locality at Ghariyeh
        return _at(surface, "locality", g)
    if m.of_tail:
        # "Coast of Zwara": a part of the place, at the place
        return _at(
            surface,
            "region" if g.kind in {"country", "admin1", "admin2", "region"} else "locality",
            g,
        )
    if m.head_kind == "admin" and g.kind in {"city", "locality"}:
        # "Poonch district" found at its seat town: the unit, at the town's point
        return _at(surface, "admin2", g)
    if m.head_kind == "site" and g.kind != "site":
        return _at(surface, "site", g)
    return Place(
        id="",
        name=surface,
        kind=g.kind,
        country=g.country,
        admin1=g.admin1 or (parent.admin1 if parent and parent.country == g.country else None),
        lat=g.lat,
        lon=g.lon,
        geonames_id=g.geonames_id,
    )


def _resolved_ancestor(r: Resolved, resolved: list[Resolved]) -> GazPlace | None:
    """The nearest resolved place up the parent chain: "Fatullah town, Narayanganj Sadar upazila
    (Dhaka)" -> Dhaka when the upazila is unknown."""
    seen: set[int] = set()
    k = r.mention.parent
    while k is not None and k not in seen:
        seen.add(k)
        if resolved[k].place is not None:
            return resolved[k].place
        k = resolved[k].mention.parent
    return None


def _region(surface: str, g: GazPlace, direction: str, gazetteer: Gazetteer) -> Place:
    """ "southern Syria": a region of the place, at the matching part of a country's extent."""
    lat, lon = g.lat, g.lon
    extent = gazetteer.extents.get(g.country or "") if g.kind == "country" else None
    offsets = vocabulary().directions.get(direction)
    if extent and offsets:
        south, north, west, east = extent
        lat = south + (north - south) * offsets[0]
        lon = west + (east - west) * offsets[1]
    return Place(
        id="",
        name=surface,
        kind="region",
        country=g.country,
        admin1=g.admin1 if g.kind != "country" else None,
        lat=lat,
        lon=lon,
    )


def _at(surface: str, kind: str, g: GazPlace) -> Place:
    """A place named `surface`, of `kind`, at gazetteer entry `g`'s country, province and point."""
    return Place(
        id="", name=surface, kind=kind, country=g.country, admin1=g.admin1, lat=g.lat, lon=g.lon
    )


def _town_parts(ctx: Context, places: list[Place]) -> None:
    """A part of a town ("Grama neighborhood", "Colonia Libertad") in a report that opens in a
    town ("On 7 May, in Nova Iguacu, Rio de Janeiro, ..."): when the gazetteer placed it more than
    `town_part_km` from that town, it found a namesake elsewhere, and the part is put at the town
    (places.yaml town_parts_after, town_parts_before)."""
    vocab = vocabulary()
    first = next(iter(ctx.doc.sents), None)
    if first is None:
        return
    town = _opening_town(ctx, places, first.start_char, first.end_char, vocab)
    if town is None or town.lat is None or town.lon is None:
        return
    for place in places:
        if place is town or place.lat is None or place.lon is None or not place.mentions:
            continue
        if not all(_town_part(ctx.text, m, vocab) for m in place.mentions):
            continue
        if _km(place.lat, place.lon, town.lat, town.lon) <= vocab.town_part_km:
            continue
        place.kind, place.geonames_id = "site", None
        place.country, place.admin1 = town.country, town.admin1
        place.lat, place.lon = town.lat, town.lon


def _opening_town(
    ctx: Context, places: list[Place], start: int, end: int, vocab: Vocabulary
) -> Place | None:
    """The first town or village named in [start, end) (the report's first sentence), outside
    parentheses and not itself a part of a town."""
    found: list[tuple[int, Place]] = []
    for place in places:
        if place.kind not in {"city", "locality"} or place.lat is None:
            continue
        for m in place.mentions:
            before = ctx.text[max(0, m.start - 60) : m.start]
            if (
                start <= m.start < end
                and before.rfind("(") <= before.rfind(")")
                and not _town_part(ctx.text, m, vocab)
            ):
                found.append((m.start, place))
                break
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _town_part(text: str, mention: Span, vocab: Vocabulary) -> bool:
    """The mention names a part of a town: a town-part word right after or before the name, or
    as the mention's own first or last word."""
    words = text[mention.start : mention.end].lower().split()
    after = text[mention.end : mention.end + 30].lower().split()[:1]
    before = text[max(0, mention.start - 30) : mention.start].lower().split()[-1:]
    return bool(
        (words and (words[0] in vocab.town_parts_before or words[-1] in vocab.town_parts_after))
        or (after and after[0].strip(",.;:()") in vocab.town_parts_after)
        or (before and before[0] in vocab.town_parts_before)
    )


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))
