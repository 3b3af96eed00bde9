"""GeoJSON: a FeatureCollection with one Point per event that has coordinates.

Events without coordinates cannot be drawn; they are counted and the count returned, so the caller can say
how many events the map leaves out instead of dropping them silently.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any, NamedTuple, TextIO

from marsad.export.acled import flat_row


class GeoJSONResult(NamedTuple):
    written: int
    missing_coordinates: int


def _point(lat: Any, lon: Any) -> list[float] | None:
    """[lon, lat] (GeoJSON's order), or None when either is missing or outside the globe."""
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return [float(lon), float(lat)]


def feature(row: dict[str, Any]) -> dict[str, Any] | None:
    """The Feature of one event (properties: the flat ACLED + marsad columns); None without coordinates."""
    props = flat_row(row)
    point = _point(props["latitude"], props["longitude"])
    if point is None:
        return None
    return {
        "type": "Feature",
        "id": row["id"],
        "geometry": {"type": "Point", "coordinates": point},
        "properties": props,
    }


def write_geojson(rows: Iterable[dict[str, Any]], out: TextIO) -> GeoJSONResult:
    """Stream the FeatureCollection feature by feature, so a large export is never held in memory whole."""
    out.write('{"type": "FeatureCollection", "features": [')
    written = missing = 0
    for row in rows:
        feat = feature(row)
        if feat is None:
            missing += 1
            continue
        out.write(("\n" if written == 0 else ",\n") + json.dumps(feat, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return GeoJSONResult(written, missing)
