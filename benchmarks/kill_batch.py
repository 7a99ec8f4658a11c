"""kill -9 during `warledger batch` and `warledger load`, for real, several times (issues 16, 17).

1. `warledger batch` (the driver and its local workers, the whole process group) is killed at
   random points; after each kill the output folder holds only whole partitions (every manifest
   entry's files read back, no document in two partitions), and the next run does the rest.
2. One run is left to finish while one of its worker processes is killed mid-run: the lost
   partition goes to another worker and the run ends with every document written once.
3. `warledger load` is killed at random points; the database opens after each kill, holds whole
   documents only and no orphan rows; a last load completes it, each document exactly once, the
   same database as an uninterrupted `ingest` of the same corpus.

    python benchmarks/kill_batch.py [--kills 4] [--documents 48] [--seed 16]

Prints one line per kill and the figures; exits 1 on any breach or lost document.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kill_ingest import (  # noqa: E402  (the corpus, the snapshot and the WAL-watching kill)
    ENV,
    WARLEDGER,
    kill_after_writes,
    snapshot,
    timed_ingest,
    write_corpus,
)

PARTITION_SIZE = 4


def batch(corpus: Path, out: Path, workers: int) -> subprocess.Popen[bytes]:
    """`warledger batch` in a process group of its own (the driver and its workers)."""
    return subprocess.Popen(
        [
            *WARLEDGER,
            "batch",
            str(corpus),
            "--out",
            str(out),
            "--workers",
            str(workers),
            "--partition-size",
            str(PARTITION_SIZE),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        start_new_session=True,
    )


def load(out: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*WARLEDGER, "load", str(out), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )


def finished(out: Path) -> int:
    folder = out / "manifest"
    return len(list(folder.glob("part-*.json"))) if folder.is_dir() else 0


def wait_for_partitions(process: subprocess.Popen[bytes], out: Path, count: int) -> bool:
    """Until `count` partitions are recorded; False when the process ended first."""
    while process.poll() is None:
        if finished(out) >= count:
            return True
        time.sleep(0.02)
    return False


def check_output(out: Path) -> dict[str, str]:
    """document id -> partition for every finished partition; raises on a damaged or doubled one."""
    from warledger.batch.output import manifest, read_failures, read_reports

    where: dict[str, str] = {}
    for entry in manifest(out):
        documents = list(read_reports(out, entry))
        read_failures(out, entry)
        if len(documents) != entry.documents:
            raise AssertionError(
                f"partition {entry.key}: {len(documents)} reports, manifest says {entry.documents}"
            )
        for document, _ in documents:
            if document.id in where:
                raise AssertionError(f"document {document.id} in two partitions")
            where[document.id] = entry.key
    return where


def workers_of(process: subprocess.Popen[bytes]) -> list[psutil.Process]:
    """The Dask worker processes a local batch started (spawned children, not the resource tracker)."""
    return [
        child
        for child in psutil.Process(process.pid).children()
        if "spawn_main" in " ".join(child.cmdline())
    ]


def run(
    kills: int,
    documents: int,
    seed: int,
    work: Path,
    workers: int = 2,
    reference_ingest: Callable[[Path, Path], None] | None = None,
) -> dict[str, int]:
    """The figures: batch_kills, worker_kills, load_kills, survived, documents, lost, breaches."""
    rng = random.Random(seed)
    corpus, out = work / "corpus", work / "out"
    reference_db, db = work / "reference.duckdb", work / "loaded.duckdb"
    write_corpus(corpus, documents, rng)
    (reference_ingest or timed_ingest)(corpus, reference_db)
    reference = snapshot(reference_db)
    partitions = -(-len(reference) // PARTITION_SIZE)
    print(f"reference: {len(reference)} documents, {partitions} partitions")
    figures = dict.fromkeys(
        ("batch_kills", "worker_kills", "load_kills", "survived", "breaches"), 0
    )
    figures |= {"documents": len(reference), "lost": 0}
    batch_kills, load_kills = (kills + 1) // 2, kills // 2

    # 1. the whole batch, killed in the first half of the work left
    attempts = 0
    while figures["batch_kills"] < batch_kills and attempts < batch_kills * 3:
        attempts += 1
        done = finished(out)
        left = partitions - done
        if left < 6:  # keep work for the run whose worker is killed
            break
        target, extra = done + rng.randint(1, left // 2 - 2), rng.uniform(0.0, 0.5)
        process = batch(corpus, out, workers)
        if not wait_for_partitions(process, out, target):
            print(f"batch run {attempts}: finished before the kill")
            continue
        time.sleep(extra)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        figures["batch_kills"] += 1
        try:
            held = check_output(out)
            figures["survived"] += 1
            print(
                f"batch kill {figures['batch_kills']} after {target} partitions + {extra:.2f} s: "
                f"{finished(out)} whole partitions, {len(held)} documents, none twice"
            )
        except Exception as exc:  # noqa: BLE001 - any damage is a breach, whatever it raises
            figures["breaches"] += 1
            print(f"batch kill {figures['batch_kills']}: BREACH {exc}")

    # 2. the last batch run completes although one of its workers is killed mid-run: once the
    # run's first partition is recorded, every worker is busy with the next ones
    process = batch(corpus, out, workers)
    if wait_for_partitions(process, out, finished(out) + 1) and finished(out) < partitions:
        victims = workers_of(process)
        if victims:
            victims[0].kill()
            figures["worker_kills"] += 1
            print(f"worker kill: pid {victims[0].pid} of {len(victims)} workers")
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        figures["breaches"] += 1
        print(
            f"batch after the worker kill: BREACH rc {process.returncode}: {stderr.decode()[-500:]}"
        )
    else:
        figures["survived"] += figures["worker_kills"]
        print(f"batch: {stdout.decode().strip()}")
    held = check_output(out)
    if set(held) != set(reference):
        figures["breaches"] += 1
        print(f"batch output: BREACH, {len(held)} documents instead of {len(reference)}")

    # 3. load, killed once the database's write-ahead log has changed a few times
    attempts = 0
    while figures["load_kills"] < load_kills and attempts < load_kills * 3:
        attempts += 1
        writes, extra = rng.randint(1, 6), rng.uniform(0.0, 0.2)
        if not kill_after_writes(load(out, db), db, writes, extra):
            print(f"load run {attempts}: finished before the kill (after {writes} writes)")
            continue
        figures["load_kills"] += 1
        try:
            stored = snapshot(db) if db.exists() else {}
            partial = [d for d, rows in stored.items() if rows != reference.get(d)]
            if partial:
                raise AssertionError(f"{len(partial)} half-written documents")
            figures["survived"] += 1
            print(
                f"load kill {figures['load_kills']} after {writes} writes + {extra:.2f} s: database "
                f"opens, {len(stored)} whole documents, no orphan rows"
            )
        except (AssertionError, duckdb.Error) as exc:
            figures["breaches"] += 1
            print(f"load kill {figures['load_kills']}: BREACH {exc}")
    subprocess.run(
        [*WARLEDGER, "load", str(out), "--db", str(db)], check=True, capture_output=True, env=ENV
    )
    final = snapshot(db)
    figures["lost"] = len(set(reference) - set(final))
    if final != reference:
        figures["breaches"] += 1
        print("final load: BREACH, the database differs from an uninterrupted ingest")
    kills_made = figures["batch_kills"] + figures["worker_kills"] + figures["load_kills"]
    print(
        f"kills survived: {figures['survived']}/{kills_made} ({figures['batch_kills']} batch, "
        f"{figures['worker_kills']} worker, {figures['load_kills']} load); documents: "
        f"{len(final)}/{len(reference)} stored once each; documents lost: {figures['lost']}"
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=4, help="batch and load kills, half each")
    parser.add_argument("--documents", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="warledger-kill-batch-") as work:
        figures = run(args.kills, args.documents, args.seed, Path(work), args.workers)
    return 1 if figures["breaches"] or figures["lost"] else 0


if __name__ == "__main__":
    sys.exit(main())
