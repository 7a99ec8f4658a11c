"""`warledger export --format F [--db FILE] [-o FILE|-] [filters]`: the stored (and resolved)
record in the formats analysts already work in. Each format is a module of `warledger.export`
with `write(record, out) -> count`, imported only when chosen so the command starts fast."""

from __future__ import annotations

import argparse
import importlib
import sys

from warledger.commands.db import add_db, existing_target

# format -> (module, what the count counts)
FORMATS = {
    "acled": ("acled", "events"),
    "geojson": ("geojson", "features"),
    "gexf": ("network", "edges"),
    "graphml": ("network", "edges"),
    "plover": ("plover", "events"),
    "ftm": ("ftm", "entities"),
    "stix": ("stix", "objects"),
    "jsonl": ("jsonl", "reports"),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the stored record (acled, geojson, gexf, graphml, plover, ftm, stix, jsonl)",
    )
    parser.add_argument(
        "--format", choices=list(FORMATS), default="acled", help="output format (default: acled)"
    )
    add_db(parser)
    parser.add_argument(
        "-o", "--output", default="-", help="output file, or - for standard output (default)"
    )
    filters = parser.add_argument_group("filters (events, relations and flows alike)")
    filters.add_argument("--country", help="ISO alpha-3 code of the country (events: where)")
    filters.add_argument("--since", help="keep what reaches into or after this date (YYYY-MM-DD)")
    filters.add_argument("--until", help="keep what starts on or before this date (YYYY-MM-DD)")
    filters.add_argument("--actor", help="an actor's name, alias or id, in any role")
    filters.add_argument("--min-sources", help="at least this many independent sources")
    filters.add_argument(
        "--certainty", help="at least this firm (asserted, reported, hedged, alleged, ...)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from warledger.errors import FilterError
    from warledger.export.record import Filters, open_record

    try:
        filters = Filters.parse(
            country=args.country,
            since=args.since,
            until=args.until,
            actor=args.actor,
            min_sources=args.min_sources,
            certainty=args.certainty,
        )
    except FilterError as exc:
        print(f"warledger: error: {exc}", file=sys.stderr)
        return 2
    target = existing_target(args.db)
    try:
        record = open_record(target, filters)
    except FilterError as exc:
        print(f"warledger: error: {exc}", file=sys.stderr)
        return 2
    if record.unresolved:
        print(
            f"warledger: {record.unresolved} documents were stored after the last resolve run: "
            "their events stand alone and their relations are left out until "
            f"`warledger resolve --db {target}`",
            file=sys.stderr,
        )
    module_name, unit = FORMATS[args.format]
    module = importlib.import_module(f"warledger.export.{module_name}")
    writer = getattr(module, f"write_{args.format}", None) or module.write
    if args.output == "-":
        count = writer(record, sys.stdout)
    else:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            count = writer(record, out)
    print(f"exported {count} {unit} ({args.format})", file=sys.stderr)
    return 0
