"""JSONL: one report a line; order and ids kept; a bad line costs that line only."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from marsad.ingest import read_bytes, read_paths
from marsad.records import Document, Failure

FIXTURES = Path(__file__).parent / "fixtures" / "ingest" / "jsonl"


def test_ingest_jsonl_order_ids_and_bad_lines() -> None:
    path = FIXTURES / "reports.jsonl"
    out = list(read_paths([path], published=date(2021, 2, 1)))
    summary = [(o.source, o.external_id) if isinstance(o, Document) else (o.source, o.code) for o in out]
    assert summary == [
        (f"{path}:1", "isaf-2013-01-S-025"),
        (f"{path}:2", "17"),  # a numeric id is kept, as text
        (f"{path}:3", "not-json"),
        (f"{path}:4", "no-text"),
        (f"{path}:6", "not-json"),  # line 5 is blank: skipped, but the numbering stays the file's
        (f"{path}:7", "no-date"),
    ]


def test_ingest_jsonl_published_then_dateline_then_hint() -> None:
    out = [
        d
        for d in read_paths([FIXTURES / "reports.jsonl"], published=date(2021, 2, 1))
        if isinstance(d, Document)
    ]
    assert [(d.published, d.published_source) for d in out] == [
        (date(2013, 1, 25), "dateline"),
        (date(2021, 3, 14), "jsonl"),
        (date(2021, 2, 1), "hint"),
    ]
    assert [d.title for d in out] == [
        "Taliban leader killed in Ghazni",
        "Four civilians killed in regime shelling",
        "Former commander killed in Daraa",
    ]
    assert out[1].url == "https://www.syriahr.com/en/000001/"
    assert [d.country for d in out] == ["AF", "SY", None]


def test_ingest_jsonl_raw_is_the_line() -> None:
    line = {
        "id": "x1",
        "text": "Two fighters were killed near Qamishli.",
        "published": "2021-01-26T08:15:00Z",
    }
    data = (json.dumps(line) + "\n").encode()
    [doc] = list(read_bytes(data, "in.jsonl"))
    assert isinstance(doc, Document)
    assert doc.raw == json.dumps(line).encode()
    assert doc.published == date(2021, 1, 26)
    assert doc.raw_format == "jsonl"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("{not json", "not-json"),
        ('{"id": 1, "text": "unterminated', "not-json"),
        ("[" * 100_000, "not-json"),
        ('"just a string"', "not-json"),
        ("42", "not-json"),
        ('{"id": 1}', "no-text"),
        ('{"id": 1, "text": null}', "no-text"),
        ('{"id": 1, "text": ["a", "list"]}', "no-text"),
        ('{"id": 1, "text": ""}', "no-text"),
    ],
)
def test_ingest_jsonl_bad_lines(line: str, code: str) -> None:
    data = (
        f'{{"id": "ok", "text": "Five killed in Azaz."}}\n{line}\n{{"id": "ok2", "text": "Two dead in Bab."}}'
    )
    out = list(read_bytes(data.encode(), "in.jsonl"))
    assert [o.external_id if isinstance(o, Document) else (o.code, o.source) for o in out] == [
        "ok",
        (code, "in.jsonl:2"),
        "ok2",
    ]


def test_ingest_jsonl_bad_published_is_ignored() -> None:
    data = b'{"id": "a", "text": "Five killed in Azaz.", "published": "last Tuesday"}'
    [doc] = list(read_bytes(data, "in.jsonl", published=date(2020, 5, 1)))
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_source) == (date(2020, 5, 1), "hint")


@pytest.mark.parametrize("published", ["3021-01-01", "1850-02-01"])
def test_ingest_jsonl_implausible_published_is_passed_over(
    published: str, caplog: pytest.LogCaptureFixture
) -> None:
    # a typo in the year would date every "yesterday" of the report a thousand years off: the dateline is read
    # instead, and the user is told
    line = {
        "id": "a",
        "text": "KABUL, Afghanistan (Jan. 25, 2013) - Insurgents killed two.",
        "published": published,
    }
    [doc] = list(read_bytes(json.dumps(line).encode(), "in.jsonl"))
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_source) == (date(2013, 1, 25), "dateline")
    assert f"publication date {published} (jsonl)" in caplog.text and "not used" in caplog.text


def test_ingest_jsonl_published_tomorrow_is_kept() -> None:
    # a report dated in a time zone ahead of the reader's
    tomorrow = date.fromordinal(date.today().toordinal() + 1)
    line = {"id": "a", "text": "Shelling killed two.", "published": tomorrow.isoformat()}
    [doc] = list(read_bytes(json.dumps(line).encode(), "in.jsonl"))
    assert isinstance(doc, Document) and doc.published == tomorrow


def test_ingest_jsonl_failures_are_failures() -> None:
    [failure] = list(read_bytes(b"not json at all", "x.jsonl"))
    assert isinstance(failure, Failure) and failure.source == "x.jsonl:1"
