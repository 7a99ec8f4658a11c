"""Time expressions: normalisation against the publication date, negatives, and `when_for`.

Every sentence here was written for these tests. The reference publication date is Sunday
2020-05-10.
"""

from __future__ import annotations

import pytest

from warledger.document import Document
from warledger.extractors.context import Context
from warledger.extractors.time.find import find_times, when_for

PUBLISHED = "2020-05-10"


def analyse(nlp, text: str, published: str | None = PUBLISHED) -> Context:
    document = Document.make(text, published=published)
    ctx = Context(document=document, doc=nlp(document.text))
    ctx.times = find_times(ctx)
    return ctx


def only_when(nlp, text: str, published: str | None = PUBLISHED):
    ctx = analyse(nlp, text, published)
    assert len(ctx.times) == 1, [t.when for t in ctx.times]
    return ctx.times[0].when


# (sentence, expression text, start, end, precision, anchor) for a document published 2020-05-10
RESOLVED = [
    (
        "On 9 May 2020, gunmen attacked a checkpoint.",
        "On 9 May 2020",
        "2020-05-09",
        "2020-05-09",
        "day",
        "explicit",
    ),
    (
        "Gunmen attacked a checkpoint on May 3.",
        "on May 3",
        "2020-05-03",
        "2020-05-03",
        "day",
        "published",
    ),
    ("The convoy arrived on 9 May.", "on 9 May", "2020-05-09", "2020-05-09", "day", "published"),
    (
        "Clashes continued between 3 and 9 May.",
        "between 3 and 9 May",
        "2020-05-03",
        "2020-05-09",
        "day",
        "published",
    ),
    (
        "Clashes on 3-9 May 2020 displaced families.",
        "on 3-9 May 2020",
        "2020-05-03",
        "2020-05-09",
        "day",
        "explicit",
    ),
    (
        "Shells fell on the night of 8 May.",
        "on the night of 8 May",
        "2020-05-08",
        "2020-05-08",
        "day",
        "published",
    ),
    ("Prices doubled in May 2020.", "in May 2020", "2020-05", "2020-05", "month", "explicit"),
    ("The brigade was formed in 2018.", "in 2018", "2018", "2018", "year", "explicit"),
    ("Last January the militia split.", "Last January", "2020-01", "2020-01", "month", "published"),
    ("In March the militia split.", "In March", "2020-03", "2020-03", "month", "published"),
    ("In December the militia split.", "In December", "2019-12", "2019-12", "month", "published"),
    ("Last May the militia split.", "Last May", "2019-05", "2019-05", "month", "published"),
    (
        "The fighters left about a month ago.",
        "about a month ago",
        "2020-04",
        "2020-04",
        "month",
        "published",
    ),
    (
        "Fighting has continued since last year.",
        "since last year",
        "2019",
        None,
        "year",
        "published",
    ),
    (
        "Gunmen attacked the post on Wednesday.",
        "on Wednesday",
        "2020-05-06",
        "2020-05-06",
        "day",
        "published",
    ),
    (
        "Gunmen attacked the post on Sunday.",
        "on Sunday",
        "2020-05-10",
        "2020-05-10",
        "day",
        "published",
    ),
    (
        "Two soldiers were killed yesterday.",
        "yesterday",
        "2020-05-09",
        "2020-05-09",
        "day",
        "published",
    ),
    ("Protesters gathered today.", "today", "2020-05-10", "2020-05-10", "day", "published"),
    (
        "Protests began earlier this month.",
        "earlier this month",
        "2020-05",
        "2020-05",
        "month",
        "published",
    ),
    ("Protests began last week.", "last week", "2020-04-27", "2020-05-03", "week", "published"),
    ("Protests began last month.", "last month", "2020-04", "2020-04", "month", "published"),
    ("Protests grew this year.", "this year", "2020", "2020", "year", "published"),
    ("The town fell two days ago.", "two days ago", "2020-05-08", "2020-05-08", "day", "published"),
    (
        "The town was shelled overnight.",
        "overnight",
        "2020-05-09",
        "2020-05-10",
        "day",
        "published",
    ),
    (
        "The town was shelled on Saturday night.",
        "on Saturday night",
        "2020-05-09",
        "2020-05-09",
        "day",
        "published",
    ),
    ("The curfew holds until March.", "until March", None, "2020-03", "month", "published"),
    ("The truce has held since 2018.", "since 2018", "2018", None, "year", "explicit"),
    (
        "The truce was signed on Saturday, 9 May 2020.",
        "on Saturday, 9 May 2020",
        "2020-05-09",
        "2020-05-09",
        "day",
        "explicit",
    ),
    (
        "Elections were held on 2020-03-01.",
        "on 2020-03-01",
        "2020-03-01",
        "2020-03-01",
        "day",
        "explicit",
    ),
    ("A robber was killed on 15/04.", "on 15/04", "2020-04-15", "2020-04-15", "day", "published"),
    (
        "A robber was killed on 15/04/2019.",
        "on 15/04/2019",
        "2019-04-15",
        "2019-04-15",
        "day",
        "explicit",
    ),
    ("The war lasted from 2011 to 2015.", "from 2011 to 2015", "2011", "2015", "year", "explicit"),
    ("Fighting flared in early 2019.", "in early 2019", "2019", "2019", "year", "explicit"),
    (
        "Raids increased in the past three days.",
        "in the past three days",
        "2020-05-07",
        "2020-05-10",
        "day",
        "published",
    ),
    (
        "The base was shelled on April 28, 2020.",
        "on April 28, 2020",
        "2020-04-28",
        "2020-04-28",
        "day",
        "explicit",
    ),
    (
        "The base was shelled on Sept. 3, 2019.",
        "on Sept. 3, 2019",
        "2019-09-03",
        "2019-09-03",
        "day",
        "explicit",
    ),
]


@pytest.mark.parametrize(("sentence", "text", "start", "end", "precision", "anchor"), RESOLVED)
def test_time_expression_resolves_against_publication(
    nlp, sentence, text, start, end, precision, anchor
):
    when = only_when(nlp, sentence)
    assert (when.text, when.start, when.end, when.precision, when.anchor) == (
        text,
        start,
        end,
        precision,
        anchor,
    )


NOT_DATES = [
    "They attacked the 18th unit camp near the river.",
    "Recruits are paid $1,000 a month.",
    "The contract runs for a period of three months.",
    "They will stay for three months.",
    "The town was without power for 24 hours.",
    "Officers of the 4th Division arrived.",
    "The council cited Resolution 2254.",
    "About 2,000 fighters crossed the border.",
    "Security forces may march on the capital.",
    "The group carried out 2000 attacks.",
    "The score was 3/4 at half time.",
    "The hotline runs 24/7.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_numbers_and_durations_are_not_dates(nlp, sentence):
    assert analyse(nlp, sentence).times == []


def test_relative_expressions_without_publication_date_stay_unresolved_with_a_warning(nlp):
    ctx = analyse(nlp, "Gunmen attacked the post on Wednesday and again yesterday.", published=None)
    assert [
        (t.when.text, t.when.start, t.when.end, t.when.precision, t.when.anchor) for t in ctx.times
    ] == [
        ("on Wednesday", None, None, "unknown", None),
        ("yesterday", None, None, "unknown", None),
    ]
    assert ctx.warnings == [
        "no publication date: relative time expressions left unresolved: 'on Wednesday', 'yesterday'"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Last January the militia split.",
        "Fighting has continued since last year.",
        "The convoy arrived on 9 May.",
    ],
)
def test_relative_and_yearless_dates_need_a_publication_date(nlp, sentence):
    when = only_when(nlp, sentence, published=None)
    assert (when.start, when.end, when.precision, when.anchor) == (None, None, "unknown", None)


def test_absolute_dates_resolve_without_publication_date(nlp):
    ctx = analyse(
        nlp, "On 9 May 2020, gunmen attacked a checkpoint. The brigade was formed in 2018.", None
    )
    assert [(t.when.start, t.when.precision, t.when.anchor) for t in ctx.times] == [
        ("2020-05-09", "day", "explicit"),
        ("2018", "year", "explicit"),
    ]
    assert ctx.warnings == []


def test_the_day_before_counts_back_from_the_story_date(nlp):
    ctx = analyse(
        nlp, "On 29 April 2020, troops closed the road. A blast hit the town the day before.", None
    )
    assert [(t.when.text, t.when.start) for t in ctx.times] == [
        ("On 29 April 2020", "2020-04-29"),
        ("the day before", "2020-04-28"),
    ]


def span_of(ctx: Context, word: str) -> tuple[int, int]:
    start = ctx.text.index(word)
    return start, start + len(word)


def test_when_for_takes_the_expression_of_the_trigger_clause(nlp):
    ctx = analyse(nlp, "Gunmen who had fled on Monday attacked the checkpoint on Wednesday.")
    when = when_for(ctx, *span_of(ctx, "attacked"))
    assert when is not None and when.text == "on Wednesday" and when.start == "2020-05-06"
    fled = when_for(ctx, *span_of(ctx, "fled"))
    assert fled is not None and fled.text == "on Monday" and fled.start == "2020-05-04"


def test_when_for_uses_the_leading_date_for_later_sentences(nlp):
    ctx = analyse(
        nlp, "On 9 May 2020, gunmen attacked a checkpoint. Two soldiers were killed.", None
    )
    when = when_for(ctx, *span_of(ctx, "killed"))
    assert when is not None and (when.text, when.start, when.precision) == (
        "On 9 May 2020",
        "2020-05-09",
        "day",
    )


def test_when_for_uses_the_dateline(nlp):
    text = "TRIPOLI, May 9 (Wire) - Heavy fighting was reported.\n\nTwo soldiers were killed near the airport."
    ctx = analyse(nlp, text)
    when = when_for(ctx, *span_of(ctx, "killed"))
    assert when is not None and (when.text, when.start) == ("May 9", "2020-05-09")


def test_when_for_is_none_when_the_text_says_nothing(nlp):
    ctx = analyse(nlp, "Gunmen attacked a checkpoint. Two soldiers were killed.")
    assert ctx.times == []
    assert when_for(ctx, *span_of(ctx, "killed")) is None


def test_when_for_does_not_borrow_a_date_from_another_paragraph_body(nlp):
    text = "Residents said the market reopened.\n\nIn 2018 the brigade was formed.\n\nGunmen attacked a checkpoint."
    ctx = analyse(nlp, text)
    assert when_for(ctx, *span_of(ctx, "attacked")) is None


def test_a_bracketed_date_restates_the_relative_one(nlp):
    ctx = analyse(
        nlp,
        "A student was killed in Imphal today (8 May) during a protest.",
        published="2020-05-09",
    )
    assert [(t.when.text, t.when.start, t.when.anchor) for t in ctx.times] == [
        ("8 May", "2020-05-08", "published")
    ]
    ctx = analyse(nlp, "Assailants torched a bus this morning (13/02).", published="2020-02-13")
    assert [(t.when.text, t.when.start) for t in ctx.times] == [("13/02", "2020-02-13")]


def test_days_earlier_counts_back_from_the_story_date(nlp):
    text = "The attack came on Saturday 31 August 2013. Ten days earlier, troops had massed."
    ctx = analyse(nlp, text)
    assert [(t.when.text, t.when.start, t.when.anchor) for t in ctx.times] == [
        ("on Saturday 31 August 2013", "2013-08-31", "explicit"),
        ("Ten days earlier", "2013-08-21", "explicit"),
    ]


def test_weeks_before_an_event_is_not_counted_from_publication(nlp):
    ctx = analyse(nlp, "The town fell six weeks before the election.")
    assert ctx.times == []


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("On 3 March 2021, overnight, raiders burned a granary in the hills.", "2021-03-03"),
        ("Around 3 March 2021, the herders said, raiders burned a granary, found on 9 March.",
         "2021-03-03"),
    ],
)  # fmt: skip
def test_when_for_prefers_a_resolved_date_to_an_unresolved_one(nlp, sentence, start):
    ctx = analyse(nlp, sentence, None)
    when = when_for(ctx, *span_of(ctx, "burned"))
    assert when is not None and (when.start, when.precision) == (start, "day")


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("On the night of 13-14 June 2021, raiders burned a granary.", "2021-06-14", "2021-06-14"),
        ("On the night of 30 to 31 May 2021, raiders burned a granary.", "2021-05-31", "2021-05-31"),
        ("From 13 to 14 June 2021, raiders burned two granaries.", "2021-06-13", "2021-06-14"),
        ("On the night of 10 to 14 June 2021, raiders burned a granary.", "2021-06-10", "2021-06-14"),
    ],
)  # fmt: skip
def test_a_night_across_two_dates_is_dated_to_the_second(nlp, sentence, start, end):
    when = only_when(nlp, sentence, None)
    assert (when.start, when.end) == (start, end)
