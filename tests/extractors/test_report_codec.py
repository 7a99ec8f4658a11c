"""`report_from_dict` is the inverse of `Report.to_dict`."""

from __future__ import annotations

from warledger.extractors.report_codec import report_from_dict
from warledger.report import (
    Actor,
    Attribution,
    DocumentInfo,
    Duration,
    Event,
    Money,
    Place,
    Quantity,
    Relation,
    Report,
    Source,
    Span,
    Statement,
    When,
)


def full_report() -> Report:
    span = Span(0, 7, "Fighters")
    return Report(
        document=DocumentInfo(
            id="abc", chars=120, outlet="Wire", published="2020-05-10", input="x.txt"
        ),
        actors=[
            Actor(
                "a1",
                "Wagner Group",
                "pmc",
                "RUS",
                kb_id="wagner",
                aliases=["Wagner"],
                mentions=[span],
            )
        ],
        places=[Place("p1", "Tripoli", "city", "LBY", lat=32.9, lon=13.2, mentions=[span])],
        sources=[Source("s1", "Wire", "outlet")],
        statements=[Statement("st1", "s1", span, None, Span(10, 20, "content ok"), "reported")],
        events=[
            Event(
                id="e1",
                type="PAY",
                evidence=[span],
                acled={"event_type": "Strategic developments", "sub_event_type": "Other"},
                agent=["a1"],
                location=["p1"],
                when=When("last May", "2019-05", "2019-05", "month", "published"),
                quantity=Quantity("2,000 fighters", 2000.0, unit="fighters"),
                fatalities=Quantity("hundreds", None, True, 200.0, 999.0),
                money=Money("$1,000 a month", 1000.0, "USD", "month"),
                duration=Duration("three months", 90.0),
                terms=["amnesty"],
                attribution=Attribution(["s1"], ["s1"], "said", "reported", "st1"),
                confidence=0.8,
            )
        ],
        relations=[
            Relation("r1", "SUPPORTS", "a1", "a1", [span], mode="military", derived_from=["e1"])
        ],
        warnings=["a warning"],
    )


def test_round_trip_gives_an_equal_report() -> None:
    report = full_report()
    assert report_from_dict(report.to_dict()) == report


def test_empty_report_round_trips() -> None:
    report = Report(document=DocumentInfo(id="d", chars=0))
    assert report_from_dict(report.to_dict()) == report


def test_extra_fields_allowed_by_the_schema_are_ignored() -> None:
    data = full_report().to_dict()
    data["events"][0]["x_note"] = "extra"
    data["document"]["x_extra"] = 1
    assert report_from_dict(data) == full_report()
