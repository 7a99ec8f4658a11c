"""`export(fmt, *flags)`: run `warledger export` over the session's sample database into a file."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def export(sample_db, tmp_path):
    from warledger.cli import main

    def run(fmt: str, *flags: str) -> Path:
        out = tmp_path / f"out-{fmt}-{len(list(tmp_path.iterdir()))}"
        code = main(["export", "--format", fmt, "--db", str(sample_db), "-o", str(out), *flags])
        assert code == 0
        return out

    return run


def find(items, **wanted):
    """The one item whose keys have the wanted values (a test helper, not a fixture)."""
    hits = [i for i in items if all(i.get(k) == v for k, v in wanted.items())]
    assert len(hits) == 1, (wanted, len(hits))
    return hits[0]
