"""The web UI in real headless Chromium (/usr/bin/chromium through Playwright, never
`playwright install`) on the sample database: the graph, map and timeline draw what the API
holds; clicking a flow shows its evidence sentence; moving the time slider hides edges."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from tools.screenshots import CHROMIUM, browser_page, open_ui, serving, view

from warledger.resolve import browse, queries
from warledger.server.app import STATIC
from warledger.store import Store

HOLD_DAYS = 180  # web/src/network.js: a relation stays in force this long after its last report

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
    pytest.mark.skipif(
        not (STATIC / "index.html").exists(), reason="the UI is not built (make setup)"
    ),
]


@pytest.fixture(scope="module")
def db(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ui") / "ui.duckdb"
    shutil.copy(sample_db, path)
    return path


@pytest.fixture(scope="module")
def expected(db: Path) -> dict[str, Any]:
    with Store.open(db) as store:
        edges = queries.network(store)
        events = browse.locate_events(store, queries.events(store))
        flows = browse.locate_flows(store, queries.flows(store))
        first = next(f for f in flows if f["origin_point"] and f["destination_point"])
        evidence = browse.flow_evidence(store, first["id"])
    return {
        "edges": edges,
        "nodes": len({e["source_id"] for e in edges} | {e["target_id"] for e in edges}),
        "points": sum(1 for e in events if e["point"]),
        "arcs": sum(1 for f in flows if f["origin_point"] and f["destination_point"]),
        "dated": sum(1 for e in events if e["when_start"]),
        "rows": len({e["country"] or "unknown" for e in events if e["when_start"]}),
        "flow": first["id"],
        "sentence": evidence["evidence"][0]["sentence"]["text"],
    }


@pytest.fixture(scope="module")
def page(db: Path) -> Iterator[Any]:
    with serving(db) as url, browser_page() as page:
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        open_ui(page, url)
        yield page
        assert errors == []


def counts(page: Any, selector: str) -> dict[str, int]:
    data = page.eval_on_selector(selector, "el => ({...el.dataset})")
    return {k: int(v) for k, v in data.items()}


def test_graph_map_and_timeline_draw_what_the_api_holds(page: Any, expected: dict) -> None:
    assert counts(page, "#network-count") == {
        "nodes": expected["nodes"],
        "edges": len(expected["edges"]),
    }
    drawn = page.evaluate(
        "() => [window.warledger.cy.nodes().length, window.warledger.cy.edges().length]"
    )
    assert drawn == [expected["nodes"], len(expected["edges"])]
    assert counts(page, "#map-count") == {"points": expected["points"], "arcs": expected["arcs"]}
    assert page.locator("path.wl-point").count() == expected["points"]
    assert page.locator("path.wl-arc").count() == expected["arcs"]
    assert counts(page, "#timeline-count") == {
        "events": expected["dated"],
        "rows": expected["rows"],
        "dots": expected["dated"],
    }
    assert page.locator("circle.tl-event").count() == expected["dated"]


def test_clicking_a_flow_shows_its_evidence_sentence(page: Any, expected: dict) -> None:
    view(page, "map")
    page.locator(f"path.wl-arc[data-flow={expected['flow']}]").dispatch_event("click")
    page.wait_for_selector(".evidence-title[data-kind=flow]")
    first = page.locator(".evidence-item blockquote.sentence").first
    assert first.text_content() == expected["sentence"]
    assert first.locator("mark").count() == 1


def test_moving_the_time_slider_hides_the_edges_not_in_force(page: Any, expected: dict) -> None:
    view(page, "network")
    edges = expected["edges"]
    days = sorted({d for e in edges for span in e["intervals"] for d in span})
    day = date.fromisoformat(days[0])

    def in_force(edge: dict) -> bool:
        return any(
            date.fromisoformat(lo) <= day <= date.fromisoformat(hi) + timedelta(days=HOLD_DAYS)
            for lo, hi in edge["intervals"]
        )

    page.fill("#net-slider", "1")
    assert page.text_content("#net-date") == days[0]
    shown = counts(page, "#network-count")["edges"]
    assert shown == sum(1 for e in edges if in_force(e))
    assert shown < len(edges)
    hidden = next(e for e in edges if not in_force(e))
    edge_id = f"{hidden['source_id']}|{hidden['type']}|{hidden['target_id']}"
    display = page.evaluate(
        "id => window.warledger.cy.getElementById(id).style('display')", edge_id
    )
    assert display == "none"
    page.fill("#net-slider", "0")
    assert counts(page, "#network-count")["edges"] == len(edges)


def test_search_finds_an_actor_and_shows_its_evidence(page: Any) -> None:
    page.fill("#search-input", "Wagner")
    page.wait_for_selector("#search-results li.hit-actor")
    assert (
        page.locator("#search-results li.hit-actor").first.text_content().startswith("Wagner Group")
    )
    page.locator("#search-results li.hit-actor").first.click()
    page.wait_for_selector(".evidence-title[data-kind=actor]")
    assert page.text_content(".evidence-title") == "Wagner Group"


def test_a_document_shows_its_records_marked(page: Any, db: Path) -> None:
    view(page, "documents")
    with Store.open(db) as store:
        first = browse.documents(store)[0]
        doc = browse.document(store, first["id"])
    page.click(f"#doc-list a[data-document='{first['id']}']")
    page.wait_for_selector(".doc-text")
    assert page.text_content(".doc-text") == doc["text"]
    assert page.locator(".doc-text .hl-actor").count() > 0
    assert page.locator(".doc-text .hl-place").count() > 0
