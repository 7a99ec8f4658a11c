"""A small deterministic language check: is this text English?

Two signals, both cheap and explainable in an error message:
1. the script: the share of letters that are Latin (Arabic, Cyrillic, Chinese... text fails here);
2. function words: how many common English words the text has against common French, Spanish,
   German, Italian and Portuguese ones (`data/function_words.yaml`).

Short texts with no function words at all (headlines such as "Haftar forces shell Tripoli
airport") are accepted: they give no evidence against English, and refusing them would lose news.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from warledger.yaml_data import load_yaml

LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
}
# (first, last) code points of the scripts an error message can name.
_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x1000, 0x109F, "Burmese"),
    (0x1200, 0x139F, "Ethiopic"),
    (0x3040, 0x30FF, "Japanese"),
    (0x3400, 0x9FFF, "Chinese"),
    (0xAC00, 0xD7AF, "Korean"),
    (0xFB50, 0xFEFF, "Arabic"),
)
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
SAMPLE_CHARS = 20_000
MIN_LATIN_SHARE = 0.6
LONG_TEXT_WORDS = 40
"""Texts with at least this many words must show some English function words."""
MIN_ENGLISH_SHARE_LONG = 0.08


@dataclass(frozen=True)
class LanguageGuess:
    language: str | None
    """An ISO 639-1 code, or None when the text is not English and no better name is known."""
    script: str
    latin_share: float
    english_share: float
    reason: str

    @property
    def is_english(self) -> bool:
        return self.language == "en"


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Each language's function words; a word English shares with another language counts for none."""
    path = files("warledger.ingest").joinpath("data/function_words.yaml")
    raw = load_yaml(path.read_text("utf-8"))
    lists = {str(lang): {str(w).lower() for w in words} for lang, words in raw.items()}
    english = lists.pop("en")
    foreign = set().union(*lists.values())
    shared = english & foreign
    result = {lang: frozenset(words - shared) for lang, words in lists.items()}
    result["en"] = frozenset(english - shared)
    return result


def _script_of(char: str) -> str:
    code = ord(char)
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
        return "Latin"
    for first, last, name in _SCRIPTS:
        if first <= code <= last:
            return name
    return "other"


def detect_language(text: str) -> LanguageGuess:
    """English or not, with the evidence; deterministic, and linear in a bounded sample."""
    sample = text[:SAMPLE_CHARS]
    # ASCII letters are counted in C; only the (few, in English) other letters are looked at one by one.
    scripts = Counter(_script_of(c) for c in _NON_ASCII.findall(sample) if c.isalpha())
    scripts["Latin"] += len(_ASCII_LETTER.findall(sample))
    letters = sum(scripts.values())
    if not letters:
        return LanguageGuess(None, "none", 0.0, 0.0, "the text has no letters")
    latin_share = scripts["Latin"] / letters
    if latin_share < MIN_LATIN_SHARE:
        script = max((s for s in scripts if s != "Latin"), key=scripts.__getitem__)
        return LanguageGuess(
            None,
            script,
            latin_share,
            0.0,
            f"{script} script ({1 - latin_share:.0%} of the letters)",
        )
    words = [w.lower() for w in _WORD.findall(sample)]
    lists = function_words()
    english = sum(1 for w in words if w in lists["en"])
    english_share = english / len(words) if words else 0.0
    hits = {
        lang: sum(1 for w in words if w in vocab) for lang, vocab in lists.items() if lang != "en"
    }
    foreign_vocab = frozenset().union(*(v for lang, v in lists.items() if lang != "en"))
    foreign = sum(1 for w in words if w in foreign_vocab)
    best = max(hits, key=hits.__getitem__)
    if foreign >= 2 and foreign > english:
        name = LANGUAGE_NAMES.get(best, best)
        return LanguageGuess(
            best,
            "Latin",
            latin_share,
            english_share,
            f"it reads as {name} ({foreign} foreign function words against {english} English ones)",
        )
    if len(words) >= LONG_TEXT_WORDS and english_share < MIN_ENGLISH_SHARE_LONG:
        return LanguageGuess(
            None,
            "Latin",
            latin_share,
            english_share,
            f"only {english_share:.0%} of its {len(words)} words are common English words",
        )
    return LanguageGuess("en", "Latin", latin_share, english_share, "English")
