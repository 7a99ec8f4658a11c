"""`warledger evaluate acled [CSV ...]`: score the system on ACLED rows, the note as the only input.

Each row's `notes` text is extracted (no publication date, no country hint) and the system event
chosen by `acled_system.compared_event` is compared with the row (see `acled_score`). For each
file it prints a table (figure, value, n), then one line per country and the mean over countries
with at least `--min-rows` rows (`acled_countries`); JSON with `--json`. `--errors FILE` writes one
JSON line per row (row id, note, gold, system with all its events, checks, disagreeing fields) for
review, of every file given. Without a CSV it scores both development sets.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import track
from spacy.language import Language

from warledger.document import Document
from warledger.errors import EvaluationDataMissing
from warledger.evaluate.acled_countries import (
    MIN_ROWS,
    CountryFigures,
    by_country,
    country_mean,
    format_countries,
)
from warledger.evaluate.acled_rows import AcledRow, choose_rows, read_acled
from warledger.evaluate.acled_score import RowScore, figures, score_row
from warledger.evaluate.acled_system import SystemView, system_view
from warledger.evaluate.figures import ClassScore, Figure, format_classes, format_table, per_class
from warledger.extractors.run import extract_documents
from warledger.report import Report
from warledger.settings import Settings

DEV_FILE = Path("acled") / "dev_libya_syria_2020.csv"
WORLD_FILE = Path("acled") / "dev_world_2020.csv"
"""The development sets: the theatre the rules grew up on, and 87 other countries."""


@dataclass
class AcledEvaluation:
    path: Path
    scores: list[RowScore]
    figures: list[Figure]

    def sub_event_classes(self) -> list[ClassScore]:
        """Per-class scores of sub_event_type over the rows that have one."""
        pairs = [(s.row.sub_event_type, s.system.sub_event_type) for s in self.scores]
        gold = [g for g, _ in pairs if g]
        return per_class(gold, [p for g, p in pairs if g])

    def countries(self) -> list[CountryFigures]:
        return by_country(self.scores)

    def country_mean(self, min_rows: int = MIN_ROWS) -> list[Figure]:
        return country_mean(self.countries(), min_rows)

    def to_dict(self, min_rows: int = MIN_ROWS) -> dict[str, object]:
        return {
            "scorer": "acled",
            "file": str(self.path),
            "rows": len(self.scores),
            "figures": [f.to_dict() for f in self.figures],
            "countries": [c.to_dict() for c in self.countries()],
            "country_mean": [f.to_dict() for f in self.country_mean(min_rows)],
            "min_rows": min_rows,
            "sub_event_type_classes": [asdict(c) for c in self.sub_event_classes()],
        }


def default_path(eval_data: Path | None = None, name: Path = DEV_FILE) -> Path:
    """A development file under the evaluation data (WARLEDGER_EVAL_DATA)."""
    base = eval_data or Settings.load().eval_data
    path = base / name
    if not path.is_file():
        raise EvaluationDataMissing(
            f"ACLED file not found at {path}; give a CSV path or set WARLEDGER_EVAL_DATA "
            "to the folder that holds acled/"
        )
    return path


def reports_for(
    rows: Sequence[AcledRow], nlp: Language | None = None, batch_size: int = 64, n_process: int = 1
) -> Iterator[Report | str]:
    """One report per row, from its note alone; in one process, a note whose extraction raises
    gives the error's text instead (the first traceback goes to stderr) and the run goes on."""
    documents = [Document.make(r.notes, input=f"acled:{r.row_id}") for r in rows]
    done, failures = 0, 0
    while done < len(documents):
        try:
            for report in extract_documents(documents[done:], nlp, batch_size, n_process):
                done += 1
                yield report
        except Exception as exc:
            if n_process > 1:
                raise
            if failures == 0:
                traceback.print_exc(file=sys.stderr)
            failures += 1
            done += 1
            yield f"{type(exc).__name__}: {exc}"


def evaluate_acled(
    path: Path,
    *,
    limit: int | None = None,
    sample: int | None = None,
    seed: int = 0,
    nlp: Language | None = None,
    n_process: int = 1,
    progress: bool = False,
) -> AcledEvaluation:
    """Score the rows of `path` (all, the first `limit`, or a seeded random `sample`)."""
    all_rows = list(read_acled(path))
    rows = choose_rows(all_rows, limit=limit, sample=sample, seed=seed)
    # Name actors as the export did: ACLED names carry the regime periods known on export day,
    # and the latest event in the file is the best stand-in for that day.
    dates = [r.event_date for r in all_rows if r.event_date]
    previous = os.environ.get("WARLEDGER_ACLED_AS_OF")
    if dates and not previous:
        os.environ["WARLEDGER_ACLED_AS_OF"] = max(dates).isoformat()
    try:
        pairs = zip(rows, reports_for(rows, nlp, n_process=n_process), strict=True)
        scores = []
        console = Console(stderr=True)
        for row, report in track(
            pairs, "scoring", len(rows), console=console, disable=not progress
        ):
            view = SystemView(error=report) if isinstance(report, str) else system_view(report)
            scores.append(score_row(row, view))
    finally:
        if previous is None:
            os.environ.pop("WARLEDGER_ACLED_AS_OF", None)
    return AcledEvaluation(path, scores, figures(scores))


def headline(eval_data: Path) -> list[Figure]:
    """The figures on the Libya/Syria dev file, named `acled.<figure>`, and the means over the
    world file's countries, named `acled.world.<figure>`."""
    dev = evaluate_acled(default_path(eval_data))
    world = evaluate_acled(default_path(eval_data, WORLD_FILE))
    return [Figure(f"acled.{f.name}", f.value, f.n, f.better, f.note) for f in dev.figures] + [
        Figure(f"acled.world.{f.name}", f.value, f.n, f.better, f.note)
        for f in world.country_mean()
    ]


def write_errors(scores: Sequence[RowScore], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for score in scores:
            handle.write(json.dumps(score.to_dict(), ensure_ascii=False) + "\n")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "csv",
        nargs="*",
        type=Path,
        metavar="CSV",
        help="ACLED CSV exports (default: both dev files under WARLEDGER_EVAL_DATA)",
    )
    parser.add_argument(
        "--min-rows",
        type=int,
        default=MIN_ROWS,
        metavar="N",
        help=f"countries with fewer rows are left out of the mean (default {MIN_ROWS})",
    )
    parser.add_argument("--errors", type=Path, metavar="FILE", help="write per-row JSON lines here")
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N rows")
    parser.add_argument("--sample", type=int, metavar="N", help="score a random sample of N rows")
    parser.add_argument("--seed", type=int, default=0, help="random seed of --sample (default 0)")
    parser.add_argument("--processes", type=int, default=1, metavar="N", help="worker processes")
    parser.add_argument(
        "--classes", action="store_true", help="also print per-class sub_event_type scores"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args: argparse.Namespace) -> int:
    if args.min_rows < 1:
        raise SystemExit("warledger evaluate acled: --min-rows takes a whole number of at least 1")
    paths = args.csv or [default_path(), default_path(name=WORLD_FILE)]
    results = [
        evaluate_acled(
            path,
            limit=args.limit,
            sample=args.sample,
            seed=args.seed,
            n_process=args.processes,
            progress=sys.stderr.isatty(),
        )
        for path in paths
    ]
    if args.errors:
        write_errors([s for r in results for s in r.scores], args.errors)
    if args.json:
        payload = [r.to_dict(args.min_rows) for r in results]
        sys.stdout.write(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2) + "\n")
        return 0
    for n, result in enumerate(results):
        title = f"ACLED {result.path.name}: {len(result.scores)} rows"
        sys.stdout.write(("\n" if n else "") + format_table(result.figures, title) + "\n")
        countries = result.countries()
        mean = result.country_mean(args.min_rows)
        sys.stdout.write("\n" + format_countries(countries, mean, args.min_rows) + "\n")
        if args.classes and result.sub_event_classes():
            sys.stdout.write(
                "\n" + format_classes(result.sub_event_classes(), "sub_event_type") + "\n"
            )
    return 0
