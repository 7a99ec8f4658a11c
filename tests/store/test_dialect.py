"""The DuckDB -> PostgreSQL translations of store/data/dialects.yaml."""

from __future__ import annotations

from warledger.store.dialect import placeholders, postgresql


def test_migration_types_become_postgresql_types_and_other_words_stay():
    sql = (
        "CREATE OR REPLACE TABLE t (lat DOUBLE, sig UBIGINT[] NOT NULL, x DOUBLE PRECISION, "
        "small TINYINT, f FLOAT, raw BLOB, n HUGEINT, double_check VARCHAR, 'DOUBLE' VARCHAR);"
    )
    assert postgresql().ddl(sql) == (
        "CREATE TABLE t (lat DOUBLE PRECISION, sig BIGINT[] NOT NULL, x DOUBLE PRECISION, "
        "small SMALLINT, f REAL, raw BYTEA, n NUMERIC(38), double_check VARCHAR, 'DOUBLE PRECISION' VARCHAR);"
    )


def test_catalog_names_of_migration_types():
    dialect = postgresql()
    assert [
        dialect.catalog_type(kind)
        for kind in ("VARCHAR", "DOUBLE", "UBIGINT[]", "TIMESTAMP", "JSON", "INTEGER", "BOOLEAN")
    ] == [
        "character varying",
        "double precision",
        "bigint[]",
        "timestamp without time zone",
        "json",
        "integer",
        "boolean",
    ]


def test_placeholders_become_psycopg_ones_outside_quotes_and_comments():
    sql = "SELECT '?', \"a?\", x FROM t WHERE y = ? AND z LIKE 'a%' AND w % 2 = ? -- why?\n"
    assert placeholders(sql) == (
        "SELECT '?', \"a?\", x FROM t WHERE y = %s AND z LIKE 'a%%' AND w %% 2 = %s -- why?\n"
    )
