"""Every input a fuzzer crashed on (tests/fuzz/regressions/TARGET/) is replayed: it must now give
a report, documents or typed errors (issue 17)."""

from __future__ import annotations

import pytest
from atheris_harness import REGRESSIONS, TARGETS, one_input

CASES = [(target, path) for target in TARGETS for path in sorted((REGRESSIONS / target).glob("*"))]


def test_regressions_are_kept_for_extract_and_the_readers():
    assert {target for target, _ in CASES} >= {
        "extract",
        "feed",
        "jsonl",
        "json",
        "html",
        "warc",
        "text",
    }
    assert len(CASES) >= 17  # grows as the fuzzers find more


@pytest.mark.parametrize(("target", "path"), CASES, ids=[f"{t}/{p.name}" for t, p in CASES])
def test_crash_input_now_keeps_the_contract(target, path):
    one_input(target, path.read_bytes())
