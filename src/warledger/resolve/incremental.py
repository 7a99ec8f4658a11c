"""Incremental resolution: after an ingest, only the events the new or changed documents touch are
merged again; the rest of the stored record is kept as it is.

Event merging is greedy and blocked: an event is only ever compared with the global events of its
blocks (type or family, country, month). So the corpus falls apart into independent components:
events linked by a shared block (an event that names no country, in the families compared across
countries, shares every block of its months), by a copy's sentence (a syndicated copy joins its original's
event), or by having been one global event in the last run. A component whose events all have
the fingerprint they had in the last run (everything merging reads of an event: its record, places,
actors and their names and sides, its source, whether its merge was undone, and the rules) and
whose last-run global events all still exist gives exactly the global events it gave then: it is
kept. Every other component is merged again, oldest document first, as a full run merges it.
Actors, copies, flows and the network are cheap and recomputed whole; only the rows that differ
from the stored ones are written (`Store.write_resolution`).
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from warledger.resolve.actors import ActorResolution
from warledger.resolve.events import block_keys, countryless, month_keys
from warledger.resolve.features import Features
from warledger.resolve.judgements import Undone, short_hash
from warledger.resolve.records import Key
from warledger.resolve.rules import Rules

VERSION = "2"
"""Bump when merging changes meaning: every stored fingerprint then differs, and all is redone."""


def _plain(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def rules_digest(rules: Rules) -> str:
    return short_hash(VERSION, json.dumps(_plain(rules), sort_keys=True), size=16)


def fingerprint(f: Features, actors: ActorResolution, undone: Undone, digest: str) -> str:
    """Everything merging reads of one event, hashed (computed before merging, which may change
    a copy's source)."""
    names = {
        g: (actors.actors[g].name, actors.actors[g].kind, actors.actors[g].country)
        for g in f.agents | f.patients | f.beneficiaries
    }
    data = {
        "rules": digest,
        "features": _plain(f),
        "names": _plain(names),
        "undone": ("event", *f.event.key) in undone,
    }
    return short_hash(json.dumps(data, sort_keys=True), size=20)


class _Sets:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def components(
    features: list[Features],
    rules: Rules,
    original: dict[str, str],
    last_global: dict[Key, str],
) -> list[list[int]]:
    """Indexes of `features` in independent groups: linked by a shared block, a copy's sentence
    in its original, or one global event of the last run (`last_global`)."""
    sets = _Sets(len(features))
    first: dict[tuple[Any, ...], int] = {}
    sentences: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    months: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    open_months: set[tuple[str, int, int]] = set()

    def link(key: tuple[Any, ...], i: int) -> None:
        sets.union(i, first.setdefault(key, i))

    for i, f in enumerate(features):
        e = f.event
        for key in block_keys(f, rules):
            link(("block", *key), i)
        for month in month_keys(f, rules):
            months[month].append(i)
            if countryless(f, rules):
                open_months.add(month)
        gid = last_global.get(e.key)
        if gid is not None:
            link(("global", gid), i)
        for text in e.sentences:
            sentences[(e.document_id, e.type, text)].append(i)
    for month in open_months:  # a countryless event is compared with all of its months
        for i in months[month]:
            link(("month", *month), i)
    for i, f in enumerate(features):
        root = original.get(f.event.document_id)
        if root is None:
            continue
        for text in f.event.sentences:
            for j in sentences.get((root, f.event.type, text), []):
                sets.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(features)):
        groups[sets.find(i)].append(i)
    return list(groups.values())


@dataclasses.dataclass
class Plan:
    redo: list[Features]
    """Events whose components are merged again."""
    kept: set[str]
    """Global ids of the last run kept as they are."""


def plan(
    features: list[Features],
    prints: dict[Key, str],
    rules: Rules,
    original: dict[str, str],
    last_prints: dict[Key, str],
    last_global: dict[Key, str],
) -> Plan:
    """Which components to merge again: any with a new or changed event, or one of whose last-run
    global events lost a member (its document removed or re-extracted)."""
    present = {f.event.key for f in features}
    broken = {g for key, g in last_global.items() if key not in present}
    redo: list[Features] = []
    kept: set[str] = set()
    for group in components(features, rules, original, last_global):
        members = [features[i] for i in group]
        gids = {g for f in members if (g := last_global.get(f.event.key))}
        if gids & broken or any(
            last_prints.get(f.event.key) != prints[f.event.key] for f in members
        ):
            redo.extend(members)
        else:
            kept |= gids
    return Plan(redo, kept)


def normal(value: Any) -> Any:
    """A stored value as resolution writes it (a backend may hand JSON back parsed)."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def normal_rows(rows: Iterable[Iterable[Any]]) -> list[tuple[Any, ...]]:
    return [tuple(normal(v) for v in row) for row in rows]


def comparable(row: tuple[Any, ...]) -> str:
    """A row as a string that is equal for equal rows (350 and 350.0 alike)."""
    return repr(
        tuple(
            float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v for v in row
        )
    )
