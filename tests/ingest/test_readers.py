"""Each reader turns its format into Documents with metadata; one bad record costs only itself."""

from __future__ import annotations

import gzip
import io
import json
import sys
from datetime import date
from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Pages, feeds and records below are written for these tests.
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Militia fighters clash near Zawiya | Coast Courier</title>
<meta property="og:site_name" content="Coast Courier">
<meta property="og:title" content="Militia fighters clash near Zawiya">
<meta property="og:url" content="https://coast-courier.example/zawiya-clash">
<meta property="article:published_time" content="2021-06-02T10:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div class="breadcrumb">Breadcrumb: Home &gt; News</div>
<article><h1>Militia fighters clash near Zawiya</h1>
<p>Rival militia fighters clashed near the refinery in Zawiya, west of Tripoli, on Tuesday, residents said, and at least three people were wounded.</p>
<p>Read also: <a href="/other">Tripoli airport reopens after closure</a></p>
<p>The fighting stopped after local elders negotiated a truce between the two armed groups, a council member told the Coast Courier.</p>
<p>Share this article</p>
</article>
<footer>&copy; 2021 Coast Courier. All rights reserved.</footer>
</body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Frontline Feed</title><link>https://frontline.example/</link>
<item><title>Army retakes village near Kidal</title><link>https://frontline.example/1</link>
<pubDate>Tue, 04 May 2021 08:00:00 +0000</pubDate>
<description>&lt;p&gt;Malian troops retook the village of Anefis near Kidal on Monday after clashes with armed groups, the army said.&lt;/p&gt;&lt;p&gt;Read more: other news&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://frontline.example/2</link><description></description></item>
<item><title>Protest in Niamey over insecurity</title><link>https://frontline.example/3</link>
<pubDate>Mon, 03 May 2021 08:00:00 +0000</pubDate>
<description>Hundreds of students protested in Niamey on Sunday against the killing of villagers in the Tillaberi region.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Horn Watch</title>
<entry><title>Drone strike in Tigray</title><link href="https://horn-watch.example/a"/>
<updated>2021-11-20T10:00:00Z</updated>
<content type="html">&lt;p&gt;A drone strike hit a market in Tigray on Friday, killing at least six people, witnesses said.&lt;/p&gt;</content></entry>
</feed>"""


def test_plain_text_becomes_one_document_with_cli_metadata(tmp_path, read, article):
    (tmp_path / "a.txt").write_text(article)
    documents, errors = read(
        tmp_path / "a.txt", published="2021-05-04", outlet="Wire", url="https://x.example"
    )
    assert errors == []
    [doc] = documents
    assert doc.text == article
    assert (doc.input, doc.published, doc.outlet, doc.url) == (
        str(tmp_path / "a.txt"),
        date(2021, 5, 4),
        "Wire",
        "https://x.example",
    )


def test_html_gives_main_text_metadata_and_headline_without_chrome(tmp_path, read):
    (tmp_path / "page.html").write_text(PAGE)
    [doc], errors = read(tmp_path / "page.html")
    assert errors == []
    assert doc.title == "Militia fighters clash near Zawiya"
    assert doc.outlet == "Coast Courier"
    assert doc.published == date(2021, 6, 2)
    assert doc.url == "https://coast-courier.example/zawiya-clash"
    assert doc.text.startswith(
        "Militia fighters clash near Zawiya\n\nRival militia fighters clashed"
    )
    assert doc.text.count("Militia fighters clash near Zawiya") == 1
    for chrome in (
        "Read also",
        "Tripoli airport reopens",
        "Share this",
        "Breadcrumb",
        "Home",
        "rights reserved",
    ):
        assert chrome not in doc.text


def test_file_metadata_wins_over_command_line(tmp_path, read):
    (tmp_path / "page.html").write_text(PAGE)
    [doc], _ = read(tmp_path / "page.html", published="2000-01-01", outlet="Other")
    assert (doc.published, doc.outlet) == (date(2021, 6, 2), "Coast Courier")


def test_html_with_no_body_text_is_refused_as_empty(tmp_path, read):
    (tmp_path / "chrome.html").write_text(
        "<html><head><title>Coast Courier</title></head><body><nav><a href='/'>Home</a></nav>"
        "<footer>Privacy policy</footer></body></html>"
    )
    documents, errors = read(tmp_path / "chrome.html")
    assert documents == []
    assert [e.reason for e in errors] == ["empty"]
    assert "HTML page has no body text" in errors[0].message


def test_html_is_sniffed_from_content_whatever_the_extension(tmp_path, read):
    (tmp_path / "saved-page.txt").write_text(PAGE)
    [doc], _ = read(tmp_path / "saved-page.txt")
    assert doc.outlet == "Coast Courier"
    assert "<p>" not in doc.text


def test_html_in_declared_charset_is_decoded(tmp_path, read):
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "Tuesday", "Tuesday \u2013"
    )
    (tmp_path / "old.html").write_bytes(page.encode("cp1252"))
    [doc], errors = read(tmp_path / "old.html")
    assert errors == []
    assert "Tuesday \u2013" in doc.text


def test_jsonl_bad_line_is_reported_and_other_lines_read(tmp_path, read, article):
    lines = [
        json.dumps(
            {"text": article, "title": "Checkpoint attacked near Gao", "published": "2021-05-03"}
        ),
        "{not json",
        "",
        json.dumps({"title": "no text here"}),
        json.dumps(
            {
                "text": "Protesters blocked the main road in Gao on Tuesday, residents said.",
                "outlet": "Sahel Post",
            }
        ),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n")
    documents, errors = read(path, outlet="Fallback Outlet")
    assert [d.input for d in documents] == [f"{path}:1", f"{path}:5"]
    assert documents[0].text.startswith("Checkpoint attacked near Gao\n\nUnidentified gunmen")
    assert documents[0].published == date(2021, 5, 3)
    assert [d.outlet for d in documents] == ["Fallback Outlet", "Sahel Post"]
    assert [(e.input, e.reason) for e in errors] == [
        (f"{path}:2", "malformed"),
        (f"{path}:4", "malformed"),
    ]
    assert "not valid JSON" in errors[0].message
    assert '"text"' in errors[1].message


def test_jsonl_is_sniffed_without_extension(tmp_path, read, article):
    (tmp_path / "dump").write_text(json.dumps({"text": article}) + "\n")
    [doc], _ = read(tmp_path / "dump")
    assert doc.input == f"{tmp_path / 'dump'}:1"


def test_json_array_gives_one_document_per_element(tmp_path, read, article):
    (tmp_path / "list.json").write_text(json.dumps([{"text": article}, {"text": ""}]))
    documents, errors = read(tmp_path / "list.json")
    assert [d.input for d in documents] == [f"{tmp_path / 'list.json'}:1"]
    assert [(e.input, e.reason) for e in errors] == [(f"{tmp_path / 'list.json'}:2", "empty")]


def test_rss_entries_become_documents_and_an_empty_entry_fails_alone(tmp_path, read):
    path = tmp_path / "feed.xml"
    path.write_text(RSS)
    documents, errors = read(path)
    assert [d.input for d in documents] == [f"{path}:1", f"{path}:3"]
    first = documents[0]
    assert first.title == "Army retakes village near Kidal"
    assert first.outlet == "Frontline Feed"
    assert first.url == "https://frontline.example/1"
    assert first.published == date(2021, 5, 4)
    assert first.text == (
        "Army retakes village near Kidal\n\nMalian troops retook the village of Anefis near Kidal on "
        "Monday after clashes with armed groups, the army said."
    )
    assert [(e.input, e.reason) for e in errors] == [(f"{path}:2", "empty")]


def test_atom_feed_is_read(tmp_path, read):
    (tmp_path / "horn.atom").write_text(ATOM)
    [doc], errors = read(tmp_path / "horn.atom")
    assert errors == []
    assert (doc.outlet, doc.published, doc.url) == (
        "Horn Watch",
        date(2021, 11, 20),
        "https://horn-watch.example/a",
    )
    assert doc.text.endswith("killing at least six people, witnesses said.")


def test_broken_feed_is_malformed(tmp_path, read):
    (tmp_path / "broken.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>X</titl'
    )
    documents, errors = read(tmp_path / "broken.rss")
    assert documents == []
    assert [e.reason for e in errors] == ["malformed"]


def _warc(path, records):
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, status, ctype, body in records:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http)
            )


def test_warc_html_and_text_responses_become_documents(tmp_path, read, article):
    path = tmp_path / "crawl.warc.gz"
    _warc(
        path,
        [
            (
                "https://coast-courier.example/zawiya-clash",
                "200 OK",
                "text/html; charset=utf-8",
                PAGE.encode(),
            ),
            (
                "https://coast-courier.example/logo.png",
                "200 OK",
                "image/png",
                b"\x89PNG\r\n\x1a\n" + bytes(20),
            ),
            (
                "https://coast-courier.example/gone",
                "404 Not Found",
                "text/html",
                b"<p>Not found</p>",
            ),
            ("https://wire.example/brief.txt", "200 OK", "text/plain", article.encode()),
            ("https://wire.example/empty.txt", "200 OK", "text/plain", b"  "),
        ],
    )
    documents, errors = read(path)
    assert [(d.input, d.url) for d in documents] == [
        (f"{path}:1", "https://coast-courier.example/zawiya-clash"),
        (f"{path}:4", "https://wire.example/brief.txt"),
    ]
    assert documents[0].outlet == "Coast Courier"
    assert documents[1].text == article
    assert [(e.input, e.reason) for e in errors] == [(f"{path}:5", "empty")]


def test_damaged_warc_keeps_records_before_the_damage(tmp_path, read, article):
    path = tmp_path / "crawl.warc"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://a.example/",
                "response",
                payload=BytesIO(article.encode()),
                http_headers=http,
            )
        )
    with path.open("ab") as stream:
        stream.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\ntruncated")
    documents, errors = read(path)
    assert [d.url for d in documents] == ["https://a.example/"]
    assert [(e.input, e.reason) for e in errors] == [(str(path), "malformed")]


def test_gzip_that_is_not_a_warc_is_binary(tmp_path, read, article):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(article.encode()))
    _, errors = read(tmp_path / "a.txt.gz")
    assert [e.reason for e in errors] == ["binary"]


def test_stdin_is_read_and_sniffed(monkeypatch, read):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode())))
    [doc], errors = read("-")
    assert errors == []
    assert (doc.input, doc.outlet) == ("-", "Coast Courier")


def test_folder_is_walked_recursively_skipping_hidden_and_source_files(tmp_path, read, article):
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "a.txt").write_text(article)
    (tmp_path / "b" / "c.txt").write_text(article.replace("Monday", "Tuesday"))
    (tmp_path / ".cache" / "d.txt").write_text(article)
    (tmp_path / ".hidden.txt").write_text(article)
    (tmp_path / "build.py").write_text(
        "print('the script that built this corpus is not an article')"
    )
    documents, errors = read(tmp_path)
    assert errors == []
    assert [d.input for d in documents] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.txt")]
