import json
from pathlib import Path

import jsonschema
import pytest

from warledger.report import (
    Actor,
    Attribution,
    DocumentInfo,
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
from warledger.schema import schema_text, validation_errors

DESIGN_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "design" / "report.schema.json"

TEXT = "Turkey sent 2,000 fighters to Libya, a source said."


def full_report() -> Report:
    span = Span.of(TEXT, 0, 6)
    return Report(
        document=DocumentInfo(id="ab" * 32, chars=len(TEXT), published="2020-05-10"),
        actors=[Actor(id="a1", name="Turkey", kind="state", country="TUR", mentions=[span])],
        places=[Place(id="p1", name="Libya", kind="country", country="LBY", lat=27.0, lon=17.0)],
        sources=[Source(id="s1", name="a source", kind="anonymous")],
        statements=[
            Statement(
                id="st1",
                source="s1",
                source_span=Span.of(TEXT, 37, 45),
                cue_span=Span.of(TEXT, 46, 50),
                content_span=Span.of(TEXT, 0, 35),
            )
        ],
        events=[
            Event(
                id="e1",
                type="DEPLOY",
                evidence=[Span.of(TEXT, 0, 35)],
                agent=["a1"],
                destination=["p1"],
                when=When("last January", "2020-01", "2020-01", "month", "published"),
                quantity=Quantity("2,000 fighters", 2000, unit="fighters"),
                money=Money("$1,000 a month", 1000, "USD", "month"),
                attribution=Attribution(["s1"], ["s1"], "said", "reported", "st1"),
            )
        ],
        relations=[Relation(id="r1", type="SUPPORTS", source="a1", target="a1", evidence=[span])],
    )


def test_span_of_slices_the_text():
    assert Span.of(TEXT, 12, 26) == Span(12, 26, "2,000 fighters")


def test_empty_report_is_valid():
    report = Report(document=DocumentInfo(id="0" * 64, chars=0))
    assert validation_errors(report.to_dict()) == []


def test_full_report_is_valid_against_package_schema():
    assert validation_errors(full_report().to_dict()) == []


def test_full_report_is_valid_against_design_schema():
    if not DESIGN_SCHEMA.exists():
        pytest.skip(f"{DESIGN_SCHEMA} not present")
    schema = json.loads(DESIGN_SCHEMA.read_text())
    jsonschema.Draft202012Validator(schema).validate(full_report().to_dict())


def test_package_schema_matches_the_design_contract():
    if not DESIGN_SCHEMA.exists():
        pytest.skip(f"{DESIGN_SCHEMA} not present")
    assert json.loads(schema_text()) == json.loads(DESIGN_SCHEMA.read_text())


def test_schema_rejects_a_bad_event_type():
    data = full_report().to_dict()
    data["events"][0]["type"] = "PICNIC"
    assert validation_errors(data) == [
        "events/0/type: 'PICNIC' is not one of "
        + repr(json.loads(schema_text())["$defs"]["event"]["properties"]["type"]["enum"])
    ]


def test_to_json_round_trips():
    report = full_report()
    assert json.loads(report.to_json())["events"][0]["quantity"]["value"] == 2000
