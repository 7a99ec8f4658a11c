"""Actor mentions: the record of what the words say about an actor (`Mention`), the shared word
classes, and the reading of its modifiers ("Syrian", "pro-Turkish", "of the GNA"). Finding
mentions is `named` (entities) and `described` (collectives, descriptions, pronouns); `resolve`
decides who each one is."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from warledger.extractors.actors.vocabulary import CountryIndex, Description, Head, Vocabulary
from warledger.kb.model import KbActor

NAMED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}


PLACE_LABELS = {"GPE", "LOC", "FAC"}


DETERMINERS = {"the", "this", "that", "these", "those"}


LEFT_DEPS = {
    "det",
    "amod",
    "compound",
    "nummod",
    "poss",
    "nmod",
    "quantmod",
    "advmod",
    "punct",
    "case",
    "npadvmod",
}


# A state name is a place, not the state acting, after these prepositions ("clashes in Tripoli").
LOCATIVE = {
    "in", "at", "near", "across", "inside", "outside", "into", "to", "toward", "towards", "from",
    "around", "throughout", "within", "on", "of", "over", "through", "via", "between", "along",
    "north", "south", "east", "west", "off", "beyond", "behind", "under", "entering", "reach",
}  # fmt: skip


@dataclass
class Mention:
    start: int
    """Token index of the first token."""
    end: int
    head: int
    source: str
    """named, described, description or pronoun."""
    kind: str
    text: str
    label: str = ""
    kb: KbActor | None = None
    country: str | None = None
    """A nationality or state the words name ("Turkish troops", "Moscow")."""
    backer: str | None = None
    """A state named as backer ("Turkish-backed fighters")."""
    spec: Head | None = None
    former: bool = False
    unidentified: bool = False
    state_side: bool = False
    pro_government: bool = False
    opposition: bool = False
    definite: bool = False
    affiliate: int | None = None
    """Token index of a named or described actor the collective belongs to."""
    affiliate_pronoun: str | None = None
    origin: str | None = None
    plural: bool = False
    lemma: str = ""
    role: str | None = None
    description: Description | None = None
    forces_of: bool = False
    """A government named with a force noun: "GNA" in "GNA and LNA forces"."""
    group: str | None = None
    """An ethnic group, clan or tribe whose armed men these are ("Pokot raiders")."""
    asset: bool = False
    """A thing a side holds ("regime positions"): it stands for its owner, if it has one."""
    owner: str = ""
    """An asset's owner phrase as written ("pro-Iran militias" in "pro-Iran militias positions")."""
    antecedent: int | None = None
    """For a pronoun in reported speech: the token index of the speaker it refers back to."""


def head_spec(token: Token, vocab: Vocabulary) -> Head | None:
    found = vocab.heads.get(token.lower_) or vocab.heads.get(token.lemma_.lower())
    if found is None and token.tag_ == "NNPS" and token.lower_.endswith("s"):
        found = vocab.heads.get(token.lower_[:-1])  # "Police Forces": the parser keeps "Forces"
    return found


def side_of(token: Token) -> Token:
    """The first of the conjuncts `token` belongs to (itself when it is no conjunct)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def is_qualified(mention: Mention) -> bool:
    return bool(
        mention.country or mention.affiliate is not None or mention.unidentified or mention.state_side
        or mention.pro_government or mention.opposition or mention.origin or mention.backer
        or mention.group
    )  # fmt: skip


def read_modifier(mention: Mention, word: str, vocab: Vocabulary, index: CountryIndex) -> None:
    parts = [p for p in word.split("-") if p]
    if vocab.modified(word, "unidentified"):
        mention.unidentified = True
    if (
        vocab.modified(word, "former")
        or word == "ex-"
        or (parts and parts[0] == "ex" and "-" in word)
    ):
        mention.former = True
    if vocab.modified(word, "pro_government"):
        mention.pro_government = True
    elif vocab.modified(word, "state_side") or (
        vocab.modified(word, "force_side") and not mention.asset
    ):
        mention.state_side = True
    if vocab.modified(word, "opposition"):
        mention.opposition = True
    backed = len(parts) > 1 and (parts[-1] in vocab.backer_words or parts[0] == "pro")
    for part in parts:
        iso3 = index.country_of_demonym(part) or index.country_of_name(part)
        if iso3 and backed:
            mention.backer = iso3
        elif iso3 and mention.country is None:
            mention.country = iso3


def read_entity_modifier(mention: Mention, ent: SpacySpan, index: CountryIndex) -> None:
    if ent.label_ in {"ORG", "PERSON"}:
        mention.affiliate = ent.root.i
        return
    iso3 = (
        index.country_of_name(ent.text)
        or index.country_of_metonym(ent.text)
        or index.country_of_demonym(ent.text)
    )
    if iso3 and mention.country is None and mention.backer != iso3:
        mention.country = iso3


def read_right(
    mention: Mention,
    token: Token,
    vocab: Vocabulary,
    index: CountryIndex,
    ent_of: dict[int, SpacySpan],
) -> int:
    """Affiliation and origin after the head: "of the Wagner Group", "loyal to Haftar", "from Quneitra"."""
    end = token.i + 1
    for child in token.rights:
        prep: Token | None = None
        if child.dep_ == "prep" and child.lower_ in vocab.affiliation_preps:
            prep = child
        elif child.dep_ in {"amod", "acl"} and child.lemma_.lower() in vocab.affiliation_words:
            prep = next((c for c in child.children if c.dep_ == "prep"), None)
        elif child.dep_ in {"acl", "relcl", "amod"} and child.lemma_.lower() in vocab.owner_words:
            prep = next((c for c in child.children if c.dep_ in {"agent", "prep"}), None)
        elif child.dep_ in {"acl", "amod"} and child.lemma_.lower() in vocab.backer_words:
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            obj = (
                next((c for c in agent.children if c.dep_ == "pobj"), None)
                if agent is not None
                else None
            )
            if obj is not None:
                mention.backer = index.country_of_name(obj.text) or mention.backer
            continue
        if prep is None:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        if obj.ent_type_ in PLACE_LABELS and prep.lower_ in vocab.origin_preps:
            ent = ent_of.get(obj.i)
            mention.origin = ent.text if ent is not None else obj.text
            iso3 = index.country_of_name(mention.origin)
            if iso3 and mention.country is None:
                mention.country = iso3
        elif obj.ent_type_ in {"ORG", "PERSON"} or head_spec(obj, vocab) is not None:
            mention.affiliate = obj.i
            if child.lemma_.lower() in vocab.owner_words:
                end = max(end, obj.i + 1)  # the owner's head, not the rest of the clause
                continue
        elif obj.ent_type_ in PLACE_LABELS and prep.lower_ == "of":
            iso3 = index.country_of_name(obj.text)
            if iso3 and mention.country is None:
                mention.country = iso3
        else:
            continue
        end = max(end, child.right_edge.i + 1)
    return end
