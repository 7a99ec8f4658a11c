"""The document's quantity mentions grouped by sentence, built once per document: events look up
the figures of their own sentence instead of scanning every mention of the document."""

from __future__ import annotations

from typing import Any

from warledger.extractors.context import Context


def in_sentence(ctx: Context, kind: str, sentence: int) -> list[Any]:
    """The mentions of `kind` ("count", "money", "duration") whose sentence starts at token
    `sentence`, in document order."""
    index: dict[tuple[str, int], list[Any]] | None = ctx.memo.get("quantities_by_sentence")
    if index is None:
        index = ctx.memo["quantities_by_sentence"] = {}
        for m in ctx.quantities:
            index.setdefault((m.kind, m.sentence), []).append(m)
    return index.get((kind, sentence), [])
