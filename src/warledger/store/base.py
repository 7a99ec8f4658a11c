"""The store interface: one `Store`, two backends.

`Store.open(target)` opens a DuckDB file (a path, or ':memory:') or a PostgreSQL database (a
`postgresql://` URL), creating and migrating it as needed. Both backends run the same migrations
(PostgreSQL through store/data/dialects.yaml) and the same queries, written once with `?`
placeholders; each backend supplies only the connection, the bulk insert, its locks and the
reading of its own errors.

Each document is saved with its report in ONE transaction: after a failure or an interruption the
database holds the whole document or nothing of it. A document already stored (same id, i.e. the
same normalised text) is not stored again, also when several processes write at once
(PostgreSQL; a DuckDB file has one writer at a time).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from warledger.document import Document
from warledger.errors import StoreError
from warledger.report import Report
from warledger.settings import is_postgres
from warledger.store.rows import Row, document_row, table_rows


def describe(target: str | Path) -> str:
    """`target` for messages: a URL without its password."""
    if not is_postgres(target):
        return str(target)
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(str(target))
    if parts.password is None:
        return str(target)
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


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
    """A database of documents, their reports, the cross-document record and the inputs that
    failed. `con.execute(sql, params)` runs one statement (`?` placeholders) on either backend."""

    backend = "base"
    con: Any
    ERRORS: tuple[type[BaseException], ...] = ()
    """The backend's own errors, turned into StoreErrors that name the cause."""

    def __init__(self, con: Any, path: str) -> None:
        self.con = con
        self.path = path

    @classmethod
    def open(cls, path: str | Path, wait_seconds: float | None = None) -> Store:
        """Open (creating and migrating as needed) the database `path`: a DuckDB file,
        ':memory:', or a `postgresql://user@host:port/name` URL.

        Waits up to `wait_seconds` (default Settings.db_wait_seconds) for another process that
        holds it (a DuckDB file) or for the server to answer (PostgreSQL); refuses, with a
        StoreError, a database that is not warledger's."""
        if is_postgres(path):
            from warledger.store.postgres_store import PostgresStore

            return PostgresStore.connect(str(path), wait_seconds)
        from warledger.store.duckdb_store import DuckDBStore

        return DuckDBStore.connect(path, wait_seconds)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # what each backend supplies

    def _insert(self, table: str, rows: list[Row]) -> None:
        """Insert `rows` (in the table's column order) inside the open transaction."""
        raise NotImplementedError

    def _lock_documents(self, ids: list[str]) -> None:
        """Inside the open transaction, wait until no other writer can store these documents."""

    def _lock_resolution(self) -> None:
        """Inside the open transaction, wait until no other `resolve` is writing its tables."""

    def _explain(self, exc: BaseException) -> str:
        return f"cannot use the database {describe(self.path)}: {exc}"

    def _in_list(self, column: str) -> str:
        """A condition: `column` is one of the list bound to the one `?` it holds."""
        raise NotImplementedError

    def _rollback(self) -> None:
        """Undo the open transaction; when a failed COMMIT has already ended it, the backend's
        "no transaction" must not hide the real cause (a full disk, say)."""
        with contextlib.suppress(*self.ERRORS):
            self.con.execute("ROLLBACK")

    def _transaction(self) -> _Transaction:
        return _Transaction(self)

    # reference datasets (`warledger import`), kept apart from the record

    def replace_reference(self, dataset: str, rows: list[Row]) -> None:
        """Store reference events of `dataset` (rows in reference_events' column order) in one
        transaction, replacing any stored event of the same id."""
        if not rows:
            return
        with self._transaction():
            self.con.execute(
                f"DELETE FROM reference_events WHERE dataset = ? AND {self._in_list('id')}",
                [dataset, [row[1] for row in rows]],
            )
            self._insert("reference_events", rows)

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

        Rows go in one bulk statement per table, not one per row (DuckDB: unnested lists;
        PostgreSQL: COPY)."""
        for document, report in pairs:
            if report.document.id != document.id:
                raise StoreError(
                    f"report {report.document.id} is not the report of document {document.id}"
                )
        now = _now()
        with self._transaction():
            self._lock_documents(sorted({document.id for document, _ in pairs}))
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
        return len(new)

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
        "event_fingerprints",
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
        with self._transaction():
            self._lock_resolution()
            if signatures:  # another resolve may have signed some of them meanwhile
                self.con.execute(
                    f"DELETE FROM doc_signatures WHERE {self._in_list('document_id')}",
                    [[row[0] for row in signatures]],
                )
            self._insert("doc_signatures", signatures)
            for table in self.RESOLVED_TABLES:
                self.con.execute(f"DELETE FROM {table}")
                self._insert(table, tables.get(table, []))

    def resolution_rows(self, table: str) -> list[tuple[Any, ...]]:
        """Every stored row of a resolution table, in its column order."""
        if table not in self.RESOLVED_TABLES:
            raise StoreError(f"not a resolution table: {table}")
        return [tuple(row) for row in self.con.execute(f"SELECT * FROM {table}").fetchall()]

    def write_resolution(
        self, signatures: list[Row], tables: dict[str, list[Row]]
    ) -> dict[str, int]:
        """Add new signatures and make every resolution table hold exactly `tables`' rows,
        writing only what differs, in one transaction: the rows that share a first column
        (a document, a global record) are replaced together when any of them changed. Returns
        how many rows each table had replaced or added."""
        from warledger.resolve.incremental import comparable, normal, normal_rows

        unknown = set(tables) - set(self.RESOLVED_TABLES)
        if unknown:
            raise StoreError(f"not resolution tables: {sorted(unknown)}")
        written: dict[str, int] = {}
        with self._transaction():
            self._lock_resolution()
            if signatures:  # another resolve may have signed some of them meanwhile
                self.con.execute(
                    f"DELETE FROM doc_signatures WHERE {self._in_list('document_id')}",
                    [[row[0] for row in signatures]],
                )
            self._insert("doc_signatures", signatures)
            for table in self.RESOLVED_TABLES:
                old: dict[Any, list[tuple[Any, ...]]] = {}
                for row in normal_rows(self.con.execute(f"SELECT * FROM {table}").fetchall()):
                    old.setdefault(row[0], []).append(row)
                new: dict[Any, list[tuple[Any, ...]]] = {}
                for row in tables.get(table, []):
                    new.setdefault(normal(row[0]), []).append(tuple(row))
                changed = [
                    k
                    for k in old.keys() | new.keys()
                    if sorted(map(comparable, old.get(k, [])))
                    != sorted(map(comparable, new.get(k, [])))
                ]
                first = self._column_names(table)[0]
                gone = [k for k in changed if k in old]
                if gone:
                    self.con.execute(f"DELETE FROM {table} WHERE {self._in_list(first)}", [gone])
                rows = [row for k in changed for row in new.get(k, [])]
                self._insert(table, rows)
                written[table] = len(rows)
        return written

    def _column_names(self, table: str) -> list[str]:
        cursor = self.con.execute(f"SELECT * FROM {table} LIMIT 0")
        return [d[0] for d in cursor.description]

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
        except self.ERRORS as exc:
            raise StoreError(self._explain(exc)) from exc

    def resolve_failures(self, inputs: Iterable[str]) -> None:
        """Mark the failures of these inputs resolved (they have since been read)."""
        names = list(inputs)
        if names:
            self.con.execute(
                f"UPDATE failures SET resolved = true WHERE NOT resolved AND {self._in_list('input')}",
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


class _Transaction:
    """`with store._transaction():` BEGIN ... COMMIT, or ROLLBACK on any exception; the
    backend's errors become StoreErrors that name the real cause."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> None:
        self.store.con.execute("BEGIN TRANSACTION")

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        store = self.store
        if exc is None:
            try:
                store.con.execute("COMMIT")
                return
            except BaseException as failed:
                store._rollback()
                if isinstance(failed, store.ERRORS):
                    raise StoreError(store._explain(failed)) from failed
                raise
        store._rollback()
        if isinstance(exc, store.ERRORS):
            raise StoreError(store._explain(exc)) from exc
