"""Typing stage: the ACLED event type and sub-event type of an event, or ``none`` for a non-conflict event.

The cue words live in ``data/event_cues.csv`` (family, strength, pattern) and the taxonomy in
``data/typing_taxonomy.csv``; this module holds the rules that turn cues into one of ACLED's 25 sub-event types:

1. Each sentence's cues are found once. Cues in a background clause describe another event: a cause or time
   clause ("killed after security forces opened fire") counts when the main clause has no cue of its own; a
   reaction, concession, plan or charge ("in response to the gas attack", "despite the ceasefire", "plotting
   attacks", "on charges of smuggling") never does. Negated cues ("no arrests were made") do not count.
2. The main cue is the earliest decisive cue of the first sentence that has one, strong cues (airstrike, clashes,
   arrested) before weak ones (attacked, targeted); a weak lead takes a weapon a later sentence names. A lead that
   is a statement about an event (a claim of responsibility, a denial, a sanction, a condemnation) makes the
   event ``none`` unless a later sentence reports violence of its own.
3. Chemical weapons, suicide bombs and sexual violence named anywhere in the event are the event.
4. A protest, wherever it is named, decides among its four kinds: the crowd's own violence (violent
   demonstration), deadly or injuring force (excessive force), dispersal or arrests (intervention), else peaceful.
5. The main cue's family decides the rest, reading who acted (``marsad.actors.classes``): territory taken by state
   forces is regained, by others overtaken, after a withdrawal or without a fight transferred; an attack on
   civilians is violence against civilians, on armed men a battle; weapons seized, defused or intercepted with
   no one hurt are disrupted weapons use.
6. Disasters and crime make the event ``none`` unless a strong conflict cue is present or an armed group takes
   part.
7. Harm told with no cue at all ("Human losses in the countryside of Hama") is an incident whose type is not
   known: a Typed with ``event_type`` and ``sub_event_type`` None, its span the harm word.

The rules are described for users in docs/event-types.md. Returns the deciding cue's span as evidence, or nothing
when neither a cue nor a harm word is present.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from marsad.actors.classes import COMBATANT, UNARMED, Parties, kind_of_inter, kinds_in, parties
from marsad.actors.prefix import SHORTEST, Finder, folded, prefix_finder, starts_of, word_starts
from marsad.records import Actor, Span

NONE = "none"  # event_type and sub_event_type of a non-conflict event; assembly drops it
UNTYPED = ""  # harm told without the kind of violence: an incident whose (sub-)event type is None

# Families of cue words (event_cues.csv) and the sub-event type each leads to by itself; None: decided by rules.
FAMILIES: dict[str, str | None] = {
    "natural": NONE,
    "manmade": NONE,
    "crime": NONE,
    "diplomacy": NONE,
    "attribution": NONE,
    "chemical": "Chemical weapon",
    "suicide": "Suicide bomb",
    "explosive": "Remote explosive/landmine/IED",
    "grenade": "Grenade",
    "air": "Air/drone strike",
    "shelling": "Shelling/artillery/missile attack",
    "clash": None,
    "attack": None,
    "killing": None,
    "harm": None,
    "sexual": "Sexual violence",
    "abduction": "Abduction/forced disappearance",
    "protest": None,
    "intervention": None,
    "lethal": None,
    "riot": "Violent demonstration",
    "mob": "Mob violence",
    "arrest": "Arrests",
    "looting": "Looting/property destruction",
    "capture": None,
    "withdrawal": "Change to group/activity",
    "handover": "Non-violent transfer of territory",
    "disrupt": "Disrupted weapons use",
    "intercept": "Disrupted weapons use",
    "agreement": "Agreement",
    "base": "Headquarters or base established",
    "change": "Change to group/activity",
    "other": "Other",
}
FRAMES = frozenset({"attribution", "diplomacy"})  # statements about events, not events
# named anywhere in the event, these are the event (in this order of precedence)
_SPECIAL_ORDER = ("chemical", "suicide", "sexual")
_SPECIAL = frozenset(_SPECIAL_ORDER)
DISASTERS = frozenset({"natural", "manmade"})
REMOTE = frozenset({"chemical", "suicide", "explosive", "grenade", "air", "shelling"})
VIOLENT = REMOTE | {"clash", "attack", "killing", "sexual", "abduction", "riot", "mob", "capture"}
# families a crime report shares with conflict: "police arrested ten smugglers" is crime, not a political arrest
CRIME_LIKE = frozenset({"arrest", "abduction", "attack", "killing", "harm", "grenade", "looting", "change"})
# strategic developments that do not outweigh a disaster ("the army mobilised to help flood victims")
WEAK_SUBS = frozenset({NONE, "Change to group/activity", "Other"})
REGAIN_VERB = re.compile(r"^(?:re|liberat|freed|restor)", re.IGNORECASE)
# families whose weapons, seized or defused with no one hurt, make the event a disrupted weapons use
DISRUPTABLE = frozenset({"explosive", "grenade", "arrest", "capture", "attack"})
WENT_OFF = re.compile(r"explo(?:sion|ded|des)|blast|blew up|went off|detonat", re.IGNORECASE)
# The coalitions of Syria and Iraq (US-led) and of Yemen (Saudi-led) fight from the air: what "the coalition" kills,
# strikes or targets, with no weapon named, it struck from the air. Their ground troops are named as such ("coalition
# forces raided a house", ISAF's "coalition forces" in Afghanistan), and are left out.
_COALITION = (
    r"(?:\b(?:the|(?:us|u\.s\.?|american|saudi|arab)[- ]led|international|global|arab)\s+)coalition"
    r"(?!(?:['’]s)?\s+(?:forces?|troops|soldiers|special|ground|partners?|government|of)\b)(?:['’]s)?"
)
# "the coalition kills", "the coalition again targets", "the coalition continues striking"
_AIR_SUBJECT = re.compile(
    _COALITION
    + r"(?:\s+(?:again|also|then|reportedly|allegedly|continues?|continued|has|have|had)){0,2}\s+$",
    re.IGNORECASE,
)
_AIR_AGENT = re.compile(r"^\s+(?:\w+\s+){0,2}?by\s+" + _COALITION, re.IGNORECASE)  # "killed by the coalition"
# "without" denies the fight cues of its clause: "pulled out without resistance or firing a single gunshot"
_WITHOUT = re.compile(r"\bwithout\b[^,;.]*$", re.IGNORECASE)
_WITHOUT_REACH = 50
# A massacre tells how many were killed, not how: told with the weapon that did it ("a massacre by warplanes"), the
# weapon is the event, as ACLED codes civilians killed by a remote weapon under the weapon's type
_MASSACRE = re.compile(r"massacre|slaughter|carnage", re.IGNORECASE)

# A clause opened by these words tells of another event. A cause or a time ("killed after security forces opened
# fire", "following the withdrawal") still names the event when the main clause has no cue of its own; a reaction,
# a concession, a plan or a charge ("in response to the gas attack", "despite the ceasefire", "plotting to attack",
# "on charges of murder") never does.
_CAUSE = re.compile(
    r"\b(?:after|following|amid|amidst|in the wake of|in the aftermath of|because of|due to|when|as a result of"
    r"|(?:on|in|during) the (?:\w+ )?(?:day|days|week|hours) of)\b",
    re.IGNORECASE,
)
_ASIDE = re.compile(
    r"\b(?:despite|since|ahead of|before(?! (?:dawn|midnight|noon|sunrise|sunset|daybreak|nightfall))|undeterred by|as part of|based on|under the terms of|in anticipation of"
    r"|in preparation (?:for|of)|the scene of|on charges? of|charged with|in connection with|suspected of|accused of"
    r"|in retaliation (?:for|against)|in response to|in revenge for|waiting (?:for|to)|ready to|poised to|about to"
    r"|(?:is|are|was|were) set to|expected to|(?:plotting|planning|plan|plans|plot|intend\w*|aim\w*"
    r"|threaten\w*|vow\w*|prepar\w*) to|(?:trying|attempt\w*) to(?! (?:assassinate|kill|murder|advance|storm|"
    r"infiltrate|retake|recapture|regain|recover|seize|take control|complete (?:the |their |its )?control))"
    r"|for (?:allegedly )?(?:planning|plotting|carrying out|taking part|"
    r"participating|organi[sz]ing|their role|his role|her role|involvement))\b",
    re.IGNORECASE,
)
FOREGROUND, CAUSE, ASIDE = 0, 1, 2
_NEGATION = re.compile(
    r"\b(?:(?:no|not|never|without|nor|neither)\s+(?:[\w'-]+\s+){0,3}|(?:denied|deny|denies)\s+(?:\w+\s+)?)$",
    re.I,
)
# Every match of _NEGATION holds one of these (lower case): a cue with none of them in the window before it is not
# negated, and needs no search (most cues; the search tries every one of the forty places before the cue)
_NEGATION_WORDS = ("no", "never", "without", "neither", "den")
_NEGATION_WORD = re.compile("|".join(_NEGATION_WORDS))
NEGATION_REACH = 40
# a field of a form or fact sheet ("Civilians reported killed: 3-4"): it sums up what the text tells, it is no
# incident of its own
_FIELD = re.compile(r"(?:[-•*·–]\s*)?[^\W\d][\w ’'()/-]{0,40}:\s")
_QUOTED = re.compile(r"\s*(?:&#8220;?\s*|[“\"«])[^”\"»&]{1,200}(?:[”\"»]|&#8221;?)")
_CLAUSE_END = re.compile(r"[,;…]|\.\.\.|\s[-–—]\s")  # "In response to X... IS beheads five men"


@dataclass(frozen=True, slots=True)
class Cue:
    family: str
    strength: int
    pattern: re.Pattern[str]
    # the first characters (lower case, up to CUE_PREFIX) a match can start with; None: any. A sentence that has
    # none of them at a word start is not searched: most sentences name few cues, and skipping the rest keeps
    # typing fast (see marsad.actors.prefix)
    starts: frozenset[str] | None = None


class Hit(NamedTuple):
    """One cue found in a sentence; offsets are within the sentence. (A tuple, not a dataclass: every sentence of a
    report is searched for cues, and a frozen dataclass costs a call per field to build.)"""

    family: str
    strength: int
    start: int
    end: int
    background: int = 0  # FOREGROUND, CAUSE (a cause or time clause) or ASIDE (any other background clause)

    def placed(self, background: int) -> Hit:
        """This hit in a background clause of depth ``background``."""
        return Hit(self.family, self.strength, self.start, self.end, background)


@dataclass(frozen=True, slots=True)
class Kind:
    """One sub-event type of ACLED's taxonomy (typing_taxonomy.csv)."""

    sub_event_type: str
    event_type: str
    disorder_type: str
    civilian_targeting: bool
    ucdp: str  # "3" one-sided, "actors" (state-based or non-state, by the actors), "-" not a UCDP event


@dataclass(frozen=True, slots=True)
class Typed:
    """The type of an event; event_type and sub_event_type are None when people were harmed and the text does not
    say by what (the span is then the harm word)."""

    event_type: str | None
    sub_event_type: str | None
    span: Span
    disorder_type: str = ""
    civilian_targeting: bool = False
    cue: str = ""  # the family of the deciding cue, for review ("capture", "protest", ...)


@dataclass(frozen=True, slots=True)
class _Sentence:
    index: int
    span: Span
    hits: tuple[Hit, ...]

    def foreground(self, depth: int = FOREGROUND) -> list[Hit]:
        """Hits of the main clause, and with ``depth=CAUSE`` those of cause and time clauses too."""
        return [h for h in self.hits if h.background <= depth]


# ---------------------------------------------------------------------------------------------- data


def _rows(name: str) -> list[str]:
    text = resources.files("marsad.extract").joinpath(f"data/{name}").read_text("utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")][1:]


# "(?:\w+ )" in a cue pattern stands for any one word: "army's", "US-backed", "5,000", "(NPA)" included
_ANY_WORD, _WORD = r"(?:\w+ )", r"(?:[\w'’.,()-]+ )"
# Cues are tried only at words that begin with one of their prefixes (see marsad.actors.prefix). Prefixes of ten
# characters reach into the next word ("syrian jet", "in the wak"), so a cue that opens with a common word
# ("Syrian", "in the", "were") is tried only where its next word follows too: a third of the tries of five.
CUE_PREFIX = 10


@cache
def cues() -> tuple[Cue, ...]:
    """The cue table, one compiled pattern per row (family, strength, pattern; patterns hold commas)."""
    out = []
    for line in _rows("event_cues.csv"):
        family, strength, pattern = line.split(",", 2)
        pattern = pattern.replace(_ANY_WORD, _WORD)
        compiled = re.compile(rf"\b(?:{pattern})", re.IGNORECASE)
        out.append(Cue(family, int(strength), compiled, starts_of(pattern, CUE_PREFIX)))
    return tuple(out)


@cache
def taxonomy() -> dict[str, Kind]:
    """ACLED's 25 sub-event types by name."""
    rows = csv.reader(_rows("typing_taxonomy.csv"))
    return {r[0]: Kind(r[0], r[1], r[2], r[3] == "yes", r[4]) for r in rows}


# ---------------------------------------------------------------------------------------------- cues


class _Searchers(NamedTuple):
    """The cues and the background markers (families "@cause", "@aside"); which of them may match at a word that
    starts with a given prefix; the cues searched everywhere; the regex that finds the words where some prefix
    starts (see marsad.actors.prefix); and the patterns as tried in any text, and in lower-cased ASCII text
    (case-sensitive: see marsad.actors.prefix.folded; None when some pattern cannot be folded)."""

    table: tuple[Cue, ...]
    by_prefix: dict[str, tuple[int, ...]]
    always: tuple[int, ...]
    finder: Finder
    patterns: tuple[re.Pattern[str], ...]
    folded: tuple[re.Pattern[str], ...] | None


@cache
def _searchers() -> _Searchers:
    markers = (
        Cue("@cause", 0, _CAUSE, starts_of(_CAUSE.pattern, CUE_PREFIX)),
        Cue("@aside", 0, _ASIDE, starts_of(_ASIDE.pattern, CUE_PREFIX)),
    )
    table = (*cues(), *markers)
    index: dict[str, list[int]] = {}
    for k, cue in enumerate(table):
        for prefix in cue.starts or ():
            index.setdefault(prefix, []).append(k)
    always = tuple(k for k, cue in enumerate(table) if cue.starts is None)
    patterns = tuple(cue.pattern for cue in table)
    lower = tuple(p for p in map(folded, patterns) if p is not None)
    by_prefix = {p: tuple(ks) for p, ks in index.items()}
    return _Searchers(
        table, by_prefix, always, prefix_finder(index), patterns, lower if len(lower) == len(table) else None
    )


@lru_cache(maxsize=8192)
def sentence_hits(sentence: str) -> tuple[Hit, ...]:
    """The cues of one sentence in text order, without negated ones ("no arrests were made") and without cues
    inside a longer cue of another family ("bombardment" in "aerial bombardment"); statements ("expels
    diplomats") always stay, and come first among cues at one place."""
    low = sentence.lower()
    matches = _cue_matches(sentence, low)
    if not matches:
        return ()  # (a fifth of a long report's sentences)
    found: list[Hit] = []
    ranges: list[tuple[int, int, int]] = []
    table = _searchers().table
    ascii_text = sentence.isascii()
    # most sentences hold no negation word anywhere (seven in ten): their cues need no window searched
    negatable = not ascii_text or _holds_negation_word(low)
    for k, m in matches:
        cue = table[k]
        if cue.family[0] == "@":
            depth = CAUSE if cue.family == "@cause" else ASIDE
            ranges.append((m.start(), _clause_end(sentence, m.end(), depth), depth))
        elif not (negatable and _negated(sentence, low, m.start(), ascii_text)):
            found.append(Hit(cue.family, cue.strength, m.start(), m.end()))
    kept = _unhidden(found) if len(found) > 1 else found  # (a cue alone hides nothing)
    if ranges:
        # a Hit in no background clause is in the main clause as found: only the others are built anew
        kept = [h if (d := _depth(h.start, ranges)) == FOREGROUND else h.placed(d) for h in kept]
    if len(kept) < 2:
        return tuple(kept)
    return tuple(sorted(kept, key=lambda h: (h.start, -h.strength, h.family not in FRAMES)))


def _unhidden(found: list[Hit]) -> list[Hit]:
    """``found`` without the cues inside a longer decisive cue of another family; statements always stay. (What
    ``_inside`` tells, written out as plain loops: this runs for every sentence with two cues or more, and a
    generator per cue cost as much as the comparisons.)"""
    hiders = [o for o in found if o.strength >= 2]
    if not hiders:
        return found  # only a decisive cue hides the cues inside it
    out: list[Hit] = []
    for h in found:
        if h.family not in FRAMES:
            start, end, family = h.start, h.end, h.family
            size = end - start
            for o in hiders:
                if o.start <= start and end <= o.end and o.end - o.start > size and o.family != family:
                    break  # hidden
            else:
                out.append(h)
        else:
            out.append(h)
    return out


def _holds_negation_word(low: str) -> bool:
    """Whether the lower-cased ASCII sentence ``low`` holds one of _NEGATION_WORDS: without one, no cue of it is
    negated (see :func:`_negated`)."""
    return any(map(low.__contains__, _NEGATION_WORDS))  # (in C: no generator to step through)


def _negated(sentence: str, low: str, start: int, ascii_text: bool | None = None) -> bool:
    """Whether a negation stands right before the cue at ``start`` ("no arrests", "denied carrying out").
    ``low`` is ``sentence.lower()``; ``ascii_text`` is ``sentence.isascii()`` when the caller has it."""
    lo = max(0, start - NEGATION_REACH)
    # no negation word within the window (one search in C): not negated. Only in ASCII text: a case-insensitive
    # regex reads "ı" as "i", so other texts are always searched
    if ascii_text is None:
        ascii_text = sentence.isascii()
    if ascii_text and _NEGATION_WORD.search(low, lo, start) is None:
        return False
    return _NEGATION.search(sentence, lo, start) is not None


def _cue_matches(sentence: str, low: str) -> list[tuple[int, re.Match[str]]]:
    """(searcher, match) for every match of every searcher, in table order and then text order, as each
    searcher's ``finditer`` would find them; a searcher is tried only at the word starts its prefixes allow.
    ``low`` is ``sentence.lower()``."""
    _, _, always, finder, patterns, lower = _searchers()
    out = [(k, m) for k in always for m in patterns[k].finditer(sentence)]
    # ASCII text is tried lower-cased, with case-sensitive patterns: the engine need not fold the case of every
    # character it compares (see marsad.actors.prefix.folded)
    tried, text = (lower, low) if lower is not None and sentence.isascii() else (patterns, sentence)
    # searcher -> end of its last match: finditer does not look inside a match for the next one. Word starts
    # come in text order, so each searcher meets its own tries in text order too
    end: dict[int, int] = {}
    for i in word_starts(low, finder):
        for k in _searchers_at(low[i : i + CUE_PREFIX]):
            if i < end.get(k, 0):
                continue
            m = tried[k].match(text, i)
            if m is not None:
                out.append((k, m))
                end[k] = m.end()
    if len(out) > 1:
        out.sort(key=_searcher_of)  # stable: table order, text order within a searcher
    return out


def _searcher_of(found: tuple[int, re.Match[str]]) -> int:
    return found[0]


def _clause_end(sentence: str, at: int, depth: int) -> int:
    """Where a background clause opened at ``at`` ends: at the next comma, semicolon or dash; a quoted charge or
    plan ends with its closing quote (headlines have no commas: "On charge of “mocking religion” IS executes a
    young man")."""
    if depth == ASIDE:
        quoted = _QUOTED.match(sentence, at)
        if quoted is not None:
            return quoted.end()
    stop = _CLAUSE_END.search(sentence, at)
    return stop.start() if stop else len(sentence)


@lru_cache(maxsize=16384)
def _searchers_at(head: str) -> tuple[int, ...]:
    """The searchers that may match at a word beginning with ``head`` (its first CUE_PREFIX characters), by the
    prefixes of every length: words repeat, so each beginning is looked up once."""
    index = _searchers().by_prefix
    # each searcher once (two of its prefixes may both begin the word), in table order
    return tuple(sorted({k for n in range(SHORTEST, CUE_PREFIX + 1) for k in index.get(head[:n], ())}))


def _inside(h: Hit, other: Hit) -> bool:
    # a modifier ("opened fire on protesters") hides nothing: the protest it names is still a protest
    longer = other.end - other.start > h.end - h.start and other.strength >= 2
    return longer and other.family != h.family and other.start <= h.start and h.end <= other.end


def _depth(offset: int, ranges: list[tuple[int, int, int]]) -> int:
    return max((d for s, e, d in ranges if s <= offset < e), default=FOREGROUND)


def classify(
    text: str, spans: Sequence[Span], victims_civilian: bool = False, actor1: Actor | None = None
) -> Typed | None:
    """The type of the event told by ``spans`` (its sentences, in order) of ``text``; None without any cue.

    ``victims_civilian``: every counted victim is a civilian; ``actor1``: who acted, when the roles are known
    (its ACLED inter code helps when the sentence names the actor only by a name)."""
    found = [sentence_hits(sp.text) for sp in spans]
    if not any(found):
        return None  # no cue and no harm word: nothing to decide (a fifth of a long report's sentences)
    sentences = [_Sentence(i, sp, hits) for i, (sp, hits) in enumerate(zip(spans, found, strict=True))]
    decided = _decide(sentences, victims_civilian, actor1)
    if decided is None:
        return None
    sub, sentence, hit = decided
    span = Span.of(text, sentence.span.start + hit.start, sentence.span.start + hit.end)
    if sub == NONE:
        return Typed(NONE, NONE, span, cue=hit.family)
    if sub == UNTYPED:
        return Typed(None, None, span, cue=hit.family)
    kind = taxonomy()[sub]
    return Typed(kind.event_type, sub, span, kind.disorder_type, kind.civilian_targeting, hit.family)


_Decision = tuple[str, _Sentence, Hit]
_Found = list[tuple[_Sentence, Hit]]


def _decide(sentences: list[_Sentence], victims_civilian: bool, actor1: Actor | None) -> _Decision | None:
    main = _main(sentences)
    if main is None:
        return _harm_only(sentences, victims_civilian, actor1)
    sentence, hit = main
    if hit.family in FRAMES:
        later = _act_beside(sentence, hit) or _violence_after(sentences, sentence.index)
        if later is None:
            return NONE, sentence, hit
        sentence, hit = later
    # the context: main clauses; and cause and time clauses ("after police fired") when the main cue is there
    context = [(s, h) for s in sentences for h in s.foreground(hit.background)]
    families = {h.family for _, h in context}
    special = _special(context, families)
    if special is not None:
        return special
    protest = (
        next(((s, h) for s, h in context if h.family == "protest" and h.strength == 3), None)
        if "protest" in families
        else None
    )
    if protest is not None or hit.family in ("intervention", "protest"):
        return _protest(sentences, *(protest or (sentence, hit)))
    sentence, hit = _sharper(sentences, sentence, hit)
    sub = _by_family(sentence, hit, sentences, families, victims_civilian, actor1)
    return _non_event(sub, sentence, hit, context, families, sentences)


def _main(sentences: list[_Sentence]) -> tuple[_Sentence, Hit] | None:
    """The earliest decisive cue of the first sentence that has one, strong before weak; cues of cause and time
    clauses only when no sentence has one in a main clause, or in the sentence whose main clause tells the harm
    they caused ("two fighters were killed when ISIS cells attacked a checkpoint. The attackers withdrew ...":
    the attack, not the withdrawal)."""
    for s in sentences:
        best = _strongest(s, FOREGROUND)
        if best is None and any(h.family == "harm" and h.background <= FOREGROUND for h in s.hits):
            best = _strongest(s, CAUSE)
        if best is not None and best.family in DISASTERS and any(h.family == "harm" for h in s.foreground()):
            # "A fire broke out ... after a shell fell nearby, killing a woman": the shelling caused it, and the harm
            best = next(
                (h for h in s.hits if h.background == CAUSE and h.family in REMOTE and h.strength == 3), best
            )
        if best is not None:
            return s, best
    for s in sentences:
        best = _strongest(s, CAUSE)
        if best is not None:
            return s, best
    return None


def _strongest(s: _Sentence, depth: int) -> Hit | None:
    """The first of the strongest decisive cues of ``s`` in clauses up to ``depth``."""
    best: Hit | None = None
    for h in s.hits:
        if h.background <= depth and h.strength >= 2 and (best is None or h.strength > best.strength):
            best = h
    return best


def _special(context: _Found, families: set[str]) -> _Decision | None:
    """Chemical weapons, suicide bombs and sexual violence are the event wherever they are named; gas that
    leaked from a plant is no chemical weapon."""
    if not families & _SPECIAL:
        return None
    for family in _SPECIAL_ORDER:
        found = next(((s, h) for s, h in context if h.family == family and h.strength == 3), None)
        if found is None:
            continue
        if family == "chemical" and "manmade" in families and not families & (REMOTE - {"chemical"}):
            continue
        return FAMILIES[family] or NONE, *found
    return None


def _sharper(sentences: list[_Sentence], sentence: _Sentence, hit: Hit) -> tuple[_Sentence, Hit]:
    """A later sentence's weapon or fight, when the lead only says "attacks" or tells a deployment ("The attacks
    - mostly using grenades - ...", "forces deploy on the highway ... Forces seized control of it"); or the
    fight of the deployment's own sentence when that sentence tells harm: what killed is the event ("Regime forces
    brought reinforcements to the desert, where ISIS cells attacked them and killed 5 soldiers")."""
    if hit.family == "change" and any(h.family == "harm" for h in sentence.foreground()):
        for h in sentence.foreground(CAUSE):  # ("... after militants shelled it, killing 3")
            if h.start > hit.start and h.family in VIOLENT and h.strength >= 2:
                return sentence, h
    wanted = REMOTE if hit.strength < 3 else VIOLENT if hit.family == "change" else frozenset()
    for s in sentences[sentence.index + 1 :]:
        for h in s.foreground():
            if h.family in wanted and h.strength == 3:
                return s, h
    return sentence, hit


def _act_beside(sentence: _Sentence, frame: Hit) -> tuple[_Sentence, Hit] | None:
    """A headline's second report after a statement: "Residents accuse Turkish forces of burning their fields
    and more raids target northern Aleppo". Only an act that "and more / new / renewed ..." opens is one: in
    "accused the regime of shelling the town and killing 5" the killing is still what they are accused of."""
    text = sentence.span.text
    for h in sentence.foreground():
        opened = h.start > frame.end and _ANOTHER_REPORT.search(text, max(0, h.start - 40), h.start)
        if opened and h.family in VIOLENT and h.strength >= 2:
            return sentence, h
    return None


# "... and more raids", "..., and renewed shelling on": a headline joins a second report to the first
_ANOTHER_REPORT = re.compile(
    r"\band\s+(?:the\s+)?(?:more|new|renewed|continued|continuing|further|fresh|ongoing|intense|heavy)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _violence_after(sentences: list[_Sentence], index: int) -> tuple[_Sentence, Hit] | None:
    """A strong violent cue in a later sentence that is no statement itself: "X condemned the attack. Shelling
    killed five"."""
    for s in sentences[index + 1 :]:
        main = s.foreground()
        if any(h.family in FRAMES for h in main):
            continue
        for h in main:
            if h.family in VIOLENT and h.strength == 3:
                return s, h
    return None


def _non_event(
    sub: str | None,
    sentence: _Sentence,
    hit: Hit,
    context: _Found,
    families: set[str],
    sentences: list[_Sentence],
) -> _Decision | None:
    """Disasters and crime are not conflict events: ``none`` unless strong conflict cues say otherwise (a
    deployment to help flood victims is not one), or an armed group takes part ("detained a Taliban facilitator
    and seized 700 pounds of narcotics" is a counter-insurgency arrest, not a drug case). ``families``: those of
    the cues of ``context``, as the caller has them."""
    # a crime named in the main clause or as the charge ("suspected of smuggling"), not as the scene ("after
    # a clash between rival gangs")
    crime = next(
        ((s, h) for s in sentences for h in s.hits if h.family == "crime" and h.background != CAUSE), None
    )
    if not families & DISASTERS and crime is None:
        return (sub, sentence, hit) if sub else None  # neither disaster nor crime: no need to read the actors
    if any(k.kind == "armed" for s in sentences for k in kinds_in(s.span.text)):
        return (sub, sentence, hit) if sub else None
    strong = any(h.strength == 3 and (h.family in VIOLENT or FAMILIES.get(h.family, NONE) not in WEAK_SUBS)
                 for _, h in context)  # fmt: skip
    if families & DISASTERS and not strong:
        s, h = next((s, h) for s, h in context if h.family in DISASTERS)
        return NONE, s, h
    if crime and (hit.family in CRIME_LIKE or sub is None or (hit.strength < 3 and not strong)):
        return NONE, *crime
    return (sub, sentence, hit) if sub else None


def _harm_only(sentences: list[_Sentence], victims_civilian: bool, actor1: Actor | None) -> _Decision | None:
    """No event cue, only harm words: a battle or an attack when the sentence says who killed whom ("the army
    killed scores of terrorists", "gunmen killed 14 people"); a battle when the dead were fighters ("Losses in
    regime forces", "PKK commander killed"), as ACLED codes fighters' deaths with nothing more said; else no type."""
    for s in sentences:
        for h in s.foreground():
            if h.family != "harm":
                continue
            if _by_air_arm(s.span.text, h):
                return FAMILIES["air"] or "", s, h
            p = parties(s.span.text, h.start, h.end)
            # ("Islamic State gunmen killed four shepherds": civilians counted, whatever word names them)
            if not p.passive and p.agent in COMBATANT and (p.target is not None or victims_civilian):
                sub = "Attack" if p.target in UNARMED or victims_civilian else "Armed clash"
                return sub, s, h
            fallen = p.target if p.passive or p.target is not None else p.agent
            if fallen in ("state", "armed") and not victims_civilian:
                return "Armed clash", s, h
    # people were killed or hurt and the text does not say how ("Human losses in Aleppo countryside", "A man found
    # dead in Qamishli", "tension after the killing of a citizen"): an incident all the same, of unknown type
    for s in sentences:
        harm = next((h for h in s.foreground(CAUSE) if h.family == "harm"), None)
        if harm is not None and not _FIELD.match(s.span.text):
            return UNTYPED, s, harm
    return None


# ---------------------------------------------------------------------------------------------- families


def _by_family(
    sentence: _Sentence,
    hit: Hit,
    sentences: list[_Sentence],
    families: set[str],
    victims_civilian: bool,
    actor1: Actor | None,
) -> str | None:
    family = hit.family
    # air defences that stopped some of the missiles did not stop the strike that killed ("missiles struck ...,
    # killing two soldiers ... air defences had intercepted most of them"): ACLED codes the strike
    if (
        "intercept" in families
        and (family in REMOTE or family == "intercept")
        and not _struck_home(sentences)
    ):
        return FAMILIES["intercept"]
    if family == "disrupt":
        return _gone_off(_with_causes(sentences)) or FAMILIES["disrupt"]
    # weapons seized or defused (not struck from the air or shelled): disrupted unless one went off, or people were
    # hurt ("establishing control over the hills ... killing 48 terrorists and destroying a tank": a battle)
    if (
        "disrupt" in families
        and family in DISRUPTABLE
        and "harm" not in families
        and _gone_off(_with_causes(sentences)) is None
    ):
        return FAMILIES["disrupt"]
    if family == "capture":
        context = _with_causes(sentences)
        # a weak cue tells no event of its own, but it does tell a fight: "regained the town after troops stormed
        # it", "took the village after fighting"
        fought = {
            h.family
            for s, h in context
            if (h.family in VIOLENT or h.family == "harm") and not _unfought(s, h)
        }
        return _territory(
            sentence,
            hit,
            {h.family for _, h in context if h.strength >= 3 or h.family == "harm"},
            fought,
            actor1,
        )
    if family == "withdrawal" and "handover" in families:
        return FAMILIES["handover"]
    if family in ("attack", "killing") and _by_air_arm(sentence.span.text, hit):
        return FAMILIES["air"]
    if family == "killing" and (weapon := _weapon_of_massacre(sentence, hit)) is not None:
        return FAMILIES[weapon]
    if family in ("clash", "attack", "killing"):
        return _attack_or_clash(sentence, hit, families, victims_civilian, actor1)
    if family == "riot":
        return _riot(sentence, hit, families)
    return FAMILIES.get(family)


def _struck_home(sentences: list[_Sentence]) -> bool:
    """Whether a main clause tells of a remote weapon that killed or wounded: a harm word after a strike's or a
    shell's cue in the same sentence ("Israeli missiles struck military positions, killing two soldiers")."""
    for s in sentences:
        main = s.foreground()
        weapon = next((h.end for h in main if h.family in REMOTE and h.strength == 3), None)
        if weapon is not None and any(h.family == "harm" and h.start > weapon for h in main):
            return True
    return False


def _by_air_arm(text: str, hit: Hit) -> bool:
    """Whether a coalition that fights from the air did the act at ``hit``: as its subject ("the coalition kills a
    family") or its agent ("16 killed by the coalition")."""
    if text.isascii() and "coalition" not in text.lower():
        return False  # (most sentences: both patterns need the word, and the test is one scan in C)
    return bool(
        _AIR_SUBJECT.search(text, max(0, hit.start - 60), hit.start)
        or _AIR_AGENT.match(text[hit.end : hit.end + 60])
    )


def _weapon_of_massacre(sentence: _Sentence, hit: Hit) -> str | None:
    """The family of the remote weapon a massacre was committed with, named in the same clause ("a massacre by
    coalition warplanes"); None for other killings (an execution is its own means) or with no weapon named."""
    text = sentence.span.text
    if not _MASSACRE.match(text, hit.start):
        return None
    return next(
        (h.family for h in sentence.foreground(hit.background) if h.family in REMOTE and h.strength == 3),
        None,
    )


def _with_causes(sentences: list[_Sentence]) -> _Found:
    """The cues of main clauses and of cause and time clauses, sentence by sentence."""
    return [(s, h) for s in sentences for h in s.foreground(CAUSE)]


def _riot(sentence: _Sentence, hit: Hit, families: set[str]) -> str:
    """Crowd violence with no protest named: rioters are a violent demonstration; armed men who burn and
    smash destroy property."""
    p = parties(sentence.span.text, hit.start, hit.end)
    if p.agent in ("state", "armed") and not p.passive:
        return "Looting/property destruction"
    return FAMILIES["riot"] or ""


def _gone_off(context: _Found) -> str | None:
    """The sub-type of a bomb or grenade that went off ("four children died in an explosion"), if one did."""
    for s, h in context:
        if h.family in ("explosive", "grenade") and WENT_OFF.search(s.span.text, h.start, h.end + 30):
            return FAMILIES[h.family]
    return None


def _territory(
    sentence: _Sentence, hit: Hit, families: set[str], fought: set[str], actor1: Actor | None
) -> str:
    """Who took the place: state forces regain it, anyone else overtakes it; after a withdrawal or a handover,
    with no fight told (``fought``: the violent families named, weak cues included), it changed hands without
    violence.

    ACLED's non-violent transfer is control acquired without violent interaction, the case where one side takes
    over what the other left: "Regime forces regain control of X after HTS withdraws" tells a withdrawal and no
    fight, whatever the verb ("regained", "seized" say who holds the place now, not that it was fought for; the
    annotated news of CASE 2021 reads such takeovers so). A fight told beside the withdrawal ("after troops stormed
    it", "following intensive bombardment") makes it a battle won."""
    if families & {"withdrawal", "handover"} and not fought - {"capture"}:
        return "Non-violent transfer of territory"
    text = sentence.span.text
    p = parties(text, hit.start, hit.end)
    agent = _agent_kind(p, actor1)
    if agent is None:
        agent = "state" if REGAIN_VERB.match(text[hit.start : hit.end]) else "armed"
    return "Government regains territory" if agent == "state" else "Non-state actor overtakes territory"


def _unfought(sentence: _Sentence, hit: Hit) -> bool:
    """Whether a fight cue is one a "without" denies, a few words back in its clause ("pulled out without resistance
    or firing a gunshot"): beyond the reach of a plain negation, which stops at three words."""
    return _WITHOUT.search(sentence.span.text, max(0, hit.start - _WITHOUT_REACH), hit.start) is not None


def _agent_kind(p: Parties, actor1: Actor | None) -> str | None:
    """Who acted: read in the sentence, else the opponent of a passive's subject ("rebels were pushed back"),
    else the event's actor1."""
    if p.agent in ("state", "armed"):
        return p.agent
    if p.passive and p.target in ("state", "armed"):
        return "armed" if p.target == "state" else "state"
    kind = kind_of_inter(actor1.inter) if actor1 is not None else None
    return kind if kind in ("state", "armed") else None


def _attack_or_clash(
    sentence: _Sentence, hit: Hit, families: set[str], victims_civilian: bool, actor1: Actor | None
) -> str:
    """A battle between armed sides, or violence against people who cannot fight back (ACLED's Attack)."""
    if hit.family == "clash" or "clash" in families:
        return "Armed clash"
    text = sentence.span.text
    p = parties(text, hit.start, hit.end)
    target = p.target or _victims(sentence)
    if target in UNARMED:
        return "Attack"
    if target in COMBATANT:
        return "Armed clash"
    if victims_civilian or hit.family == "killing":
        return "Attack"
    agent = p.agent or (kind_of_inter(actor1.inter) if actor1 is not None else None)
    # unnamed gunmen who attack no armed target are most often reported attacking people
    return "Attack" if agent == "armed" and not p.passive else "Armed clash"


def _victims(sentence: _Sentence) -> str | None:
    """The kind of those the sentence says were killed or hurt ("27 security personnel were killed")."""
    for h in sentence.foreground(CAUSE):
        if h.family == "harm":
            p = parties(sentence.span.text, h.start, h.end)
            if p.target is not None:
                return p.target
    return None


def _protest(sentences: list[_Sentence], sentence: _Sentence, hit: Hit) -> _Decision:
    """The four kinds of protest event, by what the crowd did and what was done to it (read in main clauses and
    in the clauses that tell how it went: "arrests were made after projectiles were thrown at police")."""
    context = [(s, h) for s in sentences for h in s.foreground(CAUSE)]
    families = {h.family for _, h in context if h.strength >= 3 or h.family in ("harm", "lethal")}
    if families & {"riot", "mob", "clash"}:
        return "Violent demonstration", sentence, hit
    intervened = "intervention" in families
    if "lethal" in families or (intervened and families & {"harm", "killing"}):
        return "Excessive force against protesters", sentence, hit
    if intervened or any(_state_arrest(s, h) for s, h in context):
        return "Protest with intervention", sentence, hit
    return "Peaceful protest", sentence, hit


def _state_arrest(sentence: _Sentence, hit: Hit) -> bool:
    """Arrests made at the protest ("police detained dozens"), not those it protests ("over the detention of")."""
    return hit.family == "arrest" and parties(sentence.span.text, hit.start, hit.end).agent == "state"


# ---------------------------------------------------------------------------------------------- other fields


def disorder_type(sub_event_type: str | None) -> str:
    """ACLED's disorder type of a sub-event type ("" when unknown)."""
    kind = taxonomy().get(sub_event_type or "")
    return kind.disorder_type if kind else ""


def type_of_violence(sub_event_type: str | None, actor1: Actor | None, actor2: Actor | None) -> int | None:
    """UCDP GED's type_of_violence: 1 state-based, 2 non-state, 3 one-sided (against civilians); None for what
    UCDP does not code (protests, strategic developments) or when the actors do not tell."""
    kind = taxonomy().get(sub_event_type or "")
    if kind is None or kind.ucdp == "-":
        return None
    if kind.ucdp == "3":
        return 3
    kinds = {kind_of_inter(a.inter) if a else None for a in (actor1, actor2)}
    if "civilian" in kinds:
        return 3
    if "state" in kinds:
        return 1
    if kinds == {"armed"}:
        return 2
    return None
