"""HTML pages -> Document: main text and metadata with trafilatura, minus page chrome."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

import trafilatura
from lxml import html as lxml_html

from warledger.document import Document
from warledger.errors import InputError
from warledger.ingest.boilerplate import drop_chrome
from warledger.ingest.checks import InputFailure, decode, read_limited
from warledger.ingest.options import ReadOptions, make_document

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_BLOCKS = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
    "article", "header", "footer", "pre", "dd", "dt", "figcaption",
}  # fmt: skip
_NOT_TEXT = ("script", "style", "noscript", "template", "iframe", "svg", "nav", "aside", "form")
MAX_DEPTH = 250
"""libxml2 (under lxml and trafilatura) gives up on elements nested past 255 levels."""
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset(("br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "col"))
_NOT_TEXT_ELEMENT = re.compile(
    r"<(script|style|noscript|template|svg)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_BLOCK_TAG = re.compile(r"</?(" + "|".join(sorted(_BLOCKS)) + r")\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters lxml parses but refuses to set in a tree (a vertical tab from a CMS, a stray NUL):
moving text around them (drop_tree) raised ValueError. As spaces they cost nothing of the text."""


def decode_html(input: str, data: bytes, encoding: str | None, declared: str | None = None) -> str:
    """HTML bytes to text: --encoding, else UTF-8, else the charset the page (or server) declares."""
    if encoding:
        return decode(input, data, encoding)
    try:
        return decode(input, data)
    except InputFailure:
        match = _META_CHARSET.search(data[:4096])
        charset = declared or (match[1].decode("ascii") if match else None)
        if not charset or charset.lower().replace("_", "-") in ("utf-8", "utf8"):
            raise
        return decode(input, data, charset)


def fragment_to_text(fragment: str) -> str:
    """An HTML fragment (a feed item's content) as paragraphs of plain text."""
    if "<" not in fragment:
        return fragment
    fragment = _NOT_XML.sub(" ", fragment)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on broken markup; fall back to tag stripping
        return re.sub(r"<[^>]+>", " ", fragment)
    for element in list(root.iter(*_NOT_TEXT)):
        element.drop_tree()
    parts: list[str] = []
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            parts.append("\n")
        if element.text and isinstance(element.tag, str):
            parts.append(element.text)
        if element.tail and element is not root:
            parts.append(element.tail)
    return drop_chrome("".join(parts))


def too_deep(page: str, limit: int = MAX_DEPTH) -> bool:
    """True when elements nest deeper than `limit` (a scan of the tags, no parse)."""
    depth = 0
    for match in _TAG.finditer(page):
        closing, name, self_closing = match[1], match[2].lower(), match[3]
        if closing:
            depth -= 1
        elif not self_closing and name not in _VOID:
            depth += 1
            if depth > limit:
                return True
    return False


def flatten(fragment: str) -> str:
    """The text of HTML too deeply nested for a parser: scripts and styles dropped, block tags as
    line breaks, other tags as nothing, entities decoded."""
    text = _NOT_TEXT_ELEMENT.sub(" ", fragment)
    text = _BLOCK_TAG.sub("\n", text)
    return html_lib.unescape(_ANY_TAG.sub("", text))


def html_to_document(
    input: str, page: str, options: ReadOptions, url: str | None = None
) -> Document:
    """One page: trafilatura's main text with title, site name, date and URL; chrome dropped."""
    result = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
    )
    if result is None:  # no main text found: keep the page's metadata, fall back to its body
        result = trafilatura.extract_metadata(page, default_url=url)
    meta: dict[str, Any] = (
        result if isinstance(result, dict) else result.as_dict() if result else {}
    )
    body = drop_chrome(meta.get("text") or "")
    if not body:
        body = drop_chrome(fragment_to_text(_body_of(page)))
    if not body and too_deep(page):  # libxml2 stops at 255 levels: read the text without the tree
        body = drop_chrome(flatten(_body_of(page)))
    return make_document(
        body,
        options,
        input=input,
        title=meta.get("title"),
        url=url or meta.get("url"),
        outlet=meta.get("sitename"),
        published=meta.get("date"),
        what_if_empty="the HTML page has no body text",
    )


def _body_of(page: str) -> str:
    match = re.search(r"<body[^>]*>(.*)</body>", page, re.IGNORECASE | re.DOTALL)
    return match[1] if match else page


def read_html(
    input: str, stream: BinaryIO, options: ReadOptions
) -> Iterator[Document | InputError]:
    data = read_limited(input, stream, options.settings.max_bytes)
    yield html_to_document(input, decode_html(input, data, options.encoding), options)
