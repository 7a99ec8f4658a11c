"""`warledger batch --scheduler ADDRESS` on a cluster that is not the batch's own: a real
`dask scheduler` and `dask worker` (two worker processes) started here as separate programs, each in
a folder of its own, and `warledger batch` run as a third program from yet another folder. The
reports are those of `warledger extract`, written where the batch was told (a relative --out is
the batch's folder, not the workers'), and each worker loaded the pipeline once (the Preload
plugin), a second batch on the same cluster too. An address where no scheduler answers, a
scheduler with no worker and an address that is not one are clear errors."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.batch.conftest import SAMPLES
from tests.batch.test_batch_run import reports_of

from warledger.batch.output import manifest
from warledger.cli import main

BIN = Path(sys.executable).parent
INPUTS = [str(SAMPLES / "wire"), str(SAMPLES / "features")]
DOCUMENTS = 12
"""Articles in samples/wire (8: one file holds several) and samples/features (4)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stop(process: subprocess.Popen) -> None:
    """Stop a program started in its own session, and its children (a worker's nannies)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler and two one-thread workers, as `dask scheduler` and `dask worker` programs."""
    from dask.distributed import Client

    address = f"tcp://127.0.0.1:{free_port()}"
    folders = {name: tmp_path_factory.mktemp(name) for name in ("scheduler", "workers")}
    commands = {
        "scheduler": [
            str(BIN / "dask"),
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            address.rsplit(":", 1)[1],
            "--no-dashboard",
        ],
        "workers": [
            str(BIN / "dask"),
            "worker",
            address,
            "--nworkers",
            "2",
            "--nthreads",
            "1",
            "--no-dashboard",
        ],
    }
    started: list[subprocess.Popen] = []
    try:
        for name, command in commands.items():
            log = (folders[name] / "log").open("wb")
            started.append(
                subprocess.Popen(
                    command,
                    cwd=folders[name],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        deadline = time.monotonic() + 120
        while True:
            try:
                client = Client(address, timeout="5s")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
        with client:
            client.wait_for_workers(2, timeout=120)
        yield address, folders["workers"]
    finally:
        for process in reversed(started):
            stop(process)


def worker_state(address: str) -> dict[int, tuple[int, int, bool]]:
    """For each worker process (pid): the pipeline's loads and reuses, and whether the Preload
    plugin is registered there."""
    from dask.distributed import Client

    def state(dask_worker) -> tuple[int, tuple[int, int, bool]]:
        from warledger.nlp.pipeline import load_nlp

        calls = load_nlp.cache_info()
        return os.getpid(), (calls.misses, calls.hits, "warledger-preload" in dask_worker.plugins)

    with Client(address, timeout="20s") as client:
        return dict(client.run(state).values())


def batch(address: str, folder: Path, out: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "warledger"), "batch", *INPUTS, "--scheduler", address, "--out", out]
        + ["--partition-size", "3"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_batch_on_a_running_scheduler_gives_the_reports_of_extract_and_loads_once_per_worker(
    cluster, tmp_path, nlp
):
    address, workers_folder = cluster
    run = batch(address, tmp_path, "out")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("4 partitions done in ")
    assert run.stdout.endswith(
        f" s on 2 workers (0 done before, 0 failed): {DOCUMENTS} reports and 0 failures written "
        f"to out ({DOCUMENTS} documents read, 0 repeated, 0 unreadable inputs)\n"
    )
    out = tmp_path / "out"
    assert sorted(p.name for p in workers_folder.iterdir()) == ["log"]  # nothing in theirs

    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        assert main(["extract", *INPUTS]) == 0
    extracted = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert len(extracted) == DOCUMENTS
    assert reports_of(out) == {r["document"]["id"]: r for r in extracted}

    state = worker_state(address)
    assert len(state) == 2
    ran_on = {int(entry.worker.rsplit(":", 1)[1]) for entry in manifest(out)}
    assert ran_on <= set(state)  # the cluster's workers did the work, not a cluster of the batch
    # One load each, when the plugin was registered; every partition reused it.
    assert [(misses, preload) for misses, _, preload in state.values()] == [(1, True), (1, True)]
    assert sum(hits for _, hits, _ in state.values()) == 4

    again = batch(address, tmp_path, "out")  # registers the plugin again: it runs, no reload
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("0 partitions done in ")
    assert "(4 done before, 0 failed): 0 reports" in again.stdout
    assert worker_state(address) == {
        pid: (1, hits + 1, True) for pid, (_, hits, _) in state.items()
    }


def test_an_address_where_no_scheduler_answers_is_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WARLEDGER_SCHEDULER_WAIT_SECONDS", "2")
    address = f"tcp://127.0.0.1:{free_port()}"
    assert main(["batch", *INPUTS, "--scheduler", address, "--out", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err == (
        f"warledger: error: --scheduler {address}: no Dask scheduler answers there (Timed out "
        f"trying to connect to {address} after 2 s); start one (`dask scheduler`, then `dask "
        "worker ADDRESS` on each machine) or leave out --scheduler to run on this machine "
        "(WARLEDGER_SCHEDULER_WAIT_SECONDS sets the wait)\n"
    )


def test_a_scheduler_with_no_worker_is_a_clear_error(tmp_path, capsys, monkeypatch):
    from dask.distributed import LocalCluster

    monkeypatch.setenv("WARLEDGER_SCHEDULER_WAIT_SECONDS", "1")
    with LocalCluster(n_workers=0, processes=False, dashboard_address="127.0.0.1:0") as empty:
        address = empty.scheduler_address
        assert main(["batch", *INPUTS, "--scheduler", address, "--out", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err == (
        f"warledger: error: --scheduler {address}: the scheduler answers but no worker joined it "
        f"in 1 s; start one (`dask worker {address}`) or leave out --scheduler to run on this "
        "machine (WARLEDGER_SCHEDULER_WAIT_SECONDS sets the wait)\n"
    )


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("nonsense:xx", "invalid literal for int() with base 10: 'xx'"),
        (
            "foo://bar",
            "unknown address scheme 'foo' (known schemes: ['inproc', 'tcp', 'tls', 'ucx', "
            "'ws', 'wss'])",
        ),
    ],
)
def test_an_address_that_is_not_one_is_a_clear_error(address, why, tmp_path, capsys):
    assert main(["batch", *INPUTS, "--scheduler", address, "--out", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err == (
        f"warledger: error: --scheduler {address}: not a Dask scheduler address ({why}); give "
        "one like tcp://HOST:8786\n"
    )
