"""Turning a matched time expression into SCHEMA.md's `When` against the publication date.

Conventions (documented in the tests, one case each):
- absolute dates ("9 May 2020", "May 2020", "2018") have anchor "explicit";
- anything that needs the publication date (relative phrases, weekdays, a day or month without a
  year) has anchor "published", and without a publication date keeps its text with null dates,
  precision "unknown" and no anchor (the caller adds a warning);
- a month without a year is in the publication year, or the year before when that would put it
  more than a month after publication; "last March" is the most recent March before the month of
  publication;
- "since X" keeps X's start and has no end; "until X" keeps X's end and has no start;
- a week is Monday to Sunday; "N months ago" and "about a month ago" give that calendar month;
- an expression that would fall outside the years 0001-9999 ("3000 years ago", "next year" when
  published on 9999-12-31) is not a date.
"""

from __future__ import annotations

from datetime import date, timedelta

from warledger.extractors.quantities.numbers import parse_number
from warledger.extractors.time.grammar import RawTime, time_vocabulary
from warledger.report import Precision, When

_OPEN_SLACK = timedelta(days=31)


def _month_number(name: str | None) -> int | None:
    if not name:
        return None
    vocab = time_vocabulary()
    key = name.rstrip(".").capitalize()
    found = vocab["months"].get(key) or vocab["month_abbreviations"].get(key)
    return int(found) if found else None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def _fmt(day: date, precision: Precision) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date) -> date | None:
    """A day-month without a year: publication year, or the one before if that is > a month ahead."""
    candidate = _safe_date(published.year, month, day)
    if candidate is None:
        return None
    if candidate > published + _OPEN_SLACK:
        return _safe_date(published.year - 1, month, day)
    return candidate


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


class NeedsPublication(Exception):
    """The expression is relative and the document has no publication date."""


_FEW = {"a few": 3.0, "few": 3.0, "several": 3.0, "a couple of": 2.0, "couple of": 2.0}


def _count(text: str | None) -> float | None:
    """How many units in "two days ago", "a week ago", "a few months ago"."""
    cleaned = " ".join((text or "").lower().split())
    if cleaned in ("a", "an"):
        return 1.0
    return _FEW.get(cleaned) or (parse_number(cleaned) if cleaned else None)


def resolve(raw: RawTime, text: str, published: date | None, story_day: date | None) -> When | None:
    """The `When` of one expression; None when it turns out not to be a date (e.g. "31/02").

    Raises NeedsPublication for a relative expression in a document without a publication date.
    `story_day` is the latest day-precision date before the expression ("the day before").
    """
    parts = raw.parts
    span_text = text[raw.start : raw.end]
    try:
        interval = _interval(raw.kind, parts, published, story_day)
    except (OverflowError, ValueError):  # before 0001 or after 9999 ("3000 years ago" in 2020)
        return None
    if interval is None:
        return None
    start, end, precision, anchor = interval
    if _overnight_range(raw, start, end):
        start = end  # "the night of 13-14 June": the event is dated to the night's second day
    prep = " ".join((parts.get("prep") or parts.get("cue") or "").lower().split())
    vocab = time_vocabulary()
    start_text: str | None = _fmt(start, precision)
    end_text: str | None = _fmt(end, precision)
    if prep in vocab["open_start"] and raw.kind not in (
        "range_dm",
        "range_dmdm",
        "range_md",
        "range_mdmd",
        "year_range",
    ):
        end_text = None
    elif prep in vocab["open_end"]:
        start_text = None
    return When(text=span_text, start=start_text, end=end_text, precision=precision, anchor=anchor)


Interval = tuple[date, date, Precision, str]


def _overnight_range(raw: RawTime, start: date, end: date) -> bool:
    """A two-day range named as one night ("on the night of 13 to 14 June")."""
    part = " ".join((raw.parts.get("part") or "").lower().split())
    return (
        raw.kind.startswith("range")
        and part in time_vocabulary()["overnight_parts"]
        and (end - start).days == 1
    )


def _interval(
    kind: str, parts: dict[str, str | None], published: date | None, story_day: date | None
) -> Interval | None:
    if kind in ("dmy", "mdy", "range_dm", "range_dmdm", "range_md", "range_mdmd"):
        return _calendar_days(kind, parts, published)
    if kind == "iso":
        day = _safe_date(int(parts["y"] or 0), int(parts["mo"] or 0), int(parts["d"] or 0))
        return (day, day, "day", "explicit") if day else None
    if kind == "numeric":
        return _numeric(parts, published)
    if kind == "month_year":
        month = _month_number(parts["m"])
        year = _year(parts["y"])
        if not month or not year:
            return None
        first = date(year, month, 1)
        return first, first, "month", "explicit"
    if kind in ("year", "year_range"):
        year = _year(parts["y"])
        first_year = _year(parts.get("y1")) or year
        if not year or not first_year or first_year > year:
            return None
        return date(first_year, 1, 1), date(year, 1, 1), "year", "explicit"
    if kind == "narrative_day":
        offset = time_vocabulary()["narrative_days"][_phrase(parts)]
        if story_day is not None:
            day = story_day + timedelta(days=offset)
            return day, day, "day", "explicit"
        if published is None:
            raise NeedsPublication(kind)
        day = published + timedelta(days=offset)
        return day, day, "day", "published"
    if kind == "ago" and (parts.get("back") or "").lower() != "ago" and story_day is not None:
        return _ago(
            kind, parts, story_day, "explicit"
        )  # "ten days earlier": before the story's date
    if published is None:
        raise NeedsPublication(kind)
    if kind == "month":
        return _bare_month(parts, published)
    if kind == "weekday":
        return _weekday(parts, published)
    if kind == "relative_day":
        low, high, precision = time_vocabulary()["relative_days"][_phrase(parts)]
        return (
            published + timedelta(days=low),
            published + timedelta(days=high),
            precision,
            "published",
        )
    if kind == "period":
        unit, offset = time_vocabulary()["relative_periods"][_phrase(parts)]
        return _period(unit, int(offset), published)
    if kind in ("ago", "past_n"):
        return _ago(kind, parts, published, "published")
    return None


def _phrase(parts: dict[str, str | None]) -> str:
    return " ".join((parts.get("phrase") or "").lower().split())


def _calendar_days(
    kind: str, parts: dict[str, str | None], published: date | None
) -> Interval | None:
    month = _month_number(parts["m"])
    first_month = _month_number(parts.get("m1")) or month
    year = _year(parts.get("y"))
    if not month or not first_month:
        return None
    last_day = int(parts.get("d2") or parts.get("d") or 0)
    first_day = int(parts.get("d1") or parts.get("d") or 0)
    if year is not None:
        end = _safe_date(year, month, last_day)
        start = _safe_date(year if first_month <= month else year - 1, first_month, first_day)
        anchor = "explicit"
    else:
        if published is None:
            raise NeedsPublication(kind)
        end = _infer_year(month, last_day, published)
        start = end and _safe_date(
            end.year if first_month <= month else end.year - 1, first_month, first_day
        )
        anchor = "published"
    if start is None or end is None or start > end:
        return None
    return start, end, "day", anchor


def _numeric(parts: dict[str, str | None], published: date | None) -> Interval | None:
    day_number, month = int(parts["d"] or 0), int(parts["mo"] or 0)
    year = _year(parts.get("y"))
    if year is not None:
        day = _safe_date(year, month, day_number)
        return (day, day, "day", "explicit") if day else None
    if not parts.get("prep") and not parts.get("part") and not parts.get("bracket"):
        return None  # "3/4" alone is as likely a fraction or a score as a date
    if published is None:
        raise NeedsPublication("numeric")
    inferred = _infer_year(month, day_number, published)
    return (inferred, inferred, "day", "published") if inferred else None


def _bare_month(parts: dict[str, str | None], published: date) -> Interval:
    month = _month_number(parts["m"]) or 1
    cue = " ".join((parts.get("cue") or "").lower().split())
    if cue == "last":
        year = published.year if month < published.month else published.year - 1
    elif cue == "next":
        year = published.year if month > published.month else published.year + 1
    elif cue == "this":
        year = published.year
    else:
        first = date(published.year, month, 1)
        year = published.year - 1 if first > published + _OPEN_SLACK else published.year
    first = date(year, month, 1)
    return first, first, "month", "published"


def _weekday(parts: dict[str, str | None], published: date) -> Interval:
    target = int(time_vocabulary()["weekdays"][(parts["wd"] or "").capitalize()])
    back = (published.weekday() - target) % 7
    if (parts.get("prep") or "").lower() == "last" and back == 0:
        back = 7
    day = published - timedelta(days=back)
    return day, day, "day", "published"


def _period(unit: str, offset: int, published: date) -> Interval:
    if unit == "week":
        monday, sunday = _week_of(published + timedelta(weeks=offset))
        return monday, sunday, "week", "published"
    if unit == "month":
        first = _add_months(published, offset)
        return first, first, "month", "published"
    first = date(published.year + offset, 1, 1)
    return first, first, "year", "published"


def _ago(kind: str, parts: dict[str, str | None], published: date, anchor: str) -> Interval | None:
    """ "two days ago", "ten days earlier", "the past three years", counted back from `published`
    (the publication date, or the story's date for "earlier")."""
    count = _count(parts.get("n"))
    unit = " ".join((parts.get("unit") or "").lower().split())
    if count is None:
        return None
    whole = int(count)
    precision: Precision = time_vocabulary()["ago_units"][unit]
    if unit == "day":
        then = published - timedelta(days=whole)
        return (then, published, "day", anchor) if kind == "past_n" else (then, then, "day", anchor)
    if unit == "week":
        then = published - timedelta(weeks=whole)
        if kind == "past_n":
            return then, published, "day", anchor
        monday, sunday = _week_of(then)
        return monday, sunday, precision, anchor
    months = whole * (120 if unit == "decade" else 12 if unit == "year" else 1)
    then = _add_months(published, -months)
    if kind == "past_n":
        return then, published, "month" if unit == "month" else "year", anchor
    return then, then, precision, anchor
