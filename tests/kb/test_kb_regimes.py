"""State-force periods: an event is named with the government of its day, as ACLED's export of
that day wrote it (a running regime carries its open label)."""

from __future__ import annotations

import pytest

from warledger.kb.load import load_kb
from warledger.kb.model import day_bound


@pytest.mark.parametrize(
    ("iso3", "force", "on", "name"),
    [
        ("MEX", "police", "2020-05-01", "Police Forces of Mexico (2018-)"),
        ("MEX", "police", "2016-05-01", "Police Forces of Mexico (2012-)"),
        ("BRA", "military", "2020-05-01", "Military Forces of Brazil (2019-)"),
        ("BRA", "military", "2023-05-01", "Military Forces of Brazil (2023-)"),
        ("PER", "police", "2020-05-01", "Police Forces of Peru (2018-)"),
        ("PER", "police", "2021-03-01", "Police Forces of Peru (2020-)"),
        ("COL", "military", "2017-05-01", "Military Forces of Colombia (2010-)"),
        ("ARG", "police", "2021-05-01", "Police Forces of Argentina (2019-)"),
        ("NPL", "police", "2020-05-01", "Police Forces of Nepal (2015-)"),
        ("NPL", "police", "2012-05-01", "Police Forces of Nepal (2008-)"),
        ("SRB", "government", "2020-05-01", "Government of Serbia (2017-)"),
        ("NER", "military", "2019-05-01", "Military Forces of Niger (2011-)"),
        ("CUB", "police", "2021-07-11", "Police Forces of Cuba (1959-)"),
        ("AGO", "police", "2020-05-01", "Police Forces of Angola (1975-)"),
        ("KHM", "police", "2020-05-01", "Police Forces of Cambodia (1993-)"),
        ("CIV", "police", "2020-05-01", "Police Forces of the Ivory Coast (2011-)"),
        ("PRI", "police", "2020-05-01", "Police Forces of Puerto Rico (2019-)"),
        ("LKA", "military", "2017-05-01", "Military Forces of Sri Lanka (2015-)"),
    ],
)
def test_state_force_named_with_the_government_of_the_day(iso3, force, on, name):
    assert load_kb().country(iso3).acled_name(force, on=on, as_of=on) == name


def test_a_closed_regime_keeps_its_closed_label_in_a_later_export():
    brazil = load_kb().country("BRA")
    assert brazil.acled_name("police", on="2020-05-01", as_of="2024-01-01") == (
        "Police Forces of Brazil (2019-2022)"
    )


def test_regimes_follow_one_another_without_overlap():
    for country in load_kb().countries.values():
        regimes = sorted(country.acled_regimes, key=lambda r: day_bound(r.start) or "")
        for before, after in zip(regimes, regimes[1:], strict=False):
            assert before.end is not None, (country.iso3, before.label)
            assert (day_bound(before.end, end=True) or "") <= (day_bound(after.start) or ""), (
                country.iso3,
                before.label,
                after.label,
            )


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("CJNG", "CJNG: Jalisco New Generation Cartel"),
        ("Comando Vermelho", "CV: Red Command"),
        ("Mara Salvatrucha", "MS-13: Mara Salvatrucha"),
        ("ELN", "ELN: National Liberation Army"),
        ("EPP", "EPP: Paraguayan People's Army"),
    ],
)
def test_latin_american_groups_carry_acled_names(alias, name):
    assert [a.acled_name for a in load_kb().lookup(alias)] == [name]


def test_country_unit_phrases_point_at_their_units():
    brazil = load_kb().country("BRA")
    assert brazil.unit_in("two military police officers") == "bra.military_police"
    assert brazil.unit_in("federal highway police agents") == "bra.federal_highway_police"
    assert brazil.unit_in("police officers") is None
    assert load_kb().country("SYR").unit_in("military police") is None


@pytest.mark.parametrize(
    ("alias", "on", "name"),
    [
        (
            "Imbonerakure",
            "2020-05-01",
            "CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy (Imbonerakure Faction)",
        ),
        ("ISGS", "2020-05-01", "Islamic State (Greater Sahara)"),
        ("ISGS", "2023-05-01", "Islamic State Sahel Province"),
        ("ISWAP", "2020-05-01", "Islamic State (West Africa)"),
        ("JNIM", "2020-05-01", "JNIM: Group for Support of Islam and Muslims"),
        ("JNIM", "2024-05-01", "JNIM: Jama'at Nusrat al-Islam wal-Muslimin"),
        ("Abu Sayyaf", "2020-05-01", "ASG: Abu Sayyaf"),
        ("OSCE SMM", "2020-05-01", "OSCE: Organization for Security and Co-operation in Europe"),
    ],
)
def test_named_groups_carry_the_acled_name_of_the_day(alias, on, name):
    found = load_kb().lookup(alias)
    assert [a.acled_name_on(on, as_of=on) for a in found] == [name]
