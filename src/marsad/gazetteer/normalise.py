"""Place-name normalisation: one key for the many romanisations of one Arabic, Persian or Pashto name.

Reports spell the same town Deir ez-Zor, Deir Ezzor, Dayr az Zawr and Deir el-Zour; GeoNames, OCHA and UCDP
each pick another spelling. ``name_key`` folds the differences that carry no meaning in transliteration
(articles, ayn and hamza marks, doubled letters, vowel quality, q/k, kh/k, final h) so that such variants
share one key. The key is deliberately lossy: it is a lookup key, never shown to people, and the matcher
re-scores candidates on a lighter form (``light_key``) so that an exact spelling beats a merely similar one.

The same function keys gazetteer names (at build time) and the words of a report (at match time), token by
token and independent of a token's position, so a phrase in the text gets the key of the same name in the
gazetteer.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Marks for ayn, hamza and apostrophes that transliterations add or leave out at will ("Dar'a", "Ma`arrat",
# "Qal‘at").
_MARKS = re.compile(r"['`´ʻʼʽʿʾ‘’′ʹ‛\"]")
# Letters NFKD does not decompose into a base letter and a combining mark.
_SPECIAL = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ß": "ss", "æ": "ae", "œ": "oe"}
)
_NON_WORD = re.compile(r"[\W_]+")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_ARABIC_FOLD = str.maketrans({"ة": "ه", "ى": "ي", "ـ": None, "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})

# Articles written as separate words (al-Bab, Ash Shula, Deir ez-Zor, Maarrat an-Numan) and the Persian ezafe
# (Sar-e Pul).
_ARTICLE_WORDS = "al el il ul ad ed ar er as es ash esh at et ath az ez an en adh dh l e i"
ARTICLES = frozenset(_ARTICLE_WORDS.split(" "))

# An article glued to a word whose first (sun) letter it assimilated to: Ezzor, Assukhna, Arraqqa, Annuman.
_GLUED = re.compile(r"^[ae](?:(sh|th|dh)(?=\1)|([dtrzsnl])(?=\2))")
# ... or written joined without assimilation, as OCHA often does (Elsobol, Alzour); only before a consonant so
# that Aleppo and Elias keep their first letters.
_GLUED_AL = re.compile(r"^[ae]l(?=[^aeiouy\d][a-z]{2})")
# Letter groups that different romanisation schemes (English, French, German, ALA-LC) spell differently:
# Cheikh/Sheikh (French ch), Vardak/Wardak, Dscharamana/Jaramana, Qamishli/Kamishli, Khost/Kost.
_DIGRAPH_MAP = {
    "dsch": "j",
    "tsch": "sh",
    "dj": "j",
    "ph": "f",
    "ch": "sh",
    "kh": "k",
    "gh": "g",
    "ck": "k",
    "dh": "d",
    "th": "t",
    "q": "k",
    "c": "k",
    "v": "w",
}
_DIGRAPHS = re.compile("|".join(sorted(_DIGRAPH_MAP, key=len, reverse=True)))
_DOUBLE = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")  # Hamah/Hama, Raqqah/Raqqa, Sukhnah/Sukhna
# y/w are vowels after a vowel before a consonant or at the end (Dayr/Deir, Zawr/Zor, Khowst/Khost).
_GLIDE_AFTER_VOWEL = re.compile(r"(?<=[aeiou])[yw](?![aeiou])")
# -iya/-iyah/-ieh/-ia are one ending (Salamiyah, Salamieh, Salamiyeh); Paktya/Paktia likewise; and so is -eyeh,
# -eyat at a word's end (Hamideyeh, Hamameyat), though not "ey" inside it (Meyadin is Mayadin).
_IY = re.compile(r"(?<=i)y(?=[aeiou])|(?<=[^aeiouy])y(?=[aeiou])(?!^)|(?<=[^aeiouy]e)y(?=(?:a|e|ah|eh|at)$)")
_FINAL_Y = re.compile(r"(?<=[^aeiou])y$")
_VOWELS = re.compile(r"[aeiou]+")


def fold(text: str) -> str:
    """Lower case without diacritics or ayn/hamza marks; Arabic letters unified (alef forms, ta marbuta,
    tatweel).
    """
    if text.isascii():  # most names: skip the Unicode decomposition
        return _MARKS.sub("", text.lower())
    # casefold between two decompositions: compatibility forms (Ⓐ, ᴬ) decompose to capitals
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_SPECIAL)
    if _ARABIC.search(text):
        text = unicodedata.normalize("NFC", text).translate(_ARABIC_FOLD)
    return _MARKS.sub("", text)


@lru_cache(maxsize=1)
def _token_variants() -> dict[str, str]:
    """Whole-word variants no letter rule covers (Kfar/Kafr), kept as data in ``data/key_tokens.csv``."""
    with resources.files("marsad.gazetteer").joinpath("data/key_tokens.csv").open(encoding="utf-8") as fh:
        return {
            row["variant"]: row["canonical"]
            for row in csv.DictReader(fh)
            if not row["variant"].startswith("#")
        }


@lru_cache(maxsize=400_000)
def token_key(token: str) -> str:
    """The key of one already folded word; an empty string for words a key leaves out (articles)."""
    if token in ARTICLES:
        return ""
    if _ARABIC.search(token):
        # The Arabic article is always written joined: الرقة -> رقه.
        return token[2:] if token.startswith("ال") and len(token) > 3 else token
    variant = _token_variants().get(token, token)
    if " " in variant:
        return " ".join(k for k in (token_key(part) for part in variant.split()) if k)
    token = _GLUED_AL.sub("", _GLUED.sub("", variant)) if len(variant) > 4 else variant
    token = _DIGRAPHS.sub(lambda m: _DIGRAPH_MAP[m.group()], token)
    token = _DOUBLE.sub(r"\1", token)
    token = _FINAL_H.sub("", token)
    token = _GLIDE_AFTER_VOWEL.sub("a", token)
    token = _IY.sub("i", token)
    token = _FINAL_Y.sub("i", token)
    return _VOWELS.sub("a", token)


def words(text: str) -> list[str]:
    """Folded words of a name; hyphens, dots and other punctuation separate words."""
    return _NON_WORD.sub(" ", fold(text)).split()


def name_key(name: str) -> str:
    """The matching key of a name: ``name_key("Deir ez-Zor") == name_key("Dayr az Zawr") == "dar zar"``."""
    return " ".join(k for k in (token_key(w) for w in words(name)) if k)


def compact_key(name: str) -> str:
    """The key of a name of two or three words written as one ("Kaba Jeb" -> key of "Kabajeb"), or ""."""
    parts = [w for w in words(name) if token_key(w)]
    if not 2 <= len(parts) <= 3:
        return ""
    compact = token_key("".join(parts))
    return compact if " " not in compact else ""


@lru_cache(maxsize=100_000)
def light_key(name: str) -> str:
    """A spelling-faithful form for scoring: folded, articles and punctuation dropped, vowels kept."""
    return " ".join(w for w in words(name) if w not in ARTICLES)
