"""Near-duplicates and syndication: copies link to their original; unrelated texts do not."""

from __future__ import annotations

from datetime import date

from warledger.resolve.dedup import Signature, link_copies, shingles, signature
from warledger.resolve.records import Doc
from warledger.resolve.rules import rules

BODY = (
    "A roadside bomb struck a Malian army convoy near Ansongo in the Gao region on Monday, killing "
    "12 soldiers and wounding eight, the Malian army said. The convoy was travelling from Ansongo "
    "to Gao when the improvised explosive device went off, the army said in a statement. No group "
    "has claimed the attack, but JNIM is active in the area."
)
OTHER = (
    "Hezbollah fired anti-tank missiles and rockets at Israeli army positions along the border on "
    "Sunday, and Israel responded with artillery and air strikes on villages in south Lebanon, the "
    "two sides said. Lebanon's health ministry said three civilians were killed."
)


def doc(ident: str, day: str | None, outlet: str | None = None) -> Doc:
    return Doc(ident, date.fromisoformat(day) if day else None, outlet, None, None)


def test_shingles_are_lowercased_word_windows() -> None:
    assert shingles("The Bomb, struck a convoy", 3) == {
        "the bomb struck",
        "bomb struck a",
        "struck a convoy",
    }
    assert shingles("two words", 5) == {"two words"}
    assert shingles("", 5) == set()


def test_copy_with_a_new_headline_links_to_the_earlier_original() -> None:
    r = rules()
    original = signature("orig", "Roadside bomb kills 12 Malian soldiers\n\n" + BODY, r)
    copy = signature(
        "copy",
        "Mali: a dozen troops die in IED blast\n\n" + BODY + " Distributed by Sahel Wire.",
        r,
    )
    docs = {"orig": doc("orig", "2021-03-16"), "copy": doc("copy", "2021-03-17")}
    links = link_copies([copy, original], docs, r)
    assert [(x.document_id, x.original_id, x.kind) for x in links] == [("copy", "orig", "near")]
    assert 0.6 <= links[0].similarity < 1.0


def test_identical_text_is_an_exact_copy() -> None:
    r = rules()
    a, b = signature("a", BODY, r), signature("b", BODY, r)
    links = link_copies([a, b], {"a": doc("a", "2021-03-16"), "b": doc("b", "2021-03-16")}, r)
    assert [(x.document_id, x.original_id, x.kind, x.similarity) for x in links] == [
        ("b", "a", "exact", 1.0)
    ]


def test_unrelated_articles_are_not_linked() -> None:
    r = rules()
    sigs = [signature("a", BODY, r), signature("b", OTHER, r)]
    assert link_copies(sigs, {"a": doc("a", "2021-03-16"), "b": doc("b", "2021-03-16")}, r) == []


def test_copy_of_a_copy_points_at_the_first_original() -> None:
    r = rules()
    sigs = [signature(i, BODY, r) for i in ("x", "y", "z")]
    docs = {"x": doc("x", "2021-03-15"), "y": doc("y", "2021-03-16"), "z": doc("z", "2021-03-17")}
    assert {(x.document_id, x.original_id) for x in link_copies(sigs, docs, r)} == {
        ("y", "x"),
        ("z", "x"),
    }


def test_on_one_day_the_copy_whose_dateline_names_its_outlet_is_the_original() -> None:
    r = rules()
    text = "BAMAKO, March 16 (Sahel Wire) - " + BODY
    wire = signature("zz-wire", text, r, outlet="Sahel Wire")
    reprint = signature("aa-reprint", text, r, outlet="West Africa Today")
    assert wire.own_dateline and not reprint.own_dateline
    docs = {"zz-wire": doc("zz-wire", "2021-03-16"), "aa-reprint": doc("aa-reprint", "2021-03-16")}
    links = link_copies([reprint, wire], docs, r)
    assert [(x.document_id, x.original_id) for x in links] == [("aa-reprint", "zz-wire")]


def test_signature_of_empty_text_is_never_linked() -> None:
    r = rules()
    empty = Signature("e", 0, tuple(signature("a", BODY, r).values))
    assert link_copies([empty], {"e": doc("e", None)}, r) == []


def test_short_formulaic_texts_link_only_when_identical() -> None:
    r = rules()
    a = signature(
        "a", "On 28 April 2020, LNA forces shelled residential areas in Ayn Zarah, Tripoli.", r
    )
    b = signature(
        "b", "On 28 April 2020, LNA forces shelled residential areas in Janzur, Tripoli.", r
    )
    c = signature(
        "c", "On 28 April 2020, LNA forces shelled residential areas in Ayn Zarah, Tripoli.", r
    )
    docs = {i: doc(i, None) for i in "abc"}
    assert [(x.document_id, x.original_id) for x in link_copies([a, b, c], docs, r)] == [("c", "a")]
