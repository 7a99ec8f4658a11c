"""`warledger claims FILE...`: one line per claim (what, who said it, how sure, the evidence).

Each event, relation and statement of a report becomes a claim, so a person can check at a glance
what the extractor read and through whom: "a source close to one of the fighters -> Horan Free
Media -> The New Arab". `--format jsonl` gives the same claims as JSON lines.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from typing import Any

from warledger.errors import InputError
from warledger.extractors.run import extract_document
from warledger.ingest.read import read_inputs
from warledger.report import Attribution, Event, Relation, Report, Statement

EVIDENCE_CHARS = 160


@dataclass
class Claim:
    id: str
    kind: str
    what: str
    chain: list[str]
    cue: str | None
    certainty: str
    evidence: str
    start: int
    end: int

    def line(self) -> str:
        who = " -> ".join(self.chain) or "(unattributed)"
        return f"{self.id}\t{self.what}\t{who}\t{self.certainty}\t{shorten(self.evidence)}"

    def as_dict(self, document: str | None) -> dict[str, Any]:
        return {
            "document": document,
            "claim": self.id,
            "kind": self.kind,
            "what": self.what,
            "who": self.chain,
            "cue": self.cue,
            "certainty": self.certainty,
            "evidence": self.evidence,
            "span": [self.start, self.end],
        }


def shorten(text: str, limit: int = EVIDENCE_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


def claims_of(report: Report) -> list[Claim]:
    """The claims of a report: its events and relations, then statements that hold neither."""
    names = _names(report)
    sources = {source.id: source.name for source in report.sources}
    claims: list[Claim] = []
    cited: set[str] = set()
    for event in report.events:
        claims.append(
            _claim(
                event.id, "event", _event_summary(event, names), event.attribution, event, sources
            )
        )
        cited.add(event.attribution.statement or "")
    for relation in report.relations:
        what = f"{relation.type}: {names.get(relation.source, relation.source)} -> {names.get(relation.target, relation.target)}"
        claims.append(
            _claim(relation.id, "relation", what, relation.attribution, relation, sources)
        )
        cited.add(relation.attribution.statement or "")
    publisher = _publisher(report)
    for statement in report.statements:
        if statement.id not in cited:
            claims.append(_statement_claim(statement, sources, publisher))
    return claims


def _names(report: Report) -> dict[str, str]:
    names = {actor.id: actor.name for actor in report.actors}
    names.update({place.id: place.name for place in report.places})
    return names


def _event_summary(event: Event, names: dict[str, str]) -> str:
    def listed(ids: list[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids)

    parts = [event.type + ":"]
    if event.agent or event.patient:
        parts.append(f"{listed(event.agent) or '?'} -> {listed(event.patient) or '?'}")
    if event.location:
        parts.append(f"@ {listed(event.location)}")
    if event.when and (event.when.start or event.when.text):
        parts.append(event.when.start or f"({event.when.text})")
    if event.fatalities:
        parts.append(f"{event.fatalities.text} killed")
    if event.injured:
        parts.append(f"{event.injured.text} injured")
    if event.negated:
        parts.append("(negated)")
    return " ".join(parts)


def _claim(
    claim_id: str,
    kind: str,
    what: str,
    attribution: Attribution,
    item: Event | Relation,
    sources: dict[str, str],
) -> Claim:
    evidence = item.evidence[0] if item.evidence else None
    return Claim(
        id=claim_id,
        kind=kind,
        what=what,
        chain=[sources.get(s, s) for s in attribution.chain],
        cue=attribution.cue,
        certainty=attribution.certainty,
        evidence=evidence.text if evidence else "",
        start=evidence.start if evidence else 0,
        end=evidence.end if evidence else 0,
    )


def _publisher(report: Report) -> str | None:
    """The publishing outlet's source id: the one named in the metadata, or the dateline's."""
    speakers = {statement.source for statement in report.statements}
    for source in report.sources:
        if source.kind == "outlet" and (
            source.name == report.document.outlet or source.id not in speakers
        ):
            return source.id
        break
    return None


def _statement_claim(statement: Statement, sources: dict[str, str], publisher: str | None) -> Claim:
    chain = [s for s in (statement.source, publisher) if s]
    cue = statement.cue_span.text if statement.cue_span else None
    content = statement.content_span
    return Claim(
        id=statement.id,
        kind="statement",
        what=f"statement ({cue}): {shorten(content.text, 80)}",
        chain=[sources.get(s, s) for s in dict.fromkeys(chain)],
        cue=cue,
        certainty=statement.certainty,
        evidence=content.text,
        start=content.start,
        end=content.end,
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("claims", help="list each claim with who said it and how sure")
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="text, HTML or JSON-lines file, or - for stdin"
    )
    parser.add_argument("--published", help="publication date, YYYY-MM-DD")
    parser.add_argument("--outlet", help="publishing outlet")
    parser.add_argument("--format", choices=["text", "jsonl"], default="text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    failed = 0
    for item in read_inputs(args.files, published=args.published, outlet=args.outlet):
        if isinstance(item, InputError):
            print(f"warledger: {item.message}", file=sys.stderr)
            failed += 1
            continue
        report = extract_document(item)
        label = report.document.input or report.document.id[:12]
        if args.format == "text" and len(args.files) > 1:
            sys.stdout.write(f"# {label}\n")
        for claim in claims_of(report):
            if args.format == "jsonl":
                sys.stdout.write(json.dumps(claim.as_dict(label), ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(claim.line() + "\n")
    return 1 if failed else 0
