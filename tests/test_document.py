from datetime import date

from warledger.document import Document, document_id, normalise_text, parse_date


def test_normalise_text_folds_line_ends_spaces_and_blank_runs():
    raw = "\ufeffTitle\r\n\r\n\r\n\r\nFirst  line\u00a0here \t\nsecond\u2028third"
    assert normalise_text(raw) == "Title\n\nFirst line here\nsecond\nthird"


def test_normalise_text_is_nfc():
    assert normalise_text("Mare\u0301") == "Maré"


def test_document_id_is_sha256_of_normalised_text():
    a = Document.make("Clashes  in Tripoli.\r\n")
    b = Document.make("Clashes in Tripoli.")
    assert a.id == b.id == document_id("Clashes in Tripoli.")
    assert len(a.id) == 64


def test_parse_date_reads_iso_dates_and_timestamps():
    assert parse_date("2020-05-10") == date(2020, 5, 10)
    assert parse_date("2020-05-10T08:00:00Z") == date(2020, 5, 10)
    assert parse_date("10 May 2020") is None
    assert parse_date("2020-02-30") is None
    assert parse_date(None) is None


def test_make_keeps_metadata_and_drops_empty_strings():
    doc = Document.make(
        "Text.", url="", title="T", outlet="Wire", published="2020-05-10", input="a.txt"
    )
    assert (doc.url, doc.title, doc.outlet, doc.published, doc.input) == (
        None,
        "T",
        "Wire",
        date(2020, 5, 10),
        "a.txt",
    )


def test_public_extract_survives_importing_the_stage_modules():
    import warledger
    import warledger.extractors.pipeline  # noqa: F401
    from warledger.extractors import pipeline  # noqa: F401

    assert callable(warledger.extract)
    first = warledger.extract("Rebels shelled the town.", published="2020-05-10")
    second = warledger.extract("Rebels shelled the town.", published="2020-05-10")
    assert first.document.id == second.document.id
