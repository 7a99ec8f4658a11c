"""Finding counts, sums of money and durations in text (grammar from `quantities/data/quantities.yaml`).

Conventions for counts (SCHEMA.md's Quantity):
- an exact figure ("two", "2,000 fighters") has `value`, `approximate` false;
- "about/some/approximately 350" keeps `value` 350, `approximate` true;
- "at least/more than/over 12" keeps `value` 12 and sets `low` 12 (no `high`), approximate;
- "nearly/up to/as many as 50" keeps `value` 50 and sets `high` 50, approximate;
- "between 2 and 4", "2 to 4": `value` null, `low` 2, `high` 4, approximate;
- vague amounts ("dozens", "several", "hundreds of") have null `value` and the bounds listed in
  the YAML ("several" 3..9, "dozens" 24..99, "hundreds" 200..999), approximate;
- "a dozen" is 12, approximate (people say it of 10 to 14);
- the unit is the head noun that the figure counts ("2,000 fighters" -> "fighters").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warledger.extractors.quantities.numbers import (
    alternation,
    number_grammar,
    parse_number,
    quantity_vocabulary,
)
from warledger.report import Duration, Money, Quantity

_RANGE = r"\s*(?:-|–|(?i:to|or))\s*"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    kind: str
    """count, money or duration."""
    quantity: Quantity | None = None
    money: Money | None = None
    duration: Duration | None = None


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    g = number_grammar()
    vocab = quantity_vocabulary()
    currencies = vocab["currencies"]
    symbol = alternation(list(currencies["symbols"]))
    code = "|".join(currencies["codes"])
    name = alternation(list(currencies["names"]))
    per = alternation(list(vocab["money_per"]))
    units = alternation(list(vocab["duration_days"]))
    amount = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?P<scale>(?i:million|billion|thousand|bn|mn|m|k))(?![\w]))?"
    rate = rf"(?:\s*(?:/|(?i:per))\s*(?P<per1>(?i:day|week|month|year|person|head))|\s+(?P<per>(?i:{per})))?(?![\w])"
    return {
        "count_prefix": re.compile(rf"(?<![\w])(?P<mod>{g.modifier})\s+\Z"),
        "count": re.compile(
            rf"(?<![\w])(?=[\w])"
            rf"(?:(?i:between)\s+(?P<lo>{g.number})\s+(?i:and|to)\s+(?P<hi>{g.number})"
            rf"|(?P<num>{g.number})(?:{_RANGE}(?P<num2>{g.number}))?"
            rf"|(?P<vague>{g.vague}))"
        ),
        "money_before": re.compile(
            rf"(?<![\w])(?:(?P<sym>{symbol})|(?P<code>{code})\s?)\s?{amount}{rate}"
        ),
        "money_after": re.compile(
            rf"(?<![\w$£€])(?=\d){amount}\s*(?:(?P<code>{code})(?![\w])|(?P<name>(?i:{name}))(?![\w])){rate}"
        ),
        "duration_prefix": re.compile(
            r"(?:(?<![\w])(?i:for|lasting|over|within)\s+)?"
            r"(?:(?<![\w])(?i:a\s+period\s+of|a\s+term\s+of)\s+)?\Z"
        ),
        "duration": re.compile(
            rf"(?<![\w])(?=[\w])(?:(?P<num>{g.number})|(?<![\w])(?P<one>(?i:an?|one)))[\s-]+(?P<unit>(?i:{units}))s?(?![\w])"
            rf"(?!\s+(?i:ago|earlier|before|later|old))(?!-(?i:old))"
        ),
    }


def _money(match: re.Match[str]) -> Money | None:
    vocab = quantity_vocabulary()["currencies"]
    value = parse_number(match["num"] + (match["scale"] or "").lower().replace(" ", ""))
    if match["scale"] and value is None:
        value = parse_number(f"{match['num']} {match['scale']}")
    if value is None:
        return None
    groups = match.groupdict()
    currency = None
    if groups.get("sym"):
        currency = vocab["symbols"][groups["sym"]]
    elif groups.get("code"):
        currency = groups["code"]
    elif groups.get("name"):
        currency = vocab["names"][" ".join(groups["name"].lower().split())]
    per_text = groups.get("per1") or groups.get("per")
    per = None
    if per_text:
        per_text = " ".join(per_text.lower().split())
        per = quantity_vocabulary()["money_per"].get(per_text, per_text)
    return Money(text=match.group().strip(), amount=value, currency=currency, per=per)


def _duration(match: re.Match[str], text: str) -> Duration | None:
    count = 1.0 if match["one"] else parse_number(match["num"])
    if count is None:
        return None
    days = float(quantity_vocabulary()["duration_days"][match["unit"].lower()]) * count
    return Duration(text=text, days=round(days, 4))


def _count(match: re.Match[str], text: str, modifier: str) -> Quantity | None:
    g = number_grammar()
    modifier = " ".join(modifier.lower().split())
    if match["vague"]:
        if modifier:
            return None
        low, high = g.vague_bounds[" ".join(match["vague"].lower().split())]
        return Quantity(text=text, value=None, approximate=True, low=low, high=high)
    if match["lo"]:
        return Quantity(
            text=text,
            value=None,
            approximate=True,
            low=parse_number(match["lo"]),
            high=parse_number(match["hi"]),
        )
    value = parse_number(match["num"])
    if value is None:
        return None
    if match["num2"]:
        upper = parse_number(match["num2"])
        if upper is not None and upper > value:
            return Quantity(text=text, value=None, approximate=True, low=value, high=upper)
    approximate = bool(modifier) or "dozen" in match["num"].lower() and value == 12
    roles = g.modifiers.get(modifier, ())
    return Quantity(
        text=text,
        value=value,
        approximate=approximate,
        low=value if "low" in roles else None,
        high=value if "high" in roles else None,
    )


@lru_cache(maxsize=1)
def _not_counts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    vocab = quantity_vocabulary()
    before = re.compile(rf"(?:^|[^\w])(?i:{alternation(vocab['not_counts_after'])})\s*#?$")
    after = re.compile(rf"^(?:-\w|\s*(?i:{alternation(vocab['not_counts_before'])})(?![\w]))")
    return before, after


def is_count(text: str, start: int, end: int) -> bool:
    """False for names and measures: "Resolution 2254", "Route 4", "45-year-old", "30 km", "10%"."""
    before, after = _not_counts()
    return not before.search(text[max(0, start - 20) : start]) and not after.match(
        text[end : end + 20]
    )


_PREFIX_WINDOW = 40


def _extend_left(prefix: re.Pattern[str], text: str, start: int) -> tuple[int, str]:
    """Where the words before a match begin ("at least", "for a period of"), and those words."""
    before = prefix.search(text, max(0, start - _PREFIX_WINDOW), start)
    if before is None or before.start() == start:
        return start, ""
    return before.start(), before.groupdict().get("mod") or ""


def scan_quantities(text: str) -> list[Match]:
    """Money first, then durations, then counts, never overlapping, in text order."""
    patterns = _patterns()
    found: list[Match] = []

    def free(start: int, end: int) -> bool:
        return all(end <= m.start or start >= m.end for m in found)

    for key in ("money_before", "money_after"):
        for match in patterns[key].finditer(text):
            money = _money(match)
            if money and free(*match.span()):
                found.append(Match(match.start(), match.end(), "money", money=money))
    for match in patterns["duration"].finditer(text):
        start = _extend_left(patterns["duration_prefix"], text, match.start())[0]
        duration = _duration(match, text[start : match.end()])
        if duration and free(start, match.end()):
            found.append(Match(start, match.end(), "duration", duration=duration))
    for match in patterns["count"].finditer(text):
        start, modifier = _extend_left(patterns["count_prefix"], text, match.start())
        end = match.end() - 3 if match.group().lower().endswith(" of") else match.end()
        quantity = _count(match, text[start:end], modifier)
        if quantity and free(start, end) and is_count(text, start, end):
            found.append(Match(start, end, "count", quantity=quantity))
    return sorted(found, key=lambda m: m.start)
