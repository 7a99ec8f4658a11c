"""One record per event: a toll stated in the next sentence joins the event with its doubt."""

from __future__ import annotations


def _only(report, event_type: str):
    events = [e for e in report.events if e.type == event_type]
    assert len(events) == 1, [(e.type, e.evidence[0].text) for e in report.events]
    return events[0]


def test_a_reported_toll_makes_its_event_alleged(extract_text):
    report = extract_text(
        "On 4 March 2021, militia fighters shelled army positions near Sirte. "
        "Six soldiers were reportedly killed."
    )
    event = _only(report, "SHELLING")
    assert event.fatalities is not None and event.fatalities.value == 6
    assert len(event.evidence) == 2
    assert event.attribution.certainty == "alleged"


def test_a_plain_toll_leaves_its_event_asserted(extract_text):
    report = extract_text(
        "On 4 March 2021, militia fighters shelled army positions near Sirte. "
        "Six soldiers were killed."
    )
    event = _only(report, "SHELLING")
    assert event.fatalities is not None and event.fatalities.value == 6
    assert event.attribution.certainty == "asserted"
