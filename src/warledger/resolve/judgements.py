"""Merge judgements: which per-document record joined which corpus-wide record, by what rule.

A judgement's id is a hash of what it decides, so a re-run makes the same judgement under the
same id, and an undo (kept in `resolve_undone`) keeps applying: the undone record stays on its own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from warledger.resolve.records import Key


@dataclass(frozen=True)
class Judgement:
    id: str
    kind: str  # actor, event
    rule: str
    global_id: str
    document_id: str
    record_id: str
    evidence: dict[str, Any] = field(default_factory=dict)


def short_hash(*parts: str, size: int = 12) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def judgement(
    kind: str, rule: str, global_id: str, member: Key, evidence: dict[str, Any]
) -> Judgement:
    ident = "J" + short_hash(kind, rule, global_id, *member)
    return Judgement(ident, kind, rule, global_id, member[0], member[1], evidence)


Undone = frozenset[tuple[str, str, str]]
"""(kind, document_id, record_id) of the records whose merges were undone."""
