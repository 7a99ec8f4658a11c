"""Checks every input passes before extraction, each failing with a typed `InputError`.

Reasons (`InputError.reason`): `binary`, `empty`, `encoding`, `too_large`, `language`,
`malformed` (and, from warledger.limits, `too_slow`). Every message names the input, says what is wrong, and what to do about it.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO

from warledger.errors import InputError
from warledger.ingest.language import detect_language
from warledger.limits import check_length

# Leading bytes of common non-text formats, and what to call them in a message.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_LATIN1_LABELS = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "8859", "cp819"}


class InputFailure(InputError):
    """An `InputError` that also names the input it is about (a path, `-` or `PATH:N`)."""

    def __init__(self, input: str, reason: str, message: str) -> None:
        super().__init__(reason, f"{input}: {message}")
        self.input = input


def check_size(input: str, path: Path, max_bytes: int) -> None:
    """Refuse a file over `max_bytes` from its size on disk, before reading a byte of it."""
    size = path.stat().st_size
    if size > max_bytes:
        raise InputFailure(
            input,
            "too_large",
            f"the file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit; split it, "
            "or raise the limit with WARLEDGER_MAX_BYTES if it really is one article",
        )


def read_limited(input: str, stream: BinaryIO, max_bytes: int) -> bytes:
    """All of a stream, refusing it (without reading further) once it passes `max_bytes`."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputFailure(
            input,
            "too_large",
            f"the input is over the {max_bytes / 1e6:.1f} MB limit; split it, or raise the limit "
            "with WARLEDGER_MAX_BYTES if it really is one article",
        )
    return data


def check_binary(input: str, data: bytes) -> None:
    """Refuse images, archives, PDFs and other binary files."""
    for magic, name in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise InputFailure(
                input,
                "binary",
                f"this is {name}, not text; convert it to text or HTML first",
            )
    if not data.startswith(_UTF16_BOMS) and b"\x00" in data[:65536]:
        raise InputFailure(
            input,
            "binary",
            "the file contains NUL bytes, so it is binary, not text; convert it to text or HTML first",
        )


def _guess_encoding(data: bytes) -> str:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return "an unknown single-byte encoding; pass --encoding with the right one (e.g. cp1256, koi8-r)"
    high = sum(1 for c in text if ord(c) > 127)
    letters = sum(1 for c in text if c.isalpha())
    if letters and high / letters < 0.2:
        return "Latin-1/Windows-1252 (Western European); `--encoding latin-1` reads it"
    return "a single-byte encoding other than Latin-1; pass --encoding with the right one (e.g. cp1256)"


def decode(input: str, data: bytes, encoding: str | None = None) -> str:
    """Bytes to text: the given encoding, else UTF-8 (with or without BOM) or BOM-marked UTF-16."""
    if encoding:
        label = encoding.lower().replace("_", "-")
        try:
            if label in _LATIN1_LABELS:
                # As browsers do: text labelled Latin-1 is nearly always Windows-1252.
                try:
                    return data.decode("cp1252")
                except UnicodeDecodeError:
                    return data.decode("latin-1")
            return data.decode(encoding)
        except LookupError:
            raise InputFailure(
                input,
                "encoding",
                f"unknown encoding {encoding!r}; use a Python codec name such as latin-1",
            ) from None
        except UnicodeDecodeError as exc:
            raise InputFailure(
                input,
                "encoding",
                f"the bytes are not valid {encoding} (at byte {exc.start}); check the --encoding value",
            ) from None
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:  # an odd byte count, or a broken surrogate pair
            raise InputFailure(
                input,
                "encoding",
                f"starts with a UTF-16 byte-order mark but is not valid UTF-16 (at byte "
                f"{exc.start}); it is probably cut short or not UTF-16: check the file",
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFailure(
            input,
            "encoding",
            f"not valid UTF-8 (byte 0x{data[exc.start]:02X} at offset {exc.start}); it looks like "
            f"{_guess_encoding(data)}",
        ) from None


def check_article(text: str, max_chars: int, input: str = "text") -> None:
    """The API's checks (`warledger.extract`): the CLI's, except that a short text is accepted.

    Refuses a text that is empty, has no letters, is not English, or is over `max_chars`.
    """
    if not text.strip():
        raise InputFailure(input, "empty", "the text is empty; pass the article's text")
    guess = detect_language(text)
    if guess.script == "none":
        raise InputFailure(input, "empty", "the text has no letters; pass the article's text")
    if not guess.is_english:
        raise InputFailure(
            input,
            "language",
            f"not English: {guess.reason}; warledger reads English only, translate it first",
        )
    check_length(input, text, max_chars)


def check_text(input: str, text: str, min_chars: int, what: str = "the file has no text") -> None:
    """Refuse texts too short to be an article, and texts that are not in English."""
    if len(text.strip()) < min_chars:
        raise InputFailure(
            input,
            "empty",
            f"{what} (fewer than {min_chars} characters); check that it is the article you meant",
        )
    guess = detect_language(text)
    if not guess.is_english:
        raise InputFailure(
            input,
            "language",
            f"not English: {guess.reason}; warledger reads English only, translate it first",
        )
