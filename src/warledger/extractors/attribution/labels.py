"""Statements marked by layout rather than by a verb: speaker labels and sign-offs.

- a label before a colon at the start of a line: "WALLACE: Let's start ...", "Poll: Voters ...",
  "Ahmed al-Hassan: 'We will stay.'" (transcripts and headlines);
- a sign-off line after a quote: "— Maria Lopez, a nurse" or "“...” ― Maria Lopez".

The label words that name no speaker ("UPDATE:", "Photo:") are data, in attribution/data/attribution.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from warledger.extractors.attribution.vocabulary import AttributionVocabulary

_LABEL = re.compile(r"^[\"'\u201c\u2018]?([^:\n]{2,60}?)\s?:(?=\s|$)")
_AFTER_DASH = re.compile(r"(?:^|\s)[-\u2013\u2014\u2015]{1,2}\s?(?=\S)")
_SIGNOFF = re.compile(
    r"(?:^|(?<=[\s\u201d\"']))([-\u2013\u2014\u2015]{1,2})\s?([^\s\-\u2013\u2014\u2015][^\n]{1,80})$"
)
_NAME_END = re.compile(r"\s*(?:[,(.;]|$)")
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY"})

Found = tuple[SpacySpan, Token, Token, tuple[int, int]]
"""(source phrase, its head, the cue token, the content's [start, end))."""


def layout_statements(
    doc: Doc, text: str, quotes: list[tuple[int, int]], vocabulary: AttributionVocabulary
) -> Iterator[Found]:
    """Speaker labels and sign-offs, line by line."""
    offset = 0
    lines = text.split("\n")
    labels = [m.group(1) for m in map(_LABEL.match, lines) if m is not None]
    labels = [label for label in labels if label.isupper()]
    for number, line in enumerate(lines):
        found = _label(doc, text, offset, line, lines, number, vocabulary, labels)
        if found is None:
            found = _signoff(doc, text, offset, line, quotes, vocabulary)
        if found is not None:
            yield found
        offset += len(line) + 1


def _label(
    doc: Doc,
    text: str,
    offset: int,
    line: str,
    lines: list[str],
    number: int,
    vocabulary: AttributionVocabulary,
    labels: list[str],
) -> Found | None:
    starts = [0] + [m.end() for m in _AFTER_DASH.finditer(line)]
    for start in starts[:2]:
        match = _LABEL.match(line[start:])
        if match is None:
            continue
        name_start = offset + start + match.start(1)
        name_end = offset + start + match.end(1)
        colon = offset + start + match.end()
        phrase = doc.char_span(name_start, name_end, alignment_mode="contract")
        cue = doc.char_span(colon - 1, colon, alignment_mode="expand")
        if phrase is None or cue is None or not _speaker(phrase, vocabulary, labels):
            continue
        content_start, content_end = colon, offset + len(line)
        if not line[match.end() + start :].strip() and number + 1 < len(lines):
            following = next((n for n in range(number + 1, len(lines)) if lines[n].strip()), None)
            if following is None:
                continue
            content_start = offset + sum(len(x) + 1 for x in lines[number:following])
            content_end = content_start + len(lines[following])
        if not any(c.isalpha() for c in text[content_start:content_end]):
            continue  # "Sanders: 46." is a tally, not a saying
        return phrase, phrase.root, cue[0], (content_start, content_end)
    return None


def _signoff(
    doc: Doc,
    text: str,
    offset: int,
    line: str,
    quotes: list[tuple[int, int]],
    vocabulary: AttributionVocabulary,
) -> Found | None:
    match = _SIGNOFF.search(line)
    if match is None:
        return None
    tail = match.group(2)
    name_end = _NAME_END.search(tail)
    size = name_end.start() if name_end else len(tail)
    name_start = offset + match.start(2)
    phrase = doc.char_span(name_start, name_start + size, alignment_mode="contract")
    cue = doc.char_span(offset + match.start(1), offset + match.end(1), alignment_mode="expand")
    if phrase is None or cue is None or len(phrase) > 5 or not _person(phrase):
        return None
    if phrase.text.lower() in vocabulary.dateline_outlets:
        return None  # "-- AFP" names the publisher
    dash = offset + match.start(1)
    before = text[offset:dash].strip()
    if len(before) >= 3:
        return phrase, phrase.root, cue[0], (offset, offset + len(text[offset:dash].rstrip()))
    for q_start, q_end in quotes:
        if q_end <= dash and not text[q_end:dash].strip():
            return phrase, phrase.root, cue[0], (q_start, q_end)
    return None


def _speaker(phrase: SpacySpan, vocabulary: AttributionVocabulary, labels: list[str]) -> bool:
    """A label that names who speaks: a person or body, a transcript name (in a document with
    more than one capitalised label), a poll or a paper."""
    if len(phrase) > 6 or phrase.text.lower() in vocabulary.not_speaker_labels:
        return False
    root = phrase.root
    if root.ent_type_ in _PLACE_LABELS or any(t.like_num for t in phrase):
        return False
    words = [t for t in phrase if t.is_alpha]
    if not words or not words[0].text[:1].isupper():
        return False
    if root.ent_type_ in _SPEAKER_LABELS:
        return True
    if all(t.is_upper and len(t) > 1 for t in words) and len(labels) > 1:
        return True  # a transcript: more than one capitalised speaker label
    return root.lower_ in vocabulary.heads["document"] | vocabulary.heads["outlet"]


def _person(phrase: SpacySpan) -> bool:
    """A sign-off name: capitalised words, at least one of them a person or body's name."""
    words = [t for t in phrase if t.is_alpha]
    if not words or not all(t.text[:1].isupper() for t in words):
        return False
    return any(t.ent_type_ in _SPEAKER_LABELS for t in phrase)
