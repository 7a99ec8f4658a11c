"""`warledger extract FILE...`: print the report of SCHEMA.md for each input."""

from __future__ import annotations

import argparse
import json
import sys

from warledger.errors import InputError
from warledger.ingest.read import read_inputs


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("extract", help="print the report of one or more articles")
    parser.add_argument("files", nargs="+", metavar="FILE", help="text, HTML, JSON-lines, feed or WARC file, or - for stdin")
    parser.add_argument("--published", help="publication date, YYYY-MM-DD")
    parser.add_argument("--outlet", help="publishing outlet")
    parser.add_argument("--url", help="the article's URL")
    parser.add_argument("--encoding", help="decode text with this encoding (e.g. latin-1)")
    parser.add_argument("--format", choices=["json", "jsonl"], help="json for one input (default), jsonl for several")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from warledger.extract.pipeline import extract_document  # loads spaCy: only when extracting

    fmt = args.format or ("json" if len(args.files) == 1 and args.files[0] != "-" else "jsonl")
    failed = 0
    items = read_inputs(
        args.files, published=args.published, outlet=args.outlet, url=args.url, encoding=args.encoding
    )
    for item in items:
        if isinstance(item, InputError):
            print(f"warledger: {item.message}", file=sys.stderr)
            failed += 1
            continue
        report = extract_document(item)
        indent = 2 if fmt == "json" else None
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=indent) + "\n")
    return 1 if failed else 0
