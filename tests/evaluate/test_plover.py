"""PLOVER scorer: the gold-type mapping and the accuracy arithmetic; a run on the real file when present."""

from __future__ import annotations

import json

from warledger.evaluate.plover import GOLD_TO_OURS, gold_records, score


def test_gold_types_map_onto_our_plover_types():
    from warledger.extractors.events.vocabulary import vocabulary

    ours = {entry.plover for entry in vocabulary().crosswalk.values() if entry.plover}
    assert set(GOLD_TO_OURS.values()) <= ours
    assert GOLD_TO_OURS["DEMAND"] == "REQUEST"
    assert "RETREAT" not in GOLD_TO_OURS


def test_score_counts_first_and_any_event(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(
        json.dumps(
            [
                {"event": "AGREE", "text": "A"},
                {"event": "FIGHT", "text": "B"},
                {"event": "RETREAT", "text": "C"},
                {"event": "PROTEST", "text": "D"},
            ]
        )
    )
    records = gold_records(path)
    assert [r[1] for r in records] == ["AGREE", "ASSAULT", "PROTEST"]
    result = score(records, [["AGREE"], [None, "PROTEST", "ASSAULT"], []]).to_dict()
    assert result["records"] == 3
    assert result["accuracy"] == 0.333
    assert result["recall_any"] == 0.667
    assert result["no_event_rate"] == 0.333


def test_plover_gold_file_has_scorable_records(eval_data):
    from warledger.evaluate.plover import GOLD_FILE

    records = gold_records(eval_data / GOLD_FILE)
    assert len(records) > 250
    assert {gold for _, gold in records} <= set(GOLD_TO_OURS.values())
