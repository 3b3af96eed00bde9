"""Clauses: a sentence or headline that tells several incidents becomes one unit per incident.

Monitors pack a day's incidents into one line: "The regime forces shell Harasta and clashes in the east of Homs and
explosion in Idlib city", "Shelling of the city of Daraa and 3 martyrs killed by warplanes in the city of Deir
Al-Zour". Each clause that has **its own act and its own place** is an incident of its own, with its own place,
figures and actors. Everything else stays whole:

- a clause without an act ("shelled Kafr Zita and Latamneh villages": the second is only a place) or without a
  place of its own ("and shelling its countryside") belongs to the clause before it;
- a clause that continues the same subject's action ("detained two suspects in Nad Ali district and killed one
  insurgent in Marjah", "killing two"): one operation, as a press release tells it, is never split;
- a clause naming a place the clause before already named is the same scene;
- a first clause that tells no act and names no actor ("Around 35 trucks enter Al-Rastan and clashes on
  Homs-Salamieh road") sets no scene for the act after it, which has a place of its own: the incident is that
  clause alone;
- a figure alone is no act ("captured a leader and two of his associates"), nor is a prepositional phrase (",
  in pursuit of a facilitator in Qalat district") or the rest of a figure ("and 4 others were injured");
- no cut falls inside a figure ("killed and wounded"), an actor ("Afghan and coalition forces"), a place or a date,
  between two places named side by side ("Tampa and St. Petersburg") or in "by rocket and mortar shells".

An act is an event word the typing stage knows, or harm told by a noun ("More casualties in Harasta"). A place is a
gazetteer place below the country, or a capitalised name after a locative word ("on Tal Mannas"). On a monitor's
headline line (a line of its own without a full stop), one act at places of two governorates ("clashes in
Damascus and Reef Dimashq") is one incident per governorate, the later ones sharing the act (ACLED and UCDP code
one event per location), and another act at a place pointed back to ("and clashes on the southwestern outskirts of
the city") is another incident there.

The cuts are "and", commas, "while" and semicolons. Dates are shared: a clause without a date of its own takes the
dates of its sentence ("Shelling on Daraa and 3 killed in Deir Ezzor yesterday": both yesterday). At most
``MAX_CUTS`` cuts are read per sentence, so long input stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from marsad.extract.segment import Sentence
from marsad.extract.typing import classify
from marsad.gazetteer.cues import NEAR_KM
from marsad.gazetteer.rec import distance_km
from marsad.records import Span

if TYPE_CHECKING:
    from marsad.extract.assemble import Annotated

MAX_CUTS = 12
_AND_CUT = re.compile(r",?\s+and\s+", re.IGNORECASE)
_LIST_WORD = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)
_SETTING_CHARS = 10  # characters beside its places that make a clause tell something of its own
# A sentence or headline that packs several incidents is short; a longer "sentence" is text whose full stops lost
# their spaces ("confirmed on Saturday.\"Three militants ..."), whose pieces are not clauses of one sentence
MAX_SENTENCE_CHARS = 400
_CUT = re.compile(r",?\s+and\s+|;\s+|,\s+(?:while\s+)?|\s+while\s+", re.IGNORECASE)
# A clause opening with a verb (or a subordinator) continues the subject before it ("and killed one insurgent", "and kill and injure
# several citizens", "and leave injuries in Hama countryside"); "armed men" and the like are nouns, not verbs, and
# so is an act named after an adjective in -ed ("and continued clashes in Raqqa", "and renewed shelling on Douma").
_CONTINUES = re.compile(
    r"^(?:also\s+|then\s+|later\s+|subsequently\s+)?(?:(?!armed\b|alleged\b|suspected\b|unidentified\b)[a-z]+ed\b"
    r"(?!\s+(?:clash|fighting|battle|shelling|bombardment|bombing|air\s*strike|raids?\b|strikes?\b|attacks\b|"
    r"explosions?\b))|"
    r"was|were|is|are|has|have|had|did|shot|hit|hits|struck|took|fled|fought|brought|blew|set|led|left|lost|made|"
    r"sent|leaves?|causes?|kills?|injures?|wounds?|claims?|destroys?|damages?"
    # a subordinate clause explains the act before it ("..., after two of the wounded died of their injuries")
    r"|after|as|when|since|because|before|following|due\s+to|which|who|whom|whose|where|that|until|amid|with|"
    r"without|during|according\s+to|bringing|raising"
    # a participle of harm ("and killing more than 50", ", wounding two"); the rest of a figure ("3 people were
    # killed and 4 others were injured", "and seven others injured")
    r"|killing|wounding|injuring|leaving|causing|forcing|prompting|resulting|destroying|damaging"
    r"|(?:\S+\s+){0,3}others|the\s+rest)\b",
    re.IGNORECASE,
)
# after a comma, these participles continue too (", targeting a checkpoint"); after "and" they are as often the
# name of an act ("and targeting Raqqa leaves casualties")
_PARTICIPLE = re.compile(
    r"^(?:targeting|detaining|arresting|capturing|seizing|confiscating|including)\b",
    re.IGNORECASE,
)
# A piece opening with a preposition is an adverbial of the act before it ("..., in pursuit of a facilitator
# operating in Qalat district", "and in the vicinity of X"): it opens no act of its own (it may still name another
# governorate on a monitor's line)
_ADVERBIAL = re.compile(
    r"^(?:in|on|at|near|into|to|towards?|from|for|by|through|under|against|around|outside|inside|between|across|"
    r"along|within|over)\b",
    re.IGNORECASE,
)
# "pull back from Daraa ... and towards the capital, Damascus": where a move goes or comes from is not a second
# place of the act, so a headline's second governorate named this way makes no incident of its own
_MOTION = re.compile(r"^(?:(?:heading|moving|advancing|going)\s+)?(?:to|into|towards?|from)\b", re.IGNORECASE)
# "by rocket and mortar shells", "with rockets and artillery": one instrument or agent named twice, not two clauses
_INSTRUMENT_BEFORE = re.compile(r"\b(?:by|with|using|between)\s+(?:[\w-]+\s+)?[\w-]+$", re.IGNORECASE)
# "towards the capital, Damascus", "in the provincial capital, Raqqa": the name after the comma is the place the
# noun before it names (an apposition), never a clause of its own; "Ed Damazin, capital of Blue Nile state, El
# Nahud" is a list, so the noun must follow "the", "its" or "their"
_APPOSITION_BEFORE = re.compile(
    r"\b(?:the|its|their)\s+(?:[\w-]+\s+)?(?:capital|city|town|village|province|governorate|district|region)$",
    re.IGNORECASE,
)
# Monitors' headlines tell harm with a noun and no number: "More casualties in Harasta", "The death toll increases
# in Jisr al-Shughur", "Casualty in the Eastern Ghouta": an act of its own for a clause
_HARM_NOUN = re.compile(
    r"\b(?:casualt(?:y|ies)|injur(?:y|ies)|death\s+toll|martyrs?|human\s+losses|deaths?|dead|dies|died|"
    r"los(?:es|t|ing)\s+(?:his|her|their)\s+li(?:fe|ves)|fire\s+exchange|exchange\s+of\s+fire|massacres?)\b",
    re.IGNORECASE,
)
COUNTRY_PREC = 6  # UCDP where_prec of a country: not a place of its own for a clause
_ANAPHOR = re.compile(
    r"\b(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|countryside|outskirts|area|vicinity|"
    r"neighbou?rhoods?|suburbs?|surroundings|desert)\b",
    re.IGNORECASE,
)
# A place the gazetteer does not know is still a place of its own when the clause names it after a locative word
# ("dropped 22 barrel bombs on Tal Mannas"); weekdays, months and actors are not places.
_NAMED_PLACE = re.compile(
    r"\b(?:on|in|at|near|around|outside)\s+(?:the\s+(?:town|village|city|area|neighbou?rhood)\s+of\s+)?"
    r"(?P<name>(?:[Aa]l[- ])?[A-Z][\w'’-]{2,}(?:\s+(?:[Aa]l[- ])?[A-Z][\w'’-]{2,}){0,2})"
)
_NOT_PLACE = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|the|a|an)\b",
    re.IGNORECASE,
)


_NO_HARM = re.compile(r"\b(?:no|without|not)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def tells_harm(words: str) -> bool:
    """Whether a clause tells harm by a noun alone ("More casualties in Harasta", "a rebel fighter loses his life
    in Daraa"): an incident of unknown type. "No casualties were reported" tells none."""
    m = _HARM_NOUN.search(words)
    return m is not None and not _NO_HARM.search(words[max(0, m.start() - 40) : m.start()])


@dataclass
class _Piece:
    start: int  # offsets in the sentence
    end: int
    places: set[str] = field(default_factory=set)
    act: bool = False
    continues: bool = False
    regions: set[str] = field(default_factory=set)  # admin1 of its gazetteer places
    adverbial: bool = False  # opens with a preposition: no act of its own
    shared: bool = False  # no act of its own: the act of the clause before, in another region
    typed: bool = False  # its act is an event word (not only harm told by a noun)
    anaphor: bool = False  # names its place by pointing back: "the outskirts of the city", "its countryside"
    motion: bool = False  # opens with where a move goes or comes from: "towards the capital"
    listed: bool = False  # opens with a place's name, no act named: "Daraa and Aleppo cause deaths"
    points: tuple[tuple[float, float], ...] = ()  # where its towns and villages are (UCDP where_prec 1-2)
    town: bool = False  # the next town of a list of one governorate: a scene of the list's act (see _pieces)


def split(
    annotated: Sequence[Annotated], text: str, candidates: set[int], headlines: frozenset[int] = frozenset()
) -> list[Annotated]:
    """The report's units: its sentences, with those of ``candidates`` (indices of incident sentences) that tell
    several incidents split into one unit per incident (see the module docstring); ``headlines`` are the
    candidates that are a monitor's headline line (a line of its own without a full stop). Units are re-numbered
    in order (``Sentence.index``)."""
    out: list[Annotated] = []
    for i, a in enumerate(annotated):
        out.extend(_split_one(a, text, i in headlines) if i in candidates else [a])
    if unchanged(out, annotated):
        return list(annotated)
    return [
        replace(u, sentence=Sentence(u.sentence.span, u.sentence.paragraph, n)) for n, u in enumerate(out)
    ]


def unchanged(units: Sequence[Annotated], annotated: Sequence[Annotated]) -> bool:
    """Whether splitting left every sentence whole (a trimmed clause is a change, though the count is the same)."""
    return len(units) == len(annotated) and all(u is a for u, a in zip(units, annotated, strict=True))


def _split_one(a: Annotated, text: str, headline: bool) -> list[Annotated]:
    if len(a.sentence.span.text) > MAX_SENTENCE_CHARS:
        return [a]  # a "sentence" this long is paragraphs glued together (no space after the full stops)
    places = len({_key(p) for p in a.places if _own(p)})
    if places < 2 and not (headline and places and _ANAPHOR.search(a.sentence.span.text)):
        return [a]  # two incidents need two places: most sentences end here, before any clause is read
    pieces = _pieces(a, text, headline)
    if len(pieces) < 2:
        return [a]
    # a piece with an act of its own that does not continue the subject before opens a clause
    found = [pieces[0]]
    for p in pieces[1:]:
        if p.act and not p.continues and not p.adverbial and not p.listed:
            found.append(p)
        elif headline and (_another_region(found[-1], p) or _another_town(found[-1], p)):
            # a monitor's line "Clashes in Daraa and Aleppo", "Warplanes bomb Manbej and Ma'arasta": one act at
            # places of two governorates, or at towns further apart than UCDP's "near" (25 km), is two
            # incidents, as ACLED and UCDP code one event per location (prose tells each one in its own sentence)
            found.append(replace(p, act=True, shared=True))
        else:
            found[-1] = _join(found[-1], p)
    # a clause without a place of its own, or with the place of the clause before, tells the same scene; so does
    # any clause after a lead-in that tells no act ("In Kandahar province yesterday, forces targeted ...")
    units = [found[0]]
    trimmed = False
    for c in found[1:]:
        cur = units[-1]
        if cur.act and c.places and cur.places and not (c.places & cur.places):
            units.append(c)
        elif (
            len(units) == 1
            and not cur.act
            and c.typed
            and c.places
            and cur.places
            and not (c.places & cur.places)
            and _AND_CUT.fullmatch(a.sentence.span.text[cur.end : c.start])
            and _scene_setting(a, cur)
        ):
            # "Around 35 trucks enter Al-Rastan and clashes on Homs-Salamieh road": the clause before told no act,
            # and the act has a place of its own: the incident is the act's clause alone
            units[-1], trimmed = c, True
        elif headline and cur.act and cur.places and c.typed and c.anaphor and not c.places and not c.shared:
            # "Airstrikes target Aleppo city ..., and clashes on the southwestern outskirts of the city": another
            # act at the place told before is another incident of a monitor's line (its place is carried over)
            units.append(c)
        else:
            units[-1] = _join(cur, c)
    if len(units) < 2 and not trimmed:
        return [a]
    out: list[Annotated] = []
    for k, u in enumerate(units):
        unit = _unit(a, u, text, k)
        if u.shared and out:
            # the act, and who acted, are those of the clause before ("clashes between X and Y in A and B"); harm
            # told by a noun ("... and Ma'arasta cause 75 casualties") is no act of its own, nor is what the words
            # after the next town of a list name
            acts = unit.typed is not None and unit.typed.event_type is not None and not u.town
            own = unit.typed if acts else None
            unit = replace(
                unit, typed=own or out[-1].typed, actors=unit.actors or out[-1].actors, listed=u.town
            )
        out.append(unit)
    return out


def _scene_setting(a: Annotated, piece: _Piece) -> bool:
    """Whether a clause without an act tells something beside the incident ("35 trucks enter Al-Rastan", "Aid
    dropped over Al-Fu'ah"): more words than its places, and no actor, who would be the act's subject ("Regime
    forces go deep into Raqqa province and control an oilfield")."""
    base = a.sentence.span.start
    lo, hi = base + piece.start, base + piece.end
    if any(lo <= x.span.start < hi for x in a.actors):
        return False
    named = sum(p.span.end - p.span.start for p in a.places if lo <= p.span.start < hi)
    return hi - lo - named > _SETTING_CHARS  # "Madan and three other villages end ...": "Madan" is a subject


def _join(a: _Piece, b: _Piece) -> _Piece:
    """Piece ``b`` told as part of ``a``: its places and acts added, ``a``'s opening kept."""
    return replace(
        a, end=b.end, places=a.places | b.places, act=a.act or b.act, regions=a.regions | b.regions,
        anaphor=a.anaphor or b.anaphor, points=a.points + b.points,
    )  # fmt: skip


def _another_region(clause: _Piece, piece: _Piece) -> bool:
    """A piece without an act that names places only in governorates the clause before has not named."""
    return (
        clause.act
        and not piece.continues
        and not piece.motion
        and bool(piece.regions)
        and bool(clause.regions)
        and not (piece.regions & clause.regions)
    )


def _another_town(clause: _Piece, piece: _Piece) -> bool:
    """A piece without an act whose first town lies more than 25 km from every town the clause before names (the
    places after it may only say where it lies: "... Al-Lataminah town and Talbiseh city in the countryside of
    Hama and Homs")."""
    return (
        clause.act
        and not piece.continues
        and not piece.motion
        and bool(piece.points)
        and bool(clause.points)
        and all(_far(piece.points[0], y) for y in clause.points)
    )


def _far(x: tuple[float, float], y: tuple[float, float]) -> bool:
    return distance_km(x[0], x[1], y[0], y[1]) > NEAR_KM


def _point(mention: Any) -> tuple[float, float] | None:
    """Where a town or village named is; None for anything vaguer (a district, a governorate, a region, a village
    known only by its subdistrict)."""
    place = mention.place
    if (place.where_prec or 9) > 2 or place.approx or place.latitude is None or place.longitude is None:
        return None
    return (place.latitude, place.longitude)


def _pieces(a: Annotated, text: str, headline: bool) -> list[_Piece]:
    s = a.sentence.span.text
    taken = _protected(a)
    cuts: list[tuple[int, int]] = []
    base = a.sentence.span.start
    ends = {p.span.end - base: p for p in a.places}
    starts = {p.span.start - base: p for p in a.places}
    listing: set[int] = set()  # cuts inside a list of towns of one governorate (see below)
    for m in _CUT.finditer(s):
        in_list = False
        if m.start() in ends and m.end() in starts:
            before, after = ends[m.start()], starts[m.end()]
            if not (headline and _two_scenes(before, after, m.group(0))):
                continue  # "rallies in Tampa and St. Petersburg": a list of places, not two clauses
            # two towns of one governorate, not two governorates
            in_list = (before.place.admin1 or "") in ("", after.place.admin1)
        if m.group(0).strip(" ,").lower() == "and" and _INSTRUMENT_BEFORE.search(
            s[max(0, m.start() - 40) : m.start()]
        ):
            continue
        if m.group(0).strip() == "," and m.end() in starts and _APPOSITION_BEFORE.search(s, 0, m.start()):
            continue
        if not any(lo < m.end() and m.start() < hi for lo, hi in taken):
            if in_list:
                listing.add(len(cuts))
            cuts.append((m.start(), m.end()))
            if len(cuts) >= MAX_CUTS:
                break
    if not cuts:
        return []
    bounds = [0, *(x for c in cuts for x in c), len(s)]
    pieces = []
    for k, (start, end) in enumerate(zip(bounds[::2], bounds[1::2], strict=True)):
        # after a comma or "while", a participle continues the act before it ("while targeting the leader")
        comma = k > 0 and (s[cuts[k - 1][0]] in ",;" or "while" in s[cuts[k - 1][0] : cuts[k - 1][1]].lower())
        if end > start:
            piece = _describe(a, text, start, end, comma)
            # the next town of a list is a scene of the list's act, whatever words follow it ("protesters took to
            # the streets in Kampala, Mityana, and other areas to decry the arrests": no arrest told)
            pieces.append(replace(piece, listed=True, town=True) if k - 1 in listing else piece)
    return pieces


def _two_scenes(before: Any, after: Any, cut: str) -> bool:
    """Two places side by side on a monitor's line that are two scenes: in two governorates, or two towns more
    than 25 km apart; not a town and the city after a comma that says where it lies ("AlMansura, Raqqa")."""
    if (before.place.admin1 or "") not in ("", after.place.admin1):
        return True
    if after.place.feature == "city" and not _LIST_WORD.search(cut):
        return False
    x, y = _point(before), _point(after)
    return x is not None and y is not None and _far(x, y)


def _protected(a: Annotated) -> list[tuple[int, int]]:
    """Sentence offsets no cut may fall in: figures, actors, places, dates."""
    base = a.sentence.span.start
    spans: list[Any] = [*a.figures, *a.actors, *a.places, *a.dates]
    return [(x.span.start - base, x.span.end - base) for x in spans]


def _describe(a: Annotated, text: str, start: int, end: int, comma: bool) -> _Piece:
    base = a.sentence.span.start
    lo, hi = base + start, base + end
    inside = [p for p in a.places if lo <= p.span.start and p.span.end <= hi and _own(p)]
    places = {_key(p) for p in inside}
    regions = {p.place.admin1 for p in inside if p.place.admin1}
    points = tuple(x for p in inside if (x := _point(p)) is not None)
    places = places or _named_places(a, start, end)
    # a figure alone is no act: "captured a leader and two of his associates" names one act's second object
    words = a.sentence.span.text[start:end]
    found = classify(text, [Span.of(text, lo, hi)])
    typed = found is not None and found.event_type != "none"
    # the next of a list of places, telling harm by a noun at most: "Clashes in Daraa and Aleppo cause casualties"
    listed = any(p.span.start == lo for p in inside) and (found is None or found.event_type is None)
    continues = bool(_CONTINUES.match(words) or (comma and _PARTICIPLE.match(words)))
    return _Piece(
        start, end, places, act=typed or tells_harm(words), continues=continues, regions=regions,
        adverbial=bool(_ADVERBIAL.match(words)), typed=typed, anaphor=bool(_ANAPHOR.search(words)),
        motion=bool(_MOTION.match(words)), listed=listed, points=points,
    )  # fmt: skip


def _named_places(a: Annotated, start: int, end: int) -> set[str]:
    """Names after a locative word in the clause that no actor or date covers (see _NAMED_PLACE)."""
    base = a.sentence.span.start
    taken = [(x.span.start - base, x.span.end - base) for x in (*a.actors, *a.dates)]
    out = set()
    for m in _NAMED_PLACE.finditer(a.sentence.span.text, start, end):
        lo, hi = m.span("name")
        if not _NOT_PLACE.match(m.group("name")) and not any(x < hi and lo < y for x, y in taken):
            out.add("~" + m.group("name"))
    return out


def _key(mention: Any) -> str:
    return f"{mention.place.name}|{mention.place.admin1}"


def _own(mention: Any) -> bool:
    """A place a clause can have as its own: anything below the country."""
    return (mention.place.where_prec or 4) < COUNTRY_PREC


def _unit(a: Annotated, piece: _Piece, text: str, number: int) -> Annotated:
    base = a.sentence.span.start
    lo, hi = base + piece.start, base + piece.end
    span = Span.of(text, lo, hi)

    def inside(items: list[Any]) -> list[Any]:
        return [x for x in items if lo <= x.span.start and x.span.end <= hi]

    dates = inside(a.dates) or list(a.dates)  # a clause without a date of its own: its sentence's
    return replace(
        a,
        sentence=Sentence(span, a.sentence.paragraph, a.sentence.index),
        figures=inside(a.figures),
        dates=dates,
        places=inside(a.places),
        actors=inside(a.actors),
        role="incident",  # a clause of an incident sentence (or of a monitor's line telling harm at a place)
        typed=classify(text, [span]),
        clause=number,
        named=frozenset(p for p in piece.places if p.startswith("~")),
    )
