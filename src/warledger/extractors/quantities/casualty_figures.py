"""The figure a casualty word governs: the object of an active verb ("killed two civilians"), the
subject of a passive or predicate ("several soldiers were killed", "Six fatalities reported"), the
count after a noun ("the bodies of three", "the death toll rose to 14"), one for a singular person
("a man was killed", "his body was found"), and sums over "X and Y"."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from warledger.extractors.quantities.casualty_words import CasualtyVocabulary, cue_kinds
from warledger.report import Quantity

_OBJECT_SKIP = {"reportedly", "also", "dead", "allegedly", "only", "and"}
_TOLL_SKIP = {
    "of",
    "to",
    "at",
    "rose",
    "risen",
    "rises",
    "reached",
    "climbed",
    "stands",
    "stood",
    "is",
    "was",
    "has",
    "had",
    "the",
    "toll",
    "death",
}
_SUBJECT_WINDOW = 14
_NOUN_WINDOW = 3


def _is_active(token: Token, vocab: CasualtyVocabulary) -> bool:
    lemma = token.lemma_.lower()
    if token.lower_ == "dead" and token.i > 0 and token.doc[token.i - 1].lower_ in vocab.shoot:
        shooting = token.doc[token.i - 1]
        return not any(c.dep_ == "auxpass" for c in (*shooting.children, *token.children))
    verb = lemma in vocab.active_fatal or lemma in vocab.active_injury or "/" in token.text
    if not verb or token.pos_ not in ("VERB", "AUX", "NOUN"):
        return False
    if token.tag_ == "VBN":
        return not any(
            c.dep_ in ("auxpass", "aux") and c.lemma_ == "be" for c in token.children
        ) and token.dep_ not in ("amod", "acomp")
    return True


def figures_for(
    cue: Token, counts: dict[int, Any], ends: dict[int, Any], vocab: CasualtyVocabulary
) -> dict[int, Quantity]:
    """Figures keyed by first token index, so that the same count is never added twice."""
    cue = _death_verb(cue)
    if _is_active(cue, vocab):
        found = _object_figures(cue, counts, vocab)
        if found is not None:
            return found
    if cue.pos_ == "NOUN" or cue.lemma_.lower() in ("toll", "body"):
        found = _after_noun(cue, counts, vocab)
        if found:
            return found
    return _subject_figures(cue, ends, vocab)


def _death_verb(cue: Token) -> Token:
    """ "beaten to death", "hacked to death": the verb carries the figure, not "death"."""
    doc = cue.doc
    if (
        cue.lower_ == "death"
        and cue.i >= 2
        and doc[cue.i - 1].lower_ == "to"
        and doc[cue.i - 2].pos_ == "VERB"
    ):
        return doc[cue.i - 2]
    return cue


def _object_figures(
    cue: Token, counts: dict[int, Any], vocab: CasualtyVocabulary
) -> dict[int, Quantity] | None:
    doc = cue.doc
    end = cue.sent.end
    i = cue.i + 1
    while (
        i < end
        and i <= cue.i + 4
        and i not in counts
        and (doc[i].lower_ in _OBJECT_SKIP or doc[i].pos_ == "ADV")
    ):
        i += 1
    found: dict[int, Quantity] = {}
    while i < end:
        figure, after = _figure_at(doc[i], counts, vocab)
        if figure is None:
            break
        found[i] = figure
        i = _past_noun_phrase(doc, after, end)
        if i + 1 < end and doc[i].lower_ in (",", "and") and doc[i + 1].lower_ not in vocab.subset:
            i += 1
            if doc[i].lower_ == "and":
                i += 1
            continue
        break
    if found:
        return found
    return (
        {} if i < end and doc[i].lower_ in ("an", "a") and _unknown_number(doc[i], vocab) else None
    )


def _figure_at(
    token: Token, counts: dict[int, Any], vocab: CasualtyVocabulary
) -> tuple[Quantity | None, int]:
    """The count starting at `token` and the index after it: a count mention, "a civilian" (1),
    "a family of three" (3), "him"/"the driver" (1)."""
    doc = token.doc
    if token.i in counts:
        mention = counts[token.i]
        return mention.quantity, mention.last + 1
    if token.lower_ in ("him", "her"):
        return Quantity(text=token.text, value=1.0), token.i + 1
    bare = _bare_singular_object(token, vocab)
    if bare is not None:
        return Quantity(text=doc[token.i : bare.i + 1].text, value=1.0), bare.i + 1
    if token.lower_ in vocab.one_words or token.lower_ in ("the", "his", "her"):
        if _unknown_number(token, vocab):
            return None, token.i
        noun = _head_noun(token)
        if noun is None:
            return None, token.i
        if (
            noun.lower_ in vocab.of_nouns
            and noun.i + 2 < len(doc)
            and doc[noun.i + 1].lower_ == "of"
        ):
            inner, after = _figure_at(doc[noun.i + 2], counts, vocab)
            if inner is not None and inner.value != 1.0:
                return inner, after
        if noun.tag_ in ("NN", "NNP") and noun.lower_ not in vocab.of_nouns:
            text = doc[token.i : noun.i + 1].text
            return Quantity(text=text, value=1.0), noun.i + 1
    return None, token.i


def _bare_singular_object(token: Token, vocab: CasualtyVocabulary) -> Token | None:
    """Headline style "Mob kills suspected robber": a singular object noun with no determiner."""
    noun = token
    while noun.dep_ in ("amod", "compound") and noun.head.i > noun.i and noun.head.i - token.i < 4:
        noun = noun.head
    if noun.tag_ != "NN" or noun.dep_ != "dobj" or noun.lower_ in vocab.collective:
        return None
    if any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):
        return None
    return noun


def _unknown_number(token: Token, vocab: CasualtyVocabulary) -> bool:
    doc = token.doc
    window = doc[token.i : min(len(doc), token.i + 3)]
    return any(t.lower_ in vocab.unknown for t in window)


def _head_noun(determiner: Token) -> Token | None:
    """The noun a determiner introduces ("a young man", "an opposition fighter", "one QSD fighter")."""
    doc = determiner.doc
    for token in doc[determiner.i + 1 : min(determiner.sent.end, determiner.i + 5)]:
        if token.pos_ == "NOUN" and not (token.dep_ == "compound" and token.head.i > token.i):
            return token
        if (
            token.pos_ not in ("ADJ", "PROPN", "NOUN", "PART", "PUNCT")
            and token.text != "'s"
            and token.dep_ != "amod"
        ):
            return None
    return None


def _past_noun_phrase(doc: Any, i: int, end: int) -> int:
    while (
        i < end
        and doc[i].pos_ in ("NOUN", "PROPN", "ADJ", "PART")
        and doc[i].lower_ not in ("and",)
    ):
        i += 1
    return i


def _after_noun(
    cue: Token, counts: dict[int, Any], vocab: CasualtyVocabulary
) -> dict[int, Quantity]:
    """ "the bodies of 2 civilians", "the death toll rose to 12"."""
    doc = cue.doc
    i = cue.i + 1
    end = cue.sent.end
    while i < end and i <= cue.i + 4 and (doc[i].lower_ in _TOLL_SKIP or doc[i].pos_ == "ADV"):
        i += 1
    if i == cue.i + 1 or i >= end:
        return _possessed_body(cue, vocab)
    figure, _ = _figure_at(doc[i], counts, vocab)
    return {i: figure} if figure is not None else _possessed_body(cue, vocab)


def _possessed_body(cue: Token, vocab: CasualtyVocabulary) -> dict[int, Quantity]:
    """ "a man's body was found", "his body was delivered": one."""
    if cue.lemma_.lower() not in ("body", "corpse") or cue.tag_ != "NN":
        return {}
    owner = next((c for c in cue.children if c.dep_ == "poss"), None)
    if owner is None:
        return {}
    if owner.lower_ in ("his", "her") or (
        owner.tag_ == "NN" and any(c.lower_ in vocab.one_words for c in owner.children)
    ):
        return {owner.i: Quantity(text=cue.doc[owner.left_edge.i : cue.i + 1].text, value=1.0)}
    return {}


def _subject_figures(
    cue: Token, ends: dict[int, Any], vocab: CasualtyVocabulary
) -> dict[int, Quantity]:
    """Counts before a passive or predicate casualty word, summed over "X and Y were killed"."""
    doc = cue.doc
    window = _NOUN_WINDOW if cue.pos_ == "NOUN" else _SUBJECT_WINDOW
    found: dict[int, Quantity] = {}
    i = cue.i - 1
    if cue.lower_ == "dead" and i >= cue.sent.start and doc[i].lower_ in vocab.shoot:
        i -= 1
    while i >= cue.sent.start and cue.i - i <= window:
        token = doc[i]
        if i in ends:
            mention = ends[i]
            found[mention.first] = mention.quantity
            i = mention.first - 1
            continue
        if token.lower_ in vocab.subset:
            found.clear()
        elif cue_kinds(token, vocab) or (
            token.pos_ in ("VERB", "AUX")
            and token.lemma_.lower() not in vocab.bridge
            and not (cue.dep_ == "conj" and cue.head == token)
        ):
            break
        i -= 1
    if found or cue.pos_ == "NOUN":
        return found
    return _singular_subject(cue, vocab)


def _singular_subject(cue: Token, vocab: CasualtyVocabulary) -> dict[int, Quantity]:
    """ "a man was killed", "he was shot dead", "a HTS commander died": one each, so "a man and
    his son were killed" is two."""
    for holder in (cue, cue.head):
        for child in holder.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            found: dict[int, Quantity] = {}
            for person in (child, *child.conjuncts):
                one = _one_person(person, vocab)
                if one is None:
                    break
                found[one[0]] = one[1]
            return found if found and len(found) == 1 + len(child.conjuncts) else {}
        if holder.dep_ not in ("acomp", "oprd", "xcomp", "conj"):
            break
    return {}


def _one_person(noun: Token, vocab: CasualtyVocabulary) -> tuple[int, Quantity] | None:
    """(first token, one) for "he", "a man", "the driver", "his son"; None otherwise."""
    if noun.lower_ in vocab.one_pronouns:
        return noun.i, Quantity(text=noun.text, value=1.0)
    determiner = next((c for c in noun.children if c.dep_ in ("det", "nummod", "poss")), None)
    if noun.tag_ != "NN" or determiner is None:
        return None
    if determiner.lower_ in vocab.one_words or determiner.lower_ in ("the", "his", "her"):
        return determiner.i, Quantity(text=noun.doc[determiner.i : noun.i + 1].text, value=1.0)
    return None


def total(figures: dict[int, Quantity]) -> Quantity | None:
    """One figure, or the sum of several ("Forty GNA soldiers and eight LNA soldiers")."""
    if not figures:
        return None
    items = [figures[k] for k in sorted(figures)]
    if len(items) == 1:
        return items[0]
    text = " and ".join(q.text for q in items)
    if all(q.value is not None for q in items):
        return Quantity(
            text=text,
            value=sum(q.value or 0.0 for q in items),
            approximate=any(q.approximate for q in items),
        )
    return Quantity(
        text=text,
        value=None,
        approximate=True,
        low=sum((q.value if q.value is not None else q.low) or 0.0 for q in items),
        high=None,
    )
