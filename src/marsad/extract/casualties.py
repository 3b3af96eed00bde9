"""Casualty stage: every statement of people killed, injured, captured, abducted or missing in a sentence.

How one sentence is read:
1. Harm words (``data/harm_words.csv``: "killed", "detained", "the death of", "casualties") are the anchors. A sentence
   without one is not read any further: the cheap guard that keeps long texts fast.
2. Each anchor takes the people it is said of: the noun phrases after an active verb ("killed three civilians and a
   child"), after "of" ("the death of Mullah Tayeb"), before a passive or intransitive one ("Jan and several fighters
   were killed", "two soldiers died"), or the count of a harm noun ("14 dead", "three civilian bodies").
3. A noun phrase is a count with its victims ("at least 15 civilians"), an implicit singleton ("a child", "the Taliban
   commander", "his son", a named person, "him"), a partitive ("three of his associates"), or a definite plural whose
   count was stated earlier in the report ("the insurgents"). Counts of things, ages and unit names are not people.
4. Each phrase becomes a Figure. Flags: vague, subcount ("including three children"), claim, revision ("the death
   toll rose to 20"), review (absurd), negated ("no one was hurt"), background ("linked to an attack that killed
   four soldiers"), definite (refers back: "the insurgent", "him"), named, headline (a title line).
5. ``reconcile`` reads the figures of one incident together and marks those that count people already counted.
Every regex is bounded and matched at token starts, so a 10 kB adversarial string finishes in milliseconds.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any, Protocol

from marsad.extract.casualty_reconcile import reconcile
from marsad.extract.casualty_totals import TOLL, running_totals
from marsad.extract.numbers import (
    MAX_PLAUSIBLE,
    Count,
    alternation,
    count_pattern,
    not_a_count,
    parse_count,
    vague_quantities,
)
from marsad.records import Actor, Figure, Span

__all__ = ["Lexicon", "Mention", "find_figures", "lexicon", "reconcile", "without_places"]


class Mention(Protocol):
    """An actor mention as the actor stage gives it (span + resolved actor)."""

    span: Span
    actor: Actor


def _read_lines(name: str) -> list[str]:
    text = resources.files("marsad.extract").joinpath(f"data/{name}").read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class Lexicon:
    harm: dict[str, tuple[str, str]]  # harm phrase (lower case, single spaces) -> (kind, position)
    harm_re: re.Pattern[str]
    people: frozenset[str]
    things: frozenset[str]
    civilian: frozenset[str]
    role: dict[str, str]  # casualty_words.csv
    background_re: re.Pattern[str]


@cache
def lexicon() -> Lexicon:
    rows = list(csv.DictReader(_read_lines("harm_words.csv")))
    harm = {r["word"]: (r["kind"], r["position"]) for r in rows}
    role = {r["word"]: r["role"] for r in csv.DictReader(_read_lines("casualty_words.csv"))}
    attack = alternation([w for w, r in role.items() if r == "attack"])
    cues = alternation(_read_lines("casualty_background.txt"))
    # "<cue> ... <attack word> ... that|which|killing <anchor>", or "<cue> a recent <anchor noun>" ("kidnapping of")
    clause = r"(?:[^.;]|\.(?=[^\s]|\s+[a-z0-9]))"  # within one sentence: "Aug. 8", "U.S." do not end it
    background = (
        rf"\b(?:{cues})\b{clause}{{0,90}}?\b(?:{attack})\b{clause}{{0,60}}?\b(?:that|which|who|including|killing|"
        rf"wounding|injuring)\b{clause}{{0,40}}$|\b(?:{cues})\s+(?:[\w'’-]+\s+){{0,4}}$"
    )
    return Lexicon(
        harm=harm,
        harm_re=re.compile(rf"\b(?:{alternation(list(harm))})\b", re.IGNORECASE),
        people=frozenset(_read_lines("victim_nouns.txt")),
        things=frozenset(_read_lines("not_people.txt")),
        civilian=frozenset(_read_lines("casualty_civilians.txt")),
        role=role,
        background_re=re.compile(background, re.IGNORECASE),
    )


_CLAIM = re.compile(
    r"\b(?:claim(?:ed|s|ing)?(?!\s+responsibility)|unconfirmed|allegedly|purportedly|said\s+it\s+(?:had\s+)?killed)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:(?:no|without(?:\s+any)?)\s+(?:[\w'’-]+\s+){0,4}?(?:or\s+)?(?P<noun>casualties|causalities|injuries|"
    r"deaths|fatalities|losses)"
    r"|(?:no\s+one|nobody|none|no(?:\s+[\w'’-]+){1,2}(?:\s*(?:,|or|and)\s*(?:[\w'’-]+\s+)?[\w'’-]+){0,3})\s+"
    r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:reported\s+)?(?P<verb>killed|hurt|injured|wounded|"
    r"harmed|detained|arrested)(?:\s+(?:or|and)\s+(?P<verb2>killed|hurt|injured|wounded|detained|arrested))?"
    r"|(?P<verb3>killing|injuring|wounding|harming)\s+(?:no\s+one|nobody|none))\b",
    re.IGNORECASE,
)
# A sentence that sums up several operations ("during separate operations in southern and eastern Afghanistan"):
# its figures give way to the figures of each operation told after it (see ``reconcile``).
_SUMMARY = re.compile(
    r"\b(?:separate|several|multiple|numerous|two|three|four|five|six|a\s+series\s+of)\s+(?:[\w,-]+\s+){0,3}?"
    r"(?:operations|raids|incidents|engagements|searches|missions|patrols)\b|\bthroughout\s+(?:the\s+)?(?:country|"
    r"province|region|Afghanistan|Syria|Iraq)\b|\bin\s+(?:the\s+)?(?:north|south|east|west)\w*\s+and\s+(?:the\s+)?"
    r"(?:north|south|east|west)\w*",
    re.IGNORECASE,
)
_HARMED_AFTER = re.compile(r"\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:killed|detained|captured|"
                           r"arrested|wounded|injured|abducted|kidnapped)\b", re.IGNORECASE)  # fmt: skip
_ADDITIVE = frozenset(("additional", "another", "other", "others", "more", "further"))
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d{1,3}(?:,\d{3})+(?!\d)|[^\W_](?:[\w'’\-]*[^\W_])?|[^\w\s]")
_JOIN = re.compile(r",?\s*(?:and|&|along\s+with|together\s+with|as\s+well\s+as|plus)\b|,", re.IGNORECASE)
_SUBCOUNT = re.compile(r",?\s*(?:including|among\s+them|among\s+whom|of\s+whom)\b", re.IGNORECASE)
_ALONG = re.compile(r"\s*,?\s*(?:along\s+with|together\s+with|as\s+well\s+as)\b", re.IGNORECASE)
_PLURAL_WITHOUT_S = frozenset(("people", "children", "police", "personnel", "staff", "dead", "elderly", "lebanese", "druze", "clergy"))  # fmt: skip
_STOP_ROLES = frozenset(("aux", "adverb", "negation", "prep", "clause", "definite", "indefinite", "possessive",
                         "pron_one", "pron_many", "time"))  # fmt: skip
_PERSON_SUFFIXES = ("er", "or", "ist", "ian")
# the words after a participle that make "a civilian killed ..." a passive told of that person
_PARTICIPLE_AFTER = frozenset(
    ("in", "by", "near", "at", "on", "during", "after", "when", "while", "as", "from")
)
_DETERMINERS = ("definite", "indefinite", "possessive")
_FAMILY = frozenset(("family", "families"))
# the people of one family whose number is unstated: as many as "a group of" (quantities.csv), at least two
_FAMILY_SIZE = vague_quantities()["a group of"]
MAX_MODIFIERS = 8  # "two Taliban vehicle-borne improvised explosive device facilitators" has five
_ABSURD = 10**12  # beyond any count anyone reports: kept as evidence without a number (and flagged review)


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    low: str
    cap: bool


@dataclass(slots=True)
class _Item:
    """One group of people in a noun-phrase list: tokens [start, end), victim words [who_start, who_end)."""

    count: Count
    start: int
    end: int
    who_start: int
    who_end: int
    flags: list[str] = field(default_factory=list)
    counted: bool = False  # a count was written ("two insurgents"), not implied ("a child")
    skip_to: int = 0  # an apposition after the phrase: a list goes on after it

    @property
    def next(self) -> int:
        return max(self.end, self.skip_to)


@dataclass(slots=True)
class _Anchor:
    kind: str | None  # None: two kinds joined ("killed or captured"): read, but no figure
    position: str  # both | before | after | noun | of (see harm_words.csv)
    start: int  # token indices [start, end)
    end: int


def _plural(word: str) -> bool:
    return word.endswith(("s", "men")) or word in _PLURAL_WITHOUT_S


_BOUNDARY_WORDS = frozenset((",", ".", ";", ":", ")", "(", '"', "”", "–", "-", "and", "or", "along", "together", "plus"))  # fmt: skip
_BOUNDARY_ROLES = frozenset(("prep", "clause", "aux", "adverb", "negation", "time"))
_POSTMOD = frozenset(("suspected", "associated", "belonging", "affiliated", "linked", "loyal", "aged", "who", "that"))  # fmt: skip
_JOINED = {("killed", "injured"), ("injured", "killed"), ("killed", "killed_or_injured"),
           ("killed_or_injured", "killed"), ("injured", "killed_or_injured"), ("killed_or_injured", "injured")}  # fmt: skip
MAX_TOKENS = (
    1500  # a "sentence" longer than this is a table or an attack on the reader: only its start is read
)
MAX_ANCHORS = 40
SUBJECT_REACH = 16  # how many tokens before a passive harm word its people may start


class _Reader:
    """One sentence: its tokens, the count expressions in it and the noun-phrase grammar over them."""

    def __init__(self, text: str, sentence: Span, lex: Lexicon, actors: list[tuple[int, int]]) -> None:
        self.text, self.base, self.s, self.lex = text, sentence.start, sentence.text, lex
        found = _TOKEN.finditer(self.s)
        self.toks = [_Tok(m.start(), m.end(), m.group().lower(), m.group()[:1].isupper()) for _, m in
                     zip(range(MAX_TOKENS), found, strict=False)]  # fmt: skip
        self.n = len(self.toks)
        self.by_start = {t.start: i for i, t in enumerate(self.toks)}
        self.by_end = {t.end: i for i, t in enumerate(self.toks)}
        self.actors = actors  # actor mention spans, sentence offsets
        self.anchor_tokens: set[int] = set()
        self.used: set[int] = set()
        self._counts: dict[int, tuple[Count, int] | None] = {}

    # --- tokens -------------------------------------------------------------------------------------------------
    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < self.n else ""

    def role(self, i: int) -> str | None:
        return self.lex.role.get(self.low(i)) if 0 <= i < self.n else None

    def is_person(self, i: int) -> bool:
        low = self.low(i)
        return low in self.lex.people or (i > 0 and f"{self.low(i - 1)} {low}" in self.lex.people)

    def is_thing(self, i: int) -> bool:
        low = self.low(i)
        return low in self.lex.things or (i > 0 and f"{self.low(i - 1)} {low}" in self.lex.things)

    def is_mod(self, i: int) -> bool:
        """A word that can stand inside a noun phrase before its noun ("suspected", "Taliban", "12-year-old")."""
        if not 0 <= i < self.n or i in self.anchor_tokens or i in self.used:
            return False
        low = self.toks[i].low
        if not low[0].isalpha() and not (low[0].isdigit() and any(ch.isalpha() for ch in low)):
            return False
        return self.lex.role.get(low) not in _STOP_ROLES and self.count_at(i) is None

    def in_actor(self, lo: int, hi: int) -> bool:
        a, b = self.toks[lo].start, self.toks[hi - 1].end
        return any(a <= s < b or a < e <= b for s, e in self.actors)

    def boundary(self, i: int) -> bool:
        """Whether a noun phrase may end before token i (a list joins, a clause or the sentence ends)."""
        if i >= self.n or i in self.anchor_tokens:
            return True
        return self.low(i) in _BOUNDARY_WORDS or self.role(i) in _BOUNDARY_ROLES

    def count_at(self, i: int) -> tuple[Count, int] | None:
        """The count expression starting at token i and the index after it."""
        if i in self.used:
            return None
        if i in self._counts:
            return self._counts[i]
        out = None
        if 0 <= i < self.n:
            m = count_pattern().match(self.s, self.toks[i].start)
            if m and m.end() in self.by_end and not not_a_count(self.s, m.start(), m.end()):
                c = parse_count(m.group())
                out = None if c is None else (c, self.by_end[m.end()] + 1)
        self._counts[i] = out
        return out


class _Grammar(_Reader):
    """Noun phrases that name people, and lists of them."""

    def np(self, i: int) -> _Item | None:
        """The noun phrase naming people that starts at token i, if there is one."""
        item = self._phrase(i)
        if item is None or self.low(item.who_end - 1) not in _FAMILY:
            return item
        # "10 persons of two families": the persons are counted, the families only say whose they were
        of_group = any(self.low(k) in ("of", "from") for k in range(item.who_start, item.who_end))
        return item if of_group else self._family(item)

    def _family(self, item: _Item) -> _Item:
        """A family is a group, not one person: "a family of seven people" are seven; "a family" and "two
        families" are at least two people each, their number unstated ("12 family", members, stays 12; "the
        family" points back to people told of)."""
        of = item.who_end
        members = self.count_at(of + 1) if self.low(of) == "of" else None
        if members is not None:  # "a family of seven (people)"
            count, k = members
            end = k + 1 if self.is_person(k) else k
            return _Item(count, item.start, end, item.who_start, end, item.flags, counted=True)
        plural = self.low(item.who_end - 1) == "families"
        if "definite" in item.flags or (item.counted and not plural):
            return item
        n = item.count
        item.count = Count(
            n.low * _FAMILY_SIZE.low, n.best * _FAMILY_SIZE.best, n.high * _FAMILY_SIZE.high, True
        )
        return item

    def _phrase(self, i: int) -> _Item | None:
        if not 0 <= i < self.n or i in self.used or i in self.anchor_tokens:
            return None
        low, role = self.low(i), self.role(i)
        if low in ("all", "both") and self.count_at(i + 1):  # "all three", "both two" (rare)
            return self._counted(i, i + 1, [])
        if low == "both":  # "both men"
            end, head = self._head(i + 1)
            return None if head is None else _Item(Count(2, 2, 2), i, end, i + 1, end, ["definite"])
        if (role in ("definite", "possessive") or low == "another") and self.count_at(i + 1):
            # "the two individuals", "his two sons", "another nine"
            flags = ["definite"] if role == "definite" else ["additional"] if low == "another" else []
            return self._counted(i, i + 1, flags)
        if self.count_at(i):
            return self._counted(i, i, [])
        if low == "her" and not self.is_mod(i + 1):
            role = "pron_one"  # "killing her", not "her husband"
        if role == "pron_one":
            return _Item(Count(1, 1, 1), i, i + 1, i, i + 1, ["definite"])
        if role in ("definite", "indefinite", "possessive"):
            return self._determined(i, role)
        if self.toks[i].cap and (named := self._name(i)) is not None:
            return named
        return self._bare(i)

    def _head(self, j: int) -> tuple[int, int | None]:
        """Modifiers from token j and the last person noun among them: (index after it, its index). Without a
        person noun: (index after the modifiers, None)."""
        head, k = None, j
        while k < self.n and k - j < MAX_MODIFIERS:
            if self.is_mod(k):
                head = k if self.is_person(k) else head
                k += 1
            elif self.low(k) == "and" and head is None and k > j and self.is_mod(k + 1):
                k += 1  # modifiers joined before the noun: "a Taliban logistics and foreign fighter facilitator"
            elif self.low(k) == "(" and self.low(k + 2) == ")" and k > j:
                k += 3  # an acronym: "an Islamic Movement of Uzbekistan (IMU) leader"
            elif (
                self.low(k) == "of"
                and head is None
                and k > j
                and self.toks[k - 1].cap
                and self.toks[k + 1].cap
            ):
                k += 1  # a group's name: "several Islamic Movement of Uzbekistan insurgents"
            else:
                break
        return (k, None) if head is None else (head + 1, head)

    def _counted(self, i: int, j: int, flags: list[str]) -> _Item | None:
        count_end = self.count_at(j)
        assert count_end is not None
        count, k = count_end
        if self.low(k) == "of" and self.role(k + 1) in ("definite", "possessive", "pron_many"):
            # a partitive: "three of his associates", "several of them", "one of the insurgents"; "of the" and "of
            # them" pick out people already mentioned
            flags = flags if self.role(k + 1) == "possessive" else [*flags, "definite"]
            if self.role(k + 1) == "pron_many":
                return _Item(count, i, k + 2, k, k + 2, flags, counted=True)
            j = counted[1] if (counted := self.count_at(k + 2)) else k + 2  # "one of the several insurgents"
            end, head = self._head(j)
            return None if head is None else _Item(count, i, end, k, end, flags, counted=True)
        if self.low(k) == "more":  # "two more died": more people than those told of
            k, flags = k + 1, [*flags, "additional", "more"]
        end, head = self._head(k)
        if head is None and end > k and not self.in_actor(k, end) and not self._group_name(end - 1):
            return None  # things ("40 rockets", "3 vehicles", "one assault rifle") or words that name no one
        return self._postmod(_Item(count, i, end, k, end, flags, counted=True))

    def _group_name(self, i: int) -> bool:
        """'15 young Assyrians', '12 Houthis': a capitalised plural after a count names a people or a group."""
        return self.toks[i].cap and self.low(i).endswith("s") and not self.is_thing(i)

    def _postmod(self, item: _Item) -> _Item:
        """'members of the NDF', 'fighters from the FSA', 'members of one family': the group is part of the victims'
        words."""
        k = item.end
        if self.low(k) not in ("of", "from"):
            return item
        j = k + 1 + (self.role(k + 1) == "definite")
        counted = self.count_at(j)
        j = counted[1] if counted else j
        if self.is_mod(j):
            while j < self.n and j - k < 7 and self.is_mod(j):
                j += 1
            # "jihadists from the Islamic State and Al-Nusra Front": the victims' groups, joined; never another
            # list item of people ("fighters of the FSA and three civilians")
            if self.low(j) == "and" and self.in_actor(j + 1, j + 2):
                j += 1
                while j < self.n and j - k < 12 and self.is_mod(j):
                    j += 1
            item.end = item.who_end = j
        return item

    def _determined(self, i: int, role: str) -> _Item | None:
        end, head = self._head(i + 1)
        if head is None and end > i + 1 and self.boundary(end) and not self.is_thing(end - 1):
            # a word for what someone does: "a Taliban forger", "the bomb-planter" (things: not_people.txt)
            head = end - 1 if self.low(end - 1).endswith(_PERSON_SUFFIXES) else None
        if head is None:
            return None
        if _plural(self.low(head)):
            if role != "definite":
                return None  # "his associates": no count stated
            count = self._antecedent(i, self.low(head))  # "the insurgents": as many as stated before
            return None if count is None else _Item(count, i, end, i + 1, end, ["definite"])
        flags = {"definite": ["definite"], "indefinite": ["indefinite"]}.get(role, [])
        return self._apposition(_Item(Count(1, 1, 1), i, end, i + 1, end, flags))

    def _bare(self, i: int) -> _Item | None:
        """A singular person without an article: 'killed Taliban leader Wali', a headline's 'Turkish soldier'."""
        end, head = self._head(i)
        if head is None or _plural(self.low(head)):
            return None
        return self._apposition(_Item(Count(1, 1, 1), i, end, i, end))

    def _name(self, i: int) -> _Item | None:
        """A personal name: capitalised words not naming an actor, a day, a month or a nationality."""
        k = i
        while k < self.n and k - i < 5:
            t = self.toks[k]
            word = self.s[t.start : t.end]
            if t.cap and not (len(word) > 1 and word.isupper()) and self._name_word(k):
                k += 1
            elif (
                k > i
                and (self.role(k) == "particle" or word[:3] in ("al-", "el-"))
                and self._name_word(k + 1)
            ):
                k += 1  # "bin Laden", "al-Adnani", "ul Haq"
            else:
                break
        if k == i or self.is_person(k) or (k < self.n and self.toks[k].cap):
            return None  # "Taliban leader": a modifier of the noun after it
        if (
            i == 0
            and k == 1
            and not (self.low(1) in (",", "and") or self.role(1) == "aux" or 1 in self.anchor_tokens)
        ):
            return None  # a capitalised first word is a name only when it acts as one: "Jan and ...", "Wardak was"
        return self._apposition(_Item(Count(1, 1, 1), i, k, i, k, ["named"]))

    def _name_word(self, k: int) -> bool:
        if not 0 <= k < self.n or k in self.anchor_tokens or self.is_person(k) or self.is_thing(k):
            return False
        return self.role(k) in (None, "title", "particle") and not self.in_actor(k, k + 1)

    def _apposition(self, item: _Item) -> _Item:
        """Words that say who a person is, read as part of that person: 'the Taliban commander Fayez Jan',
        'the Taliban leader, Alaudin,', 'Qari Ziauddin, the Taliban shadow governor in Faryab province,'."""
        k = item.end
        named = "named" in item.flags
        name = None
        if not named and k < self.n and self.toks[k].cap:
            name = self._name(k)
        elif not named and self.low(k) == "," and (name := self._name(k + 1)) is not None:
            name = name if self.boundary(name.end) else None
        if name is not None:  # the person is known by name: the name is who they are
            item.end, item.who_start, item.who_end = name.end, name.start, name.end
            item.flags.append("named")
            named, k = True, name.end
        if named and self.low(k) == "," and self.role(k + 1) in ("definite", "indefinite"):
            # the list goes on after the apposition ("Rostum, a commander, and his associate")
            ends = [j for j in range(k + 1, min(self.n, k + 18)) if self._ends_apposition(j)]
            item.skip_to = ends[0] if ends else min(self.n, k + 18)
        return item

    def _ends_apposition(self, j: int) -> bool:
        return self.low(j) in (",", ";", ".") or j in self.anchor_tokens or self.role(j) == "aux"

    def _antecedent(self, i: int, noun: str) -> Count | None:
        """The count of 'the insurgents' from the nearest earlier '<count> [modifiers] insurgents' in the report;
        None when none is stated, or when such a mention was itself harmed ("killed numerous insurgents ... killing
        the insurgents"): the phrase then tells of people counted already."""
        end = self.base + self.toks[i].start
        region = self.text[max(0, end - 700) : end]
        found: list[tuple[Count, bool]] = []
        for m in list(re.finditer(rf"\b{re.escape(noun)}\b", region, re.IGNORECASE))[-6:]:
            before = region[max(0, m.start() - 60) : m.start()]
            for w in re.finditer(r"(?<![\w'’-])[\w'’-]+", before):
                c = count_pattern().match(before, w.start())
                gap = before[c.end() :].split() if c else []
                if c and len(gap) <= 3 and not any(g.lower() in self.lex.role for g in gap):
                    harmed = self.lex.harm_re.search(before[max(0, c.start() - 30) : c.start()])
                    count = parse_count(c.group())
                    if count is not None:
                        found.append((count, bool(harmed or _HARMED_AFTER.match(region, m.end()))))
                    break
        return None if not found or any(harmed for _, harmed in found) else found[-1][0]

    def np_list(self, i: int) -> tuple[list[_Item], int]:
        """Noun phrases joined by commas, 'and', 'along with'; after 'including' they are sub-counts. Returns the
        phrases and the index after the list."""
        first = self.np(i)
        if first is None:
            return [], i
        items, k, sub = [first], first.next, False
        while k < self.n and len(items) < 12:
            joined = _SUBCOUNT.match(self.s, self.toks[k].start) or _JOIN.match(self.s, self.toks[k].start)
            if not joined or joined.end() not in self.by_end:
                break
            j = self.by_end[joined.end()] + 1
            sub = sub or joined.re is _SUBCOUNT
            nxt = self.np(j)
            if (
                nxt is not None
                and (joined.group().strip() == "," or not nxt.counted)
                and not self.boundary(nxt.end)
            ):
                nxt = None  # ", the monitor said", "and the attackers fled": not one more victim
            if nxt is None:
                end, head = self._head(j)
                if head is None or sub or not _plural(self.low(head)) or not items[-1].counted:
                    break
                items[-1].end = items[-1].who_end = k = end  # "31 fighters, regime soldiers and militiamen"
                continue
            nxt.flags.extend(["subcount"] if sub else [])
            items.append(nxt)
            k = nxt.next
        return items, k


def _joined_kind(a: str | None, b: str | None) -> str | None:
    if a == b:
        return a
    return "killed_or_injured" if (a, b) in _JOINED else None


class _Sentence(_Grammar):
    """Harm words and the people each is said of."""

    def anchors(self) -> list[_Anchor]:
        out: list[_Anchor] = []
        for m in self.lex.harm_re.finditer(self.s):
            if m.start() not in self.by_start or m.end() not in self.by_end:
                continue
            kind, position = self.lex.harm[" ".join(m.group().lower().split())]
            a = _Anchor(kind, position, self.by_start[m.start()], self.by_end[m.end()] + 1)
            prev = out[-1] if out else None
            if prev and a.start == prev.end + 1 and self.low(prev.end) in ("and", "or", "/", "&"):
                # "killed and wounded", "killed or injured", "15 dead and injured", "deaths and injuries": one
                # combined figure, never split
                verbs = {prev.position, a.position} <= {"both", "before", "after"}
                if verbs or (prev.position == "noun" and a.position != "of"):
                    prev.kind, prev.end = _joined_kind(prev.kind, a.kind), a.end
                    prev.position = prev.position if prev.position == a.position or not verbs else "both"
                    continue
            out.append(a)
            if len(out) >= MAX_ANCHORS:
                break
        for a in out:
            self.anchor_tokens.update(range(a.start, a.end))
        return out

    def read(self, a: _Anchor) -> list[_Item]:
        """The people harm word ``a`` is said of (empty when it speaks of no one countable)."""
        if self.low(a.start - 1) == "to" or self.role(a.start - 1) == "negation":
            return []  # "an operation to kill", "was not hurt": nobody was harmed
        if self.low(a.start - 1) == "those" and a.position != "noun":
            return []  # "as well as those killed at least 160 people were injured": the dead told of, not counted
        if a.position in ("both", "after"):
            adjective = self._adjective(a)
            if adjective is not None:
                return adjective
        if a.position == "of" or (a.position == "noun" and self.low(a.end) == "of"):
            if self.low(a.end - 1) != "of" and self.low(a.end) != "of":
                return []  # "prior to his death": no one named
            start = a.end if self.low(a.end - 1) == "of" else a.end + 1
            return self.np_list(start)[0]
        if a.position == "noun":
            return self._counted_noun(a)
        if a.position == "after" or (a.position == "both" and self._passive(a)):
            people, along = self.subject(a, loose=True), self._along(a)
            for item in along if not people else ():  # "... were killed, including Mullah X": at least him
                item.flags = [f for f in item.flags if f != "subcount"]
            return people + along
        counted = self.count_at(a.end)
        if counted is not None and a.position == "both" and self._next_harm_counted(counted[1]):
            # "10 civilians killed 15 injured", "One person killed 16 others injured", "Girl child killed two others
            # injured" (a title without its comma): the count is the next harm word's, when people were counted or
            # one person was named before the participle
            before = [it for it in self.subject(a, loose=False) if it.counted or not it.flags]
            if before:
                return before
        objects = self.np_list(a.end)[0]
        if objects or a.position == "before" or counted or self.role(a.end) in _DETERMINERS:
            return objects  # an active verb with an object that names no one: "Israel seized 1200 km2"
        end, head = self._head(a.end)
        if end > a.end and head is None:
            return []  # a thing follows: "executed IED attacks"
        # a participle: "12 killed in strikes", "four insurgents killed", a headline's "Turkish soldier killed", and
        # "A civilian killed in regime shelling" (one person, when a preposition tells where or how)
        passive = self.low(a.end) in _PARTICIPLE_AFTER
        people = []
        for it in self.subject(a, loose=False):
            if passive and it.flags == ["indefinite"]:
                it.flags = []  # told of, not introduced besides those counted ("a man injured in the strike died")
            if it.counted or not it.flags:
                people.append(it)
        return people

    def _aux_start(self, a: _Anchor) -> int:
        t = a.start
        while (
            t > 0
            and a.start - t < 5
            and (
                self.role(t - 1) in ("aux", "adverb")
                or self._adverb(t - 1)
                or (
                    self.low(t - 1) == "to"
                    and self.low(t) in ("be", "have")  # "believed to have been killed"
                )
            )
        ):
            t -= 1
        return t

    def _adverb(self, i: int) -> bool:
        """'were inadvertently killed': a word in -ly after an auxiliary."""
        return (
            self.low(i).endswith("ly")
            and self.role(i - 1) in ("aux", "adverb")
            and self.low(i) not in self.lex.people
        )

    def _passive(self, a: _Anchor) -> bool:
        """'were killed', 'have been detained'; not 'have killed' (an active perfect)."""
        run = range(self._aux_start(a), a.start)
        return any(self.role(k) == "aux" and self.low(k) not in ("have", "has", "had") for k in run)

    def _adjective(self, a: _Anchor) -> list[_Item] | None:
        """'one wounded civilian': the harm word describes people counted before it. 'the detained leader',
        'the movement of injured fighters': it describes people already known, no one new. None: not an adjective."""
        end, head = self._head(a.end)
        if head is None:
            return None
        if self.role(a.start - 1) in ("definite", "indefinite", "possessive") or self.low(a.start - 1) in (
            "of",
            "for",
            "with",
            "now",
        ):
            return []
        for p in range(max(0, a.start - 5), a.start):
            found = self.count_at(p)
            if found and found[1] == a.start:
                return [_Item(found[0], p, end, a.end, end, counted=True)]
        return None

    def _counted_noun(self, a: _Anchor) -> list[_Item]:
        """'14 dead', 'three civilian bodies', 'more than 50 martyrs'; 'three men were found dead'."""
        for p in range(max(0, a.start - 6), a.start):
            found = self.count_at(p)
            if found and all(self.is_mod(k) for k in range(found[1], a.start)):
                return [_Item(found[0], p, a.start, found[1], a.start, counted=True)]
        if self._aux_start(a) < a.start:
            return self.subject(a, loose=True)
        return []

    def _along(self, a: _Anchor) -> list[_Item]:
        """'the facilitator was detained along with several of his associates'; '61 were killed yesterday,
        including 30 civilians' (sub-counts)."""
        k = a.end + (self.role(a.end) == "time")
        if k >= self.n:
            return []
        m = _ALONG.match(self.s, self.toks[k - 1].end) or _SUBCOUNT.match(self.s, self.toks[k - 1].end)
        if not m or m.end() not in self.by_end:
            return []
        items = self.np_list(self.by_end[m.end()] + 1)[0]
        if m.re is _SUBCOUNT:
            for item in items:
                item.flags.append("subcount")
        return items

    def _next_harm_counted(self, k: int) -> bool:
        """Whether the harm word after a count follows it at ``k``, or after "others", "people" or "persons"."""
        return k in self.anchor_tokens or (self.low(k) in _COUNTED_OTHERS and k + 1 in self.anchor_tokens)

    def subject(self, a: _Anchor, loose: bool) -> list[_Item]:
        """The people before a passive or intransitive harm word: the earliest noun-phrase list that ends where
        the auxiliaries begin. ``loose`` lets words describing them stand between ('individuals with ties to the
        Taliban were detained')."""
        t = self._aux_start(a)
        for p in range(max(0, t - SUBJECT_REACH), t):
            if p in self.used or p in self.anchor_tokens:
                continue
            items, end = self.np_list(p)
            if not items or self._inside_phrase(p, items[0]):
                continue
            if self._gap_ok(end, t, loose):
                if self.low(t - 1) == "who" and len(items) > 1:
                    # "secured 15 people, including two people who had been wounded": only the nearest are meant
                    items[-1].flags = [f for f in items[-1].flags if f != "subcount"]
                    return items[-1:]
                return items
        return []

    def _inside_phrase(self, p: int, first: _Item) -> bool:
        """A start inside a larger phrase is no subject: "for [senior Taliban commander] who was killed", "the
        [leader]", "15 young [Assyrians]"."""
        if self.role(p - 1) in _DETERMINERS or (self.role(p - 1) == "prep" and not first.counted):
            return True
        return "named" in first.flags and (self.is_mod(p - 1) or self.count_at(p - 1) is not None)

    def _gap_ok(self, end: int, t: int, loose: bool) -> bool:
        """Whether the words between a noun-phrase list and its verb still let the list be the verb's subject."""
        gap = [self.low(k) for k in range(end, t)]
        if not gap or gap == [","] or gap in ([",", "who"], ["who"], [",", "all"]):
            return True
        if any(k in self.anchor_tokens for k in range(end, t)) or any(w in (".", ";") for w in gap):
            return False
        if (gap[0], gap[-1]) in ((",", ","), ("(", ")")) and len(gap) <= 12:
            # a parenthesis: ", aged 12 and 14,", ", one of them the commander,", "(SDF)"
            return True
        if any(self.count_at(k) for k in range(end, t)):
            return (
                False  # "the Observatory for Human Rights says 34 people were killed": the 34 are the subject
            )
        told = gap[1:] if gap[0] == "," else gap
        if told and told[0] in _WHO_THEY_WERE and len(told) <= 8:
            # "13 civilians mostly women and children were killed", "16 civilians including women and children
            # were killed" (commas lost: pages saved as text often drop them)
            return True
        # words describing them: "individuals with ties to the Taliban", "a leader in Pul-e Alam district, Logar
        # province," (a place's commas)
        commas = any(
            w == "," and not self.toks[k + 1].cap for k, w in zip(range(end, t - 1), gap, strict=False)
        )
        describing = self.role(end) == "prep" or gap[0] in _POSTMOD
        return loose and len(gap) <= 12 and not commas and not {"and", "or"} & set(gap) and describing

    def tolls(self) -> list[tuple[str, _Item]]:
        """Running totals (casualty_totals.py), which replace the figures before them: 'the death toll rose to 20',
        'brings to 97 the number of people killed'. (kind, the count, with the people it counts)."""
        return [
            (t.kind, _Item(t.amount, t.start, t.end, t.who_start, t.who_end, counted=True))
            for t in running_totals(self)
        ]


def _is_headline(text: str, sentence: Span) -> bool:
    """A title line: a whole line of the document without closing punctuation."""
    s = sentence.text.rstrip()
    whole = (sentence.start == 0 or text[sentence.start - 1] == "\n") and (
        sentence.end >= len(text) or text[sentence.end] == "\n"
    )
    return whole and bool(s) and s[-1] not in ".!?\"”'’)"


def _negations(text: str, sentence: Span, lex: Lexicon) -> list[Figure]:
    """'No casualties', 'no one was hurt', 'killing no one': zeros with their evidence ('casualties', 'losses' and
    'harmed' deny both deaths and injuries)."""
    out: list[Figure] = []
    for m in _NEGATION.finditer(sentence.text):
        words = [w.lower() for w in m.group("noun", "verb", "verb2", "verb3") if w]
        kinds = [lex.harm.get(w, ("killed_or_injured", ""))[0] for w in words]
        kinds = [
            k for kind in kinds for k in (("killed", "injured") if kind == "killed_or_injured" else (kind,))
        ]
        side = "civilians" if re.search(r"\bcivilians?\b", m.group(), re.IGNORECASE) else None
        span = Span.of(text, sentence.start + m.start(), sentence.start + m.end())
        out.extend(Figure(k, 0, 0, 0, span, side, side, flags=("negated",)) for k in dict.fromkeys(kinds))
    return out


def _side(r: _Sentence, a: _Anchor, item: _Item, mentions: Sequence[Mention]) -> tuple[str | None, bool]:
    """(the victims' side, whether an actor is named among them). Several actors named: the most named side, state
    forces first; none named: civilians when the victim words say so ("a child", "two farmers")."""
    # the people a running total names are its victims too ("the number of regime soldiers killed ... to 83")
    first, last = min(item.start, item.who_start), max(item.end, item.who_end) - 1
    lo, hi = r.base + r.toks[first].start, r.base + r.toks[last].end
    inside = [mt.actor for mt in mentions if lo <= mt.span.start and mt.span.end <= hi]
    if not inside and r.low(a.start) == "lost" and r.low(item.who_end - 1) in ("members", "fighters", "men"):
        # "ISIS lost 17 members": the victims belong to the subject named before the verb
        inside = [mt.actor for mt in mentions if mt.span.end <= r.base + r.toks[a.start].start][-1:]
    sides = [x.side for x in inside if x.side]
    if sides:
        return max(
            sides, key=lambda s: (sides.count(s), any(x.inter == 1 for x in inside if x.side == s))
        ), True
    words = [r.low(k) for k in range(item.who_start, item.who_end)]
    pairs = [f"{x} {y}" for x, y in pairwise(words)]
    civilian = any(w in r.lex.civilian for w in [*words, *pairs])
    return ("civilians" if civilian else None), bool(inside)


def _flags(
    r: _Sentence, a: _Anchor, item: _Item, mentions: Sequence[Mention]
) -> tuple[list[str], str | None]:
    flags = list(item.flags)
    if _ADDITIVE & {r.low(k) for k in range(item.who_start, item.end)} or "also" in {
        r.low(k) for k in range(r._aux_start(a) - 1, a.start)
    }:
        flags.append("additional")  # "one additional suspect", "also detained": people besides those counted
    if item.count.vague:
        flags.append("vague")
    if item.count.best > MAX_PLAUSIBLE:
        flags.append("review")
    at = r.toks[min(a.start, item.start)].start
    if r.lex.background_re.search(r.s[max(0, at - 240) : at]):
        flags.append("background")
    claimant = None
    claim = _CLAIM.search(r.s[:at])
    if claim:
        flags.append("claim")
        before = [mt.actor for mt in mentions if mt.span.end <= r.base + claim.start()]
        claimant = before[-1].name if before else None
    return flags, claimant


def _figure(r: _Sentence, a: _Anchor, item: _Item, first: bool, mentions: Sequence[Mention]) -> Figure:
    lo, hi = (min(a.start, item.start), max(a.end, item.end)) if first else (item.start, item.end)
    span = Span.of(r.text, r.base + r.toks[lo].start, r.base + r.toks[hi - 1].end)
    who = None
    if item.who_end > item.who_start:
        who = " ".join(r.s[r.toks[item.who_start].start : r.toks[item.who_end - 1].end].split()).strip(" ,")
        who = who[3:] if who.lower().startswith("of ") else who  # "three of his associates": his associates
    side, _ = _side(r, a, item, mentions)
    flags, claimant = _flags(r, a, item, mentions)
    c = item.count
    low, best, high = (None, None, None) if c.best >= _ABSURD else (c.low, c.best, c.high)
    return Figure(a.kind or "killed", low, best, high, span, who or None, side, tuple(flags), claimant)


def find_figures(text: str, sentence: Span, mentions: Sequence[Mention] = ()) -> list[Figure]:
    """Figures stated in one sentence of ``text``; spans point into ``text``."""
    lex = lexicon()
    figures = _negations(text, sentence, lex)
    if not lex.harm_re.search(sentence.text) and not TOLL.search(sentence.text):
        return figures
    actors = [(m.span.start - sentence.start, m.span.end - sentence.start) for m in mentions]
    r = _Sentence(text, sentence, lex, actors)
    starts = [t.start for t in r.toks]
    for f in figures:  # the "one" of "no one was hurt" is no count
        r.used.update(
            range(bisect_left(starts, f.span.start - r.base), bisect_left(starts, f.span.end - r.base))
        )
    for kind, item in r.tolls():
        words = range(item.who_start, item.who_end + 1) if item.who_end > item.who_start else range(0)
        r.used.update(range(item.start, item.end))
        r.used.update(words)  # the people it counts and the harm word are this figure's
        a = _Anchor(kind, "toll", min([item.start, *words]), max([item.end, *(w + 1 for w in words)]))
        f = _figure(r, a, item, True, mentions)
        figures.append(replace(f, span=Span.of(text, f.span.start, f.span.end), flags=(*f.flags, "revision")))
    for a in r.anchors():
        if a.kind is not None and r.role(a.start - 1) == "negation":  # "the soldiers were not injured"
            lo = min([it.start for it in r.subject(a, loose=True)], default=a.start - 1)
            span = Span.of(text, r.base + r.toks[lo].start, r.base + r.toks[a.end - 1].end)
            figures.append(Figure(a.kind, 0, 0, 0, span, flags=("negated",)))
            continue
        items = r.read(a)
        for n, item in enumerate(items):
            r.used.update(range(item.start, item.end))
            if a.kind is not None:  # "killed or captured 80": no figure can say how many of which
                figures.append(_figure(r, a, item, n == 0, mentions))
        r.used.update(range(a.start, a.end))
    if _SUMMARY.search(sentence.text):
        figures = [f if "negated" in f.flags else replace(f, flags=(*f.flags, "summary")) for f in figures]
    if "toll" in sentence.text:
        figures = [_superseded(text, f) for f in figures]
    if figures and _is_headline(text, sentence):
        figures = _headline(text, sentence, figures, lex)
    return sorted(figures, key=lambda f: f.span.start)


# words that open a description of the people counted, between them and their verb ("13 civilians mostly women and
# children were killed"): the list before is still the verb's subject
_WHO_THEY_WERE = frozenset({"mostly", "most", "among", "all", "including"})
# the words that may stand between a count and its harm word in a title that lost its comma ("16 others injured")
_COUNTED_OTHERS = frozenset({"others", "other", "people", "persons", "more"})
# "126 people were killed ..., updating a previous toll of 112 dead": the toll an update replaced counts no one
# besides (background, as a harm in someone's past is)
_PREVIOUS_TOLL = re.compile(
    r"\b(?:previous|earlier|initial|former|last)\s+(?:death\s+|casualty\s+)?tolls?\s+(?:of|was|stood\s+at|at)\s+$",
    re.IGNORECASE,
)


def _superseded(text: str, figure: Figure) -> Figure:
    """``figure`` flagged background when it is the toll an update replaced ("a previous toll of 112 dead")."""
    if "background" in figure.flags or not _PREVIOUS_TOLL.search(
        text, max(0, figure.span.start - 40), figure.span.start
    ):
        return figure
    return replace(figure, flags=(*figure.flags, "background"))


def _headline(text: str, sentence: Span, figures: list[Figure], lex: Lexicon) -> list[Figure]:
    """A title line's figures, flagged headline; a title whose kind of harm the report tells again after it is a
    restatement (the body counts those people), so a title and its story never add up."""
    later = {
        lex.harm[" ".join(m.group().lower().split())][0]
        for m in lex.harm_re.finditer(text[sentence.end : sentence.end + 20_000])
    }
    if "killed_or_injured" in later:
        later |= {"killed", "injured"}
    out = []
    for f in figures:
        flags = ("headline", "restatement") if f.kind in later and "negated" not in f.flags else ("headline",)
        out.append(replace(f, flags=(*f.flags, *flags)))
    return out


def without_places(figures: list[Figure], places: Sequence[Any]) -> list[Figure]:
    """The figures but a "named" person that is a country or a province the places stage read (``places``):
    "mercenaries from the former Soviet Union Tunisia and Egypt were killed" names no one Egypt."""
    regions = [p.span for p in places if p.place.feature in _NO_ONE]
    return [f for f in figures if "named" not in f.flags or not any(_names(f, r) for r in regions)]


def _names(figure: Figure, region: Span) -> bool:
    """Whether a named figure's person is the region at ``region``: its words lie within the region's ("Egypt"),
    or they are the region's name within the figure's words ("militants ... operating in Iraq and Syria were
    killed": "Syria were killed" names no Syria killed)."""
    inside = region.start <= figure.span.start and figure.span.end <= region.end
    return inside or (
        figure.span.start <= region.start and region.end <= figure.span.end and figure.who == region.text
    )


_NO_ONE = frozenset({"country", "admin1"})  # places no person is named after
