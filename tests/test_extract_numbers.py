from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.extract.numbers import QUALIFIERS, number_to_words, parse_count, parse_number


@pytest.mark.parametrize(
    ("text", "low", "best", "high"),
    [
        ("12", 12, 12, 12),
        ("1,200", 1200, 1200, 1200),
        ("١٢", 12, 12, 12),
        ("۳", 3, 3, 3),
        ("twelve", 12, 12, 12),
        ("twenty-one", 21, 21, 21),
        ("Twenty One", 21, 21, 21),
        ("one hundred and five", 105, 105, 105),
        ("a dozen", 12, 12, 12),
        ("a couple of", 2, 2, 2),
        ("at least 5", 5, 5, 8),
        ("more than 130", 131, 131, 195),
        ("up to 20", 1, 20, 20),
        ("nearly 10", 8, 10, 10),
        ("about 40", 32, 40, 48),
        ("between 3 and 5", 3, 3, 5),
        ("3-5", 3, 3, 5),
        ("3 to 5", 3, 3, 5),
        ("several", 2, 3, 9),
        ("a few", 2, 2, 4),
        ("dozens", 24, 24, 99),
        ("dozens of", 24, 24, 99),
        ("tens of", 20, 20, 99),
        ("hundreds of", 200, 200, 999),
    ],
)
def test_numbers_parse_count_table(text: str, low: int, best: int, high: int) -> None:
    c = parse_count(text)
    assert c is not None
    assert (c.low, c.best, c.high) == (low, best, high)


@pytest.mark.parametrize("text", ["5th", "Corps", "", "twelve apples", "x" * 10_000, "1e9", "one " * 40])
def test_numbers_not_a_count(text: str) -> None:
    assert parse_count(text) is None


@given(st.integers(min_value=0, max_value=999_999))
def test_numbers_words_round_trip(n: int) -> None:
    assert parse_number(number_to_words(n)) == n


@given(st.integers(min_value=1, max_value=100_000), st.sampled_from(QUALIFIERS))
def test_numbers_qualified_range_is_ordered(n: int, qualifier: str) -> None:
    c = parse_count(f"{qualifier} {n}")
    assert c is not None
    assert c.low <= c.best <= c.high


@given(
    st.integers(min_value=1, max_value=100_000), st.sampled_from(["at least", "no fewer than", "more than"])
)
def test_numbers_at_least_never_below(n: int, qualifier: str) -> None:
    c = parse_count(f"{qualifier} {n}")
    assert c is not None and c.best >= n and c.low >= n
