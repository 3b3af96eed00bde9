"""Groups the dictionary does not list, read from capitalised names ("the Free Idlib Army fighters").

A capitalised run of words is a group when a group noun follows it ("PYD fighters"), "members of" precedes it, it
ends in an organisation's head noun ("... Brigade", "... Operations Room") or opens with an Arabic word that
starts a group's name ("Jaysh ..."). Such a name is kept as an unknown actor (known=False), as written.
"""

from __future__ import annotations

import bisect

from marsad.actors.readings import Cand, members_of
from marsad.actors.runs import ascii_capitals, capitalised_runs, title_case_lines
from marsad.actors.text import Tokens
from marsad.actors.words import (
    ARABIC_LEADS,
    DEMONYMS,
    MAX_NAME_WORDS,
    MEMBER_NOUNS,
    NAME_STOPWORDS,
    OPERATIONS_ROOM,
    ORG_HEADS,
    TERRITORIAL,
    UNKNOWN_CUES,
)


def find_unknown_groups(toks: Tokens, taken: bytearray, cues: list[int]) -> list[Cand]:
    """Capitalised names that read as groups but are not in the dictionary: known=False, name as written.
    ``cues``: the indices of the words of GROUP_WORDS among the tokens, in order (the matcher's automaton finds
    them with the aliases)."""
    out: list[Cand] = []
    if not cues:
        return out  # no group noun, head or Arabic lead anywhere: no unknown group either
    ascii_only = ascii_capitals(toks)
    headlines: list[tuple[int, int]] | None = None  # read once, when a run needs it
    for i, j in capitalised_runs(toks, ascii_only, near=cues):
        k = bisect.bisect_left(cues, i - 3)
        if k == len(cues) or cues[k] > j:
            continue  # no cue within reach (see _unknown_group): a place, a person, a sentence's first word
        headlines = title_case_lines(toks, ascii_only) if headlines is None else headlines
        if any(s <= toks.starts[i] < e for s, e in headlines):
            continue  # in a Title Case headline every word is capitalised, names or not
        while i < j and toks.words[i] in NAME_STOPWORDS:
            i += 1
        if j - i > 2 and toks.words[i] in MEMBER_NOUNS and toks.words[i + 1] == "of":
            i += 3 if toks.words[i + 2] == "the" else 2  # "Members of the Free Idlib Army": the name follows
        if i >= j:
            continue
        if j - i > MAX_NAME_WORDS:
            continue  # a long capitalised stretch is a headline or a list, not one name
        if j - i == 1 and not _cued(toks, i):
            continue  # most runs are one capitalised word ("The", "Aleppo"): only a cued one can be a group
        cand = _unknown_group(toks, i, j)
        if cand is not None and not any(taken[cand.start : cand.end]):
            out.append(cand)
    return out


def _unknown_group(toks: Tokens, i: int, j: int) -> Cand | None:
    words = [toks.words[k] for k in range(i, j)]
    nxt = toks.after(toks.ends[j - 1])
    if nxt is not None and toks.words[nxt] in TERRITORIAL:
        return None  # "the Syrian Arab Army held ...": a place description (the known name was dropped too)
    noun = nxt is not None and toks.words[nxt] in UNKNOWN_CUES
    inner = [k for k, w in enumerate(words) if k and w in UNKNOWN_CUES]
    if inner:  # Title Case: "Free Idlib Army Fighters Attack": the name ends before the group noun
        j, nxt, noun = i + inner[0], i + inner[0], True
        words = words[: inner[0]]
    head = words[-1] in ORG_HEADS or words[-2:] == OPERATIONS_ROOM
    lead = words[0] in ARABIC_LEADS and len(words) > 1
    start = members_of(toks, toks.starts[i], UNKNOWN_CUES)
    members = start != toks.starts[i]
    if len(words) == 1 and not _lone_name(toks, i, noun or members):
        return None
    if not (noun or head or lead or members):
        return None
    end = toks.ends[nxt] if noun and nxt is not None else toks.ends[j - 1]
    return Cand(start, end, None, priority=0, name=(toks.starts[i], toks.ends[j - 1]))


def _cued(toks: Tokens, i: int) -> bool:
    """Whether a group noun follows word ``i`` ("PYD fighters") or "members of" precedes it."""
    nxt = toks.after(toks.ends[i])
    if nxt is not None and toks.words[nxt] in UNKNOWN_CUES:
        return True
    start = toks.starts[i]
    # "members of (the) X": look closer only when an "of" stands just before
    return (
        "of " in toks.norm.folded[max(0, start - 10) : start]
        and members_of(toks, start, UNKNOWN_CUES) != start
    )


def _lone_name(toks: Tokens, i: int, cued: bool) -> bool:
    """Whether one capitalised word can be a group name: cued by a group noun or "members of", not a
    nationality or unit word ("Syrian fighters", "the Army"), and not merely capitalised as a sentence's first
    word ("Joint forces of ...") unless it is an acronym ("PYD fighters")."""
    word = toks.words[i]
    if not cued or len(word) < 2 or word in DEMONYMS or word in ORG_HEADS:
        return False
    written = toks.norm.cased[toks.starts[i] : toks.ends[i]]
    return written.isupper() or not toks.sentence_start(i)
