"""People counts, casualties, money and durations."""

from __future__ import annotations

from typing import Any

from warledger.extract.context import Context
from warledger.report import Quantity


def find_quantities(ctx: Context) -> list[Any]:
    return []


def casualties_for(ctx: Context, start: int, end: int) -> tuple[Quantity | None, Quantity | None]:
    """(fatalities, injured) stated for the event at characters [start, end); None when unknown."""
    return None, None
