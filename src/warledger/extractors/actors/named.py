"""Named actor mentions: the parse's entities read as actors ("the GNA", "Khalifa Haftar",
"Turkish" in "Turkish forces"), with their kind, role and the knowledge-base entry they name."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from warledger.extractors.actors.coordination import SHARED_MODIFIER_DEPS
from warledger.extractors.actors.group_names import bare_head_entity, group_headed, is_collective
from warledger.extractors.actors.mentions import (
    LOCATIVE,
    NAMED_LABELS,
    PLACE_LABELS,
    Mention,
    head_spec,
    side_of,
)
from warledger.extractors.actors.vocabulary import CountryIndex, Vocabulary
from warledger.kb.groups import groups_named
from warledger.kb.model import KbActor, KnowledgeBase


def named_mentions(
    doc: Doc, vocab: Vocabulary, index: CountryIndex, kb: KnowledgeBase
) -> list[Mention]:
    out: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in NAMED_LABELS:
            continue
        mention = named_mention(ent, vocab, index, kb)
        if mention is not None:
            out.append(mention)
    return out


def named_mention(
    ent: SpacySpan, vocab: Vocabulary, index: CountryIndex, kb: KnowledgeBase
) -> Mention | None:
    named_group = groups_named(ent.text) and not index.country_of_demonym(ent.text)
    if (named_group and is_collective(ent.root, index)) or group_headed(ent, vocab, index):
        return None  # "the Pokot", "Habar Gidir militia": a group, read by described_mentions
    if named_group and (ent.label_ != "PERSON" or ent.root.dep_ in SHARED_MODIFIER_DEPS):
        return None  # "Pokot herders": the group is read with its head
    found = kb.lookup(ent.text)
    if not found and ent.text.istitle() and len(ent.text) <= 6:
        found = kb.lookup(ent.text.upper())  # "Isis", "Nato": abbreviations written as words
    match = _prefer(found, ent.label_)
    part_of = False
    if match is None and ent.label_ == "ORG":
        match = _known_prefix(ent, vocab, kb)
        part_of = match is not None

    def make(kind: str, label: str, **fields: Any) -> Mention:
        return Mention(ent.start, ent.end, ent.root.i, "named", kind, ent.text, label, **fields)

    if ent.label_ in PLACE_LABELS or (ent.label_ == "NORP" and match is None):
        iso3 = index.country_of_name(ent.text) or index.country_of_metonym(ent.text)
        if match is not None and match.kind != "state":
            return make(match.kind, "ORG", kb=match, country=match.country)
        if ent.label_ == "NORP" or iso3 is None or not acts(ent):
            return None
        return make("state", "GPE", country=iso3, kb=match)
    if match is not None:
        return make(match.kind, ent.label_, kb=match, country=match.country,
                       plural=ent.root.tag_ in {"NNS", "NNPS"},
                       role=person_role(ent, vocab) if match.kind == "person" else None,
                       forces_of=part_of or _shares_force_noun(ent, vocab))  # fmt: skip
    if in_place_position(ent, vocab) or bare_head_entity(ent, vocab):
        return None
    if ent.label_ == "PERSON":
        return make("person", "PERSON", role=person_role(ent, vocab))
    if ent.label_ == "ORG":
        return make(org_kind(ent.text, vocab), "ORG", plural=ent.root.tag_ == "NNPS")
    return None


def _known_prefix(ent: SpacySpan, vocab: Vocabulary, kb: KnowledgeBase) -> KbActor | None:
    """ "GNA air force": a known actor's name followed by a force noun names a part of it."""
    for cut in range(len(ent) - 1, 0, -1):
        rest = ent[cut:].text.lower()
        if rest not in vocab.force_suffixes:
            continue
        found = [a for a in kb.lookup(ent[:cut].text) if a.kind != "person"]
        if found:
            return found[0]
    return None


def _shares_force_noun(ent: SpacySpan, vocab: Vocabulary) -> bool:
    """ "GNA and LNA forces": the first conjunct shares the force noun of the second."""
    for child in ent.root.children:
        if child.dep_ == "conj":
            spec = head_spec(child, vocab)
            if spec is not None and spec.armed:
                return True
    head = ent.root.head
    if ent.root.dep_ == "compound":
        spec = head_spec(head, vocab)
        return spec is not None and spec.armed
    return False


def in_place_position(ent: SpacySpan, vocab: Vocabulary) -> bool:
    """A name after "in"/"near" or before "city"/"front" names a place ("in Ein Issa", "Tafas front")."""
    doc = ent.doc
    if (
        ent.end < len(doc)
        and doc[ent.end].lower_ in vocab.place_nouns
        and doc[ent.end].pos_ == "NOUN"
    ):
        return True
    if (
        ent.end + 2 < len(doc)
        and doc[ent.end].text == "("
        and doc[ent.end + 1].ent_type_ in PLACE_LABELS
    ):
        return True  # "As Sabaa (Tripoli)": ACLED's place (district) style
    if (
        ent.start > 1
        and doc[ent.start - 1].text == "("
        and doc[ent.start - 2].ent_type_ in PLACE_LABELS
    ):
        return True
    previous = doc[ent.start - 1] if ent.start > 0 else None
    if previous is not None and previous.pos_ == "ADJ" and ent.start > 1:
        previous = doc[ent.start - 2]  # "in rural Ein Issa", "in eastern Ar-Raqqa"
    return previous is not None and previous.lower_ in vocab.place_prepositions


def _prefer(found: list[KbActor], label: str) -> KbActor | None:
    if not found:
        return None
    if label == "PERSON":
        return next((a for a in found if a.kind == "person"), found[0])
    return next((a for a in found if a.kind != "person"), found[0])


def acts(ent: SpacySpan) -> bool:
    """A country or capital name stands for the state unless it is a place of the action."""
    root = side_of(ent.root)
    if root.dep_ in {"compound", "amod", "nmod", "npadvmod", "appos"}:
        return False
    return not (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE)


def org_kind(text: str, vocab: Vocabulary) -> str:
    words = set(text.lower().replace("-", " ").split())
    padded = f" {' '.join(text.lower().split())} "
    for kind, cues in vocab.org_kind_words:
        for cue in cues:
            if (" " in cue and f" {cue} " in padded) or cue in words:
                return kind
    return "other"


def person_role(ent: SpacySpan, vocab: Vocabulary) -> str | None:
    """The role from an apposition ("Haftar, the LNA commander"), the noun the name is in
    apposition to ("the mayor, John Smith"), or a title before the name ("commander Haftar")."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            role = _role_word(child, vocab)
            if role:
                return role
    if root.dep_ == "appos" and root.head.i < ent.start:
        role = _role_word(root.head, vocab)
        if role:
            return role
    doc = ent.doc
    for size in (2, 1):
        if ent.start - size >= 0:
            words = doc[ent.start - size : ent.start].text.lower()
            if words in vocab.roles:
                return words
    for token in ent:
        if token.lower_ in vocab.roles:
            return token.lower_
    return None


def _role_word(token: Token, vocab: Vocabulary) -> str | None:
    previous = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    if f"{previous} {token.lower_}" in vocab.roles:
        return f"{previous} {token.lower_}"
    if token.lemma_.lower() in vocab.roles:
        return token.lemma_.lower()
    return None
