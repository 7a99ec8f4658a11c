"""`warledger resolve [run|judgements|undo|redo]`: build the cross-document record, list its
merge judgements, undo or redo one. Re-running is idempotent; run it after every ingest."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from warledger.commands.db import add_db, open_existing
from warledger.commands.output import add_format, emit
from warledger.resolve.queries import judgements

if TYPE_CHECKING:
    from warledger.resolve.run import ResolveSummary


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "resolve",
        help="merge actors and events across documents; list, undo or redo merges",
        description=__doc__,
    )
    parser.add_argument(
        "action",
        nargs="?",
        default="run",
        choices=["run", "judgements", "undo", "redo"],
        help="run (default), judgements (list merges), undo ID, redo ID",
    )
    parser.add_argument("ids", nargs="*", metavar="ID", help="judgement ids for undo and redo")
    parser.add_argument("--kind", choices=["actor", "event"], help="judgements of this kind only")
    parser.add_argument("--global-id", help="judgements of this global actor or event only")
    parser.add_argument(
        "--full",
        action="store_true",
        help="rebuild the whole record (by default only what new or changed documents touch is "
        "merged again; both give the same record)",
    )
    add_db(parser)
    add_format(parser)
    parser.set_defaults(func=run)


def _say(summary: ResolveSummary) -> None:
    print(
        f"resolved {summary.documents} documents: {summary.copies} copies of earlier ones; "
        f"{summary.actors} actors ({summary.actor_merges} merges); {summary.events} events "
        f"({summary.event_merges} merges, {summary.contradictions} with contradictions); "
        f"{summary.flows} flows; {summary.edges} network edges; {summary.redone} events merged "
        "this run"
    )


def run(args: argparse.Namespace) -> int:
    from warledger.resolve import redo, resolve, undo

    if args.action in ("undo", "redo") and not args.ids:
        print(f"warledger resolve {args.action}: give a judgement ID", file=sys.stderr)
        return 2
    with open_existing(args.db) as store:
        if args.action == "judgements":
            rows = judgements(store, kind=args.kind, global_id=args.global_id)
            columns = [
                "id",
                "kind",
                "rule",
                "global_id",
                "document_id",
                "record_id",
                "undone",
                "evidence",
            ]
            emit(rows, args.format, columns, title="Merge judgements")
            return 0
        summary = None
        for ident in args.ids:
            summary = (undo if args.action == "undo" else redo)(store, ident)
            print(f"{args.action} {ident}")
        _say(summary or resolve(store, full=args.full))
    return 0
