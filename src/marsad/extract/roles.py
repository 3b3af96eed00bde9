"""Actor roles of an event: who acted (actor1), who was acted on (actor2), and the others named (associated).

ACLED's actor1 and actor2 carry no direction; marsad gives them one, because users ask "who did what to whom":

- actor1 is the agent of the event's verb, read sentence by sentence from the event's first: the agent of a
  passive ("targeted by ISIS members"), else the subject of an attack verb ("Israeli missiles struck ...",
  "regime forces shelled ..."). An actor named among the victims ("12 regime soldiers were killed") is never the
  agent.
- actor2 is the target: the actor named among the victims of the event's figures, else one marked as the target
  ("against the SDF", "targeting regime positions"), else the object of the attack verb, else the first actor of
  another side. When only civilians were harmed and no actor is named for them, actor2 is the civilians.
- Every other actor named in the event's sentences is an associated actor (allies, backers, bystanders named).
- In headlines the armed actor that opens the sentence acted whatever its verb, unless the words after it tell what
  it suffered; the owner of a weapon named ("Russian airstrikes") acted.
- The kind of event names what the words leave out, as ACLED codes it: the protesters or rioters of a protest or
  riot, the protesters met with excessive force, the civilians of violence against civilians.

Unknown groups ("the Free Idlib Army fighters") take part like known ones: the matcher keeps their raw names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from marsad.actors.classes import kinds_in
from marsad.extract.typing import type_of_violence
from marsad.records import FIGURE_KINDS, Actor, Event, Evidence, Figure, Span, added_in

if TYPE_CHECKING:
    from marsad.extract.assemble import Annotated

CIVILIANS = "Civilians"  # the dictionary's canonical name of unarmed victims (global.civilians)
CIVILIANS_INTER = 7
UNKNOWN_SIDE = "unknown"  # the side of actors known only as armed ("gunmen", "militants"): global.unidentified-armed-group
# the crowd that ACLED names as actor1 of every protest and riot (the dictionary's global.protesters, global.rioters)
CROWDS = {"Protests": ("Protesters", 6, "protesters"), "Riots": ("Rioters", 5, "rioters")}
EXCESSIVE_FORCE = "Excessive force against protesters"

_AGENT_VERBS = re.compile(
    r"\b(?:attack\w*|shell(?:ed|s|ing)\b|target\w*|struck|strik\w*|bomb\w*|kill(?:ed|s|ing)\b|ambush\w*|storm\w*|"
    r"fired|fire[sd]?\s+(?:on|at)|launch\w*|detain\w*|arrest\w*|captur\w*|raid\w*|hit|hits|clash\w*|carried\s+out|"
    r"execut\w*|abduct\w*|kidnap\w*|seiz\w*|took\s+control|recaptur\w*|retook|overr?an|advanc\w*|pound\w*|"
    r"assassinat\w*|shot|opened\s+fire|detonat\w*|blew\s+up|destroy\w*|burn\w*|loot\w*|dispers\w*|push\w*|"
    r"expel\w*|besieg\w*|assault\w*|drop(?:s|ped)?|behead\w*|ston(?:e|es|ed)|lash(?:es|ed)?|flog\w*|commit\w*|"
    r"bombard\w*|shoot\w*|tak(?:e|es)|restor\w*|recover\w*|down(?:s|ed)?|thr(?:ow|ows|ew)|hang(?:s|ed)?|tortur\w*|"
    r"carr(?:y|ies)\s+out|control(?:s|led)?\s+(?!areas?\b))\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\s*(?:was|were|been|being|is|are|has\s+been|have\s+been|had\s+been)\b", re.IGNORECASE)
# an actor followed by at most two words (an auxiliary, an adverb) and then an attack verb is its subject
# (closing quotes and the word "organization" may stand between: "the “Islamic State” organization executes")
_ACTIVE = re.compile(r"[\s\"”’']*(?:organi[sz]ation\s+)?"
                     # its acronym in brackets: "The Israel Defense Forces (IDF) allegedly have struck"
                     r"(?:\([^()]{1,15}\)\s*)?"
                     # with others that follow them: "Turkish forces and their proxy factions fired"
                     r"(?:(?:and|&)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:factions|forces|militias|"
                     r"militiamen|allies|groups|fighters|proxies)\s+)?"
                     # how they came: "gunmen on a motorcycle shot dead", "militants in a pickup truck opened fire"
                     r"(?:(?:on|in|aboard|riding)\s+(?:a|an|the|two|their)\s+(?:\w+\s+)?\w+\s+)?"
                     r"(?:(?:have|has|had|also|reportedly|allegedly|then|again|"
                     r"continu\w*|renew\w*|resum\w*|intensif\w*|to|on\s+\w+day)\s+){0,2}"
                     + _AGENT_VERBS.pattern, re.IGNORECASE)  # fmt: skip
# what may stand before a sentence's subject, and the words after an actor that tell it was harmed, not acting
_OPENS = re.compile(r"[\s\"“”'‘’]*(?:the\s+)?[\s\"“”'‘’]*", re.IGNORECASE)
# "killed" after an actor is a headline's passive only when no object follows ("3 SDF fighters killed in Raqqa"),
# never in "the force killed two insurgents" or "gunmen shot dead a man"
_SUFFERED = re.compile(
    r"[\s\"”’']*(?:organi[sz]ation\s+)?(?:(?:also|reportedly|again|have|has|had|were|was)\s+)?"
    r"(?:(?:lose|loses|lost|losing|suffer\w*|mourn\w*|die[sd]?|dying|casualt\w+|loss\w*|fall|falls|fell|crash\w*|"
    r"shot\s+down|downed)\b|(?:killed|wounded|injured|dead)(?=\s*(?:$|[,.;:]|(?:in|by|and|as|when|during|after|at|"
    r"near|on|while|from|inside|outside)\b)))",
    re.IGNORECASE,
)
_WEAPON = re.compile(r"\b(?:air ?strikes?|strikes?|raids?|shelling|bombardment|bombing|warplanes?|jets?|aircraft|"
                     r"planes|helicopters?|drones?|artillery|missiles?|rockets?|shells|mortars|tanks|snipers?)$",
                     re.IGNORECASE)  # fmt: skip
_BY = re.compile(r"\bby\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)
# the actors that join the one before them: "Turkish forces and affiliated armed groups", "the SDF and its allies"
_JOINED_BY = re.compile(r"\s+(?:and|&)\s+(?:the\s+|its\s+|their\s+)?(?:affiliated|allied|loyal|local|other)\s+",
                        re.IGNORECASE)  # fmt: skip
# an actor that qualifies the one before it: "SDF forces backed by the US-led coalition"
_BACKED_BY = re.compile(
    r"\b(?:backed|supported|assisted|aided|armed|funded|trained|accompanied)\s+by\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\b(?:between|pitting)\s+(?:the\s+|two\s+|both\s+)?$", re.IGNORECASE)
_APPOSITION = re.compile(r",\s+(?:the\s+|namely\s+)?", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?", re.IGNORECASE)
# the attacks an actor made, named right after it ("regime and Russian attacks", "Russian airstrikes")
_ARMS_AFTER = re.compile(
    r"(?:\s+(?:and|&)\s+[\w-]+)?['’]?s?\s+(?:air\s*strikes?|airstrikes?|strikes?|attacks?|shelling|bombardment|"
    r"bombing|raids?|warplanes|artillery)\b",
    re.IGNORECASE,
)
_ONE_SIDE = re.compile(r"\bon\s+(?:the\s+)?one\s+side,?\s+and\s+(?:the\s+)?$", re.IGNORECASE)
_AGAINST = re.compile(r"\b(?:against|targeting|targeted|on|at|attacked|shelled|struck|hit|ambushed)\s+(?:the\s+)?$",
                      re.IGNORECASE)  # fmt: skip


def pick_actors(
    members: Sequence[Annotated], figures: Sequence[Figure]
) -> tuple[Actor | None, Actor | None, tuple[Actor, ...]]:
    """(actor1, actor2, associated actors) of the event told by ``members``."""
    mentions = [m for a in members for m in a.actors]
    actor1 = _agent(members, figures)
    # the people an "also killed" counts are others than the incident's victims ("ambushed a Syrian army convoy
    # ... 4 militants were also killed"): the side acted on is named elsewhere, when it is
    counted = [f for f in figures if "additional" not in f.flags]
    actor2 = _victim_actor(mentions, counted, actor1)
    if actor2 is not None and actor2.side == UNKNOWN_SIDE:
        # "air strikes on Islamic State hideouts, killing 6 militants": victims named by no side are the named
        # target's
        actor2 = _marked(_others(members, actor1)) or actor2
    if actor1 is None:
        # "clashes between regime forces ... and HTS" with the regime's dead counted: both sides, as named
        first, second = _between(members)
        if (
            first is not None
            and second is not None
            and (actor2 is None or _key(actor2) in (_key(first), _key(second)))
        ):
            actor1, actor2 = first, second
    actor2 = actor2 or _target(members, actor1) or _civilians(figures, actor1)
    actor1, actor2 = _implied(members, actor1, actor2)
    named = {_key(x) for x in (actor1, actor2) if x}
    assoc: list[Actor] = []
    for m in mentions:
        if _key(m.actor) not in named:
            named.add(_key(m.actor))
            assoc.append(m.actor)
    return actor1, actor2, tuple(assoc)


def _key(actor: Actor) -> str:
    return actor.name if actor.known else f"?{actor.name.lower()}"


def _in_figures(span: Span, figures: Sequence[Figure]) -> bool:
    return any(f.span.start <= span.start < f.span.end for f in figures)


def _agent(members: Sequence[Annotated], figures: Sequence[Figure]) -> Actor | None:
    """Who acted: in the event's first sentence that says, the agent of a passive ("targeted by ISIS members"),
    else the subject of an attack verb; an actor named among the victims, or followed by "were killed", never."""
    for a in members:
        s = a.sentence.span
        armed = [m for m in a.actors if m.actor.side != "civilians"]
        for m in armed:
            head = s.text[max(0, m.span.start - s.start - 10) : m.span.start - s.start]
            # ("SDF, backed by the international coalition, launched": a backer is no passive's agent)
            backer = _BACKED_BY.search(s.text, 0, m.span.start - s.start) is not None
            if (
                not _in_figures(m.span, figures)
                and (getattr(m, "role_hint", None) == "agent" or _BY.search(head))
                and not backer
            ):
                return m.actor
        # the subject of an active verb acted, even when a figure misread it as its object; the owner of the
        # weapon named acted ("17 members in Russian airstrikes", "shelling by regime forces' artillery")
        for k, m in enumerate(armed):
            tail = s.text[m.span.end - s.start : m.span.end - s.start + 60]
            if _PASSIVE.match(tail) or _SUFFERED.match(tail):
                continue
            owner = _WEAPON.search(m.span.text) and not _in_figures(m.span, figures)
            if _ACTIVE.match(tail) or owner or _ARMS_AFTER.match(tail):
                # "SDF forces backed by the US-led coalition raided houses": the forces backed acted; "Turkish
                # forces and affiliated armed groups hit": the first named leads
                first = armed[k - 1] if k > 0 else None
                if first is not None and (
                    _BACKED_BY.search(s.text, 0, m.span.start - s.start)
                    or _JOINED_BY.fullmatch(s.text, first.span.end - s.start, m.span.start - s.start)
                ):
                    return first.actor  # type: ignore[no-any-return]
                return m.actor
    return _subject(members, figures)


def _subject(members: Sequence[Annotated], figures: Sequence[Figure]) -> Actor | None:
    """An armed actor that opens the event's first sentence acted, whatever its verb ("Regime forces reach the
    outskirts of Tadmur"), unless the words after it tell what it suffered ("ISIS loses 17 members")."""
    a = members[0] if members else None
    if a is None or not a.actors:
        return None
    s, m = a.sentence.span, a.actors[0]
    head = s.text[: m.span.start - s.start]
    # (a subject has at most a quote and "the" before it: a long head is no opening, and is never scanned)
    if (
        m.actor.side == "civilians"
        or _in_figures(m.span, figures)
        or len(head) > 12
        or not _OPENS.fullmatch(head)
    ):
        return None
    tail = s.text[m.span.end - s.start : m.span.end - s.start + 60]
    return None if _PASSIVE.match(tail) or _SUFFERED.match(tail) else m.actor


def _between(members: Sequence[Annotated]) -> tuple[Actor | None, Actor | None]:
    """Two sides of a fight told without a direction ("clashes between the SDF and ISIS", "between regime forces,
    spearheaded by Division 25, on one side, and HTS on the other"): in the order named, as ACLED codes them."""
    for a in members:
        s = a.sentence.span
        for k, m1 in enumerate(a.actors):
            head = s.text[max(0, m1.span.start - s.start - 12) : m1.span.start - s.start]
            if not _BETWEEN.search(head):
                continue
            later = a.actors[k + 1 :]
            # "between two Turkish-backed factions, the Sultan Murad Division and al-Jabha al-Shamiya": the two
            # the apposition names
            if len(later) >= 2 and _APPOSITION.fullmatch(
                s.text, m1.span.end - s.start, later[0].span.start - s.start
            ):
                m1, later = later[0], later[1:]
            for m2 in later:
                gap = s.text[m1.span.end - s.start : m2.span.start - s.start]
                if _AND.fullmatch(gap) or _ONE_SIDE.search(gap):
                    return m1.actor, m2.actor
    return None, None


def _victim_actor(mentions: Sequence[Any], figures: Sequence[Figure], actor1: Actor | None) -> Actor | None:
    """The actor named among the people the figures count ("12 regime soldiers were killed"); not one whose
    attacks they name (``_ARMS_AFTER``: "the number of people killed in regime and Russian attacks")."""
    for m in mentions:
        inside = next((f for f in figures if f.span.start <= m.span.start < f.span.end), None)
        if inside is None or (actor1 is not None and _key(m.actor) == _key(actor1)):
            continue
        if not _ARMS_AFTER.match(inside.span.text, m.span.end - inside.span.start):
            return m.actor  # type: ignore[no-any-return]
    return None


def _target(members: Sequence[Annotated], actor1: Actor | None) -> Actor | None:
    """The actor acted on: one marked as the target ("against the SDF", "targeting regime positions"), else the
    first actor of another side than the agent's."""
    others = _others(members, actor1)
    return _marked(others) or (others[0][1].actor if others else None)


def _others(members: Sequence[Annotated], actor1: Actor | None) -> list[tuple[Annotated, Any]]:
    """(sentence, mention) of the actors named that are not the agent nor on its side, nor said to back another
    ("backed by the US-led coalition"), nor joined to the agent by "and" ("by Russian and regime warplanes")."""
    return [
        (a, m)
        for a in members
        for m in a.actors
        if (
            actor1 is None
            or (_key(m.actor) != _key(actor1) and (m.actor.side != actor1.side or not m.actor.side))
        )
        and not _BACKED_BY.search(a.sentence.span.text, 0, m.span.start - a.sentence.span.start)
        and not (actor1 is not None and _joined_to(a, m, actor1))
    ]


def _joined_to(a: Annotated, mention: Any, actor: Actor) -> bool:
    """Whether ``mention`` is named right beside a mention of ``actor`` with only "and" between them."""
    text, offset = a.sentence.span.text, a.sentence.span.start
    for other in a.actors:
        if other is mention or _key(other.actor) != _key(actor):
            continue
        first, second = sorted((other, mention), key=lambda x: x.span.start)
        if _AND.fullmatch(text, first.span.end - offset, second.span.start - offset):
            return True
    return False


def _marked(others: Sequence[tuple[Annotated, Any]]) -> Actor | None:
    """The first of ``others`` marked as the target ("against the SDF", "strikes on Islamic State hideouts")."""
    for a, m in others:
        s = a.sentence.span
        head = s.text[max(0, m.span.start - s.start - 14) : m.span.start - s.start]
        if getattr(m, "role_hint", None) == "target" or _AGAINST.search(head):
            return m.actor  # type: ignore[no-any-return]
    return None


def _civilians(figures: Sequence[Figure], actor1: Actor | None) -> Actor | None:
    """Civilians as the target when every counted victim is a civilian and no actor names them."""
    counted = [f for f in figures if f.best and "negated" not in f.flags]
    if not counted or not all(f.side == "civilians" for f in counted):
        return None
    if actor1 is not None and actor1.side == "civilians":
        return None
    first = counted[0]
    return Actor(CIVILIANS, first.who or first.span.text, CIVILIANS_INTER, "civilians", True, first.span)


def _implied(
    members: Sequence[Annotated], actor1: Actor | None, actor2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """The actors the kind of event names when the words do not (ACLED codes them so): the protesters or rioters of
    a protest or riot, the protesters met with excessive force, the civilians of violence against civilians ("IS
    executes two men", "a journalist was abducted")."""
    typed = next((a.typed for a in members if a.typed is not None and a.typed.sub_event_type), None)
    if typed is None or typed.event_type is None:
        return actor1, actor2
    if typed.sub_event_type == EXCESSIVE_FORCE:
        # the force acted on the protesters: they are actor2, never the agent
        if actor2 is None:
            name, inter, side = CROWDS["Protests"]
            actor2 = Actor(name, typed.span.text, inter, side, True, typed.span)
        return actor1, actor2
    crowd = CROWDS.get(typed.event_type)
    if crowd is not None and actor1 is None:
        name, inter, side = crowd
        if actor2 is not None and actor2.side == side:
            return actor2, None  # "Rioters set fire to tyres": the crowd named acted
        crowd_actor = Actor(name, typed.span.text, inter, side, True, typed.span)
        # the people who protest are the protesters ("students protested"): they stay associated
        return crowd_actor, None if actor2 is not None and actor2.side == "civilians" else actor2
    if crowd is not None and actor1 is not None and actor1.side == crowd[2] and actor2 is not None:
        # "residents of al-Bab took to the streets ... The protesters dispersed": the residents are the crowd
        return actor1, None if actor2.side == "civilians" else actor2
    if actor2 is None and typed.civilian_targeting and (actor1 is None or actor1.side != "civilians"):
        return actor1, Actor(CIVILIANS, typed.span.text, CIVILIANS_INTER, "civilians", True, typed.span)
    return actor1, actor2


_HARMED = frozenset(FIGURE_KINDS) - {"missing"}  # people harmed by someone (not those missing)


def with_state_victims(events: Sequence[Event], actors: Any, gazetteer: Any) -> list[Event]:
    """Each incident whose only victims are named as soldiers or policemen of no side ("killing two soldiers",
    "two policemen were wounded") and that names no side acted on, with the state forces of the country it is in
    as that side, as ACLED codes them: "Military Forces of Iraq", "Police Forces of Syria". The words that name the
    victims are its evidence."""
    if actors is None or gazetteer is None:
        return list(events)
    return [_state_victims(e, actors, gazetteer) for e in events]


def _state_victims(event: Event, actors: Any, gazetteer: Any) -> Event:
    if event.actor2 is not None or event.kind != "incident" or event.location is None:
        return event
    victims = [f for f in added_in(event.figures) if f.kind in _HARMED and f.side is None and f.best]
    if not victims or any({h.kind for h in kinds_in(f.who or "")} != {"state"} for f in victims):
        return event
    code = gazetteer.country_code(event.location.country) if event.location.country else None
    police = all("police" in (f.who or "").lower() for f in victims)
    entry = actors.state_forces(code, police=police) if code else None
    if entry is None or (event.actor1 is not None and event.actor1.name == entry.name):
        return event
    actor = entry.actor(victims[0].span)
    return replace(
        event,
        actor2=actor,
        evidence=(*event.evidence, Evidence("actor2", victims[0].span)),
        type_of_violence=type_of_violence(event.sub_event_type, event.actor1, actor)
        if event.sub_event_type
        else None,
    )
