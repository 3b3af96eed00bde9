"""The country a report is read against when it carries no hint, and places of countries other than Syria."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import pipeline
from marsad.gazetteer.match import Gazetteer, default_gazetteer


@pytest.fixture(scope="module")
def gaz(data_dir: Path) -> Gazetteer:
    return default_gazetteer()


def _locations(text: str) -> list[dict]:
    result = pipeline.extract_record({"id": "t", "text": text, "published": "2021-06-08"})
    return [e.get("location") or {} for e in result["events"]]


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # one generic actor ("security forces", filed under Syria's) against a dateline and places in Iraq
        (
            "MOSUL, Iraq (Wire) - Security forces said a car bomb killed four people near a market in "
            "the centre of Tikrit on Sunday.",
            "Salah ad Din",
        ),
        (
            "BAGHDAD, Iraq - A roadside bomb killed two soldiers south of Kirkuk on Monday, security "
            "sources said.",
            "Kirkuk",
        ),
    ],
)
def test_places_document_country_places_outweigh_one_generic_actor(text: str, admin1: str) -> None:
    [first, *_] = _locations(text)
    assert first.get("country") == "Iraq" and first.get("admin1") == admin1


def test_places_document_country_local_actors_still_decide_a_syrian_report() -> None:
    text = (
        "Regime forces shelled Kafr Nabl on Tuesday, killing three civilians, and Hayat Tahrir al-Sham "
        "fighters clashed with regime forces near Saraqib."
    )
    [first, *_] = _locations(text)
    assert first.get("country") == "Syria" and first.get("admin1") == "Idlib"


@pytest.mark.parametrize(
    "words",
    ["Salahuddin province", "Saladin province", "Salah al-Din governorate", "Salah ad Din province"],
)
def test_places_document_country_iraqi_governorate_spellings(gaz: Gazetteer, words: str) -> None:
    [found] = gaz.find(f"Air strikes hit hideouts in {words} on Tuesday.", "IQ")
    assert found.place.feature == "admin1" and found.place.admin1 == "Salah ad Din"
    assert found.place.country == "Iraq" and found.place.where_prec == 4


def test_places_document_country_no_syrian_namesake_in_an_iraqi_report() -> None:
    text = (
        "KIRKUK, Iraq, June 8 (Wire) - Iraqi warplanes carried out air strikes on Islamic State hideouts in "
        "Salahuddin province on Tuesday, killing six militants, security sources said."
    )
    locations = [loc for loc in _locations(text) if loc]
    assert locations and all(loc.get("country") == "Iraq" for loc in locations)
    assert any(loc.get("admin1") == "Salah ad Din" for loc in locations)


def _actors1(text: str) -> list[tuple[str | None, bool | None]]:
    result = pipeline.extract_record({"id": "t", "text": text, "published": "2021-06-08"})
    return [
        ((e.get("actor1") or {}).get("name"), (e.get("actor1") or {}).get("known")) for e in result["events"]
    ]


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # the country the places settle decides whose forces "security forces" are
        (
            "KIRKUK, Iraq (Wire) - Security forces arrested two suspects in a raid on a village south-west of "
            "Kirkuk on Tuesday.",
            ("Military Forces of Iraq", True),
        ),
        # a country the dictionary lists no forces of: state forces named as written, not Syria's
        (
            "BEIRUT, Lebanon (Wire) - Security forces fired tear gas at protesters who threw stones in central "
            "Beirut on Saturday, wounding 12 people.",
            ("Security forces", False),
        ),
        # the countries whose forces the name stands for keep them
        (
            "Security forces arrested two young men at a checkpoint in Jasim, in the Daraa countryside.",
            ("Security Forces of Syria", True),
        ),
    ],
)
def test_places_document_country_decides_whose_forces_a_generic_name_means(
    text: str, actor1: tuple[str, bool]
) -> None:
    assert actor1 in _actors1(text)
