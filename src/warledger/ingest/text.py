"""Plain-text files -> one Document each."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warledger.document import Document
from warledger.errors import InputError
from warledger.ingest.checks import check_binary, decode, read_limited
from warledger.ingest.options import ReadOptions, make_document


def read_text(
    input: str, stream: BinaryIO, options: ReadOptions
) -> Iterator[Document | InputError]:
    data = read_limited(input, stream, options.settings.max_bytes)
    check_binary(input, data)
    yield make_document(decode(input, data, options.encoding), options, input=input)
