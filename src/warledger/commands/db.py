"""Opening the database a query command reads: it must exist already (a DuckDB file), or be a
PostgreSQL database (`postgresql://...`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from warledger.errors import StoreError
from warledger.settings import Settings
from warledger.store import Store, is_postgres

DB_HELP = (
    "DuckDB file, or PostgreSQL URL postgresql://USER@HOST:PORT/NAME "
    "(default: warledger.duckdb, or WARLEDGER_DB)"
)


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help=DB_HELP)


def existing_target(db: str | None) -> Path | str:
    """The database `--db` (or WARLEDGER_DB) names; a StoreError when it is a missing file."""
    target = Settings.load(db=db).db
    if not is_postgres(target) and str(target) != ":memory:" and not Path(target).exists():
        raise StoreError(
            f"no database at {target}; run `warledger ingest PATH --db {target}` first"
        )
    return target


def open_existing(db: str | None) -> Store:
    return Store.open(existing_target(db))
