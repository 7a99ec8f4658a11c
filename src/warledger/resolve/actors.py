"""Corpus-wide actors: per-document actor records grouped under one identity each.

A record joins a global actor by the first rule that gives it a key: its knowledge-base id, else
its normalised name with its kind and country, else, for a described collective ("former Syrian
rebels"), its head word with its country of origin. Each joining is a recorded judgement; the
record that founded a global actor has none. Undone records stay on their own.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from warledger.resolve.judgements import Judgement, Undone, judgement, short_hash
from warledger.resolve.records import ActorRec, Corpus, Key
from warledger.resolve.rules import Rules

_WORD = re.compile(r"[a-z][a-z'-]*|\d[\d,.]*")
_SPLIT = frozenset(["from", "in", "of", "for", "with", "at", "on", "who", "that", "loyal", "near"])


@dataclass
class GlobalActor:
    id: str
    name: str
    kind: str
    country: str | None
    kb_id: str | None
    rule: str
    members: list[Key] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    affiliation: str | None = None
    """A described collective's: the global id of the actor it is part of or fights for."""


@dataclass
class ActorResolution:
    actors: dict[str, GlobalActor]
    member_of: dict[Key, str]
    judgements: list[Judgement]

    def of(self, document_id: str, local_ids: list[str]) -> list[str]:
        """Global ids of a document's actor ids (places and unknown ids are skipped)."""
        found = (self.member_of.get((document_id, i)) for i in local_ids)
        return list(dict.fromkeys(g for g in found if g))


def normal_name(name: str) -> str:
    words = _WORD.findall(name.lower())
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "shes", "ches")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return {"men": "man", "women": "woman", "people": "person"}.get(word, word)


def described_head(name: str, rules: Rules) -> str | None:
    """The head word of a described collective: "about 300 former Syrian rebels from X" -> rebel."""
    words = _WORD.findall(name.lower())
    cut = next((i for i, w in enumerate(words) if w in _SPLIT), len(words))
    kept = [w for w in words[:cut] if not w[0].isdigit() and w not in rules.described_stop]
    if not kept:
        return None
    head = singular(kept[-1])
    return rules.head_synonyms.get(head, head)


def merge_key(actor: ActorRec, rules: Rules) -> tuple[str, str] | None:
    """(rule, key) under which the record merges, or None when it must stay on its own."""
    if actor.kb_id:
        return "kb_id", f"kb:{actor.kb_id}"
    name = normal_name(actor.name)
    if not name or name in rules.never_merge:
        return None
    if actor.kind in rules.described_kinds:
        head = described_head(actor.name, rules)
        if head is None or not actor.country:
            return None
        return "described", f"desc:{head}|{actor.country}"
    return "name", f"name:{name}|{actor.kind}|{actor.country or '-'}"


def affiliations(corpus: Corpus, rules: Rules, undone: Undone) -> dict[Key, str]:
    """The merge key of the named actor each described collective is affiliated with, from its
    document's relations ("former rebels" PART_OF the SNA; fighters who SUPPORT Haftar)."""
    rank = {t: i for i, t in enumerate(rules.affiliation_relations)}
    found: dict[Key, tuple[int, str]] = {}
    for relation in corpus.relations:
        if relation.type not in rank:
            continue
        source = corpus.actors.get((relation.document_id, relation.source))
        target = corpus.actors.get((relation.document_id, relation.target))
        if (
            source is None
            or target is None
            or source.kind not in rules.described_kinds
            or target.kind in rules.described_kinds
            or ("actor", *target.key) in undone
        ):
            continue
        key = merge_key(target, rules)
        if key is None:
            continue
        best = found.get(source.key)
        if best is None or rank[relation.type] < best[0]:
            found[source.key] = (rank[relation.type], key[1])
    return {k: v[1] for k, v in found.items()}


def resolve_actors(
    corpus: Corpus, rules: Rules, undone: Undone, order: dict[str, tuple[date, str]]
) -> ActorResolution:
    """Group every actor record of the corpus; `order` sorts documents oldest first."""
    groups: dict[str, list[ActorRec]] = defaultdict(list)
    rule_of: dict[str, str] = {}
    affiliated = affiliations(corpus, rules, undone)
    affiliation_of: dict[str, str] = {}
    for actor in sorted(corpus.actors.values(), key=lambda a: (order[a.document_id], a.id)):
        found = None if ("actor", *actor.key) in undone else merge_key(actor, rules)
        rule, key = found or ("alone", f"alone:{actor.document_id}:{actor.id}")
        if rule == "described" and actor.key in affiliated:
            key = f"{key}|{affiliated[actor.key]}"
            affiliation_of[key] = affiliated[actor.key]
        groups[key].append(actor)
        rule_of[key] = rule
    actors: dict[str, GlobalActor] = {}
    member_of: dict[Key, str] = {}
    judgements: list[Judgement] = []
    for key, members in groups.items():
        gid = "A" + short_hash(key, size=10)
        names = Counter(m.name for m in members)
        kinds = Counter(m.kind for m in members)
        countries = Counter(m.country for m in members if m.country)
        founder = members[0]
        kb_id = founder.kb_id
        name = min(names, key=lambda n: (-names[n], len(n), n))
        aliases = sorted({n for m in members for n in (m.name, *m.aliases)} - {name})
        actors[gid] = GlobalActor(
            id=gid,
            name=name,
            kind=kinds.most_common(1)[0][0],
            country=countries.most_common(1)[0][0] if countries else None,
            kb_id=kb_id,
            rule=rule_of[key],
            members=[m.key for m in members],
            aliases=aliases,
            affiliation=_affiliation(affiliation_of.get(key), groups),
        )
        for member in members:
            member_of[member.key] = gid
        for member in members[1:]:
            evidence = {
                "key": key,
                "name": member.name,
                "kind": member.kind,
                "country": member.country,
                "kb_id": member.kb_id,
                "joined": {
                    "document": founder.document_id,
                    "actor": founder.id,
                    "name": founder.name,
                },
            }
            judgements.append(judgement("actor", rule_of[key], gid, member.key, evidence))
    return ActorResolution(actors, member_of, judgements)


def _affiliation(key: str | None, groups: dict[str, list[ActorRec]]) -> str | None:
    """The global id of the group under merge key `key` (None when no record has that key)."""
    if key is None or key not in groups:
        return None
    return "A" + short_hash(key, size=10)
