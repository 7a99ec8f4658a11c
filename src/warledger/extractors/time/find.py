"""Time expressions normalised to SCHEMA.md's `when`, against the publication date.

`find_times` finds every expression (grammar: `time_grammar`, normalisation: `time_resolve`);
`when_for` picks the one that governs a claim: the expression nearest the claim's trigger in the
dependency tree of its sentence, else the leading date of its paragraph ("On 9 May 2020, ..."
covers the sentences after it), else the document's dateline. It returns None when nothing in the
text says when.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Token

from warledger.extractors.context import Context
from warledger.extractors.time.grammar import RawTime, scan_times
from warledger.extractors.time.resolve import NeedsPublication, resolve
from warledger.report import Span, When

_DATELINE_TOKENS = 14
"""A first sentence this short with a date in it is a dateline or headline date."""


@dataclass(frozen=True)
class TimeMention:
    span: Span
    when: When
    head: int
    """Token index of the expression's syntactic head (for dependency distance)."""
    sentence: int
    """Token index of the first token of the expression's sentence."""
    paragraph: int
    """Index of the paragraph (blank-line separated) the expression is in."""
    leading: bool
    """True when no verb precedes the expression in its sentence ("On 9 May 2020, X did Y")."""


def find_times(ctx: Context) -> list[TimeMention]:
    """Every time expression in the document with its normalised interval."""
    mentions: list[TimeMention] = []
    published = ctx.document.published
    story_day: date | None = None
    for raw in scan_times(ctx.text):
        head = _head_token(ctx, raw)
        if head is None or _is_count(raw, head):
            continue
        try:
            when = resolve(raw, ctx.text, published, story_day)
        except NeedsPublication:
            when = When(
                text=ctx.text[raw.start : raw.end], start=None, end=None, precision="unknown"
            )
        if when is None:
            continue
        if when.precision == "day" and when.end:
            story_day = date.fromisoformat(when.end)
        mentions.append(_mention(ctx, raw, when, head))
    mentions = _prefer_bracketed_dates(ctx.text, mentions)
    unresolved = [m.when.text or "" for m in mentions if m.when.precision == "unknown"]
    if unresolved:
        listed = ", ".join(f"'{text}'" for text in unresolved)
        ctx.warnings.append(
            f"no publication date: relative time expressions left unresolved: {listed}"
        )
    return mentions


_BRACKET = re.compile(r"\s*[(\[]\s*")


def _prefer_bracketed_dates(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """ "today (8 July)", "this morning (13/02)": the date in brackets restates the relative one."""
    dropped: set[int] = set()
    for n, (first, second) in enumerate(zip(mentions, mentions[1:], strict=False)):
        if (
            first.when.anchor != "explicit"
            and second.when.start is not None
            and _BRACKET.fullmatch(text[first.span.end : second.span.start])
        ):
            dropped.add(n)
    return [m for n, m in enumerate(mentions) if n not in dropped]


def _head_token(ctx: Context, raw: RawTime) -> Token | None:
    span = ctx.doc.char_span(raw.start, raw.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _is_count(raw: RawTime, head: Token) -> bool:
    """ "in 2000 attacks": a bare year that the parser reads as a number modifying a noun."""
    if raw.kind != "year":
        return False
    year = next((t for t in head.doc[head.i :] if t.like_num), None)
    if year is None or year.i + 1 >= len(head.doc):
        return False
    following = head.doc[year.i + 1]
    return (year.dep_ == "nummod" and year.head.i > year.i) or following.tag_ == "NNS"


def _mention(ctx: Context, raw: RawTime, when: When, head: Token) -> TimeMention:
    sentence = head.sent
    first = ctx.doc.char_span(raw.start, raw.end, alignment_mode="expand")
    first_token = first[0].i if first is not None else head.i
    leading = not any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[sentence.start : first_token])
    return TimeMention(
        span=ctx.span(raw.start, raw.end),
        when=when,
        head=head.i,
        sentence=sentence.start,
        paragraph=ctx.text.count("\n\n", 0, raw.start),
        leading=leading,
    )


def when_for(ctx: Context, start: int, end: int) -> When | None:
    """The time of a claim at characters [start, end): the governing clause's expression, else the
    sentence's (a resolved one before an unresolved one), else the paragraph's leading date, else the dateline's; None when the text is silent."""
    times: list[TimeMention] = ctx.times
    if not times:
        return None
    trigger = _trigger(ctx, start, end)
    if trigger is None:
        return None
    sentence = trigger.sent
    own = [m for m in times if m.sentence == sentence.start]
    if own:
        # a date the text does not let us resolve ("on 8 May" with no year and no publication
        # date, "overnight" with no publication date) yields to one it does
        best = min(
            own,
            key=lambda m: (
                m.when.precision == "unknown",
                _tree_distance(ctx.doc[m.head], trigger),
                abs(m.span.start - start),
            ),
        )
        return replace(best.when)
    fallback = _paragraph_date(ctx, times, start) or _dateline(ctx, times)
    return replace(fallback.when) if fallback else None


def _trigger(ctx: Context, start: int, end: int) -> Token | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span):
        return span.root
    for token in ctx.doc:
        if token.idx >= start and not token.is_space:
            return token
    return None


def _tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    up = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up:
            return n + up[t.i]
    return len(up) + 50


def _paragraph_date(ctx: Context, times: list[TimeMention], start: int) -> TimeMention | None:
    """The latest date opening a sentence earlier in the claim's paragraph, or any date in the
    paragraph's first sentence."""
    paragraph = ctx.text.count("\n\n", 0, start)
    earlier = [m for m in times if m.paragraph == paragraph and m.span.end <= start]
    leading = [m for m in earlier if m.leading]
    if leading:
        return leading[-1]
    if earlier:
        first_sentence = min(m.sentence for m in earlier)
        opening = ctx.doc[first_sentence].sent
        paragraph_start = ctx.text.rfind("\n\n", 0, start) + 1
        if opening.start_char <= paragraph_start + 2 and earlier[0].sentence == first_sentence:
            return earlier[0]
    return None


def _dateline(ctx: Context, times: list[TimeMention]) -> TimeMention | None:
    """A date in the document's short first sentence ("TRIPOLI, May 9 (Wire) -") or opening it."""
    first = next(iter(ctx.doc.sents), None)
    if first is None:
        return None
    for mention in times:
        if mention.sentence != first.start:
            break
        if mention.leading or len(first) <= _DATELINE_TOKENS:
            return mention
    return None
