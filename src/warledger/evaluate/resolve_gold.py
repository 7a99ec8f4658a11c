"""Scoring `resolve` against a hand-coded gold file (samples/clusters/gold.yaml): pairwise
precision and recall of event and actor merges, copies found, flows and contradictions found."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from warledger.errors import ConfigError
from warledger.store import Store


@dataclass(frozen=True)
class Pairwise:
    gold_pairs: int
    system_pairs: int
    correct: int
    unmatched: int
    """Gold items the extraction produced no record for (they count as merged with nothing)."""

    @property
    def precision(self) -> float:
        return self.correct / self.system_pairs if self.system_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold_pairs if self.gold_pairs else 1.0


@dataclass
class ResolveScore:
    events: Pairwise
    actors: Pairwise
    copies_found: int
    copies: int
    flows_found: list[str] = field(default_factory=list)
    flows_missed: list[str] = field(default_factory=list)
    contradictions_found: int = 0
    contradictions: int = 0
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def pair(p: Pairwise) -> dict[str, Any]:
            return {
                "precision": round(p.precision, 3),
                "recall": round(p.recall, 3),
                "gold_pairs": p.gold_pairs,
                "system_pairs": p.system_pairs,
                "correct": p.correct,
                "unmatched": p.unmatched,
            }

        return {
            "events": pair(self.events),
            "actors": pair(self.actors),
            "copies": f"{self.copies_found}/{self.copies}",
            "flows_found": self.flows_found,
            "flows_missed": self.flows_missed,
            "contradictions": f"{self.contradictions_found}/{self.contradictions}",
            "notes": self.notes,
        }


def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in ("documents", "copies", "events", "actors", "flows", "contradictions"):
            gold[key]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a resolve gold file ({type(exc).__name__}: {exc})") from exc
    return dict(gold)


def pairwise(gold: dict[str, list[Any]], system: dict[Any, str | None]) -> Pairwise:
    """Gold clusters of items vs the system's cluster of each item (None: no record found)."""
    items = [(name, item) for name, members in gold.items() for item in members]
    cluster = {i: system.get(_key(item)) or f"unmatched:{i}" for i, (_, item) in enumerate(items)}
    gold_pairs = system_pairs = correct = 0
    for (i, (ga, _)), (j, (gb, _)) in combinations(enumerate(items), 2):
        same_gold, same_system = ga == gb, cluster[i] == cluster[j]
        gold_pairs += same_gold
        system_pairs += same_system
        correct += same_gold and same_system
    unmatched = sum(1 for i in cluster.values() if i.startswith("unmatched:"))
    return Pairwise(gold_pairs, system_pairs, correct, unmatched)


def _key(item: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(item.get(k, "")) for k in ("doc", "type", "evidence", "name"))


def _doc_ids(store: Store, documents: dict[str, str]) -> dict[str, str]:
    by_url = dict(store.con.execute("SELECT url, id FROM documents").fetchall())
    return {short: by_url[url] for short, url in documents.items() if url in by_url}


def _event_global(store: Store, doc: str | None, item: dict[str, Any]) -> str | None:
    if doc is None:
        return None
    rows = store.con.execute(
        "SELECT e.record, m.global_id FROM events e JOIN event_members m "
        "ON m.document_id = e.document_id AND m.event_id = e.id "
        "WHERE e.document_id = ? AND e.type = ? ORDER BY e.id",
        [doc, item["type"]],
    ).fetchall()
    for record, global_id in rows:
        if any(item["evidence"] in span["text"] for span in json.loads(record)["evidence"]):
            return str(global_id)
    return None


def _actor_global(store: Store, doc: str | None, item: dict[str, Any]) -> str | None:
    if doc is None:
        return None
    wanted = item["name"].lower()
    rows = store.con.execute(
        "SELECT a.name, a.aliases, m.global_id FROM actors a JOIN actor_members m "
        "ON m.document_id = a.document_id AND m.actor_id = a.id WHERE a.document_id = ? "
        "ORDER BY a.id",
        [doc],
    ).fetchall()
    for name, aliases, global_id in rows:
        if wanted in [n.lower() for n in [name, *json.loads(aliases or "[]")]]:
            return str(global_id)
    return None


def score(store: Store, gold: dict[str, Any]) -> ResolveScore:
    """Score the resolved `store` (holding the gold's documents) against `gold`."""
    docs = _doc_ids(store, gold["documents"])
    notes = [f"document {s} is not in the database" for s in gold["documents"] if s not in docs]
    event_of = {
        _key(item): _event_global(store, docs.get(item["doc"]), item)
        for members in gold["events"].values()
        for item in members
    }
    actor_of = {
        _key(item): _actor_global(store, docs.get(item["doc"]), item)
        for members in gold["actors"].values()
        for item in members
    }
    links = set(store.con.execute("SELECT document_id, original_id FROM doc_links").fetchall())
    copies_found = sum(
        1 for c in gold["copies"] if (docs.get(c["copy"]), docs.get(c["original"])) in links
    )
    result = ResolveScore(
        events=pairwise(gold["events"], event_of),
        actors=pairwise(gold["actors"], actor_of),
        copies_found=copies_found,
        copies=len(gold["copies"]),
        notes=notes,
    )
    _score_flows(store, gold, result)
    _score_contradictions(store, gold, event_of, result)
    return result


def _score_flows(store: Store, gold: dict[str, Any], result: ResolveScore) -> None:
    from warledger.resolve.queries import flows

    found = flows(store)
    for expected in gold["flows"]:
        match = next((f for f in found if _flow_matches(f, expected)), None)
        (result.flows_found if match else result.flows_missed).append(expected["name"])
        if match is None:
            continue
        have = {(n["text"], n["source"]) for n in match["numbers"]}
        for number in expected.get("numbers", []):
            if (number["text"], number["source"]) not in have:
                result.notes.append(
                    f"flow {expected['name']}: no figure {number['text']!r} per {number['source']}"
                )


def _flow_matches(flow: dict[str, Any], expected: dict[str, Any]) -> bool:
    names = {k: {x["name"] for x in flow[k]} for k in ("sponsors", "beneficiaries")}
    return (
        flow["origin_country"] == expected["origin_country"]
        and flow["destination_country"] == expected["destination_country"]
        and expected.get("origin_place", flow["origin_places"][0] if flow["origin_places"] else "")
        in (flow["origin_places"] or [""])
        and expected["beneficiary"] in names["beneficiaries"]
        and expected["sponsor"] in names["sponsors"]
    )


def _score_contradictions(
    store: Store, gold: dict[str, Any], event_of: dict[Any, str | None], result: ResolveScore
) -> None:
    from warledger.resolve.queries import contradictions

    for expected in gold["contradictions"]:
        result.contradictions += 1
        reports = gold["events"][expected["event"]]
        globals_ = {event_of.get(_key(item)) for item in reports} - {None}
        rows = [
            r for g in globals_ for r in contradictions(store, event=g, field=expected["field"])
        ]
        values = [r["value"] for r in rows]
        missing = [v for v in expected["values"] if not any(str(v) in have for have in values)]
        if missing:
            result.notes.append(
                f"contradiction {expected['event']}/{expected['field']}: missing {missing}"
            )
        else:
            result.contradictions_found += 1
