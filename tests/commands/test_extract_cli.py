"""`warledger extract` prints a schema-valid report for text, HTML, JSON lines and stdin."""

from __future__ import annotations

import contextlib
import io
import json
import sys

import pytest

from warledger.cli import main
from warledger.schema import validation_errors
from warledger.settings import Settings

DESIGN_SCHEMA = Settings().eval_data.parent / "design" / "report.schema.json"
# Written for these tests.
ARTICLE = "Unidentified gunmen attacked a checkpoint near Gao on Monday, killing two soldiers, the army said."
PAGE = (
    "<html><head><title>Checkpoint attacked near Gao</title>"
    '<meta property="og:site_name" content="Sahel Post">'
    '<meta property="article:published_time" content="2021-05-04"></head>'
    "<body><nav>Home | News</nav><article><h1>Checkpoint attacked near Gao</h1>"
    f"<p>{ARTICLE}</p></article></body></html>"
)


def run_cli(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        sys.stdin = saved
    return code, out.getvalue(), err.getvalue()


def assert_valid(report: dict) -> None:
    assert validation_errors(report) == []
    if DESIGN_SCHEMA.is_file():
        from jsonschema import Draft202012Validator

        errors = list(
            Draft202012Validator(json.loads(DESIGN_SCHEMA.read_text())).iter_errors(report)
        )
        assert errors == []


@pytest.fixture(autouse=True)
def _shared_pipeline(nlp):
    """The CLI loads the same cached pipeline as the session fixture."""


def test_extract_text_file_prints_one_valid_report(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    code, out, err = run_cli("extract", str(path), "--published", "2021-05-04", "--outlet", "Wire")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert_valid(report)
    assert report["document"]["input"] == str(path)
    assert report["document"]["published"] == "2021-05-04"
    assert report["document"]["outlet"] == "Wire"
    assert report["document"]["chars"] == len(ARTICLE)


def test_extract_html_file_uses_page_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    code, out, _ = run_cli("extract", str(path))
    assert code == 0
    report = json.loads(out)
    assert_valid(report)
    assert report["document"]["title"] == "Checkpoint attacked near Gao"
    assert report["document"]["outlet"] == "Sahel Post"
    assert report["document"]["published"] == "2021-05-04"


def test_extract_jsonl_with_several_records_prints_one_report_per_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"text": ARTICLE})
        + "\n"
        + json.dumps({"text": ARTICLE.replace("Gao", "Kidal")})
        + "\n"
    )
    code, out, _ = run_cli("extract", str(path))
    assert code == 0
    reports = [json.loads(line) for line in out.splitlines()]
    assert [r["document"]["input"] for r in reports] == [f"{path}:1", f"{path}:2"]
    for report in reports:
        assert_valid(report)


def test_extract_stdin_prints_jsonl(tmp_path):
    code, out, _ = run_cli("extract", "-", stdin=ARTICLE.encode())
    assert code == 0
    [line] = out.splitlines()
    report = json.loads(line)
    assert_valid(report)
    assert report["document"]["input"] == "-"


def test_extract_reports_bad_input_and_still_prints_the_good_one(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.png"
    good.write_text(ARTICLE)
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(10))
    code, out, err = run_cli("extract", str(bad), str(good))
    assert code == 1
    assert "PNG image" in err
    [line] = out.splitlines()
    assert json.loads(line)["document"]["input"] == str(good)


def test_extract_jsonl_with_one_record_prints_indented_json(tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"text": ARTICLE}) + "\n")
    code, out, _ = run_cli("extract", str(path))
    assert code == 0
    assert out.startswith("{\n")
    assert json.loads(out)["document"]["input"] == f"{path}:1"
