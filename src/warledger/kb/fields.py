"""What a knowledge-base record may hold: the actor kinds, the fields of each record type, the
patterns of ids, Wikidata ids and dates, and the ISO 3166 codes; `validate` checks the data
files against them."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pycountry

from warledger.kb.acled_names import FORCES

ACTOR_KINDS = frozenset(
    [
        "state",
        "government",
        "military",
        "police",
        "intelligence",
        "armed_group",
        "militia",
        "pmc",
        "fighters",
        "unidentified_armed_group",
        "person",
        "civilians",
        "protesters",
        "rioters",
        "media",
        "international_org",
        "ngo",
        "company",
        "political_party",
        "other",
    ]
)


EXTRA_ISO3 = frozenset({"XKX"})  # Kosovo: not in ISO 3166, coded as a country by ACLED


ACTOR_FIELDS = frozenset(
    [
        "id",
        "name",
        "kind",
        "country",
        "aliases",
        "wikidata",
        "acled_name",
        "acled_names",
        "acled_unit",
        "acled_former_names",
        "description",
        "ties",
    ]
)


TIE_FIELDS = frozenset({"type", "target", "start", "end", "mode"})


UNIT_FIELDS = frozenset({"force", "unit", "since", "until"})


COUNTRY_FIELDS = frozenset(
    [
        "iso3",
        "name",
        "aliases",
        "demonyms",
        "capital",
        "capital_metonym",
        "metonyms",
        "wikidata",
        "region",
        "acled",
    ]
)


ACLED_FIELDS = frozenset({"country", "regimes", "legacy_names", "units", *FORCES})


AMBIGUOUS_FIELDS = frozenset({"alias", "candidates", "hint", "by_country"})


ID_RE = re.compile(r"^[a-z]{3}\.[a-z0-9_]+$")


WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")


DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$")


def iso3_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_ISO3


def valid_date(value: Any) -> bool:
    if isinstance(value, date):
        return True
    text = str(value)
    if not DATE_RE.match(text):
        return False
    if len(text) == 10:
        try:
            date.fromisoformat(text)
        except ValueError:
            return False
    return True
