"""The browsing helpers: map points, evidence sentences with their span, documents with their
records marked, search."""

from __future__ import annotations

from tests.resolve.conftest import Corpus
from tests.resolve.test_flows import seed_story
from tests.server.conftest import seed_support

from warledger.resolve import browse, queries


def test_sentence_around_finds_the_sentence_and_the_span_in_it() -> None:
    text = "First one. The army said 12 died near Gao. Then rain.\nNext line"
    start = text.index("12 died")
    got = browse.sentence_around(text, start, start + len("12 died"))
    assert got == {"text": "The army said 12 died near Gao.", "start": 14, "end": 21, "offset": 11}
    assert browse.sentence_around(text, 56, 60) == {
        "text": "Next line",
        "start": 2,
        "end": 6,
        "offset": 54,
    }
    whole = browse.sentence_around(text, 0, len(text))
    assert (whole["text"], whole["start"], whole["end"]) == (text, 0, len(text))


def test_points_for_events_and_flow_ends(corpus: Corpus) -> None:
    seed_story(corpus)
    corpus.resolve()
    located = browse.locate_events(corpus.store, queries.events(corpus.store))
    assert [(e["type"], e["point"] and e["point"]["name"]) for e in located] == [
        ("TRAIN", "Homs province"),
        ("PAY", None),
        ("RECRUIT", "Quneitra"),
        ("DEPLOY", "Tripoli"),
        ("DEPLOY", "Libya"),
    ]
    ends = browse.locate_flows(corpus.store, queries.flows(corpus.store))
    assert [(f["origin_point"], f["destination_point"], f["size"]) for f in ends] == [
        (
            {"name": "Quneitra", "country": "SYR", "lat": 33.126, "lon": 35.825},
            {"name": "Benghazi", "country": "LBY", "lat": 32.115, "lon": 20.069},
            1500,
        ),
        (None, {"name": "Tripoli", "country": "LBY", "lat": 32.887, "lon": 13.187}, 2000),
    ]


def test_edge_evidence_gives_the_sentence_its_chain_and_outlet(corpus: Corpus) -> None:
    seed_support(corpus)
    corpus.resolve()
    (edge,) = queries.network(corpus.store)
    got = browse.edge_evidence(corpus.store, edge["source_id"], edge["target_id"], "supports")
    (item,) = got["evidence"]
    assert {k: item[k] for k in ("kind", "record", "type", "certainty", "outlet", "published")} == {
        "kind": "relation",
        "record": "r1",
        "type": "SUPPORTS",
        "certainty": "reported",
        "outlet": "Anatolia Desk",
        "published": "2020-02-01",
    }
    assert item["chain"] == [{"name": "an official", "kind": "anonymous"}]


def test_document_marks_its_records_and_search_finds_names(corpus: Corpus) -> None:
    seed_support(corpus)
    corpus.resolve()
    doc = browse.document(corpus.store, corpus.ids["support"])
    assert [(a["name"], a["global_id"] is not None) for a in doc["actors"]] == [
        ("Turkey", True),
        ("Government of National Accord", True),
    ]
    assert [(e["type"], e["certainty"]) for e in doc["events"]] == [("SUPPORT", "asserted")]
    assert [(s["kind"], s["label"], s["start"], s["end"]) for s in doc["spans"]] == [
        ("event", "SUPPORT", 0, 58)
    ]
    found = browse.search(corpus.store, "trip")
    assert (found["actors"], [p["name"] for p in found["places"]]) == ([], ["Tripoli"])
    assert browse.search(corpus.store, "  ") == {"actors": [], "places": []}
    assert [a["name"] for a in browse.search(corpus.store, "GOVERNMENT")["actors"]] == [
        "Government of National Accord"
    ]
