"""Publication dates from the dateline at the top of a report ("KABUL, Afghanistan (Jan. 25, 2013) —").

Only the first few hundred characters are read, and only date forms that sit where datelines sit: at the
start of a line, in parentheses after a place, before a news agency's name, after "Published", "Posted" or
"Operational Update", after a weekday, or as a headline prefix ("May 11: Afghan-ISAF Operations ...").
A date inside the body ("the campaign that began on January 16, 2021") is an event date, not a
publication date, so it is left alone.
A dateline without a year ("DAMASCUS, Jan 24 (Reuters)") takes its year from a reference: the caller's hint,
else a release number in the header ("2010-07-CA-144"), else the latest fully dated day the text mentions (the
dateline is the first such day on or after it, within ``YEARLESS_RECENT_DAYS``), else today, but only when the day
then falls within ``YEARLESS_RECENT_DAYS`` of today (a fresh feed); an archive page read years later gets no date
rather than a guessed year.
Every pattern is a flat regex over a bounded window: time is linear in the window, whatever the input.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WINDOW = 300  # characters read; a dateline further down is a body date
# A year-less dateline read with nothing but today's date to place it: trusted only this close to today.
YEARLESS_RECENT_DAYS = 60
EARLIEST = date(1900, 1, 1)

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
AGENCIES: tuple[str, ...] = (
    "Reuters", "AFP", "AP", "SANA", "Xinhua", "dpa", "UPI", "IANS", "Anadolu", "AA", "EFE", "ANSA", "TASS",
    "RIA Novosti", "IRNA", "KUNA", "WAM", "SPA", "MENA", "QNA", "NNA",
)  # fmt: skip

_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b[.,]?"
)
_LABEL = (
    r"(?:published|posted|updated|last updated|date of publication|dated|operational update|news release)"
    r"(?: on| at)?[:,]?"
)
_DAY = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>[0-9]{4})(?![0-9])"

_TO_YEAR = r"(?:, ?| )"  # "May 31, 2011", "May 31 2011" and the "May 31,2011" of hurried releases
_DMY_NAME = rf"{_DAY} (?:of )?{_MON}{_TO_YEAR}{_YEAR}"  # 24 January 2021
_MDY_NAME = rf"{_MON} {_DAY}{_TO_YEAR}{_YEAR}"  # Jan. 25, 2013 / April 15 2017
# "Last updated at Apr 152017": a site that glues the two-digit day to the year (only after a label)
_MDY_GLUED = rf"{_MON} (?P<d>[0-3][0-9])(?P<y>(?:19|20)[0-9]{{2}})(?![0-9])"
_NUMERIC = r"(?P<d>[0-9]{1,2})(?P<sep>[./-])(?P<m>[0-9]{1,2})(?P=sep)" + _YEAR  # 26.12.2014 / 23-02-2015
_ISO = r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9])"  # 2021-01-24
_AGENCY_BARE = "(?:" + "|".join(re.escape(a) for a in AGENCIES) + ")"
_AGENCY = rf" \({_AGENCY_BARE}\)"
_NOT_AFTER_PREPOSITION = "".join(
    rf"(?<!\b{word} )" for word in ("on", "since", "until", "from", "by", "before", "after", "of")
)

_NOT_LOG_LINE = r"(?![^\n(]{0,40}\([A-Z]{1,3}[0-9]{1,5}[A-Za-z]{0,2}\))"

# (prefix, date forms, suffix), most trusted first. "^" is the start of any line of the window (MULTILINE):
# a headline, then the date on the line under it, is how monitors and news sites print it.
_CONTEXTS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    # ... but not the date of an incident-log line ("May 28th 2017: (S769) Raqqa, ..."): that dates the incident
    (rf"^(?:{_LABEL} )?(?:{_WEEKDAY} )?", (_DMY_NAME, _MDY_NAME, _NUMERIC, _ISO), _NOT_LOG_LINE),
    (rf"\((?:{_WEEKDAY} )?", (_DMY_NAME, _MDY_NAME, _ISO), r" ?\)"),
    (r"\b", (rf"{_MON} {_DAY}(?:,? {_YEAR})?", rf"{_DAY} {_MON}(?:,? {_YEAR})?"), _AGENCY),
    # "6 October 2016 Aleppo SANA-Terrorist ...": a full date, maybe the city, then the agency's name
    (rf"{_NOT_AFTER_PREPOSITION}\b", (_DMY_NAME, _MDY_NAME), rf" (?:[A-Z][a-z]+ )?{_AGENCY_BARE}\b"),
    # "Middle East 1924 16.05.2017(updated 1925 16.05.2017) Get short URL": a news site's stamp
    (r"\b", (_NUMERIC,), r" ?(?:\(updated|Get short URL)"),
    # "KABUL, Afghanistan (July 22) -": a place, then the day in parentheses without a year
    (rf"[A-Z]{{2,}}, [A-Z][a-z]+ \((?:{_WEEKDAY} )?", (rf"{_MON} {_DAY}", rf"{_DAY} {_MON}"), r" ?\)"),
    (rf"\b{_LABEL} (?:{_WEEKDAY} )?", (_DMY_NAME, _MDY_NAME, _NUMERIC, _ISO, _MDY_GLUED), ""),
    (rf"{_NOT_AFTER_PREPOSITION}\b{_WEEKDAY} ", (_DMY_NAME, _MDY_NAME), ""),
    # an ISAF headline "May 11: Afghan-ISAF Forces Conduct Operations ..." (year from the release number)
    (r"^", (rf"{_MON} {_DAY}",), r": [A-Z]"),
)
PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(prefix + form + suffix, re.IGNORECASE | re.MULTILINE)
    for prefix, forms, suffix in _CONTEXTS
    for form in forms
)


_DATE_ONLY = tuple(
    re.compile(rf"(?:{_LABEL} )?(?:{_WEEKDAY} )?{form}", re.IGNORECASE)
    for form in (_DMY_NAME, _MDY_NAME, _ISO)
)


def date_only_line(line: str, *, today: date | None = None) -> date | None:
    """The date of a line that holds nothing but a date ("19 August 2021", "Published: 2021-01-24"), as monitor
    pages print it under the headline; None for any other line."""
    line = " ".join(line.split())
    if len(line) > 60:
        return None
    for pattern in _DATE_ONLY:
        match = pattern.fullmatch(line)
        if match:
            found = _to_date(match.groupdict(), today or date.today())
            if found is not None and date(1900, 1, 1) <= found <= (today or date.today()):
                return found
    return None


def dateline_date(text: str, *, today: date | None = None, reference: date | None = None) -> date | None:
    """The publication date a report's dateline states, or None.

    ``today`` bounds the future (default: the real today); ``reference`` gives the year of a dateline that has
    none ("DAMASCUS, Jan 24 (Reuters)"): the latest such day on or before it. Without a reference, a release
    number in the header gives one, else today does, for a day within ``YEARLESS_RECENT_DAYS`` of today only.
    Dates after ``today`` or before 1900 are rejected: they are typos or not datelines.
    """
    today = today or date.today()
    window = _window(text)
    given = reference or header_reference(window)
    for pattern in PATTERNS:
        for match in pattern.finditer(window):
            groups = match.groupdict()
            if not groups.get("y") and given is None:
                after = _after_body_date(groups, text, today)
                if after is not None:
                    return after  # "(Jan. 2)" over a text that mentions "Dec. 28, 2011": 2 January 2012
            found = _to_date(groups, given or today)
            if found is None or not EARLIEST <= found <= today:
                continue
            if not groups.get("y") and given is None and (today - found).days > YEARLESS_RECENT_DAYS:
                continue  # the year would be a guess: an old page read today
            return found
    return None


BODY_CHARS = 20_000  # how far into the text a fully dated day is looked for
_BODY_DATES = tuple(re.compile(form, re.IGNORECASE) for form in (_DMY_NAME, _MDY_NAME))


def _after_body_date(groups: dict[str, str | None], text: str, today: date) -> date | None:
    """A year-less dateline placed by the text itself: the first such day on or after the latest fully dated day
    the text mentions (a report tells of days before it was published), when that is within
    ``YEARLESS_RECENT_DAYS`` of it; None otherwise."""
    latest = body_reference(text, today)
    parts = _day_month(groups)
    if latest is None or parts is None:
        return None
    day, month = parts
    for year in (latest.year, latest.year + 1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue  # 29 February
        if latest <= found:
            return found if (found - latest).days <= YEARLESS_RECENT_DAYS and found <= today else None
    return None


def body_reference(text: str, today: date) -> date | None:
    """The latest day with day, month and year written out ("Dec. 28, 2011", "16 January 2021") in the first
    ``BODY_CHARS`` characters, not after ``today`` nor before 1900; None when there is none."""
    found: date | None = None
    head = " ".join(text[:BODY_CHARS].split())
    for pattern in _BODY_DATES:
        for match in pattern.finditer(head):
            day = _to_date(match.groupdict(), today)
            if day is not None and EARLIEST <= day <= today and (found is None or day > found):
                found = day
    return found


def _window(text: str) -> str:
    """The top of the text with runs of spaces collapsed and line breaks kept (``^`` is a line start)."""
    lines = (" ".join(line.split()) for line in text[: WINDOW * 2].split("\n"))
    return "\n".join(line for line in lines if line)[:WINDOW]


_HEADER_YEAR_MONTH = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})-(0[1-9]|1[0-2])-[A-Z]")


def header_reference(window: str) -> date | None:
    """The last day a release number in the header allows, or None. Press releases often carry a reference
    number with year and month ("2010-07-CA-144") beside a dateline without a year ("KABUL, Afghanistan
    (July 22)"): the year-less day is then placed on or before the end of the following month, which covers a
    release numbered late in one month and dated early in the next."""
    m = _HEADER_YEAR_MONTH.search(window)
    if m is None:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date(nxt.year + (nxt.month == 12), nxt.month % 12 + 1, 1) - timedelta(days=1)


def _to_date(groups: dict[str, str | None], reference: date) -> date | None:
    parts = _day_month(groups)
    if parts is None:
        return None
    day, month = parts
    try:
        year = groups.get("y")
        if year:
            return date(int(year), month, day)
        # no year: the latest such day on or before the reference (29 February may not exist there: None)
        found = date(reference.year, month, day)
        return found if found <= reference else found.replace(year=reference.year - 1)
    except ValueError:  # 31 February and friends
        return None


def _day_month(groups: dict[str, str | None]) -> tuple[int, int] | None:
    """(day, month). 26.12.2014 and 23-02-2015 are day first, the habit of the sites that write them;
    slashes are written both ways, so 12/26/2014 is read by the number that cannot be a month, and 03/04/2016
    is refused."""
    first = int(groups["d"] or 0)
    if groups.get("mon"):
        return first, MONTHS[(groups["mon"] or "")[:3].lower()]
    second = int(groups["m"] or 0)
    if groups.get("sep") != "/":
        return first, second
    if first > 12 >= second:
        return first, second
    if second > 12 >= first:
        return second, first
    return None
