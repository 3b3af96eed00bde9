"""Clauses: a sentence or headline that tells several incidents becomes one unit per incident.

Monitors pack a day's incidents into one line: "The regime forces shell Harasta and clashes in the east of Homs and
explosion in Idlib city", "Shelling of the city of Daraa and 3 martyrs killed by warplanes in the city of Deir
Al-Zour". Each clause that has **its own act and its own place** is an incident of its own, with its own place,
figures and actors. Everything else stays whole:

- a clause without an act ("shelled Kafr Zita and Latamneh villages": the second is only a place) or without a
  place of its own ("and shelling its countryside") belongs to the clause before it;
- a clause that continues the same subject's action ("detained two suspects in Nad Ali district and killed one
  insurgent in Marjah", "killing two"): one operation, as a press release tells it, is never split;
- a clause naming a place the clause before already named is the same scene;
- no cut falls inside a figure ("killed and wounded"), an actor ("Afghan and coalition forces"), a place or a date.

The cuts are "and", commas, "while" and semicolons. Dates are shared: a clause without a date of its own takes the
dates of its sentence ("Shelling on Daraa and 3 killed in Deir Ezzor yesterday": both yesterday). At most
``MAX_CUTS`` cuts are read per sentence, so long input stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from marsad.extract.segment import Sentence
from marsad.extract.typing import classify
from marsad.records import Span

if TYPE_CHECKING:
    from marsad.extract.assemble import Annotated

MAX_CUTS = 12
_CUT = re.compile(r",?\s+and\s+|;\s+|,\s+(?:while\s+)?|\s+while\s+", re.IGNORECASE)
# A clause opening with a verb continues the subject before it ("and killed one insurgent", "killing two");
# "armed men" and the like are nouns, not verbs.
_CONTINUES = re.compile(
    r"^(?:also\s+|then\s+|later\s+|subsequently\s+)?(?:(?!armed\b|alleged\b|suspected\b|wounded\s+(?:were|are)\b)"
    r"[a-z]+ed\b|was|were|is|are|has|have|had|did|shot|hit|struck|took|fled|fought|brought|blew|set|led|left|"
    r"lost|made|sent|killing|wounding|injuring|leaving|causing|forcing|prompting|resulting|destroying|damaging|"
    r"targeting|detaining|arresting|capturing|seizing|confiscating|including)\b",
    re.IGNORECASE,
)
COUNTRY_PREC = 6  # UCDP where_prec of a country: not a place of its own for a clause


@dataclass
class _Piece:
    start: int  # offsets in the sentence
    end: int
    places: set[str] = field(default_factory=set)
    act: bool = False
    continues: bool = False


def split(annotated: Sequence[Annotated], text: str, candidates: set[int]) -> list[Annotated]:
    """The report's units: its sentences, with those of ``candidates`` (indices of incident sentences) that tell
    several incidents split into one unit per incident (see the module docstring). Units are re-numbered in order
    (``Sentence.index``)."""
    out: list[Annotated] = []
    for i, a in enumerate(annotated):
        out.extend(_split_one(a, text) if i in candidates else [a])
    if len(out) == len(annotated):
        return list(annotated)
    return [
        replace(u, sentence=Sentence(u.sentence.span, u.sentence.paragraph, n)) for n, u in enumerate(out)
    ]


def _split_one(a: Annotated, text: str) -> list[Annotated]:
    pieces = _pieces(a, text)
    if len(pieces) < 2:
        return [a]
    units: list[_Piece] = [pieces[0]]
    for p in pieces[1:]:
        cur = units[-1]
        new = p.act and bool(p.places) and not p.continues and cur.act and bool(cur.places)
        if new and not (p.places & cur.places):
            units.append(p)
        else:
            units[-1] = _Piece(cur.start, p.end, cur.places | p.places, cur.act or p.act, cur.continues)
    if len(units) < 2:
        return [a]
    return [_unit(a, u, text) for u in units]


def _pieces(a: Annotated, text: str) -> list[_Piece]:
    s = a.sentence.span.text
    taken = _protected(a)
    cuts: list[tuple[int, int]] = []
    for m in _CUT.finditer(s):
        if not any(lo < m.end() and m.start() < hi for lo, hi in taken):
            cuts.append((m.start(), m.end()))
            if len(cuts) >= MAX_CUTS:
                break
    if not cuts:
        return []
    bounds = [0, *(x for c in cuts for x in c), len(s)]
    pieces = []
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        if end > start:
            pieces.append(_describe(a, text, start, end))
    return pieces


def _protected(a: Annotated) -> list[tuple[int, int]]:
    """Sentence offsets no cut may fall in: figures, actors, places, dates."""
    base = a.sentence.span.start
    spans: list[Any] = [*a.figures, *a.actors, *a.places, *a.dates]
    return [(x.span.start - base, x.span.end - base) for x in spans]


def _describe(a: Annotated, text: str, start: int, end: int) -> _Piece:
    base = a.sentence.span.start
    lo, hi = base + start, base + end
    places = {
        f"{p.place.name}|{p.place.admin1}"
        for p in a.places
        if lo <= p.span.start and p.span.end <= hi and (p.place.where_prec or 4) < COUNTRY_PREC
    }
    figures = any(lo <= f.span.start and f.span.end <= hi for f in a.figures)
    typed = classify(text, [Span.of(text, lo, hi)])
    act = figures or (typed is not None and typed.event_type != "none")
    return _Piece(start, end, places, act, bool(_CONTINUES.match(a.sentence.span.text[start:end])))


def _unit(a: Annotated, piece: _Piece, text: str) -> Annotated:
    base = a.sentence.span.start
    lo, hi = base + piece.start, base + piece.end
    span = Span.of(text, lo, hi)

    def inside(items: list[Any]) -> list[Any]:
        return [x for x in items if lo <= x.span.start and x.span.end <= hi]

    dates = inside(a.dates) or list(a.dates)  # a clause without a date of its own: its sentence's
    return replace(
        a,
        sentence=Sentence(span, a.sentence.paragraph, a.sentence.index),
        figures=inside(a.figures),
        dates=dates,
        places=inside(a.places),
        actors=inside(a.actors),
        typed=classify(text, [span]),
    )
