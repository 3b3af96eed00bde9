"""The places stage: a gazetteer built from GeoNames, OCHA, UCDP and a curated supplement, and a matcher over
it.

``build_gazetteer``/``ensure_gazetteer`` write and refresh the SQLite file; ``Gazetteer.find`` reads place
names in a text and resolves them to :class:`marsad.records.Place` records with ACLED/UCDP precision codes;
``Gazetteer.read`` also returns the names left unresolved; ``place_rows`` and ``unresolved_rows`` list both for
``marsad places``.
"""

from marsad.gazetteer.build import build_gazetteer, ensure_gazetteer
from marsad.gazetteer.match import Gazetteer, PlaceMention, Reading, default_gazetteer
from marsad.gazetteer.normalise import name_key
from marsad.gazetteer.places import UnresolvedRow, place_rows, unresolved_rows
from marsad.gazetteer.unresolved import Unresolved

__all__ = [
    "Gazetteer",
    "PlaceMention",
    "Reading",
    "Unresolved",
    "UnresolvedRow",
    "build_gazetteer",
    "default_gazetteer",
    "ensure_gazetteer",
    "name_key",
    "place_rows",
    "unresolved_rows",
]
