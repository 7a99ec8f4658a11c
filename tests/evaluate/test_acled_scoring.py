"""Scoring ACLED rows: reading every schema, choosing the compared event, and the figures.

The CSVs and reports here are written by hand for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from warledger.errors import InputError
from warledger.evaluate.acled_rows import choose_rows, read_acled
from warledger.evaluate.acled_score import figures, score_row
from warledger.evaluate.acled_system import compared_event, system_view
from warledger.report import (
    Actor,
    Attribution,
    DocumentInfo,
    Event,
    Place,
    Quantity,
    Report,
    Span,
    When,
)

CURRENT = (
    "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,country,location,"
    "latitude,longitude,notes,fatalities,iso3\n"
)


def write(tmp_path: Path, text: str, name: str = "rows.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def event(
    event_id: str,
    sub: str | None,
    start: int = 0,
    *,
    agent: list[str] | None = None,
    patient: list[str] | None = None,
    partner: list[str] | None = None,
    location: list[str] | None = None,
    when: When | None = None,
    fatalities: float | None = None,
    certainty: str = "asserted",
    negated: bool = False,
) -> Event:
    return Event(
        id=event_id,
        type="X",
        evidence=[Span(start, start + 4, "text")],
        acled={"sub_event_type": sub} if sub else None,
        agent=agent or [],
        patient=patient or [],
        partner=partner or [],
        location=location or [],
        when=when,
        fatalities=Quantity(str(fatalities), fatalities) if fatalities is not None else None,
        attribution=Attribution(certainty=certainty),  # type: ignore[arg-type]
        negated=negated,
    )


def report(
    *events: Event, actors: list[Actor] | None = None, places: list[Place] | None = None
) -> Report:
    return Report(
        document=DocumentInfo(id="d", chars=10),
        actors=actors or [],
        places=places or [],
        events=list(events),
    )


def test_two_rows_with_one_matching_sub_event_type_give_half(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        CURRENT
        + 'R1,9-May-20,Battles,Armed clash,,,Libya,Tripoli,32.88,13.19,"Fighting in the south.",0,LBY\n'
        + 'R2,9-May-20,Battles,Armed clash,,,Libya,Tripoli,32.88,13.19,"More fighting.",0,LBY\n',
    )
    rows = list(read_acled(path))
    scores = [
        score_row(rows[0], system_view(report(event("e1", "Armed clash")))),
        score_row(rows[1], system_view(report(event("e1", "Air/drone strike")))),
    ]
    by_name = {f.name: f for f in figures(scores)}
    assert by_name["sub_event_type"].value == 0.5
    assert by_name["sub_event_type"].n == 2
    # Armed clash: tp 1, fn 1 -> 2/3; Air/drone strike: fp 1 -> 0
    assert by_name["sub_event_type_macro_f1"].value == pytest.approx(1 / 3)
    assert by_name["event_type"].value == 0.5
    assert by_name["event_found"].value == 1.0


def test_every_field_agrees_for_a_fully_matching_row(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        CURRENT
        + "R1,9-May-20,Explosions/Remote violence,Air/drone strike,Military Forces of Turkey (2016-),"
        + 'Civilians (Syria),Syria,Al-Bukamal,34.45,40.91,"Turkish drones reportedly hit a car.",2,SYR\n',
    )
    (row,) = read_acled(path)
    system = system_view(
        report(
            event(
                "e1",
                "Air/drone strike",
                agent=["a1"],
                patient=["a2"],
                location=["p1"],
                when=When("9 May", "2020-05-09", "2020-05-09", "day"),
                fatalities=2,
                certainty="alleged",
            ),
            actors=[
                Actor(
                    "a1", "Turkey", "state", "TUR", acled_name="Military Forces of Turkey (2016-)"
                ),
                Actor("a2", "two civilians", "civilians", "SYR", acled_name="Civilians (Syria)"),
            ],
            places=[Place("p1", "al-Bukamal", "city", "SYR", lat=34.5, lon=40.9)],
        )
    )
    score = score_row(row, system)
    assert score.disagree == []
    assert score.checks == {
        "extraction_error": False,
        "event_found": True,
        "event_type": True,
        "sub_event_type": True,
        "actor1_name": True,
        "actor1_kind_country": True,
        "actor2_name": True,
        "actor2_kind_country": True,
        "actor2_spurious": None,
        "location": True,
        "location_km": True,
        "country": True,
        "event_date": True,
        "event_date_stated": None,
        "fatalities": True,
        "fatalities_known": True,
        "certainty_alleged": True,
        "certainty_asserted": None,
        "actor1_name_any": True,
        "actor2_name_any": True,
        "location_any": True,
    }


def test_disagreements_are_listed(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        CURRENT
        + "R1,9-May-20,Battles,Armed clash,Military Forces of Syria (2000-),,Syria,Tafas,32.74,36.07,"
        + '"Clashes. Unknown fatalities coded as 10.",10,SYR\n',
    )
    (row,) = read_acled(path)
    system = system_view(
        report(
            event("e1", "Armed clash", agent=["a1"], partner=["a2"], location=["p1"]),
            actors=[
                Actor("a1", "regime forces", "military", "TUR"),
                Actor("a2", "ex-rebels", "fighters", "SYR"),
            ],
            places=[Place("p1", "Daraa", "city", "SYR", lat=32.62, lon=36.10)],
        )
    )
    score = score_row(row, system)
    assert score.checks["location"] is True  # Daraa is about 14 km from Tafas
    assert score.checks["location_km"] is True
    assert score.checks["fatalities"] is False
    assert score.checks["fatalities_known"] is None
    assert score.checks["certainty_asserted"] is True
    assert score.disagree == [
        "actor1_name",
        "actor1_kind_country",
        "actor2_spurious",
        "event_date",
        "fatalities",
        "actor1_name_any",
    ]


def test_location_more_than_25_km_away_with_another_name_disagrees(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        CURRENT + 'R1,9-May-20,Battles,Armed clash,,,Libya,Tripoli,32.88,13.19,"x y",0,LBY\n',
    )
    (row,) = read_acled(path)
    far = report(
        event("e1", "Armed clash", location=["p1"]),
        places=[Place("p1", "Misrata", "city", "LBY", lat=32.37, lon=15.09)],
    )
    named = report(
        event("e1", "Armed clash", location=["p1"]), places=[Place("p1", "TRIPOLI", "city", "LBY")]
    )
    assert score_row(row, system_view(far)).checks["location"] is False
    assert score_row(row, system_view(named)).checks["location"] is True
    # location_km counts distance only: a place named right but not geocoded is not within it
    assert score_row(row, system_view(far)).checks["location_km"] is False
    assert score_row(row, system_view(named)).checks["location_km"] is False


def test_no_event_means_every_field_is_missed_but_certainty_is_not_scored(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        CURRENT + 'R1,9-May-20,Battles,Armed clash,Rioters (Libya),,Libya,Tripoli,,,"x y",0,LBY\n',
    )
    (row,) = read_acled(path)
    checks = score_row(row, system_view(report())).checks
    assert checks["event_found"] is False
    assert checks["sub_event_type"] is False
    assert checks["actor1_kind_country"] is False
    assert checks["fatalities"] is True  # nothing found, nothing killed: ACLED's 0
    assert checks["certainty_asserted"] is None
    assert checks["actor2_spurious"] is False


def test_first_mapped_event_is_compared_and_negated_events_are_skipped() -> None:
    unmapped = event("e1", None, 0)
    movement = event("e2", "Change to group/activity", 3)
    denied = event("e3", "Armed clash", 1, negated=True)
    clash = event("e4", "Armed clash", 40)
    chosen = compared_event(report(unmapped, clash, movement, denied))
    assert chosen is not None and chosen.id == "e2"
    only_unmapped = compared_event(report(unmapped))
    assert only_unmapped is not None and only_unmapped.id == "e1"
    assert compared_event(report(denied)) is None


def test_the_reports_main_event_is_compared_whatever_its_position() -> None:
    operation = event("e1", "Attack", 0)
    shootout = event("e2", "Armed clash", 40)
    shootout.main = True
    chosen = compared_event(report(operation, shootout))
    assert chosen is not None and chosen.id == "e2"
    shootout.negated = True
    chosen = compared_event(report(operation, shootout))
    assert chosen is not None and chosen.id == "e1"


def test_events_sharing_a_sentence_are_taken_in_report_order() -> None:
    strike = event("e1", "Air/drone strike", 10)
    shelling = event("e2", "Shelling/artillery/missile attack", 10)
    chosen = compared_event(report(strike, shelling))
    assert chosen is not None and chosen.id == "e1"


def test_old_upper_case_schema_scores_event_type_but_not_sub_event_type(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "GWNO,EVENT_ID_CNTY,EVENT_DATE,EVENT_TYPE,ACTOR1,ACTOR2,COUNTRY,LOCATION,LATITUDE,LONGITUDE,NOTES,FATALITIES\n"
        + '771,1BNG,01-January-2015,Riots/Protests,Protesters (Bangladesh),,Bangladesh,Dhaka,23.7,90.4,"A march.",0\n',
    )
    (row,) = read_acled(path)
    assert row.row_id == "1BNG"
    assert row.iso3 == "BGD"
    assert row.event_date is not None and row.event_date.isoformat() == "2015-01-01"
    assert row.sub_event_type is None
    scores = [score_row(row, system_view(report(event("e1", "Peaceful protest"))))]
    names = [f.name for f in figures(scores)]
    assert "sub_event_type" not in names
    assert {f.name: f.value for f in figures(scores)}["event_type"] == 1.0


def test_file_without_actor2_column_leaves_actor2_out(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "event_id_cnty,event_date,event_type,sub_event_type,actor1,country,location,latitude,longitude,notes,fatalities\n"
        + 'BGD1,5-Aug-24,Riots,Mob violence,Rioters (Bangladesh),Bangladesh,Dhaka,23.7,90.4,"A mob.",0\n',
    )
    (row,) = read_acled(path)
    assert row.actor2 is None
    names = {f.name for f in figures([score_row(row, system_view(report()))])}
    assert not names & {"actor2_name", "actor2_kind_country", "actor2_spurious"}
    assert {"actor1_name", "sub_event_type", "event_date"} <= names


def test_kenya_dates_are_day_first(tmp_path: Path) -> None:
    path = write(
        tmp_path, CURRENT + 'K1,05-06-19,Riots,Mob violence,,,Kenya,Kutu,,,"A mob.",0,KEN\n'
    )
    (row,) = read_acled(path)
    assert row.event_date is not None and row.event_date.isoformat() == "2019-06-05"


OLD_SCHEMA = "EVENT_ID_CNTY,EVENT_DATE,EVENT_TYPE,ACTOR1,COUNTRY,NOTES,FATALITIES\n"


def test_notes_without_the_year_are_left_out_of_event_date_stated(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        CURRENT
        + 'K1,05-06-19,Riots,Mob violence,,,Kenya,Kutu,,,"5 June: a mob beat a thief.",0,KEN\n'
        + 'K2,07-06-19,Riots,Mob violence,,,Kenya,Kutu,,,"On June 7 2019, a mob beat a thief.",0,KEN\n',
    )
    undated, dated = read_acled(path)
    assert (undated.date_stated, dated.date_stated) == (False, True)
    day = When(text="On June 7 2019", start="2019-06-07", end="2019-06-07", precision="day")
    found = system_view(report(event("e1", "Mob violence", 0, when=day)))
    scored = [score_row(undated, system_view(report())), score_row(dated, found)]
    assert [s.checks["event_date"] for s in scored] == [False, True]
    assert [s.checks["event_date_stated"] for s in scored] == [None, True]
    by_name = {f.name: f for f in figures(scored)}
    assert (by_name["event_date"].value, by_name["event_date"].n) == (0.5, 2)
    assert (by_name["event_date_stated"].value, by_name["event_date_stated"].n) == (1.0, 1)


def test_old_schema_dates_are_read_and_notes_without_a_date_are_not_stated(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        OLD_SCHEMA + "1BNG,01-January-2015,Riots/Protests,Rioters (Bangladesh),Bangladesh,"
        '"Two groups fought over a market.",0\n',
    )
    (row,) = read_acled(path)
    assert row.event_date is not None and row.event_date.isoformat() == "2015-01-01"
    assert row.date_stated is False
    assert score_row(row, system_view(report())).checks["event_date_stated"] is None


def test_rows_without_notes_are_skipped_and_a_file_without_notes_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, CURRENT + "R1,9-May-20,Battles,Armed clash,,,Libya,,,,,0,LBY\n")
    assert list(read_acled(path)) == []
    with pytest.raises(InputError):
        list(read_acled(write(tmp_path, "a,b\n1,2\n", "other.csv")))
    with pytest.raises(InputError):
        list(read_acled(tmp_path / "absent.csv"))


def test_limit_and_seeded_sample_keep_file_order(tmp_path: Path) -> None:
    lines = "".join(
        f'R{i},9-May-20,Battles,Armed clash,,,Libya,,,,"note {i}",0,LBY\n' for i in range(20)
    )
    rows = list(read_acled(write(tmp_path, CURRENT + lines)))
    assert [r.row_id for r in choose_rows(rows, limit=3)] == ["R0", "R1", "R2"]
    sample = choose_rows(rows, sample=5, seed=7)
    assert len(sample) == 5
    assert sample == sorted(sample, key=lambda r: int(r.row_id[1:]))
    assert choose_rows(rows, sample=5, seed=7) == sample
    assert choose_rows(rows, sample=5, seed=8) != sample
    assert len(choose_rows(rows)) == 20


def test_a_note_whose_extraction_raises_is_counted_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warledger.evaluate import acled

    def extract_or_fail(documents, nlp=None, batch_size=32, n_process=1):
        for document in documents:
            if "BOOM" in document.text:
                raise ValueError("cannot read this note")
            yield report(event("e1", "Armed clash"))

    monkeypatch.setattr(acled, "extract_documents", extract_or_fail)
    lines = "".join(
        f'R{i},9-May-20,Battles,Armed clash,,,Libya,,,,"{text}",0,LBY\n'
        for i, text in enumerate(["fine one", "BOOM here", "fine two"])
    )
    result = acled.evaluate_acled(write(tmp_path, CURRENT + lines))
    assert [s.system.error for s in result.scores] == [
        None,
        "ValueError: cannot read this note",
        None,
    ]
    by_name = {f.name: f for f in result.figures}
    assert by_name["extraction_error"].value == pytest.approx(1 / 3)
    assert by_name["extraction_error"].better == "lower"
    assert by_name["sub_event_type"].value == pytest.approx(2 / 3)
    assert result.scores[1].disagree[0] == "extraction_error"


def test_country_of_a_note_without_known_places_is_its_actors() -> None:
    actors = [
        Actor("a1", "Mombasa demonstrators", "protesters", "KEN"),
        Actor("a2", "Somali pirates", "fighters", "SOM"),  # not in the event
    ]
    system = system_view(report(event("e1", "Peaceful protest", agent=["a1"]), actors=actors))
    assert system.country == "KEN"


def test_places_outweigh_actors_for_the_country() -> None:
    system = system_view(
        report(
            event("e1", "Peaceful protest", agent=["a1"]),
            actors=[Actor("a1", "protesters", "protesters", "KEN")],
            places=[Place("p1", "Kampala", "city", "UGA")],
        )
    )
    assert system.country == "UGA"
