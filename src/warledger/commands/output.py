"""Rows out as a table (rich), JSON or CSV: the one way the query commands print."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

FORMATS = ("table", "json", "csv")


def cell(value: Any) -> str:
    """A value as one table cell: lists joined, records shortened to their names."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        if len(value) == 2 and all(isinstance(v, str) and v[:4].isdigit() for v in value):
            return value[0] if value[0] == value[1] else f"{value[0]}..{value[1]}"
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        if "name" in value and "sources" in value:
            return f"{value['name']} ({', '.join(value['sources'])})"
        if "text" in value and "source" in value:
            return f"{value['text']} per {value['source']}"
        if "amount" in value:
            per = f"/{value['per']}" if value.get("per") else ""
            return f"{value['amount']:g} {value.get('currency') or ''}{per} ({', '.join(value['sources'])})"
        if "term" in value:
            return f"{value['term']} ({', '.join(value['sources'])})"
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def add_format(parser: Any) -> None:
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help="table (default), json or csv"
    )


def emit(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    columns: Sequence[str],
    title: str | None = None,
    out: TextIO | None = None,
) -> None:
    """Print rows: `columns` chooses the table's and the CSV's columns; JSON gets whole rows."""
    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(
                [
                    json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                    for v in (row.get(c) for c in columns)
                ]
            )
        return
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(cell(row.get(c)) for c in columns))
    Console(file=out, soft_wrap=False, width=200).print(table)
