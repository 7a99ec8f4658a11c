"""Batch on Dask: throughput with 1 and 2 workers, memory per worker, and Dask's overhead.

On the news files (/work/shared/data/news: the first `--limit` articles of the Guardian and of the
BBC file, written as JSON lines to a temporary folder), four configurations, each in a fresh
Python process, one after the other:

- `bare`: `nlp.pipe` of the plain spaCy model (the floor: parsing alone);
- `extract`: warledger's `extract_documents` in one process, n_process=1 (what each worker runs);
- `batch1`, `batch2`: `warledger batch` (run_batch) on a LocalCluster of 1 and 2 worker processes.

Wall time of the batch runs includes starting the cluster and each worker's loading of the model
and knowledge base (`start-up` is that cost, measured in `extract` as the CPU of load_nlp +
warm_up); `bare` and `extract` exclude model loading. CPU seconds (user + system, getrusage of the
process and of its finished children: the workers) are disturbed much less by the machine's other
load than wall time: on a shared machine compare CPU. Dask's overhead is the batch run's total CPU
(driver and workers) less the workers' start-up, over `extract`'s CPU for the same documents.
Memory per worker is the peak RSS of the largest worker process (ru_maxrss of RUSAGE_CHILDREN).
The 2-worker output is then loaded into a new DuckDB file (`load`): the store's rate and size.

    python benchmarks/batch.py [--limit 50] [--json FILE]
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
from pathlib import Path
from typing import Any

NEWS_FILES = {  # file: (text column, date column, outlet)
    "guardian_sdf_sample_2017-2019.csv": ("text", "date", "The Guardian"),
    "bbc_news_train_1490.csv": ("Text", None, "BBC"),
}
CONFIGS = ("bare", "extract", "batch1", "batch2")
PARTITION_SIZE = 10


def write_jsonl(data: Path, limit: int, target: Path) -> int:
    csv.field_size_limit(sys.maxsize)
    count = 0
    with target.open("w", encoding="utf-8") as out:
        for name, (text, day, outlet) in NEWS_FILES.items():
            with (data / "news" / name).open(encoding="utf-8", newline="") as handle:
                for i, row in zip(range(limit), csv.DictReader(handle), strict=False):
                    record = {"text": row[text], "outlet": outlet, "url": f"news://{name}/{i}"}
                    if day and row.get(day):
                        record["published"] = row[day][:10]
                    out.write(json.dumps(record) + "\n")
                    count += 1
    return count


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _documents(jsonl: Path) -> list[Any]:
    from warledger.ingest.read import read_inputs

    return [item for item in read_inputs([jsonl]) if not isinstance(item, Exception)]


def run_config(config: str, jsonl: Path, work: Path) -> dict[str, Any]:
    documents = _documents(jsonl)
    figures: dict[str, Any] = {"config": config, "documents": len(documents)}
    if config == "bare":
        import spacy

        from warledger.settings import SPACY_MODEL

        nlp = spacy.load(SPACY_MODEL)
        started, cpu = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
        for _ in nlp.pipe((d.text for d in documents), batch_size=16):
            pass
    elif config == "extract":
        from warledger.extractors.run import extract_documents
        from warledger.limits import warm_up
        from warledger.nlp import load_nlp

        nlp = load_nlp()
        warm_up(nlp)
        # a fresh process's start-up: the interpreter, imports, model, knowledge base, gazetteer
        figures["startup_cpu_s"] = round(_cpu(resource.RUSAGE_SELF), 2)
        started, cpu = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
        for _ in extract_documents(documents, nlp, 16):
            pass
    else:
        from warledger.batch.run import run_batch

        workers = int(config.removeprefix("batch"))
        started, cpu = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
        summary = run_batch([jsonl], work / config, workers=workers, partition_size=PARTITION_SIZE)
        if summary.failed or summary.documents != len(documents):
            raise SystemExit(
                f"batch: {summary.failed or summary.documents} (expected {len(documents)})"
            )
        figures["workers_cpu_s"] = round(_cpu(resource.RUSAGE_CHILDREN), 2)
        figures["driver_cpu_s"] = round(_cpu(resource.RUSAGE_SELF) - cpu, 2)
        figures["extraction_cpu_s"] = round(sum(e.cpu_seconds for e in summary.entries), 2)
        figures["peak_rss_worker_mb"] = round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        )
        parquet = sum(p.stat().st_size for p in (work / config).rglob("*.parquet"))
        figures["parquet_kb_per_doc"] = round(parquet / 1024 / len(documents), 1)
        if workers == 2:
            figures |= _load(work / config, work / "loaded.duckdb", len(documents))
    figures["wall_s"] = round(time.perf_counter() - started, 2)
    figures["cpu_s"] = round(_cpu(resource.RUSAGE_SELF) - cpu + _cpu(resource.RUSAGE_CHILDREN), 2)
    figures["docs_per_s"] = round(len(documents) / figures["wall_s"], 2)
    figures["peak_rss_main_mb"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
    )
    return figures


def _load(out: Path, db: Path, documents: int) -> dict[str, Any]:
    """`warledger load` of the batch's output into a new DuckDB file: the store's side."""
    from warledger.batch.load import load_batch
    from warledger.store import Store

    started, cpu = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
    with Store.open(db) as store:
        summary = load_batch(store, out)
    if summary.stored != documents:
        raise SystemExit(f"load: {summary.stored} documents stored, expected {documents}")
    wall = time.perf_counter() - started
    return {
        "load_wall_s": round(wall, 2),
        "load_cpu_s": round(_cpu(resource.RUSAGE_SELF) - cpu, 2),
        "load_docs_per_s": round(documents / wall, 1),
        "duckdb_kb_per_doc": round(db.stat().st_size / 1024 / documents, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=50, help="articles per news file")
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument("--_config", help=argparse.SUPPRESS)
    parser.add_argument("--_jsonl", help=argparse.SUPPRESS)
    parser.add_argument("--_work", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._config:
        print(json.dumps(run_config(args._config, Path(args._jsonl), Path(args._work))))
        return 0
    from warledger.settings import eval_data_dir

    data = eval_data_dir()
    if not (data / "news").is_dir():
        print(f"batch: skipped, no news files under {data} (set WARLEDGER_EVAL_DATA)")
        return 0
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="warledger-batch-bench-") as work:
        jsonl = Path(work) / "news.jsonl"
        count = write_jsonl(data, args.limit, jsonl)
        print(f"batch: {count} news articles, partitions of {PARTITION_SIZE}")
        for config in CONFIGS:
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--_config",
                    config,
                    "--_jsonl",
                    str(jsonl),
                    "--_work",
                    work,
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            results[config] = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"  {config}: {results[config]}")
    bare, extract = results["bare"], results["extract"]
    one, two = results["batch1"], results["batch2"]
    startup = extract["startup_cpu_s"]
    for name, run in (("batch1", one), ("batch2", two)):
        workers = int(name.removeprefix("batch"))
        dask_cpu = run["cpu_s"] - workers * startup
        run["overhead_cpu"] = round(dask_cpu / extract["cpu_s"] - 1, 3)
    print(
        f"throughput (docs/s, wall incl. start-up): bare spaCy {bare['docs_per_s']}, extract in one "
        f"process {extract['docs_per_s']}, batch 1 worker {one['docs_per_s']}, 2 workers "
        f"{two['docs_per_s']}"
    )
    print(
        f"2 workers / 1 worker: {two['docs_per_s'] / one['docs_per_s']:.2f}x wall; "
        f"batch 2 workers / bare spaCy: {two['docs_per_s'] / bare['docs_per_s']:.2f}x; "
        f"CPU ms/doc: bare {1000 * bare['cpu_s'] / bare['documents']:.0f}, extract "
        f"{1000 * extract['cpu_s'] / extract['documents']:.0f}, extraction in workers "
        f"{1000 * two['extraction_cpu_s'] / two['documents']:.0f}"
    )
    print(
        f"Dask overhead (CPU over extract in one process, workers' start-up of {startup} s each "
        f"left out): 1 worker {one['overhead_cpu']:+.1%}, 2 workers {two['overhead_cpu']:+.1%}; "
        f"peak memory per worker: {one['peak_rss_worker_mb']} MB (1), {two['peak_rss_worker_mb']} MB (2)"
    )
    print(
        f"Parquet: {two['parquet_kb_per_doc']} kB per document; load into DuckDB: "
        f"{two['load_docs_per_s']} docs/s ({1000 * two['load_cpu_s'] / two['documents']:.0f} CPU "
        f"ms/doc), {two['duckdb_kb_per_doc']} kB per document in the file"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
