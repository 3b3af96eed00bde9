"""How namesakes are weighed: size and kind of place, the regions a text names near a name, and the country
most of a text's places are in. Pure functions over gazetteer rows, shared by the matcher.
"""

from __future__ import annotations

import bisect
import csv
import functools
import math
import re
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING

from marsad.gazetteer import cues
from marsad.gazetteer.layers import Row
from marsad.gazetteer.rec import distance_km
from marsad.records import Place

if TYPE_CHECKING:
    from marsad.gazetteer.match import PlaceMention

POPULATED = frozenset({"city", "town", "village", "neighbourhood", "camp", "place"})
ADMIN = frozenset({"admin1", "admin2", "admin3"})
NEAR_CHARS = (
    150  # a region named this close to a name places it ("al-Shula desert in Deir ez-Zor countryside")
)
_VOTES = {"country": 3.0, "admin1": 2.0, "city": 1.5}
_REGION_CUES = frozenset({"countryside", "province", "district"})  # not "desert": "al-Shula desert"


def importance(row: Row) -> float:
    rank = {"admin1": 0.6, "country": 0.7, "admin2": 0.3, "admin3": 0.2}.get(row.feature, 0.0)
    return rank + math.log10(row.population + 1) / 10 + (0.3 if row.source.startswith("supplement") else 0.0)


def dominant_country(
    mentions: list[PlaceMention], codes: dict[str, str], people: dict[str, float] | None = None
) -> str | None:
    """The country most of a text's places (and the peoples it names, ``people``) are in, when one clearly is;
    ``codes`` maps countries' names to their codes ("Syria" -> "SY")."""
    votes: dict[str, float] = dict(people or {})
    # with no place of the world layer named, the one people a text names is evidence enough ("Syrian")
    minimum = PERSON_VOTE if people and not any(codes.get(m.place.country or "") for m in mentions) else 2.0
    for mention in mentions:
        code = codes.get(mention.place.country or "")
        if code:
            # a country or province named outright says more than a town that may be a namesake, and a name
            # spelled exactly more than a near miss
            weight = _VOTES.get(mention.place.feature or "", 1.0) * mention.score**2
            if mention.cue in _REGION_CUES:
                weight = max(weight, _VOTES["admin1"])  # "Deir ez-Zor countryside" names a region
            votes[code] = votes.get(code, 0.0) + weight
    if not votes:
        return None
    best = max(sorted(votes), key=lambda c: votes[c])
    # a clear majority of at least a province's or a country's worth: a lone town may be a namesake, and a tie
    # between the country a report is about and a foreign force's ("Russian jets ... Idlib") decides nothing
    return best if votes[best] >= minimum and votes[best] > 0.5 * sum(votes.values()) else None


def near_bonus(region: str | None, position: int, context: dict[str, list[int]], text: str = "") -> float:
    """How much the regions a text names vouch for a namesake in ``region``: most when named right beside it
    ("Tabaqa, Raqqa governorate", "Sangin district, Helmand province"), less a sentence away, a little anywhere.
    ``context`` holds each region's positions in the text, sorted. A region named in another clause ("shelling
    on Reef Dimashq and losses in Daraa") says little about the name: "and", a semicolon or a line break
    between them keep the bonus small.
    """
    positions = context.get(region or "") if region else None
    if not positions:
        return 0.0
    at = bisect.bisect_left(positions, position)
    gap, where = min(
        (abs(positions[k] - position), positions[k]) for k in (at - 1, at) if 0 <= k < len(positions)
    )
    if gap <= 60 and not _CLAUSE_BREAK.search(text[min(where, position) : max(where, position)]):
        return 0.35
    return 0.12 if gap <= NEAR_CHARS else 0.05


_CLAUSE_BREAK = re.compile(r"\band\b|[;|\n]")


def region(row: Row) -> str | None:
    return row.admin1_pcode or row.admin1


def mid(a: float | None, b: float | None) -> float | None:
    return round((a + b) / 2, 5) if a is not None and b is not None else (a if a is not None else b)


def close(a: Place, b: Place) -> bool:
    """Two places within UCDP's ~25 km: "between" them is still a limited area (where_prec 2)."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= 2 * cues.NEAR_KM  # type: ignore[arg-type]


def fit(cue: str | None, feature: str) -> float:
    """How well a kind of place fits the words around its name."""
    if cue == "province":
        return {"admin1": 0.6, "admin2": 0.2}.get(feature, 0.0)
    if cue in ("district", "subdistrict"):
        return {"admin2": 0.6, "admin3": 0.5 if cue == "subdistrict" else 0.2}.get(feature, 0.0)
    if cue in ("directed countryside", "directed desert"):
        # "the eastern countryside of Hama": a part of the governorate (its capital yields to it)
        return {"admin1": 0.6, "admin2": 0.1, "desert": 0.3}.get(
            feature, 0.2 if feature in POPULATED else 0.0
        )
    if cue == "countryside":
        # "the countryside of Daraa": around the town, as UCDP codes it (town, where_prec 2), not the
        # governorate's centroid; a town has a countryside more often than a village does ("the countryside of
        # al-Tabaqa" is Raqqa's Tabqa, not a hamlet Tabaqa of al-Hasakah)
        return {"admin1": 0.4, "admin2": 0.1, "city": 0.45, "town": 0.45}.get(
            feature, 0.35 if feature in POPULATED else 0.0
        )
    if cue == "desert":
        return {"admin1": 0.5, "admin2": 0.1, "desert": 0.3}.get(
            feature, 0.2 if feature in POPULATED else 0.0
        )
    if cue in ("city", "town", "village", "camp"):
        return 0.5 if feature in POPULATED else 0.0
    # named plainly: the town before the division of the same name (Deir ez-Zor city, not the governorate)
    # (a province named plainly still beats a hamlet that shares its name: Konar is Kunar province)
    return (
        0.3 if feature in POPULATED else (0.25 if feature == "admin1" else 0.05 if feature in ADMIN else 0.15)
    )


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym -> ISO alpha-2 ("syrian" -> "SY"), from ``data/demonyms.csv``."""
    text = resources.files("marsad.gazetteer").joinpath("data/demonyms.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {row["demonym"]: row["country"] for row in rows}


# A people named ("Syrian troops") weighs a little less than a province named, and ten mentions are still one
# country named twice: foreign forces ("Russian jets") must not outvote the places where they strike.
PERSON_VOTE = 1.5
MAX_PEOPLE_VOTES = 3.0


def people_votes(words: Sequence[str]) -> dict[str, float]:
    """Votes per country from the peoples a text names (folded words)."""
    table = demonyms()
    votes: dict[str, float] = {}
    for word in words:
        code = table.get(word)
        if code:
            votes[code] = min(MAX_PEOPLE_VOTES, votes.get(code, 0.0) + PERSON_VOTE)
    return votes
