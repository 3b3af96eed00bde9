"""Layers that refine the backbone: places UCDP coded with coordinates, and marsad's curated supplement."""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz

from marsad.errors import ConfigError
from marsad.gazetteer import fuzzy
from marsad.gazetteer.collection import Places
from marsad.gazetteer.normalise import name_key
from marsad.gazetteer.rec import Rec, clean_name, distance_km
from marsad.gazetteer.sources import read_csv, site_names, split_aliases

SUPPLEMENT_COLUMNS = (
    "name",
    "aliases",
    "country",
    "feature",
    "lat",
    "lon",
    "admin1",
    "pcode",
    "geo_precision",
    "where_prec",
    "approx",
    "source",
)
FEATURES = frozenset(
    {
        "city",
        "town",
        "village",
        "neighbourhood",
        "camp",
        "place",
        "admin1",
        "admin2",
        "admin3",
        "country",
        "desert",
        "road",
        "river",
        "region",
        "area",
        "mountain",
        "airbase",
        "base",
        "field",
        "dam",
        "farm",
        "site",
        "lake",
        "border",
        "sector",
    }
)

# UCDP's where_coordinates end with a word saying what the place is ("Teir Maaleh village", "Jirah Airbase").
_UCDP_FEATURE = {
    "town": "town",
    "village": "village",
    "locality": "village",
    "city": "city",
    "suburb": "neighbourhood",
    "neighbourhood": "neighbourhood",
    "neighborhood": "neighbourhood",
    "camp": "camp",
    "mountain": "mountain",
    "mount": "mountain",
    "hill": "mountain",
    "airport": "airbase",
    "airbase": "airbase",
    "base": "base",
    "field": "field",
    "fields": "field",
    "oilfield": "field",
    "dam": "dam",
    "farm": "farm",
    "farms": "farm",
    "area": "area",
}
_SETTLEMENTS = frozenset({"city", "town", "village", "neighbourhood"})
_GENERIC_SUFFIX = re.compile(
    r"\s+(?:town|village|city|suburb|neighbou?rhood|locality|area|mountain|mount|hill)$", re.I
)
# Descriptions of relations rather than names ("Road between X and Y", "X/Y border", "Eastern Homs
# Governorate").
_DESCRIPTIVE = re.compile(r"\b(?:governorate|district|between|border|near|in|road|highway|syria)\b", re.I)


def _ucdp_names(description: str) -> list[str]:
    """The names in a UCDP place description. Brackets hold another name of a town or village ("Al-Rai town
    (Choban Bey)", "Aaliyah (Qurujah) village"), and what else lies near ("Taybah farms (Mayadin)") or a code
    ("Tiyas Military Airbase (T4)"), no name, after anything else."""
    bracketed = [b.strip() for b in _BRACKETED.findall(description)]
    plain = " ".join(_BRACKETED.sub(" ", description).split())
    # "Toubal/Shalaf castle", "Ayuj/al-Awaj village": two names; "Jihar oil/gas field" one
    two = plain.count("/") == 1 and _CAPITALISED.match(plain.split("/")[1].strip()) is not None
    parts = [p.strip() for p in plain.split("/")] if two else [plain]
    if _UCDP_FEATURE.get(_last_word(plain)) in _SETTLEMENTS:
        parts += bracketed
    names = (clean_name(_GENERIC_SUFFIX.sub("", p)) for p in parts)
    return [n for n in names if n]


_BRACKETED = re.compile(r"\(([^()]*)\)")
_CAPITALISED = re.compile(r"(?:(?:al|el|an|ar|as|ash|ad|at|az)-)?[A-Z]")


def _last_word(description: str) -> str:
    """The word a UCDP description ends with, saying what the place is, brackets left out ("village")."""
    words = _BRACKETED.sub(" ", description).split()
    return words[-1].lower() if words else ""


def add_ucdp(places: Places, path: Path) -> tuple[int, int]:
    """UCDP GED places coded to a point (where_prec 1, 2) or a named area (5): a point for OCHA villages
    placed only at their subdistrict's centre, aliases for known towns, and new records for places no other
    layer has.
    """
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    sectors: dict[tuple[str, int], list[dict[str, str]]] = defaultdict(list)
    for row in read_csv(path):
        description = " ".join(row["where_coordinates"].split())
        sector = _SECTOR.match(description)
        if sector is not None:
            sectors[(sector["name"], _SECTOR_BEARINGS[sector["dir"].lower().replace("-", "")])].append(row)
            continue
        if row["where_prec"] not in ("1", "2", "5") or not description:
            continue
        if _DESCRIPTIVE.search(description):
            continue
        groups[(description, row["adm_1"], row["adm_2"])].append(row)
    merged, added = _place_sectors(places, sectors), 0
    villages = _approx_villages(places)
    for (description, adm1, adm2), rows in sorted(groups.items()):
        names = _ucdp_names(description)
        if not names:
            continue
        rec = _ucdp_rec(places, description, names, adm1, adm2, rows)
        known = places.nearby_place("SY", names, rec) or _spelled_otherwise(villages, names, rec)
        if known is not None:
            if known.approx:
                known.lat, known.lon, known.approx = rec.lat, rec.lon, False
            places.add_names(known, names)
            known.add_source("ucdp")
            merged += 1
        else:
            places.add(rec)
            added += 1
    return merged, added


# An OCHA village known only at its subdistrict's centre that UCDP placed under another spelling ("Kdeiran" /
# "Kudayran"): same governorate (and district when UCDP names one), a close spelling, within this distance.
_SPELLED_OTHERWISE_KM = 40.0
_SPELLED_OTHERWISE_RATIO = 88.0


def _approx_villages(places: Places) -> dict[str, list[tuple[Rec, frozenset[str], frozenset[str]]]]:
    """Syria's villages placed at their subdistrict's centre, by governorate p-code, with their keys and key
    skeletons."""
    out: dict[str, list[tuple[Rec, frozenset[str], frozenset[str]]]] = defaultdict(list)
    for rec in places.in_country("SY", frozenset({"village", "town"})):
        if rec.approx and rec.admin1_pcode and rec.lat is not None:
            keys = frozenset(k for k in rec.name_keys() if k)
            out[rec.admin1_pcode].append((rec, keys, frozenset(fuzzy.skeleton(k) for k in keys)))
    return out


def _spelled_otherwise(
    villages: dict[str, list[tuple[Rec, frozenset[str], frozenset[str]]]], names: list[str], rec: Rec
) -> Rec | None:
    """The OCHA village UCDP names in another spelling, when exactly one fits best (see above)."""
    if (
        rec.feature not in _SETTLEMENTS | {"place"}
        or rec.lat is None
        or rec.lon is None
        or not rec.admin1_pcode
    ):
        return None
    keys = [k for k in (name_key(n) for n in names) if len(k) >= 4]
    bones = {fuzzy.skeleton(k) for k in keys}
    best: tuple[float, float, Rec] | None = None
    for village, village_keys, village_bones in villages.get(rec.admin1_pcode, ()):
        if rec.admin2_pcode and village.admin2_pcode and rec.admin2_pcode != village.admin2_pcode:
            continue
        km = distance_km(rec.lat, rec.lon, village.lat, village.lon)  # type: ignore[arg-type]
        if km > _SPELLED_OTHERWISE_KM:
            continue
        score = max((fuzz.ratio(a, b) for a in keys for b in village_keys), default=0.0)
        if score < _SPELLED_OTHERWISE_RATIO and not bones & village_bones:
            continue
        if best is None or (score, -km) > (best[0], best[1]):
            best = (score, -km, village)
    return best[2] if best else None


_SECTOR_BEARINGS = {
    "northern": 0, "northeastern": 45, "eastern": 90, "southeastern": 135,
    "southern": 180, "southwestern": 225, "western": 270, "northwestern": 315,
}  # fmt: skip
# UCDP's directional parts of a governorate: "Eastern Deir ez Zor Governorate", "North-western Hamah Governorate".
_SECTOR = re.compile(
    r"^(?P<dir>(?:north|south)-?(?:east|west)ern|northern|southern|eastern|western)\s+(?P<name>.+?)\s+Governorate$",
    re.I,
)


def _place_sectors(places: Places, sectors: dict[tuple[str, int], list[dict[str, str]]]) -> int:
    """Move each governorate part to UCDP's point for it (the median of the events UCDP coded there)."""
    moved = 0
    for (name, bearing), rows in sorted(sectors.items()):
        governorate = places.admin_named("SY", name, "admin1")
        rec = places.sectors.get((governorate.admin1_pcode or "", bearing)) if governorate else None
        if rec is None:
            continue
        rec.lat = round(statistics.median(float(r["latitude"]) for r in rows), 5)
        rec.lon = round(statistics.median(float(r["longitude"]) for r in rows), 5)
        rec.add_source("ucdp")
        moved += 1
    return moved


def _ucdp_rec(
    places: Places, description: str, names: list[str], adm1: str, adm2: str, rows: list[dict[str, str]]
) -> Rec:
    last = _last_word(description)
    precision = int(Counter(r["where_prec"] for r in rows).most_common(1)[0][0])
    feature = _UCDP_FEATURE.get(last, "area" if precision == 5 else "place")
    rec = Rec(
        name=names[0],
        country="SY",
        feature=feature,
        sources=["ucdp"],
        lat=round(statistics.median(float(r["latitude"]) for r in rows), 5),
        lon=round(statistics.median(float(r["longitude"]) for r in rows), 5),
    )
    rec.add_names(*names)
    if feature not in _SETTLEMENTS:
        # UCDP's code says how vague a mountain, field or unlabelled area is (for a town: how near the event)
        rec.where_prec = precision
        rec.geo_precision = 2 if precision <= 2 else 3
    governorate = places.admin_named("SY", adm1.replace(" Governorate", ""), "admin1") if adm1 else None
    district = None
    if governorate is not None and adm2:
        district = places.admin_named("SY", adm2.replace(" district", ""), "admin2", governorate.admin1)
    parent = district or governorate
    if parent is not None:
        rec.admin1, rec.admin1_pcode, rec.admin1_code = parent.admin1, parent.admin1_pcode, parent.admin1_code
        rec.admin2, rec.admin2_pcode = parent.admin2, parent.admin2_pcode
    return rec


def supplement_path() -> Path:
    return Path(str(resources.files("marsad.gazetteer").joinpath("data/supplement.csv")))


def read_supplement(path: Path | None = None) -> list[dict[str, str]]:
    """The curated rows, checked: every row names its source and has a known feature and a sane point."""
    path = path or supplement_path()
    rows = list(read_csv(path))
    for number, row in enumerate(rows, start=2):
        problem = _supplement_problem(row)
        if problem:
            raise ConfigError(
                f"{path}, line {number}: {problem}; fix the row (see the header for the columns)"
            )
    return rows


def _supplement_problem(row: dict[str, str]) -> str | None:
    if tuple(row) != SUPPLEMENT_COLUMNS:
        return f"columns must be {', '.join(SUPPLEMENT_COLUMNS)}"
    if not row["name"].strip() or not row["source"].strip():
        return "every row needs a name and a source"
    if row["feature"] not in FEATURES:
        return f"unknown feature {row['feature']!r}"
    if len(row["country"]) != 2:
        return "country must be an ISO 3166 alpha-2 code"
    if row["lat"] or row["lon"]:
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            return "lat and lon must be decimal degrees"
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return "lat/lon out of range"
    for column in ("geo_precision", "where_prec"):
        if row[column] and not row[column].isdigit():
            return f"{column} must be a number"
    return None


def add_supplement(places: Places, rows: list[dict[str, str]]) -> int:
    for row in rows:
        names = [row["name"], *split_aliases(row["aliases"])]
        # every form reports write, so that the site another source names one way is found and corrected
        names = site_names(row["feature"], names)
        rec = _supplement_rec(places, row, names)
        target = _supplement_target(places, row, names, rec)
        if target is None and rec.lat is None and row["pcode"]:
            continue  # an OCHA community this build lacks, no namesake either: a record with no point is no place
        if target is None:
            places.add(rec)
            continue
        if rec.lat is not None:
            target.lat, target.lon, target.approx = rec.lat, rec.lon, rec.approx
        if target.feature not in ("admin1", "admin2", "admin3"):
            # the curated spelling and feature are the ones reports use ("Ash Shula", not OCHA's "Al-Shola")
            target.name, target.feature = rec.name, rec.feature
        target.geo_precision = rec.geo_precision or target.geo_precision
        target.where_prec = rec.where_prec or target.where_prec
        places.add_names(target, names)
        target.sources.insert(0, "supplement")
    return len(rows)


def _supplement_target(places: Places, row: dict[str, str], names: list[str], rec: Rec) -> Rec | None:
    """The record a supplement row corrects: by p-code, the country itself, or a namesake close by."""
    if row["pcode"]:
        # a build without the shared data has none of OCHA's communities: the row corrects the namesake there
        return places.by_pcode.get(row["pcode"]) or places.nearby_place(row["country"], names, rec)
    if row["feature"] == "country":
        return places.countries.get(row["country"])
    if row["feature"] in ("admin1", "admin2", "admin3"):
        return places.admin_named(row["country"], row["name"], row["feature"])
    return places.nearby_place(row["country"], names, rec)


def _supplement_rec(places: Places, row: dict[str, str], names: list[str]) -> Rec:
    rec = Rec(
        name=row["name"],
        country=row["country"],
        feature=row["feature"],
        sources=["supplement"],
        lat=float(row["lat"]) if row["lat"] else None,
        lon=float(row["lon"]) if row["lon"] else None,
        approx=row["approx"] == "1",
        geo_precision=int(row["geo_precision"]) if row["geo_precision"] else None,
        where_prec=int(row["where_prec"]) if row["where_prec"] else None,
    )
    rec.add_names(*names)
    governorate = places.admin_named(row["country"], row["admin1"], "admin1") if row["admin1"] else None
    if governorate is not None:
        rec.admin1, rec.admin1_pcode, rec.admin1_code = (
            governorate.admin1,
            governorate.admin1_pcode,
            governorate.admin1_code,
        )
    return rec
