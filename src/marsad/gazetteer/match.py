"""Find place names in a report and resolve each to one gazetteer place with precision codes.

``Gazetteer.find(text, country)`` reads the text once: every word gets its normalised key
(``normalise.token_key``), each layer's key finder finds every gazetteer key among them at word boundaries,
overlapping finds keep the longest, and each name is resolved among its namesakes by the words
around it (cues), the country, the admin regions named nearby, the kind of place and its size. Nothing here
reaches the network; the gazetteer is one SQLite file.
"""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from marsad.errors import DataMissingError
from marsad.gazetteer import cues, fuzzy, scoring
from marsad.gazetteer.layers import Layer, Row, load_layer, stored_index
from marsad.gazetteer.normalise import fold, name_key
from marsad.gazetteer.reader import PlaceMention, Reader, Reading
from marsad.records import Place, Span
from marsad.settings import Settings

__all__ = ["Gazetteer", "PlaceMention", "Reading", "default_gazetteer"]

log = logging.getLogger(__name__)

# Country layers stay in memory, least recently used evicted first, while their names number fewer than this:
# the country a deployment watches and the foreign ones its reports name in passing (Turkey, Iraq, Lebanon)
# stay loaded, and one very large country (the United States: 165k names, ~100 MB) fits alone. With the world
# and countries layers (~80k names) an extraction worker stays under 400 MB RSS.
MAX_COUNTRY_NAMES = 260_000
_PINNED = ("countries", "world")
# the places of one name in one layer: (place, name) pairs, and (place id, (place, layer)) entries
Namesakes = tuple[list[tuple[Row, str]], list[tuple[int, tuple[Row, Layer]]]]
_RECENT = 4
# a Place's fields before and after its span, in order: a place named again is made from them positionally
_NAMES = [f.name for f in fields(Place)]
_BEFORE_SPAN, _AFTER_SPAN = _NAMES[: _NAMES.index("span")], _NAMES[_NAMES.index("span") + 1 :]
_Fields = tuple[tuple[Any, ...], tuple[Any, ...]]
_new_place: Callable[..., Place] = Place  # called with the fields in order, which mypy cannot check
# names spelled less alike than this (0-100, keys compared) are no answer to "what did you mean"
_SPELLED_LIKE = 60.0
_MAX_PLACES = 50_000  # (place, cue) pairs remembered per layer
_SETTLEMENTS = tuple(sorted(scoring.POPULATED))
_HOME_NAMES = 2  # the names a country must hold to be a text's home when the world's cities settle none


class Gazetteer:
    """A built gazetteer file opened for matching. Load once per process (:func:`default_gazetteer`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, meta: dict[str, str]) -> None:
        self.path = path
        self._conn = conn
        self.meta = meta
        self._layers: dict[str, Layer] = {}
        # the last few readings: the places stage reads a text without a country (to find it), then with it
        self._recent: dict[tuple[str | None, str], Reading] = {}
        self._found: dict[str, str | None] = {}  # text -> the country its reading without a hint found
        # (words, cue, country, namesake ids) -> namesake scores, spellings, regions and the best scored, shared
        # by readings (reader.py)
        self.scores: dict[
            tuple[Any, ...], tuple[list[tuple[float, int, Row]], dict[int, float], frozenset[str | None], Row]
        ] = {}
        # layer -> key -> the places of that name (see namesakes)
        self._namesakes: dict[str, dict[str, Namesakes]] = {}
        # layer -> (place id, cue) -> the fields of its Place but the span (see place)
        self._places: dict[str, dict[tuple[int, str | None], _Fields]] = {}
        # (layer, a name's words) -> the towns spelled like it under another key (reader.py)
        self.towns_alike: dict[tuple[str, str], tuple[tuple[Row, str], ...]] = {}
        # layer -> the skeletons of its towns' keys (reader.py)
        self.town_bones: dict[str, frozenset[str]] = {}
        self.region_keys: dict[str, frozenset[str]] = {}  # layer -> its keys naming a governorate (reader.py)
        # (layer, words of a run of capitalised words) -> its spans a close spelling may match (reader.py)
        self.fuzzy_spans: dict[tuple[str, tuple[str, ...]], tuple[tuple[int, int, bool], ...]] = {}
        self._lock = threading.Lock()
        self._iso3: dict[str, str] = json.loads(meta.get("iso3", "{}"))
        self.capitals: dict[str, str] = json.loads(meta.get("capitals", "{}"))
        self._country_names: dict[str, str] = dict(
            conn.execute("SELECT country, name FROM places WHERE feature = 'country'").fetchall()
        )
        self._country_codes = {name: code for code, name in self._country_names.items()}  # "Syria" -> "SY"
        # the countries' names as a text's words are folded ("syria"), for "Syrias Aleppo" (reader.py)
        self.country_words = frozenset(fold(name) for name in self._country_names.values())
        # the peoples' names ("Kenyan", "Indian"), never places alone, but for a people named as its country is
        self.peoples = frozenset(scoring.demonyms()) - self.country_words

    @classmethod
    def load(cls, path: Path | str) -> Gazetteer:
        """Open a built gazetteer read-only. A missing, corrupt or partly written file raises one
        DataMissingError that names the file and the command that rebuilds it."""
        path = Path(path)
        if not path.is_file():
            raise DataMissingError(
                f"no gazetteer at {path}: run `marsad gazetteer build`", code="gazetteer-missing"
            )
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            conn.execute("SELECT id FROM places LIMIT 1").fetchall()
            pages, size = (conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_count", "page_size"))
        except sqlite3.DatabaseError as exc:
            raise _unreadable(path, exc) from exc
        if pages * size > path.stat().st_size or not {"build_version", "counts"} <= set(meta):
            # a copy or download cut short: SQLite would only fail later, on the first page past the end
            raise _unreadable(path, "the file is shorter than its header says, or its build never finished")
        return cls(path, conn, meta)

    def layer(self, name: str) -> Layer:
        beside = None if name in _PINNED else self.layer("countries")  # a country's finder finds both
        with self._lock:
            if name in self._layers:
                self._layers[name] = self._layers.pop(name)  # most recently used last: evicted last
                return self._layers[name]
            try:
                loaded = load_layer(self._conn, name, beside)
            except sqlite3.DatabaseError as exc:
                raise _unreadable(self.path, exc) from exc
            self._layers[name] = loaded
            self._namesakes[name], self._places[name] = {}, {}
            self._evict(keep=name)
            return loaded

    def namesakes_known(self, layer: Layer) -> dict[str, Namesakes]:
        """The places of the keys of ``layer`` remembered so far (see ``namesakes``): a look-up there spares the
        call."""
        return self._namesakes.setdefault(layer.name, {})

    def namesakes(self, layer: Layer, key: str) -> Namesakes:
        """The places named ``key`` in ``layer``: (place, name) pairs, and (id, (place, layer)) for the reader's
        table of places; remembered while the layer is loaded, as texts name the same places again and again."""
        known = self._namesakes.setdefault(layer.name, {})
        found = known.get(key)
        if found is None:
            rows = [layer.rows[place_id] for place_id, _ in layer.names[key]]
            pairs = [(row, name) for row, (_, name) in zip(rows, layer.names[key], strict=True)]
            found = known[key] = (pairs, [(row.id, (row, layer)) for row in rows])
        return found

    def fuzzy_index(self, layer: Layer) -> fuzzy.FuzzyIndex:
        """The close-spelling index of a layer: the one the build stored, else built from the layer; kept with the
        layer until it is evicted."""
        if layer.fuzzy is None:
            parts = stored_index(self._conn, layer.name)
            layer.fuzzy = fuzzy.FuzzyIndex(*parts) if parts is not None else fuzzy.FuzzyIndex.of(layer)
        index: fuzzy.FuzzyIndex = layer.fuzzy
        return index

    def _evict(self, keep: str) -> None:
        """Drop the least recently used country layers until the names held fit ``MAX_COUNTRY_NAMES``."""
        countries = [k for k in self._layers if k not in _PINNED]
        held = sum(len(self._layers[k].names) for k in countries)
        for name in countries:
            if held <= MAX_COUNTRY_NAMES:
                break
            if name != keep:
                held -= len(self._layers.pop(name).names)
                self._namesakes.pop(name, None)
                self._places.pop(name, None)

    def country_code(self, hint: str | None) -> str | None:
        """ISO alpha-2 code of a country hint given as alpha-2, alpha-3 or a name; None when unknown."""
        if not hint or not hint.strip():
            return None
        text = hint.strip()
        if text.upper() in self._country_names:
            return text.upper()
        if text.upper() in self._iso3:
            return self._iso3[text.upper()]
        layer = self.layer("countries")
        for place_id, _ in layer.names.get(name_key(text), ()):
            return layer.rows[place_id].country
        log.warning("unknown country hint %r: matching places of every country", hint)
        return None

    def find(self, text: str, country: str | None = None) -> list[PlaceMention]:
        """Every place named in ``text``, in text order, each resolved to one place (see :meth:`read`)."""
        return self.read(text, country).mentions

    def read(self, text: str, country: str | None = None) -> Reading:
        """The places named in ``text`` and the names left unresolved, in text order.

        With ``country`` (ISO alpha-2/alpha-3 code or name) only that country's places and country names are
        candidates. Without it the text is first read against countries, provinces and large cities; when one
        country dominates (its names, or its people: "Syrian", "Afghan"), its full layer is read as well.
        """
        code = self.country_code(country)
        recent = self._recent.get((code, text))
        if recent is not None:
            return Reading(list(recent.mentions), list(recent.unresolved))
        reading, found = self._read(text, code)
        with self._lock:
            self._recent[(code, text)] = reading
            if code is None:
                self._found[text] = found
            if found is not None:
                # remembered under the country found too: the places stage asks again with it ("SY")
                self._recent.setdefault((found, text), reading)
            while len(self._recent) > _RECENT:
                self._recent.pop(next(iter(self._recent)))
            while len(self._found) > _RECENT:
                self._found.pop(next(iter(self._found)))
        return Reading(list(reading.mentions), list(reading.unresolved))

    def country_of(self, text: str) -> str | None:
        """The country a text's places and peoples point to when read without a hint (as :meth:`read` finds
        it: countries, provinces and large cities named, "Syrian", "Iraqi"), or None when none clearly leads."""
        if text not in self._found:
            self.read(text, None)
        return self._found.get(text)

    def _read(self, text: str, code: str | None) -> tuple[Reading, str | None]:
        """The reading of ``text`` and the country whose layer it read (None: the world layer only)."""
        if code is None:
            world = Reader(self, text, [self.layer("world")], None)
            found = world.mentions()
            votes = scoring.people_votes(world.tokens.folded)
            code = scoring.dominant_country(found, self._country_codes, votes)
            if code is None or not self._places_in(found, code):
                # a people named ("Turkish forces shelled Tal Rifaat and Maarat Misrin") is where a force comes
                # from: the country whose villages the text names is the report's, when there is one
                code = self._home_of(world.run_keys(found), found, votes) or code
            if code is None:
                return Reading(found, world.unresolved), None
        reader = Reader(self, text, [self.layer("countries"), self.layer(code)], code)
        return Reading(reader.mentions(), reader.unresolved), code

    def _places_in(self, found: list[PlaceMention], code: str) -> bool:
        """Whether a place the text names lies in the country of ``code``."""
        return any(self._country_codes.get(m.place.country or "") == code for m in found)

    def _home_of(
        self, runs: list[tuple[str, str, bool]], found: list[PlaceMention], people: dict[str, float]
    ) -> str | None:
        """The one country that holds the most of a text's names, when the world's cities settle none (or only
        a people named does): the places it found (``found``) and the villages and towns too small for that
        layer that bear the names no world city matched (``runs``: the key and the words of each run of
        capitalised words, and whether the text places something there, see ``Reader.run_keys``). "A man from
        Dael was killed by a sniper in Tafas": both are Syrian villages and no other country has both. A name
        counts for a country where a place of it is spelled as the text spells it (a key alone is shared across
        the world: Davos is "Tafaas" in Romansh). At least one such village and two names in all, more than any
        other country holds: one village's name is found in many countries. Each people named (``people``,
        votes per country) counts as a name of its country: "Egyptian security forces ... the Middle East ...
        Christmas" is no report from the United States, whose villages bear those two names. A name of two
        words or more that the text places something in or near, spelled so in one country only, counts twice
        where the world's cities name no place: "Turkish forces shelled villages near Tal Rifaat" is a Syrian
        report."""
        if not runs:
            return None
        spelled = {key: fuzzy.spelling(words) for key, words, _ in runs}
        # (where the world's cities name no place: "outside the Lions Gate ... the Jerusalem holy site" is no
        # Canadian report)
        alone = not any(m.place.feature != "country" for m in found)
        placed = {key for key, _, there in runs if there and " " in key and alone}
        marks = ",".join("?" * len(spelled))
        # (CROSS JOIN keeps SQLite's order, names by key first: with bound values it would scan every place
        # outside the world's layer, ~100 times slower)
        rows = self._conn.execute(
            f"SELECT DISTINCT n.key, n.name, p.country FROM names n CROSS JOIN places p ON p.id = n.place_id "
            f"WHERE n.key IN ({marks}) AND p.world = 0 AND p.feature IN ({','.join('?' * len(_SETTLEMENTS))})",
            [*spelled, *_SETTLEMENTS],
        ).fetchall()
        holders = {(k, c) for k, n, c in rows if fuzzy.spelling(n) == spelled[k]}
        countries_of = Counter(k for k, _ in holders)
        named = Counter[str]()
        for key, country in holders:
            named[country] += 2 if key in placed and countries_of[key] == 1 else 1
        if not named:
            return None
        for mention in found:
            code = self._country_codes.get(mention.place.country or "")
            if code and mention.place.feature != "country" and mention.score >= 1.0:
                named[code] += 1
        for code, vote in people.items():
            named[code] += round(vote / scoring.PERSON_VOTE)
        (top, most), *rest = named.most_common(2)
        return top if most >= _HOME_NAMES and (not rest or most > rest[0][1]) else None

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Places whose names share ``name``'s key, most important first (for other stages and tests)."""
        key = name_key(name)
        layer = self._hinted_layer(country)
        # (one row per place, though a place may hold several names under one key)
        rows = [layer.rows[place_id] for place_id in dict.fromkeys(i for i, _ in layer.names.get(key, ()))]
        rows.sort(key=lambda r: (-scoring.importance(r), r.id))
        return [self._named(r, layer) for r in rows]

    def spelled_like(
        self, name: str, country: str | None = None, limit: int = 5
    ) -> list[tuple[float, str, Place]]:
        """(0-100 score, the name spelled so, place) of the ``limit`` places whose names are spelled closest to
        ``name``, closest first: what a reviewer asks when a name was left unresolved. Names are compared by
        their keys (articles, vowels and doubled letters folded), as the reader compares them."""
        layer = self._hinted_layer(country)
        key = name_key(name)
        if not key or limit <= 0:
            return []
        every = self.fuzzy_index(layer).every
        found = process.extract(key, every, scorer=fuzz.ratio, limit=limit, score_cutoff=_SPELLED_LIKE)
        best: dict[int, tuple[float, str]] = {}  # place id -> its name closest to ``name``
        for other, score, _ in found:  # (closest first: a place's first name found is its closest)
            for place_id, spelled in layer.names[other]:
                best.setdefault(place_id, (score, spelled))
        rows = sorted(best.items(), key=lambda kv: (-kv[1][0], -scoring.importance(layer.rows[kv[0]]), kv[0]))
        return [
            (round(score, 1), spelled, self._named(layer.rows[i], layer))
            for i, (score, spelled) in rows[:limit]
        ]

    def _hinted_layer(self, country: str | None) -> Layer:
        """The layer of the country a hint names, else the world's cities and provinces."""
        code = self.country_code(country)
        return self.layer(code) if code else self.layer("world")

    def _named(self, row: Row, layer: Layer) -> Place:
        """The place of ``row`` as a name alone, with no text around it, names it."""
        return self.place(row, None, cues.Cue(None, 0), layer)

    def place(self, row: Row, span: Span | None, cue: cues.Cue, layer: Layer) -> Place:
        """The place of ``row`` named at ``span`` with ``cue``. Reports name the same places with the same cues
        again and again: the fields but the span are worked out once per place and cue ("12 km west of" moves
        the point: a distance is worked out each time)."""
        if cue.name == "distance":
            before, after = self._fields(row, cue, layer)
            return _new_place(*before, span, *after)
        known = self._places.setdefault(layer.name, {})
        found = known.get((row.id, cue.name))
        if found is None:
            if len(known) >= _MAX_PLACES:
                known.clear()
            found = known[(row.id, cue.name)] = self._fields(row, cue, layer)
        before, after = found
        return _new_place(*before, span, *after)

    def _fields(self, row: Row, cue: cues.Cue, layer: Layer) -> _Fields:
        """The fields of the place of ``row`` named with ``cue``, in ``Place``'s order, before and after its
        span."""
        lat, lon, geo, where = row.lat, row.lon, row.geo_precision, row.where_prec
        if lat is None and row.admin1_code in layer.admin1:
            parent = layer.admin1[row.admin1_code]  # a district without a point: coded to its province (4)
            lat, lon, geo, where = parent.lat, parent.lon, 3, 4
        geo_precision, where_prec = cues.precision(row.feature, cue, row.approx, geo, where)
        if (
            cue.name == "distance"
            and lat is not None
            and lon is not None
            and cue.km
            and cue.bearing is not None
        ):
            lat, lon = cues.offset(lat, lon, cue.km, cue.bearing)
        values = {
            "name": row.name,
            "country": self._country_names.get(row.country, row.country),
            "admin1": row.admin1,
            "admin2": row.admin2,
            "latitude": lat,
            "longitude": lon,
            "geo_precision": geo_precision,
            "where_prec": where_prec,
            "admin1_pcode": row.admin1_pcode,
            "admin2_pcode": row.admin2_pcode,
            "pcode": row.pcode,
            "geonameid": row.geonameid,
            "feature": row.feature,
            "source": row.source,
            "admin3": row.admin3,
            "admin3_pcode": row.admin3_pcode,
            "approx": row.approx,
        }
        return tuple(values[f] for f in _BEFORE_SPAN), tuple(values[f] for f in _AFTER_SPAN)


def _unreadable(path: Path, why: object) -> DataMissingError:
    return DataMissingError(
        f"gazetteer {path} is unreadable ({why}): run `marsad gazetteer build` to rebuild it",
        code="gazetteer-unreadable",
    )


@functools.lru_cache(maxsize=4)
def _load_cached(path: str) -> Gazetteer:
    return Gazetteer.load(path)


def default_gazetteer(settings: Settings | None = None) -> Gazetteer:
    """The gazetteer at ``settings.cache_dir``, built first when missing or stale; loaded once per process."""
    from marsad.gazetteer.build import ensure_gazetteer

    return _load_cached(str(ensure_gazetteer(settings or Settings())))
