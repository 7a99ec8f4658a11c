"""The places stage: countries, provinces, cities, regions and sites, geocoded offline.

Reads: the parse, the actors' mentions (so that "Syrian" in "Syrian forces" is no place), the
gazetteer (`warledger.kb.gazetteer`) and the vocabulary in `data/places.yaml`.
Writes: `ctx.places` (`Place` records with kind, country, admin1, coordinates and mentions).
`roles` tells later stages which place an event happened at, and in what role.
"""

from warledger.extractors.places.find import find_places

__all__ = ["find_places"]
