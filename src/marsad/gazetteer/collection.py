"""The set of places while a gazetteer is built, with the indexes that merging sources needs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from marsad.gazetteer.normalise import name_key
from marsad.gazetteer.rec import ADMIN, POPULATED, Rec, distance_km

# Two records with one name and one governorate are one place only when their points are this close.
SAME_PLACE_KM = 30.0
# How far a village may lie from its subdistrict's centre (Syria's largest subdistricts, in the desert, are wider:
# their villages lie along the rivers and roads near the centre).
SUBDISTRICT_KM = 40.0


_AREAS = frozenset({"area", "region", "desert"})


def compatible(feature: str, other: str) -> bool:
    """Whether two sources' features can describe one place: a village is no river, but UCDP's unlabelled
    "place" may be a town or an area.
    """
    if feature in ADMIN or other in ADMIN:
        return False
    if feature == other or "place" in (feature, other):
        return True
    return (feature in POPULATED and other in POPULATED) or (feature in _AREAS and other in _AREAS)


class Places:
    """Records plus lookups by (country, key), by p-code and by GeoNames admin1 code."""

    def __init__(self) -> None:
        self.recs: list[Rec] = []
        self.by_key: dict[tuple[str, str], list[Rec]] = defaultdict(list)
        self.by_pcode: dict[str, Rec] = {}
        self.admin1_by_code: dict[str, Rec] = {}  # "SY.07" -> Deir ez-Zor governorate
        self.countries: dict[str, Rec] = {}
        self.iso3: dict[str, str] = {}  # ISO alpha-3 -> alpha-2, so that a country hint may be either
        self.capitals: dict[str, str] = {}  # ISO alpha-2 -> the capital's name (GeoNames): "the capital"
        self.sectors: dict[
            tuple[str, int], Rec
        ] = {}  # (governorate p-code, bearing) -> "Eastern Deir ez-Zor"

    def add(self, rec: Rec) -> Rec:
        rec.add_names(rec.name)
        self.recs.append(rec)
        for key in rec.name_keys():
            self.by_key[(rec.country, key)].append(rec)
        if rec.pcode:
            self.by_pcode.setdefault(rec.pcode, rec)
        if rec.feature == "country":
            self.countries[rec.country] = rec
        return rec

    def add_names(self, rec: Rec, names: Iterable[str]) -> None:
        """Add names to a record already indexed, indexing the new keys."""
        before = rec.name_keys()
        rec.add_names(*names)
        for key in rec.name_keys() - before:
            self.by_key[(rec.country, key)].append(rec)

    def set_pcode(self, rec: Rec, pcode: str) -> None:
        rec.pcode = pcode
        self.by_pcode.setdefault(pcode, rec)

    def named(self, country: str, names: Iterable[str], accept: Callable[[Rec], bool]) -> list[Rec]:
        """Records of ``country`` sharing a key with any of ``names`` and accepted by ``accept``, in insertion
        order.
        """
        seen: dict[int, Rec] = {}
        for name in names:
            key = name_key(name)
            for rec in self.by_key.get((country, key), ()) if key else ():
                if id(rec) not in seen and accept(rec):
                    seen[id(rec)] = rec
        return list(seen.values())

    def admin_named(self, country: str, name: str, feature: str, admin1: str | None = None) -> Rec | None:
        """The admin unit of a level called ``name`` (inside ``admin1`` when given)."""
        found = self.named(
            country, [name], lambda r: r.feature == feature and (admin1 is None or r.admin1 == admin1)
        )
        return found[0] if found else None

    def nearby_place(self, country: str, names: Iterable[str], rec: Rec) -> Rec | None:
        """A record of a compatible feature with a shared name in the same admin1, close to ``rec``'s point
        when both have an exact one: the record that ``rec`` describes again.
        """

        def same(other: Rec) -> bool:
            if other is rec or not compatible(rec.feature, other.feature):
                return False
            if rec.admin1_pcode and other.admin1_pcode and rec.admin1_pcode != other.admin1_pcode:
                return False
            if None in (rec.lat, other.lat):
                return True
            km = distance_km(rec.lat, rec.lon, other.lat, other.lon)  # type: ignore[arg-type]
            if other.approx or rec.approx:
                # a village known only at its subdistrict's centre lies within its subdistrict: a point further
                # away is a namesake's ("Kafrayya" of Sanjar is not Kafraya of Maaret Tamsrin, 55 km north)
                return km <= SUBDISTRICT_KM
            return km <= SAME_PLACE_KM

        found = self.named(country, names, same)
        return found[0] if found else None

    def in_country(self, country: str, features: frozenset[str] | None = None) -> list[Rec]:
        return [r for r in self.recs if r.country == country and (features is None or r.feature in features)]
