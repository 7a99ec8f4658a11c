"""Each validator check, on a tiny bad KB written to tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from warledger.kb.validate import errors, validate_dir

GOOD_COUNTRIES = """
- iso3: SYR
  name: Syria
  wikidata: Q858
  acled:
    regimes:
      - {label: "2000-2024", start: 2000-07-17, end: 2024-12-08}
"""
GOOD_ACTORS = """
- id: syr.hts
  name: Hayat Tahrir al-Sham
  kind: armed_group
  country: SYR
  aliases: [HTS]
  ties:
    - {type: OPPOSES, target: syr.saa, start: 2017, end: 2024-12-08}
    - {type: OPPOSES, target: SYR, start: 2017}
- id: syr.saa
  name: Syrian Arab Army
  kind: military
  country: SYR
  acled_unit: {force: military}
"""


def write(
    root: Path, actors: str, countries: str = GOOD_COUNTRIES, ambiguous: str | None = None
) -> Path:
    (root / "actors").mkdir(exist_ok=True)
    (root / "countries.yaml").write_text(countries, encoding="utf-8")
    (root / "actors" / "test.yaml").write_text(actors, encoding="utf-8")
    if ambiguous is not None:
        (root / "ambiguous.yaml").write_text(ambiguous, encoding="utf-8")
    return root


def messages(root: Path) -> list[str]:
    return [str(p) for p in errors(validate_dir(root))]


def test_good_kb_has_no_problems(tmp_path):
    assert validate_dir(write(tmp_path, GOOD_ACTORS)) == []


def test_yaml_syntax_error(tmp_path):
    found = messages(write(tmp_path, "- id: [unclosed\n"))
    assert len(found) == 1 and "not valid YAML" in found[0]


def test_top_level_must_be_a_list(tmp_path):
    assert messages(write(tmp_path, "id: syr.x\n")) == [
        "error: actors/test.yaml: expected a list of records at the top level"
    ]


def test_missing_required_field(tmp_path):
    found = messages(write(tmp_path, "- {id: syr.x, name: X}\n"))
    assert found == ["error: actors/test.yaml: syr.x: missing required field 'kind'"]


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ("{id: syr.x, name: X, kind: rebels}", "kind 'rebels' is not an ONTOLOGY.md actor kind"),
        (
            "{id: syr.x, name: X, kind: militia, country: SYRIA}",
            "country 'SYRIA' is not an ISO 3166",
        ),
        ("{id: syr.x, name: X, kind: militia, country: XYZ}", "country 'XYZ' is not an ISO 3166"),
        ("{id: syr.x, name: X, kind: militia, wikidata: 858}", "wikidata 858 is not a Q-id"),
        ("{id: syr.x, name: X, kind: militia, wikidata: Q0858}", "wikidata 'Q0858' is not a Q-id"),
        ("{id: Syria-X, name: X, kind: militia}", "id must look like 'syr.hts'"),
        ("{id: syr.x, name: X, kind: militia, alias: [Y]}", "unknown field 'alias'"),
        ("{id: syr.x, name: X, kind: militia, aliases: Y}", "aliases must be a list"),
    ],
)
def test_field_checks(tmp_path, record, expected):
    found = messages(write(tmp_path, f"- {record}\n"))
    assert len(found) == 1 and expected in found[0], found


def test_duplicate_ids(tmp_path):
    actors = "- {id: syr.x, name: X, kind: militia}\n- {id: syr.x, name: Y, kind: militia}\n"
    assert messages(write(tmp_path, actors)) == [
        "error: actors/test.yaml: syr.x: duplicate id (also in actors/test.yaml)"
    ]


def test_shared_alias_must_be_declared(tmp_path):
    actors = (
        "- {id: syr.sna, name: Syrian National Army, kind: armed_group, aliases: [SNA]}\n"
        "- {id: som.sna, name: Somali National Army, kind: military, aliases: [SNA]}\n"
    )
    found = messages(write(tmp_path, actors))
    assert found == [
        "error: actors/test.yaml: som.sna, syr.sna: alias 'SNA' is shared and not declared in ambiguous.yaml"
    ]
    declared = "- {alias: SNA, candidates: [syr.sna, som.sna]}\n"
    assert messages(write(tmp_path, actors, ambiguous=declared)) == []


def test_ambiguous_candidates_must_exist(tmp_path):
    declared = "- {alias: HTS, candidates: [syr.hts, syr.ghost]}\n"
    found = messages(write(tmp_path, GOOD_ACTORS, ambiguous=declared))
    assert found == ["error: ambiguous.yaml: HTS: candidate 'syr.ghost' is not a KB actor id"]


def test_dangling_tie_target(tmp_path):
    actors = "- {id: syr.x, name: X, kind: militia, ties: [{type: SUPPORTS, target: syr.nobody}]}\n"
    found = messages(write(tmp_path, actors))
    assert found == [
        "error: actors/test.yaml: syr.x: tie target 'syr.nobody' is neither a KB actor id nor a country"
    ]


def test_bad_tie_type_and_mode(tmp_path):
    actors = (
        "- {id: syr.x, name: X, kind: militia, ties: [{type: FUNDS, target: SYR, mode: moral}]}\n"
    )
    found = messages(write(tmp_path, actors))
    assert len(found) == 2
    assert "tie type 'FUNDS' is not one of" in found[0]
    assert "tie mode 'moral' is not one of" in found[1]


def test_tie_start_after_end(tmp_path):
    actors = "- {id: syr.x, name: X, kind: militia, ties: [{type: OPPOSES, target: SYR, start: 2020-05, end: 2019}]}\n"
    found = messages(write(tmp_path, actors))
    assert found == [
        "error: actors/test.yaml: syr.x: tie OPPOSES SYR: start 2020-05 is after end 2019"
    ]


def test_malformed_dates(tmp_path):
    actors = "- {id: syr.x, name: X, kind: militia, ties: [{type: OPPOSES, target: SYR, start: 2020-13}]}\n"
    found = messages(write(tmp_path, actors))
    assert len(found) == 1 and "start '2020-13' is not YYYY" in found[0]


def test_inverted_regime_and_acled_name_periods(tmp_path):
    countries = (
        "- {iso3: SYR, name: Syria, acled: {regimes: [{label: 2000-, start: 2024, end: 2000}]}}\n"
    )
    actors = (
        "- {id: syr.x, name: X, kind: militia, acled_names: [{name: N, start: 2021, end: 2020}]}\n"
    )
    found = messages(write(tmp_path, actors, countries=countries))
    assert len(found) == 2
    assert "regime 2000-: start 2024 is after end 2000" in found[0]
    assert "acled_names 'N': start 2021 is after end 2020" in found[1]


def test_bad_country_code_and_duplicate_country(tmp_path):
    countries = (
        "- {iso3: SYX, name: Syria}\n- {iso3: SYR, name: Syria}\n- {iso3: SYR, name: Syria}\n"
    )
    found = messages(write(tmp_path, GOOD_ACTORS, countries=countries))
    assert found == [
        "error: countries.yaml: SYX: 'SYX' is not an ISO 3166 alpha-3 code",
        "error: countries.yaml: SYR: duplicate country",
    ]


def test_acled_unit_needs_a_known_force(tmp_path):
    actors = "- {id: syr.x, name: X, kind: police, country: SYR, acled_unit: {force: navy}}\n"
    found = messages(write(tmp_path, actors))
    assert len(found) == 1 and "acled_unit.force must be one of" in found[0]


def test_actor_alias_equal_to_a_country_name_is_a_warning(tmp_path):
    actors = "- {id: syr.x, name: Zaire, kind: militia}\n"
    countries = "- {iso3: COD, name: Democratic Republic of Congo, aliases: [Zaire]}\n"
    problems = validate_dir(write(tmp_path, actors, countries=countries))
    assert errors(problems) == []
    assert [str(p) for p in problems] == [
        "warning: actors/test.yaml: syr.x: alias 'zaire' is also a name of the country COD"
    ]


def test_acled_name_given_to_two_actors_is_a_warning(tmp_path):
    actors = (
        '- {id: syr.x, name: X, kind: militia, acled_name: "Militia X"}\n'
        '- {id: syr.y, name: Y, kind: militia, acled_names: [{name: "Militia X", start: 2020}]}\n'
    )
    problems = validate_dir(write(tmp_path, actors))
    assert errors(problems) == []
    assert [str(p) for p in problems] == [
        "warning: actors/test.yaml: syr.x, syr.y: ACLED name 'Militia X' is given to several actors"
    ]


def test_theatre_rules_must_name_kb_actors_and_countries(tmp_path):
    root = write(tmp_path, GOOD_ACTORS)
    (root / "theatres.yaml").write_text(
        "- {actor: syr.hts, coded_as: syr.nobody, countries: [SYR, XXX]}\n", encoding="utf-8"
    )
    assert sorted(p.message for p in errors(validate_dir(root))) == [
        "'XXX' is not an ISO3 country code",
        "'syr.nobody' is not a KB actor id",
    ]


def test_a_malformed_theatre_rule_is_reported(tmp_path):
    root = write(tmp_path, GOOD_ACTORS)
    (root / "theatres.yaml").write_text("- {actor: syr.hts}\n", encoding="utf-8")
    assert [p.message for p in errors(validate_dir(root))] == [
        "theatres.yaml: syr.hts: give either branches or coded_as"
    ]


def test_group_records_must_name_countries(tmp_path):
    root = write(tmp_path, GOOD_ACTORS)
    (root / "groups.yaml").write_text(
        "- {country: SYR, kind: tribal, names: [Shaitat, Shaitat], also: [XXX]}\n",
        encoding="utf-8",
    )
    assert sorted(p.message for p in errors(validate_dir(root))) == [
        "'XXX' is not an ISO3 country code",
        "'XXX' is not an ISO3 country code",
        "listed twice for SYR",
    ]


def test_by_country_must_name_countries_and_candidates(tmp_path):
    declared = (
        "- alias: HTS\n  candidates: [syr.hts, syr.saa]\n"
        "  by_country: {SYR: syr.hts, XXX: syr.saa, IRQ: syr.nobody}\n"
    )
    root = write(tmp_path, GOOD_ACTORS, ambiguous=declared)
    assert sorted(p.message for p in errors(validate_dir(root))) == [
        "'XXX' is not an ISO3 country code",
        "'syr.nobody' is not one of its candidates",
    ]
