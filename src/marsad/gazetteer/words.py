"""The words of a text as the matcher reads them: offsets, folded form and transliteration key of each."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from marsad.gazetteer.normalise import fold, token_key

_WORD = re.compile(r"[^\W_]+(?:['’ʼʿ‘`][^\W_]+)*")
_POSSESSIVES = frozenset({"'s", "’s", "'S", "’S"})


class Token(NamedTuple):
    """One word: where it is, folded, and its key ("" for articles). Immutable: readings share cached words (a
    named tuple, not a frozen dataclass: a long report has tens of thousands of words, and a tuple is built
    several times faster)."""

    start: int
    end: int
    folded: str
    key: str


@functools.lru_cache(maxsize=4)
def text_words(text: str) -> tuple[Token, ...]:
    """The words of a text with their keys. Cached for the last few texts: a text read without a country is
    read again once its country is known, and the places stage reads it twice (country, then places)."""
    tokens: list[Token] = []
    append = tokens.append
    for found in _WORD.finditer(text):
        word = found.group()
        start = found.start()
        if word[-2:] in _POSSESSIVES and len(word) > 3:
            word = word[:-2]
        append(Token(start, start + len(word), *forms(word)))
    return tuple(tokens)


@functools.lru_cache(maxsize=200_000)
def forms(word: str) -> tuple[str, str]:
    """(folded, key) of a word: reports repeat their words, so each is folded once per process."""
    folded = fold(word)
    return folded, token_key(folded)


def joined_keys(tokens: tuple[Token, ...]) -> tuple[str, list[int], list[int]]:
    """Keys of the words joined by spaces, and for each key's first character the index of its word."""
    parts, starts, owners, position = [" "], [], [], 1
    for index, token in enumerate(tokens):
        if token.key:
            starts.append(position)
            owners.append(index)
            parts.append(token.key + " ")
            position += len(token.key) + 1
    return "".join(parts), starts, owners
