"""Property-based fuzzing of `warledger.extract` (issue 17): random and mutated news text gives a
schema-valid report or a typed error, never an uncaught exception or a hang.

Example counts are bounded (extraction costs up to a second a text): the suite stays fast, and
`make fuzz` runs the coverage-guided harness for longer.
"""

from __future__ import annotations

from datetime import date

from fuzz_targets import extract_target, fuzz_settings
from hypothesis import example, given, settings
from hypothesis import strategies as st

# Written for these tests.
NEWS = [
    "Gunmen killed two soldiers at a checkpoint near Gao on Monday, the army said.",
    "Turkey sent 2,000 fighters to Libya last week, a source close to the GNA said.",
    "Protesters blocked the main road in Niamey three days ago, residents said.",
    "Rebels shelled Kharkiv on 5 May 2020, killing 12 civilians and wounding 30.",
]
FUZZ = fuzz_settings(25)
# Every code point, lone surrogates and control characters included.
ANY_CHAR = st.characters(codec=None, categories=None)
ODD = st.sampled_from(
    ["\x00", "\ud800", "\udfff", "\u202e", "\ufeff", "\u00ad", "\r", "\x0b", "\u2028", "\U0001f4a5",
     "ا", "Ж", "中", "\u0301", "!", "9" * 30, "-" * 300, "http://" + "a" * 400]
)  # fmt: skip
PUBLISHED = st.one_of(
    st.none(),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["0001-01-01", "9999-12-31", "0000-00-00", "yesterday", "2020-13-45", ""]),
    st.text(max_size=20),
)


@st.composite
def mutated_news(draw: st.DrawFn) -> str:
    """A news sentence with characters inserted, a token repeated, numbers made absurd."""
    words = draw(st.lists(st.sampled_from(NEWS), min_size=1, max_size=3))
    text = " ".join(words)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        piece = draw(st.one_of(ODD, st.text(ANY_CHAR, max_size=8)))
        text = text[:at] + piece + text[at:]
    if draw(st.booleans()):
        token = draw(st.sampled_from(["!", "killed and ", "the ", "2,000 ", "((", "'s "]))
        text += token * draw(st.integers(1, 600))
    if draw(st.booleans()):
        number = str(draw(st.integers(0, 10**30)))
        text = text.replace("2,000", number).replace("two", number)
    return text


@FUZZ
@given(text=mutated_news(), published=PUBLISHED)
@example(text="Fighters attacked the town 3 days ago.", published="0001-01-01")
@example(text="Turkey sent fighters to Libya next year.", published="9999-12-31")
@example(text="Rebels attacked the town 3000 years ago.", published="2020-05-10")
@example(text="Rebels attacked the town \ud800 on Monday.", published="2020-05-10")
def test_mutated_news_gives_a_report_or_a_typed_error(text, published):
    assert extract_target(text, published) in ("report", "refused")


@FUZZ
@given(text=st.text(ANY_CHAR, max_size=300), published=PUBLISHED)
@example(text="", published=None)
@example(text="\x00" * 50, published=None)
def test_random_text_gives_a_report_or_a_typed_error(text, published):
    assert extract_target(text, published) in ("report", "refused")


@settings(max_examples=3, deadline=None, derandomize=True)
@given(
    token=st.sampled_from(["!", "killed and ", "a", "(", "Gao, "]),
    count=st.integers(2000, 6000),
)
def test_endless_sentences_and_enormous_tokens_stay_bounded(token, count):
    assert extract_target("Rebels attacked the town. " + token * count, "2020-05-10") == "report"
