"""PLOVER event-type accuracy on the PLOVER gold standard records (PLOVER_GSR_CAMEO.json).

Each record's `text` is extracted as a document; the record's PLOVER `event` is compared with the
`plover` type of the system's first event (accuracy), and with any of its events (recall@any).
Only gold types that warledger also produces are scored. The gold type set is older PLOVER; it
maps onto ours as follows (gold -> ours):

    AGREE -> AGREE            DEMAND -> REQUEST         REJECT -> REJECT
    THREATEN -> THREATEN      PROTEST -> PROTEST        COERCE -> COERCE
    FIGHT -> ASSAULT          ASSAULT -> ASSAULT        SANCTION -> SANCTION
    SUPPORT -> SUPPORT        CONCEDE -> CONCEDE        CONSULT -> CONSULT
    AID -> AID                MOBILIZE -> MOBILIZE      COOPERATE -> COOPERATE
    DISAPPROVE -> ACCUSE

Not scored (no warledger type): RETREAT, INVESTIGATE, DOCUMENT.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warledger.evaluate.data_files import gold_file

GOLD_TO_OURS = {
    "AGREE": "AGREE", "DEMAND": "REQUEST", "REJECT": "REJECT", "THREATEN": "THREATEN",
    "PROTEST": "PROTEST", "COERCE": "COERCE", "FIGHT": "ASSAULT", "ASSAULT": "ASSAULT",
    "SANCTION": "SANCTION", "SUPPORT": "SUPPORT", "CONCEDE": "CONCEDE", "CONSULT": "CONSULT",
    "AID": "AID", "MOBILIZE": "MOBILIZE", "COOPERATE": "COOPERATE", "DISAPPROVE": "ACCUSE",
}  # fmt: skip
GOLD_FILE = Path("gold/plover/PLOVER_GSR_CAMEO.json")


@dataclass
class PloverScore:
    scored: int = 0
    correct_first: int = 0
    correct_any: int = 0
    no_event: int = 0
    per_type: dict[str, list[int]] = field(default_factory=dict)
    """gold type (ours) -> [records, first correct]"""
    confusions: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        n = max(self.scored, 1)
        return {
            "records": self.scored,
            "accuracy": round(self.correct_first / n, 3),
            "recall_any": round(self.correct_any / n, 3),
            "no_event_rate": round(self.no_event / n, 3),
            "per_type": {
                k: {"records": v[0], "accuracy": round(v[1] / v[0], 3)}
                for k, v in sorted(self.per_type.items())
            },
            "confusions": [[g, p, c] for (g, p), c in self.confusions.most_common(15)],
        }


def gold_records(path: Path) -> list[tuple[str, str]]:
    """(text, our PLOVER type) for every gold record of a shared type."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        (r["text"], GOLD_TO_OURS[r["event"]])
        for r in data
        if r.get("text") and r.get("event") in GOLD_TO_OURS
    ]


def score(records: list[tuple[str, str]], predictions: list[list[str | None]]) -> PloverScore:
    """Compare each record's gold type with the PLOVER types of the system's events, in order."""
    result = PloverScore()
    for (_text, gold), predicted in zip(records, predictions, strict=True):
        types = [p for p in predicted if p]
        result.scored += 1
        counts = result.per_type.setdefault(gold, [0, 0])
        counts[0] += 1
        first = types[0] if types else None
        if first is None:
            result.no_event += 1
        if first == gold:
            result.correct_first += 1
            counts[1] += 1
        else:
            result.confusions[(gold, first or "-")] += 1
        if gold in types:
            result.correct_any += 1
    return result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="PLOVER_GSR_CAMEO.json (default: under WARLEDGER_EVAL_DATA)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args: argparse.Namespace) -> int:
    from warledger.document import Document
    from warledger.extractors.run import extract_documents

    path = gold_file(args.path, GOLD_FILE, "PLOVER gold file")
    records = gold_records(path)
    reports = extract_documents([Document.make(text) for text, _ in records])
    predictions = [[e.plover for e in r.events if not e.negated] for r in reports]
    result = score(records, predictions).to_dict()
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"PLOVER records scored: {result['records']}")
    print(f"event-type accuracy (first event): {result['accuracy']:.3f}")
    print(f"recall (any event):                {result['recall_any']:.3f}")
    print(f"records with no event:             {result['no_event_rate']:.3f}")
    for name, figures in result["per_type"].items():
        print(f"  {name:<10} {figures['records']:>4}  {figures['accuracy']:.3f}")
    return 0
