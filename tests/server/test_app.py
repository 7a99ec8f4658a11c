"""Every API endpoint on the hand-built story database: answers, filters, 400s with a message,
404s for unknown ids, and the same rows as the query functions (one code path)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.server.conftest import TOKEN

from warledger.resolve import browse, queries
from warledger.server import RateLimit, create_app
from warledger.store import Store

WIRE = "20da56f18f8792fecb75d146c6b2b47d6bca9695aa0198800a03c9ad1baab8bb"
TURKEY, GNA, WAGNER = "A279ae7b690", "A7782fc163e", "A90d05aba44"
HAFTAR_FLOW, GNA_FLOW = "F4499baff5d", "F8d95d74e62"


def test_events_are_the_query_rows_with_a_map_point(client: TestClient, story_db: Path) -> None:
    got = client.get("/api/events")
    assert got.status_code == 200
    rows = got.json()
    with Store.open(story_db) as store:
        expected = queries.events(store)
    assert [r["id"] for r in rows] == [e["id"] for e in expected]
    assert [(r["type"], r["when_start"], r["certainty"]) for r in rows] == [
        ("SUPPORT", "2020-01-15", "asserted"),
        ("TRAIN", "2020-04-27", "reported"),
        ("PAY", "2020-04-27", "reported"),
        ("RECRUIT", "2020-04-27", "reported"),
        ("DEPLOY", "2020-04-29", "asserted"),
        ("DEPLOY", "2020-05-02", "reported"),
    ]
    assert [r["point"]["name"] if r["point"] else None for r in rows] == [
        None,
        "Homs province",
        None,
        "Quneitra",
        "Tripoli",
        "Libya",
    ]


@pytest.mark.parametrize(
    ("query", "types"),
    [
        ("country=lby", ["DEPLOY", "DEPLOY"]),
        ("type=deploy&min_sources=2", ["DEPLOY"]),
        ("since=2020-05-12&until=2020-05-31", ["DEPLOY"]),
        ("until=2020-01", ["SUPPORT"]),
        ("certainty=asserted", ["SUPPORT", "DEPLOY"]),
        ("actor=Wagner", ["RECRUIT", "DEPLOY"]),
        ("until=2020", ["SUPPORT", "TRAIN", "PAY", "RECRUIT", "DEPLOY", "DEPLOY"]),
    ],
)
def test_event_filters(client: TestClient, query: str, types: list[str]) -> None:
    got = client.get(f"/api/events?{query}")
    assert got.status_code == 200
    assert [r["type"] for r in got.json()] == types


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/events?since=2020-13-01", "bad parameter since='2020-13-01': not a real date"),
        ("/api/events?until=May", "bad parameter until: an ISO date: YYYY, YYYY-MM or YYYY-MM-DD"),
        ("/api/events?country=Libya", "bad parameter country: an ISO3 country code such as LBY"),
        (
            "/api/events?certainty=sure",
            "bad parameter certainty: one of asserted, reported, hedged, alleged, speculative, "
            "denied",
        ),
        ("/api/events?min_sources=0", "bad parameter min_sources: a whole number from 1"),
        ("/api/events?min_sources=two", "bad parameter min_sources: a whole number from 1"),
        ("/api/flows?since=2020-02-30", "bad parameter since='2020-02-30': not a real date"),
        ("/api/network?type=SUPPORTS;DROP", "bad parameter type: an upper-case type such as "
         "DEPLOY or SUPPORTS"),
        ("/api/documents?limit=5000", "bad parameter limit: a whole number from 1 to 1000"),
        ("/api/search", "bad parameter q: required"),
        ("/api/network/evidence?source=A1", "bad parameter target: required; "
         "bad parameter type: required"),
    ],
)  # fmt: skip
def test_bad_parameters_get_400_with_a_message(client: TestClient, path: str, message: str) -> None:
    got = client.get(path)
    assert (got.status_code, got.json()) == (400, {"error": message})


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/events/E000", "no event 'E000'; /api/events lists them"),
        ("/api/flows/F000", "no flow 'F000'; /api/flows lists them"),
        ("/api/documents/abc", "no document 'abc'; /api/documents lists them"),
        ("/api/documents/abc/report", "no document 'abc'; /api/documents lists them"),
        ("/api/actors/Nobody", "no actor called 'Nobody' in the database"),
        ("/api/actors/Nobody/evidence", "no actor called 'Nobody' in the database"),
        ("/api/events?actor=Nobody", "no actor called 'Nobody' in the database"),
        (
            f"/api/network/evidence?source={GNA}&target={TURKEY}&type=SUPPORTS",
            f"no SUPPORTS edge from '{GNA}' to '{TURKEY}'; /api/network lists them",
        ),
        ("/api/nothing/here", "no API path /api/nothing/here"),
    ],
)
def test_unknown_ids_get_404(client: TestClient, path: str, message: str) -> None:
    got = client.get(path)
    assert got.status_code == 404
    assert got.json()["error"].startswith(message)


def test_one_event_with_reports_evidence_and_contradictions(client: TestClient) -> None:
    got = client.get("/api/events/E476033a221").json()
    assert (got["kind"], got["label"]) == ("event", "DEPLOY 2020-05-02")
    assert [(r["outlet"], r["source_name"]) for r in got["reports"]] == [
        ("Levant Wire", "Elizabeth Tsurkov"),
        ("Maghreb Observer", "Syrian Observatory for Human Rights"),
    ]
    assert [(e["outlet"], e["published"], e["certainty"]) for e in got["evidence"]] == [
        ("Levant Wire", "2020-05-11", "reported"),
        ("Maghreb Observer", "2020-05-16", "reported"),
    ]
    assert got["evidence"][1]["sentence"] == {
        "text": "The monitor said Wagner sent about 1,500 Syrian fighters to Benghazi to fight for Haftar.",
        "start": 0,
        "end": 89,
        "offset": 0,
    }
    assert got["evidence"][1]["chain"] == [
        {"name": "Syrian Observatory for Human Rights", "kind": "organization"}
    ]
    assert [(c["field"], c["value"], c["sources"]) for c in got["contradictions"]] == [
        ("place", "Benghazi", ["Syrian Observatory for Human Rights"]),
        ("place", "Libya", ["Elizabeth Tsurkov"]),
    ]


def test_actors_and_one_actor(client: TestClient) -> None:
    names = [a["name"] for a in client.get("/api/actors?country=lby").json()]
    assert names == ["Government of National Accord", "Khalifa Haftar"]
    assert [a["name"] for a in client.get("/api/actors?name=wag&kind=pmc").json()] == [
        "Wagner Group"
    ]
    assert len(client.get("/api/actors?limit=3").json()) == 3
    wagner = client.get("/api/actors/Wagner%20Group").json()
    assert (wagner["id"], wagner["kind"], wagner["country"]) == (WAGNER, "pmc", "RUS")
    assert [e["type"] for e in wagner["events"]] == ["RECRUIT", "DEPLOY"]
    assert client.get(f"/api/actors/{WAGNER}").json()["name"] == "Wagner Group"
    evidence = client.get(f"/api/actors/{TURKEY}/evidence").json()
    assert (evidence["label"], [e["kind"] for e in evidence["evidence"]]) == (
        "Turkey",
        ["relation", "event", "event"],
    )


def test_flows_with_their_ends_and_evidence(client: TestClient) -> None:
    rows = client.get("/api/flows").json()
    assert [(f["id"], f["size"], f["sources"]) for f in rows] == [
        (HAFTAR_FLOW, 1500, 2),
        (GNA_FLOW, 2000, 1),
    ]
    haftar = rows[0]
    assert (haftar["origin_point"]["name"], haftar["destination_point"]["name"]) == (
        "Quneitra",
        "Benghazi",
    )
    assert rows[1]["origin_point"] is None
    assert [f["id"] for f in client.get("/api/flows?min_sources=2").json()] == [HAFTAR_FLOW]
    assert [f["id"] for f in client.get("/api/flows?actor=Turkey&country=LBY").json()] == [GNA_FLOW]
    one = client.get(f"/api/flows/{HAFTAR_FLOW}").json()
    assert (one["label"], len(one["evidence"])) == ("SYR -> LBY", 5)
    assert one["evidence"][0]["chain"] == [{"name": "Elizabeth Tsurkov", "kind": "person"}]


def test_network_filters_and_edge_evidence(client: TestClient) -> None:
    (edge,) = client.get("/api/network").json()
    assert (edge["source"], edge["type"], edge["target"], edge["intervals"]) == (
        "Turkey",
        "SUPPORTS",
        "Government of National Accord",
        [["2020-01-01", "2020-01-31"]],
    )
    assert len(client.get("/api/network?country=TUR&certainty=reported").json()) == 1
    assert client.get("/api/network?certainty=asserted").json() == []
    assert client.get("/api/network?country=MLI").json() == []
    assert client.get("/api/network?since=2020-02").json() == []
    got = client.get(f"/api/network/evidence?source={TURKEY}&target={GNA}&type=supports").json()
    assert got["label"] == "Turkey SUPPORTS Government of National Accord"
    (item,) = got["evidence"]
    assert (item["kind"], item["certainty"], item["outlet"], item["chain"]) == (
        "relation",
        "reported",
        "Anatolia Desk",
        [{"name": "an official", "kind": "anonymous"}],
    )
    assert item["sentence"]["text"] == "Turkey has backed the GNA since January, an official said."


def test_contradictions_judgements_failures_search(client: TestClient) -> None:
    rows = client.get("/api/contradictions?event=E476033a221&field=place").json()
    assert [r["value"] for r in rows] == ["Benghazi", "Libya"]
    assert client.get("/api/contradictions?conflicts=true").json() == []
    assert [j["id"] for j in client.get("/api/judgements?kind=event").json()] == ["J9ef7b12132ab"]
    assert client.get("/api/failures").json() == []
    found = client.get("/api/search?q=quneit").json()
    assert [a["name"] for a in found["actors"]] == ["approximately 350 former rebels from Quneitra"]
    assert [(p["name"], p["country"]) for p in found["places"]] == [("Quneitra", "SYR")]


def test_documents_and_one_document(client: TestClient) -> None:
    docs = client.get("/api/documents").json()
    assert [d["title"] for d in docs] == ["monitor", "turkey", "wire", "support"]
    assert [d["title"] for d in client.get("/api/documents?limit=1&offset=2").json()] == ["wire"]
    wire = client.get(f"/api/documents/{WIRE}").json()
    assert (wire["outlet"], wire["published"], wire["chars"]) == ("Levant Wire", "2020-05-11", 231)
    assert [a["name"] for a in wire["actors"]] == [
        "Military Intelligence Directorate",
        "approximately 350 former rebels from Quneitra",
        "Wagner Group",
        "Khalifa Haftar",
    ]
    assert [(p["name"], p["lat"]) for p in wire["places"]] == [
        ("Quneitra", 33.126),
        ("Homs province", 34.72),
        ("Libya", 32.887),
    ]
    assert [(s["kind"], s["label"], s["start"], s["end"]) for s in wire["spans"]] == [
        ("event", "RECRUIT", 0, 231),
        ("event", "TRAIN", 0, 231),
        ("event", "DEPLOY", 0, 231),
        ("event", "PAY", 0, 231),
    ]


def test_a_document_report_is_the_stored_report_and_valid(client: TestClient) -> None:
    from warledger.schema import validation_errors

    got = client.get(f"/api/documents/{WIRE}/report")
    assert got.status_code == 200
    report = got.json()
    assert validation_errors(report) == []
    assert (report["document"]["id"], report["document"]["outlet"]) == (WIRE, "Levant Wire")
    assert [e["type"] for e in report["events"]] == ["RECRUIT", "TRAIN", "DEPLOY", "PAY"]


def test_the_openapi_document_lists_every_path(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert sorted(spec["paths"]) == [
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/actors/{actor_id}/evidence",
        "/api/contradictions",
        "/api/documents",
        "/api/documents/{document_id}",
        "/api/documents/{document_id}/report",
        "/api/events",
        "/api/events/{event_id}",
        "/api/failures",
        "/api/flows",
        "/api/flows/{flow_id}",
        "/api/judgements",
        "/api/judgements/{judgement_id}/redo",
        "/api/judgements/{judgement_id}/undo",
        "/api/network",
        "/api/network/evidence",
        "/api/resolve",
        "/api/search",
    ]
    assert spec["paths"]["/api/resolve"]["post"]["security"] == [{"bearer": []}]
    assert "get" not in spec["paths"]["/api/resolve"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/resolve"),
        ("post", "/api/judgements/J9ef7b12132ab/undo"),
        ("post", "/api/judgements/J9ef7b12132ab/redo"),
        ("post", "/api/documents"),
        ("delete", "/api/documents/abc"),
    ],
)
def test_writes_without_the_token_get_401(client: TestClient, method: str, path: str) -> None:
    got = client.request(method, path)
    assert got.status_code == 401
    assert got.json() == {
        "error": "this server is read-only: start it with --token (or WARLEDGER_TOKEN) to allow "
        "writes"
    }


@pytest.fixture
def writable(story_db: Path, tmp_path: Path, nlp) -> TestClient:
    path = tmp_path / "w.duckdb"
    shutil.copy(story_db, path)
    app = create_app(path, TOKEN, rate_limit=RateLimit(100_000, 60), nlp=nlp)
    yield TestClient(app, raise_server_exceptions=False)
    app.store.close()


def test_writes_with_a_wrong_token_get_401(writable: TestClient) -> None:
    for headers in ({"Authorization": "Bearer nope"}, {"Authorization": f"Basic {TOKEN}"}, {}):
        got = writable.post("/api/resolve", headers=headers)
        assert got.status_code == 401
        assert got.json() == {
            "error": "writes need the server's token: send 'Authorization: Bearer TOKEN'"
        }
    assert writable.post("/api/resolve", headers={"X-Warledger-Token": TOKEN}).status_code == 200


def test_undo_a_merge_then_redo_it(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    got = writable.post("/api/judgements/J9ef7b12132ab/undo", headers=auth)
    assert (got.status_code, got.json()["events"], got.json()["event_merges"]) == (200, 7, 0)
    assert len(writable.get("/api/events?type=DEPLOY").json()) == 3
    assert writable.get("/api/judgements?kind=event").json()[0]["undone"] is True
    got = writable.post("/api/judgements/J9ef7b12132ab/redo", headers=auth)
    assert (got.status_code, got.json()["events"]) == (200, 6)
    missing = writable.post("/api/judgements/J000/undo", headers=auth)
    assert (missing.status_code, missing.json()) == (
        404,
        {"error": "no judgement 'J000'; `warledger resolve judgements` lists them"},
    )


def test_upload_ingests_through_the_ingest_path(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    article = (
        "Gunmen attacked a police checkpoint near Gao on Monday, killing three officers, the "
        "Malian army said."
    )
    got = writable.post(
        "/api/documents",
        headers=auth,
        files=[
            ("files", ("gao.txt", article.encode(), "text/plain")),
            ("files", ("../../empty.txt", b"", "text/plain")),
        ],
        data={"published": "2021-03-15", "outlet": "Test Wire", "resolve": "true"},
    )
    assert got.status_code == 200
    body = got.json()
    assert (body["read"], body["stored"], body["duplicates"]) == (1, 1, 0)
    assert [(f["input"], f["reason"]) for f in body["failures"]] == [
        ("upload:../../empty.txt", "empty")
    ]
    assert body["resolved"]["documents"] == 5
    (doc,) = [d for d in writable.get("/api/documents").json() if d["outlet"] == "Test Wire"]
    assert (doc["input"], doc["published"]) == ("upload:gao.txt", "2021-03-15")
    assert [f["input"] for f in writable.get("/api/failures").json()] == ["upload:../../empty.txt"]
    again = writable.post(
        "/api/documents",
        headers=auth,
        files=[("files", ("gao.txt", article.encode(), "text/plain"))],
    ).json()
    assert (again["stored"], again["duplicates"]) == (0, 1)
    bad = writable.post(
        "/api/documents",
        headers=auth,
        files=[("files", ("a.txt", article.encode(), "text/plain"))],
        data={"published": "yesterday"},
    )
    assert bad.status_code == 400
    assert bad.json()["error"] == "--published 'yesterday' is not a date; write it as YYYY-MM-DD"


def test_browse_helpers_are_what_the_api_returns(client: TestClient, story_db: Path) -> None:
    with Store.open(story_db) as store:
        expected = browse.flow_evidence(store, HAFTAR_FLOW)
    assert client.get(f"/api/flows/{HAFTAR_FLOW}").json() == expected
