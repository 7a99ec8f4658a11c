"""kill -9 during `warledger batch` and `warledger load`, for real (issues 16 and 17): the batch's
whole process group once, one worker of a run that then finishes, and a load; after each kill the
output holds whole partitions and the database whole documents, and the last runs complete it with
every document exactly once (benchmarks/kill_batch.py; `--kills 6` for a longer run)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from warledger.ingest.into_store import ingest_into
from warledger.ingest.read import read_inputs
from warledger.store import Store

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "kill_batch.py"


def _script():
    spec = importlib.util.spec_from_file_location("kill_batch", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_batch_and_load_survive_kill_9_with_every_document_once(tmp_path, nlp):
    def reference(corpus: Path, db: Path) -> None:  # in this process: the model is loaded already
        with Store.open(db) as store:
            ingest_into(store, read_inputs([corpus]), nlp)

    figures = _script().run(
        kills=2, documents=40, seed=16, work=tmp_path, workers=2, reference_ingest=reference
    )
    assert figures == {
        "batch_kills": 1,
        "worker_kills": 1,
        "load_kills": 1,
        "survived": 3,
        "breaches": 0,
        "documents": 40,
        "lost": 0,
    }
