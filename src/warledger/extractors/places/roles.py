"""Which place belongs to an event, in what role, and how precisely (for the events stage and the
ACLED export).

- `place_role(ctx, item)`: "origin" when the mention is governed by "from"/"out of", "destination"
  for "to"/"into"/"towards" or a movement verb ("arrived in", "reached", "entered", "travelled
  to"), otherwise "location" ("in", "at", "near", "on").
- `nested_locations(ctx, spans, ids)`: the places of an origin or destination phrase that only
  locate its noun ("from their balconies in X"): the event's location.
- `anchored(ctx, ids, start, end)`: an event's places plus a geocoded town of its sentence (or
  the report's opening place) when none of them has coordinates.
- `scene(ctx)`: the place the report's first sentence is at, for an event with no place.
- `places_in(ctx, start, end)`: the places with a mention inside [start, end), in text order.
- `place_at(ctx, start, end)`: the place an event in [start, end) happened at: among the places
  mentioned there in role "location", a geocoded one before one without coordinates, one outside
  parentheses before a parent named in them ("Kapasia upazila (Gazipur, Dhaka)"), then the
  most specific kind (site, locality, city before admin2, admin1, region, country), then the
  first in the text.
- `geo_precision(place, mention, text)`: ACLED's geo_precision: 1 for a town, village or site
  named as such, 2 when the mention says "near", "outskirts of", "countryside", "km east of" or the
  place is a site or unknown village placed at its parent, 3 for a province, region or country.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from warledger.extractors.context import Context
from warledger.extractors.places.mentions import vocabulary
from warledger.report import Place, Span

Role = Literal["location", "origin", "destination"]

SPECIFICITY = {
    "site": 0,
    "locality": 1,
    "city": 2,
    "admin2": 3,
    "admin1": 4,
    "region": 5,
    "country": 6,
}


def _token(ctx: Context, item: Span | SpacySpan | Token) -> Token | None:
    if isinstance(item, Token):
        return item
    if isinstance(item, SpacySpan):
        return item.root
    span = ctx.doc.char_span(item.start, item.end, alignment_mode="expand")
    return span.root if span is not None else None


def place_role(ctx: Context, item: Span | SpacySpan | Token) -> Role:
    """The role of a place mention for the event around it (see the module docstring)."""
    vocab = vocabulary()
    token = _token(ctx, item)
    if token is None:
        return "location"
    # Climb compounds and appositions to the phrase head, then read the governing preposition.
    while token.dep_ in {"compound", "appos", "conj", "amod", "nmod"} and token.head is not token:
        token = token.head
    prep = token.head if token.dep_ == "pobj" else None
    before = ctx.doc[max(0, token.left_edge.i - 2) : token.left_edge.i].text.lower()
    if prep is not None:
        word = prep.lower_
        if word in vocab.origin_preps or before.endswith(("out of", "away from")):
            return "origin"
        if word in vocab.destination_preps:
            return "destination"
        verb = prep.head
        if (
            verb.pos_ == "VERB"
            and verb.lemma_.lower() in vocab.destination_verbs
            and word in {"in", "at", "on"}
        ):
            return "destination"
        return "location"
    if token.dep_ == "dobj" and token.head.lemma_.lower() in vocab.destination_object_verbs:
        return "destination"
    if before.endswith(("from", "out of")):
        return "origin"
    if before.endswith(("to", "into", "towards", "toward")):
        return "destination"
    return "location"


LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})


def nested_locations(ctx: Context, spans: list[tuple[int, int]], place_ids: list[str]) -> list[str]:
    """Of `place_ids` (an origin or destination phrase's places), those that the phrase only
    locates: a place governed by its own locative preposition under a noun that is no place
    ("protested from their balconies in Novi Sad", "marched to the square in Kisumu"). Such a
    place is where the event happens, not where something moves from or to."""
    out: list[str] = []
    for place in ctx.places:
        if place.id not in place_ids:
            continue
        for m in place.mentions:
            if any(a <= m.start and m.end <= b for a, b in spans) and _locates_a_noun(ctx, m):
                out.append(place.id)
                break
    return [p for p in place_ids if p in out]


def _locates_a_noun(ctx: Context, mention: Span) -> bool:
    token = _token(ctx, mention)
    if token is None:
        return False
    while token.dep_ in {"compound", "appos", "conj", "amod", "nmod"} and token.head is not token:
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPS:
        return False
    noun = token.head.head
    if noun.pos_ not in {"NOUN", "PRON"}:
        return False
    return not any(m.start <= noun.idx < m.end for p in ctx.places for m in p.mentions)


def anchored(ctx: Context, place_ids: list[str], start: int, end: int) -> list[str]:
    """`place_ids` (an event's location), plus a geocoded place when none of them has
    coordinates: a square, a neighbourhood or an unknown village is in the town its sentence
    [start, end) names ("clashed in Colonia X" after "in El Salto, Jalisco,"), else in the
    place the report opens at."""
    by_id = {p.id: p for p in ctx.places}
    located = [by_id[i] for i in place_ids if i in by_id]
    if not located or any(p.lat is not None for p in located):
        return place_ids
    for anchor in (place_at(ctx, start, end), scene(ctx)):
        if anchor is not None and anchor.lat is not None:
            return [*place_ids, anchor.id]
    return place_ids


def scene(ctx: Context) -> Place | None:
    """The place the report opens at: `place_at` over its first sentence ("On 3 May, in Kisumu,
    traders ..."), for an event whose own sentence names no place."""
    first = next(iter(ctx.doc.sents), None)
    if first is None:
        return None
    return place_at(ctx, first.start_char, first.end_char)


def places_in(ctx: Context, start: int, end: int) -> list[Place]:
    """Places with a mention inside [start, end), ordered by their first mention there."""
    found: list[tuple[int, Place]] = []
    for place in ctx.places:
        inside = [m.start for m in place.mentions if start <= m.start and m.end <= end]
        if inside:
            found.append((min(inside), place))
    return [p for _, p in sorted(found, key=lambda sp: sp[0])]


def place_at(ctx: Context, start: int, end: int) -> Place | None:
    """The most specific place mentioned in [start, end) in role "location" (None if none)."""
    candidates: list[tuple[bool, bool, int, int, Place]] = []
    for place in ctx.places:
        for m in place.mentions:
            if start <= m.start and m.end <= end and place_role(ctx, m) == "location":
                key = (place.lat is None, _in_parentheses(ctx.text, m.start))
                candidates.append((*key, SPECIFICITY.get(place.kind, 9), m.start, place))
                break
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[:4])[4]


def _in_parentheses(text: str, start: int) -> bool:
    """True for "Gazipur" in "Kapasia upazila (Gazipur, Dhaka)": a parent, not the place itself."""
    before = text[max(0, start - 60) : start]
    return before.rfind("(") > before.rfind(")")


def geo_precision(place: Place, mention: Span | None = None, text: str | None = None) -> int:
    """ACLED geo_precision (1, 2 or 3) of a place as mentioned (see the module docstring)."""
    if place.kind in {"admin1", "admin2", "region", "country"}:
        return 3
    if place.kind == "site" and place.geonames_id is None and place.lat is not None:
        near = True
    else:
        near = False
    if mention is not None and text is not None:
        vocab = vocabulary()
        before = text[max(0, mention.start - 40) : mention.start].lower().split()[-4:]
        after = text[mention.end : mention.end + 20].lower().split()[:1]
        near = near or any(w.strip(",.()") in vocab.near_words for w in before + after)
    return 2 if near else 1
