"""Described actor mentions: collectives and descriptions ("gunmen", "Syrian mercenaries", "a
regime fighter", "the protesters"), definite descriptions and pronouns, with their heads,
modifiers and owners."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from warledger.extractors.actors.coordination import shared_with_name, split_shared_head
from warledger.extractors.actors.group_names import (
    bare_group,
    bare_head_entity,
    group_headed,
    group_in,
)
from warledger.extractors.actors.mentions import (
    DETERMINERS,
    LEFT_DEPS,
    Mention,
    head_spec,
    is_qualified,
    read_entity_modifier,
    read_modifier,
    read_right,
    side_of,
)
from warledger.extractors.actors.vocabulary import CountryIndex, Description, Head, Vocabulary


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
        bare = bare_group(token, vocab, index)
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
            and not bare_head_entity(ent, vocab)
            and not group_headed(ent, vocab, index)
        ):
            out.extend(shared_with_name(token, ent, vocab, index))
            continue
        spec = head_spec(token, vocab)
        mention = described_mention(token, spec, _description(token, vocab), vocab, index, ent_of)
        if mention is not None:
            out.extend(split_shared_head(mention, token, vocab, index))
    return out


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
    clause = side_of(pronoun.head)
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
    elif spec is not None and (spec.needs_qualifier or spec.needs_affiliation):
        for left in lefts:  # "gang members": the compound says who they are  # "militia forces", "police units": the specific noun says what they are
            inner = head_spec(left, vocab) if left.dep_ == "compound" else None
            if inner is None or not inner.armed or inner.needs_qualifier:
                continue
            if spec.needs_qualifier or inner.acled is not None:
                spec = inner
    group = group_in([t for t in doc[start : token.i]], index) if spec is not None else None
    if group and spec is not None and spec.kind == "civilians" and _acts(token):
        spec = vocab.heads["militia"]  # "Fulani herdsmen attacked ...": the group's armed men
    if spec is not None and spec.kind == "civilians" and not asset and _armed(token, vocab):
        spec = vocab.heads["gunman"]  # "armed men shot ...", "killed by two armed individuals"
    elif spec is not None and spec.kind == "civilians" and _attacks(token, vocab):
        spec = vocab.heads["gunman"]  # "two men opened fire on a shop"
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
        read_modifier(mention, word, vocab, index)
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
            read_entity_modifier(mention, ent, index)
    if spec is not None and spec.armed:
        mention.group = group
    end = read_right(mention, token, vocab, index, ent_of)
    if spec is not None and spec.kind == "unidentified_armed_group" and mention.affiliate is None:
        end = max(end, _suspected_group(mention, token, vocab, ent_of))
    mention.end = end
    mention.text = doc[start:end].text
    if (
        description is not None
        and mention.definite
        and not is_qualified(mention)
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
    if spec.needs_qualifier and not (is_qualified(mention) or mention.affiliate_pronoun):
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


def _armed(token: Token, vocab: Vocabulary) -> bool:
    """ "armed men", "heavily armed individuals", "gun-wielding youths"."""
    return any(t.lower_ in vocab.modifiers["armed"] for t in token.lefts)


def _attacks(token: Token, vocab: Vocabulary) -> bool:
    """ "two men opened fire", "a man stabbed ...", "shot dead by people who ...": unnamed men as
    the subject (or the passive's agent) of an attack."""
    words = {token.lower_, token.lemma_.lower()}
    passive = token.dep_ == "pobj" and token.head.dep_ == "agent"  # "shot dead by two men"
    verbs = vocab.attack_verbs
    if not words & vocab.attacker_heads:
        if not (passive and words & vocab.passive_attacker_heads):
            return False
        verbs = vocab.armed_attack_verbs
    if passive:
        verb = token.head.head
    elif token.dep_ == "nsubj":
        verb = token.head
    else:
        return False
    for v in (verb, *(c for c in verb.children if c.dep_ == "conj")):
        lemma = v.lemma_.lower()
        if lemma == "open":
            if any(c.dep_ == "dobj" and c.lower_ == "fire" for c in v.children):
                return True
        elif lemma in verbs:
            return True
    return False


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
