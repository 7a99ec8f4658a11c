"""Each format exported from the sample database and checked with its own validator or library:
exact values for one known event (the Ansongo roadside bombing of 15 March 2021, merged from five
reports) and one known relation (Wagner Group supports Khalifa Haftar), and the filters."""

from __future__ import annotations

import csv
import json

from tests.export.conftest import find


def test_acled_known_event_and_filters(export):
    rows = list(csv.DictReader(export("acled").open(encoding="utf-8")))
    row = find(rows, location="Ansongo", event_date="2021-03-15", inter2="1")
    assert row["sub_event_type"] == "Remote explosive/landmine/IED"
    assert (row["actor1"], row["assoc_actor_1"], row["actor2"]) == (
        "Unidentified Armed Group (Mali)",
        "JNIM: Group for Support of Islam and Muslims",
        "Military Forces of Mali (2020-)",
    )
    assert (row["inter1"], row["interaction"], row["time_precision"]) == ("3", "13", "1")
    assert (row["admin1"], row["latitude"], row["longitude"], row["geo_precision"]) == (
        "Gao", "15.6597", "0.5022", "1"
    )  # fmt: skip
    assert row["source"] == "Niger River News; West Africa Today; Sahel Wire"
    assert (row["fatalities"], row["tags"]) == ("12", "certainty=reported; sources=4")
    assert row["notes"].startswith("On 15 March 2021: Local officials say 25 soldiers died")
    mali = list(csv.DictReader(export("acled", "--country", "MLI").open(encoding="utf-8")))
    assert mali and {r["iso3"] for r in mali} == {"MLI"}
    assert len(mali) < len(rows)


def test_geojson_is_valid_rfc7946(export):
    from geojson_pydantic import FeatureCollection

    data = json.loads(export("geojson").read_text("utf-8"))
    FeatureCollection.model_validate(data)
    features = data["features"]
    bombing = find(
        [f["properties"] | {"_f": f} for f in features],
        type="EXPLOSIVE", place="Ansongo", sources=4,
    )["_f"]  # fmt: skip
    assert bombing["geometry"] == {"type": "Point", "coordinates": [0.5022, 15.6597]}
    props = bombing["properties"]
    assert (props["date"], props["certainty"], props["fatalities"]) == (
        "2021-03-15",
        "reported",
        12,
    )
    assert props["patients"] == ["Malian Armed Forces"]
    assert "A roadside bomb struck a Malian army convoy near Ansongo" in " ".join(props["evidence"])
    flows = [f for f in features if f["properties"]["record"] == "flow"]
    assert len(flows) == 3
    syria_libya = find(
        [f["properties"] | {"_f": f} for f in flows], origin_country="SYR",
        destination_country="LBY", sources=7,
    )["_f"]  # fmt: skip
    assert syria_libya["geometry"]["type"] == "LineString"
    assert syria_libya["geometry"]["coordinates"][-1] == [20.06859, 32.11486]  # Benghazi
    assert syria_libya["properties"]["sponsors"] == ["Wagner Group", "Turkey"]
    for lon, lat in [f["geometry"]["coordinates"] for f in features if f["geometry"]
                     and f["geometry"]["type"] == "Point"]:  # fmt: skip
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    filtered = json.loads(export("geojson", "--min-sources", "3").read_text("utf-8"))
    FeatureCollection.model_validate(filtered)
    assert filtered["features"]
    assert all(f["properties"]["sources"] >= 3 for f in filtered["features"])


def test_jsonl_holds_the_stored_reports(export, sample_db):
    from warledger.schema import validation_errors

    lines = export("jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 37
    reports = [json.loads(line) for line in lines]
    assert [validation_errors(r) for r in reports] == [[]] * 37  # the public report schema
    mali = export("jsonl", "--country", "MLI").read_text("utf-8").splitlines()
    assert 0 < len(mali) < len(lines)
