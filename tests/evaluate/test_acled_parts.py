"""The ACLED scorer's parts: dates, actor profiles, distances, place names, figures."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.evaluate.acled_actors import ActorProfile, acled_actor_profile, profile_matches
from warledger.evaluate.acled_dates import parse_acled_date
from warledger.evaluate.countries import iso3_for
from warledger.evaluate.figures import ClassScore, Figure, format_table, macro_f1, per_class, share
from warledger.evaluate.geo import distance_km, place_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9-May-20", date(2020, 5, 9)),
        ("27-Apr-20", date(2020, 4, 27)),
        ("31-12-19", date(2019, 12, 31)),
        ("04-01-04", date(2004, 1, 4)),
        ("2020-05-09", date(2020, 5, 9)),
        ("01-January-2015", date(2015, 1, 1)),
        ("23-December-2015", date(2015, 12, 23)),
    ],
)
def test_acled_dates_in_every_export_spelling(text: str, expected: date) -> None:
    assert parse_acled_date(text) == expected


@pytest.mark.parametrize("text", ["", "  ", "soon", "32-13-20", None])
def test_unreadable_acled_dates_are_none(text: str | None) -> None:
    assert parse_acled_date(text) is None


@pytest.mark.parametrize(
    ("name", "row_country", "expected"),
    [
        ("Military Forces of Syria (2000-)", "SYR", ActorProfile("military", "SYR")),
        ("Military Forces of Libya (2014-) Haftar Faction", "LBY", ActorProfile("military", "LBY")),
        ("Military Forces of Turkey (2016-)", "SYR", ActorProfile("military", "TUR")),
        ("Military Forces of the United States of America", "IRQ", ActorProfile("military", "USA")),
        ("Military Forces of The United States of America", "IRQ", ActorProfile("military", "USA")),
        (
            "Government of the Republic of the Union of Myanmar",
            "MMR",
            ActorProfile("government", "MMR"),
        ),
        ("Unidentified Military Forces", "SYR", ActorProfile("military", None)),
        (
            "Police Forces of Kenya (2013-) General Service Unit",
            "KEN",
            ActorProfile("police", "KEN"),
        ),
        ("Police Forces of India", "IND", ActorProfile("police", "IND")),
        ("Government of Kenya (2013-)", "KEN", ActorProfile("government", "KEN")),
        ("Civilians (Libya)", "LBY", ActorProfile("civilians", "LBY")),
        ("Civilians (Syria)", "TUR", ActorProfile("civilians", "SYR")),
        ("Protesters (Bangladesh)", "BGD", ActorProfile("protesters", "BGD")),
        ("Rioters (Kenya)", "KEN", ActorProfile("rioters", "KEN")),
        (
            "Unidentified Armed Group (Syria)",
            "SYR",
            ActorProfile("unidentified_armed_group", "SYR"),
        ),
        ("Pokot Ethnic Militia (Kenya)", "KEN", ActorProfile("militia", "KEN")),
        ("Mungiki Militia", "KEN", ActorProfile("militia", "KEN")),
        ("QSD: Syrian Democratic Forces", "SYR", ActorProfile("armed_group", "SYR")),
        ("Al Shabaab", "KEN", ActorProfile("armed_group", "KEN")),
        ("Islamic State (Syria)", "SYR", ActorProfile("armed_group", "SYR")),
        ("Operation Peace Spring", "SYR", ActorProfile("military", None)),
        ("Global Coalition Against Daesh", "SYR", ActorProfile("military", None)),
        ("Jubilee Coalition", "KEN", ActorProfile("political_party", "KEN")),
        ("Bangladesh Nationalist Party Militia", "BGD", ActorProfile("militia", "BGD")),
    ],
)
def test_acled_actor_strings_map_to_kind_and_country(
    name: str, row_country: str, expected: ActorProfile
) -> None:
    assert acled_actor_profile(name, row_country) == expected


def test_empty_actor_string_has_no_profile() -> None:
    assert acled_actor_profile("  ", "SYR") is None


def test_state_actor_counts_as_military_of_the_same_country_only() -> None:
    gold = ActorProfile("military", "SYR")
    assert profile_matches(gold, "military", "SYR")
    assert profile_matches(gold, "state", "SYR")
    assert profile_matches(gold, "government", "SYR")
    assert not profile_matches(gold, "military", "TUR")
    assert not profile_matches(gold, "civilians", "SYR")
    assert not profile_matches(gold, None, "SYR")


def test_gold_without_country_matches_any_country() -> None:
    assert profile_matches(ActorProfile("military", None), "military", "ISR")
    assert profile_matches(ActorProfile("military", None), "military", None)


def test_country_names_as_acled_writes_them() -> None:
    assert iso3_for("Libya") == "LBY"
    assert iso3_for("Turkey") == "TUR"
    assert iso3_for("Democratic Republic of Congo") == "COD"
    assert iso3_for("Atlantis") is None
    assert iso3_for("") is None


def test_distance_between_tripoli_and_misrata_is_about_187_km() -> None:
    assert distance_km(32.8872, 13.1913, 32.3754, 15.0925) == pytest.approx(187.0, abs=2.0)


def test_distance_of_a_point_to_itself_is_zero() -> None:
    assert distance_km(36.2, 37.1, 36.2, 37.1) == 0.0


def test_quarter_degree_of_latitude_is_within_25_km_but_a_third_is_not() -> None:
    assert distance_km(34.0, 40.0, 34.2, 40.0) < 25.0
    assert distance_km(34.0, 40.0, 34.3, 40.0) > 25.0


def test_place_names_compare_without_article_case_or_accents() -> None:
    assert place_key("Al-Bukamal") == place_key("al Bukamal") == "bukamal"
    assert place_key("Dar'a") == place_key("Dara") == "dara"
    assert place_key("Séléa") == "selea"
    assert place_key("Tripoli") != place_key("Tarhuna")


def test_share_ignores_rows_without_gold() -> None:
    figure = share("x", [True, False, None, True])
    assert figure.n == 3
    assert figure.value == pytest.approx(2 / 3)
    assert share("y", [None, None]).value is None


def test_macro_f1_over_gold_and_predicted_classes() -> None:
    # A: tp 1, fn 1 -> f1 2/3; B: tp 1, fp 1 -> f1 2/3; a None prediction is no class of its own
    gold = ["A", "A", "B"]
    predicted = ["A", "B", "B"]
    assert macro_f1(gold, predicted) == pytest.approx(2 / 3)
    assert macro_f1(["A", "B"], [None, "B"]) == pytest.approx((0.0 + 1.0) / 2)
    assert macro_f1(["A"], ["C"]) == 0.0
    assert macro_f1([], []) is None


def test_table_lists_figure_value_and_n() -> None:
    table = format_table([Figure("accuracy", 0.5, 2), Figure("spurious", None, 0, "lower")], "T")
    lines = table.splitlines()
    assert lines[0] == "T"
    assert lines[1].split() == ["figure", "value", "n"]
    assert lines[3].split() == ["accuracy", "0.500", "2"]
    assert lines[4].split() == ["spurious", "(lower", "is", "better)", "-", "0"]


def test_per_class_scores_count_gold_and_predictions() -> None:
    scores = {s.label: s for s in per_class(["A", "A", "B"], ["A", None, "A"])}
    assert scores["A"] == ClassScore("A", 0.5, 0.5, 0.5, 2, 2)
    assert scores["B"] == ClassScore("B", 0.0, 0.0, 0.0, 1, 0)
    assert [s.label for s in per_class(["B", "A", "A"], ["B", "A", "A"])] == ["A", "B"]
