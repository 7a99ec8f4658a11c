"""WARC archives (warcio): each HTML or plain-text response is a document.

Requests, metadata, redirects, error pages and non-text payloads (images, scripts) are not articles
and are passed over. Each document's input is `PATH:N`, N the record's 1-based position in the
archive, and its URL the record's WARC-Target-URI. A damaged archive keeps what came before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from warledger.document import Document
from warledger.errors import InputError
from warledger.ingest.checks import InputFailure, decode
from warledger.ingest.html import decode_html, html_to_document
from warledger.ingest.options import ReadOptions, make_document

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
_CUT = "the archive ends inside this record"
_WHAT_TO_DO = "; the file was probably copied or downloaded incompletely: fetch it again"
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.IGNORECASE)


def _payload_type(record: Any) -> tuple[str, str | None] | None:
    """(media type, declared charset) of a record worth reading, else None."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        header = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        header = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    media = header.split(";", 1)[0].strip().lower()
    if media not in HTML_TYPES + TEXT_TYPES:
        return None
    charset = _CHARSET.search(header)
    return media, (charset[1] if charset else None)


def _record_document(record: Any, where: str, options: ReadOptions) -> Document | None:
    kind = _payload_type(record)
    if kind is None:
        return None
    media, charset = kind
    max_bytes = options.settings.max_bytes
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputFailure(
            where, "too_large", f"the record is over the {max_bytes / 1e6:.1f} MB limit"
        )
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:  # the archive ended inside this record: its text is cut short
        raise InputFailure(where, "truncated", f"{_CUT} ({missing} bytes missing){_WHAT_TO_DO}")
    url = record.rec_headers.get_header("WARC-Target-URI")
    if media in HTML_TYPES:
        page = decode_html(where, data, options.encoding, charset)
        return html_to_document(where, page, options, url=url)
    text = decode(where, data, options.encoding or charset)
    return make_document(
        text, options, input=where, url=url, what_if_empty="the record has no text"
    )


def _trailing_bytes(stream: BinaryIO, end: int) -> bool:
    """True when something other than blank lines follows the last complete record."""
    if not stream.seekable():
        return False
    stream.seek(end)
    while chunk := stream.read(65536):
        if chunk.strip():
            return True
    return False


def read_warc(
    input: str, stream: BinaryIO, options: ReadOptions
) -> Iterator[Document | InputError]:
    number = 0
    try:
        records = ArchiveIterator(stream)
        for number, record in enumerate(records, start=1):  # noqa: B007
            try:
                document = _record_document(record, f"{input}:{number}", options)
            except InputError as error:
                yield error
                continue
            if document is not None:
                yield document
        if _trailing_bytes(stream, records.offset):  # a gzip member cut short is silently skipped
            yield InputFailure(
                f"{input}:{number + 1}", "truncated", f"{_CUT}, and was not read{_WHAT_TO_DO}"
            )
    # warcio raises whatever its parsers hit on a damaged archive (ArchiveLoadFailed, zlib.error,
    # even AttributeError on a record with no URI): all mean the archive is broken from here on.
    except Exception as exc:
        yield InputFailure(
            input,
            "malformed",
            f"the archive is damaged after record {number} ({exc}); the records before it were read",
        )
