"""The relations stage: ties between actors (SUPPORTS, OPPOSES, ALLIED_WITH, PART_OF, LEADS,
AFFILIATED_WITH), stated in the text or implied by its events.

Reads: the actors, the events, the statements and the rule data in `data/relations.yaml`.
Writes: `ctx.relations`, each with its evidence and attribution.
"""

from warledger.extractors.relations.find import find_relations

__all__ = ["find_relations"]
