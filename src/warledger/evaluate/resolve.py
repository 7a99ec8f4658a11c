"""Cross-document resolution against the hand-coded story clusters (samples/clusters/gold.yaml).

Reads the cluster articles of FOLDER into a fresh in-memory database, runs `resolve`, and prints
the pairwise precision and recall of event merges and actor merges, the copies found, the flows
and the contradictions found. Our own articles: no third-party data is needed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from warledger.evaluate.resolve_gold import ResolveScore, load_gold, score
from warledger.store import Store

DEFAULT = Path(__file__).resolve().parents[3] / "samples" / "clusters"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", nargs="?", default=str(DEFAULT), help="articles + gold.yaml")
    parser.add_argument("--gold", help="the gold file (default: FOLDER/gold.yaml)")
    parser.add_argument("--format", choices=["text", "json"], default="text")


def evaluate_folder(folder: Path, gold_path: Path | None = None) -> ResolveScore:
    from warledger.ingest.into_store import ingest_into
    from warledger.ingest.read import read_inputs
    from warledger.resolve import resolve

    gold = load_gold(gold_path or folder / "gold.yaml")
    with Store.open(":memory:") as store:
        ingest_into(store, read_inputs([folder]))
        resolve(store)
        return score(store, gold)


def run(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    result = evaluate_folder(folder, Path(args.gold) if args.gold else None)
    if args.format == "json":
        print(json.dumps(result.as_dict(), indent=2))
        return 0
    for name, p in (("event merges", result.events), ("actor merges", result.actors)):
        print(
            f"{name}: precision {p.precision:.3f} recall {p.recall:.3f} "
            f"({p.correct} of {p.system_pairs} system pairs, {p.gold_pairs} gold pairs; "
            f"{p.unmatched} gold items not extracted)"
        )
    print(f"copies linked: {result.copies_found}/{result.copies}")
    print(
        f"flows found: {len(result.flows_found)}/{len(result.flows_found) + len(result.flows_missed)}"
        f" {result.flows_found}; missed {result.flows_missed}"
    )
    print(f"contradictions found: {result.contradictions_found}/{result.contradictions}")
    for note in result.notes:
        print(f"  note: {note}")
    return 0
