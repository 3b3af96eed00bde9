"""Import GeoNames dumps into a built gazetteer: country files (SY.txt), allCountries.txt,
alternateNamesV2.txt.

The bundled layer is cities500 only; a full country dump adds villages, hills, wadis, roads and other
features. Imports are recorded in the gazetteer's meta table, so that a rebuild (new marsad version, new
shared data) imports them again.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from marsad.errors import DataMissingError, InputError
from marsad.gazetteer.build import name_rows
from marsad.gazetteer.layers import write_layer_data
from marsad.gazetteer.normalise import light_key, name_key
from marsad.gazetteer.rec import clean_name, populated_feature

log = logging.getLogger(__name__)

GEONAME_COLUMNS = (
    19  # geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code, ...
)
ALTERNATE_COLUMNS = (8, 10)  # alternateNames.txt, alternateNamesV2.txt (adds from/to)
# GeoNames feature codes marsad maps to its own features; other codes of these classes become "site".
_FEATURE_CODES = {
    "ADM1": "admin1",
    "ADM2": "admin2",
    "ADM3": "admin3",
    "DSRT": "desert",
    "STM": "river",
    "WAD": "river",
    "MT": "mountain",
    "MTS": "mountain",
    "HLL": "mountain",
    "HLLS": "mountain",
    "RDGE": "mountain",
    "PLN": "region",
    "RGN": "region",
    "AREA": "area",
    "VAL": "region",
    "OILF": "field",
    "GASF": "field",
    "AIRB": "airbase",
    "AIRF": "airbase",
    "AIRP": "airbase",
    "CMP": "camp",
    "CMPRF": "camp",
    "DAM": "dam",
    "RD": "road",
    "LK": "lake",
    "FRM": "farm",
    "FRMS": "farm",
    "MLTY": "base",
    "INSM": "base",
    "PPLX": "neighbourhood",
}
_SKIP_CLASSES = frozenset({"U", "V"})  # undersea and vegetation features are never where events happen
_SKIP_LANGUAGES = frozenset(
    {"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "tcid", "abbr", "fr_1793"}
)


def _feature(feature_class: str, code: str, population: int) -> str | None:
    if feature_class in _SKIP_CLASSES or code in (
        "PCLI",
        "PCL",
        "PCLD",
        "PCLS",
        "PCLF",
        "PCLIX",
        "ADMD",
        "ADM4",
    ):
        return None
    if code in _FEATURE_CODES:
        return _FEATURE_CODES[code]
    if feature_class == "P":
        return populated_feature(population)
    return "site" if feature_class in ("S", "T", "H", "L", "R") else None


def _lines(path: Path) -> Iterator[list[str]]:
    number = 0  # lines read so far: named when the file turns out not to be text
    with path.open(encoding="utf-8", newline="") as fh:
        try:
            for line in fh:
                number += 1
                if line.strip() and not line.startswith("#"):
                    yield line.rstrip("\r\n").split("\t")
        except UnicodeDecodeError as exc:
            # GeoNames dumps are UTF-8: anything else is a wrong or damaged file, and the import (one
            # transaction) leaves the gazetteer as it was
            raise InputError(
                f"{path}: not UTF-8 text after {number} readable lines ({exc.reason}), so not a GeoNames dump: "
                "download the file again from download.geonames.org/export/dump/",
                code="not-geonames",
            ) from exc


def detect_format(path: Path) -> str:
    """'geonames' or 'alternatenames', from the number of tab-separated columns of the first line."""
    for fields in _lines(path):
        if len(fields) == GEONAME_COLUMNS:
            return "geonames"
        if len(fields) in ALTERNATE_COLUMNS:
            return "alternatenames"
        break
    raise InputError(
        f"{path} is not a GeoNames dump: expected {GEONAME_COLUMNS} tab-separated columns "
        "(SY.txt, allCountries.txt) "
        f"or {' or '.join(map(str, ALTERNATE_COLUMNS))} (alternateNamesV2.txt)",
        code="not-geonames",
    )


def _connect(db: Path) -> sqlite3.Connection:
    if not Path(db).is_file():
        raise DataMissingError(f"no gazetteer at {db}: run `marsad gazetteer build` before importing")
    try:
        conn = sqlite3.connect(db)
        conn.execute("SELECT count(*) FROM places").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DataMissingError(f"gazetteer {db} is unreadable ({exc}): run `marsad gazetteer build`") from exc
    return conn


def import_file(
    db: Path, path: Path, countries: frozenset[str] | None = None, record: bool = True
) -> dict[str, int]:
    """Import one GeoNames file into the gazetteer ``db``; return counts of places and names added."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such file: {path}", code="missing")
    kind = detect_format(path)
    conn = _connect(db)
    try:
        counts = (
            _import_geonames(conn, path, countries) if kind == "geonames" else _import_alternates(conn, path)
        )
        if record:
            _record(conn, path, countries)
        write_layer_data(conn)  # the layers stored whole are read again from the tables
        conn.commit()
    finally:
        conn.close()
    log.info("imported %s into %s: %s", path, db, counts)
    return counts


def _import_geonames(
    conn: sqlite3.Connection, path: Path, countries: frozenset[str] | None
) -> dict[str, int]:
    known = {row[0] for row in conn.execute("SELECT geonameid FROM places WHERE geonameid IS NOT NULL")}
    admin1 = dict(
        conn.execute(
            "SELECT c.code, p.admin1 || char(9) || coalesce(p.admin1_pcode, '') FROM admin1_codes c "
            "JOIN places p ON p.id = c.place_id"
        ).fetchall()
    )
    next_id = (conn.execute("SELECT max(id) FROM places").fetchone()[0] or 0) + 1
    added = names = 0
    for fields in _lines(path):
        if len(fields) != GEONAME_COLUMNS or (countries and fields[8] not in countries):
            continue
        geonameid, population = int(fields[0]), int(fields[14] or 0)
        all_names = {n for n in [fields[1], fields[2], *fields[3].split(",")] if clean_name(n)}
        if geonameid in known:
            place_id = conn.execute("SELECT id FROM places WHERE geonameid = ?", (geonameid,)).fetchone()[0]
        else:
            feature = _feature(fields[6], fields[7], population)
            if feature is None:
                continue
            place_id, next_id = next_id, next_id + 1
            code = f"{fields[8]}.{fields[10]}"
            name1, _, pcode1 = admin1.get(code, "\t").partition("\t")
            conn.execute(
                "INSERT INTO places (id, name, country, feature, lat, lon, approx, admin1, admin1_pcode,"
                " admin1_code,"
                " population, geonameid, source, world) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 0)",
                (
                    place_id,
                    fields[2] or fields[1],
                    fields[8],
                    feature,
                    float(fields[4]),
                    float(fields[5]),
                    name1 or None,
                    pcode1 or None,
                    code,
                    population,
                    geonameid,
                    "geonames-import",
                ),
            )
            known.add(geonameid)
            added += 1
        names += _add_names(conn, place_id, all_names)
    return {"places": added, "names": names}


def _add_names(conn: sqlite3.Connection, place_id: int, names: set[str]) -> int:
    # one row per (key, spelling), as the build writes them
    query = "SELECT key, name FROM names WHERE place_id = ?"
    have = {(key, light_key(name)) for key, name in conn.execute(query, (place_id,))}
    cleaned = {clean_name(n) for n in names} - {""}
    rows = name_rows(place_id, {n: name_key(n) for n in cleaned})
    rows = [r for r in rows if (r[2], light_key(r[1])) not in have]
    conn.executemany("INSERT INTO names VALUES (?, ?, ?)", rows)
    return len(rows)


def _import_alternates(conn: sqlite3.Connection, path: Path) -> dict[str, int]:
    ids = dict(conn.execute("SELECT geonameid, id FROM places WHERE geonameid IS NOT NULL").fetchall())
    pending: dict[int, set[str]] = {}
    for fields in _lines(path):
        if len(fields) not in ALTERNATE_COLUMNS or fields[2] in _SKIP_LANGUAGES or not fields[1].isdigit():
            continue
        place_id = ids.get(int(fields[1]))
        if place_id is not None and clean_name(fields[3]):
            pending.setdefault(place_id, set()).add(fields[3])
    added = sum(_add_names(conn, place_id, names) for place_id, names in sorted(pending.items()))
    return {"places": 0, "names": added}


def _record(conn: sqlite3.Connection, path: Path, countries: frozenset[str] | None) -> None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'imports'").fetchone()
    imports = json.loads(row[0]) if row else []
    entry = {"path": str(Path(path).resolve()), "countries": sorted(countries) if countries else None}
    if entry not in imports:
        imports.append(entry)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('imports', ?)", (json.dumps(imports),))


def reimport(db: Path, imports: list[dict[str, object]]) -> None:
    """Import again, after a rebuild, the files imported into the previous build (those still on disk)."""
    for entry in imports:
        path = Path(str(entry["path"]))
        countries = entry.get("countries")
        if not path.is_file():
            log.warning("GeoNames file %s imported before is gone; not imported into the new gazetteer", path)
            continue
        import_file(db, path, frozenset(countries) if isinstance(countries, list) else None)
