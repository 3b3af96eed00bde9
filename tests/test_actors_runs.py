"""Capitalised runs and Title Case lines: the regex reading agrees with the word-by-word definition, and the map
back from normalised text gives the exact words."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.actors.runs import capitalised_runs, capitalised_runs_each, title_case_lines
from marsad.actors.text import Tokens, _normalise_each, normalise

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"

PHRASES = [
    "Members of the Free Idlib Army attacked regime forces",
    "the Army of the Mujahideen and Jaysh al Islam",
    "Army Of the Mujahideen",  # "the" joins after a capitalised "Of" too
    "For the 17th day the 13th Division held the Brigade 2017",  # ordinals are capitals, years are not
    "Jaysh Al",  # a run never ends with a connector
    "Liwa “al-Quds” fighters and the “Syrian Democratic Forces”",
    "The violations escalate during the 8TH day of the truce OF the Caesar",
    "Ørsted Brigade fighters and İstanbul units",  # capitals outside ASCII: the word-by-word reading
    "Force Repels Insurgent Attack in Helmand\nInsurgents attacked a patrol in Sangin district.",
    "",
]


def runs_words(text: str) -> list[list[str]]:
    toks = Tokens(normalise(text))
    return [[toks.word(k) for k in range(i, j)] for i, j in capitalised_runs(toks)]


@pytest.mark.parametrize("text", PHRASES)
def test_actors_runs_regex_agrees_with_word_by_word(text: str) -> None:
    toks = Tokens(normalise(text))
    assert capitalised_runs(toks) == capitalised_runs_each(toks)


def test_actors_runs_read_names_with_connectors() -> None:
    assert runs_words("the Army of the Mujahideen and Jaysh al Islam") == [
        ["army", "of", "the", "mujahiden"],  # doubled letters collapse
        ["jaysh", "al", "islam"],
    ]
    assert runs_words("For the 17th day the 13th Division held the Brigade 2017") == [
        ["for", "the", "17th"],
        ["13th", "division"],
        ["brigade"],
    ]


def test_actors_runs_agree_on_the_demo_reports() -> None:
    reports = sorted(EXAMPLES.iterdir())
    assert reports, "the demo corpus ships with the repository"
    for path in reports:
        toks = Tokens(normalise(path.read_text("utf-8")))
        assert capitalised_runs(toks) == capitalised_runs_each(toks), path.name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Army", "of", "the", "Of", "The", "al", "Al", "13th", "2017", "“", "for", "x",
                                 "Ø", "İ", ".", "\n"]), max_size=14))  # fmt: skip
def test_actors_runs_agree_on_random_word_salad(words: list[str]) -> None:
    toks = Tokens(normalise(" ".join(words)))
    assert capitalised_runs(toks) == capitalised_runs_each(toks)


def test_actors_title_case_lines_are_headlines_only() -> None:
    text = "Force Repels Insurgent Attack in Helmand\nInsurgents attacked a patrol in Sangin district."
    toks = Tokens(normalise(text))
    assert title_case_lines(toks) == [(0, toks.norm.folded.index("\n"))]  # offsets in the normalised text
    long_line = " ".join(["Capitalised Words Everywhere"] * 20)  # a long line is prose, whatever its capitals
    assert title_case_lines(Tokens(normalise(long_line))) == []


@pytest.mark.parametrize(
    "text",
    [
        "Liwaa  Al-Quds’s fighters attacked",
        "the regime's  forces\n\n  shelled Kafr Nabl",
        "Hayyaat Tahrir al-Sham",
    ],
)
def test_actors_normalised_spans_give_back_the_exact_words(text: str) -> None:
    norm = normalise(text)
    assert norm == _normalise_each(text)
    for start, end in [(0, len(norm.folded)), (0, 1), (len(norm.folded) - 1, len(norm.folded))]:
        span = norm.span(text, start, end)
        assert text[span.start : span.end] == span.text
    assert norm.span(text, 0, len(norm.folded)).text == text.strip()


def _near(runs: list[tuple[int, int]], near: list[int]) -> set[tuple[int, int]]:
    """The runs with a word from one before to three after one of ``near``."""
    return {(i, j) for i, j in runs if any(i <= c + 3 and j - 1 >= c - 1 for c in near)}


def test_actors_runs_read_near_some_words_find_every_run_there() -> None:
    for path in sorted(EXAMPLES.iterdir()):
        toks = Tokens(normalise(path.read_text("utf-8")))
        near = list(range(0, len(toks), 37))  # words spread over the report
        full = capitalised_runs(toks)
        windowed = capitalised_runs(toks, near=near)
        assert set(windowed) <= set(full), path.name  # nothing the full reading does not find
        assert _near(full, near) <= set(windowed), path.name  # and every run near those words


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Army", "of", "the", "Of", "al", "13th", "“", "x", ".", "Free", "Idlib"]),
        max_size=16,
    ),
    st.lists(st.integers(min_value=0, max_value=15), max_size=3),
)
def test_actors_runs_near_words_agree_on_random_word_salad(words: list[str], near: list[int]) -> None:
    toks = Tokens(normalise(" ".join(words)))
    near = [k for k in near if k < len(toks)]
    full = capitalised_runs(toks)
    windowed = capitalised_runs(toks, near=near)
    assert set(windowed) <= set(full)
    assert _near(full, near) <= set(windowed)
