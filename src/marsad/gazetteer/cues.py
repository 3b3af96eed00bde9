"""The words around a place name that say how precisely it locates an event, and the codes that follow.

A cue is read from the few words before a name ("in", "the village of", "outskirts of", "12 km west of",
"between") or after it ("countryside", "desert", "province", "district", "city"). Codes follow the ACLED and
UCDP codebooks: ``geo_precision`` 1 the named town, 2 near a town or a small part of a region, 3 a larger
region; ``where_prec`` 1 exact place, 2 within ~25 km of it, 3 district, 4 governorate, 5 larger vague area or
between places, 6 country.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_DIRECTION = r"north-?east|north-?west|south-?east|south-?west|north|south|east|west"
# Bearings in degrees clockwise from north, for "N km <direction> of X".
BEARINGS = {
    "north": 0,
    "northeast": 45,
    "east": 90,
    "southeast": 135,
    "south": 180,
    "southwest": 225,
    "west": 270,
    "northwest": 315,
}
_SETTLEMENT = r"(?:(?:city|town|village|hamlet|township)\s+of\s+)?"
# What is done to a place, as headlines write it: "Warplanes target Kafr Nabudah", "regime forces shelled
# al-Lataminah", "SDF stormed Hajin" (the verb), "shelling on Khan Sheikhoun", "the siege of Madaya" (the act): a
# name after them is a place, as after "in", though a weaker cue than "in" for words that are seldom one ("strikes
# on the School"). A person or group after such a verb is an actor's name, which the actor stage finds and the
# places stage leaves out.
_STRUCK_WORDS = (
    "shell", "shells", "shelled", "bomb", "bombs", "bombed", "bombard", "bombards", "bombarded", "target",
    "targets", "targeted", "targeting", "strike", "strikes", "struck", "raid", "raids", "raided", "storm",
    "storms", "stormed", "capture", "captures", "captured", "recapture", "recaptures", "recaptured", "seize",
    "seizes", "seized", "besiege", "besieges", "besieged", "pound", "pounds", "pounded", "enter", "enters",
    "entered", "retake", "retakes", "retook", "control", "controls", "controlled", "liberate", "liberates",
    "liberated", "towards", "toward",
)  # fmt: skip
# ... and the acts, before "on", "of" or "against" ("air strikes on X": "strikes" after its own boundary)
_STRIKE_WORDS = (
    "shelling", "bombardment", "bombing", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "attack",
    "attacks", "assault", "offensive", "shells", "rocket", "rockets", "missile", "missiles", "barrel", "barrels",
    "bomb", "bombs", "siege", "capture", "storming", "control",
)  # fmt: skip
_STRUCK = "(?:" + "|".join(_STRUCK_WORDS) + ")"
_STRIKES = "(?:" + "|".join(_STRIKE_WORDS) + ")"
# A part of every word above: a window holding none of them cannot end with the cue (tests hold the list to it)
_STRUCK_STEMS = (
    "shell", "bomb", "target", "strik", "struck", "raid", "storm", "captur", "seiz", "besieg", "pound", "enter",
    "retak", "retook", "control", "liberat", "toward", "attack", "assault", "offensive", "rocket", "missile",
    "barrel", "siege",
)  # fmt: skip
_WINDOW = 90  # characters of context read on each side; cues are short phrases
# how far back a match of a left pattern can begin, for those much shorter than the window ("air raids on the ")
_REACH = {"struck": 64}

# "the road linking Tafas and Al-Muzayrib", "the highway that connects X and Y": the words a road's ends follow
# (the cue's pattern here, the reader's road pattern, and the words that end a left cue)
_LINKING_WORDS = tuple(f"{verb}{ending}" for verb in ("link", "connect", "join") for ending in ("s", "ing"))
ROAD_LINKING = r"(?:that\s+)?(?:link|connect|join)(?:s|ing)"
# Checked in order against the text just before a name (anchored at its end).
_LEFT = (
    (
        "distance",
        re.compile(
            rf"(?P<km>\d+(?:[.,]\d+)?)\s*(?:-\s*)?(?:km|kms|kilomet(?:er|re)s?)\s+(?:to\s+the\s+)?"
            rf"(?P<dir>{_DIRECTION})\s+of\s+(?:the\s+)?{_SETTLEMENT}$",
            re.I,
        ),
    ),
    (
        "outskirts",
        re.compile(rf"\b(?:outskirts|edges?|periphery|entrance)\s+of\s+(?:the\s+)?{_SETTLEMENT}$", re.I),
    ),
    (
        "near",
        re.compile(
            rf"(?:\b(?:near|nearby|close\s+to|around|outside|vicinity\s+of|surroundings\s+of|surrounding|"
            rf"environs\s+of)|\d+(?:[.,]\d+)?\s*(?:km|kms|kilomet(?:er|re)s?)\s+(?:away\s+)?from)"
            rf"\s+(?:the\s+)?{_SETTLEMENT}$",
            re.I,
        ),
    ),
    (
        "countryside",
        re.compile(
            rf"(?:\b(?P<dir>{_DIRECTION})(?:ern)?\s+)?\b(?:(?:countryside|rural\s+areas?|rif|suburbs|farmlands?)\s+"
            # "in rural Idlib", "southern rural Aleppo": the agencies' word for a governorate's countryside
            r"of\s+(?:the\s+)?|rural\s+)$",
            re.I,
        ),
    ),
    (
        "desert",
        re.compile(
            rf"(?:\b(?P<dir>{_DIRECTION})(?:ern)?\s+)?\b(?:deserts?|badia|badiya|steppe)\s+of\s+(?:the\s+)?$",
            re.I,
        ),
    ),
    (
        "between",
        re.compile(
            rf"\b(?:between|(?:road|highway|route)\s+(?:from|{ROAD_LINKING}))\s+(?:the\s+)?"
            r"(?:(?:towns?|villages?|cities)\s+of\s+)?$",
            re.I,
        ),
    ),
    ("province", re.compile(r"\b(?:province|governorate|muhafaza[ht]?|wilayat)\s+of\s+$", re.I)),
    ("district", re.compile(r"\bdistrict\s+of\s+$", re.I)),
    ("direction", re.compile(rf"\b(?P<dir>{_DIRECTION})(?:ern)?\s+(?:of\s+)?(?:the\s+)?$", re.I)),
    ("settlement", re.compile(r"\b(?P<word>village|town|city|hamlet|township|camp)s?\s+of\s+$", re.I)),
    ("in", re.compile(r"\b(?:in|at|inside|within|into)\s+(?:the\s+)?$", re.I)),
    ("struck", re.compile(rf"\b(?:{_STRUCK}|{_STRIKES}\s+(?:on|of|against))\s+(?:the\s+)?$", re.I)),
)
# Checked in order against the text just after a name (anchored at its start); the match is consumed.
_RIGHT = (
    (
        "countryside",
        re.compile(
            # "the Hama and Homs countrysides": each its own
            rf"^(?:['’]s?)?\s+(?:(?P<dir>{_DIRECTION})(?:ern)?\s+)?(?:countrysides?|rural\s+areas?|farmlands?)\b",
            re.I,
        ),
    ),
    ("outskirts", re.compile(r"^(?:['’]s?)?\s+(?:outskirts|suburbs|environs)\b", re.I)),
    ("desert", re.compile(r"^(?:['’]s?)?\s*(?:-\s*)?(?:deserts?|badia|badiya|steppe)\b", re.I)),
    ("subdistrict", re.compile(r"^\s+(?:sub-?district|nahiya|nahia)\b", re.I)),
    # (plural: "the Azaz and Afrin districts", "Homs and Hama provinces": each its own)
    ("district", re.compile(r"^\s+districts?\b", re.I)),
    ("province", re.compile(r"^\s+(?:provinces?|governorates?|gov\.|muhafaza[ht]?|wilayat)\b", re.I)),
    ("city", re.compile(r"^\s+city\b", re.I)),
    ("town", re.compile(r"^\s+town\b", re.I)),
    ("village", re.compile(r"^\s+village\b", re.I)),
)
# every pattern of _RIGHT at once (each is anchored at the start): whether any of them matches
_ANY_RIGHT = re.compile("|".join(f"(?:{p.pattern.replace('(?P<dir>', '(?:')})" for _, p in _RIGHT), re.I)
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)(?:the\s+)?(?:al[-\s])?$", re.I)
_ROAD_JOIN = re.compile(r"^\s*(?:-|–|—|/|\bto\b)\s*$", re.I)
_ROAD_AFTER = re.compile(r"^\s+(?:road|highway|motorway|route)\b", re.I)
_WORD_JOIN = re.compile(r"^\s*,?\s*(?:and|or|&)\s+(?:the\s+)?(?:al[-\s])?$", re.I)
_AND = re.compile(r"^\s+(?:and|to)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class Cue:
    """What the words around a name say: the cue's name, a distance and bearing for "N km west of", and where
    the consumed words after the name end (so that "Badia" in "Deir ez-Zor Badia" is not read as a second
    place).
    """

    name: str | None
    end: int
    km: float | None = None
    bearing: float | None = None
    direction: float | None = None  # "the eastern countryside of X", "north of X": a part of X, not X


# Most names have no cue: the empty one at each position is made once and shared (a frozen Cue compares by
# value, and building one costs more than looking it up). Positions past a bound are not remembered.
_NO_CUE: dict[int, Cue] = {}
_MAX_NO_CUE = 20_000  # characters: most reports are shorter; at most ~4 MB of shared cues


def no_cue(position: int) -> Cue:
    """``Cue(None, position)``."""
    found = _NO_CUE.get(position)
    if found is None:
        found = Cue(None, position)
        if position < _MAX_NO_CUE:
            _NO_CUE[position] = found
    return found


# The word every left cue ends with, just before the name: most names follow none of them, and one look at
# that word spares the eleven patterns below.
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CUE_ENDINGS = (
    frozenset(
        {"of", "the", "in", "at", "inside", "within", "into", "near", "nearby", "to", "around", "outside"}
        | {"surrounding", "between", "from", "rural", "on", "against", *_STRUCK_WORDS}
        | set(_LINKING_WORDS)
    )
    | frozenset(f"{d}{e}" for d in BEARINGS for e in ("", "ern"))
    | frozenset(f"{a}-{b}{e}" for a in ("north", "south") for b in ("east", "west") for e in ("", "ern"))
)


# Which patterns a last word can end: "in", "near", "between" end one each; "of" and "the" may end any.
_ONLY = {
    **dict.fromkeys(("in", "at", "inside", "within", "into"), ("in",)),
    **dict.fromkeys(_STRUCK_WORDS, ("struck",)),
    # "shelling on X", "attacks against X": read by the pattern, never alone ("on Monday")
    **dict.fromkeys(("on", "against"), ("struck",)),
    **dict.fromkeys(("near", "nearby", "around", "outside", "surrounding", "to"), ("near",)),
    "between": ("between",),
    # "the road linking Tafas and Al-Muzayrib"
    **dict.fromkeys(_LINKING_WORDS, ("between",)),
    "from": ("near", "between"),  # "15 km away from Manbij" (no bearing: near it), "road from X"
    "rural": ("countryside",),  # "in rural Idlib"
}


# The words that are a cue alone, before spaces only ("in X", "shelled X"), read without their pattern
_ALONE = {
    w: only[0] for w, only in _ONLY.items() if only in (("in",), ("struck",)) and w not in ("on", "against")
}

# The words of a desert cue ("the Badia of Homs"), each a word of its own
DESERT_WORDS = ("desert", "badia", "badiya", "steppe")
# A word (or part of one) every match of each left pattern contains.
_NEEDS = {
    "distance": ("km", "kilomet"),
    "outskirts": ("outskirts", "edge", "periphery", "entrance"),
    "near": ("near", "close", "around", "outside", "vicinity", "surround", "environs", "km", "kilomet"),
    "countryside": ("countryside", "rural", "rif", "suburbs", "farmland"),
    "desert": DESERT_WORDS,
    "between": ("between", "from", "link", "connect", "join"),
    "province": ("province", "governorate", "muhafaza", "wilayat"),
    "district": ("district",),
    "direction": ("north", "south", "east", "west"),
    "settlement": ("village", "town", "city", "hamlet", "camp"),
    "in": ("in", "at"),
    "struck": _STRUCK_STEMS,
}


# "in"'s pattern ends with in/at/inside/within/into or "the", never "of"; the province's, district's and
# settlement's end with "of", never "the": a pattern that cannot end with the last word is not tried
_CANNOT_END = {"of": frozenset({"in"}), "the": frozenset({"province", "district", "settlement"})}


def _tried(word: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The left patterns, in order, that a window whose last word is ``word`` may match."""
    only = _ONLY.get(word, ("direction",) if word.replace("-", "").removesuffix("ern") in BEARINGS else None)
    skip = _CANNOT_END.get(word, frozenset())
    return tuple((n, p) for n, p in _LEFT if (only is None or n in only) and n not in skip)


_TRIED = {word: _tried(word) for word in _CUE_ENDINGS}
# The left patterns without ``re.I``, for the lower-cased form of a window in ASCII (nearly every one): there
# ``re.I`` folds no letter other than ``lower()`` does, so they find the same matches, in ~40% less time (the
# engine tries a pattern at every character of the window, and a letter compared with both cases costs more).
# Their sources are in lower case (a test holds them to it).
_LOWER_CASE = {name: re.compile(pattern.pattern) for name, pattern in _LEFT}


def left_cue(text: str, start: int) -> Cue:
    tail = text[max(0, start - 24) : start]
    begin, end = _last_word(tail)
    word = tail[begin:end].lower()
    if word not in _CUE_ENDINGS:
        return no_cue(start)
    cue = _ALONE.get(word)
    if cue is not None and begin > 0:
        # "in X", the commonest cue, read without its pattern: the word alone before spaces only
        alone = tail[end:].isspace() and not (tail[begin - 1].isalnum() or tail[begin - 1] == "_")
        return Cue(cue, start) if alone else no_cue(start)
    window = text[max(0, start - _WINDOW) : start]
    lower = window.lower()
    ascii_only = window.isascii()
    for name, pattern in _TRIED[word]:
        for needed in _NEEDS[name]:
            if needed in lower:
                break
        else:
            continue  # a word every match of the pattern holds is absent: no need to run it
        # (a pattern whose matches are short is searched from where its longest could begin: the characters
        # before stay in view, so a word boundary there reads as in the whole window)
        at = max(0, len(window) - _REACH.get(name, len(window)))
        found = _LOWER_CASE[name].search(lower, at) if ascii_only else pattern.search(window, at)
        if found is None:
            continue
        if name == "distance":
            direction = found["dir"].lower().replace("-", "")
            return Cue(name, start, float(found["km"].replace(",", ".")), BEARINGS[direction])
        if name == "settlement":
            return Cue(found["word"].lower(), start)
        return Cue(name, start, direction=_bearing(found))
    return no_cue(start)


def _last_word(window: str) -> tuple[int, int]:
    """Where the Latin letters that end ``window`` before spaces, apostrophes and hyphens are ("in the " ->
    "the"); an empty range when something else stands there (what ``([A-Za-z]+)[\\s'’-]*$`` finds, without
    trying every start)."""
    end = len(window)
    while end and (window[end - 1] in "'’-" or window[end - 1].isspace()):
        end -= 1
    begin = end
    while begin and window[begin - 1] in _LATIN:
        begin -= 1
    return begin, end


def _bearing(found: re.Match[str]) -> float | None:
    """The bearing of a direction word the cue holds ("the *eastern* countryside of"), else None."""
    word = found.groupdict().get("dir")
    return float(BEARINGS[word.lower().replace("-", "")]) if word else None


def right_cue(text: str, end: int) -> Cue:
    window = text[end : end + _WINDOW]
    if _ANY_RIGHT.match(window) is None:
        return no_cue(end)  # most names are followed by none of the words: one pattern says so
    for name, pattern in _RIGHT:
        found = pattern.search(window)
        if found is not None:
            return Cue(name, end + found.end(), direction=_bearing(found))
    return no_cue(end)


def coordinated(text: str, end: int, start: int) -> bool:
    """Whether only "and", "or" or a comma stands between two names ("the deserts of Homs and Deir Ezzor")."""
    return bool(_COORDINATION.match(text[end:start]))


def joined_by_and(text: str, end: int, start: int) -> bool:
    return bool(_AND.match(text[end:start]))


# "reinforcements arrived from X to Y" moved people between two places; "combing from X to Y" covered the land
# between them
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_MOVEMENT = re.compile(
    r"\b(?:reinforcements?|arriv\w*|sent|send\w*|brought|bring\w*|fled|flee\w*|displac\w*|moved?|moving|"
    r"transferr?\w*|came|coming|comes|return\w*|withdr\w*|evacuat\w*|convoys?|transport\w*|bus(?:es|ed)?|"
    r"head\w*|travel\w*|deport\w*|relocat\w*)\b[^.]{0,40}$",
    re.I,
)
_TO_JOIN = re.compile(r"^\s+(?:to|until|up\s+to)\s+(?:the\s+)?$", re.I)
# "from Kabajeb and Al-Shawla in the west of Deir Ezzor to Al-Sukhnah": the words between the names an area
# runs from and a place they are said to lie in
_LYING_IN = re.compile(
    r"^\s*,?\s+(?:(?:in|on|at)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?(?:\s+|-)?(?:east|west)?(?:ern)?\s+"
    r"(?:part\s+|side\s+|countryside\s+)?of\s+(?:the\s+)?)?|(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+"
    r"(?:the\s+)?)$",
    re.I,
)


def from_to(text: str, first_start: int, first_end: int, second_start: int) -> bool:
    """Whether "from X to Y" spans an area (no movement words before it)."""
    return spreads_from(text, first_start) and runs_to(text, first_end, second_start)


def spreads_from(text: str, start: int) -> bool:
    """Whether "from" stands right before the name at ``start``, with no movement words before it: the start
    of "combing from X to Y", which covers the land between them, not of "reinforcements arrived from X"."""
    before = text[max(0, start - 60) : start]
    # most names have no "from" before them: a substring test spares the search at every position
    found = _FROM_BEFORE.search(before) if "from" in before.lower() else None
    return found is not None and not _MOVEMENT.search(before[: found.start()])


def runs_to(text: str, end: int, start: int) -> bool:
    """Whether "to" (or "until", "up to") alone joins the name ending at ``end`` to the next at ``start``."""
    return bool(_TO_JOIN.match(text[end:start]))


def lying_in(text: str, end: int, start: int) -> bool:
    """Whether the words between two names say the first lies in the second ("Al-Shawla in the west of Deir
    Ezzor", "Kabajib west of Deir Ezzor")."""
    return bool(_LYING_IN.match(text[end:start]))


def joined_by_word(text: str, end: int, start: int) -> bool:
    """Whether "and"/"or"/"&" joins two names (not a bare comma, which often says where the first lies)."""
    return bool(_WORD_JOIN.match(text[end:start]))


def road_between(text: str, end: int, start: int, after: int) -> int | None:
    """For "X-Y road": where the word "road" ends, when only a dash or "to" joins the two names."""
    if not _ROAD_JOIN.match(text[end:start]):
        return None
    found = _ROAD_AFTER.match(text[after : after + 20])
    return after + found.end() if found else None


# Default codes of a place named plainly, by feature: (geo_precision, where_prec).
_FEATURE_PRECISION = {
    "sector": (3, 5),
    "admin3": (2, 3),
    "admin2": (2, 3),
    "admin1": (3, 4),
    "country": (3, 6),
    "mountain": (2, 2),
    "area": (3, 5),
    "region": (3, 5),
    "desert": (3, 5),
    "river": (3, 5),
    "road": (3, 5),
    "border": (3, 5),
    "lake": (3, 7),
    "between": (3, 5),
}
# Cues that put an event near a point rather than at it.
_NEAR_CUES = frozenset({"near", "outskirts", "countryside", "desert", "direction"})
NEAR_KM = 25.0  # UCDP where_prec 2: "up to about 25 km" from the named place


def precision(feature: str, cue: Cue, approx: bool, geo: int | None, where: int | None) -> tuple[int, int]:
    """(geo_precision, where_prec) for a place of ``feature`` named with ``cue``.

    ``geo``/``where`` are the codes a source gave the place (UCDP coded Eastern Ghouta 2); ``approx`` says the
    point is estimated from the place's subdistrict, which is never better than "within about 25 km" (2/2).
    """
    base = _FEATURE_PRECISION.get(feature, (1, 1))
    code = (geo or base[0], where or base[1])
    if code[1] > 2:
        return code  # a district, governorate or region stays what it is, whatever the words around it
    if approx:
        code = near(code)
    if cue.name == "distance" and cue.km is not None:
        return (2, 2) if cue.km <= NEAR_KM else (2, 5)
    if cue.name in _NEAR_CUES:
        return near(code)
    return code


def near(code: tuple[int, int]) -> tuple[int, int]:
    """(geo_precision, where_prec) of somewhere near a place coded ``code``: never better than "within about 25
    km" (2/2)."""
    return (max(code[0], 2), max(code[1], 2))


def offset(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) towards ``bearing`` degrees (flat-earth approximation, fine below 100
    km).
    """
    radians = math.radians(bearing)
    dlat = km * math.cos(radians) / 111.0
    dlon = km * math.sin(radians) / (111.0 * max(0.01, math.cos(math.radians(lat))))
    return round(lat + dlat, 5), round(lon + dlon, 5)
