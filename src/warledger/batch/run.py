"""Driving a batch: read and partition the inputs here, extract the partitions on a Dask cluster.

Each worker loads the pipeline when it starts (batch/preload.py). Partitions are submitted a few at a time (twice as many as there are workers), so the inputs are
read as the work goes and never held whole. A partition whose worker dies (kill -9, out of memory)
is given to another worker by the scheduler (up to `distributed.scheduler.allowed-failures` deaths);
one that raises is retried `retries` times; one that still fails is reported and left for the next
run, which does only the partitions that have no manifest entry yet.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warledger.batch.output import ManifestEntry, done_keys, remove_leftovers
from warledger.batch.plan import Partition, PlanCounts, partitions
from warledger.batch.worker import run_partition
from warledger.errors import BatchError
from warledger.ingest.read import read_inputs
from warledger.settings import Settings

DEFAULT_PARTITION_SIZE = 100


@dataclass
class BatchSummary:
    partitions: int = 0
    """Partitions in the plan."""
    skipped: int = 0
    """Partitions done by an earlier run (they have a manifest entry)."""
    done: int = 0
    """Partitions done by this run."""
    documents: int = 0
    """Reports written by this run."""
    failures: int = 0
    """Failure rows written by this run (unreadable inputs and failed extractions)."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(partition, why) for the partitions this run could not do: a re-run tries them again."""
    counts: PlanCounts = field(default_factory=PlanCounts)
    workers: int = 0
    seconds: float = 0.0
    entries: list[ManifestEntry] = field(default_factory=list)


def run_batch(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    published: str | None = None,
    outlet: str | None = None,
    encoding: str | None = None,
    settings: Settings | None = None,
    processes: bool = True,
    retries: int = 2,
    on_partition: Callable[[BatchSummary], None] | None = None,
) -> BatchSummary:
    """Extract every document of `paths` into Parquet partitions under `out`.

    Without `scheduler` a LocalCluster of `workers` worker processes (one thread each) is started
    and stopped; `processes=False` keeps the workers as threads of this process (for tests). With
    `scheduler` the cluster is someone else's: its workers write to `out` at the same absolute
    path, so on several machines it must be a shared folder."""
    if workers < 1:
        raise BatchError(f"--workers {workers}: a batch needs at least one worker")
    if partition_size < 1:
        raise BatchError(f"--partition-size {partition_size}: a partition holds at least 1 input")
    settings = settings or Settings.load()
    folder = Path(out).resolve()  # the workers' working folder is not ours
    folder.mkdir(parents=True, exist_ok=True)
    summary = BatchSummary()
    started = time.perf_counter()
    done = done_keys(folder)
    if not scheduler:  # no other machine can still be writing here: a killed run's leftovers go
        remove_leftovers(folder)
    items = read_inputs(
        paths, published=published, outlet=outlet, encoding=encoding, settings=settings
    )
    plan = partitions(items, partition_size, summary.counts)
    with _client(workers, scheduler, processes, settings.scheduler_wait_seconds) as client:
        summary.workers = len(client.scheduler_info().get("workers", {})) or workers
        _run(client, plan, done, folder, settings, retries, summary, on_partition)
    summary.seconds = time.perf_counter() - started
    return summary


@contextmanager
def _client(workers: int, scheduler: str | None, processes: bool, wait: float) -> Iterator[Any]:
    from dask.distributed import Client, LocalCluster

    from warledger.batch.preload import Preload

    if scheduler:
        client = _connect(scheduler, wait)
        try:
            try:
                client.wait_for_workers(1, timeout=wait)
            except TimeoutError:
                raise BatchError(
                    f"--scheduler {scheduler}: the scheduler answers but no worker joined it in "
                    f"{wait:g} s; start one (`dask worker {scheduler}`) or leave out --scheduler "
                    "to run on this machine (WARLEDGER_SCHEDULER_WAIT_SECONDS sets the wait)"
                ) from None
            client.register_plugin(Preload())  # each worker, and any that joins later, loads once
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=processes,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    try:
        client = Client(cluster)
        try:
            client.register_plugin(Preload())
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


def _connect(scheduler: str, wait: float) -> Any:
    """A client of the scheduler at `scheduler`, or a BatchError saying what to do."""
    from dask.distributed import Client

    try:
        return Client(scheduler, timeout=f"{wait}s")
    except ValueError as exc:  # no such scheme, a port that is not a number
        raise BatchError(
            f"--scheduler {scheduler}: not a Dask scheduler address ({exc}); give one like "
            "tcp://HOST:8786"
        ) from None
    except (OSError, TimeoutError) as exc:
        raise BatchError(
            f"--scheduler {scheduler}: no Dask scheduler answers there ({exc}); start one "
            "(`dask scheduler`, then `dask worker ADDRESS` on each machine) or leave out "
            "--scheduler to run on this machine (WARLEDGER_SCHEDULER_WAIT_SECONDS sets the wait)"
        ) from exc


def _run(
    client: Any,
    plan: Iterator[Partition],
    done: set[str],
    folder: Path,
    settings: Settings,
    retries: int,
    summary: BatchSummary,
    on_partition: Callable[[BatchSummary], None] | None,
) -> None:
    from dask.distributed import as_completed

    window = max(2, 2 * summary.workers)
    running: dict[str, Partition] = {}
    submitted: set[str] = set()
    queue = as_completed()

    def submit_next() -> bool:
        for partition in plan:
            summary.partitions += 1
            if partition.key in done or partition.key in submitted:
                summary.skipped += 1
                continue
            submitted.add(partition.key)
            future = client.submit(
                run_partition,
                partition,
                str(folder),
                settings.nlp_batch_size,
                settings.max_seconds,
                retries=retries,
                pure=False,
            )
            running[future.key] = partition
            queue.add(future)
            return True
        return False

    for _ in range(window):
        if not submit_next():
            break
    for future in queue:
        partition = running.pop(future.key)
        try:
            entry: ManifestEntry = future.result()
        except Exception as exc:  # raised on every try, or killed too many workers
            summary.failed.append((partition.name, f"{type(exc).__name__}: {exc}"))
        else:
            summary.done += 1
            summary.documents += entry.documents
            summary.failures += entry.failures
            summary.entries.append(entry)
        future.release()
        if on_partition:
            on_partition(summary)
        submit_next()
