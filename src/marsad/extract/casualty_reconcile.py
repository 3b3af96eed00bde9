"""Counting each person once: the figures of one incident, read together.

Reports tell an incident more than once: a title, a lead sentence, then the details of each operation. ``reconcile``
takes the figures of one incident sentence by sentence (as ``casualties.find_figures`` flags them) and marks those that
count people already counted as ``restatement``, so per-event totals never add anyone twice. The rules, with their
examples, are in docs/casualties.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from marsad.actors.classes import COMBATANT, kinds_in
from marsad.records import BESIDES, FIGURE_KINDS, NOT_ADDED, Figure

# Figures reconcile leaves alone: they never add in, they replace (revision), or they are zeros (negated).
_NOT_RECONCILED = frozenset((*NOT_ADDED, "background", "negated", "revision"))
_Entry = tuple[int, Figure]  # (index among the incident's figures, the figure)


def _soft(f: Figure) -> bool:
    return "vague" in f.flags or "summary" in f.flags


def _name_words(who: str | None) -> set[str]:
    return set(re.findall(r"[\w'’-]{3,}", (who or "").lower()))


@dataclass
class _Tally:
    """What one incident has counted so far of one figure kind, statement (sentence) by statement."""

    total: int = 0
    lead: list[_Entry] = field(default_factory=list)  # the first statement
    soft: bool = False  # the first statement is vague, or sums up several operations
    summary: bool = False
    later: list[list[_Entry]] = field(default_factory=list)  # statements after a soft lead, judged at the end
    names: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)  # the nouns of the people counted ("insurgent", "leader")
    counted: list[_Entry] = field(default_factory=list)
    elaborate: bool = True  # whether a later statement of no more people tells of the same people
    replaceable: bool = True  # whether a vague first statement gives way to exact ones after it

    def read(self, statement: list[_Entry]) -> set[int]:
        """Indices of the statement's figures that count people already counted."""
        marks = {i for i, f in statement if self._known(f)}
        new = [(i, f) for i, f in statement if i not in marks]
        if not new:
            return marks
        if not self.lead:
            self.start(new)
            self.soft = self.replaceable and all(_soft(f) for _, f in new)
            self.summary = self.soft and any("summary" in f.flags for _, f in new)
        elif self.soft:
            self.later.append(new)
        else:
            marks |= self.add(new)
        return marks

    def start(self, lead: list[_Entry]) -> None:
        self.lead, self.counted, self.total = lead, list(lead), sum(f.best or 0 for _, f in lead)
        self.heads |= {_head(f.who) for _, f in lead}

    def _known(self, f: Figure) -> bool:
        if "named" in f.flags:
            words = _name_words(f.who)
            seen = bool(words & self.names)
            self.names |= words
            return seen
        # "the insurgent", "him", "one of the insurgents": someone counted already (after a summary of several
        # operations, they are the people of the operation being told)
        return "definite" in f.flags and bool(self.lead) and not self.summary

    def add(self, new: list[_Entry]) -> set[int]:
        """A later statement: no more people than counted so far tells them again in detail; more adds people,
        and so do people said to be others than those counted ("also detained one suspected insurgent" after a
        leader was counted; not "several other militants were also captured" after several other militants were).
        More of the very people counted before is a fuller count of them ("one civilian was killed" ... "three
        civilian bodies were found": 3; a count with no noun after people of one noun too, see ``_same_people``).
        People of another kind than all those counted are others, whatever their number (``_unlike``)."""
        others = [
            (i, f)
            for i, f in new
            if (BESIDES & set(f.flags) and not self.heads & {_head(f.who), ""})
            or "more" in f.flags  # "Three more civilians were killed" after 20 civilians: 23
            or self._unlike(f)
        ]
        rest = [e for e in new if e not in others]
        told = sum(f.best or 0 for _, f in rest)
        heads = {_head(f.who) for _, f in rest}
        marks: set[int] = set()
        if rest and told <= self.total and self.elaborate:
            marks = {i for i, _ in rest}
        elif rest and self.elaborate and self._same_people(heads):
            fuller = [(i, f) for i, f in self.counted if _head(f.who) in heads or heads == {""}]
            marks = {i for i, _ in fuller}
            self.total -= sum(f.best or 0 for _, f in fuller)
            self.total += told
            self.counted = [e for e in self.counted if e not in fuller] + rest
        else:
            self.total += told
            self.counted += rest
        self.total += sum(f.best or 0 for _, f in others)
        self.counted += others
        self.heads |= {_head(f.who) for _, f in new}
        return marks

    def _unlike(self, f: Figure) -> bool:
        """Whether ``f`` counts people of another kind than all those counted: civilians after fighters, soldiers
        after civilians ("Shelling killed three civilians. Two soldiers were killed in clashes nearby.")."""
        mine = _kind(f)
        kinds = {_kind(c) for _, c in self.counted}
        return mine is not None and None not in kinds and mine not in kinds

    def _same_people(self, heads: set[str]) -> bool:
        """Whether a later statement's people (the nouns ``heads``) are those counted: the same nouns, or none
        at all after people of one noun ("killed another three people ... The Ghouta Media Center said four were
        killed": four of them, as another source counts them)."""
        if "" not in heads:
            return heads <= self.heads
        return heads == {""} and len(self.heads - {""}) == 1

    def _other_people(self, f: Figure) -> bool:
        return bool(BESIDES & set(f.flags)) and _head(f.who) not in self.heads | {""}

    def finish(self) -> set[int]:
        # exact figures of the people the lead counted replace it; new people of another kind ("detaining numerous
        # suspected insurgents" ... "a Taliban leader") do not
        exact = any(
            not _soft(f) and not self._other_people(f) for statement in self.later for _, f in statement
        )
        if not self.later or not (exact or self.summary):
            return set().union(*(self.add(statement) for statement in self.later))
        # the operations told after a summary, or exact figures after a vague first statement, replace it
        # ("numerous insurgents were killed" ... "killing two" ... "killing more than 10 insurgents": 12, not 16)
        # after a summary, each statement may tell of another operation: its people add up
        details = _Tally(names=self.names, elaborate=not self.summary, replaceable=False)
        marks = {i for i, _ in self.lead}
        for statement in self.later:
            marks |= details.read(statement)
        return marks


def _kind(f: Figure) -> str | None:
    """ "civilian" for the people the casualty stage judged civilians, "combatant" for soldiers, fighters and
    militants, None when the words do not say ("people", "persons", "them")."""
    if f.side == "civilians":
        return "civilian"
    kinds = {h.kind for h in kinds_in(f.who or "")}
    return "combatant" if kinds and kinds <= COMBATANT else None


def _head(who: str | None) -> str:
    """'suspected insurgents' -> 'insurgent': the noun that says who the people are ('' when unknown)."""
    words = (who or "").lower().split()
    return (
        "" if not words or words[-1] in ("them", "him", "her", "he", "she") else words[-1].removesuffix("s")
    )


def _restated(entries: list[tuple[int, _Entry]], told_before: set[str]) -> set[int]:
    """Figures of one kind, as (sentence number, entry): the indices to mark as restatements. ``told_before``: names
    of people whose harm was told as background ("the assassination of Taj Mohammad Wardak" ... "Wardak was
    assassinated in 2008": told again, not counted)."""
    titles = [e for n, e in entries if "headline" in e[1].flags]
    body = [(n, e) for n, e in entries if "headline" not in e[1].flags]
    if (
        not body
    ):  # only titles (several headlines of one story): the largest tells the story, the rest repeat it
        largest = max(titles, key=lambda e: e[1].best or 0, default=None)
        return {i for i, _ in titles if largest is None or i != largest[0]}
    marks = {i for i, _ in titles}  # a title tells again what the body tells
    tally = _Tally(names=set(told_before))
    by_sentence: dict[int, list[_Entry]] = {}
    for n, e in body:
        by_sentence.setdefault(n, []).append(e)
    for n in sorted(by_sentence):
        marks |= tally.read(by_sentence[n])
    return marks | tally.finish()


def reconcile(sentences: Sequence[Sequence[Figure]]) -> list[Figure]:
    """The figures of one incident, sentence by sentence, with those that count people already counted marked
    ``restatement`` (so event totals never count anyone twice): a title the body tells again; "the insurgent",
    "him" or "one of the insurgents" after the insurgents were counted; the same named person again; a later
    sentence that tells of no more people than were counted before it. A vague first statement ("numerous
    insurgents were killed") or one that sums up several operations gives way to the exact figures told after it."""
    flat = [(n, f) for n, fs in enumerate(sentences) for f in fs]
    marks: set[int] = set()
    for kind in FIGURE_KINDS:
        entries = [
            (n, (i, f))
            for i, (n, f) in enumerate(flat)
            if f.kind == kind and f.best is not None and not _NOT_RECONCILED & set(f.flags)
        ]
        if not entries:
            continue  # no figure of this kind to reconcile
        background = [f for _, f in flat if f.kind == kind and "background" in f.flags and "named" in f.flags]
        marks |= _restated(entries, set().union(*(_name_words(f.who) for f in background)))
    return [replace(f, flags=(*f.flags, "restatement")) if i in marks else f for i, (_, f) in enumerate(flat)]
