"""The document's main event: the one an ACLED-style coder makes the document's row.

The lead event is the first non-negated event with an ACLED mapping (earliest evidence, ties in
report order). It is the main event unless another event outranks it: `data/salience.yaml`
lists which ACLED sub-types outrank which within one paragraph (an armed clash outranks an
attack, an attack an abduction), and which are outranked by any violent event told in the same
sentence (a movement of forces). Ranks chain, so the main event is the earliest event that no
other event of its paragraph outranks. Exactly one event is marked `main`, or none when the
document has no mapped, non-negated event.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warledger.errors import ConfigError
from warledger.report import Event
from warledger.yaml_data import load_yaml

DATA = Path(__file__).resolve().parent / "data" / "salience.yaml"


@dataclass(frozen=True)
class Salience:
    outranks: frozenset[tuple[str, str]]
    """(winner, loser) ACLED sub_event_types within one paragraph."""
    same_sentence: dict[str, frozenset[str]]
    """ACLED sub_event_type -> the ACLED event_types that outrank it within one sentence."""


@lru_cache(maxsize=1)
def salience() -> Salience:
    data = load_yaml(DATA.read_text(encoding="utf-8")) or {}
    pairs = data.get("outranks") or []
    if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
        raise ConfigError(f"{DATA}: outranks takes [winner, loser] pairs of ACLED sub-types")
    same = data.get("same_sentence") or {}
    return Salience(
        outranks=frozenset((str(w), str(loser)) for w, loser in pairs),
        same_sentence={str(k): frozenset(map(str, v)) for k, v in same.items()},
    )


def _start(event: Event) -> int:
    return min((s.start for s in event.evidence), default=0)


def _outranks(winner: Event, loser: Event, paragraph_of: dict[int, int], rules: Salience) -> bool:
    w, lo = winner.acled or {}, loser.acled or {}
    if paragraph_of[id(winner)] != paragraph_of[id(loser)]:
        return False
    if (w.get("sub_event_type"), lo.get("sub_event_type")) in rules.outranks:
        return True
    by_type = rules.same_sentence.get(lo.get("sub_event_type") or "")
    if by_type and w.get("event_type") in by_type:
        return bool({s.start for s in winner.evidence} & {s.start for s in loser.evidence})
    return False


def main_event(events: list[Event], text: str) -> Event | None:
    """The main event of a document's events (the rule is in the module docstring)."""
    mapped = [
        (i, e) for i, e in enumerate(events) if not e.negated and (e.acled or {}).get("event_type")
    ]
    if not mapped:
        return None
    ordered = [e for _, e in sorted(mapped, key=lambda pair: (_start(pair[1]), pair[0]))]
    paragraph_of = {id(e): text.rfind("\n\n", 0, _start(e)) for e in ordered}
    rules = salience()
    for event in ordered:
        if not any(
            other is not event and _outranks(other, event, paragraph_of, rules) for other in ordered
        ):
            return event
    return ordered[0]


def mark_main(events: list[Event], text: str) -> None:
    """Set `main` on the document's main event and clear it on every other."""
    chosen = main_event(events, text)
    for event in events:
        event.main = event is chosen
