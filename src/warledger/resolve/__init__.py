"""Across articles: one record of the corpus from many reports.

`resolve(store)` links syndicated copies to their originals (dedup), groups actor records into
corpus-wide actors (actors), merges reports of one incident into global events with their
independent sources and contradictions (events, contradictions), draws fighter flows (flows) and
relations over time (network), and records every merge as a judgement that can be undone
(judgements). The query functions the CLI and the HTTP API share are in `resolve.queries`.
Rules are data: `resolve/data/resolve.yaml`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from warledger.resolve.run import ResolveSummary, redo, resolve, undo

__all__ = ["ResolveSummary", "redo", "resolve", "undo"]


def __getattr__(name: str) -> Any:
    # Imported on first use: datasketch (and the scipy it loads) costs ~2 s, which commands that
    # only query the record (and `warledger --help`) should not pay.
    if name in __all__:
        from warledger.resolve import run

        return getattr(run, name)
    raise AttributeError(f"module 'warledger.resolve' has no attribute {name!r}")
