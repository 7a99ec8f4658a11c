"""ACLED figures per country and their mean over countries.

A file with many theatres is judged country by country: pooled figures are dominated by the
countries with the most rows, so the generalisation figure is the mean over countries with at
least `MIN_ROWS` rows (each country weighs the same). A country where a figure has no gold (no
row with an actor2, say) does not count towards that figure's mean.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from warledger.evaluate.acled_score import RowScore, figures
from warledger.evaluate.figures import Figure

MIN_ROWS = 10
"""Countries with fewer rows are listed but left out of the mean."""

COLUMNS = {
    "event_found": "found",
    "sub_event_type": "sub_type",
    "actor1_name": "actor1",
    "actor2_name": "actor2",
    "event_date": "date",
    "location": "location",
    "location_km": "loc_25km",
    "country": "country",
    "fatalities": "fatal",
}
"""The figures shown per country, in table order, with their column headings."""


@dataclass(frozen=True)
class CountryFigures:
    country: str
    rows: int
    figures: dict[str, Figure]

    def to_dict(self) -> dict[str, object]:
        return {
            "country": self.country,
            "rows": self.rows,
            "figures": {name: f.value for name, f in self.figures.items()},
        }


def by_country(scores: Sequence[RowScore]) -> list[CountryFigures]:
    """Figures for each country of the rows, most rows first (then by name)."""
    groups: dict[str, list[RowScore]] = defaultdict(list)
    for score in scores:
        groups[score.row.country or score.row.iso3 or "(no country)"].append(score)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    return [
        CountryFigures(country, len(rows), {f.name: f for f in figures(rows)})
        for country, rows in ordered
    ]


def country_mean(countries: Sequence[CountryFigures], min_rows: int = MIN_ROWS) -> list[Figure]:
    """Each figure's mean over the countries with at least `min_rows` rows that have gold for it;
    `n` is the number of countries averaged."""
    counted = [c for c in countries if c.rows >= min_rows]
    names: list[str] = []
    for country in counted:
        names.extend(name for name in country.figures if name not in names)
    result = []
    for name in names:
        values = [
            f.value
            for c in counted
            if (f := c.figures.get(name)) is not None and f.value is not None
        ]
        better = next(c.figures[name].better for c in counted if name in c.figures)
        mean = sum(values) / len(values) if values else None
        note = f"mean over {len(values)} countries with >= {min_rows} rows"
        result.append(Figure(name, mean, len(values), better, note))
    return result


def format_countries(
    countries: Sequence[CountryFigures], mean: Sequence[Figure], min_rows: int = MIN_ROWS
) -> str:
    """One line per country (rows, then the COLUMNS figures), and the mean over countries."""
    names = [c.country for c in countries] + [f"mean (>= {min_rows} rows)"]
    width = max(len(n) for n in names)
    header = f"{'country':<{width}}  {'rows':>5}  " + "  ".join(f"{h:>8}" for h in COLUMNS.values())
    lines = [header, "-" * len(header)]

    def cells(values: dict[str, float | None]) -> str:
        return "  ".join(
            f"{'-':>8}" if values.get(c) is None else f"{values[c]:8.3f}" for c in COLUMNS
        )

    for c in countries:
        values = {name: f.value for name, f in c.figures.items()}
        lines.append(f"{c.country:<{width}}  {c.rows:>5}  {cells(values)}".rstrip())
    counted = sum(1 for c in countries if c.rows >= min_rows)
    lines.append("-" * len(header))
    lines.append(
        f"{names[-1]:<{width}}  {counted:>5}  {cells({f.name: f.value for f in mean})}".rstrip()
    )
    return "\n".join(lines)
