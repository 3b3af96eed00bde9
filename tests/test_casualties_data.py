"""Integrity of the casualty stage's word lists (src/marsad/extract/data): every row is readable, every value is one
the code knows, no word has two meanings, and docs/casualties.md states every vague quantity as the data does."""

from __future__ import annotations

import csv
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from marsad.extract.casualties import lexicon
from marsad.extract.numbers import vague_quantities
from marsad.records import FIGURE_KINDS

POSITIONS = {"both", "before", "after", "noun", "of"}
ROLES = {"aux", "adverb", "negation", "prep", "clause", "definite", "indefinite", "possessive", "pron_one",
         "pron_many", "title", "particle", "not_name", "time", "attack"}  # fmt: skip
DOCS = Path(__file__).resolve().parents[1] / "docs" / "casualties.md"


def _lines(name: str) -> list[str]:
    text = resources.files("marsad.extract").joinpath(f"data/{name}").read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_lines(name)))


@pytest.mark.parametrize(
    "name", ["victim_nouns.txt", "not_people.txt", "casualty_civilians.txt", "casualty_background.txt"]
)
def test_casualties_data_word_lists_are_lower_case_and_unique(name: str) -> None:
    words = _lines(name)
    assert words, name
    assert all(w == w.lower() and w == " ".join(w.split()) for w in words), name
    assert not [w for w, n in Counter(words).items() if n > 1], name


def test_casualties_data_harm_words_have_known_kinds_and_positions() -> None:
    rows = _rows("harm_words.csv")
    assert {r["kind"] for r in rows} <= set(FIGURE_KINDS)
    assert {r["position"] for r in rows} <= POSITIONS
    words = [r["word"] for r in rows]
    assert not [w for w, n in Counter(words).items() if n > 1]
    for w in words:  # each is found whole, as written
        m = lexicon().harm_re.search(f"x {w} y")
        assert m and m.group() == w, w


def test_casualties_data_grammar_words_have_one_known_role() -> None:
    rows = _rows("casualty_words.csv")
    assert {r["role"] for r in rows} <= ROLES
    assert not [w for w, n in Counter(r["word"] for r in rows).items() if n > 1]
    assert all(r["word"] == r["word"].lower() for r in rows)


def test_casualties_data_people_and_things_never_overlap() -> None:
    people, things = set(_lines("victim_nouns.txt")), set(_lines("not_people.txt"))
    assert not people & things
    assert set(_lines("casualty_civilians.txt")) <= people


def test_casualties_data_background_cues_compile() -> None:
    assert lexicon().background_re.search("the commander is linked to an attack that killed ")
    assert not lexicon().background_re.search("ISIS claimed responsibility for the attack, which killed ")


def test_casualties_data_vague_quantities_are_ordered_and_documented() -> None:
    docs = DOCS.read_text("utf-8")
    for phrase, c in vague_quantities().items():
        assert c.vague and 0 < c.low <= c.best <= c.high, phrase
        row = re.search(rf"^\|[^|\n]*`{re.escape(phrase)}`[^\n]*$", docs, re.MULTILINE)
        assert row, f"docs/casualties.md has no row for {phrase!r}"
        assert f"| {c.low} | {c.best} | {c.high} |" in row.group(), phrase
