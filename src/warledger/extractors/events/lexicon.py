"""Word lists matched on lemmas: single words by set lookup, phrases as lemma sequences."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token


def token_keys(token: Token) -> tuple[str, ...]:
    """The forms a word list may name a token by: its lemma and its lower-cased text."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    return (lemma,) if lemma == lower else (lemma, lower)


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase's words as the parser tokenises them: a hyphen between letters is a token of its
    own ("shoot-out" is `shoot - out`)."""
    return tuple(re.sub(r"(?<=\w)-(?=\w)", " - ", phrase.lower()).split())


class Lexicon:
    """A set of words and phrases, each phrase matched as a sequence of lemmas (or lower forms)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases: list[str] = [str(p) for p in phrases]
        self._by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for phrase in self.phrases:
            words = phrase_words(phrase)
            if words:
                self._by_first[words[0]].append(words)
        for entries in self._by_first.values():
            entries.sort(key=len, reverse=True)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def match_at(self, tokens: Sequence[Token] | Doc, i: int) -> int:
        """The length in tokens of the longest phrase starting at tokens[i], 0 when none does."""
        for key in token_keys(tokens[i]):
            for words in self._by_first.get(key, ()):
                if i + len(words) <= len(tokens) and all(
                    words[k] in token_keys(tokens[i + k]) for k in range(1, len(words))
                ):
                    return len(words)
        return 0

    def find(self, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        """(start, end) token offsets of every match in `tokens`, left to right."""
        found: list[tuple[int, int]] = []
        for i in range(len(tokens)):
            length = self.match_at(tokens, i)
            if length:
                found.append((i, i + length))
        return found

    def any_in(self, tokens: Sequence[Token]) -> bool:
        return any(self.match_at(tokens, i) for i in range(len(tokens)))

    def has_token(self, token: Token) -> bool:
        """True when a single-word entry names this token."""
        return any((key,) in self._by_first.get(key, ()) for key in token_keys(token))
