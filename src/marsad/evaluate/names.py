"""Name normalisers the scorers compare with: ASCII folding, admin-1 spellings and actor aliases.

Gold sets and gazetteers spell the same governorate or province differently ("Idlib Governorate", "Idleb";
"Paktya", "Paktia"). The spellings live in ``data/admin1.csv`` and ``data/actor_aliases.csv`` so they can
grow without code changes; ``tests/test_evaluate_names.py`` checks their integrity.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

# Words that say what kind of unit a name is, not which one ("Idlib Governorate" = "Idlib").
ADMIN_WORDS = frozenset(
    {
        "governorate",
        "governate",
        "province",
        "wilayat",
        "wilayah",
        "muhafazat",
        "muhafazah",
        "mohafazat",
        "of",
        "the",
    }
)
# Arabic articles as transliterated; dropping them makes "Ar Raqqah" = "Raqqah", "Dayr az Zawr" = "Dayr Zawr".
ARABIC_ARTICLES = frozenset(
    {"al", "el", "ar", "as", "ash", "ad", "az", "at", "an", "ez", "es", "ed", "er", "ul"}
)
_APOSTROPHES = re.compile(r"['’‘`ʿʾ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_NON_LETTER = re.compile(r"[^a-z]+")
_PARENS = re.compile(r"\([^)]*\)")


def fold(text: str) -> str:
    """ASCII-folded (NFKD, accents dropped), lower-cased text."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def letter_words(text: str) -> list[str]:
    """Folded words split on anything that is not a letter ("al-Shula" -> ["al", "shula"])."""
    return [w for w in _NON_LETTER.split(fold(text)) if w]


def _tokens(text: str) -> list[str]:
    # Apostrophes vanish rather than split ("Dar'a" -> "dara"), so they cannot leave a stray one-letter word.
    return [t for t in _NON_ALNUM.split(_APOSTROPHES.sub("", fold(text))) if t]


def admin1_key(name: str) -> str:
    """A spelling-insensitive key: unit words and articles dropped, spaces and hyphens removed."""
    tokens = _tokens(name)
    kept = [t for t in tokens if t not in ADMIN_WORDS and t not in ARABIC_ARTICLES]
    return "".join(kept or tokens)


@cache
def _admin1_names() -> dict[str, str]:
    text = resources.files("marsad.evaluate").joinpath("data/admin1.csv").read_text("utf-8")
    return {admin1_key(row["variant"]): row["canonical"] for row in csv.DictReader(text.splitlines())}


def admin1_name(name: str | None) -> str | None:
    """The table's canonical spelling of an admin-1 name (OCHA's for Syria), or None when it is not listed."""
    return _admin1_names().get(admin1_key(name)) if name else None


@cache
def _admin1_table() -> dict[str, str]:
    text = resources.files("marsad.evaluate").joinpath("data/admin1.csv").read_text("utf-8")
    table: dict[str, str] = {}
    for row in csv.DictReader(text.splitlines()):
        table[admin1_key(row["variant"])] = admin1_key(row["canonical"])
    return table


def admin1_canonical(name: str | None) -> str:
    """The canonical key of an admin-1 name; names missing from the table keep their own key."""
    if not name:
        return ""
    key = admin1_key(name)
    return _admin1_table().get(key, key)


def known_admin1(name: str | None) -> bool:
    """Whether a name is a spelling in the admin-1 table (gold "??" or "southern afghanistan" is not)."""
    return bool(name) and admin1_key(name or "") in _admin1_table()


def same_admin1(a: str | None, b: str | None) -> bool:
    """Whether two admin-1 names denote the same unit ("Idlib Governorate" = "Idleb" = "Idlib")."""
    ka, kb = admin1_canonical(a), admin1_canonical(b)
    return bool(ka) and ka == kb


def actor_key(name: str) -> str:
    """Folded words of an actor name without parenthesised qualifiers ("Military Forces of Syria (2000-)")."""
    return " ".join(_tokens(_PARENS.sub(" ", name)))


@cache
def _actor_aliases() -> dict[str, frozenset[str]]:
    text = resources.files("marsad.evaluate").joinpath("data/actor_aliases.csv").read_text("utf-8")
    aliases: dict[str, set[str]] = {}
    for row in csv.DictReader(text.splitlines()):
        aliases.setdefault(actor_key(row["ucdp_side"]), set()).add(actor_key(row["alias"]))
    return {k: frozenset(v) for k, v in aliases.items()}


def side_aliases(side: str) -> frozenset[str]:
    """Actor keys that denote one UCDP side component ("IS" -> {"is", "islamic state", "isis", ...})."""
    key = actor_key(side)
    return _actor_aliases().get(key, frozenset()) | {key}


def split_side(side: str | None) -> list[str]:
    """UCDP lists allied groups in one side field, comma-separated."""
    return [part.strip() for part in (side or "").split(",") if part.strip()]


def actor_matches(side: str, actor_strings: Iterable[str]) -> bool:
    """Whether any of an extracted actor's strings (name, raw, side) denotes the UCDP side component ``side``.

    Exact alias match, or a multi-word alias found word for word inside the actor's name ("Ahrar al-Sham
    Movement").
    One-word aliases must match exactly so "government" cannot match "Government of Turkey".
    """
    aliases = side_aliases(side)
    for raw in actor_strings:
        key = actor_key(raw)
        if not key:
            continue
        if key in aliases:
            return True
        padded = f" {key} "
        if any(" " in alias and f" {alias} " in padded for alias in aliases):
            return True
    return False
