"""Parts of a town (a neighbourhood, a colonia, a square) lie in the town the report opens in:
a namesake the gazetteer found far away is not them (places.yaml town_parts_*)."""

from __future__ import annotations


def _place(report, name: str):
    (place,) = [p for p in report.places if p.name == name]
    return place


def test_a_neighbourhood_with_a_far_namesake_is_put_at_the_opening_town(extract_text) -> None:
    report = extract_text(
        "On 12 June 2021, in Belo Horizonte, Minas Gerais, residents blocked a road in "
        "Candelaria neighborhood to protest against power cuts."
    )
    town, part = _place(report, "Belo Horizonte"), _place(report, "Candelaria")
    assert (part.kind, part.geonames_id, part.country) == ("site", None, "BRA")
    assert (part.lat, part.lon) == (town.lat, town.lon)


def test_a_colonia_named_before_its_name_is_a_town_part(extract_text) -> None:
    report = extract_text(
        "On 12 June 2021, in Curitiba, Parana, gunmen shot a man in Colonia Santa Rosa. "
        "The victim survived."
    )
    town, part = _place(report, "Curitiba"), _place(report, "Colonia Santa Rosa")
    assert (part.kind, part.lat, part.lon) == ("site", town.lat, town.lon)


def test_a_far_town_that_is_no_town_part_keeps_its_own_point(extract_text) -> None:
    report = extract_text(
        "On 12 June 2021, in Curitiba, Parana, residents protested against power cuts. "
        "Their leaders later travelled to Brasilia."
    )
    capital = _place(report, "Brasilia")
    assert capital.kind == "city" and capital.geonames_id is not None
    assert round(capital.lat or 0.0) == -16
