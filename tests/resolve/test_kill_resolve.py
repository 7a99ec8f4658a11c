"""kill -9 during `warledger resolve`, for real (issue 17): during a first resolve and during an
incremental one after more documents came in, the database opens after each kill holding the
record from before the run or the whole record the run makes, never a mix, and the next run
gives the uninterrupted record. The script is benchmarks/kill_resolve.py (`--kills 4` for more)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from warledger.ingest.into_store import ingest_into
from warledger.ingest.read import read_inputs
from warledger.store import Store

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "kill_resolve.py"


def _script():
    spec = importlib.util.spec_from_file_location("kill_resolve", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_resolve_survives_kill_9_with_a_whole_record(tmp_path, nlp):
    def ingest(corpus: Path, db: Path) -> None:  # in this process: the model is loaded already
        with Store.open(db) as store:
            ingest_into(store, read_inputs([corpus]), nlp)

    figures = _script().run(kills=1, documents=24, seed=17, work=tmp_path, ingest=ingest)
    assert figures == {"first_kills": 1, "more_kills": 1, "survived": 2, "breaches": 0}
