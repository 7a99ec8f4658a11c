"""Role fillers: from parse tokens to the actor and place records earlier stages found."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Token

from warledger.extractors.context import Context
from warledger.extractors.events.lexicon import token_keys
from warledger.extractors.events.vocabulary import vocabulary

PARTITIVE = {
    "member",
    "body",
    "group",
    "one",
    "some",
    "dozen",
    "hundred",
    "thousand",
    "number",
    "unit",
    "element",
}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    id: str


class MentionIndex:
    """Character-span mentions of actors or places, looked up by position."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)

    @classmethod
    def of(cls, records: list) -> MentionIndex:
        return cls([Mention(s.start, s.end, r.id) for r in records for s in r.mentions])

    def at(self, start: int, end: int) -> str | None:
        """The record whose mention covers [start, end) (the innermost)."""
        best: Mention | None = None
        # Only a mention starting at most the longest mention's length before `start` can cover it.
        first = bisect_left(self._starts, start - self._longest) if start <= end else 0
        for m in self.mentions[first : bisect_right(self._starts, start)]:
            if (
                m.start <= start
                and end <= m.end
                and (best is None or m.end - m.start < best.end - best.start)
            ):
                best = m
        return best.id if best else None

    def within(self, start: int, end: int) -> list[str]:
        """Records with a mention inside [start, end), in text order."""
        out: list[str] = []
        first = bisect_left(self._starts, start)
        for m in self.mentions[first : bisect_right(self._starts, end)]:
            if m.start >= start and m.end <= end and m.id not in out:
                out.append(m.id)
        return out


def _phrase(token: Token) -> tuple[int, int]:
    """The noun phrase a head token stands for, without relative clauses or trailing commas."""
    left, right = token.left_edge.i, token.i
    for child in token.rights:
        if child.dep_ in {"relcl", "acl", "appos", "conj", "cc", "punct", "advcl"}:
            break
        right = child.right_edge.i
    doc = token.doc
    return doc[left].idx, doc[right].idx + len(doc[right])


def resolve(token: Token, index: MentionIndex) -> str | None:
    """The record a filler names: its head's mention, else the first mention in its phrase."""
    covering = index.at(token.idx, token.idx + len(token))
    if covering:
        return covering
    start, end = _phrase(token)
    inside = index.within(start, end)
    return inside[0] if inside else None


def participant_class(token: Token, ctx: Context, actor_id: str | None) -> str | None:
    """armed, civilian or unarmed_group: from the actor's kind, else the phrase's head nouns."""
    vocab = vocabulary()
    modifiers = [t for t in token.subtree if t.i < token.i]
    relative = [t for c in token.children if c.dep_ == "relcl" for t in c.subtree]
    if vocab.lexicons["unarmed_modifiers"].any_in(modifiers + relative):
        # "an off-duty police officer", "a retired soldier", "an officer who was off duty"
        return "civilian"
    armed_words = (c for c in token.children if c.dep_ in {"amod", "compound"})
    if vocab.participant_classes["armed"].has_token(token) or any(
        c.lemma_.lower() == "armed" for c in armed_words
    ):
        return "armed"  # "two armed men", "gunmen": armed whatever kind the actor stage gave
    if actor_id:
        kind = next((a.kind for a in ctx.actors if a.id == actor_id), None)
        for name in ("armed", "unarmed_group", "civilian"):
            if kind in vocab.kind_classes.get(name, ()):
                return name
    heads = [token, *(c for c in token.children if c.dep_ in {"compound", "amod", "poss"})]
    if token.lemma_.lower() in PARTITIVE:
        # "a member of Sharqiya Army", "the bodies of two civilians": the of-phrase says who.
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in (o for o in child.children if o.dep_ == "pobj"):
                    heads[:0] = [obj, *(c for c in obj.children if c.dep_ in {"compound", "amod"})]
    for name in ("armed", "civilian", "unarmed_group"):
        if any(vocab.participant_classes[name].has_token(head) for head in heads):
            return name
    return None


def head_words(token: Token) -> set[str]:
    return set(token_keys(token))
