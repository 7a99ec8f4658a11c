"""ACLED's event_date in the spellings its exports use."""

from __future__ import annotations

from datetime import date, datetime

# Tried in order. Numeric day-month-year is day first, as in ACLED's Kenya export ("31-12-19").
DATE_FORMATS = (
    "%Y-%m-%d",  # ISO, current exports
    "%d-%b-%y",  # 9-May-20
    "%d-%B-%Y",  # 01-January-2015, the old upper-case schema
    "%d-%b-%Y",  # 9-May-2020
    "%d %B %Y",  # 9 May 2020
    "%d-%m-%y",  # 31-12-19
    "%d-%m-%Y",  # 31-12-2019
    "%d/%m/%Y",
    "%d/%m/%y",
)


def parse_acled_date(value: str | None) -> date | None:
    """The date of an ACLED event_date cell, or None when it is empty or unreadable."""
    if not value or not value.strip():
        return None
    text = value.strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
