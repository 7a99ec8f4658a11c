"""Fatalities and injuries stated for an event (vocabulary: `quantities/data/casualties.yaml`).

A casualty word ("killed", "dead", "injuring", "bodies") takes its figure from the count it
governs: the object after an active verb ("killed two civilians", "killing 5 and wounding 12"),
else the subject before a passive or predicate ("several soldiers were killed", "Six fatalities
reported", "a man was killed"). "a"/"an"/"one" + a singular noun counts one; "an unknown number"
counts nothing. Zero needs words that say so ("No casualties reported"). Unknown is None.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from warledger.extractors.context import Context
from warledger.extractors.quantities.casualty_figures import figures_for, total
from warledger.extractors.quantities.casualty_words import (
    casualty_vocabulary,
    cue_kinds,
    earlier_death,
)
from warledger.extractors.quantities.index import in_sentence
from warledger.report import Quantity


def casualties_in(
    ctx: Context, start: int, end: int, follow: bool = True
) -> tuple[Quantity | None, Quantity | None]:
    """(fatalities, injured) in the sentences overlapping [start, end); with `follow`, the next
    sentence of the paragraph too when those say nothing. Largest figure across sentences."""
    sentences = _sentences(ctx, start, end)
    if not sentences:
        return None, None
    found = [_sentence_casualties(ctx, s) for s in sentences]
    last = sentences[-1]
    if follow and all(f == (None, None) for f in found) and last.end < len(ctx.doc):
        following = ctx.doc[last.end].sent
        if "\n\n" not in ctx.text[last.end_char : following.start_char]:
            found.append(_sentence_casualties(ctx, following))
            last = following
    fatalities = _largest([f[0] for f in found])
    injured = _largest([f[1] for f in found])
    region = ctx.text[sentences[0].start_char : last.end_char]
    coded = next((m for p in casualty_vocabulary().coded if (m := p.search(region))), None)
    if coded:
        fatalities = Quantity(text=coded.group(), value=float(coded[1]), approximate=True)
    return fatalities, injured


def _sentences(ctx: Context, start: int, end: int) -> list[SpacySpan]:
    """The sentences overlapping characters [start, end), in order."""
    span = ctx.doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is None or not len(span):
        return []
    sentences = [span[0].sent]
    while sentences[-1].end < span.end:
        sentences.append(ctx.doc[sentences[-1].end].sent)
    return sentences


def _largest(figures: list[Quantity | None]) -> Quantity | None:
    known = [f for f in figures if f is not None]
    return max(known, key=_size) if known else None


def _size(quantity: Quantity) -> float:
    return quantity.value if quantity.value is not None else quantity.low or 0.0


def _sentence_casualties(
    ctx: Context, sentence: SpacySpan
) -> tuple[Quantity | None, Quantity | None]:
    """(fatalities, injured) of one sentence, read once per document (events share sentences)."""
    done: dict[int, tuple[Quantity | None, Quantity | None]] = ctx.memo.setdefault(
        "sentence_casualties", {}
    )
    if sentence.start not in done:
        done[sentence.start] = _read_sentence(ctx, sentence)
    return done[sentence.start]


def _read_sentence(ctx: Context, sentence: SpacySpan) -> tuple[Quantity | None, Quantity | None]:
    vocab = casualty_vocabulary()
    counts = {m.first: m for m in in_sentence(ctx, "count", sentence.start)}
    ends = {m.last: m for m in counts.values()}
    fatal: dict[int, Quantity] = {}
    injured: dict[int, Quantity] = {}
    for token in sentence:
        kinds = cue_kinds(token, vocab)
        if (
            not kinds
            or token.head.lemma_.lower() in vocab.unrealised
            or earlier_death(token, vocab)
        ):
            continue
        figures = figures_for(token, counts, ends, vocab)
        for kind in kinds:
            (fatal if kind == "fatal" else injured).update(figures)
    text = sentence.text
    zero_fatal = _zero(text, vocab.zero_both + vocab.zero_fatal)
    zero_injured = _zero(text, vocab.zero_both + vocab.zero_injured)
    return (total(fatal) or zero_fatal, total(injured) or zero_injured)


def _zero(text: str, patterns: tuple[re.Pattern[str], ...]) -> Quantity | None:
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return Quantity(text=match.group(), value=0.0)
    return None
