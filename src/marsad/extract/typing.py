"""Typing stage: ACLED event type and sub-event type of an event from cue words (data/event_cues.csv).

v1 is a rule table read in order; the actors-and-types work refines it (actor-aware attack vs clash, territory by who
acts, protests, disorder type). Returns the cue's span as evidence, or nothing when no conflict cue is present, which
the assembly reads as "not a conflict event".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.records import Actor, Span

DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


@dataclass(frozen=True, slots=True)
class TypeCue:
    pattern: re.Pattern[str]
    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class Typed:
    event_type: str
    sub_event_type: str
    span: Span


@cache
def cues() -> tuple[TypeCue, ...]:
    text = resources.files("marsad.extract").joinpath("data/event_cues.csv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")][1:]
    # patterns hold commas ({0,80}); the two type columns never do, so split from the right
    rows = [ln.rsplit(",", 2) for ln in lines]
    return tuple(TypeCue(re.compile(rf"\b(?:{p})", re.IGNORECASE), et, sub) for p, et, sub in rows)


def classify(
    text: str, spans: list[Span], victims_civilian: bool = False, actor1: Actor | None = None
) -> Typed | None:
    """The first cue (in table order) found in any of ``spans`` (sentences of the event) of ``text``."""
    for cue in cues():
        for sp in spans:
            m = cue.pattern.search(sp.text)
            if m is None:
                continue
            sub, etype = cue.sub_event_type, cue.event_type
            # a clash or attack whose only victims are civilians is violence against civilians (ACLED)
            if (
                sub == "Armed clash"
                and victims_civilian
                and not re.search(r"clash|fighting|battle", sp.text, re.I)
            ):
                etype, sub = "Violence against civilians", "Attack"
            return Typed(etype, sub, Span.of(text, sp.start + m.start(), sp.start + m.end()))
    return None
