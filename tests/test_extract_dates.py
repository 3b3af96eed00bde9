from __future__ import annotations

import time
from datetime import date

import pytest

from marsad.extract.dates import DateContext, find_dates, precision_of
from marsad.records import Span

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
        ("three days ago", [("2021-01-21", "2021-01-21", 1)]),
        ("in the first week of the campaign", [("2021-01-16", "2021-01-23", 3)]),
        ("since the start of the campaign", [("2021-01-16", "2021-01-24", 4)]),
        ("over the past 24 hours", [("2021-01-23", "2021-01-24", 2)]),
        # never dates
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
