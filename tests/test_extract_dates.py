from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.dates import MAX_PER_SENTENCE, DateContext, DateMention, best, find_dates, precision_of
from marsad.records import EventDate, Span

PUB = date(2021, 1, 24)  # a Sunday


def _read(text: str, ctx: DateContext | None = None) -> list[tuple[str, str, int]]:
    ctx = ctx or DateContext(PUB, last=date(2021, 1, 10), anchors={"campaign": date(2021, 1, 16)})
    return [(d.date.start.isoformat(), d.date.end.isoformat(), d.date.precision)
            for d in find_dates(text, Span(0, len(text), text), ctx)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian forces started today to provide protection", [("2021-01-24", "2021-01-24", 1)]),
        ("Yesterday, SOHR sources said", [("2021-01-23", "2021-01-23", 1)]),
        ("Last night, shells hit the town", [("2021-01-23", "2021-01-23", 1)]),
        ("at dawn gunmen attacked", [("2021-01-24", "2021-01-24", 1)]),
        ("the day before yesterday", [("2021-01-22", "2021-01-22", 1)]),
        ("on Sunday", [("2021-01-24", "2021-01-24", 1)]),  # publication day is a Sunday: same day
        ("on Tuesday", [("2021-01-19", "2021-01-19", 1)]),
        ("late Friday night", [("2021-01-22", "2021-01-22", 1)]),
        ("the campaign that began on January 16", [("2021-01-16", "2021-01-16", 1)]),
        ("on 16 January 2021", [("2021-01-16", "2021-01-16", 1)]),
        ("KABUL, Afghanistan (Jan. 25, 2013)", [("2013-01-25", "2013-01-25", 1)]),
        ("on December 30", [("2020-12-30", "2020-12-30", 1)]),  # no year: the latest past occurrence
        ("between January 16 and 23", [("2021-01-16", "2021-01-23", 3)]),
        ("from 3 to 5 January", [("2021-01-03", "2021-01-05", 2)]),
        ("in March 2020", [("2020-03-01", "2020-03-31", 4)]),
        ("in 2019", [("2019-01-01", "2019-12-31", 5)]),
        ("2021-01-16", [("2021-01-16", "2021-01-16", 1)]),
        (
            "two days later",
            [("2021-01-12", "2021-01-12", 1)],
        ),  # from the date mentioned before, not publication
        ("a week earlier", [("2021-01-03", "2021-01-03", 3)]),
        # told from the later event: what follows "after" happened that much before the date mentioned
        ("the attack came a day after air strikes killed 26", [("2021-01-09", "2021-01-09", 1)]),
        ("The deaths come a day after Russia stepped up its air raids", [("2021-01-09", "2021-01-09", 1)]),
        ("three days ago", [("2021-01-21", "2021-01-21", 1)]),
        ("in the first week of the campaign", [("2021-01-16", "2021-01-23", 3)]),
        ("since the start of the campaign", [("2021-01-16", "2021-01-24", 4)]),
        ("over the past 24 hours", [("2021-01-23", "2021-01-24", 2)]),
        # periods up to publication, calendar units, parts of months and years
        ("since 16 December", [("2020-12-16", "2021-01-24", 5)]),
        ("since the beginning of 2021", [("2021-01-01", "2021-01-24", 4)]),
        ("since the start of June", [("2020-06-01", "2021-01-24", 5)]),
        ("so far this month", [("2021-01-01", "2021-01-24", 4)]),
        ("since yesterday", [("2021-01-23", "2021-01-24", 2)]),
        ("over the past three days", [("2021-01-21", "2021-01-24", 2)]),
        ("during the past two weeks", [("2021-01-10", "2021-01-24", 4)]),
        ("last week", [("2021-01-11", "2021-01-17", 3)]),  # the calendar week before publication's
        ("last month", [("2020-12-01", "2020-12-31", 4)]),
        ("in the summer of 2018", [("2018-06-01", "2018-08-31", 5)]),
        ("in mid-January", [("2021-01-11", "2021-01-21", 4)]),
        ("in late December 2020", [("2020-12-22", "2020-12-31", 4)]),
        ("in January 2021", [("2021-01-01", "2021-01-24", 4)]),  # not past publication
        # chained from the last date mentioned (2021-01-10 here)
        ("the next day", [("2021-01-11", "2021-01-11", 1)]),
        ("the previous day", [("2021-01-09", "2021-01-09", 1)]),
        ("hours later", [("2021-01-10", "2021-01-10", 1)]),
        # wire and release spellings
        ("lastnight", [("2021-01-23", "2021-01-23", 1)]),
        ("at dawn on Sunday", [("2021-01-24", "2021-01-24", 1)]),  # "at dawn" defers to the day it names
        ("Jan. 16, 2021", [("2021-01-16", "2021-01-16", 1)]),
        ("from December 28 to January 3", [("2020-12-28", "2021-01-03", 3)]),
        ("between 16 December 2020 and 3 January 2021", [("2020-12-16", "2021-01-03", 4)]),
        ("on 16 December and 3 January", [("2020-12-16", "2020-12-16", 1), ("2021-01-03", "2021-01-03", 1)]),
        ("24.01.2021", [("2021-01-24", "2021-01-24", 1)]),
        ("12/26/2020", [("2020-12-26", "2020-12-26", 1)]),  # 26 cannot be a month
        # never dates
        ("03/04/2020", []),  # March 4 or 3 April: refused, with the reason
        # one moment, told twice
        ("early on Wednesday, 2310 GMT on Tuesday", [("2021-01-20", "2021-01-20", 1)]),
        ("Division 17 May be deployed", []),
        ("the brigade may 3 times", []),
        ("On January 16 and 23 people were killed", [("2021-01-16", "2021-01-16", 1)]),  # 23 is a count
        ("the 5th Corps and Division 17", []),
        ("a 12-year-old boy and 130 airstrikes", []),
        ("May I say", []),
        ("February 30, 2021", []),
        ("May 3, 2099", []),
        ("in 1850", []),
    ],
)
def test_dates_resolution_table(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert _read(text) == expected


def test_dates_unresolvable_is_recorded_not_invented() -> None:
    ctx = DateContext(None)
    assert _read("Yesterday and in the first week of the campaign, on February 30", ctx) == []
    assert len(ctx.rejected) == 3
    assert any("February 30" in r for r in ctx.rejected)


def test_dates_what_a_first_time_is_measured_from_dates_nothing() -> None:
    # "for the first time since 2012" and "the deadliest attack since 2013" compare; the event's day is elsewhere
    assert _read("Troops seized the highway on Tuesday for the first time since 2012") == [
        ("2021-01-19", "2021-01-19", 1)
    ]
    assert _read("It was the deadliest attack since 2013") == []
    assert _read("Fighting has raged since 2013") != []  # a plain "since" is a period
    # the day of a loss a recovery undoes dates the loss, not the recovery; the day people died is theirs
    assert _read("The rebels recover points that they lost yesterday") == []
    assert _read("Two fighters who lost their lives yesterday were buried") == [
        ("2021-01-23", "2021-01-23", 1)
    ]


def test_dates_campaign_start_becomes_the_anchor() -> None:
    ctx = DateContext(PUB)
    text = "The joint forces continued the security campaign that began on January 16. Later text."
    find_dates(text, Span(0, len(text), text), ctx)
    assert ctx.anchors == {"campaign": date(2021, 1, 16)}
    text2 = "Russian forces started today to provide ground protection."
    find_dates(text2, Span(0, len(text2), text2), ctx)
    assert ctx.anchors == {"campaign": date(2021, 1, 16)}  # "started today" is not the campaign's start


@pytest.mark.parametrize(("days", "prec"), [(0, 1), (1, 2), (5, 2), (6, 3), (7, 3), (20, 4), (40, 5)])
def test_dates_precision_from_range_length(days: int, prec: int) -> None:
    assert precision_of(date(2021, 1, 1), date.fromordinal(date(2021, 1, 1).toordinal() + days)) == prec


@pytest.mark.parametrize("text", ["1" * 10_000, "January " * 1_250, "on Sunday " * 1_000, "12-12-" * 1_600])
def test_dates_adversarial_input_is_bounded(text: str) -> None:
    start = time.perf_counter()
    _read(text)
    assert time.perf_counter() - start < 1.0  # generous: the point is that nothing backtracks without bound


def _mentions(text: str, ctx: DateContext | None = None) -> list[DateMention]:
    ctx = ctx or DateContext(PUB, last=date(2021, 1, 10))
    return find_dates(text, Span(0, len(text), text), ctx)


@pytest.mark.parametrize(
    ("text", "words", "role"),
    [
        ("11 soldiers were killed, state media said on Tuesday", "on Tuesday", "report"),
        ("ISAF confirmed today the death of a leader", "today", "report"),
        ("SFM had reported yesterday that 7 were killed", "yesterday", "report"),
        ("Jaysh al-Islam warned two days ago that it would fire", "two days ago", "report"),
        ("they were reported killed yesterday", "yesterday", "event"),  # a participle, not a statement
        ("the deaths of 19 soldiers in the fighting since yesterday", "yesterday", "period"),
        ("since the start of the campaign on 16 December", "16 December", "period"),
        # a war's toll counted from when it began: no event of that month
        ("330000 people have been killed since the countrys conflict began in March 2011", "in March 2011", "period"),
        ("The war has killed more than 350,000 people since it began in 2011.", "in 2011", "period"),
        ("a blast hit a bus on Sunday, a monitoring group said", "on Sunday", "event"),
        # the day of the statement, told before its verb: the detentions were "recently"
        ("Coalition forces today confirmed they recently detained two insurgents", "today", "report"),
        ("Three fighters were killed today, announced the group", "today", "event"),
        # a day opening its sentence, then a body and its verb of saying: the day the body spoke
        ("On January 11 the General Staff of the Armed Forces announced that the group still receives weapons",
         "January 11", "report"),
        ("On Sunday the SDF said they had established a military council", "On Sunday", "report"),
        ("On Tuesday, state media reported that five were killed", "On Tuesday", "report"),
        # ... but not the day of an act whose source is named after it (commas stripped, as some sites do)
        ("On Sunday 11 civilians were killed the monitor said", "On Sunday", "event"),
        ("Rebels shelled the town on Sunday the Observatory said", "on Sunday", "event"),
    ],
)  # fmt: skip
def test_dates_role_of_a_date(text: str, words: str, role: str) -> None:
    found = {d.span.text: d for d in _mentions(text)}
    assert found[words].role == role


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Yasir was involved in the Aug. 8 suicide attack", "Aug. 8"),
        ("the IMU leader responsible for the May 22 kidnapping of four aid workers", "May 22"),
        ("the leader is thought to be responsible for Wednesday’s suicide-bomb attack", "Wednesday"),
        # the date after the attack word, in the profile of the person targeted
        ("forces targeted a Taliban leader responsible for an attack Jan. 7 in Charkh district", "Jan. 7"),
        ("a commander involved in the ambush on Sunday against a police convoy", "on Sunday"),
        ("The Islamic State lost al-Baghouz in March 2019", "in March 2019"),
        ("Russian jets killed 26 people in Aleppo last month", "last month"),
        ("since the beginning of 2020", "since the beginning of 2020"),
        # a caption, ended by the picture's credit
        (
            "A fighter walks in the silos of Manbij, Syria January 20 2021 (Reuters Photo) Airstrikes",
            "January 20 2021",
        ),
        ("near the hospital in Idlib, Syria January 20 2021. (TRT World and Agencies)", "January 20 2021"),
        # the day a truce began: context for the fighting told, not an incident's day
        ("the end of the freeze on fighting that began at 7pm (1600 GMT) on January 20 2021", "January 20 2021"),
        ("a Russian-US brokered ceasefire that came into force in Syria on the evening of January 20",
         "January 20"),
    ],
)  # fmt: skip
def test_dates_background_mentions_are_marked(text: str, words: str) -> None:
    """Dates that name an earlier attack, or lie well before the report, never date its incidents."""
    found = {d.span.text: d for d in _mentions(text)}
    assert found[words].background


def test_dates_fighting_that_began_on_a_day_is_no_truce() -> None:
    found = {d.span.text: d for d in _mentions("Clashes began on January 20 near Daraa.")}
    assert not found["January 20"].background


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("detained in an overnight operation in Wardak province Monday", "Monday"),
        ("a civilian died yesterday of wounds he had sustained a week earlier", "a week earlier"),
        ("at dawn today, Sunday", "Sunday"),  # the same day, and the weekday is the firmer word
    ],
)
def test_dates_best_mention_of_a_sentence(text: str, words: str) -> None:
    top = best(_mentions(text))
    assert top is not None and top.span.text == words


def test_dates_chain_skips_reporting_and_periods() -> None:
    """ "A week earlier" counts from the last *event* day: not from "state media said on Tuesday" nor from
    "since dawn today"."""
    ctx = DateContext(date(2021, 3, 2))  # a Tuesday
    for text in (
        "Militants ambushed a convoy on Sunday, killing 11, state media said on Tuesday.",
        "Warplanes have carried out 30 strikes since dawn today.",
        "A week earlier, four shepherds were killed by a landmine.",
    ):
        last = _mentions(text, ctx)
    assert [(d.span.text, d.date.start) for d in last] == [("A week earlier", date(2021, 2, 21))]


def test_dates_year_from_release_number_without_publication() -> None:
    text = "ISAF Joint Command - Afghanistan 2010-07-CA-129 For Immediate Release. A force raided a compound July 16."
    ctx = DateContext(None)
    found = _mentions(text, ctx)
    assert [(d.span.text, d.date.start) for d in found] == [("July 16", date(2010, 7, 16))]
    assert "release number" in found[0].date.reason
    assert _mentions("Forces detained two men yesterday.", ctx) == []  # relative words stay unresolved
    assert any("needs a publication date" in r for r in ctx.rejected)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("on February 30, 2021", "no such day"),
        ("on May 3, 2099", "after the publication date"),
        ("in 1850", "before 1900"),
        ("on 03/04/2020", "either way round"),
    ],
)
def test_dates_bad_dates_are_refused_with_a_reason(text: str, reason: str) -> None:
    ctx = DateContext(PUB)
    assert _mentions(text, ctx) == []
    assert len(ctx.rejected) == 1 and reason in ctx.rejected[0]


def test_dates_many_dates_in_one_sentence_are_bounded() -> None:
    ctx = DateContext(PUB)
    text = "on Sunday " * 1_000
    start = time.perf_counter()
    found = _mentions(text, ctx)
    assert time.perf_counter() - start < 1.0
    assert len(found) == MAX_PER_SENTENCE and any("the rest unread" in r for r in ctx.rejected)


@pytest.mark.parametrize(("precision", "acled"), [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3)])
def test_dates_acled_time_precision_from_ucdp_date_prec(precision: int, acled: int) -> None:
    assert EventDate(PUB, PUB, precision, "", "").time_precision == acled


_WORDS = st.sampled_from(
    ["January", "Sunday", "May", "since", "last", "week", "yesterday", "ago", "two", "days", "later", "the", "of",
     "2021", "1899", "2099", "30", "16", "February", "between", "and", "earlier", "campaign", "first", "-", "/",
     ".", ",", "0", "12/13/2020", "24.01.2021", "2021-01-16", "Division", "said", "on", "mid", "summer"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_dates_never_raise_and_stay_in_bounds(text: str) -> None:
    """Whatever the words, dates read are real days between 1900 and the day after publication."""
    ctx = DateContext(PUB, last=date(2021, 1, 10), anchors={"campaign": date(2021, 1, 16)})
    for d in _mentions(text, ctx):
        assert date(1900, 1, 1) <= d.date.start <= d.date.end <= PUB + timedelta(days=1)
        assert d.date.precision in (1, 2, 3, 4, 5)
