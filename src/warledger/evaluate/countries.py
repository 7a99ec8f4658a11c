"""Country names (as ACLED writes them) to ISO 3166 alpha-3 codes."""

from __future__ import annotations

from functools import lru_cache

import pycountry

from warledger.evaluate.data_files import load_data


@lru_cache(maxsize=1024)
def iso3_for(name: str | None) -> str | None:
    """ "Libya" -> "LBY"; ACLED's spellings ("Turkey", "Democratic Republic of Congo") included."""
    if not name or not name.strip():
        return None
    name = " ".join(name.split())
    overrides: dict[str, str] = load_data("country_names")
    if name in overrides:
        return overrides[name]
    folded = {k.casefold(): v for k, v in overrides.items()}
    if name.casefold() in folded:
        return folded[name.casefold()]
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return None
