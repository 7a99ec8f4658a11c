"""How well `when_for` and `casualties_for` recover ACLED's event_date and fatalities from notes.

Usage: python benchmarks/acled_when_casualties.py [FILE ...] [--sample N] [--published-offset DAYS]

Reads ACLED CSVs from the evaluation data directory (never copied into the repository). For each
row the note is the document; the date is `when_for` on the note's first event-like verb (else
the first time expression), compared with event_date; fatalities are `casualties_for` over the
whole note (its value, else its lower bound) compared with the fatalities column. Prints figures.
With --published-offset the document gets publication date event_date + DAYS, standing in for
the source article's date (ACLED notes themselves carry none).
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, datetime, timedelta
from pathlib import Path

from warledger.document import Document
from warledger.extractors.context import Context
from warledger.extractors.quantities.find import casualties_for, find_quantities
from warledger.extractors.time.find import find_times, when_for
from warledger.nlp import load_nlp
from warledger.settings import Settings

_NOT_EVENT_VERBS = {
    "report",
    "say",
    "claim",
    "state",
    "code",
    "accord",
    "base",
    "use",
    "include",
    "cite",
}


def event_date(value: str) -> date:
    for pattern in ("%d-%b-%y", "%d-%m-%y", "%Y-%m-%d", "%d %B %Y", "%d-%B-%Y"):
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable event_date {value!r}")


def measure(path: Path, sample: int | None, offset: int | None) -> None:
    with path.open(encoding="utf-8", errors="replace") as handle:
        rows = [{k.lower(): v for k, v in r.items()} for r in csv.DictReader(handle)]
        rows = [r for r in rows if (r.get("notes") or "").strip()]
    if sample and sample < len(rows):
        rows = random.Random(0).sample(rows, sample)
    nlp = load_nlp()
    documents = []
    for row in rows:
        published = (
            event_date(row["event_date"]) + timedelta(days=offset) if offset is not None else None
        )
        documents.append(Document.make(row["notes"], published=published))
    dated = exact_day = fat_exact = fat_strict = fat_stated = 0
    for row, document, doc in zip(
        rows, documents, nlp.pipe(d.text for d in documents), strict=True
    ):
        ctx = Context(document=document, doc=doc)
        ctx.times = find_times(ctx)
        ctx.quantities = find_quantities(ctx)
        verb = next((t for t in doc if t.pos_ == "VERB" and t.lemma_ not in _NOT_EVENT_VERBS), None)
        when = when_for(ctx, verb.idx, verb.idx + len(verb)) if verb is not None else None
        if when is None and ctx.times:
            when = ctx.times[0].when
        if when is not None and when.start:
            dated += 1
            exact_day += when.start == event_date(row["event_date"]).isoformat()
        fatalities, _ = casualties_for(ctx, 0, len(document.text))
        found = (
            None
            if fatalities is None
            else fatalities.value
            if fatalities.value is not None
            else fatalities.low
        )
        truth = int(float(row["fatalities"] or 0))
        fat_exact += (found or 0) == truth
        fat_strict += found is not None and found == truth
        fat_stated += found is not None
    n = len(rows)
    print(
        f"{path.name}: {n} notes"
        + (
            f", published = event_date + {offset} d"
            if offset is not None
            else ", no publication date"
        )
    )
    print(
        f"  date: resolved {dated / n:.3f}, start == event_date {exact_day / n:.3f} ({exact_day}/{n}), "
        f"among resolved {exact_day / max(dated, 1):.3f}"
    )
    print(
        f"  fatalities: exact (no statement = 0) {fat_exact / n:.3f} ({fat_exact}/{n}); "
        f"stated {fat_stated}/{n}, exact among stated {fat_strict / max(fat_stated, 1):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=["acled/dev_libya_syria_2020.csv"])
    parser.add_argument("--sample", type=int, default=None)
    parser.add_argument("--published-offset", type=int, default=None)
    args = parser.parse_args()
    root = Settings.load().eval_data
    for name in args.files:
        measure(root / name, args.sample, args.published_offset)


if __name__ == "__main__":
    main()
