"""The bundled samples batched once (in-process workers), for the tests of this folder."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[2] / "samples"
SAMPLE_DOCUMENTS = 37
"""Articles in samples/ (and 2 inputs that fail: samples/bad/)."""


@pytest.fixture(scope="session")
def samples_batch(tmp_path_factory, nlp):
    from warledger.batch.run import run_batch

    out = tmp_path_factory.mktemp("batch") / "out"
    summary = run_batch([SAMPLES], out, workers=2, partition_size=8, processes=False)
    return out, summary
