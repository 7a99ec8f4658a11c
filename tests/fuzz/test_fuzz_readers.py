"""Property-based fuzzing of the readers (issue 17): broken feeds, WARC records, HTML and JSON lines
give documents and typed failures, never an uncaught exception."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from fuzz_targets import ANY_TEXT, fuzz_settings, reader_target
from hypothesis import example, given
from hypothesis import strategies as st

SAMPLES = Path(__file__).parents[2] / "samples"
FEED = (SAMPLES / "feeds" / "sahel-security-briefing.rss").read_bytes()
WARC = gzip.decompress((SAMPLES / "archive" / "crawl.warc.gz").read_bytes())
PAGE = (SAMPLES / "libya-tripoli-drone-strikes.html").read_bytes()
JSONL = (SAMPLES / "jsonl" / "regional-briefs.jsonl").read_bytes()
ARTICLE = "Gunmen killed two soldiers at a checkpoint near Gao on Monday, the army said."
FUZZ = fuzz_settings(40)


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` cut short, with bytes flipped, runs deleted or repeated."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 5))):
        if not out:
            break
        at = draw(st.integers(0, len(out) - 1))
        action = draw(st.sampled_from(["flip", "cut", "delete", "repeat", "insert"]))
        if action == "flip":
            out[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del out[at:]
        elif action == "delete":
            del out[at : at + draw(st.integers(1, 200))]
        elif action == "repeat":
            out[at:at] = out[at : at + draw(st.integers(1, 50))] * draw(st.integers(1, 100))
        else:
            out[at:at] = draw(st.binary(max_size=30))
    return bytes(out)


@FUZZ
@given(data=mutated(FEED))
@example(data=FEED[: len(FEED) // 2])
@example(data=FEED.replace(b"highway</title>", b"highway\x00/title>"))  # found: summary None
def test_broken_feeds_are_read_or_refused(data):
    reader_target("feed", data)


@FUZZ
@given(data=mutated(WARC), compress=st.booleans())
@example(data=WARC[:-200], compress=False)
@example(data=WARC[:-200], compress=True)
def test_broken_warc_archives_are_read_or_refused(data, compress):
    reader_target("warc", gzip.compress(data) if compress else data)


@st.composite
def nested_html(draw: st.DrawFn) -> bytes:
    depth = draw(st.integers(0, 600))
    tag = draw(st.sampled_from(["div", "span", "b", "table", "p", "font", "li"]))
    inner = draw(st.sampled_from([ARTICLE, "", "<script>x</script>", ARTICLE + "<" * 50]))
    close = draw(st.booleans())
    page = f"<html><body>{f'<{tag}>' * depth}{inner}{f'</{tag}>' * depth if close else ''}"
    return page.encode()


@FUZZ
@given(data=st.one_of(nested_html(), mutated(PAGE)))
@example(data=b"<html><body>" + b"<div>" * 300 + ARTICLE.encode() + b"</div>" * 300)
def test_nested_and_broken_html_is_read_or_refused(data):
    reader_target("html", data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
    max_leaves=20,
)


@st.composite
def jsonl_lines(draw: st.DrawFn) -> bytes:
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        record = draw(
            st.one_of(
                JSON_VALUES,
                st.fixed_dictionaries(
                    {"text": st.one_of(st.just(ARTICLE), ANY_TEXT, JSON_VALUES)},
                    optional={
                        "title": JSON_VALUES,
                        "published": st.one_of(JSON_VALUES, st.just("0001-01-01")),
                        "url": JSON_VALUES,
                        "outlet": JSON_VALUES,
                    },
                ),
            )
        )
        lines.append(json.dumps(record).encode())
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), b"[" * draw(st.integers(1, 100_000)))
    return b"\n".join(lines)


@FUZZ
@given(data=st.one_of(jsonl_lines(), mutated(JSONL)))
@example(data=b'{"text": "' + ARTICLE.encode() + b' \\ud800 \\udfff"}')
def test_odd_json_lines_are_read_or_refused(data):
    reader_target("jsonl", data)
    reader_target("json", data)


@FUZZ
@given(data=st.one_of(st.binary(max_size=400), mutated(ARTICLE.encode())))
def test_random_bytes_are_read_or_refused_as_text(data):
    reader_target("text", data)
