"""The words of a text as the matcher reads them: the columns ``Words`` builds in bulk (from a table of words
seen before) say for each word what the plain per-word definition says."""

from __future__ import annotations

from itertools import accumulate, compress
from operator import add
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.gazetteer import words as words_module
from marsad.gazetteer.checks import _CAPITAL, _LETTER
from marsad.gazetteer.layers import KeyFinder
from marsad.gazetteer.normalise import fold, token_key
from marsad.gazetteer.quarters import _WORD, mentioned
from marsad.gazetteer.words import PARTICLES, Words

_PIECES = [
    "Deir",
    "ez-Zor",
    "al-Wa'er",
    "ISIS's",
    "Syria's",
    "in",
    "the",
    "Ḥamāh",
    "حلب",
    "9",
    "x2in",
    "İdlib",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, " ", ", ", "\n", "-", "’s"]), max_size=20))
def test_gazetteer_words_columns_match_each_word(parts: list[str]) -> None:
    words = Words("".join(parts))
    assert len(words.folded) == len(words.keys) == len(words.capital) == len(words.lower) == len(words.raw)
    for index, raw in enumerate(words.raw):
        assert words.folded[index] == fold(raw)
        assert words.keys[index] == token_key(fold(raw))
        assert words.capital[index] == raw[0].isupper()
        assert words.lower[index] == raw[0].islower()
    # a headline's counts: words in lower or Title Case ("ISIS's" is all capitals), and the capitalised ones
    whole = [raw + words.trimmed.get(index, "") for index, raw in enumerate(words.raw)]
    cased = [w[0].isalpha() and not w.isupper() for w in whole]
    capitals = [c and w[0].isupper() for c, w in zip(cased, whole, strict=True)]
    assert words.title_counts(0, len(words.text)) == (sum(cased), sum(capitals))
    # and those of the words that start in each half of the text
    middle = len(words.text) // 2
    for start, end in ((0, middle), (middle, len(words.text))):
        inside = [start <= at < end for at in words.starts]
        expected = (sum(compress(cased, inside)), sum(compress(capitals, inside)))
        assert words.title_counts(start, end) == expected


def test_gazetteer_words_empty_text_has_no_columns() -> None:
    words = Words("  ,  ")
    assert (len(words), list(words.capital), list(words.lower), words.joined) == (0, [], [], " ")


_MARKED = [
    "city",
    "ucity",
    "Farms",
    "farmsx",
    "area51",
    "_area",
    "Street",
    "ISIS",
    "Ḥamāh",
    "İdlib",
    "\u212a",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_MARKED, " ", "–", "’", "\xa0", "“", "\ufffd", "-", "_", "s"]), max_size=12)
)
def test_gazetteer_words_plain_text_reads_as_the_text(parts: list[str]) -> None:
    # the text with its typographic marks as spaces: the same quarters' words, letters and capitals
    text = "".join(parts)
    plain = Words(text).plain
    assert mentioned(text, plain) == (_WORD.search(text) is not None)
    if plain is not None:
        assert plain.isascii() and len(plain) == len(text)
        assert len(_LETTER.findall(plain)) == len(_LETTER.findall(text))
        assert len(_CAPITAL.findall(plain)) == len(_CAPITAL.findall(text))


# Letters, digits, "_", apostrophes and "'s", hyphens, spaces and line breaks, letters outside ASCII and the
# typographic marks of news text: what decides where a word starts and ends.
_CHARACTERS = [
    *"aZk7_-' \n`",
    "’",
    "‘",
    "'s",
    "’S",
    "ʼ",
    "é",
    "Ḥ",
    "İ",
    "²",
    "—",
    "“",
    "\ufffd",
    "\xa0",
    "Syria",
    "al",
    "the",
    "Bukamal",
]
_COLUMNS = ("starts", "ends", "raw", "folded", "keys", "capital", "lower", "joined", "owners", "key_starts")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_CHARACTERS), max_size=30))
def test_gazetteer_words_bytes_read_the_words_the_regex_reads(parts: list[str]) -> None:
    # the words cut from the text's bytes are those of the regex (``_split_words``), which defines them
    text = "".join(parts)
    words = Words(text)
    with mock.patch.object(words_module, "_plain_words", return_value=None):
        by_regex = Words(text)
    for column in _COLUMNS:
        assert getattr(words, column) == getattr(by_regex, column), column
    assert words.trimmed == by_regex.trimmed
    assert words.title_counts(0, len(text)) == by_regex.title_counts(0, len(text))
    # the text with its typographic marks as spaces, where that is ASCII
    plain = text.translate(words_module._MARKS_AS_SPACES)
    assert words.plain == (plain if plain.isascii() else None)
    assert words.name_starts() == by_regex.name_starts()
    # the joined keys, where each starts and whose it is, as the keys say
    keyed = [key for key in words.keys if key]
    assert words.joined == (" " + " ".join(keyed) + " " if keyed else " ")
    assert words.owners == list(compress(range(len(words)), words.keys))
    assert words.key_starts == list(
        map(add, accumulate(map(len, keyed), initial=0), range(1, len(keyed) + 1))
    )
    if text.isascii() and "'" not in text and "`" not in text:
        assert words_module._plain_words(text, frozenset()) is not None  # the bytes read every such text


def _runs_by_definition(words: Words) -> list[tuple[int, int]]:
    """Runs of capitalised words with only joined particles between them, particles at the ends left out."""
    runs: list[list[int]] = []
    for index in [i for i, capital in enumerate(words.capital) if capital]:
        if runs:
            between = range(runs[-1][1] + 1, index)
            particles = all(words.folded[b] in PARTICLES for b in between)
            if particles and all(words.joined_to(b - 1, b) for b in range(runs[-1][1] + 1, index + 1)):
                runs[-1][1] = index
                continue
        runs.append([index, index])
    out = []
    for first, last in runs:
        kept = [i for i in range(first, last + 1) if words.folded[i] not in PARTICLES]
        if kept:
            out.append((kept[0], kept[-1]))
    return out


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Deir", "ez", "Zor", "Al", "al", "bin", "Ibn", "the", "The", "x", "9", " ", "-", ", "]
        ),
        max_size=20,
    )
)
def test_gazetteer_words_capital_runs_as_defined(parts: list[str]) -> None:
    words = Words("".join(parts))
    assert words.capital_runs() == _runs_by_definition(words)


_FINDER_KEYS = ["deir ez zor", "deir", "zor", "hama", "tal abyad", "tal", "syria", "abu kamal"]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Deir", "ez", "Zor", "Hama", "Tal", "tal", "Abyad", "Syria", "in", "Bukamal", " ", "-"]
        ),
        max_size=20,
    ),
    st.sets(st.sampled_from(_FINDER_KEYS)),
)
def test_gazetteer_words_finder_reads_each_word_as_the_joined_keys_say(
    parts: list[str], beside: set[str]
) -> None:
    # the finds of the keys of the words at each name start (``find_words``) are what reading the joined keys
    # from each start finds (``find``, the definition), with the index of the word each starts at
    finder = KeyFinder.of(_FINDER_KEYS[:6], beside)
    words = Words(" ".join(parts))
    starts = words.name_starts()
    if starts is None:  # "Bukamal": a key of several words of its own
        return
    keys, first = words.name_start_words()
    assert keys == [words.joined[at : words.joined.find(" ", at)] for at in starts]
    assert first == [words.owner(at) for at in starts]
    found = finder.find_words(words.joined, starts, keys, first)
    assert [(end, key, held) for end, _, key, held, _ in found] == finder.find(words.joined, starts)
    assert all(words.owner(start) == word and end - start == len(key) for end, start, key, _, word in found)
