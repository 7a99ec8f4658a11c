"""The gazetteer's index on disk: an SQLite file in the cache directory, read where it lies.

Unpickled, the index of 240,000 places and 690,000 name keys takes seconds to load and some 300 MB
of memory in every process. Stored in SQLite it opens at once and costs only what a document looks
up: `StoredPlaces` and `StoredIndex` answer `places[i]` and `exact.get(key)` with one indexed query
each, and keep each place they build so that one place is one object for the whole process (callers
compare places by identity). Connections are opened read-only and once per process: a connection
must not cross a fork (spaCy's worker processes).
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from array import array
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, overload

from warledger.kb.gazetteer_model import GazPlace

_PLACE_COLUMNS = (
    "name, kind, country, lat, lon, population, geonames_id, admin1_code, admin1, source"
)


class Connection:
    """A read-only connection to one store, opened lazily in each process that uses it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pid: int | None = None
        self._con: sqlite3.Connection | None = None

    def get(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "_pid": None, "_con": None}


class StoredPlaces(Sequence[GazPlace]):
    """The gazetteer's place records by index, built on first use."""

    def __init__(self, connection: Connection, count: int) -> None:
        self.connection = connection
        self.size = count
        self._built: dict[int, GazPlace] = {}

    def __len__(self) -> int:
        return self.size

    @overload
    def __getitem__(self, i: int) -> GazPlace: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[GazPlace]: ...

    def __getitem__(self, i: int | slice) -> GazPlace | Sequence[GazPlace]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self.size))]
        if i < 0:
            i += self.size
        place = self._built.get(i)
        if place is None:
            row = (
                self.connection.get()
                .execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE i = ?", (i,))
                .fetchone()
            )
            if row is None:
                raise IndexError(i)
            place = self._built[i] = GazPlace(*row)
        return place


class StoredIndex(Mapping[str, tuple[int, ...]]):
    """A name key -> the indexes of its places, in the order they were indexed."""

    def __init__(self, connection: Connection, table: str) -> None:
        self.connection = connection
        self.table = table

    def __getitem__(self, key: str) -> tuple[int, ...]:
        row = (
            self.connection.get()
            .execute(f"SELECT ids FROM {self.table} WHERE key = ?", (key,))
            .fetchone()
        )
        if row is None:
            raise KeyError(key)
        return tuple(array("i", row[0]))

    def __iter__(self) -> Iterator[str]:
        for (key,) in self.connection.get().execute(f"SELECT key FROM {self.table}"):
            yield key

    def __len__(self) -> int:
        count: int = (
            self.connection.get().execute(f"SELECT count(*) FROM {self.table}").fetchone()[0]
        )
        return count


def write_store(
    path: Path,
    places: Sequence[GazPlace],
    exact: Mapping[str, tuple[int, ...]],
    fuzzy: Mapping[str, tuple[int, ...]],
    extras: dict[str, Any],
) -> None:
    """Write a store to `path` (through a temporary file, so readers never see half of one)."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.execute(
            "CREATE TABLE places (i INTEGER PRIMARY KEY, name TEXT, kind TEXT, country TEXT,"
            " lat REAL, lon REAL, population INTEGER, geonames_id INTEGER, admin1_code TEXT,"
            " admin1 TEXT, source TEXT)"
        )
        con.executemany(
            f"INSERT INTO places (i, {_PLACE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    i,
                    p.name,
                    p.kind,
                    p.country,
                    p.lat,
                    p.lon,
                    p.population,
                    p.geonames_id,
                    p.admin1_code,
                    p.admin1,
                    p.source,
                )
                for i, p in enumerate(places)
            ),
        )
        for table, index in (("exact", exact), ("fuzzy", fuzzy)):
            con.execute(f"CREATE TABLE {table} (key TEXT PRIMARY KEY, ids BLOB) WITHOUT ROWID")
            con.executemany(
                f"INSERT INTO {table} VALUES (?, ?)",
                ((k, array("i", v).tobytes()) for k, v in index.items()),
            )
        con.execute("CREATE TABLE extras (data BLOB)")
        con.execute("INSERT INTO extras VALUES (?)", (pickle.dumps(extras),))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


def read_store(path: Path) -> tuple[StoredPlaces, StoredIndex, StoredIndex, dict[str, Any]]:
    """(places, exact, fuzzy, extras) of the store at `path`; raises sqlite3.Error when it is
    missing or unreadable."""
    if not path.is_file():
        raise sqlite3.OperationalError(f"no gazetteer store at {path}")
    connection = Connection(path)
    con = connection.get()
    count = con.execute("SELECT count(*) FROM places").fetchone()[0]
    extras = pickle.loads(con.execute("SELECT data FROM extras").fetchone()[0])
    return (
        StoredPlaces(connection, count),
        StoredIndex(connection, "exact"),
        StoredIndex(connection, "fuzzy"),
        extras,
    )
