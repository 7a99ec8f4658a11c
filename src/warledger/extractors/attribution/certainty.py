"""How sure a claim is (ONTOLOGY.md): the cue's level combined with modality in the claim's clause."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Token

from warledger.extractors.attribution.vocabulary import certainty_vocabulary
from warledger.report import Certainty

# Dependencies that leave the claim's own clause: walking up stops at them.
_CLAUSE_EDGES = frozenset({"ccomp", "advcl", "relcl", "parataxis", "ROOT", "csubj", "acl"})
# Children of a clause token that carry its modality ("reportedly", "may", "alleged").
_MODIFIERS = frozenset(
    {"aux", "auxpass", "advmod", "amod", "npadvmod", "acomp", "quantmod", "nummod", "neg"}
)
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})


def more_uncertain(first: str, second: str) -> Certainty:
    """The more uncertain of two levels; `denied` wins over all."""
    levels = certainty_vocabulary().levels
    return first if levels.index(first) >= levels.index(second) else second  # type: ignore[return-value]


def cue_certainty(cue: Token, lemma: str | None = None) -> Certainty:
    """The level a reporting word gives its statement: "denied" -> denied, "claimed" -> alleged."""
    vocabulary = certainty_vocabulary()
    level: str = vocabulary.cue_levels.get(lemma or cue.lemma_.lower(), "reported")
    for child in cue.children:
        if child.dep_ in ("advmod", "aux"):
            level = more_uncertain(level, vocabulary.words.get(child.lower_, "reported"))
    return level  # type: ignore[return-value]


def clause_tokens(
    doc: Doc, start: int, end: int, stop: frozenset[int] = frozenset()
) -> list[Token]:
    """The claim's head and the tokens that govern it up to its clause head (or a stop token)."""
    path: dict[int, Token] = {}
    for token in span_heads(doc, start, end):
        current = token
        while current.i not in path and current.i not in stop:
            path[current.i] = current
            if current.dep_ in _CLAUSE_EDGES or current.head.i == current.i:
                break
            current = current.head
    return list(path.values())


def span_heads(doc: Doc, start: int, end: int) -> list[Token]:
    """The heads of the tokens at [start, end): a trigger word itself, a phrase's head, or a
    sentence's main verb (a claim given as a whole sentence is judged by its main clause)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    return [t for t in span if t.head.i == t.i or not (span.start <= t.head.i < span.end)]


def _modality_tokens(path: Iterable[Token]) -> set[int]:
    found: set[int] = set()
    for token in path:
        found.add(token.i)
        for child in token.children:
            if child.dep_ in _MODIFIERS:
                found.add(child.i)
                found.update(grand.i for grand in child.children if grand.dep_ in _MODIFIERS)
            if child.dep_ in _ARGUMENTS or child.dep_ in ("prep", "agent"):
                # "shells by alleged LNA forces", "alleged mercenaries": a doubted participant.
                found.update(_participant_modifiers(child))
            if child.dep_ in _ARGUMENTS:
                # "approximately 300 people were killed": the hedge sits on the number of an argument.
                for grand in child.children:
                    if grand.dep_ in ("nummod", "amod"):
                        found.add(grand.i)
                        found.update(
                            g.i for g in grand.children if g.dep_ in ("advmod", "quantmod")
                        )
    return found


def _participant_modifiers(child: Token) -> list[int]:
    nouns = [child] if child.pos_ in ("NOUN", "PROPN") else []
    nouns += [g for g in child.children if g.dep_ == "pobj"]
    nouns += [
        g
        for noun in nouns
        for p in noun.children
        if p.dep_ == "prep"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    nouns += [c for noun in nouns for c in noun.children if c.dep_ == "conj"]
    return [m.i for noun in nouns for m in noun.children if m.dep_ in ("amod", "compound")]


def clause_certainty(
    doc: Doc, start: int, end: int, stop: frozenset[int] = frozenset()
) -> Certainty:
    """The level the words in the claim's own clause give it ("reportedly", "may", "is believed to")."""
    vocabulary = certainty_vocabulary()
    path = clause_tokens(doc, start, end, stop)
    if not path:
        return "asserted"
    marked = _modality_tokens(path)
    level: str = "asserted"
    for i in marked:
        if doc[i].pos_ in ("PROPN", "NUM"):  # "On 9 May", not the modal "may"
            continue
        word_level = vocabulary.words.get(doc[i].lower_)
        if word_level:
            level = more_uncertain(level, word_level)
    low = max(min(marked) - 3, 0)
    lowered = [token.lower_ for token in doc[low : max(marked) + 4]]
    for k, word in enumerate(lowered):
        for phrase, phrase_level in _phrases_by_first_word().get(word, ()):
            size = len(phrase)
            if tuple(lowered[k : k + size]) == phrase and any(
                low + k + j in marked for j in range(size)
            ):
                level = more_uncertain(level, phrase_level)
    return level  # type: ignore[return-value]


@lru_cache(maxsize=1)
def _phrases_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, level in certainty_vocabulary().phrases.items():
        index.setdefault(phrase[0], []).append((phrase, level))
    return index
