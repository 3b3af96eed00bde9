"""`marsad gazetteer lookup NAME`: the places a name is read as, and the names spelled closest to it, as a
reviewer asks when a report's name was left unresolved or read as the wrong village."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import gazetteer_cmd
from marsad.gazetteer.match import Gazetteer, default_gazetteer


@pytest.fixture(scope="module")
def gazetteer(data_dir: Path) -> Gazetteer:
    return default_gazetteer()


def _lookup(*args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(gazetteer_cmd.app, ["lookup", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, object]] = json.loads(result.output)
    return rows


def test_gazetteer_lookup_a_spelling_finds_the_place_its_key_names(gazetteer: Gazetteer) -> None:
    rows = _lookup("Deir Ezzor", "--country", "Syria", "--close", "0")
    # the city and the governorate: both are named "Deir ez-Zor", and nothing spelled otherwise is listed
    assert {(r["feature"], r["admin1"]) for r in rows} >= {("city", "Deir ez-Zor"), ("admin1", "Deir ez-Zor")}
    assert {r["match"] for r in rows} == {"same key"}
    city = next(r for r in rows if r["feature"] == "city")
    assert abs(city["latitude"] - 35.336) < 0.05 and abs(city["longitude"] - 40.141) < 0.05  # type: ignore[operator]


def test_gazetteer_lookup_a_name_spelled_otherwise_lists_the_closest_names_with_their_scores(
    gazetteer: Gazetteer,
) -> None:
    # "Sraqib" shares no key with Saraqib's names: the close spellings say what the reader could have meant,
    # and which of the place's names is spelled so
    rows = _lookup("Sraqib", "--country", "SY", "--close", "3")
    assert len(rows) == 3 and all(r["match"] != "same key" for r in rows)
    scores = [float(r["match"]) for r in rows]  # type: ignore[arg-type]
    assert scores == sorted(scores, reverse=True) and all(60 <= s < 100 for s in scores)
    town = rows[0]
    assert (town["name"], town["feature"], town["admin1"]) == ("Saraqib", "town", "Idlib")
    assert town["spelled"] in ("Saraqib", "Sarakeb", "Saraqeb", "Sraqeb")
    assert {r["query"] for r in rows} == {"Sraqib"}


def test_gazetteer_lookup_the_places_of_every_name_asked_are_listed_as_csv(gazetteer: Gazetteer) -> None:
    result = CliRunner().invoke(
        gazetteer_cmd.app, ["lookup", "Kabajib", "al-Sukhna", "-c", "SY", "--close", "0", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    first = {}
    for row in rows:  # each name's places, the most important first
        first.setdefault(row["query"], row)
    assert [(q, r["name"]) for q, r in first.items()] == [("Kabajib", "Kabajeb"), ("al-Sukhna", "As Sukhnah")]
    assert first["Kabajib"]["pcode"] == "C5091" and first["Kabajib"]["where_prec"] == "1"
    # a namesake elsewhere is listed too: the subdistrict named after al-Sukhna
    assert ("Sokhneh", "admin3") in {(r["name"], r["feature"]) for r in rows if r["query"] == "al-Sukhna"}


def test_gazetteer_lookup_without_a_country_only_the_worlds_cities_are_searched(gazetteer: Gazetteer) -> None:
    world = _lookup("Kabajib", "--close", "0")
    assert world == []  # a village of Deir ez-Zor is in Syria's places, not the world's cities
    assert {r["country"] for r in _lookup("Damascus", "--close", "0")} >= {"Syria"}


def test_gazetteer_lookup_a_name_with_nothing_spelled_like_it_says_so(gazetteer: Gazetteer) -> None:
    result = CliRunner().invoke(gazetteer_cmd.app, ["lookup", "Xqzzv", "-c", "SY"])
    assert result.exit_code == 0
    assert "no place spelled like Xqzzv in SY" in result.output
    assert _lookup("Xqzzv", "-c", "SY") == []
    assert _lookup("?!", "-c", "SY") == []  # no letters: no key to look up
