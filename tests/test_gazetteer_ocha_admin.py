"""Syria's governorates and districts as OCHA names them, shipped in the package: a user without the shared
data folder still reads "Aleppo" and "Deir-ez-Zor" with their p-codes, never GeoNames' "Halab" or "Dayr az
Zawr"."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from marsad.gazetteer.build import OCHA_ADMIN, build_gazetteer
from marsad.gazetteer.match import Gazetteer

DATA = Path(__file__).resolve().parents[1] / "src" / "marsad" / "gazetteer" / "data" / OCHA_ADMIN


def _rows() -> list[dict[str, str]]:
    lines = DATA.read_text("utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def test_gazetteer_ocha_admin_file_integrity() -> None:
    rows = _rows()
    levels = [r["level"] for r in rows]
    assert levels.count("1") == 14 and levels.count("2") == 62
    governorates = {r["pcode"] for r in rows if r["level"] == "1"}
    for row in rows:
        assert row["pcode"].startswith("SY") and row["name"].strip()
        assert 32.0 <= float(row["lat"]) <= 37.5 and 35.5 <= float(row["lon"]) <= 42.5, row
        if row["level"] == "2":
            assert row["parent_pcode"] in governorates and row["pcode"].startswith(row["parent_pcode"])
    assert len({r["pcode"] for r in rows}) == len(rows)


@pytest.fixture(scope="module")
def nodata(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    out = tmp_path_factory.mktemp("nodata") / "gazetteer.sqlite"
    build_gazetteer(out, None, countries=frozenset({"SY"}))
    return Gazetteer.load(out)


@pytest.mark.parametrize(
    ("text", "words", "admin1", "pcode"),
    [
        ("Shelling hit Aleppo city on Monday", "Aleppo", "Aleppo", "SY02"),
        ("Clashes in the countryside of Deir ez-Zor", "Deir ez-Zor", "Deir-ez-Zor", "SY09"),
        ("A raid on Douma killed four", "Douma", "Rural Damascus", "SY03"),
        ("Fighting in Idlib province", "Idlib", "Idleb", "SY07"),
    ],
)
def test_gazetteer_ocha_admin_names_without_shared_data(
    nodata: Gazetteer, text: str, words: str, admin1: str, pcode: str
) -> None:
    place = next(m.place for m in nodata.find(text, "SY") if m.span.text == words)
    assert (place.admin1, place.admin1_pcode) == (admin1, pcode)


def test_gazetteer_ocha_admin_districts_carry_pcodes(nodata: Gazetteer) -> None:
    manbij = next(p for p in nodata.lookup("Menbij", "SY") if p.feature == "admin2")
    assert (manbij.admin2_pcode, manbij.admin1) == ("SY0205", "Aleppo")
    # GeoNames' own names still find the unit
    assert any(p.admin1_pcode == "SY02" for p in nodata.lookup("Halab", "SY"))


@pytest.mark.parametrize(
    ("words", "name"),
    [("Serekaniye", "Ra's al 'Ayn"), ("Cindirês", "Jindayris"), ("Girê Spî", "Tall Abyad")],
)
def test_gazetteer_ocha_admin_supplement_names_a_town_without_shared_data(
    nodata: Gazetteer, words: str, name: str
) -> None:
    # a supplement row that corrects an OCHA community (by its p-code) corrects the town GeoNames places where the
    # communities are missing: its other names find the town's own point, never a record without one coded to
    # the governorate's centre
    [place] = [m.place for m in nodata.find(f"Shelling hit {words} on Monday", "SY")]
    assert place.name == name and place.source is not None and "geonames" in place.source
    assert place.where_prec == 1 and place.latitude is not None
    [looked_up] = [p for p in nodata.lookup(name, "SY") if p.feature in ("town", "village")]
    assert (looked_up.latitude, looked_up.longitude) == (place.latitude, place.longitude)
