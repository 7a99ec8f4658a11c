"""The records and text helpers the statement shapes share: a found statement, noun phrases,
quoted passages and span trimming."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

_QUOTE = re.compile(r"[\u201c\u201d\"]")
EDGE = " \n,;:-\u2013\u2014"


@dataclass
class FoundStatement:
    cue_start: int
    cue_end: int
    cue: Token
    content_start: int
    content_end: int
    source: SpacySpan | None = None
    source_head: Token | None = None
    relays: list[tuple[SpacySpan, Token]] = field(default_factory=list)
    """Who passed the claim on, nearest to the source first (the quoting outlet, the one told)."""
    channel: str | None = None
    by_verb: bool = False
    """Found through a cue verb (not "according to" or a reporting noun)."""
    lemma: str | None = None
    """The cue verb's lemma, mended where the parser's is wrong ("hopes" -> "hope")."""
    layout: bool = False
    """Found from the page's layout: a transcript label or a sign-off."""
    folded: list[FoundStatement] = field(default_factory=list)
    """Doubts voiced inside this statement's content, kept as part of it ("said he believes")."""


def phrase_of(token: Token) -> SpacySpan:
    """A noun phrase: the token's subtree without edge punctuation or a trailing relative clause."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    if token.ent_iob_ != "O":  # a name the parser split into sister tokens: "al - Mismari"
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Quoted passages (marks included); an unclosed quote runs to the end of its paragraph."""
    regions: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n\n"):
        opened: int | None = None
        for match in _QUOTE.finditer(paragraph):
            mark = match.group()
            if opened is None and mark != "\u201d":
                opened = match.start()
            elif opened is not None and mark != "\u201c":
                regions.append((offset + opened, offset + match.end()))
                opened = None
        if opened is not None:
            regions.append((offset + opened, offset + len(paragraph)))
        offset += len(paragraph) + 2
    return regions


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE + ".":
        end -= 1
    if end < len(text) and text[end] in '\u201d"' and start < end:
        end += 1
    return start, end
