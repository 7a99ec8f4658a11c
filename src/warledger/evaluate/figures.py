"""Figures: a named measurement with the number of items it was measured on, and their table.

Every scorer returns a list of `Figure`s; `warledger evaluate` prints them, `benchmarks/accuracy.py`
collects the headline ones, and `benchmarks/floors.json` pins minimums by `name`. A scorer module
may expose `headline(eval_data: Path) -> list[Figure]` (its figures on its default data) so that
the bench and the quality gate can run it without parsing its printed output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal


@dataclass(frozen=True)
class Figure:
    name: str
    value: float | None
    """None when there was nothing to measure (n == 0)."""
    n: int
    better: Literal["higher", "lower"] = "higher"
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def share(name: str, outcomes: Iterable[bool | None], note: str = "") -> Figure:
    """The share of True among the outcomes that are not None."""
    scored = [o for o in outcomes if o is not None]
    value = sum(scored) / len(scored) if scored else None
    return Figure(name, value, len(scored), note=note)


@dataclass(frozen=True)
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int
    """Gold items of this class."""
    predicted: int


def per_class(gold: Sequence[str], predicted: Sequence[str | None]) -> list[ClassScore]:
    """Precision, recall and F1 of each class that occurs in gold or in the predictions (a
    missing prediction, None, counts against the gold class and is no class of its own), most
    frequent gold class first."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        if p == g:
            tp[g] += 1
            continue
        fn[g] += 1
        if p is not None:
            fp[p] += 1
    labels = set(gold) | {p for p in predicted if p is not None}
    support = Counter(gold)
    scores = []
    for label in sorted(labels, key=lambda x: (-support[x], x)):
        made, true = tp[label] + fp[label], tp[label] + fn[label]
        denominator = 2 * tp[label] + fp[label] + fn[label]
        scores.append(
            ClassScore(
                label,
                tp[label] / made if made else 0.0,
                tp[label] / true if true else 0.0,
                2 * tp[label] / denominator if denominator else 0.0,
                support[label],
                made,
            )
        )
    return scores


def macro_f1(gold: Sequence[str], predicted: Sequence[str | None]) -> float | None:
    """Macro-averaged F1 over `per_class`'s classes; None without gold."""
    if not gold:
        return None
    scores = per_class(gold, predicted)
    return sum(s.f1 for s in scores) / len(scores)


def format_classes(scores: Sequence[ClassScore], title: str | None = None) -> str:
    """Per-class precision, recall, F1, gold support and number predicted."""
    width = max([len("class"), *(len(s.label) for s in scores)])
    lines = [title] if title else []
    lines.append(f"{'class':<{width}}      P      R     F1   gold  pred")
    lines.append("-" * (width + 33))
    for s in scores:
        lines.append(
            f"{s.label:<{width}}  {s.precision:5.3f}  {s.recall:5.3f}  {s.f1:5.3f}  {s.support:5d}  {s.predicted:4d}"
        )
    return "\n".join(lines)


def format_table(figures: Sequence[Figure], title: str | None = None) -> str:
    """A plain-text table: figure, value, n (and which way is better when lower)."""
    rows = [("figure", "value", "n")]
    for f in figures:
        value = "-" if f.value is None else f"{f.value:.3f}"
        name = f.name + (" (lower is better)" if f.better == "lower" else "")
        rows.append((name, value, str(f.n)))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [title] if title else []
    for i, (name, value, n) in enumerate(rows):
        lines.append(f"{name:<{widths[0]}}  {value:>{widths[1]}}  {n:>{widths[2]}}")
        if i == 0:
            lines.append("-" * (sum(widths) + 4))
    return "\n".join(lines)
