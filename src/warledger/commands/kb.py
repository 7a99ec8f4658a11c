"""`warledger kb`: check the knowledge-base data files, or show what the KB knows about a name."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from warledger.kb.acled_coverage import actor_strings, coverage
from warledger.kb.load import data_dir, load_kb, load_kb_from
from warledger.kb.model import KbActor, KbCountry, KnowledgeBase, alias_key
from warledger.kb.validate import errors, validate_dir


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("kb", help="validate the knowledge base or look a name up in it")
    commands = parser.add_subparsers(dest="kb_command", metavar="KB_COMMAND", required=True)
    check = commands.add_parser("validate", help="check the KB data files; exit 1 on any error")
    check.add_argument(
        "--dir", type=Path, default=None, help="KB data directory (default: bundled)"
    )
    check.set_defaults(func=run_validate)
    show = commands.add_parser("show", help="print the actors and countries a name refers to")
    show.add_argument(
        "name", help="a name, alias, abbreviation, KB id, ISO3 code or ACLED actor name"
    )
    show.add_argument("--on", default=None, help="date (YYYY-MM-DD) for time-bounded ACLED names")
    show.add_argument("--dir", type=Path, default=None, help="KB data directory (default: bundled)")
    show.set_defaults(func=run_show)
    cover = commands.add_parser(
        "coverage", help="share of an ACLED export's actor strings the KB can produce"
    )
    cover.add_argument("csv", nargs="+", type=Path, help="ACLED CSV export(s)")
    cover.add_argument("--missing", type=int, default=0, help="list the N most frequent misses")
    cover.set_defaults(func=run_coverage)


def run_validate(args: argparse.Namespace) -> int:
    directory = args.dir or data_dir()
    problems = validate_dir(directory)
    for problem in problems:
        print(problem, file=sys.stderr)
    failed = errors(problems)
    if not failed:
        kb = load_kb_from(directory)
        aliases = sum(len(a.aliases) + 1 for a in kb.actors.values())
        ties = sum(len(a.ties) for a in kb.actors.values())
        print(
            f"{directory}: OK: {len(kb.actors)} actors, {aliases} names and aliases, {ties} ties, "
            f"{len(kb.countries)} countries ({len(problems)} warnings)",
            file=sys.stderr,
        )
    return 1 if failed else 0


def run_show(args: argparse.Namespace) -> int:
    kb = load_kb_from(args.dir) if args.dir else load_kb()
    found = find(kb, args.name)
    if not found:
        print(f"warledger: {args.name!r} is not in the knowledge base", file=sys.stderr)
        return 1
    for record in found:
        doc = (
            describe_actor(kb, record, args.on)
            if isinstance(record, KbActor)
            else describe_country(record, args.on)
        )
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    return 0


def run_coverage(args: argparse.Namespace) -> int:
    kb = load_kb()
    for path in args.csv:
        result = coverage(kb, actor_strings(path).items())
        print(
            f"{path.name}: {result.mentions} actor mentions, covered {result.share(result.covered):.1%} "
            f"(KB actors and state forces {result.share(result.kb):.1%}, generic templates "
            f"{result.share(result.generic):.1%}, group templates {result.share(result.group):.1%}); "
            f"distinct strings covered {result.distinct_covered}/{result.distinct}"
        )
        for name, n in result.missing.most_common(args.missing):
            print(f"  {n}\t{name}")
    return 0


def find(kb: KnowledgeBase, text: str) -> list[KbActor | KbCountry]:
    """Actors and countries that `text` names: by id, alias, ACLED name, ISO3 or country name."""
    out: list[KbActor | KbCountry] = []
    by_id = kb.actor(text)
    if by_id:
        out.append(by_id)
    out.extend(a for a in kb.lookup(text) if a not in out)
    by_acled = kb.by_acled_name(text)
    if by_acled and by_acled not in out:
        out.append(by_acled)
    ambiguous = kb.ambiguous.get(alias_key(text), ())
    out.extend(a for a in (kb.actor(i) for i in ambiguous) if a and a not in out)
    country = kb.country(text.upper()) if len(text) == 3 else None
    country = country or kb.country_named(text)
    if country:
        out.append(country)
    return out


def describe_actor(kb: KnowledgeBase, actor: KbActor, on: str | None) -> dict[str, Any]:
    ties = actor.ties_on(on) if on else actor.ties
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "aliases": list(actor.aliases),
        "wikidata": actor.wikidata,
        "acled_name": actor.acled_name_on(on),
        "acled_names": [
            {"name": n.name, "start": n.start, "end": n.end} for n in actor.acled_names
        ],
        "description": actor.description,
        "ties": [
            {
                "type": t.type,
                "target": t.target,
                "target_name": _name(kb, t.target),
                "start": t.start,
                "end": t.end,
                "mode": t.mode,
            }
            for t in ties
        ],
        "file": actor.source_file,
    }


def describe_country(country: KbCountry, on: str | None) -> dict[str, Any]:
    return {
        "iso3": country.iso3,
        "name": country.name,
        "aliases": list(country.aliases),
        "demonyms": list(country.demonyms),
        "capital": country.capital,
        "metonyms": list(country.metonyms),
        "wikidata": country.wikidata,
        "acled": {
            force: country.acled_name(force, on) for force in ("military", "police", "government")
        },
    }


def _name(kb: KnowledgeBase, target: str) -> str:
    actor = kb.actor(target)
    if actor:
        return actor.name
    country = kb.country(target)
    return country.name if country else target
