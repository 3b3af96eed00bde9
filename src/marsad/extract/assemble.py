"""Assembly: group annotated sentences into events and fill each event's fields from its own sentences.

Grouping rules (v1): a sentence that states harm or names an attack starts an incident unless it continues the
current one (no new-incident cue, and no other place named); cumulative statements become tallies; every sentence
about the ongoing campaign joins one development; background and other sentences make no event. Figures repeated in
a later sentence of the same incident with the same kind, side and count are restatements and are not added again.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from marsad.extract.dates import DateMention, precision_of
from marsad.extract.locate import pick_place
from marsad.extract.roles import pick_actors
from marsad.extract.segment import Sentence, starts_new_incident
from marsad.extract.typing import Typed, classify
from marsad.records import (
    NOT_ADDED,
    Actor,
    Document,
    Event,
    EventDate,
    Evidence,
    Figure,
    Place,
    SideCount,
    Span,
)

EXTRACTOR_VERSION = "marsad.extract.rules.v1"


@dataclass
class Annotated:
    """One sentence and everything the stages found in it."""

    sentence: Sentence
    role: str = "other"
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list = field(default_factory=list)  # PlaceMention from the gazetteer (span, place, cue, score)
    actors: list = field(default_factory=list)  # ActorMention from the actor dictionary (span, actor)
    typed: Typed | None = None


@dataclass
class Group:
    kind: str
    members: list[Annotated] = field(default_factory=list)


def group_sentences(annotated: Sequence[Annotated]) -> list[Group]:
    groups: list[Group] = []
    current: Group | None = None
    development: Group | None = None
    for a in annotated:
        if a.role == "tally":
            groups.append(Group("tally", [a]))
        elif a.role == "development":
            if development is None:
                development = Group("development")
                groups.append(development)
            development.members.append(a)
        elif a.role == "incident":
            if current is not None and _continues(current, a):
                current.members.append(a)
            else:
                current = Group("incident", [a])
                groups.append(current)
        elif (
            a.role == "other"
            and current is not None
            and a.sentence.paragraph == current.members[-1].sentence.paragraph
        ):
            current.members.append(a)  # context of the incident ("The bus was carrying...")
    return [g for g in groups if g.kind != "incident" or any(m.figures or m.typed for m in g.members)]


def _continues(group: Group, a: Annotated) -> bool:
    if starts_new_incident(a.sentence.span.text):
        return False
    named = {_place_key(p.place) for p in a.places}
    before = {_place_key(p.place) for m in group.members for p in m.places}
    return not named or not before or bool(named & before)


def _place_key(place: Place) -> str:
    return f"{place.name}|{place.admin1}"


def event_id(doc: Document, kind: str, first: Span) -> str:
    return hashlib.sha256(f"{doc.id}:{kind}:{first.start}".encode()).hexdigest()[:16]


def _mark_restatements(members: Sequence[Annotated]) -> list[Figure]:
    out: list[Figure] = []
    seen: Counter[tuple[str, str | None, int | None]] = Counter()
    for a in members:
        here: Counter[tuple[str, str | None, int | None]] = Counter()
        for f in a.figures:
            key = (f.kind, f.side, f.best)
            if seen[key] > here[key] and "negated" not in f.flags:
                f = replace(f, flags=(*f.flags, "restatement"))
            here[key] += 1
            out.append(f)
        seen = seen + here if not seen else Counter({k: max(seen[k], here[k]) for k in seen | here})
    return out


def _sides(figures: Sequence[Figure]) -> tuple[SideCount, ...]:
    totals: dict[tuple[str, str], list[int]] = {}
    for f in figures:
        if NOT_ADDED & set(f.flags) or f.best is None:
            continue
        t = totals.setdefault((f.side or "unknown", f.kind), [0, 0, 0])
        t[0] += f.low or 0
        t[1] += f.best
        t[2] += f.high or f.best
    return tuple(SideCount(who, kind, lo, best, hi) for (who, kind), (lo, best, hi) in totals.items())


def _pick_date(members: Sequence[Annotated], doc: Document, kind: str) -> EventDate | None:
    if kind == "development":
        return _development_date(members, doc)
    for a in members:
        for d in a.dates:
            if d.anchor_name is None and (kind != "incident" or _could_date_incident(d, doc)):
                return d.date
    if doc.published is None:
        return None
    # No date stated for the event: coded to the report's day, as ACLED and UCDP coders do, with a precision that
    # says the day is not certain (reports often cover the day before).
    pub = doc.published
    return EventDate(
        pub, pub, 2, "", "no date stated: coded to the publication day; it may be a day or two earlier"
    )


# A report tells of recent events: a date more than this before publication is background ("since the fall of
# Baghouz in March 2019"), not the date of an incident reported in it.
RECENT_DAYS = 31


def _could_date_incident(d: DateMention, doc: Document) -> bool:
    if d.kind in ("since_start", "period_of"):
        return False
    return doc.published is None or (doc.published - d.date.end).days <= RECENT_DAYS


def _development_date(members: Sequence[Annotated], doc: Document) -> EventDate | None:
    """An ongoing campaign runs from its stated start to the report (or from its first date mentioned)."""
    starts = [d.date for a in members for d in a.dates if d.anchor_name]
    if starts and doc.published:
        s = starts[0]
        why = "from the stated start to publication (ongoing)"
        return EventDate(s.start, doc.published, precision_of(s.start, doc.published), s.text, why, s.span)
    dated = [d.date for a in members for d in a.dates]
    return dated[0] if dated else None


def build_event(doc: Document, group: Group) -> Event | None:
    figures = _mark_restatements(group.members)
    spans = [a.sentence.span for a in group.members]
    civilian = bool(figures) and all(f.side == "civilians" for f in figures if f.best)
    actor1, actor2, assoc = pick_actors(group.members, figures)
    typed = classify(doc.text, spans, victims_civilian=civilian, actor1=actor1)
    if typed is not None and typed.event_type == "none":
        return None  # a disaster or accident: not a conflict event
    if group.kind != "incident":
        # a tally or an ongoing campaign sums up many events of several kinds: one ACLED sub-type would mislead
        typed = None
    place = pick_place(group.members)
    when = _pick_date(group.members, doc, group.kind)
    evidence = _evidence(typed, place, when, actor1, actor2, group, figures)
    found = sum(x is not None for x in (typed, place, actor1, when and when.span)) + bool(figures)
    return Event(
        id=event_id(doc, group.kind, spans[0]),
        document_id=doc.id,
        kind=group.kind,
        event_type=typed.event_type if typed else None,
        sub_event_type=typed.sub_event_type if typed else None,
        date=when,
        location=place,
        actor1=actor1,
        actor2=actor2,
        assoc_actors=assoc,
        figures=tuple(figures),
        sides=_sides(figures),
        evidence=evidence,
        confidence=min(0.95, 0.3 + 0.13 * found),
        extractor_version=EXTRACTOR_VERSION,
        span=Span.of(doc.text, spans[0].start, spans[-1].end),
    )


def _evidence(typed: Typed | None, place: Place | None, when: EventDate | None, actor1: Actor | None,
              actor2: Actor | None, group: Group, figures: Sequence[Figure]) -> tuple[Evidence, ...]:  # fmt: skip
    ev: list[Evidence] = []
    if typed:
        ev.append(Evidence("event_type", typed.span))
    if when and when.span:
        ev.append(Evidence("date", when.span))
    if place and place.span:
        ev.append(Evidence("location", place.span))
    for name, actor in (("actor1", actor1), ("actor2", actor2)):
        if actor and actor.span:
            ev.append(Evidence(name, actor.span))
    ev.extend(Evidence(f"figure:{f.kind}", f.span) for f in figures)
    ev.extend(Evidence("sentence", a.sentence.span) for a in group.members)
    return tuple(ev)
