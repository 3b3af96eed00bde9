"""Segmentation: sentences with their paragraph, and the role each sentence plays in the report.

Roles: ``incident`` (someone did something somewhere: a harm figure or an event cue), ``tally`` (a cumulative total:
"in the first week of the campaign", "bringing the death toll to"), ``development`` (an ongoing campaign or operation),
``background`` (what happened before, aims, context, a profile of the person targeted: "The leader coordinates
roadside bomb attacks") and ``other``. Assembly corrects roles by the dates a sentence gives (only long before the
report: background) and groups sentences into events by role and by discourse cues ("In another incident",
"Meanwhile", "Elsewhere"); see docs/dates.md. ``is_caption`` tells a photo caption, which is never an incident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.actors.prefix import folded
from marsad.records import Span

# Abbreviations after which a full stop does not end a sentence (months, titles, initials of countries).
_ABBREV = [
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "no",
    "lt",
    "gen",
    "col",
    "maj",
    "capt",
    "sgt",
    "brig",
    "cpl",
    "pvt",
    "rep",
    "sen",
    "gov",
    "prof",
    "inc",
    "ltd",
    "co",
    "corp",
    "vs",
    "etc",
    "approx",
    "est",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
]
# the end of a sentence: its punctuation (the one character the match starts with), a closing quote, spaces, and the
# next one's capital or digit (matched from the punctuation, not looked behind to: a faster scan), or a source's tag
# in parentheses ("... a UK-based monitoring group. (presstv) - At least 45 people have been killed")
_BOUNDARY = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“(‘]?[A-Z0-9]|\([a-z]+\)\s)")
_LAST_WORD = re.compile(r"([\w.]+)[.!?]$")

TALLY_CUES = re.compile(
    r"\b(?:since\s+the\s+(?:start|beginning|outbreak|launch|first\s+of)|since\s+(?:it\s+)?(?:began|started)|so\s+far\s+"
    r"(?:this|in)\b"
    r"|in\s+total|in\s+all\b|total\s+(?:death\s+)?toll|toll\s+since|bringing\s+the\s+(?:total\s+)?(?:death\s+)?"
    r"(?:toll|number|total)|raising\s+the\s+(?:death\s+)?toll|(?:first|second|third|past|last)\s+(?:week|month|"
    r"year)\s+of\s+the|during\s+the\s+(?:past|last)\s+(?:week|month|year|\d+\s+days)|over\s+the\s+(?:past|last)"
    r"\s+(?:\d+\s+hours|24\s+hours|week|month|year)|this\s+(?:month|year)\b|cumulative|monthly|since\s+(?:january|"
    r"february|march|april|may|june|july|august|september|october|november|december)\b|in\s+separate\s+"
    r"(?:operations|incidents|attacks)"
    # "they were the latest of more than 7000 people killed across Syria since the UN Security Council passed a
    # resolution last year"
    r"|the\s+latest\s+of\s+(?:more\s+than\s+|at\s+least\s+|over\s+|some\s+)?\d"
    # ... the dead since a day told only as last year's, month's or week's (not "the deadliest attack since last
    # year": what is counted since then must be harm)
    r"|(?:killed|died|dead|deaths|casualties|wounded|injured)\s+(?:[\w-]+\s+){0,4}?since\s+(?:[\w-]+\s+){0,8}?"
    r"last\s+(?:year|month|week)\b)",
    re.IGNORECASE,
)
DEVELOPMENT_CUES = re.compile(
    r"\b(?:campaign|operation|offensive|military\s+build-?up|reinforcements?)\b.{0,120}?\b(?:still|underway|"
    r"ongoing|continu\w*|entered|combing|comb|began|launched|started)\b|\b(?:still|continu\w*)\b.{0,60}?\b"
    r"(?:campaign|operation|offensive|comb\w*)\b|\bare\s+combing\b"
    # "the SDF announced the start of the fourth stage of the campaign"
    r"|\b(?:start|launch|beginning)\s+of\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,5}?(?:campaign|operation|offensive)\b",
    re.IGNORECASE,
)
BACKGROUND_CUES = re.compile(
    r"^(?:The\s+(?:\w+\s+){0,3}(?:campaign|operation|offensive)\s+(?:began|started|was\s+launched|aimed|aims)|"
    r"(?:[A-Z]\w+\s+){0,3}(?:was|is)\s+(?:responsible|believed|known|involved|accused)|Prior\s+to|"
    r"At\s+the\s+time\s+of\s+(?:his|her|their)\s+death|Based\s+on|The\s+(?:leader|commander|facilitator|network|"
    r"group)\s+(?:is|was|had|has)|"
    # a response section of a humanitarian update ("Humanitarian partners are trucking water to 30 neighbourhoods")
    r"(?:Humanitarian|Health|Relief|Aid|UN)\s+(?:partners|actors|organi[sz]ations|agencies|workers|teams)\s+|"
    r"Partners\s+(?:are|have|report|continue)\b)",
)
# Who a targeted person is and what he habitually does ("The leader coordinates roadside bomb attacks", "He was
# also involved with a complex suicide attack that killed four soldiers", "Wali was a Taliban leader"): a profile,
# never an incident of this report, even with figures in it. Checked before figures. The verbs are those of roles
# and habits; "He was killed", "The leader was detained" or "The commander was the target of the strike" do not
# match ("Idlib was the target of the regime because ..." does).
_SUBJECT = (
    r"(?:He|She|They|The\s+(?:\w+\s+){0,2}(?:leader|commander|facilitator|network|group|cell|detainee|individual|"
    r"suspect|target|emir|official|chief|expert|financier|member)s?|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
)
# "was the target of the precision strike": the strike is told, not who the person is
_TARGET_OF = (
    r"\s+targets?\s+of\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:strike|air\s?strike|raid|attack|operation|bombing|shelling)s?\b"
)
_PROFILE_VERB = (
    r"(?:(?:was|is|were|are|has\s+been|had\s+been)\s+(?:also\s+)?(?:responsible|involved|linked|associated|"
    rf"believed|known|suspected|accused|assessed|thought|a|an|the(?!{_TARGET_OF})|one|part|directly|heavily|"
    r"reportedly)\b|(?:served|"
    r"serves|oversaw|oversees|operated|operates|coordinated|coordinates|directed|directs|planned|plans|organized|"
    r"organised|organizes|supplied|supplies|distributed|distributes|facilitated|facilitates|provided|provides|"
    r"controlled|controls|commanded|commands|specializ\w+|acquired|acquires|procured|procures|trained|trains|"
    r"financed|finances|smuggled|smuggles|manufactured|manufactures|participated|participates|recruited|recruits|"
    r"leads|conducts|has\s+(?:been|had|conducted|coordinated|directed|planned|participated))\b)"
)
PROFILE_CUES = re.compile(
    rf"^{_SUBJECT}\s+(?:also\s+|allegedly\s+|reportedly\s+|previously\s+|directly\s+|primarily\s+)?{_PROFILE_VERB}"
)
NEW_INCIDENT_CUES = re.compile(
    r"^(?:In\s+(?:an?other|a\s+separate|a\s+similar|a\s+related)\s+(?:incident|attack|operation|development|"
    r"event)|Meanwhile|Elsewhere|Separately|Also\s+in|In\s+addition|On\s+the\s+other\s+hand|Later|Earlier|"
    r"Furthermore|Moreover|Yesterday|Today|Last\s+night|On\s+\w+day|In\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}\s+"
    r"(?:province|governorate|district|countryside),)",
)


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    paragraph: int
    index: int


def _ends_with_abbreviation(chunk: str) -> bool:
    # the last word only: searching the whole chunk would be quadratic on long lines
    m = _LAST_WORD.search(chunk[-24:])
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    # single capital letters ("J. Smith") and the abbreviations above do not end sentences
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets; every line break ends a sentence (paragraphs are lines after ingest).
    A paragraph that repeats the headline as its first words and runs on starts after them."""
    out: list[Sentence] = []
    pos = 0
    title: str | None = None
    for para_no, line in enumerate(text.split("\n")):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        # (a paragraph that opens with the headline again and runs on: the repeat is no
        # sentence of its own, or the headline's figures count twice and its words tell a second incident)
        cursor = _after_title(line, title) if title else 0
        if title is None:
            title = _title_of(line)
        for m in _BOUNDARY.finditer(line, cursor):
            stop = m.start() + 1  # after the punctuation
            if _ends_with_abbreviation(line[cursor:stop]):
                continue
            _add(out, text, start + cursor, start + stop, para_no)
            cursor = m.end()
        _add(out, text, start + cursor, start + len(line), para_no)
    return out


# A headline a paragraph repeats as its first words ("16 dead in heavy bombardment on Syrias Idlib Monitor  16
# dead in heavy bombardment on Syrias Idlib Monitor AFP Monday 24 Oct 2016 Sixteen civilians ... were killed", as
# pages saved without their markup run on) is left out of that paragraph's first sentence: read with it, its
# figure counted as the body's again. A first line of a few words at least is a headline; shorter ones (a
# dateline, a name) may open anything.
TITLE_WORDS = 4
_TITLE_LONGEST = 300


def _title_of(line: str) -> str:
    """The first line as a headline a later paragraph may repeat, or "" when it is none (too short, too long)."""
    title = line.strip()
    return title if len(title.split()) >= TITLE_WORDS and len(title) <= _TITLE_LONGEST else ""


def _after_title(line: str, title: str) -> int:
    """Where the headline ends in a paragraph that opens with it and runs on after a space; else 0."""
    at = len(line) - len(line.lstrip())
    end = at + len(title)
    if line.startswith(title, at) and end < len(line) and line[end].isspace() and line[end:].strip():
        return end
    return 0


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(Span.of(text, start, end), paragraph, len(out)))


# Words one of which every match of TALLY_CUES / DEVELOPMENT_CUES holds. Their unanchored searches are the slow
# part of a sentence's role (dozens of alternatives tried at every character), and few sentences hold any of these
# words: a substring test skips the search (speed only, see _may_hold).
_TALLY_WORDS = (
    "since", "far", "total", "all", "toll", "bringing", "week", "month", "year", "during", "past", "last",
    "cumulative", "separate", "latest",
)  # fmt: skip
_DEVELOPMENT_WORDS = ("campaign", "operation", "offensive", "build", "reinforcement", "comb")
# The same two searches, case-sensitive in the lower-cased text (see marsad.actors.prefix.folded): in an ASCII
# sentence they find what the case-insensitive ones find, three times as fast (the engine need not fold the case of
# every character it compares). ``folded`` returns None for a pattern it cannot so rewrite: the search stays as is.
_TALLY_LOWER = folded(TALLY_CUES)
_DEVELOPMENT_LOWER = folded(DEVELOPMENT_CUES)


def _may_hold(sentence: str, words: tuple[str, ...], low: str | None = None) -> bool:
    """False only when ``sentence`` holds none of ``words`` (lower-case ASCII) in any case. A non-ASCII character
    that a case-insensitive regex may read as an ASCII letter ("ſ" as "s", the Kelvin sign as "k") keeps the
    search. ``low`` is ``sentence.lower()`` when the caller has it."""
    if low is None:
        low = sentence.lower()
    for word in words:
        if word in low:
            return True
    return not sentence.isascii() and any(_ascii_lookalike(c) for c in set(sentence) if not c.isascii())


@lru_cache(maxsize=1024)
def _ascii_lookalike(ch: str) -> bool:
    return any(c.isascii() for c in ch.lower() + ch.upper() + ch.casefold())


def _holds(
    sentence: str, low: str, words: tuple[str, ...], pattern: re.Pattern[str], lower: re.Pattern[str] | None
) -> bool:
    """Whether case-insensitive ``pattern`` matches ``sentence``: no search without one of ``words``, and in an
    ASCII sentence ``lower`` (its folded form) searched in ``low`` (``sentence.lower()``)."""
    if not _may_hold(sentence, words, low):
        return False
    if lower is not None and sentence.isascii():
        return lower.search(low) is not None
    return pattern.search(sentence) is not None


def role(sentence: str, has_figures: bool, has_trigger: bool) -> str:
    """The role of one sentence from its cues (see module docstring)."""
    if PROFILE_CUES.search(sentence):
        return "background"
    low = sentence.lower()
    if has_figures and _holds(sentence, low, _TALLY_WORDS, TALLY_CUES, _TALLY_LOWER):
        return "tally"
    if has_figures:
        return "incident"
    if BACKGROUND_CUES.search(sentence):
        return "background"
    if _holds(sentence, low, _DEVELOPMENT_WORDS, DEVELOPMENT_CUES, _DEVELOPMENT_LOWER):
        return "development"
    if has_trigger:
        return "incident"
    return "other"


def starts_new_incident(sentence: str) -> bool:
    return bool(NEW_INCIDENT_CUES.search(sentence))


# "In Terayzai district, a combined patrol captured ...": another place of the same story, told on its day
_PLACE_CUE = re.compile(
    r"^In\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}\s+(?:province|governorate|district|countryside),"
)


def starts_new_story(sentence: str) -> bool:
    """A cue that starts another incident on another day, or on one not yet told ("In another incident",
    "Meanwhile", "Yesterday"); a new place alone ("In Terayzai district, ...") keeps the story's day."""
    return starts_new_incident(sentence) and not _PLACE_CUE.match(sentence)


# A photo caption tells what a picture shows and when it was taken, not the report's news: "A general view shows
# the damage ... in this handout picture provided by SANA on September 5 2016", "A picture taken on July 29 2016
# shows ...", or a line followed by the picture's credit ("... Syria July 1 2016. (Reuters Photo)").
_CAPTION = re.compile(
    r"\b(?:in\s+this\s+(?:handout\s+|file\s+|undated\s+)?(?:picture|photo(?:graph)?|image|video\s+grab)|"
    r"(?:picture|photo(?:graph)?|image)\s+(?:taken|released|provided|posted|distributed)\s+(?:on|by)\b|"
    r"^file\s+(?:picture|photo)\s+(?:shows|of)\b)",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\((?:[A-Z][\w.&-]*\s*){1,5}(?:photo|picture|images?|agencies|file)?\)|^\((?:file|archive)\s+photo\)",
    re.IGNORECASE,
)


def is_caption(sentence: str, following: str = "") -> bool:
    """Whether ``sentence`` is a photo caption (``following`` is the next sentence, which may open with the
    picture's credit)."""
    head = sentence[:400]
    low = head.lower()
    if any(w in low for w in ("pictur", "photo", "image", "video")) and _CAPTION.search(head):
        return True
    if not following.startswith("("):
        return False
    credit = _CREDIT.match(following[:60])
    return credit is not None and bool(re.search(r"photo|picture|image|agencies|file", credit.group(0), re.I))
