"""The document's country when a note names no country: places of the city list and of our own
localities, institutions named after a province or city, and words of one country's
administration (`data/country_cues.yaml`). Sentences written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest

from warledger.extractors.actors.countries import country_votes


def _actor1(report) -> str | None:
    event = next(e for e in report.events if e.main)
    return report.actor(event.agent[0]).acled_name


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Students of the University of Eldoret protested against a rise in fees.", "KEN"),
        ("The Kerala Teachers Federation held a march against the new pension rules.", "IND"),
        ("Supporters of two candidates clashed at the upazila office, injuring five.", "BGD"),
        ("Matatu drivers blocked the highway to protest against police harassment.", "KEN"),
        ("Anganwadi workers held a sit-in demanding higher wages.", "IND"),
    ],
)
def test_institution_or_cue_word_places_the_note(nlp, text, country):
    assert country_votes(nlp(text)).most_common(1)[0][0] == country


@pytest.mark.parametrize(
    "text",
    [
        # Punjab is a province of India and of Pakistan: the name decides nothing
        "Members of the Punjab University Students Union held a protest over fees.",
        # a bare direction is no province ("South" of Cameroon)
        "Youths in Imenti South rioted and burned ballot boxes.",
        # "Central Bank", "Western Union": direction words never vote
        "Traders protested outside the Central Bank over the new levy.",
    ],
)
def test_ambiguous_or_directional_names_set_no_country(nlp, text):
    assert country_votes(nlp(text)) == Counter()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Police clashed with rioters in Kariobangi.", "Kariobangi"),
        ("Residents blocked a road in Mukuru to protest against evictions.", "Mukuru"),
        ("Two men were shot dead by unknown gunmen in Kisauni.", "Kisauni"),
    ],
)
def test_city_districts_of_kenya_are_found_in_kenya(extract_text, text, place):
    report = extract_text(text)
    found = {p.name: p.country for p in report.places}
    assert found[place] == "KEN"


def test_rioters_of_a_nairobi_estate_are_kenyan(extract_text):
    report = extract_text("Youths rioted and burned tyres in Dandora after a man was shot.")
    assert _actor1(report) == "Rioters (Kenya)"
