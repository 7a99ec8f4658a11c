"""WikiEvents scorer: type mapping, trigger/argument matching on a hand-made gold document."""

from __future__ import annotations

from warledger.evaluate.wikievents import PredictedTrigger, WikiScore, ours_for, score_document


def test_kairos_types_map_onto_ours():
    assert "SHELLING" in ours_for("Conflict.Attack.DetonateExplode")
    assert ours_for("Justice.ArrestJailDetain.Unspecified") == {"ARREST", "ABDUCTION"}
    assert ours_for("Contact.Contact.Meet") == {"MEETING"}
    assert ours_for("Contact.Contact.Broadcast") is None
    assert ours_for("Disaster.DiseaseOutbreak.Unspecified") is None


def _gold() -> dict:
    return {
        "entity_mentions": [
            {"id": "T1", "start": 0, "end": 1},
            {"id": "T2", "start": 3, "end": 5},
        ],
        "event_mentions": [
            {
                "id": "E1", "event_type": "Conflict.Attack.Unspecified",
                "trigger": {"start": 1, "end": 2},
                "arguments": [{"entity_id": "T1", "role": "Attacker"}, {"entity_id": "T2", "role": "Target"}],
            },
            {"id": "E2", "event_type": "Contact.Contact.Broadcast", "trigger": {"start": 6, "end": 7}, "arguments": []},
        ],
    }  # fmt: skip


def test_matching_trigger_and_arguments_are_counted():
    result = WikiScore()
    predicted = [PredictedTrigger(1, 2, "ATTACK", {"agent": [0], "patient": [4], "location": []})]
    score_document(_gold(), predicted, result)
    figures = result.to_dict()
    assert figures["trigger_classification"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert figures["arguments"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_wrong_type_is_identified_but_not_classified():
    result = WikiScore()
    score_document(_gold(), [PredictedTrigger(1, 2, "ARREST", {"agent": [0]})], result)
    figures = result.to_dict()
    assert figures["trigger_identification"]["f1"] == 1.0
    assert figures["trigger_classification"]["f1"] == 0.0
    assert figures["arguments"]["recall"] == 0.0


def test_spurious_trigger_lowers_precision():
    result = WikiScore()
    predicted = [PredictedTrigger(1, 2, "CLASH", {}), PredictedTrigger(8, 9, "PROTEST", {})]
    score_document(_gold(), predicted, result)
    assert result.to_dict()["trigger_classification"]["precision"] == 0.5
