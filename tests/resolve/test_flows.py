"""Fighter flows: recruit/train/deploy/pay reports drawn as origin -> destination, for whom, how
many according to whom, merged across documents; opposite sides stay apart."""

from __future__ import annotations

from tests.resolve.conftest import BENGHAZI, LIBYA, QUNEITRA, Corpus, actor, event, place, quantity

from warledger.report import Money, Source
from warledger.resolve.queries import flows

HOMS = ("Homs province", "admin1", "SYR", "Homs", 34.72, 36.73)
TRIPOLI = ("Tripoli", "city", "LBY", "Tripoli", 32.887, 13.187)


def seed_story(corpus: Corpus) -> None:
    corpus.add(
        "wire",
        "Syrian intelligence officers recruited approximately 350 former rebels from Quneitra for the Wagner Group, trained them in Homs and flew them to Libya to fight for Khalifa Haftar, for $1,000 a month, according to Elizabeth Tsurkov.",
        "2020-05-11",
        outlet="Levant Wire",
        actors=[
            actor(
                "a1",
                "Military Intelligence Directorate",
                "intelligence",
                "SYR",
                "syr.military_intelligence",
            ),
            actor("a2", "approximately 350 former rebels from Quneitra", "fighters", "SYR"),
            actor("a3", "Wagner Group", "pmc", "RUS", "rus.wagner"),
            actor("a4", "Khalifa Haftar", "person", "LBY", "lby.haftar"),
        ],
        places=[place("p1", QUNEITRA), place("p2", HOMS), place("p3", LIBYA)],
        sources=[Source(id="s1", name="Elizabeth Tsurkov", kind="person")],
        events=[
            event(
                "e1",
                "RECRUIT",
                agent=["a1"],
                patient=["a2"],
                beneficiary=["a3"],
                location=["p1"],
                quantity=quantity("approximately 350", 350),
                chain=["s1"],
            ),
            event("e2", "TRAIN", patient=["a2"], location=["p2"], chain=["s1"]),
            event(
                "e3", "DEPLOY", patient=["a2"], beneficiary=["a4"], destination=["p3"], chain=["s1"]
            ),
            event(
                "e4",
                "PAY",
                patient=["a2"],
                money=Money("$1,000 a month", 1000, "USD", "month"),
                terms=["amnesty"],
                chain=["s1"],
            ),
        ],
    )
    corpus.add(
        "monitor",
        "The monitor said Wagner sent about 1,500 Syrian fighters to Benghazi to fight for Haftar.",
        "2020-05-16",
        outlet="Maghreb Observer",
        actors=[
            actor("a1", "Wagner Group", "pmc", "RUS", "rus.wagner"),
            actor("a2", "about 1,500 Syrian fighters", "fighters", "SYR"),
            actor("a3", "Khalifa Haftar", "person", "LBY", "lby.haftar"),
        ],
        places=[place("p1", BENGHAZI)],
        sources=[Source(id="s1", name="Syrian Observatory for Human Rights", kind="organization")],
        events=[
            event(
                "e1",
                "DEPLOY",
                agent=["a1"],
                patient=["a2"],
                beneficiary=["a3"],
                destination=["p1"],
                quantity=quantity("about 1,500", 1500),
                chain=["s1"],
            )
        ],
    )
    corpus.add(
        "turkey",
        "Turkey has sent about 2,000 Syrian National Army fighters to Tripoli to fight for the GNA.",
        "2020-05-13",
        outlet="Maghreb Observer",
        actors=[
            actor("a1", "Turkey", "state", "TUR"),
            actor("a2", "Syrian National Army", "armed_group", "SYR", "syr.sna"),
            actor("a3", "Government of National Accord", "government", "LBY", "lby.gna"),
        ],
        places=[place("p1", TRIPOLI)],
        events=[
            event(
                "e1",
                "DEPLOY",
                agent=["a1"],
                patient=["a2"],
                beneficiary=["a3"],
                destination=["p1"],
                quantity=quantity("about 2,000", 2000),
            )
        ],
    )


def test_the_seed_story_is_one_flow_per_side(corpus: Corpus) -> None:
    seed_story(corpus)
    assert corpus.resolve().flows == 2
    haftar, gna = sorted(flows(corpus.store), key=lambda f: f["sponsors"][0]["name"] == "Turkey")
    assert (haftar["origin_country"], haftar["origin_places"], haftar["destination_country"]) == (
        "SYR",
        ["Quneitra"],
        "LBY",
    )
    assert haftar["destination_places"] == ["Benghazi", "Libya"]
    assert [(s["name"], s["country"], s["sources"]) for s in haftar["sponsors"]] == [
        ("Wagner Group", "RUS", ["Elizabeth Tsurkov", "Syrian Observatory for Human Rights"])
    ]
    assert [r["name"] for r in haftar["recruiters"]] == ["Military Intelligence Directorate"]
    assert [b["name"] for b in haftar["beneficiaries"]] == ["Khalifa Haftar"]
    assert [(n["text"], n["low"], n["high"], n["source"]) for n in haftar["numbers"]] == [
        ("approximately 350", 350.0, 350.0, "Elizabeth Tsurkov"),
        ("about 1,500", 1500.0, 1500.0, "Syrian Observatory for Human Rights"),
    ]
    assert haftar["pay"] == [
        {"amount": 1000.0, "currency": "USD", "per": "month", "sources": ["Elizabeth Tsurkov"]}
    ]
    assert haftar["terms"] == [{"term": "amnesty", "sources": ["Elizabeth Tsurkov"]}]
    assert haftar["via"] == ["Homs province"]
    assert haftar["sources"] == 2
    assert (gna["origin_country"], gna["destination_country"]) == ("SYR", "LBY")
    assert [s["name"] for s in gna["sponsors"]] == ["Turkey"]
    assert [b["name"] for b in gna["beneficiaries"]] == ["Government of National Accord"]
    assert [(n["text"], n["source"]) for n in gna["numbers"]] == [
        ("about 2,000", "Maghreb Observer")
    ]


def test_flows_filter_by_actor_and_country(corpus: Corpus) -> None:
    seed_story(corpus)
    corpus.resolve()
    assert [f["sponsors"][0]["name"] for f in flows(corpus.store, actor="Turkey")] == ["Turkey"]
    assert len(flows(corpus.store, country="lby")) == 2
    assert flows(corpus.store, country="MLI") == []


def test_a_denied_deployment_is_no_flow(corpus: Corpus) -> None:
    corpus.add(
        "denial",
        "Russia denied sending Syrian fighters to Libya.",
        "2020-05-14",
        actors=[
            actor("a1", "Russia", "state", "RUS"),
            actor("a2", "Syrian fighters", "fighters", "SYR"),
        ],
        places=[place("p1", LIBYA)],
        events=[
            event("e1", "DEPLOY", agent=["a1"], patient=["a2"], destination=["p1"], negated=True)
        ],
    )
    assert corpus.resolve().flows == 0


def test_a_movement_inside_one_country_is_no_flow(corpus: Corpus) -> None:
    corpus.add(
        "inside",
        "Fighters from Benghazi were sent to Tripoli.",
        "2020-05-14",
        actors=[actor("a1", "Libyan fighters", "fighters", "LBY")],
        places=[place("p1", BENGHAZI), place("p2", TRIPOLI)],
        events=[event("e1", "DEPLOY", patient=["a1"], origin=["p1"], destination=["p2"])],
    )
    assert corpus.resolve().flows == 0


def test_a_deployment_sent_by_another_sponsor_joins_its_own_flow(corpus: Corpus) -> None:
    """ "Turkey has sent thousands of Syrian fighters to Libya", told beside the Haftar story:
    the same route and the same kind of people, but another sender, so the GNA's flow and not
    Haftar's (whose groups, "Syrian fighters", it shares); its figure is the document's (no outlet: "document <id>", never its headline)."""
    seed_story(corpus)
    aside = corpus.add(
        "How Syrian ex-rebels ended up on both sides of Libya's war",
        "Turkey has sent thousands of Syrian fighters to Tripoli.",
        "2020-07-15",  # two months on: its deployment is no report of the May ones
        actors=[
            actor("a1", "Turkey", "state", "TUR"),
            actor("a2", "Syrian fighters", "fighters", "SYR"),
        ],
        places=[place("p1", TRIPOLI)],
        events=[
            event(
                "e1",
                "DEPLOY",
                agent=["a1"],
                patient=["a2"],
                destination=["p1"],
                quantity=quantity("thousands", None, 2000, 9999),
            )
        ],
    )
    assert corpus.resolve().flows == 2
    haftar, gna = sorted(flows(corpus.store), key=lambda f: f["sponsors"][0]["name"] == "Turkey")
    assert [s["name"] for s in haftar["sponsors"]] == ["Wagner Group"]
    assert [n["text"] for n in haftar["numbers"]] == ["approximately 350", "about 1,500"]
    assert [s["name"] for s in gna["sponsors"]] == ["Turkey"]
    assert [(n["text"], n["source"]) for n in gna["numbers"]] == [
        ("about 2,000", "Maghreb Observer"),
        ("thousands", f"document {aside[:8]}"),
    ]
