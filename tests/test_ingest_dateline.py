"""Publication dates from datelines: the forms wire services and monitors write, and nothing from the body."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.ingest.dateline import dateline_date

TODAY = date(2024, 6, 30)

DATELINES = [
    ("KABUL, Afghanistan (Jan. 25, 2013) — During a security operation", date(2013, 1, 25)),
    ("2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nDuring a security operation", date(2013, 1, 25)),
    ("DAMASCUS, Jan 24 (Reuters) - A car bomb", date(2024, 1, 24)),
    ("BEIRUT, 3 March (AFP) - Shelling", date(2024, 3, 3)),
    ("BEIRUT, Dec. 30, 2019 (AP) — Shelling", date(2019, 12, 30)),
    ("Sunday 24 January 2021 Three members of a family", date(2021, 1, 24)),
    ("Thursday 02 June 2016 16:02 Syrian Coalition declares", date(2016, 6, 2)),
    ("Fri Apr 29 2016 9 Injured in New Mortar Attacks", date(2016, 4, 29)),
    ("26.12.2014 The Syrian Army alongside a volunteer militia", date(2014, 12, 26)),
    ("23-02-2015 Twin Suicide Blasts Target Checkpoint", date(2015, 2, 23)),
    ("18.05.2017Get short URL", date(2017, 5, 18)),
    ("2021-01-24 Clashes in Tafas", date(2021, 1, 24)),
    ("12/26/2014 Clashes", date(2014, 12, 26)),
    ("26/12/2014 Clashes", date(2014, 12, 26)),
    ("Published April 15 2017 At least 126 people", date(2017, 4, 15)),
    ("Date of publication 18 July 2016 Syrian activist groups", date(2016, 7, 18)),
    ("Posted on August 3 2016 by a staff writer", date(2016, 8, 3)),
    ("9 Apr 2017 A hospital in Khan Shaykhun", date(2017, 4, 9)),
    ("April 10 2017 Zarif urges mission", date(2017, 4, 10)),
    ("Syrian army missile kills 23 including 8 kids AP Tuesday 20 May 2014 Syrian", date(2014, 5, 20)),
    ("ISAF Joint Command Operational Update, Jan. 10, 2011\nISAF Joint Command - Afghanistan 2011-01-S-115 "
     "For Immediate Release   KABUL, Afghanistan (Jan. 10, 2011) – Sangin", date(2011, 1, 10)),
]  # fmt: skip

NOT_DATELINES = [
    "Three civilians were killed on Sunday in Idlib.",
    "The campaign began on Sunday 16 January 2021 with air support.",  # an event date, not the dateline
    "SOHR says 12 soldiers were killed, as the campaign that began on January 16, 2021 went on.",
    "03/04/2016 Clashes",  # March 4 or 3 April: refuse to guess
    "Last updated at Oct 032017 BEIRUT",
    "31.02.2014 Clashes",  # no such day
    "2999-01-01 Clashes",  # future
    "1850-06-01 Clashes",  # before 1900
    "Mayor of Raqqa says 5 killed",
    "",
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_ingest_dateline_found(text: str, expected: date) -> None:
    assert dateline_date(text, today=TODAY) == expected


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_ingest_dateline_not_found(text: str) -> None:
    assert dateline_date(text, today=TODAY) is None


def test_ingest_dateline_29_february_without_year() -> None:
    text = "DAMASCUS, Feb 29 (Reuters) - Shelling"
    assert dateline_date(text, today=date(2024, 6, 1)) == date(2024, 2, 29)
    assert dateline_date(text, today=date(2023, 6, 1)) is None  # 2023 has no 29 February: no guessing


def test_ingest_dateline_beyond_window_ignored() -> None:
    assert dateline_date("x " * 400 + "Sunday 24 January 2021", today=TODAY) is None


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (date(2021, 1, 5), date(2020, 12, 30)),
        (date(2021, 12, 31), date(2021, 12, 30)),
        (None, date(2023, 12, 30)),
    ],
)
def test_ingest_dateline_year_from_reference(reference: date | None, expected: date) -> None:
    text = "DAMASCUS, Dec 30 (Reuters) - Shelling"
    assert dateline_date(text, today=TODAY, reference=reference) == expected


def test_ingest_dateline_today_is_allowed_tomorrow_is_not() -> None:
    assert dateline_date(f"{TODAY.isoformat()} Clashes", today=TODAY) == TODAY
    tomorrow = TODAY + timedelta(days=1)
    assert dateline_date(f"{tomorrow.isoformat()} Clashes", today=TODAY) is None


FORMATS = (
    lambda d: f"{d:%A} {d.day} {d:%B} {d.year} Clashes",
    lambda d: f"BEIRUT, Lebanon ({d:%b}. {d.day}, {d.year}) — Clashes",
    lambda d: f"{d:%d.%m.%Y} Clashes",
    lambda d: f"{d:%Y-%m-%d} Clashes",
    lambda d: f"Published {d:%B} {d.day} {d.year} Clashes",
)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY), st.sampled_from(range(len(FORMATS))))
def test_ingest_dateline_round_trip(day: date, form: int) -> None:
    assert dateline_date(FORMATS[form](day), today=TODAY) == day


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_ingest_dateline_never_raises_and_stays_in_range(text: str) -> None:
    found = dateline_date(text, today=TODAY)
    assert found is None or date(1900, 1, 1) <= found <= TODAY


@pytest.mark.parametrize(
    "text",
    [
        "1" * 200_000,
        "1 " * 100_000,
        "(" * 100_000,
        "Jan " * 50_000,
        "Sunday " * 30_000,
        "12.12." * 40_000,
        "Published on " * 20_000,
        "DAMASCUS, Jan 24 " * 20_000,
    ],
)
def test_ingest_dateline_adversarial_inputs_are_fast(text: str) -> None:
    start = time.perf_counter()
    dateline_date(text, today=TODAY)
    assert time.perf_counter() - start < 0.2
