"""Listings over many documents: the place names the gazetteer could not resolve, for ``marsad places``.

A row per unresolved name: the document, the words as written, their span, why, and the closest gazetteer
name considered. Names that recur across documents are the ones worth a row in the curated supplement
(``gazetteer/data/supplement.csv``) or a GeoNames import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from marsad.gazetteer.match import Gazetteer
from marsad.records import Document

COLUMNS = ("document", "raw", "start", "end", "reason", "nearest")


@dataclass(frozen=True)
class UnresolvedRow:
    document: str
    raw: str
    start: int
    end: int
    reason: str
    nearest: str | None

    def as_dict(self) -> dict[str, Any]:
        return {c: getattr(self, c) for c in COLUMNS}


def unresolved_places(
    documents: Iterable[Document], gazetteer: Gazetteer, country: str | None = None
) -> Iterator[UnresolvedRow]:
    """The unresolved place names of each document, in document and text order.

    Each document is read with its own country hint, else ``country``, else the country its text is about.
    """
    for doc in documents:
        reading = gazetteer.read(doc.text, doc.country or country)
        for name in reading.unresolved:
            yield UnresolvedRow(doc.id, name.raw, name.span.start, name.span.end, name.reason, name.nearest)
