"""Sentence splitting and the role a sentence plays in a report (incident, tally, development, background)."""

from __future__ import annotations

import time

import pytest

from marsad.extract.segment import role, sentences, starts_new_incident


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KABUL, Afghanistan (Jan. 25, 2013) - Forces detained two men. The leader was known.", 2),
        ("Lt. Col. Smith said the U.S. forces left. They returned at 6 p.m. on Sunday.", 2),
        ("Three were killed.\nTwo were wounded.", 2),
        ('He said: "We will return." Then he left.', 2),
        # a source's tag in parentheses opens the next sentence; a parenthesis inside one does not
        ("The toll was 45, a monitoring group said. (presstv) - At least 45 people have been killed.", 2),
        ("The group said. (presstv) At least 45 were killed.", 2),
        ("Forces (about 40 men) left the town (see map). They returned at 6 p.m. (local) on Sunday.", 2),
        ("", 0),
    ],
)
def test_segment_sentences_split(text: str, expected: int) -> None:
    found = sentences(text)
    assert len(found) == expected
    assert all(text[s.span.start : s.span.end] == s.span.text for s in found)


def test_segment_sentences_long_line_is_linear() -> None:
    text = "Jan. " * 20_000 + "end."
    start = time.perf_counter()
    sentences(text)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    ("text", "figures", "trigger", "expected"),
    [
        # a profile of the person targeted: background, even with a figure or an attack word in it
        ("The commander is linked to an IED attack that killed four US soldiers on Tuesday.", True, True,
         "background"),
        ("He was also involved with a complex suicide attack that killed four soldiers.", True, True, "background"),
        ("The leader coordinates roadside bomb attacks in the Gardez district.", False, True, "background"),
        ("Yasir organized and conducted attacks against Afghan and coalition forces.", False, True, "background"),
        ("Wali was a Taliban leader and al-Qaeda facilitator.", False, True, "background"),
        # but a person harmed or detained is news
        ("He was killed in the exchange of fire.", True, True, "incident"),
        ("The leader was detained along with two associates.", True, True, "incident"),
        ("The Taliban commander was the target of the precision strike in Kunar province.", False, True, "incident"),
        ("Idlib was the target of the regime because opposition groups moved there.", False, True, "background"),
        # a response section of a humanitarian update
        ("Humanitarian partners are trucking water to 30 neighbourhoods of Al-Hasakeh city.", False, True,
         "background"),
        # cumulative statements
        ("SFM has documented 118 deaths since the beginning of 2022.", True, True, "tally"),
        ("So far this month, at least 103 civilians have been killed.", True, True, "tally"),
        ("SFM confirmed the deaths of 6 of them so far.", True, True, "incident"),  # the same incident's toll
        ("According to the group, they were the latest of more than 7000 people killed across Syria since the UN "
         "Security Council passed a resolution last year.", True, True, "tally"),
        ("More than 7000 people have been killed since the Security Council passed a resolution last year.", True,
         True, "tally"),
        ("A car bomb killed 12 people in Azaz on Monday, the deadliest attack in the town since last year.", True,
         True, "incident"),
        # an ongoing campaign
        ("The large-scale security campaign is still underway in the Syrian desert.", False, False, "development"),
        ("The campaign began on January 16 with air support.", False, False, "background"),
        ("On April 14 the SDF announced the start of the fourth stage of the offensive on Raqqa.", False, True,
         "development"),
        ("SFM has documented 12 arrests since the first of the year.", True, True, "tally"),
        ("Two fighters were killed at dawn today.", True, True, "incident"),
        ("The names of the victims were not published.", False, False, "other"),
    ],
)  # fmt: skip
def test_segment_role_of_a_sentence(text: str, figures: bool, trigger: bool, expected: str) -> None:
    assert role(text, figures, trigger) == expected


@pytest.mark.parametrize(
    ("text", "new"),
    [
        ("In another incident, gunmen shot dead a man.", True),
        ("Meanwhile, warplanes struck Ein Shib.", True),
        ("Elsewhere, regime forces arrested three men.", True),
        ("Yesterday, SDF forces raided houses.", True),
        ("In Helmand province, a patrol was attacked.", True),
        ("The patrol returned fire.", False),
    ],
)
def test_segment_new_incident_cues(text: str, new: bool) -> None:
    assert starts_new_incident(text) is new
