"""The database: `schema.sql` (the current schema), numbered `migrations/`, and `Store`, the one
interface that writes it, with two backends: DuckDB (a file; duckdb_store.py) and PostgreSQL (a
`postgresql://` URL; postgres_store.py, imported only when one is opened)."""

from warledger.settings import db_target, is_postgres
from warledger.store.base import Failure, Stats, Store, describe

__all__ = ["Failure", "Stats", "Store", "db_target", "describe", "is_postgres"]
