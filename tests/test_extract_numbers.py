from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.extract.numbers import QUALIFIERS, count_pattern, number_to_words, parse_count, parse_number


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
        ("numerous", 3, 4, 20),
        ("many", 3, 4, 20),
        ("eight to 12", 8, 8, 12),
        ("two or three", 2, 2, 3),
        ("two dozen", 24, 24, 24),
        ("nearly two dozen", 19, 24, 24),
        ("more than a dozen", 13, 13, 18),
        ("twenty-five", 25, 25, 25),
        ("ninety-nine", 99, 99, 99),
        ("999999999", 999_999_999, 999_999_999, 999_999_999),
    ],
)
def test_numbers_parse_count_table(text: str, low: int, best: int, high: int) -> None:
    c = parse_count(text)
    assert c is not None
    assert (c.low, c.best, c.high) == (low, best, high)


@pytest.mark.parametrize(
    "text", ["5th", "Corps", "", "twelve apples", "x" * 10_000, "1e9", "one " * 40, "9" * 41, "and and and"]
)
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


@given(st.integers(min_value=0, max_value=999_999))
def test_numbers_count_round_trip_of_words(n: int) -> None:
    c = parse_count(number_to_words(n))
    assert c is not None and (c.low, c.best, c.high) == (n, n, n)


@given(st.integers(min_value=1, max_value=999))
def test_numbers_count_pattern_reads_whole_number_words(n: int) -> None:
    words = number_to_words(n)
    m = count_pattern().match(words)
    assert m is not None and m.group() == words


@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_digits_with_commas_and_arabic_indic_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))) == n
    m = count_pattern().match(f"{n:,} killed")
    assert m is not None and m.group() == f"{n:,}"


@given(st.integers(min_value=1, max_value=100_000), st.integers(min_value=0, max_value=100_000),
       st.sampled_from(QUALIFIERS))  # fmt: skip
def test_numbers_qualifiers_are_monotone(n: int, extra: int, qualifier: str) -> None:
    """A larger stated number never gives a smaller figure, whatever the qualifier."""
    small, large = parse_count(f"{qualifier} {n}"), parse_count(f"{qualifier} {n + extra}")
    assert small is not None and large is not None
    assert small.low <= large.low and small.best <= large.best and small.high <= large.high


@given(st.integers(min_value=1, max_value=100_000))
def test_numbers_qualifier_meanings(n: int) -> None:
    more, up_to, nearly = parse_count(f"more than {n}"), parse_count(f"up to {n}"), parse_count(f"nearly {n}")
    assert more is not None and more.low > n
    assert up_to is not None and up_to.best == up_to.high == n
    assert nearly is not None and nearly.high == n


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=1, max_value=10_000),
       st.sampled_from([" to ", "-", " or "]))  # fmt: skip
def test_numbers_ranges_keep_both_ends(low: int, width: int, sep: str) -> None:
    c = parse_count(f"{low}{sep}{low + width}")
    assert c is not None and (c.low, c.best, c.high) == (low, low, low + width)
    between = parse_count(f"between {low} and {low + width}")
    assert between is not None and (between.low, between.high) == (low, low + width)


@given(st.integers(min_value=1, max_value=99))
def test_numbers_dozens_of_words(n: int) -> None:
    c = parse_count(f"{number_to_words(n)} dozen")
    assert c is not None and c.best == 12 * n


@given(st.text(max_size=120))
def test_numbers_parse_count_never_fails_on_any_text(text: str) -> None:
    c = parse_count(text)
    assert c is None or c.low <= c.best <= c.high
