"""`warledger gazetteer load FILE [--db FILE]`: import a GeoNames dump for village-level geocoding."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from warledger.errors import InputError, StoreError
from warledger.settings import Settings
from warledger.store import describe


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gazetteer", help="manage the local gazetteer (GeoNames import)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    load = actions.add_parser(
        "load",
        help="import a GeoNames dump (allCountries.txt or a country file such as SY.txt)",
    )
    load.add_argument("file", type=Path, help="GeoNames tab-separated file (19 columns)")
    load.add_argument(
        "--db", default=None, help="DuckDB file (default: WARLEDGER_DB or warledger.duckdb)"
    )
    load.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from warledger.kb.gazetteer_db import load_geonames

    if not args.file.is_file():
        raise InputError(
            "not_found", f"{args.file}: no such file (give a GeoNames dump such as SY.txt)"
        )
    db = Settings.load(db=args.db).db
    if not isinstance(db, Path):
        raise StoreError(
            f"the GeoNames gazetteer is kept in a DuckDB file, not in PostgreSQL ({describe(db)}); "
            "give `gazetteer load` --db a .duckdb file"
        )
    started = time.perf_counter()
    count = load_geonames(args.file, db)
    elapsed = time.perf_counter() - started
    print(f"loaded {count:,} places from {args.file} into {db} ({elapsed:.1f} s)", file=sys.stderr)
    return 0
