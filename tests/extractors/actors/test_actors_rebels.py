"""Rebel forces are opposition rebels, distinct from the state's army in the same sentence."""

from __future__ import annotations


def test_rebel_forces_are_opposition_rebels_not_the_army(extract_text):
    report = extract_text(
        "On 7 May 2020, rebel forces took control of the town of Saraqib in Idlib after the army "
        "withdrew."
    )
    rebels = next(a for a in report.actors if a.name.lower() == "rebel forces")
    army = next(a for a in report.actors if "the army" in [m.text for m in a.mentions])
    assert rebels.kind != "military"
    assert rebels.acled_name == "Opposition Rebels (Syria)"
    assert army.id != rebels.id
    assert army.kind == "military"
