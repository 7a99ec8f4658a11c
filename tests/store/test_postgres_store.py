"""The PostgreSQL backend: every command on a postgresql:// URL, its schema check and its errors.
(The store tests of test_base.py run on it too.) A real server: tests/postgres_server.py."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from warledger.cli import main
from warledger.errors import StoreError
from warledger.store import Store, describe

SAMPLES = Path(__file__).parents[2] / "samples"
JSONL = SAMPLES / "jsonl"
EXPORT_FORMATS = ("acled", "geojson", "gexf", "graphml", "plover", "jsonl")
SAMPLE_DOCUMENTS = 37
"""Articles in samples/ (tests/commands/test_ingest_cli.py lists them)."""


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_ingest_stats_resolve_and_queries_on_postgresql_match_duckdb(pg_url, tmp_path, nlp):
    """The same samples through every --db command, into PostgreSQL and into a DuckDB file."""
    outputs = {}
    for name, db in (("pg", pg_url), ("duckdb", str(tmp_path / "w.duckdb"))):
        runs = [
            ["ingest", str(JSONL)],
            ["stats"],
            ["resolve"],
            ["actors", "--format", "json"],
            ["events", "--format", "json"],
            ["network", "--format", "json"],
            ["resolve", "judgements", "--format", "json"],
            *(["export", "--format", f] for f in EXPORT_FORMATS),
        ]
        outputs[name] = []
        for args in runs:
            code, out, err = run_cli(*args, "--db", db)
            assert code == 0, (args, err)
            outputs[name].append(out.replace(db, "DB"))
    assert outputs["pg"] == outputs["duckdb"]
    ingest, stats, resolve, actors = outputs["pg"][:4]
    assert ingest.startswith("4 documents stored in DB (4 read, 0 already stored, 0 failed)")
    assert stats.startswith("4 documents in DB")
    assert resolve.startswith("resolved 4 documents:")
    assert len(json.loads(actors)) > 0


def test_ingesting_again_into_postgresql_stores_nothing_twice(pg_url, nlp):
    assert run_cli("ingest", str(JSONL), "--db", pg_url)[0] == 0
    code, out, _ = run_cli("ingest", str(JSONL), "--db", pg_url)
    assert code == 0
    assert out.startswith("0 documents stored in")
    assert "(4 read, 4 already stored, 0 failed)" in out
    with Store.open(pg_url) as store:
        assert store.count("documents") == 4


def test_url_from_the_environment_is_used(pg_url, monkeypatch, nlp):
    monkeypatch.setenv("WARLEDGER_DB", pg_url)
    assert run_cli("ingest", str(JSONL))[0] == 0
    code, out, _ = run_cli("stats")
    assert code == 0
    assert out.startswith(f"4 documents in {pg_url}")


def test_changed_table_is_refused(pg_url):
    Store.open(pg_url).close()
    schema = pg_url.rpartition("%3D")[2]
    with psycopg.connect(pg_url.partition("?")[0], autocommit=True) as con:
        con.execute(f"ALTER TABLE {schema}.documents DROP COLUMN outlet")
        con.execute(f"ALTER TABLE {schema}.places ALTER COLUMN lat TYPE REAL")
    with pytest.raises(StoreError) as caught:
        Store.open(pg_url)
    assert str(caught.value) == (
        f"the database {pg_url} does not have warledger's schema (table documents lacks "
        "column(s) outlet; table places has columns of other types or order than expected): it "
        "was changed outside warledger; restore it from a backup, or give --db a new file"
    )


def test_server_that_does_not_answer_is_a_clear_error():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StoreError) as caught:
        Store.open(f"postgresql://someone@127.0.0.1:{port}/nothing", wait_seconds=1)
    message = str(caught.value)
    assert message.startswith(f"cannot reach the PostgreSQL server at 127.0.0.1:{port} (")
    assert message.endswith("start it, or fix the host and port in --db / WARLEDGER_DB")


def test_missing_database_is_a_clear_error(pg_server):
    url = pg_server.url.rpartition("/")[0] + "/no_such_db"
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    assert str(caught.value).startswith(f"the PostgreSQL database of {url} does not exist (")


def test_password_is_not_shown_in_messages():
    assert describe("postgresql://ann:s3cret@db.example:5432/w") == (
        "postgresql://ann:***@db.example:5432/w"
    )
    assert describe("postgresql://ann@db.example/w") == "postgresql://ann@db.example/w"
    assert describe(Path("w.duckdb")) == "w.duckdb"


def test_nul_characters_are_stored_as_replacement_characters(pg_url):
    from tests.store.test_base import make_pair

    document, report = make_pair("Turkey sent 2,000 fighters\x00 to Libya, a source close said.")
    with Store.open(pg_url) as store:
        assert store.save(document, report) is True
        [(text,)] = store.con.execute("SELECT text FROM documents").fetchall()
    assert text == document.text.replace("\x00", "\ufffd")
    assert len(text) == len(document.text)


# Columns that differ between two ingests of the same inputs by design (when, how often).
VOLATILE = {"ingested_at", "first_seen", "last_seen", "attempts"}
PER_DOCUMENT_TABLES = (
    "documents", "actors", "places", "sources", "statements", "events", "relations", "mentions",
    "failures",
)  # fmt: skip


def table_contents(
    target: str | Path, tables: tuple[str, ...] = PER_DOCUMENT_TABLES
) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows (volatile columns left out), sorted."""
    contents = {}
    with Store.open(target) as store:
        for table in tables:
            columns = [
                c
                for (c,) in Store.open(":memory:")
                .con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                    "ORDER BY ordinal_position",
                    [table],
                )
                .fetchall()
                if c not in VOLATILE
            ]
            rows = store.con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            contents[table] = sorted((tuple(row) for row in rows), key=repr)
    return contents


def test_two_processes_ingesting_at_once_lose_and_duplicate_nothing(pg_url, sample_db):
    """Two `warledger ingest samples` at once into one PostgreSQL database, in small batches so
    that they race on the same documents: every table ends as one DuckDB ingest leaves it."""
    env = {**os.environ, "WARLEDGER_NLP_BATCH_SIZE": "4"}
    command = [sys.executable, "-m", "warledger.cli", "ingest", str(SAMPLES), "--db", pg_url]
    writers = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True
        )
        for _ in range(2)
    ]
    outputs = [writer.communicate(timeout=300) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], outputs
    stored = [int(re.match(r"(\d+) documents stored", out)[1]) for out, _ in outputs]  # type: ignore[index]
    assert sum(stored) == SAMPLE_DOCUMENTS
    assert table_contents(pg_url) == table_contents(sample_db)
    # and the cross-document record built from them is the same too, row order aside
    assert run_cli("resolve", "--db", pg_url)[0] == 0
    resolved = ("doc_signatures", *Store.RESOLVED_TABLES)
    assert table_contents(pg_url, resolved) == table_contents(sample_db, resolved)
