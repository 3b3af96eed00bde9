"""Kinds of actor named by common words, who acted and on whom, foreign forces and the fast text path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from marsad.actors import ActorDictionary, load_dictionary, normalise
from marsad.actors.classes import KINDS, _table, class_rows, kind_of_inter, kinds_in, parties
from marsad.actors.nationality import nationalities
from marsad.actors.prefix import folded, prefix_finder, starts_of, word_starts
from marsad.actors.text import (
    _DOUBLED_ASCII,
    Tokens,
    _doubled_ascii,
    _normalise_each,
    _space_runs,
    marked,
    whole_word,
)
from marsad.actors.words import GROUP_WORDS


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_dictionary()


def test_actors_class_rows_are_valid() -> None:
    rows = class_rows()
    assert {k for k, _ in rows} == set(KINDS)
    for kind, pattern in rows:
        re.compile(pattern, re.IGNORECASE)
        assert starts_of(pattern) is not None or "(?-i:" in pattern, kind


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Government forces and rebels clashed", ["state", "armed"]),
        ("anti-government protesters marched", ["crowd"]),
        ("Pakistani security forces arrested militants", ["state", "armed"]),
        ("IS militants attacked a market", ["armed", "armed", "civilian"]),
        ("the army shelled a village", ["state", "civilian"]),
        ("gunmen opened fire on a military patrol", ["armed", "state", "military"]),
        ("it is what it is", []),
        # an actor's "military operation" names no state force; "continued military operations" still does
        ("Syria Democratic Forces continue their military operation", []),
        ("15 killed during continued military operations", ["state"]),
    ],
)
def test_actors_kinds_in_common_words(text: str, kinds: list[str]) -> None:
    assert [h.kind for h in kinds_in(text)] == kinds


@pytest.mark.parametrize(
    ("text", "verb", "agent", "target", "passive"),
    [
        ("Opposition fighters retook the town from government forces", "retook", "armed", "state", False),
        ("The town was captured by rebels on Monday", "captured", "armed", None, True),
        ("Gunmen attacked a wedding party", "attacked", "armed", "civilian", False),
        ("Soldiers were ambushed near the border", "ambushed", None, "state", True),
        ("The army killed scores of terrorists", "killed", "state", "armed", False),
        ("IS militants attacked a market", "attacked", "armed", "civilian", False),
        # a second verb after "and" shares the first one's subject, not the object between them
        ("Rebels attacked regime positions and captured the hill", "captured", "armed", None, False),
        ("The army shelled rebel positions and then advanced", "advanced", "state", None, False),
        # of subjects joined by "and", the first leads
        (
            "Regime forces and militiamen loyal to them recaptured the hill",
            "recaptured",
            "state",
            None,
            False,
        ),
        ("Rebel factions and Turkish troops advanced", "advanced", "armed", None, False),
        # "is advancing" is a progressive, not a passive: the subject acts
        ("ISIS is again advancing on the town", "advancing", "armed", None, False),
        # the group a subject is part of: "of" makes it no object there
        ("A member of the regime forces was killed by unknown gunmen", "killed", "armed", "state", True),
        ("Two of the gunmen attacked civilians in a bakery", "attacked", "armed", "civilian", False),
        ("Shells fell on the positions of the regime forces and killed", "killed", None, None, False),
        # a side whose prison it happened in is where, not who was acted on
        ("A young man died under torture in regime prisons", "torture", None, None, False),
        ("Three men were tortured to death in ISIS jails", "tortured", None, "civilian", True),
        ("Regime forces tortured rebel fighters in Saydnaya", "tortured", "state", "armed", False),
    ],
)
def test_actors_parties_of_a_verb(
    text: str, verb: str, agent: str | None, target: str | None, passive: bool
) -> None:
    i = text.index(verb)
    p = parties(text, i, i + len(verb))
    assert (p.agent, p.target, p.passive) == (agent, target, passive)


@pytest.mark.parametrize(("inter", "kind"), [(1, "state"), (8, "state"), (2, "armed"), (3, "armed"), (4, "armed"),
                                             (5, "crowd"), (6, "crowd"), (7, "civilian"), (None, None)])  # fmt: skip
def test_actors_kind_of_inter(inter: int | None, kind: str | None) -> None:
    assert kind_of_inter(inter) == kind


@pytest.mark.parametrize(
    ("text", "raw", "name", "known"),
    [
        (
            "Pakistani security forces jailed 60 men.",
            "Pakistani security forces",
            "Pakistani security forces",
            False,
        ),
        (
            "Cameroonian government forces captured the port.",
            "Cameroonian government forces",
            "Cameroonian government forces",
            False,
        ),
        (
            "Yemeni government forces captured the port.",
            "Yemeni government forces",
            "Military Forces of Yemen",
            True,
        ),
        (
            "Iraqi government forces retook the town.",
            "Iraqi government forces",
            "Military Forces of Iraq",
            True,
        ),
        (
            "Saudi-led coalition forces struck the city.",
            "Saudi-led coalition forces",
            "Saudi-led coalition forces",
            False,
        ),
        (
            "Syrian government forces shelled the city.",
            "Syrian government forces",
            "Military Forces of Syria",
            True,
        ),
        (
            "South Sudanese government troops advanced.",
            "South Sudanese government troops",
            "South Sudanese government troops",
            False,
        ),
    ],
)
def test_actors_generic_forces_of_another_country(
    actors: ActorDictionary, text: str, raw: str, name: str, known: bool
) -> None:
    (m,) = actors.find(text)
    assert (m.actor.raw, m.actor.name, m.actor.known, m.actor.inter in (1, 8)) == (raw, name, known, True)


def test_actors_nationalities_are_normalised_and_coded() -> None:
    table = nationalities()
    assert table["pakistani"] == "PK" and table["north korean"] == "KP"
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in table.values())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Al Shabaab fighters attacked the base", "Al Shabaab"),
        ("Houthi rebels took control of the district", "Houthi Movement"),
        ("forces of “Euphrates Wrath” operation advanced", "Syrian Democratic Forces"),
        ("the Syrian Elite Forces entered the city", "Syrian Elite Forces"),
        ("Boko Haram militants raided the village", "Boko Haram"),
    ],
)
def test_actors_groups_outside_syria_and_sohr_operation_names(
    actors: ActorDictionary, text: str, name: str
) -> None:
    assert name in [m.actor.name for m in actors.find(text)]


# ------------------------------------------------------------------------------- the fast normalisation path

SEED_LIKE = [
    "ISIS resurgence | 12 regime soldiers killed in attack on military bus in Deir ez-Zor desert",
    "Joint forces of the “National Defence Forces” (NDF), the Palestinian “Liwaa Al-Quds” and 5th Corps",
    "the regime’s forces, Hay'at Tahrir al-Sham's fighters and Fatemiyyoun\n\n  men",
    "Liwā' al-Quds — al-Ḥasakah\u2028Dayr az Zawr",
    "",
    "   leading spaces",
    "İstanbul ΣΟΦΟΣ ﬁghters a\u0301b",
]


@pytest.mark.parametrize("text", SEED_LIKE)
def test_actors_fast_normalise_agrees_with_the_definition(text: str) -> None:
    assert normalise(text) == _normalise_each(text)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aAlLsS '’‘-–_ \n\r\t\u00e9e\u0301\u2028.,“”ĀāIsSΣ")), max_size=24)
)
def test_actors_fast_normalise_agrees_on_random_text(text: str) -> None:
    assert normalise(text) == _normalise_each(text)


def test_actors_fast_normalise_agrees_on_the_seed(seed_path: Path) -> None:
    text = seed_path.read_text("utf-8")
    assert normalise(text) == _normalise_each(text)


def reference_kinds(text: str) -> list[tuple[str, int, int]]:
    """kinds_in by its definition: one alternation of every row in file order, tried at every word start."""
    rows = class_rows()
    alternation = re.compile(
        r"\b(?=\w)(?:" + "|".join(f"(?P<r{i}>{p})" for i, (_, p) in enumerate(rows)) + ")", re.IGNORECASE
    )
    out = []
    for m in alternation.finditer(text):
        if not re.search(r"\banti[- ]?$", text[max(0, m.start() - 6) : m.start()], re.IGNORECASE):
            out.append((rows[int(str(m.lastgroup)[1:])][0], m.start(), m.end()))
    return out


KIND_WORDS = [
    "IS", "is", "ISIS", "SDF", "the", "government", "forces", "anti-government", "protesters", "rebels", "civilians",
    "army", "positions", "police", "loyal", "to", "regime", "Turkish", "troops", "armed", "men", "NDF", "children",
    "Islamic", "State", "militants", "attacked", "a", "market", "military", "convoy", "in", "Idlib", "-", ",",
    "Ḥamā", "ARMY",  # a text not all ASCII is read as written, one that is lower-cased (see classes._Row.lower)
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(KIND_WORDS), max_size=30))
def test_actors_kinds_in_agrees_with_one_alternation(words: list[str]) -> None:
    text = " ".join(words)
    assert [(h.kind, h.start, h.end) for h in kinds_in.__wrapped__(text)] == reference_kinds(text)


def test_actors_kinds_in_agrees_with_one_alternation_on_the_seed(seed_path: Path) -> None:
    for line in seed_path.read_text(encoding="utf-8").splitlines():
        assert [(h.kind, h.start, h.end) for h in kinds_in.__wrapped__(line)] == reference_kinds(line)


def test_actors_kinds_in_searches_no_row_at_every_character() -> None:
    # the acronyms' row is tried at words beginning "is", "sd", ... (two letters), not searched everywhere
    assert _table().always == ()


@pytest.mark.parametrize(
    "text",
    [
        "Is this what SDF and YPG fighters feared? IS militants shelled the town, ISIS said.",
        "M23 rebels and SPLA-IO forces clashed; the NDF is loyal to the regime.",
        "ISWAP and ISGS fighters attacked an army base; is ISWAP's claim true?",
        "isis, Isis and IS: only the last is the group (the row is case-sensitive).",
        "The anti-SDF protesters and anti-HTS crowds marched in Idlib.",
    ],
)
def test_actors_kinds_in_reads_acronyms_as_one_alternation_does(text: str) -> None:
    assert [(h.kind, h.start, h.end) for h in kinds_in.__wrapped__(text)] == reference_kinds(text)


@pytest.mark.parametrize(
    ("text", "prefixes", "starts"),
    [
        ("the army attacked the town", {"att", "tow"}, [9, 22]),
        ("in the wake of", {"in th", "wak"}, [0, 7]),
        ("reattack, attack-attack", {"att"}, [10, 17]),  # word starts only, never inside a word
        ("aim to aimless", {"aim", "aim t"}, [0, 7]),
        ("nothing here", set(), []),
    ],
)
def test_actors_prefix_finder_finds_word_starts(text: str, prefixes: set[str], starts: list[int]) -> None:
    assert word_starts(text, prefix_finder(prefixes)) == starts


_FINDER = prefix_finder({"att", "in th", "aim", "a_b", "9th"})


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("atckinhm9_ -'.\n\x00")), max_size=40))
def test_actors_prefix_finder_reads_ascii_text_as_any_text(text: str) -> None:
    # the ASCII finder's classes of characters are \W and \w as an ASCII text has them
    found = [[m.start() for m in finder.finditer(text)] for finder in _FINDER]
    assert found[0] == found[1]


def _starts_by_definition(text: str, prefixes: set[str]) -> list[int]:
    """Word starts (a word character with none before it) where one of ``prefixes`` begins, one by one."""
    word = re.compile(r"\w")
    return [
        i
        for i in range(len(text))
        if word.match(text, i)
        and (i == 0 or not word.match(text, i - 1))
        and any(text.startswith(p, i) for p in prefixes)
    ]


# (in the second set not every prefix opens with a word character)
_PREFIX_SETS = ({"att", "in th", "aim", "a_b", "9th"}, {"att", "-at", " in", "'s"})


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("atckinhm9_ -'.\n\x00é")), max_size=40))
def test_actors_prefix_finder_agrees_with_its_definition(text: str) -> None:
    # the finder leaves out the lookahead for a word character when every prefix opens with one
    for prefixes in _PREFIX_SETS:
        assert word_starts(text, prefix_finder(prefixes)) == _starts_by_definition(text, prefixes)


@pytest.mark.parametrize(
    ("pattern", "folds"),
    [
        (r"grenades?\b|stun(?:ned)? [- ]x", True),
        (r"[\w'’.,()-]+ attack\w*", True),
        ("[a-z0-9]+|[]a-]|[^-a]", True),
        (r"u\.s\.", True),
        ("Attack", False),  # a capital: its lower case would not match "attack"
        ("(?-i:IS)", False),  # inline flags
        (r"\x41", False),  # an escape that may stand for a capital
        (r"(a)\1", False),
        ("ſince|é", False),  # non-ASCII letters ("ſ" matches "s" case-insensitively)
        ("[!-~]", False),  # a range that holds the capitals
        ("[0-_]", False),
    ],
)
def test_actors_prefix_folds_only_lower_case_patterns(pattern: str, folds: bool) -> None:
    assert (folded(re.compile(pattern, re.IGNORECASE)) is not None) is folds
    assert folded(re.compile(pattern.lower())) is None  # a case-sensitive pattern is left as it is


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAbzZ?? 0011\n“”é\x00")), max_size=30))
def test_actors_repeated_letters_found_as_the_regex_finds_them(text: str) -> None:
    low = text.lower()
    assume(
        not any(c.isalpha() and not c.isascii() for c in low)
    )  # the fast reading is for ASCII letters only
    assert _doubled_ascii(low) == [m.span() for m in _DOUBLED_ASCII.finditer(low)]


def whole_word_spellings(actors: ActorDictionary, text: str) -> list[tuple[int, int, str]]:
    """Every spelling (and group word) standing as a whole word in the normal form, by brute force."""
    folded = normalise(text).folded
    out = []
    for spelling in set(actors._index) | GROUP_WORDS:
        i = folded.find(spelling)
        while i >= 0:
            if whole_word(folded, i, i + len(spelling)):
                out.append((i, i + len(spelling), spelling))
            i = folded.find(spelling, i + 1)
    return sorted(out)


def automaton_spellings(actors: ActorDictionary, text: str) -> list[tuple[int, int, str]]:
    folded = normalise(text).folded
    out = []
    for last, spellings in actors._automaton.iter(marked(folded)):
        for s in spellings:
            if not s.compare or folded[last - 1 - s.size : last - 1] == s.text:
                out.append((last - 1 - s.size, last - 1, s.text))
    return sorted(out)


SPELLING_WORDS = [
    "IS", "is", "this", "ISIS", "Syria", "Syrian", "army", "regime", "forces", "U.S.", "US", "u.s", "Liwaa",
    "al-Quds", "al", "Quds", "SDF", "civilians", "“", "”", ".", ",", "-", "é", "fighters", "Hayat", "Tahrir",
    "al-Sham", "Turkish-backed", "factions", "5th", "Corps", "\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SPELLING_WORDS), max_size=20), st.sampled_from([" ", "", "-", "  "]))
def test_actors_automaton_finds_whole_words_only(words: list[str], glue: str) -> None:
    text = glue.join(words)
    actors = load_dictionary()
    assert automaton_spellings(actors, text) == whole_word_spellings(actors, text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \na.")), max_size=30))
def test_actors_space_runs_found_as_the_regex_finds_them(text: str) -> None:
    assert _space_runs(text) == [m.span() for m in re.finditer(r"^[ \n]+|[ \n][ \n]+", text)]


@pytest.mark.parametrize("text", ["a  " * 40, " \n" * 30 + "a", ("a\n\n b " * 25) + "  "])
def test_actors_space_runs_of_a_text_with_many_runs(text: str) -> None:
    assert _space_runs(text) == [m.span() for m in re.finditer(r"^[ \n]+|[ \n][ \n]+", text)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aB1 _-.,'\n“”é٣²\x00ΣſK")), max_size=30))
def test_actors_tokens_are_the_words_a_regex_finds(text: str) -> None:
    norm = normalise(text)
    toks = Tokens(norm)
    found = list(re.finditer(r"[^\W_]+", norm.folded))
    assert toks.starts == [m.start() for m in found]
    assert toks.ends == [m.end() for m in found]
    assert toks.words == [m.group() for m in found]
