"""Build samples/archive/crawl.warc.gz: a small web crawl for `warledger ingest` to read.

The articles are written by the warledger project (invented incidents, real actors and places).
The archive holds what a crawler records: a warcinfo record, a request and a response per page,
an image (not an article: the reader skips it), a 404 page (skipped too) and a plain-text resource.

Run:  .venv/bin/python samples/build_warc.py
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).parent / "archive" / "crawl.warc.gz"
DATE = "2022-10-12T08:00:00Z"

PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} - {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/europe">Europe</a> | <a href="/subscribe">Subscribe</a></nav>
<div class="breadcrumb">Breadcrumb: Home &gt; World</div>
<article><h1>{title}</h1>
{paragraphs}
</article>
<footer><p>&copy; 2022 {site}. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""

PAGES = [
    {
        "url": "https://eastern-front-news.example/2022/10/11/iranian-drones-crimea",
        "site": "Eastern Front News",
        "title": "Iranian drones delivered to Russian forces in Crimea, Kyiv says",
        "published": "2022-10-11T16:20:00+00:00",
        "paragraphs": [
            "Iran has delivered a new batch of Shahed-136 attack drones to Russian forces in occupied"
            " Crimea, and Iranian instructors are training Russian operators at a base near Dzhankoi,"
            " Ukraine's military intelligence agency said on Tuesday.",
            "Read also: Kyiv's power grid under attack",
            "The agency said about 50 Iranian personnel had been sent to Crimea to help launch the"
            " drones, which Russia has used to strike power stations in Kyiv, Odesa and Mykolaiv."
            " Tehran has denied supplying Moscow with weapons for use in Ukraine.",
            "The European Union said it was preparing sanctions against Iranian individuals and"
            " companies involved in producing the drones. Ukraine's foreign ministry said it would"
            " downgrade diplomatic relations with Iran and reduce the staff of the Iranian embassy"
            " in Kyiv.",
            "Russian troops have meanwhile moved several battalions from Kherson to the Zaporizhzhia"
            " front, according to a Western official who briefed reporters on condition of"
            " anonymity.",
        ],
    },
    {
        "url": "https://mekong-monitor.example/2022/10/arakan-army-outpost",
        "site": "Mekong Monitor",
        "title": "Arakan Army says it captured junta outpost in Rakhine",
        "published": "2022-10-10T05:00:00+00:00",
        "paragraphs": [
            "The Arakan Army said on Sunday that its fighters had captured a Myanmar military outpost"
            " near the Bangladesh border in Maungdaw township after two days of fighting, seizing"
            " weapons and ammunition.",
            "Related: Rakhine ceasefire collapses",
            "A spokesman for the ethnic armed group said 19 soldiers had been taken prisoner. The"
            " military responded with helicopter gunship attacks on two villages in the township,"
            " residents said, killing four civilians.",
            "Myanmar's junta has accused the Arakan Army of receiving support from the Kachin"
            " Independence Army and of attacking civilians, accusations the group rejects.",
        ],
    },
]

RESOURCE_TEXT = """Kenyan troops repel al-Shabaab attack on base in Lower Juba

NAIROBI, Oct 11 (Wire) - Kenyan soldiers serving with the African Union Transition Mission in
Somalia (ATMIS) repelled an attack by al-Shabaab fighters on their base at Kolbiyow in Lower Juba
on Monday, Kenya's defence forces said, adding that 12 militants were killed. The militants
detonated a car bomb at the gate before attacking the base with machine guns and grenades.
"""


def _page(page: dict) -> bytes:
    fields = {**page, "paragraphs": "\n".join(f"<p>{p}</p>" for p in page["paragraphs"])}
    return PAGE_TEMPLATE.format(**fields).encode("utf-8")


def _response(writer: WARCWriter, url: str, status: str, ctype: str, body: bytes, n: int) -> None:
    http = StatusAndHeaders(
        status, [("Content-Type", ctype), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
    )
    request = StatusAndHeaders(
        f"GET {url} HTTP/1.1", [("User-Agent", "warledger-sample")], is_http_request=True
    )
    headers = {"WARC-Date": DATE, "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"}
    writer.write_record(
        writer.create_warc_record(url, "request", http_headers=request, warc_headers_dict=headers)
    )
    headers = {"WARC-Date": DATE, "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-9000-{n:012d}>"}
    record = writer.create_warc_record(
        url, "response", payload=BytesIO(body), http_headers=http, warc_headers_dict=headers
    )
    writer.write_record(record)


def _fix_headers(record: Any, n: int) -> None:
    """Fixed date and id, so that rebuilding gives the same bytes."""
    record.rec_headers.replace_header("WARC-Date", DATE)
    record.rec_headers.replace_header(
        "WARC-Record-ID", f"<urn:uuid:00000000-0000-4000-a000-{n:012d}>"
    )


def build(out: Path = OUT) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        info = writer.create_warcinfo_record(
            "crawl.warc.gz",
            {"software": "warledger samples/build_warc.py", "format": "WARC File Format 1.1"},
        )
        _fix_headers(info, 0)
        writer.write_record(info)
        for n, page in enumerate(PAGES, start=1):
            _response(writer, page["url"], "200 OK", "text/html; charset=utf-8", _page(page), n)
        png = b"\x89PNG\r\n\x1a\n" + bytes(64)
        _response(
            writer, "https://eastern-front-news.example/logo.png", "200 OK", "image/png", png, 10
        )
        missing = b"<html><body><h1>Page not found</h1></body></html>"
        _response(
            writer,
            "https://eastern-front-news.example/old-story",
            "404 Not Found",
            "text/html",
            missing,
            11,
        )
        resource = writer.create_warc_record(
            "https://wire.example/2022/10/11/kolbiyow-attack.txt",
            "resource",
            payload=BytesIO(RESOURCE_TEXT.encode("utf-8")),
            warc_headers_dict={"WARC-Date": DATE, "Content-Type": "text/plain; charset=utf-8"},
        )
        _fix_headers(resource, 12)
        writer.write_record(resource)
    return out


if __name__ == "__main__":
    print(build())
