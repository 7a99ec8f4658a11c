"""Cutting the inputs into partitions.

A partition is a run of up to `size` items in input order: documents to extract, and the inputs
that could not be read (so that they reach the store as failures too). Its key is a hash of what
it holds (document ids, failed inputs), so the same inputs cut the same way give the same keys and
a re-run can tell which partitions are done. A document whose text was already met earlier in the
run (a syndicated copy, say) is left out, as `ingest` skips it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from warledger.document import Document
from warledger.errors import InputError
from warledger.ingest.into_store import Problem, input_of, storable

Item = Document | Problem


@dataclass
class Partition:
    index: int
    key: str
    items: list[Item]

    @property
    def name(self) -> str:
        """The partition's file stem: its key (not its index, which shifts when inputs are added)."""
        return f"part-{self.key}"

    @property
    def documents(self) -> list[Document]:
        return [item for item in self.items if isinstance(item, Document)]

    @property
    def problems(self) -> list[Problem]:
        return [item for item in self.items if isinstance(item, Problem)]


@dataclass
class PlanCounts:
    read: int = 0
    duplicates: int = 0
    unreadable: int = 0
    seen: set[str] = field(default_factory=set)


def partition_key(items: Iterable[Item]) -> str:
    digest = hashlib.sha256()
    for item in items:
        if isinstance(item, Document):
            digest.update(b"d\0" + item.id.encode() + b"\n")
        else:
            digest.update(f"f\0{item.input}\0{item.reason}\n".encode("utf-8", "backslashreplace"))
    return digest.hexdigest()[:20]


def partitions(
    items: Iterable[Document | InputError], size: int, counts: PlanCounts | None = None
) -> Iterator[Partition]:
    """The partitions of `items` (from `read_inputs`), each of at most `size` items, streamed."""
    if size < 1:
        raise ValueError("a partition holds at least one item")
    counts = counts if counts is not None else PlanCounts()
    run: list[Item] = []
    index = 0
    for item in items:
        if isinstance(item, InputError):
            counts.unreadable += 1
            run.append(storable(Problem(input_of(item), item.reason, item.message)))
        else:
            counts.read += 1
            if item.id in counts.seen:
                counts.duplicates += 1
                continue
            counts.seen.add(item.id)
            run.append(item)
        if len(run) >= size:
            yield Partition(index, partition_key(run), run)
            index, run = index + 1, []
    if run:
        yield Partition(index, partition_key(run), run)
