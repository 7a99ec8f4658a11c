"""Relations over time between global actors, and the query functions the CLI and API share."""

from __future__ import annotations

from datetime import date

import pytest
from tests.resolve.conftest import ANSONGO, Corpus, actor, event, place

from warledger.errors import QueryError
from warledger.report import Attribution, Relation
from warledger.resolve.network import merge_intervals
from warledger.resolve.queries import actor as actor_query
from warledger.resolve.queries import actors, events, network


def supports(
    ident: str,
    when: str | None = None,
    certainty: str = "asserted",
    derived: list[str] | None = None,
) -> Relation:
    from warledger.report import When

    return Relation(
        id=ident,
        type="SUPPORTS",
        source="a1",
        target="a2",
        evidence=[],
        when=When(text=when, start=when, end=when, precision="month") if when else None,
        attribution=Attribution(certainty=certainty),  # type: ignore[arg-type]
        derived_from=derived or [],
    )


def two_sides() -> list:
    return [
        actor("a1", "Turkey", "state", "TUR"),
        actor("a2", "Government of National Accord", "government", "LBY", "lby.gna"),
    ]


def test_an_edge_gathers_its_intervals_sources_and_events(corpus: Corpus) -> None:
    corpus.add(
        "jan",
        "Turkey backs the GNA.",
        "2020-01-20",
        outlet="A",
        actors=two_sides(),
        relations=[supports("r1", "2020-01", "alleged")],
    )
    corpus.add(
        "feb",
        "Turkey still backs the GNA.",
        "2020-02-10",
        outlet="B",
        actors=two_sides(),
        relations=[supports("r1", "2020-02")],
    )
    corpus.add(
        "jun",
        "Turkey sent drones to the GNA.",
        "2020-06-01",
        outlet="C",
        actors=two_sides(),
        events=[event("e1", "SUPPORT", "2020-05-30", agent=["a1"], beneficiary=["a2"])],
        relations=[supports("r1", derived=["e1"])],
    )
    corpus.resolve()
    (edge,) = network(corpus.store)
    assert (edge["source"], edge["type"], edge["target"]) == (
        "Turkey",
        "SUPPORTS",
        "Government of National Accord",
    )
    assert edge["intervals"] == [["2020-01-01", "2020-02-29"], ["2020-06-01", "2020-06-01"]]
    assert (edge["certainty"], edge["sources"]) == ("asserted", ["A", "B", "C"])
    assert edge["events"] == [corpus.global_event("jun", "e1")]
    assert network(corpus.store, since="2020-07") == []
    assert len(network(corpus.store, actor="turkey", type="supports", until="2020-01-31")) == 1


def test_intervals_closer_than_the_gap_are_drawn_as_one() -> None:
    d = date.fromisoformat
    assert merge_intervals(
        [
            (d("2020-03-01"), d("2020-03-05")),
            (d("2020-01-01"), d("2020-01-31")),
            (d("2020-02-20"), d("2020-02-21")),
        ],
        31,
    ) == [(d("2020-01-01"), d("2020-03-05"))]
    assert merge_intervals(
        [(d("2020-01-01"), d("2020-01-02")), (d("2020-06-01"), d("2020-06-02"))], 31
    ) == [
        (d("2020-01-01"), d("2020-01-02")),
        (d("2020-06-01"), d("2020-06-02")),
    ]


def strikes(corpus: Corpus) -> None:
    army = actor("a1", "Malian Armed Forces", "military", "MLI", "mli.military")
    for name, day, sources in (
        ("a", "2021-03-15", 1),
        ("b", "2021-03-15", 1),
        ("c", "2021-04-02", 1),
    ):
        corpus.add(
            name,
            f"{name} reports a bomb.",
            day,
            outlet=name,
            actors=[army],
            places=[place("p1", ANSONGO)],
            events=[
                event(
                    "e1",
                    "EXPLOSIVE",
                    day,
                    patient=["a1"],
                    location=["p1"],
                    certainty="alleged" if name == "c" else "asserted",
                )
            ],
        )
        assert sources == 1


def test_events_filters(corpus: Corpus) -> None:
    strikes(corpus)
    corpus.resolve()
    assert [e["reports"] for e in events(corpus.store)] == [2, 1]
    assert [e["when_start"] for e in events(corpus.store, since="2021-04")] == ["2021-04-02"]
    assert [e["when_start"] for e in events(corpus.store, until="2021-03-31")] == ["2021-03-15"]
    assert [e["sources"] for e in events(corpus.store, min_sources=2)] == [2]
    assert [e["certainty"] for e in events(corpus.store, certainty="reported")] == ["asserted"]
    assert (
        len(events(corpus.store, type="explosive", country="mli", actor="Malian Armed Forces")) == 2
    )
    assert events(corpus.store, type="PROTEST") == []


def test_actors_and_one_actor(corpus: Corpus) -> None:
    strikes(corpus)
    corpus.resolve()
    (army,) = actors(corpus.store, name="malian")
    assert (army["name"], army["kind"], army["country"], army["documents"], army["rule"]) == (
        "Malian Armed Forces",
        "military",
        "MLI",
        3,
        "kb_id",
    )
    assert actors(corpus.store, kind="pmc") == []
    found = actor_query(corpus.store, "Malian Armed Forces")
    assert [r["document"] for r in found["records"]] == sorted(corpus.ids.values())
    assert sum(1 for r in found["records"] if r["judgement"]) == 2
    assert len(found["events"]) == 2 and found["sources"] == ["a", "b", "c"]


def test_an_unknown_actor_is_a_clear_error(corpus: Corpus) -> None:
    strikes(corpus)
    corpus.resolve()
    with pytest.raises(QueryError, match="no actor called 'Nobody'"):
        actor_query(corpus.store, "Nobody")
