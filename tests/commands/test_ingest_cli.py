"""`warledger ingest` and `warledger stats`, run in-process on the bundled samples and tmp files."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from warledger.cli import main
from warledger.schema import validation_errors
from warledger.store import Store

SAMPLES = Path(__file__).parents[2] / "samples"
SAMPLE_DOCUMENTS = 37
"""Articles in samples/: 12 text files, 1 HTML page, 4 feed items, 3 WARC records, 4 JSON lines,
and the 13 JSON lines of the two story clusters in samples/clusters/."""


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory, nlp) -> tuple[Path, int, str]:
    """The samples ingested once, as `make run` does."""
    db = tmp_path_factory.mktemp("make-run") / "warledger.duckdb"
    code, out, _ = run_cli("ingest", str(SAMPLES), "--db", str(db))
    return db, code, out


def test_ingest_samples_stores_every_article_and_lists_the_bad_inputs(sample_db):
    db, code, out = sample_db
    assert code == 0
    assert f"{SAMPLE_DOCUMENTS} documents stored in {db}" in out
    assert "empty-download.txt" in out and "non-english-article.txt" in out
    with Store.open(db) as store:
        assert store.count("documents") == SAMPLE_DOCUMENTS
        failures = {Path(f.input).name: f.reason for f in store.failures()}
        assert failures == {"empty-download.txt": "empty", "non-english-article.txt": "language"}
        outlets = {row[0] for row in store.con.execute("SELECT outlet FROM documents").fetchall()}
        assert {
            "The Maghreb Monitor",
            "Sahel Security Briefing",
            "Eastern Front News",
            "Levant Digest",
        } <= outlets
        reports = [
            json.loads(r[0]) for r in store.con.execute("SELECT report FROM documents").fetchall()
        ]
    assert all(validation_errors(report) == [] for report in reports)
    assert sum(len(report["actors"]) for report in reports) > 0


def test_ingesting_the_samples_again_stores_nothing_new(sample_db):
    db, _, _ = sample_db
    code, out, _ = run_cli("ingest", str(SAMPLES / "wire"), str(SAMPLES / "jsonl"), "--db", str(db))
    assert code == 0
    assert f"0 documents stored in {db} (12 read, 12 already stored, 0 failed)" in out
    with Store.open(db) as store:
        assert store.count("documents") == SAMPLE_DOCUMENTS


def test_stats_summarise_the_sample_database(sample_db):
    db, _, _ = sample_db
    code, out, _ = run_cli("stats", "--db", str(db))
    assert code == 0
    assert f"{SAMPLE_DOCUMENTS} documents in {db}" in out
    for heading in (
        "Documents by outlet",
        "Top actors",
        "Events by type",
        "Top places",
        "failures by reason",
    ):
        assert heading in out
    assert "The Maghreb Monitor" in out
    assert "language" in out and "empty" in out


def test_stats_without_a_database_says_to_ingest_first(tmp_path):
    code, _, err = run_cli("stats", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1
    assert "no database at" in err and "warledger ingest" in err
    assert not (tmp_path / "none.duckdb").exists()


def test_ingest_strict_exits_non_zero_only_when_something_failed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "w.duckdb")
    assert run_cli("ingest", str(tmp_path / "empty.txt"), "--db", db)[0] == 0
    code, out, _ = run_cli("ingest", str(tmp_path / "empty.txt"), "--db", db, "--strict")
    assert code == 1
    assert "0 documents stored" in out and "empty" in out
    with Store.open(db) as store:
        [failure] = store.failures()
    assert (failure.reason, failure.attempts) == ("empty", 2)


def test_ingest_uses_warledger_db_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("WARLEDGER_DB", str(tmp_path / "env.duckdb"))
    (tmp_path / "empty.txt").write_bytes(b"")
    assert run_cli("ingest", str(tmp_path / "empty.txt"))[0] == 0
    assert (tmp_path / "env.duckdb").exists()


def test_ingest_without_paths_is_a_usage_error(tmp_path):
    code, _, err = run_cli("ingest", "--db", str(tmp_path / "w.duckdb"))
    assert code == 2
    assert "give a PATH" in err


def test_retry_rereads_failed_inputs_and_resolves_the_fixed_ones(tmp_path, nlp):
    text = "Gunmen abducted two aid workers near Nyala on Monday, the UN humanitarian office said."
    latin = tmp_path / "latin.txt"
    latin.write_bytes(("Caf\u00e9 owners said " + text).encode("latin-1"))
    lines = tmp_path / "batch.jsonl"
    lines.write_text("{broken\n")
    db = str(tmp_path / "w.duckdb")
    run_cli("ingest", str(latin), str(lines), "--db", db)
    with Store.open(db) as store:
        assert [(Path(f.input).name, f.reason) for f in store.failures()] == [
            ("batch.jsonl:1", "malformed"),
            ("latin.txt", "encoding"),
        ]
    latin.write_text("Caf\u00e9 owners said " + text, encoding="utf-8")
    code, out, _ = run_cli("ingest", "--retry", "--db", db)
    assert code == 0
    assert "1 documents stored" in out
    with Store.open(db) as store:
        assert [(Path(f.input).name, f.attempts) for f in store.failures()] == [
            ("batch.jsonl:1", 2)
        ]
        assert store.count("documents") == 1


def test_retry_with_nothing_to_retry_succeeds(tmp_path):
    code, _, err = run_cli("ingest", "--retry", "--db", str(tmp_path / "w.duckdb"))
    assert code == 0
    assert "no unresolved failures" in err


def test_resolve_and_every_query_work_on_the_make_run_database(sample_db):
    db, _, _ = sample_db
    code, out, _ = run_cli("resolve", "--db", str(db))
    assert code == 0 and out.startswith(f"resolved {SAMPLE_DOCUMENTS} documents")
    for query in ("actors", "events", "flows", "network", "contradictions"):
        for fmt in ("table", "json", "csv"):
            code, out, err = run_cli(query, "--db", str(db), "--format", fmt)
            assert (code, err) == (0, ""), (query, fmt)
            assert out.strip()
    code, out, _ = run_cli("actor", "Khalifa Haftar", "--db", str(db), "--format", "json")
    assert code == 0 and json.loads(out)[0]["kb_id"] == "lby.haftar"
    code, again, _ = run_cli("resolve", "--db", str(db))
    assert again.split(":", 1)[1] == run_cli("resolve", "--db", str(db))[1].split(":", 1)[1]
