"""The time-expression grammar: regular expressions compiled once from `time/data/time.yaml`.

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
from pathlib import Path
from typing import Any

from warledger.extractors.quantities.numbers import number_grammar
from warledger.yaml_data import load_yaml


@lru_cache(maxsize=1)
def time_vocabulary() -> dict[str, Any]:
    with open(Path(__file__).parent / "data" / "time.yaml", encoding="utf-8") as handle:
        data: dict[str, Any] = load_yaml(handle)
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


@dataclass(frozen=True)
class TimePattern:
    """A core regex (fast: it starts at a digit, a name or a key word) and the optional words that
    may precede it ("on the night of", "since"), matched backwards from the core's start."""

    kind: str
    core: re.Pattern[str]
    prefix: re.Pattern[str] | None = None
    requires: tuple[str, ...] = ()
    """Groups one of which must be set: a bare month or year is a date only after a cue word
    ("in March") or a shade ("mid-2019"); "days ago" needs its number."""


_PREFIX_WINDOW = 60


@lru_cache(maxsize=1)
def time_patterns() -> list[TimePattern]:
    """Every pattern, in no particular order; overlaps are settled by `scan_times`."""
    v = time_vocabulary()
    part = _words(list(v["parts_of_day"]))
    weekday_names = _names(list(v["weekdays"]))
    weekday = rf"(?P<wd>{weekday_names})(?![A-Za-z])"
    prep = r"(?:(?<![\w])(?P<prep>(?i:on|in|since|until|till|by|from|between|as\s+of|during|before|after|late\s+on|early\s+on))\s+)?"
    part_of = rf"(?:(?i:the\s+)?(?P<part>(?i:{part}))\s+(?i:of)\s+)?"
    lead_weekday = rf"(?:(?:{weekday_names}),?\s+)?"
    tail_year = rf"(?:(?:,\s*|\s+){_YEAR})?"
    number = number_grammar().number
    few = r"an?|a\s+few|several|a\s+couple\s+of"
    approx = _words(list(v["approximate_cues"]))
    month_cue = _words(list(v["month_cues"]))
    year_cue = _words(list(v["year_cues"]))
    shade = r"(?:(?<![\w])(?P<shade>(?i:early|late|mid))(?:-|\s+))?"
    ago_units = _words(list(v["ago_units"]))
    opening = r"(?:(?<![\w])(?P<prep>(?i:since|until|till|by|as\s+of|from|during|in|for))\s+)?"
    date_prefix = rf"{prep}{part_of}{lead_weekday}(?:(?<![\w])(?i:the)\s+)?"
    prefixes = {
        "date": date_prefix,
        "prep": prep,
        "opening": opening,
        "on": r"(?:(?<![\w])(?i:on)\s+)?",
        "weekday": rf"(?:(?<![\w])(?P<prep>(?i:on|last|this|since|until|by|late\s+on|early\s+on|late|early))\s+)?{part_of}",
        "month_cue": rf"(?:(?<![\w])(?P<cue>(?i:{month_cue}))\s+)?{shade}",
        "year_cue": rf"(?:(?<![\w])(?P<cue>(?i:{year_cue}))\s+)?{shade}",
        "prep_shade": rf"{prep}{shade}",
        "ago": rf"(?:(?<![\w])(?P<approx>(?i:{approx}))\s+)?(?<![\w])(?P<n>{number}|(?i:{few}))\s+",
        "past": r"(?:(?<![\w])(?i:in|over|during|within|for)\s+)?",
    }
    month = _month("m", v)
    date_groups = ("cue", "shade")
    specs: list[tuple[str, str | None, str, tuple[str, ...]]] = [
        (
            "range_dm",
            "date",
            rf"{_day('d1')}{_SEP}{_day('d2')}\s+(?:of\s+)?{month}{tail_year}",
            (),
        ),
        (
            "range_dmdm",
            "date",
            rf"{_day('d1')}\s+(?:of\s+)?{_month('m1', v)}{_SEP}{_day('d2')}\s+(?:of\s+)?{month}{tail_year}",
            (),
        ),
        ("range_md", "date", rf"{month}\s+{_day('d1')}{_SEP}{_day('d2')}{tail_year}", ()),
        (
            "range_mdmd",
            "date",
            rf"{_month('m1', v)}\s+{_day('d1')}{_SEP}{month}\s+{_day('d2')}{tail_year}",
            (),
        ),
        (
            "dmy",
            "date",
            rf"{_day('d')}\s+(?:(?i:of)\s+)?{month}{tail_year}",
            (),
        ),
        ("mdy", "date", rf"{month}\s+{_day('d')}{tail_year}", ()),
        (
            "iso",
            "prep",
            r"(?<![\w-])(?P<y>(?:19|20)\d{2})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])",
            (),
        ),
        (
            "numeric",
            "date",
            r"(?<![\w/.,-])(?P<d>3[01]|[12]\d|0?[1-9])/(?P<mo>1[0-2]|0?[1-9])(?:/(?P<y>(?:19|20)?\d{2}))?(?![\w/])",
            (),
        ),
        ("month_year", "prep_shade", rf"{month}\s+(?:(?i:of)\s+)?{_YEAR}", ()),
        ("month", "month_cue", rf"{_month('m', v, abbreviations=False)}(?!\s*\d)", date_groups),
        (
            "year",
            "year_cue",
            rf"(?<![\w]){_YEAR}(?!\s*(?:-|–)\s*\d)",
            date_groups,
        ),
        (
            "year_range",
            "prep",
            r"(?<![\w])(?P<y1>(?:19|20)\d{2})\s*(?:-|–|(?i:to))\s*(?P<y>(?:19|20)\d{2})(?![\w])",
            (),
        ),
        ("weekday", "weekday", rf"{weekday}(?:\s+(?P<part2>(?i:{part})))?", ()),
        (
            "relative_day",
            "opening",
            rf"(?<![\w])(?P<phrase>(?i:{_words(list(v['relative_days']))}))(?![\w])",
            (),
        ),
        (
            "narrative_day",
            "on",
            rf"(?<![\w])(?P<phrase>(?i:{_words(list(v['narrative_days']))}))(?![\w])",
            (),
        ),
        (
            "period",
            "opening",
            rf"(?<![\w])(?P<phrase>(?i:{_words(list(v['relative_periods']))}))(?![\w])",
            (),
        ),
        (
            "ago",
            "ago",
            rf"(?<![\w])(?P<unit>(?i:{ago_units}))s?\s+"
            r"(?P<back>(?i:ago|earlier|before(?=\s*(?:[,.;:)]|$))))(?![\w])",
            ("n",),
        ),
        (
            "past_n",
            "past",
            rf"(?<![\w])(?i:the\s+(?:past|last|previous))\s+(?P<n>{number}|(?i:few|several|couple\s+of))\s+(?P<unit>(?i:{ago_units}))s?(?![\w])",
            (),
        ),
    ]
    return [
        TimePattern(
            kind=kind,
            core=re.compile(_first_character(core) + core),
            prefix=re.compile(rf"(?:{prefixes[prefix]})\Z") if prefix else None,
            requires=requires,
        )
        for kind, prefix, core, requires in specs
    ]


_NOT_A_DATE = re.compile(r"24/7")


def _first_character(core: str) -> str:
    """A lookahead on the first character, so that the scan skips most positions at once."""
    if core.startswith(("(?P<m", "(?P<wd>")):
        return "(?=[A-Z])"
    if core.startswith(("(?P<d", "(?<![\\w/.,-])(?P<d", "(?<![\\w-])(?P<y", "(?<![\\w])(?P<y")):
        return "(?=\\d)"
    return ""


def scan_times(text: str) -> list[RawTime]:
    """Every time expression in `text`, longest first where matches overlap, in text order."""
    found: list[RawTime] = []
    for pattern in time_patterns():
        for match in pattern.core.finditer(text):
            if _NOT_A_DATE.fullmatch(match.group()):
                continue
            start, end = match.span()
            parts = match.groupdict()
            if pattern.prefix is not None:
                before = pattern.prefix.search(text, max(0, start - _PREFIX_WINDOW), start)
                if before is not None and before.start() < start:
                    parts.update({k: v for k, v in before.groupdict().items() if v is not None})
                    start = before.start()
                if pattern.requires and not any(parts.get(group) for group in pattern.requires):
                    continue
            if start > 0 and text[start - 1] in "([":
                parts["bracket"] = text[start - 1]
            found.append(RawTime(start, end, pattern.kind, parts))
    found.sort(key=lambda raw: (raw.start, -(raw.end - raw.start)))
    chosen: list[RawTime] = []
    for raw in sorted(found, key=lambda r: (-(r.end - r.start), r.start)):
        if all(raw.end <= other.start or raw.start >= other.end for other in chosen):
            chosen.append(raw)
    return sorted(chosen, key=lambda raw: raw.start)
