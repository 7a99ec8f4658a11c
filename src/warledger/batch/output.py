"""The batch's output folder: one Parquet file of reports and one of failures per partition, and a
manifest entry per partition that is written last.

    DIR/reports/part-KEY.parquet    document_id, input, url, title, outlet, published, language,
                                    notes, text, report (the report's JSON)
    DIR/failures/part-KEY.parquet   input, reason, message
    DIR/manifest/part-KEY.json      what the partition holds; its presence means "done"

Every file is written under a temporary name, flushed to disk and renamed into place, so a kill at
any point leaves either the whole file or none of it; a partition without its manifest entry is
done again on the next run, and its files are simply rewritten.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from warledger.document import Document
from warledger.errors import BatchError
from warledger.ingest.into_store import Problem
from warledger.report import Report

REPORTS = pa.schema(
    [
        ("document_id", pa.string()),
        ("input", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("published", pa.date32()),
        ("language", pa.string()),
        ("notes", pa.list_(pa.string())),
        ("text", pa.string()),
        ("report", pa.string()),
    ]
)
FAILURES = pa.schema([("input", pa.string()), ("reason", pa.string()), ("message", pa.string())])


@dataclass(frozen=True)
class ManifestEntry:
    """One finished partition."""

    key: str
    index: int
    documents: int
    failures: int
    reports_file: str
    failures_file: str
    worker: str
    seconds: float
    cpu_seconds: float
    """CPU seconds of the worker process while it ran the partition (with processes=False, of
    the whole process)."""
    peak_rss_mb: float = 0.0
    """The worker process's peak memory (RSS) so far, when the partition was done."""


def _atomic_write(path: Path, write: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write(temporary)
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_reports(path: Path, pairs: list[tuple[Document, Report]]) -> None:
    columns: dict[str, list[Any]] = {name: [] for name in REPORTS.names}
    for document, report in pairs:
        columns["document_id"].append(document.id)
        columns["input"].append(document.input)
        columns["url"].append(document.url)
        columns["title"].append(document.title)
        columns["outlet"].append(document.outlet)
        columns["published"].append(document.published)
        columns["language"].append(document.language)
        columns["notes"].append(list(document.notes))
        columns["text"].append(document.text)
        columns["report"].append(json.dumps(report.to_dict(), ensure_ascii=False))
    table = pa.Table.from_pydict(columns, schema=REPORTS)
    _atomic_write(path, lambda target: pq.write_table(table, target))


def write_failures(path: Path, problems: list[Problem]) -> None:
    table = pa.Table.from_pydict(
        {
            "input": [p.input for p in problems],
            "reason": [p.reason for p in problems],
            "message": [p.message for p in problems],
        },
        schema=FAILURES,
    )
    _atomic_write(path, lambda target: pq.write_table(table, target))


def write_manifest(out: Path, entry: ManifestEntry) -> None:
    text = json.dumps(asdict(entry), indent=1) + "\n"
    _atomic_write(manifest_path(out, entry.key), lambda target: target.write_text(text))


def remove_leftovers(out: Path) -> int:
    """Delete the temporary files of writes a kill cut short; how many there were."""
    removed = 0
    for folder in ("reports", "failures", "manifest"):
        for path in (out / folder).glob(".*.tmp"):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def manifest_path(out: Path, key: str) -> Path:
    return out / "manifest" / f"part-{key}.json"


def done_keys(out: Path) -> set[str]:
    """The partitions whose manifest entry and files are all in place."""
    return {entry.key for entry in manifest(out)}


def manifest(out: Path) -> list[ManifestEntry]:
    """The finished partitions, in partition order. An entry that cannot be read, or whose files
    are missing, is left out (its partition is done again by the next run)."""
    entries: list[ManifestEntry] = []
    folder = out / "manifest"
    if not folder.is_dir():
        return entries
    for path in sorted(folder.glob("part-*.json")):
        try:
            entry = ManifestEntry(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            continue
        if (out / entry.reports_file).is_file() and (out / entry.failures_file).is_file():
            entries.append(entry)
    return sorted(entries, key=lambda e: (e.index, e.key))


def read_reports(out: Path, entry: ManifestEntry) -> Iterator[tuple[Document, dict[str, Any]]]:
    """The documents of a partition with their reports' dicts, in partition order."""
    table = _read(out / entry.reports_file, REPORTS)
    for row in table.to_pylist():
        published = row["published"]
        document = Document(
            text=row["text"],
            url=row["url"],
            title=row["title"],
            outlet=row["outlet"],
            published=published if isinstance(published, date) else None,
            input=row["input"],
            language=row["language"],
            id=row["document_id"],
            notes=list(row["notes"] or []),
        )
        yield document, json.loads(row["report"])


def read_failures(out: Path, entry: ManifestEntry) -> list[Problem]:
    table = _read(out / entry.failures_file, FAILURES)
    return [Problem(r["input"], r["reason"], r["message"]) for r in table.to_pylist()]


def _read(path: Path, schema: pa.Schema) -> pa.Table:
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        raise BatchError(
            f"{path}: cannot be read as a batch partition ({exc}); delete it and its manifest "
            "entry, then run `warledger batch` again to redo the partition"
        ) from exc
    if not table.schema.equals(schema, check_metadata=False):
        raise BatchError(
            f"{path}: not a warledger batch partition (its columns are {table.schema.names}); "
            "was the folder written by another program?"
        )
    return table
