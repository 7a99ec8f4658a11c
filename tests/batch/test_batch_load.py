"""`load_batch`: a batch's partitions into the store give what `ingest` gives, and twice is once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.batch.conftest import SAMPLES

from warledger.batch.load import load_batch
from warledger.batch.run import run_batch
from warledger.errors import BatchError
from warledger.store import Store

TABLES = (
    "documents",
    "actors",
    "places",
    "sources",
    "statements",
    "events",
    "relations",
    "mentions",
)


def contents(db: Path) -> tuple[dict[str, int], dict[str, dict], list[tuple[str, str, int]]]:
    """Rows per table, each document's stored report, and (input, reason, attempts) per failure."""
    with Store.open(db) as store:
        counts = {table: store.count(table) for table in TABLES}
        reports = {
            row[0]: json.loads(row[1])
            for row in store.con.execute("SELECT id, report FROM documents").fetchall()
        }
        failures = [(Path(f.input).name, f.reason, f.attempts) for f in store.failures()]
    return counts, reports, failures


def test_load_stores_what_ingest_stores_and_a_second_load_changes_nothing(
    samples_batch, sample_db, tmp_path
):
    """`sample_db`: the samples ingested (and resolved) as `make run` does."""
    out, summary = samples_batch
    assert summary.failed == []
    with Store.open(tmp_path / "loaded.duckdb") as store:
        first = load_batch(store, out, batch_size=6)
    assert (first.partitions, first.documents, first.stored, first.failures) == (5, 37, 37, 2)
    loaded = contents(tmp_path / "loaded.duckdb")
    assert loaded == contents(sample_db)
    assert loaded[2] == [
        ("empty-download.txt", "empty", 1),
        ("non-english-article.txt", "language", 1),
    ]
    with Store.open(tmp_path / "loaded.duckdb") as store:
        second = load_batch(store, out)
    assert (second.partitions, second.documents, second.stored, second.failures) == (5, 37, 0, 0)
    assert contents(tmp_path / "loaded.duckdb") == loaded


def test_load_refuses_a_folder_that_is_not_a_batch_output(tmp_path):
    with Store.open(":memory:") as store, pytest.raises(BatchError, match="not a batch output"):
        load_batch(store, tmp_path)


def test_a_damaged_partition_is_a_clear_error(tmp_path, nlp):
    out = tmp_path / "out"
    run_batch([SAMPLES / "wire"], out, workers=1, processes=False)
    (next((out / "reports").glob("*.parquet"))).write_bytes(b"not parquet")
    with (
        Store.open(":memory:") as store,
        pytest.raises(BatchError, match="cannot be read as a batch"),
    ):
        load_batch(store, out)


def test_load_works_the_same_on_both_backends(samples_batch, db_target):
    """Through the store interface only: DuckDB and PostgreSQL hold the same documents."""
    out, _ = samples_batch
    with Store.open(db_target) as store:
        first = load_batch(store, out)
        again = load_batch(store, out)
        assert (first.stored, first.failures, again.stored, again.failures) == (37, 2, 0, 0)
        assert store.count("documents") == 37
        assert len(store.document_ids()) == 37
        assert sorted((Path(f.input).name, f.reason, f.attempts) for f in store.failures()) == [
            ("empty-download.txt", "empty", 1),
            ("non-english-article.txt", "language", 1),
        ]
