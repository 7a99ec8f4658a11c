"""Time resolution at the edges of the calendar: years 0001 and 9999, and absurd counts.

Found by mutation (issue 17): these raised OverflowError or ValueError and lost the document.
"""

from __future__ import annotations


def _whens(report):
    return [event.when for event in report.events]


def test_when_three_days_before_year_one_is_not_a_date(extract_text):
    report = extract_text("Rebels attacked the town three days ago.", published="0001-01-01")
    assert [e.type for e in report.events] == ["ATTACK"]
    assert _whens(report) == [None]


def test_when_three_days_ago_near_year_9999_still_resolves(extract_text):
    report = extract_text("Rebels attacked the town three days ago.", published="9999-12-31")
    (when,) = _whens(report)
    assert (when.start, when.end, when.precision) == ("9999-12-28", "9999-12-28", "day")


def test_when_next_year_after_9999_is_not_a_date(extract_text):
    report = extract_text("Rebels will attack the town next year.", published="9999-12-31")
    assert _whens(report) == [None]


def test_when_last_year_in_year_one_is_not_a_date(extract_text):
    report = extract_text("Rebels attacked the town last year.", published="0001-06-01")
    assert _whens(report) == [None]


def test_when_thousands_of_years_ago_gives_a_report(extract_text):
    for text in (
        "Turkey sent fighters to Libya 3000 years ago and in March.",
        "Turkey sent fighters to Libya 999999999 years ago.",
        "Rebels killed 5 soldiers in Aleppo the day before. The past 99999999999 days.",
    ):
        report = extract_text(text, published="2020-05-10")
        assert report.document.published == "2020-05-10"
        assert all(
            e.when is None or e.when.start is None or e.when.start >= "0001" for e in report.events
        )


def test_when_the_day_before_year_one_is_not_a_date(extract_text):
    report = extract_text(
        "Rebels killed 5 soldiers in Aleppo on 5 May, the day before.", published="0001-01-01"
    )
    assert report.document.published == "0001-01-01"
