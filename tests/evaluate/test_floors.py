"""The quality gate: headline figures may not fall below their floors in benchmarks/floors.json.

Floor names are `<scorer>.<figure>`; each scorer with floors is run once on its default data
through its `headline(eval_data)` function. Skips without the evaluation data; a floor whose
scorer module does not exist yet is skipped, one whose figure disappeared fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warledger.commands.evaluate import scorer_module
from warledger.evaluate.figures import Figure

FLOORS_FILE = Path(__file__).resolve().parents[2] / "benchmarks" / "floors.json"
FLOORS: dict[str, float] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
_cache: dict[str, dict[str, Figure]] = {}


def headline(scorer: str, eval_data: Path) -> dict[str, Figure]:
    if scorer not in _cache:
        module = scorer_module(scorer)
        if module is None or not hasattr(module, "headline"):
            pytest.skip(f"the {scorer} scorer has no headline() yet")
        _cache[scorer] = {f.name: f for f in module.headline(eval_data)}
    return _cache[scorer]


def test_floors_file_is_well_formed() -> None:
    assert FLOORS, "benchmarks/floors.json pins no figure"
    for name, floor in FLOORS.items():
        assert "." in name, f"{name}: floors are named <scorer>.<figure>"
        assert isinstance(floor, int | float) and 0.0 <= floor <= 1.0, name


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_figure_is_not_below_its_floor(name: str, eval_data: Path) -> None:
    figures = headline(name.split(".", 1)[0], eval_data)
    assert name in figures, f"{name} is pinned in floors.json but the scorer no longer reports it"
    figure = figures[name]
    assert figure.better == "higher", f"{name}: only higher-is-better figures take a floor"
    assert figure.value is not None and figure.value >= FLOORS[name], (
        f"{name} = {figure.value} fell below its floor {FLOORS[name]} (n={figure.n})"
    )
