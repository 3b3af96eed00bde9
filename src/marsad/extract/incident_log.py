"""Incident-log lines: one incident per line of a monitor's log, dated by the line itself.

Casualty monitors publish each incident they track under a title of a fixed shape: its date, its incident code,
then the place as a list from the most specific to the country. Airwars writes

    May 11th 2017: (S706) Markada, Al Hassakah governorate, Syria
    September 5th – 6th 2017: (S1270) Kasrat Sheikh al Juma'a village, south west of Raqqa, Raqqa governorate, Syria
    Around October 16th-17th? 2017 [date unclear]: (S1445) Badou neighbourhood, Raqqah, Raqqah governorate, Syria

A line of that shape names one incident, whatever else the report says: it is dated by its own date (however long
before the page's publication), placed by its place list (the gazetteer's most specific match) and given the
figures and actors the line itself states. It names no act, so its event type stays unknown unless prose under it
tells one; the event's notes say so.

The shape read, generally: at the start of a line, a date (a day, a range of days "5th-6th", "14th/15th", "25th or
26th", "April 28th – May 5th", or a month "Around September 2017"), optionally "around" and marks of doubt ("?",
"[date unclear]", "(not exact date)"), then within a few words an incident code in parentheses (one to three
capitals and a number: "(S706)", "(S1137A)", "(CS12)", "(I418)"; or a number of three to five digits, as
Airwars's older codes: "(1069a)"), then the place list. A date of doubt gets UCDP
date_prec 2 at least. Without a year the date is the latest such day on or before publication; a date after
publication or before 1900 is refused and the reason recorded. Every pattern is bounded and reads only the first
``HEAD_CHARS`` characters of a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from marsad.extract.dates import EARLIEST, MONTHS, precision_of
from marsad.records import EventDate, Span

HEAD_CHARS = 140  # the date and the code sit at the start of the line
# one to three capitals and a number ("S706", "CS12"), or Airwars's older codes, a number of three to five digits
# ("1069a"; not a year in brackets)
_CODE = re.compile(r"\(\s*(?P<code>(?:[A-Z]{1,3}\d{1,5}|(?!(?:19|20)\d\d\s*\))\d{3,5})[A-Za-z]{0,2})\s*\)")
_MONTH = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)
_DAY = re.compile(r"(?<!\d)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])")
_YEAR = re.compile(r"(?<!\d)(?P<y>[12]\d{3})(?!\d)")
# the date opens the line ("Around May 7th", "JJune 27th" is a typo we leave alone)
_OPENS = re.compile(r"^(?:(?:around|about|approximately|circa|c\.|on)\s+)?(?=[A-Za-z]{3})", re.IGNORECASE)
_DOUBT = re.compile(r"\?|\b(?:around|about|approximately|circa|possibly|unclear|unknown|not\s+exact)\b", re.I)


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One incident-log line: its code, its date (None when refused, with ``reason``), the words of its date and
    of its place list."""

    code: str
    date: EventDate | None
    reason: str
    places: Span


def _sub(sentence: Span, start: int, end: int) -> Span:
    """The words ``sentence.text[start:end]`` as a span of the document."""
    return Span(sentence.start + start, sentence.start + end, sentence.text[start:end])


def read_line(sentence: Span) -> tuple[str, Span, str] | None:
    """(code, place-list span, date words) of a log line, or None."""
    head = sentence.text[:HEAD_CHARS]
    code = _CODE.search(head)
    opens = _OPENS.match(head)
    if code is None or opens is None or not _MONTH.match(head, opens.end()):
        return None
    before = head[: code.start()]
    colon = before.find(":")
    words = before[:colon] if colon > 0 else before
    rest = code.end()
    while rest < len(sentence.text) and sentence.text[rest] in " :\t":
        rest += 1
    if not sentence.text[rest:].strip():
        return None  # a code and a date but no place list: not a log line
    # the place list: after the date's colon ("July 25th 2017: الرقة (S1117a) Raqqa city, ..."), else the code
    places = _sub(sentence, colon + 1 if colon > 0 else rest, len(sentence.text))
    return code.group("code"), places, words


def parse_entry(sentence: Span, published: date | None) -> LogEntry | None:
    """The log entry a line (``sentence``: its first sentence) states, or None when it is not one."""
    found = read_line(sentence)
    if found is None:
        return None
    code, places, words = found
    try:
        when = _date_of(words, published, _sub(sentence, 0, len(words.rstrip())))
    except ValueError as err:
        return LogEntry(code, None, f"incident-log date {words.strip()!r} refused: {err}", places)
    return LogEntry(code, when, when.reason, places)


def _date_of(words: str, published: date | None, span: Span) -> EventDate:
    """The day, range or month of a log line's date words."""
    months = [MONTHS[m.group(0).lower()] for m in _MONTH.finditer(words)]
    year_m = _YEAR.search(words)
    # days are the numbers that are not the year
    days = [int(m.group("d")) for m in _DAY.finditer(_YEAR.sub(" ", words)) if 1 <= int(m.group("d")) <= 31]
    if not months:
        raise ValueError("no month")
    year = int(year_m.group("y")) if year_m else _latest_year(months[0], days[0] if days else 1, published)
    doubt = bool(_DOUBT.search(words))
    if not days:
        start = date(year, months[0], 1)
        end = start + relativedelta(months=1, days=-1)
        why = "incident-log date: the month only"
    else:
        start = _day(year, months[0], days[0])
        last_month = months[1] if len(months) > 1 else months[0]
        end = _day(year + (last_month < months[0]), last_month, days[-1]) if len(days) > 1 else start
        if end < start:
            raise ValueError("a range that ends before it starts")
        why = "incident-log date" + (": a range of days" if end > start else "")
    _check(start, end, published)
    precision = max(precision_of(start, end), 2 if doubt else 1)
    if doubt:
        why += " (marked approximate)"
    return EventDate(start, end, precision, span.text.strip(), why, span)


def _latest_year(month: int, day: int, published: date | None) -> int:
    if published is None:
        raise ValueError("no year and no publication date to place it")
    return published.year - ((month, day) > (published.month, published.day))


def _day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"no such day: {year}-{month:02d}-{day:02d}") from None


def _check(start: date, end: date, published: date | None) -> None:
    if start < EARLIEST:
        raise ValueError(f"{start.isoformat()} is before 1900")
    limit = (published or date.today()) + timedelta(days=1)
    if start > limit:
        raise ValueError(f"{start.isoformat()} is after the publication date")


def describe(entry: LogEntry, typed: bool) -> str:
    """The note an incident-log event carries: what it was read from and why fields are missing."""
    note = f"incident-log entry {entry.code}: read from a dated line with an incident code and a place list"
    if not typed:
        note += "; the line names no act, so the event type is unknown"
    if entry.date is None:
        note += f"; {entry.reason}"
    return note
