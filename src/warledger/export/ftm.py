"""FollowTheMoney entities (JSON lines, as `ftm` tools and Aleph load them), built with the
followthemoney library and cleaned by its own model: actors as Person, PublicBody or Organization
(by kind, `data/ftm.yaml`), each source document as an Article, each event as an Event with its
actors involved, a Documentation tying the event to every Article that reports it (with that
document's evidence), a Mention of each actor in each document that names it in an event, and
each relation of the network as an UnknownLink between two actors.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any, TextIO

from warledger.export.record import Record
from warledger.yaml_data import load_yaml

NAMESPACE = "warledger"


@lru_cache(maxsize=1)
def conventions() -> dict[str, Any]:
    text = files("warledger.export").joinpath("data", "ftm.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


def _alpha2(iso3: str | None) -> str | None:
    if not iso3:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    return found.alpha_2.lower() if found else None


def entities(record: Record) -> list[Any]:
    """Every entity of the record, as followthemoney EntityProxy objects (cleaned values)."""
    from followthemoney import model

    rules = conventions()
    out: list[Any] = []

    def make(schema: str, *key: str) -> Any:
        entity = model.make_entity(schema)
        entity.make_id(NAMESPACE, *key)
        return entity

    actor_entities: dict[str, Any] = {}
    for actor_id, actor in record.actors.items():
        schema = rules["actor_schema"].get(actor["kind"], rules["default_schema"])
        entity = make(schema, "actor", actor_id)
        entity.add("name", actor["name"])
        for alias in actor.get("aliases") or []:
            if alias != actor["name"]:
                entity.add("alias", alias)
        entity.add("country", _alpha2(actor.get("country")))
        entity.add("description", f"warledger {actor['kind']} {actor_id}")
        entity.add("keywords", actor["kind"])
        actor_entities[actor_id] = entity
        out.append(entity)

    articles: dict[str, Any] = {}
    for doc_id, doc in record.documents.items():
        article = make("Article", "document", doc_id)
        article.add("title", doc.get("title") or doc_id)
        article.add("sourceUrl", doc.get("url"))
        article.add("publisher", doc.get("outlet"))
        article.add("publishedAt", doc.get("published"))
        article.add("description", f"warledger document {doc_id}")
        articles[doc_id] = article
        out.append(article)

    mentioned: set[tuple[str, str]] = set()
    for event in record.events:
        entity = make("Event", "event", event["id"])
        place = event["places"][0]["name"] if event["places"] else None
        title = event["type"].replace("_", " ").lower()
        entity.add("name", f"{title} at {place}" if place else title)
        entity.add("startDate", event["when_start"])
        entity.add("endDate", event["when_end"])
        entity.add("country", _alpha2(event["country"]))
        entity.add("location", [p["name"] for p in event["places"]])
        ids = [a for role in ("agent", "patient", "partner", "beneficiary") for a in event[role]]
        entity.add("involved", [actor_entities[a].id for a in ids if a in actor_entities])
        entity.add(
            "organizer", [actor_entities[a].id for a in event["agent"] if a in actor_entities]
        )
        entity.add("keywords", [event["type"], f"certainty:{event['certainty']}"])
        if event["acled"]:
            entity.add("keywords", event["acled"].get("sub_event_type"))
        entity.add(
            "summary",
            " ".join(dict.fromkeys(s["text"] for s in event["evidence"])),
        )
        entity.add(
            "description",
            f"warledger event {event['id']}: {event['sources']} independent sources "
            f"({'; '.join(event['source_names'])}); certainty {event['certainty']}"
            + ("; negated" if event["negated"] else ""),
        )
        out.append(entity)
        for doc_id in event["documents"]:
            if doc_id not in articles:
                continue
            link = make("Documentation", "documentation", event["id"], doc_id)
            link.add("document", articles[doc_id].id)
            link.add("entity", entity.id)
            link.add("role", rules["documentation_role"])
            link.add(
                "summary",
                " ".join(
                    dict.fromkeys(s["text"] for s in event["evidence"] if s["document"] == doc_id)
                ),
            )
            out.append(link)
            for actor_id in ids:
                if actor_id in actor_entities and (doc_id, actor_id) not in mentioned:
                    mentioned.add((doc_id, actor_id))
                    out.append(_mention(make, articles[doc_id], actor_entities[actor_id], doc_id))

    for rel in record.relations:
        if rel["source_id"] not in actor_entities or rel["target_id"] not in actor_entities:
            continue
        link = make("UnknownLink", "relation", rel["source_id"], rel["type"], rel["target_id"])
        link.add("subject", actor_entities[rel["source_id"]].id)
        link.add("object", actor_entities[rel["target_id"]].id)
        link.add("role", rules["relation_role"].get(rel["type"], rel["type"].lower()))
        spans = [lo for lo, _ in rel["intervals"] if lo]
        ends = [hi for _, hi in rel["intervals"] if hi]
        link.add("startDate", min(spans) if spans else None)
        link.add("endDate", max(ends) if ends else None)
        link.add(
            "description",
            f"{rel['type']}, certainty {rel['certainty']}; sources: {'; '.join(rel['sources'])}",
        )
        out.append(link)
    return out


def _mention(make: Any, article: Any, actor: Any, doc_id: str) -> Any:
    mention = make("Mention", "mention", doc_id, actor.id)
    mention.add("document", article.id)
    mention.add("resolved", actor.id)
    mention.add("name", actor.first("name"))
    mention.add("detectedSchema", actor.schema.name)
    return mention


def write(record: Record, out: TextIO) -> int:
    count = 0
    for entity in entities(record):
        out.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count
