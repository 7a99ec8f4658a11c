"""Refusing inputs that are not readable English articles, each with a typed reason."""

from __future__ import annotations

import time

from warledger.settings import Settings


def test_empty_file_is_refused_as_empty(tmp_path, read):
    (tmp_path / "empty.txt").write_bytes(b"")
    documents, errors = read(tmp_path / "empty.txt")
    assert documents == []
    assert [e.reason for e in errors] == ["empty"]
    assert errors[0].input == str(tmp_path / "empty.txt")
    assert "no text" in errors[0].message


def test_png_bytes_are_refused_as_binary(tmp_path, read):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    _, errors = read(tmp_path / "photo.txt")
    assert [e.reason for e in errors] == ["binary"]
    assert "PNG image" in errors[0].message


def test_pdf_and_nul_bytes_are_refused_as_binary(tmp_path, read):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n" + bytes(10))
    (tmp_path / "blob").write_bytes(b"text\x00\x01\x02 more")
    _, errors = read(tmp_path / "report.pdf", tmp_path / "blob")
    assert [e.reason for e in errors] == ["binary", "binary"]
    assert "PDF" in errors[0].message
    assert "NUL bytes" in errors[1].message


def test_latin1_file_is_refused_with_a_hint_and_read_with_encoding(tmp_path, read):
    text = "Caf\u00e9 owners in Tripoli said militia fighters closed the road to the airport on Monday."
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    _, errors = read(tmp_path / "latin.txt")
    assert [e.reason for e in errors] == ["encoding"]
    assert "Latin-1" in errors[0].message
    assert "--encoding latin-1" in errors[0].message
    documents, errors = read(tmp_path / "latin.txt", encoding="latin-1")
    assert errors == []
    assert documents[0].text == text


def test_windows_1252_curly_quotes_read_with_latin1_label(tmp_path, read):
    (tmp_path / "quotes.txt").write_bytes(
        b"The commander said \x93we will hold the town\x94 after the attack on Monday."
    )
    documents, _ = read(tmp_path / "quotes.txt", encoding="latin-1")
    assert "\u201cwe will hold the town\u201d" in documents[0].text


def test_unknown_encoding_name_is_refused(tmp_path, read, article):
    (tmp_path / "a.txt").write_text(article)
    _, errors = read(tmp_path / "a.txt", encoding="no-such-codec")
    assert [e.reason for e in errors] == ["encoding"]
    assert "unknown encoding" in errors[0].message


def test_fifty_megabyte_file_is_refused_quickly_as_too_large(tmp_path, read, article):
    big = tmp_path / "big.txt"
    line = (article + "\n").encode()
    with big.open("wb") as out:
        out.write(line * (50_000_000 // len(line) + 1))
    started = time.perf_counter()
    documents, errors = read(big)
    assert time.perf_counter() - started < 0.5
    assert documents == []
    assert [e.reason for e in errors] == ["too_large"]
    assert "50.0 MB" in errors[0].message


def test_size_limit_comes_from_settings(tmp_path, read, article):
    (tmp_path / "a.txt").write_text(article)
    _, errors = read(tmp_path / "a.txt", settings=Settings(max_bytes=50))
    assert [e.reason for e in errors] == ["too_large"]


def test_arabic_article_is_refused_as_not_english(tmp_path, read):
    (tmp_path / "ar.txt").write_text(
        "قال مسؤولون محليون إن مسلحين مجهولين هاجموا نقطة تفتيش قرب المدينة يوم الاثنين وقتلوا جنديين.",
        encoding="utf-8",
    )
    _, errors = read(tmp_path / "ar.txt")
    assert [e.reason for e in errors] == ["language"]
    assert "Arabic" in errors[0].message


def test_missing_path_is_reported_not_raised(tmp_path, read):
    _, errors = read(tmp_path / "nowhere.txt")
    assert [e.reason for e in errors] == ["not_found"]
