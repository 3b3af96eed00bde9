"""Find actor mentions in report text with the actor dictionary.

One Aho-Corasick automaton holds every alias, civilian word and side adjective, normalised the same way as the
text (case folded, hyphens as spaces, apostrophes and possessive 's dropped, accents stripped, doubled letters
collapsed), so "Liwaa Al-Quds", "Liwa al Quds" and "the regime's forces" meet their aliases without one regex
per name. Matches are whole words; the longest non-overlapping ones win. A few token patterns then widen or
add mentions:

- "members of X", "X fighters / militants / gunmen / members": the group noun joins X's span;
- "pro-X <group>", "X-backed <group>": a group on X's side (the side's proxy actor: "Turkish-backed factions"
  are the Syrian National Army); "pro-Russian Fifth Corps" is simply the 5th Corps;
- "<adjective> forces / troops / jets / shelling": the side's own forces ("Russian warplanes");
- capitalised names with a group head ("the Free Idlib Army fighters"): an unknown actor, known=False.

Every offset is mapped back to the original text, so spans are exact evidence.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import ahocorasick

from marsad.actors.nationality import country_code, foreign
from marsad.actors.runs import ascii_capitals, capitalised_runs, title_case_lines
from marsad.actors.text import (
    Normalised,
    Tokens,
    cased_key,
    key,
    normalise,
    whole_word,
    words_key,
)
from marsad.records import Actor, Span

# ---------------------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Alias:
    """One spelling. ``case_sensitive`` aliases match only as written (IS, SAA): "is" never matches."""

    text: str
    case_sensitive: bool = False


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary actor."""

    id: str
    name: str
    aliases: tuple[Alias, ...]
    side: str
    inter: int
    country: str | None = None
    notes: str = ""
    source: str = ""
    origin: str = ""  # "file:line" it was read from, for error messages and duplicate reports
    # 0 built-in, 1.. user files in order: a user file wins an alias it shares with the built-ins
    rank: int = 0

    @property
    def spellings(self) -> tuple[Alias, ...]:
        """The canonical name and every alias: the name is matched too."""
        return (Alias(self.name), *self.aliases)

    def actor(self, span: Span) -> Actor:
        return Actor(name=self.name, raw=span.text, inter=self.inter, side=self.side, known=True, span=span)


@dataclass(frozen=True, slots=True)
class SideEntry:
    """A camp actors fight for, with the words the patterns read it from."""

    id: str
    description: str = ""
    adjectives: tuple[Alias, ...] = ()
    forces: str | None = None  # actor for "<adjective> forces"
    proxy: str | None = None  # actor for "pro-<adjective> fighters", "<adjective>-backed militias"
    allies: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    """An actor named in the text.

    ``role_hint``: "agent" after "by" (passive: "targeted by ISIS members"), "target" after "against",
    "targeting", "on"; None otherwise. ``actor_id``: the dictionary id, None for an unknown actor.
    """

    span: Span
    actor: Actor
    role_hint: str | None = None
    actor_id: str | None = None


# ---------------------------------------------------------------------------------------- word lists
# Word lists are normalised like the text ("troops" -> "trops"), so they are built through key().

# nouns that name the members of a group: "ISIS members", "SDF fighters", "Taliban insurgents"
GROUP_NOUNS = words_key(
    """
    fighters fighter militants militant gunmen gunman members member militiamen militiaman militias
    militia elements element operatives operative cells cell units troops soldiers soldier forces
    personnel commanders commander leaders leader recruits snipers sniper jihadists jihadist insurgents
    insurgent rebels men patrol patrols convoy officers officer guards loyalists affiliates
    """
)
# nouns that make an unlisted capitalised name a group: plural members, not a "leader" ("Labour Party leader")
UNKNOWN_CUES = words_key(
    "fighters militants gunmen members militiamen elements operatives cells jihadists rebels"
)
# "members of X"
MEMBER_NOUNS = words_key(
    """
    members member fighters militants gunmen militiamen elements operatives cells units soldiers troops
    personnel commanders commander leaders leader remnants ranks
    """
)
# "<adjective> forces": the side's own forces; attack nouns too, since "Russian airstrikes" names who struck, and the
# places its forces hold ("targeting regime positions", "a rebel checkpoint") or its commanders ("a rebel commander")
STATE_NOUNS = words_key(
    """
    forces force troops army military soldiers soldier servicemen personnel units patrol patrols convoy
    convoys warplanes warplane jets jet aircraft planes helicopters helicopter drones drone artillery
    tanks navy guards police officers commandos airstrikes airstrike strikes strike raids raid shelling
    bombardment bombing missiles rockets members elements shells mortars cannons snipers sniper commander
    commanders fighters positions position posts checkpoints checkpoint barracks headquarters bases base enemy
    """
)
ATTACK_NOUNS = words_key(
    "airstrikes airstrike strikes strike raids raid shelling bombardment bombing missiles rockets"
)
# "<adjective> militias": groups the side backs
MILITIA_NOUNS = words_key(
    "militias militia militiamen factions faction proxies proxy groups mercenaries gunmen"
)
# what "pro-X <noun>" and "X-backed <noun>" name: a group, not a strike; but "US-led air strikes" are the US's
_PRO_NOUNS = {
    False: GROUP_NOUNS | MILITIA_NOUNS | (STATE_NOUNS - ATTACK_NOUNS),
    True: GROUP_NOUNS | MILITIA_NOUNS | STATE_NOUNS,
}
# "X-backed", "X-linked"
BACKED = words_key(
    "backed sponsored supported funded trained armed affiliated aligned allied linked loyal led"
)
_BACKED_AFTER = re.compile(
    r"[ \"“”„«»]+(?:" + "|".join(sorted(BACKED, key=len, reverse=True)) + r")(?![^\W_])"
)
# "ISIS-held areas" name a place, not an actor taking part
TERRITORIAL = words_key("held controlled run dominated occupied")
# words after an alias that make it a modifier of something else: "ISIS-held areas", "regime change"
NOT_ACTOR_AFTER = TERRITORIAL | words_key("change")
AGENT_CUES = words_key("by")
# words that may follow a country acting as agent ("by Russia and ..."), not an adjective ("by Russian ...")
FUNCTION_WORDS = words_key("and or in on at with to for from since after during which that its as")
TARGET_CUES = words_key("against targeting targeted on")
DETERMINERS = words_key("the a an its their")
# heads that make a capitalised name a group ("Free Idlib Army"), and Arabic words that start one ("Jaysh")
ORG_HEADS = words_key(
    """
    army brigade brigades battalion battalions division front movement corps regiment legion forces
    force group gathering militia units guards falcons lions hawks eagles shield knights commandos
    """
)
ARABIC_LEADS = words_key(
    """
    liwa liwaa jaysh jaish jeish harakat haraka katibat kataib kata'ib saraya ansar jabhat jabha tajammu
    faylaq failaq firqat alwiyat fawj quwat hayat tanzim jund
    """
)
# capitalised words that start sentences, not group names
NAME_STOPWORDS = words_key(
    """
    the a an on in at by for from with and but or as if once joint allied combined armed unknown
    unidentified security ied vbied rpg government regime enemy yesterday today tonight meanwhile however
    also while when after before during since this that these those some several many dozens hundreds
    reliable local
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december
    """
)
DEMONYMS = words_key(
    """
    syrian afghan iraqi iranian russian turkish kurdish arab palestinian lebanese israeli american
    british french jordanian pakistani chechen uzbek uighur uyghur turkmen foreign local tribal shiite
    shia sunni alawite druze christian islamist jihadist western
    """
)
# acronyms that are also English words: in SHOUTED text ("THE REGIME IS WEAK") they are the word
ENGLISH_WORDS = words_key("is us as an at it in on or no to am be do go he me my of so up we")

_OPERATIONS_ROOM = [key("operations"), key("room")]
# every word that can make a capitalised run a group: a group noun after it or in "members of", an
# organisation's head noun, an Arabic word that opens a group's name, the "room" of an operations room
GROUP_WORDS = UNKNOWN_CUES | ORG_HEADS | ARABIC_LEADS | {_OPERATIONS_ROOM[1]}


@cache
def _group_words() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in GROUP_WORDS:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def _group_word_tokens(toks: Tokens) -> list[int]:
    """Indices of the words of GROUP_WORDS in the text, in order (one automaton pass, then whole words only)."""
    folded = toks.norm.folded
    out = []
    for last, size in _group_words().iter(folded):
        start = last - size + 1
        if whole_word(folded, start, last + 1) and (k := toks.index_at(start)) is not None:
            out.append(k)
    return sorted(set(out))


STATE_INTERS = (1, 8)  # ACLED inter codes of state forces: a country's own (1) and foreign ones (8)
MAX_NAME_WORDS = 8  # "Martyr Lieutenant Ahmed Abdou Brigades" is 5


# ---------------------------------------------------------------------------------------- matching internals


@dataclass(frozen=True, slots=True)
class _Target:
    kind: str  # "actor", "side" or "country"
    ref: str  # actor id or side id
    cased: str  # the alias's cased normal form, compared when case_sensitive
    case_sensitive: bool


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    targets: tuple[_Target, ...]


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    entry: ActorEntry | None
    priority: int = 1  # dictionary aliases (1) beat pattern readings (0) of the same length
    name: tuple[int, int] | None = None  # unknown actors: where their name is written (without "members of")
    side: str | None = None  # unknown actors: a side read from a pattern ("pro-Israeli group")
    inter: int | None = None


def _shouting(toks: Tokens, start: int, end: int) -> bool:
    """Both neighbouring words are upper case: an all-caps headline, where "IS" is the verb."""
    near = [toks.before(start), toks.after(end)]
    words = [toks.norm.cased[toks.starts[i] : toks.ends[i]] for i in near if i is not None]
    return len(words) == 2 and all(len(w) > 1 and w.isupper() for w in words)


def _select(cands: Sequence[_Cand], size: int) -> list[_Cand]:
    """Longest non-overlapping candidates; among equals, dictionary aliases before patterns, then leftmost."""
    taken = bytearray(size)
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, -c.priority, c.start)):
        if not any(taken[c.start : c.end]):
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


# ---------------------------------------------------------------------------------------- the dictionary


class ActorDictionary:
    """Actors, sides and civilian words, with one automaton over all their spellings.

    Build it with :func:`marsad.actors.load_dictionary`, which validates the data files; the constructor
    trusts its arguments (ids referenced by sides exist, and so on).
    """

    def __init__(
        self,
        entries: Sequence[ActorEntry],
        sides: Sequence[SideEntry] = (),
        civilian_words: Sequence[Alias] = (),
        civilians_id: str | None = None,
        countries: Mapping[str, Sequence[Alias]] | None = None,
    ) -> None:
        self.entries: tuple[ActorEntry, ...] = tuple(entries)
        self.by_id: dict[str, ActorEntry] = {e.id: e for e in self.entries}
        self.sides: dict[str, SideEntry] = {s.id: s for s in sides}
        self.civilian_words: tuple[Alias, ...] = tuple(civilian_words)
        self.civilians_id = civilians_id
        self.countries: dict[str, tuple[Alias, ...]] = {c: tuple(n) for c, n in (countries or {}).items()}
        self._position = {e.id: i for i, e in enumerate(self.entries)}
        # each country's own state forces, first in file order: "Iraqi government forces" are Iraq's
        self._forces: dict[str, ActorEntry] = {}
        for e in self.entries:
            if e.inter in STATE_INTERS and e.country:
                self._forces.setdefault(e.country, e)
        self._index = self._build_index()
        # one-word side adjectives and nationalities, which may stand between "by" and the actor they qualify
        self._qualifiers = DEMONYMS | frozenset(
            k for side in self.sides.values() for a in side.adjectives if " " not in (k := key(a.text))
        )
        self._shared_countries = self._countries_sharing_aliases()
        self._automaton = ahocorasick.Automaton()
        for k, targets in self._index.items():
            self._automaton.add_word(k, (k, tuple(targets)))
        self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self.entries)

    def get(self, actor_id: str) -> ActorEntry | None:
        return self.by_id.get(actor_id)

    def _build_index(self) -> dict[str, list[_Target]]:
        index: dict[str, list[_Target]] = {}

        def add(alias: Alias, kind: str, ref: str) -> None:
            k = key(alias.text)
            if not k:
                return
            target = _Target(kind, ref, cased_key(alias.text), alias.case_sensitive)
            bucket = index.setdefault(k, [])
            if target not in bucket:
                bucket.append(target)

        for entry in self.entries:
            for alias in entry.spellings:
                add(alias, "actor", entry.id)
        if self.civilians_id:
            for word in self.civilian_words:
                add(word, "actor", self.civilians_id)
        for side in self.sides.values():
            for adjective in side.adjectives:
                add(adjective, "side", side.id)
        for code, names in self.countries.items():
            for name in names:
                add(name, "country", code)
        return index

    # ------------------------------------------------------------------ lookups

    def lookup(self, name: str, country: str | None = None) -> ActorEntry | None:
        """The actor a whole name denotes ("Government of Syria", "NDF (Syria)"), or None."""
        k = key(name)
        cased = cased_key(name)
        ids = [
            t.ref
            for t in self._index.get(k, ())
            if t.kind == "actor" and (not t.case_sensitive or t.cased == cased)
        ]
        return self._choose(ids, country, Counter()) if ids else None

    def allied(self, a: str | None, b: str | None) -> bool:
        """Whether two sides fight on the same side (the same, or either lists the other as an ally)."""
        if not a or not b:
            return False
        if a == b:
            return True
        sa, sb = self.sides.get(a), self.sides.get(b)
        return bool((sa and b in sa.allies) or (sb and a in sb.allies))

    def _choose(self, ids: Sequence[str], country: str | None, votes: Counter[str | None]) -> ActorEntry:
        """One actor among those sharing an alias: the hinted country, then the country other mentions point
        to, then the user's files before the built-ins, then file order."""
        if len(ids) == 1:  # most aliases belong to one actor
            return self.by_id[ids[0]]
        entries = [self.by_id[i] for i in dict.fromkeys(ids)]
        if len(entries) == 1:
            return entries[0]
        return max(
            entries,
            key=lambda e: (
                country is not None and e.country == country,
                votes[e.country],
                e.rank,
                -self._position[e.id],
            ),
        )

    def duplicate_aliases(self) -> list[str]:
        """Aliases that two actors of one country could both match: one line per clash, empty when clean."""
        out: list[str] = []
        for k, targets in sorted(self._index.items()):
            actors = [t for t in targets if t.kind == "actor"]
            for i, a in enumerate(actors):
                for b in actors[i + 1 :]:
                    ea, eb = self.by_id[a.ref], self.by_id[b.ref]
                    overlap = not (a.case_sensitive and b.case_sensitive and a.cased != b.cased)
                    if ea.id != eb.id and ea.country == eb.country and overlap:
                        out.append(f"{k!r}: {ea.id} ({ea.origin}) and {eb.id} ({eb.origin})")
        return out

    # ------------------------------------------------------------------ finding

    def find(self, text: str, country: str | None = None) -> list[ActorMention]:
        """Actor mentions in ``text``, in text order. ``country`` (ISO alpha-2) picks between actors that
        share an alias ("coalition forces": ISAF in AF, the anti-IS coalition in SY); without it the other
        mentions decide; a country name or alpha-3 code ("Syria", "SYR") is read as its alpha-2 code."""
        if not text or not text.strip():
            return []
        country = country_code(country)
        norm = normalise(text)
        toks = Tokens(norm)
        hits = self._hits(norm, toks)
        votes = self._country_votes(hits)
        if country is None and votes:
            country = votes.most_common(1)[0][0]
        cands, suppressed = self._pattern_candidates(toks, hits, country, votes)
        cands += [
            c
            for c in self._alias_candidates(toks, hits, country, votes)
            if (c.start, c.end) not in suppressed
        ]
        chosen = self._extend(toks, _select(cands, len(norm.folded)))
        taken = bytearray(len(norm.folded))
        for start, end in [(c.start, c.end) for c in chosen] + sorted(suppressed):
            taken[start:end] = b"\x01" * (end - start)  # qualifiers ("Al Qaeda-linked") are not new names
        chosen += _unknown_groups(toks, taken)
        return [self._mention(text, toks, c) for c in sorted(chosen, key=lambda c: c.start)]

    def _hits(self, norm: Normalised, toks: Tokens) -> list[_Hit]:
        hits: list[_Hit] = []
        for last, (k, targets) in self._automaton.iter(norm.folded):
            start, end = last - len(k) + 1, last + 1
            if not whole_word(norm.folded, start, end):
                continue
            written = norm.cased[start:end]
            kept = tuple(
                t
                for t in targets
                if not t.case_sensitive
                or (t.cased == written and not (k in ENGLISH_WORDS and _shouting(toks, start, end)))
            )
            if kept:
                hits.append(_Hit(start, end, kept))
        return hits

    def _country_votes(self, hits: Sequence[_Hit]) -> Counter[str | None]:
        """Countries named ("KABUL, Afghanistan") and countries of the actors named unambiguously: the context
        that settles shared aliases."""
        votes: Counter[str | None] = Counter()
        for h in hits:
            votes.update(t.ref for t in h.targets if t.kind == "country" and t.ref in self._shared_countries)
            ids = {t.ref for t in h.targets if t.kind == "actor"}
            if len(ids) == 1:
                entry = self.by_id[ids.pop()]
                if entry.country in self._shared_countries:
                    votes[entry.country] += 1
        return votes

    def _countries_sharing_aliases(self) -> frozenset[str]:
        """Countries whose actors share an alias with another country's: only these need a vote."""
        out: set[str] = set()
        for targets in self._index.values():
            countries = {self.by_id[t.ref].country for t in targets if t.kind == "actor"}
            if len(countries) > 1:
                out.update(c for c in countries if c)
        return frozenset(out)

    def _alias_candidates(
        self, toks: Tokens, hits: Sequence[_Hit], country: str | None, votes: Counter[str | None]
    ) -> list[_Cand]:
        out: list[_Cand] = []
        for h in hits:
            ids = [t.ref for t in h.targets if t.kind == "actor"]
            if not ids:
                continue
            nxt = toks.after(h.end)
            if nxt is not None and toks.word(nxt) in NOT_ACTOR_AFTER:
                continue  # "ISIS-held areas", "regime change"
            entry = self._choose(ids, country, votes)
            other = foreign(toks, h.start, entry.country) if entry.inter in STATE_INTERS else None
            if other is not None:
                # "Pakistani security forces": that country's forces, or unknown state forces named as written
                start, code = other
                own = self._forces.get(code)
                out.append(_Cand(start, h.end, own) if own else _Cand(start, h.end, None, inter=entry.inter))
                continue
            out.append(_Cand(h.start, h.end, entry))
        return out

    def _pattern_candidates(
        self, toks: Tokens, hits: Sequence[_Hit], country: str | None, votes: Counter[str | None]
    ) -> tuple[list[_Cand], set[tuple[int, int]]]:
        """Readings of "pro-X <group>", "X-backed <group>" and "<adjective> forces"; also the alias hits that
        such a reading turns into a mere qualifier (ISIS in "pro-ISIS media", "ISIS-linked Jaysh Khalid")."""
        starts = {h.start for h in hits if any(t.kind == "actor" for t in h.targets)}
        out: list[_Cand] = []
        suppressed: set[tuple[int, int]] = set()
        for h in hits:
            for side_id, is_actor in self._anchor_sides(h, country, votes, _qualified(toks, h)):
                cand, qualifier = self._anchor(toks, h, side_id, is_actor, starts, country)
                if cand:
                    out.append(cand)
                if qualifier and is_actor:
                    suppressed.add((h.start, h.end))
        return out, suppressed

    def _anchor_sides(
        self, h: _Hit, country: str | None, votes: Counter[str | None], qualified: bool
    ) -> list[tuple[str, bool]]:
        """The sides a hit can stand for in a pattern: side adjectives, or the side of the actor named (only when
        "pro-" or "-backed" may qualify it: a named actor enters no other pattern)."""
        sides = [(t.ref, False) for t in h.targets if t.kind == "side"]
        ids = [t.ref for t in h.targets if t.kind == "actor"] if qualified else []
        if ids:
            sides.append((self._choose(ids, country, votes).side, True))
        return sides

    def _anchor(
        self,
        toks: Tokens,
        h: _Hit,
        side_id: str,
        is_actor: bool,
        actor_starts: set[int],
        country: str | None,
    ) -> tuple[_Cand | None, bool]:
        """(a candidate, whether the hit is only a qualifier) for one side word at ``h``."""
        # "pro" can only stand right before the hit: most hits need no look at the word before
        before = toks.before(h.start) if "pro" in toks.norm.folded[max(0, h.start - 8) : h.start] else None
        pro = before is not None and toks.word(before) == "pro"
        nxt = toks.after(h.end)
        backed = nxt is not None and toks.word(nxt) in BACKED
        if not (pro or backed):
            return (
                (None, False)
                if is_actor
                else (self._adjective_noun(toks, h, side_id, nxt, country, actor_starts), False)
            )
        follow = toks.after(toks.ends[nxt]) if backed and nxt is not None else nxt
        led = backed and nxt is not None and toks.word(nxt) == "led"
        # a pro-X group is a group, not a strike; but "US-led air strikes" are the US's (or its coalition's)
        nouns = _PRO_NOUNS[led]
        if follow is not None and toks.starts[follow] in actor_starts and toks.word(follow) not in nouns:
            return None, True  # "pro-Russian Fifth Corps", "US-backed SDF": the named group stands alone
        noun = _noun_within(toks, follow, nouns)
        if noun is None:
            return None, pro  # "pro-ISIS media" names no group; "ISIS-linked" alone leaves ISIS be
        start = toks.starts[before] if pro and before is not None else h.start
        if led:
            return self._led(h, side_id, is_actor, start, toks.ends[noun]), True
        return self._proxy(side_id, start, toks.ends[noun]), True

    def _led(self, h: _Hit, side_id: str, is_actor: bool, start: int, end: int) -> _Cand:
        """ "Kurdish-led forces", "HTS-led factions", "US-led strikes": the leader's own side acts."""
        ids = [t.ref for t in h.targets if t.kind == "actor"]
        side = self.sides.get(side_id)
        if is_actor and ids:
            return _Cand(start, end, self.by_id[ids[0]], priority=0)
        if side and side.forces in self.by_id:
            return _Cand(start, end, self.by_id[side.forces], priority=0)
        return self._proxy(side_id, start, end)

    def _adjective_noun(
        self,
        toks: Tokens,
        h: _Hit,
        side_id: str,
        nxt: int | None,
        country: str | None,
        actor_starts: set[int],
    ) -> _Cand | None:
        """ "Russian warplanes" -> the side's forces; "Iranian militias" -> the side's proxy. A named actor right
        after the adjective stands alone: "Kurdish PKK commander" is the PKK's."""
        if nxt is not None and toks.word(nxt) in TERRITORIAL:
            return None
        side = self.sides[side_id]
        nouns = STATE_NOUNS | MILITIA_NOUNS
        if nxt is not None and toks.starts[nxt] in actor_starts and toks.word(nxt) not in nouns:
            return None
        noun = _noun_within(toks, nxt, nouns)
        if noun is not None:
            # "Iranian militias' positions" are the militias' (the place they hold names no other actor)
            militia = toks.word(noun) in MILITIA_NOUNS or (
                nxt is not None and toks.word(nxt) in MILITIA_NOUNS
            )
            ref, end = (side.proxy if militia else side.forces), toks.ends[noun]
        elif _role_hint(toks, h.start) == "agent" and (nxt is None or toks.word(nxt) in FUNCTION_WORDS):
            ref, end = side.forces, h.end  # "the campaign led by Russia and its proxies": Russia acted
        else:
            return None
        entry = self.by_id.get(ref) if ref else None
        if entry is None:
            return None
        if country and entry.inter == 1 and entry.country not in (None, country):
            return None  # "government troops" in an Afghan report are not Syria's army
        return _Cand(h.start, end, entry, priority=0)

    def _proxy(self, side_id: str, start: int, end: int) -> _Cand:
        side = self.sides.get(side_id)
        entry = self.by_id.get(side.proxy) if side and side.proxy else None
        if entry is not None:
            return _Cand(start, end, entry, priority=0)
        # "pro-Israeli gunmen": no named proxy, so an unknown group on that side, a militia by default
        return _Cand(start, end, None, priority=0, side=side_id, inter=3)

    def _extend(self, toks: Tokens, chosen: list[_Cand]) -> list[_Cand]:
        """Group nouns join the actor: "ISIS members", "members of the SDF"; a generic actor the noun itself
        matched ("gunmen", "insurgents") is absorbed."""
        by_start = {c.start: c for c in chosen}
        absorbed: set[int] = set()
        out: list[tuple[_Cand, _Cand]] = []  # (original, widened)
        for c in chosen:
            if c.entry is None:
                out.append((c, c))
                continue
            end = c.end
            nxt = toks.after(end)
            if nxt is not None and toks.word(nxt) in GROUP_NOUNS and _free(by_start, toks, nxt, absorbed):
                end = toks.ends[nxt]
            start = _members_of(toks, c.start)
            if start != c.start and not _free(by_start, toks, toks.index_at(start), absorbed):
                start = c.start
            out.append((c, _Cand(start, end, c.entry, c.priority, c.name, c.side, c.inter)))
        return [wide for orig, wide in out if id(orig) not in absorbed]

    def _mention(self, text: str, toks: Tokens, c: _Cand) -> ActorMention:
        span = toks.norm.span(text, c.start, c.end)
        if c.entry is not None:
            actor = c.entry.actor(span)
        else:
            name = span.text if c.name is None else toks.norm.span(text, *c.name).text
            actor = Actor(name=name, raw=span.text, inter=c.inter, side=c.side, known=False, span=span)
        return ActorMention(
            span, actor, _role_hint(toks, c.start, self._qualifiers), c.entry.id if c.entry else None
        )


# ---------------------------------------------------------------------------------------- token patterns


def _qualified(toks: Tokens, h: _Hit) -> bool:
    """Whether "pro" may stand before the hit or an "X-backed" word after it (a quick look that spares most
    hits the word-by-word reading of :meth:`ActorDictionary._anchor`)."""
    folded = toks.norm.folded
    return "pro" in folded[max(0, h.start - 8) : h.start] or _BACKED_AFTER.match(folded, h.end) is not None


def _noun_within(toks: Tokens, i: int | None, nouns: frozenset[str]) -> int | None:
    """The farthest of the next two joined words in ``nouns`` ("Russian fighter jets", "Turkish forces")."""
    found = None
    for _ in range(2):
        if i is None:
            break
        if toks.word(i) in nouns:
            found = i
        i = toks.after(toks.ends[i])
    return found


def _free(by_start: dict[int, _Cand], toks: Tokens, i: int | None, absorbed: set[int]) -> bool:
    """Whether word ``i`` may join a neighbouring actor: no mention there, or one that is just this group noun
    (a generic "gunmen", "militants"), which is then absorbed."""
    if i is None:
        return False
    there = by_start.get(toks.starts[i])
    if there is None:
        return True
    if there.end == toks.ends[i]:
        absorbed.add(id(there))
        return True
    return False


def _members_of(toks: Tokens, start: int, nouns: frozenset[str] = MEMBER_NOUNS) -> int:
    """Start of "members of (the) X" when it precedes X, else ``start``."""
    i = toks.before(start)
    if i is not None and toks.word(i) in DETERMINERS:
        i = toks.before(toks.starts[i])
    if i is None or toks.word(i) != "of":
        return start
    j = toks.before(toks.starts[i])
    if j is None or toks.word(j) not in nouns:
        return start
    return toks.starts[j]


def _role_hint(toks: Tokens, start: int, qualifiers: frozenset[str] = frozenset()) -> str | None:
    """ "agent" after "by", "target" after "against" and the like, reading past a determiner and a qualifier
    ("by the Kurdish YPG militia", "by Assad regime warplanes")."""
    i = toks.before(start)
    if i is not None and toks.word(i) in qualifiers:
        i = toks.before(toks.starts[i])
    if i is not None and toks.word(i) in DETERMINERS:
        i = toks.before(toks.starts[i])
    if i is None:
        return None
    word = toks.word(i)
    if word in AGENT_CUES:
        return "agent"
    if word in TARGET_CUES:
        return "target"
    return None


def _unknown_groups(toks: Tokens, taken: bytearray) -> list[_Cand]:
    """Capitalised names that read as groups but are not in the dictionary: known=False, name as written."""
    out: list[_Cand] = []
    cues = _group_word_tokens(toks)
    if not cues:
        return out  # no group noun, head or Arabic lead anywhere: no unknown group either
    ascii_only = ascii_capitals(toks)
    headlines: list[tuple[int, int]] | None = None  # read once, when a run needs it
    for i, j in capitalised_runs(toks, ascii_only, near=cues):
        k = bisect.bisect_left(cues, i - 3)
        if k == len(cues) or cues[k] > j:
            continue  # no cue within reach (see _unknown_group): a place, a person, a sentence's first word
        headlines = title_case_lines(toks, ascii_only) if headlines is None else headlines
        if any(s <= toks.starts[i] < e for s, e in headlines):
            continue  # in a Title Case headline every word is capitalised, names or not
        while i < j and toks.word(i) in NAME_STOPWORDS:
            i += 1
        if j - i > 2 and toks.word(i) in MEMBER_NOUNS and toks.word(i + 1) == "of":
            i += 3 if toks.word(i + 2) == "the" else 2  # "Members of the Free Idlib Army": the name follows
        if i >= j:
            continue
        if j - i > MAX_NAME_WORDS:
            continue  # a long capitalised stretch is a headline or a list, not one name
        if j - i == 1 and not _cued(toks, i):
            continue  # most runs are one capitalised word ("The", "Aleppo"): only a cued one can be a group
        cand = _unknown_group(toks, i, j)
        if cand is not None and not any(taken[cand.start : cand.end]):
            out.append(cand)
    return out


def _unknown_group(toks: Tokens, i: int, j: int) -> _Cand | None:
    words = [toks.word(k) for k in range(i, j)]
    nxt = toks.after(toks.ends[j - 1])
    if nxt is not None and toks.word(nxt) in TERRITORIAL:
        return None  # "the Syrian Arab Army held ...": a place description (the known name was dropped too)
    noun = nxt is not None and toks.word(nxt) in UNKNOWN_CUES
    inner = [k for k, w in enumerate(words) if k and w in UNKNOWN_CUES]
    if inner:  # Title Case: "Free Idlib Army Fighters Attack": the name ends before the group noun
        j, nxt, noun = i + inner[0], i + inner[0], True
        words = words[: inner[0]]
    head = words[-1] in ORG_HEADS or words[-2:] == _OPERATIONS_ROOM
    lead = words[0] in ARABIC_LEADS and len(words) > 1
    start = _members_of(toks, toks.starts[i], UNKNOWN_CUES)
    members = start != toks.starts[i]
    if len(words) == 1 and not _lone_name(toks, i, noun or members):
        return None
    if not (noun or head or lead or members):
        return None
    end = toks.ends[nxt] if noun and nxt is not None else toks.ends[j - 1]
    return _Cand(start, end, None, priority=0, name=(toks.starts[i], toks.ends[j - 1]))


def _cued(toks: Tokens, i: int) -> bool:
    """Whether a group noun follows word ``i`` ("PYD fighters") or "members of" precedes it."""
    nxt = toks.after(toks.ends[i])
    if nxt is not None and toks.word(nxt) in UNKNOWN_CUES:
        return True
    start = toks.starts[i]
    # "members of (the) X": look closer only when an "of" stands just before
    return (
        "of " in toks.norm.folded[max(0, start - 10) : start]
        and _members_of(toks, start, UNKNOWN_CUES) != start
    )


def _lone_name(toks: Tokens, i: int, cued: bool) -> bool:
    """Whether one capitalised word can be a group name: cued by a group noun or "members of", not a
    nationality or unit word ("Syrian fighters", "the Army"), and not merely capitalised as a sentence's first
    word ("Joint forces of ...") unless it is an acronym ("PYD fighters")."""
    word = toks.word(i)
    if not cued or len(word) < 2 or word in DEMONYMS or word in ORG_HEADS:
        return False
    written = toks.norm.cased[toks.starts[i] : toks.ends[i]]
    return written.isupper() or not toks.sentence_start(i)
