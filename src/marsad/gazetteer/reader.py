"""One reading of a text against gazetteer layers: the words that name places, each resolved among its
namesakes by the words around it (cues), the country, the admin regions named nearby, the kind of place and
its size.

``Reader.mentions()`` reads the text once: every word gets its normalised key (``normalise.token_key``), each
layer's ``KeyFinder`` finds every gazetteer key among them from the words that may start a name, overlapping
finds keep the longest, close spellings fill the gaps (``fuzzy``), and each name is resolved. ``match.Gazetteer``
opens the file, holds the layers and turns a chosen row into a ``Place``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING

import yaml
from rapidfuzz import fuzz

from marsad.gazetteer import cues, fuzzy, quarters, scoring, unresolved
from marsad.gazetteer.checks import WELL_KNOWN, TextChecks
from marsad.gazetteer.checks import Hit as _Hit
from marsad.gazetteer.layers import BESIDE, OWN, KeyFinder, Layer, Row
from marsad.gazetteer.normalise import ARTICLES, fold, light_key, name_key
from marsad.gazetteer.rec import distance_km
from marsad.gazetteer.unresolved import Unresolved
from marsad.gazetteer.words import PARTICLES, text_words
from marsad.records import Place, Span

if TYPE_CHECKING:
    from marsad.gazetteer.match import Gazetteer

_POPULATED = scoring.POPULATED
# between a village and its governorate in a list of strike locations: "X village, Raqqa governorate", "X, north
# western Deir Ezzor countryside"
_LISTED_AS_HELD = re.compile(
    r"(?:\s+(?:village|town))?\s*,\s*(?:(?:north|south|east|west|central)[\w-]*\s+)*", re.IGNORECASE
)
_ADMIN = scoring.ADMIN
_COUNTRYSIDE_WORDS = re.compile(r"countryside|rural", re.IGNORECASE)


def _is_town(row: Row) -> bool:
    """A town or city with a point of its own (no village known only by its subdistrict)."""
    return row.feature in ("town", "city") and not row.approx


# a close spelling in a region: its spelling (0-1), key, that key's places, and the one of them in the region
_Spelled = tuple[float, str, list[tuple[Row, str]], Row]
_FAR_IN_THE_WORLD = 0.8  # the spelling a name read against the world's cities needs ("Deir Ezzur": 0.82)
_TRANSLATED = 0.5  # below this likeness to a world city's own name, a name of several words is a translation
# Cues a name after "and" or a comma shares with the name before it ("the deserts of Homs and Deir Ezzor").
_SHARED_LEFT = frozenset(
    {"desert", "countryside", "outskirts", "near", "province", "district", "village", "town"}
)
_SHARED_RIGHT = frozenset({"desert", "countryside", "province", "district"})
# ... of which these are shared only where the name after them names such a division
_DIVISION_CUES = frozenset({"province", "district"})
_ROAD_BEFORE = re.compile(
    rf"\b(?:road|highway|motorway|route)\s+(?:between|from|{cues.ROAD_LINKING})\s+(?:the\s+)?$",
    re.I,
)
_ENGLISH_ARTICLES = frozenset({"at", "as", "an", "en", "es", "et", "ed", "er", "e", "i", "l", "il"})
# "X, Y province" / "X in Y governorate": what stands between a place and the division said to hold it
_CONTAINED = re.compile(r"^\s*(?:,|\bin\b|,\s*in\b)\s*(?:the\s+)?$", re.I)
_BEARING_WORDS = {0: "Northern", 90: "Eastern", 180: "Southern", 270: "Western"}
_ADJECTIVE_BEFORE = re.compile(r"\b(?:north|east|south|west)ern\s+$", re.IGNORECASE)  # "eastern Qalamoun"
_ARABIC = re.compile(r"[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]")
# what stands before a sentence's first word: nothing, or the end of the sentence before it and a quote (read in
# the few characters before the word: "^" matches only at the text's own start)
_SENTENCE_END = re.compile(r"(?:^|[.!?:\n])[\s\"'“‘(]*$")
# "Debsi Afnan west of Tabaqa", "Ratla village, south of Raqqa": what says a village lies one way from a town.
# Placed 10 km that way from the town, the 2017 UCDP groups' villages OCHA knows only by their subdistrict (UCDP
# layer of 2016) lie within 25 km of UCDP's point for 9 of 10 such phrases, against 4 of 10 at the
# subdistrict's estimate (5 to 20 km out do about as well: the distance matters less than the side)
_LIES_TOWARDS = re.compile(
    r"\s*(?:(?:village|town|area)\s*)?,?\s*(?P<dir>(?:north|south)[- ]?(?:east|west)|north|south|east|west)\s+of\s+"
    r"(?:the\s+)?(?:(?:city|town)\s+of\s+)?",
    re.IGNORECASE,
)
_TOWARDS_KM = 10.0
_FROM_TOWNS = frozenset({"city", "town", "village"})
# the words before a name that place something there: "in Tal Rifaat", "near the town of Tal Rifaat"
_PLACED_IN = re.compile(r"\b(?:in|near|at|around|outside|of)\s+(?:the\s+)?$", re.IGNORECASE)
_LOOSE_KEY = 3  # a shorter key ("ab") names a village in too many countries to say anything
_BETWEEN_SCRIPTS = re.compile(r"[\s,;:()/-]{1,4}")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# An Arabic word right after an Arabic name that is no direction ("الشرقي", eastern) and not "old" ("مدينة الرقة
# القديمة", Raqqa's old city): the name goes on ("كسرة جمعة", Kasrat Juma'a, is no Kisreh), as a capitalised word
# after a Latin one does
_ARABIC_GOES_ON = re.compile(
    r" (?!(?:ال)?(?:شرقي|غربي|شمالي|جنوبي|قديم)ة?(?![\u0621-\u064A\u0671-\u06D3]))[\u0621-\u064A\u0671-\u06D3]{2,}"
)
_IN_OR_OF = re.compile(r"\b(?:in|of)\b", re.IGNORECASE)
# "the capital" with no name or "of" after it (a name after it is read as that name)
_THE_CAPITAL = re.compile(
    r"\b[Tt]he (?P<capital>[Cc]apital)\b(?![,\s]*(?:city\s+)?(?:of\b|al-|[A-Z\u0600-\u06FF]))"
)
_VILLAGES = frozenset({"village", "town"})
# the words after a name that make it a city's quarter (a suburb or area may be a community of its own: "Al-Assad
# suburb")
_NEIGHBOURHOOD = frozenset({"neighbourhood", "neighborhood", "quarter"})
# the words after a name that make it a land form's ("Al-Shamiyyah Mountains", "the Mastama hill"): named after a
# village perhaps, but not always after one that bears the name elsewhere
_LAND_FORMS = frozenset({"mountain", "mount", "hill", "plain", "valley", "height"})
_NO_VILLAGE_BEFORE = _NEIGHBOURHOOD | _LAND_FORMS
# ... and, with no province said to hold it, a district that is no division: a city's ("Khaldiyeh District" of
# Homs, "the al-Touseeiyah district in the city of Raqqah"); "Chimtal district, Balkh province" is a division
_CITY_DISTRICT = frozenset({"district"})
_STRETCH = 150  # characters: about a clause ("besieging al-Tabaqa area… forces of ... take Safsafa area")
_OWN_TOWN = 10_000  # people: a place this large named before a city is listed beside it, not inside it
_BROAD = frozenset({"countryside", "desert", "outskirts", "near", "direction", "distance"})
_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_ROAD_ON = re.compile(r"\s*[-–—]\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:road|highway|motorway)\b")
_OF_A_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_DIRECTED = frozenset({"countryside", "desert"})  # cues that may name a part of a governorate
_SETTLEMENT_WORDS = fuzzy.SETTLEMENT_WORDS
# Words that describe the name before them when written in lower case ("Houla area", "Raqqa city"): a name the
# gazetteer ends with such a word ("Helleh Ara") must be spelled closely to take the word in
_LOWER_DESCRIPTORS = frozenset(
    {"area", "city", "town", "village", "countryside", "province", "governorate", "district", "neighbourhood",
     "neighborhood", "suburb", "suburbs", "outskirts"}
)  # fmt: skip
_DESCRIBED = 0.9
_FULL_STOPS = (".", "!", "?")
_SETTLEMENT_BEFORE, _SETTLEMENT_AFTER = fuzzy.SETTLEMENT_REACH


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

    def __reduce__(self) -> tuple[type[PlaceMention], tuple[Span, Place, str | None, float]]:
        # rebuilt through the constructor: a frozen class of the compiled build (marsad.compiled) cannot
        # restore its fields one by one, as pickle does by default
        return PlaceMention, (self.span, self.place, self.cue, self.score)


@dataclass(frozen=True)
class Reading:
    """Everything one reading of a text found: the places resolved and the names left unresolved."""

    mentions: list[PlaceMention]
    unresolved: list[Unresolved]

    def __reduce__(self) -> tuple[type[Reading], tuple[list[PlaceMention], list[Unresolved]]]:
        return Reading, (self.mentions, self.unresolved)  # (as PlaceMention's)


@functools.lru_cache(maxsize=4)
def _stopwords(peoples: frozenset[str] = frozenset()) -> dict[str, frozenset[str]]:
    """The stop words of ``data/stopwords.yaml``; ``peoples`` (their names: "Kenyan police" is no Kenyon, "the
    Indian capital" no Dingxi) are never places alone either."""
    with resources.files("marsad.gazetteer").joinpath("data/stopwords.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    words = {name: frozenset(fold(str(w)) for w in words) for name, words in data.items()}
    return {**words, "never": words["never"] | peoples}


class Reader(TextChecks):
    """One reading of one text against some layers."""

    def __init__(self, gazetteer: Gazetteer, text: str, layers: list[Layer], country: str | None) -> None:
        self.gaz, self.text, self.layers, self.country = gazetteer, text, layers, country
        self.tokens = text_words(text)
        self.stop = _stopwords(gazetteer.peoples)
        self.rows: dict[int, tuple[Row, Layer]] = {}
        self._regions: list[tuple[int, str]] = []  # (position, governorate) of divisions named, for fuzzy
        self.unresolved: list[Unresolved] = []
        self._titles: dict[int, bool] = {}  # line start -> written in Title Case
        self._divisions: set[int] = set()  # words naming a country or governorate (see _beside_name)
        self._governorates: set[int] = set()  # words that may name a governorate (see _name_goes_on)
        self._named: set[int] = set()  # words of the names found (see _beside_name)
        self._well_known: set[int] = set()  # ... of those naming a city, a district or a region
        # worked out on first use (not with functools.cached_property, which the compiled build cannot keep)
        self._runs_found: list[tuple[int, int] | None] | None = None
        self._shouting_found: bool | None = None

    def mentions(self) -> list[PlaceMention]:
        hits = self._towns_spelled_alike(self._fuzzy(self._select(self._hits())))
        hits.sort(key=lambda h: h.start)
        for hit in hits:
            hit.left = cues.left_cue(self.text, hit.start)
            hit.right = cues.right_cue(self.text, hit.end)
            if (
                not hit.right.name
                and self.text.startswith(("-", "–", "—"), hit.end)
                and _ROAD_ON.match(self.text, hit.end)
            ):
                # "the Aleppo-Gaziantep road": a road out of the town to a place the layer lacks, near the town
                hit.right = cues.Cue("near", hit.end)
        hits = self._drop_consumed(hits)
        self._share_cues(hits)
        self._districts_named(hits)
        self._resolve(hits, context=[])
        self._in_the_region_named(hits)
        self._divisions = {
            i
            for h in hits
            if h.best is not None and h.best[1].feature in ("country", "admin1")
            for i in range(h.first, h.last + 1)
        }
        # ... and the words that may name a governorate of the country in play ("Daraa", the city too; in the
        # world's layer most words name a province somewhere)
        regions = self._region_keys(self.layers[-1]) if self.country is not None else frozenset()
        self._governorates = {
            i for h in hits if not regions.isdisjoint(h.keys) for i in range(h.first, h.last + 1)
        }
        # ... and the words of every name found, and of those naming a city or a region, in the country in play
        # (in the world's layer "Deer" and "Park" are cities somewhere)
        known = hits if self.country is not None else []
        self._named = {i for h in known for i in range(h.first, h.last + 1)}
        self._well_known = {
            i
            for h in known
            if h.best is not None and h.best[1].feature in WELL_KNOWN
            for i in range(h.first, h.last + 1)
        }
        hits = [h for h in hits if self._plausible(h)]
        context = self._context(hits)
        hits = [h for h in hits if not self._spelled_like_elsewhere(h, context)]
        self._resolve(hits, context=context)
        self._beside_each_other(hits)
        if quarters.mentioned(self.text, self.tokens.plain):
            hits = self._quarters(hits)
        mentions = self._placed_by_direction(_one_script(self.text, self._build(hits)))
        # "the capital", "the Capital" (a headline's capitals)
        return self._the_capital(mentions) if "apital" in self.text else mentions

    def run_keys(self, found: list[PlaceMention], most: int = 40) -> list[tuple[str, str, bool]]:
        """The key and the words of each run of capitalised words that may name a village of some country's
        own layer ("Dael", "Tafas") where the world's cities name none, and whether a word before it places
        something there ("in", "near", "the village of"; at most ``most``, each key once): no run a world city
        is spelled exactly in, no acronym ("TAF"), no lone word that opens its sentence ("Media allied with ISIS
        said", "Road sealed off"), no run of words never a place alone ("the Middle East" is a part of the
        world, not the American village)."""
        words = self.tokens
        alone = self.stop["not_alone"] | self.stop["never"]
        taken = sorted((m.span.start, m.span.end) for m in found if m.score >= 1.0)
        out: dict[str, tuple[str, bool]] = {}
        for run in self._runs:
            if run is None:
                continue
            start, end = words.starts[run[0]], words.ends[run[1]]
            name = self.text[start:end]
            if name.isupper() or any(a < end and start < b for a, b in taken):
                continue
            if run[0] == run[1] and _SENTENCE_END.search(self.text, max(0, start - 12), start) is not None:
                continue
            if alone.issuperset(words.folded[run[0] : run[1] + 1]):
                continue
            key = " ".join(k for k in words.keys[run[0] : run[1] + 1] if k)
            if len(key) >= _LOOSE_KEY and key not in out:
                out[key] = name, _PLACED_IN.search(self.text, max(0, start - 24), start) is not None
                if len(out) >= most:
                    break
        return [(key, name, there) for key, (name, there) in out.items()]

    def _placed_by_direction(self, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """A village known only by its subdistrict (``approx``) that the text says lies one way from a town
        ("Debsi Afnan west of Tabaqa", "Ratla village, south of Raqqa") is put that way from the town, a short
        way out (``_TOWARDS_KM``): nearer where it is than its subdistrict's estimate."""
        out = mentions
        for index, (named, town) in enumerate(itertools.pairwise(mentions)):
            village, point = named.place, town.place
            if (
                not village.approx
                or point.approx
                or point.feature not in _FROM_TOWNS
                or point.latitude is None
            ):
                continue
            found = _LIES_TOWARDS.fullmatch(self.text, named.span.end, town.span.start)
            if found is None:
                continue
            bearing = cues.BEARINGS[found["dir"].lower().replace("-", "").replace(" ", "")]
            lat, lon = cues.offset(point.latitude, point.longitude, _TOWARDS_KM, bearing)  # type: ignore[arg-type]
            moved = replace(village, latitude=round(lat, 5), longitude=round(lon, 5))
            if out is mentions:
                out = list(mentions)  # (most texts move none: the list is copied only when one moves)
            out[index] = replace(named, place=moved)
        return out

    def _the_capital(self, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """ "Shells fell on the capital": the capital of the country in play (GeoNames), where no name follows
        ("the capital Damascus" names it already; "the capital of Idlib province" is another place)."""
        name = self.gaz.capitals.get(self.country or "")
        layer = self.layers[-1]
        towns = [layer.rows[i] for i, _ in layer.names.get(name_key(name), ())] if name else []
        towns = [
            r for r in towns if r.feature in _POPULATED and r.country == self.country and r.lat is not None
        ]
        if not towns:
            return mentions
        town = max(towns, key=lambda r: (r.population, -r.id))
        self.rows.setdefault(town.id, (town, layer))
        found = []
        for m in _THE_CAPITAL.finditer(self.text):
            span = Span.of(self.text, m.start(), m.end())
            cue = cues.left_cue(self.text, m.start("capital"))  # "the outskirts of the capital": near it
            found.append(PlaceMention(span, self.gaz.place(town, span, cue, layer), "capital", 1.0))
        return sorted(mentions + found, key=lambda m: m.span.start) if found else mentions

    def _quarters(self, hits: list[_Hit]) -> list[_Hit]:
        """Neighbourhoods, streets and areas named with their city ("al-Wa'er neighbourhood in Homs") resolve
        inside that city: to a namesake near it, else to the city's point (see ``quarters``)."""
        # a run's city is the first resolved name after it. Hits come in text order, and those the loop drops
        # or adds lie inside a run, before every later run's end: the names found on entry answer for every
        # run, by bisection
        # ("Al Na'im area, Tal Abyad street, Raqqa City": a street named after a town is no city to lie in)
        cities = [h for h in hits if h.best is not None and not self._names_a_quarter(h)]
        city_starts = [h.start for h in cities]
        # the hits inside a run are found by bisection too: runs do not overlap, so a hit the loop drops or adds
        # lies inside one run only, and the hits on entry answer for every run (a long page has thousands)
        entry = sorted(hits, key=lambda h: h.first)  # by word: a hit's span may open with an article
        entry_firsts = [h.first for h in entry]
        dropped: set[int] = set()
        added: list[_Hit] = []
        for first, last in (run for run in self._runs if run is not None):
            kind = self.tokens.folded[last] in quarters.KINDS
            if last > first and kind:
                last -= 1  # "Tal Abyad Street": the street's name is the run without its last word
            start, end = self.tokens.starts[first], self.tokens.ends[last]
            at = bisect.bisect_left(city_starts, end)
            city = cities[at] if at < len(cities) else None
            km = quarters.of_city(self.text, start, end, city.start, city.end) if city is not None else None
            town = self._town_of(city) if city is not None and km is not None else None
            if town is None or km is None:
                continue
            low, high = bisect.bisect_left(entry_firsts, first), bisect.bisect_right(entry_firsts, last)
            inside = [h for h in entry[low:high] if h.last <= last]
            if not self._may_be_quarter(first, last, inside, kind):
                continue
            assert city is not None
            edge = quarters.on_outskirts(self.text, end, city.start)
            if (edge and not inside) or self._listed_town(inside, end, city.start):
                continue  # "Clashes on the outskirts of X": only a place name lies on a town's outskirts
            near = [r for h in inside if (h.first, h.last) == (first, last) for r, _ in h.candidates]
            near = [r for r in near if _within(r, town, km)]
            if near:
                inside[0].best = (1.0, max(near, key=lambda r: (scoring.importance(r), -r.id)))
                continue
            dropped.update(id(h) for h in inside)
            quarter = self._new_hit(first, last)  # with the article before the name ("al-Wa'er")
            quarter.candidates, quarter.best, quarter.quarter = [(town, town.name)], (1.0, town), True
            quarter.left, quarter.right = cues.left_cue(self.text, quarter.start), cues.Cue(None, end)
            if edge:
                quarter.left = cues.Cue("outskirts", quarter.start)  # at the town's point, within ~25 km
            added.append(quarter)
        if not dropped and not added:
            return hits
        return sorted([h for h in hits if id(h) not in dropped] + added, key=lambda h: h.start)

    def _may_be_quarter(self, first: int, last: int, inside: list[_Hit], kind: bool) -> bool:
        """Whether the run ``first``..``last``, said to lie in a city, may name a quarter of it. Unless a quarter
        word follows it ("Jobar neighbourhood in Damascus", "Salah Eddin neighborhood in Aleppo", a province of
        Iraq's name too), it is not an organisation, a country or a governorate ("the regime and Russia in Aleppo
        city"), nor a sentence's first word alone, capitalised whatever it is ("Clashes in Daraa city")."""
        after = last + 1
        if kind or (after < len(self.tokens) and self.tokens.folded[after] in quarters.KINDS):
            return True
        if self.tokens.folded[first] in self.stop["organisation_openers"]:
            return False  # "Hayyaat Tahrir al-Sham in Idlib city": an organisation
        if any(h.best is not None and h.best[1].feature in ("country", "admin1") for h in inside):
            return False
        return first != last or bool(inside) or not self._opens_sentence(first)

    def _names_a_quarter(self, hit: _Hit, kinds: frozenset[str] = quarters.QUARTERS) -> bool:
        """Whether a quarter word (one of ``kinds``) follows the name ("Tal Abyad Street", "Bab al-Nairab
        neighbourhood"): it is then a quarter's or a street's name, not a city's."""
        words, after = self.tokens, hit.last + 1
        return (
            after < len(words)
            and words.folded[after].removesuffix("s") in kinds
            and self.text[hit.end : words.starts[after]].isspace()
        )

    def _listed_town(self, inside: list[_Hit], end: int, city_start: int) -> bool:
        """ "Saraqib, Idlib city and Binnish" lists towns: a comma says a small place lies in the city ("Sa'alu,
        Deir Ezzor city"), not that a town of its own does."""
        between = self.text[end:city_start].lower()
        if "," not in between or _IN_OR_OF.search(between) or any(k in between for k in quarters.QUARTERS):
            return False  # "X neighbourhood, Y", "X area of Y": said to be inside
        return any(h.best is not None and h.best[1].population >= _OWN_TOWN for h in inside)

    def _town_of(self, hit: _Hit) -> Row | None:
        """The town a neighbourhood is said to lie in: the place read, or the capital of a governorate ("Al Dariya
        neighbourhood, Raqqa governorate"); None when it has no point of its own."""
        assert hit.best is not None
        town = hit.best[1]
        if set(self._cue_names(hit)) & _BROAD - {"outskirts"}:
            return None  # "Kabana area in the Latakia countryside": the countryside is no town to lie in
        if town.feature == "admin1":
            capitals = [
                r
                for r, _ in hit.candidates
                if r.feature in _POPULATED and scoring.region(r) == scoring.region(town)
            ]
            town = max(capitals, key=lambda r: (r.population, -r.id)) if capitals else town
        ok = town.feature in _POPULATED and town.lat is not None and town.lon is not None
        return town if ok else None

    def _hits(self) -> dict[tuple[int, int], _Hit]:
        """The names the layers' finders find in the joined keys, each starting at a word not written in lower
        case (most finds are common words: "bir", "tal"), grouped by the words they cover."""
        words = self.tokens
        hits: dict[tuple[int, int], _Hit] = {}
        finds, anywhere = self._finds(), words.name_starts() is None
        tabled: set[str] = set()  # keys whose places are in ``rows`` already: texts repeat their names
        tables = []  # each layer's places: an earlier layer's place of an id wins, as with ``setdefault``
        for layer in self.layers:
            tabled.clear()
            table: dict[int, tuple[Row, Layer]] = {}
            tables.append(table)
            known = self.gaz.namesakes_known(layer)
            for end, first, key in finds.get(layer.name, ()):
                if anywhere and words.lower[first]:
                    continue
                # a key of one word lies inside one word's key (a word's key may hold spaces, never a key
                # of one word)
                last = words.owner(end - 1) if " " in key else first
                hit = hits.get((first, last))
                if hit is None:
                    if not self._acceptable(first, last):
                        continue
                    hit = hits[(first, last)] = self._new_hit(first, last)
                hit.keys.add(key)
                pairs, entries = known.get(key) or self.gaz.namesakes(layer, key)
                hit.candidates.extend(pairs)
                if key not in tabled:
                    tabled.add(key)
                    table.update(entries)  # a layer's entries for an id are all the same
        rows: dict[int, tuple[Row, Layer]] = {}
        for table in reversed(tables):
            rows.update(table)
        self.rows = rows | self.rows
        return hits

    def _finds(self) -> dict[str, list[tuple[int, int, str]]]:
        """(end, first word, key) of the keys each layer's finder finds in the joined keys, in text order, where a
        name may start. A layer whose keys another layer's finder finds too (the countries, beside a country) is
        not read again."""
        read = {layer.name for layer in self.layers}
        covered = {layer.beside for layer in self.layers if layer.beside in read}
        finds: dict[str, list[tuple[int, int, str]]] = {}
        for layer in self.layers:
            if layer.finder is None or layer.name in covered:
                continue
            own, beside = finds.setdefault(layer.name, []), finds.setdefault(layer.beside or "", [])
            for end, _, key, held, first in self._found(layer.finder):
                if held & OWN:
                    own.append((end, first, key))
                if held & BESIDE:
                    beside.append((end, first, key))
        return finds

    def _found(self, finder: KeyFinder) -> list[tuple[int, int, str, int, int]]:
        """(end, start, key, held, first word) of what ``finder`` finds in the joined keys where a name may
        start."""
        words = self.tokens
        # most words are in lower case (common words: "bir", "tal"), and no name starts with one; each word's
        # key is known, so only the keys of several words are read off the joined keys
        starts = words.name_starts()
        if starts is not None:
            return finder.find_words(words.joined, starts, *words.name_start_words())
        found = finder.find(words.joined, words.key_token_starts())
        return [(end, end - len(key), key, held, words.owner(end - len(key))) for end, key, held in found]

    def _new_hit(self, first: int, last: int) -> _Hit:
        words = self.tokens
        start = words.starts[first]
        # "al-Shula", "Ash Shula": the article belongs to the name's words even though its key is empty
        before = first - 1
        if before >= 0 and not words.keys[before] and words.folded[before] in ARTICLES:
            gap = self.text[words.ends[before] : start]
            # "at", "as", "an" are English words too: only a hyphen ("as-Sukhnah") or a capital ("As Sukhnah")
            # makes them the name's article
            arabic = words.folded[before] not in _ENGLISH_ARTICLES or words.capital[before]
            if gap in ("-", "‐", "–") or (gap == " " and arabic):
                start = words.starts[before]
        return _Hit(first, last, start, words.ends[last], set())

    def _select(self, hits: dict[tuple[int, int], _Hit]) -> list[_Hit]:
        """Non-overlapping hits, longest first, then the best spelled."""
        layers = tuple(layer.name for layer in self.layers)
        for hit in hits.values():
            # the same words find the same names again and again ("Aleppo"): their best spelling is remembered
            question = (self.text[hit.start : hit.end], frozenset(hit.keys), layers)
            spelled = _BEST_SPELLED.get(question)
            if spelled is None:
                words = fuzzy.spelling(question[0])
                spelled = max(fuzz.ratio(words, fuzzy.spelling(n)) for _, n in hit.candidates) / 100
                if len(_BEST_SPELLED) >= _MAX_SCORES:
                    _BEST_SPELLED.clear()
                _BEST_SPELLED[question] = spelled
            hit.best = (spelled, hit.candidates[0][0])
        ordered = sorted(
            (h for h in hits.values() if not self._takes_descriptor(h)),
            key=lambda h: (-(h.last - h.first), -h.best[0], h.first),  # type: ignore[index]
        )
        taken: set[int] = set()
        chosen = []
        for hit in ordered:
            span = set(range(hit.first, hit.last + 1))
            if not span & taken:
                taken |= span
                chosen.append(hit)
        return chosen

    def _takes_descriptor(self, hit: _Hit) -> bool:
        """ "Air strikes on Houla area": a name ending in a describing word in lower case that is only loosely
        spelled ("Helleh Ara") is the place before the word read wrongly; the shorter name is left to win."""
        words = self.tokens
        return (
            hit.last > hit.first
            and words.lower[hit.last]
            and words.folded[hit.last] in _LOWER_DESCRIPTORS
            and hit.best is not None
            and hit.best[0] < _DESCRIBED
        )

    def _fuzzy(self, hits: list[_Hit]) -> list[_Hit]:
        """Close spellings of names no key matched, or matched only in pieces ("Qasr al-Bureij" read as
        "Qasr" + "al-Bureij"): a longer fuzzy name replaces the pieces it covers. Only in the country in play.
        """
        layer = self.layers[-1]
        if self.country is None or len(self.text) > 200_000 or len(layer.names) > fuzzy.MAX_LAYER_KEYS:
            return hits
        whole = {(h.first, h.last) for h in hits}
        self._regions = sorted(
            {
                (h.start, row.admin1_pcode or row.admin1 or "")
                for h in hits
                for row, _ in h.candidates
                # "X, Eastern Deir Ezzor governorate" names the governorate too
                if row.feature in ("admin1", "sector")
            }
        )
        # a run of more capitalised words than a name has is a heading in Title Case, not a name
        runs = [r for r in self._runs if r is not None and r[1] - r[0] < fuzzy.MAX_RUN]
        # a name found whole that goes on past the run's capitals holds it ("Tanak oil field": not the village
        # Tanaka, spelled like "Tanak")
        longer = [(h.first, h.last) for h in hits if h.last > h.first]
        found: list[_Hit] = []
        for first, last in runs:
            if (first, last) not in whole and not (
                longer and any(a <= first and last <= b for a, b in longer)
            ):
                found.extend(self._fuzzy_run(layer, first, last, whole))
        if found:
            taken = {i for h in found for i in range(h.first, h.last + 1)}
            hits = [h for h in hits if not taken & set(range(h.first, h.last + 1))] + found
        return self._keep_unresolved(hits, runs)

    def _towns_spelled_alike(self, hits: list[_Hit]) -> list[_Hit]:
        """A name whose key finds only villages ("Salmiyah": Salma and two OCHA Salmiyehs) may be a town
        spelled a little otherwise (As Salamiyah, whose key differs by a vowel): the towns sharing its consonants
        and spelled close enough join its namesakes, to be weighed with them."""
        layer = self.layers[-1]
        if self.country is None or len(layer.names) > fuzzy.MAX_LAYER_KEYS:
            return hits
        for hit in hits:
            for row, _ in hit.candidates:
                if row.feature != "village":
                    break  # (a loop, not any(): most hits stop at their first namesake, and this runs for each)
            else:
                if hit.candidates:
                    self._add_towns_alike(hit, layer)
        return hits

    def _add_towns_alike(self, hit: _Hit, layer: Layer) -> None:
        """Add the towns spelled like the name to its namesakes (see ``_towns_spelled_alike``)."""
        towns = self._towns_alike(layer, self._run_key(hit.first, hit.last), self.text[hit.start : hit.end])
        known = {row.id for row, _ in hit.candidates}
        joining = [(row, name) for row, name in towns if row.id not in known]
        if joining:
            self._remember(layer, joining)
            hit.candidates = hit.candidates + joining

    def _towns_alike(self, layer: Layer, key: str, words: str) -> tuple[tuple[Row, str], ...]:
        """The towns and cities of ``layer`` sharing ``key``'s consonants and spelled like ``words`` (at
        ``fuzzy.ONE_WORD``), remembered per spelling: reports name the same villages again and again."""
        memo = self.gaz.towns_alike
        found = memo.get((layer.name, words))
        if found is None:
            towns: list[tuple[Row, str]] = []
            bones = fuzzy.skeleton(key)
            others = (
                self.gaz.fuzzy_index(layer).by_skeleton.get(bones, ())
                if bones in self._town_bones(layer)
                else ()
            )
            for other in others:
                if other == key:
                    continue
                named = [(r, name) for r, name in self._key_places(layer, other) if _is_town(r)]
                if named:
                    best = fuzzy.best_name(layer, [other], words)
                    if best is not None and best[0] >= fuzzy.ONE_WORD:
                        towns.extend(named)
            if len(memo) >= _MAX_SCORES:
                memo.clear()
            found = memo[(layer.name, words)] = tuple(towns)
        return found

    def _region_keys(self, layer: Layer) -> frozenset[str]:
        """The keys of ``layer`` that name a governorate (among other places, perhaps): remembered per layer."""
        found = self.gaz.region_keys.get(layer.name)
        if found is None:
            found = self.gaz.region_keys[layer.name] = frozenset(
                key
                for key, places in layer.names.items()
                if any(layer.rows[i].feature == "admin1" for i, _ in places)
            )
        return found

    def _town_bones(self, layer: Layer) -> frozenset[str]:
        """The skeletons of the keys of ``layer``'s towns and cities (most names share none: one look-up)."""
        found = self.gaz.town_bones.get(layer.name)
        if found is None:
            found = self.gaz.town_bones[layer.name] = frozenset(
                fuzzy.skeleton(key)
                for key, places in layer.names.items()
                if any(_is_town(layer.rows[i]) for i, _ in places)
            )
        return found

    def _keep_unresolved(self, hits: list[_Hit], runs: list[tuple[int, int]]) -> list[_Hit]:
        """Record names a settlement cue announces ("the village of Zor Shamr", "Jaidin village") that no place
        matched whole, and drop the pieces of them that matched something else ("Zor" alone is another village).
        """
        whole = {(h.first, h.last) for h in hits}
        for first, last in runs:
            start, end = self.tokens.starts[first], self.tokens.ends[last]
            if (first, last) in whole or not self._announced(start, end):
                continue
            if first < last and self._city_possessive(first, hits):
                # "Aleppos Rashidin district": the city stays, and the name after it (from past its article:
                # "Aleppos al-Rashidin") is read as a run of its own
                first += 1
                while first < last and self.tokens.folded[first] in PARTICLES:
                    first += 1
                start = self.tokens.starts[first]
                if (first, last) in whole:
                    continue
            if first == last and self.tokens.folded[first] == "capital":
                continue  # "the outskirts of the Capital": the capital, read by ``_the_capital``
            if any(h.first <= first and last <= h.last for h in hits):
                continue  # "Damascus countryside": a found name covers the run and the cue word after it
            if self._title_case(first):
                continue
            inside = [h for h in hits if first <= h.first and h.last <= last]
            if self._opens_sentence(first) and any(h.last == last and h.first > first for h in inside):
                continue  # "Targeting al-Qardaha city": a sentence's first word is capitalised, names or not
            named = self._described(first, last, inside)
            if named:
                # "towns of Aleppo Province", "of Targeting Aleppo city", "in Deir Ezzor Al-Sharqi countryside"
                hits = [h for h in hits if h not in inside or h in named]
                continue
            if self._listed_without_commas(first, last, inside):
                continue  # "the towns of Rastan Talbeesah Ter Maaleh and Zafarana": each is a place
            if first != last and inside:
                hits = [h for h in hits if h not in inside]
            elif inside:
                continue
            span = Span.of(self.text, start, end)
            self.unresolved.append(Unresolved(span, unresolved.NOT_FOUND))
        return hits

    def _listed_without_commas(self, first: int, last: int, inside: list[_Hit]) -> bool:
        """Whether three names or more found inside the run ``first``..``last`` cover all its words but
        particles: a list whose commas were lost ("Rastan Talbeesah Ter Maaleh", "Huraytan Hayyan Anadan Kafar
        Hamra"), where two names side by side may be one name the gazetteer lacks ("Jadida Baladiya", "Hamra
        Boueitiya") and stay one unknown name."""
        if len(inside) < 3:
            return False
        covered = {i for h in inside for i in range(h.first, h.last + 1)}
        folded = self.tokens.folded
        return all(i in covered or folded[i] in PARTICLES for i in range(first, last + 1))

    def _city_possessive(self, first: int, hits: list[_Hit]) -> bool:
        """Whether the word ``first`` is a city's or governorate's possessive written without its apostrophe, as
        FA-KES's texts lost theirs ("Aleppos Rashidin district", "Idlibs Maarat al-Numaan district")."""
        raw = self.tokens.raw[first]
        if len(raw) < 5 or raw[-1] != "s":
            return False
        hit = next((h for h in hits if h.first == h.last == first), None)
        if hit is None:
            return False
        # the place's own name and an "s" ("Aleppo" + s; "Damascus" is no "Damascu"'s, whatever names key alike)
        stem = name_key(raw[:-1])
        return any(
            row.feature in ("city", "admin1") and name_key(row.name) == stem for row, _ in hit.candidates
        )

    def _described(self, first: int, last: int, inside: list[_Hit]) -> list[_Hit]:
        """The name inside the run ``first``..``last`` when the run's other words only say what or which part
        of a place it is (``self.stop["descriptors"]``: "Aleppo Province", "Deir Ezzor Al-Sharqi", where
        "Al-Sharqi" is no village of its own), or are a verb's "-ing" form or a country's possessive written
        without its apostrophe ("Syrias"), which are no part of a name either; else none. Two names side by
        side ("Jadida Baladiya") or a name and an unknown word ("Zor Shamr") are one unknown name."""
        folded, descriptors = self.tokens.folded, self.stop["descriptors"]

        def describes(i: int) -> bool:
            return (
                folded[i] in descriptors
                or (folded[i].endswith("ing") and len(folded[i]) > 5)
                or (folded[i].endswith("s") and folded[i][:-1] in self.gaz.country_words)
            )

        # ("Syrias" is found as the country too: a possessive says which place, whatever else it is)
        named = [h for h in inside if not all(describes(i) for i in range(h.first, h.last + 1))]
        if len(named) != 1:
            return []
        rest = [i for i in range(first, last + 1) if not named[0].first <= i <= named[0].last]
        return named if rest and all(describes(i) for i in rest) else []

    def _announced(self, start: int, end: int) -> bool:
        near = self.tokens.near(unresolved.ANNOUNCING_WORDS, start, end, 30, 16)
        return near and unresolved.announced(self.text, start, end)

    @property
    def _runs(self) -> list[tuple[int, int] | None]:
        """``_capital_runs``, worked out once per reading (see ``_runs_found``)."""
        if self._runs_found is None:
            self._runs_found = self._capital_runs()
        return self._runs_found

    def _capital_runs(self) -> list[tuple[int, int] | None]:
        """Runs of capitalised words, without the function words a sentence starts with ("In Jaghatu") nor the
        month or day a dateline puts after a name ("the countryside of Homs  July 21, 2016")."""
        folded = self.tokens.folded
        never = self.stop["never"]
        out: list[tuple[int, int] | None] = []
        for first, last in self.tokens.capital_runs():
            while first <= last and folded[first] in never:
                first += 1
            while last > first and folded[last] in never:
                last -= 1
            out.append((first, last) if first <= last else None)
        return out

    def _fuzzy_run(self, layer: Layer, first: int, last: int, whole: set[tuple[int, int]]) -> list[_Hit]:
        """Fuzzy names inside one run of capitalised words, longest first, never re-reading an exact name. Only
        the spans some context may let match are tried (see ``_open_spans``)."""
        spans = self._open_spans(layer, first, last)
        if not spans:
            return []  # most runs
        # a span no name shares a skeleton with matches only when scanned for, after a settlement word
        settled = self.tokens.starting_within(
            _SETTLEMENT_WORDS,
            self.tokens.starts[first] - _SETTLEMENT_BEFORE,
            self.tokens.ends[last] + _SETTLEMENT_AFTER,
        )
        out: list[_Hit] = []
        free = set(range(first, last + 1))
        for i, j, scanned in spans:
            start, end = first + i, first + j
            if scanned and not settled:
                continue
            if (start, end) in whole or not free.issuperset(range(start, end + 1)):
                continue
            hit = self._fuzzy_span(layer, start, end)
            if hit is not None:
                out.append(hit)
                free.difference_update(range(start, end + 1))
        return out

    def _open_spans(self, layer: Layer, first: int, last: int) -> tuple[tuple[int, int, bool], ...]:
        """The spans (first, last, only scanned for) of a run that some context may let match a close spelling,
        counted from the run's first word, longest first, then left to right. Which they are follows from the
        run's words alone: remembered across texts, which repeat their capitalised words ("Ministry")."""
        question = (layer.name, tuple(self.tokens.raw[first : last + 1]))
        spans = self.gaz.fuzzy_spans.get(question)
        if spans is None:
            if len(self.gaz.fuzzy_spans) >= _MAX_SCORES:
                self.gaz.fuzzy_spans.clear()
            index = self.gaz.fuzzy_index(layer)
            spans = self.gaz.fuzzy_spans[question] = tuple(
                (start - first, end - first, scanned)
                for start, end in _spans_of(first, last)
                if not self._after_opener(first, start)
                and (scanned := self._scanned_only(layer, index, start, end)) is not None
            )
        return spans

    def _after_opener(self, first: int, start: int) -> bool:
        """Whether the span at ``start`` follows, within the run from ``first``, a word that opens names
        (``_opens_name``: "Umm Shuaifa", "Tal al-Hara"): the name begins with that word, and the words after it
        alone are no close spelling of another place (Shuaifa is not Deir ez-Zor's Shafa)."""
        folded = self.tokens.folded
        before = start - 1
        while before > first and folded[before] in PARTICLES:
            before -= 1
        return before >= first and self._opens_name(before)

    def _scanned_only(self, layer: Layer, index: fuzzy.FuzzyIndex, first: int, last: int) -> bool | None:
        """None when no context lets the words match a close spelling (see ``_fuzzy_span``): a particle at an
        end, a stop word alone, a key too short or already a name, or one whose skeleton no name shares and too
        short to be scanned for; else whether only a scan, after a settlement word, may find them."""
        folded = self.tokens.folded
        if folded[first] in PARTICLES or folded[last] in PARTICLES:
            return None
        if first == last and (folded[first] in self.stop["never"] or folded[first] in self.stop["not_alone"]):
            return None
        key = self._run_key(first, last)
        if len(key) < fuzzy.MIN_KEY or key in layer.names:
            return None
        if fuzzy.skeleton(key) in index.by_skeleton or self._opener_joined(first, key) in layer.names:
            return False
        return True if len(key) >= fuzzy.MIN_SCAN_KEY else None

    def _run_key(self, first: int, last: int) -> str:
        return " ".join(filter(None, self.tokens.keys[first : last + 1]))

    def _opener_joined(self, first: int, key: str) -> str | None:
        """``key``, the key of a run from word ``first``, with its first word joined to the next where that word
        opens names: "Tal Mannas" is OCHA's "Talmenes", "Deir Hafer" a source's "Deirhafer" (None for any other
        run, and for a run of one word)."""
        if self.tokens.folded[first] not in self.stop["name_openers"]:
            return None
        head, _, rest = key.partition(" ")
        return head + rest if rest else None

    def _fuzzy_span(self, layer: Layer, first: int, last: int) -> _Hit | None:
        """The close spelling the words ``first``..``last`` stand for, in the context they are written in;
        ``_open_spans`` has ruled out the words no context lets match."""
        if first == last and self._opens_sentence(first, _FULL_STOPS):
            # "Severe clashes ...": a sentence's first word is capitalised whatever it is (after a colon, a list
            # of strike locations names a place: "December 25th 2017: Granij, Deir Ezzor governorate")
            return None
        start, end = self.tokens.starts[first], self.tokens.ends[last]
        key = self._run_key(first, last)
        words = self.text[start:end]
        index = self.gaz.fuzzy_index(layer)
        joined = self._opener_joined(first, key)
        if joined in layer.names:  # (scored as written joined)
            found = fuzzy.best_name(layer, (joined,), words.replace(" ", "", 1))
        else:
            found = index.match(layer, key, words, None, False)
        # names sharing no skeleton are scanned for only after a settlement cue ("the village of X"), among the
        # names of the region named nearby
        if (
            found is None
            and len(key) >= fuzzy.MIN_SCAN_KEY
            and self.tokens.near(_SETTLEMENT_WORDS, start, end, _SETTLEMENT_BEFORE, _SETTLEMENT_AFTER)
            and fuzzy.settlement_cue(self.text, start, end)
        ):
            found = index.match(layer, key, words, self._region_near(start), True)
        after = self._region_after(end) if found is None else None
        if after is not None:  # "Daranj, Eastern Deir Ezzor governorate": the governorate's Darnaj
            found = fuzzy.in_region(layer, index, key, words, after)
        if found is None:
            return None
        hit = self._new_hit(first, last)
        self._take_key(hit, layer, found[1], self._key_places(layer, found[1]))
        hit.best = (found[0] / 100, hit.candidates[0][0])
        hit.close = True
        return hit

    def _spelled_like_elsewhere(self, hit: _Hit, context: list[tuple[int, str]]) -> bool:
        """A close spelling that only just passes, whose places all lie outside every governorate the text
        names: "... the western Syrian city of Homs ... A doctor living in Akruma area" is a quarter of Homs
        the gazetteer lacks, not Latakia's village Krum (spelled 89 alike)."""
        if not hit.close or hit.best is None or hit.best[0] >= fuzzy.CLOSE_ELSEWHERE or not context:
            return False
        named = {region for _, region in context}
        if any(scoring.region(row) in named for row, _ in hit.candidates):
            return False
        if (hit.left is not None and hit.left.name is not None) or self._announced(hit.start, hit.end):
            # said to be a place ("living in Akruma area"): listed for a reviewer, with the namesake passed over
            row = hit.best[1]
            self._record(hit, unresolved.ELSEWHERE, f"{row.name} ({row.admin1})")
        return True

    @staticmethod
    def _key_places(layer: Layer, key: str) -> list[tuple[Row, str]]:
        """The (place, name) pairs of a key of ``layer`` (a close spelling's, found outside the key finder)."""
        return [(layer.rows[pid], name) for pid, name in layer.names[key]]

    def _take_key(self, hit: _Hit, layer: Layer, key: str, candidates: list[tuple[Row, str]]) -> None:
        """Make ``key``'s places (``candidates``) the namesakes of ``hit``, in the reading's table of places."""
        hit.keys.add(key)
        hit.candidates = candidates
        self._remember(layer, candidates)

    def _remember(self, layer: Layer, places: list[tuple[Row, str]]) -> None:
        """Put ``places`` of ``layer`` in the reading's table of places."""
        for row, _ in places:
            self.rows.setdefault(row.id, (row, layer))

    def _drop_consumed(self, hits: list[_Hit]) -> list[_Hit]:
        """Drop a hit that is the cue word of the hit before it ("Badia" in "Deir ez-Zor Badia") or after it
        ("Badia" in "the eastern Badia of Homs")."""
        kept: list[_Hit] = []
        for hit in hits:
            if kept and kept[-1].right and kept[-1].right.name and hit.start < kept[-1].right.end:
                continue
            if self._desert_word_of(hit):
                continue
            if kept and hit.left and hit.left.name == "desert" and self._cue_word(kept[-1], hit):
                kept.pop()
            kept.append(hit)
        return kept

    def _desert_word_of(self, hit: _Hit) -> bool:
        """Whether the hit is "Badia" (or "desert", "steppe") before "of" and a name, read as a place that is no
        desert: "the Badia of Al-Mayadin" is the desert of a town the layer may lack, never Taiwan's city Bade."""
        return (
            hit.first == hit.last
            and self.tokens.folded[hit.first] in cues.DESERT_WORDS
            and _OF_A_NAME.match(self.text, hit.end) is not None
            and not any(row.feature == "desert" for row, _ in hit.candidates)
        )

    def _cue_word(self, word: _Hit, hit: _Hit) -> bool:
        """Whether ``word`` is the "desert"/"Badia" of the left cue read before ``hit``."""
        deserts = any(row.feature == "desert" for row, _ in word.candidates)
        return deserts and _OF.fullmatch(self.text[word.end : hit.start]) is not None

    def _share_cues(self, hits: list[_Hit]) -> None:
        for before, after in itertools.pairwise(hits):
            if not cues.coordinated(self.text, before.end, after.start):
                continue
            if after.left and after.left.name is None and before.left and before.left.name in _SHARED_LEFT:
                after.left = cues.Cue(before.left.name, after.start)
            # "Homs and Hama provinces" share the word; "Abu Kamal, Deir Ezzor governorate" does not: a comma
            # there says where the first name lies; nor does a quarter's: "Douma and Al-Assad district"
            if (
                before.right
                and before.right.name is None
                and after.right
                and after.right.name in _SHARED_RIGHT
                and cues.joined_by_word(self.text, before.end, after.start)
                and (
                    after.right.name not in _DIVISION_CUES
                    or any(row.feature in _ADMIN for row, _ in after.candidates)
                )
            ):
                before.right = cues.Cue(after.right.name, before.end)

    def _context(self, hits: list[_Hit]) -> list[tuple[int, str]]:
        """Where the text names its admin regions: (position, admin1 p-code or name) of named divisions, of
        towns whose namesakes all lie in one governorate, and of a governorate's capital ("Zara in Hama": the
        city's name is the governorate's, whatever villages elsewhere share it).
        """
        regions = []
        for hit in hits:
            if hit.best is None:
                continue
            row = hit.best[1]
            region = row.admin1_pcode or row.admin1
            distinct = {r.admin1_pcode or r.admin1 for r, _ in hit.candidates}
            capital = any(r.feature == "admin1" and scoring.region(r) == region for r, _ in hit.candidates)
            if region and (row.feature in _ADMIN or len(distinct) == 1 or capital):
                regions.append((hit.start, region))
        return regions

    def _resolve(self, hits: list[_Hit], context: list[tuple[int, str]]) -> None:
        regions: dict[str, list[int]] = {}
        for position, region in sorted(context):
            regions.setdefault(region, []).append(position)
        for hit in hits:
            if hit.scores is None:
                hit.scores = self._scores(hit)
            # the regions named close by (then anywhere in the text) vouch for the namesake in them; a name
            # whose namesakes all lie in one region, or in none the text names, keeps its best namesake
            best = hit.top
            if len(hit.regions) > 1 and not hit.regions.isdisjoint(regions):
                best = self._nearest(hit, regions)
            assert best is not None
            hit.best = (hit.spelled[best.id], best)

    def _districts_named(self, hits: list[_Hit]) -> None:
        """A district named with its word holds what is said to lie in it, as a governorate does ("a compound
        east of Taraka in Sabari district": Khost's, not Ghor's Tulak): its province joins the regions the text
        names, when all its namesakes lie in one."""
        named = []
        for hit in hits:
            if hit.right is not None and hit.right.name == "district":
                provinces = {scoring.region(r) for r, _ in hit.candidates if r.feature == "admin2"}
                if len(provinces) == 1 and None not in provinces:
                    named.append((hit.start, str(provinces.pop())))
        if named:
            self._regions = sorted(set(self._regions).union(named))

    def _in_the_region_named(self, hits: list[_Hit]) -> None:
        """A village whose namesakes all lie outside the governorate said to hold it, as lists of strike locations
        write it ("Al Tabani village, western Deir Ezzor governorate"), is the place of that governorate spelled
        closest to it, when one is close enough: Deir ez-Zor's At Tibni, not al-Hasakah's Thabanah, whose key
        alone matched."""
        if not self._regions:
            return
        for hit in hits:
            if hit.best is None or hit.quarter or hit.best[1].feature != "village":
                continue
            found_after = self._first_region_after(hit.end)
            if found_after is None:
                continue
            position, region = found_after
            # "Terrorists Shell Aleppo", "Ashrafieh in Aleppo city": no village said to lie there; "X, Raqqa and
            # Hama": a list of places, none holding another
            if not _LISTED_AS_HELD.fullmatch(self.text, hit.end, position) or region in hit.regions:
                continue
            if self._listed_from(position):
                continue
            found = self._spelled_in_region(hit, region)
            if found is not None:
                self._take_spelled(hit, found)

    def _spelled_in_region(
        self, hit: _Hit, region: str, need: float = fuzzy.IN_REGION_OVER_KEY
    ) -> _Spelled | None:
        """The place of ``region`` spelled closest to the name, when close enough (``need``, 0-100) to displace
        the namesakes its key matched elsewhere: its spelling (0-1), key, that key's places, and the most
        important of them in the region."""
        layer = self.layers[-1]
        if self.country is None or len(layer.names) > fuzzy.MAX_LAYER_KEYS:
            return None
        index = self.gaz.fuzzy_index(layer)
        key = self._run_key(hit.first, hit.last)
        found = fuzzy.in_region(layer, index, key, self.text[hit.start : hit.end], region)
        if found is None or found[0] < need:
            return None
        candidates = self._key_places(layer, found[1])
        held = [row for row, _ in candidates if scoring.region(row) == region]
        if not held:
            return None
        if need >= fuzzy.IN_REGION_OVER_CONFLICT and not fuzzy.last_words_alike(
            self.text[hit.start : hit.end], [name for _, name in candidates], need
        ):
            return None  # "Abu Dorra" is no Abu Dhour: a shared first word makes two names look alike
        return found[0] / 100, found[1], candidates, max(held, key=lambda r: (scoring.importance(r), -r.id))

    def _take_spelled(self, hit: _Hit, found: _Spelled) -> None:
        """Read the name as the place ``_spelled_in_region`` found, its key's places its namesakes."""
        score, key, candidates, best = found
        self._take_key(hit, self.layers[-1], key, candidates)
        hit.scores = None
        hit.spelled = {row.id: score for row, _ in candidates}
        hit.best = (score, best)

    def _beside_each_other(self, hits: list[_Hit]) -> None:
        """Two villages named together ("Kafrayya and al-Fou'aa", "Nubl and al-Zahraa", "besieging al-Tabaqa
        area… take Safsafa area") are neighbours more often than not: a village whose namesakes lie in several
        places is read as the one within 25 km of the village or town named next to it in the same stretch of a
        sentence, when the other's reading has one namesake only or is a town of its own. Cities vouch for
        nothing ("the countryside of Idlib and Qaboun neighborhood" names two governorates)."""
        for before, after in itertools.pairwise(hits):
            for hit, other in ((before, after), (after, before)):
                if hit.best is None or other.best is None or len(hit.candidates) < 2:
                    continue  # most names: one namesake, nothing to choose
                row, anchor = hit.best[1], other.best[1]
                if (
                    row.feature not in _VILLAGES
                    or anchor.feature not in _VILLAGES
                    or row.population >= _OWN_TOWN
                ):
                    continue
                if len({r.id for r, _ in other.candidates}) > 1 and anchor.population < _OWN_TOWN:
                    continue  # the other is a namesake's reading too: it vouches for nothing
                if _within(row, anchor, cues.NEAR_KM):
                    continue  # neighbours already
                if not self._one_stretch(before.end, after.start):
                    continue  # another sentence, line or headline: no telling they are neighbours
                near = [
                    r
                    for r, _ in hit.candidates
                    if r.feature in _VILLAGES and _within(r, anchor, cues.NEAR_KM)
                ]
                if near:
                    best = max(near, key=lambda r: (hit.spelled.get(r.id, 0.0), scoring.importance(r), -r.id))
                    hit.best = (hit.spelled.get(best.id, hit.best[0]), best)

    def _one_stretch(self, end: int, start: int) -> bool:
        """Whether two names stand within one stretch of a sentence: no line, sentence or ";" break between them,
        and at most a clause apart."""
        between = self.text[end:start]
        return len(between) <= _STRETCH and "\n" not in between and ". " not in between and ";" not in between

    def _nearest(self, hit: _Hit, regions: dict[str, list[int]]) -> Row:
        """The best namesake once the regions named around the name add to the scores of the namesakes in them
        (the others' are unchanged, as scores are rounded already). A name's namesakes lie in few regions: what
        each adds is worked out once."""
        bonus = {
            region: scoring.near_bonus(region, hit.start, regions, self.text)
            for region in hit.regions
            if region in regions
        }
        assert hit.scores is not None
        return max(
            (round(score + bonus[region], 6) if (region := scoring.region(row)) in bonus else score, rid, row)
            for score, rid, row in hit.scores
        )[2]

    def _scores(self, hit: _Hit) -> list[tuple[float, int, Row]]:
        """Each namesake's score before the regions named around it (the best scored: ``hit.top``): spelling
        first (a namesake spelled exactly beats one spelled nearly), then the kind of place the cue asks for,
        and size; a village known only by its subdistrict yields to one with a point of its own."""
        left, right = self._cue_names(hit)
        feature_cue = right or left
        if any(c is not None and c.direction is not None for c in (hit.left, hit.right)):
            feature_cue = f"directed {feature_cue}"
        # reports name the same places in the same words again and again ("in Aleppo"): scored once
        question = (
            self.text[hit.start : hit.end],
            feature_cue,
            self.country,
            tuple([r.id for r, _ in hit.candidates]),
        )
        known = self.gaz.scores.get(question)
        if known is not None:
            scored, hit.spelled, hit.regions, hit.top = known
            return scored
        hit.spelled, ranked, exact = self._spelled(hit)
        # the city whose own name the text writes, over a city that only has it among its other names (GeoNames
        # keeps a city's names in every language and age): Islamabad, not Chattogram, once also called so
        letters = _letters(self.text[hit.start : hit.end])
        own = {
            row.id
            for row, _ in hit.candidates
            if row.feature == "city" and row.id in exact and _letters(row.name) == letters
        }
        scored = []
        for row, _ in hit.candidates:
            score = 2 * ranked[row.id] + scoring.fit(feature_cue, row.feature)
            score += _EXACT if row.id in exact else 0.0
            score += _OWN_NAME if row.id in own else 0.0
            score += scoring.importance(row) / 4 + (0.1 if row.country == self.country else 0.0)
            score -= 0.1 if row.approx else 0.0
            scored.append((round(score, 6), -row.id, row))
        if len(self.gaz.scores) >= _MAX_SCORES:
            self.gaz.scores.clear()
        hit.regions = frozenset(scoring.region(row) for row, _ in hit.candidates)
        hit.top = max(scored)[2]
        self.gaz.scores[question] = (scored, hit.spelled, hit.regions, hit.top)
        return scored

    def _spelled(self, hit: _Hit) -> tuple[dict[int, float], dict[int, float], set[int]]:
        """How closely each namesake's best name is spelled like the text's words (0-1: the spelling the gates
        of ``_mention`` ask for), the same on the form namesakes are ranked on (``fuzzy.namesake_spelling``),
        and the namesakes with a name written letter for letter as the text writes it: two spellings the
        scoring form makes equal ("Badia" / "Badi") are told apart by that."""
        raw = self.text[hit.start : hit.end]
        words, ranking, letters = fuzzy.spelling(raw), fuzzy.namesake_spelling(raw), _letters(raw)
        spelled: dict[int, float] = {}
        ranked: dict[int, float] = {}
        exact: set[int] = set()
        for row, name in hit.candidates:
            ratio = fuzz.ratio(words, fuzzy.spelling(name)) / 100
            spelled[row.id] = max(spelled.get(row.id, 0.0), ratio)
            ratio = fuzz.ratio(ranking, fuzzy.namesake_spelling(name)) / 100
            ranked[row.id] = max(ranked.get(row.id, 0.0), ratio)
            if _letters(name) == letters:
                exact.add(row.id)
        return spelled, ranked, exact

    def _build(self, hits: list[_Hit]) -> list[PlaceMention]:
        mentions: list[PlaceMention] = []
        conflicted: set[str] = set()
        respelled: dict[str, _Spelled] = {}
        index = 0
        while index < len(hits):
            hit = hits[index]
            following = hits[index + 1] if index + 1 < len(hits) else None
            spread = self._spread(hits, index)
            if spread is not None:
                mentions.append(spread[0])
                index = spread[1]
                continue
            pair = self._pair(hit, following) if following else None
            if pair is not None:
                mentions.append(pair)
                index += 2
                continue
            self._settle_conflict(hit, following, conflicted, respelled)
            mention = None if hit.keys & conflicted else self._mention(hit)
            if mention is not None:
                mentions.append(mention)
            index += 1
        return mentions

    def _settle_conflict(
        self, hit: _Hit, following: _Hit | None, conflicted: set[str], respelled: dict[str, _Spelled]
    ) -> None:
        """A name the text places in a province its best namesake does not lie in is its namesake there, for a
        small place ("Hazzeh in Rif Dimashq": Hezzeh), else that province's place spelled like it, if one is
        ("Musherfa, Raqqa governorate": Raqqa's Al Mushayrfah, not Aleppo's Shurfah), else unresolved; and so
        wherever the text names it again (``respelled``, ``conflicted``: keys)."""
        again = hit.keys & respelled.keys()
        if again:
            self._take_spelled(hit, respelled[min(again)])
            return
        region = self._conflicting_region(hit, following)
        if region is None:
            return
        assert hit.best is not None
        # "Hazzeh in Rif Dimashq": its namesake there (Hezzeh), though Homs's Hazzeh is spelled closer
        found = self._in_region(hit, region, _small(hit.best[1]))
        if found is not None:
            respelled.update(dict.fromkeys(hit.keys, found))
            self._take_spelled(hit, found)
            return
        self._record_conflict(hit, hit.best[1])
        conflicted |= hit.keys

    def _record(self, hit: _Hit, reason: str, nearest: str | None) -> None:
        """Keep the name unresolved, with why and the closest gazetteer name considered."""
        self.unresolved.append(Unresolved(Span.of(self.text, hit.start, hit.end), reason, nearest))

    def _record_conflict(self, hit: _Hit, row: Row) -> None:
        """Keep the name unresolved: its only namesakes (``row`` the best) lie outside the region named."""
        self._record(hit, unresolved.CONFLICT, f"{row.name} ({row.admin1})")

    def _conflicting_region(self, hit: _Hit, following: _Hit | None) -> str | None:
        """The province the text says holds the name, where none of its namesakes lies ("Jaghatu district,
        Wardak province" when the gazetteer knows Jaghatu only in Ghazni: the namesake elsewhere is not it, and
        the province still locates the event); None when there is no such conflict."""
        if following is None or hit.best is None or following.best is None:
            return None
        row, region = hit.best[1], following.best[1]
        if (
            region.feature != "admin1"
            or row.feature in ("admin1", "country")
            or row.country != region.country
        ):
            return None
        end = hit.right.end if hit.right is not None and hit.right.name else hit.end
        if not _CONTAINED.match(self.text[end : following.start]) or self._listed_from(following.start):
            return None
        if any(r.feature == "admin1" for r, _ in hit.candidates):
            return None  # "Operations in Kandahar, Zabul": a name that names a province too begins a list of them
        held_by = scoring.region(region)
        if held_by is None or self._lies_in(row, held_by) or not scoring.region(row):
            return None
        return held_by

    def _mention(self, hit: _Hit) -> PlaceMention | None:
        assert hit.best is not None
        spelled, row = hit.best
        left, right = self._cue_names(hit)
        cue_name = (
            left if left in ("distance", "outskirts", "near", "between", "direction") else (right or left)
        )
        after = self._region_right_after(hit)
        beside = after is not None and after == scoring.region(row)  # "Maizeela, Deir Ezzor governorate"
        # read against the world's cities (no country known), a name must be spelled closer: its key alone
        # makes "News" Neuss, "Fort" Furth and "Port" Perth, where no country's variants are in play
        far = _FAR_IN_THE_WORLD if self.country is None else 0.6
        holding = self._holding_region(hit)
        if spelled < far or (spelled < 0.75 and cue_name is None and not beside):
            if cue_name is not None or (holding is not None and self.text[hit.start].isascii()):
                # (a name the text says a governorate holds is a place: "Tayba in the countryside of Daraa"; an
                # Arabic word before the Latin name of a list of strike locations, "تل", is part of that name)
                self._record(hit, unresolved.FAR_SPELLING, row.name)
            return None
        if self._article_abroad(hit, row.country):
            self._record(hit, unresolved.NOT_FOUND, row.name)
            return None
        if self.country is None and spelled < 1.0 and not self._like_own_name(hit, row, far):
            # against the world's cities a near miss must be near the city's own name, not only one of the
            # hundred forms GeoNames lists in other languages: "Tafas" is no Ta'if through its form "Taifas"
            self._record(hit, unresolved.FAR_SPELLING, row.name)
            return None
        if (
            self.country is None
            and row.feature in _POPULATED
            and any(" " in k for k in hit.keys)
            and not self._like_own_name(hit, row, _TRANSLATED)
        ):
            # ... and a name of several words spelled nothing like it is a translation GeoNames lists, not a
            # name reports use: "the White House said" is no Casablanca
            self._record(hit, unresolved.NOT_FOUND, row.name)
            return None
        if (
            not hit.quarter
            and row.feature == "village"
            and (
                self._names_a_quarter(hit, _NO_VILLAGE_BEFORE)
                or (holding is None and self._names_a_quarter(hit, _CITY_DISTRICT))
            )
        ):
            # "al-Sakhour neighborhood" with no city named: a quarter of some city, which no village elsewhere
            # that shares its name is (Sikhur of al-Hasakah is not Aleppo's Sakhour); reports call towns near a
            # city its neighbourhoods too ("Kafr Batna neighborhood", "Marea neighborhood"): a town stays. So for
            # a land form: "Al-Shamiyyah Mountains" in the Homs desert are not a Raqqa village, while "the
            # Zabadani Mountains" are the town's; and for a city's district (see _CITY_DISTRICT)
            self._record(hit, unresolved.NOT_THIS_PLACE, row.name)
            return None
        if holding is not None and not hit.quarter and _small(row) and not self._lies_in(row, holding):
            found = self._in_region(hit, holding, small=True)
            if found is None:
                # "Samra village, near Tabaqa, Raqqa governorate": no Samra of Raqqa is known, nor one spelled
                # like it, and the one in Hama is not it
                self._record_conflict(hit, row)
                return None
            self._take_spelled(hit, found)
            spelled, row = hit.best
        named_right = hit.right if hit.right is not None and hit.right.name else None
        precision_cue = (
            hit.left if left in ("distance", "outskirts", "near", "direction") else (named_right or hit.left)
        )
        layer = self.rows[row.id][1]
        town = None
        rural = self._countryside_governorate(hit, row, cue_name, layer)
        if rural is not None:
            row, town = rural  # at the town, as "the countryside of Daraa" is
        sector = self._sector(hit, row, precision_cue, layer)
        if sector is not None:
            town = town or self._capital_point(hit, sector, precision_cue)
            row, precision_cue = sector, cues.no_cue(hit.end)
        span = Span.of(self.text, hit.start, hit.end)
        place = self.gaz.place(row, span, precision_cue or cues.no_cue(hit.end), layer)
        if town is not None:
            place = replace(place, latitude=town.lat, longitude=town.lon)
        if hit.quarter:
            name = f"{span.text}, {place.name}"
            place = replace(
                place, name=name, feature="neighbourhood", pcode=None, geonameid=None, source="derived"
            )
        return PlaceMention(span, place, cue_name, round(min(1.0, spelled), 3))

    def _like_own_name(self, hit: _Hit, row: Row, need: float) -> bool:
        """Whether the name is spelled at least ``need`` (0-1) like the place's own name."""
        words = fuzzy.spelling(self.text[hit.start : hit.end])
        return fuzz.ratio(words, fuzzy.spelling(row.name)) >= need * 100

    def _in_region(self, hit: _Hit, region: str, small: bool) -> _Spelled | None:
        """The place of ``region``, which the text says holds the name, that the name stands for: for a small
        place, its best namesake there ("Al Safsafa near Tahtani, Raqqa governorate": Raqqa's Sefsafa, not
        Tartus's As Safsafah), else the place of the region spelled like it under another key ("Al Safsaf village,
        near Tabaqa, Raqqa governorate": Sefsafa too); None when there is neither."""
        held = self._held_namesake(hit, region) if small else None
        if held is not None:
            return hit.spelled.get(held.id, 0.0), min(hit.keys), hit.candidates, held
        return self._spelled_in_region(hit, region, fuzzy.IN_REGION_OVER_CONFLICT)

    def _held_namesake(self, hit: _Hit, region: str) -> Row | None:
        """The best-scored settlement among the namesakes that lies in the governorate the text says holds the
        name, spelled close enough for a name its governorate follows; None when there is none."""
        held = [
            (score, rid, r)
            for score, rid, r in hit.scores or []
            if self._lies_in(r, region)
            and r.feature in _POPULATED
            and hit.spelled.get(r.id, 0.0) >= _HELD_SPELLING
        ]
        return max(held)[2] if held else None

    def _sector(self, hit: _Hit, row: Row, cue: cues.Cue | None, layer: Layer) -> Row | None:
        """The part of a governorate a direction names: "the eastern countryside of Deir Ezzor", "Hama's
        north-eastern countryside" (the capital stands for its governorate there, as UCDP codes "Northeastern
        Hamah Governorate")."""
        around = [c for c in (hit.left, hit.right, cue) if c is not None]
        direction = None
        for c in around:
            if c.direction is not None:
                direction = c.direction
                break
        # "the eastern countryside of X", "X's northern countryside", "the western Hama countryside"; a bare
        # "north of Aleppo" stays near the city
        if direction is not None and row.feature == "country":
            # "northern Syria": the region a source placed under that name (UCDP's "Northern Syria"), if any
            return self._named_part(row.name, row.country, int(direction))
        if direction is not None and row.feature not in _POPULATED and row.feature not in _ADMIN:
            return self._region_part(hit, row, int(direction))
        if direction is None or not {c.name for c in around} & _DIRECTED or not row.admin1_pcode:
            return None
        capital = row.feature in _POPULATED and any(
            r.feature == "admin1" and r.admin1_pcode == row.admin1_pcode for r, _ in hit.candidates
        )
        if row.feature != "admin1" and not capital:
            return None
        return layer.sectors.get((row.admin1_pcode, int(direction)))

    def _countryside_governorate(
        self, hit: _Hit, row: Row, cue_name: str | None, layer: Layer
    ) -> tuple[Row, Row | None] | None:
        """The governorate that is a town's countryside, where the text names it so ("rural Damascus", "the
        southern countryside of Damascus", "Damascus countryside": Rif Dimashq, not the city's governorate), with
        that town, where such places are coded, as "the countryside of Daraa" is; None for any other name."""
        if row.feature not in ("city", "admin1") or not layer.countryside:
            return None
        if row.feature == "admin1" and _COUNTRYSIDE_WORDS.search(self.text, hit.start, hit.end):
            # the governorate named by its town's countryside in one name ("Damascus countryside")
            for rural, town in layer.countryside.values():
                if rural.id == row.id:
                    return rural, town
        found = layer.countryside.get(scoring.region(row) or "")
        if found is None or cue_name != "countryside":
            return None  # "the Damascus outskirts" are the city's
        rural, town = found
        self.rows.setdefault(rural.id, (rural, layer))
        return rural, row if row.feature == "city" else town

    @staticmethod
    def _capital_point(hit: _Hit, sector: Row, cue: cues.Cue | None) -> Row | None:
        """The town whose countryside a direction names ("the eastern countryside of Deir Ezzor"), where the
        governorate's part is coded: ACLED codes a region to its provincial capital (geo_precision 3), and UCDP
        codes such headlines at the capital town more often than at the part. None for a desert ("the eastern
        desert of Homs" lies 150 km from the town) and for a governorate no town is named after (Rif Dimashq)."""
        if "countryside" not in {c.name for c in (hit.left, hit.right, cue) if c is not None}:
            return None
        towns = [
            r
            for r, _ in hit.candidates
            if r.feature in _POPULATED and r.admin1_pcode == sector.admin1_pcode and r.lat is not None
        ]
        return max(towns, key=lambda r: r.population) if towns else None

    def _region_part(self, hit: _Hit, region: Row, bearing: int) -> Row | None:
        """ "clashes in eastern Qalamoun": the part of a region a source names so (UCDP's "Eastern Qalamoun"), when
        a direction adjective stands right before the name; never a town named like one ("its eastern Badia" is
        not the village Eastern Baydah)."""
        if not _ADJECTIVE_BEFORE.search(self.text, max(0, hit.start - 12), hit.start):
            return None
        part = self._named_part(self.text[hit.start : hit.end], region.country, bearing)
        return part if part is not None and part.feature not in _POPULATED else None

    def _named_part(self, whole: str, country: str | None, bearing: int) -> Row | None:
        """The place of ``country`` a source names "<Northern|Eastern|...> <whole>", if any."""
        word = _BEARING_WORDS.get(bearing)
        key = name_key(f"{word} {whole}") if word else ""
        for layer in self.layers:
            for place_id, _ in layer.names.get(key, ()):
                if layer.rows[place_id].country == country:
                    self.rows.setdefault(place_id, (layer.rows[place_id], layer))
                    return layer.rows[place_id]
        return None

    def _pair(self, first: _Hit, second: _Hit) -> PlaceMention | None:
        """ "between X and Y", "the X-Y road" and "combing from X to Y": one mention for both names, at their
        midpoint, an area (UCDP where_prec 5) unless the two lie within ~25 km of each other."""
        road_end = cues.road_between(self.text, first.end, second.start, second.end)
        between = (
            first.left
            and first.left.name == "between"
            and cues.joined_by_and(self.text, first.end, second.start)
        )
        spread = cues.from_to(self.text, first.start, first.end, second.start)
        if road_end is None and not between and not spread:
            return None
        recorded = len(self.unresolved)
        one, two = self._mention(first), self._mention(second)
        if one is None or two is None:
            del self.unresolved[recorded:]  # each is read again on its own, and recorded then
            return None
        end = road_end or second.end
        span = Span.of(self.text, first.start, end)
        a, b = one.place, two.place
        on_road = road_end is not None or bool(
            _ROAD_BEFORE.search(self.text[max(0, first.start - 40) : first.start])
        )
        name = f"{a.name}–{b.name} road" if on_road else f"between {a.name} and {b.name}"
        feature = "road" if on_road else "between"
        if spread and not on_road:
            name, feature = f"from {a.name} to {b.name}", "area"
        return _joined([one], two, span, name, feature)

    def _spread(self, hits: list[_Hit], index: int) -> tuple[PlaceMention, int] | None:
        """ "combing the area from Kabajeb and Al-Shawla in the west of Deir Ezzor to Al-Sukhnah": one area from
        the names after "from" (joined by "and" or commas, and perhaps said to lie in a place named after them)
        to the name after "to", and the index of the hit after it; None for anything else ("from X to Y" alone
        is ``_pair``'s)."""
        if not cues.spreads_from(self.text, hits[index].start):
            return None
        last = index  # the last name the area runs from
        while last + 1 < len(hits) and cues.coordinated(self.text, hits[last].end, hits[last + 1].start):
            last += 1
        end, to = hits[last].end, last + 1
        if to < len(hits) and cues.lying_in(self.text, end, hits[to].start):
            held = hits[to]  # "in the west of Deir Ezzor", "in Deir Ezzor countryside"
            end = held.right.end if held.right is not None and held.right.name else held.end
            to += 1
        if to == index + 1 or to >= len(hits) or not cues.runs_to(self.text, end, hits[to].start):
            return None
        recorded = len(self.unresolved)
        origins = [self._mention(h) for h in hits[index : last + 1]]
        destination = self._mention(hits[to])
        if destination is None or any(m is None for m in origins):
            del self.unresolved[recorded:]  # each is read again on its own, and recorded then
            return None
        starts = [m for m in origins if m is not None]
        span = Span.of(self.text, hits[index].start, hits[to].end)
        name = f"from {' and '.join(m.place.name for m in starts)} to {destination.place.name}"
        return _joined(starts, destination, span, name, "area"), to + 1


def _joined(
    origins: list[PlaceMention], other: PlaceMention, span: Span, name: str, feature: str
) -> PlaceMention:
    """One mention for places named together (the ends of a road, "between X and Y", an area "from X to Y"), at
    the midpoint of where ``origins`` lie (their mean) and ``other``, with the admin regions they share: an
    area (UCDP where_prec 5) unless all lie within ~25 km of each other."""
    places = [m.place for m in origins]
    first, last = places[0], other.place

    def shared(field: str) -> str | None:
        values = {getattr(p, field) for p in [*places, last]}
        return values.pop() if len(values) == 1 else None

    lats = [p.latitude for p in places if p.latitude is not None]
    lons = [p.longitude for p in places if p.longitude is not None]
    place = replace(
        first,
        name=name,
        feature=feature,
        span=span,
        pcode=None,
        geonameid=None,
        source="derived",
        latitude=scoring.mid(sum(lats) / len(lats) if lats else None, last.latitude),
        longitude=scoring.mid(sum(lons) / len(lons) if lons else None, last.longitude),
        admin1=shared("admin1"),
        admin1_pcode=shared("admin1_pcode"),
        admin2=shared("admin2"),
        admin2_pcode=shared("admin2_pcode"),
    )
    together = [*places, last]
    close = all(scoring.close(a, b) for a, b in itertools.combinations(together, 2))
    place = replace(place, geo_precision=2 if close else 3, where_prec=2 if close else 5)
    score = round(min(m.score for m in [*origins, other]), 3)
    return PlaceMention(span, place, feature, score)


def _one_script(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A name written in Arabic and then in Latin letters right after it ("تل أبيض Tal Abyad Street", Airwars'
    style) is one name: the Latin reading, which has the words around it to go by, stands for both."""
    if text.isascii() or not _ARABIC.search(text):  # isascii() reads a flag: no scan of most texts
        return mentions
    kept: list[PlaceMention] = []
    for mention, following in itertools.zip_longest(mentions, mentions[1:]):
        arabic = _ARABIC.search(mention.span.text) is not None
        if (
            arabic
            and following is not None
            and not _ARABIC.search(following.span.text)
            and _BETWEEN_SCRIPTS.fullmatch(text[mention.span.end : following.span.start])
        ):
            continue
        named_next = following is not None and following.span.start == mention.span.end + 1
        if (
            arabic
            and not named_next
            and _ARABIC_GOES_ON.match(text, mention.span.end)
            and _glossed(text, mention)
        ):
            continue  # only the first word of a longer Arabic name
        kept.append(mention)
    return kept


def _glossed(text: str, mention: PlaceMention) -> bool:
    """Whether the Arabic name stands in a line written in Latin letters (Airwars' "كسرة جمعة Kasrat Juma'a
    village"), where an Arabic name is glossed word for word; in Arabic prose the next word is as often the
    sentence's ("الرقة وريفها")."""
    start = text.rfind("\n", 0, mention.span.start) + 1
    end = text.find("\n", mention.span.end)
    line = text[start : end if end >= 0 else len(text)]
    return len(_LATIN_LETTER.findall(line)) > len(_ARABIC.findall(line))


def _small(row: Row) -> bool:
    """A village or town, no city: the governorate said to hold it may pick its namesake there."""
    return row.feature in _POPULATED and row.feature != "city" and row.population < 50_000


def _within(row: Row, town: Row, km: float) -> bool:
    if row.lat is None or row.lon is None or town.lat is None or town.lon is None:
        return False
    return distance_km(row.lat, row.lon, town.lat, town.lon) <= km


_MAX_SCORES = 50_000  # namesake scores remembered across readings (see Reader._scores)
_HELD_SPELLING = (
    fuzzy.IN_REGION / 100
)  # how closely a namesake in the governorate said to hold a name is spelled
# (words, keys found, layers) -> how closely the best-spelled namesake is written (see Reader._select)
_BEST_SPELLED: dict[tuple[str, frozenset[str], tuple[str, ...]], float] = {}
_EXACT = 0.05  # a name written exactly as the text writes it, over one only the scoring form equals
_OWN_NAME = 0.05  # ... and that name a city's own, over one of its other names


def _spans_of(first: int, last: int) -> Iterator[tuple[int, int]]:
    """The spans of up to ``fuzzy.MAX_WORDS`` words of a run, longest first, then left to right."""
    for size in range(min(fuzzy.MAX_WORDS, last - first + 1), 0, -1):
        for start in range(first, last - size + 2):
            yield start, start + size - 1


@functools.lru_cache(maxsize=50_000)
def _letters(name: str) -> str:
    """A name's letters without articles, spaces or marks: "Deir ez-Zor" and "Deir Ezzor" differ only in
    what the scoring form already ignores."""
    return light_key(name).replace(" ", "")
