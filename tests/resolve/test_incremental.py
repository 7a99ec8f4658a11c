"""Incremental resolution gives the record a full rebuild gives: ingest A, resolve, ingest B,
resolve == A and B resolved from scratch; a run with nothing new merges nothing again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.resolve.conftest import BENGHAZI, Corpus, actor, event, place, quantity
from tests.resolve.test_flows import seed_story

from warledger.kb import KnowledgeBase, load_kb
from warledger.resolve import resolve
from warledger.resolve.incremental import comparable, normal_rows
from warledger.store import Store

PER_DOCUMENT = (
    "documents",
    "actors",
    "places",
    "sources",
    "statements",
    "events",
    "relations",
    "mentions",
)


def record(store: Store) -> dict[str, list[str]]:
    """Every resolution table's rows, in a canonical order."""
    return {
        table: sorted(comparable(r) for r in normal_rows(store.resolution_rows(table)))
        for table in Store.RESOLVED_TABLES
    }


def test_adding_documents_then_resolving_equals_a_full_rebuild(corpus: Corpus) -> None:
    seed_story(corpus)  # the Haftar story from two sources, and Turkey's
    first = corpus.resolve()
    assert (first.redone, first.events) == (6, 5)
    corpus.add(
        "later",
        "Hundreds of Syrian fighters sent by Wagner were flown to Benghazi, relatives said.",
        "2020-05-20",
        outlet="South Syria News",
        actors=[
            actor("a1", "Wagner Group", "pmc", "RUS", "rus.wagner"),
            actor("a2", "Hundreds of Syrian fighters", "fighters", "SYR"),
        ],
        places=[place("p1", BENGHAZI)],
        events=[
            event(
                "e1",
                "DEPLOY",
                agent=["a1"],
                patient=["a2"],
                destination=["p1"],
                quantity=quantity("Hundreds", None, 200, 999),
            )
        ],
    )
    again = corpus.resolve()
    # the four deployments to Libya (one block) are merged again; the recruiting, training and
    # pay are kept
    assert (again.redone, again.events, again.event_merges) == (4, 5, 2)
    incremental = record(corpus.store)
    assert incremental == record_after_full(corpus.store)
    unchanged = corpus.resolve()
    assert (unchanged.redone, unchanged.events, unchanged.flows) == (0, 5, 2)
    assert record(corpus.store) == incremental


def record_after_full(store: Store, kb: KnowledgeBase | None = None) -> dict[str, list[str]]:
    resolve(store, kb=kb or KnowledgeBase(), full=True)
    return record(store)


def _copy(sample: Path, target: Path, ids: list[str]) -> None:
    with Store.open(target) as store:
        store.con.execute(f"ATTACH '{sample}' AS sample (READ_ONLY)")
        for table in PER_DOCUMENT:
            column = "id" if table == "documents" else "document_id"
            store.con.execute(
                f"INSERT INTO {table} SELECT * FROM sample.{table} "
                f"WHERE list_contains(?, {column})",
                [ids],
            )
        store.con.execute("DETACH sample")


def test_the_samples_in_two_ingests_resolve_as_in_one(sample_db: Path, tmp_path: Path) -> None:
    """The bundled samples (both story clusters among them) split in two by id: a uniform
    sample, so that the second half holds documents older than the first's and copies of them."""
    with Store.open(sample_db) as store:
        ids = [
            str(r[0]) for r in store.con.execute("SELECT id FROM documents ORDER BY id").fetchall()
        ]
        whole: dict[str, Any] = record(store)
        events = store.count("events")
    db = tmp_path / "halves.duckdb"
    _copy(sample_db, db, ids[: len(ids) // 2])
    with Store.open(db) as store:
        assert resolve(store).redone == store.count("events")
    _copy(sample_db, db, ids[len(ids) // 2 :])
    with Store.open(db) as store:
        rest = resolve(store)
        incremental = record(store)
        assert 0 < rest.redone < events  # only the components the new half touches
        assert resolve(store).redone == 0
        assert record(store) == incremental
        assert record_after_full(store, load_kb()) == incremental
    assert incremental == whole
