"""ACLED's generic actor names: filling the templates and reading names back."""

from __future__ import annotations

import pytest

from warledger.kb.acled_names import GenericName, generic_name, parse_generic, state_force_name
from warledger.kb.model import AcledRegime, KbCountry


@pytest.fixture(scope="module")
def syria() -> KbCountry:
    from warledger.kb.acled_names import force_names

    bare = KbCountry(
        iso3="SYR",
        name="Syria",
        acled_regimes=(
            AcledRegime("2000-2024", "2000-07-17", "2024-12-08"),
            AcledRegime("2024-", "2024-12-08"),
        ),
    )
    names = tuple(
        (f, force_names(bare, bare.acled_regimes, f)) for f in ("military", "police", "government")
    )
    return KbCountry(**{**bare.__dict__, "acled_names": names})


def test_collective_names_take_the_country_in_brackets(syria):
    assert generic_name("civilians", syria) == "Civilians (Syria)"
    assert generic_name("unidentified_armed_group", "Libya") == "Unidentified Armed Group (Libya)"
    assert generic_name("protesters", "Bangladesh") == "Protesters (Bangladesh)"
    assert generic_name("rioters", "Kenya") == "Rioters (Kenya)"
    assert generic_name("former_opposition_rebels", syria) == "Former Opposition Rebels (Syria)"
    assert (
        generic_name("unidentified_communal_militia", "Kenya")
        == "Unidentified Communal Militia (Kenya)"
    )


def test_collective_without_country_is_international():
    assert generic_name("civilians") == "Civilians (International)"


def test_brackets_drop_the_article():
    usa = KbCountry(iso3="USA", name="United States", acled_country="the United States")
    assert generic_name("civilians", usa) == "Civilians (United States)"


def test_standalone_names():
    assert generic_name("unidentified_military_forces") == "Unidentified Military Forces"
    assert generic_name("militia_pro_government") == "Militia (Pro-Government)"


def test_group_collectives_need_a_group():
    assert generic_name("ethnic_militia", "Kenya", "Pokot") == "Pokot Ethnic Militia (Kenya)"
    assert generic_name("communal_militia", "Syria", "Idleb") == "Idleb Communal Militia (Syria)"
    with pytest.raises(ValueError, match="group"):
        generic_name("ethnic_militia", "Kenya")


def test_unknown_template_is_an_error():
    with pytest.raises(ValueError, match="no ACLED template"):
        generic_name("aliens", "Kenya")


def test_state_force_names_by_date(syria):
    assert (
        state_force_name(syria, "military", "2020-05-01") == "Military Forces of Syria (2000-2024)"
    )
    assert state_force_name(syria, "military") == "Military Forces of Syria (2024-)"
    assert state_force_name(syria, "police", "2020-05-01", unit="Prison Guards") == (
        "Police Forces of Syria (2000-2024) Prison Guards"
    )
    assert (
        state_force_name(syria, "government", "2025-01-01", former=True)
        == "Former Government of Syria (2024-)"
    )
    assert state_force_name(syria, "police", legacy=True) == "Police Forces of Syria"
    with pytest.raises(ValueError, match="force"):
        state_force_name(syria, "navy")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Civilians (Libya)", GenericName("civilians", "Libya")),
        ("Refugees/IDPs (Syria)", GenericName("refugees_idps", "Syria")),
        ("Military Forces of Kenya (2013-)", GenericName("military", "Kenya", regime="2013-")),
        (
            "Police Forces of Bangladesh (2009-2024) Rapid Action Battalion",
            GenericName("police", "Bangladesh", regime="2009-2024", unit="Rapid Action Battalion"),
        ),
        (
            "Former Government of Bangladesh (2009-2024)",
            GenericName("government", "Bangladesh", regime="2009-2024", former=True),
        ),
        ("Police Forces of India", GenericName("police", "India")),
        ("Pokot Ethnic Militia (Kenya)", GenericName("ethnic_militia", "Kenya", "Pokot")),
        ("Unidentified Military Forces", GenericName("unidentified_military_forces")),
    ],
)
def test_parse_generic_reads_names_back(name, expected):
    assert parse_generic(name) == expected


def test_parse_generic_rejects_named_actors():
    assert parse_generic("HTS: Hayat Tahrir al Sham") is None
    assert parse_generic("Wagner Group") is None
    assert parse_generic("Pokot Ethnic Militia (Kenya)", with_groups=False) is None
