"""Hostile and odd inputs: long names, control characters, mixed scripts, huge texts. All must finish quickly
and return well-formed mentions.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from marsad.gazetteer.match import Gazetteer, default_gazetteer


@pytest.fixture(scope="module")
def gaz(data_dir: Path) -> Gazetteer:
    return default_gazetteer()


HOSTILE = [
    "",
    " ",
    "\n\n\n",
    "Deir" * 2_500,  # a 10 kB "name"
    "Deir " * 2_000 + "ez-Zor",
    "A" * 10_000,
    "al-" * 3_000 + "Shula",
    "in " * 3_000 + "Homs",
    "\x00\x01\x02 in Homs \x1b[31m \u202e in Idlib \ufeff\u200b",
    "حلب Aleppo Халеб 阿勒颇 Αλέππο " * 300,
    "in " + "دير الزور " * 500,
    "-" * 10_000 + "'" * 10_000,
    "12 km west of " * 500,
    "between " * 1_000 + "Homs and Hama",
    "the village of " * 1_000,
    "𝐇𝐨𝐦𝐬 and Ｈｏｍｓ and ⒽⓄⓂⓈ",
    # the neighbourhood, country-direction and installation readings
    "the neighbourhood of " * 600 + "al-Waer in Homs",
    "Bab " * 2_500 + "neighbourhood in Aleppo",
    "Sheikh Maqsoud neighbourhood, " * 400 + "Aleppo",
    "in northern Syria " * 600,
    "Brigade 137 and Shaer oilfield and " * 300,
    "the eastern Badia of " * 500 + "Homs",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
@pytest.mark.parametrize("country", ["SY", None])
def test_places_adversarial_inputs_finish_quickly(gaz: Gazetteer, text: str, country: str | None) -> None:
    started = time.perf_counter()
    found = gaz.find(text, country)
    assert time.perf_counter() - started < 2.0
    for mention in found:
        assert text[mention.span.start : mention.span.end] == mention.span.text
        assert mention.place.where_prec is None or 1 <= mention.place.where_prec <= 7


def test_places_adversarial_large_document(gaz: Gazetteer) -> None:
    paragraph = (
        "Regime forces shelled Saraqib and Maarat al-Numan in Idlib countryside, while ISIS attacked a bus "
        "near al-Shula in Deir ez-Zor desert and clashes continued 10 km east of Palmyra. "
    )
    text = paragraph * 600  # ~120 kB
    started = time.perf_counter()
    found = gaz.find(text, "SY")
    assert time.perf_counter() - started < 5.0
    assert len(found) >= 600 * 5


def test_places_adversarial_page_of_neighbourhoods(gaz: Gazetteer) -> None:
    """A long page of quarters named with their city (each resolved inside it): the hits inside each run are
    found by bisection, not by walking every hit of the page for every run."""
    text = " ".join(
        f"Shells hit the Bab al-Nairab{i} neighbourhood in Aleppo city and Idlib." for i in range(10_000)
    )
    started = time.perf_counter()
    found = gaz.find(text, "SY")
    assert time.perf_counter() - started < 6.0  # ~2 s here; ~12 s when quadratic
    assert sum(m.place.feature == "neighbourhood" for m in found) == 10_000


def test_places_adversarial_arabic_names(gaz: Gazetteer) -> None:
    found = gaz.find("قصف على مدينة دير الزور وريف حلب", "SY")
    assert {m.place.admin1 for m in found} >= {"Deir ez-Zor", "Aleppo"}


def test_places_adversarial_event_place_in_a_long_sentence(gaz: Gazetteer) -> None:
    """The event's place among hundreds of names in one 10 kB sentence, in bounded time."""
    from marsad.extract.assemble import Annotated
    from marsad.extract.locate import pick_place
    from marsad.extract.segment import Sentence
    from marsad.records import Span

    text = "Clashes in Kafr Zita in Hama, and expelled from Saraqib, Idlib and in Homs " * 130 + "killed 3"
    a = Annotated(Sentence(Span.of(text, 0, len(text)), 0, 0))
    a.places = gaz.find(text, "SY")
    started = time.perf_counter()
    place = pick_place([a])
    assert time.perf_counter() - started < 2.0
    assert place is not None and place.name == "Kafr Zayta"
