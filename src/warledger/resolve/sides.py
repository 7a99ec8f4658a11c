"""Which camps a global actor belongs to. From the knowledge base's ties: a person who LEADS an
organisation, or a unit that is PART_OF one, stands for that organisation ("Haftar" -> the LNA).
And a state's covert arms (intelligence, a state-linked PMC) stand with that state ("Wagner Group"
and "Russia" are on one side; "fighters" of a country are not)."""

from __future__ import annotations

from collections.abc import Callable

from warledger.kb import KnowledgeBase
from warledger.resolve.actors import ActorResolution

SideOf = Callable[[str], frozenset[str]]
CAMP_TIES = ("LEADS", "PART_OF")
STATE_KINDS = frozenset(["state", "intelligence", "pmc"])
"""Kinds that stand with their state as a whole. Governments and armed forces do not: in a civil
war two of them claim one country."""


def camp(kb: KnowledgeBase | None, kb_id: str) -> str:
    actor = kb.actor(kb_id) if kb else None
    if actor is None:
        return kb_id
    for tie in actor.ties:
        if tie.type in CAMP_TIES:
            return tie.target
    return kb_id


def side_function(actors: ActorResolution, kb: KnowledgeBase | None) -> SideOf:
    cache: dict[str, frozenset[str]] = {}

    def side_of(global_id: str) -> frozenset[str]:
        if global_id not in cache:
            actor = actors.actors.get(global_id)
            kb_id = actor.kb_id if actor else None
            sides = {f"kb:{camp(kb, kb_id)}" if kb_id else global_id}
            if actor and actor.kind in STATE_KINDS and actor.country:
                sides.add(f"state:{actor.country}")
            cache[global_id] = frozenset(sides)
        return cache[global_id]

    return side_of
