"""The one module that writes the DuckDB database (default `warledger.duckdb`, see Settings.db).

Each document is saved with its report in ONE transaction: after a failure or an interruption the
database holds the whole document or nothing of it. A document already stored (same id, i.e. the
same normalised text) is not stored again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from warledger.document import Document
from warledger.errors import StoreError
from warledger.report import Report
from warledger.store.migrate import migrate
from warledger.store.rows import Row, document_row, table_rows


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Failure:
    input: str
    reason: str
    message: str
    first_seen: datetime
    last_seen: datetime
    attempts: int
    resolved: bool


@dataclass
class Stats:
    documents: int = 0
    by_outlet: list[tuple[str, int]] = field(default_factory=list)
    top_actors: list[tuple[str, str, int]] = field(default_factory=list)
    """(name, kind, documents mentioning it)."""
    events_by_type: list[tuple[str, int]] = field(default_factory=list)
    top_places: list[tuple[str, str | None, int]] = field(default_factory=list)
    """(name, country, documents mentioning it)."""
    relations_by_type: list[tuple[str, int]] = field(default_factory=list)
    failures_by_reason: list[tuple[str, int]] = field(default_factory=list)
    """Unresolved failures only."""


class Store:
    """A DuckDB database of documents, their reports and the inputs that failed."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating and migrating as needed) the database at `path`; ':memory:' for none."""
        name = str(path)
        if name != ":memory:":
            Path(name).parent.mkdir(parents=True, exist_ok=True)
        try:
            con = duckdb.connect(name)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open the database {name}: {exc}; check the path, or whether another "
                "warledger process has it open"
            ) from exc
        migrate(con)
        return cls(con, name)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # documents

    def has_document(self, document_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone() is not None

    def save(self, document: Document, report: Report) -> bool:
        """Store a document and its report in one transaction; False when it was already stored."""
        if report.document.id != document.id:
            raise StoreError(f"report {report.document.id} is not the report of document {document.id}")
        self.con.execute("BEGIN TRANSACTION")
        try:
            if self.has_document(document.id):
                self.con.execute("ROLLBACK")
                return False
            self._insert("documents", [document_row(document, report, _now())])
            for table, rows in table_rows(document.id, report):
                self._insert(table, rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return True

    def _insert(self, table: str, rows: list[Row]) -> None:
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            self.con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    def document_ids(self) -> list[str]:
        return [row[0] for row in self.con.execute("SELECT id FROM documents ORDER BY id").fetchall()]

    def count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    # failures

    def record_failure(self, input: str, reason: str, message: str) -> None:
        """Note that `input` failed; a repeat failure updates the reason and counts the attempt."""
        now = _now()
        self.con.execute(
            """
            INSERT INTO failures VALUES (?, ?, ?, ?, ?, 1, false)
            ON CONFLICT (input) DO UPDATE SET reason = excluded.reason, message = excluded.message,
                last_seen = excluded.last_seen, attempts = failures.attempts + 1, resolved = false
            """,
            [input, reason, message, now, now],
        )

    def resolve_failures(self, inputs: Iterable[str]) -> None:
        """Mark the failures of these inputs resolved (they have since been read)."""
        names = list(inputs)
        if names:
            self.con.execute(
                "UPDATE failures SET resolved = true WHERE NOT resolved AND list_contains(?, input)",
                [names],
            )

    def failures(self, include_resolved: bool = False) -> list[Failure]:
        where = "" if include_resolved else "WHERE NOT resolved"
        rows = self.con.execute(f"SELECT * FROM failures {where} ORDER BY input").fetchall()
        return [Failure(*row) for row in rows]

    # summary

    def _pairs(self, sql: str) -> list[Any]:
        return [tuple(row) for row in self.con.execute(sql).fetchall()]

    def stats(self, top: int = 10) -> Stats:
        return Stats(
            documents=self.count("documents"),
            by_outlet=self._pairs(
                "SELECT coalesce(outlet, '(unknown)') AS o, count(*) AS n FROM documents "
                "GROUP BY o ORDER BY n DESC, o"
            ),
            top_actors=self._pairs(
                "SELECT name, kind, count(DISTINCT document_id) AS n FROM actors "
                f"GROUP BY name, kind ORDER BY n DESC, name LIMIT {int(top)}"
            ),
            events_by_type=self._pairs(
                "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type"
            ),
            top_places=self._pairs(
                "SELECT name, country, count(DISTINCT document_id) AS n FROM places "
                f"GROUP BY name, country ORDER BY n DESC, name LIMIT {int(top)}"
            ),
            relations_by_type=self._pairs(
                "SELECT type, count(*) AS n FROM relations GROUP BY type ORDER BY n DESC, type"
            ),
            failures_by_reason=self._pairs(
                "SELECT reason, count(*) AS n FROM failures WHERE NOT resolved "
                "GROUP BY reason ORDER BY n DESC, reason"
            ),
        )
