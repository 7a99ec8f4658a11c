"""The PostgreSQL backend of the store: `--db postgresql://user@host:port/name` (or WARLEDGER_DB),
through psycopg 3. Same migrations as DuckDB (translated by store/dialect.py), same queries.

Several processes may write one database at once (ingest from two machines, say):
- migrations run under a session advisory lock, so two first opens do not both build the schema;
- each batch of documents is one transaction that first takes a transaction advisory lock per
  document id (in a fixed order, so two writers cannot deadlock), then stores only the documents
  not stored yet: a document two writers read at once is stored once, by whichever came first;
- `resolve` takes its own lock while it replaces the cross-document tables.
Rows go in by COPY, one per table per batch.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg.adapt import Loader
from psycopg.types.string import TextLoader

from warledger.errors import StoreError
from warledger.settings import Settings
from warledger.store.base import Store, describe
from warledger.store.dialect import placeholders, postgresql
from warledger.store.health import compare_schema, expected_columns
from warledger.store.migrate import migrate
from warledger.store.rows import Row

# Advisory lock namespaces (the first key of pg_advisory_lock(int, int)).
LOCK_MIGRATE = 0x5741_0001
LOCK_DOCUMENT = 0x5741_0002
LOCK_RESOLVE = 0x5741_0003


class _NumberLoader(Loader):
    """NUMERIC as DuckDB returns its numbers: an int without decimals (sum() of integers), else a
    float (avg())."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode("ascii")
        return int(text) if text.lstrip("-").isdigit() else float(text)


class PgConnection:
    """psycopg's connection, taking the store's SQL as written for DuckDB (`?` placeholders),
    returning JSON as text and NUMERIC as numbers, as DuckDB does."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw
        for name in ("json", "jsonb"):
            raw.adapters.register_loader(name, TextLoader)
        raw.adapters.register_loader("numeric", _NumberLoader)

    def execute(self, sql: str, params: Any = None) -> psycopg.Cursor[Any]:
        if not params:
            return self.raw.execute(sql)
        return self.raw.execute(placeholders(sql), params)  # type: ignore[arg-type]

    def cursor(self) -> psycopg.Cursor[Any]:
        return self.raw.cursor()

    def close(self) -> None:
        self.raw.close()


def _lock_key(document_id: str) -> int:
    """A signed 32-bit advisory lock key for a document id."""
    return int.from_bytes(hashlib.sha256(document_id.encode()).digest()[:4], "big", signed=True)


def _clean(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL: it becomes U+FFFD (one character, so spans still hold)."""
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value


class PostgresStore(Store):
    """A PostgreSQL database of documents, their reports and the inputs that failed."""

    backend = "postgresql"
    ERRORS = (psycopg.Error,)
    con: PgConnection

    @classmethod
    def connect(cls, url: str, wait_seconds: float | None = None) -> PostgresStore:
        if wait_seconds is None:
            wait_seconds = Settings.load().db_wait_seconds
        raw = _connect(url, wait_seconds)
        con = PgConnection(raw)
        store = cls(con, url)
        try:
            con.execute("SELECT pg_advisory_lock(?, 0)", [LOCK_MIGRATE])
            try:
                migrate(con, postgresql().ddl, cls.ERRORS)
            finally:
                con.execute("SELECT pg_advisory_unlock(?, 0)", [LOCK_MIGRATE])
            store.check_schema()
        except psycopg.Error as exc:
            raw.close()
            raise StoreError(explain(url, exc, opening=True)) from exc
        except StoreError:
            raw.close()
            raise
        return store

    def check_schema(self) -> None:
        """Refuse a database whose tables were changed outside warledger."""
        dialect = postgresql()
        expected = {
            table: [(column, dialect.catalog_type(kind)) for column, kind in columns]
            for table, columns in expected_columns().items()
        }
        found: dict[str, list[tuple[str, str]]] = {}
        rows = self.con.execute(
            "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 "
            "AND NOT a.attisdropped ORDER BY c.relname, a.attnum"
        ).fetchall()
        for table, column, kind in rows:
            found.setdefault(table, []).append((column, kind))
        compare_schema(describe(self.path), found, expected)

    def _explain(self, exc: BaseException) -> str:
        return explain(self.path, exc)

    def _in_list(self, column: str) -> str:
        return f"{column} = ANY(?)"

    def _lock_documents(self, ids: list[str]) -> None:
        for key in sorted({_lock_key(i) for i in ids}):
            self.con.execute("SELECT pg_advisory_xact_lock(?, ?)", [LOCK_DOCUMENT, key])

    def _lock_resolution(self) -> None:
        self.con.execute("SELECT pg_advisory_xact_lock(?, 0)", [LOCK_RESOLVE])

    def _insert(self, table: str, rows: list[Row]) -> None:
        """All rows by one COPY."""
        if not rows:
            return
        with (
            self.con.cursor() as cursor,
            cursor.copy(f"COPY {table} FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row([_clean(value) for value in row])


def _connect(url: str, wait_seconds: float) -> psycopg.Connection[Any]:
    """A connection in autocommit mode (the store opens its transactions itself), retrying while
    the server is starting up, for up to `wait_seconds`."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return psycopg.connect(
                url, autocommit=True, connect_timeout=max(2, round(wait_seconds))
            )
        except psycopg.Error as exc:
            if "starting up" in str(exc) and time.monotonic() < deadline:
                time.sleep(0.5)
                continue
            raise StoreError(explain(url, exc, opening=True)) from exc


def explain(url: str, exc: BaseException, opening: bool = False) -> str:
    """What went wrong with the PostgreSQL database, and what to do, from a psycopg error."""
    name = describe(url)
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    lower = text.lower()
    where = urlsplit(url)
    server = f"{where.hostname or 'localhost'}:{where.port or 5432}"
    if "no space left" in lower or "could not extend file" in lower:
        return (
            f"the disk of the PostgreSQL server holding {name} is full ({first}); free some space "
            "and run the command again: documents stored before this batch are kept, this batch "
            "was not stored"
        )
    if "connection refused" in lower or "could not connect" in lower or "timeout" in lower:
        return (
            f"cannot reach the PostgreSQL server at {server} ({first}); start it, or fix the host "
            "and port in --db / WARLEDGER_DB"
        )
    if "does not exist" in lower and "database" in lower:
        return (
            f"the PostgreSQL database of {name} does not exist ({first}); create it "
            f"(createdb) or fix the name in --db / WARLEDGER_DB"
        )
    if "password authentication failed" in lower or "no pg_hba.conf entry" in lower:
        return f"PostgreSQL refused the login for {name} ({first}); check the user and password"
    if "permission denied" in lower or "read-only" in lower:
        return f"cannot write the database {name} ({first}); check the user's privileges"
    verb = "open" if opening else "use"
    return f"cannot {verb} the database {name}: {first}"
