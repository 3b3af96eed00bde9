"""What the words around a name say about whether it is a place at all: a capital letter, a person's or an
organisation's name around it, a headline in Title Case, a sentence's first word, a longer name it begins, the
governorate named right after it. ``reader.Reader`` inherits these checks; a ``Hit`` is one span of words it
reads.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from marsad.gazetteer import cues, fuzzy, scoring
from marsad.gazetteer.layers import Layer, Row
from marsad.gazetteer.normalise import ARTICLES
from marsad.gazetteer.words import Words

_POPULATED = scoring.POPULATED
_NEAR_CHARS = scoring.NEAR_CHARS
_LOCATIVE = frozenset(
    {"in", "near", "outskirts", "village", "town", "city", "distance", "direction", "between", "camp"}
)
# Organisation heads that are everyday words after a place when written in lower case ("Aleppo Today", the
# channel; "bombing in Douma today"; "the Southern Front", "the Hama front" where fighting is)
_CAPITALISED_HEADS = frozenset({"today", "times", "post", "front", "spring"})
# What may stand between a name and a word next to it for both to be one name: spaces, hyphens, a particle.
# A hyphen alone does not join: "Raqqa-Tabqa road" names two places.
_JOINER = re.compile(r"\s+(?:(?:al|el|as|ash|ad|ar|at|az|bin|ibn|abu|bint|umm)[\s-]+)?", re.I)
# a capitalised name followed by "and" and another capitalised name: the name is one of a list
_LISTED_NEXT = re.compile(r"(?:[A-Z][\w'’-]*\s+)+(?:and|or)\s+(?:the\s+)?[A-Z]")
# what may stand between a place and the governorate said to hold it: its kind, a comma, its Arabic name, a
# town it lies near ("Al Safsaf village, near Tabaqa, Raqqa governorate"; not "..., 10 killed in Aleppo")
_HELD_BY = re.compile(
    r"(?:\s+(?:village|town|city|area|camp|farms?|sub-?district|district))?\s*,?\s*"
    # words in Arabic, as lists of strike locations write them between names ("al Qariya district الطبقة, al
    # Tabaqa, Raqqa")
    r"(?:[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF][\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF\s]*,?\s*)?"
    # "X, Raqqa governorate", "X village in the Idlib countryside", "X town of Edlib countryside"
    r"(?:(?:(?:near|close\s+to|in)\s+)?[^,;]{1,30},\s*)?(?:(?:in|of)\s+)?(?:the\s+)?"
    # "X in the northern countryside of Hama"
    r"(?:(?:\w+ern\s+)?countryside\s+of\s+(?:the\s+)?)?"
    # "X village, western Raqqa countryside", "X, eastern Deir Ezzor": a part of the governorate holds it
    r"(?:(?:north|south|east|west)\w*\s+)?",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
_CAPITAL = re.compile(r"[A-Z]")
_NOT_LETTER = bytes(b for b in range(128) if not chr(b).isalpha())
_NOT_CAPITAL = bytes(b for b in range(128) if not "A" <= chr(b) <= "Z")
WELL_KNOWN = frozenset({"city", "admin1", "admin2", "country"})  # named first in a longer run all the same
_QUARTER_NOUNS = frozenset({"suburb", "district", "neighborhood", "neighbourhood", "quarter"})
_ARTICLE_BEFORE = re.compile(r"\bal[- ]$", re.IGNORECASE)
_ARABIC_ARTICLES = "al|el|ad|ar|as|ash|at|az|ez"
# a space, or an article between spaces or after a hyphen: "Bab al-Nairab", "Sheikh Maqsoud"
_SAME_NAME = re.compile(rf" (?:(?:{_ARABIC_ARTICLES}|bin|ibn|abu|umm)[ -])?", re.IGNORECASE)
# an article a hyphen joins to a capitalised word: the name goes on ("Busra al-Sham")
_ARTICLE_JOINED = re.compile(rf" (?:{_ARABIC_ARTICLES})-[A-Z]")
# A name the Arabic article opens ("al-Qardaha", "al Romania": a quarter of Raqqa) is a place of a country whose
# places bear Arabic names: the Arab League's, their neighbours' and Afghanistan's, where such names are
# written so. Never India's Khardah (an alternate name "Khardaha" shares the key) or the country Romania.
_OPENING_ARTICLE = re.compile(rf"(?:al |(?:{_ARABIC_ARTICLES})-)", re.IGNORECASE)
ARABIC_NAMED = frozenset({
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD",
    "SY", "TN", "AE", "YE", "EH", "IL", "TD", "ER", "IR", "TR", "AF",
})  # fmt: skip
# A sun letter's article is written only before a word that starts with that letter ("as-Suwayda", "Salim at
# Tahtani"): "Salma at Jabal al-Akrad" and "Douma as Russian jets" hold the English words, between two names.
_SUN_ARTICLES = {"ad": "d", "ar": "r", "as": "s", "ash": "sh", "at": "t", "az": "z", "ez": "z"}


def joined(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, between two words, joins them into one name as ``pattern`` says (a space,
    an article): a sun letter's article joins only a word that starts with its letter."""
    if end == start + 1 and text[start] == " ":
        return True  # (most words are one space apart: both patterns take it)
    found = pattern.fullmatch(text, start, end)
    if found is None:
        return False
    letter = _SUN_ARTICLES.get(text[start:end].replace("-", " ").strip().lower())
    return letter is None or text[end : end + len(letter)].lower() == letter


# a verb of speech right after a name no cue locates: who speaks is a person, or a government ("Moscow said")
_SPEAKS = re.compile(
    r"\s+(?:said|says|told|added|stated|explained|pointed\s+out|noted|stressed|announced|warned|urged)\b"
)
# ... unless a preposition (or "the": "the United States says") puts the name somewhere, perhaps with words
# between ("activists in northern rural Homs said", "a doctor in rebel-held Douma told", "in Syria's Idlib")
_SAID_FROM = re.compile(
    r"\b(?i:of|from|in|for|on|at|near|to|into|across|around|outside|inside|the)\s+(?:[\w'’-]+\s+){0,2}$"
)
# how closely a small village must be spelled when its governorate follows it
_BESIDE_REGION = fuzzy.IN_REGION / 100
_RIGHT_AFTER = 40  # characters between a name and the governorate said to hold it ("X, Raqqa governorate")


# one hit is one span of one reading: compared by identity, cheaply; slots, as every name found makes one
@dataclass(eq=False, slots=True)
class Hit:
    """One span of words and the namesakes its key matched, while a text is read."""

    first: int
    last: int
    start: int
    end: int
    keys: set[str]
    candidates: list[tuple[Row, str]] = field(default_factory=list)  # (place, the name that matched)
    left: cues.Cue | None = None
    right: cues.Cue | None = None
    best: tuple[float, Row] | None = None
    quarter: bool = False  # a neighbourhood the gazetteer lacks, placed at the city the text names with it
    close: bool = False  # read as a close spelling no key unifies ("Granij" for "Gharanij")
    scores: list[tuple[float, int, Row]] | None = None  # each namesake's score before the regions around it
    spelled: dict[int, float] = field(default_factory=dict)  # place id -> how closely its name is spelled
    regions: frozenset[str | None] = frozenset()  # the regions its namesakes lie in (with ``scores``)
    top: Row | None = None  # the namesake scored best before the regions around it (with ``scores``)


class TextChecks:
    """Checks on the words around a name, shared by every reading (see ``reader.Reader``)."""

    text: str
    country: str | None  # the country whose layer is read; None: the world's
    tokens: Words
    layers: list[Layer]
    stop: dict[str, frozenset[str]]
    _regions: list[tuple[int, str]]  # (position, governorate) of the divisions a text names
    _divisions: set[int]  # words naming a country or governorate
    _governorates: set[int]  # words that may name a governorate
    _named: set[int]  # words of the names found
    _well_known: set[int]  # ... of those naming a city, a district or a region
    _titles: dict[int, bool]  # line start -> written in Title Case
    _shouting_found: bool | None  # ``_shouting`` once read

    def _acceptable(self, first: int, last: int) -> bool:
        """Proper-noun evidence: a capital letter (or a non-Latin script) and not a stop word or short
        acronym.
        """
        words = self.tokens
        if words.lower[first]:
            return False
        if first == last:
            word, folded = words.raw[first], words.folded[first]
            if word.isdigit() or (folded in self.stop["never"] and not self._quarter_named(first)):
                return False
            if word.isupper() and len(word) <= 5 and not self._shouting:
                return False  # ISIS, SOHR, SDF: acronyms, unless the whole text is in capitals
        return True

    def _quarter_named(self, index: int) -> bool:
        """Whether the word at ``index`` follows the Arabic article and precedes "suburb", "district" or the like
        ("Al-Assad Suburb", "al-Assad district"): a word never a place alone names a quarter there."""
        words = self.tokens
        nxt = index + 1
        return (
            nxt < len(words)
            and words.folded[nxt] in _QUARTER_NOUNS
            and _ARTICLE_BEFORE.search(self.text, max(0, words.starts[index] - 4), words.starts[index])
            is not None
        )

    @property
    def _shouting(self) -> bool:
        """Whether the text is written in capitals (then a short word in capitals is no acronym); read once."""
        if self._shouting_found is None:
            self._shouting_found = self._in_capitals()
        return self._shouting_found

    def _in_capitals(self) -> bool:
        plain = self.tokens.plain  # the same letters and capitals, in ASCII (nearly every text)
        if plain is not None:  # counted by deleting the other bytes
            data = plain[:2000].encode("ascii")
            letters, capitals = (
                len(data.translate(None, _NOT_LETTER)),
                len(data.translate(None, _NOT_CAPITAL)),
            )
        else:
            sample = self.text[:2000]
            letters, capitals = len(_LETTER.findall(sample)), len(_CAPITAL.findall(sample))
        return letters > 0 and capitals > 0.6 * letters

    def _opens_sentence(self, index: int, stops: tuple[str, ...] = (".", "!", "?", ":")) -> bool:
        """Whether the word starts its line or follows a full stop (or one of ``stops``), so its capital says
        nothing."""
        start = self.tokens.starts[index]
        before = self.text[max(0, start - 3) : start]
        return index == 0 or "\n" in before or before.rstrip(" ").endswith(stops)

    def _cue_names(self, hit: Hit) -> tuple[str | None, str | None]:
        return (hit.left.name if hit.left else None), (hit.right.name if hit.right else None)

    def _plausible(self, hit: Hit) -> bool:
        """Reject names inside an organisation's or a person's name, and weak one-word names alone."""
        if hit.first < 0:
            return True
        if self._in_organisation(hit) or self._opener_before(hit):
            return False
        left, right = self._cue_names(hit)
        if left is None and (self._titled(hit) or self._speaks(hit)):
            return False  # a person ("the commander Abu Obaida") or who speaks ("Zarif said"), no place
        if hit.first != hit.last:
            return not self._nisba_after(hit)
        words = self.tokens
        if words.folded[hit.first] in self.stop["not_alone"] and left not in _LOCATIVE:
            return False
        # (a name with a cue is no person's, whatever stands beside it: the words beside are read only without)
        if (
            left is None
            and right is None
            and (self._beside_name(hit.first - 1, -1) or self._beside_name(hit.last + 1, 1))
            and not self._title_case(hit.first)
        ):
            return False
        # "in Sheikh Maqsoud", "in Tal al-Hara": a village's name that is only the first word of a longer name
        # the gazetteer lacks; a word that opens many names ("Bab al-Nairab" is no Al-Bab) whatever its size
        small = (
            words.folded[hit.first] in self.stop["name_openers"]
            or (
                hit.best is not None
                and hit.best[1].feature not in WELL_KNOWN
                and hit.best[1].population < 50_000
            )
            # read against the world's cities (no country known yet), a name an Arabic article joins to the next
            # word starts a longer name that layer lacks, whatever city it shares its first word with ("east of
            # Busra al-Sham": no Basra, to make a Syrian report Iraq's)
            or (self.country is None and _ARTICLE_JOINED.match(self.text, hit.end) is not None)
        )
        if right is None and small and self._name_goes_on(hit) and not self._title_case(hit.first):
            return False
        if left is None and right is None and hit.best is not None:
            # a small village named alone must be spelled exactly, and not be a short common-looking word
            spelled, row = hit.best
            small = row.feature in _POPULATED and (row.approx or row.population < 1000)
            if (
                small
                and spelled >= fuzzy.ONE_WORD / 100
                and self._region_near(hit.start) == scoring.region(row)
            ):
                return True  # "Granij, Deir Ezzor governorate": the region named beside it vouches for it
            after = self._region_right_after(hit)
            if (
                small
                and after
                and any(
                    scoring.region(r) == after and hit.spelled.get(r.id, 0.0) >= _BESIDE_REGION
                    for r, _ in hit.candidates
                )
            ):
                return True  # "Maizeela, Deir Ezzor governorate" (Moezleh): one key, the region right after
            return not small or (spelled >= 1.0 and len(words.keys[hit.first]) >= 5)
        return True

    def _speaks(self, hit: Hit) -> bool:
        """Whether the name is who speaks, a person or a government ("Zarif said", "Abu Omar said", "Russia says
        it killed"), not where: a verb of speech follows it and no preposition before puts it anywhere ("an
        activist from Kafraya said", "activists in rural Idlib said")."""
        if not _SPEAKS.match(self.text, hit.end):
            return False
        return not _SAID_FROM.search(self.text, max(0, hit.start - 30), hit.start)

    def _opener_before(self, hit: Hit) -> bool:
        """Whether a capitalised word that opens names stands right before the name, part of it ("Umm Shuaifa",
        "Tal al-Hara"): the name the text writes begins there, and is no place the words after it name."""
        words = self.tokens
        index = hit.first - 1
        # "Tal al-Hara": past the article (most words before a name are none)
        if index >= 0 and not words.keys[index]:
            found = self._neighbour(index, -1)
            index = -1 if found is None else found
        if index < 0 or not self._opens_name(index):
            return False
        return joined(_SAME_NAME, self.text, words.ends[index], hit.start)

    def _titled(self, hit: Hit) -> bool:
        """Whether a person's title stands right before the name ("the commander Abu Obaida", "emir Abu
        Hassan", ``person_titles``): the name is the person's."""
        index = hit.first - 1
        words = self.tokens
        return (
            index >= 0
            and words.folded[index] in self.stop["person_titles"]
            and self.text[words.ends[index] : hit.start] == " "
        )

    def _opens_name(self, index: int) -> bool:
        """Whether the word ``index`` is a capitalised word that opens many names (``name_openers``: Tal, Bab,
        Umm, ...) and begins the name it is part of: not where it ends a name of its own ("Tariq al-Bab Bustan
        al-Qasr", a list without commas)."""
        words = self.tokens
        if not words.capital[index] or words.folded[index] not in self.stop["name_openers"]:
            return False
        before = self._neighbour(index - 1, -1)
        if before is None or not words.capital[before]:
            return True
        return not joined(_SAME_NAME, self.text, words.ends[before], words.starts[index])

    def _nisba_after(self, hit: Hit) -> bool:
        """Whether a nisba follows the name (of two words or more), making it a person's: an article and a
        capitalised word ending in -i or -y ("Abu Bakr al-Baghdadi", "Salah al-Din al-Shishani") that says no
        part of a place ("Deir Ezzor al-Sharqi", "Tal Hamis al-Tahtani") and is no place's name itself (then the
        two may be a list)."""
        index = self._neighbour(hit.last + 1, 1)
        if index is None or index == hit.last + 1:
            return False
        words = self.tokens
        folded = words.folded[index]
        if not words.capital[index] or folded[-1] not in "iy" or folded in self.stop["descriptors"]:
            return False
        # (an article stands between: ``_neighbour`` stepped over it)
        if not joined(_SAME_NAME, self.text, hit.end, words.starts[index]):
            return False
        return not any(words.keys[index] in layer.names for layer in self.layers)

    def _name_goes_on(self, hit: Hit) -> bool:
        """Whether a capitalised word that is no descriptor ("City", "Suburb") follows the name on the same
        line, joined by a space or an article: the name is then the start of a longer one."""
        index = self._neighbour(hit.last + 1, 1)
        if index is None:
            return False
        words = self.tokens
        if not words.capital[index] or not joined(_SAME_NAME, self.text, hit.end, words.starts[index]):
            return False
        # "Explosion in Jasim Daraa": a governorate's name after a town's says where the town is
        return (
            words.folded[index] not in self.stop["never"]
            and words.folded[index] not in self.stop["descriptors"]
            and index not in self._governorates
        )

    def _region_right_after(self, hit: Hit) -> str | None:
        """The governorate named within a few words after the name ("X, Raqqa governorate"), as lists of strike
        locations write it; None when there is none."""
        return self._region_after(hit.end)

    def _holding_region(self, hit: Hit) -> str | None:
        """The governorate said to hold the name: named within a few words after it, in the same clause ("X,
        Raqqa governorate", "X village near Tabaqa, Raqqa governorate"; not "X city and Idlib")."""
        found = self._first_region_after(hit.end)
        if found is None:
            return None
        position, region = found
        if not _HELD_BY.fullmatch(self.text[hit.end : position]):
            return None
        return None if self._listed_from(position) else region

    def _listed_from(self, position: int) -> bool:
        """Whether the name at ``position`` goes on to "and"/"or" and another name: it ends a list of places, none
        holding another ("Bombardment targets Khan Shekhon, Quneitra and Dahya al-Assad"; "where Kirkuk,
        Salahuddin and Diyala provinces meet")."""
        return _LISTED_NEXT.match(self.text, position, position + 60) is not None

    def _region_after(self, end: int) -> str | None:
        found = self._first_region_after(end)
        return found[1] if found is not None else None

    def _first_region_after(self, end: int) -> tuple[int, str] | None:
        """(position, governorate) of the first division named within ``_RIGHT_AFTER`` characters after
        ``end`` (``_regions`` is sorted)."""
        at = bisect.bisect_right(self._regions, (end, "\uffff"))
        if at < len(self._regions) and self._regions[at][0] - end <= _RIGHT_AFTER:
            return self._regions[at]
        return None

    def _neighbour(self, index: int, step: int) -> int | None:
        """The next word before (step -1) or after (step 1) a name, skipping articles; None past the text."""
        keys, folded = self.tokens.keys, self.tokens.folded
        count = len(keys)
        while 0 <= index < count and not keys[index] and folded[index] in ARTICLES:
            index += step
        return index if 0 <= index < count else None

    def _beside_name(self, index: int, step: int) -> bool:
        """A capitalised word that is no place right next to the name: "Bashar al-Assad", "Vladimir Putin"."""
        found = self._neighbour(index, step)
        if found is None:
            return False
        words = self.tokens
        # two capitalised words side by side with nothing between are one name ("Vladimir Putin"), even when
        # each alone is a place somewhere; places in a list have commas or "and" between them; "the border area
        # with Iraq al-Tanf": a country or governorate beside the name is a place, not a person (the word is read
        # before what stands between: most words beside a name are in lower case)
        if not words.capital[found] or words.folded[found] in self.stop["never"] or found in self._divisions:
            return False
        # "QAMISHLI Syria", "al-Fouaa Idleb": a city beside the name, or any place beside a governorate's name,
        # is a place and where it lies, not a person's two names
        if found in self._well_known or (found in self._named and index - step in self._governorates):
            return False
        first, second = (found, index - step) if step < 0 else (index - step, found)
        return joined(_JOINER, self.text, words.ends[first], words.starts[second])

    def _article_abroad(self, hit: Hit, country: str) -> bool:
        """Whether the name is written with the Arabic article and ``country`` names no places so."""
        return country not in ARABIC_NAMED and _OPENING_ARTICLE.match(self.text, hit.start) is not None

    def _in_organisation(self, hit: Hit) -> bool:
        """A name inside an organisation's name ("Liwaa Al-Quds", "Deir ez-Zor Military Council"), or the word
        that opens one ("Hayyaat Tahrir al-Sham": no village Hayat)."""
        before = self._neighbour(hit.first - 1, -1)
        words = self.tokens
        openers = self.stop["organisation_openers"]
        if before is not None and words.folded[before] in openers:
            return joined(_JOINER, self.text, words.ends[before], hit.start)
        if hit.first == hit.last and words.folded[hit.first] in openers:
            after = self._neighbour(hit.last + 1, 1)
            if after is not None and words.capital[after]:
                return joined(_JOINER, self.text, hit.end, words.starts[after])
        index, end = hit.last + 1, hit.end
        text, starts = self.text, words.starts
        for _ in range(3):
            # (one space between: read without cutting it out)
            if index >= len(words) or starts[index] != end + 1 or text[end] != " ":
                return False
            if index == hit.last + 1 and words.folded[index] in self.stop["governments"]:
                # "its Damascus ally": the capital's government; "Syria regime" still names the country
                return not any(row.feature == "country" for row, _ in hit.candidates)
            if words.folded[index] in self.stop["organisation_heads"]:
                if self._source_of_headline(index):
                    return False  # "... terrorists on approached to Palmyra media": the headline's source
                # "Aleppo Today" is a channel; "bombing in Douma today" names Douma
                return words.capital[index] or words.folded[index] not in _CAPITALISED_HEADS
            if not words.capital[index]:
                return False
            index, end = index + 1, words.ends[index]
        return False

    def _source_of_headline(self, index: int) -> bool:
        """Whether the word is a lower-case "media" that ends its line: a headline's source ("Syrian forces
        destroy over 60 terrorists near Palmyra media"), not a channel named after the place."""
        words = self.tokens
        if words.raw[index] != "media":
            return False
        end = words.ends[index]
        return self.text[end : end + 3].lstrip(" ")[:1] in ("\n", "")  # (the text's end too)

    def _title_case(self, index: int) -> bool:
        """Whether the word's line is written in Title Case: headlines capitalise every word, names or not.
        Read once per line, and only for lines that hold a name."""
        start = self.text.rfind("\n", 0, self.tokens.starts[index]) + 1
        known = self._titles.get(start)
        if known is None:
            end = self.text.find("\n", start)
            words, capitals = self.tokens.title_counts(start, end if end >= 0 else len(self.text))
            known = self._titles[start] = words >= 4 and capitals >= 0.75 * words
        return known

    def _lies_in(self, row: Row, region: str | None) -> bool:
        """Whether ``row`` lies in the governorate a text names as ``region``: in it, or in the governorate that is
        its countryside ("Zamalka, Damascus province": the agencies' name for Rif Dimashq, the Damascus
        governorate being the city alone)."""
        own = scoring.region(row)
        if own == region:
            return True
        rural = self.layers[-1].countryside.get(region or "")
        return rural is not None and own is not None and scoring.region(rural[0]) == own

    def _region_near(self, position: int) -> str | None:
        """The governorate the text names closest after (else before) ``position``: "X village, Raqqa
        governorate"."""
        after = [(p - position, r) for p, r in self._regions if 0 <= p - position <= _NEAR_CHARS]
        before = [(position - p, r) for p, r in self._regions if 0 < position - p <= _NEAR_CHARS]
        return min(after or before, default=(0, None))[1]
