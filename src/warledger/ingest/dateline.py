"""What a plain-text article says about itself: its headline and the agency in its dateline.

Wire copy opens "TRIPOLI, May 9 (Wire) - ..." or "KHARTOUM (Reuters) - ..."; a saved article often
starts with its headline on a line of its own. Readers use these only when the file has no
metadata of its own and the command line gives none.
"""

from __future__ import annotations

import re

_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}"  # the place, in capitals
    r"(?:/[A-Z][A-Za-z .'-]+)?"  # "GOMA/KINSHASA"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"  # ", May 9" or ", Sept. 12, 2022"
    r"\s+\((?P<agency>[A-Z][\w .&'-]{0,40}?)\)\s*[-–—:]",
    re.MULTILINE,
)
_TERMINAL = re.compile(r"[.!?:;,\"”’)]\s*$")
MAX_HEADLINE_CHARS = 160
DATELINE_WINDOW = 600
"""The dateline opens the article: look only at its first characters (after a headline)."""


def dateline_agency(text: str) -> str | None:
    """The agency named in the opening dateline ("Reuters", "AFP"), if there is one."""
    match = _DATELINE.search(text[:DATELINE_WINDOW])
    return match["agency"].strip() if match else None


def leading_headline(text: str) -> str | None:
    """The first line, when it stands alone as a headline: short, unpunctuated, then a blank line."""
    first, separator, rest = text.partition("\n\n")
    if not separator or not rest.strip() or "\n" in first:
        return None
    first = first.strip()
    if not first or len(first) > MAX_HEADLINE_CHARS or _TERMINAL.search(first):
        return None
    return first
