"""Choosing the gazetteer entry a place name refers to, from the document's context.

Each candidate place of the document has gazetteer matches (`warledger.kb.gazetteer`); each match
gets a score, the sum of plain, named terms, and the best one wins when it reaches ACCEPT:

| term | value |
| --- | --- |
| exact spelling (tier 0) | +2 (a fuzzy, transliteration-only match gets 0) |
| country of the document (actors' countries, named countries, places resolved so far) | +3 for the leading country, +1.5 for another one; a fuzzy match outside them is dropped |
| inside the parent named in parentheses or by "X in Y" (same admin1, or within 60 km) | +5; a parenthesised parent that does not contain it: -4 |
| its province (admin1) is mentioned in the document | +2 |
| kind wanted by the head word ("X province" -> admin1/admin2; "X airport" -> a site) | +4; other kinds -2 |
| a country's own name | +3 |
| population prior | +0.4 * log10(population); admin1 counts as 10^5, a country as 10^7 |
| a listed region or site (our data) | +1 |
| an imported GeoNames record (the user's full gazetteer) | +0.1 (wins ties with the embedded copy) |

So "Tripoli" goes to Libya by population unless the document is about Lebanon; "Homs province"
goes to the Syrian province even in a Libya story (the head word outweighs the country), and
"Qasr Bin Ghashir (Tripoli)" must lie in or near the Tripoli that wins.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from warledger.kb.gazetteer_model import GazPlace, Match

ACCEPT = 2.0
NEAR_KM = 60.0


@dataclass
class Evidence:
    """What the document says about where it is."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1s: set[str] = field(default_factory=set)

    def leading_country(self) -> str | None:
        if not self.countries:
            return None
        return self.countries.most_common(1)[0][0]


def distance_km(a: GazPlace, b: GazPlace) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def contains(parent: GazPlace, place: GazPlace) -> bool:
    """True when `place` lies in `parent`: same country for a country, same admin1 for a
    province, within NEAR_KM otherwise."""
    if parent.kind == "country" or (parent.kind == "region" and parent.country and not parent.admin1_code):
        return parent.country == place.country
    if parent.kind in {"admin1", "admin2"} and parent.admin1_code and parent.admin1_code == place.admin1_code:
        return True
    return distance_km(parent, place) <= NEAR_KM


_PRIOR_POPULATION = {"country": 10_000_000, "admin1": 100_000, "admin2": 30_000, "region": 100_000}


def score(
    match: Match,
    evidence: Evidence,
    head_kind: str | None = None,
    parent: GazPlace | None = None,
    strict_parent: bool = False,
) -> float | None:
    """The score of one match (see the module docstring), or None when it is ruled out."""
    place = match.place
    total = 2.0 if match.tier == 0 else 0.0
    lead = evidence.leading_country()
    if place.country and place.country == lead:
        total += 3.0
    elif place.country and place.country in evidence.countries:
        total += 1.5
    elif match.tier == 1 and (evidence.countries or parent is not None):
        return None
    if parent is not None:
        if contains(parent, place):
            total += 5.0
        elif strict_parent:
            total -= 4.0
    if place.admin1_code and place.admin1_code in evidence.admin1s and place.kind not in {"admin1", "country"}:
        total += 2.0
    if head_kind == "admin":
        total += 4.0 if place.kind in {"admin1", "admin2"} else -2.0
    elif head_kind == "site":
        total += 1.0 if place.kind == "site" else 0.0
    if place.kind == "country":
        total += 3.0
    population = place.population or _PRIOR_POPULATION.get(place.kind, 0)
    total += 0.4 * math.log10(population + 1)
    if place.source in {"regions", "sites"}:
        total += 1.0
    elif place.source == "geonames":
        total += 0.1
    return total


def best(
    matches: list[Match],
    evidence: Evidence,
    head_kind: str | None = None,
    parent: GazPlace | None = None,
    strict_parent: bool = False,
) -> tuple[GazPlace, float] | None:
    """The best-scoring match at or above ACCEPT, with its score."""
    scored = [
        (s, m.place)
        for m in matches
        if (s := score(m, evidence, head_kind, parent, strict_parent)) is not None
    ]
    if not scored:
        return None
    top, place = max(scored, key=lambda sp: sp[0])
    return (place, top) if top >= ACCEPT else None
