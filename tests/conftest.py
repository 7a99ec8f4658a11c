"""Shared fixtures: one spaCy pipeline per test session, and the evaluation data (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from warledger.settings import eval_data_dir


@pytest.fixture(scope="session")
def nlp():
    from warledger.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def eval_data() -> Path:
    """../shared/data (or WARLEDGER_EVAL_DATA); tests that need it skip cleanly without it."""
    path = eval_data_dir()
    if not path.is_dir():
        pytest.skip(f"evaluation data not found at {path} (set WARLEDGER_EVAL_DATA)")
    return path


@pytest.fixture(scope="session")
def extract_text(nlp):
    """`extract_text(text, published=...)` -> Report, on the shared pipeline."""
    from warledger.document import Document
    from warledger.extractors.run import extract_document

    def run(text: str, **meta):
        return extract_document(Document.make(text, **meta), nlp)

    return run


SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, nlp) -> Path:
    """The bundled samples ingested and resolved, as `make run` does: a read-only DuckDB file.

    Tests that write (judgements, uploads) copy it first."""
    from warledger.ingest.into_store import ingest_into
    from warledger.ingest.read import read_inputs
    from warledger.resolve import resolve
    from warledger.store import Store

    path = tmp_path_factory.mktemp("sample_db") / "samples.duckdb"
    with Store.open(path) as store:
        ingest_into(store, read_inputs([SAMPLES]), nlp)
        resolve(store)
    return path


# PostgreSQL: one real server per test session (tests/postgres_server.py), a fresh schema per test.


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server; the test skips, saying why, where the binaries are absent."""
    from tests.postgres_server import PostgresServer, missing_reason

    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    with PostgresServer() as server:
        yield server


@pytest.fixture
def pg_url(pg_server, request) -> str:
    """A `postgresql://` URL of an empty schema of its own (the URL sets its search_path)."""
    return pg_server.fresh_schema(request.node.name)


@pytest.fixture(params=["duckdb", "postgresql"])
def db_target(request, tmp_path) -> str:
    """A new database of each backend in turn: a DuckDB file, then a PostgreSQL URL."""
    if request.param == "duckdb":
        return str(tmp_path / "w.duckdb")
    return request.getfixturevalue("pg_url")
