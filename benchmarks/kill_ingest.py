"""kill -9 `warledger ingest` at random points, then check the database (issue 17).

After every kill the database must open, hold no half-written document (each stored document has
exactly the rows an uninterrupted ingest gives it) and no orphan rows; a final run must complete
the rest, with every document stored exactly once.

    python benchmarks/kill_ingest.py [--kills 6] [--documents 120] [--seed 17] [--postgresql]

`--postgresql` kills ingests into a PostgreSQL database instead (a throwaway server,
tests/postgres_server.py); there the kill is timed by the stored documents' count, not the WAL.

Prints one line per kill and the figures (kills survived, documents lost); exits 1 on any breach.
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
from typing import Any

import duckdb

from warledger.errors import StoreError

WARLEDGER = [sys.executable, "-m", "warledger.cli"]
CHILD_TABLES = ("actors", "places", "sources", "statements", "events", "relations", "mentions")
# Written for this script: varied enough to give each document actors, places and events.
PLACES = ["Gao", "Niamey", "Maiduguri", "Kidal", "Aleppo", "Kharkiv", "Misrata", "Goma"]
ACTS = [
    "Gunmen killed {n} soldiers at a checkpoint near {p} on Monday, the army said.",
    "Protesters blocked the main road in {p} on Tuesday, residents said; police arrested {n}.",
    "Rebels shelled {p} overnight, killing {n} civilians, a local official told reporters.",
    "Troops arrested {n} suspects in {p} on Wednesday after an attack on a convoy, police said.",
]


def write_corpus(folder: Path, count: int, rng: random.Random) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        lines = [
            rng.choice(ACTS).format(n=rng.randint(2, 90), p=rng.choice(PLACES)) for _ in range(3)
        ]
        (folder / f"{number:04d}.txt").write_text(f"Report {number}. " + " ".join(lines))


# Small batches: many transactions, so that kills land between and inside them.
ENV = {**os.environ, "WARLEDGER_NLP_BATCH_SIZE": "4"}


def ingest(corpus: Path, db: Path | str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*WARLEDGER, "ingest", str(corpus), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )


def timed_ingest(corpus: Path, db: Path | str) -> float:
    started = time.monotonic()
    subprocess.run(
        [*WARLEDGER, "ingest", str(corpus), "--db", str(db)],
        check=True,
        capture_output=True,
        env=ENV,
    )
    return time.monotonic() - started


def snapshot(db: Path | str) -> dict[str, dict[str, int]]:
    """Per document id, the number of rows it has in each child table."""
    if isinstance(db, str):  # PostgreSQL
        from warledger.store import Store

        store = Store.open(db)
        con: Any = store.con
    else:
        con = duckdb.connect(str(db), read_only=True)
    try:
        ids = [row[0] for row in con.execute("SELECT id FROM documents").fetchall()]
        total = con.execute("SELECT count(*) FROM documents").fetchone()
        assert total is not None and total[0] == len(set(ids)), "a document is stored twice"
        rows: dict[str, dict[str, int]] = {i: {} for i in ids}
        for table in CHILD_TABLES:
            for document_id, count in con.execute(
                f"SELECT document_id, count(*) FROM {table} GROUP BY document_id"
            ).fetchall():
                if document_id not in rows:
                    raise AssertionError(f"orphan rows in {table} for document {document_id}")
                rows[document_id][table] = count
        return rows
    finally:
        con.close()


def _stamp(db: Path | str, watch: Any) -> tuple[int, int] | None:
    """What changes with each write: the WAL file's size and time (DuckDB), or the number of
    stored documents (PostgreSQL, through `watch`, an open connection)."""
    if isinstance(db, str):
        try:
            row = watch.execute("SELECT count(*) FROM documents").fetchone()
        except Exception:  # the schema is not built yet
            return None
        return (int(row[0]), 0)
    try:
        stat = db.with_name(db.name + ".wal").stat()
    except FileNotFoundError:
        return None
    return (stat.st_size, stat.st_mtime_ns)


def kill_after_writes(
    process: subprocess.Popen[bytes], db: Path | str, writes: int, extra: float
) -> bool:
    """SIGKILL `process` once the database's write-ahead log has changed `writes` times, `extra`
    seconds later (so that kills land both between and inside transactions); False when the
    process finished first."""
    watch = None
    if isinstance(db, str):
        import psycopg

        watch = psycopg.connect(db, autocommit=True)
    last: tuple[int, int] | None = None
    seen = 0
    while process.poll() is None:
        stamp = _stamp(db, watch)
        if stamp is not None and stamp != last:
            seen += 1
            last = stamp
        if seen >= writes:
            time.sleep(extra)
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
                if watch is not None:
                    watch.close()
                return True
            break
        time.sleep(0.01)
    process.wait()
    if watch is not None:
        watch.close()
    return False


def run(
    kills: int,
    documents: int,
    seed: int,
    work: Path,
    reference_ingest: Callable[[Path, Path], None] | None = None,
    postgresql: str | None = None,
) -> dict[str, int]:
    """The figures: kills, survived, documents, lost, breaches. `reference_ingest(corpus, db)` makes
    the uninterrupted database (default: the CLI in a subprocess); `postgresql`, the URL of an
    empty PostgreSQL database, is killed into instead of a DuckDB file."""
    rng = random.Random(seed)
    corpus, reference_db = work / "corpus", work / "reference.duckdb"
    db: Path | str = postgresql or work / "killed.duckdb"
    write_corpus(corpus, documents, rng)
    (reference_ingest or timed_ingest)(corpus, reference_db)
    reference = snapshot(reference_db)
    print(f"reference: {len(reference)} documents")
    batch = int(ENV["WARLEDGER_NLP_BATCH_SIZE"])
    figures = {"kills": 0, "survived": 0, "documents": len(reference), "lost": 0, "breaches": 0}
    attempts, stored = 0, 0
    while figures["kills"] < kills and attempts < kills * 3:
        attempts += 1
        left = -(-(len(reference) - stored) // batch)  # batches still to write
        if not left:
            print("nothing left to store: no more kills")
            break
        # in the first half of the work left, so that every run is killed with work to do
        writes, extra = rng.randint(1, max(1, left // 2)), rng.uniform(0.0, 0.3)
        if not kill_after_writes(ingest(corpus, db), db, writes, extra):
            print(f"run {attempts}: finished before the kill (after {writes} writes)")
            continue
        figures["kills"] += 1
        try:
            held = snapshot(db) if isinstance(db, str) or db.exists() else {}
            partial = [d for d, rows in held.items() if rows != reference.get(d)]
            if partial:
                raise AssertionError(f"{len(partial)} half-written documents")
            figures["survived"] += 1
            stored = len(held)
            print(
                f"kill {figures['kills']} after {writes} writes + {extra:.2f} s: database opens, "
                f"{len(held)} whole documents, no orphan rows"
            )
        except (AssertionError, duckdb.Error, StoreError) as exc:
            figures["breaches"] += 1
            print(f"kill {figures['kills']}: BREACH {exc}")
    timed_ingest(corpus, db)
    final = snapshot(db)
    figures["lost"] = len(set(reference) - set(final))
    if final != reference:
        figures["breaches"] += 1
        print("final run: BREACH, the database differs from the uninterrupted one")
    print(
        f"kills survived: {figures['survived']}/{figures['kills']}; documents: "
        f"{len(final)}/{len(reference)} stored once each; documents lost: {figures['lost']}"
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=6)
    parser.add_argument("--documents", type=int, default=120)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--postgresql", action="store_true", help="kill ingests into PostgreSQL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="warledger-kill-") as work:
        if not args.postgresql:
            figures = run(args.kills, args.documents, args.seed, Path(work))
        else:
            sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
            from tests.postgres_server import PostgresServer

            with PostgresServer(durable=True) as server:
                figures = run(
                    args.kills, args.documents, args.seed, Path(work), postgresql=server.url
                )
    return 1 if figures["breaches"] or figures["lost"] else 0


if __name__ == "__main__":
    sys.exit(main())
