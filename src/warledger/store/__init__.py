"""The database: `schema.sql` (the current schema), numbered `migrations/`, and `Store`, the one
module that writes DuckDB."""

from warledger.store.duckdb_store import Failure, Stats, Store

__all__ = ["Failure", "Stats", "Store"]
