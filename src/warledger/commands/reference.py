"""`warledger import acled CSV` (ACLED rows as reference events, kept apart from the record) and
`warledger compare acled` (how the record agrees with them)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warledger.commands.db import DB_HELP, add_db, open_existing
from warledger.commands.output import add_format, emit

DATASETS = ("acled",)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import", help="load reference events (ACLED CSV) to compare with the record"
    )
    p.add_argument("dataset", choices=DATASETS, help="the reference dataset's format")
    p.add_argument("path", type=Path, help="an ACLED CSV export")
    p.add_argument("--db", help=DB_HELP)
    p.set_defaults(func=run_import)

    p = subparsers.add_parser(
        "compare", help="match the record's events to imported reference events"
    )
    p.add_argument("dataset", choices=DATASETS)
    add_db(p)
    p.add_argument("--country", help="ISO alpha-3 code")
    p.add_argument("--since", help="YYYY-MM-DD")
    p.add_argument("--until", help="YYYY-MM-DD")
    p.add_argument("--km", type=float, default=25.0, help="same place within this (default 25)")
    p.add_argument("--days", type=int, default=1, help="same time within this (default 1)")
    p.add_argument("--pairs", action="store_true", help="list the matched pairs, not the figures")
    add_format(p)
    p.set_defaults(func=run_compare)


def run_import(args: argparse.Namespace) -> int:
    from warledger.reference.acled import import_acled
    from warledger.settings import Settings
    from warledger.store import Store, describe

    target = Settings.load(db=args.db).db
    with Store.open(target) as store:
        counts = import_acled(store, args.path)
    print(
        f"imported {counts.rows} ACLED reference events into {describe(target)} "
        f"({counts.skipped} rows without notes skipped, {counts.duplicates} repeated ids)",
        file=sys.stderr,
    )
    return 0


def run_compare(args: argparse.Namespace) -> int:
    from warledger.errors import FilterError
    from warledger.export.record import Filters
    from warledger.reference.compare import compare

    try:
        filters = Filters.parse(country=args.country, since=args.since, until=args.until)
    except FilterError as exc:
        print(f"warledger: error: {exc}", file=sys.stderr)
        return 2
    with open_existing(args.db) as store:
        result = compare(store, args.dataset, filters, km=args.km, days=args.days)
    if result.reference == 0:
        print(
            "warledger: no reference events to compare; load some with "
            f"`warledger import {args.dataset} CSV`",
            file=sys.stderr,
        )
    if args.pairs:
        columns = list(result.pairs[0]) if result.pairs else ["reference", "event"]
        emit(result.pairs, args.format, columns, title="matched pairs")
    else:
        emit(result.summary(), args.format, ["figure", "value"], title=f"record vs {args.dataset}")
    return 0
