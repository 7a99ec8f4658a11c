"""Certainty on ACLED notes: `alleged` where the note says "alleged"/"reportedly", `asserted` otherwise.

ACLED coders write "reportedly" and "alleged" when a claim is unconfirmed, so the notes give a
cheap check of `attribution_for`. Two figures: the certainty of each note's main clause (the root
of its first sentence), and the certainty of the clause each "alleged"/"reportedly" word sits in
(the word's head). Only the parse and the attribution stage run.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

from warledger.document import Document
from warledger.extractors.attribution.find import attribution_for, find_attribution
from warledger.extractors.context import Context
from warledger.nlp import load_nlp
from warledger.settings import eval_data_dir

ALLEGED = re.compile(r"\b(?:alleged(?:ly)?|reportedly)\b", re.IGNORECASE)


def read_notes(path: Path, limit: int | None = None) -> list[str]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        notes = [
            (row.get("notes") or row.get("NOTES") or "").strip() for row in csv.DictReader(handle)
        ]
    notes = [note for note in notes if note]
    return notes[:limit] if limit else notes


def score_notes(notes: list[str]) -> dict[str, object]:
    nlp = load_nlp()
    main: Counter[tuple[str, str]] = Counter()
    words = Counter[str]()
    for note, doc in zip(notes, nlp.pipe(notes, batch_size=64), strict=True):
        ctx = Context(document=Document.make(note), doc=doc)
        ctx.sources, ctx.statements = find_attribution(ctx)
        root = next(iter(doc.sents)).root
        expected = "alleged" if ALLEGED.search(note) else "asserted"
        main[(expected, attribution_for(ctx, root.idx, root.idx + len(root.text)).certainty)] += 1
        for token in doc:
            if ALLEGED.fullmatch(token.text):
                head = token.head
                words["words"] += 1
                attribution = attribution_for(ctx, head.idx, head.idx + len(head.text))
                words["alleged"] += attribution.certainty == "alleged"
    alleged_notes = sum(n for (e, _), n in main.items() if e == "alleged")
    asserted_notes = sum(n for (e, _), n in main.items() if e == "asserted")
    return {
        "notes": len(notes),
        "main_clause": {f"{e}->{c}": n for (e, c), n in sorted(main.items())},
        "alleged_notes_main_clause_alleged": round(main[("alleged", "alleged")] / alleged_notes, 3)
        if alleged_notes
        else None,
        "other_notes_main_clause_asserted": round(
            main[("asserted", "asserted")] / asserted_notes, 3
        )
        if asserted_notes
        else None,
        "word_clause_alleged": f"{words['alleged']}/{words['words']}",
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", type=Path, help="an ACLED CSV (default: the dev set)")
    parser.add_argument("--limit", type=int, help="score only the first N notes")


def run(args: argparse.Namespace) -> int:
    path: Path = args.path or eval_data_dir() / "acled" / "dev_libya_syria_2020.csv"
    if not path.is_file():
        print(f"warledger: no ACLED file at {path} (set WARLEDGER_EVAL_DATA)", file=sys.stderr)
        return 2
    print(json.dumps(score_notes(read_notes(path, args.limit)), indent=2))
    return 0
