"""The extraction stages as registered, chainable functions: ``(Draft) -> Draft``.

Each stage reads the document and the sentences found so far and adds its own annotations; ``assemble`` turns the
annotated sentences into events. Gazetteer and actor dictionary are loaded once per process (``Resources``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from marsad.extract import assemble, casualties, dates, segment, typing
from marsad.records import Document, Event
from marsad.registry import register


@dataclass
class Resources:
    """Loaded once per process and shared by every document (never loaded per document)."""

    gazetteer: Any | None
    actors: Any | None


@cache
def default_resources() -> Resources:
    from marsad.actors import load_dictionary
    from marsad.gazetteer.match import default_gazetteer

    return Resources(gazetteer=default_gazetteer(), actors=load_dictionary())


@dataclass
class Draft:
    doc: Document
    resources: Resources
    sentences: list[assemble.Annotated] = field(default_factory=list)
    date_context: dates.DateContext | None = None
    events: list[Event] = field(default_factory=list)


def _assign(mentions: list[Any], draft: Draft, attr: str) -> None:
    """Give each sentence the mentions whose spans fall inside it (mentions are found once per document)."""
    for a in draft.sentences:
        lo, hi = a.sentence.span.start, a.sentence.span.end
        getattr(a, attr).extend(m for m in mentions if lo <= m.span.start and m.span.end <= hi)


@register("marsad.extract.segment.v1")
def segment_stage(draft: Draft) -> Draft:
    draft.sentences = [assemble.Annotated(s) for s in segment.sentences(draft.doc.text)]
    return draft


@register("marsad.extract.dates.v1")
def dates_stage(draft: Draft) -> Draft:
    ctx = dates.DateContext(published=draft.doc.published)
    for a in draft.sentences:
        a.dates = dates.find_dates(draft.doc.text, a.sentence.span, ctx)
    draft.date_context = ctx
    return draft


@register("marsad.extract.places.v1")
def places_stage(draft: Draft) -> Draft:
    if draft.resources.gazetteer is not None:
        found = draft.resources.gazetteer.find(draft.doc.text, country=draft.doc.country)
        _assign(list(found), draft, "places")
    return draft


@register("marsad.extract.actors.v1")
def actors_stage(draft: Draft) -> Draft:
    if draft.resources.actors is not None:
        _assign(list(draft.resources.actors.find(draft.doc.text)), draft, "actors")
    return draft


@register("marsad.extract.casualties.v1")
def casualties_stage(draft: Draft) -> Draft:
    for a in draft.sentences:
        a.figures = casualties.find_figures(draft.doc.text, a.sentence.span, a.actors)
    return draft


@register("marsad.extract.typing.v1")
def typing_stage(draft: Draft) -> Draft:
    for a in draft.sentences:
        a.typed = typing.classify(draft.doc.text, [a.sentence.span])
        counted = [f for f in a.figures if "negated" not in f.flags]
        a.role = segment.role(a.sentence.span.text, bool(counted), a.typed is not None)
    return draft


@register("marsad.extract.assemble.v1")
def assemble_stage(draft: Draft) -> Draft:
    groups = assemble.group_sentences(draft.sentences)
    draft.events = [e for g in groups if (e := assemble.build_event(draft.doc, g)) is not None]
    return draft


DEFAULT_CHAIN = (
    "marsad.extract.segment.v1",
    "marsad.extract.dates.v1",
    "marsad.extract.places.v1",
    "marsad.extract.actors.v1",
    "marsad.extract.casualties.v1",
    "marsad.extract.typing.v1",
    "marsad.extract.assemble.v1",
)
