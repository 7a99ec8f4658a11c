"""`warledger batch INPUTS... --out DIR`: extract on a Dask cluster into Parquet partitions;
`warledger load DIR`: those partitions into the database."""

from __future__ import annotations

import argparse
import sys

from warledger.commands.db import DB_HELP, add_db
from warledger.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    batch = subparsers.add_parser(
        "batch",
        help="extract many articles on a Dask cluster into Parquet partitions (then `load`)",
    )
    batch.add_argument("paths", nargs="+", metavar="INPUT", help="file or folder")
    batch.add_argument("--out", required=True, metavar="DIR", help="folder for the partitions")
    batch.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    batch.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a running Dask scheduler (tcp://host:8786); default: a local cluster of --workers",
    )
    batch.add_argument(
        "--partition-size",
        type=int,
        default=None,
        help="documents per partition (default 100)",
    )
    batch.add_argument("--published", help="publication date for inputs that do not give one")
    batch.add_argument("--outlet", help="outlet for inputs that do not name one")
    batch.add_argument("--encoding", help="decode text with this encoding (e.g. latin-1)")
    batch.add_argument(
        "--db",
        help="then load the partitions into this database (as `warledger load`): " + DB_HELP,
    )
    batch.set_defaults(func=run_batch_command)

    load = subparsers.add_parser(
        "load", help="load the Parquet partitions of `warledger batch` into the database"
    )
    load.add_argument("folder", metavar="DIR", help="the --out folder of `warledger batch`")
    add_db(load)
    load.set_defaults(func=run_load_command)


def run_batch_command(args: argparse.Namespace) -> int:
    from warledger.batch.run import DEFAULT_PARTITION_SIZE, BatchSummary, run_batch

    def show(summary: BatchSummary) -> None:
        print(
            f"\r{summary.done} partitions done, {summary.documents} documents, "
            f"{summary.failures} failures",
            end="",
            file=sys.stderr,
            flush=True,
        )

    summary = run_batch(
        args.paths,
        args.out,
        workers=args.workers,
        scheduler=args.scheduler,
        partition_size=args.partition_size or DEFAULT_PARTITION_SIZE,
        published=args.published,
        outlet=args.outlet,
        encoding=args.encoding,
        on_partition=show if sys.stderr.isatty() else None,
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    counts = summary.counts
    print(
        f"{summary.done} partitions done in {summary.seconds:.1f} s on {summary.workers} workers "
        f"({summary.skipped} done before, {len(summary.failed)} failed): {summary.documents} "
        f"reports and {summary.failures} failures written to {args.out} ({counts.read} documents "
        f"read, {counts.duplicates} repeated, {counts.unreadable} unreadable inputs)"
    )
    for name, why in summary.failed:
        print(f"  {name}  {why}")
    if summary.failed:
        print("run the same command again to retry the failed partitions", file=sys.stderr)
        return 1
    if args.db:
        return _load(args.out, args.db)
    return 0


def run_load_command(args: argparse.Namespace) -> int:
    return _load(args.folder, args.db)


def _load(folder: str, db: str | None) -> int:
    from warledger.batch.load import load_batch
    from warledger.store import Store, describe

    settings = Settings.load(db=db)
    with Store.open(settings.db) as store:
        summary = load_batch(store, folder, batch_size=settings.nlp_batch_size)
    print(
        f"{summary.stored} documents stored in {describe(settings.db)} from {summary.partitions} partitions "
        f"({summary.documents - summary.stored} already stored, {summary.failures} new failures)"
    )
    return 0
