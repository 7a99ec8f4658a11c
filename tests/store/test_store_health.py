"""Databases that cannot be used are refused with a clear StoreError (issue 17): damaged,
truncated, SQLite, changed by hand, locked by another process, or on a full disk."""

from __future__ import annotations

import multiprocessing
import sqlite3

import duckdb
import pytest

from warledger.cli import main
from warledger.document import Document
from warledger.errors import StoreError
from warledger.report import DocumentInfo, Report
from warledger.store import Store
from warledger.store.health import check_file, explain


def make_pair() -> tuple[Document, Report]:
    document = Document.make("Gunmen attacked a checkpoint near Gao on Monday.", input="a.txt")
    return document, Report(document=DocumentInfo(id=document.id, chars=len(document.text)))


@pytest.fixture
def good_db(tmp_path):
    path = tmp_path / "good.duckdb"
    with Store.open(path) as store:
        store.save(*make_pair())
    return path


def test_truncated_database_is_refused_as_damaged(tmp_path, good_db):
    path = tmp_path / "cut.duckdb"
    path.write_bytes(good_db.read_bytes()[:5000])
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(caught.value).startswith(f"the database {path} is damaged (truncated or overwritten")
    assert str(caught.value).endswith("restore it from a backup, or give --db a new file name")


def test_file_of_noise_is_not_a_duckdb_database(tmp_path):
    path = tmp_path / "noise.duckdb"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(caught.value) == (
        f"{path} is not a DuckDB database (or its start is damaged); give --db a new file name, "
        "or restore the database from a backup"
    )


def test_sqlite_file_is_refused_before_duckdb_looks_for_an_extension(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE x (a)")
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(caught.value) == (
        f"{path} is an SQLite database, not a DuckDB database; give --db a new file name "
        "(warledger makes the database) or the .duckdb file warledger wrote"
    )


def test_empty_file_becomes_a_database(tmp_path):
    path = tmp_path / "empty.duckdb"
    path.touch()
    check_file(path)


def test_dropped_column_is_refused_before_anything_is_written(tmp_path, good_db):
    con = duckdb.connect(str(good_db))
    con.execute("ALTER TABLE documents DROP COLUMN outlet")
    con.close()
    with pytest.raises(StoreError) as caught:
        Store.open(good_db)
    assert str(caught.value) == (
        f"the database {good_db} does not have warledger's schema (table documents lacks "
        "column(s) outlet): it was changed outside warledger; restore it from a backup, or give "
        "--db a new file"
    )


def test_dropped_table_is_refused(tmp_path, good_db):
    con = duckdb.connect(str(good_db))
    con.execute("DROP TABLE failures")
    con.close()
    with pytest.raises(StoreError, match="table failures is missing"):
        Store.open(good_db)


def _hold(path: str, ready, release) -> None:
    with Store.open(path):
        ready.set()
        release.wait(30)


def test_second_writer_waits_then_fails_clearly(tmp_path):
    path = tmp_path / "shared.duckdb"
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(str(path), ready, release))
    holder.start()
    try:
        assert ready.wait(60)
        with pytest.raises(StoreError) as caught:
            Store.open(path, wait_seconds=1)
        assert str(caught.value) == (
            f"another process is using the database {path} (waited 1 s for it); run one ingest "
            "at a time per database, or wait for the other to finish"
        )
    finally:
        release.set()
        holder.join(30)
    with Store.open(path, wait_seconds=5) as store:  # free again, and intact
        assert store.count("documents") == 0


def test_full_disk_names_the_real_cause_not_cannot_rollback():
    error = duckdb.TransactionException(
        'TransactionContext Error: Failed to commit: Could not write file "/x/w.duckdb.wal": '
        "No space left on device"
    )
    assert explain("/x/w.duckdb", error) == (
        "the disk holding /x/w.duckdb is full (No space left on device); free some space and run "
        "the command again: documents stored before this batch are kept, this batch was not stored"
    )


def test_failed_commit_is_reported_with_its_cause_and_the_store_stays_usable(monkeypatch):
    store = Store.open(":memory:")
    real = store.con

    class FullDisk:  # DuckDB's connection cannot be patched; wrap it
        def execute(self, sql, *args):
            if sql == "COMMIT":
                real.execute("ROLLBACK")  # as DuckDB does when the commit fails
                raise duckdb.TransactionException(
                    "TransactionContext Error: Failed to commit: No space left on device"
                )
            return real.execute(sql, *args)

    store.con = FullDisk()  # type: ignore[assignment]
    with pytest.raises(StoreError) as caught:
        store.save(*make_pair())
    assert "is full (No space left on device)" in str(caught.value)
    store.con = real
    assert store.count("documents") == 0
    assert store.save(*make_pair()) is True


def test_cli_store_errors_are_one_line_not_tracebacks(tmp_path, capsys):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE x (a)")
    assert main(["stats", "--db", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"warledger: error: {path} is an SQLite database, not a DuckDB database; give --db a new "
        "file name (warledger makes the database) or the .duckdb file warledger wrote\n"
    )


def test_cli_bad_setting_is_one_line(monkeypatch, capsys):
    monkeypatch.setenv("WARLEDGER_MAX_BYTES", "abc")
    assert main(["stats", "--db", ":memory:"]) == 1
    assert capsys.readouterr().err == (
        "warledger: error: WARLEDGER_MAX_BYTES='abc' is not a whole number; set it to a whole "
        "number (e.g. WARLEDGER_MAX_BYTES=20000000) or unset it\n"
    )
