"""Actor records being built for one document, and how each kind of identity is named.

An identity is a key: ("kb", id) for a knowledge-base actor, ("state", ISO3), ("force", ISO3,
force) for a state's military, police or government, ("generic", template, ISO3) for ACLED's
generic collectives, ("person", name) or ("org", name) for named actors outside the KB and
("desc", ...) for other described collectives. Every mention of an identity lands on one record.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from warledger.extractors.context import Context
from warledger.kb.acled_names import generic_name, templates
from warledger.kb.groups import Group
from warledger.kb.model import KbActor, KnowledgeBase
from warledger.report import Actor
from warledger.settings import acled_as_of

FORCES = ("military", "police", "government")
FORCE_TITLES = {
    "military": "Military Forces of {}",
    "police": "Police Forces of {}",
    "government": "Government of {}",
}
FORCE_KINDS = {"military": "military", "police": "police", "government": "government"}

Key = tuple[object, ...]


@dataclass
class Record:
    actor: Actor
    key: Key
    plural: bool = False
    lemma: str = ""
    name_tokens: tuple[str, ...] = ()
    seen_at: list[int] = field(default_factory=list)
    """Token indexes of the heads of its mentions."""


class Registry:
    """The document's records, by identity key, in order of first mention."""

    def __init__(self, ctx: Context, kb: KnowledgeBase, on: date | None) -> None:
        self.ctx = ctx
        self.kb = kb
        self.on = on
        self.records: list[Record] = []
        self.by_key: dict[Key, Record] = {}
        self._seen: list[tuple[int, int]] = []
        """(head token, position of the record in `records`) of every mention, sorted."""
        self._position: dict[int, int] = {}
        """id(record) -> its position in `records`."""

    def get_or_make(self, key: Key, make: Callable[[], Actor]) -> Record:
        record = self.by_key.get(key)
        if record is None:
            actor: Actor = make()
            record = Record(actor=actor, key=key, name_tokens=tuple(actor.name.split()))
            self.by_key[key] = record
            self._position[id(record)] = len(self.records)
            self.records.append(record)
        return record

    def alias(self, key: Key, record: Record) -> None:
        self.by_key.setdefault(key, record)

    def kb_actor(self, kb_actor: KbActor) -> Record:
        def make() -> Actor:
            return Actor(
                id=self.ctx.new_id("a"),
                name=kb_actor.name,
                kind=kb_actor.kind,
                country=kb_actor.country,
                kb_id=kb_actor.id,
                wikidata=kb_actor.wikidata,
                acled_name=kb_actor.acled_name_on(self.on, as_of=acled_as_of() or self.on),
            )

        return self.get_or_make(("kb", kb_actor.id), make)

    def state(self, iso3: str) -> Record:
        country = self.kb.country(iso3)

        def make() -> Actor:
            return Actor(
                id=self.ctx.new_id("a"),
                name=country.name if country else iso3,
                kind="state",
                country=iso3,
                wikidata=country.wikidata if country else None,
                acled_name=country.acled_name(
                    "military", self.on, as_of=acled_as_of() or self.on, exported=acled_as_of()
                )
                if country
                else None,
            )

        return self.get_or_make(("state", iso3), make)

    def force(
        self,
        iso3: str | None,
        force: str,
        kind: str | None = None,
        acled_force: str | None = None,
        former: bool = False,
    ) -> Record:
        """A state's military, police or government; `acled_force` when ACLED codes it as another
        force (ACLED codes "the regime" acting by force as the military)."""
        country = self.kb.country(iso3) if iso3 else None

        def make() -> Actor:
            title = FORCE_TITLES[force].format(country.name if country else "unknown country")
            name = (
                title
                if country
                else {"military": "government forces", "police": "police"}.get(force, "government")
            )
            acled = (
                country.acled_name(
                    acled_force or force,
                    self.on,
                    as_of=acled_as_of() or self.on,
                    exported=acled_as_of(),
                )
                if country
                else None
            )
            if acled and former:  # "a former soldier", "an ex-policeman"
                acled, name = f"{templates().former_prefix}{acled}", f"former {name}"
            return Actor(
                id=self.ctx.new_id("a"),
                name=name,
                kind=kind or FORCE_KINDS[force],
                country=iso3,
                acled_name=acled,
            )

        return self.get_or_make(("force", iso3, force, former), make)

    def generic(self, template: str, iso3: str | None, kind: str, name: str) -> Record:
        """An ACLED generic collective ("Civilians (Libya)", "Unidentified Armed Group (Syria)")."""

        def make() -> Actor:
            country = self.kb.country(iso3) if iso3 else None
            acled: str | None = None
            if country is not None or template in templates().standalone:
                acled = generic_name(template, country)
            return Actor(
                id=self.ctx.new_id("a"), name=name, kind=kind, country=iso3, acled_name=acled
            )

        return self.get_or_make(("generic", template, iso3), make)

    def group(self, group: Group, iso3: str) -> Record:
        """The armed men of an ethnic group, clan or tribe ("Pokot Ethnic Militia (Kenya)")."""

        def make() -> Actor:
            country = self.kb.country(iso3)
            return Actor(
                id=self.ctx.new_id("a"),
                name=f"{group.name} {group.kind} militia",
                kind="militia",
                country=iso3,
                acled_name=generic_name(group.template, country, group.name) if country else None,
            )

        return self.get_or_make(("group", group.template, group.name, iso3), make)

    def other(self, key: Key, name: str, kind: str, country: str | None = None) -> Record:
        def make() -> Actor:
            return Actor(id=self.ctx.new_id("a"), name=name, kind=kind, country=country)

        return self.get_or_make(key, make)

    def attach(
        self, record: Record, head: int, start_char: int, end_char: int, surface: str | None
    ) -> None:
        span = self.ctx.span(start_char, end_char)
        if span not in record.actor.mentions:
            record.actor.mentions.append(span)
        record.seen_at.append(head)
        insort(self._seen, (head, self._position[id(record)]))
        if surface and surface != record.actor.name and surface not in record.actor.aliases:
            record.actor.aliases.append(surface)

    def latest(self, before: int, accept: Callable[[Record], bool]) -> Record | None:
        """The record mentioned last before token `before` that `accept` takes (of two mentioned
        at the same token, the one first mentioned in the document).

        Walks the mentions back from `before`, so it reads only as far back as the answer."""
        refused: set[int] = set()
        k = bisect_left(self._seen, (before, -1)) - 1
        while k >= 0:
            head = self._seen[k][0]
            first = k
            while first > 0 and self._seen[first - 1][0] == head:
                first -= 1
            for _, position in self._seen[first : k + 1]:  # same head: in order of records
                if position in refused:
                    continue
                record = self.records[position]
                if accept(record):
                    return record
                refused.add(position)
            k = first - 1
        return None

    def actors(self) -> list[Actor]:
        return [r.actor for r in self.records if r.actor.mentions]
