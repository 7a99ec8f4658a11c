"""Reading ACLED exports: monadic exports (one row per actor) are read as events with both actors.
The CSV rows are written here for the test, in the layout of ACLED's exports."""

from __future__ import annotations

import csv
from pathlib import Path

from warledger.evaluate.acled_rows import read_acled

MONADIC = [
    "event_id_cnty",
    "event_date",
    "sub_event_type",
    "actor1",
    "interaction",
    "country",
    "notes",
]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_monadic_pairs_become_one_event_with_both_actors(tmp_path: Path) -> None:
    note_a = "On 2 March 2023, a crowd beat a man suspected of theft in a market town."
    note_b = "On 3 March 2023, workers marched peacefully to demand their wages."
    note_c = "On 4 March 2023, students clashed with police during a demonstration."
    path = _write(
        tmp_path / "monadic.csv",
        MONADIC,
        [
            [
                "XYZ1",
                "2-March-2023",
                "Mob violence",
                "Rioters (Xland)",
                "Rioters-Civilians",
                "Xland",
                note_a,
            ],
            [
                "XYZ1",
                "2-March-2023",
                "Mob violence",
                "Civilians (Xland)",
                "Rioters-Civilians",
                "Xland",
                note_a,
            ],
            [
                "XYZ2",
                "3-March-2023",
                "Peaceful protest",
                "Protesters (Xland)",
                "Protesters only",
                "Xland",
                note_b,
            ],
            [
                "XYZ3",
                "4-March-2023",
                "Violent demonstration",
                "Rioters (Xland)",
                "State forces-Rioters",
                "Xland",
                note_c,
            ],
            [
                "XYZ3",
                "4-March-2023",
                "Violent demonstration",
                "Police Forces of Xland (2020-)",
                "State forces-Rioters",
                "Xland",
                note_c,
            ],
        ],
    )
    rows = list(read_acled(path))
    assert [(r.row_id, r.actor1, r.actor2) for r in rows] == [
        ("XYZ1", "Rioters (Xland)", "Civilians (Xland)"),
        ("XYZ2", "Protesters (Xland)", ""),
        ("XYZ3", "Rioters (Xland)", "Police Forces of Xland (2020-)"),
    ]


def test_export_without_repeated_ids_keeps_actor2_unknown(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "plain.csv",
        MONADIC,
        [
            [
                "XYZ1",
                "2-March-2023",
                "Peaceful protest",
                "Protesters (Xland)",
                "Protesters only",
                "Xland",
                "Teachers marched.",
            ],
            [
                "XYZ2",
                "3-March-2023",
                "Peaceful protest",
                "Protesters (Xland)",
                "Protesters only",
                "Xland",
                "Nurses marched.",
            ],
        ],
    )
    assert [(r.row_id, r.actor2) for r in read_acled(path)] == [("XYZ1", None), ("XYZ2", None)]


def test_dyadic_export_is_read_row_by_row(tmp_path: Path) -> None:
    header = ["event_id_cnty", "event_date", "actor1", "actor2", "country", "notes"]
    path = _write(
        tmp_path / "dyadic.csv",
        header,
        [
            [
                "XYZ1",
                "2-March-2023",
                "Rioters (Xland)",
                "Civilians (Xland)",
                "Xland",
                "A crowd beat a man.",
            ],
            ["XYZ1", "2-March-2023", "Rioters (Xland)", "", "Xland", "A crowd burned a car."],
        ],
    )
    assert [(r.actor1, r.actor2) for r in read_acled(path)] == [
        ("Rioters (Xland)", "Civilians (Xland)"),
        ("Rioters (Xland)", ""),
    ]
