"""Dates stage: explicit, partial and relative date expressions resolved against the publication date.

Each result is an ``EventDate`` (start, end, UCDP date_prec, the words, and the reason it was resolved so), or
nothing: an expression that cannot be resolved without guessing gives no date, and the assembly says why.
Relative offsets ("a week earlier", "two days later") count from the date mentioned before them, not from publication.
Ordinals and numbers in unit names ("5th Corps", "Division 17") are never dates: only month names, ISO dates,
weekdays and the relative words below are read. Every pattern is bounded, so long adversarial input is linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from marsad.extract.numbers import parse_number
from marsad.records import EventDate, Span

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
EARLIEST = date(1900, 1, 1)

_M = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_W = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
_NUM = r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+couple\s+of|several)"
_UNIT = r"(?P<unit>day|week|month|year)s?"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.IGNORECASE))
    for name, rx in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<day>[0-3]\d)\b"),
        (
            "range_md",
            rf"\b(?:between\s+|from\s+)?{_M}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|to|until)\s*"
            rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_Y})?",
        ),
        (
            "range_dm",
            rf"\b(?:between\s+|from\s+)?(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|to|until)\s*"
            rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+{_M}(?:,?\s+{_Y})?",
        ),
        ("mdy", rf"\b{_W}{_M}\s+{_D}\b(?:,?\s+{_Y})?"),
        ("dmy", rf"\b{_W}{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?"),
        ("month_year", rf"\b(?:(?:in|during|of|since)\s+)?{_M}(?:\s+{_Y}|(?<=\w)(?=\s*[,.;]|$)(?<!\bmay))\b"),
        ("year", rf"\b(?:in|during|since)\s+(?:early\s+|late\s+|mid-?)?{_Y}\b"),
        ("day_before_yesterday", r"\b(?:the\s+)?day\s+before\s+yesterday\b"),
        ("yesterday", r"\b(?:yesterday|last\s+night|overnight)\b"),
        (
            "today",
            r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today|at\s+dawn|on\s+"
            r"the\s+same\s+day)\b",
        ),
        (
            "weekday",
            r"\b(?:(?:on|last|early|late)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|"
            r"sunday)(?:\s+(?:morning|afternoon|evening|night))?\b",
        ),
        ("offset", rf"\b{_NUM}\s+{_UNIT}\s+(?P<dir>earlier|later|before|after|ago)\b"),
        ("past_hours", r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:24|48|72)\s+hours\b"),
        ("last_week", r"\b(?:last|this|earlier\s+this|past)\s+week\b"),
        (
            "period_of",
            r"\b(?:in|during|within)\s+the\s+(?P<ord>first|second|third|fourth)\s+(?P<unit>day|week|"
            r"month)\s+of\s+the\s+(?:\w+\s+){0,2}(?:campaign|operation|offensive)\b",
        ),
        (
            "since_start",
            r"\bsince\s+the\s+(?:start|beginning|launch)\s+of\s+the\s+(?:\w+\s+){0,2}(?:campaign|"
            r"operation|offensive)\b",
        ),
    )
)
_EXPLICIT = frozenset(("iso", "range_md", "range_dm", "mdy", "dmy", "month_year", "year"))
_ORD = {"first": 0, "second": 1, "third": 2, "fourth": 3}
# "the campaign that began on January 16": the date a campaign started, which "the first week of the campaign" and
# "since the start of the campaign" count from
_STARTS = re.compile(
    r"\b(?:campaign|operation|offensive)\b[^.]{0,40}?\b(?:began|started|launched|kicked\s+off)\s+(?:on\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    span: Span
    date: EventDate
    kind: str  # the pattern name
    anchor_name: str | None = None  # "campaign" when the sentence says the campaign began on this date


@dataclass
class DateContext:
    """What relative dates count from: publication, the last date mentioned, named starts ("the campaign")."""

    published: date | None
    last: date | None = None
    anchors: dict[str, date] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)  # reasons for expressions that gave no date


def precision_of(start: date, end: date) -> int:
    """UCDP date_prec from a range length: 1 day, 2 = 2-6 days, 3 = a week, 4 = a month, 5 = longer."""
    days = (end - start).days + 1
    if days <= 1:
        return 1
    if days <= 6:
        return 2
    if days <= 8:
        return 3
    if days <= 31:
        return 4
    return 5


def _ed(
    start: date, end: date, text: str, reason: str, span: Span, precision: int | None = None
) -> EventDate:
    return EventDate(start, end, precision or precision_of(start, end), text, reason, span)


def _year_for(month: int, day: int, ctx: DateContext) -> tuple[int, str]:
    """A month and day without a year: the latest occurrence on or before publication."""
    if ctx.published is None:
        raise ValueError("a day without a year and no publication date to place it")
    year = ctx.published.year
    if (month, day) > (ctx.published.month, ctx.published.day):
        year -= 1
    return year, f"year from publication {ctx.published.isoformat()}"


def _valid(d: date, ctx: DateContext) -> date:
    if d < EARLIEST:
        raise ValueError(f"{d.isoformat()} is before 1900")
    limit = (ctx.published or date.today()) + timedelta(days=1)
    if d > limit:
        raise ValueError(f"{d.isoformat()} is after the publication date")
    return d


def _explicit(name: str, m: re.Match[str], ctx: DateContext, span: Span) -> EventDate:
    g = m.groupdict()
    if name == "year":
        y = int(g["year"])
        first, last = _valid(date(y, 1, 1), ctx), date(y, 12, 31)
        return _ed(first, last, span.text, "year only", span, precision=5)
    if name == "iso":
        d = _valid(date(int(g["year"]), int(g["mo"]), int(g["day"])), ctx)
        return _ed(d, d, span.text, "ISO date", span)
    month = MONTHS[g["mon"].lower().rstrip(".")]
    if name in ("range_md", "range_dm"):
        y, why = (int(g["year"]), "stated year") if g.get("year") else _year_for(month, int(g["d1"]), ctx)
        a, b = _valid(date(y, month, int(g["d1"])), ctx), _valid(date(y, month, int(g["d2"])), ctx)
        if b < a:
            raise ValueError("a range that ends before it starts")
        return _ed(a, b, span.text, f"date range; {why}", span)
    if name == "month_year":
        y = int(g["year"]) if g.get("year") else _year_for(month, 1, ctx)[0]
        first = date(y, month, 1)
        last = first + relativedelta(months=1, days=-1)
        return _ed(_valid(first, ctx), last, span.text, "month only", span, precision=4)
    y, why = (int(g["year"]), "stated year") if g.get("year") else _year_for(month, int(g["day"]), ctx)
    d = _valid(date(y, month, int(g["day"])), ctx)
    return _ed(d, d, span.text, f"day and month; {why}", span)


def _relative(name: str, m: re.Match[str], ctx: DateContext, span: Span) -> EventDate:
    pub = ctx.published
    if name in ("offset", "period_of", "since_start"):
        return _anchored(name, m, ctx, span)
    if pub is None:
        raise ValueError(f"'{span.text}' needs a publication date")
    if name == "today":
        return _ed(pub, pub, span.text, f"same day as publication {pub.isoformat()}", span)
    if name == "yesterday":
        d = pub - timedelta(days=1)
        return _ed(d, d, span.text, f"day before publication {pub.isoformat()}", span)
    if name == "day_before_yesterday":
        d = pub - timedelta(days=2)
        return _ed(d, d, span.text, f"two days before publication {pub.isoformat()}", span)
    if name == "weekday":
        wd = WEEKDAYS[m.group("wd").lower()]
        d = pub - timedelta(days=(pub.weekday() - wd) % 7)
        return _ed(d, d, span.text, f"latest {m.group('wd').title()} on or before publication", span)
    if name == "past_hours":
        d = pub - timedelta(days=1)
        return _ed(d, pub, span.text, "the 24 hours before publication", span)
    d0 = pub - timedelta(days=7)
    return _ed(d0, pub, span.text, "the week before publication", span, precision=3)


def _anchored(name: str, m: re.Match[str], ctx: DateContext, span: Span) -> EventDate:
    if name == "offset":
        base = ctx.published if m.group("dir").lower() == "ago" else ctx.last
        if base is None:
            raise ValueError(f"'{span.text}' has no earlier date to count from")
        n = parse_number(m.group("n")) or (3 if m.group("n").lower() == "several" else 1)
        unit = m.group("unit").lower()
        delta = relativedelta(**{unit + "s": n})  # type: ignore[arg-type]
        d = base - delta if m.group("dir").lower() in ("earlier", "before", "ago") else base + delta
        prec = 1 if unit == "day" else (3 if unit == "week" else 4)
        return _ed(_valid(d, ctx), d, span.text, f"{span.text} from {base.isoformat()}", span, precision=prec)
    start = ctx.anchors.get("campaign")
    if start is None:
        raise ValueError(f"'{span.text}' but the start of the campaign is not stated")
    if name == "since_start":
        end = ctx.published or start
        return _ed(start, end, span.text, f"campaign start {start.isoformat()} to publication", span)
    unit, k = m.group("unit").lower(), _ORD[m.group("ord").lower()]
    if unit == "week":
        s = start + timedelta(weeks=k)
        # "the first week" of a campaign begun on the 16th is coded 16-23, as monitors count it
        return _ed(s, s + timedelta(days=7), span.text, f"week {k + 1} from campaign start {start}", span, 3)
    if unit == "day":
        s = start + timedelta(days=k)
        return _ed(s, s, span.text, f"day {k + 1} from campaign start {start}", span)
    s = start + relativedelta(months=k)
    return _ed(s, s + relativedelta(months=1, days=-1), span.text, f"month {k + 1} of the campaign", span, 4)


DATELINE_WINDOW = 300  # characters from the top of a report where its dateline sits


def is_dateline(mention: DateMention, published: date | None) -> bool:
    """The report's own dateline ("KABUL, Afghanistan (Feb. 8, 2011) —") dates the report, not an event in it."""
    return (
        published is not None
        and mention.kind in _EXPLICIT
        and mention.span.start < DATELINE_WINDOW
        and mention.date.start == mention.date.end == published
    )


def find_dates(text: str, sentence: Span, ctx: DateContext) -> list[DateMention]:
    """Date expressions of one sentence, in text order; updates ``ctx.last`` and campaign anchors as it reads."""
    s = sentence.text
    found: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for name, rx in PATTERNS:
        for m in rx.finditer(s):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # an earlier (more specific) pattern already read these words
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), name, m))
    out: list[DateMention] = []
    for start, end, name, m in sorted(found, key=lambda x: x[0]):
        span = Span.of(text, sentence.start + start, sentence.start + end)
        try:
            resolve = _explicit if name in _EXPLICIT else _relative
            ed = resolve(name, m, ctx, span)
        except (ValueError, OverflowError) as err:  # impossible dates, out of range, nothing to count from
            ctx.rejected.append(f"{span.text!r}: {err}")
            continue
        anchor = "campaign" if _STARTS.search(s[max(0, start - 80) : start]) else None
        if anchor:
            ctx.anchors.setdefault("campaign", ed.start)
        ctx.last = ed.start
        out.append(DateMention(span, ed, name, anchor))
    return out
