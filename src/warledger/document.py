"""The Document record that every reader produces and every extractor consumes."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

_SURROGATES = re.compile("[\ud800-\udfff]")
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


def repair_surrogates(text: str) -> tuple[str, int]:
    """The text with each lone surrogate (no character on its own; JSON's "\\ud800" makes one)
    replaced by U+FFFD, and how many there were. UTF-8 cannot hold them, so neither can a report."""
    return _SURROGATES.subn("\ufffd", text)


def document_id(normalised: str) -> str:
    """Stable id: sha256 of the normalised text, hex."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def published_note(value: str | date | None) -> str | None:
    """A warning when a publication date was given but cannot be read (it is then left empty)."""
    if value is None or isinstance(value, date) or not str(value).strip():
        return None
    if parse_date(value) is not None:
        return None
    shown = str(value).strip()[:60]
    return (
        f"publication date {shown!r} is not a date (YYYY-MM-DD, years 0001-9999): left empty, so "
        "relative dates stay unresolved; give --published YYYY-MM-DD"
    )


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
    notes: list[str] = field(default_factory=list)
    """What was repaired or doubtful in the input; the report lists these first among its warnings."""

    def __post_init__(self) -> None:
        self.text = normalise_text(self.text)
        for name in ("text", "url", "title", "outlet", "input"):
            value = getattr(self, name)
            if value is None:
                continue
            repaired, count = repair_surrogates(value)
            if count:
                setattr(self, name, repaired)
                self.notes.append(
                    f"the {name} held {count} lone surrogate code point(s) (invalid Unicode, e.g. "
                    "a JSON \\ud800 escape): replaced by U+FFFD"
                )
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
        note = published_note(published)
        return cls(
            text=text,
            url=url or None,
            title=(title or None),
            outlet=outlet or None,
            published=parse_date(published),
            input=input,
            notes=[note] if note else [],
        )
