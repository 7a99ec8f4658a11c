"""Countries for actors that the text leaves implicit, once the places are known.

"Unidentified gunmen threw a grenade in Qamishli" names no country, but the place does, and ACLED
names the collective after it ("Unidentified Armed Group (Syria)"). The actor stage runs before
the places stage, so its own country guess misses places it cannot resolve; this pass gives such
actors the country that the document's places agree on, and the ACLED name that follows.
"""

from __future__ import annotations

from collections import Counter

from warledger.extractors.actors.countries import document_date
from warledger.extractors.actors.vocabulary import country_index
from warledger.extractors.context import Context
from warledger.kb.acled_names import generic_name
from warledger.kb.load import load_kb
from warledger.report import Actor, Place
from warledger.settings import acled_as_of

_COLLECTIVES = ("civilians", "protesters", "rioters", "unidentified_armed_group")
_FORCES = {"military": "military", "police": "police"}
_UNNAMED_FORCES = {"government forces", "police", "security forces", "regime forces"}


def places_country(places: list[Place]) -> str | None:
    """The country most of the document's place mentions lie in, when one clearly leads."""
    votes: Counter[str] = Counter()
    for place in places:
        if place.country:
            votes[place.country] += max(1, len(place.mentions))
    ranked = votes.most_common(2)
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None
    return ranked[0][0]


def _names_country(actor: Actor, iso3: str) -> bool:
    """Whether one of the actor's mentions names its country ("Syrian refugees", "in Kenya")."""
    index = country_index()
    for span in actor.mentions:
        for word in span.text.replace("-", " ").split():
            if iso3 in {
                index.country_of_name(word),
                index.country_of_demonym(word),
                index.country_of_metonym(word),
            }:
                return True
    return False


def fill_actor_countries(ctx: Context) -> None:
    """Give country-less collectives and unnamed state forces the places' country; a collective
    whose country was only guessed before the places were known (its mentions name none) takes
    the places' country too ("gunmen ... in Ara in As-Sweida": Syria, not India's Ara)."""
    iso3 = places_country(ctx.places)
    if iso3 is None:
        return
    country = load_kb().country(iso3)
    if country is None:
        return
    on = document_date(ctx)
    for actor in ctx.actors:
        if actor.kb_id is not None:
            continue
        if actor.country is not None:
            if (
                actor.kind in _COLLECTIVES
                and actor.country != iso3
                and actor.acled_name is not None
                and not _names_country(actor, actor.country)
            ):
                actor.country = iso3
                actor.acled_name = generic_name(actor.kind, country)
            continue
        if actor.kind in _COLLECTIVES:
            actor.country = iso3
            actor.acled_name = generic_name(actor.kind, country)
        elif actor.kind in _FORCES and actor.name.lower() in _UNNAMED_FORCES:
            actor.country = iso3
            actor.acled_name = country.acled_name(
                _FORCES[actor.kind], on, as_of=acled_as_of() or on, exported=acled_as_of()
            )
