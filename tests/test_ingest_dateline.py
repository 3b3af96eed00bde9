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
    ("DAMASCUS, Jun 24 (Reuters) - A car bomb", date(2024, 6, 24)),  # no year, but days ago: this year
    ("BEIRUT, 3 June (AFP) - Shelling", date(2024, 6, 3)),
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
    ("ISAF Joint Command Evening Operational Update June 13, 2011\nISAF Joint Command - Afghanistan\n"
     "2011-06-S-045\nAlso in Lashkar Gah district", date(2011, 6, 13)),
    ("ISAF Joint Command- Afghanistan\u20282011-05-S-115\nKABUL, Afghanistan (May 31,2011) \nIn Khost",
     date(2011, 5, 31)),
    # an ISAF headline prefix without a year: the year comes from the release number under it
    ("May 11: Afghan-ISAF Forces Conduct Operations in Southern, Eastern Afghanistan\nISAF Joint Command - "
     "Afghanistan\n2010-05-CA-039 For Immediate Release\nIn Kandahar last night", date(2010, 5, 11)),
    ("ISAF Joint Command - Afghanistan\n2010-07-CA-144 For Immediate Release\nKABUL, Afghanistan (July 22) - "
     "An Afghan", date(2010, 7, 22)),
    # a headline line, then the date at the start of the next line (FA-KES, Jordan Times, SANA pages)
    ("Many Civilians Martyred as Terrorists Shell Aleppo\n\n05-04-2016 Many Civilians Martyred", date(2016, 4, 5)),
    ("US-led air strikes in Syria kill dozens of civilians\n\n21 Jul 2016 Dozens of civilians", date(2016, 7, 21)),
    ("Obama shifts focus\n\nSeptember 12 2013 Obama says", date(2013, 9, 12)),
    # "Last updated at Apr 152017": the day glued to the year, read only after the label
    ("Dozens dead as car bomb hits Syria evacuees | Jordan Times\n\nLast updated at Apr 152017 A suicide car bomb",
     date(2017, 4, 15)),
    ("Last updated at Oct 032017 BEIRUT", date(2017, 10, 3)),
    ("8 persons killed in Aleppo\n\n8 persons killed in Aleppo 6 October 2016 Aleppo SANA-Terrorist organizations",
     date(2016, 10, 6)),
    ("Strikes Leave 31 Dead\n\nStrikes Leave 31 Dead - Reports Middle East 1924 16.05.2017(updated 1925 16.05.2017) "
     "Get short URL", date(2017, 5, 16)),
]  # fmt: skip

NOT_DATELINES = [
    "Three civilians were killed on Sunday in Idlib.",
    "The campaign began on Sunday 16 January 2021 with air support.",  # an event date, not the dateline
    "SOHR says 12 soldiers were killed, as the campaign that began on January 16, 2021 went on.",
    "03/04/2016 Clashes",  # March 4 or 3 April: refuse to guess
    "Oct 032017 BEIRUT",  # glued day and year without a label: not trusted
    "KABUL, Afghanistan (Jan. 28) – An Afghan force",  # no year and no reference: 2024 would be a guess
    "Dec. 23: Joint Force Captures Kabul Criminal Group",  # the same, as an ISAF headline
    "Division 17: Syrian army units",
    "31.02.2014 Clashes",  # no such day
    "2999-01-01 Clashes",  # future
    "1850-06-01 Clashes",  # before 1900
    "Mayor of Raqqa says 5 killed",
    "May 28th 2017: (S769) Raqqa, Raqqa governorate, Syria",  # an incident-log line dates its incident
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
    assert dateline_date(text, today=date(2024, 3, 10)) == date(2024, 2, 29)
    assert dateline_date(text, today=date(2023, 3, 10)) is None  # 2023 has no 29 February: no guessing
    assert dateline_date(text, today=TODAY, reference=date(2023, 5, 1)) is None


@pytest.mark.parametrize(("today", "expected"), [(date(2024, 2, 10), date(2024, 1, 28)), (TODAY, None)])
def test_ingest_dateline_yearless_only_trusted_when_recent(today: date, expected: date | None) -> None:
    """Without a reference, today places a year-less dateline only for a fresh report: a page from an archive
    read months later would get a guessed year."""
    assert dateline_date("KABUL, Afghanistan (Jan. 28) – An Afghan force", today=today) == expected


def test_ingest_dateline_beyond_window_ignored() -> None:
    assert dateline_date("x " * 400 + "Sunday 24 January 2021", today=TODAY) is None


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (date(2021, 1, 5), date(2020, 12, 30)),
        (date(2021, 12, 31), date(2021, 12, 30)),
        (None, None),  # today (2024-06-30) would make it 2023-12-30: six months back, a guess
    ],
)
def test_ingest_dateline_year_from_reference(reference: date | None, expected: date | None) -> None:
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the text dates something a few days before: the dateline is the first 2 January after it
        ("KABUL, Afghanistan (Jan. 2) – A force detained the leader responsible for the Dec. 28, 2011, attack on "
         "a convoy.", date(2012, 1, 2)),
        ("DAMASCUS, Mar 3 (Reuters) - Shelling resumed after the truce of 27 February 2016 collapsed.",
         date(2016, 3, 3)),
        # a fully dated day months before is background, not a clue to the year
        ("KABUL, Afghanistan (Jan. 2) – The leader had planned attacks since June 3, 2011.", None),
        ("KABUL, Afghanistan (Jan. 2) – A force detained a leader.", None),
    ],
)  # fmt: skip
def test_ingest_dateline_yearless_placed_by_a_dated_day_in_the_text(text: str, expected: date | None) -> None:
    assert dateline_date(text, today=TODAY) == expected


def test_ingest_dateline_body_dates_read_in_bounded_time() -> None:
    text = "KABUL, Afghanistan (Jan. 2) – " + "Dec. 28, 2011, " * 20_000
    start = time.perf_counter()
    assert dateline_date(text, today=TODAY) == date(2012, 1, 2)
    assert time.perf_counter() - start < 0.5
