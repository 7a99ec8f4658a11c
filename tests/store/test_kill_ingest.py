"""kill -9 during `warledger ingest`, for real, several times (issue 17): the database opens after
each kill with only whole documents and no orphan rows, and a last run stores the rest, each
document exactly once. The script is benchmarks/kill_ingest.py (`--kills 6` for a longer run)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from warledger.ingest.into_store import ingest_into
from warledger.ingest.read import read_inputs
from warledger.store import Store

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "kill_ingest.py"


def _script():
    spec = importlib.util.spec_from_file_location("kill_ingest", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ingest_survives_kill_9_with_nothing_lost_or_half_written(tmp_path, nlp):
    def reference(corpus: Path, db: Path) -> None:  # in this process: the model is loaded already
        with Store.open(db) as store:
            ingest_into(store, read_inputs([corpus]), nlp)

    figures = _script().run(
        kills=3, documents=24, seed=17, work=tmp_path, reference_ingest=reference
    )
    assert figures == {"kills": 3, "survived": 3, "documents": 24, "lost": 0, "breaches": 0}


def test_ingest_into_postgresql_survives_kill_9(tmp_path, nlp, pg_url):
    """The same on PostgreSQL: a killed client's open transaction is rolled back by the server."""

    def reference(corpus: Path, db: Path) -> None:
        with Store.open(db) as store:
            ingest_into(store, read_inputs([corpus]), nlp)

    figures = _script().run(
        kills=2, documents=16, seed=5, work=tmp_path, reference_ingest=reference, postgresql=pg_url
    )
    assert figures == {"kills": 2, "survived": 2, "documents": 16, "lost": 0, "breaches": 0}
