"""The build-time place record and the helpers every source reader shares."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from marsad.gazetteer.normalise import compact_key, name_key

# Features that are inhabited places: a bare mention is coded to the place itself (where_prec 1).
POPULATED = frozenset({"city", "town", "village", "neighbourhood", "camp", "place"})
ADMIN = frozenset({"admin1", "admin2", "admin3", "country"})

# Words around admin names in aliases ("Idlib Governorate", "Nahiyat al Hawl") that the matcher reads as cues
# instead.
_ADMIN_WORDS = re.compile(
    r"^(?:nahiyat|nāḩiyat|muhafazat|mintaqat|wilayat|province of|governorate of)\s+|"
    r"\s+(?:governorate|province|district|sub-?district|nahiya|region|city|muhafazah|wilayah)$",
    re.IGNORECASE,
)
_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*")
_CODE = re.compile(r"^[A-Z0-9]{2,4}$")  # IATA/ICAO-style codes among GeoNames alternate names ("DEZ", "ALP")


@dataclass
class Rec:
    """One place while the gazetteer is built; several sources may merge into one record."""

    name: str
    country: str  # ISO 3166 alpha-2
    feature: str
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    admin1_pcode: str | None = None
    admin2_pcode: str | None = None
    admin3_pcode: str | None = None
    pcode: str | None = None
    population: int = 0
    geonameid: int | None = None
    # the point is estimated from a parent region (its centre, its towns), not the place itself
    approx: bool = False
    geo_precision: int | None = None  # overrides the feature's default when a source says so
    where_prec: int | None = None
    admin1_code: str | None = None  # GeoNames "CC.code" of the first-order division, for joins
    sources: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # name -> its key, computed once
    compact: set[str] = field(default_factory=set)  # keys of multi-word names written as one word

    def add_names(self, *names: str) -> None:
        for name in names:
            clean = clean_name(name)
            if clean and clean not in self.names:
                self.names[clean] = name_key(clean)
                if " " in self.names[clean]:
                    self.compact.add(compact_key(clean))

    def add_source(self, source: str) -> None:
        if source not in self.sources:
            self.sources.append(source)

    def name_keys(self) -> set[str]:
        return (set(self.names.values()) | self.compact) - {""}


def clean_name(name: str) -> str:
    """A name worth indexing, or "": Latin or Arabic script, not a short code, without admin words or
    brackets.
    """
    name = " ".join(name.split())
    if not name or _CODE.match(name) or not _latin_or_arabic(name):
        return ""
    name = _PARENTHESIS.sub(" ", name).strip()
    stripped = _ADMIN_WORDS.sub("", name).strip()
    return stripped if any(ch.isalnum() for ch in stripped) else ""


def _latin_or_arabic(name: str) -> bool:
    if name.isascii():
        return True
    for ch in name:
        if ch.isalpha():
            code = ord(ch)
            latin = code < 0x250 or 0x1E00 <= code < 0x1F00
            arabic = 0x600 <= code < 0x780 or 0xFB50 <= code < 0xFF00
            if not (latin or arabic):
                return False
    return True


def ascii_name(name: str) -> str:
    """Display form without diacritics (Paktiyā -> Paktiya), as ACLED and UCDP write admin names."""
    folded = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    # ayn and hamza marks stay inside a name (Nad 'Ali) but not at its ends ('Afrin)
    return plain.replace("ʼ", "'").replace("‘", "'").replace("’", "'").strip("'` ")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def populated_feature(population: int) -> str:
    if population >= 100_000:
        return "city"
    return "town" if population >= 5_000 else "village"
