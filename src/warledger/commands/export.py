"""`warledger export --format acled [--db FILE] [-o FILE]`: write stored reports in a user format."""

from __future__ import annotations

import argparse
import sys

from warledger.commands.db import add_db, existing_target
from warledger.export.acled import acled_rows, reports_from_db, write_acled_csv

FORMATS = ("acled",)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help="export stored events (ACLED-style CSV)")
    parser.add_argument(
        "--format", choices=FORMATS, default="acled", help="output format (default: acled)"
    )
    add_db(parser)
    parser.add_argument(
        "-o", "--output", default="-", help="output file, or - for standard output (default)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rows = acled_rows(reports_from_db(existing_target(args.db)))
    if args.output == "-":
        count = write_acled_csv(rows, sys.stdout)
    else:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            count = write_acled_csv(rows, out)
    print(f"exported {count} events", file=sys.stderr)
    return 0
