"""Event records: negation, modality, numbers, evidence and one record per event."""

from __future__ import annotations


def _only(report, event_type: str):
    events = [e for e in report.events if e.type == event_type]
    assert len(events) == 1, [(e.type, e.evidence[0].text) for e in report.events]
    return events[0]


def test_did_not_attack_is_negated(extract_text):
    event = _only(extract_text("The rebels did not attack the army base on Friday."), "CLASH")
    assert event.negated is True


def test_no_clashes_is_negated(extract_text):
    report = extract_text("There were no clashes between the soldiers and the militants overnight.")
    assert [e.negated for e in report.events] == [True]


def test_plain_statement_is_not_negated(extract_text):
    event = _only(extract_text("The rebels attacked the army base on Friday."), "CLASH")
    assert event.negated is False


def test_expected_to_fight_is_speculative(extract_text):
    event = _only(
        extract_text("The mercenaries were expected to fight alongside the militia."), "CLASH"
    )
    assert event.attribution.certainty == "speculative"


def test_plans_to_deploy_is_speculative(extract_text):
    event = _only(
        extract_text("The ministry plans to deploy 3,000 troops to the northern border."), "DEPLOY"
    )
    assert event.attribution.certainty == "speculative"
    assert event.quantity is not None and event.quantity.value == 3000


def test_stated_deployment_is_not_speculative(extract_text):
    event = _only(
        extract_text("The ministry deployed 3,000 troops to the northern border."), "DEPLOY"
    )
    assert event.attribution.certainty != "speculative"


def test_fatalities_attach_to_the_attack(extract_text):
    event = _only(
        extract_text("Gunmen attacked a bus near the market, killing 12 passengers."), "ATTACK"
    )
    assert event.fatalities is not None and event.fatalities.value == 12


def test_evidence_is_the_sentence_with_exact_offsets(extract_text):
    text = "Heavy rain fell overnight.\n\nGovernment troops shelled the village of Tal Hamis."
    report = extract_text(text)
    event = _only(report, "SHELLING")
    span = event.evidence[0]
    assert span.text == "Government troops shelled the village of Tal Hamis."
    assert text[span.start : span.end] == span.text


def test_later_toll_sentence_joins_the_attack(extract_text):
    report = extract_text(
        "Gunmen stormed a bus station in the town on Monday. Four people were killed."
    )
    assert len(report.events) == 1
    assert len(report.events[0].evidence) == 2


def test_same_event_in_headline_and_body_is_one_record(extract_text):
    text = (
        "Army shells rebel positions near the dam\n\n"
        "Government troops shelled rebel positions near the dam on Tuesday, a monitor said."
    )
    report = extract_text(text)
    shelling = [e for e in report.events if e.type == "SHELLING"]
    assert len(shelling) == 1
    assert len(shelling[0].evidence) == 2


def test_events_at_different_places_stay_apart(extract_text):
    report = extract_text("Troops shelled Aleppo on Monday. Troops also shelled Homs on Tuesday.")
    assert [e.type for e in report.events] == ["SHELLING", "SHELLING"]


def test_pay_carries_money(extract_text):
    event = _only(
        extract_text("The fighters were paid $1,500 a month to guard the oil fields."), "PAY"
    )
    assert event.money is not None and event.money.amount == 1500


def test_event_ids_are_unique_and_roles_reference_records(extract_text):
    report = extract_text(
        "Russian troops shelled Ukrainian positions near Kharkiv, the Ukrainian army said."
    )
    ids = [e.id for e in report.events]
    assert len(ids) == len(set(ids))
    actor_ids = {a.id for a in report.actors}
    place_ids = {p.id for p in report.places}
    for event in report.events:
        for role in ("agent", "patient", "partner", "beneficiary"):
            assert set(getattr(event, role)) <= actor_ids
        for role in ("location", "origin", "destination"):
            assert set(getattr(event, role)) <= place_ids


def test_report_with_events_validates_against_schema(extract_text):
    from warledger.schema import validation_errors

    report = extract_text(
        "Militants ambushed a patrol near Mosul, killing three soldiers, police said."
    )
    assert report.events
    assert validation_errors(report.to_dict()) == []


def test_purpose_infinitive_is_not_a_separate_event(extract_text):
    report = extract_text("About 300 fighters were flown to Libya to fight for the militia.")
    assert [e.type for e in report.events] == ["DEPLOY"]
    assert report.events[0].destination


def test_two_deployments_with_nothing_in_common_stay_apart(extract_text):
    text = "Hundreds of fighters were flown to Libya in May. Turkey sent 2,000 soldiers to Somalia in June."
    report = extract_text(text)
    assert [e.type for e in report.events] == ["DEPLOY", "DEPLOY"]


def test_words_inside_a_proper_name_are_not_triggers(extract_text):
    report = extract_text(
        "The Government of National Accord said on Monday that talks would resume."
    )
    assert "AGREEMENT" not in [e.type for e in report.events]


def test_a_clause_of_its_own_is_another_deployment(extract_text):
    """The flight has no agent; Turkey sends other people in a clause of its own: two events, and
    Turkey is not the agent of the first (the two clauses' roles are not pooled)."""
    report = extract_text(
        "Hundreds of former Syrian rebels have been flown to eastern Libya to fight alongside the "
        "forces of Khalifa Haftar, even as Turkey has sent thousands of Syrian fighters to "
        "defend the government in Tripoli."
    )
    names = {a.id: a.name for a in report.actors}
    deployments = [
        (sorted(names[i] for i in e.agent), sorted(names[i] for i in e.patient))
        for e in report.events
        if e.type == "DEPLOY"
    ]
    assert deployments == [
        ([], ["former Syrian rebels"]),
        (["Turkey"], ["Syrian fighters"]),
    ]
