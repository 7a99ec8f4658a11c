"""The time-expression grammar: regular expressions compiled once from `patterns/time.yaml`.

`scan_times(text)` finds every time expression with the parts it is made of (day, month, year,
weekday, relative phrase, opening preposition). Turning the parts into dates against the
publication date is `time_resolve`'s job. Month and weekday names match capitalised only, and a
bare month or year needs a cue word ("in March", "since 2018"), so "may", "the 18th unit",
"Resolution 2254" or "2,000 fighters" never become dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from warledger.extract.quantity_numbers import PATTERNS, number_grammar


@lru_cache(maxsize=1)
def time_vocabulary() -> dict[str, Any]:
    with open(PATTERNS / "time.yaml", encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


@dataclass(frozen=True)
class RawTime:
    """One matched time expression: its characters and its named parts (strings or None)."""

    start: int
    end: int
    kind: str
    parts: dict[str, str | None]


def _words(words: list[str]) -> str:
    ordered = sorted((str(w) for w in words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _names(names: list[str]) -> str:
    """Capitalised or upper-case forms of month/weekday names."""
    return _words([n for name in names for n in (name, name.upper())])


def _month(group: str, vocab: dict[str, Any], abbreviations: bool = True) -> str:
    full = rf"(?:{_names(list(vocab['months']))})(?![A-Za-z])"
    if not abbreviations:
        return rf"(?P<{group}>{full})"
    short = rf"(?:{_names(list(vocab['month_abbreviations']))})(?![A-Za-z])\.?"
    return rf"(?P<{group}>{full}|{short})"


def _day(group: str) -> str:
    return rf"(?P<{group}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w])"


_YEAR = r"(?P<y>(?:19|20)\d{2})(?![\w]|,\d)"
_SEP = r"\s*(?:-|–|—|(?i:to|and|until|till|through))\s*"


@lru_cache(maxsize=1)
def time_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(kind, regex) in no particular order; overlaps are settled by `scan_times`."""
    v = time_vocabulary()
    part = _words(list(v["parts_of_day"]))
    weekday = rf"(?P<wd>{_names(list(v['weekdays']))})(?![A-Za-z])"
    prep = r"(?:(?<![\w])(?P<prep>(?i:on|in|since|until|till|by|from|between|as\s+of|during|before|after|late\s+on|early\s+on))\s+)?"
    prefix = rf"{prep}(?:(?i:the\s+)?(?P<part>(?i:{part}))\s+(?i:of)\s+)?"
    lead_weekday = rf"(?:(?:{_names(list(v['weekdays']))}),?\s+)?"
    tail_year = rf"(?:(?:,\s*|\s+){_YEAR})?"
    number = number_grammar().number
    few = r"an?|a\s+few|several|a\s+couple\s+of"
    approx = _words(list(v["approximate_cues"]))
    month_cue = _words(list(v["month_cues"]))
    year_cue = _words(list(v["year_cues"]))
    shade = r"(?:(?P<shade>(?i:early|late|mid))(?:-|\s+))?"
    relative_days = _words(list(v["relative_days"]))
    narrative = _words(list(v["narrative_days"]))
    periods = _words(list(v["relative_periods"]))
    ago_units = _words(list(v["ago_units"]))
    opening = r"(?:(?<![\w])(?P<prep>(?i:since|until|till|by|as\s+of|from|during|in|for))\s+)?"
    sources = {
        "range_dm": rf"{prefix}{lead_weekday}{_day('d1')}{_SEP}{_day('d2')}\s+(?:of\s+)?{_month('m', v)}{tail_year}",
        "range_dmdm": rf"{prefix}{_day('d1')}\s+(?:of\s+)?{_month('m1', v)}{_SEP}{_day('d2')}\s+(?:of\s+)?{_month('m', v)}{tail_year}",
        "range_md": rf"{prefix}{_month('m', v)}\s+{_day('d1')}{_SEP}{_day('d2')}{tail_year}",
        "range_mdmd": rf"{prefix}{_month('m1', v)}\s+{_day('d1')}{_SEP}{_month('m', v)}\s+{_day('d2')}{tail_year}",
        "dmy": rf"{prefix}{lead_weekday}(?:(?i:the)\s+)?{_day('d')}\s+(?:(?i:of)\s+)?{_month('m', v)}{tail_year}",
        "mdy": rf"{prefix}{lead_weekday}{_month('m', v)}\s+{_day('d')}{tail_year}",
        "iso": rf"{prep}(?<![\w-])(?P<y>(?:19|20)\d{{2}})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])",
        "numeric": rf"{prefix}(?<![\w/.,-])(?P<d>3[01]|[12]\d|0?[1-9])/(?P<mo>1[0-2]|0?[1-9])(?:/(?P<y>(?:19|20)?\d{{2}}))?(?![\w/])",
        "month_year": rf"{prep}{shade}{_month('m', v)}\s+(?:(?i:of)\s+)?{_YEAR}",
        "month": rf"(?<![\w])(?P<cue>(?i:{month_cue}))\s+{shade}{_month('m', v, abbreviations=False)}(?!\s*\d)",
        "year": rf"(?<![\w])(?:(?P<cue>(?i:{year_cue}))\s+|(?P<shade>(?i:early|late|mid))-?)(?:(?P<shade2>(?i:early|late|mid))(?:-|\s+))?{_YEAR}(?!\s*(?:-|–)\s*\d)",
        "year_range": rf"{prep}(?P<y1>(?:19|20)\d{{2}})\s*(?:-|–|(?i:to))\s*(?P<y>(?:19|20)\d{{2}})(?![\w])",
        "weekday": rf"(?:(?<![\w])(?P<prep>(?i:on|last|this|since|until|by|late\s+on|early\s+on|late|early))\s+)?(?:(?i:the\s+)?(?P<part>(?i:{part}))\s+(?i:of)\s+)?{weekday}(?:\s+(?P<part2>(?i:{part})))?",
        "relative_day": rf"{opening}(?P<phrase>(?i:{relative_days}))(?![\w])",
        "narrative_day": rf"(?:(?<![\w])(?i:on)\s+)?(?P<phrase>(?i:{narrative}))(?![\w])",
        "period": rf"{opening}(?P<phrase>(?i:{periods}))(?![\w])",
        "ago": rf"(?:(?<![\w])(?P<approx>(?i:{approx}))\s+)?(?P<n>{number}|(?i:{few}))\s+(?P<unit>(?i:{ago_units}))s?\s+(?i:ago|earlier|before)(?![\w])",
        "past_n": rf"(?:(?<![\w])(?i:in|over|during|within|for)\s+)?(?i:the\s+(?:past|last|previous))\s+(?P<n>{number}|(?i:few|several|couple\s+of))\s+(?P<unit>(?i:{ago_units}))s?(?![\w])",
    }
    return [(kind, re.compile(source)) for kind, source in sources.items()]


_NOT_A_DATE = re.compile(r"24/7")


def scan_times(text: str) -> list[RawTime]:
    """Every time expression in `text`, longest first where matches overlap, in text order."""
    found: list[RawTime] = []
    for kind, pattern in time_patterns():
        for match in pattern.finditer(text):
            if not match.group().strip() or _NOT_A_DATE.fullmatch(match.group().strip()):
                continue
            start, end = match.span()
            while start < end and text[start].isspace():
                start += 1
            found.append(RawTime(start, end, kind, match.groupdict()))
    found.sort(key=lambda raw: (raw.start, -(raw.end - raw.start)))
    chosen: list[RawTime] = []
    for raw in sorted(found, key=lambda r: (-(r.end - r.start), r.start)):
        if all(raw.end <= other.start or raw.start >= other.end for other in chosen):
            chosen.append(raw)
    return sorted(chosen, key=lambda raw: raw.start)
