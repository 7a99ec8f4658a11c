"""Global actors: which records merge, by which rule, and undo/redo of a merge."""

from __future__ import annotations

import json

import pytest
from tests.resolve.conftest import Corpus, actor

from warledger.errors import QueryError
from warledger.report import Attribution, Relation
from warledger.resolve import redo, undo
from warledger.resolve.actors import described_head, merge_key, normal_name
from warledger.resolve.queries import actors
from warledger.resolve.records import ActorRec
from warledger.resolve.rules import rules


def rec(name: str, kind: str, country: str | None = None, kb_id: str | None = None) -> ActorRec:
    return ActorRec("d", "a1", name, kind, country, kb_id)


def test_merge_key_prefers_the_knowledge_base_id() -> None:
    assert merge_key(rec("Wagner", "pmc", "RUS", "rus.wagner"), rules()) == (
        "kb_id",
        "kb:rus.wagner",
    )


def test_merge_key_of_a_named_actor_is_its_name_kind_and_country() -> None:
    assert merge_key(rec("The Popular Front", "armed_group", "LBY"), rules()) == (
        "name",
        "name:popular front|armed_group|LBY",
    )


def test_merge_key_of_a_described_collective_is_its_head_and_origin() -> None:
    r = rules()
    assert merge_key(
        rec("approximately 350 former Syrian rebels from Quneitra", "fighters", "SYR"), r
    ) == (
        "described",
        "desc:rebel|SYR",
    )
    assert described_head("about 300 mercenaries", r) == "mercenary"


def test_vague_or_countryless_descriptions_stay_on_their_own() -> None:
    r = rules()
    assert merge_key(rec("fighters", "fighters", "SYR"), r) is None
    assert merge_key(rec("former rebels", "fighters", None), r) is None
    assert normal_name("The  Wagner Group!") == "wagner group"


def test_records_merge_across_documents_with_a_judgement_each(corpus: Corpus) -> None:
    corpus.add(
        "one",
        "Wagner recruited men.",
        "2020-05-11",
        actors=[actor("a1", "Wagner", "pmc", "RUS", "rus.wagner")],
    )
    corpus.add(
        "two",
        "The Wagner Group paid them.",
        "2020-05-12",
        actors=[actor("a1", "Wagner Group", "pmc", "RUS", "rus.wagner")],
    )
    corpus.add(
        "three",
        "Khalifa Haftar spoke.",
        "2020-05-13",
        actors=[actor("a1", "Khalifa Haftar", "person", "LBY")],
    )
    summary = corpus.resolve()
    assert (summary.actors, summary.actor_merges) == (2, 1)
    assert corpus.global_actor("one", "a1") == corpus.global_actor("two", "a1")
    assert corpus.global_actor("one", "a1") != corpus.global_actor("three", "a1")
    rows = corpus.store.con.execute(
        "SELECT kind, rule, document_id, record_id, evidence FROM judgements WHERE kind = 'actor'"
    ).fetchall()
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [("actor", "kb_id", corpus.ids["two"], "a1")]
    evidence = json.loads(rows[0][4])
    assert (evidence["key"], evidence["joined"]["name"]) == ("kb:rus.wagner", "Wagner")
    name, aliases = corpus.store.con.execute(
        "SELECT name, aliases FROM global_actors WHERE kb_id = 'rus.wagner'"
    ).fetchone()
    assert (name, json.loads(aliases)) == ("Wagner", ["Wagner Group"])


def test_same_name_in_another_country_is_another_actor(corpus: Corpus) -> None:
    corpus.add(
        "one",
        "Police fired.",
        "2020-05-11",
        actors=[actor("a1", "Rapid Support", "militia", "SDN")],
    )
    corpus.add(
        "two",
        "Police fired again.",
        "2020-05-12",
        actors=[actor("a1", "Rapid Support", "militia", "TCD")],
    )
    corpus.resolve()
    assert corpus.global_actor("one", "a1") != corpus.global_actor("two", "a1")


def test_undo_keeps_the_record_on_its_own_and_redo_merges_it_again(corpus: Corpus) -> None:
    corpus.add(
        "one",
        "Wagner recruited men.",
        "2020-05-11",
        actors=[actor("a1", "Wagner", "pmc", "RUS", "rus.wagner")],
    )
    corpus.add(
        "two",
        "Wagner paid them.",
        "2020-05-12",
        actors=[actor("a1", "Wagner", "pmc", "RUS", "rus.wagner")],
    )
    corpus.resolve()
    (judgement_id,) = corpus.store.con.execute(
        "SELECT id FROM judgements WHERE kind = 'actor'"
    ).fetchone()
    per_document_before = corpus.store.con.execute(
        "SELECT * FROM actors ORDER BY document_id"
    ).fetchall()

    summary = undo(corpus.store, judgement_id)
    assert (summary.actors, summary.actor_merges) == (2, 0)
    assert corpus.global_actor("one", "a1") != corpus.global_actor("two", "a1")
    corpus.resolve()  # a later run respects the undo
    assert corpus.global_actor("one", "a1") != corpus.global_actor("two", "a1")
    assert (
        corpus.store.con.execute("SELECT * FROM actors ORDER BY document_id").fetchall()
        == per_document_before
    )

    summary = redo(corpus.store, judgement_id)
    assert (summary.actors, summary.actor_merges) == (1, 1)


def test_undo_of_an_unknown_judgement_says_where_to_look(corpus: Corpus) -> None:
    corpus.add("one", "Wagner recruited men.", "2020-05-11")
    corpus.resolve()
    with pytest.raises(QueryError, match="resolve judgements"):
        undo(corpus.store, "Jnope")
    with pytest.raises(QueryError, match="not undone"):
        redo(corpus.store, "Jnope")


def test_resolving_twice_gives_the_same_tables(corpus: Corpus) -> None:
    corpus.add(
        "one",
        "Wagner recruited men.",
        "2020-05-11",
        actors=[actor("a1", "Wagner", "pmc", "RUS", "rus.wagner")],
    )
    corpus.add(
        "two",
        "Wagner paid them.",
        "2020-05-12",
        actors=[actor("a1", "Wagner", "pmc", "RUS", "rus.wagner")],
    )
    first = corpus.resolve()
    tables = ("judgements", "global_actors", "actor_members", "doc_signatures")
    before = {t: sorted(corpus.store.con.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}
    assert corpus.resolve() == first
    assert {
        t: sorted(corpus.store.con.execute(f"SELECT * FROM {t}").fetchall()) for t in tables
    } == before


def _tie(kind: str, source: str, target: str) -> Relation:
    return Relation(
        id="r1", type=kind, source=source, target=target, evidence=[], attribution=Attribution()
    )


def test_a_described_group_carries_its_affiliation_and_merges_only_within_it(
    corpus: Corpus,
) -> None:
    """ "Syrian fighters" for Haftar in two reports are one actor, affiliated with Haftar; the
    "Syrian fighters" of the SNA are another; fighters of no known side a third."""
    haftar = actor("a2", "Khalifa Haftar", "person", "LBY", "lby.haftar")
    sna = actor("a2", "Syrian National Army", "armed_group", "SYR", "syr.sna")
    for name, other, kind in (("one", haftar, "SUPPORTS"), ("two", haftar, "ALLIED_WITH"),
                              ("three", sna, "PART_OF")):  # fmt: skip
        corpus.add(
            name,
            f"Syrian fighters and {other.name} ({name}).",
            "2020-05-11",
            actors=[actor("a1", "Syrian fighters", "fighters", "SYR"), other],
            relations=[_tie(kind, "a1", "a2")],
        )
    corpus.add(
        "four", "Syrian fighters arrived.", "2020-05-12",
        actors=[actor("a1", "Syrian fighters", "fighters", "SYR")],
    )  # fmt: skip
    corpus.resolve()
    found = sorted(
        (r["documents"], r["affiliation_name"] or "-")
        for r in actors(corpus.store, name="Syrian fighters")
    )
    assert found == [(1, "-"), (1, "Syrian National Army"), (2, "Khalifa Haftar")]
    assert corpus.global_actor("one", "a1") == corpus.global_actor("two", "a1")
    assert corpus.global_actor("one", "a1") != corpus.global_actor("three", "a1")
