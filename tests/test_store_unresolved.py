"""Unresolved place names kept per event: in the stable JSON, in the store (schema version 2, migrated from 1)
and listed by `marsad places --unresolved` from the store as well as from files."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from marsad import pipeline
from marsad.cli.places_cmd import places_command
from marsad.export.jsonout import result_to_dict, validate
from marsad.pipeline import document_from_record
from marsad.records import Document, Event
from marsad.store import MIGRATIONS, SCHEMA_VERSION, Store
from store_helpers import sample

# A village no source has, named beside a town every source has: the town still locates the event.
REPORT = (
    "Shelling by regime forces hit the village of Qarqoor Bazzuq and the town of Saraqib in the Idlib "
    "countryside on Monday, killing three civilians."
)


@pytest.fixture(scope="module")
def extracted(data_dir: Path) -> tuple[Document, list[Event]]:
    doc = document_from_record({"id": "r1", "text": REPORT, "published": "2019-05-06", "country": "SY"})
    assert isinstance(doc, Document)
    return doc, pipeline.extract(doc)


def test_store_unresolved_one_missing_village_never_blanks_the_event(
    extracted: tuple[Document, list[Event]],
) -> None:
    doc, events = extracted
    [event] = [e for e in events if e.kind == "incident"]
    assert event.location is not None and event.location.name == "Saraqib"
    [missing] = event.unresolved_places
    assert (missing.text, missing.reason) == ("Qarqoor Bazzuq", "not in the gazetteer")
    assert REPORT[missing.span.start : missing.span.end] == "Qarqoor Bazzuq"
    result = result_to_dict(doc, events)
    validate(result)
    [listed] = result["events"][0]["unresolved_places"]
    assert listed["text"] == "Qarqoor Bazzuq" and listed["start"] == missing.span.start


def test_store_unresolved_names_are_stored_and_listed(
    extracted: tuple[Document, list[Event]], tmp_path: Path
) -> None:
    doc, events = extracted
    db = tmp_path / "marsad.db"
    with Store.open(db) as store:
        store.add(doc, events)
        [row] = store.unresolved_places()
    assert (row["document"], row["raw"], row["reason"]) == (doc.id, "Qarqoor Bazzuq", "not in the gazetteer")
    app = typer.Typer()
    app.command("places")(places_command)
    app.command("other")(lambda: None)  # two commands: typer keeps "places" as a sub-command name
    result = CliRunner().invoke(app, ["places", "--unresolved", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    [listed] = json.loads(result.output)
    assert listed["raw"] == "Qarqoor Bazzuq" and listed["event"] == events[0].id
    assert listed["document"] == doc.id  # JSON and CSV give the document too
    table = CliRunner().invoke(app, ["places", "--unresolved", "--db", str(db)], terminal_width=200)
    assert table.exit_code == 0 and "Qarqoor" in table.output and events[0].id in table.output
    assert doc.id[:20] not in table.output  # a table names the event, not the 64-character document id


def test_store_unresolved_migrates_a_version_1_store(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    doc, events = sample()
    with Store.open(db, migrations=MIGRATIONS[:1]) as store:
        store.add(doc, events)
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    with Store.open(db) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.unresolved_places() == []  # stored before version 2: nothing to list, nothing lost
        assert len(store.events()) == len(events)
