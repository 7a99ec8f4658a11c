"""The `warledger` command: a thin layer that parses arguments and calls the package's functions.

Each subcommand lives in `warledger.commands.<name>` and exposes `register(subparsers)`, which adds
its parser and sets `func` to a function `(args) -> int` (the exit code).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from warledger import __version__
from warledger.errors import WarledgerError

# One module per subcommand, in the order `warledger --help` lists them.
COMMANDS = [
    "ingest",
    "batch",
    "resolve",
    "queries",
    "extract",
    "claims",
    "stats",
    "schema",
    "kb",
    "gazetteer",
    "evaluate",
    "export",
    "reference",
    "serve",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="warledger",
        description="Turn conflict reporting into an evidence-backed record of who did what to whom.",
    )
    parser.add_argument("--version", action="version", version=f"warledger {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"warledger.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except WarledgerError as exc:
        print(f"warledger: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("warledger: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one clear line, the traceback only when asked for
        if os.environ.get("WARLEDGER_DEBUG"):
            raise
        print(
            f"warledger: internal error ({type(exc).__name__}: {exc}); this is a warledger bug: "
            "please report it with the command and input (WARLEDGER_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        return 70  # EX_SOFTWARE


if __name__ == "__main__":
    sys.exit(main())
