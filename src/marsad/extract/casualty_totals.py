"""Running totals in a sentence: a count that replaces the figures told before it ("the death toll rose to 20"), told
by the toll ("the death toll ... to 20"), by its count first ("This brings to 97 the number of people killed") or by
its people first ("the number of regime soldiers killed in the desert since the beginning of 2023 has risen to
83"). Read for ``casualties.find_figures`` over its tokens; every pattern is bounded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from marsad.extract.numbers import Count


class _Token(Protocol):
    @property
    def end(self) -> int: ...


class _Lexicon(Protocol):
    @property
    def harm(self) -> dict[str, tuple[str, str]]: ...

    @property
    def harm_re(self) -> re.Pattern[str]: ...


class Reader(Protocol):
    """What casualties' sentence reader offers: the sentence, its tokens by start offset, the count at a token."""

    @property
    def s(self) -> str: ...

    @property
    def by_start(self) -> dict[int, int]: ...

    @property
    def lex(self) -> _Lexicon: ...

    @property
    def toks(self) -> Sequence[_Token]: ...

    def count_at(self, i: int) -> tuple[Count, int] | None: ...


class RunningTotal(NamedTuple):
    kind: str
    amount: Count
    start: int  # tokens of the count [start, end)
    end: int
    who_start: (
        int  # tokens of the people it counts [who_start, who_end), ending at its harm word (empty: none)
    )
    who_end: int


TOLL = re.compile(
    r"\b(?:death|casualty|the)\s+toll\b(?:[^.;]{0,50}?\b(?:to|at|reached|hit|stands\s+at|stood\s+at)"
    # ... or told at length before a verb of rising: "The death toll of the attack launched by ISIS cells yesterday
    # on positions of the NDF near al-Sukhnah city in the eastern desert of Homs has risen to 9"
    r"|[^.;]{0,250}?\b(?:risen|rose|rises|climbed|increased|jumped|grown|grew)\s+to)\s+"
    r"(?:about\s+|around\s+)?",
    re.IGNORECASE,
)
# A running total told by its count: "This brings to 97 the number of people killed", "raising to 15 the death toll"
_TO_THE_TOTAL = re.compile(
    r"\b(?:brings?|brought|bringing|raises?|raised|raising|takes|took|taking|pushe[sd]|pushing)\s+to\s+",
    re.IGNORECASE,
)
_THE_TOTAL_OF = re.compile(
    r"\s+the\s+(?:total\s+)?(?:(?:death|casualty)\s+)?(?:number|toll|tally|total)(?:\s+of\b)?", re.IGNORECASE
)
# ... or by its people first: "the number of regime soldiers and militiamen killed in the desert since the beginning
# of 2023 has risen to 83", "bringing the number of people killed in the town to 12"
_UP_TO = r"\s+to\s+(?:about\s+|around\s+|at\s+least\s+)?"
_NUMBER_OF = (
    re.compile(
        r"\b(?:total\s+)?number\s+of\s+(?P<who>[^.;]{1,160}?)\s+(?:has\s+|have\s+|had\s+)?(?:risen|rose|reached|"
        r"climbed|increased|jumped|grown|grew)" + _UP_TO,
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:brings?|brought|bringing|raises?|raised|raising|takes|took|taking|pushe[sd]|pushing)\s+the\s+"
        r"(?:total\s+)?number\s+of\s+(?P<who>[^.;]{1,160}?)" + _UP_TO,
        re.IGNORECASE,
    ),
)
# the people a running total counts, right before its harm word: a few words, no clause between ("the number of
# people displaced since shelling killed 3" counts the displaced, not the killed)
_WHO_BEFORE_HARM = re.compile(
    r"\s*(?:(?!(?:since|after|when|while|as|because|following|amid|before|until|and\s+then)\b)[^\s,;.]+\s+){0,8}",
    re.IGNORECASE,
)


def running_totals(r: Reader) -> list[RunningTotal]:
    """The running totals of the sentence ``r`` reads."""
    out: list[RunningTotal] = []
    for m in TOLL.finditer(r.s):
        if (total := _total_at(r, m.end(), ("killed", -1, -1))) is not None:
            out.append(total)
    for m in _TO_THE_TOTAL.finditer(r.s):
        at = r.by_start.get(m.end())
        found = None if at is None else r.count_at(at)
        words = _THE_TOTAL_OF.match(r.s, r.toks[found[1] - 1].end) if found else None
        kind = _counted_kind(r, words.end(), words.group()) if words else None
        if kind is not None and (total := _total_at(r, m.end(), kind)) is not None:
            out.append(total)
    for m in (m for pattern in _NUMBER_OF for m in pattern.finditer(r.s)):
        kind = _counted_kind(r, m.start("who"), m.group())
        if kind is not None and (total := _total_at(r, m.end(), kind)) is not None:
            out.append(total)
    return out


def _total_at(r: Reader, at: int, kind: tuple[str, int, int]) -> RunningTotal | None:
    """The count at character ``at`` as a running total of ``kind`` (kind, first and end token of the people it
    names; -1 when it names none)."""
    i = r.by_start.get(at)
    found = None if i is None else r.count_at(i)
    if i is None or found is None:
        return None
    count, end = found
    who = (kind[1], kind[2]) if kind[1] >= 0 else (end, end)
    return RunningTotal(kind[0], count, i, end, *who)


def _counted_kind(r: Reader, at: int, words: str) -> tuple[str, int, int] | None:
    """What a running total counts, read from the words at character ``at`` ("people killed in ...": killed, "the
    death toll": killed), with the tokens of the people it names ("people"); None for a count of no harm ("the
    number of displaced")."""
    harm = r.lex.harm_re.search(r.s, at, min(len(r.s), at + 120))
    if (
        harm is None
        or harm.start() not in r.by_start
        or not _WHO_BEFORE_HARM.fullmatch(r.s, at, harm.start())
    ):
        return ("killed", -1, -1) if re.search(r"\b(?:death|casualty)\s+toll", words, re.I) else None
    start, end = r.by_start.get(at, r.by_start.get(at + 1)), r.by_start[harm.start()]
    kind = r.lex.harm[" ".join(harm.group().lower().split())][0]
    return (kind, start, end) if start is not None and start <= end else (kind, end, end)
