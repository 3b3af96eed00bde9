"""Close spellings that no key unifies: "Hamra Blassem" for OCHA's "Hamrat Balasim", "Qasr al-Bureij" for
"Qasr Elbreij", "Granij" for "Gharanij".

Keys (``normalise.name_key``) fold the letters transliterations swap; they cannot fold letters one source
writes and another leaves out (vowels, the construct-state -t of "Hamrat"). Names of capitalised words that no
key matched, or matched only in pieces, are looked up by their *skeleton* (the key without vowels and without a
final construct -t) and scored with rapidfuzz against every name sharing it. The search is limited to the
country in play, so that a village of Syria never borrows a namesake from Yemen; a name with a locative cue
("the village of X", "X village") that shares no skeleton is compared with every name of the region the text
names (or of the country), at a stricter score.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from marsad.gazetteer.layers import Layer
from marsad.gazetteer.normalise import _DIGRAPH_MAP, _DIGRAPHS, ARTICLES, light_key

# Scores (0-100) a close spelling needs: one word is easier to mistake than two.
ONE_WORD = 88.0
SEVERAL_WORDS = 80.0
# A close spelling below this whose places all lie outside the governorates the text names is left unread
# (``reader.Reader._spelled_like_elsewhere``)
CLOSE_ELSEWHERE = 0.90
SCAN = 90.0  # a name compared with a whole region's names (no shared skeleton) must be closer still
MAX_WORDS = 4
MAX_RUN = 12
# Countries with this many names (the United States, Russia, India) are read exactly: indexing them for close
# spellings costs seconds, and marsad's reports name their places only in passing.
MAX_LAYER_KEYS = 60_000
MAX_ANSWERS = 50_000
MIN_KEY = 4
MIN_SCAN_KEY = 5  # a key this short is not compared with a whole region's names  # keys shorter than this ("bab", "tal") are too common to guess at
_SETTLEMENT_BEFORE = re.compile(r"\b(?:village|town|city|hamlet|camp)s?\s+of\s+(?:the\s+)?$", re.I)
_SETTLEMENT_AFTER = re.compile(r"^\s+(?:village|town|city)\b", re.I)
_MIN_SKELETON = 3  # shorter skeletons ("jd", "kr") match too many names to mean anything
_CONSTRUCT_T = re.compile(r"at$")
# Only the -a/-ah/-e/-eh of a feminine ending (Tabaqah/Tabaqa, Salamieh/Salamiya) is noise; a final -u, -i
# or -o tells names apart (Hama/Hamu, Bala/Balo, Dara/Dari).
_ENDING = re.compile(r"[ae]h?$")
_DOUBLE = re.compile(r"(.)\1+")
# "ay" before a consonant or at the end is the diphthong others write "ai" (Sayda / Saida, Zaydiyah / Zaidiya)
_AY = re.compile(r"ay(?![aeiou])")


def skeleton(key: str) -> str:
    """The consonants of a key: ``skeleton("hamrat balasam") == skeleton("hamra blasam") == "hmr blsm"``."""
    parts = []
    for token in key.split():
        token = _CONSTRUCT_T.sub("a", token) if len(token) > 3 else token
        parts.append(token.replace("a", ""))
    return " ".join(p for p in parts if p)


@lru_cache(maxsize=200_000)
def spelling(name: str) -> str:
    """The form two spellings are scored on: ``light_key`` without doubled letters or a final -h / vowel
    (Tabaqah / Tabaqa, Harmushiyeh / Harmushiya), and with the letter groups schemes spell differently
    folded (Gharanij / Granij), which transliterations add, drop or swap at will.
    """
    words = (_DIGRAPHS.sub(lambda m: _DIGRAPH_MAP[m.group()], w) for w in light_key(name).split())
    return " ".join(_ENDING.sub("", _DOUBLE.sub(r"\1", w)) or w for w in words)


@lru_cache(maxsize=200_000)
def namesake_spelling(name: str) -> str:
    """The form namesakes sharing a key are ranked on: :func:`spelling` with "ay" before a consonant written
    "ai", so that "Saida" is spelled no closer to a Saideh (whose ending the form drops) than to a Sayda.
    Only for ranking: how close a spelling must be to be read at all is asked of :func:`spelling`."""
    return _AY.sub("ai", spelling(name))


@dataclass
class FuzzyIndex:
    """A layer's keys by skeleton and by governorate, built once per layer when first needed."""

    by_skeleton: dict[str, tuple[str, ...]]
    by_region: dict[str, tuple[str, ...]]
    every: tuple[str, ...]
    # close_match answers by their question: reports repeat their capitalised words ("Ministry", "Council")
    # from one document to the next, and each look-up scores many names
    answers: dict[tuple[str, str, str | None, bool], tuple[float, str] | None] = field(default_factory=dict)
    region_sets: dict[str, frozenset[str]] = field(default_factory=dict)

    def region_keys(self, region: str) -> frozenset[str]:
        """The keys of one governorate's names, as a set (built on first use)."""
        if region not in self.region_sets:
            self.region_sets[region] = frozenset(self.by_region.get(region, ()))
        return self.region_sets[region]

    def match(
        self, layer: Layer, key: str, words: str, region: str | None, scan: bool
    ) -> tuple[float, str] | None:
        """:func:`close_match` for this index, remembered (up to ``MAX_ANSWERS`` questions)."""
        question = (key, words, region, scan)
        if question in self.answers:
            return self.answers[question]
        if len(self.answers) >= MAX_ANSWERS:
            self.answers.clear()
        found = self.answers[question] = close_match(layer, self, key, words, region, scan)
        return found

    @classmethod
    def of(cls, layer: Layer) -> FuzzyIndex:
        return cls(*index_parts(layer))


IndexParts = tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], tuple[str, ...]]


def index_parts(layer: Layer) -> IndexParts:
    """A layer's keys by skeleton, by governorate, and all of them sorted: what :class:`FuzzyIndex` holds (the
    build stores them with each layer, see ``layers.write_layer_data``)."""
    skeletons: dict[str, list[str]] = defaultdict(list)
    regions: dict[str, set[str]] = defaultdict(set)
    for key, places in layer.names.items():
        bones = skeleton(key)
        if len(bones.replace(" ", "")) >= _MIN_SKELETON:
            skeletons[bones].append(key)
        for place_id, _ in places:
            row = layer.rows[place_id]
            region = row.admin1_pcode or row.admin1
            if region:
                regions[region].add(key)
    return (
        {k: tuple(v) for k, v in skeletons.items()},
        {k: tuple(sorted(v)) for k, v in regions.items()},
        tuple(sorted(layer.names)),
    )


def best_name(layer: Layer, keys: tuple[str, ...] | list[str], words: str) -> tuple[float, str] | None:
    """(score, key) of the name under ``keys`` spelled closest to ``words``."""
    target = spelling(words)
    best: tuple[float, str] | None = None
    for key in keys:
        for _, name in layer.names[key]:
            score = fuzz.ratio(target, spelling(name))
            if best is None or score > best[0]:
                best = (score, key)
    return best


# A name whose governorate follows it ("Daranj, Eastern Deir Ezzor governorate") may be spelled this far from
# the gazetteer's spelling ("Darnaj") when both share their consonants and the village lies in that governorate.
IN_REGION = 65.0
# ... and this close to displace a namesake outside that governorate that the name's key matched exactly ("Al
# Tabani village, western Deir Ezzor governorate": At Tibni, not al-Hasakah's Thabanah; "al Batani, Raqqa
# governorate", a quarter of Raqqa, is no Abatin at 67)
IN_REGION_OVER_KEY = 80.0
# ... and this close when the text says the region holds the name but none of its key's places lies there
# ("Musherfa, Raqqa governorate": Raqqa's Al Mushayrfah, not Aleppo's Shurfah), where such a name is as often a
# word that is no place ("Khaled bin Waled school, Raqqa city" is no Khaldiya, at 80)
IN_REGION_OVER_CONFLICT = 90.0


def in_region(layer: Layer, index: FuzzyIndex, key: str, words: str, region: str) -> tuple[float, str] | None:
    """The name of ``region`` sharing ``key``'s skeleton spelled closest to ``words``, when close enough."""
    keys = [k for k in index.by_skeleton.get(skeleton(key), ()) if k in index.region_keys(region)]
    found = best_name(layer, keys, words) if keys else None
    return found if found is not None and found[0] >= IN_REGION else None


def last_words_alike(words: str, names: list[str], need: float) -> bool:
    """Whether the last word of ``words`` is spelled like the last word of one of ``names`` (0-100, at least
    ``need``): names that open with the same word ("Abu", "Tal", "Kafr") score high on the whole however their
    own word differs."""
    last = spelling(words.split()[-1]) if words.split() else ""
    return any(fuzz.ratio(last, spelling(name.split()[-1])) >= need for name in names if name.split())


def close_match(
    layer: Layer, index: FuzzyIndex, key: str, words: str, region: str | None, scan: bool
) -> tuple[float, str] | None:
    """The key of the name closest to ``words`` (whose key is ``key``) when close enough, with its 0-100 score.

    Names sharing the skeleton come first; with ``scan`` (a strong locative cue) the names of ``region`` (or
    of the whole layer) are compared too, at the stricter ``SCAN`` score.
    """
    need = ONE_WORD if " " not in key else SEVERAL_WORDS
    bones = skeleton(key)
    found = best_name(layer, index.by_skeleton.get(bones, ()), words) if bones else None
    if found is not None and found[0] >= need:
        return found
    if not scan or len(key) < MIN_SCAN_KEY:
        return None
    pool = index.by_region.get(region or "", index.every)
    hit = process.extractOne(key, pool, scorer=fuzz.ratio, score_cutoff=SCAN)
    if hit is None:
        return None
    rescored = best_name(layer, [hit[0]], words)
    return rescored if rescored is not None and rescored[0] >= need else None


def is_particle(folded: str) -> bool:
    """Words inside a name that never start or end one: articles and "bin" ("Qasr al-Bureij", "Tal bin Ali")."""
    return folded in ARTICLES or folded in _PARTICLES


_PARTICLES = frozenset({"bin", "ibn", "bint"})


def settlement_cue(text: str, start: int, end: int) -> bool:
    """Whether "the village of" stands before the words or "village"/"town"/"city" after them."""
    reach_before, reach_after = SETTLEMENT_REACH
    before, after = text[max(0, start - reach_before) : start], text[end : end + reach_after]
    if not any(word in before.lower() or word in after.lower() for word in SETTLEMENT_WORDS):
        return False  # most capitalised words stand beside no such word: the patterns need not run
    return bool(_SETTLEMENT_BEFORE.search(before)) or bool(_SETTLEMENT_AFTER.match(after))


SETTLEMENT_WORDS = ("village", "town", "city", "hamlet", "camp")
SETTLEMENT_REACH = (
    30,
    12,
)  # characters before and after a name where "the village of" or "village" may stand
