"""The attribution stage: sources, statements and certainty (who said it, through whom, how sure).

Reads: the parse, the actors (to link sources to them), the document's outlet and the vocabulary
in `data/attribution.yaml`, `data/outlets.yaml` and `data/certainty.yaml`.
Writes: `ctx.sources` and `ctx.statements` (each statement with its cue, content and chain from the
original speaker to the publishing outlet). `attribution_for` tells later stages which statement a
claim belongs to and how certain it is.
"""

from warledger.extractors.attribution.find import attribution_for, find_attribution

__all__ = ["attribution_for", "find_attribution"]
