"""JSON Lines: the stored reports themselves (SCHEMA.md), one per line, oldest first."""

from __future__ import annotations

import json
from typing import TextIO

from warledger.export.record import Record


def write(record: Record, out: TextIO) -> int:
    count = 0
    for report in record.reports.values():
        out.write(json.dumps(report, ensure_ascii=False, sort_keys=False) + "\n")
        count += 1
    return count
