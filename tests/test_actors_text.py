"""The byte-by-byte normal form of text without apostrophes agrees with the character-by-character definition."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.actors.text import _normalise_ascii, _normalise_each, _normalise_fast, marked, normalise

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"

ASCII_LIKE = [
    "Liwaa  Al-Quds fighters attacked",
    "Fatemiyyoun\n\n  men in Raqqa",
    "  \n leading spaces and line breaks",
    "a \n  \n b",  # the space and the first line break stay
    "a\n \n b",  # a run that opens with a line break keeps only it
    "the end   ",
    "killed\r\nmen--al_Quds\tttoo aaa",
    "AAbB 00 ..  xX",
    "   ",
    "a",
    "Liwā  al-Ḥasakah — “NDF” fighters\u2028killed � men",  # accents and other characters outside ASCII
    "İstanbul ΣΟΦΟΣ ﬁghters a\u0301b",  # none of these: the other paths
    "the regime's  forces\n\n  shelled Hay'at Tahrir al-Sham’s  posts",  # apostrophes dropped, then bytes
    "Liwā' al-Quds and the Fatemiyy'oun",  # a doubled letter across a dropped apostrophe
]


@pytest.mark.parametrize("text", ASCII_LIKE)
def test_actors_ascii_normalise_agrees_with_the_definition(text: str) -> None:
    assert normalise(text) == _normalise_each(text)
    assert _normalise_ascii(text) in (None, _normalise_fast(text))


@settings(max_examples=600, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aAbBlLsS  \n\n\r\t\v\x1c-_.,0?\x00éĀ—“\u2028�ΣİßŁ")), max_size=30)
)
def test_actors_ascii_normalise_agrees_on_random_text(text: str) -> None:
    assert _normalise_ascii(text) in (None, _normalise_each(text))


def test_actors_ascii_normalise_agrees_on_the_reports() -> None:
    reports = sorted(EXAMPLES.iterdir())
    assert reports
    for path in reports:
        text = path.read_text("utf-8").replace("'", "").replace("’", "")  # (apostrophes take the other path)
        assert _normalise_ascii(text) == _normalise_each(text), path.name
        text = text.encode("ascii", "replace").decode("ascii")
        assert _normalise_ascii(text) == _normalise_each(text), path.name


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 .-?\x00\n�“é٣ßⅰ")), max_size=20))
def test_actors_marked_writes_every_character_that_is_no_letter_or_digit_as_nul(text: str) -> None:
    assert marked(text) == "\x00" + "".join(c if c.isalnum() else "\x00" for c in text) + "\x00"
