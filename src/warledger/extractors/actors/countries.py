"""A light guess of the document's countries and date, made before the places and time stages.

The actor stage needs both: "regime forces" in a note about Dar'a are the Military Forces of Syria,
and ACLED's name for them depends on the date ("(2000-)" in 2020). The guess counts country names,
demonyms, knowledge-base actors and gazetteer places among the named entities.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache
from importlib.resources import files
from typing import Any

from spacy.tokens import Doc

from warledger.extractors.actors.named import in_place_position
from warledger.extractors.actors.vocabulary import country_index, vocabulary
from warledger.extractors.context import Context
from warledger.extractors.places.mentions import vocabulary as place_vocabulary
from warledger.kb.gazetteer_model import GazPlace, Match
from warledger.kb.load import load_kb
from warledger.yaml_data import load_yaml

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NAMED_AFTER_PLACE = {"ORG", "FAC"}
_NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_DATE = re.compile(
    r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December),? (\d{4})\b"
    r"|\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}),? (\d{4})\b"
)


def country_votes(doc: Doc, places_only: bool = False) -> Counter[str]:
    """ISO3 -> weight: country names 3, KB actors 2, demonyms, metonyms and gazetteer places 1
    (with `places_only`, the names of places alone: where the events are, not who acts)."""
    index = country_index()
    vocab = vocabulary()
    kb = load_kb()
    votes: Counter[str] = Counter()
    for ent in doc.ents:
        text = ent.text
        if ent.label_ in _PLACE_LABELS:
            iso3 = index.country_of_name(text)
            if iso3:
                votes[iso3] += 3
                continue
            iso3 = index.country_of_metonym(text)
            if iso3:
                votes[iso3] += 1
            else:
                _vote_place(votes, text)
        elif places_only:
            continue
        elif ent.label_ == "NORP":
            iso3 = index.country_of_demonym(text)
            if iso3:
                votes[iso3] += 1
        else:
            found = kb.lookup(text)
            for actor in found[:1]:
                if actor.country:
                    votes[actor.country] += 1
            if not found and in_place_position(ent, vocab):
                _vote_place(votes, text)
    if not votes:  # no country named: any known place among the names ("Homa Bay", "Likoni")
        for ent in doc.ents:
            if ent.label_ not in _NUMERIC_LABELS and not kb.lookup(ent.text):
                _vote_place(votes, ent.text, minimum=5_000)
    if not votes:  # still none: a province or city in an institution's name, or a cue word
        for ent in doc.ents:
            if ent.label_ in _NAMED_AFTER_PLACE and not kb.lookup(ent.text):
                _vote_named_after(votes, ent.text)
    if not votes:
        _vote_cues(votes, doc.text)
    return votes


def _vote_named_after(votes: Counter[str], name: str) -> None:
    """An institution named after a province or a city of 100,000 ("the Kerala Catholic Bishops'
    Council", "University of Eldoret", "Narok County Government") votes 1 for that place's country,
    when every such place of the name lies in one country (not "Punjab University": India or
    Pakistan). Direction words ("Central Bank", "Western Union") never vote."""
    from warledger.kb.gazetteer import load_gazetteer

    words = name.removeprefix("the ").split()
    if len(words) < 2:
        return
    parts = {" ".join(words[:1]), " ".join(words[:2])}
    if "of" in words[:-1]:
        parts.add(" ".join(words[words.index("of") + 1 :]))
    directions = place_vocabulary().directions
    countries: set[str] = set()
    for part in parts:
        if part == name or not part[:1].isupper() or part.lower() in directions:
            continue
        if part.lower() in place_vocabulary().generic_names:
            continue
        for place in _voters(load_gazetteer().lookup(part, fuzzy=False)):
            if place.kind in {"admin1", "country"} or place.population >= 100_000:
                countries.add(str(place.country))
    if len(countries) == 1:
        votes[countries.pop()] += 1


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, ISO3) of `data/country_cues.yaml`."""
    path = files("warledger.extractors.actors").joinpath("data", "country_cues.yaml")
    data: dict[str, Any] = load_yaml(path.read_text(encoding="utf-8")) or {}
    out = []
    for iso3, words in data["cues"].items():
        for word in words:
            out.append((re.compile(rf"(?<![\w-]){re.escape(str(word))}(?![\w-])", re.I), iso3))
    return tuple(out)


def _vote_cues(votes: Counter[str], text: str) -> None:
    """Words of one country's administration and daily life ("upazila", "matatu") vote 1 each
    for it (kb: `data/country_cues.yaml`)."""
    for pattern, iso3 in _cues():
        if pattern.search(text):
            votes[iso3] += 1


def _vote_place(votes: Counter[str], name: str, minimum: int = 0) -> None:
    """A gazetteer place votes for its country: 2 for a province or a city of 100,000, else 1
    (cities under `minimum` people do not vote)."""
    from warledger.kb.gazetteer import load_gazetteer

    bare = name.lower().removeprefix("the ")
    if bare in place_vocabulary().generic_names or bare in place_vocabulary().directions:
        return  # "the Centre", "the Hospital"; a bare "South" is no province of Cameroon
    gazetteer = load_gazetteer()
    matches = _voters(gazetteer.lookup(name, fuzzy=False))
    words = name.split()
    if not matches and len(words) > 1 and words[-1].lower() in vocabulary().place_nouns:
        matches = _voters(gazetteer.lookup(" ".join(words[:-1]), fuzzy=False))
    if not matches:
        return
    divisions = [p for p in matches if p.kind in {"country", "admin1"}]
    if divisions:
        votes[str(divisions[0].country)] += 2
        return
    place = max(matches, key=lambda p: p.population)
    if place.population < minimum:
        return
    votes[str(place.country)] += 2 if place.population >= 100_000 else 1


def _voters(matches: list[Match]) -> list[GazPlace]:
    """Places with a country, less towns reached by a short alternate name ("Mansi" for Muncie;
    but "Palmyra" for Tadmur votes)."""
    return [
        m.place
        for m in matches
        if m.place.country and not (m.short_alias and m.place.kind in {"city", "locality"})
    ]


def document_countries(ctx: Context) -> list[str]:
    """The document's countries, most mentioned first (ISO3); counted once per document."""
    if "document_countries" not in ctx.memo:
        ctx.memo["document_countries"] = [iso3 for iso3, _ in country_votes(ctx.doc).most_common()]
    return list(ctx.memo["document_countries"])


def home_country(ctx: Context) -> str | None:
    """The country the document's places lie in most ("regime forces" in a note about Turkish
    shelling near Tell Abiad are Syria's)."""
    if "home_country" not in ctx.memo:
        votes = country_votes(ctx.doc, places_only=True).most_common(1)
        ctx.memo["home_country"] = votes[0][0] if votes else None
    home: str | None = ctx.memo["home_country"]
    return home


def dominant_country(ctx: Context) -> str | None:
    countries = document_countries(ctx)
    return countries[0] if countries else None


def document_date(ctx: Context) -> date | None:
    """The publication date, else the first full date written in the text, else None; the text is
    searched once per document."""
    if ctx.document.published:
        return ctx.document.published
    if "document_date" not in ctx.memo:
        ctx.memo["document_date"] = _first_written_date(ctx.text)
    found: date | None = ctx.memo["document_date"]
    return found


def _first_written_date(text: str) -> date | None:
    match = _DATE.search(text)
    if match:
        day, month, year = (
            (match[1], match[2], match[3]) if match[1] else (match[5], match[4], match[6])
        )
        try:
            return date(int(year), _MONTHS[month.lower()], int(day))
        except ValueError:
            return None
    return None
