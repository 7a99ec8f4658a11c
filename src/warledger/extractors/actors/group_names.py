"""Ethnic, clan and tribal group names used as actors: a group name counts as the group only when
the text uses it collectively ("the Pokot", "Pokot and Turkana"), so "Karen said" stays a person."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from warledger.extractors.actors.mentions import Mention, head_spec, side_of
from warledger.extractors.actors.vocabulary import CountryIndex, Vocabulary
from warledger.kb.groups import groups_named

GROUP_ACTOR_DEPS = {"nsubj", "appos"}


GROUP_SIDE_PREPOSITIONS = {"between", "with", "by", "against"}


def group_in(tokens: list[Token], index: CountryIndex) -> str | None:
    """The ethnic group, clan or tribe named among `tokens` (capitalised, up to three words; a
    country demonym is left to the country index)."""
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            words = tokens[i : i + size]
            text = " ".join(t.text for t in words)
            if (
                words[0].text[:1].isupper()
                and groups_named(text)
                and not index.country_of_demonym(text)
            ):
                return text
    return None


def group_headed(ent: SpacySpan, vocab: Vocabulary, index: CountryIndex) -> bool:
    """ "Habar Gidir militia" that spaCy took for a name: a group's name before a head noun."""
    return (
        len(ent) > 1
        and ent.root.i == ent.end - 1
        and head_spec(ent.root, vocab) is not None
        and group_in(list(ent[:-1]), index) is not None
    )


def bare_group(token: Token, vocab: Vocabulary, index: CountryIndex) -> Mention | None:
    """A group named alone as a side: "the Pokot attacked", "clashes between Pokot and Turkana"."""
    if token.pos_ not in {"PROPN", "NOUN"} or token.dep_ == "compound":
        return None
    side = side_of(token)
    acting = side.dep_ in GROUP_ACTOR_DEPS or (
        side.dep_ == "pobj" and side.head.lower_ in GROUP_SIDE_PREPOSITIONS
    )
    if not acting:
        return None
    words = [t for t in token.lefts if t.dep_ == "compound"] + [token]
    group = group_in(words, index)
    if group is None or not group.endswith(token.text):
        return None
    if not _collective_use(token, side, index):
        return None  # "Karen said ...": a lone name may be a person's
    start = words[0].i
    spec = vocab.heads["militia"]
    return Mention(start, token.i + 1, token.i, "described", spec.kind, token.doc[start : token.i + 1].text,
                   spec=spec, plural=True, lemma="militia", group=group)  # fmt: skip


def is_collective(token: Token, index: CountryIndex) -> bool:
    return _collective_use(token, side_of(token), index)


def _collective_use(token: Token, side: Token, index: CountryIndex) -> bool:
    """A group's name used for the group: with "the" ("the Pokot"), as a side "between" others,
    or coordinated with another group ("Pokot and Turkana clashed")."""
    if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return True
    if side.dep_ == "pobj" and side.head.lower_ == "between":
        return True
    members = [side, *(t for t in side.subtree if t.dep_ == "conj" and t.head.i == side.i)]
    others = [m for m in members if m.i != token.i]
    return any(group_in([m], index) for m in others) or (
        token.i != side.i and group_in([side], index) is not None
    )


def bare_head_entity(ent: SpacySpan, vocab: Vocabulary) -> bool:
    """ "the Army", "Police", "Police Forces", "Military forces": capitalised head nouns (and
    state-side words) that spaCy took for a name. Words before a comma are left out ("Totonicapan,
    Police Forces": a place, then the collective)."""
    if ent.label_ != "ORG":
        return False
    commas = [t.i for t in ent if t.text == ","]
    words = [t for t in ent if not commas or t.i > commas[-1]]
    if not words or len(words) > 3 or head_spec(words[-1], vocab) is None:
        return False
    generic = vocab.modifiers["state_side"] | vocab.modifiers["armed"]
    return all(
        head_spec(t, vocab) is not None or t.lower_ in generic or t.lower_ == "the" for t in words
    )
