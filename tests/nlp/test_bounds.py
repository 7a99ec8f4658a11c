"""Parsing stays linear on pathological text, and normal text is tokenized as before (issue 17)."""

from __future__ import annotations

import time

from warledger.nlp.bounds import MAX_SENTENCE_TOKENS


def test_tokenizer_keeps_the_text_of_a_long_run_of_one_symbol(nlp):
    text = "Rebels attacked. " + "!" * 20_000 + " Then they left."
    started = time.monotonic()
    doc = nlp.tokenizer(text)
    assert time.monotonic() - started < 5  # was 43 s
    assert doc.text == text
    assert [t.text for t in doc[:3]] == ["Rebels", "attacked", "."]
    assert [t.text for t in doc[-4:]] == ["Then", "they", "left", "."]


def test_tokenizer_is_unchanged_on_normal_text(nlp):
    text = "Gunmen didn't attack the U.S. base at https://example.org/a/b?c=1, officials said."
    assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in nlp.tokenizer.inner(text)]


def test_tokenizer_cuts_a_long_run_in_pieces_without_losing_a_character(nlp):
    text = "a" + "!?" * 300 + " b"
    doc = nlp.tokenizer(text)
    assert doc.text == text
    assert len(doc) > 2


def test_sentence_with_no_final_punctuation_is_cut_after_the_bound(nlp):
    doc = nlp("Rebels attacked the town. " + "killed and " * 600)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    assert doc.text.startswith("Rebels attacked the town. killed and")


def test_long_paragraph_of_punctuated_sentences_is_not_cut(nlp):
    text = " ".join(["Gunmen attacked a checkpoint near Gao, killing two soldiers."] * 40)
    doc = nlp(text)
    assert [len(s) for s in doc.sents] == [11] * 40
