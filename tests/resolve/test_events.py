"""Events across reports: merges, non-merges, independent sources, contradictions, undo."""

from __future__ import annotations

import json

from tests.resolve.conftest import (
    ANSONGO,
    GAO,
    LIBYA,
    QUNEITRA,
    Corpus,
    actor,
    event,
    place,
    quantity,
)

from warledger.report import Money, Place, Source, Span, When
from warledger.resolve import undo
from warledger.resolve.queries import contradictions, events

ARMY = ("a1", "Malian Armed Forces", "military", "MLI", "mli.military")
JNIM = ("a2", "JNIM", "armed_group", "MLI", "mli.jnim")
ISS = ("a2", "Islamic State Sahel", "armed_group", "MLI", "isis.sahel")
TIN_HAMA = ("Tin-Hama", "locality", "MLI", "Gao", 15.95, 0.75)  # about 40 km from Ansongo


def bomb(
    corpus: Corpus,
    name: str,
    published: str,
    day: str | None,
    killed: float | None,
    where=ANSONGO,
    agent=None,
    outlet: str | None = None,
    **fields,
) -> str:
    actors = [actor(*ARMY)] + ([actor(*agent)] if agent else [])
    return corpus.add(
        name,
        f"{name}: a bomb hit an army convoy near {where[0]}.",
        published,
        outlet=outlet or name,
        actors=actors,
        places=[place("p1", where)],
        events=[
            event(
                "e1",
                "EXPLOSIVE",
                day,
                agent=[agent[0]] if agent else [],
                patient=["a1"],
                location=["p1"],
                fatalities=quantity(str(int(killed)), killed) if killed is not None else None,
                **fields,
            )
        ],
    )


def test_reports_of_one_incident_merge_with_their_sources_counted(corpus: Corpus) -> None:
    bomb(corpus, "wire", "2021-03-16", "2021-03-15", 12)
    bomb(corpus, "local", "2021-03-16", "2021-03-15", 25)
    bomb(corpus, "claim", "2021-03-18", "2021-03-15", 17, agent=JNIM)
    summary = corpus.resolve()
    assert (summary.events, summary.event_merges) == (1, 2)
    (row,) = events(corpus.store)
    assert (row["type"], row["when_start"], row["when_end"], row["country"]) == (
        "EXPLOSIVE",
        "2021-03-15",
        "2021-03-15",
        "MLI",
    )
    assert (row["reports"], row["documents"], row["sources"]) == (3, 3, 3)
    assert row["source_names"] == ["claim", "local", "wire"]
    assert row["agents"] == ["JNIM"] and row["patients"] == ["Malian Armed Forces"]


def test_disagreeing_fatalities_are_kept_side_by_side(corpus: Corpus) -> None:
    bomb(corpus, "wire", "2021-03-16", "2021-03-15", 12)
    bomb(corpus, "local", "2021-03-16", "2021-03-15", 25)
    bomb(corpus, "agency", "2021-03-16", "2021-03-15", 12)
    corpus.resolve()
    rows = contradictions(corpus.store, field="fatalities")
    assert [(r["value"], r["low"], r["high"], r["conflict"], r["sources"]) for r in rows] == [
        ("12", 12.0, 12.0, True, ["agency", "wire"]),
        ("25", 25.0, 25.0, True, ["local"]),
    ]


def test_overlapping_figures_are_listed_but_not_in_conflict(corpus: Corpus) -> None:
    corpus.add(
        "a",
        "Dozens were killed.",
        "2021-03-16",
        actors=[actor(*ARMY)],
        places=[place("p1", ANSONGO)],
        events=[
            event(
                "e1",
                "EXPLOSIVE",
                "2021-03-15",
                patient=["a1"],
                location=["p1"],
                fatalities=quantity("dozens", None, 24, 99),
            )
        ],
    )
    bomb(corpus, "b", "2021-03-16", "2021-03-15", 30)
    corpus.resolve()
    rows = contradictions(corpus.store, field="fatalities")
    assert [(r["value"], r["conflict"]) for r in rows] == [("dozens (24-99)", False), ("30", False)]


def test_a_denial_joins_the_event_as_a_contradiction_not_a_source(corpus: Corpus) -> None:
    bomb(corpus, "wire", "2021-03-16", "2021-03-15", 12)
    bomb(corpus, "denial", "2021-03-17", "2021-03-15", None, certainty="denied", chain=["s1"])
    corpus.resolve()
    (row,) = events(corpus.store)
    assert (row["reports"], row["sources"], row["certainty"]) == (2, 1, "asserted")
    status = contradictions(corpus.store, field="status")
    assert [(r["value"], r["conflict"]) for r in status] == [("denied", True), ("reported", True)]


def test_another_day_is_another_incident(corpus: Corpus) -> None:
    bomb(corpus, "monday", "2021-03-16", "2021-03-15", 12)
    bomb(corpus, "wednesday", "2021-03-18", "2021-03-17", 12)
    assert corpus.resolve().event_merges == 0


def test_a_place_far_away_is_another_incident(corpus: Corpus) -> None:
    bomb(corpus, "ansongo", "2021-03-16", "2021-03-15", 12)
    bomb(corpus, "gao", "2021-03-16", "2021-03-15", 12, where=GAO)  # about 90 km away
    assert corpus.resolve().event_merges == 0


def test_different_named_attackers_nearby_are_different_incidents(corpus: Corpus) -> None:
    bomb(corpus, "one", "2021-03-16", "2021-03-15", None, agent=JNIM)
    bomb(corpus, "two", "2021-03-16", "2021-03-15", None, agent=ISS, where=TIN_HAMA)
    assert corpus.resolve().event_merges == 0


def test_different_attackers_at_one_place_and_day_are_one_incident_with_disputed_sides(
    corpus: Corpus,
) -> None:
    bomb(corpus, "one", "2021-03-16", "2021-03-15", None, agent=JNIM)
    bomb(corpus, "two", "2021-03-16", "2021-03-15", None, agent=ISS)
    assert corpus.resolve().event_merges == 1
    rows = contradictions(corpus.store, field="agents")
    assert [(r["value"], r["conflict"], r["sources"]) for r in rows] == [
        ("Islamic State Sahel", True, ["two"]),
        ("JNIM", True, ["one"]),
    ]


def test_another_type_family_never_merges(corpus: Corpus) -> None:
    bomb(corpus, "bomb", "2021-03-16", "2021-03-15", 12)
    corpus.add(
        "protest",
        "People protested.",
        "2021-03-16",
        places=[place("p1", ANSONGO)],
        events=[event("e1", "PROTEST", "2021-03-15", location=["p1"])],
    )
    assert corpus.resolve().event_merges == 0


def test_a_copy_counts_as_its_original_source(corpus: Corpus) -> None:
    text = (
        "BAMAKO, March 16 (Sahel Wire) - A roadside bomb struck a Malian army convoy near Ansongo "
        "on Monday, killing 12 soldiers, the army said in a statement on Tuesday. The convoy was "
        "travelling from Ansongo to Gao when the improvised explosive device went off. No group has "
        "claimed the attack, but Jama'at Nusrat al-Islam wal-Muslimin, al Qaeda's affiliate in the "
        "Sahel, is active in the area, where the army has lost dozens of soldiers this year."
    )
    copies = (
        ("wire", "Sahel Wire", "2021-03-16", ""),
        ("reprint", "West Africa Today", "2021-03-17", " Distributed by Sahel Wire."),
    )
    for name, outlet, published, suffix in copies:
        found = event("e1", "EXPLOSIVE", "2021-03-15", patient=["a1"], location=["p1"])
        found.evidence = [Span.of(text, 0, len(text))]
        corpus.add(
            name,
            text + suffix,
            published,
            outlet=outlet,
            actors=[actor(*ARMY)],
            places=[place("p1", ANSONGO)],
            events=[found],
        )
    summary = corpus.resolve()
    assert (summary.copies, summary.event_merges) == (1, 1)
    (row,) = events(corpus.store)
    assert (row["reports"], row["documents"], row["sources"], row["source_names"]) == (
        2,
        2,
        1,
        ["Sahel Wire"],
    )
    rule = corpus.store.con.execute("SELECT rule FROM judgements WHERE kind = 'event'").fetchone()
    assert rule == ("copy",)


def test_two_outlets_quoting_one_named_source_count_once(corpus: Corpus) -> None:
    for name in ("first", "second"):
        corpus.add(
            name,
            f"{name}: the Observatory said 12 died near Ansongo.",
            "2021-03-16",
            outlet=name,
            actors=[actor(*ARMY)],
            places=[place("p1", ANSONGO)],
            sources=[
                Source(id="s1", name="Syrian Observatory for Human Rights", kind="organization")
            ],
            events=[
                event(
                    "e1", "EXPLOSIVE", "2021-03-15", patient=["a1"], location=["p1"], chain=["s1"]
                )
            ],
        )
    corpus.resolve()
    (row,) = events(corpus.store)
    assert (row["reports"], row["sources"], row["source_names"]) == (
        2,
        1,
        ["Syrian Observatory for Human Rights"],
    )


def test_undone_event_merge_stays_apart(corpus: Corpus) -> None:
    bomb(corpus, "wire", "2021-03-16", "2021-03-15", 12)
    bomb(corpus, "local", "2021-03-16", "2021-03-15", 25)
    corpus.resolve()
    (judgement_id, evidence) = corpus.store.con.execute(
        "SELECT id, evidence FROM judgements WHERE kind = 'event'"
    ).fetchone()
    assert json.loads(evidence)["matched"] == ["place", "same_day", "patient"]
    summary = undo(corpus.store, judgement_id)
    assert (summary.events, summary.event_merges, summary.contradictions) == (2, 0, 0)
    assert corpus.global_event("wire", "e1") != corpus.global_event("local", "e1")


IDLEB = ("Idleb", "city", "SYR", "Idleb", 35.9306, 36.6339)


def shelled(corpus: Corpus, name: str, village: str) -> None:
    corpus.add(
        name,
        f"{name}: on 9 May 2020, regime forces shelled {village} in Idleb.",
        None,
        actors=[actor("a1", "Military Forces of Syria", "military", "SYR", "syr.military")],
        # the gazetteer gives a village it does not know its province's point
        places=[
            place("p1", (village, "locality", "SYR", "Idleb", 35.9306, 36.6339)),
            place("p2", IDLEB),
        ],
        events=[event("e1", "SHELLING", "2020-05-09", agent=["a1"], location=["p1", "p2"])],
    )


def test_villages_of_one_province_shelled_on_one_day_are_different_incidents(
    corpus: Corpus,
) -> None:
    shelled(corpus, "kinda", "Kinda")
    shelled(corpus, "nayrab", "Nayrab")
    assert corpus.resolve().event_merges == 0


def test_the_same_village_shelled_on_one_day_is_one_incident(corpus: Corpus) -> None:
    shelled(corpus, "first", "Kinda")
    shelled(corpus, "second", "Kinda")
    assert corpus.resolve().event_merges == 1


def test_without_a_common_place_violent_reports_stay_apart(corpus: Corpus) -> None:
    for name in ("one", "two"):
        corpus.add(
            name,
            f"{name}: regime forces shelled villages on 9 May.",
            None,
            actors=[actor("a1", "Military Forces of Syria", "military", "SYR", "syr.military")],
            events=[event("e1", "SHELLING", "2020-05-09", agent=["a1"])],
        )
    assert corpus.resolve().event_merges == 0


def test_a_clash_and_a_shelling_at_one_place_need_one_side_to_be_one_incident(
    corpus: Corpus,
) -> None:
    bomb(corpus, "bomb", "2021-03-16", "2021-03-15", 12)
    corpus.add(
        "clash",
        "clash: soldiers clashed near Ansongo.",
        "2021-03-16",
        actors=[actor(*ARMY)],
        places=[place("p1", ANSONGO)],
        events=[event("e1", "CLASH", "2021-03-15", patient=["a1"], location=["p1"])],
    )
    assert corpus.resolve().event_merges == 0


# A later, vague mention of an incident (rule `reference`)


def mention(corpus: Corpus, name: str, published: str, where=ANSONGO, killed=None) -> None:
    """A follow-up that names the incident only by its type, place and month."""
    month = published[:7]
    corpus.add(
        name,
        f"{name}: the operation followed the bomb attack near {where[0]} earlier this month.",
        published,
        outlet=name,
        places=[place("p1", where)],
        events=[
            event(
                "e1",
                "EXPLOSIVE",
                when=When(text="earlier this month", start=month, end=month, precision="month"),
                location=["p1"],
                fatalities=quantity(str(killed), killed) if killed is not None else None,
            )
        ],
    )


def test_a_later_vague_mention_at_the_same_place_joins_the_one_incident_there(
    corpus: Corpus,
) -> None:
    bomb(corpus, "wire", "2021-03-16", "2021-03-15", 12)
    bomb(corpus, "local", "2021-03-16", "2021-03-15", 25)
    mention(corpus, "followup", "2021-03-26", killed=20)
    assert corpus.resolve().event_merges == 2
    assert corpus.global_event("followup", "e1") == corpus.global_event("wire", "e1")
    (rule,) = corpus.store.con.execute(
        "SELECT rule FROM judgements WHERE kind = 'event' AND document_id = ?",
        [corpus.ids["followup"]],
    ).fetchone()
    assert rule == "reference"
    rows = contradictions(corpus.store, field="fatalities")
    assert [(r["value"], r["conflict"], r["sources"]) for r in rows] == [
        ("12", True, ["wire"]),
        ("20", True, ["followup"]),
        ("25", True, ["local"]),
    ]


def test_a_vague_mention_with_two_incidents_at_its_place_joins_neither(corpus: Corpus) -> None:
    bomb(corpus, "first", "2021-03-06", "2021-03-05", 12)
    bomb(corpus, "second", "2021-03-16", "2021-03-15", 7)
    mention(corpus, "followup", "2021-03-26")
    assert corpus.resolve().event_merges == 0


def test_a_vague_mention_elsewhere_or_of_another_type_stays_apart(corpus: Corpus) -> None:
    bomb(corpus, "wire", "2021-03-16", "2021-03-15", 12)
    mention(corpus, "gao", "2021-03-26", where=GAO)
    corpus.add(
        "strike",
        "strike: the air strike near Ansongo earlier this month.",
        "2021-03-26",
        places=[place("p1", ANSONGO)],
        events=[
            event(
                "e1",
                "AIR_STRIKE",
                when=When(text="this month", start="2021-03", end="2021-03", precision="month"),
                location=["p1"],
            )
        ],
    )
    assert corpus.resolve().event_merges == 0


# Recruitment told at different towns of one country, of people described differently


MID = (
    "a1",
    "Military Intelligence Directorate",
    "intelligence",
    "SYR",
    "syr.military_intelligence",
)
TURKEY = ("a1", "Turkey", "state", "TUR", "tur")
HOMS_CITY = ("Homs", "city", "SYR", "Homs", 34.73, 36.71)
DARAA = ("Daraa", "city", "SYR", "Daraa", 32.62, 36.10)


def recruited(
    corpus: Corpus,
    name: str,
    published: str,
    people: str,
    where=QUNEITRA,
    agent=MID,
    figure: tuple[str, float] | None = None,
) -> None:
    corpus.add(
        name,
        f"{name}: {people} were recruited in {where[0]}.",
        published,
        outlet=name,
        actors=[actor(*agent), actor("a2", people, "fighters", "SYR")]
        if agent
        else [actor("a2", people, "fighters", "SYR")],
        places=[place("p1", where)],
        events=[
            event(
                "e1",
                "RECRUIT",
                agent=["a1"] if agent else [],
                patient=["a2"],
                location=["p1"],
                quantity=quantity(*figure) if figure else None,
            )
        ],
    )


def test_one_recruiter_enlisting_fighters_described_two_ways_in_one_country_is_one_event(
    corpus: Corpus,
) -> None:
    recruited(corpus, "wire", "2020-05-11", "former rebels from Quneitra", figure=("350", 350))
    recruited(corpus, "monitor", "2020-05-16", "Syrian fighters", HOMS_CITY, figure=("1,500", 1500))
    assert corpus.resolve().event_merges == 1
    (evidence,) = corpus.store.con.execute(
        "SELECT evidence FROM judgements WHERE kind = 'event'"
    ).fetchone()
    assert json.loads(evidence)["matched"] == ["area", "agent", "people"]
    rows = contradictions(corpus.store, field="quantity")
    assert [(r["value"], r["conflict"], r["sources"]) for r in rows] == [
        ("350", True, ["wire"]),
        ("1500", True, ["monitor"]),
    ]


def test_fighters_recruited_in_other_towns_by_others_or_no_one_named_stay_apart(
    corpus: Corpus,
) -> None:
    recruited(corpus, "wire", "2020-05-11", "former rebels from Quneitra")
    recruited(corpus, "turkey", "2020-05-13", "Syrian fighters", HOMS_CITY, agent=TURKEY)
    recruited(corpus, "nobody", "2020-05-14", "Syrian fighters", DARAA, agent=None)
    assert corpus.resolve().event_merges == 0


# A report that names no country: compared with its family's events of every country


def paid(corpus: Corpus, name: str, published: str, money: Money, where=LIBYA) -> None:
    corpus.add(
        name,
        f"{name}: the men were promised {money.text}.",
        published,
        outlet=name,
        actors=[actor("a2", "the men", "fighters")],
        places=[place("p1", where)] if where else [],
        events=[event("e1", "PAY", patient=["a2"], location=["p1"] if where else [], money=money)],
    )


def test_pay_named_without_a_country_joins_the_same_pay_elsewhere(corpus: Corpus) -> None:
    paid(corpus, "wire", "2020-05-11", Money("$1,000 a month", 1000, "USD", "month"))
    paid(corpus, "relatives", "2020-05-20", Money("$1,000 a month", 1000, "USD", "month"), None)
    assert corpus.resolve().event_merges == 1
    assert corpus.global_event("relatives", "e1") == corpus.global_event("wire", "e1")
    (row,) = events(corpus.store)
    assert (row["country"], row["reports"], row["sources"]) == ("LBY", 2, 2)


def test_other_pay_without_a_country_stays_apart(corpus: Corpus) -> None:
    paid(corpus, "wire", "2020-05-11", Money("$1,000 a month", 1000, "USD", "month"))
    paid(corpus, "turkey", "2020-05-13", Money("$2,000 a month", 2000, "USD", "month"), None)
    paid(corpus, "later", "2020-08-20", Money("$1,000 a month", 1000, "USD", "month"), None)
    assert corpus.resolve().event_merges == 0


# Reports at one place whose day is stated by its start or only by its end ("by Tuesday")

KRAMATORSK = ("Kramatorsk", "city", "UKR", "Donetsk", 48.72, 37.56)
SLOVIANSK = ("Sloviansk", "city", "UKR", "Donetsk", 48.85, 37.60)  # about 15 km away


def struck(
    corpus: Corpus,
    name: str,
    published: str,
    killed: int,
    type: str = "SHELLING",
    when: When | None = None,
    agent: tuple[str, ...] | None = None,
    victims: str = "civilians",
) -> None:
    corpus.add(
        name,
        f"{name}: missiles hit a school in Kramatorsk, killing {killed} {victims}.",
        published,
        outlet=name,
        actors=[actor("a2", victims, "civilians", "UKR")] + ([actor(*agent)] if agent else []),
        places=[place("p1", KRAMATORSK)],
        events=[
            event(
                "e1",
                type,
                None if when else published,
                **({"when": when} if when else {}),
                agent=[agent[0]] if agent else [],
                patient=["a2"],
                location=["p1"],
                fatalities=quantity(str(killed), killed),
            )
        ],
    )


RUSSIA = ("a1", "Russian Armed Forces", "military", "RUS", "rus.military")


def test_a_day_stated_only_by_its_end_is_that_day(corpus: Corpus) -> None:
    struck(corpus, "local", "2022-08-09", 7)
    by_tuesday = When(text="by Tuesday", start=None, end="2022-08-09", precision="day")
    struck(corpus, "un", "2022-08-10", 5, when=by_tuesday)
    assert corpus.resolve().event_merges == 1
    (evidence,) = corpus.store.con.execute(
        "SELECT evidence FROM judgements WHERE kind = 'event'"
    ).fetchone()
    assert json.loads(evidence)["matched"] == ["place", "same_day", "patient"]
    rows = contradictions(corpus.store, field="fatalities")
    assert [(r["value"], r["conflict"], r["sources"]) for r in rows] == [
        ("5", True, ["un"]),
        ("7", True, ["local"]),
    ]


def test_reports_at_one_place_and_day_naming_no_side_and_no_common_target_stay_apart(
    corpus: Corpus,
) -> None:
    """ACLED codes several events at one town on one day (protests, shootings) without naming
    who did them: the place and the day alone (3 points) do not make one incident."""
    struck(corpus, "shelling", "2022-08-09", 7, victims="people")
    struck(corpus, "air", "2022-08-09", 7, type="AIR_STRIKE")
    struck(corpus, "wednesday", "2022-08-10", 7)
    struck(corpus, "claimed", "2022-08-09", 4, agent=RUSSIA, victims="residents")
    assert corpus.resolve().event_merges == 0


def test_a_vague_mention_of_described_victims_still_refers_back(corpus: Corpus) -> None:
    struck(corpus, "local", "2022-08-09", 7)
    last_week = When(text="last week", start="2022-08-08", end="2022-08-14", precision="week")
    struck(corpus, "funerals", "2022-08-16", 8, when=last_week, victims="victims")
    assert corpus.resolve().event_merges == 1
    (rule,) = corpus.store.con.execute(
        "SELECT rule FROM judgements WHERE kind = 'event'"
    ).fetchone()
    assert rule == "reference"
    rows = contradictions(corpus.store, field="fatalities")
    assert [(r["value"], r["sources"]) for r in rows] == [("7", ["local"]), ("8", ["funerals"])]


# Villages each report names that the other does not (`site_kinds`)

TAL_TAMER = (36.65556, 40.37079)
TURKISH_ARMY = ("a1", "Military Forces of Turkey", "military", "TUR", "tur.military")


def village_shelled(corpus: Corpus, name: str, village: str, killed: int) -> None:
    """Extraction places the event at the town; the village the note names is at the town's
    point in the gazetteer (no measure of distance between the two)."""
    text = (
        f"{name}: on 4 May 2020, Turkish forces shelled the village of {village} in the "
        f"countryside of Tal Tamer, killing {killed} civilians."
    )
    at = {n: text.index(n) for n in (village, "Tal Tamer")}
    corpus.add(
        name,
        text,
        None,
        outlet=name,
        actors=[actor(*TURKISH_ARMY), actor("a2", "civilians", "civilians", "SYR")],
        places=[
            Place(
                id=ident,
                name=n,
                kind="locality",
                country="SYR",
                admin1="Al-Hasakeh",
                lat=TAL_TAMER[0],
                lon=TAL_TAMER[1],
                mentions=[Span.of(text, at[n], at[n] + len(n))],
            )
            for ident, n in (("p1", village), ("p2", "Tal Tamer"))
        ],
        events=[
            event(
                "e1",
                "SHELLING",
                "2020-05-04",
                agent=["a1"],
                patient=["a2"],
                location=["p2"],
                fatalities=quantity(str(killed), killed),
            )
        ],
    )


def test_two_villages_named_in_one_towns_countryside_are_two_incidents(corpus: Corpus) -> None:
    village_shelled(corpus, "aziziyeh", "Aziziyeh", 2)
    village_shelled(corpus, "fakkeh", "Fakkeh", 2)
    assert corpus.resolve().event_merges == 0


def test_one_village_named_by_both_is_one_incident_with_its_tolls(corpus: Corpus) -> None:
    village_shelled(corpus, "first", "Aziziyeh", 2)
    village_shelled(corpus, "second", "Aziziyeh", 3)
    assert corpus.resolve().event_merges == 1
    rows = contradictions(corpus.store, field="fatalities")
    assert [(r["value"], r["conflict"], r["sources"]) for r in rows] == [
        ("2", True, ["first"]),
        ("3", True, ["second"]),
    ]
