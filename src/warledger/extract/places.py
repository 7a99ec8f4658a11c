"""Places: countries, provinces, cities and sites, geocoded offline."""

from __future__ import annotations

from warledger.extract.context import Context
from warledger.report import Place


def find_places(ctx: Context) -> list[Place]:
    """Places from the GPE/LOC/FAC entities, one record per distinct name."""
    by_name: dict[str, Place] = {}
    for ent in ctx.doc.ents:
        if ent.label_ not in {"GPE", "LOC", "FAC"}:
            continue
        name = ent.text.strip()
        place = by_name.get(name)
        if place is None:
            kind = "site" if ent.label_ == "FAC" else "region" if ent.label_ == "LOC" else "city"
            place = by_name[name] = Place(id=ctx.new_id("p"), name=name, kind=kind)
        place.mentions.append(ctx.span_of(ent))
    return list(by_name.values())
