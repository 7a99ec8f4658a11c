"""The one entry point for reading: paths, folders and stdin -> Documents or InputErrors.

Readers (one module per format) stream `Document`s and yield an `InputError` for each input or
record they cannot use; nothing raises out of `read_inputs`, so one bad file never stops a batch.
Folders are walked recursively in name order, skipping hidden entries and source or config files
(a corpus folder may hold the script that built it); a file named explicitly is always read.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from warledger.document import Document, parse_date
from warledger.errors import ConfigError, InputError
from warledger.ingest.checks import InputFailure, check_binary, check_size, read_limited
from warledger.ingest.feed import read_feed
from warledger.ingest.html import read_html
from warledger.ingest.jsonl import read_json, read_jsonl
from warledger.ingest.options import ReadOptions
from warledger.ingest.sniff import CONTAINER_SUFFIXES, HEAD_BYTES, Format, sniff
from warledger.ingest.text import read_text
from warledger.ingest.warc import read_warc
from warledger.settings import Settings

Reader = Callable[[str, BinaryIO, ReadOptions], Iterator[Document | InputError]]
READERS: dict[Format, Reader] = {
    "warc": read_warc,
    "feed": read_feed,
    "html": read_html,
    "jsonl": read_jsonl,
    "json": read_json,
    "text": read_text,
}
CONTAINERS: frozenset[Format] = frozenset({"warc", "jsonl"})
SKIPPED_IN_FOLDERS = frozenset(
    [
        ".py",
        ".pyc",
        ".sh",
        ".js",
        ".css",
        ".toml",
        ".cfg",
        ".ini",
        ".yaml",
        ".yml",
        ".lock",
        ".duckdb",
        ".wal",
    ]
)


def read_inputs(
    paths: Iterable[str | Path],
    published: str | date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    settings: Settings | None = None,
) -> Iterator[Document | InputError]:
    """Every document in `paths` (files, folders, `-` for stdin), in order, with the failures.

    Raises ConfigError (before reading anything) when `published` is given but is not a date."""
    if published is not None and parse_date(published) is None:
        raise ConfigError(f"--published {published!r} is not a date; write it as YYYY-MM-DD")
    options = ReadOptions(
        published=parse_date(published),
        outlet=outlet,
        url=url,
        encoding=encoding,
        settings=settings or Settings.load(),
    )
    for path in paths:
        yield from read_path(str(path), options)


def read_path(name: str, options: ReadOptions) -> Iterator[Document | InputError]:
    if name == "-":
        yield from _guarded("-", _read_stdin(options))
        return
    path = Path(name)
    if path.is_dir():
        for file in _walk(path):
            if isinstance(file, InputError):
                yield file
            else:
                yield from _read_named(str(file), file, options)
        return
    yield from _read_named(name, path, options)


def _read_named(name: str, path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    bad_name = _name_failure(name)
    if bad_name is not None:
        yield bad_name
        return
    yield from _guarded(name, _read_file(name, path, options))


def _name_failure(name: str) -> InputFailure | None:
    """A file name that is not valid UTF-8 (Python holds its bytes as lone surrogates) cannot be
    stored or printed; it is a failure under its name shown with \\x escapes, not a crash."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = os.fsencode(name)  # the bytes the file system gave
        except UnicodeEncodeError:  # a surrogate that did not come from the file system
            raw = name.encode("utf-8", "backslashreplace")
        shown = raw.decode("utf-8", "backslashreplace")
        return InputFailure(
            shown,
            "encoding",
            "the file name is not valid UTF-8 (its odd bytes are shown as \\x escapes); rename "
            "the file (e.g. `convmv -f latin1 -t utf8 --notest`) and read it again",
        )
    return None


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """The files under `folder`, with a failure for each sub-folder that cannot be listed and each
    link to a folder (not followed: a link can loop, or lead out of the corpus)."""
    unlisted: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unlisted.append):
        while unlisted:
            error = unlisted.pop(0)
            yield InputFailure(
                str(error.filename or root),
                "unreadable",
                f"the folder cannot be listed ({error.strerror}); check its permissions",
            )
        visible = sorted(d for d in dirs if not d.startswith("."))
        for name in visible:
            if (Path(root) / name).is_symlink():
                yield InputFailure(
                    str(Path(root) / name),
                    "link",
                    "a link to a folder is not followed (it could loop or lead outside the "
                    "corpus); give its target as a PATH to read it",
                )
        dirs[:] = [d for d in visible if not (Path(root) / d).is_symlink()]
        for file in sorted(files):
            if not file.startswith(".") and Path(file).suffix.lower() not in SKIPPED_IN_FOLDERS:
                yield Path(root) / file
    for error in unlisted:  # the top folder itself
        yield InputFailure(
            str(error.filename or folder),
            "unreadable",
            f"the folder cannot be listed ({error.strerror}); check its permissions",
        )


def _guarded(
    input: str, reader: Iterator[Document | InputError]
) -> Iterator[Document | InputError]:
    """Run a reader (a generator), turning any failure it raises into a yielded InputError."""
    try:
        yield from reader
    except InputError as error:
        yield error
    except FileNotFoundError:
        yield InputFailure(input, "not_found", "no such file or folder; check the path")
    except PermissionError:
        yield InputFailure(input, "unreadable", "permission denied; check the file's permissions")
    except IsADirectoryError:
        yield InputFailure(input, "unreadable", "this is a folder that cannot be listed")
    except Exception as exc:  # a parser library choking on one odd input must not stop the batch
        yield InputFailure(
            input,
            "unreadable",
            f"could not be read ({type(exc).__name__}: {exc}); check the file, or report it as a bug",
        )


def _read_file(input: str, path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    max_bytes = options.settings.max_bytes
    if not path.name.lower().endswith(CONTAINER_SUFFIXES):
        check_size(input, path, max_bytes)
    with path.open("rb") as stream:
        head = stream.read(HEAD_BYTES)
        fmt = _format(input, head, path.name)
        if fmt not in CONTAINERS:
            check_size(input, path, max_bytes)
        stream.seek(0)
        yield from READERS[fmt](input, stream, options)


def _read_stdin(options: ReadOptions) -> Iterator[Document | InputError]:
    data = read_limited("-", sys.stdin.buffer, options.settings.max_bytes)
    yield from READERS[_format("-", data[:HEAD_BYTES], "")]("-", io.BytesIO(data), options)


def _format(input: str, head: bytes, name: str) -> Format:
    fmt = sniff(head, name)
    if fmt != "warc":
        check_binary(input, head)
    if fmt is None:  # gzip data that is not a WARC (check_binary names it first)
        raise InputFailure(
            input, "binary", "compressed data that is not a WARC archive; decompress it first"
        )
    return fmt
