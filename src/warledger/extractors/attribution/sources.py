"""Source records: who a statement comes from, one record per distinct source in a document.

A source mention is a noun phrase from the parse ("Elizabeth Tsurkov, a Syria researcher", "a source
close to one of the fighters", "state TV", "he"). `SourceBook` classifies it (outlet, person,
official, organization, anonymous, social_media, document), resolves pronouns and definite
descriptions ("the source", "the spokesman") to the last matching source, and links actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from warledger.extractors.attribution.vocabulary import (
    AttributionVocabulary,
    attribution_vocabulary,
)
from warledger.extractors.context import Context
from warledger.report import Source

_PERSON_LABELS = frozenset({"PERSON"})
_ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
_DETERMINERS = ("the ", "a ", "an ")
_DATELINE = re.compile(r"\(([^()\n]{2,40})\)\s*[-\u2013\u2014:]")
_SIGNOFF = re.compile(r"[-\u2013\u2014]\s*([A-Za-z][\w .&'-]{1,40})\s*$")


@dataclass
class SourceMention:
    """A source as the text names it: the record, the span, and the head noun it was found by."""

    source: Source
    start: int
    end: int
    head: str


@dataclass
class SourceBook:
    ctx: Context
    sources: list[Source] = field(default_factory=list)
    history: list[SourceMention] = field(default_factory=list)
    publisher: Source | None = None
    _by_key: dict[str, Source] = field(default_factory=dict)
    _heads: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        name = self.ctx.document.outlet or dateline_outlet(self.ctx.text)
        if name:
            self.publisher = self._record(name, "outlet")

    def _record(self, name: str, kind: str, description: str | None = None) -> Source:
        key = name_key(name)
        found = self._by_key.get(key)
        if found is None:
            found = Source(id=self.ctx.new_id("s"), name=name, kind=kind, description=description)
            self._by_key[key] = found
            self.sources.append(found)
        elif description and not found.description:
            found.description = description
        return found

    def outlet(self, name: str) -> Source:
        """An outlet named in the text ("Horan Free Media") or as the recipient of "told"."""
        return self._record(canonical_outlet(name) or name, "outlet")

    def mention(self, phrase: SpacySpan, head: Token) -> SourceMention:
        """The source a noun phrase names, resolving pronouns and "the source" to an earlier one."""
        vocabulary = attribution_vocabulary()
        lowered = head.lower_
        resolved = self._resolve(phrase, head, vocabulary)
        if resolved is not None:
            return self._remember(resolved, phrase, lowered)
        if lowered in ("who", "that", "which") and head.head.dep_ in ("relcl", "acl"):
            # "Ahmed, who said ...": the relative pronoun speaks for the noun it hangs on.
            antecedent = head.head.head
            start = antecedent.left_edge.i
            phrase = antecedent.doc[start : min(antecedent.i + 1, head.i)]
            head = antecedent
        ents = self.ctx.ents_within(phrase.start, phrase.end)
        name, kind, description = describe(phrase, head, vocabulary, ents)
        source = self._record(name, kind, description)
        if source.actor is None:
            source.actor = self._actor_at(phrase)
        return self._remember(source, phrase, lowered)

    def relay(self, phrase: SpacySpan, head: Token, kinds: frozenset[str]) -> Source | None:
        """The source that passes a claim on ("told Reuters"), if it is of a relaying kind."""
        ents = self.ctx.ents_within(phrase.start, phrase.end)
        name, kind, description = describe(phrase, head, attribution_vocabulary(), ents)
        if kind not in kinds:
            return None
        source = self._record(name, kind, description)
        if source.actor is None:
            source.actor = self._actor_at(phrase)
        return source

    def _remember(self, source: Source, phrase: SpacySpan, head: str) -> SourceMention:
        found = SourceMention(source, phrase.start_char, phrase.end_char, head)
        self.history.append(found)
        self._heads.setdefault(source.id, set()).add(head)
        if source.description:
            self._heads[source.id].update(source.description.lower().split())
        return found

    def _resolve(
        self, phrase: SpacySpan, head: Token, vocabulary: AttributionVocabulary
    ) -> Source | None:
        lowered = head.lower_
        if head.pos_ == "PRON":
            kinds = vocabulary.pronouns.get(lowered)
            if kinds is None:
                return None
            for earlier in reversed(self.history):
                if earlier.source.kind in kinds and earlier.end <= phrase.start_char:
                    return earlier.source
            return None
        first = phrase[0].lower_
        if head.pos_ == "NOUN" and first in vocabulary.anaphor_determiners and len(phrase) <= 3:
            for earlier in reversed(self.history):
                if earlier.end <= phrase.start_char and lowered in self._heads.get(
                    earlier.source.id, ()
                ):
                    return earlier.source
        # A surname alone refers back to the full name: "Tsurkov said" after "Elizabeth Tsurkov".
        if head.ent_type_ in _PERSON_LABELS and len(phrase) <= 4:
            surname = phrase.text
            for source in self.sources:
                if source.kind in ("person", "official") and source.name.endswith(" " + surname):
                    return source
        return None

    def _actor_at(self, phrase: SpacySpan) -> str | None:
        start, end = phrase.start_char, phrase.end_char
        for actor in self.ctx.actors:
            for span in actor.mentions:
                if span.start >= start and span.end <= end:
                    return actor.id
        return None


def name_key(name: str) -> str:
    key = name.lower().strip()
    for determiner in _DETERMINERS:
        if key.startswith(determiner):
            key = key[len(determiner) :]
    return re.sub(r"[\s\u2019']+", " ", key)


def canonical_outlet(text: str) -> str | None:
    """The display name of a known outlet ("al jazeera" -> "Al Jazeera"), or None."""
    outlets = attribution_vocabulary().outlets
    key = text.strip().lower()
    if key.startswith("the ") and key not in outlets:
        key = key[4:]
    key = re.sub(r"['\u2019]s$", "", key)
    return outlets.get(key)


def dateline_outlet(text: str) -> str | None:
    """The agency of a dateline "BEIRUT (Reuters) -" at the start, or a sign-off "-- AFP" at the end."""
    dateline = attribution_vocabulary().dateline_outlets
    match = _DATELINE.search(text[:200])
    if match and match.group(1).strip().lower() in dateline:
        return dateline[match.group(1).strip().lower()]
    match = _SIGNOFF.search(text[-60:])
    if match and match.group(1).strip().lower() in dateline:
        return dateline[match.group(1).strip().lower()]
    return None


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip(" ,;:-\u2013\u2014")


def describe(
    phrase: SpacySpan, head: Token, vocabulary: AttributionVocabulary, ents: list[SpacySpan]
) -> tuple[str, str, str | None]:
    """(name, kind, description) of a source noun phrase; `ents` are the entities within it."""
    text = phrase.text.strip(" ,;:")
    person = _person_in(ents, head)
    if person is not None:
        rest = [t for t in phrase if not (person.start <= t.i < person.end) and not t.is_punct]
        description = _text(rest) or None
        words = {t.lower_ for t in rest}
        kind = "official" if words & vocabulary.heads["official"] else "person"
        return person.text, kind, description
    lowered = text.lower()
    if canonical_outlet(text):
        return canonical_outlet(text) or text, "outlet", None
    if lowered in vocabulary.generic_outlets or name_key(lowered) in vocabulary.generic_outlets:
        return text, "outlet", None
    if (
        any(t.ent_type_ and canonical_outlet(t.text) for t in phrase)
        and head.lower_ in vocabulary.heads["outlet"]
    ):
        return text, "outlet", None
    lemma = head.lower_
    modifiers = {t.lower_ for t in head.lefts}
    if head.pos_ == "PRON":
        kinds = vocabulary.pronouns.get(lemma)
        kind = (
            "person"
            if lemma in ("he", "she", "i")
            else ("organization" if lemma in ("it", "we") else "anonymous")
        )
        if kinds and kind not in kinds:
            kind = next(iter(sorted(kinds)))
        return text, kind, None
    if lemma in vocabulary.heads["social_media"]:
        return text, "social_media", None
    if lemma in vocabulary.heads["outlet"]:
        kind = "anonymous" if modifiers & vocabulary.anonymous_media_modifiers else "outlet"
        return text, kind, None
    if lemma in vocabulary.heads["official"]:
        return text, "official", None
    if lemma in vocabulary.heads["anonymous"]:
        return text, "anonymous", None
    if lemma in vocabulary.heads["document"]:
        return text, "document", None
    if head.ent_type_ in _ORG_LABELS or lemma in vocabulary.heads["organization"]:
        return text, "organization", None
    if head.pos_ == "PROPN":
        return text, "person" if head.ent_type_ in _PERSON_LABELS else "organization", None
    return text, "anonymous", None


def _person_in(ents: list[SpacySpan], head: Token) -> SpacySpan | None:
    """The PERSON entity that names the source (of the phrase's `ents`): the head itself or its
    appositive."""
    for ent in ents:
        if ent.label_ not in _PERSON_LABELS:
            continue
        if ent.start <= head.i < ent.end:
            return ent
        # "the spokesman of the LNA, Ahmed al-Mismari": the parser may hang the name on any noun.
        if ent.root.dep_ == "appos" and head.pos_ == "NOUN":
            return ent
    return None
