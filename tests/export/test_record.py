"""The shared reader: the resolved record of the sample database, and the filters' checks."""

from __future__ import annotations

import pytest

from warledger.errors import FilterError
from warledger.export.record import Filters, open_record


def _ansongo_bombing(record):
    hits = [
        e for e in record.events if e["type"] == "EXPLOSIVE" and e["places"][:1]
        and e["places"][0]["name"] == "Ansongo" and e["sources"] > 1
    ]  # fmt: skip
    assert len(hits) == 1
    return hits[0]


def test_a_merged_event_carries_every_report(sample_db):
    record = open_record(str(sample_db))
    assert record.unresolved == 0
    event = _ansongo_bombing(record)
    assert (event["when_start"], event["when_end"], event["precision"]) == (
        "2021-03-15", "2021-03-15", "day"
    )  # fmt: skip
    assert (event["country"], event["certainty"], event["sources"], event["reports"]) == (
        "MLI", "reported", 5, 6
    )  # fmt: skip
    assert event["source_names"] == ["JNIM", "Local officials", "Sahel Wire"]
    assert record.actor_names(event["agent"]) == [
        "unidentified armed group", "Jama'at Nusrat al-Islam wal-Muslimin"
    ]  # fmt: skip
    assert record.actor_names(event["patient"]) == ["Malian Armed Forces"]
    assert event["fatalities"] == 12  # the lowest figure reported (12, 17, 25)
    assert [p["name"] for p in event["places"]] == ["Ansongo", "Gao region", "Gao"]
    assert len(event["documents"]) == 6


def test_filters_keep_what_they_say(sample_db):
    everything = open_record(str(sample_db))
    mali = open_record(str(sample_db), Filters.parse(country="mli"))
    assert mali.events and all(e["country"] == "MLI" for e in mali.events)
    assert len(mali.events) == sum(e["country"] == "MLI" for e in everything.events)
    firm = open_record(str(sample_db), Filters.parse(min_sources=3, certainty="reported"))
    assert firm.events
    assert all(e["sources"] >= 3 for e in firm.events)
    assert all(e["certainty"] in ("asserted", "reported") for e in firm.events)
    assert all(len(r["sources"]) >= 3 for r in firm.relations)
    wagner = open_record(str(sample_db), Filters.parse(actor="Wagner Group"))
    gid = next(a["id"] for a in wagner.actors.values() if a["name"] == "Wagner Group")
    assert all(any(gid in e[r] for r in ("agent", "patient", "partner", "beneficiary"))
               for e in wagner.events)  # fmt: skip
    assert len(wagner.relations) == 4
    assert set(wagner.documents) < set(everything.documents)
    spring = open_record(str(sample_db), Filters.parse(since="2021-03-16", until="2021-12-31"))
    assert spring.events
    assert all(
        (e["when_end"] or "") >= "2021-03-16" and (e["when_start"] or "") <= "2021-12-31"
        for e in spring.events
    )


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        ({"country": "Syria"}, "ISO 3166 alpha-3"),
        ({"country": "XYZ"}, "no country has this ISO alpha-3 code"),
        ({"since": "yesterday"}, "give an ISO date"),
        ({"until": "2020-02-30"}, "no such date"),
        ({"since": "2021-01-01", "until": "2020-01-01"}, "nothing can match"),
        ({"min_sources": "two"}, "whole number"),
        ({"min_sources": 0}, "whole number"),
        ({"certainty": "sure"}, "give one of asserted, reported"),
    ],
)
def test_a_bad_filter_value_is_refused_with_its_flag(flags, message):
    with pytest.raises(FilterError, match=message):
        Filters.parse(**flags)


def test_an_unknown_actor_is_a_filter_error(sample_db):
    with pytest.raises(FilterError, match="no actor of that name"):
        open_record(str(sample_db), Filters.parse(actor="Nobody Brigade"))


def test_bad_filter_exits_2_with_a_clear_message(sample_db, capsys):
    from warledger.cli import main

    assert main(["export", "--db", str(sample_db), "--since", "2020-13-01"]) == 2
    assert capsys.readouterr().err.strip() == "warledger: error: --since '2020-13-01': no such date"
    assert main(["export", "--db", str(sample_db), "--actor", "Nobody Brigade"]) == 2
    assert "--actor 'Nobody Brigade': no actor" in capsys.readouterr().err
