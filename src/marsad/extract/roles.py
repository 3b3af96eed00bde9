"""Actor roles of an event: who acted (actor1), who was acted on (actor2), and the others named (associated).

v1 reads the agent of a passive ("targeted by ISIS members") or the subject of an attack verb, and takes the
victims' actor (from the casualty figures) or the next actor of another side as the target.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from marsad.records import Actor, Figure

if TYPE_CHECKING:
    from marsad.extract.assemble import Annotated


_AGENT_VERBS = re.compile(
    r"\b(?:attack\w*|shell\w*|target\w*|struck|strik\w*|bomb\w*|kill\w*|ambush\w*|storm\w*|fired|launch\w*|"
    r"detain\w*|arrest\w*|captur\w*|raid\w*|hit|clash\w*|carried\s+out|executed|abduct\w*|kidnap\w*)\b",
    re.IGNORECASE,
)


def pick_actors(
    members: Sequence[Annotated], figures: Sequence[Figure]
) -> tuple[Actor | None, Actor | None, tuple[Actor, ...]]:
    mentions = [m for a in members for m in a.actors]
    actor1 = _agent(members)
    victims = [m.actor for m in mentions for f in figures if f.span.start <= m.span.start < f.span.end]
    actor2 = next((v for v in victims if actor1 is None or v.name != actor1.name), None)
    if actor2 is None:
        actor2 = _target(members, actor1)
    named = {x.name for x in (actor1, actor2) if x}
    assoc: list[Actor] = []
    for m in mentions:
        if m.actor.name not in named:
            named.add(m.actor.name)
            assoc.append(m.actor)
    return actor1, actor2, tuple(assoc)


_PASSIVE = re.compile(r"\s*(?:was|were|been|being|is|are|has\s+been|have\s+been|had\s+been)\b", re.IGNORECASE)
_ACTIVE = re.compile(r"\s*(?:\w+\s+){0,2}?" + _AGENT_VERBS.pattern, re.IGNORECASE)


def _agent(members: Sequence[Annotated]) -> Actor | None:
    """Who acted, read sentence by sentence from the event's first: the agent of a passive ("targeted by ISIS
    members"), else the subject of an attack verb ("Israeli missiles struck ..."); an actor followed by "were
    killed" is a victim, never the agent."""
    for a in members:
        s = a.sentence.span
        candidates = [m for m in a.actors if m.actor.side != "civilians"]
        for m in candidates:
            head = s.text[max(0, m.span.start - s.start - 8) : m.span.start - s.start].lower()
            if re.search(r"\bby\s+(?:the\s+)?$", head):
                return m.actor
        for m in candidates:
            tail = s.text[m.span.end - s.start : m.span.end - s.start + 40]
            if not _PASSIVE.match(tail) and _ACTIVE.match(tail):
                return m.actor
    return None


def _target(members: Sequence[Annotated], actor1: Actor | None) -> Actor | None:
    for a in members:
        for m in a.actors:
            if actor1 is None or (m.actor.name != actor1.name and m.actor.side != actor1.side):
                return m.actor
    return None
