"""The words of a text as the matcher reads them: offsets, folded form and transliteration key of each.

A text is read once, with no Python work per word: one split of its bytes (of the text by a regex where it has
apostrophes or letters outside ASCII) gives the words, their offsets are running sums of the pieces' sizes, their
folded forms and keys come from a table of the words seen before (``dict`` look-ups mapped over the list), and the
keys joined by spaces are the one string the gazetteer's key finders read. Only the words that start a name
found, or that are capitalised, get Python work of their own later (``reader.Reader``).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate, compress
from operator import and_, itemgetter, not_
from typing import NamedTuple, overload

from marsad.gazetteer.normalise import ARTICLES, fold, token_key
from marsad.pieces import piece_spans

_APOSTROPHES = "'’ʼʿ‘`"  # what a word may hold between two letters ("Hay'at", "Mu’adamiya")
# A word: letters and digits, apostrophes between them. Possessive (``++``, ``*+``): the apostrophes are no
# letters, so a word's letters are never given back, and the engine keeps no backtracking state for them.
_SPLIT = re.compile(rf"([^\W_]++(?:[{_APOSTROPHES}][^\W_]++)*+)")
# The same where the text holds no "_" (nearly every text): ``\w`` is that class with "_", and cheaper to test.
_SPLIT_PLAIN = re.compile(rf"(\w++(?:[{_APOSTROPHES}]\w++)*+)")
_POSSESSIVE = re.compile(r"['’][sS]")
_JOIN = frozenset({" ", "-", "‐"})  # what joins the words of one capitalised name ("Deir ez-Zor")
PARTICLES = ARTICLES | frozenset({"bin", "ibn", "bint"})  # inside a name, never at its ends
_MAX_FORMS = 200_000
# Marks typography writes where an ASCII text has punctuation or a space: dashes, curly quotes, no-break and thin
# spaces, the replacement character. None is a letter, a digit or "_": read as spaces they change no word, no
# word boundary and no count of letters or capitals (see ``Words.plain``).
_MARKS = (
    "\xa0\u2009\u200b\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201c\u201d\u2022\u2026\u2212\ufffd«»"
)
_MARKS_AS_SPACES = str.maketrans(_MARKS, " " * len(_MARKS))  # (the definition of ``Words.plain``)
_MARK_SET = frozenset(_MARKS)
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


class _Forms(dict[str, tuple[str, str, bool, bool, bool, int]]):
    """word -> (folded, key, whether it starts with a capital, whether with a lower-case letter, whether it is
    written in lower or Title Case, how far its key moves on in the joined keys), each word read once: reports
    repeat their words."""

    def __missing__(self, word: str) -> tuple[str, str, bool, bool, bool, int]:
        # equal strings kept as one object (most words are their own folded form, many their own key): a text's
        # words then touch fewer objects in memory, which costs more than the look-ups themselves
        folded = _same(fold(word), word)
        key = _same(token_key(folded), folded)
        first = word[0]
        step = len(key) + 1 if key else 0  # the key and the space after it; a word without a key adds nothing
        found = self[word] = (folded, key, first.isupper(), first.islower(), _cased(word), step)
        return found


def _same(text: str, other: str) -> str:
    return other if text == other else text


def _cased(word: str) -> bool:
    """Written in lower or Title Case: a letter first, not all capitals ("ISIS" says nothing of a headline)."""
    return word[0].isalpha() and not word.isupper()


_FORMS = _Forms()
# the columns of a row of ``_FORMS``
_FOLDED, _KEY, _CAPITAL, _LOWER, _CASED, _STEP = map(itemgetter, range(6))


class Token(NamedTuple):
    """One word: where it is, folded, and its key ("" for articles). Built on demand from :class:`Words`."""

    start: int
    end: int
    folded: str
    key: str


class Words(Sequence[Token]):
    """The words of one text in parallel lists (``starts``, ``ends``, ``raw``, ``folded``, ``keys``), the keys
    joined for the key finders (``joined``), and which words are capitalised."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.trimmed: dict[int, str] = {}  # word index -> the "'s" left out
        # the characters of the text outside ASCII (none in most texts)
        self._outside_ascii = frozenset() if text.isascii() else frozenset(_NOT_ASCII.findall(text))
        found = _plain_words(text, self._outside_ascii)
        raw, starts, ends = _split_words(text, self.trimmed) if found is None else found
        if len(_FORMS) > _MAX_FORMS:
            _FORMS.clear()
        self.starts, self.ends, self.raw = starts, ends, raw
        # each column is read off the table's rows in one pass: a transpose (``zip(*rows)``) would make an
        # iterator per word, hundreds of objects at once that set the garbage collector going
        self._rows = list(map(_FORMS.__getitem__, raw))
        self.folded: Sequence[str] = list(map(_FOLDED, self._rows))
        self.keys: Sequence[str] = list(map(_KEY, self._rows))
        self.capital: Sequence[bool] = list(map(_CAPITAL, self._rows))
        self.lower: Sequence[bool] = list(map(_LOWER, self._rows))  # no name starts with a lower-case letter
        # for each key in ``joined``: where its first letter is, and the index of its word
        self.owners = list(compress(range(len(raw)), self.keys))
        self.joined = " " + " ".join(filter(None, self.keys)) + " " if self.owners else " "
        # (a word's key starts where the steps of the words before it end; the steps are the table's, so that the
        # sums are the only numbers made here)
        self.key_starts = list(compress(accumulate(map(_STEP, self._rows), initial=1), self.keys))
        self._name_starts: list[int] | None = None
        self._name_start_words: tuple[list[str], list[int]] | None = None
        self._start_mask: list[bool] | None = None
        self._titles: dict[tuple[int, int], tuple[int, int]] = {}  # (first, last) word -> title_counts
        self._found: dict[tuple[str, ...], tuple[list[int], list[tuple[int, int]]]] = {}
        self._lowered: tuple[str | None] | None = None  # (``lowered``,) once read
        self._plain: tuple[str | None] | None = None  # (``plain``,) once read

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...
    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return Token(self.starts[index], self.ends[index], self.folded[index], self.keys[index])

    def __iter__(self) -> Iterator[Token]:
        return map(Token, self.starts, self.ends, self.folded, self.keys)

    def owner(self, position: int) -> int:
        """The index of the word whose key holds ``position`` of ``joined``."""
        return self.owners[bisect_right(self.key_starts, position) - 1]

    def name_starts(self) -> list[int] | None:
        """Positions in ``joined`` where the key of a word that may start a name begins (not written in lower
        case); None when some word's key has a space of its own ("Bukamal" -> "abu kamal"), so that a key found
        may start inside a word."""
        if self._name_starts is None and self.joined.count(" ") == len(self.owners) + 1:
            # in order: the finds nearly so
            self._name_starts = list(compress(self.key_starts, self._starting()))
        return self._name_starts

    def name_start_words(self) -> tuple[list[str], list[int]]:
        """The key of the word at each of ``name_starts()`` (which is not None: what ``joined`` holds from there
        to the next space), and that word's index."""
        if self._name_start_words is None:
            starting = self._starting()
            keys = list(compress(filter(None, self.keys), starting))
            self._name_start_words = keys, list(compress(self.owners, starting))
        return self._name_start_words

    def _starting(self) -> list[bool]:
        """For each word that has a key, in the order of ``key_starts`` (``owners`` are those words), whether it
        may start a name: it is not written in lower case. Read once for ``name_starts`` and its words."""
        if self._start_mask is None:
            self._start_mask = list(map(not_, compress(self.lower, self.keys)))
        return self._start_mask

    def key_token_starts(self) -> list[int]:
        """Positions in ``joined`` where each of its words begins: every key of a word, and each word of a key
        written as several ("Bukamal" -> "abu kamal")."""
        return [at + 1 for at, char in enumerate(self.joined[:-1]) if char == " "]

    # (the two forms below are worked out on first use and kept in a 1-tuple, as None is an answer: not with
    # functools.cached_property, which the compiled build (marsad.compiled) cannot keep and so recomputes)
    @property
    def lowered(self) -> str | None:
        """The text in lower case, when lowering keeps every character's place (it always does for ASCII and
        nearly always otherwise); None when some letter lowers to two ("İ")."""
        if self._lowered is None:
            lowered = self.text.lower()
            self._lowered = (lowered if len(lowered) == len(self.text) else None,)
        return self._lowered[0]

    @property
    def plain(self) -> str | None:
        """The text with its typographic marks as spaces, when that leaves it ASCII (nearly every text); None
        otherwise. Checks that read only letters and word boundaries (the words of quarters, a text in capitals)
        read it with substrings and bytes, where the text itself would need Unicode patterns."""
        # (what ``text.translate(_MARKS_AS_SPACES)`` says where that is ASCII, by one pattern: str.translate
        # looks every character of a text outside ASCII up in a dict, ~150 us a report)
        if self._plain is None:
            if not self._outside_ascii:
                self._plain = (self.text,)
            else:
                self._plain = (_NOT_ASCII.sub(" ", self.text) if self._outside_ascii <= _MARK_SET else None,)
        return self._plain[0]

    def near(self, vocabulary: tuple[str, ...], start: int, end: int, before: int, after: int) -> bool:
        """False when no word of ``vocabulary`` (lower case) lies wholly within ``before`` characters before
        ``start`` or ``after`` characters after ``end`` (what ``word in text[...].lower()`` would say for each);
        True when one does or the text cannot tell. A check on every name's surroundings that spares the
        patterns behind it: each vocabulary is found once per text."""
        found = self._occurring(vocabulary)
        if found is None:
            return True
        positions, spans = found
        low = max(0, start - before)
        for index in range(bisect_left(positions, low), len(spans)):
            first, last = spans[index]
            if first >= end + after:
                break
            if (last <= start) or (first >= end and last <= end + after):
                return True
        return False

    def starting_within(self, vocabulary: tuple[str, ...], low: int, high: int) -> bool:
        """Whether a word of ``vocabulary`` (lower case) starts at or after ``low`` and before ``high``: False
        rules out ``near`` for every name between ``low + before`` and ``high - after``. True when the text
        cannot tell."""
        found = self._occurring(vocabulary)
        if found is None:
            return True
        positions = found[0]
        at = bisect_left(positions, max(0, low))
        return at < len(positions) and positions[at] < high

    def _occurring(self, vocabulary: tuple[str, ...]) -> tuple[list[int], list[tuple[int, int]]] | None:
        """(starts, (start, end)) of the occurrences of ``vocabulary`` in the lowered text, in order, found once
        per text; None when the text cannot be lowered in place."""
        found = self._found.get(vocabulary)
        if found is None:
            if self.lowered is None:
                return None
            spans = sorted(_occurrences(self.lowered, vocabulary))
            found = self._found[vocabulary] = (list(map(itemgetter(0), spans)), spans)
        return found

    def title_counts(self, start: int, end: int) -> tuple[int, int]:
        """How many words between ``start`` and ``end`` are written in lower or Title Case (a letter first, not
        all capitals: "ISIS" says nothing), and how many of those are capitalised: whether a line is a
        headline in Title Case. Counted once per range of words: the lines asked for are a text's lines with a
        name, each asked for by both readings of the text, and summing their words' columns costs less than
        running sums over the whole text would."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        found = self._titles.get((first, last))
        if found is None:
            cased = list(map(_CASED, self._rows[first:last]))
            for index, suffix in self.trimmed.items():  # "ISIS's" is not written all in capitals
                if first <= index < last:
                    cased[index - first] = _cased(self.raw[index] + suffix)
            capitals = sum(map(and_, cased, self.capital[first:last]))
            found = self._titles[first, last] = (sum(cased), capitals)
        return found

    def joined_to(self, first: int, last: int) -> bool:
        """Whether the words ``first`` < ``last`` are joined by a space or hyphen only."""
        return self.text[self.ends[first] : self.starts[last]] in _JOIN

    def capital_runs(self) -> list[tuple[int, int]]:
        """(first, last) indexes of each run of capitalised words joined by a space or hyphen, with the particles
        between them ("Qasr al-Bureij", "Hamra Blassem"); digits and other lower-case words break a run, and a
        run's particles at its ends are left out ("Al-Raqqah" is the name "Raqqah"). Only capitalised words are
        visited."""
        runs: list[tuple[int, int]] = []
        first = last = -1
        folded, text, starts, ends = self.folded, self.text, self.starts, self.ends
        for index in compress(range(len(self.capital)), self.capital):
            if first >= 0:
                # most capitalised words stand apart, a word that is no particle after the run, or right after it
                # (``joined_to`` read in place): said without a call
                if index == last + 1:
                    if text[ends[last] : starts[index]] in _JOIN:
                        last = index
                        continue
                elif folded[last + 1] in PARTICLES and self._continues(last, index):
                    last = index
                    continue
                runs.append((first, last))
            first = last = index
        if first >= 0:
            runs.append((first, last))
        out = []
        for first, last in runs:
            while first <= last and folded[first] in PARTICLES:
                first += 1
            while last > first and folded[last] in PARTICLES:  # (a first word left is no particle)
                last -= 1
            if first <= last:
                out.append((first, last))
        return out

    def _continues(self, last: int, index: int) -> bool:
        """Whether capitalised word ``index`` continues the run ending at ``last``: only joined particles
        between them."""
        # a word between them first: most capitalised words stand apart, a word that is no particle between
        for between in range(last + 1, index):
            if self.folded[between] not in PARTICLES or not self.joined_to(between - 1, between):
                return False
        return self.joined_to(index - 1, index)


def _occurrences(text: str, vocabulary: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """(start, end) of every occurrence of each word of ``vocabulary`` in ``text``, overlapping ones too."""
    for word in vocabulary:
        at = text.find(word)
        while at >= 0:
            yield at, at + len(word)
            at = text.find(word, at + 1)


@functools.lru_cache(maxsize=4)
def text_words(text: str) -> Words:
    """The words of a text with their keys. Cached for the last few texts: a text read without a country is
    read again once its country is known, and the places stage reads it twice (country, then places)."""
    return Words(text)


def _split_words(text: str, trimmed: dict[int, str]) -> tuple[list[str], list[int], list[int]]:
    """The words of any text, their starts and ends, by the regex (what a word is); "'s" left out into
    ``trimmed``."""
    parts = (_SPLIT if "_" in text else _SPLIT_PLAIN).split(text)
    raw = parts[1::2]
    count = len(raw)
    offsets = list(accumulate(map(len, parts), initial=0))
    starts, ends = offsets[1 : 2 * count : 2], offsets[2::2]
    if _POSSESSIVE.search(text):
        _drop_possessives(text, raw, ends, trimmed)
    return raw, starts, ends


# The words of a text with no apostrophe and no letter or digit outside ASCII (nearly every text) are its runs of
# ASCII letters and digits: as bytes (each character outside ASCII one "?"), every other byte goes to NUL, and one
# split cuts the words out, their offsets the running sums of the pieces' sizes. The regex (``_SPLIT``) builds a
# string for every stretch between two words as well, and is slower than the bytes' translate and split together.
_WORD_BYTES = bytes(i if chr(i).isalnum() and i < 128 else 0 for i in range(256))


def _plain_words(text: str, outside: frozenset[str]) -> tuple[list[str], list[int], list[int]] | None:
    """What :func:`_split_words` says for a text without apostrophes whose characters outside ASCII
    (``outside``) are no letters or digits (dashes, curly quotes, "\ufffd"); None for any other text."""
    if "'" in text or "`" in text or any(c.isalnum() or c in _APOSTROPHES for c in outside):
        return None
    pieces = text.encode("ascii", "replace").translate(_WORD_BYTES).decode("ascii").split("\x00")
    # the words, and an empty piece between two characters that are no word's
    starts, ends = piece_spans(list(map(len, pieces)))
    return list(filter(None, pieces)), starts, ends


def _drop_possessives(text: str, raw: list[str], ends: list[int], trimmed: dict[int, str]) -> None:
    """ "Syria's": the word is "Syria" (in place). Only the words that end in "'s" are visited."""
    for found in _POSSESSIVE.finditer(text):
        index = bisect_left(ends, found.end())
        if index < len(ends) and ends[index] == found.end() and len(raw[index]) > 3:
            trimmed[index] = raw[index][-2:]
            raw[index] = raw[index][:-2]
            ends[index] -= 2
