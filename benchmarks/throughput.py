"""Throughput: documents/s, words/s and peak memory of bare spaCy and of warledger.

Runs four configurations on the same news articles (/work/shared/data/news: Guardian and BBC
texts, `--limit` documents from each file): bare `nlp.pipe` of the same spaCy model, and
warledger's `extract_documents`, each with 1 and 2 processes. Each configuration runs in a fresh
Python process, so its peak memory is its own: peak RSS from `resource.getrusage` (ru_maxrss) of
the process itself (RUSAGE_SELF) and of its largest worker process (RUSAGE_CHILDREN). Model loading
is excluded from the timings; words are whitespace-separated tokens of the input text. Besides
wall-clock time, each run records the CPU seconds of the process and its workers (user + system,
from `getrusage`), which the machine's other load disturbs much less: on a shared machine compare
the CPU-based ratio.

    python benchmarks/throughput.py [--limit N] [--json FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

NEWS_FILES = {
    "guardian_sdf_sample_2017-2019.csv": ("text", "date"),
    "bbc_news_train_1490.csv": ("Text", None),
}
CONFIGS = [("bare", 1), ("bare", 2), ("warledger", 1), ("warledger", 2)]
BATCH_SIZE = 16


def news_rows(data: Path, limit: int) -> list[tuple[str, str | None]]:
    """(text, published) of the first `limit` articles of each news file."""
    csv.field_size_limit(sys.maxsize)
    rows: list[tuple[str, str | None]] = []
    for name, (text_column, date_column) in NEWS_FILES.items():
        path = data / "news" / name
        if not path.is_file():
            raise SystemExit(f"throughput: {path} not found (set WARLEDGER_EVAL_DATA)")
        with path.open(encoding="utf-8", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                if i >= limit:
                    break
                rows.append((row[text_column], row.get(date_column) if date_column else None))
    return rows


def peak_rss_mb() -> dict[str, float]:
    """Peak resident memory (MB) of this process and of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_main_mb": round(own, 1), "peak_rss_worker_mb": round(children, 1)}


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished (reaped) children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def reap_workers() -> None:
    """Wait until spaCy's worker processes have exited, so that their CPU time is counted."""
    while multiprocessing.active_children():
        time.sleep(0.05)


def run_one(kind: str, n_process: int, limit: int) -> dict[str, Any]:
    """One configuration, in this process: load, warm up, then time the whole sample."""
    from warledger.document import Document
    from warledger.settings import Settings

    settings = Settings.load()
    rows = news_rows(settings.eval_data, limit)
    words = sum(len(text.split()) for text, _ in rows)
    if kind == "bare":
        import spacy

        nlp = spacy.load(settings.spacy_model)
        list(nlp.pipe([rows[0][0]]))
        start, cpu_start = time.perf_counter(), cpu_seconds()
        count = sum(
            1 for _ in nlp.pipe((t for t, _ in rows), batch_size=BATCH_SIZE, n_process=n_process)
        )
    else:
        from warledger.extractors.run import extract_documents
        from warledger.nlp import load_nlp

        nlp = load_nlp()
        documents = [Document.make(text, published=published) for text, published in rows]
        list(extract_documents(documents[:1], nlp))
        start, cpu_start = time.perf_counter(), cpu_seconds()
        reports = extract_documents(documents, nlp, batch_size=BATCH_SIZE, n_process=n_process)
        count = sum(1 for _ in reports)
    seconds = time.perf_counter() - start
    reap_workers()
    cpu = cpu_seconds() - cpu_start
    return {
        "config": kind,
        "processes": n_process,
        "documents": count,
        "words": words,
        "seconds": round(seconds, 2),
        "docs_per_s": round(count / seconds, 2),
        "words_per_s": round(words / seconds, 1),
        "cpu_seconds": round(cpu, 2),
        "words_per_cpu_s": round(words / cpu, 1),
        **peak_rss_mb(),
    }


def run_isolated(kind: str, n_process: int, limit: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--one", kind, str(n_process), "--limit", str(limit)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"throughput: {kind} x{n_process} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def ratios(results: list[dict[str, Any]]) -> dict[str, float]:
    """ours/bare words per second (wall clock) and per CPU second, for each process count."""
    result: dict[str, float] = {}
    for key, suffix in (("words_per_s", ""), ("words_per_cpu_s", "_cpu")):
        speed = {(r["config"], r["processes"]): r.get(key) for r in results}
        for n in (1, 2):
            ours, bare = speed.get(("warledger", n)), speed.get(("bare", n))
            if ours and bare:
                result[f"ours_over_bare_{n}p{suffix}"] = round(ours / bare, 3)
    return result


def table(results: list[dict[str, Any]], ratio: dict[str, float]) -> str:
    head = (
        "config",
        "procs",
        "docs",
        "words",
        "sec",
        "docs/s",
        "words/s",
        "cpu sec",
        "words/cpu s",
        "rss main MB",
        "rss worker MB",
    )
    lines = [head]
    for r in results:
        lines.append(
            (
                r["config"],
                str(r["processes"]),
                str(r["documents"]),
                str(r["words"]),
                f"{r['seconds']:.1f}",
                f"{r['docs_per_s']:.1f}",
                f"{r['words_per_s']:.0f}",
                f"{r['cpu_seconds']:.1f}",
                f"{r['words_per_cpu_s']:.0f}",
                f"{r['peak_rss_main_mb']:.0f}",
                f"{r['peak_rss_worker_mb']:.0f}",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = [
        "  ".join(cell.rjust(w) for cell, w in zip(line, widths, strict=True)) for line in lines
    ]
    text.insert(1, "-" * len(text[0]))
    text += [f"{name}: {value:.2f}" for name, value in ratio.items()]
    return "\n".join(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=50, help="articles per news file (default 50)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "PROCESSES"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), args.limit)))
        return 0
    results = []
    for kind, n_process in CONFIGS:
        print(f"throughput: {kind} with {n_process} process(es)...", file=sys.stderr, flush=True)
        results.append(run_isolated(kind, n_process, args.limit))
    ratio = ratios(results)
    if args.json:
        args.json.write_text(json.dumps({"results": results, "ratios": ratio}, indent=2) + "\n")
    print(table(results, ratio))
    return 0


if __name__ == "__main__":
    sys.exit(main())
