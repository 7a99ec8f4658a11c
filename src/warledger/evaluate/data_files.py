"""The scorers' data files (evaluate/data/*.yaml), read once per process."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from warledger.errors import ConfigError, EvaluationDataMissing
from warledger.settings import Settings
from warledger.yaml_data import load_yaml


@cache
def load_data(name: str) -> Any:
    """The parsed YAML file `evaluate/data/<name>.yaml`."""
    path = files("warledger.evaluate").joinpath("data", f"{name}.yaml")
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"evaluate data file {name}.yaml cannot be read: {exc}") from exc


def gold_file(given: Path | None, relative: str | Path, what: str) -> Path:
    """The gold file a scorer reads: `given`, else `relative` under the evaluation data
    (WARLEDGER_EVAL_DATA); a clear error when it is not there."""
    path = given or Settings.load().eval_data / relative
    if not path.is_file():
        raise EvaluationDataMissing(
            f"{what} not found at {path}; give its path or set WARLEDGER_EVAL_DATA"
        )
    return path
