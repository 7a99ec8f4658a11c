"""Which camp a global actor belongs to, from the knowledge base's ties: a person who LEADS an
organisation, or a unit that is PART_OF one, stands for that organisation ("Haftar" -> the LNA)."""

from __future__ import annotations

from collections.abc import Callable

from warledger.kb import KnowledgeBase
from warledger.resolve.actors import ActorResolution

SideOf = Callable[[str], str]
CAMP_TIES = ("LEADS", "PART_OF")


def camp(kb: KnowledgeBase | None, kb_id: str) -> str:
    actor = kb.actor(kb_id) if kb else None
    if actor is None:
        return kb_id
    for tie in actor.ties:
        if tie.type in CAMP_TIES:
            return tie.target
    return kb_id


def side_function(actors: ActorResolution, kb: KnowledgeBase | None) -> SideOf:
    cache: dict[str, str] = {}

    def side_of(global_id: str) -> str:
        if global_id not in cache:
            actor = actors.actors.get(global_id)
            kb_id = actor.kb_id if actor else None
            cache[global_id] = f"kb:{camp(kb, kb_id)}" if kb_id else global_id
        return cache[global_id]

    return side_of
