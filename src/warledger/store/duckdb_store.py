"""The DuckDB backend of the store: a local file (default `warledger.duckdb`, see Settings.db), or
':memory:'. One process writes a file at a time; another waits for it (Settings.db_wait_seconds).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from warledger.errors import StoreError
from warledger.settings import Settings
from warledger.store.base import Store
from warledger.store.health import check_file, check_schema, connect, explain
from warledger.store.migrate import migrate
from warledger.store.rows import Row


class DuckDBStore(Store):
    """A DuckDB database of documents, their reports and the inputs that failed."""

    backend = "duckdb"
    ERRORS = (duckdb.Error,)
    con: duckdb.DuckDBPyConnection

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        super().__init__(con, path)
        self._types: dict[str, list[str]] = {}

    @classmethod
    def connect(cls, path: str | Path, wait_seconds: float | None = None) -> DuckDBStore:
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

    def _explain(self, exc: BaseException) -> str:
        return explain(self.path, exc)

    def _in_list(self, column: str) -> str:
        return f"list_contains(?, {column})"

    def _insert(self, table: str, rows: list[Row]) -> None:
        """All rows in one statement: each column goes in as one typed list, unnested. DuckDB is
        a column store, and row-at-a-time inserts would cost more than the extraction that
        produced them."""
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
