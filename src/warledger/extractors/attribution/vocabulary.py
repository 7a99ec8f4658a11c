"""The attribution vocabulary (data/attribution.yaml, data/outlets.yaml, data/certainty.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from warledger.yaml_data import load_yaml

DATA = Path(__file__).parent / "data"


def _read(name: str) -> dict[str, Any]:
    with (DATA / name).open(encoding="utf-8") as handle:
        data = load_yaml(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping at the top level")
    return data


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(str(value).lower() for value in values)


@dataclass(frozen=True)
class AttributionVocabulary:
    reporting_verbs: frozenset[str]
    attitude_verbs: frozenset[str]
    """Also in reporting_verbs; these take pronoun objects too ("X criticized him")."""
    prepositional_cues: dict[str, frozenset[str]]
    """Cue verb lemma -> prepositions whose object is the content ("called for")."""
    speech_verbs: frozenset[str]
    nested_cues: frozenset[str]
    chain_cues: frozenset[str]
    light_verbs: frozenset[str]
    attitude_adjectives: frozenset[str]
    stance_holders: frozenset[str]
    poll_nouns: frozenset[str]
    statement_nouns: frozenset[str]
    """Objects that make a light verb a cue: "made the allegation", "issued a warning"."""
    not_speaker_labels: frozenset[str]
    """Lower-case line-start labels before a colon that are no speaker ("update", "photo")."""
    """Cue verbs that open a statement inside another statement's content."""
    """Verbs that frame a quote or a sentence on their own: "“...,” she said."."""
    clause_only_verbs: frozenset[str]
    quoting_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    source_prepositions: tuple[tuple[str, ...], ...]
    """Token sequences, lower case: ("according", "to")."""
    heads: dict[str, frozenset[str]]
    """Source kind -> head nouns of that kind."""
    anonymous_media_modifiers: frozenset[str]
    channels: dict[str, str]
    channel_prepositions: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    anaphor_determiners: frozenset[str]
    quoted_speakers: frozenset[str]
    topic_verbs: frozenset[str]
    not_reporting_verbs: frozenset[str]
    topic_prepositions: frozenset[str]
    outlets: dict[str, str]
    """Lower-case outlet name or alias -> display name."""
    dateline_outlets: dict[str, str]
    generic_outlets: frozenset[str]


@dataclass(frozen=True)
class CertaintyVocabulary:
    levels: tuple[str, ...]
    cue_levels: dict[str, str]
    """Reporting-verb lemma -> level."""
    words: dict[str, str]
    """Lower-case word -> level."""
    phrases: dict[tuple[str, ...], str]
    """Lower-case token sequence -> level."""


@lru_cache(maxsize=1)
def attribution_vocabulary() -> AttributionVocabulary:
    data = _read("attribution.yaml")
    outlet_data = _read("outlets.yaml")
    outlets: dict[str, str] = {}
    dateline: dict[str, str] = {}
    for entry in outlet_data["outlets"]:
        names = [str(name) for name in entry["names"]]
        for name in names:
            outlets.setdefault(name.lower(), names[0])
            if entry.get("dateline"):
                dateline.setdefault(name.lower(), names[0])
    heads = {
        kind: _words(data[f"{kind}_heads"])
        for kind in ("anonymous", "official", "organization", "document", "outlet", "social_media")
    }
    return AttributionVocabulary(
        reporting_verbs=_words(data["reporting_verbs"])
        | _words(data["attitude_verbs"])
        | frozenset(str(k).lower() for k in data["prepositional_cues"]),
        attitude_verbs=_words(data["attitude_verbs"]),
        prepositional_cues={
            str(k).lower(): _words(v) for k, v in data["prepositional_cues"].items()
        },
        speech_verbs=_words(data["speech_verbs"]),
        nested_cues=_words(data["nested_cues"]),
        chain_cues=_words(data["chain_cues"]),
        light_verbs=_words(data["light_verbs"]),
        attitude_adjectives=_words(data["attitude_adjectives"]),
        stance_holders=_words(data["stance_holders"]),
        poll_nouns=_words(data["poll_nouns"]),
        statement_nouns=_words(data["statement_nouns"]),
        not_speaker_labels=_words(data["not_speaker_labels"]),
        clause_only_verbs=_words(data["clause_only_verbs"]),
        quoting_verbs=_words(data["quoting_verbs"]),
        reporting_nouns=_words(data["reporting_nouns"]),
        source_prepositions=tuple(tuple(p.lower().split()) for p in data["source_prepositions"]),
        heads=heads,
        anonymous_media_modifiers=_words(data["anonymous_media_modifiers"]),
        channels={str(k).lower(): str(v) for k, v in data["channels"].items()},
        channel_prepositions=_words(data["channel_prepositions"]),
        pronouns={str(k).lower(): _words(v or []) for k, v in data["pronouns"].items()},
        anaphor_determiners=_words(data["anaphor_determiners"]),
        quoted_speakers=_words(data["quoted_speakers"]),
        topic_verbs=_words(data["topic_verbs"]),
        not_reporting_verbs=_words(data["not_reporting_verbs"]),
        topic_prepositions=_words(data["topic_prepositions"]),
        outlets=outlets,
        dateline_outlets=dateline,
        generic_outlets=_words(outlet_data["generic_outlets"]),
    )


@lru_cache(maxsize=1)
def certainty_vocabulary() -> CertaintyVocabulary:
    data = _read("certainty.yaml")
    levels = tuple(data["levels"])

    def by_level(section: dict[str, list[str]]) -> dict[str, str]:
        found: dict[str, str] = {}
        for level, words in section.items():
            if level not in levels:
                raise ValueError(f"certainty.yaml: unknown level {level!r}")
            for word in words:
                key = str(word).lower()
                # A word listed under two levels takes the more uncertain one.
                if key not in found or levels.index(level) > levels.index(found[key]):
                    found[key] = level
        return found

    phrases = {tuple(phrase.split()): level for phrase, level in by_level(data["phrases"]).items()}
    return CertaintyVocabulary(
        levels=levels,
        cue_levels=by_level(data["cue_levels"]),
        words=by_level(data["words"]),
        phrases=phrases,
    )
