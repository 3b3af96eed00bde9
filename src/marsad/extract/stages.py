"""The extraction stages as registered, chainable functions: ``(Draft) -> Draft``.

Each stage reads the document and the sentences found so far and adds its own annotations; ``assemble`` turns the
annotated sentences into events. Gazetteer and actor dictionary are loaded once per process (``Resources``).
"""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from marsad import registry
from marsad.extract import assemble, casualties, dates, locate, roles, segment, typing
from marsad.records import Document, Event
from marsad.registry import register
from marsad.settings import Settings


@dataclass
class Resources:
    """Loaded once per process and shared by every document (never loaded per document)."""

    gazetteer: Any | None
    actors: Any | None


def default_resources(actor_files: tuple[Path, ...] | None = None) -> Resources:
    """The resources every document shares: the gazetteer, and the actor dictionary with the user's own
    dictionaries (``actor_files``, default ``MARSAD_ACTORS``) added on top."""
    files = Settings().actor_files if actor_files is None else actor_files
    return _load_resources(tuple(files))


@cache
def _load_resources(actor_files: tuple[Path, ...]) -> Resources:
    from marsad.actors import load_dictionary
    from marsad.gazetteer.match import default_gazetteer

    tune_collector(Settings().gc_young)
    return Resources(gazetteer=default_gazetteer(), actors=load_dictionary(extra=actor_files))


def tune_collector(young: int) -> None:
    """Raise the cyclic garbage collector's young threshold to ``young`` (never lower it; 0 leaves it alone).

    A process that extracts allocates thousands of objects per report that outlive the call (the records it
    returns, the memo caches), and holds the gazetteer's tables besides. With Python's default of a young
    collection every 700 allocations, each collection walks the survivors again and the older generations are
    collected often. Every 50,000 allocations costs a few megabytes of cyclic garbage held a little longer (peak
    RSS unchanged); what it saves is measured in docs/actors.md (tenth round)."""
    first, second, third = gc.get_threshold()
    if young > first:
        gc.set_threshold(young, second, third)


@dataclass
class Draft:
    doc: Document
    resources: Resources
    sentences: list[assemble.Annotated] = field(default_factory=list)
    date_context: dates.DateContext | None = None
    actor_mentions: list[Any] = field(default_factory=list)
    unresolved_places: list[Any] = field(default_factory=list)  # gazetteer.Unresolved names of the document
    events: list[Event] = field(default_factory=list)


def _assign(mentions: list[Any], draft: Draft, attr: str) -> None:
    """Give each sentence the mentions whose spans fall inside it (mentions are found once per document), in
    the order they were found. Starts are sorted once and each sentence bisects to its own: a long report's
    sentences do not each look at every mention. (Sentences with no mention, most of a report's, are passed by
    before any list is built for them.)"""
    spans = [m.span for m in mentions]
    order = sorted(range(len(mentions)), key=[s.start for s in spans].__getitem__)
    starts = [spans[i].start for i in order]
    for a in draft.sentences:
        lo, hi = a.sentence.span.start, a.sentence.span.end
        first, last = bisect_left(starts, lo), bisect_left(starts, hi)
        if first < last:
            inside = sorted(order[first:last])
            getattr(a, attr).extend([mentions[i] for i in inside if spans[i].end <= hi])


@register("marsad.extract.segment.v1")
def segment_stage(draft: Draft) -> Draft:
    draft.sentences = [assemble.Annotated(s) for s in segment.sentences(draft.doc.text)]
    return draft


@register("marsad.extract.dates.v1")
def dates_stage(draft: Draft) -> Draft:
    ctx = dates.DateContext(published=draft.doc.published)
    for a in draft.sentences:
        found = dates.find_dates(draft.doc.text, a.sentence.span, ctx)
        a.dates = [d for d in found if not dates.is_dateline(d, draft.doc.published)]
    draft.date_context = ctx
    return draft


@register("marsad.extract.actors.v1")
def actors_stage(draft: Draft) -> Draft:
    if draft.resources.actors is not None:
        mentions = list(draft.resources.actors.find(draft.doc.text, country=draft.doc.country))
        draft.actor_mentions = mentions
        _assign(mentions, draft, "actors")
    return draft


@register("marsad.extract.places.v1")
def places_stage(draft: Draft) -> Draft:
    """The places of the text, read with the country the report is about. That country is known only here (its
    places may settle it): the generic names of state forces the actors stage read are made that country's here
    too (``_actors_at_home``)."""
    country = _country(draft)
    found, draft.unresolved_places = _places_of(draft, country)
    _assign(found, draft, "places")
    if country is not None and draft.resources.actors is not None:
        _actors_at_home(draft, draft.resources.actors, country)
    return draft


def _country(draft: Draft) -> str | None:
    """The country the report is about: its hint, else what its local actors or its places settle."""
    if draft.resources.gazetteer is None:
        return None
    found = draft.doc.country or _document_country(draft)
    return draft.resources.gazetteer.country_code(found) if found else None


def _actors_at_home(draft: Draft, actors: Any, country: str) -> None:
    """The generic names of state forces read as the report's country's own (``ActorDictionary.at_home``)."""
    mentions = actors.at_home(draft.actor_mentions, country)
    if any(new is not old for new, old in zip(mentions, draft.actor_mentions, strict=True)):
        draft.actor_mentions = mentions
        for a in draft.sentences:
            a.actors.clear()
        _assign(mentions, draft, "actors")


def _places_of(draft: Draft, country: str | None) -> tuple[list[Any], list[Any]]:
    """The places a draft's text names and the names left unresolved, read with ``country`` (see ``_country``);
    none inside an actor's name."""
    gazetteer = draft.resources.gazetteer
    if gazetteer is None:
        return [], []
    taken = _Covers([m.span for m in draft.actor_mentions])
    # a place name inside an actor's name ("Hayat" in "Hayat Tahrir al-Sham") is not a place
    reading = gazetteer.read(draft.doc.text, country=country)
    found = [p for p in reading.mentions if p.cue in _LOCATING or p.span not in taken]
    return found, [u for u in reading.unresolved if u.span not in taken]


def read_places(doc: Document, resources: Resources) -> tuple[list[Any], list[Any]]:
    """The places a document names and the names left unresolved, exactly as extraction reads them (the stages
    before the places stage run first: the local actors they find may settle the country, as "regime forces"
    make a report about the Idlib countryside Syria's). What `marsad places PATHS` lists."""
    draft = Draft(doc, resources)
    for name in DEFAULT_CHAIN[: DEFAULT_CHAIN.index("marsad.extract.places.v1")]:
        draft = registry.get(name)(draft)
    return _places_of(draft, _country(draft))


# "clashes south of Damascus and bombing": a name a direction or distance points to is a place, even where the
# actor matcher read it as the start of a name ("Damascus" for the government)
_LOCATING = frozenset({"direction", "distance", "near", "outskirts"})


class _Covers:
    """Whether a span lies inside one of ``spans``, by bisection over their starts and the furthest end any of
    them reaches up to each start: a long report's places are not each compared with all its actor names."""

    def __init__(self, spans: list[Any]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))

    def __contains__(self, span: Any) -> bool:
        i = bisect_right(self.starts, span.start)  # the spans that start at or before it
        return i > 0 and self.reach[i - 1] >= span.end


EXTERNAL_FORCES = 8  # ACLED inter code: foreign forces tell where they come from, not where the report is
# One local actor is weak evidence of a country: a generic name ("security forces") is filed under one country
# of the dictionary, so the places a text names outweigh it ("security forces ... south-west of Kirkuk, Iraq").
_LONE_ACTOR = 1


def _document_country(draft: Draft) -> str | None:
    """Without a country hint: the home country of the local actors named ("regime forces", "HTS": Syria), when
    one clearly leads by two mentions or more; with only one such mention, the country the text's places and
    peoples point to wins, when they point to one. Otherwise None, and the gazetteer decides from the country
    names, peoples ("Syrian") and places it reads. Foreign forces say where they come from, not where the
    report is."""
    votes: Counter[str] = Counter()
    actors = draft.resources.actors
    for m in draft.actor_mentions:
        entry = actors.get(m.actor_id) if actors is not None and m.actor_id else None
        if entry is not None and entry.country and m.actor.inter != EXTERNAL_FORCES:
            votes[entry.country] += 1
    if not votes:
        return None
    (top, n), *rest = votes.most_common(2)
    if n <= _LONE_ACTOR and draft.resources.gazetteer is not None:
        return draft.resources.gazetteer.country_of(draft.doc.text) or top
    return top if not rest or n > rest[0][1] else None


@register("marsad.extract.casualties.v1")
def casualties_stage(draft: Draft) -> Draft:
    for a in draft.sentences:
        figures = casualties.find_figures(draft.doc.text, a.sentence.span, a.actors)
        a.figures = casualties.without_places(figures, a.places) if a.places and figures else figures
    return draft


_NOT_COUNTED = frozenset({"negated", "background"})  # figure flags that make no figure of the sentence's own


@register("marsad.extract.typing.v1")
def typing_stage(draft: Draft) -> Draft:
    for a in draft.sentences:
        a.typed = typing.classify(draft.doc.text, [a.sentence.span])
        counted = bool(a.figures) and any(_NOT_COUNTED.isdisjoint(f.flags) for f in a.figures)  # (most: none)
        if a.figures and all("background" in f.flags for f in a.figures):
            a.role = "background"  # harm in someone's past or plans ("linked to an attack that killed four")
        else:
            a.role = segment.role(a.sentence.span.text, counted, a.typed is not None)
    return draft


@register("marsad.extract.assemble.v1")
def assemble_stage(draft: Draft) -> Draft:
    groups = assemble.group_sentences(draft.sentences, draft.doc.published, draft.doc.text)
    draft.events = assemble.build_events(draft.doc, groups)
    draft.events = locate.with_unresolved(draft.events, draft.unresolved_places)
    draft.events = locate.in_theatres(draft.events, draft.resources.actors, draft.resources.gazetteer)
    draft.events = roles.with_state_victims(draft.events, draft.resources.actors, draft.resources.gazetteer)
    return draft


DEFAULT_CHAIN = (
    "marsad.extract.segment.v1",
    "marsad.extract.dates.v1",
    "marsad.extract.actors.v1",
    "marsad.extract.places.v1",
    "marsad.extract.casualties.v1",
    "marsad.extract.typing.v1",
    "marsad.extract.assemble.v1",
)
