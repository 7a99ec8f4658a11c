"""Throughput: documents/s, words/s and peak memory of bare spaCy and of warledger; start-up time.

Runs four configurations on each of two samples of news articles (/work/shared/data/news):
`mixed`, the first `--limit` articles of the Guardian and of the BBC file, and `long`, the
`--long` longest Guardian articles (by words); bare `nlp.pipe` of the same spaCy model, and
warledger's `extract_documents`, each with 1 and 2 processes, the four one after the other so that
their ratios are measured side by side. Each configuration runs in a fresh
Python process, so its peak memory is its own: peak RSS from `resource.getrusage` (ru_maxrss) of
the process itself (RUSAGE_SELF) and of its largest worker process (RUSAGE_CHILDREN). Model loading
is excluded from the timings (start-up is measured on its own: a fresh process loading the
knowledge base, the gazetteer and the pipeline with its name tables, after one run has filled the
caches); words are whitespace-separated tokens of the input text. Besides
wall-clock time, each run records the CPU seconds of the process and its workers (user + system,
from `getrusage`), which the machine's other load disturbs much less: on a shared machine compare
the CPU-based ratio.

    python benchmarks/throughput.py [--limit N] [--long N] [--corpus mixed,long] [--json FILE]
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
LONG_FILE = "guardian_sdf_sample_2017-2019.csv"
CONFIGS = [("bare", 1), ("bare", 2), ("warledger", 1), ("warledger", 2)]
CORPORA = ("mixed", "long")
BATCH_SIZE = 16


def news_rows(data: Path, limit: int) -> list[tuple[str, str | None]]:
    """(text, published) of the first `limit` articles of each news file."""
    rows: list[tuple[str, str | None]] = []
    for name, (text_column, date_column) in NEWS_FILES.items():
        for i, row in enumerate(_read(data / "news" / name)):
            if i >= limit:
                break
            rows.append((row[text_column], row.get(date_column) if date_column else None))
    return rows


def long_rows(data: Path, count: int) -> list[tuple[str, str | None]]:
    """(text, published) of the `count` longest Guardian articles (by words), longest first."""
    text_column, date_column = NEWS_FILES[LONG_FILE]
    rows = [(r[text_column], r[date_column or ""]) for r in _read(data / "news" / LONG_FILE)]
    rows.sort(key=lambda r: -len(r[0].split()))  # stable: equal lengths keep file order
    return rows[:count]


def corpus_rows(data: Path, corpus: str, limit: int, count: int) -> list[tuple[str, str | None]]:
    return long_rows(data, count) if corpus == "long" else news_rows(data, limit)


def _read(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    if not path.is_file():
        raise SystemExit(f"throughput: {path} not found (set WARLEDGER_EVAL_DATA)")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


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


def run_one(kind: str, n_process: int, corpus: str, limit: int, count: int) -> dict[str, Any]:
    """One configuration, in this process: load, warm up, then time the whole sample."""
    from warledger.document import Document
    from warledger.settings import Settings

    settings = Settings.load()
    rows = corpus_rows(settings.eval_data, corpus, limit, count)
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
        "corpus": corpus,
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


def run_isolated(kind: str, n_process: int, corpus: str, limit: int, count: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--one", kind, str(n_process), "--corpus", corpus]
    command += ["--limit", str(limit), "--long", str(count)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"throughput: {kind} x{n_process} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def startup() -> dict[str, float]:
    """Seconds a fresh process takes to load the knowledge base, the gazetteer and the pipeline
    (spaCy's model and warledger's components with their name tables), and its peak memory."""
    start = time.perf_counter()
    from warledger.kb.gazetteer import load_gazetteer
    from warledger.kb.load import load_kb
    from warledger.nlp import load_nlp

    imported = time.perf_counter()
    load_kb()
    kb = time.perf_counter()
    load_gazetteer()
    gazetteer = time.perf_counter()
    load_nlp()
    pipeline = time.perf_counter()
    return {
        "imports_s": round(imported - start, 2),
        "kb_s": round(kb - imported, 2),
        "gazetteer_s": round(gazetteer - kb, 2),
        "pipeline_s": round(pipeline - gazetteer, 2),
        "total_s": round(pipeline - start, 2),
        "peak_rss_mb": peak_rss_mb()["peak_rss_main_mb"],
    }


def startup_isolated() -> dict[str, float]:
    """Start-up in a fresh process, after one process has filled the caches."""
    command = [sys.executable, __file__, "--startup"]
    for _ in range(2):
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"throughput: start-up failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def ratios(results: list[dict[str, Any]]) -> dict[str, float]:
    """ours/bare words per second (wall clock) and per CPU second, for each corpus and process
    count."""
    result: dict[str, float] = {}
    for key, suffix in (("words_per_s", ""), ("words_per_cpu_s", "_cpu")):
        speed = {
            (r.get("corpus", "mixed"), r["config"], r["processes"]): r.get(key) for r in results
        }
        for corpus in CORPORA:
            for n in (1, 2):
                ours, bare = speed.get((corpus, "warledger", n)), speed.get((corpus, "bare", n))
                if ours and bare:
                    result[f"{corpus}_ours_over_bare_{n}p{suffix}"] = round(ours / bare, 3)
    return result


def table(results: list[dict[str, Any]], ratio: dict[str, float]) -> str:
    head = (
        "corpus",
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
                r.get("corpus", "mixed"),
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
    parser.add_argument(
        "--limit", type=int, default=50, help="mixed: articles per news file (default 50)"
    )
    parser.add_argument(
        "--long", type=int, default=60, help="long: the N longest Guardian articles (default 60)"
    )
    parser.add_argument(
        "--corpus", default=",".join(CORPORA), help="mixed, long or both (default mixed,long)"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "PROCESSES"), help=argparse.SUPPRESS)
    parser.add_argument("--startup", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.startup:
        print(json.dumps(startup()))
        return 0
    if args.one:
        print(
            json.dumps(run_one(args.one[0], int(args.one[1]), args.corpus, args.limit, args.long))
        )
        return 0
    from warledger.settings import eval_data_dir

    if not (eval_data_dir() / "news").is_dir():
        print(
            f"throughput: skipped, no news files under {eval_data_dir()} (set WARLEDGER_EVAL_DATA)"
        )
        return 0
    print("throughput: start-up...", file=sys.stderr, flush=True)
    started = startup_isolated()
    results = []
    for corpus in args.corpus.split(","):
        for kind, n_process in CONFIGS:
            print(
                f"throughput: {corpus}, {kind} with {n_process} process(es)...",
                file=sys.stderr,
                flush=True,
            )
            results.append(run_isolated(kind, n_process, corpus, args.limit, args.long))
    ratio = ratios(results)
    if args.json:
        args.json.write_text(
            json.dumps({"startup": started, "results": results, "ratios": ratio}, indent=2) + "\n"
        )
    print(table(results, ratio))
    print(
        f"start-up (fresh process, caches filled): {started['total_s']:.2f} s "
        f"(imports {started['imports_s']:.2f}, knowledge base {started['kb_s']:.2f}, "
        f"gazetteer {started['gazetteer_s']:.2f}, pipeline and name tables "
        f"{started['pipeline_s']:.2f}); peak RSS {started['peak_rss_mb']:.0f} MB"
    )
    peak = max(
        (
            r["peak_rss_main_mb"]
            for r in results
            if r["config"] == "warledger" and r["processes"] == 1
        ),
        default=0.0,
    )
    print(f"peak RSS of one extraction process: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
