"""`warledger import acled CSV`: ACLED rows as reference events (table `reference_events`,
dataset `acled`), every cell kept. Re-importing a row (same event_id_cnty) replaces it.

Parsing is the ACLED evaluation's (`evaluate.acled_rows.row_from_cells`): any vintage of ACLED's
columns, dates as "9-May-20", "dd-mm-yy" or ISO. A file that is not an ACLED export is refused
with an InputError; a row without notes is skipped and counted.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warledger.errors import InputError
from warledger.evaluate.acled_rows import row_from_cells
from warledger.store import Store

DATASET = "acled"
REQUIRED = ("event_date", "notes")


@dataclass
class Imported:
    rows: int = 0
    skipped: int = 0
    """Rows without notes (nothing to compare)."""
    duplicates: int = 0
    """Rows whose id appeared earlier in the file (the later row is kept)."""


def read_rows(path: Path) -> tuple[list[tuple[Any, ...]], Imported]:
    """The reference_events rows of an ACLED CSV, in the table's column order."""
    if not path.is_file():
        raise InputError("missing", f"{path}: no such file; give the path of an ACLED CSV export")
    now = datetime.now(UTC).replace(tzinfo=None)
    found: dict[str, tuple[Any, ...]] = {}
    counts = Imported()
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = {(f or "").strip().lower() for f in reader.fieldnames or []}
            missing = [c for c in REQUIRED if c not in columns]
            if missing:
                raise InputError(
                    "malformed",
                    f"{path}: not an ACLED export (no {', '.join(missing)} column); "
                    "give a CSV with ACLED's columns (event_id_cnty, event_date, notes, ...)",
                )
            for line, raw in enumerate(reader, start=2):
                cells = {(k or "").strip().lower(): (v or "") for k, v in raw.items() if k}
                row = row_from_cells(cells, line)
                if not row.notes:
                    counts.skipped += 1
                    continue
                if row.row_id in found:
                    counts.duplicates += 1
                found[row.row_id] = (
                    DATASET,
                    row.row_id,
                    str(path),
                    line,
                    row.event_date.isoformat() if row.event_date else None,
                    row.event_type,
                    row.sub_event_type,
                    row.actor1 or None,
                    row.actor2 or None,
                    row.country or None,
                    row.iso3,
                    row.location,
                    row.latitude,
                    row.longitude,
                    row.fatalities,
                    row.notes,
                    json.dumps(cells, ensure_ascii=False),
                    now,
                )
    except UnicodeDecodeError as exc:
        raise InputError(
            "encoding", f"{path}: not UTF-8 text ({exc.reason}); save it as UTF-8"
        ) from exc
    counts.rows = len(found)
    return list(found.values()), counts


def import_acled(store: Store, path: Path) -> Imported:
    """Load an ACLED CSV into `reference_events`; the counts of what was read."""
    rows, counts = read_rows(path)
    store.replace_reference(DATASET, rows)
    return counts
