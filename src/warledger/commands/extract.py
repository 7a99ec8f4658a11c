"""`warledger extract FILE...`: print the report of SCHEMA.md for each input."""

from __future__ import annotations

import argparse
import json
import sys

from warledger.errors import InputError
from warledger.ingest.into_store import extraction_failed
from warledger.ingest.read import read_inputs
from warledger.limits import time_limit, warm_up
from warledger.report import Report
from warledger.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("extract", help="print the report of one or more articles")
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="text, HTML, JSON-lines, feed or WARC file, or - for stdin",
    )
    parser.add_argument("--published", help="publication date, YYYY-MM-DD")
    parser.add_argument("--outlet", help="publishing outlet")
    parser.add_argument("--url", help="the article's URL")
    parser.add_argument("--encoding", help="decode text with this encoding (e.g. latin-1)")
    parser.add_argument(
        "--format",
        choices=["json", "jsonl"],
        help="json for one report (default), jsonl for several (default when there are several)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """One report as indented JSON; as soon as there are several (files, or records of one JSON-lines,
    feed or WARC file), one report per line. `--format` forces either."""
    from warledger.extractors.run import extract_document  # loads spaCy: only when extracting

    one_input = len(args.files) == 1 and args.files[0] != "-"
    fmt = args.format or ("auto" if one_input else "jsonl")
    failed = 0
    held: Report | None = None  # in auto mode, the first report waits to see if a second follows
    settings = Settings.load()
    items = read_inputs(
        args.files,
        published=args.published,
        outlet=args.outlet,
        url=args.url,
        encoding=args.encoding,
        settings=settings,
    )
    for item in items:
        if isinstance(item, InputError):
            print(f"warledger: {item.message}", file=sys.stderr)
            failed += 1
            continue
        try:
            warm_up()
            with time_limit(item.input or "-", settings.max_seconds):
                report = extract_document(item)
        except InputError as error:
            print(f"warledger: {error.message}", file=sys.stderr)
            failed += 1
            continue
        except Exception as exc:  # one document must not cost the others their reports
            print(f"warledger: {extraction_failed(item, exc)}", file=sys.stderr)
            failed += 1
            continue
        if fmt == "auto":
            if held is None:
                held = report
                continue
            _write(held, indent=None)
            held, fmt = None, "jsonl"
        _write(report, indent=2 if fmt == "json" else None)
    if held is not None:
        _write(held, indent=2)
    return 1 if failed else 0


def _write(report: Report, indent: int | None) -> None:
    sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=indent) + "\n")
