"""GEXF and GraphML for Gephi, Cytoscape and yEd, written by networkx: actors as nodes (kind,
country), the resolved network's relations as directed edges (relation type, certainty, sources,
the events that imply them) with the intervals in which each is reported.

GEXF carries the time: each edge has one spell per reported interval and its certainty as a dynamic
attribute over those spells, so Gephi's timeline shows a tie only while it is reported. GraphML has
no time model: the intervals are a JSON attribute, with the first start and last end as plain ones.
"""

from __future__ import annotations

import calendar
import json
from typing import Any, TextIO

from warledger.export.record import Record


def _day(value: str, end: bool) -> str:
    """A full ISO day for GEXF's date time format: "2020-05" is its first (or last) day."""
    parts = value.split("-")
    if len(parts) == 3:
        return value
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
    day = calendar.monthrange(year, month)[1] if end else 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def _spans(relation: dict[str, Any]) -> list[tuple[str, str]]:
    return [(_day(lo, False), _day(hi or lo, True)) for lo, hi in relation["intervals"] if lo]


def graph(record: Record, dynamic: bool) -> Any:
    """The network of the record as a networkx MultiDiGraph (several relation types per pair)."""
    import networkx as nx

    g = nx.MultiDiGraph(name="warledger network")
    if dynamic:
        g.graph["mode"] = "dynamic"
    used = {r["source_id"] for r in record.relations} | {r["target_id"] for r in record.relations}
    for actor_id in sorted(used):
        actor = record.actors.get(actor_id) or {"name": actor_id, "kind": "other"}
        g.add_node(
            actor_id,
            label=actor["name"],
            kind=actor["kind"],
            country=actor.get("country") or "",
            kb_id=actor.get("kb_id") or "",
            documents=int(actor.get("documents") or 0),
        )
    for r in record.relations:
        spans = _spans(r)
        data: dict[str, Any] = {
            "id": f"{r['source_id']}-{r['type']}-{r['target_id']}",
            "label": r["type"],
            "relation": r["type"],
            "source_count": len(r["sources"]),
            "sources": "; ".join(r["sources"]),
            "events": " ".join(r["events"]),
            "documents": len(r["documents"]),
        }
        if spans:
            data["start"] = min(lo for lo, _ in spans)
            data["end"] = max(hi for _, hi in spans)
        if dynamic:
            if spans:
                data["spells"] = spans
                data["certainty"] = [(r["certainty"], lo, hi) for lo, hi in spans]
            else:
                data["certainty"] = r["certainty"]
        else:
            data["certainty"] = r["certainty"]
            data["intervals"] = json.dumps(r["intervals"])
        g.add_edge(r["source_id"], r["target_id"], key=r["type"], **data)
    return g


def _write(text: str, out: TextIO) -> None:
    out.write(text if text.endswith("\n") else text + "\n")


def write_gexf(record: Record, out: TextIO) -> int:
    import networkx as nx

    g = graph(record, dynamic=True)
    _write("\n".join(nx.generate_gexf(g, version="1.2draft")), out)
    return int(g.number_of_edges())


def write_graphml(record: Record, out: TextIO) -> int:
    import networkx as nx

    g = graph(record, dynamic=False)
    for _, _, data in g.edges(data=True):
        data.pop("id", None)  # GraphML edge ids come from the multigraph key
    _write("\n".join(nx.generate_graphml(g)), out)
    return int(g.number_of_edges())
