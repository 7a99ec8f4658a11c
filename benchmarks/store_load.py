"""Store load: documents/s writing the same reports into DuckDB and into PostgreSQL.

Reports are extracted once (news articles of ../shared/data/news, or the bundled samples when it
is absent), then copied `--copies` times under new ids (a line appended to the text, so every
span still holds), then stored with `Store.save_many` in batches of `--batch` documents, as
`warledger ingest` stores them:

- DuckDB, a new file, 1 writer (a DuckDB file has one writer process at a time);
- PostgreSQL, a new database, 1 writer, then 2 writer processes at once, each storing half.

PostgreSQL is a throwaway server (tests/postgres_server.py) with its durable defaults (fsync on),
or `--pg-url` for one of yours. Figures: wall-clock time, and CPU time of the writers and of the
PostgreSQL server's processes (the machine's other load disturbs CPU time much less).

    python benchmarks/store_load.py [--articles 200] [--copies 5] [--batch 32] [--json FILE]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

TICKS = os.sysconf("SC_CLK_TCK")


def reports(articles: int, copies: int) -> list[tuple[Any, Any]]:
    """(Document, Report) pairs: `articles` extracted once, each stored `copies` times."""
    from scaling import news_texts

    from warledger.document import Document
    from warledger.extractors.run import extract_documents
    from warledger.ingest.read import read_inputs
    from warledger.nlp import load_nlp
    from warledger.settings import eval_data_dir

    texts = [t for t in news_texts(eval_data_dir()) if len(t) > 200][:articles]
    if not texts:
        texts = [
            item.text
            for item in read_inputs([ROOT / "samples"])
            if isinstance(item, Document) and len(item.text) > 200
        ]
    documents = [Document.make(text) for text in texts]
    extracted = list(zip(documents, extract_documents(documents, load_nlp()), strict=True))
    pairs = []
    for copy in range(copies):
        for document, report in extracted:
            if copy == 0:
                pairs.append((document, report))
                continue
            again = Document.make(document.text + f"\n\nCopy {copy}.")
            info = dataclasses.replace(report.document, id=again.id, chars=len(again.text))
            pairs.append((again, dataclasses.replace(report, document=info)))
    return pairs


def write(target: str, pairs: list[tuple[Any, Any]], batch: int) -> float:
    """Store `pairs` in batches; this process's CPU seconds."""
    from warledger.store import Store

    started = time.process_time()
    with Store.open(target) as store:
        for start in range(0, len(pairs), batch):
            store.save_many(pairs[start : start + batch])
    return time.process_time() - started


def _writer(target: str, pairs: list[tuple[Any, Any]], batch: int, out: Any) -> None:
    out.put(write(target, pairs, batch))


def server_cpu(pid: int | None) -> float:
    """CPU seconds of the PostgreSQL server: the postmaster, its live children and the reaped."""
    if pid is None:
        return 0.0
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        parent = int(fields[1])
        if int(entry.name) == pid:
            total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
        elif parent == pid:
            total += int(fields[11]) + int(fields[12])
    return total / TICKS


def measure(target: str, pairs: list[tuple[Any, Any]], batch: int, writers: int,
            server_pid: int | None) -> dict[str, Any]:  # fmt: skip
    from warledger.store import Store

    Store.open(target).close()  # schema built outside the timing
    before = server_cpu(server_pid)
    started = time.perf_counter()
    if writers == 1:
        client = write(target, pairs, batch)
    else:
        ctx = multiprocessing.get_context("fork")
        out = ctx.Queue()
        procs = [
            ctx.Process(target=_writer, args=(target, pairs[i::writers], batch, out))
            for i in range(writers)
        ]
        for proc in procs:
            proc.start()
        client = sum(out.get() for _ in procs)
        for proc in procs:
            proc.join()
    wall = time.perf_counter() - started
    time.sleep(0.3)  # let the postmaster reap the backends
    server = server_cpu(server_pid) - before
    with Store.open(target) as store:
        stored = store.count("documents")
        rows = sum(
            store.count(t)
            for t in ("actors", "places", "statements", "events", "relations", "mentions")
        )
    assert stored == len(pairs), (stored, len(pairs))
    return {
        "documents": stored,
        "rows": rows + stored,
        "writers": writers,
        "wall_s": round(wall, 2),
        "docs_per_s": round(stored / wall, 1),
        "client_cpu_s": round(client, 2),
        "server_cpu_s": round(server, 2),
        "docs_per_cpu_s": round(stored / (client + server), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--pg-url", help="an empty PostgreSQL database (default: a throwaway one)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    from tests.postgres_server import PostgresServer, missing_reason

    started = time.perf_counter()
    pairs = reports(args.articles, args.copies)
    print(
        f"{len(pairs)} documents ({args.articles} articles x {args.copies}) extracted in "
        f"{time.perf_counter() - started:.0f} s; load {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores",
        file=sys.stderr,
    )
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["duckdb, 1 writer"] = measure(
            str(Path(tmp) / "load.duckdb"), pairs, args.batch, 1, None
        )
    if args.pg_url:
        results["postgresql, 1 writer"] = measure(args.pg_url, pairs, args.batch, 1, None)
    elif missing_reason():
        print(f"PostgreSQL skipped: {missing_reason()}", file=sys.stderr)
    else:
        for writers in (1, 2):
            with PostgresServer(durable=True) as server:
                pid = int((server.data / "postmaster.pid").read_text().split()[0])
                results[f"postgresql, {writers} writer{'s' * (writers > 1)}"] = measure(
                    server.url, pairs, args.batch, writers, pid
                )
    print(
        f"{'store':<24} {'docs':>6} {'rows':>8} {'wall s':>7} {'docs/s':>7} "
        f"{'client CPU s':>12} {'server CPU s':>12} {'docs/CPU s':>10}"
    )
    for name, r in results.items():
        print(
            f"{name:<24} {r['documents']:>6} {r['rows']:>8} {r['wall_s']:>7} "
            f"{r['docs_per_s']:>7} {r['client_cpu_s']:>12} {r['server_cpu_s']:>12} "
            f"{r['docs_per_cpu_s']:>10}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
