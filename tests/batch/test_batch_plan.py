"""Cutting inputs into partitions: sizes, stable keys, read failures carried, repeats left out."""

from __future__ import annotations

import pytest

from warledger.batch.plan import PlanCounts, partition_key, partitions
from warledger.document import Document
from warledger.ingest.checks import InputFailure
from warledger.ingest.into_store import Problem


def _documents(count: int) -> list[Document]:
    return [
        Document.make(f"Report {n}: rebels shelled the town.", input=f"{n}.txt")
        for n in range(count)
    ]


def test_partitions_hold_at_most_size_items_in_input_order():
    documents = _documents(7)
    plan = list(partitions(documents, 3))
    assert [p.index for p in plan] == [0, 1, 2]
    assert [[d.input for d in p.documents] for p in plan] == [
        ["0.txt", "1.txt", "2.txt"],
        ["3.txt", "4.txt", "5.txt"],
        ["6.txt"],
    ]


def test_keys_depend_on_the_contents_only_so_a_rerun_finds_the_same_partitions():
    first = [p.key for p in partitions(_documents(7), 3)]
    again = [p.key for p in partitions(_documents(7), 3)]
    assert first == again
    assert len(set(first)) == 3
    assert all(len(key) == 20 for key in first)
    # another cut gives other partitions
    assert [p.key for p in partitions(_documents(7), 4)][0] != first[0]
    assert partitions(_documents(7), 3).__next__().name == f"part-{first[0]}"


def test_unreadable_inputs_ride_in_the_partitions_as_problems():
    items = [*_documents(2), InputFailure("bad.bin", "binary", "binary data")]
    counts = PlanCounts()
    (only,) = partitions(items, 5, counts)
    assert only.problems == [Problem("bad.bin", "binary", "bad.bin: binary data")]
    assert len(only.documents) == 2
    assert (counts.read, counts.unreadable, counts.duplicates) == (2, 1, 0)
    assert only.key == partition_key(only.items)


def test_a_document_met_again_is_left_out_and_counted():
    documents = _documents(3)
    counts = PlanCounts()
    plan = list(
        partitions([*documents, Document.make(documents[0].text, input="copy.txt")], 10, counts)
    )
    assert [d.input for d in plan[0].documents] == ["0.txt", "1.txt", "2.txt"]
    assert (counts.read, counts.duplicates) == (4, 1)


def test_a_partition_of_nothing_is_refused():
    with pytest.raises(ValueError, match="at least one item"):
        list(partitions(_documents(1), 0))
