"""The events stage: typed events with roles, numbers, time and attribution.

Reads: every earlier stage's records (actors, places, times, quantities, statements), the parse,
the knowledge base's theatre rules and the rule data in `data/` (`events.yaml` triggers,
`typing.yaml`, `senses.yaml`, `modality.yaml`, `defaults.yaml` and the ACLED/PLOVER/CAMEO
`crosswalk.yaml`).
Writes: `ctx.events` (`Event` records, one per event in the document, with evidence spans).
"""

from warledger.extractors.events.find import find_events

__all__ = ["find_events"]
