"""Casualty statements written by the team in the styles of monitor reports, wire stories and press releases.

Each row: the sentence, and the figures a careful coder reads from it as "kind low/best/high [flag ...]".
"""

from __future__ import annotations

import time

import pytest

from marsad.extract.casualties import find_figures
from marsad.records import Span

CASES: list[tuple[str, list[str]]] = [
    # the seed report
    (
        "SOHR activists say that 12 regime soldiers were killed and injured, as a military bus was targeted by ISIS "
        "members in al-Shula desert.",
        ["killed_or_injured 12/12/12"],
    ),
    (
        "The campaign began with intensive Russian air support by more than 130 airstrikes which hit ISIS positions.",
        [],
    ),
    (
        "31 pro-Russian fighters, regime soldiers and allied militiamen were killed in bombardment, while ISIS lost 17 "
        "members in Russian airstrikes and clashes.",
        ["killed 31/31/31", "killed 17/17/17"],
    ),
    # split and combined
    (
        "Five people were killed and 12 wounded when a car bomb exploded in Azaz.",
        ["killed 5/5/5", "injured 12/12/12"],
    ),
    ("The explosion killed and wounded 12 people.", ["killed_or_injured 12/12/12"]),
    ("Shelling killed three civilians and wounded seven others.", ["killed 3/3/3", "injured 7/7/7"]),
    ("Eight people were killed or injured in the blast.", ["killed_or_injured 8/8/8"]),
    ("The strike left 14 dead.", ["killed 14/14/14"]),
    ("At least 20 casualties were reported after the shelling.", ["killed_or_injured 20/20/30"]),
    ("Two soldiers died of their wounds.", ["killed 2/2/2"]),
    ("Four members of the NDF were injured.", ["injured 4/4/4"]),
    # qualifiers and vague quantities
    (
        "At least 15 civilians, including three children, were killed.",
        ["killed 15/15/22", "killed 3/3/3 subcount"],
    ),
    ("More than 40 fighters were killed in the clashes.", ["killed 41/41/60"]),
    ("Up to 9 people were wounded.", ["injured 1/9/9"]),
    ("Nearly 30 insurgents were killed.", ["killed 24/30/30"]),
    ("About 50 people were detained.", ["captured 40/50/60"]),
    ("Between 5 and 8 soldiers were killed.", ["killed 5/5/8"]),
    ("Several insurgents were killed during the operation.", ["killed 2/3/9 vague"]),
    ("Dozens of civilians were injured in the bombardment.", ["injured 24/24/99 vague"]),
    ("The security force detained multiple suspected insurgents.", ["captured 2/3/9 vague"]),
    (
        "The force apprehended several suspected Islamic Movement of Uzbekistan insurgents.",
        ["captured 2/3/9 vague"],
    ),
    ("A number of suspects were arrested.", ["captured 2/3/9 vague"]),
    ("Hundreds of people were detained in the crackdown.", ["captured 200/200/999 vague"]),
    ("Twenty-one soldiers were killed.", ["killed 21/21/21"]),
    ("١٢ مدنيا were killed", []),  # Arabic victim words are not read yet: no guess
    ("A dozen fighters were killed.", ["killed 12/12/12 vague"]),
    # implicit singletons and pairs
    ("A child was killed by a landmine near Daraa.", ["killed 1/1/1"]),
    ("An insurgent was killed when his explosives detonated.", ["killed 1/1/1"]),
    ("The Israeli strike killed a woman in Quneitra.", ["killed 1/1/1"]),
    ("Two brothers were killed in the shelling.", ["killed 2/2/2"]),
    (
        "An Afghan-led force killed the Taliban commander Fayez Jan and one additional insurgent.",
        ["killed 1/1/1", "killed 1/1/1"],
    ),
    (
        "A combined force captured a Taliban facilitator during a security operation yesterday.",
        ["captured 1/1/1"],
    ),
    ("The security force detained one additional suspected insurgent.", ["captured 1/1/1"]),
    ("Two suspected insurgents were detained and taken in by Afghan forces.", ["captured 2/2/2"]),
    ("The attack killed 3 soldiers and 2 civilians.", ["killed 3/3/3", "killed 2/2/2"]),
    ("Two civilians and a child were killed.", ["killed 2/2/2", "killed 1/1/1"]),
    ("The soldiers were killed in an ambush.", []),  # no count stated: no invented number
    # things that are not casualties
    ("Warplanes carried out 25 airstrikes, killing 7 civilians.", ["killed 7/7/7"]),
    ("The 5th Corps lost 3 vehicles in the attack.", []),
    ("Two brothers, aged 12 and 14, were killed in the shelling.", ["killed 2/2/2"]),
    ("A 12-year-old boy was killed.", ["killed 1/1/1"]),
    ("Division 17 positions were shelled with 40 rockets.", []),
    ("Brigade 93 fighters killed a shepherd.", ["killed 1/1/1"]),
    ("The convoy of 30 trucks was attacked 5 km west of Mayadin.", []),
    ("Prices rose 20 percent after the attack.", []),
    ("On January 16, 2021 the campaign began.", []),
    ("At 3 pm, shells hit the market.", []),
    ("The group seized 12 villages.", []),
    ("Clashes lasted three days.", []),
    # negation and claims
    ("No casualties were reported.", ["killed 0/0/0 negated", "injured 0/0/0 negated"]),
    (
        "The drone strike hit an empty building without casualties.",
        ["killed 0/0/0 negated", "injured 0/0/0 negated"],
    ),
    ("No one was hurt in the explosion.", ["injured 0/0/0 negated"]),
    ("No civilians were killed.", ["killed 0/0/0 negated"]),
    ("The group claimed to have killed 20 soldiers.", ["killed 20/20/20 claim"]),
    ("According to unconfirmed reports, 6 fighters were killed.", ["killed 6/6/6 claim"]),
    # revisions and absurd numbers
    ("The death toll rose to 20 on Monday.", ["killed 20/20/20 revision"]),
    ("The toll of the attack has risen to nine.", ["killed 9/9/9 revision"]),
    ("999999999 killed", ["killed 999999999/999999999/999999999 review"]),
    # captured and abducted
    ("Regime forces arrested 15 young men in Daraa.", ["captured 15/15/15"]),
    ("Gunmen kidnapped two aid workers.", ["abducted 2/2/2"]),
    ("Three people were abducted on the road to Raqqa.", ["abducted 3/3/3"]),
    ("Five fishermen remain missing.", ["missing 5/5/5"]),
    ("Four fighters went missing.", ["missing 4/4/4"]),
    ("HTS detained 8 activists in Idlib.", ["captured 8/8/8"]),
]


def _render(text: str) -> list[str]:
    out = []
    for f in find_figures(text, Span(0, len(text), text)):
        shown = [
            fl for fl in f.flags if fl in ("subcount", "vague", "negated", "claim", "revision", "review")
        ]
        out.append(" ".join([f.kind, f"{f.low}/{f.best}/{f.high}", *shown]))
    return out


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_casualties_phrase_table(text: str, expected: list[str]) -> None:
    assert _render(text) == expected


def test_casualties_spans_point_into_the_text() -> None:
    text = "Intro line.\nShelling killed three civilians and wounded seven others."
    start = text.index("Shelling")
    figs = find_figures(text, Span(start, len(text), text[start:]))
    assert [text[f.span.start : f.span.end] for f in figs] == [
        "killed three civilians",
        "wounded seven others",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1" * 10_000,
        "1," * 5_000,
        "and " * 2_500,
        "killed " * 1_400,
        "5 " * 5_000 + "killed",
        "a " * 5_000 + "child",
    ],
)
def test_casualties_adversarial_input_is_bounded(text: str) -> None:
    start = time.perf_counter()
    find_figures(text, Span(0, len(text), text))
    # a generous bound: the goal is <= 50 ms on a quiet machine; shared CI machines are noisy
    assert time.perf_counter() - start < 0.5
