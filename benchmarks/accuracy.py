"""Accuracy: every available scorer on its default data, headline figures in one table.

Scorers are those of `warledger evaluate` (`warledger.commands.evaluate.SCORERS`). A scorer module
that exposes `headline(eval_data) -> list[Figure]` contributes rows to the table; one that does
not is run with its default arguments and its own output is printed after the table. Scorers whose
module does not exist yet are listed as not available. Figures below their floor in
`benchmarks/floors.json` are marked.

    python benchmarks/accuracy.py [--only acled,conll] [--json FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from warledger.commands.evaluate import SCORERS, scorer_module, scorer_parser
from warledger.evaluate.figures import Figure
from warledger.settings import Settings

FLOORS = Path(__file__).with_name("floors.json")


def load_floors() -> dict[str, float]:
    return json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.is_file() else {}


def run_scorer(name: str, eval_data: Path) -> tuple[list[Figure], str]:
    """(headline figures, printed output) of one scorer; the status goes in the output."""
    try:
        module = scorer_module(name)
    except Exception:  # a scorer that fails to import must not stop the others
        return [], f"import failed:\n{traceback.format_exc(limit=3)}"
    if module is None:
        return [], "not available yet"
    try:
        if hasattr(module, "headline"):
            return list(module.headline(eval_data)), ""
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = module.run(scorer_parser(name, module).parse_args([]))
        return [], f"(no headline(); exit {code}; its output:)\n{out.getvalue().rstrip()}"
    except (Exception, SystemExit):
        return [], f"failed:\n{traceback.format_exc(limit=3)}"


def table(rows: list[tuple[str, Figure]], floors: dict[str, float]) -> str:
    lines = [("scorer", "figure", "value", "n", "floor")]
    for scorer, f in rows:
        floor = floors.get(f.name)
        value = "-" if f.value is None else f"{f.value:.3f}"
        mark = " BELOW" if floor is not None and (f.value or 0.0) < floor else ""
        lines.append(
            (scorer, f.name, value, str(f.n), ("" if floor is None else f"{floor:.3f}") + mark)
        )
    widths = [max(len(line[i]) for line in lines) for i in range(5)]
    text = [
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines
    ]
    text.insert(1, "-" * max(len(t) for t in text))
    return "\n".join(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", help="comma-separated scorer names (default: all)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    eval_data = Settings.load().eval_data
    if not eval_data.is_dir():
        print(
            f"accuracy: evaluation data not found at {eval_data} (set WARLEDGER_EVAL_DATA)",
            file=sys.stderr,
        )
        return 1
    names = args.only.split(",") if args.only else list(SCORERS)
    rows: list[tuple[str, Figure]] = []
    notes: dict[str, str] = {}
    seconds: dict[str, float] = {}
    for name in names:
        print(f"accuracy: {name}...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        figures, output = run_scorer(name, eval_data)
        seconds[name] = round(time.perf_counter() - start, 1)
        rows += [(name, f) for f in figures]
        if output:
            notes[name] = output
    print(table(rows, load_floors()))
    for name, output in notes.items():
        print(f"\n[{name}] {output}")
    if args.json:
        result: dict[str, Any] = {
            "figures": [{"scorer": s, **f.to_dict()} for s, f in rows],
            "notes": notes,
            "seconds": seconds,
        }
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
