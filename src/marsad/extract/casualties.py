"""Casualty stage: every statement of people killed, injured, captured, abducted or missing in a sentence.

A figure is a count expression tied to a harm word, in one of two shapes:
  after:  "<count> [victims] [were|have been ...] <harm word>"     ("12 regime soldiers were killed and injured")
  before: "<harm word> <count> [victims]"                          ("killing two insurgents", "ISIS lost 17 members")
Combined words ("killed and wounded", "casualties") give one unsplit ``killed_or_injured`` figure; "X killed and Y
wounded" gives two. Counts of things (airstrikes, shells, days), ages, unit names and dates never become figures.
Every regex here is bounded (no nested unbounded repeats), so a 10 kB adversarial string finishes in milliseconds.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol

from marsad.extract.numbers import MAX_PLAUSIBLE, TENS, UNITS, Count, parse_count, vague_quantities
from marsad.records import Actor, Figure, Span


class Mention(Protocol):
    """An actor mention as the actor stage gives it (span + resolved actor)."""

    span: Span
    actor: Actor


def _read_lines(name: str) -> list[str]:
    text = resources.files("marsad.extract").joinpath(f"data/{name}").read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _alternation(words: Sequence[str]) -> str:
    # longest first so "lost their lives" wins over "lost"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    after: dict[str, str]
    before: dict[str, str]
    count_re: re.Pattern[str]
    after_re: re.Pattern[str]
    before_re: re.Pattern[str]
    harm_re: re.Pattern[str]
    not_people: frozenset[str]
    victims: frozenset[str]


@cache
def lexicon() -> Lexicon:
    rows = list(csv.DictReader(_read_lines("harm_words.csv")))
    after = {r["word"]: r["kind"] for r in rows if r["position"] in ("after", "both")}
    before = {r["word"]: r["kind"] for r in rows if r["position"] in ("before", "both")}
    # "no" is a number word for the parser but never a count here: "no casualties" is a negation (see _NEGATION)
    words = "|".join(
        sorted([*(u for u in UNITS if u != "no"), *TENS, "hundred", "thousand"], key=len, reverse=True)
    )
    word_run = rf"(?:{words})(?:[\s-]+(?:and\s+)?(?:{words})){{0,5}}"
    num = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,40}}|[٠-٩۰-۹]{{1,12}}|{word_run}|a\s+dozen|a\s+couple\s+of)"
    qual = r"(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|more\s+than|over|up\s+to|as\s+many\s+as|nearly|almost|about|around|approximately|roughly|an\s+estimated|some|close\s+to)"
    vague = _alternation([v for v in vague_quantities() if v not in ("some", "a dozen")])
    count = (
        rf"(?:between\s+{num}\s+and\s+{num}|(?:{qual}\s+)?{num}(?:\s*(?:-|–|to|or)\s*{num})?|{vague}"
        rf"|(?:a|an|the|his|her|their)(?=\s))"
    )
    aux = r"(?:were|was|have|has|had|been|being|are|is|got|reportedly|also|all|later|subsequently|allegedly|both|each|either|mostly)"
    after_re = re.compile(
        rf"(?P<victims>(?:\s+(?!{aux}\b)[\w'’\-]+,?){{0,8}}?)\s+(?:{aux}\s+){{0,3}}(?P<verb>{_alternation(list(after))})\b",
        re.IGNORECASE,
    )
    before_re = re.compile(
        rf"\b(?P<verb>{_alternation(list(before))})(?P<and>\s+(?:and|or)\s+(?:injuring|wounding|injured|wounded))?\s+$",
        re.IGNORECASE,
    )
    return Lexicon(
        after=after,
        before=before,
        count_re=re.compile(rf"(?<![\w.,/:-]){count}(?![\w/:])", re.IGNORECASE),
        after_re=after_re,
        harm_re=re.compile(rf"\b(?:{_alternation([*after, *before, 'toll'])})\b", re.IGNORECASE),
        before_re=before_re,
        not_people=frozenset(_read_lines("not_people.txt")),
        victims=frozenset(_read_lines("victim_nouns.txt")),
    )


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
_TOLL = re.compile(
    r"\b(?:death|casualty|the)\s+toll\b[^.;]{0,50}?\b(?:to|at|reached|hit)\s+(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
_SUBCOUNT = re.compile(
    r"\b(?:including|includes|among\s+them|among\s+whom|of\s+whom|of\s+them|among\s+the\s+dead)\s*$", re.I
)
_COMBINED_AFTER = re.compile(
    r"^\s*(?:and|or|/)\s*(?:injured|wounded|hurt|injuring|wounding)\b", re.IGNORECASE
)
_CLAIM = re.compile(
    r"\b(?:claim(?:ed|s|ing)?|unconfirmed|allegedly|said\s+it\s+(?:had\s+)?killed)\b", re.IGNORECASE
)
_NEGATION = re.compile(
    r"\b(?:(?:no|without)\s+(?:(?:immediate|reported|civilian|human|other|further)\s+){0,2}(?P<noun>casualties|injuries|deaths|fatalities|losses)"
    r"|(?:no\s+one|nobody|no\s+civilians?|no\s+soldiers?|no\s+people)\s+(?:was|were|had\s+been|has\s+been)\s+(?:reported\s+)?(?P<verb>killed|hurt|injured|wounded|harmed))\b",
    re.IGNORECASE,
)
_CLAUSE_AFTER_AND = re.compile(
    r"\s+(?:\d|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|a\b|an\b|several\b|dozens\b|"
    r"wound\w*|injur\w*|kill\w*|detain\w*|arrest\w*|captur\w*|abduct\w*|kidnap\w*)",
    re.IGNORECASE,
)
_STOP = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "near",
        "as",
        "while",
        "after",
        "when",
        "who",
        "which",
        "that",
        "from",
        "with",
        "by",
        "into",
        "across",
        "for",
        "since",
        "before",
    ]
)
_ARTICLES = frozenset(("a", "an", "the", "his", "her", "their"))


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: str
    count: Count
    start: int
    end: int
    victims: str
    victims_start: int
    mode: str  # after | before | continuation


def _words(s: str) -> list[str]:
    return re.findall(r"[\w'’\-]+", s.lower())


def _is_people(victims: str, lex: Lexicon, actor_in_span: bool) -> bool:
    words = _words(victims)
    if not words:
        return True
    if words[0] in lex.not_people or " ".join(words[:2]) in lex.not_people:
        return False
    return actor_in_span or any(w in lex.victims for w in words)


def _count_of(expr: str) -> Count | None:
    e = expr.lower()
    if e in _ARTICLES:
        return Count(1, 1, 1)
    return parse_count(e)


def _skip_number(sentence: str, m: re.Match[str]) -> bool:
    before = sentence[max(0, m.start() - 24) : m.start()]
    return bool(_NOT_COUNT_BEFORE.search(before) or _NOT_COUNT_AFTER.match(sentence[m.end() : m.end() + 16]))


def _victims_before_mode(sentence: str, pos: int) -> tuple[str, int]:
    """Victim words after a count in 'killing 12 civilians in ...': up to 6 words, stopping at a clause word."""
    out_end = pos
    for n, w in enumerate(re.finditer(r"\s*([\w'’\-]+)", sentence[pos : pos + 120])):
        word = w.group(1).lower()
        if n >= 6 or word in _STOP or word in lexicon().after:
            break
        if word in ("and", "or") and _CLAUSE_AFTER_AND.match(sentence, pos + w.end()):
            break  # "killed 3 soldiers and 2 civilians", "killed 3 and wounded 5": a new figure follows
        out_end = pos + w.end()
        if sentence[out_end : out_end + 1] in ",.;:":
            break
    return sentence[pos:out_end], pos


_PLURAL_WITHOUT_S = frozenset(("people", "men", "women", "children", "police", "personnel", "troops", "dead"))


def _singular(victims: str, lex: Lexicon) -> bool:
    """'a child', 'the Taliban commander' name one person; 'the soldiers' does not."""
    nouns = [w for w in _words(victims) if w in lex.victims]
    return bool(nouns) and not (nouns[0].endswith("s") or nouns[0] in _PLURAL_WITHOUT_S)


def _harm_near(harms: list[int], lo: int, hi: int) -> bool:
    i = bisect_left(harms, lo)
    return i < len(harms) and harms[i] <= hi


def _match_hit(
    sentence: str, m: re.Match[str], lex: Lexicon, prev: _Hit | None, harms: list[int]
) -> _Hit | None:
    # cheap guard first: a harm word must be near, or no pattern can match (keeps adversarial input linear)
    near_after = _harm_near(harms, m.end(), m.end() + 160)
    near_before = _harm_near(harms, max(0, m.start() - 80), m.start())
    follows = prev is not None and prev.mode != "after" and 0 <= m.start() - prev.end <= 8
    if not (near_after or near_before or follows):
        return None
    expr = m.group(0)
    count = _count_of(expr)
    if count is None or _skip_number(sentence, m):
        return None
    article = expr.lower() in _ARTICLES
    window = sentence[max(0, m.start() - 80) : m.start()]
    toll = _TOLL.search(window)
    if toll:  # "the death toll rose to 20": the event's whole toll so far, which replaces earlier figures
        return _Hit("killed", count, m.start() - len(window) + toll.start(), m.end(), "", m.end(), "toll")
    # "<harm word> <count>" is read first: in "killed three civilians and wounded seven" the count belongs to
    # "killed", not to the "wounded" that follows its victims
    b = lex.before_re.search(window) if near_before else None
    victims, vstart = _victims_before_mode(sentence, m.end()) if b or follows else ("", m.end())
    if b and not (article and not _singular(victims, lex)):
        kind = lex.before[" ".join(b.group("verb").lower().split())]
        if b.group("and") and kind == "killed":
            kind = "killed_or_injured"
        return _Hit(
            kind, count, m.start() - len(window) + b.start(), vstart + len(victims), victims, vstart, "before"
        )
    a = lex.after_re.match(sentence, m.end()) if near_after else None
    if a and article and not _singular(a.group("victims"), lex):
        a = None
    if a:
        verb = a.group("verb").lower()
        kind = lex.after[" ".join(verb.split())]
        end = a.end()
        combined = _COMBINED_AFTER.match(sentence[end : end + 20])
        if kind == "killed" and combined:
            kind, end = "killed_or_injured", end + combined.end()
        return _Hit(kind, count, m.start(), end, a.group("victims"), m.end(), "after")
    if not follows or (article and not _singular(victims, lex)):
        return None
    if prev and re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?", sentence[prev.end : m.start()]):
        return _Hit(prev.kind, count, m.start(), vstart + len(victims), victims, vstart, "continuation")
    return None


def _victim_side(hit: _Hit, base: int, sentence: str, mentions: Sequence[Mention]) -> tuple[str | None, bool]:
    """(side, an actor named in the victim words). Several actors named: the most named side, state forces first."""
    lo, hi = base + hit.victims_start, base + hit.victims_start + len(hit.victims)
    inside = [mt.actor for mt in mentions if lo <= mt.span.start and mt.span.end <= hi]
    if not inside and hit.mode == "before" and hit.victims.strip().lower() in ("members", "fighters", "men"):
        # "ISIS lost 17 members": the victims belong to the subject named before the verb
        earlier = [mt.actor for mt in mentions if mt.span.end <= base + hit.start]
        inside = earlier[-1:]
    sides = [a.side for a in inside if a.side]
    if not sides:
        return None, bool(inside)
    best = max(sides, key=lambda s: (sides.count(s), any(a.inter == 1 for a in inside if a.side == s)))
    return best, True


def _flags(
    sentence: str, hit: _Hit, count: Count, mentions: Sequence[Mention], base: int
) -> tuple[tuple[str, ...], str | None]:
    flags: list[str] = []
    if count.vague:
        flags.append("vague")
    if _SUBCOUNT.search(sentence[max(0, hit.start - 20) : hit.start]):
        flags.append("subcount")
    if count.best > MAX_PLAUSIBLE:
        flags.append("review")
    if hit.mode == "toll":
        flags.append("revision")
    claimant = None
    claim = _CLAIM.search(sentence[: hit.start])
    if claim:
        flags.append("claim")
        before = [mt.actor for mt in mentions if mt.span.end <= base + claim.start()]
        claimant = before[-1].name if before else None
    return tuple(flags), claimant


def _negations(text: str, sentence: Span) -> list[Figure]:
    out: list[Figure] = []
    for m in _NEGATION.finditer(sentence.text):
        word = (m.group("noun") or m.group("verb") or "").lower()
        kinds = ("killed",) if word in ("killed", "deaths", "fatalities") else ("killed", "injured")
        if word in ("injuries", "hurt", "injured", "wounded"):
            kinds = ("injured",)
        span = Span.of(text, sentence.start + m.start(), sentence.start + m.end())
        out.extend(Figure(k, 0, 0, 0, span, flags=("negated",)) for k in kinds)
    return out


def find_figures(text: str, sentence: Span, mentions: Sequence[Mention] = ()) -> list[Figure]:
    """Figures stated in one sentence of ``text``; spans point into ``text``."""
    lex = lexicon()
    s = sentence.text
    figures = _negations(text, sentence)
    prev: _Hit | None = None
    taken_to = -1
    harms = [h.start() for h in lex.harm_re.finditer(s)]
    if not harms:
        return figures
    negated = [(f.span.start - sentence.start, f.span.end - sentence.start) for f in figures]
    for m in lex.count_re.finditer(s):
        if any(a <= m.start() < b for a, b in negated):
            continue  # the "one" of "no one was hurt" is not a count
        if m.start() < taken_to and (prev is None or prev.mode != "after"):
            continue
        hit = _match_hit(s, m, lex, prev, harms)
        if hit is None:
            continue
        side, actor_named = _victim_side(hit, sentence.start, s, mentions)
        if not _is_people(hit.victims, lex, actor_named):
            continue
        count = _count_of(m.group(0))
        assert count is not None  # _match_hit parsed it already
        flags, claimant = _flags(s, hit, count, mentions, sentence.start)
        if "review" in flags:
            count = Count(count.low, count.best, count.high)
        span = Span.of(text, sentence.start + hit.start, sentence.start + hit.end)
        who = " ".join(hit.victims.strip(" ,").split()) or None
        figures.append(Figure(hit.kind, count.low, count.best, count.high, span, who, side, flags, claimant))
        prev, taken_to = hit, hit.end
    return figures
