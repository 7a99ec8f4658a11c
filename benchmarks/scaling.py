"""Length scaling: words/s of bare spaCy and of warledger on documents of growing length.

The same news text (/work/shared/data/news: Guardian then BBC articles, in file order) is cut into
documents of about 500, 1,000, 2,000, 4,000 and 8,000 words (whole articles joined by blank lines
until the length is reached, then cut after the last word that fits), `--words` words in all at
every size, so each size reads the same text. Both pipelines run in this one process, one size
after the other, bare `nlp.pipe` then warledger's `extract_documents`, each over the same
documents in the same batches (`extractors.run.word_batches`: at most 16 documents and about 8,000
words, as `extract_documents` parses them; spaCy itself gets faster per word in bigger batches, so
a bare run over 16 documents of 8,000 words would compare a different parse): the ratio ours/bare
at each size is measured side by side, by the wall clock and by the process's CPU time (which the
machine's other load disturbs much less). If every stage is linear in the document's length the
ratio is the same at every size.

    python benchmarks/scaling.py [--words N] [--sizes 500,1000,...] [--json FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

SIZES = (500, 1_000, 2_000, 4_000, 8_000)
NEWS_FILES = {
    "guardian_sdf_sample_2017-2019.csv": "text",
    "bbc_news_train_1490.csv": "Text",
}
BATCH_SIZE = 16
_WORD = re.compile(r"\S+")


def news_texts(data: Path) -> list[str]:
    """Every article of the news files, in file order; [] when the files are missing."""
    csv.field_size_limit(sys.maxsize)
    texts: list[str] = []
    for name, column in NEWS_FILES.items():
        path = data / "news" / name
        if not path.is_file():
            return []
        with path.open(encoding="utf-8", newline="") as handle:
            texts += [row[column].strip() for row in csv.DictReader(handle) if row[column].strip()]
    return texts


def documents_of(texts: list[str], size: int, total: int) -> list[str]:
    """Documents of `size` words cut from the articles, `total` words in all."""
    stream = "\n\n".join(texts)
    ends = [m.end() for m in _WORD.finditer(stream)]
    documents: list[str] = []
    start_word = 0
    while start_word + size <= min(total, len(ends)):
        begin = 0 if start_word == 0 else ends[start_word - 1]
        documents.append(stream[begin : ends[start_word + size - 1]].strip())
        start_word += size
    return documents


def words_of(documents: list[str]) -> int:
    return sum(len(d.split()) for d in documents)


def measure(sizes: tuple[int, ...], total: int, data: Path) -> list[dict[str, Any]]:
    import spacy

    from warledger.document import Document
    from warledger.extractors.run import extract_documents, word_batches
    from warledger.nlp import load_nlp
    from warledger.settings import SPACY_MODEL

    texts = news_texts(data)
    if not texts:
        raise SystemExit(f"scaling: news files not found under {data} (set WARLEDGER_EVAL_DATA)")
    bare = spacy.load(SPACY_MODEL)
    nlp = load_nlp()
    warm = documents_of(texts, 300, 300)
    list(bare.pipe(warm))
    list(extract_documents([Document.make(t) for t in warm], nlp))
    rows: list[dict[str, Any]] = []
    for size in sizes:
        documents = documents_of(texts, size, total)
        words = words_of(documents)
        start, cpu = time.perf_counter(), time.process_time()
        for batch in word_batches(documents, BATCH_SIZE, str):
            for _ in bare.pipe(batch, batch_size=len(batch)):
                pass
        bare_seconds = time.perf_counter() - start
        bare_cpu = time.process_time() - cpu
        made = [Document.make(t) for t in documents]
        start, cpu = time.perf_counter(), time.process_time()
        for _ in extract_documents(made, nlp, batch_size=BATCH_SIZE):
            pass
        ours_seconds = time.perf_counter() - start
        ours_cpu = time.process_time() - cpu
        rows.append(
            {
                "size": size,
                "documents": len(documents),
                "words": words,
                "bare_words_per_s": round(words / bare_seconds, 1),
                "ours_words_per_s": round(words / ours_seconds, 1),
                "ratio": round(bare_seconds / ours_seconds, 3),
                "ratio_cpu": round(bare_cpu / ours_cpu, 3),
            }
        )
        print(f"scaling: {size} words done ({rows[-1]['ratio']:.2f})", file=sys.stderr, flush=True)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    head = f"{'words/doc':>9}  {'docs':>4}  {'words':>6}  {'bare w/s':>8}  {'ours w/s':>8}"
    lines = [f"{head}  ratio  ratio (cpu)"]
    lines.append("-" * len(lines[0]))
    for r in rows:
        lines.append(
            f"{r['size']:>9}  {r['documents']:>4}  {r['words']:>6}  "
            f"{r['bare_words_per_s']:>8.0f}  {r['ours_words_per_s']:>8.0f}  {r['ratio']:.2f}"
            f"   {r['ratio_cpu']:.2f}"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        lines.append(
            f"ratio at {last['size']} words minus ratio at {first['size']} words: "
            f"{last['ratio'] - first['ratio']:+.2f} (cpu {last['ratio_cpu'] - first['ratio_cpu']:+.2f})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--words", type=int, default=16_000, help="words at each size (default 16,000)"
    )
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in SIZES),
        help="document lengths in words, comma-separated",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    from warledger.settings import eval_data_dir

    data = eval_data_dir()
    if not (data / "news").is_dir():
        print(f"scaling: skipped, no news files under {data} (set WARLEDGER_EVAL_DATA)")
        return 0
    sizes = tuple(int(s) for s in args.sizes.split(","))
    rows = measure(sizes, args.words, data)
    if args.json:
        args.json.write_text(json.dumps({"rows": rows}, indent=2) + "\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
