"""Helpers for reader tests: read one path and split documents from failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from warledger.document import Document
from warledger.errors import InputError
from warledger.ingest.read import read_inputs


@pytest.fixture
def article() -> str:
    """A short English news text, written for these tests."""
    return (
        "Unidentified gunmen attacked a checkpoint near Gao on Monday, killing two soldiers, "
        "the army said in a statement."
    )


@pytest.fixture
def read():
    def run(*paths: str | Path, **options) -> tuple[list[Document], list[InputError]]:
        items = list(read_inputs([str(p) for p in paths], **options))
        return (
            [i for i in items if isinstance(i, Document)],
            [i for i in items if isinstance(i, InputError)],
        )

    return run
