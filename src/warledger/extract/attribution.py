"""Sources, statements and certainty: who said it, through whom, and how sure."""

from __future__ import annotations

from warledger.extract.context import Context
from warledger.report import Attribution, Source, Statement


def find_attribution(ctx: Context) -> tuple[list[Source], list[Statement]]:
    return [], []


def attribution_for(ctx: Context, start: int, end: int) -> Attribution:
    """The attribution of a claim at characters [start, end): the statement that contains it, its
    source chain and cue, and the claim's certainty."""
    return Attribution()
