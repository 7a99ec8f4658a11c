"""One event, one record: mentions of the same event in a document become one Event."""

from __future__ import annotations

from warledger.extractors.attribution.certainty import more_uncertain
from warledger.report import Event

_COUNTS = ("fatalities", "injured", "quantity")
# Doubts a toll passes on to its event; "denied" stays with its own clause.
_CARRIED = frozenset({"reported", "alleged", "hedged", "speculative"})
ROLES = ("agent", "patient", "partner", "beneficiary", "location", "origin", "destination")
PLACE_ROLES = ("location", "origin", "destination")


def _compatible(a: list[str], b: list[str]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def same_event(a: Event, b: Event, headline_end: int = 0) -> bool:
    """Same type and nothing that tells them apart: roles, places and times agree where both have
    them. A headline names the actors of the story loosely ("Army shells ..." for "Government
    troops shelled ..."), so against a headline only places and times must agree."""
    if a.type != b.type or a.negated != b.negated or (a.acled or {}) != (b.acled or {}):
        return False
    in_headline = min(s.start for s in a.evidence + b.evidence) < headline_end
    roles = PLACE_ROLES if in_headline else ROLES
    if not all(_compatible(getattr(a, r), getattr(b, r)) for r in roles):
        return False
    shared = any(set(getattr(a, r)) & set(getattr(b, r)) for r in ROLES)
    if not shared and not in_headline:
        return False  # nothing ties them together: two events of one kind
    if a.quantity and b.quantity and a.quantity.value != b.quantity.value:
        return False
    return not (a.when and b.when and (a.when.start, a.when.end) != (b.when.start, b.when.end))


def absorb(into: Event, other: Event) -> None:
    """Add `other`'s evidence, roles and numbers to `into` (first-stated values win). A number
    taken from `other` (or the same number, stated there) brings its doubt along: after "LNA forces shelled the town", "ten soldiers
    were reportedly killed" gives the event an alleged toll, and the event is no surer than that."""
    if any(
        getattr(other, n) is not None and getattr(into, n) in (None, getattr(other, n))
        for n in _COUNTS
    ):
        level = other.attribution.certainty
        if level in _CARRIED and more_uncertain(into.attribution.certainty, level) == level:
            into.attribution.certainty = level
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


def headline_end(text: str) -> int:
    """End of a headline: a first line without a final full stop, followed by more text."""
    first, _, rest = text.partition("\n")
    stripped = first.rstrip()
    if not rest.strip() or not stripped or stripped[-1] in ".!?\"'”’" or len(stripped) > 200:
        return 0
    return len(first)


def merge_events(events: list[Event], headline: int = 0) -> list[Event]:
    """Each event merges into the first earlier one it is the same as (`same_event`); only events
    of its own type and polarity, which merging never changes, are compared."""
    merged: list[Event] = []
    kin: dict[tuple[str, bool], list[Event]] = {}
    for event in events:
        group = kin.setdefault((event.type, event.negated), [])
        target = next((m for m in group if same_event(m, event, headline)), None)
        if target is None:
            merged.append(event)
            group.append(event)
        else:
            absorb(target, event)
    return merged


UNREST_SEVERITY = [
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Protest with intervention",
    "Peaceful protest",
]


def _other_time(a: Event, b: Event) -> bool:
    """Both events say when they happened, and not the same."""
    return bool(
        a.when
        and b.when
        and (a.when.start, a.when.end, a.when.precision)
        != (b.when.start, b.when.end, b.when.precision)
    )


def merge_unrest(events: list[Event], paragraph_of: dict[str, int]) -> list[Event]:
    """One demonstration per paragraph: its mentions merge, keeping the gravest ACLED sub-type
    ("staged a protest ... Police fired tear gas ... one protester was killed")."""
    first: dict[int, Event] = {}
    out: list[Event] = []
    for event in events:
        sub = (event.acled or {}).get("sub_event_type")
        paragraph = paragraph_of.get(event.id, -1)
        if sub not in UNREST_SEVERITY or event.negated:
            out.append(event)
            continue
        target = first.get(paragraph)
        if target is not None and _other_time(target, event):
            out.append(event)  # "after the riots of the previous week": another event
            continue
        if target is None:
            first[paragraph] = event
            out.append(event)
            continue
        worse = min(
            (target, event), key=lambda e: UNREST_SEVERITY.index((e.acled or {})["sub_event_type"])
        )
        absorb(target, event)
        target.type, target.acled, target.plover = worse.type, dict(worse.acled or {}), worse.plover
    return out
