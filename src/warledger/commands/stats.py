"""`warledger stats`: a readable summary of what the database holds."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from warledger.errors import StoreError
from warledger.settings import Settings
from warledger.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stats", help="summarise the database: documents, actors, events"
    )
    parser.add_argument("--db", help="DuckDB file (default: warledger.duckdb, or WARLEDGER_DB)")
    parser.add_argument("--top", type=int, default=10, help="how many actors and places to list")
    parser.set_defaults(func=run)


def _table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> Table:
    table = Table(title=title, title_justify="left")
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i == len(headers) - 1 else "left")
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    return table


def run(args: argparse.Namespace) -> int:
    settings = Settings.load(db=Path(args.db) if args.db else None)
    if str(settings.db) != ":memory:" and not Path(settings.db).exists():
        raise StoreError(
            f"no database at {settings.db}; run `warledger ingest PATH --db {settings.db}` first"
        )
    with Store.open(settings.db) as store:
        stats = store.stats(top=args.top)
    console = Console(file=sys.stdout, soft_wrap=True)
    console.print(f"[bold]{stats.documents} documents[/bold] in {settings.db}", highlight=False)
    console.print(_table("Documents by outlet", ("outlet", "documents"), stats.by_outlet))
    console.print(_table("Top actors", ("actor", "kind", "documents"), stats.top_actors))
    console.print(_table("Events by type", ("type", "events"), stats.events_by_type))
    console.print(_table("Top places", ("place", "country", "documents"), stats.top_places))
    console.print(_table("Relations by type", ("type", "relations"), stats.relations_by_type))
    console.print(
        _table("Unresolved failures by reason", ("reason", "inputs"), stats.failures_by_reason)
    )
    return 0
