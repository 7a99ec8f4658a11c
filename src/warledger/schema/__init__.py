"""The report's JSON Schema (warledger.report/1) and validation against it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator


def schema_text() -> str:
    return files("warledger.schema").joinpath("report.schema.json").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(schema_text()))


def validation_errors(report: dict[str, Any]) -> list[str]:
    """Every way `report` breaks the schema, as readable lines; empty when it is valid."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in _validator().iter_errors(report)
    ]
