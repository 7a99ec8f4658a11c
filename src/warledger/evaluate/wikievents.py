"""Trigger and argument F1 on WikiEvents (KAIROS-annotated news; gold/wikievents/dev.jsonl).

Each document's tokens are joined with spaces and extracted; warledger's event triggers (from the
events stage's candidates) are compared with the gold event mentions of the KAIROS types that map
onto ours. KAIROS type (prefix) -> warledger types:

    Conflict.Attack, Life.Die, Life.Injure      -> CLASH, ATTACK, AIR_STRIKE, SHELLING, EXPLOSIVE
    Conflict.Demonstrate                         -> PROTEST, RIOT
    Movement.Transportation                      -> DEPLOY, FORCE_MOVEMENT
    Justice.ArrestJailDetain                     -> ARREST, ABDUCTION
    Contact.Contact.Meet, Contact.RequestCommand.Meet -> MEETING
    Contact.ThreatenCoerce                       -> THREATEN
    Contact.RequestCommand                       -> REQUEST
    ArtifactExistence.DamageDestroyDisableDismantle -> LOOTING

A trigger is identified when its tokens overlap a gold trigger of any mapped type, and classified
when, in addition, the types correspond. Arguments: KAIROS roles map onto ours (Attacker, Killer,
Transporter, Jailer, Demonstrator, Communicator, Participant's first -> agent; Target, Victim,
Passenger, Detainee, Artifact, Recipient -> patient; Place -> location; Origin -> origin;
Destination -> destination); an argument is correct when its filler's head token lies in the gold
argument's mention and its trigger was classified correctly.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warledger.evaluate.data_files import gold_file

VIOLENCE = frozenset({"CLASH", "ATTACK", "AIR_STRIKE", "SHELLING", "EXPLOSIVE"})
KAIROS_TO_OURS: list[tuple[str, frozenset[str]]] = [
    ("Conflict.Attack", VIOLENCE),
    ("Life.Die", VIOLENCE),
    ("Life.Injure", VIOLENCE),
    ("Conflict.Demonstrate", frozenset({"PROTEST", "RIOT"})),
    ("Movement.Transportation", frozenset({"DEPLOY", "FORCE_MOVEMENT"})),
    ("Justice.ArrestJailDetain", frozenset({"ARREST", "ABDUCTION"})),
    ("Contact.Contact.Meet", frozenset({"MEETING"})),
    ("Contact.RequestCommand.Meet", frozenset({"MEETING"})),
    ("Contact.ThreatenCoerce", frozenset({"THREATEN"})),
    ("Contact.RequestCommand", frozenset({"REQUEST"})),
    ("ArtifactExistence.DamageDestroyDisableDismantle", frozenset({"LOOTING"})),
]
ROLE_MAP = {
    "Attacker": "agent", "Killer": "agent", "Transporter": "agent", "Jailer": "agent",
    "Demonstrator": "agent", "Communicator": "agent", "Damager": "agent", "Destroyer": "agent",
    "Target": "patient", "Victim": "patient", "Passenger": "patient", "Detainee": "patient",
    "Artifact": "patient", "Recipient": "patient",
    "Place": "location", "Origin": "origin", "Destination": "destination",
}  # fmt: skip
GOLD_FILE = Path("gold/wikievents/dev.jsonl")


def ours_for(kairos_type: str) -> frozenset[str] | None:
    for prefix, types in KAIROS_TO_OURS:
        if kairos_type.startswith(prefix):
            return types
    return None


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    def f1(self) -> dict[str, float]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        }


@dataclass
class WikiScore:
    identification: Counts = field(default_factory=Counts)
    classification: Counts = field(default_factory=Counts)
    arguments: Counts = field(default_factory=Counts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "trigger_identification": self.identification.f1(),
            "trigger_classification": self.classification.f1(),
            "arguments": self.arguments.f1(),
            "gold_triggers": self.identification.gold,
            "predicted_triggers": self.identification.predicted,
        }


@dataclass(frozen=True)
class PredictedTrigger:
    start: int
    end: int
    """Token offsets in the gold tokenisation, end exclusive."""
    type: str
    roles: dict[str, list[int]]
    """role -> gold-token offsets of the filler heads."""


def _layout(tokens: list[str]) -> tuple[str, list[int]]:
    starts, pos = [], 0
    for token in tokens:
        starts.append(pos)
        pos += len(token) + 1
    return " ".join(tokens), starts


def predicted_triggers(tokens: list[str], nlp: Any) -> list[PredictedTrigger]:
    from bisect import bisect_right

    from warledger.document import Document
    from warledger.extractors.context import Context
    from warledger.extractors.events.assemble import build_candidates
    from warledger.extractors.events.roles import ROLE_NAMES
    from warledger.extractors.pipeline import analyse

    text, starts = _layout(tokens)
    document = Document.make(text)
    doc = nlp(document.text)
    report = analyse(document, doc)
    ctx = Context(document=document, doc=doc, actors=report.actors, places=report.places)

    def gold_index(char: int) -> int:
        return max(bisect_right(starts, char) - 1, 0)

    out: list[PredictedTrigger] = []
    for candidate in build_candidates(ctx):
        roles = {
            role: [gold_index(t.idx) for t in getattr(candidate.roles, role)] for role in ROLE_NAMES
        }
        for trigger in candidate.triggers:
            first, last = doc[trigger.start], doc[trigger.end - 1]
            out.append(
                PredictedTrigger(
                    gold_index(first.idx), gold_index(last.idx) + 1, candidate.type, roles
                )
            )
    return out


def score_document(
    gold: dict[str, Any], predicted: list[PredictedTrigger], result: WikiScore
) -> None:
    mentions = {m["id"]: m for m in gold.get("entity_mentions", [])}
    events = [(e, ours_for(e["event_type"])) for e in gold.get("event_mentions", [])]
    events = [(e, t) for e, t in events if t]
    result.identification.gold += len(events)
    result.classification.gold += len(events)
    result.identification.predicted += len(predicted)
    result.classification.predicted += len(predicted)
    for event, _ in events:
        result.arguments.gold += sum(1 for a in event["arguments"] if a["role"] in ROLE_MAP)
    for p in predicted:
        result.arguments.predicted += sum(
            len(v) for k, v in p.roles.items() if k != "partner" and k != "beneficiary"
        )
    used: set[str] = set()
    for p in predicted:
        overlapping = [
            (e, t)
            for e, t in events
            if e["trigger"]["start"] < p.end and p.start < e["trigger"]["end"]
        ]
        if not overlapping:
            continue
        result.identification.correct += 1
        match = next(
            ((e, t) for e, t in overlapping if p.type in (t or ()) and e["id"] not in used), None
        )
        if match is None:
            continue
        event, _ = match
        used.add(event["id"])
        result.classification.correct += 1
        for argument in event["arguments"]:
            role = ROLE_MAP.get(argument["role"])
            mention = mentions.get(argument["entity_id"])
            if (
                role
                and mention
                and any(mention["start"] <= i < mention["end"] for i in p.roles.get(role, []))
            ):
                result.arguments.correct += 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="WikiEvents dev.jsonl (default: under WARLEDGER_EVAL_DATA)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args: argparse.Namespace) -> int:
    from warledger.nlp import load_nlp

    path = gold_file(args.path, GOLD_FILE, "WikiEvents file")
    nlp = load_nlp()
    result = WikiScore()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                gold = json.loads(line)
                score_document(gold, predicted_triggers(gold["tokens"], nlp), result)
    figures = result.to_dict()
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"gold triggers (mapped types): {figures['gold_triggers']}, predicted: {figures['predicted_triggers']}"
    )
    for name in ("trigger_identification", "trigger_classification", "arguments"):
        f = figures[name]
        print(f"{name:<24} P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}")
    return 0
