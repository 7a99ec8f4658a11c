"""One event, one record: mentions of the same event in a document become one Event."""

from __future__ import annotations

from warledger.report import Event

ROLES = ("agent", "patient", "partner", "beneficiary", "location", "origin", "destination")


def _compatible(a: list[str], b: list[str]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def same_event(a: Event, b: Event) -> bool:
    """Same type and nothing that tells them apart: roles, places and times agree where both have them."""
    if a.type != b.type or a.negated != b.negated or (a.acled or {}) != (b.acled or {}):
        return False
    if not all(_compatible(getattr(a, r), getattr(b, r)) for r in ROLES):
        return False
    return not (a.when and b.when and (a.when.start, a.when.end) != (b.when.start, b.when.end))


def absorb(into: Event, other: Event) -> None:
    """Add `other`'s evidence, roles and numbers to `into` (first-stated values win)."""
    for span in other.evidence:
        if span not in into.evidence:
            into.evidence.append(span)
    into.evidence.sort(key=lambda s: s.start)
    for role in ROLES:
        mine = getattr(into, role)
        mine.extend(x for x in getattr(other, role) if x not in mine)
    for name in ("when", "quantity", "fatalities", "injured", "money", "duration", "purpose"):
        if getattr(into, name) is None:
            setattr(into, name, getattr(other, name))
    into.terms.extend(t for t in other.terms if t not in into.terms)
    into.confidence = max(into.confidence, other.confidence)


def merge_events(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    for event in events:
        target = next((m for m in merged if same_event(m, event)), None)
        if target is None:
            merged.append(event)
        else:
            absorb(target, event)
    return merged
