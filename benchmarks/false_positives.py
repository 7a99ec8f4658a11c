"""False-positive rate: events per article on non-conflict news.

Reads the BBC news file (bbc_news_train_1490.csv under the evaluation data, WARLEDGER_EVAL_DATA),
keeps the articles whose category is neither politics nor world (sport, business, tech,
entertainment), takes a fixed random sample (`--sample`, `--seed`) and runs `extract_documents`
over it. Every event found there is a false positive; the script prints events/article, how many
articles have any event, and each event's type with its trigger text and sentence.

    python benchmarks/false_positives.py [--sample 200] [--seed 0] [--quiet]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter

from warledger.document import Document
from warledger.extractors.events.triggers import find_triggers
from warledger.extractors.run import extract_documents
from warledger.nlp import load_nlp
from warledger.settings import eval_data_dir

CONFLICT_CATEGORIES = {"politics", "world"}


def sample_articles(size: int, seed: int) -> list[tuple[str, str]]:
    """(ArticleId, Text) of a fixed sample of the non-conflict BBC articles."""
    path = eval_data_dir() / "news" / "bbc_news_train_1490.csv"
    if not path.exists():
        sys.exit(f"no BBC news file at {path} (set WARLEDGER_EVAL_DATA)")
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            (row["ArticleId"], row["Text"])
            for row in csv.DictReader(handle)
            if row["Category"].strip().lower() not in CONFLICT_CATEGORIES
        ]
    rows.sort(key=lambda r: int(r[0]) if r[0].isdigit() else r[0])
    return random.Random(seed).sample(rows, min(size, len(rows)))


def _trigger_words(sentence: str) -> str:
    """The trigger phrases of an evidence sentence (re-parsed on its own), with their types."""
    doc = load_nlp()(sentence)
    return ", ".join(f"{doc[t.start : t.end].text}:{t.type}" for t in find_triggers(doc))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quiet", action="store_true", help="only the summary lines")
    args = parser.parse_args(argv)
    articles = sample_articles(args.sample, args.seed)
    documents = [Document.make(text) for _, text in articles]
    events = 0
    with_events = 0
    types: Counter[str] = Counter()
    for (article_id, _), report in zip(articles, extract_documents(documents), strict=True):
        if report.events:
            with_events += 1
        for event in report.events:
            events += 1
            types[event.type] += 1
            if not args.quiet:
                sentence = event.evidence[0].text if event.evidence else ""
                print(f"{article_id}\t{event.type}\t{_trigger_words(sentence)}\t{sentence[:160]}")
    n = len(articles)
    print(f"articles: {n}  events: {events}  events/article: {events / n:.3f}")
    print(f"articles with any event: {with_events} ({with_events / n:.1%})")
    print("by type: " + ", ".join(f"{t} {k}" for t, k in types.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
