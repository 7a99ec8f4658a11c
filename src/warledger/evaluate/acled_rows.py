"""Reading ACLED CSV exports of any vintage into `AcledRow` gold records.

Handles the current schema (event_date "9-May-20" or ISO), the Kenya export (dates "dd-mm-yy"),
exports without actor2 columns, and the pre-2019 upper-case schema without sub_event_type. A
column a file does not have gives None, and the scorer leaves that figure out for the file.

**Monadic exports.** An export without actor2 columns may be ACLED's monadic form, one row per
actor of an event: an event with two sides is two consecutive rows with the same event id, the
first row's actor the event's actor1 and the second's its actor2 (the rioters, then the civilians
they attacked; the protesters, then the police who intervened). Such a pair is read as one event
with both actors, and a lone row of that file as an event without actor2 (""); scored row by row,
the second row's actor would be an "actor1" that no coder of the event gives as actor1.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from warledger.errors import InputError
from warledger.evaluate.acled_dates import parse_acled_date
from warledger.evaluate.countries import iso3_for

UNKNOWN_FATALITIES = re.compile(r"unknown fatalities coded as 10", re.IGNORECASE)
ALLEGED_WORDS = re.compile(r"\b(?:alleged(?:ly)?|reportedly)\b", re.IGNORECASE)


@dataclass(frozen=True)
class AcledRow:
    row_id: str
    notes: str
    event_date: date | None
    event_type: str | None
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    """None when the file has no actor2 column; "" when the row has no actor2."""
    country: str | None
    iso3: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    fatalities: int | None

    @property
    def unknown_fatalities(self) -> bool:
        """ACLED's note says the fatality count is unknown and was coded as 10."""
        return bool(UNKNOWN_FATALITIES.search(self.notes))

    @property
    def date_stated(self) -> bool:
        """The note states the year of the row's event_date ("On 3 May 2019", "May 3rd 2019"):
        without it no reader of the note alone can give the full date. Old exports' notes often
        state no date at all (the old upper-case schema) or only day and month ("12 Sep.")."""
        return (
            self.event_date is not None
            and re.search(rf"(?<!\d){self.event_date.year}(?!\d)", self.notes) is not None
        )

    @property
    def alleged(self) -> bool:
        """The note hedges the event with "alleged"/"reportedly"."""
        return bool(ALLEGED_WORDS.search(self.notes))


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    number = _float(value)
    return None if number is None else int(number)


def _text(value: str | None) -> str | None:
    return value.strip() if value is not None else None


def row_from_cells(cells: dict[str, str], line: int) -> AcledRow:
    """One gold record from a CSV row whose keys are lower-cased column names."""
    row_id = cells.get("event_id_cnty") or cells.get("data_id") or f"line{line}"
    country = _text(cells.get("country"))
    return AcledRow(
        row_id=row_id.strip(),
        notes=(cells.get("notes") or "").strip(),
        event_date=parse_acled_date(cells.get("event_date")),
        event_type=_text(cells.get("event_type")) or None,
        sub_event_type=_text(cells.get("sub_event_type")) or None,
        actor1=_text(cells.get("actor1")),
        actor2=_text(cells.get("actor2")),
        country=country,
        iso3=(_text(cells.get("iso3")) or None) or iso3_for(country),
        location=_text(cells.get("location")) or None,
        latitude=_float(cells.get("latitude")),
        longitude=_float(cells.get("longitude")),
        fatalities=_int(cells.get("fatalities")),
    )


def fold_monadic(rows: list[AcledRow]) -> list[AcledRow]:
    """The events of a monadic export (see the module docstring): consecutive rows of one event
    id become one row whose actor2 is the second row's actor; unchanged when no event id repeats
    on consecutive rows or the rows already carry actor2."""
    if any(r.actor2 is not None for r in rows):
        return rows
    paired = [
        i for i in range(1, len(rows)) if rows[i].row_id and rows[i].row_id == rows[i - 1].row_id
    ]
    if not paired:
        return rows
    seconds = set(paired)
    out: list[AcledRow] = []
    for i, row in enumerate(rows):
        if i in seconds:
            continue
        second = rows[i + 1].actor1 if i + 1 in seconds else ""
        out.append(replace(row, actor2=second or ""))
    return out


def read_acled(path: Path) -> Iterator[AcledRow]:
    """The rows of an ACLED CSV with a non-empty `notes` cell, in file order (the events of a
    monadic export, one row each: `fold_monadic`)."""
    if not path.is_file():
        raise InputError("missing", f"{path}: no such file; give the path of an ACLED CSV export")
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "notes" not in {f.strip().lower() for f in reader.fieldnames}:
            raise InputError("malformed", f"{path}: not an ACLED export (it has no notes column)")
        rows: list[AcledRow] = []
        for line, raw in enumerate(reader, start=2):
            cells = {(k or "").strip().lower(): (v or "") for k, v in raw.items()}
            rows.append(row_from_cells(cells, line))
    yield from (row for row in fold_monadic(rows) if row.notes)


def choose_rows(
    rows: list[AcledRow], limit: int | None = None, sample: int | None = None, seed: int = 0
) -> list[AcledRow]:
    """The first `limit` rows, or a random `sample` of them (kept in file order), or all."""
    if sample is not None and sample < len(rows):
        picked = set(random.Random(seed).sample(range(len(rows)), sample))
        rows = [row for i, row in enumerate(rows) if i in picked]
    if limit is not None:
        rows = rows[:limit]
    return rows
