"""Which reader an input needs, judged from its first bytes and, where they are silent, its name."""

from __future__ import annotations

import re
import zlib
from typing import Literal

Format = Literal["warc", "feed", "html", "jsonl", "json", "text"]

HEAD_BYTES = 8192
CONTAINER_SUFFIXES = (".jsonl", ".ndjson", ".warc", ".warc.gz")
"""Formats holding many documents: the size limit applies to each record, not the file."""
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".rss", ".atom")

_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(r"<(p|div|article|section|h[1-6]|br|span|a|title|meta)[\s/>]", re.IGNORECASE)
_PREAMBLE = re.compile(r"^(\s*(<\?xml[^>]*\?>|<!--.*?-->))*\s*", re.DOTALL)


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return b""


def sniff(head: bytes, name: str = "") -> Format | None:
    """The format of an input from its first bytes; None for gzip data that is not a WARC."""
    lower_name = name.lower()
    if head.startswith(b"\x1f\x8b"):
        return "warc" if _gunzip_head(head).startswith(b"WARC/") else None
    if head.startswith(b"WARC/"):
        return "warc"
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
    start = text[_PREAMBLE.match(text).end() :]  # type: ignore[union-attr]
    if _FEED_ROOT.match(start):
        return "feed"
    if _HTML_START.match(start):
        return "html"
    if start.startswith("{"):
        return "json" if lower_name.endswith(".json") else "jsonl"
    if start.startswith("[") and lower_name.endswith((".json", ".jsonl", ".ndjson")):
        return "json"
    if start.startswith("<"):
        if _FEED_ROOT.search(start[:2000]) and not _HTML_START.search(start[:2000]):
            return "feed"
        if _HTML_TAG.search(start):
            return "html"
    if lower_name.endswith(FEED_SUFFIXES) and "<" in start:
        return "feed"
    if lower_name.endswith(HTML_SUFFIXES) and _HTML_TAG.search(start):
        return "html"
    return "text"
