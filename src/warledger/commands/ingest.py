"""`warledger ingest PATH...`: read, extract and store articles; list what failed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from warledger.commands.db import add_db
from warledger.document import Document
from warledger.errors import InputError
from warledger.ingest.into_store import IngestSummary, ingest_into, resolve_stale, retry_paths
from warledger.ingest.read import read_inputs
from warledger.settings import Settings
from warledger.store import Store, describe


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest", help="read articles (files, folders, feeds, WARC, JSON lines) into the database"
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="file, folder, or - for stdin")
    add_db(parser)
    parser.add_argument("--strict", action="store_true", help="exit 1 when any input failed")
    parser.add_argument("--encoding", help="decode text with this encoding (e.g. latin-1)")
    parser.add_argument(
        "--retry", action="store_true", help="re-read the inputs that failed before"
    )
    parser.add_argument("--published", help="publication date for inputs that do not give one")
    parser.add_argument("--outlet", help="outlet for inputs that do not name one")
    parser.add_argument(
        "--resolve", action="store_true", help="then bring the cross-document record up to date"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.load(db=args.db)
    with Store.open(settings.db) as store:
        paths = list(args.paths) + (retry_paths(store) if args.retry else [])
        if not paths:
            if args.retry:
                print("warledger ingest: no unresolved failures to retry", file=sys.stderr)
                return 0
            print("warledger ingest: nothing to read; give a PATH (or --retry)", file=sys.stderr)
            return 2
        items = read_inputs(
            paths,
            published=args.published,
            outlet=args.outlet,
            encoding=args.encoding,
            settings=settings,
        )
        summary = _ingest_with_progress(store, items, settings)
        resolve_stale(store, paths, summary)
        resolved = None
        if args.resolve:
            from warledger.resolve import resolve

            resolved = resolve(store)
    _report(summary, settings.db)
    if resolved:
        print(
            f"resolved: {resolved.events} events from {resolved.documents} documents, "
            f"{resolved.flows} flows (`warledger events`, `warledger flows`)"
        )
    return 1 if args.strict and summary.failures else 0


def _ingest_with_progress(
    store: Store, items: Iterable[Document | InputError], settings: Settings
) -> IngestSummary:
    console = Console(stderr=True)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=not console.is_terminal) as progress:
        task = progress.add_task("reading", total=None)

        def show(summary: IngestSummary) -> None:
            progress.update(
                task,
                description=f"{summary.read} documents read, {summary.stored} stored, "
                f"{len(summary.failures)} failed",
            )

        return ingest_into(
            store,
            items,
            batch_size=settings.nlp_batch_size,
            on_item=show,
            max_seconds=settings.max_seconds,
        )


def _report(summary: IngestSummary, db: Path | str) -> None:
    """The outcome, then one line per failure (input, reason, message): greppable, never folded."""
    print(
        f"{summary.stored} documents stored in {describe(db)} ({summary.read} read, "
        f"{summary.duplicates} already stored, {len(summary.failures)} failed)"
    )
    if summary.failures:
        print(f"\nFailures ({len(summary.failures)}):")
        for problem in summary.failures:
            message = problem.message.removeprefix(f"{problem.input}: ")
            print(f"  {problem.input}  [{problem.reason}]  {message}")
