"""Bounds that keep parsing linear on pathological text, and leave normal text untouched.

- spaCy's tokenizer strips prefix and suffix punctuation one character at a time, re-searching the
  rest each time: a run of 20,000 "!" took 43 s. `BoundedTokenizer` tokenizes a run of more than
  `LONG_CHUNK` non-space characters in pieces, so its cost is linear; the text is unchanged.
- Stages look at a trigger's whole sentence, so a sentence of n tokens with n triggers costs n²
  ("killed and" 3,000 times took 86 s). `bound_sentences` starts a new sentence after
  `MAX_SENTENCE_TOKENS` tokens with no sentence-final punctuation; real sentences are far shorter.
"""

from __future__ import annotations

import re

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

LONG_CHUNK = 200
"""Non-space runs at least this long are tokenized in pieces (a long URL is about 150)."""
PIECE = 100
MAX_SENTENCE_TOKENS = 250
_LONG = re.compile(rf"\S{{{LONG_CHUNK},}}")
_FINAL = frozenset(".!?;:")


class BoundedTokenizer:
    """spaCy's tokenizer, with runs of non-space characters longer than LONG_CHUNK cut in pieces."""

    def __init__(self, inner: Tokenizer) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> object:  # vocab, rules, to_bytes...: the inner tokenizer's
        return getattr(self.inner, name)

    def __call__(self, text: str) -> Doc:
        if len(text) < LONG_CHUNK or not _LONG.search(text):
            return self.inner(text)
        docs: list[Doc] = []
        position = 0
        for match in _LONG.finditer(text):
            if match.start() > position:
                docs.append(self.inner(text[position : match.start()]))
            for start in range(match.start(), match.end(), PIECE):
                docs.append(self.inner(text[start : min(start + PIECE, match.end())]))
            position = match.end()
        if position < len(text):
            docs.append(self.inner(text[position:]))
        return Doc.from_docs(docs, ensure_whitespace=False)


def bound_sentences(doc: Doc) -> None:
    """Before parsing: a sentence start after MAX_SENTENCE_TOKENS tokens with no . ! ? ; or :"""
    if len(doc) <= MAX_SENTENCE_TOKENS:
        return
    run = 0
    for token in doc:
        if token.is_sent_start and token.i > 0:
            run = 0
        if run >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            run = 0
        run += 1
        if token.text[-1:] in _FINAL:
            run = 0
