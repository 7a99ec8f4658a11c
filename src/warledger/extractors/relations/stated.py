"""Ties the text states between two actors: "Turkey, which backs the GNA", "Turkish-backed
fighters", "X, loyal to Y", "X, a member of Y", "Russia and Turkey have backed opposing sides"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from warledger.extractors.events.fillers import MentionIndex, resolve
from warledger.extractors.events.modality import is_negated
from warledger.extractors.events.role_rules import subject_of
from warledger.extractors.events.roles import OBJECTS, PASSIVE_SUBJECTS, coordinated
from warledger.extractors.relations.rules import Stated, relation_rules


@dataclass(frozen=True)
class Tie:
    type: str
    mode: str | None
    source: str
    target: str
    token: Token
    """The word that states the tie (its sentence is the evidence)."""


@dataclass(frozen=True)
class OpposingSides:
    backers: tuple[str, ...]
    token: Token


def _ids(tokens: list[Token], actors: MentionIndex) -> list[str]:
    out: list[str] = []
    for token in tokens:
        for member in coordinated(token):
            found = resolve(member, actors)
            if found and found not in out:
                out.append(found)
    return out


def _pobj(token: Token, preps: set[str]) -> list[Token]:
    return [
        o
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in preps
        for o in c.children
        if c.dep_ == "prep" and o.dep_ == "pobj"
    ]


def _verb_ties(token: Token, rule: Stated, actors: MentionIndex) -> list[Tie]:
    subject, passive = subject_of(token)
    if subject is None:
        return []
    if subject.tag_ in {"WDT", "WP"} and token.dep_ == "relcl":
        subject = token.head
    objects = [c for c in token.children if c.dep_ in OBJECTS]
    by = [o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if passive or any(c.dep_ in PASSIVE_SUBJECTS for c in token.children):
        sources, targets = _ids(by, actors), _ids([subject], actors)
    else:
        sources, targets = _ids([subject], actors), _ids(objects, actors)
    return [Tie(rule.type, rule.mode, s, t, token) for s in sources for t in targets if s != t]


def _participle_ties(token: Token, rule: Stated, actors: MentionIndex) -> list[Tie]:
    doc = token.doc
    word = token.lower_
    ties: list[Tie] = []
    if word in rule.compound_participles and token.i >= 2 and doc[token.i - 1].text == "-":
        # "Turkish-backed fighters": the word before the hyphen backs the noun after.
        target_head = (
            token.head
            if token.head.pos_ in {"NOUN", "PROPN"}
            else doc[min(token.i + 1, len(doc) - 1)]
        )
        source = resolve(doc[token.i - 2], actors)
        target = resolve(target_head, actors)
        if source and target and source != target:
            ties.append(Tie(rule.type, rule.mode, source, target, token))
    if word in rule.passive_participles and token.dep_ in {"acl", "amod", "relcl"}:
        by = [
            o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
        ]
        for source in _ids(by, actors):
            for target in _ids([token.head], actors):
                if source != target:
                    ties.append(Tie(rule.type, rule.mode, source, target, token))
    return ties


def _adjective_ties(token: Token, rule: Stated, actors: MentionIndex) -> list[Tie]:
    if token.dep_ in {"acomp", "attr"}:
        holder, _ = subject_of(token.head)
    elif token.dep_ in {"amod", "acl", "appos"}:
        holder = token.head
    else:
        return []
    if holder is None:
        return []
    targets = _ids(_pobj(token, {"to", "with"}), actors)
    return [
        Tie(rule.type, rule.mode, s, t, token)
        for s in _ids([holder], actors)
        for t in targets
        if s != t
    ]


def _noun_of_ties(token: Token, rule: Stated, actors: MentionIndex) -> list[Tie]:
    """ "X, a member of Y" (appos) and "X is the leader of Y" (attr)."""
    if token.dep_ == "appos":
        holder: Token | None = token.head
    elif token.dep_ == "attr":
        holder, _ = subject_of(token.head)
    else:
        return []
    if holder is None:
        return []
    targets = _ids(_pobj(token, {"of"}), actors)
    return [
        Tie(rule.type, rule.mode, s, t, token)
        for s in _ids([holder], actors)
        for t in targets
        if s != t
    ]


def stated_ties(
    doc_tokens: list[Token], actors: MentionIndex
) -> tuple[list[Tie], list[OpposingSides]]:
    rules = relation_rules()
    ties: list[Tie] = []
    sides: list[OpposingSides] = []
    for token in doc_tokens:
        lemma, word = token.lemma_.lower(), token.lower_
        if lemma not in rules.stated_lemmas and word not in rules.stated_words:
            continue  # no rule reads this word
        for rule in rules.stated:
            found: list[Tie] = []
            if lemma in rule.verbs and token.pos_ == "VERB":
                if rule.type == "SUPPORTS" and _backs_opposing_sides(token):
                    subject, _ = subject_of(token)
                    backers = tuple(_ids([subject], actors)) if subject is not None else ()
                    if len(backers) > 1:
                        sides.append(OpposingSides(backers, token))
                    continue
                found = _verb_ties(token, rule, actors)
            elif word in rule.compound_participles or word in rule.passive_participles:
                found = _participle_ties(token, rule, actors)
            elif lemma in rule.adjectives and token.pos_ in {"ADJ", "VERB"}:
                found = _adjective_ties(token, rule, actors)
            elif lemma in rule.nouns_of and token.pos_ == "NOUN":
                found = _noun_of_ties(token, rule, actors)
            if found and not is_negated(token):
                ties.extend(found)
    return ties, sides


def _backs_opposing_sides(verb: Token) -> bool:
    lexicon = relation_rules().opposing_sides
    for child in verb.children:
        if child.dep_ in OBJECTS and lexicon.any_in(list(child.subtree)):
            return True
    return False
