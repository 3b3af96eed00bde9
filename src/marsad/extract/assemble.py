"""Assembly: group annotated sentences into events and fill each event's fields from its own sentences.

Grouping rules: a sentence that states harm or names an attack starts an incident unless it continues the current
one (no new-incident cue, no other place named, no other day stated in a new paragraph or with another kind of
event; a sentence that only restates the incident's figures, or tells no new act, continues it wherever it is);
headlines over the text add no event; cumulative statements become tallies; every sentence about the ongoing
campaign joins one development; background and other sentences make no event. An incident without a day of its
own takes the day of the story it belongs to (``Narrative``). Figures repeated in a later sentence of the same
incident with the same kind, side and count are restatements and are not added again.

Before grouping, a sentence or headline that tells several incidents is split into one unit per clause with its
own act and place (clauses.py), and each incident-log line ("May 11th 2017: (S706) Markada, ...") becomes an
incident of its own, dated by the line (incident_log.py). Photo captions, and recaps of older news told after the
report's own news, make no event. See docs/dates.md.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from marsad.extract import clauses
from marsad.extract.casualties import reconcile
from marsad.extract.dates import CAMPAIGN_KINDS, DateMention, best, precision_of
from marsad.extract.incident_log import LogEntry, describe, parse_entry
from marsad.extract.locate import CARRY_SENTENCES, labels_report, pick_place
from marsad.extract.roles import pick_actors
from marsad.extract.segment import TITLE_WORDS, Sentence, is_caption, starts_new_incident, starts_new_story
from marsad.extract.typing import Typed, classify, type_of_violence
from marsad.gazetteer.cues import near
from marsad.records import (
    FIGURE_KINDS,
    Actor,
    Document,
    Event,
    EventDate,
    Evidence,
    Figure,
    Place,
    SideCount,
    Span,
    added_in,
)

EXTRACTOR_VERSION = "marsad.extract.rules.v1"
COARSE = 3  # UCDP date_prec of a week or vaguer: such a date alone tells a trend, not an incident


@dataclass
class Annotated:
    """One sentence and everything the stages found in it."""

    sentence: Sentence
    role: str = "other"
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list = field(default_factory=list)  # PlaceMention from the gazetteer (span, place, cue, score)
    actors: list = field(default_factory=list)  # ActorMention from the actor dictionary (span, actor)
    typed: Typed | None = None
    # set on the second and later clauses of a sentence that tells several incidents (clauses.py): their number,
    # and the places they name that the gazetteer does not know ("~Tal Mannas")
    clause: int = 0
    named: frozenset[str] = frozenset()
    # a town of a list, at which the list's act happened (clauses.py): its own words tell no other act
    listed: bool = False


@dataclass
class Group:
    kind: str
    members: list[Annotated] = field(default_factory=list)
    # the date of the story an undated incident belongs to (the last event date read before it, see Narrative)
    inherited: DateMention | None = None
    # the report's last sentences before the first member (as many as locate reads), for the place named just
    # before ("In Sangin district, insurgents attacked a patrol. Coalition forces returned fire, killing two.")
    before: Sequence[Annotated] = ()
    # a day told between its sentences by one of its story that is not its own (see _told_within)
    within: DateMention | None = None
    log: LogEntry | None = None  # the incident-log line it was read from (see incident_log.py)
    # the incident this one is told as following ("Russian warplanes later carried out air strikes in the area",
    # see _sequel) or as near ("a raid on a nearby village"): where it names no place, it happened at that
    # incident's
    follows: Group | None = None
    # the report's headline lines, on the lead incident only: the toll a title tells that the report never counts
    # is the lead's (see build_events)
    titles: Sequence[Annotated] = ()
    # name -> (members read, what they gave): see gathered
    _gathered: dict[str, tuple[int, set[Any]]] = field(default_factory=dict, repr=False, compare=False)

    def gathered(self, name: str, of: Callable[[Annotated], Iterable[Any]]) -> set[Any]:
        """The union of ``of(member)`` over the members, brought up to date with the members appended since the
        last call (members are only ever appended while sentences are grouped). Each member is read once, so
        deciding whether every next sentence joins costs linear time however long the incident runs."""
        read, found = self._gathered.get(name, (0, set()))
        for m in self.members[read:]:
            found.update(of(m))
        self._gathered[name] = (len(self.members), found)
        return found


def group_sentences(
    annotated: Sequence[Annotated], published: date | None = None, text: str | None = None
) -> list[Group]:
    """Events of a report: groups of its sentences by kind (see the module docstring). ``published`` places
    incident-log dates without a year; with the document's ``text``, sentences that tell several incidents are
    split into clauses first (clauses.py)."""
    groups: list[Group] = []
    current: Group | None = None
    development: Group | None = None
    story = Narrative()
    annotated, logs, heads = _units(annotated, published, text)
    window: int | None = None  # after the report's own news, older calendar dates are recaps (see _recap)
    chronicle = _chronicle(annotated)
    listed = _listed(annotated, heads)
    roles: list[str] = []
    # context sentences of a paragraph other than the incident's, kept until an incident sentence of their
    # paragraph joins that incident ("An ISAF patrol observed two insurgents in Ghazni district. ... combined
    # forces engaged them, killing two insurgents", under a lead that sums up the day's operations)
    pending: list[Annotated] = []
    for i, a in enumerate(annotated):
        story.enter(a, _headline_line(annotated, i))
        role = "headline" if i < heads else _role_here(annotated, i, None if i in listed else window)
        roles.append(role)
        if i in logs:
            current = _log_group(groups, logs[i], a)
        elif current is not None and current.log is not None and _under_log(current, a, role):
            current.members.append(a)  # the same line, or prose under the log line telling its incident
        elif role == "tally":
            groups.append(Group("tally", [a], before=annotated[max(0, i - CARRY_SENTENCES) : i]))
        elif role == "development":
            if development is None:
                development = Group("development", before=annotated[max(0, i - CARRY_SENTENCES) : i])
                groups.append(development)
            development.members.append(a)
        elif role == "incident":
            # a clause split from its sentence is another incident: never the one told before it
            if current is not None and current.log is None and not a.clause and _continues(current, a):
                current.members.extend(p for p in pending if p.sentence.paragraph == a.sentence.paragraph)
                current.members.append(a)
            else:
                follows = (
                    current
                    if current is not None and current.log is None and (_sequel(current, a) or _near_there(a))
                    else None
                )
                current = Group(
                    "incident",
                    [a],
                    inherited=story.date,
                    before=annotated[max(0, i - CARRY_SENTENCES) : i],
                    follows=follows,
                )
                groups.append(current)
            window = _window(window, a) if not chronicle else None
        elif role == "other" and current is not None and _same_paragraph(current, a):
            current.members.append(a)  # context of the incident ("The bus was carrying...")
        elif role == "other" and current is not None:
            pending.append(a)
        if role != "other":
            pending = []
        story.leave(a, role)
    kept = [g for g in groups if g.kind != "incident" or g.log or any(_tells(m) for m in g.members)]
    for g in kept:
        g.within = _told_within(g, annotated, roles)
    if heads and kept and kept[0].kind == "incident" and kept[0].log is None:
        kept[0].titles = annotated[:heads]
    return kept


def _units(
    annotated: Sequence[Annotated], published: date | None, text: str | None
) -> tuple[Sequence[Annotated], dict[int, LogEntry], int]:
    """The units to group (sentences, multi-incident ones split into clauses), their log lines and headlines."""
    logs = log_entries(annotated, published)
    heads = headline_lines(annotated, stop=set(logs))
    if text is None:
        return annotated, logs, heads
    candidates = {
        i
        for i, a in enumerate(annotated)
        if i >= heads
        and i not in logs
        and (effective_role(a) == "incident" or _headline_of_harm(annotated, i))
    }
    headlines = frozenset(i for i in candidates if _headline_line(annotated, i))
    units = clauses.split(annotated, text, candidates, headlines)
    if clauses.unchanged(units, annotated):
        return annotated, logs, heads
    return units, log_entries(units, published), heads


def _tells(a: Annotated) -> bool:
    """Whether a sentence tells an incident: figures, an act, or (a clause of a monitor's headline) harm by a noun
    alone ("More casualties in Harasta")."""
    # a clause split from its sentence tells an act of its own, or shares the act of the clause before
    return bool(a.figures or a.typed or a.clause or clauses.tells_harm(a.sentence.span.text))


def _same_paragraph(group: Group, a: Annotated) -> bool:
    return a.sentence.paragraph == group.members[-1].sentence.paragraph


def log_entries(annotated: Sequence[Annotated], published: date | None) -> dict[int, LogEntry]:
    """The sentences that open an incident-log line (the first of their line), by index."""
    out: dict[int, LogEntry] = {}
    for i, a in enumerate(annotated):
        if i and annotated[i - 1].sentence.paragraph == a.sentence.paragraph:
            continue
        text = a.sentence.span.text
        if "(" in text[:140]:
            entry = parse_entry(a.sentence.span, published)
            if entry is not None:
                out[i] = entry
    return out


def _log_group(groups: list[Group], entry: LogEntry, a: Annotated) -> Group:
    """One incident per incident code: a line repeating a code already read is that incident told again."""
    for g in groups:
        if g.log is not None and g.log.code == entry.code:
            return g
    group = Group("incident", [a], log=entry)
    groups.append(group)
    return group


def _under_log(group: Group, a: Annotated, role: str) -> bool:
    """A log line's own later sentences, and prose under it (full sentences, as on the incident's page), tell its
    incident; another source's headline line (no full stop) does not."""
    if _same_paragraph(group, a):
        return True
    return role in ("incident", "other") and _full_stop(a) and not starts_new_incident(a.sentence.span.text)


# A calendar date more than this before publication, told after the report's own news, recaps older news: a week
# after a lead dated to the report's days, two weeks after an undated lead (it may tell of a "recent" operation)
RECAP_DAYS = 7
RECAP_DAYS_UNDATED_LEAD = 14
RECENT_DAYS = 3  # an incident this close to publication is the report's own news
_CALENDAR = frozenset(("iso", "numeric", "mdy", "dmy", "range_md", "range_dm", "range", "month_year", "part_month",
                       "last_unit", "season", "year"))  # fmt: skip


def _role_here(annotated: Sequence[Annotated], i: int, window: int | None) -> str:
    """The role of sentence ``i`` in its report: its effective role, except that a photo caption is background
    and so is an incident told only with a calendar date long before the report, after the report's news."""
    a = annotated[i]
    following = annotated[i + 1].sentence.span.text if i + 1 < len(annotated) else ""
    if is_caption(a.sentence.span.text, following):
        return "background"  # "A general view shows the damage ... in this handout picture provided by SANA on ..."
    role = effective_role(a)
    if role in ("incident", "other") and window is not None and _recap(a, window):
        return "background"
    if role == "other" and _headline_of_harm(annotated, i):
        return "incident"  # "Casualties in the countryside of Daraa": a monitor's line tells an incident
    return role


def _headline_of_harm(annotated: Sequence[Annotated], i: int) -> bool:
    """A line of its own without a full stop (one source's headline) that tells harm by a noun at a place."""
    a = annotated[i]
    return _headline_line(annotated, i) and bool(a.places) and clauses.tells_harm(a.sentence.span.text)


def _headline_line(annotated: Sequence[Annotated], i: int) -> bool:
    """A line of its own without a full stop: a headline, or one source's line in a list of headlines."""
    a = annotated[i]
    near = annotated[max(0, i - 1) : i + 2]
    return not _full_stop(a) and all(b.sentence.paragraph != a.sentence.paragraph for b in near if b is not a)


CHRONICLE_DAYS = 3  # distinct calendar days dating incident sentences that make a report a chronicle
_DAY_KINDS = frozenset(("iso", "numeric", "mdy", "dmy"))


def _chronicle(annotated: Sequence[Annotated]) -> bool:
    """A report that dates its incidents one by one with calendar days ("On January 30, ... On January 21, ...
    On January 12, ...") is a chronicle of a period, not news with a recap: none of its days is older news."""
    days = {
        d.date.start
        for a in annotated
        if a.role == "incident"
        for d in _incident_dates(a)
        if d.kind in _DAY_KINDS
    }
    return len(days) >= CHRONICLE_DAYS


# an entry of a newest-first list lies at most this long before the entry above it
LISTING_STEP_DAYS = RECAP_DAYS
# what may precede the day that opens an entry: "On Friday, ...", "Early on Monday ...", "..., and on January 23 ..."
# ... or after the entry's place, as monitors list them: "In Idlib countryside, on Tuesday, ..."
_ENTRY_LEAD_CHARS = 60
_ENTRY_LEAD = re.compile(
    r"[\s,;(\"'“-]*(?:(?:in|at|near)\s+[^,;.]{1,40}?,\s*)?"
    r"(?:(?:and|also|then|early|late|on|meanwhile|elsewhere)\b[\s,]*){0,2}",
    re.IGNORECASE,
)


def _listed(annotated: Sequence[Annotated], heads: int) -> frozenset[int]:
    """The entries of a report that lists its incidents newest first, each opening with its day ("Yesterday, ...
    On Friday, ... On January 23, ..."): a monitor's roundup walks back entry by entry, so none of its entries
    is a recap of older news, however far back the last one lies. The list starts at the report's first incident
    and goes on while each entry opening with its day lies on or before the entry above it, at most a week
    earlier; a wire story's lead tells its day later in the sentence ("Rocket fire killed five people in
    Damascus on Thursday"), and its recap jumps further back ("On Jan. 25 ...")."""
    out: set[int] = set()
    above: date | None = None
    for i in range(heads, len(annotated)):
        a = annotated[i]
        if effective_role(a) != "incident":
            continue
        day = _opening_day(a)
        if above is None and day is None:
            break  # the lead does not open with its day: no list
        if day is None:
            continue  # more of the entry above ("Another three were wounded in Hass.")
        if above is not None and (day > above or (above - day).days > LISTING_STEP_DAYS):
            break
        out.add(i)
        above = day
    return frozenset(out) if len(out) >= 2 else frozenset()


def _opening_day(a: Annotated) -> date | None:
    """The day an incident sentence opens with ("On Friday, an ambush killed ..."), if it opens with one."""
    own = [d for d in _incident_dates(a) if d.date.precision == 1]
    if not own:
        return None
    first = min(own, key=lambda d: d.span.start)
    at = first.span.start - a.sentence.span.start
    return (
        first.date.start
        if at <= _ENTRY_LEAD_CHARS and _ENTRY_LEAD.fullmatch(a.sentence.span.text[:at])
        else None
    )


def _recap(a: Annotated, window: int) -> bool:
    """Wire stories close with older news ("On Jan. 25 the group fired dozens of rockets after a similar
    warning"); the report's own "a week earlier" keeps an older attack in its story and is not a recap."""
    own = _incident_dates(a)
    return bool(own) and all(d.kind in _CALENDAR and d.age is not None and d.age > window for d in own)


def _window(window: int | None, a: Annotated) -> int | None:
    """The recap window once incident ``a`` is told: a week after news dated to the report's days, two weeks
    after an undated one; an incident dated long before opens none (it may be what the report is about)."""
    own = _incident_dates(a)
    if any(d.age is not None and d.age <= RECENT_DAYS for d in own):
        found: int | None = RECAP_DAYS
    else:
        found = None if own else RECAP_DAYS_UNDATED_LEAD
    return found if window is None else min(window, found or window)


def _told_within(group: Group, annotated: Sequence[Annotated], roles: Sequence[str]) -> DateMention | None:
    """A day stated between the incident's first and last sentences, by a sentence of its story that is not its
    own ("ISAF confirmed the death of X. During a route-clearing operation Wednesday ... X was killed")."""
    if group.kind != "incident" or len(group.members) < 2:
        return None
    first, last = group.members[0].sentence.index, group.members[-1].sentence.index
    own = {id(m) for m in group.members}
    for a, role in zip(annotated[first + 1 : last], roles[first + 1 : last], strict=True):
        if role == "other" and id(a) not in own:
            told = best([d for d in _incident_dates(a) if d.date.precision < COARSE])
            if told is not None:
                return told
    return None


HEADLINE_CHARS = 160
MAX_HEADLINES = 4  # section label, headline, release number, dateline


def headline_lines(annotated: Sequence[Annotated], stop: set[int] | None = None) -> int:
    """How many sentences at the top are headlines or labels ("Two insurgents killed in Helmand", "ISIS
    resurgence", "KABUL, Afghanistan (Jan. 25, 2013)"): short lines of their own without a full stop, over a text
    told in full sentences. A headline repeats the lead incident; it never adds one (nor its figures twice). A
    document of headlines (one line per source) has none: each line is all there is."""
    n = 0
    for i, a in enumerate(annotated[:MAX_HEADLINES]):
        if stop and i in stop:
            break  # an incident-log line is the incident, not a headline over it
        alone = all(b.sentence.paragraph != a.sentence.paragraph for b in annotated if b is not a)
        if (
            not alone
            or len(a.sentence.span.text) > HEADLINE_CHARS
            or (_full_stop(a) and not _retold(annotated, i))
        ):
            break
        n += 1
    # a text told in full sentences below, not one more source's headline ("214 people were killed yesterday.")
    return n if sum(_full_stop(a) for a in annotated[n:]) >= 2 else 0


RETOLD_AFTER = 40  # characters a dateline may take before the headline told again ("Thu Aug 1 2013 ")


def _retold(annotated: Sequence[Annotated], i: int) -> bool:
    """Whether the next paragraph opens with line ``i`` again, after at most a dateline ("40 Syrians die in ammo
    depot blast." / "Thu Aug 1 2013 40 Syrians die in ammo depot blast. An ammunition depot ..."): a headline
    with a full stop, which repeats the lead incident as any headline does."""
    if i + 1 >= len(annotated) or annotated[i + 1].sentence.paragraph == annotated[i].sentence.paragraph:
        return False
    head = annotated[i].sentence.span.text.rstrip(".!? ")
    return (
        len(head.split()) >= TITLE_WORDS
        and 0 <= annotated[i + 1].sentence.span.text.find(head) <= RETOLD_AFTER
    )


def _full_stop(a: Annotated) -> bool:
    return a.sentence.span.text.rstrip()[-1:] in ".!?\"”'"


class Narrative:
    """The date of the story being told: the last event date read, until a cue ("In another incident",
    "Meanwhile", "Elsewhere") starts another story. An incident whose own sentences give no date took place on
    the day its story is told about ("An Afghan and coalition force ... yesterday. The force also detained ...");
    background, tallies and ongoing campaigns do not move it."""

    def __init__(self) -> None:
        self.date: DateMention | None = None

    def enter(self, a: Annotated, own_line: bool = False) -> None:
        # a headline line starts its own story: in a list of sources' headlines, one line's "yesterday" is not the
        # day of the next line's incident
        if own_line or starts_new_story(a.sentence.span.text):
            self.date = None

    def leave(self, a: Annotated, role: str) -> None:
        if role in ("incident", "other"):
            # only a day (or a few) sets the story's date: "last month" dates one event, not those told after it
            told = best([d for d in _incident_dates(a) if d.date.precision < COARSE])
            self.date = told or self.date


TALLY_DAYS = 3  # figures over a period this long or longer are a cumulative count ("since Thursday", 4 days)


def _long_period(d: DateMention) -> bool:
    return d.background or (d.date.end - d.date.start).days + 1 >= TALLY_DAYS


def effective_role(a: Annotated) -> str:
    """The sentence's role, corrected by its dates: one told only with dates long before the report is
    background ("The Islamic State lost al-Baghouz in March 2019"); figures over a period only are a tally."""
    if a.role not in ("incident", "other") or not a.dates:
        return a.role
    if a.figures and all(d.role == "period" for d in a.dates) and any(_long_period(d) for d in a.dates):
        # "71 killed since the beginning of 2022", "44 civilians killed since Thursday"; not "since yesterday"
        return "tally"
    if all(d.background for d in a.dates):
        return "background"
    if not a.figures and all(d.date.precision >= COARSE for d in a.dates):
        # "Last week the regime appeared to scale down its raids": a trend, not an incident
        return "background"
    return a.role


def _continues(group: Group, a: Annotated) -> bool:
    if starts_new_incident(a.sentence.span.text) or _sequel(group, a):
        return False
    own = best(_incident_dates(a))
    if own is not None and own.date.start != _group_day(group) and _another_scene(group, a):
        return False  # "... late on Monday.\n\nSecurity forces arrested two suspects on Tuesday": another incident
    if own is None and _restates(group, a):
        return True  # "recovered three bodies and took six injured to hospitals": the figures told already
    if own is None and not a.figures and (a.typed is None or _refers_back(a)):
        # no day, no figure and no new act of its own ("Sources attributed the strikes to Russian aircraft, citing
        # observers at Hmeimim airbase"): it tells more of the same, whatever other place it names
        return True
    named = {
        _place_key(p.place)
        for p in a.places
        if (_below_country(p.place) or p.cue in _LOCATING)
        and p.place.feature not in _RUNS_BY
        and not labels_report(p, a)
    } | a.named
    # an incident placed only by its country ("killed two insurgents in southern Afghanistan") has no place yet:
    # the place a later sentence names is its own
    before = group.gathered("places", _places_named)
    return not named or not before or bool(named & before)


# "Russian warplanes later carried out dozens of air strikes": what followed the incident, told as such
_SEQUEL = re.compile(r"\b(?:later|afterwards|subsequently|in\s+(?:response|retaliation))\b", re.IGNORECASE)


def _sequel(group: Group, a: Annotated) -> bool:
    """An act of another kind than the incident's, with no toll of its own, that the sentence says came after
    it ("ambushed a convoy ... Russian warplanes later carried out air strikes"): another event."""
    if a.typed is None or a.figures:
        return False
    types = group.gathered("types", lambda m: (m.typed.event_type,) if m.typed else ())
    if not types or a.typed.event_type in types:
        return False
    return bool(_SEQUEL.search(a.sentence.span.text))


# "a raid on a nearby village", "in the same area": a place told only as near the incident told before
_NEAR_THERE = re.compile(
    r"\b(?:nearby|near(?:by)?\s+there|in\s+the\s+same\s+(?:area|village|town|region))\b", re.I
)


def _near_there(a: Annotated) -> bool:
    """Whether the sentence places its act only as near the incident told before it ("Security forces arrested
    two suspects in a raid on a nearby village")."""
    return bool(_NEAR_THERE.search(a.sentence.span.text))


# A country named with no word that puts something there qualifies a noun ("a credible threat to attack the U.S.
# Embassy"): no other scene, as "killed two in Iraq" is
_LOCATING = frozenset(
    {"in", "near", "outskirts", "direction", "distance", "between", "struck", "countryside"}
)


def _places_named(a: Annotated) -> set[str]:
    """The places a sentence names as scenes: not the label heading a report ("Deir Ezzor: SDF arrests 6"), which
    the body's places say more of ("in Dhiban ... in the eastern countryside of Deir Ezzor")."""
    return {
        _place_key(p.place) for p in a.places if _below_country(p.place) and not labels_report(p, a)
    } | a.named


# A river runs by many places: "on the eastern banks of the Euphrates" names no other scene than the incident's
# place in Deir ez-Zor told before
_RUNS_BY = frozenset({"river"})


def _below_country(place: Place) -> bool:
    return (place.where_prec or ADMIN1_PREC) < clauses.COUNTRY_PREC


def _restates(group: Group, a: Annotated) -> bool:
    """Every figure of the sentence repeats one of the incident's (same kind, same count)."""
    told = group.gathered("figures", lambda m: ((f.kind, f.best) for f in m.figures))
    mine = {(f.kind, f.best) for f in a.figures if "negated" not in f.flags}
    return bool(mine) and mine <= told


_DEFINITE = re.compile(r"\b(?:the|these|those|this|that|such)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _refers_back(a: Annotated) -> bool:
    """The act is named as one already told: "the strikes", "these attacks", "the raid"."""
    if a.typed is None:
        return False
    at = a.typed.span.start - a.sentence.span.start
    if not _full_stop(a):
        # a headline line of its own ("The factions target the town of Foah") starts its own story
        return False
    return bool(_DEFINITE.search(a.sentence.span.text[max(0, at - 40) : at]))


def _another_scene(group: Group, a: Annotated) -> bool:
    """A new paragraph, or another kind of event, beside another day: enough to tell another incident. (A new
    paragraph alone is not: press releases tell one operation over several, restating its figures.)"""
    if a.sentence.paragraph != group.members[-1].sentence.paragraph:
        return True
    types = group.gathered("types", lambda m: (m.typed.event_type,) if m.typed else ())
    return a.typed is not None and bool(types) and a.typed.event_type not in types


def _group_day(group: Group) -> object:
    for m in group.members:
        top = best(_incident_dates(m))
        if top is not None:
            return top.date.start
    return group.inherited.date.start if group.inherited else None


def _place_key(place: Place) -> str:
    return f"{place.name}|{place.admin1}"


def event_id(doc: Document, kind: str, first: Span) -> str:
    return hashlib.sha256(f"{doc.id}:{kind}:{first.start}".encode()).hexdigest()[:16]


def _sides(figures: Sequence[Figure]) -> tuple[SideCount, ...]:
    """The figures' counts per side and kind, added as ``Event.total`` adds them (``added_in``): a toll revision
    ("put the toll at 14") counts everyone of its kind but those told as besides it, whatever their side."""
    totals: dict[tuple[str, str], list[int]] = {}
    for f in added_in(figures):
        if f.best is None:
            continue
        best = f.best
        t = totals.setdefault((f.side or "unknown", f.kind), [0, 0, 0])
        t[0] += f.low or 0
        t[1] += best
        t[2] += f.high or best
    return tuple(SideCount(who, kind, lo, best, hi) for (who, kind), (lo, best, hi) in totals.items())


def event_date(group: Group, doc: Document) -> EventDate | None:
    """When the event took place. An incident: the weightiest day its own sentences state (not the day a
    statement was made, nor background); else see _undated. A tally: the period it counts over. A
    development: from the campaign's stated start, or the period it names, up to the report."""
    members = group.members
    if group.log is not None:
        # the line's own date, however long before publication (None: refused, see notes)
        return group.log.date
    if group.kind == "development":
        return _development_date(members, doc)
    if group.kind == "tally":
        periods = [d for a in members for d in a.dates if d.role == "period"]
        own = periods or [d for a in members for d in _incident_dates(a)]
        return own[0].date if own else _publication_day(doc)
    for a in members:
        top = best(_incident_dates(a))
        if top is not None:
            return top.date
    return _undated(group, doc)


def _incident_dates(a: Annotated) -> list[DateMention]:
    """Dates that can date an incident told in this sentence: events of the report's days, not the day a
    statement was made, not a campaign's start, not background."""
    return [
        d
        for d in a.dates
        if d.role == "event" and not d.background and d.anchor_name is None and d.kind not in CAMPAIGN_KINDS
    ]


def _undated(group: Group, doc: Document) -> EventDate | None:
    """An incident whose sentences state no event day: a recent period they give ("since yesterday"), else the day
    of its story, else the day its report was made ("state media said on Tuesday"), else publication."""
    dated = [d for a in group.members for d in a.dates if not d.background and d.anchor_name is None]
    periods = [d for d in dated if d.role == "period" and d.kind not in CAMPAIGN_KINDS]
    if periods:
        return periods[0].date
    if group.within is not None:
        d = group.within.date
        return replace(
            d, reason=f"no date in its own sentences: the day told within its story ({d.text!r}; {d.reason})"
        )
    if group.inherited is not None:
        d = group.inherited.date
        why = f"no date in its own sentences: the day of the story told before it ({d.text!r}; {d.reason})"
        return replace(d, reason=why)
    reports = [d for d in dated if d.role == "report"]
    if reports:
        d = reports[0].date
        why = f"only the day it was reported ({d.text!r}): the event was then or a little earlier"
        return EventDate(d.start, d.end, max(2, d.precision), d.text, why, d.span)
    return _publication_day(doc)


def _publication_day(doc: Document) -> EventDate | None:
    if doc.published is None:
        return None
    # No date stated for the event: coded to the report's day, as ACLED and UCDP coders do, with a precision that
    # says the day is not certain (reports often cover the day before).
    pub = doc.published
    return EventDate(
        pub, pub, 2, "", "no date stated: coded to the publication day; it may be a day or two earlier"
    )


def _development_date(members: Sequence[Annotated], doc: Document) -> EventDate | None:
    """An ongoing campaign runs from its stated start to the report (or from its first date mentioned)."""
    starts = [d.date for a in members for d in a.dates if d.anchor_name]
    if starts and doc.published:
        s = starts[0]
        why = "from the stated start to publication (ongoing)"
        return EventDate(s.start, doc.published, precision_of(s.start, doc.published), s.text, why, s.span)
    periods = [d.date for a in members for d in a.dates if d.role == "period"]
    dated = periods or [d.date for a in members for d in _incident_dates(a)]
    return dated[0] if dated else _publication_day(doc)


def build_events(doc: Document, groups: Sequence[Group]) -> list[Event]:
    """The events of a report's groups (``build_event``), the lead incident with the toll its title tells where
    the report counts fewer of those people: "Death Toll in Blast ... Rises to 70" over a story whose sentences
    say "has risen to 70" with no word for the toll and quote an older "Over 20 Dead"; "5 killed in regime
    shelling on Aleppo" over a story that tells the shelling but not its dead. A title the report counts in full
    or more (its story's figures, in every incident) tells them again and adds nothing."""
    built = [(g, build_event(doc, g)) for g in groups]
    events = [e for _, e in built if e is not None]
    lead = next(((g, e) for g, e in built if g.titles and e is not None), None)
    if lead is None:
        return events
    group, event = lead
    told = _title_tolls(group.titles, events)
    if not told:
        return events
    again = build_event(doc, group, told)
    return [again if e is event and again is not None else e for e in events]


# the kinds a count of each kind is also told by: "12 killed and wounded" counts the killed and the wounded
_TOLD_AS = {
    "killed": ("killed", "killed_or_injured"),
    "injured": ("injured", "killed_or_injured"),
    "killed_or_injured": ("killed", "injured", "killed_or_injured"),
}


def _title_tolls(titles: Sequence[Annotated], events: Sequence[Event]) -> list[Figure]:
    """The counts of the title line that tells most of each kind, where they are more than all the report's
    incidents count of that kind (and of the kinds that count the same people: ``_TOLD_AS``; a tally of the
    month is no count of the title's incident). A vague count ("Dozens killed in ...") only where the report
    counts none: it never stands for an exact count."""
    out: list[Figure] = []
    for kind in FIGURE_KINDS:
        counted = sum(
            total.best or 0
            for e in events
            if e.kind == "incident"
            for other in _TOLD_AS.get(kind, (kind,))
            if (total := e.total(other)) is not None
        )
        lines = [
            [
                f
                for f in added_in([_as_told(f) for f in a.figures])
                if f.kind == kind and (not counted or "vague" not in f.flags)
            ]
            for a in titles
        ]
        told = max(lines, key=_count, default=[])
        if _count(told) > counted:
            out.extend(told)
    return out


def _as_told(f: Figure) -> Figure:
    """A title's figure without the ``restatement`` mark the casualty stage gives a title whose kind of harm the
    report tells again (``casualties._headline``): whether the report counts those people is judged here."""
    return replace(f, flags=tuple(x for x in f.flags if x != "restatement"))


def _count(figures: Sequence[Figure]) -> int:
    return sum(f.best or 0 for f in figures)


def _with_titles(titles: Sequence[Figure], figures: list[Figure]) -> list[Figure]:
    """The title's counts first, and the incident's own figures of their kinds marked ``restatement``: the
    title's toll counts them all (a toll revision told in the story too: "has risen to 20" under a title's 70)."""
    kinds = {t.kind for t in titles}
    return list(titles) + [
        replace(f, flags=(*f.flags, "restatement")) if f.kind in kinds and "restatement" not in f.flags else f
        for f in figures
    ]


def build_event(doc: Document, group: Group, titles: Sequence[Figure] = ()) -> Event | None:
    # each person counted once per incident: restatements, "the insurgent" after "two insurgents", titles retold
    figures = reconcile([a.figures for a in group.members])
    if titles:
        figures = _with_titles(titles, figures)
    spans = [a.sentence.span for a in group.members]
    civilian = bool(figures) and all(f.side == "civilians" for f in figures if f.best)
    actor1, actor2, assoc = pick_actors(group.members, figures)
    typed = classify(doc.text, _typed_spans(group), victims_civilian=civilian, actor1=actor1)
    if group.members[0].listed:
        # "protesters took to the streets in Kampala, Mityana, and other areas to decry the arrests": the act at
        # Mityana is the protest, not the arrests the list's words go on to name
        typed = _shared_act(group) or typed
    elif typed is None or typed.event_type is None:
        # harm told by a noun only ("... and Ma'arasta cause 75 casualties") yields to the act a clause shares
        typed = _shared_act(group) or typed
    if typed is not None and typed.event_type == "none":
        return None  # a disaster or accident: not a conflict event
    if group.kind != "incident":
        # a tally or an ongoing campaign sums up many events of several kinds: one ACLED sub-type would mislead
        typed = None
    # a log line's place list is all the place it has: a place named on the lines before is another incident's
    place = pick_place(_in_listed_region(group), () if group.log else group.before)
    if place is None and group.follows is not None:
        place = _around(pick_place(_in_listed_region(group.follows), group.follows.before))
    when = event_date(group, doc)
    evidence = _evidence(typed, place, when, actor1, actor2, group, figures)
    found = sum(x is not None for x in (typed, place, actor1, when and when.span)) + bool(figures)
    return Event(
        id=event_id(doc, group.kind, spans[0]),
        document_id=doc.id,
        kind=group.kind,
        event_type=typed.event_type if typed else None,
        sub_event_type=typed.sub_event_type if typed else None,
        date=when,
        location=place,
        actor1=actor1,
        actor2=actor2,
        assoc_actors=assoc,
        figures=tuple(figures),
        sides=_sides(figures),
        evidence=evidence,
        confidence=min(0.95, 0.3 + 0.13 * found),
        extractor_version=EXTRACTOR_VERSION,
        span=Span.of(doc.text, spans[0].start, spans[-1].end),
        notes=_notes(group, typed, when),
        disorder_type=typed.disorder_type or None if typed else None,
        civilian_targeting=bool(typed and typed.civilian_targeting),
        type_of_violence=type_of_violence(typed.sub_event_type, actor1, actor2) if typed else None,
    )


def _around(place: Place | None) -> Place | None:
    """The place of the incident an act followed or was near, as the act's place: near it, no nearer than it was
    known (``cues.near``)."""
    if place is None:
        return None
    geo, where = near((place.geo_precision or 2, place.where_prec or 2))
    return replace(place, geo_precision=geo, where_prec=where)


def _in_listed_region(group: Group) -> list[Annotated]:
    """The members, with an incident-log line's places kept to the governorate its place list names ("Al Safsaf
    village, near Tabaqa, Raqqa governorate, Syria": not the Al Safsaf of another governorate), when it names one
    and some place lies in it."""
    members = list(group.members)
    if group.log is None:
        return members
    line = members[0]
    regions = {p.place.admin1 for p in line.places if p.place.where_prec == ADMIN1_PREC and p.place.admin1}
    inside = [p for p in line.places if p.place.admin1 in regions]
    if len(regions) == 1 and inside:
        members[0] = replace(line, places=inside)
    return members


ADMIN1_PREC = 4  # UCDP where_prec of a governorate


def _shared_act(group: Group) -> Typed | None:
    """The act a clause shares with the clause before it ("clashes in Daraa and [in] Aleppo": the Aleppo clause
    names no act of its own), read from that clause's words (clauses.py)."""
    for a in group.members:
        s = a.sentence.span
        if a.clause and a.typed is not None and not s.start <= a.typed.span.start < s.end:
            return a.typed
    return None


def _typed_spans(group: Group) -> list[Span]:
    """The sentences that can tell the event's type: all of them, except an incident-log line, whose words are a
    date, a code and place names (a "police station" in a place list is no police raid)."""
    if group.log is None:
        return [a.sentence.span for a in group.members]
    line = group.members[0].sentence.paragraph
    return [a.sentence.span for a in group.members if a.sentence.paragraph != line]


def _notes(group: Group, typed: Typed | None, when: EventDate | None) -> str:
    if group.log is not None:
        return describe(group.log, typed is not None)
    return "" if when is not None else UNDATED_NOTE


# Said, rather than guessed, when nothing dates an event: relative and year-less dates need a publication date.
UNDATED_NOTE = (
    "date unknown: the report gives no publication date (none in its metadata, dateline or the --published hint), "
    "so its relative or year-less dates ('yesterday', 'on Sunday', 'Jan. 28') could not be placed"
)


def _evidence(typed: Typed | None, place: Place | None, when: EventDate | None, actor1: Actor | None,
              actor2: Actor | None, group: Group, figures: Sequence[Figure]) -> tuple[Evidence, ...]:  # fmt: skip
    ev: list[Evidence] = []
    if typed:
        ev.append(Evidence("event_type", typed.span))
    if when and when.span:
        ev.append(Evidence("date", when.span))
    if place and place.span:
        ev.append(Evidence("location", place.span))
    for name, actor in (("actor1", actor1), ("actor2", actor2)):
        if actor and actor.span:
            ev.append(Evidence(name, actor.span))
    ev.extend(Evidence(f"figure:{f.kind}", f.span) for f in figures)
    ev.extend(Evidence("sentence", a.sentence.span) for a in group.members)
    return tuple(ev)
