"""The scorers' data files (evaluate/data/*.yaml), read once per process."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from warledger.errors import ConfigError


@cache
def load_data(name: str) -> Any:
    """The parsed YAML file `evaluate/data/<name>.yaml`."""
    path = files("warledger.evaluate").joinpath("data", f"{name}.yaml")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"evaluate data file {name}.yaml cannot be read: {exc}") from exc
