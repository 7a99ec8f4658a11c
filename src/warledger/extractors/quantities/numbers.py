"""Numbers written as digits or words ("2,000", "2.5 million", "twenty-five", "a dozen").

The vocabulary lives in `quantities/data/quantities.yaml`; this module compiles it once into regular
expressions and turns a matched phrase into a float.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from warledger.yaml_data import load_yaml

DATA = Path(__file__).parent / "data"
_SHORT_SCALES = ("m", "mn", "bn", "k")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@lru_cache(maxsize=1)
def quantity_vocabulary() -> dict[str, Any]:
    with open(DATA / "quantities.yaml", encoding="utf-8") as handle:
        data: dict[str, Any] = load_yaml(handle)
    return data


def alternation(words: list[str]) -> str:
    """A regex alternation, longest first so that "tens of thousands" beats "tens"."""
    return "|".join(
        re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True)
    )


@dataclass(frozen=True)
class NumberGrammar:
    number: str
    """Regex source (no groups) for one number: digits with an optional scale, or number words."""
    vague: str
    """Regex source for a vague amount ("dozens of", "several")."""
    modifier: str
    """Regex source for a modifier ("at least", "nearly")."""
    units: dict[str, float]
    scales: dict[str, float]
    vague_bounds: dict[str, tuple[float, float]]
    modifiers: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def number_grammar() -> NumberGrammar:
    vocab = quantity_vocabulary()
    units = {str(k): float(v) for k, v in vocab["units"].items()}
    scales = {str(k): float(v) for k, v in vocab["scales"].items()}
    word_scales = [s for s in scales if s not in _SHORT_SCALES]
    word = alternation(list(units) + word_scales)
    words = rf"(?:an?\s+(?:{alternation(word_scales)})(?:[\s-]+(?:and\s+)?(?:{word}))*|(?:{word})(?:[\s-]+(?:and\s+)?(?:{word}))*)"
    digits = rf"(?:{_DIGITS})(?:\s*(?:{alternation(word_scales)})|(?:{alternation(list(_SHORT_SCALES))}))?"
    number = rf"(?<![\w.,])(?:{digits}|(?i:{words}))(?![\w])"
    vague_bounds = {
        re.sub(r"\s+", " ", str(k)): (float(v[0]), float(v[1])) for k, v in vocab["vague"].items()
    }
    modifiers = {str(k): tuple(v) for k, v in vocab["modifiers"].items()}
    return NumberGrammar(
        number=number,
        vague=rf"(?<![\w])(?i:{alternation(list(vague_bounds))})(?![\w])",
        modifier=rf"(?<![\w])(?i:{alternation(list(modifiers))})",
        units=units,
        scales=scales,
        vague_bounds=vague_bounds,
        modifiers=modifiers,
    )


def parse_number(text: str) -> float | None:
    """The value of a number phrase: "2,000" -> 2000, "2.5 million" -> 2500000, "twenty-one" -> 21,
    "a dozen" -> 12, "$2m"'s "2m" -> 2000000. None when the phrase is not a number."""
    grammar = number_grammar()
    cleaned = text.strip().lower().replace(",", "")
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([a-z]*)", cleaned)
    if match:
        value = float(match[1])
        if match[2]:
            scale = grammar.scales.get(match[2])
            if scale is None:
                return None
            value *= scale
        return value
    total = 0.0
    current = 0.0
    seen = False
    for part in re.split(r"[\s-]+", cleaned):
        if part in ("and", ""):
            continue
        if part in ("a", "an"):
            current = max(current, 1.0)
            continue
        if part in grammar.units:
            current += grammar.units[part]
            seen = True
        elif part in grammar.scales:
            scale = grammar.scales[part]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total += current
                current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


@lru_cache(maxsize=1)
def number_regex() -> re.Pattern[str]:
    return re.compile(number_grammar().number)
