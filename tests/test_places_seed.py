"""The seed report (SOHR, Deir ez-Zor bus attack): must-have and must-not-have places."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.gazetteer.match import Gazetteer, PlaceMention, default_gazetteer

SEED_SENTENCE = "a military bus was targeted by ISIS members in al-Shula desert in Deir ez-Zor countryside"


@pytest.fixture(scope="module")
def gaz(data_dir: Path) -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="module")
def seed(seed_path: Path, gaz: Gazetteer) -> tuple[str, list[PlaceMention]]:
    text = seed_path.read_text(encoding="utf-8")
    return text, gaz.find(text, "SY")


def test_places_seed_sentence_resolves_ash_shula(gaz: Gazetteer) -> None:
    shula, governorate = gaz.find(SEED_SENTENCE, "SY")
    place = shula.place
    assert shula.span.text == "al-Shula" and SEED_SENTENCE[shula.span.start : shula.span.end] == "al-Shula"
    assert place.name == "Ash Shula" and place.country == "Syria"
    assert place.latitude == pytest.approx(35.18, abs=0.01) and place.longitude == pytest.approx(
        39.85, abs=0.01
    )
    assert place.admin1 == "Deir ez-Zor" and place.admin1_pcode == "SY09"
    assert (place.geo_precision, place.where_prec) == (2, 2) and shula.cue == "desert"
    assert place.pcode == "C6529"  # OCHA community Al-Shola
    assert governorate.span.text == "Deir ez-Zor" and governorate.cue == "countryside"
    # "Deir ez-Zor countryside": around the city, as UCDP codes "X countryside" (the town, where_prec 2)
    assert governorate.place.feature == "city" and governorate.place.admin1 == "Deir ez-Zor"
    assert (governorate.place.geo_precision, governorate.place.where_prec) == (2, 2)


def test_places_seed_sentence_without_country_hint(gaz: Gazetteer) -> None:
    found = gaz.find(SEED_SENTENCE)
    assert [m.place.name for m in found] == ["Ash Shula", "Deir ez-Zor"]


# "combing the area from Kabajeb and Al-Shawla ... to Al-Sukhnah" names an area (UCDP where_prec 5), named by the
# places both spellings of each name resolve to
_AREA = "from Kabajeb and Ash Shula to As Sukhnah"
MUST_HAVE = [
    ("Ash Shula", "al-Shula"),
    (_AREA, "Kabajeb and Al-Shawla in the west of Deir Ezzor to Al-Sukhnah"),
    (_AREA, "Kabajib and al-Shawla west of Deir Ezzor to al-Sukhna"),
    ("Syrian Desert", "Syrian desert"),
    ("Deir ez-Zor–Homs road", "Deir Ezzor-Homs road"),
    ("Deir ez-Zor", "Deir ez-Zor"),
    ("Deir ez-Zor", "Deir Ezzor"),
    ("Homs", "Homs"),
]


@pytest.mark.parametrize(("name", "words"), MUST_HAVE)
def test_places_seed_document_must_have(seed: tuple[str, list[PlaceMention]], name: str, words: str) -> None:
    text, found = seed
    assert any(m.place.name == name and m.span.text == words for m in found), (name, words)
    for mention in found:
        assert text[mention.span.start : mention.span.end] == mention.span.text


@pytest.mark.parametrize(
    "words", ["ISIS", "SOHR", "Quds", "Liwaa", "National", "Russian", "Corps", "Fifth", "Accept"]
)
def test_places_seed_document_must_not_have(seed: tuple[str, list[PlaceMention]], words: str) -> None:
    _, found = seed
    assert all(words not in m.span.text for m in found)


def test_places_seed_document_codes(seed: tuple[str, list[PlaceMention]]) -> None:
    _, found = seed
    codes = {(m.place.name, m.cue): (m.place.geo_precision, m.place.where_prec) for m in found}
    assert codes[("Deir ez-Zor", "desert")] == (3, 4)  # "Deir ez-Zor desert": the governorate
    assert codes[("Syrian Desert", "in")] == (3, 5)
    assert codes[("Deir ez-Zor–Homs road", None)] == (3, 5)
    assert codes[("Homs", "desert")] == (3, 4)  # "the deserts of Homs and Deir Ezzor"
    assert all(m.place.country in ("Syria", "Russia") for m in found)
