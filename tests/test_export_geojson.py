"""GeoJSON export: a valid FeatureCollection of points; events without coordinates are counted, not lost."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from marsad.export.acled import COLUMNS
from marsad.export.geojson import feature, write_geojson
from marsad.export.writers import write_export
from marsad.store import Store
from store_helpers import other_report, sample


@pytest.fixture
def rows() -> Iterator[list[dict[str, Any]]]:
    with Store.open(":memory:") as store:
        store.add(*sample())
        store.add(*other_report("Hama clashes", date(2021, 3, 2), "Hama", "Hayat Tahrir al-Sham"))
        yield store.events()


def _check_feature_collection(data: dict[str, Any]) -> None:
    assert data["type"] == "FeatureCollection"
    for feat in data["features"]:
        assert feat["type"] == "Feature"
        assert feat["geometry"]["type"] == "Point"
        lon, lat = feat["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert list(feat["properties"]) == list(COLUMNS)
        assert feat["id"] == feat["properties"]["event_id_cnty"]


@pytest.mark.parametrize(
    ("include_all", "written", "missing", "skipped"),
    [(False, 2, 1, 1), (True, 2, 2, 0)],
    ids=["incidents", "all"],
)
def test_export_geojson_structure_and_missing_count(
    rows: list[dict[str, Any]], include_all: bool, written: int, missing: int, skipped: int
) -> None:
    out = io.StringIO()
    result = write_export(rows, "geojson", out, include_all=include_all)
    data = json.loads(out.getvalue())
    _check_feature_collection(data)
    assert len(data["features"]) == result.written == written
    assert result.missing_coordinates == missing  # Hama (and the tally) have no point
    assert result.skipped_kind == skipped
    assert "no coordinates" in result.summary()


def test_export_geojson_point_is_lon_lat(rows: list[dict[str, Any]]) -> None:
    mayadin = next(r for r in rows if r["location"]["name"] == "Al-Mayadin")
    feat = feature(mayadin)
    assert feat is not None
    assert feat["geometry"]["coordinates"] == [40.4528, 35.0207]
    assert feat["properties"]["fatalities"] == 7  # typed, not a string as in CSV


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(None, 40.0), (35.0, None), (float("nan"), 40.0), (95.0, 40.0), (35.0, 200.0)],
)
def test_export_geojson_unusable_coordinates_are_counted(
    rows: list[dict[str, Any]], lat: float | None, lon: float | None
) -> None:
    row = json.loads(json.dumps(rows[0]))
    row["location"].update(latitude=lat, longitude=lon)
    out = io.StringIO()
    assert write_geojson([row], out) == (0, 1)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_export_geojson_empty() -> None:
    out = io.StringIO()
    assert write_geojson([], out) == (0, 0)
    assert json.loads(out.getvalue())["features"] == []
