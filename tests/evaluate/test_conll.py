"""CoNLL-2003 NER scoring: reading the token format, scoring, and the gain over bare spaCy."""

from __future__ import annotations

from pathlib import Path

from warledger.evaluate.conll import Score, read_conll, score

SAMPLE = """\
-DOCSTART- -X- -X- O

PEACE NNP B-NP O
TALKS NNP I-NP O
IN IN B-PP O
GENEVA NNP B-NP I-LOC
. . O O

John NNP B-NP I-PER
Smith NNP I-NP I-PER
met VBD B-VP O
Acme NNP B-NP I-ORG
Corp NNP I-NP I-ORG
officials NNS I-NP O
in IN B-PP O
Paris NNP B-NP I-LOC
. . O O

-DOCSTART- -X- -X- O

Dutch JJ B-NP I-MISC
troops NNS I-NP O
left VBD B-VP O
. . O O
"""


def test_read_conll_rebuilds_text_and_gold_offsets(tmp_path: Path):
    path = tmp_path / "sample.conll"
    path.write_text(SAMPLE, encoding="utf-8")
    first, second = list(read_conll(path))
    assert first.text == "PEACE TALKS IN GENEVA .\nJohn Smith met Acme Corp officials in Paris .\n"
    assert {first.text[s:e]: label for s, e, label in first.gold} == {
        "GENEVA": "LOC",
        "John Smith": "PER",
        "Acme Corp": "ORG",
        "Paris": "LOC",
    }
    assert second.gold == set()  # MISC is not scored


def test_score_counts_exact_span_and_type_matches():
    result = Score()
    result.add({(0, 4, "PER"), (10, 15, "LOC")}, {(0, 4, "PER"), (10, 15, "ORG"), (20, 22, "LOC")})
    p, r, f = result.summary()["ALL"]
    assert (result.tp, result.fp, result.fn) == (1, 2, 1)
    assert (round(p, 3), round(r, 3), round(f, 3)) == (0.333, 0.5, 0.4)


def test_corrections_beat_bare_spacy_on_conll_testa(nlp, eval_data: Path):
    documents = list(read_conll(eval_data / "gold" / "conll2003" / "eng.testa"))[:40]
    bare = score(nlp, documents, disable=("warledger_kb_entities",)).summary()["ALL"][2]
    ours = score(nlp, documents).summary()["ALL"][2]
    assert ours > bare + 0.03
