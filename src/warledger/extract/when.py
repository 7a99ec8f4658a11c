"""Time expressions normalised to SCHEMA.md's `when`, against the publication date."""

from __future__ import annotations

from typing import Any

from warledger.extract.context import Context


def find_times(ctx: Context) -> list[Any]:
    """Every time expression in the document with its normalised interval."""
    return []
