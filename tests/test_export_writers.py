"""Export dispatch and JSONL: one stable JSON dictionary per line; unknown formats get a clear error."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest

from marsad.errors import ConfigError
from marsad.export.writers import FORMATS, ExportResult, write_export
from marsad.store import Store
from store_helpers import sample


@pytest.fixture
def rows() -> Iterator[list[dict[str, Any]]]:
    with Store.open(":memory:") as store:
        store.add(*sample())
        yield store.events()


@pytest.mark.parametrize(("include_all", "expected"), [(False, 2), (True, 3)])
def test_export_jsonl_lines_parse(rows: list[dict[str, Any]], include_all: bool, expected: int) -> None:
    out = io.StringIO()
    result = write_export(rows, "jsonl", out, include_all=include_all)
    lines = out.getvalue().splitlines()
    assert len(lines) == result.written == expected
    parsed = [json.loads(line) for line in lines]
    assert parsed == [r for r in rows if include_all or r["kind"] == "incident"]
    assert all("document" in p and p["document"]["id"] for p in parsed)
    assert "Ma'arrat al-Nu'man" in out.getvalue()  # not escaped: readable UTF-8


@pytest.mark.parametrize("fmt", [*FORMATS, "CSV"])
def test_export_every_format_writes_and_reports(rows: list[dict[str, Any]], fmt: str) -> None:
    out = io.StringIO()
    result = write_export(iter(rows), fmt, out)  # any iterable, read once
    assert result.written == 2 and result.skipped_kind == 1
    assert out.getvalue()


@pytest.mark.parametrize("fmt", ["xlsx", "", "parquet"])
def test_export_unknown_format(rows: list[dict[str, Any]], fmt: str) -> None:
    with pytest.raises(ConfigError, match="use one of csv, geojson, jsonl"):
        write_export(rows, fmt, io.StringIO())


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        (ExportResult(1), "wrote 1 event"),
        (ExportResult(3, 2), "wrote 3 events; left out 2 tallies/developments (include them with --all)"),
        (ExportResult(0, 0, 4), "wrote 0 events; 4 events have no coordinates and are not on the map"),
    ],
)
def test_export_summary(result: ExportResult, expected: str) -> None:
    assert result.summary() == expected
