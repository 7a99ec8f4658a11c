"""ACLED figures per country and the mean over countries; rows and systems written by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warledger.cli import build_parser
from warledger.evaluate.acled_countries import by_country, country_mean, format_countries
from warledger.evaluate.acled_rows import read_acled
from warledger.evaluate.acled_score import score_row
from warledger.evaluate.acled_system import SystemView

HEADER = (
    "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,country,location,"
    "latitude,longitude,notes,fatalities,iso3\n"
)


def rows_csv(tmp_path: Path, counts: dict[str, int], name: str = "rows.csv") -> Path:
    iso = {"Kenya": "KEN", "Peru": "PER", "Nepal": "NPL"}
    lines = [
        f'{country[:2]}{i},9-May-20,Protests,Peaceful protest,,,{country},,,,"note {i}",0,{iso[country]}\n'
        for country, n in counts.items()
        for i in range(n)
    ]
    path = tmp_path / name
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def scores(path: Path, right: dict[str, int]):
    """Score every row; the first `right[country]` rows of a country get the sub-type right."""
    seen: dict[str, int] = {}
    result = []
    for row in read_acled(path):
        seen[row.country] = seen.get(row.country, 0) + 1
        sub = "Peaceful protest" if seen[row.country] <= right.get(row.country, 0) else None
        result.append(score_row(row, SystemView(sub_event_type=sub, event_type="Protests")))
    return result


def test_each_country_weighs_the_same_in_the_mean(tmp_path: Path) -> None:
    path = rows_csv(tmp_path, {"Kenya": 30, "Peru": 10, "Nepal": 3})
    countries = by_country(scores(path, {"Kenya": 30, "Peru": 5, "Nepal": 0}))
    assert [(c.country, c.rows) for c in countries] == [("Kenya", 30), ("Peru", 10), ("Nepal", 3)]
    assert countries[1].figures["sub_event_type"].value == pytest.approx(0.5)
    mean = {f.name: f for f in country_mean(countries, min_rows=10)}
    # Nepal has fewer than 10 rows: listed, but not in the mean; pooled would be 35/43.
    assert mean["sub_event_type"].value == pytest.approx(0.75)
    assert mean["sub_event_type"].n == 2
    assert mean["extraction_error"].better == "lower"
    all_three = {f.name: f for f in country_mean(countries, min_rows=1)}
    assert all_three["sub_event_type"].value == pytest.approx(0.5)


def test_a_figure_without_gold_in_a_country_is_left_out_of_its_mean(tmp_path: Path) -> None:
    path = rows_csv(tmp_path, {"Kenya": 10, "Peru": 10})
    countries = by_country(scores(path, {"Kenya": 10, "Peru": 10}))
    mean = {f.name: f for f in country_mean(countries)}
    assert "actor2_name" not in mean  # no row has an actor2
    assert mean["event_found"].value == pytest.approx(1.0)


def test_country_table_lists_countries_then_the_mean(tmp_path: Path) -> None:
    path = rows_csv(tmp_path, {"Kenya": 12, "Nepal": 2})
    countries = by_country(scores(path, {"Kenya": 6, "Nepal": 2}))
    table = format_countries(countries, country_mean(countries), 10).splitlines()
    assert table[0].split()[:4] == ["country", "rows", "found", "sub_type"]
    assert table[2].split()[:4] == ["Kenya", "12", "1.000", "0.500"]
    assert table[3].split()[:4] == ["Nepal", "2", "1.000", "1.000"]
    assert table[-1].split()[:7] == ["mean", "(>=", "10", "rows)", "1", "1.000", "0.500"]


def test_command_scores_several_files_with_country_rows(
    nlp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = rows_csv(tmp_path, {"Kenya": 2}, "first.csv")
    second = rows_csv(tmp_path, {"Peru": 1, "Nepal": 1}, "second.csv")
    errors = tmp_path / "rows.jsonl"
    parser = build_parser()
    args = parser.parse_args(
        ["evaluate", "acled", str(first), str(second), "--min-rows", "1", "--errors", str(errors)]
    )
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "ACLED first.csv: 2 rows" in out and "ACLED second.csv: 2 rows" in out
    assert "mean (>= 1 rows)" in out
    assert len(errors.read_text(encoding="utf-8").splitlines()) == 4

    args = parser.parse_args(["evaluate", "acled", str(first), str(second), "--json"])
    assert args.func(args) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [p["rows"] for p in payload] == [2, 2]
    assert [c["country"] for c in payload[1]["countries"]] == ["Nepal", "Peru"]
    assert payload[1]["country_mean"] == []  # no country has 10 rows


def test_min_rows_below_one_is_refused(tmp_path: Path) -> None:
    path = rows_csv(tmp_path, {"Kenya": 1})
    args = build_parser().parse_args(["evaluate", "acled", str(path), "--min-rows", "0"])
    with pytest.raises(SystemExit, match="--min-rows"):
        args.func(args)
