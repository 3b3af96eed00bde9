"""Parts of a built gazetteer held in memory for matching: one layer per country, loaded when first needed.

A layer is the rows of its places, their names grouped by key, and an Aho-Corasick automaton over the keys.
Loading per country keeps memory small: Syria's layer holds ~12k places, the world layer (countries,
provinces, large cities) ~11k; the 235k cities of the whole file are never in memory at once.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import NamedTuple

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


_COLUMNS = (
    "p.id, p.name, p.country, p.feature, p.lat, p.lon, p.approx, p.admin1, p.admin2, p.admin1_pcode, "
    "p.admin2_pcode, p.pcode, p.population, p.geonameid, p.geo_precision, p.where_prec, p.source, "
    "p.admin1_code"
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
    admin1: dict[
        str, Row
    ]  # GeoNames admin1 code -> the division's row, for places that have no point of their own

    def find_keys(self, joined: str) -> list[tuple[int, str]]:
        """(end index, key) of every key found in ``joined`` (keys separated by single spaces, padded with
        spaces).
        """
        if self.automaton is None:
            return []
        return [(end, key) for end, key in self.automaton.iter(joined)]


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
    return Layer(name, rows, names, automaton, admin1)
