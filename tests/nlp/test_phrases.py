from spacy.matcher import PhraseMatcher

from warledger.nlp.phrases import build_table, load_cached, store_cached, words_of

GROUPS = [
    ("PLACE", ["Ras al Ain", "Ras", "Aleppo", "New York", "New York City", "Bar"]),
    ("SMALL", ["BAR", "Ras al", "Kutum", "York"]),
    ("OTHER", ["bar", "new york"]),
]
TEXT = "In Ras al Ain and new York City, bar BAR Bar; Kutum of aleppo. Ras"


def matcher_matches(nlp, attr, doc):
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for label, names in GROUPS:
        matcher.add(label, list(nlp.tokenizer.pipe(names)))
    return [(nlp.vocab.strings[i], s, e) for i, s, e in matcher(doc)]


def test_table_finds_what_a_phrase_matcher_finds_in_the_same_order(nlp):
    doc = nlp.make_doc(TEXT)
    for attr in ("LOWER", "ORTH"):
        table = build_table(nlp, attr, GROUPS)
        assert table.matches(words_of(doc, attr)) == matcher_matches(nlp, attr, doc)


def test_table_matches_overlapping_names_and_a_name_at_the_end(nlp):
    table = build_table(nlp, "LOWER", GROUPS)
    found = table.matches(words_of(nlp.make_doc("near Ras al Ain ras"), "LOWER"))
    assert ("PLACE", 1, 2) in found and ("SMALL", 1, 3) in found and ("PLACE", 1, 4) in found
    assert ("PLACE", 4, 5) in found


def test_a_cached_table_loads_back_equal(nlp, tmp_path):
    table = build_table(nlp, "LOWER", GROUPS)
    store_cached(tmp_path, "names", "k1", table)
    assert load_cached(tmp_path, "names", "k1") == table
    assert load_cached(tmp_path, "names", "k2") is None
