"""Phrase tables: spaCy's PhraseMatcher as a dictionary lookup over token sequences, cached on disk.

A PhraseMatcher over 100,000 place names takes seconds to build (every name is tokenised into a
Doc) and holds hundreds of megabytes. A `PhraseTable` keeps only what matching needs: each name's
token sequence (its lower-cased or exact token texts, joined) with its labels, and the set of
proper prefixes of those sequences. Matching walks the document's words once, extending a
candidate only while it is a prefix of some name.

`PhraseTable.matches` returns what `PhraseMatcher.__call__` returns, in the same order: by start
token, then by end token, and the labels of one sequence in the order the matcher's hash map holds
them (`build_table` asks a one-pattern PhraseMatcher for that order when a sequence has more than
one label). Built tables are pickled into the cache directory (`warledger.kb.gazetteer.cache_dir`)
under a key the caller derives from everything the table depends on.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

FORMAT = 1
"""Bump when the pickled layout or the matching rules change."""
SEPARATOR = "\x1f"
KEEP_FILES = 8
"""Cache files of a kind kept besides the current one (worktrees with other data share the
directory)."""


@dataclass(frozen=True)
class PhraseTable:
    attr: str
    """"LOWER" (case-insensitive: `Token.lower_`) or "ORTH" (exact: `Token.text`)."""
    labels: dict[str, tuple[str, ...]]
    """Joined token texts of a name -> its labels, in PhraseMatcher's order."""
    prefixes: frozenset[str]
    """Every proper prefix (in tokens) of a key of `labels`."""

    def matches(self, words: Sequence[str]) -> list[tuple[str, int, int]]:
        """(label, start, end) of every name in `words` (the document's token texts in `attr`)."""
        labels, prefixes = self.labels, self.prefixes
        found: list[tuple[str, int, int]] = []
        n = len(words)
        for i in range(n):
            key = words[i]
            j = i + 1
            while True:
                hit = labels.get(key)
                if hit is not None:
                    found.extend((label, i, j) for label in hit)
                if j >= n or key not in prefixes:
                    break
                key = f"{key}{SEPARATOR}{words[j]}"
                j += 1
        return found


def words_of(doc: Doc, attr: str) -> list[str]:
    """The token texts a table with `attr` matches against."""
    if attr == "LOWER":
        return [t.lower_ for t in doc]
    return [t.text for t in doc]


def build_table(nlp: Any, attr: str, groups: Iterable[tuple[str, Iterable[str]]]) -> PhraseTable:
    """The table of `groups` ((label, names), in the order a PhraseMatcher would add them)."""
    tokenizer = nlp.tokenizer
    labels: dict[str, list[str]] = {}
    example: dict[str, Doc] = {}
    for label, names in groups:
        for doc in tokenizer.pipe(list(names)):
            if len(doc) == 0:
                continue  # PhraseMatcher.add skips empty patterns
            key = SEPARATOR.join(words_of(doc, attr))
            held = labels.setdefault(key, [])
            if label not in held:
                held.append(label)
            example.setdefault(key, doc)
    prefixes: set[str] = set()
    for key in labels:
        parts = key.split(SEPARATOR)
        for k in range(1, len(parts)):
            prefixes.add(SEPARATOR.join(parts[:k]))
    ordered = {
        key: tuple(held) if len(held) == 1 else _matcher_order(nlp, attr, example[key], held)
        for key, held in labels.items()
    }
    return PhraseTable(attr=attr, labels=ordered, prefixes=frozenset(prefixes))


def _matcher_order(nlp: Any, attr: str, doc: Doc, held: list[str]) -> tuple[str, ...]:
    """The order in which a PhraseMatcher reports the labels of one token sequence: that of its
    hash map, which depends on the labels' hashes and on the order they were added."""
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for label in held:
        matcher.add(label, [doc])
    return tuple(
        nlp.vocab.strings[match_id]
        for match_id, start, end in matcher(doc)
        if (start, end) == (0, len(doc))
    )


def digest(*parts: str | bytes) -> str:
    """A short key for a cache file from everything its content depends on."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\x00")
    return h.hexdigest()[:16]


def load_cached(directory: Path, kind: str, key: str) -> Any | None:
    """The object cached as `kind` under `key`, or None when there is none (or it is unreadable)."""
    try:
        with (directory / f"{kind}-{key}-{FORMAT}.pickle").open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None


def store_cached(directory: Path, kind: str, key: str, value: Any) -> None:
    """Cache `value` as `kind` under `key`, keeping the newest few other files of that kind."""
    path = directory / f"{kind}-{key}-{FORMAT}.pickle"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        others = sorted(
            (p for p in directory.glob(f"{kind}-*.pickle") if p != path),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in others[KEEP_FILES:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache directory only costs the build time on the next start
