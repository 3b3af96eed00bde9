"""Find actor mentions in report text with the actor dictionary.

One Aho-Corasick automaton holds every alias, civilian word and side adjective, normalised the same way as the
text (case folded, hyphens as spaces, apostrophes and possessive 's dropped, accents stripped, doubled letters
collapsed), so "Liwaa Al-Quds", "Liwa al Quds" and "the regime's forces" meet their aliases without one regex
per name. Matches are whole words (the automaton holds marked forms, see ``marsad.actors.text.marked``); the
longest non-overlapping ones win. A few token patterns then widen or add mentions:

- "members of X", "X fighters / militants / gunmen / members": the group noun joins X's span;
- "pro-X <group>", "X-backed <group>": a group on X's side (the side's proxy actor: "Turkish-backed factions"
  are the Syrian National Army); "pro-Russian Fifth Corps" is simply the 5th Corps;
- "<adjective> forces / troops / jets / shelling": the side's own forces ("Russian warplanes");
- capitalised names with a group head ("the Free Idlib Army fighters"): an unknown actor, known=False.

Every offset is mapped back to the original text, so spans are exact evidence. The records are in ``entries``,
the patterns' word lists in ``words``, hits, candidates and token patterns in ``readings``, unknown groups in
``groups``; this module holds the dictionary and chooses among the readings.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

import ahocorasick

from marsad.actors.entries import ActorEntry, ActorMention, Alias, SideEntry
from marsad.actors.groups import find_unknown_groups
from marsad.actors.nationality import country_code, foreign
from marsad.actors.readings import (
    Cand,
    Hit,
    Refs,
    Spelling,
    Target,
    free,
    members_of,
    noun_within,
    qualified,
    role_hint,
    select,
    shouting,
)
from marsad.actors.text import Normalised, Tokens, cased_key, key, marked, normalise
from marsad.actors.words import (
    ADJECTIVE_NOUNS,
    BACKED,
    COALITION,
    DEMONYMS,
    ENGLISH_WORDS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    GROUP_WORDS,
    MILITIA_NOUNS,
    NOT_ACTOR_AFTER,
    NOT_WAR_COALITION_AFTER,
    PRO_NOUNS,
    STATE_INTERS,
    TERRITORIAL,
)
from marsad.records import Actor

__all__ = ["ActorDictionary", "ActorEntry", "ActorMention", "Alias", "SideEntry"]

# ---------------------------------------------------------------------------------------- the dictionary


def _political_coalition(toks: Tokens, end: int, nxt: int) -> bool:
    """Whether an alias that ends in "coalition" (at ``end``) names a political alliance or the start of a longer
    name, by the word after it (``nxt``)."""
    if toks.words[nxt] not in NOT_WAR_COALITION_AFTER:
        return False  # (most hits: checked first)
    last = bisect.bisect_left(toks.ends, end)
    return last < len(toks.ends) and toks.ends[last] == end and toks.words[last] in COALITION


_MAX_FORCES_NAMED = 4096  # distinct words remembered by ``_generic_forces`` (a few hundred in a large run)


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
        self._police: dict[str, ActorEntry] = {}  # ... and its police, where the dictionary has them
        for e in self.entries:
            if e.inter in STATE_INTERS and e.country:
                self._forces.setdefault(e.country, e)
                if "police" in e.name.lower():
                    self._police.setdefault(e.country, e)
        self._index = self._build_index()
        # one-word side adjectives and nationalities, which may stand between "by" and the actor they qualify
        self._qualifiers = DEMONYMS | frozenset(
            k for side in self.sides.values() for a in side.adjectives if " " not in (k := key(a.text))
        )
        self._shared_countries = self._countries_sharing_aliases()
        self._automaton = self._build_automaton()
        # words -> the countries whose state forces they name (see ``_generic_forces``): reports write the same
        # few ("Russian forces", "regime forces") again and again, and folding them is most of what that costs
        self._forces_named: dict[str, frozenset[str | None]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self.entries)

    def get(self, actor_id: str) -> ActorEntry | None:
        return self.by_id.get(actor_id)

    def at_home(self, mentions: Sequence[ActorMention], country: str) -> list[ActorMention]:
        """``mentions`` of a report about ``country`` (ISO alpha-2), with the generic names that the state forces of
        several other countries share ("security forces": Syria's, Afghanistan's) read as ``country``'s own forces
        ("Security forces arrested two suspects" in a report from Kirkuk, Iraq). Found before the report's country
        was known (its places settle it), such a name took the forces of the country the dictionary lists first.
        Where the dictionary has no forces of ``country``, they are state forces named as written."""
        home = self._forces.get(country)
        out = []
        for m in mentions:
            entry = self.by_id.get(m.actor_id or "")
            if entry is not None and entry.country != country and self._generic_forces(m.span.text, country):
                if home is not None:
                    m = ActorMention(m.span, home.actor(m.span), m.role_hint, home.id)
                else:
                    unknown = Actor(m.span.text, m.span.text, entry.inter, None, False, m.span)
                    m = ActorMention(m.span, unknown, m.role_hint, None)
            out.append(m)
        return out

    def state_forces(self, country: str, police: bool = False) -> ActorEntry | None:
        """The state forces of ``country`` (ISO alpha-2): its military, first in file order, or with ``police``
        its police when the dictionary has them (else None)."""
        return (self._police if police else self._forces).get(country)

    def _generic_forces(self, words: str, country: str) -> bool:
        """Whether ``words`` are an alias of the state forces of two countries or more, none of them ``country``."""
        countries = self._forces_named.get(words)
        if countries is None:
            entries = [self.by_id[t.ref] for t in self._index.get(key(words), ()) if t.kind == "actor"]
            countries = frozenset(e.country for e in entries if e.inter in STATE_INTERS)
            if len(self._forces_named) >= _MAX_FORCES_NAMED:
                self._forces_named.clear()
            self._forces_named[words] = countries
        return len(countries) > 1 and country not in countries

    def _build_automaton(self) -> ahocorasick.Automaton:
        """One automaton over every spelling, and over the group words the unknown-group reading needs (one
        pass over the text finds both). It holds the marked forms (see :func:`marsad.actors.text.marked`), so
        that it reports whole words only: most places where a short spelling stands in the text are inside a
        longer word ("is" in "this", "syria" in "syrian")."""
        by_mark: dict[str, list[Spelling]] = {}
        for k in sorted(self._index.keys() | GROUP_WORDS):
            targets = tuple(self._index.get(k, ()))
            cased = any(t.case_sensitive for t in targets)
            form = marked(k)
            spelling = Spelling(len(k), k, Refs.of(targets), cased, k in GROUP_WORDS, form[1:-1] != k)
            by_mark.setdefault(form, []).append(spelling)
        automaton = ahocorasick.Automaton()
        for form, spellings in by_mark.items():
            automaton.add_word(form, tuple(spellings))
        automaton.make_automaton()
        return automaton

    def _build_index(self) -> dict[str, list[Target]]:
        index: dict[str, list[Target]] = {}

        def add(alias: Alias, kind: str, ref: str) -> None:
            k = key(alias.text)
            if not k:
                return
            target = Target(kind, ref, cased_key(alias.text), alias.case_sensitive)
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
        marks = marked(norm.folded)
        toks = Tokens(norm, marks)
        hits, group_words = self._hits(norm, toks, marks)
        votes = self._country_votes(hits)
        if country is None and votes:
            country = votes.most_common(1)[0][0]
        cands, suppressed = self._pattern_candidates(toks, hits, country, votes)
        cands += [
            c
            for c in self._alias_candidates(toks, hits, country, votes)
            if (c.start, c.end) not in suppressed
        ]
        chosen = self._extend(toks, select(cands, len(norm.folded)))
        taken = bytearray(len(norm.folded))
        for start, end in [(c.start, c.end) for c in chosen] + sorted(suppressed):
            taken[start:end] = b"\x01" * (end - start)  # qualifiers ("Al Qaeda-linked") are not new names
        chosen += find_unknown_groups(toks, taken, group_words)
        return [self._mention(text, toks, c) for c in sorted(chosen, key=lambda c: c.start)]

    def _hits(self, norm: Normalised, toks: Tokens, marks: str) -> tuple[list[Hit], list[int]]:
        """The spellings found as whole words, and the indices of the words of GROUP_WORDS among the tokens."""
        folded, cased = norm.folded, norm.cased
        hits: list[Hit] = []
        group_words: list[int] = []
        for last, spellings in self._automaton.iter(marks):
            end = (
                last - 1
            )  # in the text: the marked text has one NUL before it, and the form one after the word
            for spelling in spellings:
                start = end - spelling.size
                if spelling.compare and folded[start:end] != spelling.text:
                    continue  # the same letters, other characters between them
                if spelling.group_word and (k := toks.index_at(start)) is not None:
                    group_words.append(k)
                refs = spelling.refs
                if spelling.case_sensitive:
                    refs = self._as_written(spelling, cased[start:end], toks, start, end)
                if refs.targets:
                    hits.append(Hit(start, end, refs))
        return hits, sorted(set(group_words))

    @staticmethod
    def _as_written(spelling: Spelling, written: str, toks: Tokens, start: int, end: int) -> Refs:
        """The targets a hit of a case-sensitive spelling keeps: those written as found ("IS", not "is"), and no
        English word in an all-caps headline ("THE REGIME IS WEAK")."""
        kept: list[Target] = []
        shout: bool | None = None  # read only when a spelling matches as written: "is" is mostly lower case
        for t in spelling.refs.targets:
            if t.case_sensitive:
                if t.cased != written:
                    continue
                if shout is None:
                    shout = spelling.text in ENGLISH_WORDS and shouting(toks, start, end)
                if shout:
                    continue
            kept.append(t)
        return spelling.refs if len(kept) == len(spelling.refs.targets) else Refs.of(tuple(kept))

    def _country_votes(self, hits: Sequence[Hit]) -> Counter[str | None]:
        """Countries named ("KABUL, Afghanistan") and countries of the actors named unambiguously: the context
        that settles shared aliases."""
        votes: Counter[str | None] = Counter()
        shared = self._shared_countries
        for h in hits:
            for code in h.refs.countries:
                if code in shared:
                    votes[code] += 1
            if h.refs.sole is not None:
                entry = self.by_id[h.refs.sole]
                if entry.country in shared:
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
        self, toks: Tokens, hits: Sequence[Hit], country: str | None, votes: Counter[str | None]
    ) -> list[Cand]:
        out: list[Cand] = []
        for h in hits:
            ids = h.refs.actors
            if not ids:
                continue
            nxt = toks.after(h.end)
            if nxt is not None and toks.words[nxt] in NOT_ACTOR_AFTER:
                continue  # "ISIS-held areas", "regime change"
            if nxt is not None and _political_coalition(toks, h.end, nxt):
                continue  # "the coalition government", "the Coalition of Patriots for Change"
            entry = self._choose(ids, country, votes)
            other = foreign(toks, h.start, entry.country) if entry.inter in STATE_INTERS else None
            if other is not None:
                # "Pakistani security forces": that country's forces, or unknown state forces named as written
                start, code = other
                own = self._forces.get(code)
                out.append(Cand(start, h.end, own) if own else Cand(start, h.end, None, inter=entry.inter))
                continue
            out.append(Cand(h.start, h.end, entry))
        return out

    def _pattern_candidates(
        self, toks: Tokens, hits: Sequence[Hit], country: str | None, votes: Counter[str | None]
    ) -> tuple[list[Cand], set[tuple[int, int]]]:
        """Readings of "pro-X <group>", "X-backed <group>" and "<adjective> forces"; also the alias hits that
        such a reading turns into a mere qualifier (ISIS in "pro-ISIS media", "ISIS-linked Jaysh Khalid")."""
        starts = {h.start for h in hits if h.refs.actors}
        out: list[Cand] = []
        suppressed: set[tuple[int, int]] = set()
        for h in hits:
            if not h.refs.sides and not (h.refs.actors and qualified(toks, h)):
                continue  # a country, or an actor no "pro-" or "-backed" qualifies: no pattern reads it
            for side_id, is_actor in self._anchor_sides(toks, h, country, votes):
                cand, qualifier = self._anchor(toks, h, side_id, is_actor, starts, country)
                if cand:
                    out.append(cand)
                if qualifier and is_actor:
                    suppressed.add((h.start, h.end))
        return out, suppressed

    def _anchor_sides(
        self, toks: Tokens, h: Hit, country: str | None, votes: Counter[str | None]
    ) -> list[tuple[str, bool]]:
        """The sides a hit can stand for in a pattern: side adjectives, or the side of the actor named (only when
        "pro-" or "-backed" may qualify it: a named actor enters no other pattern)."""
        sides = [(ref, False) for ref in h.refs.sides]
        if h.refs.actors and qualified(toks, h):
            sides.append((self._choose(h.refs.actors, country, votes).side, True))
        return sides

    def _anchor(
        self,
        toks: Tokens,
        h: Hit,
        side_id: str,
        is_actor: bool,
        actor_starts: set[int],
        country: str | None,
    ) -> tuple[Cand | None, bool]:
        """(a candidate, whether the hit is only a qualifier) for one side word at ``h``."""
        # "pro" can only stand right before the hit: most hits need no look at the word before
        before = toks.before(h.start) if "pro" in toks.norm.folded[max(0, h.start - 8) : h.start] else None
        pro = before is not None and toks.words[before] == "pro"
        nxt = toks.after(h.end)
        backed = nxt is not None and toks.words[nxt] in BACKED
        if not (pro or backed):
            return (
                (None, False)
                if is_actor
                else (self._adjective_noun(toks, h, side_id, nxt, country, actor_starts), False)
            )
        follow = toks.after(toks.ends[nxt]) if backed and nxt is not None else nxt
        led = backed and nxt is not None and toks.words[nxt] == "led"
        # a pro-X group is a group, not a strike; but "US-led air strikes" are the US's (or its coalition's)
        nouns = PRO_NOUNS[led]
        if follow is not None and toks.starts[follow] in actor_starts and toks.words[follow] not in nouns:
            return None, True  # "pro-Russian Fifth Corps", "US-backed SDF": the named group stands alone
        noun = noun_within(toks, follow, nouns)
        if noun is None:
            return None, pro  # "pro-ISIS media" names no group; "ISIS-linked" alone leaves ISIS be
        start = toks.starts[before] if pro and before is not None else h.start
        if led:
            return self._led(h, side_id, is_actor, start, toks.ends[noun]), True
        return self._proxy(side_id, start, toks.ends[noun]), True

    def _led(self, h: Hit, side_id: str, is_actor: bool, start: int, end: int) -> Cand:
        """ "Kurdish-led forces", "HTS-led factions", "US-led strikes": the leader's own side acts."""
        ids = h.refs.actors
        side = self.sides.get(side_id)
        if is_actor and ids:
            return Cand(start, end, self.by_id[ids[0]], priority=0)
        if side and side.forces in self.by_id:
            return Cand(start, end, self.by_id[side.forces], priority=0)
        return self._proxy(side_id, start, end)

    def _adjective_noun(
        self,
        toks: Tokens,
        h: Hit,
        side_id: str,
        nxt: int | None,
        country: str | None,
        actor_starts: set[int],
    ) -> Cand | None:
        """ "Russian warplanes" -> the side's forces; "Iranian militias" -> the side's proxy. A named actor right
        after the adjective stands alone: "Kurdish PKK commander" is the PKK's."""
        if nxt is not None and toks.words[nxt] in TERRITORIAL:
            return None
        side = self.sides[side_id]
        nouns = ADJECTIVE_NOUNS
        if nxt is not None and toks.starts[nxt] in actor_starts and toks.words[nxt] not in nouns:
            return None
        noun = noun_within(toks, nxt, nouns)
        if noun is not None:
            # "Iranian militias' positions" are the militias' (the place they hold names no other actor)
            militia = toks.words[noun] in MILITIA_NOUNS or (
                nxt is not None and toks.words[nxt] in MILITIA_NOUNS
            )
            ref, end = (side.proxy if militia else side.forces), toks.ends[noun]
        elif role_hint(toks, h.start) == "agent" and (nxt is None or toks.words[nxt] in FUNCTION_WORDS):
            ref, end = side.forces, h.end  # "the campaign led by Russia and its proxies": Russia acted
        else:
            return None
        entry = self.by_id.get(ref) if ref else None
        if entry is None:
            return None
        if country and entry.inter == 1 and entry.country not in (None, country):
            return None  # "government troops" in an Afghan report are not Syria's army
        return Cand(h.start, end, entry, priority=0)

    def _proxy(self, side_id: str, start: int, end: int) -> Cand:
        side = self.sides.get(side_id)
        entry = self.by_id.get(side.proxy) if side and side.proxy else None
        if entry is not None:
            return Cand(start, end, entry, priority=0)
        # "pro-Israeli gunmen": no named proxy, so an unknown group on that side, a militia by default
        return Cand(start, end, None, priority=0, side=side_id, inter=3)

    def _extend(self, toks: Tokens, chosen: list[Cand]) -> list[Cand]:
        """Group nouns join the actor: "ISIS members", "members of the SDF"; a generic actor the noun itself
        matched ("gunmen", "insurgents") is absorbed."""
        by_start = {c.start: c for c in chosen}
        absorbed: set[int] = set()
        out: list[tuple[Cand, Cand]] = []  # (original, widened)
        for c in chosen:
            if c.entry is None:
                out.append((c, c))
                continue
            end = c.end
            nxt = toks.after(end)
            if nxt is not None and toks.words[nxt] in GROUP_NOUNS and free(by_start, toks, nxt, absorbed):
                end = toks.ends[nxt]
            start = members_of(toks, c.start)
            if start != c.start and not free(by_start, toks, toks.index_at(start), absorbed):
                start = c.start
            out.append((c, c if (start, end) == (c.start, c.end) else c._replace(start=start, end=end)))
        return [wide for orig, wide in out if id(orig) not in absorbed]

    def _mention(self, text: str, toks: Tokens, c: Cand) -> ActorMention:
        span = toks.norm.span(text, c.start, c.end)
        if c.entry is not None:
            actor = c.entry.actor(span)
        else:
            name = span.text if c.name is None else toks.norm.span(text, *c.name).text
            actor = Actor(name=name, raw=span.text, inter=c.inter, side=c.side, known=False, span=span)
        return ActorMention(
            span, actor, role_hint(toks, c.start, self._qualifiers), c.entry.id if c.entry else None
        )
