"""Parts of a built gazetteer held in memory for matching: one layer per country, loaded when first needed.

A layer is the rows of its places, their names grouped by key, and a ``KeyFinder`` over the keys.
Loading per country keeps memory small: Syria's layer holds ~12k places, the world layer (countries,
provinces, large cities) ~11k; the 235k cities of the whole file are never in memory at once.
"""

from __future__ import annotations

import gc
import marshal
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import add
from typing import Any, NamedTuple

from marsad.gazetteer.normalise import name_key


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


@dataclass(frozen=True)
class KeyFinder:
    """Every key a layer finds in a text (its own names' and those of the layer beside it) with the layers that
    hold it, and the opening words of its keys of several words. A text's keys are looked up word by word from
    each word that may start a name: a few dictionary look-ups a name, where a scan of the whole text (an
    Aho-Corasick automaton's) visits a node of a large trie for every letter."""

    held: dict[str, int]  # key -> OWN, BESIDE or both
    openings: frozenset[str]  # the first words of each key of several words, without the last

    @classmethod
    def of(cls, names: Iterable[str], beside: Iterable[str]) -> KeyFinder:
        held = dict.fromkeys(names, OWN)
        for key in beside:
            held[key] = held.get(key, 0) | BESIDE
        openings: set[str] = set()
        for key in held:
            words = key.split(" ")
            openings.update(" ".join(words[:size]) for size in range(1, len(words)))
        return cls(held, frozenset(openings))

    def find(self, joined: str, starts: Iterable[int]) -> list[tuple[int, str, int]]:
        """(end, key, held) of every key that begins at one of ``starts`` in ``joined`` (keys of words joined by
        single spaces, a space before the first and after the last), ``end`` the index of the space after it;
        in order of ends, the longer of two keys that end together first, as an automaton finds them."""
        found = []
        for start in starts:
            end = joined.find(" ", start)
            while end > 0:
                key = joined[start:end]
                held = self.held.get(key)
                if held is not None:
                    found.append((end, start, key, held))
                if key not in self.openings:
                    break
                end = joined.find(" ", end + 1)
        found.sort()
        return [(end, key, held) for end, _, key, held in found]

    def find_words(
        self, joined: str, starts: list[int], keys: list[str], words: list[int]
    ) -> list[tuple[int, int, str, int, int]]:
        """What ``find`` finds, as (end, start, key, held, word), where ``keys`` holds the key of the word that
        begins at each of ``starts`` (``joined`` up to the next space) and ``words`` that word's index: the keys
        of one word are looked up all at once, and only the words that open a longer key are read on word by
        word."""
        held, openings = self.held, self.openings
        helds = list(map(held.get, keys, repeat(0)))  # 0: not a key (a key is held as OWN, BESIDE or both)
        ends = map(add, starts, map(len, keys))
        found = list(compress(zip(ends, starts, keys, helds, words, strict=True), helds))
        for start, key, word in compress(
            zip(starts, keys, words, strict=True), map(openings.__contains__, keys)
        ):
            end = start + len(key)
            while key in openings:
                end = joined.find(" ", end + 1)
                if end < 0:
                    break
                key = joined[start:end]
                found_held = held.get(key)
                if found_held is not None:
                    found.append((end, start, key, found_held, word))
        found.sort()  # by end, then start: no two finds share both
        return found


@dataclass
class Layer:
    name: str
    rows: dict[int, Row]
    names: dict[str, tuple[tuple[int, str], ...]]  # key -> (place id, the name with that key)
    finder: KeyFinder | None
    # GeoNames admin1 code -> the division's row, for places that have no point of their own
    admin1: dict[str, Row]
    fuzzy: Any = field(default=None, repr=False)  # fuzzy.FuzzyIndex, built when a text first needs it
    # (governorate p-code, bearing) -> its part that way: "the eastern countryside of Deir ez-Zor"
    sectors: dict[tuple[str, int], Row] = field(default_factory=dict)
    # governorate p-code -> the governorate named after its countryside, and the town it is named after: Damascus
    # -> (Rif Dimashq, the city of Damascus)
    countryside: dict[str, tuple[Row, Row | None]] = field(default_factory=dict)
    beside: str | None = None  # the layer whose keys the finder finds too (the countries, for a country)


def load_layer(conn: sqlite3.Connection, name: str, beside: Layer | None = None) -> Layer:
    """The layer ``name``: "countries", "world", or an ISO 3166 alpha-2 country code. Read from the copy the
    build stored in one piece (``layer_data``), else from the places and names tables."""
    with _no_collection():
        return _load(conn, name, beside)


@contextmanager
def _no_collection() -> Iterator[None]:
    """No garbage collection meanwhile: a layer is a few hundred thousand objects, none of them garbage, and
    collections triggered while they come would walk them all again and again."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _load(conn: sqlite3.Connection, name: str, beside: Layer | None) -> Layer:
    values, names = _stored(conn, name) or _query(conn, name)
    rows = {row.id: row for row in map(Row._make, values)}
    # each key tells which layers hold it: a country's finder finds the names of ``beside`` (the countries) as
    # well, so that a text read against both is read once
    finder = KeyFinder.of(names, beside.names if beside is not None else ()) if names else None
    admin1 = {r.admin1_code: r for r in rows.values() if r.feature == "admin1" and r.admin1_code}
    sectors = {
        (r.admin1_pcode or "", SECTOR_BEARINGS[r.name.split()[0]]): r
        for r in rows.values()
        if r.feature == "sector" and r.name.split()[0] in SECTOR_BEARINGS
    }
    return Layer(
        name,
        rows,
        names,
        finder,
        admin1,
        sectors=sectors,
        countryside=_countryside_governorates(admin1.values(), rows, names),
        beside=beside.name if beside else None,
    )


def _countryside_governorates(
    governorates: Iterable[Row], rows: dict[int, Row], names: dict[str, tuple[tuple[int, str], ...]]
) -> dict[str, tuple[Row, Row | None]]:
    """Each governorate whose countryside is a governorate of its own, as the layer's names say ("Damascus
    countryside" is a name of Rif Dimashq: the Damascus governorate is the city alone), with that governorate and
    the city both are named after."""
    found = {}
    for governorate in governorates:
        region = governorate.admin1_pcode or governorate.admin1
        for place_id, _ in names.get(name_key(f"{governorate.name} countryside"), ()):
            other = rows[place_id]
            if other.feature == "admin1" and (other.admin1_pcode or other.admin1) != region:
                towns = [rows[i] for i, _ in names.get(name_key(governorate.name), ())]
                towns = [t for t in towns if t.feature == "city" and (t.admin1_pcode or t.admin1) == region]
                found[region or ""] = (other, max(towns, key=lambda t: t.population, default=None))
    return found


OWN, BESIDE = 1, 2  # which layers hold a key a finder finds: this one, the one beside it
_Data = tuple[list[tuple[Any, ...]], dict[str, tuple[tuple[int, str], ...]]]


def _query(conn: sqlite3.Connection, name: str) -> _Data:
    """The rows of a layer's places and its names grouped by key, read from the places and names tables."""
    where, params = _WHERE.get(name, ("p.country = ?", (name,)))
    query = f"SELECT {_COLUMNS} FROM places p WHERE {where}"
    values = [(*v[:6], bool(v[6]), *v[7:]) for v in conn.execute(query, params)]
    grouped: dict[str, list[tuple[int, str]]] = {}
    query = f"SELECT n.place_id, n.name, n.key FROM names n JOIN places p ON p.id = n.place_id WHERE {where}"
    for place_id, place_name, key in conn.execute(query, params):
        if name == "world" and _machine_spelling(place_name):
            continue
        grouped.setdefault(key, []).append((place_id, place_name))
    return values, {key: tuple(sorted(found)) for key, found in grouped.items()}


_UPPER = re.compile(r"[A-Z\u00C0-\u00DE]")
_LOWER = re.compile(r"[a-z\u00DF-\u00FF]")


def _machine_spelling(name: str) -> bool:
    """A GeoNames alternate name in Latin letters without a capital: a letter-for-letter transliteration from
    another script ("an kang", "cenyan", "hndrswn" for Henderson). The world's cities are read without them, as
    their keys collide with English words ("King": Anqing, "Kenyan": Shenyang); a country's layer keeps them, as
    reports write some of its villages so ("Sayed Abad", "Hodr")."""
    return _LOWER.search(name) is not None and _UPPER.search(name) is None


def _stored(conn: sqlite3.Connection, name: str) -> _Data | None:
    """A layer's rows and names as the build stored them (``marshal``: read in one call, several times faster
    than the queries); None for files without them (the queries give the same layer)."""
    found = _stored_blob(conn, "layer_data", name)
    try:
        values, names = found  # type: ignore[misc]
    except (ValueError, TypeError):  # none stored, or not the pair the build writes
        return None
    return values, names


def _stored_blob(conn: sqlite3.Connection, table: str, name: str) -> Any | None:
    """What the build stored for layer ``name`` in ``table`` (layer_data, layer_fuzzy), or None: a file built
    before such tables, a layer without a row, or bytes that do not read back."""
    try:
        found = conn.execute(f"SELECT data FROM {table} WHERE name = ?", (name,)).fetchone()
    except sqlite3.OperationalError:  # a file built before layers were stored whole
        return None
    if found is None:
        return None
    with _no_collection():
        try:
            return marshal.loads(found[0])
        except (EOFError, ValueError, TypeError):
            return None


def write_layer_data(conn: sqlite3.Connection) -> int:
    """Store every layer whole (``layer_data``), and the close-spelling index of each country small enough to
    have one (``layer_fuzzy``), replacing what was there: after a build and after an import. Returns the number
    of layers written."""
    from marsad.gazetteer import fuzzy  # fuzzy reads layers: imported here, where both are loaded

    for table in ("layer_data", "layer_fuzzy"):
        conn.execute(f"CREATE TABLE IF NOT EXISTS {table} (name TEXT PRIMARY KEY, data BLOB NOT NULL)")
        conn.execute(f"DELETE FROM {table}")
    countries = [c for (c,) in conn.execute("SELECT DISTINCT country FROM places ORDER BY country")]
    for name in ["countries", "world", *countries]:
        values, names = _query(conn, name)
        conn.execute("INSERT INTO layer_data VALUES (?, ?)", (name, marshal.dumps((values, names))))
        if name in countries and len(names) <= fuzzy.MAX_LAYER_KEYS:
            layer = Layer(name, {v[0]: Row._make(v) for v in values}, names, None, {})
            parts = marshal.dumps(fuzzy.index_parts(layer))
            conn.execute("INSERT INTO layer_fuzzy VALUES (?, ?)", (name, parts))
    return len(countries) + 2


def stored_index(conn: sqlite3.Connection, name: str) -> Any | None:
    """The parts of a layer's close-spelling index as the build stored them (``fuzzy.index_parts``), or None."""
    return _stored_blob(conn, "layer_fuzzy", name)


SECTOR_BEARINGS = {
    "Northern": 0, "Northeastern": 45, "Eastern": 90, "Southeastern": 135,
    "Southern": 180, "Southwestern": 225, "Western": 270, "Northwestern": 315,
}  # fmt: skip
