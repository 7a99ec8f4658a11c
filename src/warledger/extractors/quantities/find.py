"""People counts, casualties, money, durations, inducements and purposes.

`find_quantities` finds every count, sum of money and duration (grammar and conventions:
`quantity_grammar`); the events stage asks for the ones that belong to an event with the helpers
below, each given the event trigger's characters [start, end):
- `casualties_for` -> (fatalities, injured), see `quantity_casualties`;
- `quantity_for` -> the count nearest the trigger in its sentence that is not a casualty figure;
- `money_for`, `duration_for` -> the sum or duration nearest the trigger in its sentence;
- `terms_for`, `purpose_for` -> inducements offered and the purpose clause, see `quantity_terms`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from warledger.extractors.context import Context
from warledger.extractors.quantities.casualties import casualties_in
from warledger.extractors.quantities.grammar import Match, scan_quantities
from warledger.extractors.quantities.index import in_sentence
from warledger.extractors.quantities.terms import purpose_in, terms_in
from warledger.report import Duration, Money, Quantity, Span

__all__ = [
    "QuantityMention",
    "casualties_for",
    "duration_for",
    "find_quantities",
    "money_for",
    "purpose_for",
    "quantity_for",
    "terms_for",
]

_UNIT_SKIP = {"of", "the", "those", "these", "its", "their", "his", "her"}
_UNIT_RUN = 5


@dataclass(frozen=True)
class QuantityMention:
    span: Span
    kind: str
    """"count", "money" or "duration"."""
    quantity: Quantity | None = None
    money: Money | None = None
    duration: Duration | None = None
    first: int = 0
    """Index of the mention's first token."""
    last: int = 0
    """Index of the mention's last token."""
    sentence: int = 0
    """Index of the first token of the mention's sentence."""


def find_quantities(ctx: Context) -> list[QuantityMention]:
    """Every count, sum of money and duration outside the document's time expressions."""
    taken = [(t.span.start, t.span.end) for t in ctx.times]
    mentions: list[QuantityMention] = []
    for match in scan_quantities(ctx.text):
        if any(match.start < end and start < match.end for start, end in taken):
            continue
        mention = _mention(ctx, match)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _mention(ctx: Context, match: Match) -> QuantityMention | None:
    span = ctx.doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    quantity = match.quantity
    if quantity is not None and _looks_like_a_year(match, span):
        return None
    if quantity is not None:
        quantity = replace(quantity, unit=_unit(ctx.doc[span.end - 1]))
    return QuantityMention(
        span=ctx.span(match.start, match.end),
        kind=match.kind,
        quantity=quantity,
        money=match.money,
        duration=match.duration,
        first=span.start,
        last=span.end - 1,
        sentence=span[0].sent.start,
    )


_YEAR_LIKE = re.compile(r"(?:19|20)\d\d(?:\s*[-–]\s*\d{2,4})?")


def _looks_like_a_year(match: Match, span: SpacySpan) -> bool:
    """ "the 2013 attack", "in 2012-15": a bare year, unless it counts a plural ("2000 fighters")."""
    doc = span.doc
    if not _YEAR_LIKE.fullmatch(span.text):
        return False
    following = doc[span.end] if span.end < len(doc) else None
    return following is None or following.tag_ != "NNS" or "-" in span.text or "–" in span.text


def _unit(last: Token) -> str | None:
    """The head noun a figure counts: "2,000 fighters", "hundreds of civilians", "9 regime soldiers"."""
    doc = last.doc
    i = last.i + 1
    sentence_end = last.sent.end
    while i < sentence_end and doc[i].lower_ in _UNIT_SKIP:
        i += 1
    unit: str | None = None
    name: str | None = None
    for token in doc[i : min(sentence_end, i + _UNIT_RUN)]:
        if token.pos_ == "NOUN":
            unit = token.lower_
        elif token.pos_ == "PROPN":
            name = token.text
        elif token.pos_ != "ADJ" and not (token.text == "-" or token.dep_ == "compound"):
            break
    return unit or (name if name and name.endswith("s") else None)


def _sentence_of(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sentence = span.root.sent
    return sentence.start, span.root.i


def _nearest(ctx: Context, start: int, end: int, kind: str) -> QuantityMention | None:
    located = _sentence_of(ctx, start, end)
    if located is None:
        return None
    sentence, trigger = located
    candidates = in_sentence(ctx, kind, sentence)
    if not candidates:
        return None
    return min(candidates, key=lambda m: min(abs(m.first - trigger), abs(m.last - trigger)))


def casualties_for(ctx: Context, start: int, end: int) -> tuple[Quantity | None, Quantity | None]:
    """(fatalities, injured) stated for the event at characters [start, end); None when unknown.

    The sentences overlapping [start, end) are read, and the next sentence of the paragraph when
    they say nothing about casualties ("X shelled Y. No casualties reported."). Figures in several
    sentences are not added up (news repeats a toll); the largest is kept. Explicit zeros ("no
    casualties", "neither fatalities nor injuries were reported") are 0; ACLED's own "Unknown
    fatalities coded as 10" gives value 10, approximate true, as ACLED's fatalities column does.
    """
    return casualties_in(ctx, start, end)


def quantity_for(ctx: Context, start: int, end: int) -> Quantity | None:
    """The count nearest the trigger in its sentence ("deployed 2,000 fighters"), casualties aside."""
    located = _sentence_of(ctx, start, end)
    if located is None:
        return None
    fatalities, injured = casualties_in(ctx, start, end, follow=False)
    used = {q.text for q in (fatalities, injured) if q is not None}
    sentence, trigger = located
    candidates = [
        m for m in in_sentence(ctx, "count", sentence) if m.quantity and m.quantity.text not in used
    ]
    if not candidates:
        return None
    best = min(candidates, key=lambda m: min(abs(m.first - trigger), abs(m.last - trigger)))
    return best.quantity


def money_for(ctx: Context, start: int, end: int) -> Money | None:
    """The sum of money nearest the trigger in its sentence ("a salary of $1,000 a month")."""
    mention = _nearest(ctx, start, end, "money")
    return mention.money if mention else None


def duration_for(ctx: Context, start: int, end: int) -> Duration | None:
    """The duration nearest the trigger in its sentence ("for a period of three months": 90 days)."""
    mention = _nearest(ctx, start, end, "duration")
    return mention.duration if mention else None


def terms_for(ctx: Context, start: int, end: int) -> list[str]:
    """Inducements named in the trigger's sentence ("a salary", "Turkish citizenship", "amnesty")."""
    located = _sentence_of(ctx, start, end)
    return terms_in(ctx.doc[located[0]].sent) if located else []


def purpose_for(ctx: Context, start: int, end: int) -> str | None:
    """The purpose clause after the trigger ("to protect oil installations")."""
    located = _sentence_of(ctx, start, end)
    return purpose_in(ctx.doc[located[1]]) if located else None
