"""Time expressions normalised to SCHEMA.md's `when`, against the publication date."""

from __future__ import annotations

from typing import Any

from warledger.extract.context import Context
from warledger.report import When


def find_times(ctx: Context) -> list[Any]:
    """Every time expression in the document with its normalised interval."""
    return []


def when_for(ctx: Context, start: int, end: int) -> When | None:
    """The time of a claim at characters [start, end): the governing clause's expression, else the
    sentence's, else the dateline's."""
    return None
