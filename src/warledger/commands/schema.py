"""`warledger schema`: print the report's JSON Schema."""

from __future__ import annotations

import argparse
import sys

from warledger.schema import schema_text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("schema", help="print the JSON Schema of the report")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return 0
