"""Find place names in a report and resolve each to one gazetteer place with precision codes.

``Gazetteer.find(text, country)`` reads the text once: every word gets its normalised key
(``normalise.token_key``), an Aho-Corasick automaton per layer finds every gazetteer key among them at word
boundaries, overlapping finds keep the longest, and each name is resolved among its namesakes by the words
around it (cues), the country, the admin regions named nearby, the kind of place and its size. Nothing here
reaches the network; the gazetteer is one SQLite file.
"""

from __future__ import annotations

import functools
import itertools
import json
import logging
import math
import re
import sqlite3
import threading
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from marsad.errors import DataMissingError
from marsad.gazetteer import cues
from marsad.gazetteer.layers import Layer, Row, load_layer
from marsad.gazetteer.normalise import ARTICLES, fold, light_key, name_key, token_key
from marsad.records import Place, Span
from marsad.settings import Settings

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W_]+(?:['’ʼʿ‘`][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.I)
_POPULATED = frozenset({"city", "town", "village", "neighbourhood", "camp", "place"})
_ADMIN = frozenset({"admin1", "admin2", "admin3"})
# Cues a name after "and" or a comma shares with the name before it ("the deserts of Homs and Deir Ezzor").
_SHARED_LEFT = frozenset(
    {"desert", "countryside", "outskirts", "near", "province", "district", "village", "town"}
)
_SHARED_RIGHT = frozenset({"desert", "countryside", "province", "district"})
_LOCATIVE = frozenset(
    {"in", "near", "outskirts", "village", "town", "city", "distance", "direction", "between", "camp"}
)
_FUZZY_CUE = re.compile(
    r"\b(?:village|town|city|hamlet)\s+of\s+(?P<name>(?:(?:al|el|as|ash|ad|ar|at|az)[-\s])?"
    r"[A-Z][\w'’-]+(?:\s+(?:(?:al|el|as|ash|ad|ar|at|az)[-\s])?[A-Z][\w'’-]+)?)"
)
_ROAD_BEFORE = re.compile(r"\b(?:road|highway|motorway|route)\s+(?:between|from)\s+(?:the\s+)?$", re.I)
# a region named this close to a name places it ("al-Shula desert in Deir ez-Zor countryside")
_NEAR_CHARS = 150
# What may stand between a name and a word next to it for both to be one name: spaces, hyphens, a particle.
# A hyphen alone does not join: "Raqqa-Tabqa road" names two places.
_JOINER = re.compile(r"\s+(?:(?:al|el|as|ash|ad|ar|at|az|bin|ibn|abu|bint|umm)[\s-]+)?", re.I)
_ENGLISH_ARTICLES = frozenset({"at", "as", "an", "en", "es", "et", "ed", "er", "e", "i", "l", "il"})
_VOTES = {"country": 3.0, "admin1": 2.0, "city": 1.5}
MAX_LAYERS = 4  # country layers kept in memory at once (a large country's layer is 30-60 MB)


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: the words, the resolved place (with precision codes), the cue read around the
    words ("in", "village", "desert", "countryside", "outskirts", "distance", "between", "road", ...) and a
    0-1 score.
    """

    span: Span
    place: Place
    cue: str | None
    score: float


@dataclass
class _Token:
    start: int
    end: int
    folded: str
    key: str


@dataclass
class _Hit:
    """One span of words and the namesakes its key matched, while a text is read."""

    first: int
    last: int
    start: int
    end: int
    keys: set[str]
    candidates: list[tuple[Row, str]] = field(default_factory=list)  # (place, the name that matched)
    left: cues.Cue | None = None
    right: cues.Cue | None = None
    best: tuple[float, Row] | None = None


@functools.lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    with resources.files("marsad.gazetteer").joinpath("data/stopwords.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {name: frozenset(fold(str(w)) for w in words) for name, words in data.items()}


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for found in _WORD.finditer(text):
        start, end = found.span()
        word = found.group()
        if len(word) > 3 and _POSSESSIVE.search(word):
            end -= 2
            word = word[:-2]
        folded = fold(word)
        tokens.append(_Token(start, end, folded, token_key(folded)))
    return tokens


def _joined(tokens: list[_Token]) -> tuple[str, list[int], list[int]]:
    """Keys of the words joined by spaces, and for each key's first character the index of its word."""
    parts, starts, owners, position = [" "], [], [], 1
    for index, token in enumerate(tokens):
        if token.key:
            starts.append(position)
            owners.append(index)
            parts.append(token.key + " ")
            position += len(token.key) + 1
    return "".join(parts), starts, owners


class Gazetteer:
    """A built gazetteer file opened for matching. Load once per process (:func:`default_gazetteer`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, meta: dict[str, str]) -> None:
        self.path = path
        self._conn = conn
        self.meta = meta
        self._layers: dict[str, Layer] = {}
        self._lock = threading.Lock()
        self._iso3: dict[str, str] = json.loads(meta.get("iso3", "{}"))
        self._country_names: dict[str, str] = dict(
            conn.execute("SELECT country, name FROM places WHERE feature = 'country'").fetchall()
        )

    @classmethod
    def load(cls, path: Path | str) -> Gazetteer:
        path = Path(path)
        if not path.is_file():
            raise DataMissingError(
                f"no gazetteer at {path}: run `marsad gazetteer build`", code="gazetteer-missing"
            )
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            conn.execute("SELECT id FROM places LIMIT 1").fetchall()
        except sqlite3.DatabaseError as exc:
            raise DataMissingError(
                f"gazetteer {path} is unreadable ({exc}): run `marsad gazetteer build` to rebuild it",
                code="gazetteer-unreadable",
            ) from exc
        return cls(path, conn, meta)

    def layer(self, name: str) -> Layer:
        with self._lock:
            if name not in self._layers:
                if len(self._layers) >= MAX_LAYERS:
                    oldest = next(k for k in self._layers if k not in ("countries", "world"))
                    del self._layers[oldest]
                self._layers[name] = load_layer(self._conn, name)
            return self._layers[name]

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
        """Every place named in ``text``, in text order, each resolved to one place.

        With ``country`` (ISO alpha-2/alpha-3 code or name) only that country's places and country names are
        candidates. Without it the text is first read against countries, provinces and large cities; when one
        country dominates, its full layer is read as well.
        """
        code = self.country_code(country)
        if code is None:
            world = _Reader(self, text, [self.layer("world")], None).mentions()
            code = _dominant_country(world, self._country_names)
            if code is None:
                return world
        return _Reader(self, text, [self.layer("countries"), self.layer(code)], code).mentions()

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Places whose names share ``name``'s key, most important first (for other stages and tests)."""
        key = name_key(name)
        code = self.country_code(country)
        layer = self.layer(code) if code else self.layer("world")
        rows = [layer.rows[place_id] for place_id, _ in layer.names.get(key, ())]
        rows.sort(key=lambda r: (-_importance(r), r.id))
        return [self.place(r, None, cues.Cue(None, 0), layer) for r in rows]

    def place(self, row: Row, span: Span | None, cue: cues.Cue, layer: Layer) -> Place:
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
        return Place(
            name=row.name,
            country=self._country_names.get(row.country, row.country),
            admin1=row.admin1,
            admin2=row.admin2,
            latitude=lat,
            longitude=lon,
            geo_precision=geo_precision,
            where_prec=where_prec,
            admin1_pcode=row.admin1_pcode,
            admin2_pcode=row.admin2_pcode,
            pcode=row.pcode,
            geonameid=row.geonameid,
            feature=row.feature,
            source=row.source,
            span=span,
        )


def _importance(row: Row) -> float:
    rank = {"admin1": 0.6, "country": 0.7, "admin2": 0.3, "admin3": 0.2}.get(row.feature, 0.0)
    return rank + math.log10(row.population + 1) / 10 + (0.3 if row.source.startswith("supplement") else 0.0)


def _dominant_country(mentions: list[PlaceMention], names: dict[str, str]) -> str | None:
    """The country most of a text's places are in, when one clearly is."""
    codes = {name: code for code, name in names.items()}
    votes: dict[str, float] = {}
    for mention in mentions:
        code = codes.get(mention.place.country or "")
        if code:
            # a country or province named outright says more than a town that may be a namesake, and a name
            # spelled exactly more than a near miss
            weight = _VOTES.get(mention.place.feature or "", 1.0) * mention.score**2
            votes[code] = votes.get(code, 0.0) + weight
    if not votes:
        return None
    best = max(sorted(votes), key=lambda c: votes[c])
    return best if votes[best] >= 2 and votes[best] >= 0.5 * sum(votes.values()) else None


class _Reader:
    """One reading of one text against some layers."""

    def __init__(self, gazetteer: Gazetteer, text: str, layers: list[Layer], country: str | None) -> None:
        self.gaz, self.text, self.layers, self.country = gazetteer, text, layers, country
        self.tokens = _tokens(text)
        self.stop = _stopwords()
        self.rows: dict[int, tuple[Row, Layer]] = {}

    def mentions(self) -> list[PlaceMention]:
        hits = self._select(self._hits())
        hits.extend(self._fuzzy(hits))
        hits.sort(key=lambda h: h.start)
        for hit in hits:
            hit.left = cues.left_cue(self.text, hit.start)
            hit.right = cues.right_cue(self.text, hit.end)
        hits = self._drop_consumed(hits)
        self._share_cues(hits)
        self._resolve(hits, context=[])
        hits = [h for h in hits if self._plausible(h)]
        self._resolve(hits, context=self._context(hits))
        return self._build(hits)

    def _hits(self) -> dict[tuple[int, int], _Hit]:
        joined, starts, owners = _joined(self.tokens)
        hits: dict[tuple[int, int], _Hit] = {}
        for layer in self.layers:
            for end, key in layer.find_keys(joined):
                first = owners[bisect_right(starts, end - len(key)) - 1]
                last = owners[bisect_right(starts, end - 1) - 1]
                if not self._acceptable(first, last):
                    continue
                hit = hits.setdefault((first, last), self._new_hit(first, last))
                hit.keys.add(key)
                for place_id, name in layer.names[key]:
                    row = layer.rows[place_id]
                    if row.id not in self.rows:
                        self.rows[row.id] = (row, layer)
                    hit.candidates.append((row, name))
        return hits

    def _new_hit(self, first: int, last: int) -> _Hit:
        start = self.tokens[first].start
        # "al-Shula", "Ash Shula": the article belongs to the name's words even though its key is empty
        before = self.tokens[first - 1] if first > 0 else None
        if before is not None and not before.key and before.folded in ARTICLES:
            gap = self.text[before.end : start]
            word = self.text[before.start : before.end]
            # "at", "as", "an" are English words too: only a hyphen ("as-Sukhnah") or a capital ("As Sukhnah")
            # makes them the name's article
            arabic = before.folded not in _ENGLISH_ARTICLES or word[0].isupper()
            if gap in ("-", "‐", "–") or (gap == " " and arabic):
                start = before.start
        return _Hit(first, last, start, self.tokens[last].end, set())

    def _acceptable(self, first: int, last: int) -> bool:
        """Proper-noun evidence: a capital letter (or a non-Latin script) and not a stop word or short
        acronym.
        """
        word = self.text[self.tokens[first].start : self.tokens[first].end]
        if word[0].islower():
            return False
        if first == last:
            folded = self.tokens[first].folded
            if folded in self.stop["never"] or word.isdigit():
                return False
            if word.isupper() and len(word) <= 5 and not self._shouting:
                return False  # ISIS, SOHR, SDF: acronyms, unless the whole text is in capitals
        return True

    @functools.cached_property
    def _shouting(self) -> bool:
        letters = [c for c in self.text[:2000] if c.isalpha()]
        return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)

    def _select(self, hits: dict[tuple[int, int], _Hit]) -> list[_Hit]:
        """Non-overlapping hits, longest first, then the best spelled."""
        for hit in hits.values():
            words = light_key(self.text[hit.start : hit.end])
            hit.best = (
                max(fuzz.ratio(words, light_key(n)) for _, n in hit.candidates) / 100,
                hit.candidates[0][0],
            )
        ordered = sorted(hits.values(), key=lambda h: (-(h.last - h.first), -h.best[0], h.first))  # type: ignore[index]
        taken: set[int] = set()
        chosen = []
        for hit in ordered:
            span = set(range(hit.first, hit.last + 1))
            if not span & taken:
                taken |= span
                chosen.append(hit)
        return chosen

    def _fuzzy(self, hits: list[_Hit]) -> list[_Hit]:
        """Names after "the village/town of" that no key matched: the closest key of the country, if close
        enough.
        """
        if self.country is None or len(self.text) > 200_000:
            return []
        layer = self.layers[-1]
        covered = [(h.start, h.end) for h in hits]
        extra = []
        for found in _FUZZY_CUE.finditer(self.text):
            start, end = found.span("name")
            if any(s < end and start < e for s, e in covered):
                continue
            key = name_key(found["name"])
            best = (
                process.extractOne(key, layer.names.keys(), scorer=fuzz.ratio, score_cutoff=85)
                if key
                else None
            )
            if best is None:
                continue
            hit = _Hit(-1, -1, start, end, {best[0]})
            hit.candidates = [(layer.rows[pid], name) for pid, name in layer.names[best[0]]]
            for row, _ in hit.candidates:
                self.rows.setdefault(row.id, (row, layer))
            hit.best = (best[1] / 100, hit.candidates[0][0])
            extra.append(hit)
        return extra

    def _drop_consumed(self, hits: list[_Hit]) -> list[_Hit]:
        """Drop a hit that is the cue word of the hit before it ("Badia" in "Deir ez-Zor Badia")."""
        kept: list[_Hit] = []
        for hit in hits:
            if kept and kept[-1].right and kept[-1].right.name and hit.start < kept[-1].right.end:
                continue
            kept.append(hit)
        return kept

    def _share_cues(self, hits: list[_Hit]) -> None:
        for before, after in itertools.pairwise(hits):
            if not cues.coordinated(self.text, before.end, after.start):
                continue
            if after.left and after.left.name is None and before.left and before.left.name in _SHARED_LEFT:
                after.left = cues.Cue(before.left.name, after.start)
            if (
                before.right
                and before.right.name is None
                and after.right
                and after.right.name in _SHARED_RIGHT
            ):
                before.right = cues.Cue(after.right.name, before.end)

    def _cue_names(self, hit: _Hit) -> tuple[str | None, str | None]:
        return (hit.left.name if hit.left else None), (hit.right.name if hit.right else None)

    def _plausible(self, hit: _Hit) -> bool:
        """Reject names inside an organisation's or a person's name, and weak one-word names alone."""
        if hit.first < 0:
            return True
        if self._in_organisation(hit):
            return False
        if hit.first != hit.last:
            return True
        left, right = self._cue_names(hit)
        token = self.tokens[hit.first]
        if token.folded in self.stop["not_alone"] and left not in _LOCATIVE:
            return False
        beside = self._beside_name(hit.first - 1, -1) or self._beside_name(hit.last + 1, 1)
        if left is None and right is None and not self._title_case(hit.first) and beside:
            return False
        if left is None and right is None and hit.best is not None:
            # a small village named alone must be spelled exactly, and not be a short common-looking word
            spelled, row = hit.best
            small = row.feature in _POPULATED and (row.approx or row.population < 1000)
            return not small or (spelled >= 1.0 and len(token.key) >= 5)
        return True

    def _neighbour(self, index: int, step: int) -> int | None:
        """The next word before (step -1) or after (step 1) a name, skipping articles; None past the text."""
        while (
            0 <= index < len(self.tokens)
            and not self.tokens[index].key
            and self.tokens[index].folded in ARTICLES
        ):
            index += step
        return index if 0 <= index < len(self.tokens) else None

    def _beside_name(self, index: int, step: int) -> bool:
        """A capitalised word that is no place right next to the name: "Bashar al-Assad", "Vladimir Putin"."""
        found = self._neighbour(index, step)
        if found is None:
            return False
        other = self.tokens[found]
        first, second = (other, self.tokens[index - step]) if step < 0 else (self.tokens[index - step], other)
        if not _JOINER.fullmatch(self.text[first.end : second.start]):
            return False
        # two capitalised words side by side with nothing between are one name ("Vladimir Putin"), even when
        # each alone is a place somewhere; places in a list have commas or "and" between them
        capital = self.text[other.start : other.start + 1].isupper()
        return capital and other.folded not in self.stop["never"]

    def _in_organisation(self, hit: _Hit) -> bool:
        """A name inside an organisation's name ("Liwaa Al-Quds", "Deir ez-Zor Military Council")."""
        before = self._neighbour(hit.first - 1, -1)
        if before is not None and self.tokens[before].folded in self.stop["organisation_openers"]:
            return bool(_JOINER.fullmatch(self.text[self.tokens[before].end : hit.start]))
        index, end = hit.last + 1, hit.end
        for _ in range(3):
            if index >= len(self.tokens) or self.text[end : self.tokens[index].start] != " ":
                return False
            after = self.tokens[index]
            if after.folded in self.stop["organisation_heads"]:
                return True
            if not self.text[after.start : after.start + 1].isupper():
                return False
            index, end = index + 1, after.end
        return False

    @functools.cached_property
    def _title_lines(self) -> list[tuple[int, bool]]:
        """(start, written in Title Case) for each line: headlines capitalise every word, names or not."""
        lines, start = [], 0
        for line in self.text.split("\n"):
            words = [w for w in _WORD.findall(line) if w[0].isalpha() and not w.isupper()]
            capitals = sum(w[0].isupper() for w in words)
            lines.append((start, len(words) >= 4 and capitals >= 0.75 * len(words)))
            start += len(line) + 1
        return lines

    def _title_case(self, index: int) -> bool:
        lines = self._title_lines
        position = bisect_right([start for start, _ in lines], self.tokens[index].start) - 1
        return lines[position][1]

    def _context(self, hits: list[_Hit]) -> list[tuple[int, str]]:
        """Where the text names its admin regions: (position, admin1 p-code or name) of named divisions and of
        towns whose namesakes all lie in one governorate.
        """
        regions = []
        for hit in hits:
            if hit.best is None:
                continue
            row = hit.best[1]
            distinct = {r.admin1_pcode or r.admin1 for r, _ in hit.candidates}
            region = row.admin1_pcode or row.admin1
            if region and (row.feature in _ADMIN or len(distinct) == 1):
                regions.append((hit.start, region))
        return regions

    def _resolve(self, hits: list[_Hit], context: list[tuple[int, str]]) -> None:
        for hit in hits:
            left, right = self._cue_names(hit)
            feature_cue = right or left
            words = light_key(self.text[hit.start : hit.end])
            near = {region for position, region in context if abs(position - hit.start) <= _NEAR_CHARS}
            named = {region for _, region in context}
            scored = []
            for row, name in hit.candidates:
                # spelling first (a namesake spelled exactly beats one spelled nearly), then the kind of place
                # the cue asks for, the regions named close by (then anywhere in the text), and size; a
                # village known only at its subdistrict's centre yields to one with a point of its own
                score = 2 * fuzz.ratio(words, light_key(name)) / 100 + _fit(feature_cue, row.feature)
                score += _importance(row) / 4 + (0.1 if row.country == self.country else 0.0)
                region = row.admin1_pcode or row.admin1
                score += 0.15 if region in near else (0.05 if region in named else 0.0)
                score -= 0.1 if row.approx else 0.0
                scored.append((round(score, 6), -row.id, row))
            best = max(scored)
            spelled = (
                max(fuzz.ratio(words, light_key(n)) for r, n in hit.candidates if r.id == best[2].id) / 100
            )
            hit.best = (spelled, best[2])

    def _build(self, hits: list[_Hit]) -> list[PlaceMention]:
        mentions: list[PlaceMention] = []
        index = 0
        while index < len(hits):
            hit = hits[index]
            following = hits[index + 1] if index + 1 < len(hits) else None
            pair = self._pair(hit, following) if following else None
            if pair is not None:
                mentions.append(pair)
                index += 2
                continue
            mention = self._mention(hit)
            if mention is not None:
                mentions.append(mention)
            index += 1
        return mentions

    def _mention(self, hit: _Hit) -> PlaceMention | None:
        assert hit.best is not None
        spelled, row = hit.best
        left, right = self._cue_names(hit)
        cue_name = (
            left if left in ("distance", "outskirts", "near", "between", "direction") else (right or left)
        )
        if spelled < 0.6 or (spelled < 0.75 and cue_name is None):
            return None
        precision_cue = (
            hit.left if left in ("distance", "outskirts", "near", "direction") else (hit.right or hit.left)
        )
        layer = self.rows[row.id][1]
        span = Span.of(self.text, hit.start, hit.end)
        place = self.gaz.place(row, span, precision_cue or cues.Cue(None, hit.end), layer)
        return PlaceMention(span, place, cue_name, round(min(1.0, spelled), 3))

    def _pair(self, first: _Hit, second: _Hit) -> PlaceMention | None:
        """ "between X and Y" and "the X-Y road": one mention for both names, at their midpoint."""
        road_end = cues.road_between(self.text, first.end, second.start, second.end)
        between = (
            first.left
            and first.left.name == "between"
            and cues.joined_by_and(self.text, first.end, second.start)
        )
        if road_end is None and not between:
            return None
        one, two = self._mention(first), self._mention(second)
        if one is None or two is None:
            return None
        end = road_end or second.end
        span = Span.of(self.text, first.start, end)
        a, b = one.place, two.place
        on_road = road_end is not None or bool(
            _ROAD_BEFORE.search(self.text[max(0, first.start - 40) : first.start])
        )
        name = f"{a.name}–{b.name} road" if on_road else f"between {a.name} and {b.name}"
        feature = "road" if on_road else "between"
        place = replace(
            a,
            name=name,
            feature=feature,
            span=span,
            pcode=None,
            geonameid=None,
            source="derived",
            latitude=_mid(a.latitude, b.latitude),
            longitude=_mid(a.longitude, b.longitude),
            admin1=a.admin1 if a.admin1 == b.admin1 else None,
            admin1_pcode=a.admin1_pcode if a.admin1_pcode == b.admin1_pcode else None,
            admin2=a.admin2 if a.admin2 == b.admin2 else None,
            admin2_pcode=a.admin2_pcode if a.admin2_pcode == b.admin2_pcode else None,
        )
        close = _close(a, b)
        place = replace(place, geo_precision=2 if close else 3, where_prec=2 if close else 5)
        return PlaceMention(span, place, feature, round(min(one.score, two.score), 3))


def _mid(a: float | None, b: float | None) -> float | None:
    return round((a + b) / 2, 5) if a is not None and b is not None else (a if a is not None else b)


def _close(a: Place, b: Place) -> bool:
    """Two places within UCDP's ~25 km: "between" them is still a limited area (where_prec 2)."""
    from marsad.gazetteer.rec import distance_km

    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= 2 * cues.NEAR_KM  # type: ignore[arg-type]


def _fit(cue: str | None, feature: str) -> float:
    """How well a kind of place fits the words around its name."""
    if cue == "province":
        return {"admin1": 0.6, "admin2": 0.2}.get(feature, 0.0)
    if cue in ("district", "subdistrict"):
        return {"admin2": 0.6, "admin3": 0.5 if cue == "subdistrict" else 0.2}.get(feature, 0.0)
    if cue in ("countryside", "desert"):
        return {"admin1": 0.5, "admin2": 0.1, "desert": 0.3}.get(
            feature, 0.2 if feature in _POPULATED else 0.0
        )
    if cue in ("city", "town", "village", "camp"):
        return 0.5 if feature in _POPULATED else 0.0
    # named plainly: the town before the division of the same name (Deir ez-Zor city, not the governorate)
    return 0.3 if feature in _POPULATED else (0.05 if feature in _ADMIN else 0.15)


@functools.lru_cache(maxsize=4)
def _load_cached(path: str) -> Gazetteer:
    return Gazetteer.load(path)


def default_gazetteer(settings: Settings | None = None) -> Gazetteer:
    """The gazetteer at ``settings.cache_dir``, built first when missing or stale; loaded once per process."""
    from marsad.gazetteer.build import ensure_gazetteer

    return _load_cached(str(ensure_gazetteer(settings or Settings())))
