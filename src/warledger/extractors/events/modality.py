"""Negation and modality local to an event's trigger (cue lists in modality.yaml)."""

from __future__ import annotations

from spacy.tokens import Token

from warledger.extractors.events.vocabulary import vocabulary

# Links along which a governing word's modality reaches the trigger: "expected to fight",
# "plans to deploy", "the plan to send".
GOVERNING = {"xcomp", "acl", "ccomp", "advcl", "pobj", "prep", "dobj", "conj"}


def _governors(token: Token, limit: int = 3) -> list[Token]:
    out: list[Token] = []
    node = token
    while node.head.i != node.i and node.dep_ in GOVERNING and len(out) < limit:
        node = node.head
        out.append(node)
    return out


def is_negated(token: Token) -> bool:
    cues = vocabulary().modality
    words = cues["negation_words"]
    own = [token, *(t for t in _governors(token, 1) if token.dep_ in {"xcomp", "dobj"})]
    for node in own:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in words) for c in node.children):
            return True
    return bool(
        token.head.lower_ == "without"
        or any(g.lemma_.lower() in cues["negating_heads"] for g in _governors(token, 2))
    )


def is_speculative(token: Token) -> bool:
    cues = vocabulary().modality
    chain = [token, *_governors(token)]
    if token.dep_ in {"dobj", "nsubjpass", "nsubj"}:  # a noun trigger: its verb's modality
        chain.append(token.head)
    for node in chain:
        if any(
            c.dep_ == "aux" and c.lemma_.lower() in cues["speculative_aux"] for c in node.children
        ):
            return True
    return any(g.lemma_.lower() in cues["speculative_heads"] for g in chain[1:])
