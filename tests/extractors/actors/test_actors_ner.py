"""The `warledger_kb_entities` component: spaCy's entities corrected with the KB and gazetteer."""

from __future__ import annotations


def ents(nlp, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_component_runs_after_ner(nlp):
    names = nlp.pipe_names
    assert names.index("warledger_kb_entities") == names.index("ner") + 1


def test_kb_alias_is_labelled_as_organisation(nlp):
    assert ("LNA forces", "ORG") in ents(nlp, "LNA forces shelled the airport.")


def test_lone_surname_after_full_name_is_a_person(nlp):
    found = ents(nlp, "Khalifa Haftar spoke on Monday. Haftar said the offensive would go on.")
    assert found == [("Khalifa Haftar", "PERSON"), ("Monday", "DATE"), ("Haftar", "PERSON")]


def test_social_network_and_menu_words_are_dropped(nlp):
    found = ents(nlp, "Home\n\nThe ministry said on Twitter that talks would resume.")
    assert all(text not in {"Home", "Twitter"} for text, _ in found)


def test_leading_the_is_trimmed_from_places(nlp):
    assert ("United States", "GPE") in ents(nlp, "Officials from the United States arrived.")


def test_upper_case_capital_in_a_dateline_is_a_place(nlp):
    assert ("BELGRADE", "GPE") in ents(nlp, "BELGRADE 1996-08-30\nThe talks ended.")


def test_ordinary_word_that_is_also_a_city_is_not_a_place(nlp):
    assert ents(nlp, "Reading the report took an hour.") == [("an hour", "TIME")]


def test_weapon_abbreviations_are_not_organisations(nlp):
    found = ents(nlp, "Rebels destroyed an army tank near Idlib using an ATGM and two RPGs.")
    assert all(text not in {"ATGM", "RPGs"} for text, _ in found)


def test_aliases_match_with_a_typographic_apostrophe(nlp):
    assert ("Assad\u2019s forces", "ORG") in ents(
        nlp, "Rebels fought Assad\u2019s forces near Idlib."
    )


def test_a_name_may_open_with_a_lower_case_particle_and_lose_its_qualifier(nlp):
    found = ents(nlp, "Suspected al Shabaab fighters ambushed a convoy near Lamu.")
    assert ("al Shabaab", "ORG") in found
    assert all(not text.startswith("Suspected") for text, _ in found)


def test_a_surname_that_is_also_a_town_stays_a_person_unless_placed(nlp):
    assert ("Clinton", "PERSON") in ents(nlp, "Clinton said the talks would resume on Monday.")
    assert ("Clinton", "GPE") in ents(nlp, "Two people were shot in Clinton on Monday.")
