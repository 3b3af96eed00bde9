"""Parts of a built gazetteer held in memory for matching: one layer per country, loaded when first needed.

A layer is the rows of its places, their names grouped by key, and an Aho-Corasick automaton over the keys.
Loading per country keeps memory small: Syria's layer holds ~12k places, the world layer (countries,
provinces, large cities) ~11k; the 235k cities of the whole file are never in memory at once.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import ahocorasick


class Row(NamedTuple):
    id: int
    name: str
    country: str
    feature: str
    lat: float | None
    lon: float | None
    approx: bool
    admin1: str | None
    admin2: str | None
    admin1_pcode: str | None
    admin2_pcode: str | None
    pcode: str | None
    population: int
    geonameid: int | None
    geo_precision: int | None
    where_prec: int | None
    source: str
    admin1_code: str | None
    admin3: str | None  # the subdistrict (Syria's OCHA admin 3), when known
    admin3_pcode: str | None


_COLUMNS = (
    "p.id, p.name, p.country, p.feature, p.lat, p.lon, p.approx, p.admin1, p.admin2, p.admin1_pcode, "
    "p.admin2_pcode, p.pcode, p.population, p.geonameid, p.geo_precision, p.where_prec, p.source, "
    "p.admin1_code, p.admin3, p.admin3_pcode"
)
# Which places each kind of layer holds.
_WHERE = {
    "countries": ("p.feature = 'country'", ()),
    "world": ("p.world = 1", ()),
}


@dataclass
class Layer:
    name: str
    rows: dict[int, Row]
    names: dict[str, tuple[tuple[int, str], ...]]  # key -> (place id, the name with that key)
    automaton: ahocorasick.Automaton | None
    # GeoNames admin1 code -> the division's row, for places that have no point of their own
    admin1: dict[str, Row]
    fuzzy: Any = field(default=None, repr=False)  # fuzzy.FuzzyIndex, built when a text first needs it
    # (governorate p-code, bearing) -> its part that way: "the eastern countryside of Deir ez-Zor"
    sectors: dict[tuple[str, int], Row] = field(default_factory=dict)


def load_layer(conn: sqlite3.Connection, name: str) -> Layer:
    """The layer ``name``: "countries", "world", or an ISO 3166 alpha-2 country code."""
    where, params = _WHERE.get(name, ("p.country = ?", (name,)))
    rows: dict[int, Row] = {}
    for values in conn.execute(f"SELECT {_COLUMNS} FROM places p WHERE {where}", params):
        row = Row._make((*values[:6], bool(values[6]), *values[7:]))
        rows[row.id] = row
    grouped: dict[str, list[tuple[int, str]]] = {}
    query = f"SELECT n.place_id, n.name, n.key FROM names n JOIN places p ON p.id = n.place_id WHERE {where}"
    for place_id, place_name, key in conn.execute(query, params):
        grouped.setdefault(key, []).append((place_id, place_name))
    names = {key: tuple(sorted(values)) for key, values in grouped.items()}
    automaton = None
    if names:
        automaton = ahocorasick.Automaton()
        for key in names:
            automaton.add_word(f" {key} ", key)
        automaton.make_automaton()
    admin1 = {r.admin1_code: r for r in rows.values() if r.feature == "admin1" and r.admin1_code}
    sectors = {
        (r.admin1_pcode or "", SECTOR_BEARINGS[r.name.split()[0]]): r
        for r in rows.values()
        if r.feature == "sector" and r.name.split()[0] in SECTOR_BEARINGS
    }
    return Layer(name, rows, names, automaton, admin1, sectors=sectors)


SECTOR_BEARINGS = {
    "Northern": 0, "Northeastern": 45, "Eastern": 90, "Southeastern": 135,
    "Southern": 180, "Southwestern": 225, "Western": 270, "Northwestern": 315,
}  # fmt: skip
