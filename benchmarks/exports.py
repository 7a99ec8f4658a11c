"""Export time and size for each format, each output checked by its format's validator or library.

    python benchmarks/exports.py [--db FILE] [--repeat N]

Without --db it builds the `make run` sample database in a temporary folder (`ingest samples`,
then `resolve`). Each format is exported `--repeat` times in this process (`warledger export
--format F`, the CLI's own code); the first run of each is left out of the times (it imports the
format's libraries). Prints, per format: what was written (records, bytes), CPU and wall
milliseconds of one export (the best of the timed runs), and the validator that read it back.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from warledger.cli import main

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("acled", "geojson", "gexf", "graphml", "plover", "ftm", "stix", "jsonl")


def check_acled(path: Path) -> tuple[int, str]:
    from warledger.reference.acled import read_rows

    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    read, counts = read_rows(path)
    assert len(read) + counts.skipped + counts.duplicates == len(rows)
    return len(rows), "read back by `warledger import acled`'s reader (ACLED's column set)"


def check_geojson(path: Path) -> tuple[int, str]:
    from geojson_pydantic import FeatureCollection

    data = json.loads(path.read_text("utf-8"))
    FeatureCollection.model_validate(data)
    return len(data["features"]), "geojson-pydantic FeatureCollection (RFC 7946)"


def check_gexf(path: Path) -> tuple[int, str]:
    import networkx as nx

    graph = nx.read_gexf(path)
    return graph.number_of_nodes() + graph.number_of_edges(), "networkx read_gexf (nodes + edges)"


def check_graphml(path: Path) -> tuple[int, str]:
    import networkx as nx

    graph = nx.read_graphml(path)
    return graph.number_of_nodes() + graph.number_of_edges(), "networkx read_graphml"


def check_plover(path: Path) -> tuple[int, str]:
    events = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    for event in events:
        assert {"event_type", "mode", "context", "date"} <= event.keys(), event
        assert event["event_type"], event
    return len(events), "JSON per line with PLOVER's fields (no PLOVER validator on PyPI)"


def check_ftm(path: Path) -> tuple[int, str]:
    from followthemoney import model

    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    for row in rows:
        proxy = model.get_proxy(row, cleaned=False)
        assert proxy.schema.validate(row) is None
    ftm = Path(sys.executable).parent / "ftm"
    done = subprocess.run([str(ftm), "validate", "-i", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return len(rows), "followthemoney model + `ftm validate`"


def check_stix(path: Path) -> tuple[int, str]:
    from stix2validator import ValidationOptions, validate_string

    text = path.read_text("utf-8")
    result = validate_string(text, ValidationOptions(version="2.1"))
    assert result.is_valid, [str(e) for e in result.errors]
    return len(json.loads(text)["objects"]), "stix2-validator 2.1"


def check_jsonl(path: Path) -> tuple[int, str]:
    from warledger.schema import validation_errors

    reports = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert all(validation_errors(report) == [] for report in reports)
    return len(reports), "report.schema.json"


CHECKS: dict[str, Callable[[Path], tuple[int, str]]] = {
    "acled": check_acled,
    "geojson": check_geojson,
    "gexf": check_gexf,
    "graphml": check_graphml,
    "plover": check_plover,
    "ftm": check_ftm,
    "stix": check_stix,
    "jsonl": check_jsonl,
}


def sample_database(folder: Path) -> Path:
    """`make run`'s database: the samples ingested, then resolved."""
    db = folder / "warledger.duckdb"
    assert main(["ingest", str(ROOT / "samples"), "--db", str(db)]) == 0
    assert main(["resolve", "--db", str(db)]) == 0
    return db


def main_() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a database (default: build the sample one)")
    parser.add_argument("--repeat", type=int, default=4, help="exports per format (first untimed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = args.db or sample_database(folder)
        print(f"\nexports of {db}")
        print("| format | records | bytes | CPU ms | wall ms | validator |")
        print("| --- | --- | --- | --- | --- | --- |")
        for fmt in FORMATS:
            out = folder / f"export.{fmt}"
            cpu, wall = [], []
            for _ in range(max(2, args.repeat)):
                started, started_cpu = time.perf_counter(), time.process_time()
                assert main(["export", "--format", fmt, "--db", str(db), "-o", str(out)]) == 0
                cpu.append(time.process_time() - started_cpu)
                wall.append(time.perf_counter() - started)
            records, validator = CHECKS[fmt](out)
            print(
                f"| {fmt} | {records:,} | {out.stat().st_size:,} | {min(cpu[1:]) * 1000:.0f} | "
                f"{min(wall[1:]) * 1000:.0f} | {validator} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main_())
