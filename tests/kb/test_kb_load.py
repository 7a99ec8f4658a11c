"""The loader and the lookup API, on a small KB written to tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from warledger.errors import ConfigError
from warledger.kb.load import load_kb, load_kb_from
from warledger.kb.model import AcledName, Tie, alias_key, pick_acled_name

COUNTRIES = """
- iso3: KEN
  name: Kenya
  aliases: [Republic of Kenya]
  demonyms: [Kenyan, Kenyans]
  capital: Nairobi
  acled:
    regimes:
      - {label: "2002-2013", start: 2002-12-30, end: 2013-04-08}
      - {label: "2013-2022", start: 2013-04-09, end: 2022-09-12}
      - {label: "2022-", start: 2022-09-13}
- iso3: LBY
  name: Libya
  acled:
    military:
      - {name: "Military Forces of Libya (2016-) Government of National Accord", start: 2016-03-30, end: 2021-03-15}
      - {name: "Military Forces of Libya (2021-) Government of National Unity", start: 2021-03-15}
- iso3: USA
  name: United States
  aliases: [US, United States of America]
  acled:
    country: the United States
    regimes:
      - {label: "2017-2021", start: 2017-01-20, end: 2021-01-19}
    legacy_names: ["Military Forces of the United States of America"]
"""

ACTORS = """
- id: ken.gsu
  name: General Service Unit
  kind: police
  country: KEN
  aliases: [GSU]
  acled_unit: {force: police, unit: General Service Unit, since: 2005}
- id: ken.kdf
  name: Kenya Defence Forces
  kind: military
  country: KEN
  aliases: [KDF, Kenyan army]
  acled_unit: {force: military}
- id: ken.odm
  name: Orange Democratic Movement
  kind: political_party
  country: KEN
  aliases: [ODM]
  acled_name: "ODM: Orange Democratic Movement"
- id: ken.odinga
  name: Raila Odinga
  kind: person
  country: KEN
  ties:
    - {type: LEADS, target: ken.odm, start: 2005, mode: political}
    - {type: OPPOSES, target: KEN, start: 2017-08, end: 2018-03}
"""


@pytest.fixture
def kb(tmp_path: Path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "countries.yaml").write_text(COUNTRIES, encoding="utf-8")
    (tmp_path / "actors" / "kenya.yaml").write_text(ACTORS, encoding="utf-8")
    return load_kb_from(tmp_path)


def test_lookup_by_name_alias_and_abbreviation(kb):
    assert [a.id for a in kb.lookup("Kenya Defence Forces")] == ["ken.kdf"]
    assert [a.id for a in kb.lookup("the Kenyan Army")] == ["ken.kdf"]
    assert [a.id for a in kb.lookup("KDF")] == ["ken.kdf"]
    assert [a.id for a in kb.lookup("GSU")] == ["ken.gsu"]


def test_abbreviations_match_only_in_capitals(kb):
    assert kb.lookup("gsu") == []
    assert kb.lookup("Gsu") == []


def test_lookup_of_unknown_name_is_empty(kb):
    assert kb.lookup("Kenya Police") == []
    assert kb.actor("ken.nobody") is None


def test_alias_key_folds_case_hyphens_and_leading_article():
    assert alias_key("The Hayat Tahrir al-Sham") == "hayat tahrir al sham"
    assert alias_key("HTS") == "HTS"
    assert alias_key("Kenya\u2019s  army") == "kenya's army"


def test_actor_record_fields(kb):
    odinga = kb.actor("ken.odinga")
    assert odinga.kind == "person"
    assert odinga.source_file == "kenya.yaml"
    assert odinga.ties[0] == Tie("LEADS", "ken.odm", "2005", None, "political")


def test_ties_on_a_date(kb):
    odinga = kb.actor("ken.odinga")
    assert [t.type for t in odinga.ties_on("2018-01-15")] == ["LEADS", "OPPOSES"]
    assert [t.type for t in odinga.ties_on("2019-01-01")] == ["LEADS"]
    assert odinga.ties_on("2004-12-31") == ()


def test_country_force_names_follow_regimes(kb):
    kenya = kb.country("KEN")
    assert kenya.acled_military == "Military Forces of Kenya (2022-)"
    assert kenya.acled_name("police", "2015-06-01") == "Police Forces of Kenya (2013-2022)"
    assert kenya.acled_name("government", "2010-01-01") == "Government of Kenya (2002-2013)"
    assert kenya.acled_name("military", "2022-09-13") == "Military Forces of Kenya (2022-)"


def test_country_force_name_as_an_export_of_the_time_would_write_it(kb):
    kenya = kb.country("KEN")
    assert (
        kenya.acled_name("police", "2015-06-01", as_of="2019-01-01")
        == "Police Forces of Kenya (2013-)"
    )
    assert (
        kenya.acled_name("police", "2015-06-01", as_of="2023-01-01")
        == "Police Forces of Kenya (2013-2022)"
    )


def test_explicit_time_bounded_names_pick_by_date(kb):
    libya = kb.country("LBY")
    assert libya.acled_name("military", "2020-05-01") == (
        "Military Forces of Libya (2016-) Government of National Accord"
    )
    assert (
        libya.acled_name("military")
        == "Military Forces of Libya (2021-) Government of National Unity"
    )
    assert libya.acled_name("police") is None


def test_acled_country_spelling_inside_force_names(kb):
    usa = kb.country("USA")
    assert usa.acled_military == "Military Forces of the United States (2017-2021)"


def test_unit_names_follow_the_regimes_from_since(kb):
    gsu = kb.actor("ken.gsu")
    assert [n.name for n in gsu.acled_names] == [
        "Police Forces of Kenya (2002-2013) General Service Unit",
        "Police Forces of Kenya (2013-2022) General Service Unit",
        "Police Forces of Kenya (2022-) General Service Unit",
    ]
    assert gsu.acled_name == "Police Forces of Kenya (2022-) General Service Unit"
    assert (
        gsu.acled_name_on("2016-02-01") == "Police Forces of Kenya (2013-2022) General Service Unit"
    )


def test_acled_name_lookup_includes_open_labels_and_legacy_names(kb):
    assert kb.by_acled_name("Military Forces of Kenya (2013-)").id == "ken.kdf"
    assert kb.by_acled_name("Police Forces of Kenya (2013-) General Service Unit").id == "ken.gsu"
    assert kb.by_acled_name("Former ODM: Orange Democratic Movement").id == "ken.odm"
    assert kb.by_acled_name("ODM: Orange Democratic Movement (Kenya)") is None
    assert "Military Forces of the United States of America" in kb.acled_names()


def test_country_named_by_alias(kb):
    assert kb.country_named("Republic of Kenya").iso3 == "KEN"
    assert kb.country_named("the United States").iso3 == "USA"
    assert kb.country_named("Atlantis") is None


def test_pick_acled_name_before_first_and_without_date():
    names = (AcledName("A (2000-2010)", "2000", "2010"), AcledName("B (2010-)", "2011"))
    assert pick_acled_name(names, "1990-01-01") == "A (2000-2010)"
    assert pick_acled_name(names, "2005-06-01") == "A (2000-2010)"
    assert pick_acled_name(names) == "B (2010-)"
    assert pick_acled_name((), "2005-06-01") is None


def test_record_without_required_field_is_a_config_error(tmp_path: Path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "bad.yaml").write_text("- {id: xxx.a, name: A}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.yaml"):
        load_kb_from(tmp_path)


def test_non_list_file_is_a_config_error(tmp_path: Path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "bad.yaml").write_text("id: xxx.a\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="list of records"):
        load_kb_from(tmp_path)


def test_acled_abbreviations_become_aliases_unless_taken():
    kb = load_kb()
    assert [a.id for a in kb.lookup("JWS")] == ["syr.sna"]  # "JWS: Syrian National Army"
    assert [a.id for a in kb.lookup("JaS")] == ["syr.levant_front"]
    assert [a.id for a in kb.lookup("IS")] == ["int.islamic_state"]  # not the Syrian branch


def test_an_undated_event_is_named_as_of_the_export():
    names = (AcledName("A (2000-2010)", "2000", "2010"), AcledName("B (2010-)", "2010", None))
    assert pick_acled_name(names, None, as_of="2008-12-31") == "A (2000-)"  # running then
    assert pick_acled_name(names, None, as_of="2012-01-01") == "B (2010-)"
