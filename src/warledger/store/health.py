"""Opening a database safely, and saying clearly what is wrong with one that cannot be used.

- a file that is not a DuckDB database (SQLite, a damaged or truncated copy) is refused before
  DuckDB sees it: DuckDB would otherwise try to download its SQLite extension, or report only an IO
  error;
- DuckDB never loads or installs an extension on its own here (warledger runs offline);
- a database another process is writing is waited for (up to `wait_seconds`), then refused with a
  message that says so;
- tables whose columns differ from what the migrations built (a column dropped or changed by hand)
  are refused before anything is written;
- DuckDB's own errors are turned into `StoreError`s that name the real cause (a full disk, not the
  "cannot rollback" that follows it).
"""

from __future__ import annotations

import time
from functools import lru_cache
from pathlib import Path

import duckdb

from warledger.errors import StoreError

DUCKDB_MAGIC = b"DUCK"
"""DuckDB files hold these bytes at offset 8."""
_OFFLINE: dict[str, str | bool | int | float | list[str]] = {
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
}
_OTHER_FORMATS = (
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
)


def check_file(path: Path) -> None:
    """Refuse a file that exists but is not a DuckDB database, from its first bytes."""
    try:
        with path.open("rb") as stream:
            head = stream.read(16)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(
            f"cannot read the database {path}: {exc.strerror}; check its permissions"
        ) from exc
    if not head:
        return  # an empty file: DuckDB makes a database of it
    for magic, name in _OTHER_FORMATS:
        if head.startswith(magic):
            raise StoreError(
                f"{path} is {name}, not a DuckDB database; give --db a new file name "
                "(warledger makes the database) or the .duckdb file warledger wrote"
            )
    if head[8:12] != DUCKDB_MAGIC:
        raise StoreError(
            f"{path} is not a DuckDB database (or its start is damaged); give --db a new file "
            "name, or restore the database from a backup"
        )


def connect(name: str, wait_seconds: float) -> duckdb.DuckDBPyConnection:
    """A connection that loads no extension by itself, waiting out another process's lock."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return duckdb.connect(name, config=_OFFLINE)
        except duckdb.Error as exc:
            locked = "lock" in str(exc).lower()
            if locked and time.monotonic() < deadline:
                time.sleep(0.5)
                continue
            raise StoreError(explain(name, exc, opening=True, waited=wait_seconds)) from exc


def explain(name: str, exc: BaseException, opening: bool = False, waited: float = 0.0) -> str:
    """What went wrong with the database, and what to do, from a DuckDB (or OS) error."""
    text = str(exc)
    lower = text.lower()
    if "no space left" in lower:
        return (
            f"the disk holding {name} is full (No space left on device); free some space and run "
            "the command again: documents stored before this batch are kept, this batch was not "
            "stored"
        )
    if "lock" in lower:
        return (
            f"another process is using the database {name} (waited {waited:g} s for it); run one "
            "ingest at a time per database, or wait for the other to finish"
        )
    if "not a valid duckdb database" in lower or "could not read enough bytes" in lower:
        return (
            f"the database {name} is damaged (truncated or overwritten: {text.splitlines()[0]}); "
            "restore it from a backup, or give --db a new file name"
        )
    if "read-only" in lower or "permission denied" in lower:
        return f"cannot write the database {name} ({text.splitlines()[0]}); check its permissions"
    verb = "open" if opening else "use"
    return f"cannot {verb} the database {name}: {text.splitlines()[0]}"


@lru_cache(maxsize=1)
def expected_columns() -> dict[str, list[tuple[str, str]]]:
    """Each table's (column, type) as the migrations build it, from an in-memory database."""
    from warledger.store.migrate import migrate

    con = duckdb.connect(":memory:", config=_OFFLINE)
    try:
        migrate(con)
        return columns_of(con)
    finally:
        con.close()


def columns_of(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    tables: dict[str, list[tuple[str, str]]] = {}
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
    ).fetchall()
    for table, column, kind in rows:
        tables.setdefault(table, []).append((column, kind))
    return tables


def check_schema(name: str, con: duckdb.DuckDBPyConnection) -> None:
    """Refuse a database whose tables were changed outside warledger (extra tables are allowed)."""
    compare_schema(name, columns_of(con), expected_columns())


def compare_schema(
    name: str,
    found: dict[str, list[tuple[str, str]]],
    expected: dict[str, list[tuple[str, str]]],
) -> None:
    """Refuse a database whose tables (`found`: table -> [(column, type)]) differ from what the
    migrations build (`expected`, in the same backend's type names)."""
    problems = []
    for table, columns in expected.items():
        have = found.get(table)
        if have is None:
            problems.append(f"table {table} is missing")
            continue
        missing = [c for c, _ in columns if c not in dict(have)]
        if missing:
            problems.append(f"table {table} lacks column(s) {', '.join(missing)}")
        elif have[: len(columns)] != columns:
            problems.append(f"table {table} has columns of other types or order than expected")
    if problems:
        raise StoreError(
            f"the database {name} does not have warledger's schema ({'; '.join(problems)}): it "
            "was changed outside warledger; restore it from a backup, or give --db a new file"
        )
