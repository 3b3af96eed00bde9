"""Place names a reading could not resolve, kept with their words, span and the reason, so that one missing
village never blanks the others (Mordecai 3's issue #11) and a person can add it to the supplement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.records import Span

# Cues strong enough that capitalised words after (or before) them are a place even when no source has it:
# "the village of X", "X village", "X countryside", "X district".
_ANNOUNCED_BEFORE = re.compile(
    r"\b(?:village|town|city|hamlet|camp|outskirts|countryside)s?\s+of\s+(?:the\s+)?$", re.I
)
_ANNOUNCED_AFTER = re.compile(r"^\s+(?:village|town|city|countryside|district|sub-?district)\b", re.I)
NOT_FOUND = "not in the gazetteer"
FAR_SPELLING = "spelled too far from any gazetteer name"
CONFLICT = "its only namesakes lie outside the region named beside it"
# a close spelling, only just close enough, of villages in none of the governorates the text names ("... the city of
# Homs ... living in Akruma area": a quarter of Homs, not Latakia's Krum)
ELSEWHERE = "spelled only nearly like places outside the governorates the text names"
# a neighbourhood, district or land form named after a village elsewhere ("al-Sakhour neighborhood", "Khaldiyeh
# District", "Al-Shamiyyah Mountains"): the gazetteer knows the name, not this place
NOT_THIS_PLACE = (
    "a neighbourhood, district or land form: its namesakes in the gazetteer are villages elsewhere"
)
_MAX_RAW = 200  # a "name" longer than this is no name: keep its start only, in bounded space
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Unresolved:
    """Words read as a place name that no gazetteer place was chosen for."""

    span: Span
    reason: str
    nearest: str | None = None  # the closest gazetteer name considered, when there was one

    def __reduce__(self) -> tuple[type[Unresolved], tuple[Span, str, str | None]]:
        # rebuilt through the constructor: a frozen class of the compiled build (marsad.compiled) cannot
        # restore its fields one by one, as pickle does by default
        return Unresolved, (self.span, self.reason, self.nearest)

    @property
    def raw(self) -> str:
        text = _SPACE.sub(" ", self.span.text).strip()
        return text if len(text) <= _MAX_RAW else text[:_MAX_RAW] + "…"


def announced(text: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` are announced as a place ("the village of X", "X district")."""
    before, after = text[max(0, start - 30) : start], text[end : end + 16]
    around = (before + " " + after).lower()
    if not any(word in around for word in ANNOUNCING_WORDS):
        return False  # no announcing word nearby: the patterns need not run
    return bool(_ANNOUNCED_BEFORE.search(before)) or bool(_ANNOUNCED_AFTER.match(after))


ANNOUNCING_WORDS = ("village", "town", "city", "hamlet", "camp", "outskirts", "countryside", "district")
