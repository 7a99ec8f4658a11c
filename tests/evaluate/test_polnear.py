"""The PolNeAR attribution scorer, on a brat file written for these tests."""

from __future__ import annotations

import argparse

from warledger.evaluate.polnear import (
    PolnearScore,
    add_arguments,
    offset_map,
    overlap_matches,
    read_ann,
    read_split,
    run,
    score_folders,
)

# Two spaces after the first full stop: the normalised text has one, so gold offsets shift by one.
TEXT = "Rebels took the town.  Residents said the market was hit, a doctor added.\n"
ANN = (
    "T1\tSource 23 32\tResidents\n"
    "T2\tCue 33 37\tsaid\n"
    "T3\tContent 38 56\tthe market was hit\n"
    "T4\tAttribution 33 37\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 58 66\ta doctor\n"
    "T6\tCue 67 72\tadded\n"
    "T7\tContent 0 21;38 56\tRebels took the town the market was hit\n"
    "E2\tCue:T6 Source:T5 Content:T7\n"
)


def write_split(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "article.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "article_ab12.ann").write_text(ANN, encoding="utf-8")
    return tmp_path


def test_offset_map_follows_collapsed_spaces():
    mapping = offset_map("a  b\n", "a b")
    assert mapping[0] == 0
    assert mapping[3] == 2  # "b"
    assert mapping[5] == 3


def test_offset_map_follows_a_composed_character():
    # "A" + COMBINING TILDE is one character after NFC: offsets after it stay aligned.
    mapping = offset_map("A\u0303 said  no", "\u00c3 said no")
    assert mapping[0] == 0
    assert mapping[1] == 0
    assert mapping[3] == 2  # "said"
    assert mapping[10] == 8  # "no"


def test_read_ann_maps_gold_onto_the_normalised_text(tmp_path):
    article = next(read_split(write_split(tmp_path)))
    text = article.document.text
    sources = sorted(article.gold["source"])
    assert [text[s[0][0] : s[0][1]] for s in sources] == ["Residents", "a doctor"]
    (content,) = [c for c in article.gold["content"] if len(c) == 2]
    assert [text[a:b] for a, b in content] == ["Rebels took the town.", "the market was hit"]


def test_read_ann_counts_a_shared_span_once(tmp_path):
    path = tmp_path / "x.ann"
    path.write_text(ANN + "E3\tCue:T2 Source:T1 Content:T3\n", encoding="utf-8")
    gold = read_ann(path, list(range(200)))
    assert len(gold["source"]) == 2


def test_overlap_matches_are_one_to_one():
    gold = {((0, 10),), ((20, 30),)}
    assert overlap_matches(gold, {((5, 25),)}) == 1
    assert overlap_matches(gold, {((5, 8),), ((9, 12),)}) == 1
    assert overlap_matches(gold, {((10, 20),)}) == 0


def test_score_counts_exact_and_overlap():
    score = PolnearScore()
    gold = {"source": {((0, 9),)}, "cue": {((10, 14),)}, "content": {((15, 30),)}}
    predicted = {"source": {((0, 9),)}, "cue": {((10, 15),)}, "content": set()}
    score.add(gold, predicted)
    table = score.as_dict()
    assert table["source"]["exact"] == {"p": 1.0, "r": 1.0, "f1": 1.0}
    assert table["cue"]["exact"]["f1"] == 0.0
    assert table["cue"]["overlap"]["f1"] == 1.0
    assert table["content"]["overlap"] == {"p": 0.0, "r": 0.0, "f1": 0.0}


def test_system_finds_the_statements_of_our_article(tmp_path, nlp):
    score = score_folders([write_split(tmp_path)]).as_dict()
    assert score["articles"] == 1
    assert score["source"]["overlap"]["r"] == 1.0
    assert score["cue"]["exact"]["r"] == 1.0


def test_run_refuses_a_missing_folder(tmp_path, capsys):
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert run(parser.parse_args([str(tmp_path / "none")])) == 2
    assert "no PolNeAR split" in capsys.readouterr().err


def test_dev_split_scores(eval_data, nlp, capsys):
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert run(parser.parse_args([str(eval_data / "gold" / "polnear"), "--limit", "2"])) == 0
    out = capsys.readouterr().out
    assert "PolNeAR dev: 2 articles" in out
    assert "source" in out and "overlap" in out
