"""Schema migrations: numbered SQL files applied in order, each recorded in `schema_version`.

A database written by an older warledger is brought up to date when opened; one written by a newer
warledger is refused rather than misread.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from importlib.resources import files
from typing import Any, Protocol

import duckdb

from warledger.errors import StoreError


class Connection(Protocol):
    """What migrations need of a connection: DuckDB's, or the store's PostgreSQL one."""

    def execute(self, sql: str, params: Any = ..., /) -> Any: ...


_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


@lru_cache(maxsize=1)
def migrations() -> tuple[Migration, ...]:
    """Every migration shipped with the package, in version order."""
    found = []
    for entry in files("warledger.store").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise StoreError(
            f"store migrations are not numbered 001, 002, ...: {[m.version for m in found]}"
        )
    return tuple(found)


def latest_version() -> int:
    return migrations()[-1].version


def current_version(con: Connection) -> int:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(
    con: Connection,
    translate: Callable[[str], str] = str,
    errors: tuple[type[BaseException], ...] = (duckdb.Error,),
) -> int:
    """Apply the migrations the database lacks, each in its own transaction; the new version.

    `translate` turns a migration's SQL into the backend's dialect (PostgreSQL: dialect.ddl);
    `errors` are the backend's own errors, reported as a StoreError naming the migration."""
    version = current_version(con)
    if version > latest_version():
        raise StoreError(
            f"the database is at schema version {version}, newer than this warledger knows "
            f"({latest_version()}); upgrade warledger to read it"
        )
    for migration in migrations():
        if migration.version <= version:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(translate(migration.sql))
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                [migration.version, migration.name, datetime.now(UTC).replace(tzinfo=None)],
            )
            con.execute("COMMIT")
        except errors as exc:
            with contextlib.suppress(*errors):  # a failed COMMIT has already ended it
                con.execute("ROLLBACK")
            raise StoreError(
                f"migration {migration.version:03d}_{migration.name} failed: {exc}"
            ) from exc
        version = migration.version
    return version
