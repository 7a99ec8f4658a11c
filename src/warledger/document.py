"""The Document record that every reader produces and every extractor consumes."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """The canonical text that spans point into: NFC, \\n line ends, single spaces, trimmed lines.

    Paragraph breaks (blank lines) are kept, because sentence splitting respects them.
    """
    text = unicodedata.normalize("NFC", text)
    text = (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n\n")
    )
    text = text.replace("\ufeff", "").replace("\u00ad", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def document_id(normalised: str) -> str:
    """Stable id: sha256 of the normalised text, hex."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def parse_date(value: str | date | None) -> date | None:
    """An ISO date (or the date part of an ISO timestamp); None when absent or unreadable."""
    if value is None or isinstance(value, date):
        return value
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


@dataclass
class Document:
    """One article: normalised text plus what is known about where it came from."""

    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    input: str | None = None
    language: str = "en"
    id: str = field(default="")

    def __post_init__(self) -> None:
        self.text = normalise_text(self.text)
        if not self.id:
            self.id = document_id(self.text)

    @classmethod
    def make(
        cls,
        text: str,
        *,
        url: str | None = None,
        title: str | None = None,
        outlet: str | None = None,
        published: str | date | None = None,
        input: str | None = None,
    ) -> Document:
        return cls(
            text=text,
            url=url or None,
            title=(title or None),
            outlet=outlet or None,
            published=parse_date(published),
            input=input,
        )
