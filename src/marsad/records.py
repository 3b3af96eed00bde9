"""Frozen records passed between pipeline stages.

Every extracted field carries its evidence as character offsets into ``Document.text`` (a :class:`Span`), never as a
bare substring: the same words can occur several times in one report and a reviewer must see *which* occurrence was read.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

EventKind = Literal["incident", "tally", "development"]
FigureKind = Literal["killed", "injured", "killed_or_injured", "captured", "abducted", "missing"]
# figure flags that keep a figure out of event totals (it is kept, with its evidence, for review)
NOT_ADDED = frozenset(("subcount", "review", "restatement", "background"))
# figure flags of people besides those counted before ("4 militants were also killed", "one additional suspect", "a
# suspected associate", "another commander"): new people to casualty_reconcile, added in after a toll revision too
BESIDES = frozenset(("additional", "indefinite"))
FIGURE_KINDS: tuple[str, ...] = ("killed", "injured", "killed_or_injured", "captured", "abducted", "missing")


def normalise_text(text: str) -> str:
    """The text a document id is computed from: NFC, unified newlines, trimmed lines, no blank runs.

    Two copies of one report that differ only in whitespace or line endings get the same id and are stored once.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    # Unicode line/paragraph separators (seen in press releases saved from PDFs) are line breaks, not spaces
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def document_id(text: str) -> str:
    """sha256 of the normalised text (hex)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``text[start:end]`` of the document text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Document:
    """One report, as read by ingest. ``text`` is the clean main text every span points into."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    site: str | None = None
    published: date | None = None
    # where ``published`` came from: html-meta, feed, jsonl, dateline, hint, or None when unknown
    published_source: str | None = None
    language: str | None = None
    country: str | None = None  # a hint from the input (JSONL field, --country), not an extraction
    source: str | None = None  # file path or URL the document was read from
    external_id: str | None = None  # the id a JSONL line carried
    raw_sha256: str | None = None
    raw_format: str | None = None  # html, text, feed, jsonl
    raw: bytes = field(default=b"", repr=False, compare=False)

    @classmethod
    def from_text(cls, text: str, **meta: object) -> Document:
        """A document whose ``text`` is normalised and whose id is its content hash."""
        clean = normalise_text(text)
        return cls(id=document_id(clean), text=clean, **meta)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or processed, and why. Recorded, shown by ``marsad errors``; the run goes on."""

    source: str
    stage: str  # ingest, extract, store
    code: str  # short machine code: empty, binary, undecodable, not-xml, not-json, too-large, no-text, ...
    message: str  # what went wrong and what to do, for people


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: a day range and how precise it is."""

    start: date
    end: date
    precision: int  # UCDP date_prec: 1 day, 2 = 2-6 days, 3 week, 4 month, 5 year or longer
    text: str  # the words it was read from ("Yesterday", "in the first week of the campaign")
    reason: str  # how it was resolved ("yesterday relative to publication 2021-01-24")
    span: Span | None = None

    @property
    def time_precision(self) -> int:
        """ACLED time_precision: 1 exact day, 2 a week or similar period, 3 only the month (or vaguer)."""
        if self.precision == 1:
            return 1
        if self.precision in (2, 3):
            return 2
        return 3


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location. ``geo_precision`` is ACLED's 1-3, ``where_prec`` UCDP's 1-7."""

    name: str
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    where_prec: int | None = None
    admin1_pcode: str | None = None
    admin2_pcode: str | None = None
    pcode: str | None = None
    geonameid: int | None = None
    feature: str | None = None  # town, village, desert, road, region, admin1, admin2, country, ...
    source: str | None = None  # gazetteer layer the match came from
    span: Span | None = None  # the words in the text
    admin3: str | None = None  # the subdistrict (Syria's OCHA admin 3), when known
    admin3_pcode: str | None = None
    approx: bool = False  # the point is estimated from the place's subdistrict, not the place's own


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention resolved (or not) against the actor dictionary."""

    name: str  # canonical name, or the raw words when unknown
    raw: str
    inter: int | None = None  # ACLED inter code 1-8
    side: str | None = None  # affiliation, e.g. "government", "islamic-state", "civilians"
    known: bool = True
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """One statement of people harmed. ``low <= best <= high``; ``None`` means not stated."""

    kind: str  # one of FIGURE_KINDS
    low: int | None
    best: int | None
    high: int | None
    span: Span
    who: str | None = None  # the victim group as written ("regime soldiers")
    side: str | None = None  # the victims' side ("government", "islamic-state", "civilians") when known
    flags: tuple[str, ...] = ()  # claim, negated, vague, review (absurd), subcount, revision, restatement
    claimant: str | None = None


def added_in(figures: Sequence[Figure]) -> list[Figure]:
    """The figures an event's totals add, in order: none of ``NOT_ADDED``, and per kind, from its last toll
    revision ("the death toll rose to 20", "put the toll at 14") on, the revision and the people told as besides
    it ("4 militants were also killed") or as of another side than its own ("the number of regime soldiers
    killed has risen to 83, while 37 ISIS members were killed"). A revision counts everyone of its kind: the
    figures before it, and those after it that tell its people again ("has risen to 9 ... SFM had reported
    yesterday that 7 were killed"), are in it."""
    counted = [f for f in figures if not NOT_ADDED & set(f.flags)]
    last = {f.kind: i for i, f in enumerate(counted) if "revision" in f.flags}

    def besides(f: Figure, revision: Figure) -> bool:
        other_side = f.side is not None and revision.side is not None and f.side != revision.side
        return other_side or not BESIDES.isdisjoint(f.flags)

    return [
        f
        for i, f in enumerate(counted)
        if f.kind not in last or i == last[f.kind] or (i > last[f.kind] and besides(f, counted[last[f.kind]]))
    ]


@dataclass(frozen=True, slots=True)
class SideCount:
    """Per-side breakdown, UCDP's deaths_a / deaths_b / civilians / unknown idea, for each figure kind."""

    who: str  # side name ("government", "islamic-state", "civilians", "unknown")
    kind: str
    low: int | None
    best: int | None
    high: int | None


@dataclass(frozen=True, slots=True)
class Evidence:
    field: str  # date, location, actor1, actor2, event_type, figure:killed, ...
    span: Span


@dataclass(frozen=True, slots=True)
class Total:
    low: int | None
    best: int | None
    high: int | None


@dataclass(frozen=True, slots=True)
class UnresolvedPlace:
    """Words of an event's text read as a place name that no gazetteer place was found for, kept with why (and
    the closest gazetteer name considered) so that one missing village never blanks the event's other places and
    a person can add it to the supplement."""

    text: str
    reason: str
    span: Span
    nearest: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One incident, cumulative tally, or ongoing development read from a document."""

    id: str
    document_id: str
    kind: str  # incident | tally | development
    event_type: str | None
    sub_event_type: str | None
    date: EventDate | None
    location: Place | None
    actor1: Actor | None
    actor2: Actor | None
    assoc_actors: tuple[Actor, ...] = ()
    figures: tuple[Figure, ...] = ()
    sides: tuple[SideCount, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    extractor_version: str = ""
    span: Span | None = None  # the text the event was read from (clause or sentences)
    notes: str = ""
    disorder_type: str | None = None  # ACLED: Political violence, Demonstrations, Strategic developments
    civilian_targeting: bool = False  # ACLED: civilians were the target
    type_of_violence: int | None = None  # UCDP: 1 state-based, 2 non-state, 3 one-sided
    unresolved_places: tuple[
        UnresolvedPlace, ...
    ] = ()  # place names in the event's text no place was found for

    def total(self, kind: str) -> Total | None:
        """Per-event total of one figure kind, derived from the figures and never double-counted: sub-counts
        ("including 3 children"), restatements and absurd numbers flagged for review do not add in, and a toll
        revision ("the death toll rose to 20") replaces the figures before it."""
        counted = [f for f in added_in(self.figures) if f.kind == kind]
        if not counted:
            return None
        lows = [f.low for f in counted]
        bests = [f.best for f in counted]
        highs = [f.high for f in counted]
        return Total(
            low=None if None in lows else sum(lows),  # type: ignore[arg-type]
            best=None if None in bests else sum(bests),  # type: ignore[arg-type]
            high=None if None in highs else sum(highs),  # type: ignore[arg-type]
        )
