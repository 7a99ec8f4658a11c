"""The operation or coalition a force acts under is the actor ACLED codes."""

from __future__ import annotations

from warledger.extractors.events.roles import umbrellas


def _umbrellas(nlp, text: str, head: str) -> list[str]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == head)
    return [t.text for t in umbrellas(token)]


def test_under_names_the_umbrella(nlp):
    text = "Government troops under Operation Lightning shelled the village."
    assert _umbrellas(nlp, text, "troops") == ["Lightning"]


def test_participle_operating_under_names_the_umbrella(nlp):
    text = "Army units and allied militias, operating under Operation Lightning, shelled the town."
    assert _umbrellas(nlp, text, "units") == ["Lightning"]


def test_relative_clause_operating_under_names_the_umbrella(nlp):
    text = "The brigade, which operates under the Northern Command, attacked the convoy."
    assert _umbrellas(nlp, text, "brigade") == ["Command"]


def test_force_without_umbrella_has_none(nlp):
    text = "Government troops shelled the village under cover of darkness."
    assert _umbrellas(nlp, text, "troops") == []


def test_umbrella_operation_is_the_first_agent(extract_text):
    report = extract_text(
        "On 4 May 2020, Turkish forces and allied factions, operating under Operation Peace "
        "Spring, shelled the village of Tal Tamr."
    )
    event = next(e for e in report.events if e.type == "SHELLING")
    assert report.actor(event.agent[0]).acled_name == "Operation Peace Spring"
    assert len(event.agent) == 2


def test_under_a_common_noun_leaves_the_agents(extract_text):
    report = extract_text("On 4 May 2020, Turkish forces under heavy fire shelled Tal Tamr.")
    event = next(e for e in report.events if e.type == "SHELLING")
    assert report.actor(event.agent[0]).country == "TUR"
