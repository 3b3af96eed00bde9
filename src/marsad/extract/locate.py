"""The place of an event: where the incident happened, not every place its sentences name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from marsad.records import Place, Span

if TYPE_CHECKING:
    from marsad.extract.assemble import Annotated


def pick_place(members: Sequence[Annotated]) -> Place | None:
    """The most specific place of the first sentence that names one; never a place things came *from*."""
    for a in members:
        candidates = [p for p in a.places if not _after_from(a, p.span)]
        if candidates:
            return min(candidates, key=lambda p: (p.place.where_prec or 9, p.span.start)).place
    return None


def _after_from(a: Annotated, span: Span) -> bool:
    s = a.sentence.span
    head = s.text[max(0, span.start - s.start - 12) : span.start - s.start].lower()
    return bool(re.search(r"\bfrom\s+(?:the\s+)?$", head))
