"""Which words a regex can match at: the first letters of its matches, read from the pattern itself.

Cue tables hold dozens of large case-insensitive alternations; trying each at every word of every sentence is
what made typing slow. :func:`starts_of` reads, from CPython's parse tree of a pattern, the lower-case prefixes
(up to PREFIX letters) that every match begins with. A sentence is then searched for a pattern only at the words
that begin with one of them, which finds exactly what ``finditer`` finds (the typing tests check this on real
reports) at a fraction of the cost.
"""

from __future__ import annotations

import re
from typing import Any

PREFIX = 5
SHORTEST = 3  # a cue whose matches may begin with fewer letters than this is always searched


def starts_of(pattern: str) -> frozenset[str] | None:
    """The lower-case prefixes (PREFIX characters, fewer when a whole match is shorter) that every match of
    ``pattern`` begins with, or None when they cannot be read from the pattern (the cue is then always searched)."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]  # CPython's own parse tree

        found = _prefixes(list(_parser.parse(pattern, re.IGNORECASE)), _constants)
    except Exception:  # another Python, or a construct the reader does not know: search always
        return None
    found = {p.rstrip(_CUT) for p in found} if found is not None else None
    if found is None or any(len(p) < SHORTEST for p in found):
        return None
    return frozenset(found)


_CUT = "\0"  # ends a prefix that was cut short where the pattern became unreadable: nothing may follow it


def _done(p: str) -> bool:
    return len(p) >= PREFIX or p.endswith(_CUT)


def _prefixes(items: list[Any], c: Any) -> set[str] | None:
    """The prefixes every match of the parsed ``items`` begins with (see starts_of), None when unreadable."""
    out = {""}
    for op, av in items:
        if all(_done(p) for p in out):
            break
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.LITERAL:
            nxt: set[str] | None = {chr(av).lower()}
        elif op is c.IN:
            nxt = {chr(a).lower() for o, a in av if o is c.LITERAL}
            nxt = nxt if all(o is c.LITERAL for o, _ in av) else None
        elif op is c.SUBPATTERN:
            nxt = _prefixes(list(av[-1]), c)
        elif op is c.BRANCH:
            branches = [_prefixes(list(b), c) for b in av[1]]
            nxt = None if any(b is None for b in branches) else set().union(*branches)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            once = _prefixes(list(av[2]), c)
            nxt = None if once is None else (once | {""} if av[0] == 0 else once)
        else:
            return None
        if nxt is None or len(out) * len(nxt) > 20000:
            # unreadable from here on ("scam\w*"): what was read so far still starts every match
            return {p if _done(p) else p + _CUT for p in out}
        out = {p if _done(p) else (p + n)[:PREFIX] for p in out for n in nxt}
    return out


def word_prefixes(low: str) -> list[tuple[int, str]]:
    """(offset, prefix) for every word start of a lower-cased text and every prefix length SHORTEST..PREFIX."""
    out: list[tuple[int, str]] = []
    for m in _WORD_START.finditer(low):
        i = m.start()
        out.extend((i, low[i : i + n]) for n in range(SHORTEST, PREFIX + 1))
    return out


_WORD_START = re.compile(r"\b\w")
