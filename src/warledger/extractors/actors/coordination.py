"""Coordinated modifiers that share one head become separate actors: "Turkish and Russian forces",
"LNA and GNA forces", "Pokot and Tugen herders"."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from warledger.extractors.actors.group_names import group_in
from warledger.extractors.actors.mentions import Mention, head_spec, is_qualified, read_modifier
from warledger.extractors.actors.vocabulary import CountryIndex, Vocabulary

SHARED_MODIFIER_DEPS = {"amod", "compound", "nmod"}


def split_shared_head(
    mention: Mention, token: Token, vocab: Vocabulary, index: CountryIndex
) -> list[Mention]:
    """ "Turkish and Russian forces", "opposition and Islamist factions": coordinated modifiers
    that share one head name one collective each. The earlier modifiers become mentions of their
    own (the modifier's span, the head's kind); the head's mention keeps the last modifier."""
    if mention.source != "described" or mention.spec is None:
        return [mention]
    states = _coordinated_states(mention, token, index)
    if states:
        return [mention, *states]
    chain: list[Token] = []
    for left in token.lefts:
        if left.dep_ in SHARED_MODIFIER_DEPS and any(c.dep_ == "conj" for c in left.children):
            chain = [left, *_conjuncts(left)]
            break
    if len(chain) < 2 or not all(t.i < token.i for t in chain):
        return [mention]
    out: list[Mention] = []
    for modifier in chain[:-1]:
        own = with_modifiers(mention, [modifier], vocab, index)
        own.start, own.end, own.head, own.text = (
            modifier.i,
            modifier.i + 1,
            modifier.i,
            modifier.text,
        )
        if is_qualified(own):
            out.append(own)
    if not out:
        return [mention]
    last = chain[-1]
    rest = [t for t in token.doc[last.i : token.i]]
    main = with_modifiers(mention, rest, vocab, index)
    main.start = last.i
    main.text = token.doc[main.start : main.end].text
    return [*out, main]


def shared_with_name(
    token: Token, ent: SpacySpan, vocab: Vocabulary, index: CountryIndex
) -> list[Mention]:
    """ "Turkish and Russian forces" where "Russian forces" is a name the KB knows: the earlier
    modifiers still name collectives of their own."""
    spec = head_spec(token, vocab)
    first = ent[0]
    if spec is None or not spec.armed or token.i != ent.root.i or first.dep_ != "conj":
        return []
    out: list[Mention] = []
    head = first.head
    while head.i < first.i and head.dep_ in SHARED_MODIFIER_DEPS | {"conj"} and head.i < ent.start:
        bare = Mention(head.i, head.i + 1, head.i, "described", spec.kind, head.text, spec=spec,
                       plural=token.tag_ in {"NNS", "NNPS"}, lemma=token.lemma_.lower())  # fmt: skip
        own = with_modifiers(bare, [head], vocab, index)
        if is_qualified(own):
            out.insert(0, own)
        if head.dep_ != "conj":
            break
        head = head.head
    return out


def _coordinated_states(mention: Mention, token: Token, index: CountryIndex) -> list[Mention]:
    """ "military forces of India and Pakistan", "troops of Armenia and Azerbaijan": a state
    force's head shared by coordinated countries after "of" names each country's force. The head's
    mention keeps the first country; each further country gets a mention on its own name."""
    spec = mention.spec
    if spec is None or spec.acled not in {"military", "police"} or mention.country is None:
        return []
    prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    first = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if first is None or index.country_of_name(first.text) != mention.country:
        return []
    out: list[Mention] = []
    for other in _conjuncts(first):
        iso3 = index.country_of_name(other.text)
        if iso3 is None or iso3 == mention.country:
            continue
        own = replace(mention, start=other.i, end=other.i + 1, head=other.i, text=other.text,
                      country=iso3, affiliate=None)  # fmt: skip
        out.append(own)
    if out:
        mention.end = min(mention.end, first.i + 1)
        mention.text = token.doc[mention.start : mention.end].text
    return out


def _conjuncts(token: Token) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "conj":
            out.extend([child, *_conjuncts(child)])
    return sorted(out, key=lambda t: t.i)


def with_modifiers(
    mention: Mention, words: list[Token], vocab: Vocabulary, index: CountryIndex
) -> Mention:
    """A copy of a described mention qualified by `words` alone."""
    copy = replace(
        mention, country=None, backer=None, former=False, unidentified=False, state_side=False,
        pro_government=False, opposition=False, group=None,
    )  # fmt: skip
    for word in words:
        read_modifier(copy, word.lower_.strip(",.;:'\""), vocab, index)
    if mention.group:
        copy.group = group_in(words, index)
    return copy
