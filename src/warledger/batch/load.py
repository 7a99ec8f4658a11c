"""`warledger load DIR`: the reports and failures of a batch's output folder into the store.

Only through the store's interface (`save_many`, `record_failure`, `resolve_failures`,
`failures`), so it works on every backend. Documents go in `batch_size` at a time, each group in one
transaction, so a kill leaves whole documents only. Loading twice changes nothing: a document
already stored is skipped by `save_many`, and a failure row the store already holds (same input,
reason and message) is not recorded again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from warledger.batch.output import manifest, read_failures, read_reports
from warledger.document import Document
from warledger.errors import BatchError
from warledger.extractors.report_codec import report_from_dict
from warledger.report import Report
from warledger.store import Store


@dataclass
class LoadSummary:
    partitions: int = 0
    documents: int = 0
    """Documents in the partitions."""
    stored: int = 0
    """Documents new to the store."""
    failures: int = 0
    """Failure rows new to the store."""


def load_batch(
    store: Store,
    out: str | Path,
    batch_size: int = 32,
    on_partition: Callable[[LoadSummary], None] | None = None,
) -> LoadSummary:
    folder = Path(out)
    if not (folder / "manifest").is_dir():
        raise BatchError(
            f"{folder}: not a batch output folder (it has no manifest/); give the --out folder "
            "of `warledger batch`"
        )
    summary = LoadSummary()
    known = {(f.input, f.reason, f.message) for f in store.failures(include_resolved=True)}
    for entry in manifest(folder):
        summary.partitions += 1
        pairs: list[tuple[Document, Report]] = []
        for document, body in read_reports(folder, entry):
            pairs.append((document, report_from_dict(body)))
            if len(pairs) >= batch_size:
                _save(store, summary, pairs)
                pairs = []
        _save(store, summary, pairs)
        for problem in read_failures(folder, entry):
            if (problem.input, problem.reason, problem.message) not in known:
                store.record_failure(problem.input, problem.reason, problem.message)
                known.add((problem.input, problem.reason, problem.message))
                summary.failures += 1
        if on_partition:
            on_partition(summary)
    return summary


def _save(store: Store, summary: LoadSummary, pairs: list[tuple[Document, Report]]) -> None:
    if not pairs:
        return
    summary.documents += len(pairs)
    summary.stored += store.save_many(pairs)
    store.resolve_failures(document.input or "" for document, _ in pairs)
