"""`warledger evaluate SCORER ...`: the scorer registry and the ACLED scorer end to end."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from warledger.commands import evaluate


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="warledger")
    evaluate.register(parser.add_subparsers())
    return parser.parse_args(argv)


def test_registry_names_every_scorer() -> None:
    assert set(evaluate.SCORERS) == {
        "acled",
        "conll",
        "plover",
        "wikievents",
        "polnear",
        "actors",
        "certainty",
        "resolve",
    }


def test_scorer_without_module_is_not_available_yet(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(evaluate.SCORERS, "conll", "warledger.evaluate.no_such_scorer_module")
    args = parse(["evaluate", "conll", "some/path"])
    assert args.func(args) == 2
    assert "the conll scorer is not available yet" in capsys.readouterr().err


def test_unknown_scorer_is_refused_by_the_parser() -> None:
    with pytest.raises(SystemExit):
        parse(["evaluate", "nonsense"])


def test_acled_scorer_without_data_says_where_it_looked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from warledger.errors import EvaluationDataMissing

    monkeypatch.setenv("WARLEDGER_EVAL_DATA", str(tmp_path / "nowhere"))
    args = parse(["evaluate", "acled"])
    with pytest.raises(EvaluationDataMissing, match="WARLEDGER_EVAL_DATA"):
        args.func(args)


def test_acled_scorer_on_a_hand_written_csv_prints_table_and_row_file(
    nlp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = tmp_path / "rows.csv"
    csv_path.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,country,location,"
        "latitude,longitude,notes,fatalities,iso3\n"
        "T1,3-Mar-21,Battles,Armed clash,Unidentified Armed Group (Libya),,Libya,Sirte,31.2,16.6,"
        '"On 3 March 2021, gunmen fought a militia near Sirte.",0,LBY\n'
        "T2,4-Mar-21,Protests,Peaceful protest,Protesters (Libya),,Libya,Misrata,32.4,15.1,"
        '"On 4 March 2021, residents of Misrata marched against power cuts.",0,LBY\n',
        encoding="utf-8",
    )
    errors = tmp_path / "rows.jsonl"
    args = parse(["evaluate", "acled", str(csv_path), "--errors", str(errors)])
    assert args.func(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "ACLED rows.csv: 2 rows"
    blank = out.index("")
    names = {line.split()[0] for line in out[3:blank]}
    assert {"sub_event_type", "sub_event_type_macro_f1", "actor1_name", "event_date"} <= names
    assert out[blank + 1].split()[:2] == ["country", "rows"]
    assert out[blank + 3].split()[:2] == ["Libya", "2"]
    rows = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [r["row_id"] for r in rows] == ["T1", "T2"]
    assert rows[0]["gold"]["event_date"] == "2021-03-03"
    assert set(rows[0]) == {"row_id", "notes", "gold", "system", "checks", "disagree"}


@pytest.mark.slow
def test_acled_dev_file_with_limit_20(eval_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = parse(
        [
            "evaluate",
            "acled",
            str(eval_data / "acled" / "dev_libya_syria_2020.csv"),
            "--limit",
            "20",
            "--json",
        ]
    )
    assert args.func(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["rows"] == 20
    figures = {f["name"]: f for f in result["figures"]}
    assert figures["sub_event_type"]["n"] == 20
    assert figures["event_date"]["n"] == 20
    assert 0.0 <= figures["sub_event_type"]["value"] <= 1.0
