"""The SQLite store: round trip, idempotence, one transaction per document, filters, search, failures, raw."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from marsad.errors import StoreError
from marsad.export.jsonout import SCHEMA_ID, document_to_dict, event_to_dict, validate
from marsad.records import Failure
from marsad.store import Store, Stored
from store_helpers import REPORT, make_document, mayadin_attack, other_report, sample


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        yield s


def _rows(store: Store, sql: str, *params: object) -> list[dict[str, object]]:
    return [dict(r) for r in store.connection.execute(sql, params)]


def test_store_round_trip_keeps_every_field(store: Store) -> None:
    doc, events = sample()
    assert store.add(doc, events) is Stored.ADDED
    for event in events:
        got = store.event(event.id)
        assert got is not None
        summary = got.pop("document")
        assert got == event_to_dict(event)
        assert summary["id"] == doc.id
        assert summary["title"] == doc.title
        assert summary["site"] == doc.site
        assert summary["url"] == doc.url
        assert summary["published"] == doc.published.isoformat()  # type: ignore[union-attr]
    stored = store.document(doc.id)
    for key, value in document_to_dict(doc).items():
        assert stored[key] == value
    assert stored["text"] == doc.text
    assert (stored["language"], stored["country"], stored["source"]) == (
        doc.language,
        doc.country,
        doc.source,
    )
    assert (stored["raw_sha256"], stored["raw_format"]) == (doc.raw_sha256, doc.raw_format)
    assert stored["ingested_at"]
    assert stored["event_ids"] == [e.id for e in events]


def test_store_round_trip_output_follows_the_schema(store: Store) -> None:
    doc, events = sample()
    store.add(doc, events)
    rows = store.events()
    result = {
        "schema": SCHEMA_ID,
        "document": document_to_dict(doc),
        "events": [{k: v for k, v in r.items() if k != "document"} for r in rows],
    }
    validate(result)


def test_store_round_trip_fills_the_normalised_tables(store: Store) -> None:
    doc = make_document()
    event = mayadin_attack(doc)
    store.add(doc, [event])
    ev = _rows(store, "SELECT * FROM events")[0]
    assert (ev["event_type"], ev["sub_event_type"], ev["kind"]) == ("Battles", "Armed clash", "incident")
    assert (ev["date_start"], ev["date_end"], ev["date_precision"]) == ("2021-01-23", "2021-01-23", 1)
    assert (ev["admin1"], ev["latitude"], ev["where_prec"]) == ("Deir-ez-Zor", 35.0207, 2)
    assert (ev["killed_best"], ev["injured_best"], ev["killed_or_injured_best"]) == (7, 3, None)
    figures = _rows(store, 'SELECT kind, best, who, side, flags, claimant, start, "end", text FROM figures')
    assert figures[0] == {
        "kind": "killed", "best": 7, "who": "regime soldiers", "side": "government", "flags": '["claim"]',
        "claimant": "SOHR", "start": event.figures[0].span.start, "end": event.figures[0].span.end,
        "text": "7 regime soldiers were killed",
    }  # fmt: skip
    for row in _rows(store, 'SELECT start, "end", text FROM evidence'):
        assert doc.text[row["start"] : row["end"]] == row["text"]  # type: ignore[misc]
    place = _rows(store, "SELECT name, pcodes, geonameid, text FROM places")[0]
    assert place["name"] == "Al-Mayadin" and place["geonameid"] == 169577 and place["text"] == "Al-Mayadin"
    assert json.loads(str(place["pcodes"])) == {
        "admin1": "SY09",
        "admin2": "SY0903",
        "admin3": None,
        "place": "C4906",
    }
    actors = _rows(store, "SELECT role, name, inter, known FROM actors ORDER BY role")
    assert [(a["role"], a["inter"], a["known"]) for a in actors] == [
        ("actor1", 2, 1),
        ("actor2", 1, 1),
        ("assoc", None, 0),
    ]


def test_store_readd_adds_nothing(store: Store) -> None:
    doc, events = sample()
    assert store.add(doc, events) is Stored.ADDED
    before = store.counts()
    # The same report again (whitespace differs: same normalised text, same id) adds nothing.
    again, again_events = sample(REPORT.replace("\n", "\r\n  "))
    assert again.id == doc.id
    assert store.add(again, again_events) is Stored.KEPT
    assert store.counts() == before


def test_store_keeps_a_document_its_extractor_read_and_rereads_one_another_read(store: Store) -> None:
    doc, events = sample()
    assert store.add(doc, events, "marsad 0.1.0+old") is Stored.ADDED
    assert store.add(doc, events, "marsad 0.1.0+old") is Stored.KEPT
    # a newer extractor reads the report as one attack with 9 killed: the three old events go, with their figures,
    # evidence, places and actors; the document and its raw bytes stay, once
    newer = replace(mayadin_attack(doc), id="newer-reading", figures=(replace(events[0].figures[0], best=9),))
    assert store.add(doc, [newer], "marsad 0.2.0+new") is Stored.REPLACED
    assert [e["id"] for e in store.events()] == ["newer-reading"]
    assert store.events()[0]["casualties"]["killed"]["best"] == 9
    assert store.document(doc.id)["event_ids"] == ["newer-reading"]
    assert store.counts()["documents"] == 1
    for table in ("figures", "evidence", "places", "actors"):
        ids = {r["event_id"] for r in _rows(store, f"SELECT event_id FROM {table}")}
        assert ids <= {"newer-reading"}, table
    assert _rows(store, "SELECT extractor FROM documents") == [{"extractor": "marsad 0.2.0+new"}]
    # without an extractor named (as before stores recorded one), a stored document is never replaced
    assert store.add(doc, events) is Stored.KEPT
    assert [e["id"] for e in store.events()] == ["newer-reading"]


def test_store_rereading_is_one_transaction(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    doc, events = sample()
    store.add(doc, events, "old")
    before = _rows(store, "SELECT id FROM events ORDER BY id")

    def failing_figures(event: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_insert_figures", failing_figures)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.add(doc, events, "new")
    # the old reading is whole, and still marked as the old extractor's: the next run tries again
    assert _rows(store, "SELECT id FROM events ORDER BY id") == before
    assert store.counts()["events_total"] == 3
    assert _rows(store, "SELECT extractor FROM documents") == [{"extractor": "old"}]


def test_store_add_is_one_transaction(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    doc, events = sample()
    calls = []

    def failing_figures(event: object) -> None:
        calls.append(event)
        if len(calls) == 2:  # after the document, raw bytes and a whole first event are written
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_insert_figures", failing_figures)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.add(doc, events)
    for table in (
        "documents",
        "events",
        "figures",
        "evidence",
        "places",
        "actors",
        "raw_archive",
        "documents_fts",
    ):
        assert store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    monkeypatch.undo()
    assert store.add(doc, events) is Stored.ADDED  # the failed attempt left no "already stored" mark
    assert store.counts()["events_total"] == 3


def test_store_add_wraps_sqlite_errors_and_rolls_back(store: Store) -> None:
    doc, events = sample()
    duplicate = [events[0], replace(events[1], id=events[0].id)]
    with pytest.raises(StoreError, match="nothing of it was kept"):
        store.add(doc, duplicate)
    assert store.counts()["documents"] == 0


def test_store_add_refuses_events_of_another_document(store: Store) -> None:
    _, events = sample()
    other = make_document("A different report.")
    with pytest.raises(StoreError, match="belongs to document"):
        store.add(other, events)


@pytest.fixture
def filled(store: Store) -> Store:
    store.add(*sample())
    store.add(*other_report("Hama clashes", date(2021, 3, 2), "Hama", "Hayat Tahrir al-Sham"))
    store.add(*other_report("Daraa protest", date(2021, 2, 10), "Dar'a", "Protesters (Syria)", "Protests"))
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["Hama", "Dar'a", "Ma'arrat al-Nu'man", "Al-Mayadin", "Deir ez-Zor"]),
        ({"since": date(2021, 2, 1)}, ["Hama", "Dar'a"]),
        ({"until": date(2021, 1, 23)}, ["Al-Mayadin", "Deir ez-Zor"]),  # the month tally overlaps the 23rd
        ({"since": date(2021, 1, 24), "until": date(2021, 1, 24)}, ["Ma'arrat al-Nu'man", "Deir ez-Zor"]),
        ({"type": "battles"}, ["Hama", "Al-Mayadin"]),
        ({"type": "AIR/DRONE STRIKE"}, ["Ma'arrat al-Nu'man"]),
        ({"admin1": "deir-ez-zor"}, ["Al-Mayadin", "Deir ez-Zor"]),
        ({"actor": "tahrir"}, ["Hama"]),
        ({"actor": "military forces of syria"}, ["Hama", "Dar'a", "Al-Mayadin"]),
        ({"actor": "100%"}, []),  # LIKE wildcards in the input are literal
        ({"kind": "tally"}, ["Deir ez-Zor"]),
        ({"type": "battles", "admin1": "Hama"}, ["Hama"]),
        ({"limit": 2}, ["Hama", "Dar'a"]),
    ],
)
def test_store_events_filters(filled: Store, filters: dict[str, object], expected: list[str]) -> None:
    rows = filled.events(**filters)  # type: ignore[arg-type]
    assert [r["location"]["name"] for r in rows] == expected


def test_store_event_by_prefix(filled: Store) -> None:
    doc, events = sample()
    hama_doc, (hama,) = other_report("Hama clashes", date(2021, 3, 2), "Hama", "Hayat Tahrir al-Sham")
    assert filled.event(hama.id[:8])["id"] == hama.id  # type: ignore[index]
    assert filled.event(hama.id[:5]) is None  # too short to count as a prefix
    assert filled.event("zzzzzzzz") is None
    with pytest.raises(StoreError, match="more than one"):
        filled.event(events[0].id[:16])  # the three events of one document share it
    assert filled.document(hama_doc.id[:8])["id"] == hama_doc.id
    assert filled.document(doc.id)["title"] == doc.title
    with pytest.raises(StoreError, match="no document"):
        filled.document("0" * 64)


def test_store_counts(filled: Store) -> None:
    filled.record_failure(Failure("x.html", "ingest", "empty", "x.html is empty: nothing to read"))
    assert filled.counts() == {
        "documents": 3,
        "events": {"incident": 4, "tally": 1},
        "events_total": 5,
        "failures": 1,
    }


@pytest.mark.parametrize(
    ("query", "expected_titles"),
    [
        ("Mayadin", ["Deir ez-Zor: ISIS cells attack regime positions in the desert"]),
        (
            "deir ez-zor",
            ["Deir ez-Zor: ISIS cells attack regime positions in the desert"],
        ),  # "-" is not syntax
        ("clashes", ["Hama clashes", "Daraa protest"]),
        ("Aleppo", []),
        ("", []),
    ],
)
def test_store_search(filled: Store, query: str, expected_titles: list[str]) -> None:
    hits = filled.search(query)
    assert sorted(h.title or "" for h in hits) == sorted(expected_titles)
    for hit in hits:
        assert "[" in hit.snippet and "]" in hit.snippet


def test_store_search_syntax(filled: Store) -> None:
    assert {h.title for h in filled.search("Hama OR Daraa", syntax=True)} == {"Hama clashes", "Daraa protest"}
    with pytest.raises(StoreError, match="cannot search"):
        filled.search('"unbalanced', syntax=True)


def test_store_failures_are_deduplicated(store: Store) -> None:
    first = Failure("feeds/a.xml", "ingest", "not-xml", "feeds/a.xml is not XML: check the feed URL")
    assert store.record_failure(first) is True
    assert store.record_failure(first) is False  # a re-run records nothing new
    assert store.record_failure(replace(first, code="too-large", message="too large")) is True
    rows = store.failures()
    assert [(r["source"], r["stage"], r["code"]) for r in rows] == [
        ("feeds/a.xml", "ingest", "not-xml"),
        ("feeds/a.xml", "ingest", "too-large"),
    ]
    assert all(r["at"] for r in rows)


@pytest.mark.parametrize(
    "raw",
    [
        b"<html><body>short report</body></html>",
        ("<p>تقرير المرصد</p>" * 20_000).encode(),  # large: archived with lzma
        bytes(range(256)),
    ],
)
def test_store_raw_archive_round_trip(store: Store, raw: bytes) -> None:
    doc = make_document(raw=raw)
    store.add(doc, [])
    assert store.raw(doc.id) == raw
    size, stored = store.connection.execute("SELECT size, length(data) FROM raw_archive").fetchone()
    assert size == len(raw)
    if len(raw) > 100_000:
        assert stored < len(raw) // 10


def test_store_raw_missing_says_what_to_do(store: Store) -> None:
    doc = make_document(raw=b"", raw_sha256=None)
    store.add(doc, [])
    with pytest.raises(StoreError, match=r"re-ingest it from tests/fixtures/report\.html"):
        store.raw(doc.id)


def test_store_raw_sha_must_match(store: Store) -> None:
    doc = make_document(raw=b"abc", raw_sha256="0" * 64)
    with pytest.raises(StoreError, match="not the sha256"):
        store.add(doc, [])
    assert store.counts()["documents"] == 0


def test_store_runs_record_counts(store: Store) -> None:
    run = store.begin_run()
    store.finish_run(run, {"documents": 2, "events": 5})
    (row,) = store.runs()
    assert row["id"] == run and row["finished"] and row["counts"] == {"documents": 2, "events": 5}
