"""The bundled knowledge base: validates clean, is large enough, and covers every country."""

from __future__ import annotations

import pycountry

from warledger.kb.load import data_dir, load_kb
from warledger.kb.validate import validate_dir


def test_bundled_kb_validates_clean():
    problems = validate_dir(data_dir())
    assert [str(p) for p in problems] == []


def test_bundled_kb_has_at_least_600_actors():
    assert len(load_kb().actors) >= 600


def test_bundled_kb_has_every_iso_country():
    kb = load_kb()
    assert {c.alpha_3 for c in pycountry.countries} <= set(kb.countries)


def test_bundled_kb_covers_the_required_theatres():
    kb = load_kb()
    countries = {a.country for a in kb.actors.values()}
    required = "LBY SYR IRQ YEM SDN SSD SOM ETH MLI BFA NER NGA COD MOZ AFG MMR RUS UKR ISR PSE LBN ARM AZE"
    training = "KEN BGD IND PAK PHL THA NPL LKA IDN"
    assert set(f"{required} {training}".split()) <= countries


def test_bundled_lookups_of_well_known_actors():
    kb = load_kb()
    assert [a.id for a in kb.lookup("Tahrir al-Sham")] == ["syr.hts"]
    assert [a.id for a in kb.lookup("Nusra Front")] == ["syr.nusra"]
    assert [a.id for a in kb.lookup("Wagner")] == ["rus.wagner"]
    assert kb.actor("lby.lna").acled_name == "Military Forces of Libya (2014-) Haftar Faction"
    assert kb.by_acled_name("QSD: Syrian Democratic Forces").id == "syr.sdf"
    assert {a.id for a in kb.lookup("SNA")} == {"syr.sna", "som.sna"}
    assert kb.ambiguous["SNA"] == ("syr.sna", "som.sna")


def test_bundled_ties_are_time_bounded():
    kb = load_kb()
    haftar = kb.actor("lby.haftar")
    assert any(t.type == "LEADS" and t.target == "lby.lna" for t in haftar.ties)
    wagner = kb.actor("rus.wagner")
    assert any(t.type == "SUPPORTS" and t.target == "lby.lna" for t in wagner.ties_on("2020-05-01"))
    turkey = kb.actor("tur.government")
    assert any(t.target == "lby.gna" for t in turkey.ties_on("2020-05-01"))
    assert not any(t.target == "lby.gna" for t in turkey.ties_on("2022-01-01"))


def test_bundled_metonyms_leave_battlefield_capitals_out():
    kb = load_kb()
    assert "the Kremlin" in kb.country("RUS").metonyms
    assert "Ankara" in kb.country("TUR").metonyms
    assert "Kabul" not in kb.country("AFG").metonyms
    assert "Tripoli" not in kb.country("LBY").metonyms


def test_bundled_acled_names_by_date():
    kb = load_kb()
    assert (
        kb.country("BGD").acled_name("police", "2023-01-01")
        == "Police Forces of Bangladesh (2009-2024)"
    )
    assert (
        kb.country("BGD").acled_name("police", "2024-10-01")
        == "Police Forces of Bangladesh (2024-)"
    )
    assert kb.actor("syr.afid").acled_name_on("2020-05-01", as_of="2020-06-01") == (
        "Military Forces of Syria (2000-) Air Force Intelligence Directorate"
    )


def test_exports_before_2016_name_state_forces_without_regime_years():
    kb = load_kb()
    india, kenya = kb.country("IND"), kb.country("KEN")
    assert (
        india.acled_name("police", "2015-03-01", as_of="2015-12-23", exported="2015-12-23")
        == "Police Forces of India"
    )
    assert (
        kenya.acled_name("military", "2010-05-01", as_of="2015-06-30", exported="2015-06-30")
        == "Military Forces of Kenya"
    )
    assert (
        kenya.acled_name("military", "2010-05-01", as_of="2016-01-01", exported="2016-01-01")
        == "Military Forces of Kenya (2002-2013)"
    )
    # no export date: the periods of the event's day, as today's exports write them
    assert india.acled_name("police", "2015-03-01", as_of="2015-03-01") == (
        "Police Forces of India (2014-)"
    )


def test_a_2015_export_names_the_police_of_an_indian_protest_without_years(
    extract_text, monkeypatch
):
    monkeypatch.setenv("WARLEDGER_ACLED_AS_OF", "2015-12-31")
    report = extract_text(
        "On 3 March 2015, police fired tear gas at protesters in Lucknow, Uttar Pradesh, India."
    )
    assert "Police Forces of India" in {a.acled_name for a in report.actors}
