"""The resolve and query commands on a database (a DuckDB file, then PostgreSQL): every query in
every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from tests.resolve.conftest import Corpus
from tests.resolve.test_flows import seed_story

from warledger.cli import main
from warledger.store import Store


@pytest.fixture
def db(db_target: str) -> str:
    """The story seeded into a new database of each backend (DuckDB file, PostgreSQL URL)."""
    with Store.open(db_target) as store:
        seed_story(Corpus(store))
    return db_target


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_resolve_then_every_query_in_every_format(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(capsys, "resolve", "--db", db)
    assert out.startswith("resolved 3 documents: 0 copies of earlier ones;")
    assert "2 flows" in out and out.endswith("; 6 events merged this run\n")
    assert run(capsys, "resolve", "--db", db).endswith("; 0 events merged this run\n")
    assert run(capsys, "resolve", "--db", db, "--full").endswith("; 6 events merged this run\n")
    for query in (
        ["actors"],
        ["actor", "Wagner"],
        ["events"],
        ["flows"],
        ["network"],
        ["contradictions"],
        ["resolve", "judgements"],
    ):
        table = run(capsys, *query, "--db", db)
        assert table.strip()
        rows = json.loads(run(capsys, *query, "--db", db, "--format", "json"))
        assert isinstance(rows, list)
        header = next(csv.reader(io.StringIO(run(capsys, *query, "--db", db, "--format", "csv"))))
        assert header
    flows = json.loads(
        run(capsys, "flows", "--db", db, "--format", "json", "--actor", "Wagner Group")
    )
    assert [(f["origin_country"], f["destination_country"]) for f in flows] == [("SYR", "LBY")]
    events = json.loads(
        run(
            capsys,
            "events",
            "--db",
            db,
            "--format",
            "json",
            "--type",
            "DEPLOY",
            "--min-sources",
            "1",
            "--country",
            "LBY",
        )
    )
    assert {e["type"] for e in events} == {"DEPLOY"}


def test_undo_and_redo_through_the_command(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "resolve", "--db", db)
    judgements = json.loads(
        run(capsys, "resolve", "judgements", "--kind", "actor", "--db", db, "--format", "json")
    )
    first = judgements[0]["id"]
    assert f"undo {first}" in run(capsys, "resolve", "undo", first, "--db", db)
    listed = json.loads(run(capsys, "resolve", "judgements", "--db", db, "--format", "json"))
    assert [j["undone"] for j in listed if j["id"] == first] == [True]
    assert f"redo {first}" in run(capsys, "resolve", "redo", first, "--db", db)


def test_query_without_a_database_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["flows", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "run `warledger ingest PATH" in capsys.readouterr().err


def test_unknown_actor_exits_1(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "resolve", "--db", db)
    assert main(["actor", "Nobody", "--db", db]) == 1
    assert "no actor called 'Nobody'" in capsys.readouterr().err


def test_undo_needs_an_id(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "undo", "--db", db]) == 2


def test_ingest_with_resolve_brings_the_record_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], nlp
) -> None:
    article = tmp_path / "a.jsonl"
    article.write_text(
        json.dumps(
            {
                "text": "TRIPOLI, May 9 (Wire) - LNA forces shelled Mitiga airport on Saturday, "
                "the GNA said.",
                "outlet": "Wire",
                "published": "2020-05-09",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "w.duckdb")
    out = run(capsys, "ingest", str(article), "--db", db, "--resolve")
    assert "1 documents stored" in out and "resolved:" in out
    assert json.loads(run(capsys, "events", "--db", db, "--format", "json"))
