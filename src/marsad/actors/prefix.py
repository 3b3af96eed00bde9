"""Which words a regex can match at: the first letters of its matches, read from the pattern itself.

Cue tables hold dozens of large case-insensitive alternations; trying each at every word of every sentence is
what made typing slow. :func:`starts_of` reads, from CPython's parse tree of a pattern, the lower-case prefixes
(PREFIX characters, or as many as the caller asks) that every match begins with. A sentence is then searched for a
pattern only at the words that begin with one of them, which finds exactly what ``finditer`` finds (the typing
tests check this on real reports) at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

PREFIX = 5  # long enough for the actor classes; typing reads longer prefixes (see typing.CUE_PREFIX)
SHORTEST = 3  # a cue whose matches may begin with fewer letters than this is always searched


def starts_of(pattern: str, length: int = PREFIX, shortest: int = SHORTEST) -> frozenset[str] | None:
    """The lower-case prefixes (``length`` characters, fewer when a whole match is shorter) that every match of
    ``pattern`` begins with, or None when they cannot be read from the pattern (the cue is then always searched)
    or some are shorter than ``shortest`` (a filter on them would let most words through)."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]  # CPython's own parse tree

        found = _prefixes(list(_parser.parse(pattern, re.IGNORECASE)), _constants, length)
    except Exception:  # another Python, or a construct the reader does not know: search always
        return None
    found = {p.rstrip(_CUT) for p in found} if found is not None else None
    if found is None or any(len(p) < shortest for p in found):
        return None
    return frozenset(found)


_CUT = "\0"  # ends a prefix that was cut short where the pattern became unreadable: nothing may follow it


def _done(p: str, length: int) -> bool:
    return len(p) >= length or p.endswith(_CUT)


def _prefixes(items: list[Any], c: Any, length: int) -> set[str] | None:
    """The prefixes every match of the parsed ``items`` begins with (see starts_of), None when unreadable."""
    out = {""}
    for op, av in items:
        if all(_done(p, length) for p in out):
            break
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.LITERAL:
            nxt: set[str] | None = {chr(av).lower()}
        elif op is c.IN:
            nxt = {chr(a).lower() for o, a in av if o is c.LITERAL}
            nxt = nxt if all(o is c.LITERAL for o, _ in av) else None
        elif op is c.SUBPATTERN:
            nxt = _prefixes(list(av[-1]), c, length)
        elif op is c.BRANCH:
            branches = [_prefixes(list(b), c, length) for b in av[1]]
            nxt = None if any(b is None for b in branches) else set().union(*branches)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            least, most, repeated = av
            once = _prefixes(list(repeated), c, length)
            if most > 1:
                # "(?:ab)+c" may go on "abab...": only a first repetition that must be there is known
                nxt = None if once is None or least == 0 else {n + _CUT for n in once}
            else:
                nxt = None if once is None else (once | {""} if least == 0 else once)
        else:
            return None
        if nxt is None or len(out) * len(nxt) > 20000:
            # unreadable from here on ("scam\w*"): what was read so far still starts every match
            return {p if _done(p, length) else p + _CUT for p in out}
        out = {p if _done(p, length) else (p + n)[:length] for p in out for n in nxt}
    return out


# Escapes that mean the same in either case of the text (classes, anchors); any other escaped letter or digit
# ("\\x41", "\\101", a back reference) may stand for a capital
_CASELESS_ESCAPES = frozenset("bBwWsSdDAZ")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")


def folded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-insensitive ``pattern`` written in lower case, made case-sensitive: in the lower-cased form of an
    ASCII text it finds what ``pattern`` finds in the text, at the same offsets (lower-casing ASCII keeps every
    offset, and a character matches a lower-case pattern case-insensitively exactly when its lower case matches it
    as written). The engine folds the case of every character it compares; a cue table tried on the lower-cased
    text skips that work. None when ``pattern`` is not so written: inline flags, a capital or non-ASCII letter,
    an escape that may stand for a letter, a class range that holds capitals."""
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or _INLINE_FLAGS.search(source) or not _lower_case(source):
        return None
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def _lower_case(source: str) -> bool:
    """Whether the regex ``source`` names only lower-case letters (see :func:`folded`)."""
    escaped = False
    opened = -1  # where the character class being read opened ("[" or "[^"), -1 outside one
    for i, ch in enumerate(source):
        if escaped:
            if ch.isalnum() and ch not in _CASELESS_ESCAPES:
                return False
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch.isupper() or (ch.isalpha() and not ch.isascii()):
            return False
        elif opened < 0:
            if ch == "[":
                opened = i + 2 if source.startswith("[^", i) else i + 1
        elif ch == "]" and i > opened:
            opened = -1
        elif (
            ch == "-"
            and opened < i < len(source) - 1
            and source[i + 1] != "]"
            and not _lower_range(source, i)
        ):
            return False
    return True


def _lower_range(source: str, i: int) -> bool:
    """Whether the class range around the "-" at ``i`` runs from a lower-case letter to one, or a digit to one."""
    low, high = source[i - 1], source[i + 1]
    both = low + high
    return source[i - 2 : i - 1] != "\\" and (
        both.isdigit() or (both.isalpha() and both.isascii() and both.islower())
    )


class Finder(NamedTuple):
    """:func:`prefix_finder`'s regex, for any text and for ASCII text (see ``_ASCII_NOT_WORD``)."""

    any: re.Pattern[str]
    ascii: re.Pattern[str]


# ``\W`` and ``\w`` in an ASCII text, written as classes of ASCII characters: the engine reads such a class as a
# bitmap, where ``\W`` asks Unicode's tables for each character, and the scan for the next character that is no
# letter or digit is most of a finder's cost (a sixth less time, on report sentences)
_ASCII_NOT_WORD, _ASCII_WORD = "[^a-zA-Z0-9_]", "[a-zA-Z0-9_]"
_ASCII_WORD_START = re.compile(_ASCII_WORD)


def prefix_finder(prefixes: Iterable[str]) -> Finder:
    """One regex whose matches in a lower-cased text, read by :func:`word_starts`, are the word starts where one
    of ``prefixes`` begins: the regex engine skips, in C, the many words that begin none, where a look-up at every
    word cost a loop in Python. Written as a trie ("a(?:bduc|ttac)"), so that each word is turned down at its first
    letters. A match is the one character before the word, no letter or digit: a pattern that opens with a class of
    characters is scanned for it in a tight loop, where one that opens with ``\b`` is tried at every character."""
    words = set(prefixes)
    trie = _trie(words)
    # the trie's first character is the word's: when every prefix opens with a word character (ASCII, so in any
    # text), the lookahead for one is implied and left out (one test less at every character before a word)
    implied = all(_ASCII_WORD_START.match(w) for w in words)
    word, ascii_word = ("", "") if implied else (r"(?=\w)", f"(?={_ASCII_WORD})")
    return Finder(re.compile(rf"\W{word}(?={trie})"), re.compile(rf"{_ASCII_NOT_WORD}{ascii_word}(?={trie})"))


def _trie(words: set[str]) -> str:
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here: whatever follows it, the prefix is there

    def emit(node: dict[str, Any]) -> str:
        if "" in node:
            return ""
        alternatives = [re.escape(ch) + emit(child) for ch, child in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return emit(tree) if tree else "(?!)"


def word_starts(low: str, finder: Finder) -> list[int]:
    """Offsets of the word starts of ``low`` that :func:`prefix_finder`'s ``finder`` finds. (A space before the
    text stands before its first word; it shifts every offset by one, and the match, the character before the word,
    by one back.)"""
    pattern = finder.ascii if low.isascii() else finder.any
    return [m.start() for m in pattern.finditer(" " + low)]
