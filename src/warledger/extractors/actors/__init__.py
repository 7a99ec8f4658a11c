"""The actors stage: who takes part, named ("the GNA", "Khalifa Haftar") or described ("gunmen",
"Syrian mercenaries"), one record per identity within the document.

Reads: the parse and its entities (with the knowledge-base entity ruler's labels), the knowledge
base (`warledger.kb`) and the vocabulary in `data/actors.yaml` and `data/coref.yaml`.
Writes: `ctx.actors` (`Actor` records with kind, country, kb id, ACLED name and every mention).
`backfill.fill_actor_countries` later gives actors the country of the places found next to them.
"""

from warledger.extractors.actors.find import actor_at, actors_in, find_actors, forces_of

__all__ = ["actor_at", "actors_in", "find_actors", "forces_of"]
