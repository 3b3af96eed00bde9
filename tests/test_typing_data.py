"""The typing tables are sound: every family and sub-event type known, patterns compile and finish fast on
adversarial text, and the prefix filter finds exactly what a full scan of every pattern finds."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.actors.prefix import starts_of
from marsad.extract import typing as t
from marsad.extract.segment import sentences
from marsad.extract.typing import (
    ASIDE,
    CAUSE,
    FAMILIES,
    FRAMES,
    NONE,
    Hit,
    _depth,
    _inside,
    classify,
    cues,
    sentence_hits,
    taxonomy,
)
from marsad.records import Span

ACLED_EVENT_TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
}


def test_typing_taxonomy_has_acled_25_sub_event_types_in_6_event_types() -> None:
    tax = taxonomy()
    assert len(tax) == 25
    assert {k.event_type for k in tax.values()} == ACLED_EVENT_TYPES
    assert all(k.disorder_type for k in tax.values())
    assert all(k.ucdp in ("3", "actors", "-") for k in tax.values())
    assert {s for s, k in tax.items() if k.civilian_targeting} >= {"Attack", "Sexual violence"}


def test_typing_every_family_leads_somewhere_known() -> None:
    tax = taxonomy()
    for family, sub in FAMILIES.items():
        assert sub is None or sub == NONE or sub in tax, family


def test_typing_cue_rows_are_valid() -> None:
    rows = cues()
    assert len(rows) >= 30
    for cue in rows:
        assert cue.family in FAMILIES, cue.family
        assert cue.strength in (1, 2, 3)
        assert cue.starts is not None, (
            f"{cue.family}: its prefixes could not be read, it is searched everywhere"
        )
    families = {c.family for c in rows}
    # every family that leads to a sub-event type by itself has cues, and the rules' families too
    assert families == set(FAMILIES)


def test_typing_cue_rows_are_not_repeated() -> None:
    patterns = [c.pattern.pattern for c in cues()]
    assert len(patterns) == len(set(patterns))


def test_typing_cue_patterns_match_from_word_starts_only() -> None:
    for cue in cues():
        assert cue.pattern.pattern.startswith(r"\b(?:"), cue.family
        assert cue.pattern.flags & re.IGNORECASE


def reference_hits(sentence: str) -> tuple[Hit, ...]:
    """sentence_hits without the prefix filter: every pattern scanned over the whole sentence."""
    found = []
    for cue in cues():
        for m in cue.pattern.finditer(sentence):
            if not t._NEGATION.search(sentence, max(0, m.start() - 40), m.start()):
                found.append(Hit(cue.family, cue.strength, m.start(), m.end()))
    kept = [h for h in found if h.family in FRAMES or not any(_inside(h, o) for o in found)]
    ranges = []
    for depth, pattern in ((CAUSE, t._CAUSE), (ASIDE, t._ASIDE)):
        for m in pattern.finditer(sentence):
            stop = t._CLAUSE_END.search(sentence, m.end())
            ranges.append((m.start(), stop.start() if stop else len(sentence), depth))
    placed = [Hit(h.family, h.strength, h.start, h.end, _depth(h.start, ranges)) for h in kept]
    return tuple(sorted(placed, key=lambda h: (h.start, -h.strength, h.family not in FRAMES)))


SAMPLES = [
    "12 regime soldiers were killed and injured, as a military bus was targeted by ISIS members in al-Shula.",
    "Protesters hurled rocks at security forces blocking a road near parliament on Sunday.",
    "Police said two groups pelted stones on each other and torched vehicles after putting six shops afire.",
    "No arrests have been made after the attacks, when about 20 foreign-owned shops were looted.",
    "Despite the decreased pace of shelling…the regime forces shell 4 cities and kill one citizen.",
    "The army's engineering units found weapons, including US-made TOW missiles, RPGs, grenades and mortars.",
    "Al Shabaab fighters regained Marka after Govt forces withdrew without firing a gunshot.",
    "ISIS claimed responsibility for a car bomb that killed eight people and wounded more than 100.",
]


def test_typing_prefix_filter_finds_what_a_full_scan_finds(seed_path: Path) -> None:
    texts = SAMPLES + [s.span.text for s in sentences(seed_path.read_text("utf-8"))]
    for text in texts:
        assert sentence_hits.__wrapped__(text) == reference_hits(text), text


@pytest.mark.parametrize(
    "text",
    [
        "No arrests were made and no one was killed, police said, after the attack on the checkpoint.",
        "The group denied carrying out the bombing but did not deny the shelling of the village.",
        "Rebels withdrew without firing a shot; neither side reported casualties from the clashes.",
        "He was never charged, but never-ending airstrikes killed dozens north of Idlib.",
        "Gunmen wıthout uniforms killed two (a dotless i: the regex reads it as an i).",
        "NO ARRESTS WERE MADE AFTER THE ATTACK, NOR WERE ANY SUSPECTS DETAINED.",
    ],
)
def test_typing_negation_shortcut_finds_what_the_search_finds(text: str) -> None:
    # a cue is searched for a negation only when a negation word stands within reach before it
    assert sentence_hits.__wrapped__(text) == reference_hits(text)


WORDS = [
    "the",
    "army",
    "shelled",
    "attack",
    "protesters",
    "police",
    "fired",
    "tear",
    "gas",
    "killed",
    "after",
    "despite",
    "no",
    "arrests",
    "seized",
    "weapons",
    "cache",
    "explosive",
    "devices",
    "found",
    "suicide",
    "bomber",
    "clashes",
    "with",
    ",",
    ".",
    "IS",
    "ISIS",
    "rebels",
    "captured",
    "took",
    "control",
    "of",
    "the",
    "town",
    "withdrew",
    "looted",
    "shops",
    "torched",
    "riot",
    "agreement",
    "ceasefire",
    "hostage",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(WORDS),
        max_size=30,
    )
)
def test_typing_prefix_filter_agrees_on_random_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    assert sentence_hits.__wrapped__(text) == reference_hits(text)


def test_typing_cues_fold_for_lower_cased_ascii_text() -> None:
    # every cue and background marker has a case-sensitive form: ASCII sentences take the faster tries
    assert t._searchers().folded is not None


def folded_agrees(text: str) -> None:
    """Each folded pattern finds in the lower-cased text what its case-insensitive pattern finds in the text."""
    searchers = t._searchers()
    assert searchers.folded is not None
    for pattern, lower in zip(searchers.patterns, searchers.folded, strict=True):
        assert [m.span() for m in lower.finditer(text.lower())] == [m.span() for m in pattern.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([*WORDS, "KILLED", "Attack", "AfTeR", "Grenades", "STUN", "Stun"]), max_size=30)
)
def test_typing_folded_cues_find_what_the_cues_find(words: list[str]) -> None:
    folded_agrees(" ".join(words))


def test_typing_folded_cues_find_what_the_cues_find_on_the_seed(seed_path: Path) -> None:
    for text in SAMPLES + [s.span.text for s in sentences(seed_path.read_text("utf-8"))]:
        if text.isascii():
            folded_agrees(text)


def test_typing_prefixes_of_simple_patterns() -> None:
    assert starts_of(r"clash(?:es|ed)?\b|fighting") == frozenset({"clash", "fight"})
    assert starts_of(r"ieds?\b") == frozenset({"ied", "ieds"})
    assert starts_of(r"scam\w*") == frozenset({"scam"})
    assert starts_of(r"\w+ attack") is None  # any word: searched everywhere
    assert starts_of(r"is\b") is None  # too short to filter on
    # a repetition may go on ("abcabc"): only its first round is known, and only when it must be there
    assert starts_of(r"(?:abc)+def") == frozenset({"abc"})
    assert starts_of(r"(?:abc)*def") is None
    # longer prefixes reach into the next word
    assert starts_of(r"(?:syrian )?jets?|in the wake of", 10) == frozenset(
        {"syrian jet", "jet", "jets", "in the wak"}
    )


ADVERSARIAL = {
    "one long word": "a" * 10_000,
    "repeated cue": "attacked " * 1_200,
    "many words before an object": "seized " + "very " * 2_000 + "weapons",
    "commas": "5,000, " * 1_500,
    "apostrophes": "army's " * 1_400,
    "background markers": "after despite before since " * 400,
    "dashes and ellipses": "— … - " * 1_600,
    "open quotes after a charge": "on charges of “" * 700,
    "quoted charges": "on charge of “spying” " * 450,
    "dots": "... " * 2_500,
    "attempts": "trying to attempt to " * 500,
    "stones and lashes": "stoned lashed flogged " * 450,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_typing_adversarial_sentence_finishes_fast(name: str) -> None:
    text = ADVERSARIAL[name]
    began = time.perf_counter()
    classify(text, [Span.of(text, 0, len(text))])
    assert time.perf_counter() - began < 2.0


DOCS = Path(__file__).resolve().parents[1] / "docs" / "event-types.md"


def test_typing_docs_table_matches_the_taxonomy() -> None:
    """docs/event-types.md has one row per sub-event type with the taxonomy's event and disorder types."""
    docs = DOCS.read_text("utf-8")
    for sub_type, kind in taxonomy().items():
        row = re.search(rf"^\| {re.escape(sub_type)} \| ([^|]+) \| ([^|]+) \|", docs, re.MULTILINE)
        assert row, f"docs/event-types.md has no row for {sub_type}"
        assert (row.group(1).strip(), row.group(2).strip()) == (kind.event_type, kind.disorder_type), sub_type


ROLE_WORDS = [
    "since", "the", "start", "so", "far", "this", "in", "all", "total", "death", "toll", "bringing", "raising",
    "first", "week", "month", "of", "during", "past", "over", "24", "hours", "cumulative", "monthly", "separate",
    "operations", "campaign", "offensive", "military", "build-up", "reinforcements", "still", "underway",
    "continues", "are", "combing", "launch", "ſince", "ſtill", "\u212aill", "TOLL", "Campaign", "“", "é", "\n",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ROLE_WORDS), max_size=14))
def test_typing_role_skips_only_cue_searches_that_cannot_match(words: list[str]) -> None:
    from marsad.extract import segment

    text = " ".join(words)
    for words_needed, pattern, lower in (
        (segment._TALLY_WORDS, segment.TALLY_CUES, segment._TALLY_LOWER),
        (segment._DEVELOPMENT_WORDS, segment.DEVELOPMENT_CUES, segment._DEVELOPMENT_LOWER),
    ):
        assert segment._may_hold(text, words_needed) or pattern.search(text) is None, text
        # the gate and the folded search together find what the search finds
        found = segment._holds(text, text.lower(), words_needed, pattern, lower)
        assert found is (pattern.search(text) is not None), text


_HIT = st.builds(
    Hit,
    st.sampled_from(["air", "attack", "harm", "attribution", "killing"]),
    st.integers(1, 3),
    st.integers(0, 30),
    st.integers(0, 30),
).filter(lambda h: h.start <= h.end)


@given(st.lists(_HIT, max_size=6))
@settings(max_examples=300, deadline=None)
def test_typing_unhidden_keeps_what_inside_keeps(found: list[Hit]) -> None:
    # the fast reading of hidden cues agrees with its definition by _inside
    hiders = [o for o in found if o.strength >= 2]
    expected = [h for h in found if h.family in FRAMES or not any(_inside(h, o) for o in hiders)]
    assert t._unhidden(found) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The COALITION kills a family of seven.",
        "Seven were killed by the Coalition in Raqqa.",
        "In Qamışlı the coalition kills a family of seven.",  # not ASCII: the patterns decide alone
    ],
)
def test_typing_air_arm_guard_keeps_every_case(text: str) -> None:
    # the substring test before the coalition patterns turns down only sentences they cannot match
    verb = re.search(r"kill\w*", text)
    assert verb is not None
    hit = Hit("killing", 3, verb.start(), verb.end())
    expected = bool(
        t._AIR_SUBJECT.search(text, max(0, hit.start - 60), hit.start)
        or t._AIR_AGENT.match(text[hit.end : hit.end + 60])
    )
    assert expected
    assert t._by_air_arm(text, hit) == expected
