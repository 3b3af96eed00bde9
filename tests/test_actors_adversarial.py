"""Adversarial and random input: long strings finish fast, spans always point at the words they name."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.actors import ActorDictionary, load_dictionary, normalise

TEN_KB = 10_000
ADVERSARIAL = {
    "one long word": "a" * TEN_KB,
    "repeated acronym": "IS " * (TEN_KB // 3),
    "pro chain": "pro-" * (TEN_KB // 4),
    "backed chain": "ISIS-backed " * (TEN_KB // 12),
    "capitalised run": "Free " * (TEN_KB // 5),
    "arabic lead run": "Liwaaaaaa al-" * (TEN_KB // 13),
    "members of chain": "members of " * (TEN_KB // 11),
    "possessive chain": "'s" * (TEN_KB // 2),
    "apostrophes": "'" * TEN_KB,
    "dashes": "—" * TEN_KB,
    "quotes": "“" * TEN_KB,
    "line breaks": "\n \u2028" * (TEN_KB // 3),
    "combining accents": "a\u0301" * (TEN_KB // 2),
    "ligatures": "ﬁ" * TEN_KB,
    "doubled letters": "Liwaaaa " * (TEN_KB // 8),
    "alias soup": "regime forces ISIS members pro-Russian fighters " * (TEN_KB // 48),
    "no spaces aliases": "ISISNDFSDFHTS" * (TEN_KB // 13),
    "of the chain": "Army of the " * (TEN_KB // 12),
    "capitals and ordinals": "A 13th B 2017 " * (TEN_KB // 14),
    "group words": "fighters brigade liwa room " * (TEN_KB // 27),
    "title case line": "Free Army Fighters Attack " * (TEN_KB // 26),
}


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_dictionary()


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_actors_adversarial_10kb_strings_finish_quickly(actors: ActorDictionary, name: str) -> None:
    text = ADVERSARIAL[name]
    start = time.perf_counter()
    found = actors.find(text)
    assert time.perf_counter() - start < 1.0
    for m in found:
        assert text[m.span.start : m.span.end] == m.span.text


def test_actors_unknown_group_names_stay_short(actors: ActorDictionary) -> None:
    assert all(len(m.actor.name.split()) <= 8 for m in actors.find(ADVERSARIAL["arabic lead run"]))


FRAGMENTS = st.sampled_from(
    [
        "ISIS",
        "IS",
        "is",
        "NDF",
        "Liwaa Al-Quds",
        "5th Corps",
        "regime",
        "forces",
        "regime's",
        "pro-",
        "Russian",
        "-backed",
        "members",
        "of",
        "the",
        "Free",
        "Army",
        "fighters",
        "children",
        "a man",
        "Hay’at",
        "Tahrir",
        "al-Sham",
        "“",
        "”",
        ",",
        ".",
        "\n",
        " ",
        "  ",
        "é",
        "ß",
        "İ",
        "ﬁ",
        "'s",
        "—",
        "Taliban",
        "coalition",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_actors_spans_always_match_the_text(text: str) -> None:
    found = load_dictionary().find(text)
    previous_end = 0
    for m in found:
        assert 0 <= m.span.start < m.span.end <= len(text)
        assert text[m.span.start : m.span.end] == m.span.text == m.actor.raw
        assert m.span.start >= previous_end  # no overlaps, text order
        previous_end = m.span.end


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_actors_normalise_maps_every_character_back(text: str) -> None:
    norm = normalise(text)
    assert len(norm.cased) == len(norm.folded) == len(norm.starts) == len(norm.ends)
    assert list(norm.starts) == sorted(norm.starts)
    assert all(0 <= s < e <= len(text) for s, e in zip(norm.starts, norm.ends, strict=True))
    load_dictionary().find(text)  # and finding never fails on any text
