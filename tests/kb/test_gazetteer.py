"""The gazetteer: transliteration keys, lookups, and the GeoNames import into DuckDB."""

from __future__ import annotations

from pathlib import Path

import pytest

from warledger.kb.gazetteer import load_gazetteer
from warledger.kb.gazetteer_db import geonames_db, load_geonames
from warledger.kb.gazetteer_model import is_alias
from warledger.kb.translit import fuzzy_key, place_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Misrata", "Misratah"),
        ("Quneitra", "Al Qunaytirah"),
        ("Dar'a", "Daraa"),
        ("Deraa", "Dar‘ā"),
        ("Deir-ez-Zor", "Dayr az Zawr"),
        ("Deir ez-Zor", "Deir al-Zour"),
        ("Idleb", "Idlib"),
        ("Qaser Bin Ghashir", "Qasr Bin Ghashir"),
        ("al-Bukamal", "Abu Kamal"),
        ("Ras al Ain", "Ra's al 'Ayn"),
        ("Ain Issa", "Ein Issa"),
        ("Homs", "Ḩimş"),
    ],
)
def test_spelling_variants_share_the_fuzzy_key(a: str, b: str) -> None:
    assert fuzzy_key(a) == fuzzy_key(b)


def test_different_places_keep_different_fuzzy_keys() -> None:
    assert fuzzy_key("Homs") != fuzzy_key("Hama")
    assert fuzzy_key("Tripoli") != fuzzy_key("Tobruk")


def test_place_key_drops_diacritics_apostrophes_and_the() -> None:
    assert place_key("Dar‘ā") == "dara"
    assert place_key("The Deir-ez-Zor") == "deir ez zor"


def test_lookup_finds_exact_before_fuzzy() -> None:
    matches = load_gazetteer().lookup("Misrata")
    libyan = [m for m in matches if m.place.country == "LBY" and m.place.kind == "city"]
    assert libyan and libyan[0].tier == 0
    assert libyan[0].place.geonames_id == 2214846


def test_lookup_by_transliteration_only() -> None:
    matches = load_gazetteer().lookup("Qaser Bin Ghashir")
    assert [(m.place.country, m.tier) for m in matches][:1] == [("LBY", 1)]


def test_admin1_from_pycountry_with_seat_city_name() -> None:
    admins = [m.place for m in load_gazetteer().lookup("Aleppo") if m.place.kind == "admin1"]
    assert [(p.country, p.admin1_code) for p in admins] == [("SYR", "SY-HL")]
    assert admins[0].lat == pytest.approx(36.2, abs=0.1)


def test_regions_and_sites_from_our_data() -> None:
    gaz = load_gazetteer()
    sahel = [(m.place.kind, m.place.country) for m in gaz.lookup("the Sahel") if m.tier == 0]
    assert ("region", None) in sahel  # ours, across borders; Burkina Faso's Sahel region too
    assert ("admin1", "BFA") in sahel
    site = next(m.place for m in gaz.lookup("Mitiga Airport") if m.place.kind == "site")
    assert (site.country, round(site.lat or 0, 2)) == ("LBY", 32.89)


def test_country_extent_orders_south_below_north() -> None:
    south, north, west, east = load_gazetteer().extents["SYR"]
    assert 32.0 < south < north < 37.5 and 35.5 < west < east < 42.5


GEONAMES_ROWS = [
    # geonameid name asciiname alternatenames lat lon class code cc cc2 admin1 a2 a3 a4 pop elev dem tz date
    "9990001\tKhirbet Zaytoun\tKhirbet Zaytoun\tKhirbat az Zaytun,Kherbet Zeitoun,خربة الزيتون\t35.61\t36.52\tP\tPPL\tSY\t\t12\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01",
    "9990002\tTell Hamra\tTell Hamra\t\t36.70\t40.30\tP\tPPL\tSY\t\t02\t\t\t\t120\t\t300\tAsia/Damascus\t2020-01-01",
    "9990003\tWadi Example\tWadi Example\t\t36.70\t40.30\tH\tSTM\tSY\t\t02\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01",
]


def _dump(tmp_path: Path) -> Path:
    path = tmp_path / "SY.txt"
    path.write_text("\n".join(GEONAMES_ROWS) + "\n", encoding="utf-8")
    return path


def test_geonames_dump_loads_places_with_keys(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    assert load_geonames(_dump(tmp_path), db) == 2  # the stream (class H) is skipped
    assert load_geonames(_dump(tmp_path), db) == 2  # reloading replaces, does not duplicate
    gdb = geonames_db(str(db))
    assert gdb is not None
    found = gdb.lookup("Kherbet Zaitoun")
    assert [
        (m.place.geonames_id, m.place.country, m.place.kind, m.place.admin1, m.tier) for m in found
    ] == [(9990001, "SYR", "locality", "Idleb", 1)]
    assert [m.place.geonames_id for m in gdb.lookup("Khirbet Zaytoun") if m.tier == 0] == [9990001]
    assert gdb.lookup("Wadi Example") == []
    gdb.con.close()
    geonames_db.cache_clear()


def test_geonames_db_absent_or_without_table(tmp_path: Path) -> None:
    assert geonames_db(str(tmp_path / "missing.duckdb")) is None
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    assert geonames_db(str(other)) is None
    geonames_db.cache_clear()


def test_gazetteer_command_loads_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from warledger.cli import main

    db = tmp_path / "cli.duckdb"
    assert main(["gazetteer", "load", str(_dump(tmp_path)), "--db", str(db)]) == 0
    assert "loaded 2 places" in capsys.readouterr().err
    assert main(["gazetteer", "load", str(tmp_path / "nope.txt"), "--db", str(db)]) == 1
    geonames_db.cache_clear()


@pytest.mark.parametrize(
    ("own", "name", "alias"),
    [
        ("Le Havre", "Gaur", True),  # another language's short name
        ("Korla", "Kurla", True),  # too short a transliteration to tell
        ("Kisii", "Kisii Town", False),  # the own name and a settlement word
        ("Tall Abyaḑ", "Tell Abiad", False),  # a transliteration long enough to tell
        ("Aleppo", "ALEPPO", False),
    ],
)
def test_alternate_names_are_told_from_own_names(own: str, name: str, alias: bool) -> None:
    assert is_alias(own, name) is alias


def test_lookup_marks_a_match_through_an_alternate_name() -> None:
    found = {m.place.name: m for m in load_gazetteer().lookup("Gaur") if m.tier == 0}
    assert (found["Le Havre"].alias, found["Le Havre"].short_alias) == (True, True)
    assert (found["Gaur"].alias, found["Gaur"].short_alias) == (False, False)


def test_admin1_point_and_links_come_from_its_own_geonames_division() -> None:
    gaz = load_gazetteer()
    assam = next(m.place for m in gaz.lookup("Assam") if m.place.kind == "admin1")
    # seat in Assam itself (Guwahati), not a same-named village elsewhere in India
    assert (assam.admin1_code, round(assam.lat or 0), round(assam.lon or 0)) == ("IN-AS", 26, 92)
    jorhat = next(m.place for m in gaz.lookup("Jorhat") if m.place.country == "IND")
    assert (jorhat.admin1_code, jorhat.admin1) == ("IN-AS", "Assam")
    sindh = next(m.place for m in gaz.lookup("Sindh") if m.place.kind == "admin1")
    assert (sindh.country, round(sindh.lat or 0)) == ("PAK", 25)


def test_admin1_known_by_its_short_geonames_name() -> None:
    admins = [m.place for m in load_gazetteer().lookup("Veracruz") if m.place.kind == "admin1"]
    assert [(p.name, p.admin1_code) for p in admins] == [("Veracruz", "MX-VER")]
