"""Runs of capitalised words and Title Case lines: where the matcher looks for group names the dictionary lacks.

A run is capitalised words joined by spaces or quotes, with name connectors inside ("Jaysh al Islam", "Army of
the Mujahideen"; "the" only after "of"/"for") and none at its end. Reading every word of a long report in Python
was the matcher's main cost, so :func:`capitalised_runs` finds the runs with one regex over the normalised text
and looks only at the few it finds. Its regex knows ASCII capitals and digits only: a text with other capitals
or digits ("Ørsted", "٣") takes the word-by-word reading, :func:`capitalised_runs_each`, which is the
definition (tests/test_actors_runs.py checks that the two agree on real reports).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from marsad.actors.text import Tokens, joined, words_key

NAME_CONNECTORS = words_key("al el ad ash as at az ar an ul wal wa bin ibn bint abu of the for")
_CONNECTORS = "|".join(sorted((w for w in NAME_CONNECTORS if w != "the"), key=len, reverse=True))

_END = r"(?![^\W_])"  # a whole word: no letter or digit follows
_CAP = r"(?:[A-Z][^\W_]*|[0-9](?=[^\W_]*?[^\W\d_])[^\W_]*)"  # "Army", "13th"; not "2017"
_GAP = r"[ \"“”„«»]+"  # words belong together when only spaces or quotes part them
_OF_THE = rf"(?i:of|for){_GAP}(?i:the){_END}"  # "the" joins only after "of"/"for"
# (normalised text has no "_": \b is a word boundary; the lookahead turns most positions down at once)
_RUN = re.compile(
    rf"\b(?=[A-Z0-9])(?:{_OF_THE}|{_CAP})(?:{_GAP}(?:{_OF_THE}|{_CAP}|(?i:{_CONNECTORS}){_END}))*"
)
_LONG_WORD = re.compile(r"[^\W_]{4,}")
_LONG_CAPITALISED = re.compile(r"\b(?:[A-Z][^\W_]{3,}|[0-9](?=[^\W_]*?[^\W\d_])[^\W_]{3,})")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
TITLE_CHARS = 300  # a longer line is prose, whatever its capitals (a headline is rarely half as long)


def ascii_capitals(toks: Tokens) -> bool:
    """Whether every capital letter and digit of the text is ASCII: the regexes here know no others."""
    if toks.norm.cased.isascii():
        return True
    return not any(c.isupper() or c.isdigit() for c in set(_NOT_ASCII.findall(toks.norm.cased)))


def capitalised_runs(
    toks: Tokens, ascii_only: bool | None = None, near: Sequence[int] | None = None
) -> list[tuple[int, int]]:
    """Token ranges [i, j) of the runs of capitalised words, in text order. With ``near`` (token indices), only
    the stretches of text around them are read, from one word before each to three after: every run that has a
    word there is found, others may be left out."""
    cased = toks.norm.cased
    if not (ascii_capitals(toks) if ascii_only is None else ascii_only):
        return capitalised_runs_each(toks)
    runs: list[tuple[int, int]] = []
    for pos, endpos in _stretches(toks, near) if near is not None else [(0, len(cased))]:
        for m in _RUN.finditer(cased, pos, endpos):
            i = bisect.bisect_left(toks.starts, m.start())
            j = bisect.bisect_left(toks.starts, m.end())
            while j > i and toks.words[j - 1] in NAME_CONNECTORS:
                j -= 1
            if j > i:
                runs.append((i, j))
    return runs


def _stretches(toks: Tokens, near: Sequence[int]) -> list[tuple[int, int]]:
    """Offsets of the text around the words ``near`` (one word before to three after each), each widened to the
    whole chain of capitalised words and connectors it is part of, so that no run is cut; merged, in order. Each
    word is looked at once or twice, however long the chains (a text of one long chain stays linear)."""
    found: list[list[int]] = []  # [first word, last word] of each stretch
    last = len(toks) - 1
    for k in sorted(near):
        i, j = max(0, k - 1), min(last, k + 3)
        if found and i <= found[-1][1] + 1:
            if j <= found[-1][1]:
                continue  # inside the stretch before
            i = found[-1][0]
        else:
            floor = found[-1][1] + 1 if found else 0
            while i > floor and _chained(toks, i - 1):
                i -= 1
            if found and i == floor and floor and _chained(toks, floor - 1):
                i = found[-1][0]
        while j < last and _chained(toks, j):
            j += 1
        if found and i == found[-1][0]:
            found[-1][1] = j
        else:
            found.append([i, j])
    return [(toks.starts[i], toks.ends[j]) for i, j in found]


def _chained(toks: Tokens, k: int) -> bool:
    """Whether word ``k`` and the next could stand in one run: joined, both capitalised or connectors."""
    if not joined(toks.folded[toks.ends[k] : toks.starts[k + 1]]):
        return False
    return _in_name(toks, k) and _in_name(toks, k + 1)


def _in_name(toks: Tokens, k: int) -> bool:
    return toks.capitalised(k) or toks.words[k] in NAME_CONNECTORS


def _connects(toks: Tokens, k: int) -> bool:
    # "the" joins a name only after "of"/"for" ("Army of the Mujahideen"), not "Housing Project the Army"
    word = toks.words[k]
    if word == "the":
        return k > 0 and toks.words[k - 1] in ("of", "for")
    return word in NAME_CONNECTORS


def capitalised_runs_each(toks: Tokens) -> list[tuple[int, int]]:
    """:func:`capitalised_runs` read word by word: the definition the regex must agree with."""
    runs: list[tuple[int, int]] = []
    i = None
    for k in range(len(toks) + 1):
        glued = (
            k < len(toks) and i is not None and joined(toks.norm.folded[toks.ends[k - 1] : toks.starts[k]])
        )
        cap = k < len(toks) and toks.capitalised(k)
        if i is not None and glued and (cap or _connects(toks, k)):
            continue
        if i is not None:
            j = k
            while j > i and toks.words[j - 1] in NAME_CONNECTORS:
                j -= 1
            if j > i:
                runs.append((i, j))
        i = k if cap else None
    return runs


def title_case_lines(toks: Tokens, ascii_only: bool | None = None) -> list[tuple[int, int]]:
    """Offsets of lines written in Title Case ("Force Repels Insurgent Attack in Helmand"): headlines, so no longer
    than TITLE_CHARS, with at least four words of four letters or more, seven in ten of them capitalised."""
    ascii_only = ascii_capitals(toks) if ascii_only is None else ascii_only
    out: list[tuple[int, int]] = []
    start = 0
    for line in toks.norm.cased.split("\n"):
        end = start + len(line)
        long = _LONG_WORD.findall(line) if len(line) <= TITLE_CHARS else ()
        if len(long) >= 4:
            if ascii_only:
                caps = len(_LONG_CAPITALISED.findall(line))
            else:
                caps = sum(w[0].isupper() or (w[0].isdigit() and not w.isdigit()) for w in long)
            if caps >= 0.7 * len(long):
                out.append((start, end))
        start = end + 1
    return out
