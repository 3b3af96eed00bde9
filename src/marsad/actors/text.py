"""The matching form of report text, with a map back to the original offsets, and its words.

Aliases and text go through the same :func:`normalise` (case folded, hyphens as spaces, apostrophes and
possessive 's dropped, accents stripped, doubled letters collapsed), so one automaton key covers "Liwaa
Al-Quds", "Liwa al Quds" and "Liwā' al-Quds", and every match maps back to exact offsets of the original.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from operator import add, sub

from marsad.pieces import piece_spans
from marsad.records import Span

_APOSTROPHES = frozenset("'’‘ʼʻ`´′ʿʾ")
_SPACES_AS = frozenset("-‐‑‒–—―−_")  # hyphens and dashes join words the way spaces do ("al-Quds" = "al Quds")
_QUOTES = frozenset('"“”„«»')
_JOINERS = " " + "".join(sorted(_QUOTES))
_LINE_BREAKS = frozenset("\n\r\v\f\x85\u2028\u2029")


@dataclass(frozen=True, slots=True)
class Normalised:
    """``folded`` (lower case) and ``cased`` have equal length; char k came from ``text[starts[k]:ends[k]]``.

    The map back is kept by runs, not by character (building two integers per character was most of the cost of
    normalising a long report): a run of characters that map one to one starts at each offset of ``breaks``, from
    the original offset at the same place in ``origins``; ``stretched`` lists (k, end) for the characters that
    stand for more than one ("Liwaa" -> "liwa": the "a" covers both)."""

    cased: str
    folded: str
    breaks: tuple[int, ...]
    origins: tuple[int, ...]
    stretched: tuple[tuple[int, int], ...] = ()
    _stretched_end: dict[int, int] = field(init=False, repr=False, compare=False)  # ``stretched`` as a dict

    def __post_init__(self) -> None:
        object.__setattr__(self, "_stretched_end", dict(self.stretched))

    def start_of(self, k: int) -> int:
        i = bisect.bisect_right(self.breaks, k) - 1
        return self.origins[i] + (k - self.breaks[i])

    def end_of(self, k: int) -> int:
        end = self._stretched_end.get(k)
        return self.start_of(k) + 1 if end is None else end

    @property
    def starts(self) -> tuple[int, ...]:
        return tuple(self.start_of(k) for k in range(len(self.folded)))

    @property
    def ends(self) -> tuple[int, ...]:
        return tuple(self.end_of(k) for k in range(len(self.folded)))

    def span(self, text: str, start: int, end: int) -> Span:
        return Span.of(text, self.start_of(start), self.end_of(end - 1))


def _runs(cased: str, folded: str, starts: Sequence[int], ends: Sequence[int]) -> Normalised:
    """The Normalised of a character-by-character map: its runs and stretched characters."""
    breaks: list[int] = []
    origins: list[int] = []
    for k, start in enumerate(starts):
        if not k or start != starts[k - 1] + 1:
            breaks.append(k)
            origins.append(start)
    stretched = tuple((k, e) for k, (s, e) in enumerate(zip(starts, ends, strict=True)) if e != s + 1)
    return Normalised(cased, folded, tuple(breaks), tuple(origins), stretched)


@lru_cache(maxsize=4096)
def _pieces(ch: str) -> str:
    """What one source character becomes: a line break, a space, nothing (apostrophes, accents), or its
    accent-free letters. Line breaks stay apart from spaces: a headline's last word and the body's first do
    not join into one name."""
    if ch in _LINE_BREAKS:
        return "\n"
    if ch in _SPACES_AS or ch.isspace():
        return " "
    if ch in _APOSTROPHES:
        return ""  # "Hay'at" = "Hayat", "Mare'" = "Mare"
    if ch.isascii():
        return ch
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))


def _possessive(text: str, i: int) -> bool:
    # "regime's forces" reads as "regime forces", so one alias covers the possessive form
    return (
        text[i] in _APOSTROPHES
        and i + 1 < len(text)
        and text[i + 1] in "sS"
        and (i + 2 == len(text) or not text[i + 2].isalnum())
    )


def normalise(text: str) -> Normalised:
    """The matching form of ``text`` with an offset map back to it."""
    return _normalise_ascii(text) or _normalise_fast(text) or _normalise_each(text)


def _normalise_each(text: str) -> Normalised:
    """:func:`normalise` one character at a time: the definition the fast path must agree with."""
    cased: list[str] = []
    folded: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        if _possessive(text, i):
            i += 2
            continue
        pieces = _pieces(text[i])
        if not pieces and text[i] not in _APOSTROPHES and ends:
            ends[-1] = i + 1  # a stray combining accent belongs to the letter before it
        for c in pieces:
            low = c.lower()
            low = low if len(low) == 1 else c  # keep folded and cased the same length
            if c == " " and (not folded or folded[-1] in " \n"):
                continue
            if c == "\n" and (not folded or folded[-1] == "\n"):
                continue
            if low.isalpha() and folded and folded[-1] == low:
                ends[-1] = i + 1  # doubled letters collapse ("Liwaa" = "Liwa", "Fatemiyyoun" = "Fatemiyoun")
                continue
            cased.append(c)
            folded.append(low)
            starts.append(i)
            ends.append(i + 1)
        i += 1
    return _runs("".join(cased), "".join(folded), starts, ends)


# --------------------------------------------------------------------------------------------- the fast path
# Most report text maps character for character (hyphens become spaces, accented letters lose their accents);
# only apostrophes, possessive 's, repeated spaces and doubled letters are dropped. The fast path maps the whole
# text with str.translate and handles the dropped characters by the run, instead of calling Python code for each
# character (the matcher's main cost). Texts with characters that vanish or expand (combining accents,
# ligatures) take the character-by-character path; tests/test_actors_text.py checks the two agree.

_ONE: dict[int, str] = {}  # code point -> its one-character piece, for characters that map one to one
_ODD: set[str] = set()  # characters that vanish or expand: the text goes the slow way
_POSSESSIVE = re.compile("[" + "".join(sorted(_APOSTROPHES)) + "][sS]")
_DROP = re.compile("[" + "".join(sorted(_APOSTROPHES)) + "]")
# (written so that the regex engine turns most positions down at their first character)
_LEADING_SPACES = re.compile(r"[ \n]+")
_SPACE_PAIRS = ("  ", " \n", "\n ", "\n\n")
_SPACE_RUNS = re.compile(r"[ \n][ \n]+")
_FEW_RUNS = 16
_ZEROS = re.compile(rb"\x00\x00*")  # (a literal first: the engine jumps from zero to zero in C)
_DOUBLED = re.compile(r"([^\W\d_])\1+")
_DOUBLED_ASCII = re.compile(r"([a-z])\1+")  # the same where all letters are ASCII: what _doubled_ascii finds
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_NOT_ASCII_SPLIT = re.compile(r"([^\x00-\x7f])")
_FINAL_SIGMA = "\u03a3"  # str.lower() of a whole text lowers it by context, one character at a time does not


def _known(chars: set[str] | frozenset[str]) -> bool:
    for ch in chars:
        if ord(ch) in _ONE or ch in _APOSTROPHES:
            continue
        if ch in _ODD:
            return False
        pieces = _pieces(ch)
        if len(pieces) == 1:
            _ONE[ord(ch)] = pieces
        else:
            _ODD.add(ch)
            return False
    return True


_ASCII_KNOWN = _known(frozenset(map(chr, range(128))))  # each ASCII character maps to one or none


def _normalise_fast(text: str) -> Normalised | None:
    # every ASCII character is known (see below): most reports need no look at their characters one by one
    others = set() if text.isascii() else set(_NOT_ASCII.findall(text))
    if others and not _known(others):
        return None
    dropped: list[int] = []
    # most texts hold no apostrophe to drop, and need no regex scan for them (' and ` are the ASCII ones)
    if "'" in text or "`" in text or not others.isdisjoint(_APOSTROPHES):
        dropped = [m.start() for m in _DROP.finditer(text)]
        for m in _POSSESSIVE.finditer(text):
            if _possessive(text, m.start()):
                dropped.append(m.start() + 1)
    pieces = _segments(len(text), sorted(set(dropped)))
    joined = "".join(text[a:b] for a, b in pieces)
    if len(pieces) > 1 and (norm := _normalise_ascii(joined)) is not None:
        return _through(norm, pieces)  # the text without its apostrophes takes the byte-by-byte path
    mapped = joined.translate(_ONE)
    low = mapped.lower()
    if len(low) != len(mapped) or _FINAL_SIGMA in mapped:
        return None
    gone: list[tuple[int, int]] = []  # ranges of ``mapped`` that collapse into the character kept before them
    for start, end in _space_runs(mapped):
        if start == 0:
            gone.append((0, end))  # leading spaces and line breaks go
            continue
        newline = mapped.find("\n", start + 1, end) if mapped[start] == " " else -1
        if newline > 0:  # " \n  ": the space and the first line break stay
            gone += [(start + 1, newline), (newline + 1, end)]
        else:
            gone.append((start + 1, end))
    doubles: list[tuple[int, int]] = []  # (kept character, last character it stands for), in ``mapped``
    letters_ascii = low.isascii() or not any(c.isalpha() for c in set(_NOT_ASCII.findall(low)))
    repeated = (
        _doubled_ascii(low) if letters_ascii else [m.span() for m in _DOUBLED.finditer(low) if m[1].isalpha()]
    )
    for start, end in repeated:
        doubles.append((start, end - 1))
        gone.append((start + 1, end))
    kept: list[tuple[int, int]] = []
    last = 0
    for start, end in sorted(gone):
        if start == end:
            continue  # " \n" with nothing between: no range goes
        if start > last:
            kept.append((last, start))
        last = max(last, end)
    if last < len(mapped):
        kept.append((last, len(mapped)))
    return _compose(mapped, low, kept, pieces, doubles)


def _doubled_ascii(low: str) -> list[tuple[int, int]]:
    """Spans of the runs of one repeated ASCII letter ("ll" in "killed"), as ``_DOUBLED_ASCII.finditer`` finds
    them, in a text whose letters are all ASCII. The regex tries every character in turn (the normal form's main
    cost); here the text is read as one big integer and XORed with itself shifted by one character, so that a
    character equal to the one before it is a zero byte, and only those are looked at."""
    data = low.encode("ascii", "replace")  # one byte per character ("?" for the others, which are no letters)
    number = int.from_bytes(data, "big")
    same = (number ^ (number >> 8)).to_bytes(len(data), "big")  # same[i] == 0: data[i] == data[i - 1]
    out: list[tuple[int, int]] = []
    for m in _ZEROS.finditer(same, 1):  # same[i:j] all zero: data[i - 1 : j] is one character repeated
        i, j = m.span()
        if 97 <= data[i] <= 122:  # a-z
            out.append((i - 1, j))
    return out


def _space_runs(mapped: str) -> list[tuple[int, int]]:
    """Spans of the leading spaces and line breaks, and of every later run of two or more (what the regex
    ``^[ \n]+|[ \n][ \n]+`` finds). The next run starts at the first of the four pairs; a regex would stop at
    every single space of the text to look."""
    leading = _LEADING_SPACES.match(mapped)
    out = [leading.span()] if leading else []
    pos = leading.end() if leading else 0
    size = len(mapped)
    ahead = [mapped.find(pair, pos) for pair in _SPACE_PAIRS]  # where each pair stands next (-1: nowhere)
    while True:
        found = [i for i in ahead if i >= 0]
        if not found:
            return out
        start = min(found)
        end = start + 2
        while end < size and mapped[end] in " \n":
            end += 1
        out.append((start, end))
        if len(out) > _FEW_RUNS:  # a text of many runs: the regex's one pass is faster from here
            return out + [m.span() for m in _SPACE_RUNS.finditer(mapped, end)]
        ahead = [
            mapped.find(pair, end) if 0 <= i < end else i for pair, i in zip(_SPACE_PAIRS, ahead, strict=True)
        ]


def _compose(
    mapped: str,
    low: str,
    kept: list[tuple[int, int]],
    pieces: list[tuple[int, int]],
    doubles: list[tuple[int, int]],
) -> Normalised:
    """The Normalised of ``mapped`` cut to its ``kept`` ranges, mapped back through the ``pieces`` of the text it
    was joined from."""
    begins = [a for a, _ in kept]
    stops = [b for _, b in kept]
    # where each kept range begins in the output; and where it ends, by where it ends in ``mapped``
    out_at = list(accumulate(map(sub, stops, begins), initial=0))
    out_end = dict(zip(stops, out_at[1:], strict=True))
    out_at.pop()
    # a doubled letter's kept character ends its kept range: the rest of the run is gone right after it
    if len(pieces) == 1:
        # nothing was dropped from the text: a kept range maps back whole, and two never touch
        shift = pieces[0][0]
        breaks, origins = out_at, [a + shift for a in begins] if shift else begins
        stretched = [(out_end[first + 1] - 1, last + shift + 1) for first, last in doubles]
    else:
        breaks, origins = _through_pieces(kept, out_at, pieces)
        stretched = [(out_end[first + 1] - 1, _back(pieces, last) + 1) for first, last in doubles]
    cuts = list(map(slice, begins, stops))
    return Normalised(
        "".join(map(mapped.__getitem__, cuts)),
        "".join(map(low.__getitem__, cuts)),
        tuple(breaks),
        tuple(origins),
        tuple(stretched),
    )


def _back(pieces: list[tuple[int, int]], i: int) -> int:
    """The offset in the text of offset ``i`` of the pieces joined."""
    for a, b in pieces:
        if i < b - a:
            return a + i
        i -= b - a
    raise IndexError(i)


def _through_pieces(
    kept: list[tuple[int, int]], out_at: list[int], pieces: list[tuple[int, int]]
) -> tuple[list[int], list[int]]:
    """Runs of the output when the mapped text was joined from several pieces of the original (apostrophes
    dropped): a kept range is split where a piece ends, and runs that touch in the original are one."""
    at = [0]
    for a, b in pieces[:-1]:
        at.append(at[-1] + b - a)
    breaks: list[int] = []
    origins: list[int] = []
    for (a, b), n in zip(kept, out_at, strict=True):
        p = bisect.bisect_right(at, a) - 1
        while a < b:
            stop = min(b, at[p + 1]) if p + 1 < len(at) else b
            here = pieces[p][0] + (a - at[p])
            if not breaks or origins[-1] + (n - breaks[-1]) != here:
                breaks.append(n)
                origins.append(here)
            n += stop - a
            a, p = stop, p + 1
    return breaks, origins


def _through(norm: Normalised, pieces: list[tuple[int, int]]) -> Normalised:
    """``norm`` of the text joined from ``pieces`` of another, mapped back to that other text."""
    out_at = list(norm.breaks)
    lengths = map(sub, [*out_at[1:], len(norm.folded)], out_at)  # of each run, which is a kept range
    kept = list(zip(norm.origins, map(add, norm.origins, lengths), strict=True))
    breaks, origins = _through_pieces(kept, out_at, pieces)
    stretched = [(k, _back(pieces, end - 1) + 1) for k, end in norm.stretched]
    return Normalised(norm.cased, norm.folded, tuple(breaks), tuple(origins), tuple(stretched))


def _segments(size: int, dropped: list[int]) -> list[tuple[int, int]]:
    """The ranges of 0..size-1 left between the sorted positions ``dropped``."""
    out = []
    last = 0
    for d in dropped:
        if d > last:
            out.append((last, d))
        last = d + 1
    if last < size:
        out.append((last, size))
    return out


# ------------------------------------------------------------------------------ the ASCII path, byte by byte
# Once its apostrophes are dropped, most report text holds no letter outside ASCII: each character maps to one,
# and only repeated spaces and doubled letters go. Their positions are found for the whole text at once, as
# bytes: the text read as one big integer and XORed with itself shifted by one character has a zero byte
# wherever a character repeats the one before it (the same trick as _doubled_ascii); the characters that never
# collapse (all but letters, spaces and line breaks) are kept apart by ORing in a mask. What is left between the
# zero bytes is the kept text, cut out by one split, not by a Python step per kept range (the cost of the fast
# path above on a long report).

_ASCII_MAP = bytes(ord(_ONE.get(i, chr(i))) if i < 128 else i for i in range(256))  # _ONE as a byte table
_LINE_AS_SPACE = bytes.maketrans(b"\n", b" ")  # a run of spaces and line breaks repeats one character
_NOT_FOLDING = bytes(0 if chr(i) in " \n" or 97 <= i <= 122 else 1 for i in range(256))  # (a-z, space, \n)
_GONE = bytes([0x80] + [0] * 255)  # a zero byte (a character that goes) -> 0x80, any other -> 0
_HIGH = bytes(range(128, 256))


def _normalise_ascii(text: str) -> Normalised | None:
    """:func:`normalise` of a text without apostrophes whose letters outside ASCII map to ASCII (None for any
    other text). Its characters stand one byte each in the lower case bytes (other characters as "?": no letter,
    no space); those bytes find what goes, and the kept ranges are cut from the text mapped."""
    if not text or "'" in text or "`" in text:
        return None
    wide = None if text.isascii() else _mapped(text)  # the mapped text, when it is not ASCII
    if wide is not None:
        low = wide.encode("ascii", "replace").lower()
    elif text.isascii():
        mapped = text.encode("ascii").translate(_ASCII_MAP)
        low = mapped.lower()
    else:
        return None
    flat = low.translate(_LINE_AS_SPACE)
    gone = _repeats(low, flat)
    sizes = list(map(len, gone.split(b"\x00")))  # the kept ranges, and empty ones between two zero bytes
    origins, stops = piece_spans(sizes)
    lengths = list(filter(None, sizes))
    if not lengths:
        return None  # spaces only
    breaks = list(accumulate(lengths, initial=0))
    # a kept range followed by a doubled letter's run ends in the letter that stands for the run
    pairs = zip(breaks[1:-1], stops[:-1], origins[1:], strict=True)
    stretched = [(end - 1, back) for end, stop, back in pairs if flat[stop] != 32]
    if stops[-1] < len(low) and flat[stops[-1]] != 32:
        stretched.append((breaks[-1] - 1, len(low)))
    breaks.pop()
    if wide is None:
        # the gone characters get their high bit set; deleting every byte with the high bit leaves the kept ones
        marks = int.from_bytes(gone.translate(_GONE), "big")
        cased = (
            (int.from_bytes(mapped, "big") | marks).to_bytes(len(low), "big").translate(None, _HIGH).decode()
        )
    else:
        cased = "".join(map(wide.__getitem__, map(slice, origins, stops)))
    # (lower case character for character: the letters are ASCII, see _mapped)
    return Normalised(cased, cased.lower(), tuple(breaks), tuple(origins), tuple(stretched))


def _mapped(text: str) -> str | None:
    """``text`` (not ASCII) mapped character for character, when each of its characters maps to one, and none
    outside ASCII is a letter or has a lower case (only ASCII letters double, and lowering the bytes lowers the
    text); else None. The ASCII stretches between the other characters are mapped as bytes: str.translate takes
    its slow way, a dictionary lookup per character, on a text that is not all ASCII."""
    parts = _NOT_ASCII_SPLIT.split(text)  # ASCII stretches and the characters between them, in turn
    others = set(parts[1::2])
    if not others.isdisjoint(_APOSTROPHES) or not _known(others):
        return None
    parts[1::2] = [_ONE[ord(c)] for c in parts[1::2]]
    if any(c.isalpha() or c.lower() != c for c in parts[1::2] if not c.isascii()):
        return None
    parts[0::2] = [p.encode("ascii").translate(_ASCII_MAP).decode("ascii") for p in parts[0::2]]
    return "".join(parts)


def _repeats(low: bytes, flat: bytes) -> bytearray:
    """``low`` with a zero byte at each character that goes: leading spaces and line breaks, all but the first of
    a doubled letter, and all but the first of a run of spaces and line breaks (``flat`` has spaces for line
    breaks), save a run's first line break after spaces (" \n" stays)."""
    number = int.from_bytes(flat, "big")
    others = int.from_bytes(low.translate(_NOT_FOLDING), "big")  # no zero where the character never collapses
    gone = bytearray(((number ^ (number >> 8)) | others).to_bytes(len(low), "big"))
    if flat[0] == 32:
        lead = len(flat) - len(flat.lstrip(b" "))
        gone[:lead] = bytes(lead)
    at = low.find(b" \n")
    while at >= 0:
        first = at  # the run's first character, if only spaces stand before this line break
        while first and low[first - 1] == 32:
            first -= 1
        if first and low[first - 1] != 10:
            gone[at + 1] = 1  # the run opens with spaces: its first line break stays
        at = low.find(b" \n", at + 2)
    return gone


_MARK = "\x00"
_ASCII_MARKS = {i: _MARK for i in range(128) if not chr(i).isalnum()}
_BYTE_MARKS = bytes(0 if i in _ASCII_MARKS else i for i in range(256))  # (bytes past ASCII do not occur)


def marked(folded: str) -> str:
    """``folded`` with every character that is no letter or digit written as NUL, between two NULs. A spelling
    stands in ``folded`` as a whole word exactly where its own marked form stands in this text (its letters
    and digits the same, NULs around it), so the automaton finds only whole words; a spelling with other
    characters than letters and digits ("u.s.") is then compared as written."""
    if folded.isascii() or not any(c.isalnum() for c in set(_NOT_ASCII.findall(folded))):
        # as bytes ("?" for the characters outside ASCII, which are no letters or digits either): str.translate
        # is several times slower, and much slower on a text that is not all ASCII
        return _MARK + folded.encode("ascii", "replace").translate(_BYTE_MARKS).decode("ascii") + _MARK
    table = dict(_ASCII_MARKS)
    table.update((ord(c), _MARK) for c in set(_NOT_ASCII.findall(folded)) if not c.isalnum())
    return _MARK + folded.translate(table) + _MARK


def key(text: str) -> str:
    """The automaton key of an alias: its folded normal form without edge spaces."""
    return normalise(text).folded.strip()


def cased_key(text: str) -> str:
    return normalise(text).cased.strip()


def words_key(words: str) -> frozenset[str]:
    """Normalised forms of space-separated words."""
    return frozenset(key(w) for w in words.split())


_HEAD_SKIP = " " + "".join(_QUOTES)


class Tokens:
    """Words of the folded text with their offsets, for the token patterns. (The patterns look at a few words
    around each of hundreds of hits: the words are cut out once, and the lookups around them stay small.)"""

    def __init__(self, norm: Normalised, marks: str | None = None) -> None:
        """``marks``: :func:`marked` of ``norm.folded`` when the caller has it. Its words are the pieces between
        NULs: one split and a running sum, in C, cut them out (a regex would build a match object per word)."""
        self.norm = norm
        self.folded = norm.folded
        pieces = (marked(norm.folded) if marks is None else marks).split(_MARK)
        # (the marked text opens with a NUL the folded text does not have: its first piece starts at -1)
        self.starts, self.ends = piece_spans(list(map(len, pieces)), first=-1)
        self.words: list[str] = list(filter(None, pieces))

    def __len__(self) -> int:
        return len(self.starts)

    def word(self, i: int) -> str:
        return self.words[i]

    def capitalised(self, i: int) -> bool:
        # ordinals count ("13th Division"), bare numbers do not ("5 gunmen")
        c = self.norm.cased[self.starts[i]]
        return c.isupper() or (c.isdigit() and not self.words[i].isdigit())

    def sentence_start(self, i: int) -> bool:
        """Whether word ``i`` opens a sentence, line or headline part, where any word is capitalised."""
        k = self.starts[i] - 1
        while k >= 0 and self.folded[k] in _HEAD_SKIP:  # spaces and quotes before it
            k -= 1
        return k < 0 or self.folded[k] in ".!?:;|\n"

    def after(self, offset: int) -> int | None:
        """Index of the word right after ``offset``, separated by spaces (and quotes) only."""
        starts = self.starts
        i = bisect.bisect_left(starts, offset)
        if i < len(starts):
            gap = self.folded[offset : starts[i]]
            if gap == " " or not gap.strip(_JOINERS):  # joined(), inline: this is called for every hit
                return i
        return None

    def before(self, offset: int) -> int | None:
        """Index of the word right before ``offset``, separated by spaces (and quotes) only."""
        i = bisect.bisect_right(self.ends, offset) - 1
        if i >= 0:
            gap = self.folded[self.ends[i] : offset]
            if gap == " " or not gap.strip(_JOINERS):
                return i
        return None

    def index_at(self, offset: int) -> int | None:
        i = bisect.bisect_left(self.starts, offset)
        return i if i < len(self.starts) and self.starts[i] == offset else None


def joined(gap: str) -> bool:
    # words belong together when only spaces or quotes part them ("the “NDF” fighters"), not punctuation
    return gap == " " or not gap.strip(_JOINERS)


def whole_word(folded: str, start: int, end: int) -> bool:
    """Whether ``folded[start:end]`` stands as a whole word: the definition the marked automaton agrees with."""
    return (start == 0 or not folded[start - 1].isalnum()) and (
        end == len(folded) or not folded[end].isalnum()
    )
