"""JSON lines (one `{text, url, title, outlet, published}` object per line) and JSON files.

Each record is its own input, `PATH:N` (N is the 1-based line, or the position in a JSON array):
one bad line is reported and the others are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from warledger.document import Document
from warledger.errors import InputError
from warledger.ingest.checks import InputFailure, decode, read_limited
from warledger.ingest.options import ReadOptions, make_document

TEXT_FIELDS = ("text", "body", "content")
_TOO_DEEP = (
    "the JSON is nested too deeply to read (thousands of levels of [ or {); an article record is "
    '{"text": ...}: fix or remove it'
)


def record_to_document(record: Any, input: str, options: ReadOptions) -> Document:
    """One JSON object; its own metadata wins over the command line's."""
    if not isinstance(record, dict):
        raise InputFailure(
            input, "malformed", 'the record is not a JSON object; write {"text": ...}'
        )
    text = next((record[f] for f in TEXT_FIELDS if isinstance(record.get(f), str)), None)
    if text is None:
        raise InputFailure(
            input,
            "malformed",
            'the record has no "text" string field; put the article text in "text"',
        )
    return make_document(
        text,
        options,
        input=input,
        title=_string(record.get("title")),
        url=_string(record.get("url")),
        outlet=_string(record.get("outlet")),
        published=_string(record.get("published") or record.get("date")),
        what_if_empty="the record's text is empty",
    )


def _string(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _documents(
    records: Iterator[tuple[str, Any]], options: ReadOptions
) -> Iterator[Document | InputError]:
    for input, record in records:
        try:
            yield record_to_document(record, input, options)
        except InputError as error:
            yield error


def read_jsonl(
    input: str, stream: BinaryIO, options: ReadOptions
) -> Iterator[Document | InputError]:
    """Line by line, so a file of any length streams and a bad line costs only itself."""
    max_bytes = options.settings.max_bytes
    for number, raw in enumerate(stream, start=1):
        where = f"{input}:{number}"
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield InputFailure(
                where, "too_large", f"the line is over the {max_bytes / 1e6:.1f} MB limit"
            )
            continue
        try:
            record = json.loads(decode(where, raw, options.encoding))
        except InputError as error:
            yield error
            continue
        except json.JSONDecodeError as exc:
            yield InputFailure(
                where,
                "malformed",
                f"not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line",
            )
            continue
        except RecursionError:
            yield InputFailure(where, "malformed", _TOO_DEEP)
            continue
        try:
            yield record_to_document(record, where, options)
        except InputError as error:
            yield error


def read_json(
    input: str, stream: BinaryIO, options: ReadOptions
) -> Iterator[Document | InputError]:
    """A JSON file holding one record or an array of records."""
    data = read_limited(input, stream, options.settings.max_bytes)
    try:
        value = json.loads(decode(input, data, options.encoding))
    except json.JSONDecodeError as exc:
        raise InputFailure(
            input, "malformed", f"not valid JSON ({exc.msg} at line {exc.lineno}); fix the file"
        ) from None
    except RecursionError:
        raise InputFailure(input, "malformed", _TOO_DEEP) from None
    if isinstance(value, list):
        yield from _documents(((f"{input}:{n}", r) for n, r in enumerate(value, start=1)), options)
    else:
        yield from _documents(iter([(input, value)]), options)
