"""People counts, casualties, money and durations."""

from __future__ import annotations

from typing import Any

from warledger.extract.context import Context


def find_quantities(ctx: Context) -> list[Any]:
    return []
