"""Kinds of actor named by common words, and who acted on whom around a verb.

Reports often name actors by a common noun rather than a name ("army units recaptured", "gunmen attacked a market",
"police fired tear gas at protesters"), and the event type turns on the kind of actor: territory taken by state
forces is regained, by anyone else overtaken; an attack on civilians is violence against civilians, on soldiers a
battle. The words live in ``data/actor_classes.csv``; :func:`parties` reads the kind of the agent and of the target
of one verb in a sentence: the agent of a passive ("captured by rebels"), else the nearest kind before the verb; the
target after the verb, else the subject of a passive ("soldiers were attacked").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from marsad.actors.prefix import PREFIX, Finder, folded, prefix_finder, starts_of, word_starts

KINDS = ("state", "armed", "crowd", "civilian", "military")
# ACLED inter codes: 1 state forces, 8 external (foreign state) forces, 2-4 rebels and militias, 5 rioters,
# 6 protesters, 7 civilians
_INTER_KIND = {
    1: "state",
    8: "state",
    2: "armed",
    3: "armed",
    4: "armed",
    5: "crowd",
    6: "crowd",
    7: "civilian",
}
UNARMED = frozenset({"civilian", "crowd"})
COMBATANT = frozenset({"state", "armed", "military"})

# How far around the verb a kind is read: the subject of a news lead sits within a dozen words before its verb
AGENT_REACH = 100
TARGET_REACH = 80
# lower case only: "IS militants attacked" is the Islamic State, not a passive
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|got|get)\s+(?:\w+\s+)?$")
_BY_AFTER = re.compile(r"^\W*(?:\w+\W+){0,4}?by\s+(?:the\s+|an?\s+)?", re.IGNORECASE)
# "died under torture in regime prisons", "in ISIS jails": a side that holds the prison where it happened names
# the place, not the one acted on
_HELD_IN = re.compile(
    r"['’]?s?\s+(?:(?:prisons?|jails?|dungeons?|cells?|custody|captivity)\b|detention\s+(?:centres?|centers?|facilit))",
    re.IGNORECASE,
)
# a kind right after these words is not the subject of a later verb ("retook the town from government forces")
_NOT_SUBJECT = re.compile(r"\b(?:from|against|on|by|of|with|at|to|into|for|near)\s+(?:the\s+|an?\s+)?$", re.I)
# "A member of the regime forces was killed", "Two of the gunmen fled": the group a subject is part of is the
# subject's kind, though "of" stands before it
_PART_OF = re.compile(
    r"\b(?:members?|elements?|fighters?|soldiers?|personnel|officers?|commanders?|leaders?|one|two|three|some|"
    r"several|many|dozens|tens|hundreds|\d+)\s+of\s+(?:the\s+|an?\s+)?$",
    re.I,
)
_PROGRESSIVE = re.compile(r"\w+ing\b", re.IGNORECASE)
_JOINED_SUBJECT = re.compile(r",?\s+and\s+(?:the\s+)?", re.IGNORECASE)
_AND_BEFORE = re.compile(r"\band\s+(?:then\s+|later\s+|also\s+)?$", re.IGNORECASE)
_ANTI = re.compile(r"\banti[- ]?$", re.IGNORECASE)
# "U.S.-backed Syrian forces" are no state's forces: who they are is the actor dictionary's to say
_BACKED = re.compile(r"[\w.]-backed\s+$", re.IGNORECASE)
_WORD_START = re.compile(r"\b\w")


@dataclass(frozen=True, slots=True)
class KindHit:
    """Words ``text[start:end]`` that name an actor of one kind."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Parties:
    """Kinds of who acted and who was acted on, None when the sentence does not say."""

    agent: str | None = None
    target: str | None = None
    passive: bool = False


@dataclass(frozen=True, slots=True)
class _Row:
    kind: str
    pattern: re.Pattern[str]
    starts: frozenset[str] | None  # see marsad.actors.prefix
    # the pattern made case-sensitive, for the lower-cased form of an ASCII sentence (None: a row that cannot be
    # so written, such as an acronym's): the engine then folds no case at each character it compares
    lower: re.Pattern[str] | None


class _Table(NamedTuple):
    """The rows; which rows may match at a word beginning with a given prefix; the regex that finds those words
    (see marsad.actors.prefix); and, for the rows without prefixes, a regex that finds every place they match."""

    rows: tuple[_Row, ...]
    by_prefix: dict[str, tuple[int, ...]]
    finder: Finder
    always: tuple[tuple[int, re.Pattern[str]], ...]


# Rows of acronyms ("IS", "SDF") have prefixes of two letters. Without them such a row would be searched at every
# character of every sentence (a quarter of the table's cost); with them it is tried at the few words that begin
# so ("is" included: the row, case-sensitive, turns it down at once)
ROW_SHORTEST = 2


@cache
def _table() -> _Table:
    compiled = [(k, p, re.compile(rf"\b(?:{p})", re.IGNORECASE)) for k, p in class_rows()]
    rows = tuple(_Row(k, c, starts_of(p, shortest=ROW_SHORTEST), folded(c)) for k, p, c in compiled)
    index: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        for prefix in row.starts or ():
            index.setdefault(prefix, []).append(i)
    always = tuple(
        (i, re.compile(f"(?={row.pattern.pattern})", row.pattern.flags))
        for i, row in enumerate(rows)
        if row.starts is None
    )
    return _Table(rows, {p: tuple(ks) for p, ks in index.items()}, prefix_finder(index), always)


def class_rows() -> list[tuple[str, str]]:
    """The (class, pattern) rows of the data file, in file order."""
    text = resources.files("marsad.actors").joinpath("data", "actor_classes.csv").read_text("utf-8")
    rows = csv.DictReader(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return [(row["class"], row["pattern"]) for row in rows]


@lru_cache(maxsize=8192)
def kinds_in(text: str) -> tuple[KindHit, ...]:
    """Every actor kind named in ``text``, in text order ("anti-government protesters" name no state). At each
    word the first row (file order) that matches wins and the search goes on after it, as one alternation of all
    rows would read; rows are tried only at words that begin with one of their prefixes."""
    rows, _, finder, always = _table()
    low = text.lower()
    places = [(at, _rows_at(low[at : at + PREFIX])) for at in word_starts(low, finder)]
    if always:
        places = _with_always(places, text, low, always)
    out: list[KindHit] = []
    end = 0
    ascii_text = text.isascii()
    for at, tried in places:
        if at < end:
            continue
        for i in tried:
            row = rows[i]
            if ascii_text and row.lower is not None:
                m = row.lower.match(low, at)
            else:
                m = row.pattern.match(text, at)
            if m is None:
                continue
            end = m.end()
            if not _qualified_away(row.kind, text, at):
                out.append(KindHit(row.kind, at, m.end()))
            break
    return tuple(out)


def _qualified_away(kind: str, text: str, at: int) -> bool:
    """Whether the words before a kind say it is not that kind: "anti-government protesters" name no state,
    "U.S.-backed Syrian forces" no state's forces."""
    if _ANTI.search(text, max(0, at - 6), at):
        return True
    return kind == "state" and _BACKED.search(text, max(0, at - 9), at) is not None


def _with_always(
    places: list[tuple[int, tuple[int, ...]]],
    text: str,
    low: str,
    always: tuple[tuple[int, re.Pattern[str]], ...],
) -> list[tuple[int, tuple[int, ...]]]:
    """``places`` with the rows that have no prefixes added where they match, at a word start as the others
    are; in text order, each place's rows in file order."""
    merged: dict[int, set[int]] = {at: set(rows) for at, rows in places}
    for i, anywhere in always:
        for found in anywhere.finditer(text):
            if _WORD_START.match(low, found.start()):
                merged.setdefault(found.start(), set()).add(i)
    return [(at, tuple(sorted(merged[at]))) for at in sorted(merged)]


@lru_cache(maxsize=16384)
def _rows_at(head: str) -> tuple[int, ...]:
    """The rows that may match at a word beginning with ``head`` (its first PREFIX characters), each once and in
    file order (the first that matches wins): words repeat, so each beginning is looked up once."""
    index = _table().by_prefix
    return tuple(sorted({i for n in range(ROW_SHORTEST, PREFIX + 1) for i in index.get(head[:n], ())}))


def kind_of_inter(inter: int | None) -> str | None:
    """The kind of an ACLED inter code."""
    return _INTER_KIND.get(inter) if inter is not None else None


def parties(text: str, start: int, end: int) -> Parties:
    """Kinds of the agent and the target of the verb at ``text[start:end]`` (``text`` is one sentence)."""
    hits = kinds_in(text)
    # "soldiers were attacked"; not "ISIS is again advancing" (a progressive: the subject acts)
    passive = bool(_PASSIVE_BEFORE.search(text, max(0, start - 30), start)) and not _PROGRESSIVE.match(
        text, start
    )
    by = _BY_AFTER.match(text[end : end + 40])
    agent = _after(hits, end + by.end(), 12) if by else None
    before = _before(hits, text, start)
    if passive:
        # "soldiers were attacked (by gunmen)": the subject was acted on
        return Parties(agent, before.kind if before else None, True)
    if agent is None and _AND_BEFORE.search(text, max(0, start - 16), start):
        # "ISIS takes the regime forces by surprise and advances": a verb after "and" shares the first verb's
        # subject; the kind nearest before it is that verb's object
        before = _first_subject(hits, text, start) or before
    if agent is None and before is not None:
        agent = before.kind
    # the object follows the verb; an agent phrase ("by ISIS") after it is not the object
    agent_at = end + by.start() if by else None
    target = next(
        (
            h.kind
            for h in hits
            if end <= h.start <= end + TARGET_REACH
            and (agent_at is None or h.start < agent_at)
            and not _HELD_IN.match(text, h.end)
        ),
        None,
    )
    return Parties(agent, target, False)


def _not_subject(text: str, start: int) -> bool:
    """Whether a preposition before the words at ``start`` makes them no verb's subject (but "members of")."""
    return bool(_NOT_SUBJECT.search(text, max(0, start - 14), start)) and not _PART_OF.search(
        text, max(0, start - 28), start
    )


def _after(hits: tuple[KindHit, ...], offset: int, reach: int) -> str | None:
    return next((h.kind for h in hits if offset <= h.start <= offset + reach), None)


def _first_subject(hits: tuple[KindHit, ...], text: str, start: int) -> KindHit | None:
    """The first kind of the sentence, before ``start``, that could be a verb's subject."""
    for h in hits:
        if h.end > start or start - h.end > AGENT_REACH:
            continue
        if not _not_subject(text, h.start):
            return h
    return None


def _before(hits: tuple[KindHit, ...], text: str, start: int) -> KindHit | None:
    """The nearest kind ending before ``start`` that could be the verb's subject; of subjects joined by "and"
    ("Regime forces and militiamen loyal to them recapture"), the first, who leads."""
    for i in range(len(hits) - 1, -1, -1):
        h = hits[i]
        if h.end > start or start - h.end > AGENT_REACH:
            continue
        if _not_subject(text, h.start):
            continue
        while (
            i > 0
            and _JOINED_SUBJECT.fullmatch(text, hits[i - 1].end, hits[i].start)
            and not _not_subject(text, hits[i - 1].start)
        ):
            i -= 1
        return hits[i]
    return None
