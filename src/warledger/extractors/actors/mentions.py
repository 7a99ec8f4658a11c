"""Actor mentions found in a parse: named entities, described collectives, definite descriptions
and pronouns. Each is a plain record of what the words say; `resolve` decides who it is."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from warledger.extractors.actors.vocabulary import CountryIndex, Description, Head, Vocabulary
from warledger.kb.groups import groups_named
from warledger.kb.model import KbActor, KnowledgeBase

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
    return vocab.heads.get(token.lower_) or vocab.heads.get(token.lemma_.lower())


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
    if (named_group and _collective(ent.root, index)) or _group_headed(ent, vocab, index):
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
    if in_place_position(ent, vocab) or _bare_head_entity(ent, vocab):
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
    root = _side(ent.root)
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


def described_mentions(doc: Doc, vocab: Vocabulary, index: CountryIndex) -> list[Mention]:
    """Described collectives, definite descriptions and subject pronouns, in one pass over the tokens."""
    ent_of = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    heads, descriptions = vocab.heads, vocab.descriptions
    subjects = vocab.pronouns["subject_deps"]
    out: list[Mention] = []
    for token in doc:
        lower = token.lower_
        if token.pos_ == "PRON":
            if token.dep_ in subjects:
                pronoun = _pronoun(token, lower, vocab)
                if pronoun is not None:
                    out.append(pronoun)
            continue
        lemma = token.lemma_.lower()
        bare = _bare_group(token, vocab, index)
        if bare is not None:
            out.append(bare)
            continue
        if (
            lower not in heads
            and lemma not in heads
            and lower not in descriptions
            and lemma not in descriptions
        ):
            continue
        if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ == "compound":
            continue
        ent = ent_of.get(token.i)
        if (
            ent is not None
            and ent.label_ not in {"NORP", "GPE"}
            and not _bare_head_entity(ent, vocab)
            and not _group_headed(ent, vocab, index)
        ):
            out.extend(_shared_with_name(token, ent, vocab, index))
            continue
        spec = head_spec(token, vocab)
        mention = described_mention(token, spec, _description(token, vocab), vocab, index, ent_of)
        if mention is not None:
            out.extend(_split_shared_head(mention, token, vocab, index))
    return out


SHARED_MODIFIER_DEPS = {"amod", "compound", "nmod"}


def _split_shared_head(
    mention: Mention, token: Token, vocab: Vocabulary, index: CountryIndex
) -> list[Mention]:
    """ "Turkish and Russian forces", "opposition and Islamist factions": coordinated modifiers
    that share one head name one collective each. The earlier modifiers become mentions of their
    own (the modifier's span, the head's kind); the head's mention keeps the last modifier."""
    if mention.source != "described" or mention.spec is None:
        return [mention]
    chain: list[Token] = []
    for left in token.lefts:
        if left.dep_ in SHARED_MODIFIER_DEPS and any(c.dep_ == "conj" for c in left.children):
            chain = [left, *_conjuncts(left)]
            break
    if len(chain) < 2 or not all(t.i < token.i for t in chain):
        return [mention]
    out: list[Mention] = []
    for modifier in chain[:-1]:
        own = _with_modifiers(mention, [modifier], vocab, index)
        own.start, own.end, own.head, own.text = (
            modifier.i,
            modifier.i + 1,
            modifier.i,
            modifier.text,
        )
        if _qualified(own):
            out.append(own)
    if not out:
        return [mention]
    last = chain[-1]
    rest = [t for t in token.doc[last.i : token.i]]
    main = _with_modifiers(mention, rest, vocab, index)
    main.start = last.i
    main.text = token.doc[main.start : main.end].text
    return [*out, main]


def _shared_with_name(
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
        own = _with_modifiers(bare, [head], vocab, index)
        if _qualified(own):
            out.insert(0, own)
        if head.dep_ != "conj":
            break
        head = head.head
    return out


def _conjuncts(token: Token) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "conj":
            out.extend([child, *_conjuncts(child)])
    return sorted(out, key=lambda t: t.i)


def _with_modifiers(
    mention: Mention, words: list[Token], vocab: Vocabulary, index: CountryIndex
) -> Mention:
    """A copy of a described mention qualified by `words` alone."""
    copy = replace(
        mention, country=None, backer=None, former=False, unidentified=False, state_side=False,
        pro_government=False, opposition=False, group=None,
    )  # fmt: skip
    for word in words:
        _read_modifier(copy, word.lower_.strip(",.;:'\""), vocab, index)
    if mention.group:
        copy.group = _group_in(words, index)
    return copy


GROUP_ACTOR_DEPS = {"nsubj", "appos"}
GROUP_SIDE_PREPOSITIONS = {"between", "with", "by", "against"}


def _group_in(tokens: list[Token], index: CountryIndex) -> str | None:
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


def _group_headed(ent: SpacySpan, vocab: Vocabulary, index: CountryIndex) -> bool:
    """ "Habar Gidir militia" that spaCy took for a name: a group's name before a head noun."""
    return (
        len(ent) > 1
        and ent.root.i == ent.end - 1
        and head_spec(ent.root, vocab) is not None
        and _group_in(list(ent[:-1]), index) is not None
    )


def _bare_group(token: Token, vocab: Vocabulary, index: CountryIndex) -> Mention | None:
    """A group named alone as a side: "the Pokot attacked", "clashes between Pokot and Turkana"."""
    if token.pos_ not in {"PROPN", "NOUN"} or token.dep_ == "compound":
        return None
    side = _side(token)
    acting = side.dep_ in GROUP_ACTOR_DEPS or (
        side.dep_ == "pobj" and side.head.lower_ in GROUP_SIDE_PREPOSITIONS
    )
    if not acting:
        return None
    words = [t for t in token.lefts if t.dep_ == "compound"] + [token]
    group = _group_in(words, index)
    if group is None or not group.endswith(token.text):
        return None
    if not _collective_use(token, side, index):
        return None  # "Karen said ...": a lone name may be a person's
    start = words[0].i
    spec = vocab.heads["militia"]
    return Mention(start, token.i + 1, token.i, "described", spec.kind, token.doc[start : token.i + 1].text,
                   spec=spec, plural=True, lemma="militia", group=group)  # fmt: skip


def _side(token: Token) -> Token:
    """The first of the conjuncts `token` belongs to (itself when it is no conjunct)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _collective(token: Token, index: CountryIndex) -> bool:
    return _collective_use(token, _side(token), index)


def _collective_use(token: Token, side: Token, index: CountryIndex) -> bool:
    """A group's name used for the group: with "the" ("the Pokot"), as a side "between" others,
    or coordinated with another group ("Pokot and Turkana clashed")."""
    if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return True
    if side.dep_ == "pobj" and side.head.lower_ == "between":
        return True
    members = [side, *(t for t in side.subtree if t.dep_ == "conj" and t.head.i == side.i)]
    others = [m for m in members if m.i != token.i]
    return any(_group_in([m], index) for m in others) or (
        token.i != side.i and _group_in([side], index) is not None
    )


def _bare_head_entity(ent: SpacySpan, vocab: Vocabulary) -> bool:
    """ "the Army", "Police": a capitalised head noun that spaCy took for a name."""
    return len(ent) == 1 and ent.label_ == "ORG" and head_spec(ent[0], vocab) is not None


def _pronoun(token: Token, lower: str, vocab: Vocabulary) -> Mention | None:
    """Subject pronouns in role positions: "they" (a plural collective), "he"/"she" (a person)."""
    if lower in vocab.pronouns["subject_plural"]:
        return Mention(token.i, token.i + 1, token.i, "pronoun", "plural", token.text, plural=True)
    if lower in vocab.pronouns["person_subject"]:
        return Mention(token.i, token.i + 1, token.i, "pronoun", "person", token.text)
    if lower in vocab.pronouns["speaker_subject"]:
        speaker = _speaker_of(token, vocab)
        if speaker is not None:
            return Mention(token.i, token.i + 1, token.i, "pronoun", "speaker", token.text,
                           antecedent=speaker.i)  # fmt: skip
    return None


def _speaker_of(pronoun: Token, vocab: Vocabulary) -> Token | None:
    """The subject of the saying verb whose reported clause `pronoun` is the subject of: "the
    ministry said it had expelled ..." -> "ministry"."""
    clause = _side(pronoun.head)
    if clause.dep_ != "ccomp":
        return None
    verb = clause.head
    if verb.lemma_.lower() not in vocab.speech_verbs:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" or subject.tag_ in {"NNS", "NNPS"}:
        return None
    return subject


def _description(token: Token, vocab: Vocabulary) -> Description | None:
    return vocab.descriptions.get(token.lower_) or vocab.descriptions.get(token.lemma_.lower())


def described_mention(
    token: Token,
    spec: Head | None,
    description: Description | None,
    vocab: Vocabulary,
    index: CountryIndex,
    ent_of: dict[int, SpacySpan],
) -> Mention | None:
    doc = token.doc
    lefts = [t for t in token.lefts if t.dep_ in LEFT_DEPS]
    start = min((t.left_edge.i for t in lefts), default=token.i)
    while start < token.i and (doc[start].is_punct and doc[start].text != "-"):
        start += 1
    before = ent_of.get(token.i - 1)
    if (
        start == token.i
        and before is not None
        and before.end == token.i
        and before.label_ in {"ORG", "NORP"}
    ):
        start = before.start  # "IS fighters" that the parser took for a verb phrase
    end = token.i + 1
    plural = token.tag_ in {"NNS", "NNPS"} or token.lower_ in {
        "police",
        "people",
        "gunmen",
        "militiamen",
        "servicemen",
    }
    asset = spec is not None and spec.asset
    if asset and any(t.lower_ in vocab.not_asset_modifiers for t in token.lefts):
        return None  # "government job positions": not a thing a side holds
    if spec is not None and asset:
        spec = _owner_spec(spec, lefts, vocab)
    elif spec is not None and spec.needs_qualifier:
        for left in lefts:  # "militia forces", "police units": the specific noun says what they are
            inner = head_spec(left, vocab) if left.dep_ == "compound" else None
            if inner is not None and inner.armed and not inner.needs_qualifier:
                spec = inner
    group = _group_in([t for t in doc[start : token.i]], index) if spec is not None else None
    if group and spec is not None and spec.kind == "civilians" and _acts(token):
        spec = vocab.heads["militia"]  # "Fulani herdsmen attacked ...": the group's armed men
    if (
        spec is not None
        and spec.kind in {"civilians", "protesters"}
        and _subject_of(token, vocab.riot_verbs)
    ):
        spec = vocab.heads["rioter"]
    elif spec is not None and spec.kind == "civilians" and _protests(token, vocab):
        spec = vocab.heads["protester"]
    mention = Mention(start, end, token.i, "described", spec.kind if spec else "other", "",
                      spec=spec, plural=plural, lemma=token.lemma_.lower())  # fmt: skip
    prefix = doc[start : token.i]
    mention.asset = asset
    if asset:
        mention.owner = " ".join(
            t.text for t in prefix if t.dep_ != "det" and t.lower_ not in DETERMINERS
        )
    words = [w.strip(",.;:'\"") for w in (prefix.text.lower() + " " + token.text.lower()).split()]
    content_words = 0
    for word in words[:-1]:
        _read_modifier(mention, word, vocab, index)
        if word not in DETERMINERS and word not in vocab.description_modifiers:
            content_words += 1
    if token.text.lower().startswith("ex-"):
        mention.former = True
    for left in token.lefts:
        if left.dep_ == "det" and left.lower_ in DETERMINERS:
            mention.definite = True
        if (
            left.dep_ == "poss"
            and left.lower_
            in vocab.pronouns["possessive_person"] | vocab.pronouns["possessive_group"]
            and not (spec is not None and spec.asset)
        ):
            mention.affiliate_pronoun = left.lower_
    for ent in dict.fromkeys(ent_of[i] for i in range(start, token.i) if i in ent_of):
        if ent.start >= start:
            _read_entity_modifier(mention, ent, index)
    if spec is not None and spec.armed:
        mention.group = group
    end = _read_right(mention, token, vocab, index, ent_of)
    if spec is not None and spec.kind == "unidentified_armed_group" and mention.affiliate is None:
        end = max(end, _suspected_group(mention, token, vocab, ent_of))
    mention.end = end
    mention.text = doc[start:end].text
    if (
        description is not None
        and mention.definite
        and not _qualified(mention)
        and content_words <= 1
    ):
        mention.source = "description"
        mention.description = description
        return mention
    if spec is None:
        return None
    if spec.plural_only and not plural:
        return None
    if spec.needs_affiliation and mention.affiliate is None:
        return None
    if spec.only_unidentified and not mention.unidentified:
        return None
    if mention.unidentified and spec.kind == "civilians" and _acts(token):
        mention.spec = vocab.heads["gunman"]  # "unidentified men opened fire": the attackers
        mention.kind = mention.spec.kind
    if spec.needs_qualifier and not (_qualified(mention) or mention.affiliate_pronoun):
        return None
    return mention


OWNER_DEPS = {"compound", "amod", "poss", "nmod"}


def _owner_spec(spec: Head, lefts: list[Token], vocab: Vocabulary) -> Head:
    """An asset's owner noun says who owns it: "civilian homes", "police checkpoint",
    "the residents' properties", "regime forces' positions"."""
    for left in reversed(lefts):  # the nearest: "a civilian police patrol" is the police's
        if left.dep_ not in OWNER_DEPS:
            continue
        inner = head_spec(left, vocab)
        if inner is not None and not inner.asset:
            return inner
    return spec


def _suspected_group(
    mention: Mention, token: Token, vocab: Vocabulary, ent_of: dict[int, SpacySpan]
) -> int:
    """ "gunmen believed to belong to IS", "an unknown gunman, presumably IS": the group named
    right after a few linking words is who they are said to be (read on the tokens, as the parse
    of such reduced clauses is unreliable). Returns the mention's new end."""
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and i - token.i <= 7 and doc[i].lower_ in vocab.suspected_links:
        i += 1
    ent = ent_of.get(i)
    if i == token.i + 1 or ent is None or ent.label_ != "ORG" or ent.start != i:
        return token.i + 1
    mention.affiliate = ent.root.i
    return ent.end


def _acts(token: Token) -> bool:
    return token.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.dep_ == "agent")


def _quantified(token: Token) -> Token:
    """ "thousands of people": the quantity is the subject, the people are who acts."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in {"nsubj", "nsubjpass"}:
        return head.head
    return token


def _subject_of(token: Token, verbs: frozenset[str]) -> bool:
    token = _quantified(token)
    if token.dep_ != "nsubj":
        return False
    verb = token.head
    return any(
        v.lemma_.lower() in verbs for v in (verb, *(c for c in verb.children if c.dep_ == "conj"))
    )


def _protests(token: Token, vocab: Vocabulary) -> bool:
    """Subject of "protested", "staged a protest", "held a demonstration"."""
    token = _quantified(token)
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = token.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    for v in verbs:
        if v.lemma_.lower() in vocab.protest_verbs and v.lemma_.lower() not in {
            "stage",
            "hold",
            "block",
            "burn",
            "gather",
        }:
            return True
        if any(c.dep_ == "dobj" and c.lemma_.lower() in vocab.protest_objects for c in v.children):
            return True
    return False


def _qualified(mention: Mention) -> bool:
    return bool(
        mention.country or mention.affiliate is not None or mention.unidentified or mention.state_side
        or mention.pro_government or mention.opposition or mention.origin or mention.backer
        or mention.group
    )  # fmt: skip


def _read_modifier(mention: Mention, word: str, vocab: Vocabulary, index: CountryIndex) -> None:
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
    elif vocab.modified(word, "state_side"):
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


def _read_entity_modifier(mention: Mention, ent: SpacySpan, index: CountryIndex) -> None:
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


def _read_right(
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
