"""Choosing the gazetteer entry a place name refers to, from the document's context.

Each candidate place of the document has gazetteer matches (`warledger.kb.gazetteer`); each match
gets a score, the sum of plain, named terms, and the best one wins when it reaches ACCEPT:

| term | value |
| --- | --- |
| exact spelling (tier 0) | +2; +1 when only an alternate name of a town is so spelled and it is too short to tell, or a town of 50,000 or more bears the name as its own ("Cancun": not Changchun), or the town lies outside the document's countries ("Gaur" for Le Havre; not "Palmyra" for Tadmur); a fuzzy, transliteration-only match gets 0 |
| country of the document (named countries, places resolved so far, weakly the actors' countries) | +3 for the leading country when it has firm support (weight 2: a province, a country named after "in", two towns), +1 when it has not; +1.5 (+0.5 if weak) for another; -2 for any other when the support is firm, and a fuzzy match outside is then dropped; a fuzzy match of a country name is always dropped |
| inside the parent named in parentheses or by "X in Y" (same admin1, or within 60 km) | +5; a parent that does not contain it: -4 in parentheses, -2 otherwise; 0 when that cannot be told (a town of the province's country whose province is unknown) |
| used as a parent ("... in Idleb") and an admin unit, region or country | +1.5 |
| such a parent that contains a candidate (exact spelling) of a place named inside it ("Vehari, Punjab") | +2 |
| its province (admin1) is mentioned in the document | +2 |
| kind wanted by the head word ("X province" -> admin1/admin2; "X airport" -> a site) | +4; other kinds -2; with an admin head word a fuzzy match outside the document's countries is dropped. A unit below a province ("X district", "X municipality", places.yaml seat_heads): admin2 +4, a town of the document's countries (its seat) +3, admin1 +1, others -2 |
| a country's own name | +3 |
| population prior | +max(0, 0.4 * log10(population) - 1.2): 0 for a village, 1.2 for a city of a million; admin1 counts as 10^5, a country as 10^7 |
| a listed region, site or locality (our data) | +1 |
| an imported GeoNames record (the user's full gazetteer) | +0.1 (wins ties with the embedded copy) |
| used as a place ("in X", "near X") and its own name spelled exactly so in one country only (not against its parent or a firmly supported other country) | +1 |

A town under TINY_TOWN people is not taken at all without support from the rest of the document
(its country among the document's, its parent containing it or its province mentioned) unless it
is used as a place and its own name is so spelled in one country only. The city list holds such
towns in some countries only, so a lone match of a word that is not even used as a place
("Hospital", Ireland; "Sacco", Italy) is more often a namesake than the place meant.

ACCEPT is 2.5: an exactly spelled village needs some support from the context (being the only country
with that spelling, after "in", is enough), a town of 20,000
does not. So "Tripoli" goes to Libya by population unless the document is about Lebanon; "Homs province"
goes to the Syrian province even in a Libya story (the head word outweighs the country), and
"Qasr Bin Ghashir (Tripoli)" must lie in or near the Tripoli that wins.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from warledger.kb.gazetteer_model import GazPlace, Match

ACCEPT = 2.5
UNAMBIGUOUS = 1.0
TINY_TOWN = 10_000
"""Population under which a town needs support from the document (see the module docstring)."""
FOREIGN_TOWN = 100_000
"""Population a town needs to be taken abroad in a story firmly placed in another country."""
NEAR_KM = 60.0


@dataclass
class Evidence:
    """What the document says about where it is."""

    countries: dict[str, float] = field(default_factory=dict)
    """Country ISO3 -> weight of the support for it; change it through `add` only."""
    admin1s: set[str] = field(default_factory=set)
    _lead: tuple[str | None, bool] | None = field(default=None, repr=False, compare=False)
    """(leading country, strong), worked out once: every match of every mention asks."""

    def add(self, country: str, weight: float) -> None:
        self._lead = None
        value = self.countries.get(country, 0.0) + weight
        if value > 0:
            self.countries[country] = value
        else:
            self.countries.pop(country, None)

    def _leading(self) -> tuple[str | None, bool]:
        if self._lead is None:
            if not self.countries:
                self._lead = (None, False)
            else:
                country, weight = max(self.countries.items(), key=lambda cw: cw[1])
                self._lead = (country, weight >= 2)
        return self._lead

    def strong(self) -> bool:
        """True when some country has the support of a province, a country name or two places."""
        return self._leading()[1]

    def leading_country(self) -> str | None:
        return self._leading()[0]


def distance_km(a: GazPlace, b: GazPlace) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def contains(parent: GazPlace, place: GazPlace) -> bool:
    """True when `place` lies in `parent`: same country for a country, same admin1 for a
    province, within NEAR_KM otherwise."""
    if parent.kind == "country" or (
        parent.kind == "region" and parent.country and not parent.admin1_code
    ):
        return parent.country == place.country
    if (
        parent.kind in {"admin1", "admin2"}
        and parent.admin1_code
        and parent.admin1_code == place.admin1_code
    ):
        return True
    return distance_km(parent, place) <= NEAR_KM


def containment(parent: GazPlace, place: GazPlace) -> bool | None:
    """`contains`, or None when it cannot tell: a province and a place of the same country whose
    province is unknown and that lies beyond NEAR_KM of the province's point (or either has no
    point). A missing link is no evidence against the child."""
    if contains(parent, place):
        return True
    if (
        parent.kind in {"admin1", "admin2"}
        and parent.admin1_code
        and not place.admin1_code
        and parent.country == place.country
    ):
        return None
    return False


_SEAT_BONUS = {"admin2": 4.0, "city": 3.0, "locality": 3.0, "admin1": 1.0}
"""Head kind "seat" ("Poonch district", "Cordoba municipality"): a unit below a province, at
its own record when the gazetteer has one, else at its seat town (in one of the document's
countries only); a province of that name is a weaker reading."""

_PRIOR_POPULATION = {"country": 10_000_000, "admin1": 100_000, "admin2": 30_000, "region": 100_000}


def score(
    match: Match,
    evidence: Evidence,
    head_kind: str | None = None,
    parent: GazPlace | None = None,
    strict_parent: bool = False,
    as_parent: bool = False,
) -> float | None:
    """The score of one match (see the module docstring), or None when it is ruled out."""
    place = match.place
    total = (1.0 if match.alias else 2.0) if match.tier == 0 else 0.0
    lead = evidence.leading_country()
    strong = evidence.strong()
    if place.country and place.country == lead:
        total += 3.0 if strong else 1.0
    elif place.country and place.country in evidence.countries:
        total += 1.5 if evidence.countries[place.country] >= 1 else 0.5
    elif match.tier == 1 and (strong or parent is not None):
        return None
    elif strong:
        total -= 2.0
    if match.tier == 1 and place.kind == "country":
        return None
    if parent is not None:
        inside = containment(parent, place)
        if inside:
            total += 5.0
        elif inside is False:
            total -= 4.0 if strict_parent else 2.0
    if as_parent and place.kind in {"admin1", "admin2", "country", "region"}:
        total += 1.5
    if (
        place.admin1_code
        and place.admin1_code in evidence.admin1s
        and place.kind not in {"admin1", "country"}
    ):
        total += 2.0
    if head_kind == "admin":
        total += 4.0 if place.kind in {"admin1", "admin2"} else -2.0
    elif head_kind == "seat":
        seat_town = place.kind in {"city", "locality"}
        total += (
            _SEAT_BONUS.get(place.kind, -2.0)
            if not seat_town or place.country in evidence.countries
            else -2.0
        )
    elif head_kind == "site":
        total += 1.0 if place.kind == "site" else 0.0
    if place.kind == "country":
        total += 3.0
    population = place.population or _PRIOR_POPULATION.get(place.kind, 0)
    total += max(0.0, 0.4 * math.log10(population + 1) - 1.2)
    if place.source in {"regions", "sites", "localities"}:
        total += 1.0
    elif place.source == "geonames":
        total += 0.1
    return total


def _weak_alias(match: Match, evidence: Evidence) -> bool:
    """A town reached by an alternate name that is too short to tell, or that lies in another
    country than the document's ("Abdullahpur", Yamuna Nagar, India, in a note from Bangladesh)."""
    place = match.place
    return (
        match.alias
        and place.kind in {"city", "locality"}
        and place.source in {"cities", "geonames"}
        and (
            match.short_alias
            or bool(evidence.countries)
            and place.country not in evidence.countries
        )
    )


OWN_CITY = 50_000
"""Population of a town that, named by its own name, makes alternate names of others weak."""


def _own_city(matches: list[Match]) -> bool:
    """True when a town of OWN_CITY or more bears the name as its own: "Cancun" is Cancún
    before it is an alternate name of Changchun."""
    return any(
        m.tier == 0
        and not m.alias
        and m.place.kind in {"city", "locality"}
        and (m.place.population or 0) >= OWN_CITY
        for m in matches
    )


def _unsupported_tiny(match: Match, evidence: Evidence, parent: GazPlace | None) -> bool:
    """A town under TINY_TOWN that nothing else in the document points to."""
    place = match.place
    return (
        place.kind in {"city", "locality"}
        and place.source in {"cities", "geonames"}
        and (place.population or 0) < TINY_TOWN
        and place.country not in evidence.countries
        and not (parent is not None and contains(parent, place))
        and not (place.admin1_code and place.admin1_code in evidence.admin1s)
    )


HOLDS_CHILD = 2.0


def _holding(place: GazPlace, children: tuple[GazPlace, ...]) -> float:
    """HOLDS_CHILD for a parent candidate that contains a candidate of a place named inside it
    ("Vehari, Punjab": the Punjab that holds a Vehari), so parent and child are read together."""
    if place.kind not in {"admin1", "admin2", "country", "region"}:
        return 0.0
    return HOLDS_CHILD if any(contains(place, c) for c in children) else 0.0


def best(
    matches: list[Match],
    evidence: Evidence,
    head_kind: str | None = None,
    parent: GazPlace | None = None,
    strict_parent: bool = False,
    as_parent: bool = False,
    located: bool = False,
    children: tuple[GazPlace, ...] = (),
) -> tuple[GazPlace, float] | None:
    """The best-scoring match at or above ACCEPT, with its score.

    The document's countries only count against a match when a same-named place exists in one of
    them: "Misrata" in a Syria story is still Misrata (but a town under FOREIGN_TOWN is not taken
    abroad then: "the Jaru gathering" in a Deir-ez-Zor story is not Jaru, Brazil). A name used as a place (`located`: after
    "in", "near" ...) whose exact spelling exists in one country only gets UNAMBIGUOUS more."""
    # only a weak alias counts as one ("Palmyra" is Tadmur's, "Gaur" not Le Havre's)
    own_city = _own_city(matches)
    matches = [
        m if _weak_alias(m, evidence) or own_city or not m.alias else replace(m, alias=False)
        for m in matches
    ]
    own = {m.place.country for m in matches if m.tier == 0 and not m.alias}
    if head_kind in {"admin", "seat"}:
        # "Singra upazila", "Kutkai township": a unit's name is spelled as its country spells it,
        # so a transliteration guess abroad (Sîngerei, Moldova) needs the document's support
        matches = [m for m in matches if m.tier == 0 or m.place.country in evidence.countries]
    matches = [
        m
        for m in matches
        if not _unsupported_tiny(m, evidence, parent)
        or (located and m.tier == 0 and not m.alias and own == {m.place.country})
    ]
    if not any(m.place.country in evidence.countries for m in matches):
        if evidence.strong():
            # Abroad in a story firmly placed elsewhere: only a city or an admin unit will do.
            matches = [
                m
                for m in matches
                if m.place.kind not in {"city", "locality"}
                or (m.place.population or 0) >= FOREIGN_TOWN
            ]
        evidence = Evidence(admin1s=evidence.admin1s)
    exact = {m.place.country for m in matches if m.tier == 0 and not m.alias}
    sole = next(iter(exact)) if located and len(exact) == 1 else None
    if sole and (
        (parent is not None and not any(contains(parent, m.place) for m in matches))
        or (evidence.strong() and sole not in evidence.countries)
    ):
        sole = None  # the context puts it elsewhere: "Al Falah in Abu Salim (Tripoli)"
    scored = [
        (
            s + (UNAMBIGUOUS if m.tier == 0 and not m.alias and m.place.country == sole else 0.0),
            m.place,
        )
        for m in matches
        if (s := score(m, evidence, head_kind, parent, strict_parent, as_parent)) is not None
    ]
    if children:
        scored = [(s + _holding(place, children), place) for s, place in scored]
    if not scored:
        return None
    top, place = max(scored, key=lambda sp: sp[0])
    return (place, top) if top >= ACCEPT else None
