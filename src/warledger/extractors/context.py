"""What the extraction stages share: the document, its parse, and the records found so far.

The orchestrator (`warledger.extractors.pipeline.analyse`) runs the stages in order and stores each stage's
result here; a stage reads what earlier stages found and returns its own records.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from warledger.document import Document
from warledger.report import Actor, Event, Place, Relation, Source, Span, Statement


@dataclass
class Context:
    document: Document
    doc: Doc
    warnings: list[str] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[Any] = field(default_factory=list)
    """TimeMention records from `extract.when` (span + normalised When)."""
    quantities: list[Any] = field(default_factory=list)
    """Quantity, money and duration mentions from `extract.quantities`."""
    sources: list[Source] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    _counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    memo: dict[str, Any] = field(default_factory=dict)
    """Values computed once per document and read many times (the document's country votes,
    indexes of its sentences and entities); keyed by the name of the function that fills them."""

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def ents(self) -> tuple[SpacySpan, ...]:
        """`doc.ents`, built once: spaCy rebuilds the tuple from every token on each access."""
        found: tuple[SpacySpan, ...] | None = self.memo.get("ents")
        if found is None:
            found = self.memo["ents"] = tuple(self.doc.ents)
            self.memo["ent_starts"] = [ent.start for ent in found]
        return found

    def ents_within(self, start: int, end: int) -> list[SpacySpan]:
        """`doc[start:end].ents` (the entities that lie wholly in tokens [start, end)), found by
        bisection instead of a walk over the whole document."""
        ents = self.ents
        k = bisect_left(self.memo["ent_starts"], start)
        out: list[SpacySpan] = []
        while k < len(ents) and ents[k].end <= end:
            out.append(ents[k])
            k += 1
        return out

    def new_id(self, prefix: str) -> str:
        """Document-local ids: a1, a2 ... for actors, p1 for places, e1 for events, and so on."""
        self._counters[prefix] += 1
        return f"{prefix}{self._counters[prefix]}"

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.document.text, start, end)

    def span_of(self, item: SpacySpan | Any) -> Span:
        """A report Span for a spaCy Span or Token."""
        if isinstance(item, SpacySpan):
            return self.span(item.start_char, item.end_char)
        return self.span(item.idx, item.idx + len(item.text))
