"""A small hand-built database for the API tests (no spaCy): the resolve tests' fighter-flow story
plus a stated SUPPORTS relation, resolved, on a file; and a TestClient over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.resolve.conftest import Corpus, actor, event, place
from tests.resolve.test_flows import seed_story

from warledger.report import Attribution, Relation, Source, When
from warledger.server import RateLimit, create_app
from warledger.store import Store

TOKEN = "s3cret-token"
TRIPOLI = ("Tripoli", "city", "LBY", "Tripoli", 32.887, 13.187)


def seed_support(corpus: Corpus) -> None:
    """Turkey SUPPORTS the GNA, said by a named official in January 2020."""
    corpus.add(
        "support",
        "Turkey has backed the GNA since January, an official said.",
        "2020-02-01",
        outlet="Anatolia Desk",
        actors=[
            actor("a1", "Turkey", "state", "TUR"),
            actor("a2", "Government of National Accord", "government", "LBY", "lby.gna"),
        ],
        places=[place("p1", TRIPOLI)],
        sources=[Source(id="s1", name="an official", kind="anonymous")],
        events=[event("e1", "SUPPORT", "2020-01-15", agent=["a1"], beneficiary=["a2"])],
        relations=[
            Relation(
                id="r1",
                type="SUPPORTS",
                source="a1",
                target="a2",
                evidence=[],
                when=When(text="January", start="2020-01-01", end="2020-01-31", precision="month"),
                attribution=Attribution(sources=["s1"], chain=["s1"], certainty="reported"),
            )
        ],
    )


@pytest.fixture(scope="session")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("story") / "story.duckdb"
    with Store.open(path) as store:
        corpus = Corpus(store)
        seed_story(corpus)
        seed_support(corpus)
        corpus.resolve()
    return path


@pytest.fixture(scope="module")
def client(story_db: Path) -> Iterator[TestClient]:
    """Read-only (no token), with a rate limit no test reaches."""
    app = create_app(story_db, None, rate_limit=RateLimit(100_000, 60))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.store.close()
