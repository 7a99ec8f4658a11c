"""The main event: the one an ACLED-style coder makes the document's row (events/salience.py)."""

from __future__ import annotations

from warledger.extractors.events.salience import main_event, mark_main
from warledger.report import Event, Span

TYPES = {
    "Armed clash": "Battles",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Arrests": "Strategic developments",
}


def event(name: str, sub: str | None, *sentences: int, negated: bool = False) -> Event:
    acled = {"event_type": TYPES[sub], "sub_event_type": sub} if sub else None
    spans = [Span(s, s + 5, "x" * 5) for s in sentences]
    return Event(id=name, type="OTHER", evidence=spans, acled=acled, negated=negated)


TEXT = "x" * 400


def test_the_first_event_is_main_when_nothing_outranks_it() -> None:
    arrest = event("e1", "Arrests", 0)
    clash = event("e2", "Armed clash", 50)
    assert main_event([arrest, clash], TEXT) is arrest


def test_an_armed_clash_outranks_an_attack_told_before_it() -> None:
    operation = event("e1", "Attack", 0)
    shootout = event("e2", "Armed clash", 60)
    assert main_event([operation, shootout], TEXT) is shootout
    assert main_event([shootout, operation], TEXT) is shootout


def test_ranks_chain_from_abduction_to_attack_to_clash() -> None:
    kidnap = event("e1", "Abduction/forced disappearance", 0)
    killing = event("e2", "Attack", 40)
    assert main_event([kidnap, killing], TEXT) is killing
    clash = event("e3", "Armed clash", 80)
    assert main_event([kidnap, killing, clash], TEXT) is clash


def test_a_movement_yields_to_violence_in_its_own_sentence_only() -> None:
    arrival = event("e1", "Change to group/activity", 0)
    same_sentence = event("e2", "Attack", 0)
    assert main_event([arrival, same_sentence], TEXT) is same_sentence
    later_sentence = event("e3", "Attack", 90)
    assert main_event([arrival, later_sentence], TEXT) is arrival


def test_an_event_of_another_paragraph_does_not_outrank() -> None:
    text = "x" * 100 + "\n\n" + "x" * 100
    attack = event("e1", "Attack", 0)
    clash = event("e2", "Armed clash", 110)
    assert main_event([attack, clash], text) is attack


def test_negated_and_unmapped_events_are_never_main() -> None:
    denied = event("e1", "Armed clash", 50, negated=True)
    unmapped = event("e2", None, 0)
    attack = event("e3", "Attack", 20)
    events = [denied, unmapped, attack]
    mark_main(events, TEXT)
    assert [e.main for e in events] == [False, False, True]
    only = [event("e4", None, 0)]
    mark_main(only, TEXT)
    assert only[0].main is False


def test_extracted_police_operation_with_a_shootout_is_an_armed_clash(extract_text) -> None:
    report = extract_text(
        "On 12 June 2021, in Belford Roxo, police officers raided a house in the Lote XV "
        "community. Gang members opened fire on the officers and a shoot-out followed."
    )
    assert report.events[0].acled == {
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
    }
    main = [e for e in report.events if e.main]
    assert len(main) == 1
    assert main[0].acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}
    assert report.to_dict()["events"][report.events.index(main[0])]["main"] is True


def test_extracted_gunmen_who_arrived_and_shot_a_trader_are_an_attack(extract_text) -> None:
    report = extract_text(
        "On 3 July 2021, in Celaya, Guanajuato, armed men who arrived on two motorcycles "
        "shot a shopkeeper in front of his store. The victim died. 1 fatality."
    )
    assert report.events[0].type == "DEPLOY"
    main = [e for e in report.events if e.main]
    assert len(main) == 1
    assert main[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_extracted_kidnapping_whose_victim_is_found_shot_is_an_attack(extract_text) -> None:
    report = extract_text(
        "On 12 June 2021, near Gulu, gunmen kidnapped a farmer from his home. His body was "
        "found the next day with gunshot wounds."
    )
    main = [e for e in report.events if e.main]
    assert [e.type for e in report.events][0] == "ABDUCTION"
    assert len(main) == 1 and main[0].type == "ATTACK"
