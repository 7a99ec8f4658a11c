"""The one module that writes the DuckDB database (default `warledger.duckdb`, see Settings.db).

Each document is saved with its report in ONE transaction: after a failure or an interruption the
database holds the whole document or nothing of it. A document already stored (same id, i.e. the
same normalised text) is not stored again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from warledger.document import Document
from warledger.errors import StoreError
from warledger.report import Report
from warledger.settings import Settings
from warledger.store.health import check_file, check_schema, connect, explain
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
        self._types: dict[str, list[str]] = {}

    @classmethod
    def open(cls, path: str | Path, wait_seconds: float | None = None) -> Store:
        """Open (creating and migrating as needed) the database at `path`; ':memory:' for none.

        Waits up to `wait_seconds` (default Settings.db_wait_seconds) for another process that
        has it open; refuses, with a StoreError, a file that is not a warledger database."""
        name = str(path)
        if name != ":memory:":
            Path(name).parent.mkdir(parents=True, exist_ok=True)
            check_file(Path(name))
        if wait_seconds is None:
            wait_seconds = Settings.load().db_wait_seconds
        con = connect(name, wait_seconds)
        try:
            migrate(con)
            check_schema(name, con)
        except duckdb.Error as exc:
            con.close()
            raise StoreError(explain(name, exc, opening=True)) from exc
        except StoreError:
            con.close()
            raise
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
        return (
            self.con.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone()
            is not None
        )

    def save(self, document: Document, report: Report) -> bool:
        """Store a document and its report in one transaction; False when it was already stored."""
        return self.save_many([(document, report)]) == 1

    def save_many(self, pairs: Sequence[tuple[Document, Report]]) -> int:
        """Store several documents in one transaction (all or none); how many were new.

        Rows go in one statement per table, not one per row: DuckDB is a column store, and
        row-at-a-time inserts would cost more than the extraction that produced them.
        """
        for document, report in pairs:
            if report.document.id != document.id:
                raise StoreError(
                    f"report {report.document.id} is not the report of document {document.id}"
                )
        now = _now()
        self.con.execute("BEGIN TRANSACTION")
        try:
            new: dict[str, tuple[Document, Report]] = {}
            for document, report in pairs:
                if document.id not in new and not self.has_document(document.id):
                    new[document.id] = (document, report)
            tables: dict[str, list[Row]] = {"documents": []}
            for document, report in new.values():
                body = report.to_dict()
                tables["documents"].append(document_row(document, body, now))
                for table, rows in table_rows(document.id, report, body):
                    tables.setdefault(table, []).extend(rows)
            for table, rows in tables.items():
                self._insert(table, rows)
            self.con.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, duckdb.Error):
                raise StoreError(explain(self.path, exc)) from exc
            raise
        return len(new)

    def _rollback(self) -> None:
        """Undo the open transaction; when a failed COMMIT has already ended it, DuckDB's "cannot
        rollback" must not hide the real cause (a full disk, say)."""
        with contextlib.suppress(duckdb.Error):
            self.con.execute("ROLLBACK")

    def _insert(self, table: str, rows: list[Row]) -> None:
        """All rows in one statement: each column goes in as one typed list, unnested."""
        if not rows:
            return
        types = self._column_types(table)
        columns = [list(column) for column in zip(*rows, strict=True)]
        select = ", ".join(f"unnest(?::{kind}[])" for kind in types)
        self.con.execute(f"INSERT INTO {table} SELECT {select}", columns)

    def _column_types(self, table: str) -> list[str]:
        if table not in self._types:
            self._types[table] = [
                row[0]
                for row in self.con.execute(
                    "SELECT data_type FROM information_schema.columns WHERE table_name = ? "
                    "ORDER BY ordinal_position",
                    [table],
                ).fetchall()
            ]
        return self._types[table]

    def document_ids(self) -> list[str]:
        return [
            row[0] for row in self.con.execute("SELECT id FROM documents ORDER BY id").fetchall()
        ]

    def count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    # the cross-document record (resolve/)

    RESOLVED_TABLES = (
        "doc_links",
        "judgements",
        "global_actors",
        "actor_members",
        "global_events",
        "event_members",
        "contradictions",
        "flows",
        "network",
    )

    def unsigned_documents(self) -> list[tuple[str, str, str | None]]:
        """(id, text, outlet) of the documents that have no MinHash signature yet."""
        return [
            (row[0], row[1], row[2])
            for row in self.con.execute(
                "SELECT id, text, outlet FROM documents WHERE id NOT IN "
                "(SELECT document_id FROM doc_signatures) ORDER BY id"
            ).fetchall()
        ]

    def signatures(self) -> list[tuple[str, int, list[int], bool]]:
        return [
            (row[0], row[1], row[2], row[3])
            for row in self.con.execute(
                "SELECT document_id, shingles, signature, own_dateline FROM doc_signatures "
                "ORDER BY document_id"
            ).fetchall()
        ]

    def replace_resolution(self, signatures: list[Row], tables: dict[str, list[Row]]) -> None:
        """Add new signatures and replace every derived resolution table, in one transaction."""
        unknown = set(tables) - set(self.RESOLVED_TABLES)
        if unknown:
            raise StoreError(f"not resolution tables: {sorted(unknown)}")
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._insert("doc_signatures", signatures)
            for table in self.RESOLVED_TABLES:
                self.con.execute(f"DELETE FROM {table}")
                self._insert(table, tables.get(table, []))
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def undone(self) -> set[tuple[str, str, str]]:
        """(kind, document_id, record_id) of every undone merge."""
        rows = self.con.execute(
            "SELECT kind, document_id, record_id FROM resolve_undone"
        ).fetchall()
        return {(row[0], row[1], row[2]) for row in rows}

    def mark_undone(self, judgement_id: str) -> tuple[str, str, str] | None:
        """Keep the record of this judgement on its own from now on; None for an unknown id."""
        row = self.con.execute(
            "SELECT kind, document_id, record_id FROM judgements WHERE id = ?", [judgement_id]
        ).fetchone()
        if row is None:
            return None
        self.con.execute(
            "INSERT INTO resolve_undone VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [row[0], row[1], row[2], judgement_id, _now()],
        )
        return (row[0], row[1], row[2])

    def mark_redone(self, judgement_id: str) -> bool:
        """Let an undone judgement's record merge again; False when it was not undone."""
        found = self.con.execute(
            "SELECT 1 FROM resolve_undone WHERE judgement_id = ?", [judgement_id]
        ).fetchone()
        self.con.execute("DELETE FROM resolve_undone WHERE judgement_id = ?", [judgement_id])
        return found is not None

    # failures

    def record_failure(self, input: str, reason: str, message: str) -> None:
        """Note that `input` failed; a repeat failure updates the reason and counts the attempt."""
        now = _now()
        try:
            self.con.execute(
                """
                INSERT INTO failures VALUES (?, ?, ?, ?, ?, 1, false)
                ON CONFLICT (input) DO UPDATE SET reason = excluded.reason,
                    message = excluded.message, last_seen = excluded.last_seen,
                    attempts = failures.attempts + 1, resolved = false
                """,
                [input, reason, message, now, now],
            )
        except duckdb.Error as exc:
            raise StoreError(explain(self.path, exc)) from exc

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
