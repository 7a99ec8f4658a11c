"""How much of an ACLED export's actor coding the KB can produce: the share of actor mentions
(actor1, actor2 and the associated-actor columns, old and new schema), weighted by rows, whose
ACLED string is a KB actor's ACLED name, a state force's name, or a generic template."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from warledger.kb.acled_names import parse_generic
from warledger.kb.model import KnowledgeBase

ACTOR_COLUMNS = (
    "actor1",
    "actor2",
    "assoc_actor_1",
    "assoc_actor_2",
    "ACTOR1",
    "ACTOR2",
    "ALLY_ACTOR_1",
    "ALLY_ACTOR_2",
)


@dataclass
class Coverage:
    """Actor mentions by how the KB covers them: `kb` (a KB actor or state force), `generic`
    (a country-level template), `group` (a template with a named group: "Pokot Ethnic Militia")."""

    mentions: int = 0
    kb: int = 0
    generic: int = 0
    group: int = 0
    missing: Counter[str] = field(default_factory=Counter)
    distinct: int = 0
    distinct_covered: int = 0

    @property
    def covered(self) -> int:
        return self.kb + self.generic + self.group

    def share(self, part: int) -> float:
        return part / self.mentions if self.mentions else 0.0


def actor_strings(path: Path) -> Counter[str]:
    """Every actor string in an ACLED CSV with its number of mentions (";"-joined cells split)."""
    counts: Counter[str] = Counter()
    with path.open(newline="", encoding="utf-8", errors="replace") as handle:
        for row in csv.DictReader(handle):
            for column in ACTOR_COLUMNS:
                for part in (row.get(column) or "").split(";"):
                    if part.strip():
                        counts[part.strip()] += 1
    return counts


def coverage(kb: KnowledgeBase, counts: Iterable[tuple[str, int]]) -> Coverage:
    known = kb.acled_names()
    result = Coverage()
    for name, n in counts:
        result.mentions += n
        result.distinct += 1
        if name in known or kb.by_acled_name(name):
            result.kb += n
        elif (generic := parse_generic(name, with_groups=False)) and not generic.unit:
            result.generic += n
        elif (grouped := parse_generic(name)) and not grouped.unit:
            result.group += n
        else:
            result.missing[name] += n
            continue
        result.distinct_covered += 1
    return result
