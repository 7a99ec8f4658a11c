"""Coverage of ACLED actor strings by the KB: on a CSV written here, and on the evaluation data."""

from __future__ import annotations

from pathlib import Path

import pytest

from warledger.kb.acled_coverage import actor_strings, coverage
from warledger.kb.load import load_kb

CSV = (
    "event_date,actor1,assoc_actor_1,actor2,assoc_actor_2,notes\n"
    "2020-05-01,Military Forces of Libya (2014-) Haftar Faction,Wagner Group,Civilians (Libya),,n\n"
    '2020-05-02,Unidentified Armed Group (Syria),,Pokot Ethnic Militia (Kenya),"Protesters (Syria); Farmers (Syria)",n\n'
    "2020-05-03,Imaginary Front of Nowhere,,,,n\n"
)
OLD_SCHEMA = "EVENT_DATE,ACTOR1,ALLY_ACTOR_1,ACTOR2,NOTES\n05/01/2015,Police Forces of India,,Protesters (India),n\n"


def test_actor_strings_split_joined_cells(tmp_path: Path):
    path = tmp_path / "acled.csv"
    path.write_text(CSV, encoding="utf-8")
    counts = actor_strings(path)
    assert counts["Protesters (Syria)"] == 1
    assert counts["Farmers (Syria)"] == 1
    assert sum(counts.values()) == 8


def test_coverage_counts_kb_generic_group_and_missing(tmp_path: Path):
    path = tmp_path / "acled.csv"
    path.write_text(CSV, encoding="utf-8")
    result = coverage(load_kb(), actor_strings(path).items())
    assert (result.mentions, result.kb, result.generic, result.group) == (8, 2, 4, 1)
    assert dict(result.missing) == {"Imaginary Front of Nowhere": 1}
    assert (result.distinct_covered, result.distinct) == (7, 8)


def test_coverage_reads_the_old_upper_case_schema(tmp_path: Path):
    path = tmp_path / "old.csv"
    path.write_text(OLD_SCHEMA, encoding="utf-8")
    result = coverage(load_kb(), actor_strings(path).items())
    assert (result.mentions, result.kb, result.generic) == (2, 1, 1)


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        ("dev_libya_syria_2020.csv", 0.95),
        ("train_kenya_2004-2019.csv", 0.95),
        ("train_bangladesh_2022-2024.csv", 0.95),
        ("train_asia_2015_oldschema.csv", 0.85),
    ],
)
def test_coverage_of_the_acled_evaluation_files(eval_data: Path, name: str, floor: float):
    path = eval_data / "acled" / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    result = coverage(load_kb(), actor_strings(path).items())
    assert result.share(result.covered) >= floor
