"""Neighbourhoods and streets named with their city: "al-Wa'er neighbourhood in Homs", "the Bab al-Nairab
neighbourhood of Aleppo", "the neighbourhood of al-Sinaa in Deir Ezzor", "Tal Abyad Street, Raqqa city",
"al-Hamdania in Aleppo city".

A city's quarters are rarely in any gazetteer, and their names are often those of villages elsewhere (Bab,
Hamidiyah, Salhiyah): read alone, "al-Hamidiyyeh" lands on a namesake hundreds of kilometres away. When the
text says which city a neighbourhood belongs to, the neighbourhood is a namesake within ``QUARTER_KM`` of that
city's point or, when there is none, the city's point itself.
"""

from __future__ import annotations

import re

# Quarters lie within a city's built-up area: a namesake farther than this from the city's point is another place.
QUARTER_KM = 12.0
# An "area" or the "farms" of a town reach into its countryside: UCDP's "limited area" of ~25 km.
AREA_KM = 25.0
# "X neighbourhood in Y", "X neighbourhood of the city of Y", "X quarter, Y", "X Street, western Y city"
_AFTER = re.compile(
    r"^\s+(?P<kind>neighbou?rhoods?|quarters?|streets?|roundabout|square|suburbs?|area|farms?)\s*"
    r"(?:,\s*|(?:in|of)\s+)(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?(?:(?:city|town)\s+of\s+)?$",
    re.IGNORECASE,
)
# "the neighbourhood of X in Y", "the neighbourhood of X, Y"
_BEFORE = re.compile(
    r"\b(?:neighbou?rhoods?|quarters?)\s+of\s+(?:the\s+)?(?:(?:al|el|an|ar|as|ash|ad|at|az)[-\s])?$",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"^\s*(?:,\s*|\s+in\s+)(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.IGNORECASE)
_WORD = re.compile(
    r"neighbou?rhood|quarter|street|roundabout|square|suburb|\barea\b|\bfarms?\b|\bcity\b|outskirts",
    re.IGNORECASE,
)
# "Shahid on the outskirts of Deir Ezzor city", "X in the outskirts of Y": a place at the edge of a town, within
# its limited area
_OUTSKIRTS = re.compile(
    r"^\s+(?:on|in|at)\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?(?:outskirts|edges?|periphery)\s+of\s+"
    r"(?:the\s+)?(?:(?:city|town)\s+of\s+)?$",
    re.IGNORECASE,
)
# "X in Y city", "X in the city of Y", "X, Y city" (lists of strike locations)
_IN_CITY = re.compile(r"^\s*(?:,|\s+in)\s+(?:the\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)
_CITY_AFTER = re.compile(r"^\s+city\b", re.IGNORECASE)
KINDS = frozenset(
    {
        "neighbourhood",
        "neighborhood",
        "quarter",
        "street",
        "roundabout",
        "square",
        "suburb",
        "area",
        "farms",
        "farm",
    }
)
_WIDE = frozenset({"area", "farms", "farm"})
QUARTERS = KINDS - _WIDE  # the words that put a place inside a town whatever its size
# the words of _WORD: those found anywhere, and those that must stand alone (in a text in lower case)
_SUBSTRINGS = (*sorted(QUARTERS), "outskirts")
_BOUNDED = re.compile(r"(?:area|farms?|city)\b")  # after a boundary, see _bounded
_REACH = 60  # characters: the words between a quarter's name and its city are few


def mentioned(text: str, plain: str | None = None) -> bool:
    """Whether the text speaks of neighbourhoods at all (most texts do not: nothing more to read). With the
    text in ASCII (``plain``: its typographic marks as spaces, see ``words.Words.plain``), it is read by
    substring first: most words need no pattern."""
    if plain is None:
        return _WORD.search(text) is not None
    lowered = plain.lower()
    return any(word in lowered for word in _SUBSTRINGS) or _bounded(lowered)


def _bounded(lowered: str) -> bool:
    """Whether ``\\b(?:area|farms?|city)\\b`` matches an ASCII text in lower case. The pattern without its
    first boundary starts with letters the engine skips to (a pattern opening with a boundary is tried at every
    character), and the boundary is checked at each match: a match it rules out hides no other, as each of its
    letters but the first follows a letter and cannot start one."""
    for found in _BOUNDED.finditer(lowered):
        at = found.start()
        if at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] == "_"):
            return True
    return False


def on_outskirts(text: str, end: int, city_start: int) -> bool:
    """Whether the words between a name and a town say it lies on the town's outskirts."""
    return _OUTSKIRTS.match(text[end:city_start]) is not None


def of_city(text: str, start: int, end: int, city_start: int, city_end: int) -> float | None:
    """How far from the place named at ``city_start:city_end`` the words at ``start:end`` lie when the text says
    they are part of it ("X neighbourhood in Y", "the neighbourhood of X in Y", "X in Y city", "X area, Y"), in
    km; None when it does not say so."""
    if city_start < end or city_start - end > _REACH:
        return None
    between = text[end:city_start]
    found = _AFTER.match(between)
    if found is not None:
        return AREA_KM if found["kind"].lower() in _WIDE else QUARTER_KM
    if _IN_CITY.match(between) and (
        "city" in between.lower() or _CITY_AFTER.match(text[city_end : city_end + 8])
    ):
        return QUARTER_KM
    if _OUTSKIRTS.match(between):
        return AREA_KM
    if _BETWEEN.match(between) and _BEFORE.search(text[max(0, start - 30) : start]):
        return QUARTER_KM
    return None
