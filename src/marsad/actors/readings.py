"""What the matcher reads before it chooses: automaton hits, candidate mentions, and the token patterns around them.

A hit is one alias, side adjective or country name found in the normalised text; a candidate is one reading of
some words as an actor (a dictionary alias, a pattern such as "pro-Turkish factions", an unknown group). The
longest candidates that do not overlap become mentions (:func:`select`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from marsad.actors.entries import ActorEntry
from marsad.actors.text import Tokens
from marsad.actors.words import (
    AGENT_CUES,
    BACKED_AFTER,
    DETERMINERS,
    FUNCTION_WORDS,
    MEMBER_NOUNS,
    TARGET_CUES,
)


@dataclass(frozen=True, slots=True)
class Target:
    kind: str  # "actor", "side" or "country"
    ref: str  # actor id or side id
    cased: str  # the alias's cased normal form, compared when case_sensitive
    case_sensitive: bool


class Refs(NamedTuple):
    """The targets of a hit and what the matcher reads of them, worked out once per spelling (most hits keep
    every target of their spelling) rather than once per hit."""

    targets: tuple[Target, ...]
    actors: tuple[str, ...]  # refs of the actor targets, in order
    sides: tuple[str, ...]  # refs of the side targets, in order
    countries: tuple[str, ...]  # refs of the country targets, in order
    sole: str | None  # the one actor named, when the targets name exactly one

    @classmethod
    def of(cls, targets: tuple[Target, ...]) -> Refs:
        actors = tuple(t.ref for t in targets if t.kind == "actor")
        sides = tuple(t.ref for t in targets if t.kind == "side")
        countries = tuple(t.ref for t in targets if t.kind == "country")
        return cls(targets, actors, sides, countries, actors[0] if len(set(actors)) == 1 else None)


class Hit(NamedTuple):
    """One spelling found as a whole word. (Tuples, not dataclasses: a long report has hundreds of hits and
    candidates, and a frozen dataclass costs a call per field to build.)"""

    start: int
    end: int
    refs: Refs


class Spelling(NamedTuple):
    """What the automaton holds for one normalised spelling."""

    size: int  # its length in the normalised text
    text: str
    refs: Refs  # every target of the spelling
    case_sensitive: bool  # some target matches only as written: the hit's targets are sorted out one by one
    group_word: bool  # a word of GROUP_WORDS, which the unknown-group reading looks for
    compare: bool  # holds other characters than letters and digits: a hit is compared with the text


class Cand(NamedTuple):
    start: int
    end: int
    entry: ActorEntry | None
    priority: int = 1  # dictionary aliases (1) beat pattern readings (0) of the same length
    name: tuple[int, int] | None = None  # unknown actors: where their name is written (without "members of")
    side: str | None = None  # unknown actors: a side read from a pattern ("pro-Israeli group")
    inter: int | None = None


def shouting(toks: Tokens, start: int, end: int) -> bool:
    """Both neighbouring words are upper case: an all-caps headline, where "IS" is the verb."""
    near = [toks.before(start), toks.after(end)]
    words = [toks.norm.cased[toks.starts[i] : toks.ends[i]] for i in near if i is not None]
    return len(words) == 2 and all(len(w) > 1 and w.isupper() for w in words)


def select(cands: Sequence[Cand], size: int) -> list[Cand]:
    """Longest non-overlapping candidates; among equals, dictionary aliases before patterns, then leftmost."""
    taken = bytearray(size)
    chosen: list[Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, -c.priority, c.start)):
        if not any(taken[c.start : c.end]):
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


# ---------------------------------------------------------------------------------------- token patterns


def qualified(toks: Tokens, h: Hit) -> bool:
    """Whether "pro" may stand before the hit or an "X-backed" word after it (a quick look that spares most
    hits the word-by-word reading of :meth:`ActorDictionary._anchor`)."""
    folded = toks.norm.folded
    return "pro" in folded[max(0, h.start - 8) : h.start] or BACKED_AFTER.match(folded, h.end) is not None


def noun_within(toks: Tokens, i: int | None, nouns: frozenset[str]) -> int | None:
    """The farthest of the next two joined words in ``nouns`` ("Russian fighter jets", "Turkish forces"); never
    past a function word ("the south of Damascus and airstrikes on Deir Ezzor": no Damascus airstrikes)."""
    found = None
    for _ in range(2):
        if i is None:
            break
        if toks.words[i] in nouns:
            found = i
        elif toks.words[i] in FUNCTION_WORDS:
            break
        i = toks.after(toks.ends[i])
    return found


def free(by_start: dict[int, Cand], toks: Tokens, i: int | None, absorbed: set[int]) -> bool:
    """Whether word ``i`` may join a neighbouring actor: no mention there, or one that is just this group noun
    (a generic "gunmen", "militants"), which is then absorbed."""
    if i is None:
        return False
    there = by_start.get(toks.starts[i])
    if there is None:
        return True
    if there.end == toks.ends[i]:
        absorbed.add(id(there))
        return True
    return False


def members_of(toks: Tokens, start: int, nouns: frozenset[str] = MEMBER_NOUNS) -> int:
    """Start of "members of (the) X" when it precedes X, else ``start``."""
    i = toks.before(start)
    if i is not None and toks.words[i] in DETERMINERS:
        i = toks.before(toks.starts[i])
    if i is None or toks.words[i] != "of":
        return start
    j = toks.before(toks.starts[i])
    if j is None or toks.words[j] not in nouns:
        return start
    return toks.starts[j]


def role_hint(toks: Tokens, start: int, qualifiers: frozenset[str] = frozenset()) -> str | None:
    """ "agent" after "by", "target" after "against" and the like, reading past a determiner and a qualifier
    ("by the Kurdish YPG militia", "by Assad regime warplanes")."""
    i = toks.before(start)
    if i is not None and toks.words[i] in qualifiers:
        i = toks.before(toks.starts[i])
    if i is not None and toks.words[i] in DETERMINERS:
        i = toks.before(toks.starts[i])
    if i is None:
        return None
    word = toks.words[i]
    if word in AGENT_CUES:
        return "agent"
    if word in TARGET_CUES:
        return "target"
    return None
