"""Dropping page chrome that survives main-text extraction ("Read also: ...", "Share this article").

The phrases are data (`data/boilerplate.yaml`); this module only compiles and applies them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from warledger.yaml_data import load_yaml


@lru_cache(maxsize=1)
def _chrome_line() -> re.Pattern[str]:
    raw = load_yaml(files("warledger.ingest").joinpath("data/boilerplate.yaml").read_text("utf-8"))
    prefixes = "|".join(re.escape(p) for p in raw.get("prefixes", []))
    lines = "|".join(re.escape(p) for p in raw.get("lines", []))
    starts = "|".join(re.escape(p) for p in raw.get("starts", []))
    alternatives = [
        rf"(?:{prefixes})\s*(?:[:|>\-–—].*)?",
        rf"(?:{lines})[.!]?",
        rf"(?:{starts}).*",
    ]
    return re.compile(rf"^\s*(?:{'|'.join(alternatives)})\s*$", re.IGNORECASE)


def is_chrome(line: str) -> bool:
    """True for a line that is navigation, sharing or cross-linking, not article text."""
    return bool(_chrome_line().match(line))


def drop_chrome(text: str) -> str:
    """The text without chrome lines, paragraphs separated by blank lines."""
    paragraphs = (line.strip() for line in text.split("\n"))
    return "\n\n".join(p for p in paragraphs if p and not is_chrome(p))
