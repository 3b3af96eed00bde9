"""The rows ``marsad places`` lists, one document at a time: the places read in it, and the names that could
not be resolved.

A row per place named: the document, the words and their span, the cue read around them, and the place they
resolve to (name, kind, point, admin regions, p-code, GeoNames id, precision codes, the source that has it).
A row per unresolved name: the document, the words as written, their span, why, and the closest gazetteer
name considered. Names that recur across documents are the ones worth a row in the curated supplement
(``gazetteer/data/supplement.csv``) or a GeoNames import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from marsad.gazetteer.reader import PlaceMention
from marsad.gazetteer.unresolved import Unresolved
from marsad.records import Place

COLUMNS = ("document", "raw", "start", "end", "reason", "nearest")
# the fields of a place named that are listed, in this order (see ``records.Place``)
PLACE_FIELDS = (
    "name",
    "feature",
    "latitude",
    "longitude",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "pcode",
    "admin1_pcode",
    "admin2_pcode",
    "geonameid",
    "geo_precision",
    "where_prec",
    "approx",
    "source",
)
PLACE_COLUMNS = ("document", "text", "start", "end", "cue", *PLACE_FIELDS, "score")


@dataclass(frozen=True)
class UnresolvedRow:
    document: str
    raw: str
    start: int
    end: int
    reason: str
    nearest: str | None

    def __reduce__(self) -> tuple[type[UnresolvedRow], tuple[str, str, int, int, str, str | None]]:
        # (see reader.PlaceMention.__reduce__)
        return UnresolvedRow, (self.document, self.raw, self.start, self.end, self.reason, self.nearest)

    def as_dict(self) -> dict[str, Any]:
        return {c: getattr(self, c) for c in COLUMNS}


def place_rows(document: str, mentions: Iterable[PlaceMention]) -> Iterator[dict[str, Any]]:
    """A row (``PLACE_COLUMNS``) per place a document names, in text order. These are all the places a text
    names: the event's place is chosen among them when the events are built ("reinforcements from Damascus" is
    listed here, and is no event's)."""
    for mention in mentions:
        place, span = mention.place, mention.span
        yield {
            "document": document,
            "text": span.text,
            "start": span.start,
            "end": span.end,
            "cue": mention.cue,
            **place_fields(place),
            "score": mention.score,
        }


def place_fields(place: Place) -> dict[str, Any]:
    """A place's ``PLACE_FIELDS`` as a row's columns (what `marsad places` and `marsad gazetteer lookup` list)."""
    return {c: getattr(place, c) for c in PLACE_FIELDS}


def unresolved_rows(document: str, names: Iterable[Unresolved]) -> Iterator[UnresolvedRow]:
    """A row per name of a document left unresolved, in text order."""
    for name in names:
        yield UnresolvedRow(document, name.raw, name.span.start, name.span.end, name.reason, name.nearest)
