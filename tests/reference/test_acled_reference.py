"""`warledger import acled` and `warledger compare acled`, on an ACLED-format CSV we wrote for
these tests (its rows describe the sample corpus's Ansongo bombing and one event it lacks)."""

from __future__ import annotations

import csv
import shutil

import pytest

from warledger.errors import InputError

COLUMNS = [
    "event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "iso3", "admin1", "location", "latitude", "longitude", "fatalities", "notes",
]  # fmt: skip
ROWS = [
    ["MLI9001", "2021-03-15", "2021", "Explosions/Remote violence", "Remote explosive/landmine/IED",
     "JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali (2020-)", "Mali",
     "MLI", "Gao", "Ansongo", "15.6597", "0.5022", "12",
     "On 15 March 2021, a roadside bomb hit an army convoy outside Ansongo (Gao). 12 soldiers died."],
    ["MLI9002", "2021-06-01", "2021", "Battles", "Armed clash", "Military Forces of Mali (2020-)",
     "JNIM: Group for Support of Islam and Muslims", "Mali", "MLI", "Tombouctou", "Timbuktu",
     "16.7735", "-3.0074", "3", "On 1 June 2021, soldiers and militants fought near Timbuktu."],
    ["MLI9003", "2021-06-02", "2021", "Battles", "Armed clash", "", "", "Mali", "MLI", "", "", "",
     "", "0", ""],
    ["MLI9002", "2021-06-01", "2021", "Battles", "Armed clash", "Military Forces of Mali (2020-)",
     "JNIM: Group for Support of Islam and Muslims", "Mali", "MLI", "Tombouctou", "Timbuktu",
     "16.7735", "-3.0074", "4", "On 1 June 2021, soldiers and militants fought near Timbuktu (4 dead)."],
]  # fmt: skip


@pytest.fixture
def acled_csv(tmp_path):
    path = tmp_path / "reference.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(ROWS)
    return path


@pytest.fixture
def db(sample_db, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, copy)
    return copy


def test_import_keeps_reference_events_apart(db, acled_csv, capsys):
    import json

    from warledger.cli import main
    from warledger.export.record import open_record
    from warledger.store import Store

    before = open_record(db)
    assert main(["import", "acled", str(acled_csv), "--db", str(db)]) == 0
    assert "imported 2 ACLED reference events" in capsys.readouterr().err
    with Store.open(db) as store:
        rows = store.con.execute(
            "SELECT dataset, id, event_date, iso3, location, fatalities, cells "
            "FROM reference_events ORDER BY id"
        ).fetchall()
    assert [r[:6] for r in rows] == [
        ("acled", "MLI9001", "2021-03-15", "MLI", "Ansongo", 12),
        ("acled", "MLI9002", "2021-06-01", "MLI", "Timbuktu", 4),  # the later row of an id wins
    ]
    assert json.loads(rows[0][6])["admin1"] == "Gao"  # every cell kept
    after = open_record(db)
    assert [e["id"] for e in after.events] == [e["id"] for e in before.events]
    # importing again replaces, never doubles
    assert main(["import", "acled", str(acled_csv), "--db", str(db)]) == 0
    with Store.open(db) as store:
        assert store.con.execute("SELECT count(*) FROM reference_events").fetchone()[0] == 2


def test_compare_matches_the_known_event(db, acled_csv, capsys):
    from warledger.cli import main
    from warledger.reference.acled import import_acled
    from warledger.reference.compare import compare
    from warledger.store import Store

    with Store.open(db) as store:
        import_acled(store, acled_csv)
        result = compare(store, "acled")
    assert (result.reference, result.matched) == (2, 1)
    pair = result.pairs[0]
    assert pair["reference"] == "MLI9001"
    assert (pair["sub_event_type_record"], pair["fatalities_record"], pair["km"]) == (
        "Remote explosive/landmine/IED", 12, 0.0
    )  # fmt: skip
    assert result.agree == {"event_type": 1, "sub_event_type": 1, "fatalities": 1, "actor1": 0}
    assert result.record_events >= result.record_matched == 1
    assert main(["compare", "acled", "--db", str(db), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"value": "1 of 2 (0.500)"' in out
    assert main(["compare", "acled", "--db", str(db), "--country", "SYR"]) == 0
    assert "0 of 0" in capsys.readouterr().out
    assert main(["compare", "acled", "--db", str(db), "--since", "someday"]) == 2


def test_a_file_that_is_not_acled_is_refused(tmp_path, db, capsys):
    from warledger.cli import main
    from warledger.reference.acled import read_rows

    other = tmp_path / "other.csv"
    other.write_text("name,date\nx,2020-01-01\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an ACLED export"):
        read_rows(other)
    with pytest.raises(InputError, match="no such file"):
        read_rows(tmp_path / "missing.csv")
    assert main(["import", "acled", str(other), "--db", str(db)]) == 1
    assert "not an ACLED export (no event_date, notes column)" in capsys.readouterr().err
