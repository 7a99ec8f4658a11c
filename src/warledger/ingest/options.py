"""What every reader needs besides the bytes: limits, and metadata given on the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from warledger.document import Document, normalise_text, parse_date, published_note
from warledger.ingest.checks import check_text
from warledger.ingest.dateline import dateline_agency, leading_headline
from warledger.limits import check_length
from warledger.settings import Settings


@dataclass(frozen=True)
class ReadOptions:
    """Command-line metadata fills what a file does not say; the file's own metadata wins."""

    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    encoding: str | None = None
    settings: Settings = field(default_factory=Settings.load)


def with_headline(body: str, title: str | None) -> str:
    """The body, preceded by its headline as a first paragraph unless it already starts with it.

    Headlines often carry the main event ("Drone strike kills five in Marib"); putting them in the
    text gives those events evidence spans.
    """
    if not title:
        return body
    headline = normalise_text(title)
    first_line = body.lstrip().split("\n", 1)[0]
    if not headline or first_line.casefold().startswith(headline.casefold()):
        return body
    return f"{headline}\n\n{body}"


def make_document(
    body: str,
    options: ReadOptions,
    *,
    input: str,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | date | None = None,
    what_if_empty: str = "the file has no text",
) -> Document:
    """A checked Document: refuses empty or non-English bodies (InputFailure).

    Metadata comes from the file first, then the command line, then the text itself (a headline
    standing alone on the first line, the agency of a wire dateline).
    """
    body = normalise_text(body)
    check_text(input, body, options.settings.min_chars, what_if_empty)
    title = normalise_text(title) if title else None
    document = Document.make(
        with_headline(body, title),
        url=url or options.url,
        title=title or leading_headline(body),
        outlet=outlet or options.outlet or dateline_agency(body),
        published=parse_date(published) or options.published,
        input=input,
    )
    check_length(input, document.text, options.settings.max_chars)
    note = published_note(published)
    if note:
        document.notes.insert(0, note)
    return document
