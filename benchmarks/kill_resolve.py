"""kill -9 `warledger resolve` at random points, then check the database (issue 17).

Two phases: the first resolve of a corpus, then an incremental resolve after more documents are
ingested. After every kill the database must open and hold a whole record: the one before the run
or the one the run makes (equal, table by table, to an uninterrupted run's), never a mix; the next
run must complete and give the uninterrupted record.

    python benchmarks/kill_resolve.py [--kills 4] [--documents 60] [--seed 17]

Prints one line per kill and the figures; exits 1 on any breach.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

WARLEDGER = [sys.executable, "-m", "warledger.cli"]
Record = dict[str, list[str]]


def _kill_ingest():  # type: ignore[no-untyped-def]
    """The corpus writer of benchmarks/kill_ingest.py (benchmarks is no package)."""
    spec = importlib.util.spec_from_file_location(
        "kill_ingest", Path(__file__).with_name("kill_ingest.py")
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cli_ingest(corpus: Path, db: Path) -> None:
    subprocess.run(
        [*WARLEDGER, "ingest", str(corpus), "--db", str(db)], check=True, capture_output=True
    )


def resolve_process(db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*WARLEDGER, "resolve", "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def record(db: Path) -> Record:
    """The whole resolved record (and the signature cache), table by table, in canonical order;
    opening the database through the store also checks that it opens and is migrated."""
    from warledger.resolve.incremental import comparable, normal_rows
    from warledger.store import Store

    with Store.open(db) as store:
        tables = {
            t: sorted(comparable(r) for r in normal_rows(store.resolution_rows(t)))
            for t in Store.RESOLVED_TABLES
        }
        signatures = store.con.execute("SELECT document_id FROM doc_signatures").fetchall()
        tables["doc_signatures"] = sorted(str(r[0]) for r in signatures)
    return tables


def settle(db: Path) -> None:
    """Write the database's log into its file, so that a copy of the file is the whole database."""
    con = duckdb.connect(str(db))
    con.execute("CHECKPOINT")
    con.close()


def timed_resolve(db: Path) -> float:
    """Resolve `db` uninterrupted in a subprocess; the seconds it took."""
    started = time.monotonic()
    subprocess.run([*WARLEDGER, "resolve", "--db", str(db)], check=True, capture_output=True)
    return time.monotonic() - started


def kill_at(process: subprocess.Popen[bytes], db: Path, delay: float, on_log: bool) -> bool:
    """SIGKILL `process` `delay` seconds after it starts, or (`on_log`) `delay` seconds after its
    database file or write-ahead log first changes (inside or right after its one write); False
    when it finished first."""
    files = (db, db.with_name(db.name + ".wal"))

    def stamp() -> tuple[tuple[int, int] | None, ...]:
        found: list[tuple[int, int] | None] = []
        for path in files:
            try:
                stat = path.stat()
                found.append((stat.st_size, stat.st_mtime_ns))
            except FileNotFoundError:
                found.append(None)
        return tuple(found)

    start, first = time.monotonic(), stamp()
    while process.poll() is None:
        if on_log:
            if stamp() != first:
                time.sleep(delay)
                break
        elif time.monotonic() - start >= delay:
            break
        time.sleep(0.005)
    if process.poll() is not None:
        return False
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return True


def phase(
    name: str,
    db: Path,
    before: Record,
    after: Record,
    kills: int,
    seconds: float,
    rng: random.Random,
    figures: dict[str, int],
) -> None:
    """Kill resolve `kills` times, checking the record after each; then let one run finish."""
    for attempt in range(1, kills * 3 + 1):
        if figures[f"{name}_kills"] >= kills:
            break
        on_log = attempt % 2 == 0
        delay = rng.uniform(0.0, 0.05) if on_log else rng.uniform(0.2, 1.0) * seconds
        if not kill_at(resolve_process(db), db, delay, on_log):
            print(f"{name} run {attempt}: finished before the kill")
            if record(db) != after:
                figures["breaches"] += 1
                print(f"{name}: BREACH, an uninterrupted run gave another record")
            continue
        figures[f"{name}_kills"] += 1
        try:
            held = record(db)
        except Exception as exc:  # noqa: BLE001 - any failure to open is the breach we count
            figures["breaches"] += 1
            print(f"{name} kill {attempt}: BREACH, the database does not open: {exc}")
            continue
        state = "before" if held == before else "after" if held == after else None
        if state is None:
            figures["breaches"] += 1
            print(f"{name} kill {attempt}: BREACH, a half-written record")
            continue
        figures["survived"] += 1
        when = "after the log changed" if on_log else "after the start"
        print(f"{name} kill {attempt} {delay:.2f} s {when}: opens, whole record ({state} the run)")
    subprocess.run([*WARLEDGER, "resolve", "--db", str(db)], check=True, capture_output=True)
    if record(db) != after:
        figures["breaches"] += 1
        print(f"{name}: BREACH, the run after the kills gave another record")


def run(
    kills: int,
    documents: int,
    seed: int,
    work: Path,
    ingest: Callable[[Path, Path], None] | None = None,
) -> dict[str, int]:
    """The figures: kills per phase, survived, breaches. `ingest(corpus, db)` stores a corpus
    (default: the CLI in a subprocess)."""
    ingest = ingest or cli_ingest
    rng = random.Random(seed)
    writer = _kill_ingest()
    first, more = work / "first", work / "more"
    writer.write_corpus(first, documents, rng)
    writer.write_corpus(more, max(1, documents // 3), random.Random(seed + 1))
    db, reference = work / "killed.duckdb", work / "reference.duckdb"
    ingest(first, db)
    settle(db)
    shutil.copy(db, reference)
    empty = record(db)
    seconds_first = timed_resolve(reference)
    resolved_first = record(reference)
    ingest(more, reference)
    seconds_more = timed_resolve(reference)
    resolved_more = record(reference)
    figures = {"first_kills": 0, "more_kills": 0, "survived": 0, "breaches": 0}
    phase("first", db, empty, resolved_first, kills, seconds_first, rng, figures)
    ingest(more, db)
    phase("more", db, resolved_first, resolved_more, kills, seconds_more, rng, figures)
    total = figures["first_kills"] + figures["more_kills"]
    print(
        f"kills survived: {figures['survived']}/{total}; breaches: {figures['breaches']}; "
        "every run after the kills gave the uninterrupted record"
        if not figures["breaches"]
        else f"kills survived: {figures['survived']}/{total}; breaches: {figures['breaches']}"
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=4, help="kills per phase")
    parser.add_argument("--documents", type=int, default=60)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="warledger-kill-resolve-") as work:
        figures = run(args.kills, args.documents, args.seed, Path(work))
    return 1 if figures["breaches"] else 0


if __name__ == "__main__":
    sys.exit(main())
