"""ACLED's coding of an actor by the theatre it acts in (kb/data/theatres.yaml)."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.errors import ConfigError
from warledger.kb.theatres import coded_as, parse_theatres, theatres


def test_bundled_rules_name_kb_actors():
    rules = theatres()
    assert rules["usa.military"].coded_as == "int.coalition_daesh"
    assert rules["int.islamic_state"].branches is True


@pytest.mark.parametrize(
    ("iso3", "expected"),
    [
        ("SYR", "Islamic State (Syria)"),
        ("IRQ", "Islamic State (Iraq)"),
        ("SOM", "Islamic State (Somalia)"),
        ("FRA", None),  # no branch there: the movement keeps its own name
    ],
)
def test_a_movement_is_coded_by_its_branch_in_the_country(iso3, expected):
    found = coded_as("int.islamic_state", iso3, date(2020, 5, 1))
    assert (found.acled_name if found else None) == expected


def test_a_coalition_member_is_coded_as_the_coalition_where_and_when_it_fights_in_it():
    assert coded_as("usa.military", "SYR", date(2020, 5, 1)).id == "int.coalition_daesh"
    assert coded_as("usa.military", "SYR", date(2013, 5, 1)) is None  # before September 2014
    assert coded_as("usa.military", "SOM", date(2020, 5, 1)) is None


@pytest.mark.parametrize(
    "records",
    [
        [{"actor": "x.y"}],  # neither branches nor coded_as
        [{"actor": "x.y", "branches": True, "coded_as": "x.z", "countries": ["SYR"]}],
        [{"actor": "x.y", "coded_as": "x.z"}],  # no countries
        {"actor": "x.y"},
    ],
)
def test_malformed_rules_are_config_errors(records):
    with pytest.raises(ConfigError):
        parse_theatres(records)
