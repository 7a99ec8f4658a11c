"""ACLED's convention for gang violence: an attack whose victim was a gang member or a drug
trafficker is an armed clash with an unidentified gang (defaults.yaml criminal_violence.armed_victims)."""

from __future__ import annotations

import pytest

from warledger.evaluate.acled_system import system_view


def _row(report) -> tuple[str | None, str | None]:
    view = system_view(report)
    return view.sub_event_type, view.actor2.acled_name if view.actor2 else None


def test_a_victim_charged_with_drug_trafficking_makes_an_armed_clash(extract_text) -> None:
    report = extract_text(
        "On 14 March 2021, in Juiz de Fora, Minas Gerais, a man was shot dead by two armed men "
        "on a motorcycle. The victim had charges against him for drug trafficking."
    )
    assert _row(report) == ("Armed clash", "Unidentified Gang (Brazil)")


def test_a_victim_with_a_record_for_other_crimes_stays_a_civilian(extract_text) -> None:
    report = extract_text(
        "On 14 March 2021, in Juiz de Fora, Minas Gerais, a man was shot dead by two armed men "
        "on a motorcycle. The victim had charges against him for theft."
    )
    assert _row(report) == ("Attack", "Civilians (Brazil)")


@pytest.mark.parametrize(
    "text",
    [
        "On 2 June 2021, in Culiacan, Sinaloa, gunmen shot dead an alleged drug dealer outside a bar.",
        "On 2 June 2021, in Culiacan, Sinaloa, a man was killed by gunmen outside a bar. "
        "He was reportedly involved in a cartel.",
    ],
)
def test_a_drug_dealer_or_cartel_member_shot_by_gunmen_is_an_armed_clash(
    extract_text, text
) -> None:
    assert _row(extract_text(text)) == ("Armed clash", "Unidentified Gang (Mexico)")


def test_gang_members_as_the_attackers_leave_an_attack_on_civilians(extract_text) -> None:
    report = extract_text(
        "On 2 June 2021, in Culiacan, Sinaloa, gang members shot dead a shopkeeper outside his store."
    )
    assert _row(report) == ("Attack", "Civilians (Mexico)")
