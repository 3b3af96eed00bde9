"""Counts of people as written in reports: digits, Arabic-Indic digits, number words, vague quantifiers, qualifiers.

``parse_count`` reads one count expression and returns a ``Count`` (low, best, high). The vague-word values live in
``data/quantities.csv`` and are explained in docs/casualties.md (where marsad differs from ACLED and why).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Anything above this is not stored as fact: the figure is flagged for review (absurd inputs such as "999999999").
MAX_PLAUSIBLE = 100_000

UNITS = {
    "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000}
ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass(frozen=True, slots=True)
class Count:
    low: int
    best: int
    high: int
    vague: bool = False

    def clamp(self) -> Count:
        """Keep low <= best <= high whatever the qualifier did."""
        low = min(self.low, self.best)
        high = max(self.high, self.best)
        return Count(low, self.best, high, self.vague)


@cache
def vague_quantities() -> dict[str, Count]:
    """Vague words ("several", "dozens") and their low/best/high, from data/quantities.csv."""
    text = resources.files("marsad.extract").joinpath("data/quantities.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {r["phrase"]: Count(int(r["low"]), int(r["best"]), int(r["high"]), vague=True) for r in rows}


def _word_number(words: list[str]) -> int | None:
    """'twenty-one' -> 21, 'one hundred and five' -> 105, 'a hundred' -> 100; None when not a number word run."""
    total, current, seen = 0, 0, False
    for w in words:
        if w in ("and", "a") and seen:
            continue
        if w == "a":
            current, seen = 1, True
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES:
            current = max(current, 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


# Digit strings are read up to 40 digits so that absurd counts can be flagged for review (see MAX_PLAUSIBLE) instead of
# vanishing; anything longer is not a number anyone wrote as a count.
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d{1,40}$")


def parse_number(token: str) -> int | None:
    """One number: '1,200', '١٢', '12', 'twelve', 'twenty-one', 'a dozen'. None when it is not one."""
    t = token.strip().lower().translate(ARABIC_INDIC)
    if len(t) > 80:
        return None
    if _DIGITS.match(t):
        return int(t.replace(",", ""))
    if t in ("a dozen", "dozen"):
        return 12
    if t.endswith(" dozen") and (n := parse_number(t[:-6])) is not None and n < 100:
        return 12 * n  # "two dozen"
    if t in ("a couple of", "a couple", "couple of", "a pair of", "a pair"):
        return 2
    words = re.split(r"[\s\-]+", t)
    if len(words) > 12:  # no real count needs more words; bounds the work on adversarial input
        return None
    return _word_number(words)


# qualifier -> how it moves low/high around the stated number N
def apply_qualifier(qualifier: str, n: int) -> Count:
    q = " ".join(qualifier.lower().split())
    if q in ("at least", "no fewer than", "no less than", "a minimum of", "not less than"):
        return Count(n, n, max(n, round(n * 1.5)))
    if q in ("more than", "over", "upwards of", "in excess of", "above"):
        return Count(n + 1, n + 1, max(n + 1, round(n * 1.5)))
    if q in ("up to", "as many as", "at most", "no more than"):
        return Count(0 if n <= 1 else 1, n, n)
    if q in ("nearly", "almost", "just under", "close to"):
        return Count(max(0, round(n * 0.8)), n, n)
    if q in ("about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "circa"):
        return Count(max(0, round(n * 0.8)), n, round(n * 1.2))
    return Count(n, n, n)


QUALIFIERS = (
    "at least", "no fewer than", "no less than", "not less than", "a minimum of", "more than", "over", "upwards of",
    "in excess of", "above", "up to", "as many as", "at most", "no more than", "nearly", "almost", "just under",
    "close to", "about", "around", "approximately", "roughly", "an estimated", "estimated", "some",
)  # fmt: skip


_RANGE = re.compile(r"(between )?(.+?)( to | and |\s?[-–]\s?| or )(.+)")


def _range(t: str) -> Count | None:
    """'3-5', 'eight to 12', 'two or three', 'between 5 and 8': low is the first number, best the conservative end.
    A compound number word ('twenty-one', 'one hundred and five') is never a range."""
    m = _RANGE.fullmatch(t)
    if not m or (m.group(3) == " and " and not m.group(1)):
        return None
    if m.group(3).strip() in "-–" and not (_DIGITS.match(m.group(2)) and _DIGITS.match(m.group(4))):
        return None  # "twenty-one thousand" is a number, not 20 to 1000
    lo, hi = parse_number(m.group(2)), parse_number(m.group(4))
    if lo is None or hi is None or lo >= hi:
        return None
    return Count(lo, lo, hi)


def parse_count(expr: str) -> Count | None:
    """A full count expression: '[qualifier] N', 'N to M', 'N-M', 'between N and M', or a vague quantifier."""
    t = " ".join(expr.lower().translate(ARABIC_INDIC).split())
    if len(t) > 80:
        return None
    vague = vague_quantities()
    if t in vague:
        return vague[t]
    ranged = _range(t)
    if ranged is not None:
        return ranged
    for q in QUALIFIERS:
        if t.startswith(q + " "):
            rest = t[len(q) + 1 :]
            n = parse_number(rest)
            if n is not None:
                return apply_qualifier(q, n).clamp()
            if rest in vague:
                return vague[rest]
    n = parse_number(t)
    return None if n is None else Count(n, n, n)


@cache
def count_pattern() -> re.Pattern[str]:
    """A regex for one count expression as ``parse_count`` reads it, to be matched where a noun phrase starts.

    Bounded: no nested unbounded repeats, number-word runs of at most six words, digits of at most 40."""
    # "no" is a number word for the parser but never a count here: "no casualties" is a negation
    words = "|".join(sorted([*(u for u in UNITS if u != "no"), *TENS, *SCALES], key=len, reverse=True))
    word_run = rf"(?:{words})(?:[\s-]+(?:and\s+)?(?:{words})){{0,5}}"
    num = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,40}}|[٠-٩۰-۹]{{1,12}}|{word_run}(?:\s+dozen)?|a\s+dozen|a\s+couple\s+of|a\s+couple)"
    qual = alternation(QUALIFIERS)
    vague = alternation(list(vague_quantities()))
    count = (
        rf"(?:between\s+{num}\s+and\s+{num}|(?:(?:{qual})\s+)?(?:{num}(?:\s*(?:-|–|to|or)\s*{num})?|{vague})"
        rf"|{vague})"
    )
    return re.compile(rf"(?<![\w.,/:-]){count}(?![\w/:]|[.,]\d)", re.IGNORECASE)


def alternation(words: Sequence[str]) -> str:
    """A regex alternation of words or phrases (any run of spaces between their words)."""
    # longest first, so "a number of" wins over "a"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def number_to_words(n: int) -> str:
    """English words for 0..999,999 ('twenty-one'); used by property tests of the parser's round trip."""
    small = {v: k for k, v in UNITS.items() if k != "no"}
    tens = {v: k for k, v in TENS.items()}
    if n < 20:
        return small[n]
    if n < 100:
        return tens[n - n % 10] + ("" if n % 10 == 0 else "-" + small[n % 10])
    if n < 1000:
        rest = n % 100
        return small[n // 100] + " hundred" + ("" if rest == 0 else " and " + number_to_words(rest))
    rest = n % 1000
    return number_to_words(n // 1000) + " thousand" + ("" if rest == 0 else " " + number_to_words(rest))


_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# A number right after these is a name, an age, a date or a measure, not a count of people.
_NOT_COUNT_BEFORE = re.compile(
    rf"(?:\b(?:division|brigade|corps|regiment|battalion|squadron|no\.|number|aged|age|ages|resolution|route|highway|road|km|kilometre|kilometer|unit|sector|camp|article|{_MONTHS})\s*$|aged\s+\d+\s*(?:and|to|-)\s*$|#\s*$)",
    re.IGNORECASE,
)
_NOT_COUNT_AFTER = re.compile(
    rf"^(?:\s*-?\s*(?:year|month|week|day)s?[\s-]old|\s*(?:st|nd|rd|th)\b|\s*{_MONTHS}(?:\s|$)|\s*%|\s*(?:am|pm|a\.m\.|p\.m\.)\b|[:/]\d)",
    re.IGNORECASE,
)


# "since the beginning of 2023, 83 people were killed": a year after its preposition, ending its phrase
_YEAR = re.compile(r"(?:1[89]|20)[0-9]{2}")
_YEAR_BEFORE = re.compile(
    r"\b(?:of|in|since|until|till|from|during|early|late|mid|year)\s*-?\s*$", re.IGNORECASE
)
_YEAR_AFTER = re.compile(r"\s*(?:[,.;:)]|$)")
# "AFP 2018 DELIL SOULEIMAN": the year of a photo credit, which pages run into the text next to the headlines of
# other stories ("... US Service Member Dies")
_CREDIT_BEFORE = re.compile(
    r"(?:©|\b(?:AFP|AP|EPA|Reuters|REUTERS|Sputnik|Getty Images|Anadolu|SANA))\s*/?\s*$"
)


def not_a_count(s: str, start: int, end: int) -> bool:
    """Whether the number at ``s[start:end]`` is an age, a date, a time, a unit's name or a measure (not a count)."""
    year = _YEAR.fullmatch(s, start, end) and _YEAR_BEFORE.search(s[max(0, start - 12) : start])
    if year and _YEAR_AFTER.match(s, end):
        return True
    if _YEAR.fullmatch(s, start, end) and _CREDIT_BEFORE.search(s[max(0, start - 16) : start]):
        return True
    return bool(
        _NOT_COUNT_BEFORE.search(s[max(0, start - 24) : start]) or _NOT_COUNT_AFTER.match(s[end : end + 16])
    )
