"""The event rule data (events/data/*.yaml), loaded and checked once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from warledger.errors import ConfigError
from warledger.extractors.events.lexicon import Lexicon, phrase_words
from warledger.yaml_data import load_yaml

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class TriggerWord:
    type: str
    words: tuple[str, ...]
    pos: str
    """`verb` or `noun`."""
    guard: str | None = None
    """The typing.yaml word list that must occur nearby for the trigger to count."""


@dataclass(frozen=True)
class Instrument:
    type: str
    sub_event_type: str | None
    words: Lexicon
    requires: str | None = None
    """A typing.yaml word list that must also occur (a monitor's "observed" for "explosion")."""


@dataclass(frozen=True)
class CrosswalkEntry:
    event_type: str | None
    sub_event_types: tuple[str, ...]
    plover: str | None
    cameo: str | None


@dataclass
class Vocabulary:
    triggers: dict[str, list[TriggerWord]]
    """First word of a trigger phrase -> the trigger entries starting with it (longest first)."""
    generic: frozenset[str]
    family_prefixes: dict[str, str]
    instruments: list[Instrument]
    lexicons: dict[str, Lexicon]
    kind_classes: dict[str, frozenset[str]]
    participant_classes: dict[str, Lexicon]
    crosswalk: dict[str, CrosswalkEntry]
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    aimed_fire: dict[str, frozenset[str]] = field(default_factory=dict)
    """The guard of "fire" as a verb of violence: prepositions of a target, projectile objects."""
    disrupted: dict[str, frozenset[str]] = field(default_factory=dict)
    """Verbs and object heads of disrupted weapons use (typing.yaml `disrupted_weapons`)."""


def _read(name: str) -> Any:
    path = DATA / name
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:  # pragma: no cover - shipped data
        raise ConfigError(f"cannot read event patterns {path}: {exc}") from exc


def _triggers(types: dict[str, Any]) -> dict[str, list[TriggerWord]]:
    index: dict[str, list[TriggerWord]] = {}
    for name, spec in types.items():
        always = (
            spec.get("guard") if spec.get("needs_forces") or spec.get("needs_political") else None
        )
        for key, pos, guarded in (
            ("verbs", "verb", False),
            ("nouns", "noun", False),
            ("guarded_verbs", "verb", True),
            ("guarded_nouns", "noun", True),
        ):
            for phrase in spec.get(key) or []:
                words = phrase_words(str(phrase))
                guard = spec.get("guard") if guarded else always
                index.setdefault(words[0], []).append(TriggerWord(name, words, pos, guard))
        for guard, group in (spec.get("guarded_by") or {}).items():
            for key, pos in (("verbs", "verb"), ("nouns", "noun")):
                for phrase in group.get(key) or []:
                    words = phrase_words(str(phrase))
                    index.setdefault(words[0], []).append(TriggerWord(name, words, pos, guard))
    for entries in index.values():
        entries.sort(key=lambda t: len(t.words), reverse=True)
    return index


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    events = _read("events.yaml")["types"]
    typing = _read("typing.yaml")
    modality = _read("modality.yaml")
    crosswalk_data = _read("crosswalk.yaml")
    crosswalk = {}
    for name, spec in crosswalk_data.items():
        acled = spec.get("acled") or {}
        crosswalk[name] = CrosswalkEntry(
            event_type=acled.get("event_type"),
            sub_event_types=tuple(acled.get("sub_event_types") or ()),
            plover=spec.get("plover"),
            cameo=spec.get("cameo"),
        )
    missing = set(events) - set(crosswalk) - {"VIOLENCE"}
    if missing:  # pragma: no cover - shipped data
        raise ConfigError(f"crosswalk.yaml lacks event types {sorted(missing)}")
    lexicon_keys = [
        "instrument_blockers",
        "force_words",
        "political_words",
        "labour_words",
        "violent_protest_words",
        "mob_words",
        "intervention_words",
        "excessive_force_words",
        "weapon_words",
        "territory_words",
        "state_words",
        "casualty_triggers",
        "conflict_words",
        "protest_words",
        "non_state_words",
        "attack_words",
        "disaster_words",
        "demand_words",
        "firearm_words",
        "police_words",
        "unarmed_modifiers",
        "protest_referents",
        "goods_words",
        "observation_words",
        "after_protest_words",
        "discovery_words",
        "remains_words",
        "object_verbs",
    ]
    return Vocabulary(
        triggers=_triggers(events),
        generic=frozenset(n for n, s in events.items() if s.get("generic")),
        family_prefixes={k.lower(): v for k, v in typing["family_prefixes"].items()},
        instruments=[
            Instrument(i["type"], i.get("sub_event_type"), Lexicon(i["words"]), i.get("requires"))
            for i in typing["instruments"]
        ],
        lexicons={key: Lexicon(typing[key]) for key in lexicon_keys},
        kind_classes={
            **{k: frozenset(v) for k, v in typing["actor_kind_classes"].items()},
            "state": frozenset(typing["state_kinds"]),
            "non_state": frozenset(typing["non_state_kinds"]),
        },
        participant_classes={k: Lexicon(v) for k, v in typing["participant_classes"].items()},
        crosswalk=crosswalk,
        modality={k: frozenset(str(w).lower() for w in v) for k, v in modality.items()},
        aimed_fire={
            k: frozenset(str(w).lower() for w in v) for k, v in typing["aimed_fire"].items()
        },
        disrupted={
            k: frozenset(str(w).lower() for w in v) for k, v in typing["disrupted_weapons"].items()
        },
    )
