"""A full GeoNames gazetteer in the local DuckDB store, for village-level geocoding.

`load_geonames(path, db)` streams a GeoNames dump (allCountries.txt, or a per-country file such as
SY.txt: the standard 19-column tab-separated format) into table `gazetteer`, one row per
(place, name variant), with the `place_key`/`fuzzy_key` of `warledger.kb.translit` precomputed.
Populated places (P), administrative units (A), spots such as airports and bases (S), areas (L)
and relief features (T) are kept; other feature classes are skipped.

At extract time `geonames_db()` opens that database read-only when the file named by
`WARLEDGER_DB` (Settings.db) exists and holds the table; `GeonamesDb.lookup` then returns its
places next to the embedded gazetteer's, and they win over the embedded copy of the same place.
This module opens the DuckDB file directly, so it does not depend on `warledger.store`.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import duckdb

from warledger.kb.gazetteer_build import CITY_POPULATION, usable_alias
from warledger.kb.gazetteer_model import GazPlace, Match, alias_match
from warledger.kb.translit import fuzzy_key, place_key

TABLE = "gazetteer"
COLUMNS = (
    "geonameid BIGINT, name VARCHAR, alias VARCHAR, key VARCHAR, fkey VARCHAR, kind VARCHAR, "
    "country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE, feature_code VARCHAR, "
    "population BIGINT"
)
"""`country` is ISO3; `admin1` the GeoNames admin1 reference "CC.code" (e.g. "SY.12")."""
KEPT_CLASSES = frozenset("PASLT")
BATCH_ROWS = 500_000


def _iso3_of() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def feature_kind(feature_class: str, feature_code: str, population: int) -> str:
    """The place kind (SCHEMA.md) of a GeoNames feature."""
    if feature_class == "P":
        return "city" if population >= CITY_POPULATION else "locality"
    if feature_class == "A":
        if feature_code.startswith("PCL"):
            return "country"
        return "admin1" if feature_code == "ADM1" else "admin2"
    return "site" if feature_class == "S" else "region"


def geonames_rows(path: Path) -> Iterator[tuple[object, ...]]:
    """Table rows from a GeoNames dump, streamed line by line."""
    iso3_of = _iso3_of()
    with path.open(encoding="utf-8", newline="") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or cols[6] not in KEPT_CLASSES:
                continue
            try:
                gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            except ValueError:
                continue
            population = int(cols[14]) if cols[14].isdigit() else 0
            country = iso3_of.get(cols[8])
            kind = feature_kind(cols[6], cols[7], population)
            admin1 = f"{cols[8]}.{cols[10]}" if cols[10] else None
            aliases = [a for a in cols[3].split(",") if usable_alias(a)]
            seen: set[tuple[str, str]] = set()
            for alias in dict.fromkeys((cols[1], cols[2], *aliases)):
                keys = (place_key(alias), fuzzy_key(alias))
                if not keys[0] or keys in seen:
                    continue
                seen.add(keys)
                yield (
                    gid,
                    cols[1],
                    alias,
                    *keys,
                    kind,
                    country,
                    admin1,
                    lat,
                    lon,
                    cols[7],
                    population,
                )


def load_geonames(path: Path, db: Path) -> int:
    """Import a GeoNames dump into table `gazetteer` of `db`; returns the number of places.

    Places already in the table (same geonameid) are replaced, so loading SY.txt then LY.txt, or
    the same file twice, is safe."""
    db.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db))
    try:
        con.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} ({COLUMNS})")
        con.execute(f"CREATE TEMP TABLE incoming ({COLUMNS})")
        with tempfile.TemporaryDirectory() as tmp:
            for chunk in _chunks(geonames_rows(path), Path(tmp)):
                con.execute(
                    "INSERT INTO incoming SELECT * FROM read_csv(?, delim='\t', quote='\"', "
                    "escape='\"', header=false, auto_detect=false, columns=?)",
                    [str(chunk), _column_types()],
                )
                chunk.unlink()
        con.execute(f"DELETE FROM {TABLE} WHERE geonameid IN (SELECT geonameid FROM incoming)")
        con.execute(f"INSERT INTO {TABLE} SELECT * FROM incoming")
        count = con.execute("SELECT count(DISTINCT geonameid) FROM incoming").fetchone()
        con.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_key ON {TABLE} (key)")
        con.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_fkey ON {TABLE} (fkey)")
    finally:
        con.close()
    geonames_db.cache_clear()
    return int(count[0]) if count else 0


def _column_types() -> dict[str, str]:
    pairs = (c.strip().split(" ") for c in COLUMNS.split(","))
    return {name: kind for name, kind in pairs}


def _chunks(rows: Iterator[tuple[object, ...]], directory: Path) -> Iterator[Path]:
    """Rows written to temporary TSV files of BATCH_ROWS rows each."""
    n = 0
    while True:
        path = directory / f"chunk{n}.tsv"
        written = 0
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter="\t", quotechar='"', lineterminator="\n")
            for row in rows:
                writer.writerow(["" if v is None else v for v in row])
                written += 1
                if written >= BATCH_ROWS:
                    break
        if not written:
            path.unlink()
            return
        yield path
        n += 1


@dataclass
class GeonamesDb:
    """Read-only lookups in an imported GeoNames table, cached per name."""

    con: duckdb.DuckDBPyConnection
    admin1_names: dict[str, tuple[str, str]] = field(default_factory=dict)
    """GeoNames admin1 reference ("SY.12") -> (ISO 3166-2 code, English name)."""
    _cache: dict[str, list[Match]] = field(default_factory=dict)

    def lookup(self, name: str) -> list[Match]:
        key = place_key(name)
        if key in self._cache:
            return self._cache[key]
        fkey = fuzzy_key(name)
        rows = self.con.execute(
            f"SELECT geonameid, any_value(name), kind, country, admin1, lat, lon, population, "
            f"min(CASE WHEN key = ? THEN 0 ELSE 1 END) AS tier FROM {TABLE} "
            f"WHERE key = ? OR (length(?) >= 3 AND fkey = ?) "
            f"GROUP BY geonameid, kind, country, admin1, lat, lon, population",
            [key, key, fkey, fkey],
        ).fetchall()
        out = []
        for gid, pname, kind, country, admin1, lat, lon, population, tier in rows:
            code, admin_name = self.admin1_names.get(admin1 or "", (None, None))
            place = GazPlace(
                name=pname,
                kind=kind,
                country=country,
                lat=lat,
                lon=lon,
                population=int(population or 0),
                geonames_id=int(gid),
                admin1_code=code,
                admin1=admin_name,
                source="geonames",
            )
            out.append(alias_match(place, name, int(tier)))
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = out
        return out


@lru_cache(maxsize=4)
def geonames_db(path: str) -> GeonamesDb | None:
    """The imported GeoNames table of database `path`, or None (no file, no table, locked)."""
    if not path or not os.path.exists(path):
        return None
    try:
        con = duckdb.connect(path, read_only=True)
        tables = {
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if TABLE not in tables:
            con.close()
            return None
    except duckdb.Error:
        return None
    from warledger.kb.gazetteer import load_gazetteer

    return GeonamesDb(con, admin1_names=load_gazetteer().admin1_by_geonames)
