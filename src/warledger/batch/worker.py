"""One partition in a Dask worker: extract its documents with `extract_batch` (the code path of
`ingest`), write its reports and failures, then its manifest entry.

The spaCy pipeline, knowledge base and gazetteer are loaded once per worker process, when it starts
(preload.py: a worker plugin, run again when the nanny restarts a killed worker), and kept. Workers that share one
process (a LocalCluster with processes=False) take turns on the shared pipeline: spaCy pipelines
are not made to be called from two threads at once, and under the GIL nothing is lost.
"""

from __future__ import annotations

import os
import resource
import socket
import threading
import time
from pathlib import Path

from warledger.batch.output import ManifestEntry, write_failures, write_manifest, write_reports
from warledger.batch.plan import Partition
from warledger.ingest.into_store import Problem, extract_batch, storable

_PIPELINE_LOCK = threading.Lock()


def preload() -> None:
    """Load the pipeline and what the stages load once (knowledge base, gazetteer, rule data)."""
    from warledger.limits import warm_up
    from warledger.nlp import load_nlp

    with _PIPELINE_LOCK:
        warm_up(load_nlp())


def run_partition(
    partition: Partition, out: str, batch_size: int, max_seconds: float
) -> ManifestEntry:
    """Extract, write and record one partition; a failing document becomes a failure row, it
    never fails the partition."""
    from warledger.nlp import load_nlp

    started, cpu = time.perf_counter(), time.process_time()
    with _PIPELINE_LOCK:
        nlp = load_nlp()
        pairs, problems = extract_batch(partition.documents, nlp, batch_size, max_seconds)
    failures: list[Problem] = partition.problems + [storable(p) for p in problems]
    folder = Path(out)
    reports_file = f"reports/{partition.name}.parquet"
    failures_file = f"failures/{partition.name}.parquet"
    write_reports(folder / reports_file, pairs)
    write_failures(folder / failures_file, failures)
    entry = ManifestEntry(
        key=partition.key,
        index=partition.index,
        documents=len(pairs),
        failures=len(failures),
        reports_file=reports_file,
        failures_file=failures_file,
        worker=f"{socket.gethostname()}:{os.getpid()}",
        seconds=round(time.perf_counter() - started, 3),
        cpu_seconds=round(time.process_time() - cpu, 3),
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    )
    write_manifest(folder, entry)
    return entry
