"""`run_batch` on an in-process Dask cluster (workers as threads: processes=False) over the bundled
samples and, when ../shared/data is there, a sample of the Guardian and BBC files: the reports are
those of `warledger extract`, failures are kept, a re-run does only what is missing."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from pathlib import Path

from tests.batch.conftest import SAMPLE_DOCUMENTS, SAMPLES

from warledger.batch.output import manifest, manifest_path, read_failures, read_reports
from warledger.batch.run import run_batch
from warledger.cli import main
from warledger.extractors.run import extract_document
from warledger.ingest.read import read_inputs


def reports_of(out: Path) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for entry in manifest(out):
        for document, body in read_reports(out, entry):
            assert document.id not in found, "a document is in two partitions"
            found[document.id] = body
    return found


def test_batch_over_the_samples_writes_every_report_and_failure(samples_batch):
    out, summary = samples_batch
    assert summary.failed == []
    assert (summary.partitions, summary.done, summary.skipped) == (5, 5, 0)
    assert summary.documents == SAMPLE_DOCUMENTS
    assert summary.counts.read == SAMPLE_DOCUMENTS
    assert summary.failures == 2
    failures = [p for entry in manifest(out) for p in read_failures(out, entry)]
    assert sorted((Path(p.input).name, p.reason) for p in failures) == [
        ("empty-download.txt", "empty"),
        ("non-english-article.txt", "language"),
    ]


def test_batch_reports_are_the_reports_of_extract_document(samples_batch, nlp):
    out, _ = samples_batch
    found = reports_of(out)
    documents = [item for item in read_inputs([SAMPLES]) if not isinstance(item, Exception)]
    assert len(found) == len(documents) == SAMPLE_DOCUMENTS
    for document in documents:
        assert found[document.id] == extract_document(document, nlp).to_dict(), document.input


def test_a_rerun_skips_the_partitions_done_and_redoes_a_lost_one(samples_batch, tmp_path):
    out, _ = samples_batch
    before = reports_of(out)
    lost = manifest(out)[2]
    manifest_path(out, lost.key).unlink()  # as if the worker died before recording it
    (out / lost.reports_file).unlink()
    summary = run_batch([SAMPLES], out, workers=1, partition_size=8, processes=False)
    assert (summary.partitions, summary.skipped, summary.done) == (5, 4, 1)
    assert summary.documents == lost.documents
    assert reports_of(out) == before
    again = run_batch([SAMPLES], out, workers=1, partition_size=8, processes=False)
    assert (again.skipped, again.done, again.documents) == (5, 0, 0)


NEWS = {  # file: (text column, date column, outlet)
    "guardian_sdf_sample_2017-2019.csv": ("text", "date", "The Guardian"),
    "bbc_news_train_1490.csv": ("Text", None, "BBC"),
}


def test_batch_with_2_workers_gives_the_reports_of_warledger_extract_on_the_news_files(
    eval_data, tmp_path, nlp
):
    """5 articles of each news file, written as JSON lines outside the repository."""
    csv.field_size_limit(sys.maxsize)
    sample = tmp_path / "news.jsonl"
    with sample.open("w", encoding="utf-8") as handle:
        for name, (text, day, outlet) in NEWS.items():
            with (eval_data / "news" / name).open(encoding="utf-8", newline="") as rows:
                for i, row in zip(range(5), csv.DictReader(rows), strict=False):
                    record = {"text": row[text], "outlet": outlet, "url": f"news://{name}/{i}"}
                    if day:
                        record["published"] = row[day][:10]
                    handle.write(json.dumps(record) + "\n")
    summary = run_batch([sample], tmp_path / "out", workers=2, partition_size=2, processes=False)
    assert (summary.done, summary.documents, summary.failures, summary.failed) == (5, 10, 0, [])
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        assert main(["extract", str(sample)]) == 0
    extracted = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert len(extracted) == 10
    assert reports_of(tmp_path / "out") == {r["document"]["id"]: r for r in extracted}
