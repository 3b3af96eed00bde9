"""Incident-log lines ("May 11th 2017: (S706) Markada, Al Hassakah governorate, Syria"): one incident each, dated
by the line with its precision, placed by its place list, its event type unknown and the reason in its notes."""

from __future__ import annotations

import time
from datetime import date

import pytest

from marsad.extract.incident_log import LogEntry, parse_entry
from marsad.pipeline import extract
from marsad.records import Document, Event, Span

PUB = date(2017, 12, 1)  # a log page is often published months after the incidents it lists


def _entry(line: str, published: date | None = PUB) -> LogEntry | None:
    return parse_entry(Span(0, len(line), line), published)


@pytest.mark.parametrize(
    ("line", "code", "start", "end", "precision"),
    [
        ("May 11th 2017: (S706) Markada, Al Hassakah governorate, Syria", "S706", "2017-05-11", "2017-05-11", 1),
        ("September 5th – 6th 2017: (S1272a) al Diri'ya neighbourhood, Raqqah city, Syria", "S1272a",
         "2017-09-05", "2017-09-06", 2),
        ("June 14th/15th 2017: (S860) Behind the cultural centre, Raqqa city, Raqqa governorate, Syria", "S860",
         "2017-06-14", "2017-06-15", 2),
        ("April 28th – May 5th 2017: (S678a) Palestine Street, Al Tabaqa, Raqqa governorate, Syria", "S678a",
         "2017-04-28", "2017-05-05", 3),
        ("Around August 12th 2017: (S1199) Marqadah, Raqqa governorate, Syria", "S1199", "2017-08-12",
         "2017-08-12", 2),
        ("October 16th-17th? (date unclear) 2017: (S1444) Al Jumaili neighborhood, Raqqah city, Syria", "S1444",
         "2017-10-16", "2017-10-17", 2),
        ("Around September 2017 [date unknown]: (S1507) Raqqa, Raqqa governorate, Syria", "S1507", "2017-09-01",
         "2017-09-30", 4),
        ("July 28th: (S1130) Al Thakana neighbourhood, Raqqa city, Raqqa governorate, Syria", "S1130",
         "2017-07-28", "2017-07-28", 1),  # no year: the latest July 28th before publication
        ("December 9th 2016 (CS12): al Bab, Aleppo governorate, Syria", "CS12", "2016-12-09", "2016-12-09", 1),
        ("July 17th 2017: (1069a) Raqqa, Raqqa governorate, Syria", "1069a", "2017-07-17", "2017-07-17", 1),
        ("August 1st 2017: حارة البوسرايا (S1149) Al Bousraya neighbourhood, Raqqa city, Syria", "S1149",
         "2017-08-01", "2017-08-01", 1),
    ],
)  # fmt: skip
def test_segment_log_line_date_and_precision(
    line: str, code: str, start: str, end: str, precision: int
) -> None:
    entry = _entry(line)
    assert entry is not None and entry.code == code and entry.date is not None
    assert (str(entry.date.start), str(entry.date.end), entry.date.precision) == (start, end, precision)
    assert entry.date.reason.startswith("incident-log date")
    assert ("approximate" in entry.date.reason) == any(
        w in line for w in ("Around", "?", "unclear", "unknown")
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("February 30th 2017: (S1) Tabqa, Raqqa governorate, Syria", "no such day"),
        ("May 11th 2099: (S2) Markada, Al Hassakah governorate, Syria", "after the publication date"),
        ("May 11th 1850: (S3) Markada, Al Hassakah governorate, Syria", "before 1900"),
        ("May 11th 2017 – May 2nd 2017: (S4) Markada, Syria", "ends before it starts"),
    ],
)
def test_segment_log_line_bad_date_is_refused_with_a_reason(line: str, reason: str) -> None:
    entry = _entry(line)
    assert entry is not None and entry.date is None and reason in entry.reason


def test_segment_log_line_without_year_or_publication_is_not_guessed() -> None:
    entry = _entry("July 28th: (S1130) Al Thakana neighbourhood, Raqqa city, Syria", published=None)
    assert entry is not None and entry.date is None and "no year" in entry.reason


@pytest.mark.parametrize(
    "line",
    [
        "The regime forces shell Harasta (S12) and Douma",  # no date opens the line
        "May 2017 (S1)",  # a code but no place list
        "May 11th 2017: Markada, Al Hassakah governorate, Syria",  # no incident code
        "Brigade (S12) moved on May 11th 2017 to Markada",
        "July 17th (2017) Raqqa was shelled again",  # a year in brackets is no code
        "July 17th 2017: (12) Raqqa, Raqqa governorate, Syria",  # nor is a short number
    ],
)
def test_segment_log_line_other_lines_are_not_log_lines(line: str) -> None:
    assert _entry(line) is None


def _events(text: str) -> list[Event]:
    return extract(Document.from_text(text, published=PUB, country="Syria"))


def test_segment_log_lines_are_one_incident_each() -> None:
    text = (
        "52 people were killed yesterday, including 20 civilians killed in airstrikes\n"
        "June 3rd 2017: (S812) Raqqa city, Raqqa governorate, Syria\n"
        "June 4th – 5th 2017: (S813) Al Mansoura village, Raqqa governorate, Syria\n"
        "June 3rd 2017: (S812) Raqqa city, Raqqa governorate, Syria"  # the same incident listed twice
    )
    logs = [e for e in _events(text) if "incident-log entry" in e.notes]
    assert [(e.kind, e.date and str(e.date.start)) for e in logs] == [("incident", "2017-06-03"),
                                                                     ("incident", "2017-06-04")]  # fmt: skip
    assert all(e.location and e.location.admin1 == "Raqqa" for e in logs)
    assert logs[0].location and logs[0].location.name == "Ar Raqqah"  # the city, not the governorate
    # months before publication, yet the incident's own date, not background; no act named: type unknown
    assert all(e.event_type is None and "event type is unknown" in e.notes for e in logs)


def test_segment_log_line_keeps_its_figures_and_prose_under_it() -> None:
    (same_line,) = _events("March 3rd 2017: (S490) Al Mansoura, Raqqa governorate, Syria: 4 civilians killed")
    killed = same_line.total("killed")
    assert killed is not None and killed.best == 4
    page = (
        "May 11th 2017: (S706) Markada, Al Hassakah governorate, Syria\n"
        "Between four and seven civilians were killed in an alleged Coalition airstrike on the town. "
        "Local sources said a family was among the dead."
    )
    (incident,) = _events(page)
    assert incident.date and incident.date.start == date(2017, 5, 11)
    assert incident.sub_event_type == "Air/drone strike"  # the prose names the act
    assert incident.location and incident.location.admin1 == "Al-Hasakah"


def test_segment_log_line_refused_date_is_said_in_notes() -> None:
    (incident,) = _events("February 30th 2017: (S1) Tabqa, Raqqa governorate, Syria")
    assert incident.date is None and "no such day" in incident.notes


@pytest.mark.parametrize(
    "line", ["May 1st 2017: (" + "S1) " * 2_500, "May " * 2_500 + "(S1) Raqqa", "(" * 10_000]
)
def test_segment_log_line_adversarial_is_bounded(line: str) -> None:
    start = time.perf_counter()
    _entry(line)
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(
    ("line", "admin1"),
    [
        ("March 29th 2017: (S556) Al Safsaf village, near Tabaqa, Raqqa governorate, Syria", "Raqqa"),
        ("June 13th 2017: (S849) Al Tayba roundabout in Al Mayadin, Deir Ezzor governorate, Syria", "Deir ez-Zor"),
    ],
)  # fmt: skip
def test_segment_log_line_place_stays_in_its_governorate(line: str, admin1: str) -> None:
    """A village name shared by several governorates is the one in the governorate the place list names."""
    (incident,) = _events(line)
    assert incident.location is not None and incident.location.admin1 == admin1


def test_segment_log_page_with_two_entries_and_their_prose() -> None:
    """Each entry's prose belongs to its own entry: figures, act and place do not cross to the next code."""
    page = (
        "May 11th 2017: (S706) Markada, Al Hassakah governorate, Syria\n"
        "Incident date: May 11th 2017\n"
        "Between four and seven civilians were killed in an alleged Coalition airstrike on the town.\n"
        "May 12th 2017: (S707) Tabqa, Raqqa governorate, Syria\n"
        "Two children were killed when a strike hit a house in the city, according to local activists."
    )
    first, second = _events(page)
    assert (first.date and first.date.start, second.date and second.date.start) == (
        date(2017, 5, 11),
        date(2017, 5, 12),
    )
    assert first.location and first.location.admin1 == "Al-Hasakah"
    assert second.location and second.location.admin1 == "Raqqa"
    totals = [e.total("killed") for e in (first, second)]
    assert [t.best if t else None for t in totals] == [4, 2]
