"""The time stage: dates, ranges and relative expressions, normalised against the publication date.

Reads: the text, the publication date and the grammar in `data/time.yaml`.
Writes: `ctx.times` (every expression with its interval) and warnings for relative dates that
have no publication date to resolve against. `when_for` gives later stages the time of a claim.
"""

from warledger.extractors.time.find import find_times, when_for

__all__ = ["find_times", "when_for"]
