"""The queries over the cross-document record: `warledger actors`, `actor NAME`, `events`,
`flows`, `network`, `contradictions`. Each prints `warledger.resolve.queries` rows as a table,
JSON or CSV; run `warledger resolve` first."""

from __future__ import annotations

import argparse

from warledger.commands.db import add_db, open_existing
from warledger.commands.output import add_format, emit
from warledger.resolve import queries

EVENT_COLUMNS = [
    "id", "type", "when_start", "when_end", "country", "places", "agents", "patients",
    "beneficiaries", "certainty", "reports", "sources", "source_names",
]  # fmt: skip


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("actors", help="corpus-wide actors (after `warledger resolve`)")
    p.add_argument("--name", help="names or aliases containing this")
    p.add_argument("--kind", help="state, pmc, armed_group, fighters, ...")
    p.add_argument("--country", help="ISO3 country code")
    p.add_argument("--limit", type=int, help="at most this many")
    p.set_defaults(func=run_actors)

    p = subparsers.add_parser(
        "actor", help="one actor: aliases, relations over time, events, sources"
    )
    p.add_argument("name", help="a name, an alias or a global id")
    p.set_defaults(func=run_actor)

    p = subparsers.add_parser("events", help="events merged across reports, with their sources")
    p.add_argument("--type", help="event type (ONTOLOGY.md), e.g. DEPLOY")
    p.add_argument("--actor", help="an actor in any role")
    p.add_argument("--country", help="ISO3 country code")
    p.add_argument("--since", help="YYYY[-MM[-DD]]")
    p.add_argument("--until", help="YYYY[-MM[-DD]]")
    p.add_argument(
        "--certainty",
        choices=["asserted", "reported", "hedged", "alleged", "speculative", "denied"],
        help="at least this firm",
    )
    p.add_argument("--min-sources", type=int, help="at least this many independent sources")
    p.set_defaults(func=run_events)

    p = subparsers.add_parser(
        "flows", help="fighter flows: origin -> destination, for whom, how many"
    )
    p.add_argument("--actor", help="a sponsor, recruiter or beneficiary")
    p.add_argument("--country", help="origin or destination (ISO3)")
    p.set_defaults(func=run_flows)

    p = subparsers.add_parser("network", help="relations between actors, with their intervals")
    p.add_argument("--actor", help="edges of this actor")
    p.add_argument("--type", help="SUPPORTS, OPPOSES, ALLIED_WITH or PART_OF")
    p.add_argument("--since", help="YYYY[-MM[-DD]]")
    p.add_argument("--until", help="YYYY[-MM[-DD]]")
    p.set_defaults(func=run_network)

    p = subparsers.add_parser(
        "contradictions", help="values on which reports of one event disagree"
    )
    p.add_argument("--event", help="a global event id")
    p.add_argument("--field", help="fatalities, quantity, date, agents, place or status")
    p.add_argument("--conflicts", action="store_true", help="only values that cannot all hold")
    p.set_defaults(func=run_contradictions)

    for name in ("actors", "actor", "events", "flows", "network", "contradictions"):
        add_db(subparsers.choices[name])
        add_format(subparsers.choices[name])


def run_actors(args: argparse.Namespace) -> int:
    with open_existing(args.db) as store:
        rows = queries.actors(store, args.name, args.kind, args.country, args.limit)
    columns = [
        "id", "name", "kind", "country", "kb_id", "affiliation_name", "documents", "mentions",
        "rule", "aliases",
    ]  # fmt: skip
    emit(rows, args.format, columns, title="Actors")
    return 0


def run_actor(args: argparse.Namespace) -> int:
    with open_existing(args.db) as store:
        found = queries.actor(store, args.name)
    if args.format == "json":
        emit([found], "json", [])
        return 0
    emit(
        [found],
        args.format,
        [
            "id",
            "name",
            "kind",
            "country",
            "kb_id",
            "affiliation_name",
            "documents",
            "aliases",
            "sources",
        ],  # fmt: skip
        title="Actor",
    )
    if args.format == "table":
        emit(
            found["relations"],
            "table",
            ["type", "source", "target", "intervals", "certainty", "sources"],
            title="Relations over time",
        )
        emit(found["events"], "table", EVENT_COLUMNS, title="Events")
    return 0


def run_events(args: argparse.Namespace) -> int:
    with open_existing(args.db) as store:
        rows = queries.events(
            store,
            type=args.type,
            actor=args.actor,
            country=args.country,
            since=args.since,
            until=args.until,
            certainty=args.certainty,
            min_sources=args.min_sources,
        )
    emit(rows, args.format, EVENT_COLUMNS, title="Events")
    return 0


def run_flows(args: argparse.Namespace) -> int:
    with open_existing(args.db) as store:
        rows = queries.flows(store, actor=args.actor, country=args.country)
    columns = [
        "id", "origin_country", "origin_places", "origin_groups", "destination_country",
        "destination_places", "sponsors", "recruiters", "beneficiaries", "numbers", "pay",
        "terms", "via", "when_start", "when_end", "sources",
    ]  # fmt: skip
    emit(rows, args.format, columns, title="Fighter flows")
    return 0


def run_network(args: argparse.Namespace) -> int:
    with open_existing(args.db) as store:
        rows = queries.network(store, args.actor, args.type, args.since, args.until)
    columns = ["source", "type", "target", "intervals", "certainty", "sources", "events"]
    emit(rows, args.format, columns, title="Network")
    return 0


def run_contradictions(args: argparse.Namespace) -> int:
    with open_existing(args.db) as store:
        rows = queries.contradictions(store, args.event, args.field, args.conflicts)
    columns = ["global_event_id", "type", "field", "value", "conflict", "sources", "documents"]
    emit(rows, args.format, columns, title="Contradictions")
    return 0
