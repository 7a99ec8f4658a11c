"""ACLED CSV export from report dicts (no database needed), and the command over a DuckDB file.

The sample database's known event and the filters are in test_formats.py."""

from __future__ import annotations

import csv
import io

from warledger.export.acled import COLUMNS, acled_rows, interaction, write_acled_csv
from warledger.export.record import record_from_reports


def _report() -> dict:
    text = "Militants shelled Kafr Nabl on 3 May 2020, killing two civilians."
    return {
        "schema": "warledger.report/1",
        "document": {"id": "ab" * 32, "chars": len(text), "outlet": "Test Wire", "published": "2020-05-04"},
        "actors": [
            {"id": "a1", "name": "militants", "kind": "fighters", "acled_name": "Unidentified Armed Group (Syria)", "mentions": []},
            {"id": "a2", "name": "two civilians", "kind": "civilians", "acled_name": "Civilians (Syria)", "mentions": []},
            {"id": "a3", "name": "HTS", "kind": "armed_group", "acled_name": None, "mentions": []},
        ],
        "places": [
            {"id": "p1", "name": "Kafr Nabl", "kind": "city", "country": "SYR", "admin1": "Idleb", "lat": 35.6133, "lon": 36.5605, "mentions": []}
        ],
        "events": [
            {
                "id": "e1", "type": "SHELLING",
                "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"},
                "agent": ["a1", "a3"], "patient": ["a2"], "partner": [], "location": ["p1"], "origin": [], "destination": [],
                "when": {"text": "3 May 2020", "start": "2020-05-03", "end": "2020-05-03", "precision": "day", "anchor": "explicit"},
                "fatalities": {"text": "two", "value": 2},
                "negated": False,
                "evidence": [{"start": 0, "end": len(text), "text": text}],
            },
            {
                "id": "e2", "type": "MEETING", "acled": None, "agent": ["a1"], "patient": [], "partner": [],
                "location": [], "origin": [], "destination": [], "when": None, "negated": False,
                "evidence": [{"start": 0, "end": 9, "text": "Militants"}],
            },
            {
                "id": "e3", "type": "CLASH", "acled": {"event_type": "Battles", "sub_event_type": "Armed clash"},
                "agent": [], "patient": [], "partner": [], "location": [], "origin": [], "destination": [],
                "when": None, "negated": True, "evidence": [{"start": 0, "end": 9, "text": "Militants"}],
            },
        ],
    }  # fmt: skip


def test_one_row_per_acled_typed_event_not_negated():
    rows = acled_rows(record_from_reports([_report()]))
    assert len(rows) == 1
    row = rows[0]
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert row["actor1"] == "Unidentified Armed Group (Syria)"
    assert row["assoc_actor_1"] == "HTS"
    assert row["actor2"] == "Civilians (Syria)"
    assert row["event_date"] == "2020-05-03"
    assert row["year"] == "2020"
    assert row["time_precision"] == "1"
    assert row["location"] == "Kafr Nabl"
    assert row["admin1"] == "Idleb"
    assert row["latitude"] == "35.6133"
    assert row["geo_precision"] == "1"
    assert row["source"] == "Test Wire"
    assert row["fatalities"] == "2"
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("3", "7", "37")
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["iso3"], row["country"], row["region"]) == (
        "760",
        "SYR",
        "Syria",
        "Middle East",
    )
    assert row["disorder_type"] == "Political violence"
    assert row["notes"] == (
        "On 3 May 2020: Militants shelled Kafr Nabl on 3 May 2020, killing two civilians."
    )
    assert row["event_id_cnty"] == "SYR" + row["event_id_no_cnty"]


def test_month_precision_and_publication_date_fallback():
    report = _report()
    report["events"][0]["when"] = {
        "text": "in May",
        "start": "2020-05",
        "end": "2020-05",
        "precision": "month",
    }
    assert acled_rows(record_from_reports([report]))[0]["event_date"] == "2020-05-01"
    assert acled_rows(record_from_reports([report]))[0]["time_precision"] == "3"
    report["events"][0]["when"] = None
    row = acled_rows(record_from_reports([report]))[0]
    assert (row["event_date"], row["time_precision"]) == ("2020-05-04", "3")


def test_csv_has_acled_columns_in_order():
    out = io.StringIO()
    count = write_acled_csv(acled_rows(record_from_reports([_report()])), out)
    assert count == 1
    parsed = list(csv.reader(io.StringIO(out.getvalue())))
    assert parsed[0] == COLUMNS
    assert parsed[1][COLUMNS.index("actor1")] == "Unidentified Armed Group (Syria)"


def test_export_command_reads_reports_from_the_database(tmp_path, extract_text):
    from warledger.cli import main
    from warledger.document import Document
    from warledger.store import Store

    db = tmp_path / "w.duckdb"
    text = "Government troops shelled the village of Tal Hamis on Monday."
    with Store.open(db) as store:
        store.save(Document.make(text), extract_text(text))
    out = tmp_path / "events.csv"
    assert main(["export", "--format", "acled", "--db", str(db), "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["sub_event_type"] for r in rows] == ["Shelling/artillery/missile attack"]
    assert rows[0]["notes"].endswith(text)


def test_export_command_without_database_fails_clearly(tmp_path, capsys):
    from warledger.cli import main

    assert main(["export", "--db", str(tmp_path / "missing.duckdb")]) == 1
    assert "no database" in capsys.readouterr().err


def test_event_without_a_known_place_takes_its_actors_country():
    report = _report()
    report["places"] = []
    report["actors"][0]["country"] = "KEN"
    report["actors"][2]["country"] = "SOM"  # not an actor of the event
    report["events"][0]["agent"] = ["a1"]
    report["events"][0]["location"] = []
    row = acled_rows(record_from_reports([report]))[0]
    assert (row["country"], row["location"], row["latitude"]) == ("Kenya", "", "")
    assert row["event_id_cnty"].startswith("KEN")


def test_event_without_place_or_actor_country_has_none():
    report = _report()
    report["places"] = []
    report["events"][0]["location"] = []
    assert acled_rows(record_from_reports([report]))[0]["country"] == ""


def test_interaction_codes_put_the_lower_code_first():
    assert interaction(7, 1) == "17"
    assert interaction(6, 0) == "60"
    assert interaction(0, 2) == "20"
    assert interaction(0, 0) == ""


def test_state_forces_outside_their_country_are_external():
    report = _report()
    report["actors"][0].update(kind="military", country="RUS", acled_name=None, name="Russia")
    report["events"][0]["agent"] = ["a1"]
    row = acled_rows(record_from_reports([report]))[0]
    assert (row["actor1"], row["inter1"], row["interaction"]) == ("Russia", "8", "78")
