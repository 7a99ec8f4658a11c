"""Inducements ("terms") and purpose clauses of an event (vocabulary: `quantities/data/terms.yaml`).

Terms are the conditions offered in the trigger's sentence ("a salary", "Turkish citizenship",
"exemption from military service"), each as written, extended left over adjectives and names.
The purpose is the clause saying why, from its marker to the end of its verb phrase: "to protect
oil installations", "for protecting oil facilities", "in order to guard the border".
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token
from spacy.vocab import Vocab

from warledger.extractors.quantities.numbers import DATA
from warledger.yaml_data import load_yaml

_EXTENDERS = ("ADJ", "PROPN")


@lru_cache(maxsize=1)
def terms_vocabulary() -> dict[str, Any]:
    with open(DATA / "terms.yaml", encoding="utf-8") as handle:
        data: dict[str, Any] = load_yaml(handle)
    return data


@lru_cache(maxsize=4)
def _term_matcher(vocab: Vocab) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr="LOWER")
    from spacy.lang.en import English

    tokenizer = English(vocab=vocab).tokenizer
    matcher.add("TERM", [tokenizer(str(term)) for term in terms_vocabulary()["terms"]])
    return matcher


def terms_in(sentence: SpacySpan) -> list[str]:
    """Inducements named in a sentence, longest match first, in text order."""
    doc = sentence.doc
    spans = [doc[start:end] for _, start, end in _term_matcher(doc.vocab)(sentence)]
    found: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        start, end = span.start, span.end
        if len(span) == 1 and doc[start].pos_ not in ("NOUN", "PROPN"):
            continue
        if any(start < e and s < end for s, e in found):
            continue
        while start - 1 >= sentence.start and doc[start - 1].pos_ in _EXTENDERS:
            start -= 1
        found.append((start, end))
    return [doc[s:e].text for s, e in sorted(found)]


def purpose_in(trigger: Token) -> str | None:
    """The purpose clause that follows the trigger in its sentence, or None."""
    vocab = terms_vocabulary()
    not_after = set(vocab["purpose_not_after"])
    if trigger.lemma_.lower() in not_after:
        return None
    sentence = trigger.sent
    for token in sentence[trigger.i - sentence.start + 1 :]:
        verb = _clause_verb(token)
        if verb is None:
            continue
        start = _marker_start(token)
        if start == token.i and not _governed(verb, token, trigger):
            continue
        end = max(t.i for t in verb.subtree) + 1
        while end > start and trigger.doc[end - 1].is_punct:
            end -= 1
        return trigger.doc[start:end].text
    return None


def _clause_verb(token: Token) -> Token | None:
    """The verb of a clause opened at `token`: "to" + verb, or "for" + verb-ing."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is None:
        return None
    if token.lower_ == "to" and token.tag_ == "TO" and following.tag_ == "VB":
        return following
    if token.lower_ == "for" and following.tag_ == "VBG":
        return following
    return None


def _governed(verb: Token, marker: Token, trigger: Token) -> bool:
    """A bare "to"/"for" clause is a purpose when it attaches to the trigger or to its object."""
    head = verb.head if verb.head.i != marker.i else marker.head
    if head == trigger or (head.pos_ in ("NOUN", "PROPN") and head.head == trigger):
        return True
    return verb.dep_ == "advcl" and trigger in verb.ancestors


def _marker_start(token: Token) -> int:
    """Start of a multi-word marker ending at `token` ("in order to", "in a bid to")."""
    doc = token.doc
    for marker in terms_vocabulary()["purpose_markers"]:
        words = str(marker).split()
        begin = token.i - len(words) + 1
        if begin >= 0 and [t.lower_ for t in doc[begin : token.i + 1]] == words:
            return begin
    return token.i
