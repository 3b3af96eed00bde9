"""Where the pieces of a split lie: the one running sum that turns a split on a one-character separator (a NUL,
a space) into offsets, shared by the stages that cut a text's words out in C (``str.split``/``bytes.split``)
rather than with a Python step per word (the actors' normal form and word tokens, the gazetteer's words)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, compress, repeat
from operator import add


def piece_spans(sizes: Sequence[int], first: int = 0) -> tuple[list[int], list[int]]:
    """(starts, ends) of the non-empty pieces of a split on a one-character separator, given the size of every
    piece (empty ones too) and where the first piece starts: piece k begins one character after piece k - 1
    ends."""
    starts = list(compress(accumulate(map(add, sizes, repeat(1)), initial=first), sizes))
    return starts, list(map(add, starts, filter(None, sizes)))
