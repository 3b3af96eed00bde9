"""Export dispatch: stored event rows to csv (ACLED-compatible), geojson or jsonl.

Only incidents are exported unless ``include_all``: a tally ("40 killed this month") or a development added
to the incidents it summarises would count the same dead twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from marsad.errors import ConfigError
from marsad.export.acled import write_csv
from marsad.export.geojson import write_geojson

FORMATS: tuple[str, ...] = ("csv", "geojson", "jsonl")


@dataclass(frozen=True, slots=True)
class ExportResult:
    written: int
    skipped_kind: int = 0  # tallies and developments left out (include_all=False)
    missing_coordinates: int = 0  # GeoJSON only: events that have no point to draw

    def summary(self) -> str:
        """One line for people, saying what was left out and how to get it."""
        parts = [f"wrote {self.written} event{'s' if self.written != 1 else ''}"]
        if self.skipped_kind:
            parts.append(f"left out {self.skipped_kind} tallies/developments (include them with --all)")
        if self.missing_coordinates:
            parts.append(f"{self.missing_coordinates} events have no coordinates and are not on the map")
        return "; ".join(parts)


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_export(
    rows: Iterable[dict[str, Any]], fmt: str, out: TextIO, *, include_all: bool = False
) -> ExportResult:
    """Write ``rows`` (as ``Store.events`` returns them) to ``out`` in ``fmt``; say what was left out."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ConfigError(
            f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}", code="export-format"
        )
    skipped = [0]

    def kept() -> Iterator[dict[str, Any]]:
        for row in rows:
            if include_all or row.get("kind") == "incident":
                yield row
            else:
                skipped[0] += 1

    if fmt == "csv":
        return ExportResult(write_csv(kept(), out), skipped[0])
    if fmt == "geojson":
        result = write_geojson(kept(), out)
        return ExportResult(result.written, skipped[0], result.missing_coordinates)
    return ExportResult(write_jsonl(kept(), out), skipped[0])
