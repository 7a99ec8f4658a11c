"""The store's SQL is written once, in DuckDB's dialect with `?` placeholders; this module turns it
into PostgreSQL's, from the translations in `data/dialects.yaml`:

- `ddl(sql)`: a migration's types (DOUBLE -> DOUBLE PRECISION, UBIGINT -> BIGINT, ...) and the
  few statement spellings that differ;
- `placeholders(sql)`: `?` -> `%s` outside quotes and comments, and `%` -> `%%`, for psycopg;
- `catalog_type(duckdb_type)`: how PostgreSQL's catalogue names the type a migration built, for
  the check that a database still has warledger's schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from warledger.errors import ConfigError
from warledger.yaml_data import load_yaml

# A quoted string, a quoted name or a comment (left alone), or a placeholder.
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|(\?)", re.S)


@dataclass(frozen=True)
class Dialect:
    types: tuple[tuple[re.Pattern[str], str], ...]
    rewrites: tuple[tuple[re.Pattern[str], str], ...]
    catalog_names: dict[str, str]

    def ddl(self, sql: str) -> str:
        """A migration written for DuckDB, as PostgreSQL runs it."""
        for pattern, replacement in self.types:
            sql = pattern.sub(replacement, sql)
        for pattern, replacement in self.rewrites:
            sql = pattern.sub(replacement, sql)
        return sql

    def catalog_type(self, duckdb_type: str) -> str:
        """The name PostgreSQL's `format_type` gives the column a migration declared as
        `duckdb_type` (as DuckDB's information_schema spells it, e.g. 'UBIGINT[]')."""
        base, brackets = duckdb_type, ""
        while base.endswith("[]"):
            base, brackets = base[:-2], brackets + "[]"
        translated = self.ddl(base)
        return self.catalog_names.get(translated, translated.lower()) + brackets


def placeholders(sql: str) -> str:
    """`?` placeholders (outside quotes and comments) as psycopg's `%s`; every `%` doubled, as
    psycopg reads `%` everywhere, quoted or not."""
    return _TOKENS.sub(lambda m: "%s" if m[1] else m[0], sql.replace("%", "%%"))


@lru_cache(maxsize=1)
def postgresql() -> Dialect:
    """The PostgreSQL translations of data/dialects.yaml."""
    path = files("warledger.store").joinpath("data", "dialects.yaml")
    data = load_yaml(path.read_text("utf-8"))
    try:
        spec = data["postgresql"]
        types = tuple(
            (re.compile(rf"(?<![\w.]){re.escape(word)}(?!\w|\s+PRECISION)"), str(pg))
            for word, pg in spec["types"].items()
        )
        rewrites = tuple((re.compile(p), str(r)) for p, r in spec.get("rewrites") or [])
        catalog = {str(k): str(v) for k, v in (spec.get("catalog_names") or {}).items()}
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise ConfigError(f"store/data/dialects.yaml is malformed ({exc!r}); fix it") from exc
    return Dialect(types, rewrites, catalog)
