"""The short bounded atheris run of `make test` (issue 17): each target fuzzed for a fixed number of
inputs from a fixed seed, in a fresh corpus folder. A crash fails the test and is written to
tests/fuzz/regressions/TARGET/, where test_regressions.py replays it from then on; `make fuzz` is
the long campaign."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from atheris_harness import HERE, TARGETS

pytest.importorskip("atheris")  # the dev extra installs it

RUNS = {"extract": 30}  # each input a whole extraction, after the model loads
"""Inputs per target; the readers take 300 (a few seconds)."""


@pytest.mark.parametrize("target", TARGETS)
def test_bounded_atheris_run_finds_no_crash(target, tmp_path):
    runs = RUNS.get(target, 300)
    done = subprocess.run(
        [sys.executable, str(HERE / "atheris_harness.py"), target, "--runs", str(runs)]
        + ["--seed", "17", "--corpus", str(tmp_path)],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert f"Done {runs} in " in done.stderr
    assert any(Path(tmp_path).iterdir())  # the seeds, and what libFuzzer added
