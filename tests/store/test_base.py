"""The store interface on both backends (DuckDB and PostgreSQL, each test run on each): migrations,
one transaction per document, dedup, failures and stats."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from warledger.document import Document
from warledger.errors import StoreError
from warledger.report import Actor, DocumentInfo, Event, Place, Report, Span, Statement
from warledger.store import Store
from warledger.store.migrate import latest_version, migrations

# Written for these tests.
TEXT = "Turkey sent 2,000 fighters to Libya, a source close to the GNA said."
SCHEMA_SQL = Path(__file__).parents[2] / "src" / "warledger" / "store" / "schema.sql"


def make_pair(text: str = TEXT, outlet: str | None = "Wire") -> tuple[Document, Report]:
    """A document and a hand-built report with spans into it (no NLP needed)."""
    document = Document.make(text, outlet=outlet, published="2020-05-10", input="a.txt")
    span = lambda s, e: Span.of(document.text, s, e)  # noqa: E731
    report = Report(
        document=DocumentInfo(id=document.id, chars=len(document.text), outlet=outlet),
        actors=[Actor(id="a1", name="Turkey", kind="state", country="TUR", mentions=[span(0, 6)])],
        places=[
            Place(id="p1", name="Libya", kind="country", country="LBY", mentions=[span(30, 35)])
        ],
        statements=[
            Statement(
                id="s1",
                source=None,
                source_span=span(37, 62),
                cue_span=span(63, 67),
                content_span=span(0, 35),
            )
        ],
        events=[
            Event(id="e1", type="DEPLOY", evidence=[span(0, 35)], agent=["a1"], destination=["p1"])
        ],
    )
    return document, report


@pytest.fixture(params=["duckdb", "postgresql"])
def store(request):
    target = ":memory:" if request.param == "duckdb" else request.getfixturevalue("pg_url")
    with Store.open(target) as opened:
        yield opened


def test_new_database_records_every_migration(store):
    rows = store.con.execute("SELECT version, name FROM schema_version ORDER BY version").fetchall()
    assert rows == [(m.version, m.name) for m in migrations()]
    assert rows[-1][0] == latest_version()


def test_schema_sql_describes_what_the_migrations_build():
    store = Store.open(":memory:")
    reference = duckdb.connect(":memory:")
    reference.execute(SCHEMA_SQL.read_text())
    query = (
        "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
        "ORDER BY table_name, column_name"
    )
    assert store.con.execute(query).fetchall() == reference.execute(query).fetchall()


def test_save_stores_document_report_records_and_mentions(store):
    document, report = make_pair()
    assert store.save(document, report) is True
    row = store.con.execute(
        "SELECT outlet, published, chars, input, text, report FROM documents"
    ).fetchone()
    assert row[:5] == ("Wire", document.published, len(TEXT), "a.txt", TEXT)
    assert json.loads(row[5]) == report.to_dict()
    assert store.con.execute("SELECT id, name, kind, country FROM actors").fetchall() == [
        ("a1", "Turkey", "state", "TUR")
    ]
    assert store.con.execute("SELECT type, agent, destination FROM events").fetchall() == [
        ("DEPLOY", '["a1"]', '["p1"]')
    ]
    mentions = store.con.execute(
        "SELECT record_id, kind, start_char, end_char, text FROM mentions ORDER BY kind, record_id"
    ).fetchall()
    assert mentions == [
        ("a1", "actor", 0, 6, "Turkey"),
        ("e1", "event", 0, 35, TEXT[:35]),
        ("p1", "place", 30, 35, "Libya"),
        ("s1", "statement", 0, 35, TEXT[:35]),
        ("s1", "statement_cue", 63, 67, "said"),
        ("s1", "statement_source", 37, 62, "a source close to the GNA"),
    ]


def test_same_document_twice_is_stored_once(store):
    document, report = make_pair()
    again, again_report = make_pair(TEXT + "  \n")  # the same normalised text
    assert store.save(document, report) is True
    assert store.has_document(document.id)
    assert store.save(again, again_report) is False
    assert store.count("documents") == 1
    assert store.count("actors") == 1


def test_failed_write_leaves_nothing_of_the_document(store, monkeypatch):
    document, report = make_pair()
    backend = type(store)
    real_insert = backend._insert

    def insert_then_fail(self, table, rows):
        if table == "mentions":
            raise RuntimeError("disk full")
        real_insert(self, table, rows)

    monkeypatch.setattr(backend, "_insert", insert_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        store.save(document, report)
    for table in ("documents", "actors", "places", "statements", "events", "mentions"):
        assert store.count(table) == 0, table
    monkeypatch.undo()
    assert store.save(document, report) is True
    assert store.count("mentions") == 6


def test_report_of_another_document_is_refused(store):
    document, _ = make_pair()
    _, other_report = make_pair("Another text entirely, about shelling near Kharkiv on Monday.")
    with pytest.raises(StoreError, match="is not the report of document"):
        store.save(document, other_report)


def test_existing_database_is_reopened_without_reapplying_migrations(tmp_path, db_target):
    path = db_target.replace("w.duckdb", "db/w.duckdb")  # a file in a new folder
    with Store.open(path) as store:
        store.save(*make_pair())
    with Store.open(path) as store:
        assert store.count("documents") == 1
        assert store.count("schema_version") == latest_version()


def test_database_from_a_newer_warledger_is_refused(db_target):
    path = db_target
    with Store.open(path) as store:
        store.con.execute("INSERT INTO schema_version VALUES (999, 'future', now())")
    with pytest.raises(StoreError, match="newer than this warledger knows"):
        Store.open(path)


def test_failures_are_counted_updated_and_resolved(store):
    store.record_failure("a.txt", "empty", "a.txt: the file has no text")
    store.record_failure("a.txt", "encoding", "a.txt: not valid UTF-8")
    store.record_failure("b.jsonl:2", "malformed", "b.jsonl:2: not valid JSON")
    [a, b] = store.failures()
    assert (a.input, a.reason, a.message, a.attempts, a.resolved) == (
        "a.txt",
        "encoding",
        "a.txt: not valid UTF-8",
        2,
        False,
    )
    assert a.first_seen <= a.last_seen
    assert (b.input, b.attempts) == ("b.jsonl:2", 1)
    store.resolve_failures(["a.txt"])
    assert [f.input for f in store.failures()] == ["b.jsonl:2"]
    assert [f.resolved for f in store.failures(include_resolved=True)] == [True, False]
    store.record_failure("a.txt", "empty", "again")
    assert [(f.input, f.attempts) for f in store.failures()] == [("a.txt", 3), ("b.jsonl:2", 1)]


def test_stats_summarise_documents_actors_events_places_and_failures(store):
    store.save(*make_pair())
    store.save(
        *make_pair("Turkey sent drones to Libya, officials in Tripoli said on Monday.", outlet=None)
    )
    store.record_failure("x.txt", "empty", "x.txt: empty")
    stats = store.stats()
    assert stats.documents == 2
    assert stats.by_outlet == [("(unknown)", 1), ("Wire", 1)]
    assert stats.top_actors == [("Turkey", "state", 2)]
    assert stats.events_by_type == [("DEPLOY", 2)]
    assert stats.top_places == [("Libya", "LBY", 2)]
    assert stats.failures_by_reason == [("empty", 1)]


def test_new_migration_is_applied_to_an_existing_database_keeping_its_data(db_target, monkeypatch):
    from warledger.store import migrate as migrate_module
    from warledger.store.migrate import Migration

    path = db_target
    with Store.open(path) as store:
        store.save(*make_pair())
    shipped = migrations()
    added = Migration(
        len(shipped) + 1, "add_notes", "ALTER TABLE documents ADD COLUMN notes VARCHAR;"
    )
    monkeypatch.setattr(migrate_module, "migrations", lambda: (*shipped, added))
    with Store.open(path) as store:
        versions = store.con.execute(
            "SELECT version, name FROM schema_version ORDER BY version"
        ).fetchall()
        assert versions[-1] == (added.version, "add_notes")
        assert store.con.execute("SELECT count(*), count(notes) FROM documents").fetchone() == (
            1,
            0,
        )
