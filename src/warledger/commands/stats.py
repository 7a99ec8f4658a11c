"""`warledger stats`: a readable summary of what the database holds."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from warledger.commands.db import add_db, existing_target
from warledger.store import Store, describe


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stats", help="summarise the database: documents, actors, events"
    )
    add_db(parser)
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
    target = existing_target(args.db)
    with Store.open(target) as store:
        stats = store.stats(top=args.top)
    console = Console(file=sys.stdout, soft_wrap=True)
    console.print(
        f"[bold]{stats.documents} documents[/bold] in {describe(target)}", highlight=False
    )
    console.print(_table("Documents by outlet", ("outlet", "documents"), stats.by_outlet))
    console.print(_table("Top actors", ("actor", "kind", "documents"), stats.top_actors))
    console.print(_table("Events by type", ("type", "events"), stats.events_by_type))
    console.print(_table("Top places", ("place", "country", "documents"), stats.top_places))
    console.print(_table("Relations by type", ("type", "relations"), stats.relations_by_type))
    console.print(
        _table("Unresolved failures by reason", ("reason", "inputs"), stats.failures_by_reason)
    )
    return 0
