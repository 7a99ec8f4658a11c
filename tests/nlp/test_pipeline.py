from warledger.nlp.pipeline import looks_hard_wrapped


def sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


def test_headline_without_full_stop_is_its_own_sentence(nlp):
    text = "Rebels seize town in Darfur\n\nRebels seized the town of Kutum on Sunday."
    assert sentences(nlp, text)[0] == "Rebels seize town in Darfur"


def test_single_line_break_starts_a_sentence_in_unwrapped_text(nlp):
    text = "Breadcrumb\nNews\nFighters clashed near the border on Monday."
    assert sentences(nlp, text) == [
        "Breadcrumb",
        "News",
        "Fighters clashed near the border on Monday.",
    ]


def test_hard_wrapped_lines_do_not_split_sentences(nlp):
    line = "The commander of the brigade said that his forces had"
    text = "\n".join(
        [
            line,
            "repelled an attack by unidentified gunmen on the northern",
            "outskirts of the town and that two of his men had been",
            "wounded in the exchange of fire, which lasted for about",
            "three hours before the attackers withdrew towards the",
            "hills to the east of the main road leading to the capital.",
        ]
    )
    assert looks_hard_wrapped(text)
    assert len(sentences(nlp, text)) == 1


def test_short_text_is_not_judged_hard_wrapped():
    assert not looks_hard_wrapped("One line\nTwo lines")
