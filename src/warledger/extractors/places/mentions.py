"""Place candidates in the text: where a place name is, how it is introduced, what qualifies it.

Candidates come from three sources (vocabulary in `places/data/places.yaml`):
- a capitalised name after a locative cue ("in", "near", "on the outskirts of", "east of", "from",
  "to", "shelled" ...), which catches the many places NER misses or labels PERSON ("Ras al Ain");
- NER GPE/LOC/FAC entities that are not part of an actor mention;
- a name in parentheses right after a place, which becomes that place's parent
  ("Qasr Bin Ghashir (Tripoli)"); "X in Y" also makes Y a (weaker) parent of X.
A head noun after the name makes it an administrative unit ("Dar'a province") or a named site
("Tafas front", "Mitiga Airport"); a direction adjective before it makes a region ("southern
Syria"); "near", "outskirts of", "countryside" mark the mention as approximate.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from spacy.tokens import Doc, Token

from warledger.yaml_data import load_yaml


@dataclass
class Mention:
    start: int
    """Character offsets of the whole mention (name plus head word)."""
    end: int
    name: str
    """The name to look up (without head word and direction)."""
    cue: str | None = None
    """The locative word that introduced it ("in", "near", "from"), lower-cased."""
    ner: bool = False
    head: str | None = None
    head_kind: str | None = None
    """"admin" or "site" when a head noun follows the name."""
    direction: str | None = None
    approximate: bool = False
    parent: int | None = None
    """Index of the parent mention in the document's mention list."""
    strict_parent: bool = False
    """True for a parent in parentheses, False for "X in Y"."""
    token: int = 0
    """Index of the name's first token."""
    token_end: int = 0
    """Index of the token after the mention (after its head word)."""
    settlement: bool = False
    """True when a settlement word follows the name ("Baghuz town"): the mention includes it,
    the place's name does not."""
    is_parent: bool = False
    """True when another mention lies in this one ("Nayrab in Idleb": Idleb)."""
    stripped: bool = False
    """True when only the name without its leading direction word was found."""
    of_tail: bool = False
    """True when only the part after "of" was found: "Coast of Zwara" -> Zwara."""


@dataclass(frozen=True)
class Vocabulary:
    locative: frozenset[str]
    needs_context: frozenset[str]
    modifiers: frozenset[str]
    particles: frozenset[str]
    admin_heads: frozenset[str]
    site_heads: tuple[tuple[str, ...], ...]
    site_head_starts: frozenset[str]
    near_words: frozenset[str]
    directions: dict[str, tuple[float, float]]
    not_places: frozenset[str]
    generic_names: frozenset[str]
    """Nouns that name no place on their own ("the Hospital", "the Centre"); see places.yaml."""
    demonyms: frozenset[str]
    leading_articles: frozenset[str]
    settlement_words: frozenset[str]
    of_heads: frozenset[str]
    origin_preps: frozenset[str]
    destination_preps: frozenset[str]
    destination_verbs: frozenset[str]
    destination_object_verbs: frozenset[str]
    thing_heads: frozenset[str]
    seat_heads: frozenset[str]
    leading_units: frozenset[str]
    """Village-level unit words before a name ("Barangay Marbel")."""
    """Admin head words of units below a province ("district", "municipality")."""
    """Nouns after a name that make it a currency, product or institution ("US dollar")."""
    town_parts_after: frozenset[str] = frozenset()
    town_parts_before: frozenset[str] = frozenset()
    """Words that make a name a part of a town ("Grama neighborhood", "Colonia Libertad")."""
    town_part_km: float = 40.0
    """How far from the town the report opens in such a part may lie."""


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    path = files("warledger.extractors.places").joinpath("data", "places.yaml")
    data: dict[str, Any] = load_yaml(path.read_text(encoding="utf-8"))

    def words(name: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[name])

    heads = sorted(
        (tuple(str(h).lower().split()) for h in data["site_heads"]), key=len, reverse=True
    )
    return Vocabulary(
        locative=words("locative"),
        needs_context=words("needs_context"),
        modifiers=words("modifiers"),
        particles=words("name_particles"),
        admin_heads=words("admin_heads"),
        site_heads=tuple(heads),
        site_head_starts=frozenset(h[0] for h in heads),
        near_words=words("near_words"),
        directions={
            str(k).lower(): (float(v[0]), float(v[1])) for k, v in data["directions"].items()
        },
        not_places=words("not_places"),
        generic_names=words("generic_names")
        | words("admin_heads")
        | words("leading_units")
        | frozenset(" ".join(h) for h in heads),
        demonyms=_demonyms(),
        leading_articles=words("leading_articles"),
        settlement_words=words("settlement_words"),
        of_heads=words("of_heads"),
        origin_preps=words("origin_preps"),
        destination_preps=words("destination_preps"),
        destination_verbs=words("destination_verbs"),
        destination_object_verbs=words("destination_object_verbs"),
        thing_heads=words("thing_heads"),
        seat_heads=words("seat_heads"),
        leading_units=words("leading_units"),
        town_parts_after=words("town_parts_after"),
        town_parts_before=words("town_parts_before"),
        town_part_km=float(data["town_part_km"]),
    )


def _demonyms() -> frozenset[str]:
    """Nationality adjectives from the knowledge base ("Turkish", "Iranian"): never places."""
    from warledger.kb.load import load_kb

    kb = load_kb()
    return frozenset(d.lower() for c in kb.countries.values() for d in c.demonyms)


def _capitalised(token: Token) -> bool:
    return (
        token.text[:1].isupper()
        and token.is_alpha
        or (token.text[:1].isupper() and any(c.isalpha() for c in token.text) and "'" in token.text)
    )


def _temporal(token: Token, vocab: Vocabulary) -> bool:
    """A word of a date or number; the tagger's DATE on a plain name ("in Quneitra") is not
    trusted unless the word is a month, a weekday or the like (`not_places`)."""
    if token.ent_type_ in {"TIME", "CARDINAL", "ORDINAL"}:
        return True
    return token.ent_type_ == "DATE" and (not token.is_alpha or token.lower_ in vocab.not_places)


def name_end(doc: Doc, i: int, vocab: Vocabulary) -> int:
    """The end (exclusive token index) of a proper name starting at token i, or i if none.

    A name starts with a capitalised word (or a hyphenated particle: "al-Hasakeh"), may contain
    particles and hyphens ("Ras al Ain", "Deir-ez-Zor") and ends on a capitalised word."""
    n = len(doc)
    j = i
    if j + 1 < n and doc[j].lower_ in vocab.particles and doc[j + 1].text == "-":
        j += 2
    elif j + 1 < n and doc[j].lower_ in vocab.leading_articles:
        j += 1
    if (
        j >= n
        or not _capitalised(doc[j])
        or doc[j].lower_ in vocab.not_places
        or doc[j].lower_ in vocab.demonyms
    ):
        return i
    end = i
    while j < n:
        tok = doc[j]
        if (
            end > i
            and (tok.lower_ in vocab.admin_heads or tok.lower_ in vocab.site_head_starts)
            and not (j + 1 < n and _capitalised(doc[j + 1]))
        ):
            break  # "Narok County", "Mitiga Airport": the head word is read by _head
        if _capitalised(tok) and not _temporal(tok, vocab):
            j += 1
            end = j
            continue
        if tok.lower_ in vocab.particles or (tok.text == "-" and not tok.whitespace_):
            j += 1
            continue
        if (
            tok.lower_ == "of"
            and end == i + 1
            and doc[i].lower_ in vocab.of_heads
            and j + 1 < n
            and _capitalised(doc[j + 1])
        ):
            j += 1  # "Coast of Zwara": one name, read as a part of Zwara (see places)
            continue
        break
    return end


def _head(doc: Doc, j: int, vocab: Vocabulary) -> tuple[int, str | None, str | None]:
    """A head noun at token j: (end, head text, "admin"|"site"|None)."""
    if j >= len(doc):
        return j, None, None
    first = doc[j].lower_
    if first in vocab.admin_heads:
        return j + 1, doc[j].text, "admin"
    if first not in vocab.site_head_starts:
        return j, None, None
    for words in vocab.site_heads:
        k = j + len(words)
        if k <= len(doc) and tuple(t.lower_ for t in doc[j:k]) == words:
            return k, doc[j:k].text, "site"
    return j, None, None


def find_mentions(
    doc: Doc, claimed: list[tuple[int, int]], text: str | None = None
) -> list[Mention]:
    """Place candidates of `doc`, in text order; `claimed` are actor mention offsets; `text` is
    the document's text when the caller has it (Doc.text is rebuilt on every access)."""
    vocab = vocabulary()
    mentions: list[Mention] = []
    taken: set[int] = set()
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        low = tok.lower_
        parenthesis = tok.text == "(" and (i - 1) in taken
        if not parenthesis and (
            low not in vocab.locative
            or (low in vocab.needs_context and not _in_context(doc, i, mentions, vocab))
        ):
            i += 1
            continue
        j = i + 1
        direction = None
        approximate = low in vocab.near_words
        while (
            j < n
            and doc[j].lower_ in vocab.modifiers
            and (not _capitalised(doc[j]) or doc[j].lower_ == "of")  # "countryside Of Dar'a"
        ):
            if doc[j].lower_ in vocab.directions:
                direction = doc[j].lower_
            approximate = approximate or doc[j].lower_ in vocab.near_words
            j += 1
        end = name_end(doc, j, vocab)
        if end == j:
            i += 1
            continue
        ner = doc[j].ent_type_ in {"GPE", "LOC", "FAC"}
        mention = _mention(
            doc, j, end, vocab, cue=_cue(doc, i, vocab), direction=direction, ner=ner
        )
        if (low == "," and not _comma_continues(doc, mention)) or _thing_use(
            doc, mention.token_end, vocab
        ):
            i += 1
            continue
        mention.approximate = (
            mention.approximate or approximate or _approximate_before(doc, i, vocab)
        )
        if direction is not None:
            mention.start = next(t.idx for t in doc[i + 1 : j] if t.lower_ == direction)
        mentions.append(mention)
        taken.update(range(j, mention.token_end))
        i = mention.token_end
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "LOC", "FAC"} or any(t.i in taken for t in ent):
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in claimed):
            continue
        first = ent.start + 1 if ent[0].lower_ in {"the", "a", "an"} and len(ent) > 1 else ent.start
        last = ent.end
        while last - 1 > first and (
            doc[last - 1].lower_ in vocab.admin_heads or (doc[last - 1].lower_,) in vocab.site_heads
        ):
            last -= 1
        if (
            doc[first:last].text.lower() in vocab.demonyms
            or _modifier_use(doc, ent.end)
            or _thing_use(doc, ent.end, vocab)
        ):
            continue
        if last - first == 1 and doc[first].pos_ == "ADJ" and doc[first].dep_ == "amod":
            continue  # "a Western diplomat": an adjective, not the Western Division of Fiji
        mentions.append(_mention(doc, first, last, vocab, ner=True))
        taken.update(range(ent.start, ent.end))
    mentions.sort(key=lambda m: m.start)
    _link_parents(doc.text if text is None else text, mentions)
    return mentions


_MODIFIER_USE = frozenset(
    {"backed", "led", "supported", "sponsored", "allied", "based", "affiliated", "aligned"}
)


def _modifier_use(doc: Doc, end: int) -> bool:
    """ "Turkey-backed", "Turkey backed", "UAE-supported": the name modifies an actor."""
    k = end + 1 if end < len(doc) and doc[end].text == "-" else end
    return k < len(doc) and doc[k].lower_ in _MODIFIER_USE


def _thing_use(doc: Doc, end: int, vocab: Vocabulary) -> bool:
    """ "the US dollar", "Brazil nuts", "the Kenyan embassy": the name modifies a currency, a
    product or an institution (`thing_heads`), and names no place of the event."""
    return end < len(doc) and doc[end].lower_ in vocab.thing_heads


def _cue(doc: Doc, i: int, vocab: Vocabulary) -> str:
    """The cue word: "of" takes the word before it ("outskirts of" -> "outskirts")."""
    low = doc[i].lower_
    if low in {"of", "and"} and i > 0:
        return doc[i - 1].lower_ if low == "of" else "and"
    return low


def _in_context(doc: Doc, i: int, mentions: list[Mention], vocab: Vocabulary) -> bool:
    low = doc[i].lower_
    if low == "and":
        return bool(mentions) and mentions[-1].end >= doc[i].idx - 2
    if low == ",":
        return bool(mentions) and mentions[-1].end == doc[i].idx
    if low == "of":
        return i > 0 and (
            doc[i - 1].lower_ in vocab.near_words or doc[i - 1].lower_ in vocab.modifiers
        )
    return True


def _comma_continues(doc: Doc, mention: Mention) -> bool:
    """ "in Cancun, Quintana Roo, on Monday": a name after a place and a comma continues the
    place when it closes the phrase (a comma, a full stop, a parenthesis, a preposition or the
    end follows): "in Tripoli, Haftar's forces attacked" does not. An actor's claim does not
    count against it: the tagger often takes such a province for a person ("La Paz")."""
    k = mention.token_end
    if k >= len(doc):
        return True
    nxt = doc[k]
    return nxt.text in {",", ".", ";", "(", ")", ":"} or (nxt.pos_ == "ADP" and nxt.lower_ != "of")


def _approximate_before(doc: Doc, i: int, vocab: Vocabulary) -> bool:
    return any(t.lower_ in vocab.near_words for t in doc[max(0, i - 3) : i])


def _mention(
    doc: Doc,
    start: int,
    end: int,
    vocab: Vocabulary,
    cue: str | None = None,
    direction: str | None = None,
    ner: bool = False,
) -> Mention:
    span = doc[start:end]
    name = span.text
    if span[-1].text == "'s":
        name = doc[start : end - 1].text
    first = span[0].lower_
    if direction is None and first in vocab.directions and len(span) > 1:
        direction = first  # "Eastern Ghariyeh": resolved whole first, else as a direction
    approximate = False
    settlement = end < len(doc) and doc[end].lower_ in vocab.settlement_words
    if settlement:
        approximate = doc[end].lower_ in {"area", "desert"}
        end += 1  # "Baghuz town", "Shadadah city": the word belongs to the mention
    head_end, head, head_kind = _head(doc, end, vocab)
    if head_end < len(doc) and doc[head_end].lower_ in {"countryside", "outskirts", "suburbs"}:
        approximate = True
    return Mention(
        start=doc[start].idx,
        end=doc[head_end - 1].idx + len(doc[head_end - 1].text),
        name=name,
        cue=cue,
        ner=ner,
        head=head,
        head_kind=head_kind,
        direction=direction,
        approximate=approximate,
        token=start,
        token_end=head_end,
        settlement=settlement,
    )


def _link_parents(text: str, mentions: list[Mention]) -> None:
    """ "X (Y)" and "X (Y, Z)" make Y the strict parent of X; "X in Y" / "X, Y" a soft one."""
    for k in range(len(mentions) - 1):
        here, nxt = mentions[k], mentions[k + 1]
        between = text[here.end : nxt.start].strip().lower()
        if between == "(" and text[nxt.end : nxt.end + 1] in {")", ","}:
            here.parent, here.strict_parent = k + 1, True
            nxt.is_parent = True
        elif between in {"in", ",", "in rural", "in the", "in the countryside of", "of", "near"}:
            here.parent = k + 1
            nxt.is_parent = True
