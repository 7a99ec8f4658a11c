"""Each format exported from the sample database and checked with its own validator or library:
exact values for one known event (the Ansongo roadside bombing of 15 March 2021, merged from six
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
    assert (row["fatalities"], row["tags"]) == ("12", "certainty=reported; sources=5")
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
        type="EXPLOSIVE", place="Ansongo", sources=5,
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
    assert syria_libya["properties"]["sponsors"] == ["Wagner Group"]  # Turkey sends the others
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
    from warledger.store import Store

    with Store.open(sample_db) as store:
        stored = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert len(lines) == stored
    reports = [json.loads(line) for line in lines]
    assert [validation_errors(r) for r in reports] == [[]] * stored  # the public report schema
    mali = export("jsonl", "--country", "MLI").read_text("utf-8").splitlines()
    assert 0 < len(mali) < len(lines)


def _wagner_haftar(g):
    wagner = find([{"id": n, **d} for n, d in g.nodes(data=True)], label="Wagner Group")["id"]
    haftar = find([{"id": n, **d} for n, d in g.nodes(data=True)], label="Khalifa Haftar")["id"]
    return wagner, haftar, g.get_edge_data(wagner, haftar)


def _shape(sample_db):
    from warledger.export.record import open_record

    record = open_record(sample_db)
    ends = {a for r in record.relations for a in (r["source_id"], r["target_id"])}
    return len(ends), len(record.relations)


def test_gexf_round_trips_through_networkx_with_time(export, sample_db):
    import networkx as nx

    g = nx.read_gexf(export("gexf"))
    assert g.graph["mode"] == "dynamic"
    assert (g.number_of_nodes(), g.number_of_edges()) == _shape(sample_db)
    wagner, _, edge = _wagner_haftar(g)
    assert g.nodes[wagner] == {
        "label": "Wagner Group", "kind": "pmc", "country": "RUS", "kb_id": "rus.wagner",
        "documents": 7,
    }  # fmt: skip
    assert (edge["label"], edge["relation"], edge["sources"]) == (
        "SUPPORTS", "SUPPORTS", "The Syrian Observatory for Human Rights"
    )  # fmt: skip
    assert edge["spells"] == [("2020-05-16", "2020-05-16")]
    assert edge["certainty"] == [("reported", "2020-05-16", "2020-05-16")]
    assert (edge["start"], edge["end"], edge["source_count"]) == ("2020-05-16", "2020-05-16", 1)
    # a filter: only Wagner's ties
    only = nx.read_gexf(export("gexf", "--actor", "Wagner Group"))
    assert only.number_of_edges() == 4
    assert all(wagner in (u, v) for u, v in only.edges())


def test_graphml_round_trips_through_networkx(export, sample_db):
    import networkx as nx

    g = nx.read_graphml(export("graphml"))
    assert (g.number_of_nodes(), g.number_of_edges()) == _shape(sample_db)
    _, _, edge = _wagner_haftar(g)
    assert edge["relation"] == "SUPPORTS"
    assert edge["certainty"] == "reported"
    assert json.loads(edge["intervals"]) == [["2020-05-16", "2020-05-16"]]
    firm = nx.read_graphml(export("graphml", "--certainty", "asserted"))
    assert 0 < firm.number_of_edges() < g.number_of_edges()
    assert {d["certainty"] for _, _, d in firm.edges(data=True)} == {"asserted"}


def test_plover_events(export, sample_db):
    from warledger.export.record import open_record

    events = [json.loads(line) for line in export("plover").read_text("utf-8").splitlines()]
    record = open_record(sample_db)
    assert len(events) == sum(1 for e in record.events if e["plover"] and not e["negated"])
    bombing = find(events, warledger_type="EXPLOSIVE", date="2021-03-15", sources=5)
    assert (bombing["event_type"], bombing["mode"], bombing["context"]) == (
        "ASSAULT", "explosion", ["military"]
    )  # fmt: skip
    assert [a["name"] for a in bombing["source_actor"]] == [
        "unidentified armed group", "Jama'at Nusrat al-Islam wal-Muslimin"
    ]  # fmt: skip
    assert [a["name"] for a in bombing["target_actor"]] == ["Malian Armed Forces"]
    assert bombing["location"]["name"] == "Ansongo"
    assert (bombing["location"]["lat"], bombing["location"]["lon"]) == (15.6597, 0.5022)
    assert bombing["fatalities"] == 12
    assert all(e["event_type"] for e in events)
    assert all(e["date"] is None or len(e["date"]) == 10 for e in events)
    before = [
        json.loads(x)
        for x in export("plover", "--until", "2019-12-31").read_text().split("\n")
        if x
    ]
    assert before and all(e["date"] <= "2019-12-31" for e in before)


def test_ftm_entities_pass_the_followthemoney_model(export):
    import subprocess
    import sys
    from pathlib import Path

    from followthemoney import model

    path = export("ftm")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    for row in rows:
        proxy = model.get_proxy(row, cleaned=False)
        assert proxy.schema.validate(row) is None  # raises InvalidData on a bad or missing value
        cleaned = model.get_proxy(row)  # the model's own cleaning keeps every value
        assert cleaned.to_dict()["properties"] == row["properties"], row
    by_id = {r["id"]: r for r in rows}
    wagner = find(
        [r for r in rows if r["properties"].get("name") == ["Wagner Group"]], schema="Organization"
    )
    assert wagner["properties"]["country"] == ["ru"]
    haftar = find([r for r in rows if r["properties"].get("name") == ["Khalifa Haftar"]],
                  schema="Person")  # fmt: skip
    assert haftar["properties"]["country"] == ["ly"]
    link = find(
        [r for r in rows if r["schema"] == "UnknownLink"
         and r["properties"]["subject"] == [wagner["id"]]
         and r["properties"]["object"] == [haftar["id"]]],
        schema="UnknownLink",
    )  # fmt: skip
    assert link["properties"]["role"] == ["supports"]
    assert link["properties"]["startDate"] == ["2020-05-16"]
    bombing = find(
        [r for r in rows if r["schema"] == "Event" and r["properties"].get("startDate") ==
         ["2021-03-15"] and "EXPLOSIVE" in r["properties"].get("keywords", [])],
        schema="Event",
    )  # fmt: skip
    assert bombing["properties"]["name"] == ["explosive at Ansongo"]
    assert bombing["properties"]["country"] == ["ml"]
    involved = [by_id[i]["properties"]["name"][0] for i in bombing["properties"]["involved"]]
    assert "Malian Armed Forces" in involved
    docs = [r for r in rows if r["schema"] == "Documentation"
            and r["properties"]["entity"] == [bombing["id"]]]  # fmt: skip
    assert len(docs) == 6
    assert all(by_id[d["properties"]["document"][0]]["schema"] == "Article" for d in docs)
    mentions = [r for r in rows if r["schema"] == "Mention"]
    assert all(by_id[m["properties"]["resolved"][0]]["schema"] in ("Person", "Organization",
               "PublicBody") for m in mentions)  # fmt: skip
    # the ftm tool reads and re-validates the file
    ftm = Path(sys.executable).parent / "ftm"
    done = subprocess.run([str(ftm), "validate", "-i", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == len(rows)
    mali = export("ftm", "--country", "MLI").read_text("utf-8").splitlines()
    events = [json.loads(x) for x in mali if '"schema": "Event"' in x]
    assert events and all(e["properties"]["country"] == ["ml"] for e in events)


def test_stix_bundle_passes_stix2_validator(export):
    from stix2validator import ValidationOptions, validate_string

    text = export("stix").read_text("utf-8")
    result = validate_string(text, ValidationOptions(version="2.1"))
    assert result.is_valid, [str(e) for e in result.errors]
    objects = json.loads(text)["objects"]
    by_id = {o["id"]: o for o in objects}
    wagner = find([o for o in objects if o.get("name") == "Wagner Group"], type="threat-actor")
    haftar = find([o for o in objects if o.get("name") == "Khalifa Haftar"], type="identity")
    assert haftar["identity_class"] == "individual"
    rel = find(
        [o for o in objects if o["type"] == "relationship"],
        source_ref=wagner["id"], target_ref=haftar["id"],
    )  # fmt: skip
    assert rel["relationship_type"] == "supports"
    assert (rel["start_time"], rel["stop_time"]) == ("2020-05-16T00:00:00Z", "2020-05-17T00:00:00Z")
    note = find(
        [o for o in objects if o["type"] == "note"],
        abstract="explosive at Ansongo on 2021-03-15",
    )  # fmt: skip
    assert note["x_warledger_event"]["sources"] == 5
    assert note["x_warledger_event"]["fatalities"] == 12
    assert note["authors"] == ["JNIM", "Local officials", "Sahel Wire"]
    refs = [by_id[r] for r in note["object_refs"]]
    assert "Malian Armed Forces" in [r["name"] for r in refs]
    ansongo = find([r for r in refs if r["type"] == "location"], name="Ansongo")
    assert (ansongo["latitude"], ansongo["longitude"], ansongo["country"]) == (
        15.6597,
        0.5022,
        "ML",
    )
    reports = [o for o in objects if o["type"] == "report" and note["id"] in o["object_refs"]]
    assert len(reports) == 6
    # stable ids: a second export is the same bundle
    assert json.loads(export("stix").read_text("utf-8")) == json.loads(text)
    firm = json.loads(export("stix", "--min-sources", "2").read_text("utf-8"))["objects"]
    assert all(o["x_warledger_event"]["sources"] >= 2 for o in firm if o["type"] == "note")
