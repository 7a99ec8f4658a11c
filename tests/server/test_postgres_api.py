"""The API over a PostgreSQL store: the same answers as over DuckDB (browse's SQL runs on both)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.resolve.conftest import Corpus
from tests.resolve.test_flows import seed_story
from tests.server.conftest import seed_support

from warledger.server import RateLimit, create_app
from warledger.store import Store


def test_every_read_answers_over_postgresql(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        corpus = Corpus(store)
        seed_story(corpus)
        seed_support(corpus)
        corpus.resolve()
    app = create_app(pg_url, None, rate_limit=RateLimit(100_000, 60))
    try:
        with TestClient(app, raise_server_exceptions=False) as c:
            events = c.get("/api/events").json()
            assert [(e["type"], e["point"] and e["point"]["name"]) for e in events] == [
                ("SUPPORT", None),
                ("TRAIN", "Homs province"),
                ("PAY", None),
                ("RECRUIT", "Quneitra"),
                ("DEPLOY", "Tripoli"),
                ("DEPLOY", "Libya"),
            ]
            flows = c.get("/api/flows").json()
            assert [(f["size"], f["destination_point"]["name"]) for f in flows] == [
                (1500, "Benghazi"),
                (2000, "Tripoli"),
            ]
            one = c.get(f"/api/flows/{flows[0]['id']}").json()
            assert one["evidence"][0]["chain"] == [{"name": "Elizabeth Tsurkov", "kind": "person"}]
            (edge,) = c.get("/api/network?country=LBY&certainty=reported").json()
            got = c.get(
                "/api/network/evidence",
                params={
                    "source": edge["source_id"],
                    "target": edge["target_id"],
                    "type": "SUPPORTS",
                },
            ).json()
            assert got["evidence"][0]["outlet"] == "Anatolia Desk"
            docs = c.get("/api/documents").json()
            assert [d["title"] for d in docs] == ["monitor", "turkey", "wire", "support"]
            wire = c.get(f"/api/documents/{docs[2]['id']}").json()
            assert (wire["published"], len(wire["places"])) == ("2020-05-11", 3)
            found = c.get("/api/search?q=quneit").json()
            assert [p["name"] for p in found["places"]] == ["Quneitra"]
            assert c.get("/api/failures").json() == []
            assert c.get("/api/actors/Wagner%20Group").json()["kind"] == "pmc"
    finally:
        app.store.close()
