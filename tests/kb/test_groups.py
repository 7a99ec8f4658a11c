"""Ethnic groups, clans and tribes (kb/data/groups.yaml)."""

from __future__ import annotations

import pytest

from warledger.errors import ConfigError
from warledger.kb.groups import group_named, groups_named, parse_groups


def test_spellings_name_the_group_as_acled_spells_it():
    group = group_named("Kurya")
    assert (group.name, group.kind, group.country, group.template) == (
        "Kuria",
        "ethnic",
        "KEN",
        "ethnic_militia",
    )


def test_a_group_of_several_countries_is_filed_under_the_event_country():
    assert [g.country for g in groups_named("Fulani")] == ["NGA", "MLI", "CAF"]
    assert group_named("Peul", "BFA").country_for("BFA") == "BFA"  # Mali's record lists Burkina
    assert group_named("Fulani", "NGA").country_for("FRA") == "NGA"


def test_clans_of_somalia_are_clans():
    assert group_named("Habar Gidir").template == "clan_militia"


@pytest.mark.parametrize(
    "records",
    [{"country": "KEN"}, [{"country": "KEN", "kind": "caste", "names": ["X"]}], [{"kind": "x"}]],
)
def test_malformed_records_are_config_errors(records):
    with pytest.raises(ConfigError):
        parse_groups(records)
