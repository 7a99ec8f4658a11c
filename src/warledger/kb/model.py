"""Knowledge-base records: actors with aliases and time-bounded ties, and countries."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tie:
    """A standing relation from the actor that holds it to `target` (another KB id)."""

    type: str  # PART_OF, SUPPORTS, LEADS, ALLIED_WITH, OPPOSES, AFFILIATED_WITH
    target: str
    start: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None = None
    mode: str | None = None  # military, financial, political


@dataclass(frozen=True)
class KbActor:
    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    acled_name: str | None = None
    description: str | None = None
    ties: tuple[Tie, ...] = ()
    source_file: str = ""


@dataclass(frozen=True)
class KbCountry:
    iso3: str
    name: str
    aliases: tuple[str, ...] = ()
    """Other names of the country (Syrian Arab Republic, DRC, ...)."""
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    metonyms: tuple[str, ...] = ()
    """Names that stand for the state in news prose: the capital, the seat of government."""
    wikidata: str | None = None
    acled_military: str | None = None
    acled_police: str | None = None
    acled_government: str | None = None
    region: str | None = None


@dataclass
class KnowledgeBase:
    actors: dict[str, KbActor] = field(default_factory=dict)
    countries: dict[str, KbCountry] = field(default_factory=dict)
    _aliases: dict[str, list[str]] = field(default_factory=dict)

    def actor(self, actor_id: str) -> KbActor | None:
        return self.actors.get(actor_id)

    def country(self, iso3: str) -> KbCountry | None:
        return self.countries.get(iso3)

    def lookup(self, text: str) -> list[KbActor]:
        """KB actors whose name or alias matches `text` (see `alias_key`)."""
        return [self.actors[i] for i in self._aliases.get(alias_key(text), [])]

    def index(self) -> None:
        self._aliases.clear()
        for actor in self.actors.values():
            for alias in (actor.name, *actor.aliases):
                ids = self._aliases.setdefault(alias_key(alias), [])
                if actor.id not in ids:
                    ids.append(actor.id)


def alias_key(text: str) -> str:
    """How aliases are compared: all-caps abbreviations exactly, everything else case-folded,
    with a leading "the", hyphens and repeated spaces folded."""
    text = " ".join(text.replace("\u2019", "'").replace("-", " ").split())
    if text.lower().startswith("the "):
        text = text[4:]
    if len(text) <= 6 and text.isupper():
        return text
    return text.casefold()
