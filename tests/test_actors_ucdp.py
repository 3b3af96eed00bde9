"""Every UCDP GED side name in the development data resolves to a known actor.

The data stays in ../shared (never copied here); only the names were added to the dictionary as aliases.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from marsad.actors import ActorDictionary, load_dictionary
from marsad.settings import Settings

GED = Path("ucdp_ged_syria") / "ged_syria_2016_2017.csv"


def _ged_path() -> Path:
    path = Settings().data_dir / GED
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"UCDP GED data missing at {path}: CI must have ../shared/data beside the checkout")
        pytest.skip(f"UCDP GED data not available at {path}")
    return path


def _side_names(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {row[col] for row in rows for col in ("side_a", "side_b") if row[col]}


def _components(side: str) -> list[str]:
    # UCDP lists allied groups in one side, comma-separated ("Ahrar al-Sham, HTS, Southern Front")
    return [part.strip() for part in side.split(",") if part.strip()]


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_dictionary()


def test_actors_every_ucdp_side_in_the_dev_data_is_known(actors: ActorDictionary) -> None:
    names = _side_names(_ged_path())
    assert len(names) > 20
    unknown = sorted({part for side in names for part in _components(side) if actors.lookup(part) is None})
    assert unknown == [], f"UCDP side names with no actor: {unknown}"


def test_actors_ucdp_side_names_are_found_in_running_text(actors: ActorDictionary) -> None:
    """The automaton agrees with lookup: each component, written in a sentence, is found as that actor."""
    names = _side_names(_ged_path())
    missed = []
    for part in sorted({p for side in names for p in _components(side)}):
        expected = actors.lookup(part)
        found = [m.actor_id for m in actors.find(f"Fighting involved {part} today.")]
        if expected is None or found != [expected.id]:
            missed.append((part, found))
    assert missed == []


@pytest.mark.parametrize(
    ("ucdp", "actor_id"),
    [
        ("Government of Syria", "syria.military"),
        ("IS", "global.islamic-state"),
        ("Syrian insurgents", "syria.opposition"),
        ("SDF", "syria.sdf"),
        ("Civilians", "global.civilians"),
        ("Government of Turkey", "turkey.military"),
        ("Government of Russia (Soviet Union)", "russia.military"),
        ("Government of United States of America", "us.military"),
        ("Government of Israel", "israel.military"),
        ("Government of Iraq", "iraq.military"),
        ("Government of Jordan", "jordan.military"),
        ("Hawar Kilis Operations Room", "syria.hawar-kilis"),
        ("HTS", "syria.hts"),
        ("Jabhat Fateh al-Sham", "syria.hts"),
        ("Rahman Corps", "syria.faylaq-al-rahman"),
        ("Rahman Corps - “Abu al-Joud al-Arbini” faction", "syria.faylaq-al-rahman"),
        ("Sham Legion", "syria.faylaq-al-sham"),
        ("Tahrir al- Sham Army", "syria.jaysh-tahrir-al-sham"),
        ("NDF (Syria)", "syria.ndf"),
        ("Liwa al-Sultan Murad", "syria.sultan-murad"),
        ("al-Qaida", "global.al-qaeda"),
        ("NSA", "syria.new-syrian-army"),
        ("ETIM", "syria.tip"),
    ],
)
def test_actors_ucdp_side_names_map_to_the_right_actor(
    actors: ActorDictionary, ucdp: str, actor_id: str
) -> None:
    entry = actors.lookup(ucdp)
    assert entry is not None and entry.id == actor_id


# How reports name each UCDP side (SOHR, AMN, Reuters usage), written for this test: each phrase must give an actor
# that the UCDP scorer (marsad.evaluate.names.actor_matches) recognises as that side.
REPORT_SPELLINGS = [
    ("regime forces", "Government of Syria"),
    ("the regime", "Government of Syria"),
    ("the Syrian army", "Government of Syria"),
    ("regime's helicopters", "Government of Syria"),
    ("the factions", "Syrian insurgents"),
    ("rebel factions", "Syrian insurgents"),
    ("Islamic factions", "Syrian insurgents"),
    ("opposition fighters", "Syrian insurgents"),
    ("ISIS", "IS"),
    ("the organization", "IS"),
    ("the Islamic State organization", "IS"),
    ("Daesh", "IS"),
    ("Jabhat Al-Nusra", "Jabhat Fateh al-Sham"),
    ("Fateh al-Sham Front", "Jabhat Fateh al-Sham"),
    ("Hayyaat Tahrir al-Sham", "HTS"),
    ("Syria Democratic Forces", "SDF"),
    ("Kurdish units", "SDF"),
    ("Russian warplanes", "Government of Russia (Soviet Union)"),
    ("Russian jets", "Government of Russia (Soviet Union)"),
    ("the International Coalition", "Government of United States of America"),
    ("Coalition warplanes", "Government of United States of America"),
    ("Turkish forces", "Government of Turkey"),
    ("Turkish warplanes", "Government of Turkey"),
    ("Euphrates Shield factions", "Hawar Kilis Operations Room"),
    ("Turkish-backed factions", "Hawar Kilis Operations Room"),
    ("citizens", "Civilians"),
    ("a man", "Civilians"),
    ("Lebanese Hezbollah", "Hezbollah"),
    ("Faylaq al-Rahman", "Rahman Corps"),
    ("Israeli warplanes", "Government of Israel"),
    ("Caucasus Emirate fighters", "Forces of the Caucasus Emirate"),
]


@pytest.mark.parametrize(("words", "side"), REPORT_SPELLINGS)
def test_actors_report_spellings_reach_the_ucdp_side(actors: ActorDictionary, words: str, side: str) -> None:
    from marsad.evaluate.names import actor_matches

    found = actors.find(f"Clashes involved {words} today.", country="Syria")
    strings = [[m.actor.name, m.actor.raw, m.actor.side or ""] for m in found]
    assert any(actor_matches(side, s) for s in strings), strings
