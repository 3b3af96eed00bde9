"""Integrity of the gazetteer's curated data files: supplement.csv, stopwords.yaml, key_tokens.csv."""

from __future__ import annotations

import csv
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
import yaml

from marsad.errors import ConfigError
from marsad.gazetteer.curated import FEATURES, SUPPLEMENT_COLUMNS, read_supplement, supplement_path
from marsad.gazetteer.normalise import name_key

# Rough bounding boxes: a supplement point outside its country is a typo (swapped lat/lon, wrong sign).
BOXES = {"SY": (32.3, 37.4, 35.6, 42.5), "AF": (29.3, 38.5, 60.4, 74.9), "IQ": (29.0, 37.4, 38.7, 48.8)}
ROWS = read_supplement()


def _data(name: str) -> Path:
    return Path(str(resources.files("marsad.gazetteer").joinpath(f"data/{name}")))


@pytest.mark.parametrize("row", ROWS, ids=[r["name"] for r in ROWS])
def test_gazetteer_data_supplement_row(row: dict[str, str]) -> None:
    assert row["source"].strip(), "every supplement row credits its source"
    assert row["feature"] in FEATURES
    names = [row["name"], *row["aliases"].split("|")] if row["aliases"] else [row["name"]]
    assert all(name.strip() == name and name_key(name) for name in names), names
    if row["lat"]:
        south, north, west, east = BOXES[row["country"]]
        assert south <= float(row["lat"]) <= north and west <= float(row["lon"]) <= east
    if row["where_prec"]:
        assert 1 <= int(row["where_prec"]) <= 7 and 1 <= int(row["geo_precision"]) <= 3


def test_gazetteer_data_supplement_names_are_unique() -> None:
    counts = Counter((row["country"], row["feature"], name_key(row["name"])) for row in ROWS)
    assert [key for key, n in counts.items() if n > 1] == []


def test_gazetteer_data_supplement_has_the_seed_places() -> None:
    names = {row["name"] for row in ROWS}
    assert {"Ash Shula", "Kabajeb", "As Sukhnah", "Syrian Desert", "Euphrates", "Eastern Ghouta"} <= names
    assert {"Jabal al-Zawiya", "Deir ez-Zor–Homs road"} <= names


# UCDP GED 19.1's points for the cities whose quarters the supplement holds: no offline source places the
# quarters themselves, so each takes its city's point, as UCDP and ACLED code a city's quarters
CITY_POINTS = {
    "Damascus": (33.513364, 36.291575),
    "Aleppo": (36.201241, 37.161173),
    "Homs": (34.726818, 36.723391),
    "Daraa": (32.61889, 36.10213),
    "Deir ez-Zor": (35.335876, 40.140844),
}


@pytest.mark.parametrize("row", [r for r in ROWS if r["feature"] == "neighbourhood"], ids=lambda r: r["name"])
def test_gazetteer_data_supplement_quarters_take_their_city_point(row: dict[str, str]) -> None:
    assert (float(row["lat"]), float(row["lon"])) == CITY_POINTS[row["admin1"]]
    assert "UCDP GED" in row["source"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"source": ""}, "needs a name and a source"),
        ({"feature": "castle"}, "unknown feature"),
        ({"lat": "north"}, "decimal degrees"),
        ({"lat": "135.0"}, "out of range"),
        ({"country": "Syria"}, "alpha-2"),
        ({"where_prec": "two"}, "must be a number"),
    ],
)
def test_gazetteer_data_supplement_errors_name_the_line(
    tmp_path: Path, change: dict[str, str], message: str
) -> None:
    bad = tmp_path / "supplement.csv"
    with bad.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=SUPPLEMENT_COLUMNS)
        writer.writeheader()
        writer.writerow(ROWS[0])
        writer.writerow({**ROWS[1], **change})
    with pytest.raises(ConfigError, match=message) as caught:
        read_supplement(bad)
    assert f"{bad}, line 3" in str(caught.value)


def test_gazetteer_data_supplement_is_the_packaged_file() -> None:
    assert supplement_path().is_file() and supplement_path().name == "supplement.csv"


def test_gazetteer_data_stopwords_schema() -> None:
    data = yaml.safe_load(_data("stopwords.yaml").read_text(encoding="utf-8"))
    assert set(data) == {
        "never",
        "not_alone",
        "organisation_openers",
        "organisation_heads",
        "governments",
        "descriptors",
        "name_openers",
        "person_titles",
    }
    for name, words in data.items():
        assert all(isinstance(w, str) and w == w.lower().strip() and w for w in words), name
        assert len(words) == len(set(words)), f"duplicates in {name}"
    assert not set(data["never"]) & set(data["not_alone"])
    assert "hit" in data["not_alone"]  # Hit is a real Iraqi town: allowed after "in" or "the town of"


def test_gazetteer_data_key_tokens() -> None:
    with _data("key_tokens.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if not r["variant"].startswith("#")]
    assert rows
    for row in rows:
        assert row["variant"] == row["variant"].lower() and " " not in row["variant"]
        assert row["canonical"] and row["canonical"] != row["variant"]
