"""Knowledge-base records: actors with aliases and time-bounded ties, and countries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

TIE_TYPES = ("PART_OF", "SUPPORTS", "LEADS", "ALLIED_WITH", "OPPOSES", "AFFILIATED_WITH")
TIE_MODES = ("military", "financial", "political")


def day_bound(value: str | date | None, *, end: bool = False) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD bound as a full ISO day, so bounds compare as strings:
    a start takes the first day of its year or month, an end the last."""
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    parts = text.split("-")
    if len(parts) == 1:
        return f"{text}-12-31" if end else f"{text}-01-01"
    if len(parts) == 2:
        return f"{text}-31" if end else f"{text}-01"
    return text


def covers(start: str | None, end: str | None, on: str | date) -> bool:
    day = day_bound(on) or ""
    first = day_bound(start)
    last = day_bound(end, end=True)
    return (first is None or first <= day) and (last is None or day <= last)


@dataclass(frozen=True)
class Tie:
    """A standing relation from the actor that holds it to `target` (another KB id)."""

    type: str  # one of TIE_TYPES
    target: str
    start: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None = None
    mode: str | None = None  # one of TIE_MODES

    def active(self, on: str | date) -> bool:
        return covers(self.start, self.end, on)


@dataclass(frozen=True)
class AcledName:
    """One of ACLED's names for an actor, valid from `start` to `end` (open when None)."""

    name: str
    start: str | None = None
    end: str | None = None

    def covers(self, on: str | date) -> bool:
        return covers(self.start, self.end, on)


def pick_acled_name(
    names: tuple[AcledName, ...], on: str | date | None = None, as_of: str | date | None = None
) -> str | None:
    """The name valid on `on` (the latest-starting one when several are); with no date, or a
    date outside every period, the latest name (or the earliest for a date before them all).
    `as_of` names it as an ACLED export of that day would: a regime still running then carries
    its open label, "(2013-)" rather than "(2013-2022)". An undated event named as of an export
    took place before it: the name in force on the export's day."""
    if not names:
        return None
    if on is None:
        on = as_of
    ordered = sorted(names, key=lambda n: day_bound(n.start) or "")
    chosen = ordered[-1]
    if on is not None:
        valid = [n for n in ordered if n.covers(on)]
        first = day_bound(ordered[0].start)
        if valid:
            chosen = valid[-1]
        elif first is not None and (day_bound(on) or "") < first:
            chosen = ordered[0]
    running = chosen.end is not None and as_of is not None
    if running and (day_bound(chosen.end, end=True) or "") >= (day_bound(as_of) or ""):
        return open_label(chosen.name) or chosen.name
    return chosen.name


def open_label(name: str) -> str | None:
    """ "Police Forces of Kenya (2013-2022) ..." -> "Police Forces of Kenya (2013-) ...": ACLED labels
    a running regime "(2013-)" and closes the label when it ends; None when there is no closed label."""
    start = name.find("(")
    stop = name.find(")", start)
    if start < 0 or stop < 0:
        return None
    first, _, last = name[start + 1 : stop].partition("-")
    if not (first.isdigit() and last.isdigit()):
        return None
    return f"{name[: start + 1]}{first}-{name[stop:]}"


@dataclass(frozen=True)
class KbActor:
    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    acled_name: str | None = None
    """ACLED's current name for the actor (the latest of `acled_names`)."""
    description: str | None = None
    ties: tuple[Tie, ...] = ()
    source_file: str = ""
    acled_names: tuple[AcledName, ...] = ()
    """Every ACLED name of the actor with its period (unit names follow their state's regimes)."""
    acled_former_names: tuple[str, ...] = ()
    """Older ACLED spellings found in past exports (not picked for new records)."""

    def acled_name_on(
        self, on: str | date | None = None, as_of: str | date | None = None
    ) -> str | None:
        return pick_acled_name(self.acled_names, on, as_of) or self.acled_name

    def ties_on(self, on: str | date) -> tuple[Tie, ...]:
        return tuple(t for t in self.ties if t.active(on))


@dataclass(frozen=True)
class AcledRegime:
    """A period ACLED gives a state's forces, written in their names: "(2009-2024)"."""

    label: str
    start: str | None = None
    end: str | None = None


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
    acled_country: str | None = None
    """How ACLED writes the country inside actor names ("the United States"); else `name`."""
    acled_regimes: tuple[AcledRegime, ...] = ()
    acled_names: tuple[tuple[str, tuple[AcledName, ...]], ...] = ()
    """(force, names) for the forces military, police and government, time-bounded."""
    acled_former_names: tuple[str, ...] = ()
    """Older ACLED spellings: open labels of closed regimes "(2013-)", pre-2016 names."""
    acled_legacy: tuple[tuple[str, str], ...] = ()
    """(force, name) as exports made before `acled_legacy_until` wrote it: "Police Forces of India"."""
    acled_legacy_until: str | None = None
    acled_units: tuple[tuple[str, str], ...] = ()
    """(phrase, KB actor id): a force named by a common noun phrase that is one of the state's
    units in ACLED ("military police" in Brazil: "Military Forces of Brazil (...) Military Police")."""

    def unit_in(self, text: str) -> str | None:
        """The KB id of the unit whose phrase `text` contains (the longest phrase wins)."""
        lowered = f" {' '.join(text.lower().replace('-', ' ').split())} "
        found = [(len(p), uid) for p, uid in self.acled_units if f" {p} " in lowered]
        return max(found)[1] if found else None

    def acled_name(
        self,
        force: str = "military",
        on: str | date | None = None,
        as_of: str | date | None = None,
        *,
        exported: str | date | None = None,
    ) -> str | None:
        """ACLED's name for the state's `force` (military, police, government) on a date
        (default: the latest); `as_of` with the periods of that day ("(2013-)" while it runs).
        `exported`: the day of the ACLED export whose names are wanted; one made before
        `acled_legacy_until` wrote no regime years ("Police Forces of India")."""
        legacy = dict(self.acled_legacy).get(force)
        until = self.acled_legacy_until
        if legacy and exported is not None and until and (day_bound(exported) or "") < until:
            return legacy
        for key, names in self.acled_names:
            if key == force:
                return pick_acled_name(names, on, as_of)
        return None


@dataclass
class KnowledgeBase:
    actors: dict[str, KbActor] = field(default_factory=dict)
    countries: dict[str, KbCountry] = field(default_factory=dict)
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """alias_key -> candidate actor ids, for aliases that genuinely name several actors."""
    ambiguous_by_country: dict[str, dict[str, str]] = field(default_factory=dict)
    """alias_key -> {ISO3: actor id}: the candidate an ambiguous alias names in that country."""
    _aliases: dict[str, list[str]] = field(default_factory=dict)
    _acled: dict[str, str] = field(default_factory=dict)
    _country_names: dict[str, str] = field(default_factory=dict)

    def actor(self, actor_id: str) -> KbActor | None:
        return self.actors.get(actor_id)

    def country(self, iso3: str) -> KbCountry | None:
        return self.countries.get(iso3)

    def lookup(self, text: str) -> list[KbActor]:
        """KB actors whose name or alias matches `text` (see `alias_key`)."""
        return [self.actors[i] for i in self._aliases.get(alias_key(text), [])]

    def choose(self, text: str, found: list[KbActor], iso3: str | None) -> KbActor | None:
        """Among the actors an alias names, the one meant in coverage of `iso3`: the alias's
        `by_country` choice, else the candidate of that country, else the first."""
        if len(found) < 2:
            return found[0] if found else None
        chosen = self.ambiguous_by_country.get(alias_key(text), {}).get(iso3 or "")
        return next(
            (a for a in found if a.id == chosen),
            next((a for a in found if iso3 and a.country == iso3), found[0]),
        )

    def by_acled_name(self, name: str) -> KbActor | None:
        """The actor that ACLED calls `name` (exact string, any period; ACLED's "Former " prefix
        for members of a fallen force or party is looked through)."""
        actor_id = self._acled.get(name)
        if actor_id is None and name.startswith("Former "):
            actor_id = self._acled.get(name[len("Former ") :])
        return self.actors.get(actor_id) if actor_id else None

    def acled_names(self) -> set[str]:
        """Every ACLED actor string the KB holds: actors' and countries' forces, current and former."""
        names = set(self._acled)
        for country in self.countries.values():
            names.update(n.name for _force, group in country.acled_names for n in group)
            names.update(country.acled_former_names)
        return names

    def country_named(self, text: str) -> KbCountry | None:
        """The country whose name, alias or ACLED spelling is `text` (case-folded)."""
        iso3 = self._country_names.get(alias_key(text))
        return self.countries.get(iso3) if iso3 else None

    def aliases(self) -> dict[str, list[str]]:
        """alias_key -> actor ids (a copy of the index)."""
        return {k: list(v) for k, v in self._aliases.items()}

    def index(self) -> None:
        self._aliases.clear()
        self._acled.clear()
        self._country_names.clear()
        for actor in self.actors.values():
            for alias in (actor.name, *actor.aliases):
                ids = self._aliases.setdefault(alias_key(alias), [])
                if actor.id not in ids:
                    ids.append(actor.id)
            for acled in actor.acled_names:
                self._acled.setdefault(acled.name, actor.id)
            for name in (actor.acled_name, *actor.acled_former_names):
                if name:
                    self._acled.setdefault(name, actor.id)
        for country in self.countries.values():
            names = (country.name, *country.aliases, country.acled_country or country.name)
            for name in names:
                self._country_names.setdefault(alias_key(name), country.iso3)


def alias_key(text: str) -> str:
    """How aliases are compared: all-caps abbreviations exactly, everything else case-folded,
    with a leading "the", hyphens and repeated spaces folded."""
    text = " ".join(text.replace("\u2019", "'").replace("-", " ").split())
    if text.lower().startswith("the "):
        text = text[4:]
    if len(text) <= 6 and text.isupper():
        return text
    return text.casefold()
