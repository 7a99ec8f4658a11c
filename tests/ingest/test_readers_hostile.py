"""Readers on hostile input (issue 17): each bad record costs only itself, with a failure saying
why; nothing is silently dropped or stored as complete when it is not."""

from __future__ import annotations

import json
import os
import re
from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warledger.errors import ConfigError
from warledger.ingest.html import flatten, fragment_to_text, too_deep
from warledger.ingest.read import read_inputs

TOO_DEEP = (
    "the JSON is nested too deeply to read (thousands of levels of [ or {); an article record is "
    '{"text": ...}: fix or remove it'
)


def test_jsonl_deeply_nested_line_costs_only_that_line(tmp_path, read, article):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": article})
        + "\n"
        + "[" * 100_000
        + "]" * 100_000
        + "\n"
        + json.dumps({"text": article + " Again."})
        + "\n"
    )
    documents, errors = read(path)
    assert [d.input for d in documents] == [f"{path}:1", f"{path}:3"]
    assert [(e.input, e.reason, e.message) for e in errors] == [
        (f"{path}:2", "malformed", f"{path}:2: {TOO_DEEP}")
    ]


def test_json_file_nested_too_deeply_is_a_clear_failure(tmp_path, read):
    path = tmp_path / "a.json"
    path.write_text("{" + '"a":{' * 50_000 + "}" * 50_001)
    documents, errors = read(path)
    assert documents == []
    assert [(e.reason, e.message) for e in errors] == [("malformed", f"{path}: {TOO_DEEP}")]


def test_jsonl_lone_surrogate_escape_is_repaired_not_dropped(tmp_path, read, article):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "' + article + ' \\ud800", "title": "Gao \\udfff"}\n')
    documents, errors = read(path)
    assert errors == []
    (document,) = documents
    assert document.text.endswith("statement. \ufffd")
    assert document.title == "Gao \ufffd"
    assert document.text.startswith("Gao \ufffd\n\n")  # the headline joins the text
    assert document.notes == [
        "the text held 2 lone surrogate code point(s) (invalid Unicode, e.g. a JSON \\ud800 "
        "escape): replaced by U+FFFD",
        "the title held 1 lone surrogate code point(s) (invalid Unicode, e.g. a JSON \\ud800 "
        "escape): replaced by U+FFFD",
    ]


def test_jsonl_nonsense_published_value_is_a_warning_not_a_silent_null(tmp_path, read, article):
    path = tmp_path / "a.jsonl"
    lines = [
        {"text": article, "published": value} for value in ("last Tuesday", 2020, "0000-01-01")
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    documents, errors = read(path)
    assert errors == []
    assert [d.published for d in documents] == [None, None, None]
    assert [d.notes[0].split(" is not a date")[0] for d in documents] == [
        "publication date 'last Tuesday'",
        "publication date '2020'",
        "publication date '0000-01-01'",
    ]


def test_published_option_that_is_not_a_date_is_refused_before_reading(tmp_path, article):
    (tmp_path / "a.txt").write_text(article)
    with pytest.raises(ConfigError) as caught:
        list(read_inputs([tmp_path / "a.txt"], published="yesterday"))
    assert str(caught.value) == "--published 'yesterday' is not a date; write it as YYYY-MM-DD"


def test_html_nested_past_libxml2s_limit_is_read_flat(tmp_path, read, article):
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><head><title>Gao</title><style>p {}</style></head><body>"
        + "<div>" * 300
        + f"<p>{article}</p><p>Second &amp; last.</p>"
        + "</div>" * 300
        + "</body></html>"
    )
    documents, errors = read(path)
    assert errors == []
    assert documents[0].text == f"Gao\n\n{article}\n\nSecond & last."


@pytest.mark.parametrize("control", ["\x0b", "\x01"])
def test_html_control_character_next_to_dropped_markup_is_read(control, tmp_path, read):
    """Found by atheris (regressions/html/crash-5a85eb8865ea): lxml parsed the control character,
    then refused it when the script before it was dropped (ValueError: ... XML compatible)."""
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><body><div><p>Gao</p><script>x()</script>{control}Gunmen attacked a checkpoint "
        "near Gao on Monday.</div></body></html>"
    )
    documents, errors = read(path)
    assert errors == []
    assert documents[0].text == "Gao\n\nGunmen attacked a checkpoint near Gao on Monday."


def test_fragment_with_a_nul_next_to_dropped_markup_is_read():
    """A file with NUL bytes is refused as binary before any reader; a feed item's content or a
    page past the first 64 kB reaches fragment_to_text with it."""
    text = fragment_to_text("<div><p>Gao</p><nav>menu</nav>\x00two killed.</div>")
    assert text == "Gao two killed."  # lxml gives a dropped element's tail to the one before


def test_too_deep_counts_nesting_not_elements():
    assert too_deep("<div>" * 251)
    assert not too_deep("<div></div>" * 1000 + "<br>" * 1000)
    assert flatten("<p>a<b>b</b></p><script>x</script><p>c&lt;</p>") == "\nab\n \nc<\n"


def _warc(path, bodies, compress, cut):
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        for number, body in enumerate(bodies):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://a.example/{number}",
                    "response",
                    payload=BytesIO(body.encode()),
                    http_headers=http,
                )
            )
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - cut])


@pytest.mark.parametrize(
    ("name", "compress", "cut", "message"),
    [
        ("a.warc", False, 60, "the archive ends inside this record (N bytes missing)"),
        ("a.warc.gz", True, 60, "the archive ends inside this record (N bytes missing)"),
        ("a.warc.gz", True, 200, "the archive ends inside this record, and was not read"),
    ],
)
def test_truncated_warc_record_is_a_failure_not_a_complete_document(
    tmp_path, read, article, name, compress, cut, message
):
    path = tmp_path / name
    _warc(path, [article, article + " Then they left."], compress, cut)
    documents, errors = read(path)
    assert [d.input for d in documents] == [f"{path}:1"]
    assert [(e.input, e.reason) for e in errors] == [(f"{path}:2", "truncated")]
    assert re.sub(r"\(\d+ bytes", "(N bytes", errors[0].message) == (
        f"{path}:2: {message}; the file was probably copied or downloaded incompletely: "
        "fetch it again"
    )


def test_file_name_that_is_not_utf8_is_a_failure_and_the_folder_goes_on(tmp_path, read, article):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"bad-\xff.txt"), "w") as stream:
        stream.write(article)
    (tmp_path / "good.txt").write_text(article + " Again.")
    documents, errors = read(tmp_path)
    assert [d.input for d in documents] == [str(tmp_path / "good.txt")]
    assert [(e.input, e.reason) for e in errors] == [(f"{tmp_path}/bad-\\xff.txt", "encoding")]
    assert errors[0].message.endswith(
        "the file name is not valid UTF-8 (its odd bytes are shown as \\x escapes); rename the "
        "file (e.g. `convmv -f latin1 -t utf8 --notest`) and read it again"
    )


def test_linked_sub_folder_is_a_failure_row_not_silently_skipped(tmp_path, read, article):
    corpus, elsewhere = tmp_path / "corpus", tmp_path / "elsewhere"
    corpus.mkdir()
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text(article)
    (corpus / "link").symlink_to(elsewhere)
    (corpus / "b.txt").write_text(article + " Again.")
    documents, errors = read(corpus)
    assert [d.input for d in documents] == [str(corpus / "b.txt")]
    assert [(e.input, e.reason) for e in errors] == [(str(corpus / "link"), "link")]


def test_unreadable_sub_folder_is_a_failure_row(tmp_path, read, article, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(article)
    (tmp_path / "b.txt").write_text(article + " Again.")
    scandir = os.scandir

    def refuse(path):  # chmod 000 does not stop root, who runs the CI
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    documents, errors = read(tmp_path)
    assert [d.input for d in documents] == [str(tmp_path / "b.txt")]
    assert [(e.input, e.reason, e.message) for e in errors] == [
        (
            str(tmp_path / "locked"),
            "unreadable",
            f"{tmp_path / 'locked'}: the folder cannot be listed (Permission denied); check its "
            "permissions",
        )
    ]


def test_utf16_bom_with_an_odd_byte_count_is_an_encoding_failure(tmp_path, read, article):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xff\xfe" + article.encode("utf-16-le") + b"!")  # found by atheris
    documents, errors = read(path)
    assert documents == []
    assert [(e.reason, e.message) for e in errors] == [
        (
            "encoding",
            f"{path}: starts with a UTF-16 byte-order mark but is not valid UTF-16 (at byte 228); "
            "it is probably cut short or not UTF-16: check the file",
        )
    ]
