"""Cross-document resolution: accuracy on our story clusters, wrong merges on ACLED, and the time
and memory of `resolve` as the corpus grows.

    python benchmarks/resolve_bench.py gold [FOLDER ...]       # pairwise P/R per cluster folder
    python benchmarks/resolve_bench.py acled [CSV ...]         # distinct ACLED events merged together
    python benchmarks/resolve_bench.py news-jsonl /tmp/news.jsonl   # the news CSVs as JSON lines
    python benchmarks/resolve_bench.py news --db NEWS.duckdb   # time and peak memory: 1/4, 1/2, all
    python benchmarks/resolve_bench.py news-add --db NEWS.duckdb --add 10   # incremental re-run

`acled`: every row of an ACLED file is one event, so every merge of two rows' events (and every
"copy" link between two rows' notes) is wrong. The notes are extracted with no publication date, as
in `warledger evaluate acled`. `news`: NEWS.duckdb is a database the news set was ingested into
(`warledger ingest news.jsonl --db NEWS.duckdb`, the CSVs of ../shared/data/news turned into JSON
lines); each size (documents in id order, i.e. a uniform sample: ids are hashes) is copied to its own
database and resolved in a fresh process, twice: cold
(MinHash signatures computed) and warm (a re-run, signatures cached).
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PER_DOCUMENT = (
    "documents",
    "actors",
    "places",
    "sources",
    "statements",
    "events",
    "relations",
    "mentions",
)


HOLDOUT = ROOT / "benchmarks" / "clusters" / "kramatorsk"


def gold(folders: list[Path]) -> dict[str, object]:
    """Each folder of articles scored against its own gold.yaml, apart (default: the clusters
    the rules were built on, samples/clusters, and the held-out one, benchmarks/clusters/*)."""
    from warledger.evaluate.resolve import DEFAULT, evaluate_folder

    return {
        str(folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder): evaluate_folder(
            folder
        ).as_dict()
        for folder in folders or [DEFAULT, HOLDOUT]
    }


def acled(paths: list[Path]) -> dict[str, object]:
    from warledger.document import Document
    from warledger.ingest.into_store import ingest_into
    from warledger.resolve import resolve
    from warledger.store import Store

    csv.field_size_limit(sys.maxsize)
    results: dict[str, object] = {}
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        documents = [
            Document.make(
                row["notes"], outlet="ACLED", input=row["event_id_cnty"], url=row["event_id_cnty"]
            )
            for row in rows
            if row.get("notes", "").strip()
        ]
        rows_of: dict[str, list[str]] = defaultdict(list)
        for document in documents:
            rows_of[document.id].append(document.url or "")
        with Store.open(":memory:") as store:
            started = time.perf_counter()
            ingest_into(store, documents)
            extracted = time.perf_counter() - started
            started = time.perf_counter()
            summary = resolve(store)
            resolved = time.perf_counter() - started
            members = store.con.execute(
                "SELECT global_id, list(DISTINCT document_id) FROM event_members GROUP BY global_id "
                "HAVING count(DISTINCT document_id) > 1"
            ).fetchall()
            links = store.con.execute("SELECT document_id, original_id FROM doc_links").fetchall()
        merged_pairs = {
            tuple(sorted((ra, rb)))
            for _, docs in members
            for da, db in combinations(docs, 2)
            for ra in rows_of[da]
            for rb in rows_of[db]
        }
        linked_pairs = {
            tuple(sorted((ra, rb))) for a, b in links for ra in rows_of[a] for rb in rows_of[b]
        }
        involved = {r for pair in merged_pairs for r in pair}
        results[path.name] = {
            "rows": len(rows),
            "documents": len(rows_of),
            "rows_sharing_identical_notes": sum(len(v) for v in rows_of.values() if len(v) > 1),
            "global_events": summary.events,
            "event_merges": summary.event_merges,
            "wrongly_merged_row_pairs": len(merged_pairs),
            "rows_in_a_wrong_merge": len(involved),
            "share_of_rows_in_a_wrong_merge": round(len(involved) / max(1, len(rows_of)), 4),
            "notes_linked_as_copies": len(linked_pairs),
            "extract_seconds": round(extracted, 1),
            "resolve_seconds": round(resolved, 2),
            "examples": sorted(merged_pairs)[:10],
        }
    return results


NEWS_FILES = {
    "guardian_sdf_sample_2017-2019.csv": ("text", "date", "The Guardian"),
    "bbc_news_train_1490.csv": ("Text", None, "BBC"),
}


def news_jsonl(target: Path) -> int:
    """The news CSVs of ../shared/data/news as JSON lines `warledger ingest` reads (outside the repo)."""
    from warledger.settings import eval_data_dir

    csv.field_size_limit(sys.maxsize)
    count = 0
    with target.open("w", encoding="utf-8") as out:
        for name, (text, day, outlet) in NEWS_FILES.items():
            with (eval_data_dir() / "news" / name).open(encoding="utf-8", newline="") as handle:
                for i, row in enumerate(csv.DictReader(handle)):
                    record = {"text": row[text], "outlet": outlet, "url": f"news://{name}/{i}"}
                    if day and row.get(day):
                        record["published"] = row[day][:10]
                    out.write(json.dumps(record) + "\n")
                    count += 1
    return count


def _subset(source: Path, target: Path, share: float) -> int:
    import duckdb

    con = duckdb.connect(str(target))
    from warledger.store.migrate import migrate

    migrate(con)
    con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
    ids = [r[0] for r in con.execute("SELECT id FROM src.documents ORDER BY id").fetchall()]
    keep = ids[: max(1, round(len(ids) * share))]
    con.execute("CREATE TEMP TABLE keep AS SELECT unnest(?::VARCHAR[]) AS id", [keep])
    for table in PER_DOCUMENT:
        column = "id" if table == "documents" else "document_id"
        con.execute(
            f"INSERT INTO {table} SELECT * FROM src.{table} WHERE {column} IN (SELECT id FROM keep)"
        )
    con.close()
    return len(keep)


def _timed_resolve(db: Path, full: bool = False) -> dict[str, float]:
    """Run in a fresh process: resolve `db` and report wall and CPU time and peak memory."""
    out = subprocess.run(
        [sys.executable, __file__, "_resolve", str(db), *(["--full"] if full else [])],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def _add(source: Path, target: Path, ids: list[str]) -> None:
    import duckdb

    con = duckdb.connect(str(target))
    con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
    for table in PER_DOCUMENT:
        column = "id" if table == "documents" else "document_id"
        con.execute(
            f"INSERT INTO {table} SELECT * FROM src.{table} WHERE list_contains(?, {column})", [ids]
        )
    con.close()


def _record(db: Path) -> dict[str, list[str]]:
    from warledger.resolve.incremental import comparable, normal_rows
    from warledger.store import Store

    with Store.open(db) as store:
        return {
            t: sorted(comparable(r) for r in normal_rows(store.resolution_rows(t)))
            for t in Store.RESOLVED_TABLES
        }


def news_add(db: Path, add: int) -> dict[str, object]:
    """The news set less `add` documents resolved; then the `add` documents stored and resolved
    again (incremental), against a full rebuild of the same database (same record?)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    ids = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY id").fetchall()]
    con.close()
    rng_ids = ids[:: max(1, len(ids) // add)][:add]  # spread over the id order: a uniform sample
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "news.duckdb"
        _subset(db, target, 1.0)
        con = duckdb.connect(str(target))
        for table in PER_DOCUMENT:
            column = "id" if table == "documents" else "document_id"
            con.execute(f"DELETE FROM {table} WHERE list_contains(?, {column})", [rng_ids])
        con.close()
        first = _timed_resolve(target)
        unchanged = _timed_resolve(target)
        _add(db, target, rng_ids)
        added = _timed_resolve(target)
        incremental = _record(target)
        full = _timed_resolve(target, full=True)
        same = _record(target) == incremental
    return {
        "documents": len(ids),
        "added": len(rng_ids),
        "first_run": first,
        "rerun_nothing_new": unchanged,
        "rerun_after_adding": added,
        "full_rebuild": full,
        "incremental_equals_full": same,
    }


def news(db: Path, shares: list[float]) -> dict[str, object]:
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for share in shares:
            target = Path(tmp) / f"news_{share}.duckdb"
            documents = _subset(db, target, share)
            cold = _timed_resolve(target)
            warm = _timed_resolve(target)
            results[f"{share:g}"] = {"documents": documents, "cold": cold, "warm": warm}
    return results


def _resolve(db: Path, full: bool = False) -> None:
    from warledger.kb import load_kb
    from warledger.resolve import resolve
    from warledger.store import Store

    kb = load_kb()  # loading the knowledge base is not resolution work
    with Store.open(db) as store:
        events = store.count("events")
        started, cpu = time.perf_counter(), time.process_time()
        summary = resolve(store, kb=kb, full=full)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": round(seconds, 2),
                "cpu_seconds": round(cpu, 2),
                "peak_rss_mb": round(peak_mb),
                "events_merged_again": summary.redone,
                "events": events,
                "global_events": summary.events,
                "copies": summary.copies,
                "actors": summary.actors,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "what", choices=["gold", "acled", "news", "news-add", "news-jsonl", "_resolve"]
    )
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--db", help="news: the database the news set was ingested into")
    parser.add_argument("--shares", default="0.25,0.5,1", help="news: corpus shares to time")
    parser.add_argument("--add", type=int, default=10, help="news-add: documents added")
    parser.add_argument("--full", action="store_true", help="_resolve: a full rebuild")
    args = parser.parse_args()
    if args.what == "_resolve":
        _resolve(Path(args.paths[0]), args.full)
        return
    if args.what == "news-jsonl":
        print(news_jsonl(Path(args.paths[0] if args.paths else "/tmp/news.jsonl")), "articles")
        return
    if args.what == "gold":
        result: object = gold([Path(p).resolve() for p in args.paths])
    elif args.what == "acled":
        from warledger.settings import eval_data_dir

        paths = [Path(p) for p in args.paths] or [
            eval_data_dir() / "acled" / "dev_libya_syria_2020.csv"
        ]
        result = acled(paths)
    else:
        if not args.db:
            raise SystemExit("news: give --db, a database the news set was ingested into")
        if args.what == "news-add":
            result = news_add(Path(args.db), args.add)
        else:
            result = news(Path(args.db), [float(s) for s in args.shares.split(",")])
    print(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main()
