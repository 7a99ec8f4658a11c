"""`warledger evaluate SCORER ...`: measure the system against a gold data set.

Each scorer is a module exposing `add_arguments(parser)` and `run(args) -> int`. Scorer modules
are imported only when asked for, so a scorer that is not written yet is reported as "not
available yet" and the others still work. Default data paths come from `Settings.eval_data`
(WARLEDGER_EVAL_DATA).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType

SCORERS = {
    "acled": "warledger.evaluate.acled",
    "conll": "warledger.evaluate.conll",
    "plover": "warledger.evaluate.plover",
    "wikievents": "warledger.evaluate.wikievents",
    "polnear": "warledger.evaluate.polnear",
    "actors": "warledger.evaluate.actor_recall",
    "certainty": "warledger.evaluate.certainty_acled",
    "resolve": "warledger.evaluate.resolve",
}


def scorer_module(name: str) -> ModuleType | None:
    """The scorer's module, or None when it does not exist yet."""
    module_name = SCORERS[name]
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:  # the module exists but one of its own imports is missing
            raise
        return None


def scorer_parser(name: str, module: ModuleType) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"warledger evaluate {name}",
        description=module.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    module.add_arguments(parser)
    return parser


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score the system against gold data",
        description=f"Scorers: {', '.join(SCORERS)}. `warledger evaluate SCORER --help` for one.",
    )
    parser.add_argument(
        "scorer", choices=sorted(SCORERS), metavar="SCORER", help=", ".join(SCORERS)
    )
    parser.add_argument(
        "scorer_args", nargs=argparse.REMAINDER, metavar="...", help="its arguments"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    module = scorer_module(args.scorer)
    if module is None:
        print(f"warledger: the {args.scorer} scorer is not available yet", file=sys.stderr)
        return 2
    scorer_args = scorer_parser(args.scorer, module).parse_args(args.scorer_args)
    return int(module.run(scorer_args) or 0)
