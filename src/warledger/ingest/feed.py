"""RSS and Atom files (feedparser): each entry is a document, its HTML content turned into text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

import feedparser

from warledger.document import Document
from warledger.errors import InputError
from warledger.ingest.checks import InputFailure, read_limited
from warledger.ingest.html import fragment_to_text
from warledger.ingest.options import ReadOptions, make_document

# feedparser sets `bozo` for these too, but the entries are read correctly.
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
    except (ValueError, OverflowError):  # year 0 or 10000: no date, as for an unreadable one
        return None


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [c.get("value") for c in contents if isinstance(c.get("value"), str)]
    summary = entry.get("summary")  # None in an entry the parser gave up on part-way
    return max(values, key=len) if values else summary if isinstance(summary, str) else ""


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def read_feed(
    input: str, stream: BinaryIO, options: ReadOptions
) -> Iterator[Document | InputError]:
    """Every entry of the feed (`PATH:N`, 1-based); a damaged feed is reported, not fatal."""
    data = read_limited(input, stream, options.settings.max_bytes)
    try:
        parsed = feedparser.parse(data)
    # feedparser raises on some broken input instead of flagging it (UnicodeDecodeError on a
    # non-UTF-8 byte in the XML encoding declaration, found by fuzzing)
    except Exception as exc:
        raise InputFailure(
            input,
            "malformed",
            f"not a readable RSS/Atom feed ({type(exc).__name__}: {exc}); check the file is a "
            "complete feed and its XML declaration is intact",
        ) from None
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and isinstance(problem, _HARMLESS):
        problem = None
    if not parsed.entries:
        if problem is not None:
            raise InputFailure(
                input,
                "malformed",
                f"not a readable RSS/Atom feed ({problem}); check the file is complete",
            )
        raise InputFailure(input, "empty", "the feed has no entries")
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{input}:{number}"
        try:
            yield make_document(
                fragment_to_text(_entry_html(entry)),
                options,
                input=where,
                title=_text_or_none(entry.get("title")),
                url=_text_or_none(entry.get("link")),
                outlet=_text_or_none(outlet),
                published=_entry_date(entry),
                what_if_empty="the feed entry has no text",
            )
        except InputError as error:
            yield error
    if problem is not None:
        yield InputFailure(
            input,
            "malformed",
            f"the feed is damaged ({problem}); {len(parsed.entries)} entries were read, "
            "any after the damage are lost: fetch the feed again",
        )
