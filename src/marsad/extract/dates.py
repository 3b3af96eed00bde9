"""Dates stage: explicit, partial and relative date expressions resolved against the publication date.

Each result is a ``DateMention``: the words, an ``EventDate`` (start, end, UCDP date_prec, the reason it was
resolved so), the pattern that read it, its *role* and a *weight*. An expression that cannot be resolved without
guessing gives no date; its reason goes to ``DateContext.rejected`` and the assembly says why.

- Roles: ``event`` (when something happened), ``report`` (when it was said: "state media said on Tuesday"; the
  words are in data/dates_report_verbs.txt) and ``period`` (a span running up to the report: "since 16 December",
  "so far this month", "over the past 24 hours"). Reporting dates never date an incident when the sentence has an
  event date; periods date tallies. ``background`` marks dates well before the report ("in March 2019", "last
  month" read in mid-October) and dates naming an attack told of before ("the Aug. 8 suicide attack").
- Weights rank the dates of one sentence: a stated day or weekday (3) over yesterday / today / "two days later" (2)
  over a month, a year or a vague "overnight" (1). Assembly takes the heaviest, the first among equals.
- Relative offsets ("a week earlier", "two days later", "the next day") count from the last event date mentioned
  before them, not from publication. A weekday is the latest such day on or before publication; a day and month
  without a year the latest past occurrence.
- Ordinals and numbers in unit names ("5th Corps", "Division 17"), ages and counts are never dates: only month
  names, ISO and numeric dates with a four-digit year, weekdays and the relative words below are read; a month name
  in lower case ("may", "march") is a verb. Every pattern is bounded and each sentence reads at most
  ``MAX_PER_SENTENCE`` dates, so long adversarial input stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources

from dateutil.relativedelta import relativedelta

from marsad.extract.numbers import parse_number
from marsad.records import EventDate, Span

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
EARLIEST = date(1900, 1, 1)
# A report tells of recent events: a date (or a period that starts) more than this before publication is background
# ("since the fall of Baghouz in March 2019", "Iraq declared victory in December 2017"), not news of this report.
STALE_DAYS = 31
RECENT_WEEK = 7
MAX_PER_SENTENCE = 40  # no real sentence holds more dates; beyond this the input is adversarial

_M = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_Y = r"(?P<year>(?:1\d|20)\d\d)\b"
_W = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
_NUM = r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+couple\s+of|several)"
_TO = r"\s*(?:-|–|—|and|to|until|till|through)\s*"
_PART = r"(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)"
_MONTH_KEYS = tuple(MONTHS)
_MONTH_KEY_SET = frozenset(_MONTH_KEYS)
_YEARISH = ("#year",)  # a four-digit number that could be a year
_WEEKDAY_KEYS = tuple(WEEKDAYS)

# (name, regex, keys): a pattern runs only on sentences holding one of its key words (lower case), which keeps the
# stage fast; patterns earlier in the table win when two read the same words.
_TABLE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("iso", r"\b(?P<year>(?:1\d|20)\d\d)-(?P<mo>[01]\d)-(?P<day>[0-3]\d)\b", ("#iso",)),
    ("numeric", r"\b(?P<day>[0-3]?\d)(?P<sep>[./])(?P<mo>[0-3]?\d)(?P=sep)(?P<year>(?:1\d|20)\d\d)\b", ("#numeric",)),
    ("range_md", rf"\b(?:between\s+|from\s+)?{_M}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?{_TO}(?P<d2>[0-3]?\d)"
                 rf"(?:st|nd|rd|th)?\b(?:,?\s+{_Y})?", _MONTH_KEYS),
    ("range_dm", rf"\b(?:between\s+|from\s+)?(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?{_TO}(?P<d2>[0-3]?\d)"
                 rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?", _MONTH_KEYS),
    ("mdy", rf"\b{_W}{_M}\s+{_D}(?:,?\s*{_Y})?", _MONTH_KEYS),
    ("dmy", rf"\b{_W}{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?", _MONTH_KEYS),
    ("since_period", rf"\bsince\s+the\s+(?:start|beginning|outbreak|first)\s+of\s+(?:(?:the|this)\s+(?P<unit>year|month)"
                     rf"\b|{_M}(?:\s+{_Y})?|(?P<yonly>(?:1\d|20)\d\d)\b)", ("since",)),
    ("part_month", rf"\b{_PART}[- ]+{_M}(?:,?\s+{_Y})?", _MONTH_KEYS),
    ("month_year", rf"\b(?:(?:in|during|of|since)\s+)?{_M}(?:,?\s+{_Y}|(?<=\w)(?=\s*[,.;]|$))", _MONTH_KEYS),
    ("season", rf"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+of\s+{_Y}",
     ("spring", "summer", "autumn", "fall", "winter")),
    ("year", rf"\b(?:in|during|since|of|by)\s+(?:{_PART}[- ]?\s*)?{_Y}(?!\s*(?:-|–)?\s*[a-z%])", _YEARISH),
    ("period_this", r"\b(?P<pre>so\s+far\s+|earlier\s+|since\s+the\s+(?:start|beginning)\s+of\s+)?this\s+"
                    r"(?P<unit>week|month|year)\b", ("this",)),
    ("since_unit", r"\bsince\s+the\s+(?:start|beginning|first)\s+of\s+the\s+(?P<unit>week|month|year)\b", ("since",)),
    ("past_n", rf"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous)\s+(?:{_NUM}\s+)?"
               r"(?P<unit>hours|days|weeks|months|day|week|month|year)\b", ("past", "last", "previous")),
    ("last_unit", r"\b(?:late\s+|early\s+)?last\s+(?P<unit>week|month|year)\b", ("last",)),
    ("day_before_yesterday", r"\b(?:the\s+)?day\s+before\s+yesterday\b", ("yesterday",)),
    ("yesterday", r"\b(?:yesterday|last\s*night|last\s+evening|overnight)\b", ("yesterday", "last", "lastnight", "overnight")),
    ("today", r"\b(?:since\s+(?:dawn|this\s+morning)(?:\s+today)?|today|tonight|this\s+(?:morning|afternoon|"
              r"evening)|at\s+(?:dawn|noon)(?!\s+(?:on\b|of\b|yesterday|last\b|\w+day\b)))\b",
     ("today", "tonight", "this", "dawn", "noon")),
    ("weekday", r"\b(?:(?:on|last|early|late|this)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|"
                r"saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?\b", _WEEKDAY_KEYS),
    # "the attack came a day after air strikes killed 26": the date is that of what follows, a day before
    ("offset", rf"\b(?P<came>(?:came|comes|come|occurred|happened|took\s+place)\s+)?{_NUM}\s+(?P<unit>day|week|month|"
               r"year)s?\s+(?P<dir>earlier|later|before|after|ago|prior)\b",
     ("earlier", "later", "before", "after", "ago", "prior")),
    ("anchor_day", r"\b(?:(?:on\s+)?the\s+(?P<which>previous|next|following|same)\s+(?:day|night|morning|evening)"
                   r"|the\s+day\s+(?P<ba>before|after)|later\s+(?:that|the\s+same)\s+day|(?:on\s+)?that\s+"
                   r"(?:day|night)|hours\s+later)\b", ("previous", "next", "following", "same", "day", "night", "later")),
    ("period_of", r"\b(?:in|during|within)\s+the\s+(?P<ord>first|second|third|fourth)\s+(?P<unit>day|week|"
                  r"month)\s+of\s+the\s+(?:\w+\s+){0,2}(?:campaign|operation|offensive)\b", ("campaign", "operation",
                                                                                            "offensive")),
    ("since_start", r"\bsince\s+the\s+(?:start|beginning|launch)\s+of\s+the\s+(?:\w+\s+){0,2}(?:campaign|"
                    r"operation|offensive)\b", ("since",)),
)  # fmt: skip
PATTERNS: tuple[tuple[str, re.Pattern[str], frozenset[str]], ...] = tuple(
    (name, re.compile(rx, re.IGNORECASE), _MONTH_KEY_SET if keys is _MONTH_KEYS else frozenset(keys))
    for name, rx, keys in _TABLE
)
_WORD = re.compile(r"[a-z]+")
_KEYS = frozenset(k for _, _, keys in PATTERNS for k in keys)
_BY_KEY: dict[str, tuple[int, ...]] = {
    k: tuple(n for n, (_, _, keys) in enumerate(PATTERNS) if k in keys) for k in _KEYS
}  # the patterns each key word lets run, in the table's order
_ANY_YEAR = re.compile(r"(?<!\d)(?:1\d|20)\d\d(?!\d)")
# Cheap checks that let a sentence skip the patterns that cannot match in it: an ISO or a numeric date needs its
# separators
_ISO_HINT = re.compile(r"\d-[01]\d-")
_NUMERIC_HINT = re.compile(r"\d[./][0-3]?\d[./]")
MONTH_REACH = (
    40  # characters a month pattern reaches before ("between the 12th and 14th of") or after its month
)
_WORD_END = re.compile(r"\w*")
EXPLICIT = frozenset(("iso", "numeric", "range_md", "range_dm", "mdy", "dmy", "month_year", "part_month",
                      "season", "year", "since_period", "range"))  # fmt: skip
_DAY_LEVEL = frozenset(("iso", "numeric", "mdy", "dmy", "weekday"))
_PERIOD_KINDS = frozenset(("since_period", "period_this", "since_unit", "past_n", "since_start", "period_of"))
CAMPAIGN_KINDS = frozenset(("since_start", "period_of"))  # counted from a campaign's start
_ORD = {"first": 0, "second": 1, "third": 2, "fourth": 3}
# "the campaign that began on January 16", "since the start of the campaign on 16 December": the day a campaign
# started, which "the first week of the campaign" and "since the start of the campaign" count from
_STARTS = re.compile(
    r"(?:\b(?:campaign|operation|offensive)\b[^.]{0,40}?\b(?:began|started|launched|kicked\s+off)|\b(?:start|"
    r"beginning|launch)\s+of\s+the\s+(?:\w+\s+){0,2}(?:campaign|operation|offensive))\s+(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)
# a date a superlative or a first time is measured from: "for the first time since 2011", "the heaviest shelling
# since January"
_COMPARED_BEFORE = re.compile(
    r"\b(?:first\s+time|highest|lowest|largest|biggest|worst|heaviest|deadliest|bloodiest|fiercest|most\s+\w+)"
    r"\b[^.;]{0,40}?(?P<since>\bsince\s+(?:the\s+(?:start|beginning|end)\s+of\s+)?)?$",
    re.IGNORECASE,
)
# "the positions they lost 20 months ago": the date of an earlier loss, told in a relative clause (not "the
# fighters who lost their lives yesterday")
_LOST_BEFORE = re.compile(
    r"\b(?:they|it|he|which|that)\s+(?:had\s+)?lost\b(?!\s+(?:their|his|her|its)\s+li(?:fe|ves))[^.;,]{0,30}$",
    re.IGNORECASE,
)
# ("since the start of the campaign on", "since the country's conflict began in", "since it erupted in")
_SINCE_BEFORE = re.compile(
    r"\b(?:since|starting)\s+(?:the\s+(?:start|beginning|launch|outbreak)\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}"
    r"(?:on|in)\s+|(?:[\w'’]+\s+){1,4}(?:began|begun|started|erupted|broke\s+out)\s+(?:(?:on|in)\s+)?)?$",
    re.IGNORECASE,
)
_AND = re.compile(r"\band\b", re.IGNORECASE)
# "Division 17 May", "Brigade 25 in March": a number that names a unit or a road is not a day; "2310 GMT on
# Tuesday" converts the time of an event told in local time ("early on Wednesday"): the same moment, not a second day
_UNIT_BEFORE = re.compile(
    r"\b(?:division|brigade|corps|regiment|battalion|squadron|route|highway|no\.?|number|resolution)\s*$",
    re.IGNORECASE,
)
_CLOCK_BEFORE = re.compile(r"\b(?:gmt|utc)\s+(?:on\s+)?$", re.IGNORECASE)


@cache
def _report_before() -> re.Pattern[str]:
    """Words that make the date right after them the day something was said (data/dates_report_verbs.txt)."""
    text = resources.files("marsad.extract").joinpath("data/dates_report_verbs.txt").read_text("utf-8")
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    # one adverb may sit between ("said earlier on Sunday"), never a participle ("reported killed yesterday")
    adverb = r"(?:earlier|later|also|again|first|publicly|officially|in\s+a\s+statement)"
    return re.compile(rf"\b(?:{alternation})\s+(?:{adverb}\s+)?(?:(?:on|late|early)\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    span: Span
    date: EventDate
    kind: str  # the pattern name
    anchor_name: str | None = None  # "campaign" when the sentence says the campaign began on this date
    role: str = "event"  # event | report (the day something was said) | period (a span up to the report)
    weight: int = 2  # 3 a stated day or weekday, 2 a relative day, 1 a month, year or vague word
    # it lies more than STALE_DAYS before publication, or names an earlier attack: context, not this report's news
    background: bool = False
    age: int | None = None  # days from its start to publication (None without a publication date)


@dataclass
class DateContext:
    """What relative dates count from: publication, the last event date mentioned, named starts ("the campaign")."""

    published: date | None
    last: date | None = None
    anchors: dict[str, date] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)  # reasons for expressions that gave no date
    # Without a publication date, a release number in the header ("2010-07-CA-129") still says which year a
    # day and month belong to ("an operation in Kabul City July 16"); relative words stay unresolved.
    reference: date | None = None
    reference_read: bool = False


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


def _pub(ctx: DateContext, words: str) -> date:
    if ctx.published is None:
        raise ValueError(f"'{words}' needs a publication date")
    return ctx.published


def _year_for(month: int, day: int, ctx: DateContext, words: str) -> tuple[int, str]:
    """A month and day without a year: the latest occurrence on or before publication (or the release number)."""
    if ctx.published is None and ctx.reference is not None:
        ref = ctx.reference
        return ref.year - ((month, day) > (ref.month, ref.day)), f"year from the release number ({ref.year})"
    pub = _pub(ctx, words)
    year = pub.year - ((month, day) > (pub.month, pub.day))
    return year, f"year from publication {pub.isoformat()}"


def _valid(d: date, ctx: DateContext) -> date:
    if d < EARLIEST:
        raise ValueError(f"{d.isoformat()} is before 1900")
    limit = (ctx.published or ctx.reference or date.today()) + timedelta(days=1)
    if d > limit:
        raise ValueError(f"{d.isoformat()} is after the publication date")
    return d


def _day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"no such day: {year}-{month:02d}-{day:02d}") from None


def _month_end(first: date) -> date:
    return first + relativedelta(months=1, days=-1)


def _explicit(name: str, m: re.Match[str], ctx: DateContext, span: Span) -> EventDate:
    g = m.groupdict()
    if name in ("year", "season", "since_period"):
        return _long(name, g, ctx, span)
    if name in ("iso", "numeric"):
        day, month, why = _numeric(g) if name == "numeric" else (int(g["day"]), int(g["mo"]), "ISO date")
        d = _valid(_day(int(g["year"]), month, day), ctx)
        return _ed(d, d, span.text, why, span)
    month = MONTHS[g["mon"].lower().rstrip(".")]
    if name in ("range_md", "range_dm"):
        words = span.text
        y, why = (
            (int(g["year"]), "stated year") if g.get("year") else _year_for(month, int(g["d1"]), ctx, words)
        )
        a, b = _valid(_day(y, month, int(g["d1"])), ctx), _valid(_day(y, month, int(g["d2"])), ctx)
        if b < a:
            raise ValueError("a range that ends before it starts")
        return _ed(a, b, span.text, f"date range; {why}", span)
    if name in ("month_year", "part_month"):
        y = int(g["year"]) if g.get("year") else _year_for(month, 1, ctx, span.text)[0]
        first = date(y, month, 1)
        a, b = _part_of(first, _month_end(first), g.get("part"))
        why = "month only" if name == "month_year" else f"{g['part']} of the month"
        return _ed(_valid(a, ctx), b, span.text, why, span)
    y, why = (
        (int(g["year"]), "stated year") if g.get("year") else _year_for(month, int(g["day"]), ctx, span.text)
    )
    d = _valid(_day(y, month, int(g["day"])), ctx)
    return _ed(d, d, span.text, f"day and month; {why}", span)


def _numeric(g: dict[str, str | None]) -> tuple[int, int, str]:
    """(day, month, reason) of 26.12.2014 (day first, as the sites that write dots do) or a slashed date, read by
    the number that cannot be a month; 03/04/2016 (March 4 or 3 April) is refused rather than guessed."""
    first, second = int(g["day"] or 0), int(g["mo"] or 0)
    if g["sep"] == ".":
        return first, second, "numeric date, day first"
    if first > 12 >= second:
        return first, second, "numeric date, day first (the first number cannot be a month)"
    if second > 12 >= first:
        return second, first, "numeric date, month first (the second number cannot be a month)"
    if first == second:
        return first, second, "numeric date, day and month the same"
    raise ValueError("day and month could be either way round")


def _part_of(first: date, last: date, part: str | None) -> tuple[date, date]:
    """Early / mid / late thirds of a month or year; "the end of" and "the beginning of" are the last and first."""
    if not part:
        return first, last
    part = part.lower().split()[-2] if " " in part else part.lower()
    third = ((last - first).days + 1) // 3
    if part in ("early", "beginning", "start"):
        return first, first + timedelta(days=third - 1)
    if part == "mid":
        return first + timedelta(days=third), last - timedelta(days=third)
    return last - timedelta(days=third - 1), last


def _long(name: str, g: dict[str, str | None], ctx: DateContext, span: Span) -> EventDate:
    """Years, seasons, and "since the start of 2022 / June / the year" (a period up to publication)."""
    if name == "season":
        y = int(g["year"] or 0)
        first_m, last_m = SEASONS[(g["season"] or "").lower()]
        first = date(y, first_m, 1)
        last = _month_end(date(y + (last_m < first_m), last_m, 1))
        return _ed(_valid(first, ctx), last, span.text, f"the {g['season']} of {y}", span)
    if name == "year":
        y = int(g["year"] or 0)
        a, b = _part_of(date(y, 1, 1), date(y, 12, 31), g.get("part"))
        return _ed(
            _valid(a, ctx), b, span.text, "year only" if not g.get("part") else f"{g['part']} {y}", span
        )
    pub = _pub(ctx, span.text)
    if g.get("unit"):
        start = date(pub.year, 1 if g["unit"] == "year" else pub.month, 1)
    elif g.get("mon"):
        month = MONTHS[(g["mon"] or "").lower().rstrip(".")]
        year = g.get("year")
        start = date(int(year) if year else _year_for(month, 1, ctx, span.text)[0], month, 1)
    else:
        start = date(int(g["yonly"] or 0), 1, 1)
    return _ed(_valid(start, ctx), pub, span.text, f"from {start.isoformat()} to publication", span)


def _relative(name: str, m: re.Match[str], ctx: DateContext, span: Span) -> EventDate:
    if name in ("offset", "anchor_day", "period_of", "since_start"):
        return _anchored(name, m, ctx, span)
    pub = _pub(ctx, span.text)
    if name == "today":
        return _ed(pub, pub, span.text, f"same day as publication {pub.isoformat()}", span)
    if name in ("yesterday", "day_before_yesterday"):
        back = 1 if name == "yesterday" else 2
        d = pub - timedelta(days=back)
        return _ed(d, d, span.text, f"{back} day(s) before publication {pub.isoformat()}", span)
    if name == "weekday":
        wd = WEEKDAYS[m.group("wd").lower()]
        d = pub - timedelta(days=(pub.weekday() - wd) % 7)
        return _ed(d, d, span.text, f"latest {m.group('wd').title()} on or before publication", span)
    return _period(name, m, pub, span)


def _period(name: str, m: re.Match[str], pub: date, span: Span) -> EventDate:
    """Spans counted back from publication: this week / month / year, the past N days, last week."""
    unit = m.group("unit").lower().rstrip("s")
    if name in ("period_this", "since_unit"):
        start = {"week": pub - timedelta(days=pub.weekday()), "month": pub.replace(day=1)}.get(
            unit, date(pub.year, 1, 1)
        )
        return _ed(start, pub, span.text, f"this {unit} up to publication", span)
    if name == "past_n":
        raw = m.group("n")
        n = 1 if not raw else (3 if raw.lower() == "several" else parse_number(raw) or 1)
        days = {"hour": n / 24, "day": n, "week": 7 * n, "month": 30.5 * n, "year": 365 * n}[unit]
        start = pub - timedelta(days=max(1, round(days)))
        return _ed(start, pub, span.text, f"the {span.text.split(None, 1)[-1]} before publication", span)
    # "last week / month / year": the calendar unit before the one of publication
    if unit == "week":
        start = pub - timedelta(days=pub.weekday() + 7)
        return _ed(start, start + timedelta(days=6), span.text, "the calendar week before publication", span)
    if unit == "month":
        start = (pub.replace(day=1) - timedelta(days=1)).replace(day=1)
        return _ed(start, _month_end(start), span.text, "the month before publication", span)
    return _ed(
        date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), span.text, "the year before publication", span
    )


def _base(ctx: DateContext, words: str) -> tuple[date, str]:
    """What a chained expression counts from: the last event date mentioned, else publication."""
    if ctx.last is not None:
        return ctx.last, f"from the date mentioned before, {ctx.last.isoformat()}"
    return _pub(ctx, words), f"no date mentioned before: from publication {_pub(ctx, words).isoformat()}"


def _anchored(name: str, m: re.Match[str], ctx: DateContext, span: Span) -> EventDate:
    if name == "offset":
        direction = m.group("dir").lower()
        if direction == "ago":
            base, why = _pub(ctx, span.text), f"from publication {_pub(ctx, span.text).isoformat()}"
        else:
            base, why = _base(ctx, span.text)
        raw = m.group("n").lower()
        n = parse_number(raw) or (3 if raw == "several" else 1)
        unit = m.group("unit").lower()
        delta = relativedelta(**{unit + "s": n})  # type: ignore[arg-type]
        back = direction in ("earlier", "before", "ago", "prior")
        if m.group("came") and direction in ("after", "before"):
            back = not back  # told from the later event: the one after "after" is the earlier
            why += f"; what follows '{direction}' is the other event"
        d = base - delta if back else base + delta
        prec = 1 if unit == "day" else (3 if unit == "week" else 4)
        return _ed(_valid(d, ctx), d, span.text, f"{span.text}, {why}", span, precision=prec)
    if name == "anchor_day":
        base, why = _base(ctx, span.text)
        words = span.text.lower()
        step = -1 if ("previous" in words or "before" in words) else (1 if re.search(r"next|following|after", words)
                                                                      else 0)  # fmt: skip
        d = _valid(base + timedelta(days=step), ctx)
        return _ed(d, d, span.text, f"{span.text}, {why}", span)
    return _campaign(name, m, ctx, span)


def _campaign(name: str, m: re.Match[str], ctx: DateContext, span: Span) -> EventDate:
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
    return _ed(s, _month_end(s), span.text, f"month {k + 1} of the campaign", span, 4)


def _weight(name: str, words: str, ed: EventDate) -> int:
    if name in _DAY_LEVEL or (name in ("range_md", "range_dm", "range") and ed.precision <= 2):
        return 3
    if name == "yesterday" and words.lower() == "overnight":
        return 1  # "an overnight operation ... Monday": the weekday says which night
    if name in ("today", "yesterday", "day_before_yesterday", "offset", "anchor_day"):
        return 2
    return 1


# "died of wounds he had sustained a week earlier": the day of the wounding is the day of the event
_WOUNDED_BEFORE = re.compile(
    r"\b(?:sustained|suffered|received|wounded|injured)\b[^.;]{0,30}$", re.IGNORECASE
)


# "was involved in the Aug. 8 suicide attack", "responsible for Wednesday's bombing": a date naming an attack told
# of before, the way a profile or a background clause does; it never dates this report's incident
_NAMED_ATTACK_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}(?:attacks?|bombings?|ambush(?:es)?|strikes?|assaults?|explosions?|blasts?|"
    r"massacres?|shootings?|raids?|offensive|kidnappings?|abductions?|assassinations?|killings?|executions?)\b",
    re.IGNORECASE,
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# "a Taliban leader responsible for an attack Jan. 7 in Charkh district", "involved in the bombing on Sunday": the
# date of an attack in the profile of the person targeted, told after the attack word
_PROFILE_ATTACK_BEFORE = re.compile(
    r"\b(?:responsible\s+for|involved\s+in|behind|linked\s+to|blamed\s+for|accused\s+of|planned|"
    r"orchestrated|masterminded)\s+(?:the|an?|several|multiple|numerous)?\s*(?:[\w-]+\s+){0,3}?(?:attacks?|"
    r"bombings?|ambush(?:es)?|assaults?|assassinations?|killings?|kidnappings?)\s+(?:(?:on|in|at|against)\s+"
    r"(?:[\w-]+\s+){1,4}?)?(?:on\s+|of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# "... in Idlib province, Syria August 6 2016 (TRT World and Agencies)": the day a picture was taken, in a caption
# that ends with the picture's credit
_CREDIT_AFTER = re.compile(
    r"^\.?\s*\((?:[\w.&-]+\s+){0,4}(?:photo|picture|images?|agencies)\)|^\.?\s*\((?:file|archive)\s+photo\)",
    re.IGNORECASE,
)


# "the freeze on fighting that began at 7pm on September 12", "a ceasefire that came into force on the evening of
# September 12": the day a truce began, context for the fighting told, never the day of an incident
_TRUCE_BEFORE = re.compile(
    r"\b(?:truce|ceasefire|cease-fire|freeze|cessation\s+of\s+hostilities|hudna)\b[^.;]{0,60}?\b(?:began|"
    r"started|came\s+into\s+(?:force|effect)|took\s+effect|went\s+into\s+effect|entered\s+into\s+force)\b"
    r"[^.;]{0,40}$",
    re.IGNORECASE,
)
_TRUCE_WORDS = ("truce", "ceasefire", "cease-fire", "freeze", "cessation", "hudna")


def _truce_start(before: str) -> bool:
    low = before.lower()
    return any(w in low for w in _TRUCE_WORDS) and bool(_TRUCE_BEFORE.search(before))


_PROFILE_WORDS = ("responsible", "involved", "behind", "linked", "blamed", "accused", "planned", "orchestrated",
                  "masterminded")  # fmt: skip


def _names_an_attack(name: str, before: str, after: str) -> bool:
    near = before[-70:]
    low = near.lower()
    if any(w in low for w in _PROFILE_WORDS) and _PROFILE_ATTACK_BEFORE.search(near):
        return True
    if not _NAMED_ATTACK_AFTER.match(after):
        return False
    return after[:2] in ("'s", "’s") or (bool(_THE_BEFORE.search(before)) and name in _DAY_LEVEL)


# "Coalition forces today confirmed they recently detained two insurgents": the day of the statement, told before
# its verb
_REPORT_AFTER = re.compile(
    r"^\s+(?:said|says|confirmed|confirms|announced|announces|reported|reports|stated|claimed|denied)\b",
    re.IGNORECASE,
)


# "On April 11 the General Staff of the Armed Forces announced that ...", "On Sunday the SDF said they had ...": a
# day, then a named body (capitalised words, or a monitor, state media, officials) and its verb of saying
_BODY = r"(?:[A-Z][\w'’.-]*|of|the|and|for|al-\w+)"
_NAMED_BODY = rf"(?:the\s+)?{_BODY}(?:\s+{_BODY}){{0,9}}"
_MEDIA = r"(?:state\s+)?(?:media|television|tv|news\s+agency)"
_MONITOR = r"(?:the\s+)?(?:monitor|observatory|activists|officials|sources|army|military|ministry|police)"
_SAYS = r"(?:said|says|confirmed|confirms|announced|announces|reported|reports|stated|claimed|denied)\b"
_OPENS = re.compile(r"(?:^|[.;:,]|\band)\s*(?:(?:early|late)\s+)?(?:on\s+)?$", re.IGNORECASE)
_REPORT_AFTER_SAYER = re.compile(rf"^,?\s+(?:{_NAMED_BODY}|{_MEDIA}|{_MONITOR})\s+{_SAYS}")


NEAR_BEFORE = 45  # the words right before a date that say what it is ("said earlier on", "sustained ... on")


def _role(name: str, words: str, before: str, after: str = "") -> str:
    low = before.lower()
    since = ("since" in low or "starting" in low) and _SINCE_BEFORE.search(before)
    if name in _PERIOD_KINDS or since or words[:6].lower() == "since ":
        return "period"
    if _report_before().search(before, max(0, len(before) - NEAR_BEFORE)) or _REPORT_AFTER.match(after):
        return "report"
    if _REPORT_AFTER_SAYER.match(after) and _OPENS.search(before):
        return "report"  # the day opens its sentence or clause: the verb after the body is the main verb
    return "event"


def _since(ed: EventDate, ctx: DateContext) -> EventDate:
    """ "since 16 December", "since yesterday": from that day up to publication."""
    end = ctx.published or ed.end
    if end <= ed.start:
        return ed
    return EventDate(ed.start, end, precision_of(ed.start, end), ed.text, f"since {ed.start}: up to publication",
                     ed.span)  # fmt: skip


def _not_after_publication(ed: EventDate, pub: date | None) -> EventDate:
    """ "in January 2021" read on 24 January ends on the 24th: nothing reported happened after the report."""
    if pub is None or ed.end <= pub or ed.start > pub:
        return ed
    return EventDate(ed.start, pub, precision_of(ed.start, pub), ed.text, ed.reason, ed.span)


DATELINE_WINDOW = 300  # characters from the top of a report where its dateline sits


def is_dateline(mention: DateMention, published: date | None) -> bool:
    """The report's own dateline ("KABUL, Afghanistan (Feb. 8, 2011) —") dates the report, not an event in it."""
    return (
        published is not None
        and mention.kind in EXPLICIT
        and mention.span.start < DATELINE_WINDOW
        and mention.date.start == mention.date.end == published
    )


def _matches(s: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping pattern matches of one sentence, in text order (earlier patterns win overlaps)."""
    words = set(_KEYS.intersection(_WORD.findall(s.lower())))
    if ("1" in s or "20" in s) and _ANY_YEAR.search(s):
        words.add("#year")
        words.update(k for k, hint in (("#iso", _ISO_HINT), ("#numeric", _NUMERIC_HINT)) if hint.search(s))
    if not words:
        return []  # most sentences: no word any pattern needs
    low = s.lower()
    windows: dict[frozenset[str], tuple[int, int]] = {}  # by key set: the month patterns share one
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for n in sorted({n for w in words for n in _BY_KEY[w]}):
        name, rx, keys = PATTERNS[n]
        reach = _REACH.get(name)
        if reach is None or len(low) != len(s):  # (a few characters change length in lower case)
            lo, hi = 0, len(s)
        else:
            if keys not in windows:
                windows[keys] = _key_window(s, low, keys & words, reach)
            lo, hi = windows[keys]
        for m in rx.finditer(s, lo, hi):
            if any(a < m.end() and m.start() < b for a, b, _, _ in found):
                continue  # an earlier (more specific) pattern already read these words
            if _not_a_date(name, m, s):
                continue
            found.append((m.start(), m.end(), name, m))
            if len(found) >= MAX_PER_SENTENCE:
                return sorted(found, key=lambda x: x[0])
    return sorted(found, key=lambda x: x[0])


# How far before its first key word and after its last one a match of these patterns reaches ("early on Monday
# morning", "came a couple of days after"): they are tried only there, the costliest patterns on common words
_REACH: dict[str, tuple[int, int]] = {
    "weekday": (8, 12),
    "offset": (50, 2),
    # "between the 12th and 14th of January", "January 12th through 14th, 2020"
    **{name: (MONTH_REACH, MONTH_REACH) for name, _, keys in _TABLE if keys is _MONTH_KEYS},
}


def _key_window(s: str, low: str, keys: Set[str], reach: tuple[int, int]) -> tuple[int, int]:
    """The part of the sentence between the first and the last occurrence of ``keys`` (as text: a bound on where
    they occur as words), widened by ``reach`` and ending at a word's end."""
    first = min(low.find(k) for k in keys)
    last = max(low.rfind(k) + len(k) for k in keys)
    end = _WORD_END.match(s, min(len(s), last + reach[1])).end()  # type: ignore[union-attr]
    return max(0, first - reach[0]), end


def _not_a_date(name: str, m: re.Match[str], s: str) -> bool:
    """A month name in lower case is a verb ("may", "march"); a number after "Division" names a unit."""
    mon = m.group("mon") if "mon" in m.re.groupindex else None
    if mon is not None and mon[0].islower():
        return True
    words = m.group(0)
    if name.startswith("range") and _AND.search(words) and words[:7].lower() != "between":
        return True  # "On January 16 and 23 people were killed": "and" joins a range only after "between"
    before = s[max(0, m.start() - 20) : m.start()]
    # "Division 17", "Highway 5": a number after a unit's name; words ("the highway on Tuesday") name no unit
    return bool(_CLOCK_BEFORE.search(before)) or (words[0].isdigit() and bool(_UNIT_BEFORE.search(before)))


def _dates_another_thing(before: str, words: str) -> bool:
    """Whether a date is what a first time or a superlative is measured from ("for the first time since 2011":
    "since" before the date's words or opening them), or dates only the loss a recovery undoes ("restore
    positions they lost 20 months ago")."""
    found = _COMPARED_BEFORE.search(before)
    if found is not None and (found.group("since") is not None or words[:6].lower() == "since "):
        return True
    return _LOST_BEFORE.search(before) is not None


def find_dates(text: str, sentence: Span, ctx: DateContext) -> list[DateMention]:
    """Date expressions of one sentence, in text order; updates ``ctx.last`` and campaign anchors as it reads."""
    s = sentence.text
    out: list[DateMention] = []
    if ctx.published is None and not ctx.reference_read:
        from marsad.ingest.dateline import header_reference  # here: only undated reports need ingest's reader

        ctx.reference, ctx.reference_read = header_reference(text[:600]), True
    matches = _matches(s)
    if len(matches) >= MAX_PER_SENTENCE:
        ctx.rejected.append(
            f"sentence at {sentence.start}: more than {MAX_PER_SENTENCE} dates; the rest unread"
        )
    for start, end, name, m in matches:
        span = Span.of(text, sentence.start + start, sentence.start + end)
        try:
            ed = (_explicit if name in EXPLICIT else _relative)(name, m, ctx, span)
        except (ValueError, OverflowError) as err:  # impossible dates, out of range, nothing to count from
            ctx.rejected.append(f"{span.text!r}: {err}")
            continue
        before = s[max(0, start - 80) : start]
        if _dates_another_thing(before, span.text):
            continue  # "for the first time since 2011", "the deadliest attack since 2013": it dates nothing told
        role = _role(name, span.text, before, s[end : end + 120])
        if role == "period" and name not in _PERIOD_KINDS:
            ed = _since(ed, ctx)
        ed = _not_after_publication(ed, ctx.published)
        named = any(w in before.lower() for w in ("campaign", "operation", "offensive"))
        anchor = "campaign" if named and _STARTS.search(before) else None
        if anchor:
            ctx.anchors.setdefault("campaign", ed.start)
        stale = ctx.published is not None and (ctx.published - ed.start).days > STALE_DAYS
        # a stale single day or month is background; a stale period is only when it ends stale too, or says "since"
        background = stale and (role == "period" or (ctx.published - ed.end).days > STALE_DAYS)  # type: ignore[operator]
        # a month or vaguer that ended over a week before the report ("last month", "late December") is older news
        pub = ctx.published
        coarse_old = ed.precision >= 4 and pub is not None and (pub - ed.end).days > RECENT_WEEK
        after = s[end : end + 60]
        credit = bool(_CREDIT_AFTER.match(after))
        named_before = _names_an_attack(name, before, after) or _truce_start(before)
        background = background or coarse_old or named_before or credit
        wounded = _WOUNDED_BEFORE.search(before, max(0, len(before) - NEAR_BEFORE))
        weight = _weight(name, span.text, ed) + bool(wounded)
        age = None if pub is None else (pub - ed.start).days
        mention = DateMention(span, ed, name, anchor, role, weight, background, age)
        if role == "event" and ed.precision <= 3 and not credit:
            ctx.last = ed.start  # the day a picture was taken is no anchor for "a day after"
        out.append(mention)
    return _join_ranges(out, text, ctx) if len(out) > 1 else out


_JOINED = re.compile(r"^\s*(?:-|–|—|to|until|till|through|and)\s*$", re.IGNORECASE)
_RANGE_OPENS = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)


def _join_ranges(out: list[DateMention], text: str, ctx: DateContext) -> list[DateMention]:
    """ "from 28 December to 3 January", "between 16 January and 3 February": two stated days, one range."""
    joined: list[DateMention] = []
    for d in out:
        prev = joined[-1] if joined else None
        between = text[prev.span.end : d.span.start] if prev else ""
        if (
            prev is not None
            and prev.kind in _DAY_LEVEL
            and d.kind in _DAY_LEVEL
            and _JOINED.match(between)
            and _RANGE_OPENS.search(text[max(0, prev.span.start - 12) : prev.span.start])
            and prev.date.start <= d.date.end
        ):
            span = Span.of(text, prev.span.start, d.span.end)
            why = f"date range: {prev.date.reason}; {d.date.reason}"
            ed = _ed(prev.date.start, d.date.end, span.text, why, span)
            joined[-1] = replace(prev, span=span, date=ed, kind="range")
            continue
        joined.append(d)
    return joined


def best(mentions: list[DateMention]) -> DateMention | None:
    """The mention that dates what a sentence tells: the heaviest, the first among equals."""
    top: DateMention | None = None
    for d in mentions:
        if top is None or d.weight > top.weight:
            top = d
    return top
