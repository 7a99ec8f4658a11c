"""The quantities stage: people counts, casualties, money, durations, inducements and purposes.

Reads: the text and its parse, and the vocabulary in `data/quantities.yaml` (numbers and
counts), `data/casualties.yaml` and `data/terms.yaml`.
Writes: `ctx.quantities`; the events stage asks for the figures that belong to an event through
`casualties_for`, `quantity_for`, `money_for`, `duration_for`, `terms_for` and `purpose_for`.
"""

from warledger.extractors.quantities.find import find_quantities

__all__ = ["find_quantities"]
