"""Property-based API testing: schemathesis generates requests from /openapi.json (a bounded
number per operation) against the app over the sample database; no answer may be a 5xx, and each
status must be one the document declares."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, status_code_conformance

from warledger.server import RateLimit, create_app

EXAMPLES = 25  # per operation


@pytest.fixture(scope="module")
def api_app(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    shutil.copy(sample_db, path)
    app = create_app(path, None, rate_limit=RateLimit(1_000_000, 60))
    yield app
    app.store.close()


def test_no_operation_answers_with_a_server_error(api_app: object) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", api_app)
    tried = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=[not_a_server_error, status_code_conformance])

        check()
        tried.append(operation.label)
    assert len(tried) == 20
