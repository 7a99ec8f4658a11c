"""Page chrome lines are dropped; article sentences that merely contain the words are kept."""

from __future__ import annotations

import pytest

from warledger.ingest.boilerplate import drop_chrome, is_chrome


@pytest.mark.parametrize(
    "line",
    [
        "Read also: Misrata brigades send reinforcements",
        "READ MORE",
        "Related: Ceasefire talks stall",
        "See also - Timeline of the war",
        "Share this article",
        "Breadcrumb: Home > Libya",
        "© 2021 Coast Courier. All rights reserved.",
        "Advertisement",
        "Skip to main content",
    ],
)
def test_chrome_lines_are_recognised(line):
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Related fighting spread to the south of the city on Monday.",
        "Residents were told to read the evacuation notice.",
        "The army said it would share intelligence with its allies.",
        "Home-made bombs were found near the market.",
    ],
)
def test_article_sentences_are_not_chrome(line):
    assert not is_chrome(line)


def test_drop_chrome_keeps_paragraphs_separated():
    text = "First paragraph.\nRead also: elsewhere\n\nSecond paragraph.\nShare"
    assert drop_chrome(text) == "First paragraph.\n\nSecond paragraph."
