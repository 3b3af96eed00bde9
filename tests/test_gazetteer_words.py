"""The words of a text as the matcher reads them: the columns ``Words`` builds in bulk (from a table of words
seen before) say for each word what the plain per-word definition says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.gazetteer.checks import _CAPITAL, _LETTER
from marsad.gazetteer.normalise import fold, token_key
from marsad.gazetteer.quarters import _WORD, mentioned
from marsad.gazetteer.words import Words

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
