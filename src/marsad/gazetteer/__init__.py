"""The places stage: a gazetteer built from GeoNames, OCHA, UCDP and a curated supplement, and a matcher over
it.

``build_gazetteer``/``ensure_gazetteer`` write and refresh the SQLite file; ``Gazetteer.find`` reads place
names in a text and resolves them to :class:`marsad.records.Place` records with ACLED/UCDP precision codes.
"""

from marsad.gazetteer.build import build_gazetteer, ensure_gazetteer
from marsad.gazetteer.match import Gazetteer, PlaceMention, default_gazetteer
from marsad.gazetteer.normalise import name_key

__all__ = [
    "Gazetteer",
    "PlaceMention",
    "build_gazetteer",
    "default_gazetteer",
    "ensure_gazetteer",
    "name_key",
]
