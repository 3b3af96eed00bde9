"""The place of an event: where the incident happened, not every place its sentences name.

Each place named in the event's sentences is a candidate; the one chosen is

- never a place things or people came *from* ("reinforcements from Damascus"), nor one that only qualifies an
  actor ("the Britain-based Observatory", "Iranian-backed militias"), nor one a dateline names;
- never the country when anything smaller is named ("air strike on a Syria rebel town ... Atareb");
- the most specific place close to what happened: the casualty figure (else the attack word) of the event's
  first sentence anchors the choice, so that in "shelling on Kafr Zita and clashes south of Damascus that
  killed 5" the clashes' place wins, and a village a few words from the figure beats a governorate a clause
  away.

"from X to Y" is an area (UCDP where_prec 5) unless people or things moved ("reinforcements arrived from X to
Y": the event is at Y); the gazetteer reads that pair already, this module only drops the origin.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from marsad.records import Event, Figure, Place, Span, UnresolvedPlace

if TYPE_CHECKING:
    from marsad.extract.assemble import Annotated

# "during their escape from Deir Ezzor", "civilians fleeing from Raqqa": people harmed on their way out of a place
# were harmed near it; where they fled or were taken to ("to evacuate them to Idlib", "from Deir Ezzor to
# Al-Hasakah") they had not reached
_LEAVING = r"(?:escap\w*|fle(?:e|d)\w*|flight|evacuat\w*|deport\w*|relocat\w*)"
# "from the town of", "from the city of": what may stand between "from" and the name of where someone came from
_FROM_SETTLEMENT = r"from\s+(?:the\s+)?(?:(?:towns?|city|villages?|areas?)\s+of\s+(?:the\s+)?)?$"
_FLIGHT_FROM = re.compile(rf"\b{_LEAVING}\s+{_FROM_SETTLEMENT}", re.IGNORECASE)
# "a bus convoy evacuating residents of the besieged Shiite towns of Fua and Kefraya to Aleppo": where the people
# taken out lived, not where the convoy was
_EVACUATED_OF = re.compile(
    rf"\b{_LEAVING}\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:residents|inhabitants|people|civilians|families|"
    r"population|fighters)\s+(?:of|from)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:towns?|city|villages?|areas?)\s+"
    r"of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_AWAY_TO = re.compile(
    rf"\b{_LEAVING}\b[^.;]{{0,60}}?\b(?:to|towards)\s+(?:the\s+)?(?:(?:towns?|city|villages?|areas?|province)\s+of\s+"
    r"(?:the\s+)?)?$",
    re.IGNORECASE,
)
# "from Damascus", "from the town of Saraqib": an origin ("reinforcements from Damascus"), not the event's place
_FROM = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:towns?|city|villages?|areas?|direction|countryside)\s+of\s+"
    r"(?:the\s+)?)?$",
    re.IGNORECASE,
)
# "expelled the regime forces from Kinsabba", "withdrew from Dabiq": taking or leaving ground happens at the
# place the forces are driven from
_TERRITORY_BEFORE = re.compile(
    r"\b(?:expel\w*|drov?e\s+out|driv\w*\s+out|oust\w*|dislodg\w*|evict\w*|withdr[ae]w\w*|retreat\w*|"
    r"pull\w*\s+(?:out|back)|forc\w*\s+out|clear\w*|liberat\w*|recaptur\w*|captur\w*|seiz\w*|retak\w*|"
    r"retook|expuls\w*)"
    r"\b[^.;]{0,50}$",
    re.IGNORECASE,
)
# ... and so does "fighters pushed from the town of Deir al-Adas", but not an advance onward: "regime forces
# pushed from Khanasser towards Aleppo" set out from there
_PUSHED_BEFORE = re.compile(r"\bpush\w*\b[^.;]{0,50}$", re.IGNORECASE)
_ONWARD = re.compile(r"^\s*,?\s*(?:towards?|into|to)\b", re.IGNORECASE)
# "Kafr Zita in Hama", "Tabqa, Raqqa governorate", "Maratah in the countryside of Aleppo": the second place
# says where the first lies; it is not a second scene
_QUALIFIES = re.compile(
    r"^\s*(?:(?:village|town|city|area|camp|neighbou?rhood|district)\s*)?"
    r"(?:and\s+its\s+(?:countryside|surroundings|outskirts|vicinity)\s+)?(?:,\s*(?:in\s+)?|in\s+|of\s+)"
    r"(?:the\s+)?(?:(?:\w+ern\s+)?(?:countryside|desert|province|governorate|city|town)\s+of\s+(?:the\s+)?|"
    r"(?:north|south|east|west)\w*\s+)?$",
    re.IGNORECASE,
)
# "in Daraa's Nawa city": a place whose possessive names the next says where that one lies
_POSSESSIVE_OF_NEXT = re.compile(r"['’]s?\s+(?:the\s+)?$")
# A capital whose countryside is a governorate of its own: "the Eastern Ghouta of Damascus" lies in Rif Dimashq,
# the governorate around the city, and the city only says where it is
_SURROUNDED_BY = {"Rif Dimashq": "Damascus"}
_TOWNS = frozenset({"city", "town"})
# ", northeast of", ", 10 km west of": a direction from a town after a place says where that place lies
_LOCATED_BY = re.compile(
    r"^\s*(?:area|village|town|region|plain|valley)?\s*,\s*(?:about\s+|some\s+)?(?:\d+(?:\.\d+)?\s*(?:km|kilomet(?:er|re)s?)\s+)?"
    r"(?:north|south|east|west)(?:ern)?(?:[- ]?(?:east|west)(?:ern)?)?\s+of\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$",
    re.IGNORECASE,
)
# what stands between two names of a list: a comma, "and", "or" ("Al-Bara, Kansafra and Fleifel")
_LISTED = re.compile(r"^\s*(?:,\s*(?:and|or)\b|,|and\b|or\b)\s*(?:the\s+)?$", re.IGNORECASE)
_REGIONS = frozenset({"admin1", "admin2", "admin3", "sector", "region", "city"})
# cues whose "from" is no origin: "from X to Y" covers an area, "15 km from X" is near X, "the road from X"
_NO_ORIGIN_CUES = frozenset({"between", "area", "road", "near"})
# "In addition to the searches in Wardak and Ghazni, ...": what the sentence tells besides is told elsewhere
_BESIDES = re.compile(r"(?:^|[.;:]\s*)(?:In\s+addition\s+to|Besides|Apart\s+from)\b[^,;.]*$", re.IGNORECASE)
# "the Britain-based Observatory", "Iranian-backed militias": the place qualifies an actor
_QUALIFIER_AFTER = re.compile(r"^[-‐–]?\s*(?:based|backed|led|affiliated|linked|born|made)\b", re.IGNORECASE)
_DATELINE_AFTER = re.compile(r"^,?\s*(?:\w+\s*)?\(\s*(?:[A-Z][a-z]{2}|\d)", re.UNICODE)
# "KIRKUK, Iraq, June 8 (Wire) -", "BEIRUT (AP) -": the city a report was filed from opens its first line in
# capitals; it is the event's place only when the report names no other place below the country
_DATELINE_CITY_AFTER = re.compile(r"^\s*(?:,|\(|[-\u2013\u2014]\s)")
_DATELINE_COST = 1.0
_PLAIN_COUNTRY = 0.1
# How much a place of each UCDP precision costs against a more specific one (a village beats a governorate
# named as close to the figure, but a governorate in the figure's clause beats a village a clause away).
_SPECIFICITY = {1: 0.0, 2: 0.05, 3: 0.45, 4: 0.6, 5: 0.7, 6: 3.0, 7: 3.0}
# "the Latakia countryside" is coded around the town (where_prec 2) but names a region: it weighs like one
# ("the capital", unnamed, is most often a landmark: "clashes east of the capital and in Ein Tarma")
_REGIONAL_CUES = {"countryside": 0.6, "capital": 0.6}
_SETTING = 0.6  # a city that opens its sentence as the setting ("In Idlib, ...") weighs as a region
_LARGE = frozenset({"city", "admin1", "admin2", "admin3", "sector", "region", "desert"})
# "clashes east of the Euphrates ... in al-Sh'aytat area": a river is 600 km of Syria, vaguer than any area it
# shares a precision code with; it is the place only when nothing else is named
_RIVER = 0.25
# Characters between a place and the event's anchor that cost as much as one step of specificity.
_CHARS_PER_STEP = 120.0
_LATER_SENTENCE = 0.5  # a place of a later sentence of the event yields to one of its first sentence


@dataclass(frozen=True)
class _Candidate:
    order: int
    mention: Any  # PlaceMention from the gazetteer: span, place, cue, score
    anchor: int | None  # where the event's figure or attack word starts, in the same sentence
    dateline: bool = False  # the city a report was filed from ("KIRKUK, Iraq, June 8 -")
    listed: tuple[int, ...] = ()  # where the names of the list it is one of start ("shelled A, B and C")
    # it opens its sentence as where the rest happens ("In Idlib, regime forces shelled")
    setting: bool = False
    # it names another event ("support to the Kabul suicide bomb attack June 28, was killed in Gardez district")
    names_event: bool = False


def pick_place(members: Sequence[Annotated], before: Sequence[Annotated] = ()) -> Place | None:
    """The place where the event happened, or None when neither its sentences nor those just before name one.

    ``before`` are the document's sentences before the event's first, in text order: reports often name the
    place in one sentence and tell what happened there in the next ("In Sangin district, Helmand province,
    insurgents attacked a patrol. Coalition forces returned fire, killing two."). Only the last
    ``CARRY_SENTENCES`` of them that name a place below the country are read. When none names one, the home of
    the people harmed ("a man from the city of Al-Raqqah"), else where people fled or were taken to, is the
    place, as near it.
    """
    chosen = _best(members)
    if chosen is not None and _precision(chosen) < 6 and members[chosen.order].role == "other":
        # a place only a context sentence names ("the ancient city which used to be called 'a pearl of the Syrian
        # desert'") yields to the one named just before the sentences that tell the event
        told = _best([a for a in members if a.role != "other"])
        carried = _carried(before, chosen) if told is None or _precision(told) >= 6 else None
        if carried is not None:
            return carried
    if chosen is not None and _precision(chosen) < 6:
        fled = _FLIGHT_FROM.search(_before(chosen, members[chosen.order], 90)) is not None
        return _near(chosen.mention.place) if fled else chosen.mention.place
    carried = _carried(before, chosen)
    if carried is not None:
        return carried
    # the home of the people harmed, else where people were taken or fled to: the nearest places the report gives
    fallback = _named_after(members, _HOMETOWN_BEFORE) or _named_after(members, _AWAY_TO)
    if fallback is not None:
        return _near(fallback)
    return chosen.mention.place if chosen is not None else None


def _carried(before: Sequence[Annotated], chosen: _Candidate | None) -> Place | None:
    """The place below the country named in the last ``CARRY_SENTENCES`` of ``before``, nearest first."""
    for offset, a in enumerate(reversed(before[-CARRY_SENTENCES:])):
        later = before[-offset] if offset else None
        # a place named in an earlier paragraph belongs to what that paragraph told, unless the next one opens by
        # going on with it ("During the operation Rahman threatened the security force")
        if (
            later is not None
            and a.sentence.paragraph != later.sentence.paragraph
            and not _GOES_ON.match(later.sentence.span.text)
        ):
            break
        carried = _best([a])
        if carried is not None and _precision(carried) < 6 and _in_country_named(carried, chosen):
            return carried.mention.place  # type: ignore[no-any-return]
    return None


# "A man from the city of Al-Raqqah was executed by ISIS": where the people harmed came from is the nearest place
# the report gives when it names no scene (as ACLED codes an unknown location to the nearest one named)
_HOMETOWN_BEFORE = re.compile(
    r"\b(?:man|woman|men|women|boys?|girls?|child|children|youths?|citizens?|civilians?|persons?|famil(?:y|ies)|"
    r"shepherds?|casualt(?:y|ies)|martyrs?|victims?|detainees?)\s+(?:\w+\s+){0,2}?"  # "a casualty under torture"
    + _FROM_SETTLEMENT,
    re.IGNORECASE,
)


def _named_after(members: Sequence[Annotated], words: re.Pattern[str]) -> Place | None:
    """The first place below the country in the event's sentences that ``words`` end right before."""
    for c in _candidates(members):
        if _precision(c) < 6 and words.search(_before(c, members[c.order], 90)):
            return c.mention.place  # type: ignore[no-any-return]
    return None


def _near(place: Place) -> Place:
    """``place`` coded as near it (ACLED ``geo_precision`` 2, UCDP ``where_prec`` 2 at least): the people harmed
    may have been harmed elsewhere, on their way out of it."""
    return replace(
        place, geo_precision=max(place.geo_precision or 2, 2), where_prec=max(place.where_prec or 2, 2)
    )


def _before(c: _Candidate, a: Annotated, width: int) -> str:
    """The ``width`` characters of its sentence before the candidate's name."""
    text, offset = a.sentence.span.text, a.sentence.span.start
    return text[max(0, c.mention.span.start - offset - width) : c.mention.span.start - offset]


CARRY_SENTENCES = 2
# a paragraph that opens by going on with the operation the one before told
_GOES_ON = re.compile(
    r"^(?:During|In\s+the\s+course\s+of|Throughout|After|Following)\s+the\s+"
    r"(?:operation|raid|search|mission|engagement|assault|clearing\s+operation)\b",
    re.IGNORECASE,
)


def _in_country_named(carried: _Candidate, chosen: _Candidate | None) -> bool:
    """Whether a place carried from the sentences before lies in the country the event's own sentences name, if
    they name one: "In Iraq meanwhile at least 17 people were killed" after paragraphs on Kobani is in Iraq."""
    return chosen is None or carried.mention.place.country == chosen.mention.place.country


def _best(members: Sequence[Annotated]) -> _Candidate | None:
    candidates = [c for c in _candidates(members) if _eligible(c, members)]
    if not candidates:
        return None
    if any(_precision(c) < 6 for c in candidates):
        candidates = [c for c in candidates if _precision(c) < 6]
    return min(candidates, key=_cost)


def _candidates(members: Sequence[Annotated]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for order, a in enumerate(members):
        anchor = _anchor(a)
        lists = _lists(a)
        out.extend(
            _Candidate(order, m, anchor, labels_report(m, a), lists[i], _setting(m, a), _names_event(m, a))
            for i, m in enumerate(a.places)
        )
    return out


# "the Kabul suicide bomb attack", "the Khan Sheikhun chemical attack": a place named as an event's attribute
_EVENT_NAMED_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:attacks?|bombings?|massacres?|blasts?|explosions?)\b", re.IGNORECASE
)


def _names_event(mention: Any, a: Annotated) -> bool:
    """Whether the mention is an attribute of an event noun after "the" ("the Kabul suicide bomb attack"): an
    event of its own, the sentence's scene only where it names no other place."""
    span: Span = mention.span
    text, offset = a.sentence.span.text, a.sentence.span.start
    start = span.start - offset
    return text[max(0, start - 4) : start].lower() == "the " and bool(
        _EVENT_NAMED_AFTER.match(text, span.end - offset)
    )


# "In Idlib, ...", "Meanwhile in Daraa province, ...": a sentence that opens with where the rest happens
_SETTING_BEFORE = re.compile(
    r"\s*(?:(?:meanwhile|also|elsewhere|separately),?\s+)?in\s+(?:the\s+)?", re.IGNORECASE
)
_SETTING_AFTER = re.compile(r"(?:\s+(?:province|governorate|city|countryside|district))?\s*,", re.IGNORECASE)


def _setting(mention: Any, a: Annotated) -> bool:
    """Whether the mention opens its sentence as the setting of what it tells ("In Idlib, regime forces shelled
    Al-Fteira and Sufuhun"): a city or a region named so is where the places the sentence goes on to name lie."""
    span: Span = mention.span
    text, offset = a.sentence.span.text, a.sentence.span.start
    return (
        _SETTING_BEFORE.fullmatch(text, 0, span.start - offset) is not None
        and _SETTING_AFTER.match(text, span.end - offset) is not None
    )


def _lists(a: Annotated) -> list[tuple[int, ...]]:
    """For each place of the sentence, where the names of the list it is one of start: places only commas and
    "and"/"or" join ("shelled the villages of Al-Bara, Kansafra and Fleifel"); its own start alone otherwise."""
    text = a.sentence.span.text
    offset = a.sentence.span.start
    runs: list[list[int]] = []
    previous = None
    for m in a.places:
        joined = previous is not None and _LISTED.match(
            text[previous.span.end - offset : m.span.start - offset]
        )
        if joined:
            runs[-1].append(m.span.start)
        else:
            runs.append([m.span.start])
        previous = m
    return [tuple(run) for run in runs for _ in run]


def labels_report(mention: Any, a: Annotated) -> bool:
    """Whether the mention is a dateline's city: the first words of its sentence, in capitals, followed by a
    comma, a bracket or a dash ("KIRKUK, Iraq", "BEIRUT (AP)", "KABUL - "), or by a colon (a heading)."""
    span: Span = mention.span
    text, offset = a.sentence.span.text, a.sentence.span.start
    if text[: span.start - offset].strip():
        return False
    after = text[span.end - offset : span.end - offset + 3]
    # "Latakia: regime soldier killed by HTS sniper": monitors head a report with its governorate, as a label
    # (the body says where: "Idlib: 3 IED bombs went off today in the city and around", "Daraa: SyAF bombed Tafas")
    if after.startswith(": "):
        return True
    return span.text.isupper() and _DATELINE_CITY_AFTER.match(after) is not None


def _anchor(a: Annotated) -> int | None:
    """Where the sentence says what happened: its first counted casualty figure, else its attack word. A toll
    revision's count ends a sentence that may name the hospital after the scene ("The death toll of the attack
    ... near al-Sukhnah city ... has risen to 9, after two of the wounded died ... in Homs city"): it is read
    where its toll is named."""
    counted = [f for f in a.figures if "negated" not in f.flags]
    killed = [f for f in counted if f.kind == "killed"]
    for figures in (killed, counted):
        if figures:
            return min(_told_at(a, f) for f in figures)
    typed = getattr(a, "typed", None)
    return typed.span.start if typed is not None else None


def _told_at(a: Annotated, figure: Figure) -> int:
    """Where the sentence tells ``figure``: its words, or for a toll revision the word "toll" before them."""
    if "revision" not in figure.flags:
        return figure.span.start
    sentence = a.sentence.span
    toll = _TOLL_WORD.search(sentence.text, 0, max(0, figure.span.start - sentence.start))
    return sentence.start + toll.start() if toll else figure.span.start


_TOLL_WORD = re.compile(r"\b(?:death\s+|casualty\s+)?toll\b", re.IGNORECASE)


def _precision(c: _Candidate) -> int:
    return c.mention.place.where_prec or 4


def _cost(c: _Candidate) -> tuple[float, int]:
    specificity = _SPECIFICITY.get(_precision(c), 1.0)
    # "the countryside of Aleppo" names a region; "the countryside of Tal Abyad" the land around a town
    regional = _REGIONAL_CUES.get(c.mention.cue, 0.0) if c.mention.place.feature in _LARGE else 0.0
    if c.setting and c.mention.place.feature in _LARGE:
        regional = max(regional, _SETTING)  # "In Idlib, regime forces shelled Al-Fteira": a region's name
    cost = max(specificity, regional) + _LATER_SENTENCE * min(c.order, 2)
    if c.mention.place.feature == "river":
        cost += _RIVER
    if _precision(c) >= 6 and c.mention.cue is None:
        cost += _PLAIN_COUNTRY  # "Iran combat engineer killed in Syria": the country the event was *in*
    if c.dateline or c.names_event:
        cost += _DATELINE_COST
    if c.anchor is not None:
        # the names of a list are as close as its closest: the first named is the place, as coders take it, not
        # the one that happens to stand next to the figure ("shelled Al-Bara, Kansafra and Fleifel, killing")
        near = min(abs(start - c.anchor) for start in c.listed or (c.mention.span.start,))
        cost += min(near, 3 * _CHARS_PER_STEP) / _CHARS_PER_STEP * 0.15
    return round(cost, 6), c.mention.span.start


def _eligible(c: _Candidate, members: Sequence[Annotated]) -> bool:
    a = members[c.order]
    span: Span = c.mention.span
    text, offset = a.sentence.span.text, a.sentence.span.start
    if c.mention.cue in _NO_ORIGIN_CUES:
        return True  # "from X to Y" covered an area, "15 km from X" is near X: their "from" is no origin
    # (the names of a list are where the words before its first name say: "from the besieged towns of Fua and
    # Kefraya" are both origins; not after a road or an area, whose "from" is no origin)
    first = min(c.listed, default=span.start)
    if any(m.span.start == first and m.cue in _NO_ORIGIN_CUES for m in a.places):
        first = span.start
    before = text[max(0, first - offset - 45) : first - offset]
    after = text[span.end - offset : span.end - offset + 30]
    if _EVACUATED_OF.search(text, max(0, first - offset - 90), first - offset):
        return False
    if _QUALIFIER_AFTER.match(after) or _is_dateline(c, after):
        return False
    # "In addition to the searches in Wardak and Ghazni, ... were detained in Sabari district": told besides
    if _BESIDES.search(_before(c, a, 400)):
        return False
    wider = _before(c, a, 90)
    # "to evacuate them to Idlib", "their escape from Deir Ezzor to Al-Hasakah": they were not there yet
    if _AWAY_TO.search(wider):
        return False
    if _FLIGHT_FROM.search(before):
        return True  # "Mines of ISIS kill 25 displaced citizens during their escape from Deir Ezzor"
    if _qualifies_previous(c, a) or _qualifies_next(c, a):
        return False
    if not _FROM.search(before):
        return True
    pushed = _PUSHED_BEFORE.search(wider) is not None and not _ONWARD.match(after)
    return pushed or _TERRITORY_BEFORE.search(wider) is not None


def _qualifies_previous(c: _Candidate, a: Annotated) -> bool:
    """Whether the candidate only says where the place named just before it lies ("Kafr Zita in Hama")."""
    place = c.mention.place
    earlier = [m for m in a.places if m.span.end <= c.mention.span.start]
    if not earlier or not place.admin1:
        return False
    text, offset = a.sentence.span.text, a.sentence.span.start
    between = text[earlier[-1].span.end - offset : c.mention.span.start - offset]
    # "the Al-Lajat area, northeast of Daraa": a town whose direction says where the place before it lies
    located_by = place.feature in _TOWNS and _LOCATED_BY.match(between) is not None
    if place.feature not in _REGIONS and not located_by:
        return False
    previous = earlier[-1].place
    same_region = previous.admin1 == place.admin1 or _SURROUNDED_BY.get(previous.admin1 or "") == place.admin1
    # (a road runs across regions: "the road between Ithriya and al-Rasafa in the desert of Raqqa province")
    same_region = same_region or previous.feature == "road"
    if not same_region or previous.feature in ("admin1", "sector", "country"):
        return False
    if previous.name == place.name:
        return False
    later = [m for m in a.places if m.span.start >= c.mention.span.end]
    # "between Manbij, Aleppo, Raqqa and Jarablos": a list of places, each a scene of its own
    listed = bool(later) and _LISTED.match(text[c.mention.span.end - offset : later[0].span.start - offset])
    return (located_by or _QUALIFIES.match(between) is not None) and not listed


def _qualifies_next(c: _Candidate, a: Annotated) -> bool:
    """Whether the candidate's possessive says where the place named right after it lies ("in Daraa's Nawa
    city", "Aleppo's Sheikh Maqsoud"): a town or region of the same governorate before a place of its own."""
    later = [m for m in a.places if m.span.start >= c.mention.span.end]
    if not later or c.mention.place.feature not in _REGIONS | _TOWNS:
        return False
    text, offset = a.sentence.span.text, a.sentence.span.start
    between = text[c.mention.span.end - offset : later[0].span.start - offset]
    same = later[0].place.admin1 == c.mention.place.admin1 and later[0].place.name != c.mention.place.name
    return same and _POSSESSIVE_OF_NEXT.fullmatch(between) is not None


def _is_dateline(c: _Candidate, after: str) -> bool:
    """ "KABUL, Afghanistan (Jan. 10, 2011) –": where the report was filed, not where things happened."""
    return _precision(c) >= 6 and bool(_DATELINE_AFTER.match(after))


def with_unresolved(events: Sequence[Event], names: Sequence[Any]) -> list[Event]:
    """Each event with the unresolved place names (``gazetteer.Unresolved``) its text holds: kept per event for
    review and for ``marsad places --unresolved``, and never a reason to drop the places that did resolve."""
    out = []
    for event in events:
        span = event.span
        inside = [
            n for n in names if span is not None and span.start <= n.span.start and n.span.end <= span.end
        ]
        kept = tuple(UnresolvedPlace(n.raw, n.reason, n.span, n.nearest) for n in inside)
        out.append(replace(event, unresolved_places=kept) if kept else event)
    return out


def in_theatres(events: Sequence[Event], actors: Any, gazetteer: Any) -> list[Event]:
    """Each event placed only at a country, moved to the side of it where a foreign force of the event fights
    (the dictionary's ``theatre``): "Turkish soldiers killed in Syria" happened in northern Syria, where UCDP
    codes it ("Northern Syria", where_prec 5), and where every Turkish operation in Syria was. The words stay
    the country's; an event with no such force, or a side the gazetteer does not know, keeps the country."""
    if actors is None or gazetteer is None:
        return list(events)
    theatres = _theatres(actors)
    return [_in_theatre(event, theatres, gazetteer) for event in events]


@functools.lru_cache(maxsize=4)
def _theatres(actors: Any) -> dict[str, str]:
    """Canonical actor name -> the side of a country its forces fight in, read once per dictionary."""
    return {entry.name: entry.theatre for entry in actors if entry.theatre}


def _in_theatre(event: Event, theatres: dict[str, str], gazetteer: Any) -> Event:
    place = event.location
    if place is None or place.feature != "country" or not theatres:
        return event
    for actor in (event.actor1, event.actor2, *event.assoc_actors):
        side = theatres.get(actor.name) if actor is not None else None
        if side is None:
            continue
        name = f"{side.capitalize()}ern {place.name}"  # "north" -> "Northern Syria", as UCDP names the part
        for part in gazetteer.lookup(name, place.country):
            if part.country == place.country and part.feature in _REGIONS and part.name == name:
                return replace(event, location=replace(part, span=place.span))
    return event
