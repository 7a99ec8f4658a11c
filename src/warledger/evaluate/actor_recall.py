"""Actor recall on ACLED rows: how often the row's actor1 / actor2 ACLED name is among the
`acled_name`s of the actors found in its notes.

An upper bound for role filling (the events stage must still pick the right actor for the right
role). Only the actor stage runs, so the figure is quick to get on thousands of rows.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from warledger.document import Document
from warledger.extractors.actors.find import find_actors
from warledger.extractors.context import Context
from warledger.settings import eval_data_dir

DEFAULT = Path("acled") / "dev_libya_syria_2020.csv"


@dataclass
class Recall:
    rows: int = 0
    found: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    missed: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, column: str, gold: str, names: set[str]) -> None:
        if not gold:
            return
        self.gold[column] += 1
        if gold in names:
            self.found[column] += 1
        else:
            self.missed[(column, gold)] += 1

    def share(self, column: str) -> float:
        return self.found[column] / self.gold[column] if self.gold[column] else 0.0


def read_rows(path: Path, sample: int | None, seed: int = 13) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows = [{k.lower(): v for k, v in row.items()} for row in rows]
    if sample and sample < len(rows):
        rows = random.Random(seed).sample(rows, sample)
    return rows


def measure(rows: list[dict[str, str]]) -> Recall:
    from warledger.nlp import load_nlp

    nlp = load_nlp()
    result = Recall()
    notes = [row.get("notes", "") for row in rows]
    for row, doc in zip(rows, nlp.pipe(notes, batch_size=64), strict=True):
        ctx = Context(document=Document.make(doc.text), doc=doc)
        names = {a.acled_name for a in find_actors(ctx) if a.acled_name}
        result.rows += 1
        for column in ("actor1", "actor2"):
            result.add(column, (row.get(column) or "").strip(), names)
    return result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path", nargs="?", type=Path, default=None, help="an ACLED CSV (default: the dev set)"
    )
    parser.add_argument("--sample", type=int, default=None, help="score a random sample of N rows")
    parser.add_argument("--misses", type=int, default=15, help="list the N most frequent misses")


def run(args: argparse.Namespace) -> int:
    path = args.path or eval_data_dir() / DEFAULT
    if not path.exists():
        print(f"warledger: ACLED file not found: {path}", file=sys.stderr)
        return 1
    result = measure(read_rows(path, args.sample))
    print(f"{path.name}: {result.rows} rows")
    for column in ("actor1", "actor2"):
        print(
            f"  {column}: {result.found[column]}/{result.gold[column]} = {result.share(column):.3f}"
        )
    for (column, name), count in result.missed.most_common(args.misses):
        print(f"  missed {column} {count:>4}  {name}")
    return 0
