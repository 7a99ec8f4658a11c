"""Relations between actors: stated and derived from events."""

from __future__ import annotations

from warledger.extract.context import Context
from warledger.report import Relation


def find_relations(ctx: Context) -> list[Relation]:
    return []
