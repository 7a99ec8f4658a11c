"""Opening the database a query command reads: it must exist already."""

from __future__ import annotations

import argparse
from pathlib import Path

from warledger.errors import StoreError
from warledger.settings import Settings
from warledger.store import Store


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="DuckDB file (default: warledger.duckdb, or WARLEDGER_DB)")


def open_existing(db: str | None) -> Store:
    settings = Settings.load(db=Path(db) if db else None)
    if str(settings.db) != ":memory:" and not Path(settings.db).exists():
        raise StoreError(
            f"no database at {settings.db}; run `warledger ingest PATH --db {settings.db}` first"
        )
    return Store.open(settings.db)
