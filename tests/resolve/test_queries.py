"""The query filters the HTTP API added: flows by date and sources, the network by theatre and
certainty, and `until` as a year or month meaning its last day."""

from __future__ import annotations

from tests.resolve.conftest import BENGHAZI, QUNEITRA, Corpus, actor, event, place
from tests.server.conftest import seed_support

from warledger.resolve.queries import events, flows, network


def dated_flows(corpus: Corpus) -> None:
    for name, day, outlet in (("may", "2020-05-11", "A"), ("again", "2020-05-12", "B")):
        corpus.add(
            name,
            f"{name}: fighters from Quneitra were flown to Benghazi.",
            day,
            outlet=outlet,
            actors=[actor("a1", "Syrian fighters", "fighters", "SYR")],
            places=[place("p1", QUNEITRA), place("p2", BENGHAZI)],
            events=[event("e1", "DEPLOY", day, patient=["a1"], origin=["p1"], destination=["p2"])],
        )
    corpus.resolve()


def test_flows_by_date_and_sources(corpus: Corpus) -> None:
    dated_flows(corpus)
    (flow,) = flows(corpus.store)
    assert (flow["when_start"], flow["when_end"], flow["sources"]) == (
        "2020-05-11",
        "2020-05-12",
        2,
    )
    assert len(flows(corpus.store, since="2020-05-12", until="2020-05")) == 1
    assert flows(corpus.store, since="2020-05-13") == []
    assert flows(corpus.store, until="2020-04") == []
    assert len(flows(corpus.store, until="2020")) == 1
    assert flows(corpus.store, min_sources=3) == []


def test_network_by_theatre_and_certainty(corpus: Corpus) -> None:
    seed_support(corpus)
    corpus.resolve()
    assert [e["type"] for e in network(corpus.store, country="lby")] == ["SUPPORTS"]
    assert [e["type"] for e in network(corpus.store, country="TUR")] == ["SUPPORTS"]
    assert network(corpus.store, country="SYR") == []
    assert len(network(corpus.store, certainty="alleged")) == 1
    assert network(corpus.store, certainty="asserted") == []
    assert len(network(corpus.store, until="2020-01")) == 1
    assert network(corpus.store, until="2019") == []


def test_until_a_year_or_month_reaches_its_last_day(corpus: Corpus) -> None:
    seed_support(corpus)
    corpus.resolve()
    assert [e["when_start"] for e in events(corpus.store, until="2020")] == ["2020-01-15"]
    assert [e["when_start"] for e in events(corpus.store, until="2020-01")] == ["2020-01-15"]
    assert events(corpus.store, until="2019-12") == []
