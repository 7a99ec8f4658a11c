"""Relations between actors: stated ties and ties derived from events, with evidence."""

from __future__ import annotations


def _ties(report) -> set[tuple[str, str, str]]:
    name = {a.id: a.name for a in report.actors}
    return {(r.type, name[r.source], name[r.target]) for r in report.relations}


def _actor_id(report, needle: str) -> str:
    return next(
        a.id
        for a in report.actors
        if needle.lower() in a.name.lower()
        or any(needle.lower() in m.text.lower() for m in a.mentions)
    )


def test_backs_is_a_stated_supports_with_evidence(extract_text):
    text = "Turkey backs the Government of National Accord in the Libyan war."
    report = extract_text(text)
    turkey, gna = _actor_id(report, "Turkey"), _actor_id(report, "National Accord")
    supports = [r for r in report.relations if r.type == "SUPPORTS"]
    assert [(r.source, r.target) for r in supports] == [(turkey, gna)]
    assert supports[0].evidence[0].text == text
    assert supports[0].mode == "military"


def test_passive_backed_by(extract_text):
    report = extract_text("The Government of National Accord is backed by Turkey.")
    turkey, gna = _actor_id(report, "Turkey"), _actor_id(report, "National Accord")
    assert any(
        r.type == "SUPPORTS" and (r.source, r.target) == (turkey, gna) for r in report.relations
    )


def test_negated_backing_is_not_a_relation(extract_text):
    report = extract_text("Turkey does not back the Government of National Accord.")
    assert [r for r in report.relations if r.type == "SUPPORTS"] == []


def test_clash_derives_opposes_from_the_event(extract_text):
    report = extract_text("Russian troops clashed with Ukrainian troops near Kharkiv on Monday.")
    clash = next(e for e in report.events if e.type == "CLASH")
    assert clash.agent and clash.partner
    opposes = [r for r in report.relations if r.type == "OPPOSES"]
    assert len(opposes) == 1
    assert opposes[0].derived_from == [clash.id]
    assert opposes[0].evidence == clash.evidence


def test_deploy_for_a_beneficiary_derives_supports(extract_text):
    report = extract_text("Russia sent 300 mercenaries to Libya to fight for Khalifa Haftar.")
    russia, haftar = _actor_id(report, "Russia"), _actor_id(report, "Haftar")
    derived = [
        r
        for r in report.relations
        if r.type == "SUPPORTS" and r.source == russia and r.target == haftar
    ]
    assert len(derived) == 1
    assert derived[0].derived_from


def test_backed_opposing_sides(extract_text):
    text = (
        "Turkey backs the Government of National Accord. Russia supports Khalifa Haftar. "
        "Russia and Turkey have backed opposing sides in the conflict."
    )
    report = extract_text(text)
    turkey, russia = _actor_id(report, "Turkey"), _actor_id(report, "Russia")
    gna, haftar = _actor_id(report, "National Accord"), _actor_id(report, "Haftar")
    pairs = {(r.type, r.source, r.target) for r in report.relations}
    assert ("SUPPORTS", turkey, gna) in pairs
    assert ("SUPPORTS", russia, haftar) in pairs
    assert (
        ("OPPOSES", *sorted((gna, haftar))) in pairs
        or ("OPPOSES", gna, haftar) in pairs
        or ("OPPOSES", haftar, gna) in pairs
    )
    third = text.index("Russia and Turkey")
    opposes = next(r for r in report.relations if r.type == "OPPOSES")
    assert opposes.evidence[0].start == third


def test_no_relations_without_two_actors(extract_text):
    assert extract_text("Heavy rain fell in the capital on Monday.").relations == []
