"""`marsad places [PATHS]`: every place the reports name, or each stored event's place, as a table, CSV or JSON;
with --unresolved the names left unresolved (see test_store_unresolved.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from marsad import pipeline
from marsad.cli.places_cmd import places_command
from marsad.gazetteer.places import PLACE_COLUMNS
from marsad.ingest import read_paths
from marsad.pipeline import document_from_record
from marsad.records import Document
from marsad.store import Store

REPORT = (
    "Shelling by regime forces hit the village of Qarqoor Bazzuq and the town of Saraqib in the Idlib "
    "countryside on Monday, killing three civilians. Reinforcements arrived from Damascus on Tuesday."
)


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    app.command("places")(places_command)
    app.command("other")(lambda: None)  # two commands: typer keeps "places" as a sub-command name
    return app


@pytest.fixture()
def report(tmp_path: Path, data_dir: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_places_cli_lists_every_place_a_report_names(app: typer.Typer, report: Path) -> None:
    result = CliRunner().invoke(app, ["places", str(report), "--country", "SY", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    # the town, the governorate whose countryside is named, and the city reinforcements came from (a place
    # named, though no event's); the unknown village is no row here (it is listed with --unresolved)
    assert [(r["text"], r["name"]) for r in rows] == [
        ("Saraqib", "Saraqib"),
        ("Idlib", "Idlib"),
        ("Damascus", "Damascus"),
    ]
    saraqib = rows[0]
    assert REPORT[saraqib["start"] : saraqib["end"]] == "Saraqib"
    assert saraqib["admin1"] == "Idlib" and saraqib["country"] == "Syria"
    assert abs(saraqib["latitude"] - 35.86) < 0.05 and abs(saraqib["longitude"] - 36.80) < 0.05
    assert (saraqib["geo_precision"], saraqib["where_prec"], saraqib["cue"]) == (1, 1, "town")
    assert rows[1]["cue"] == "countryside" and rows[1]["where_prec"] == 2


def test_places_cli_csv_has_every_column(app: typer.Typer, report: Path) -> None:
    result = CliRunner().invoke(app, ["places", str(report), "--country", "SY", "--format", "csv"])
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(io.StringIO(result.output))
    assert tuple(reader.fieldnames or ()) == PLACE_COLUMNS
    assert [row["name"] for row in reader] == ["Saraqib", "Idlib", "Damascus"]


def test_places_cli_table_and_unresolved_side_by_side(app: typer.Typer, report: Path) -> None:
    table = CliRunner().invoke(app, ["places", str(report), "--country", "SY"])
    assert (
        table.exit_code == 0 and "3 places named in 1 reports" in table.output and "Saraqib" in table.output
    )
    missing = CliRunner().invoke(app, ["places", "--unresolved", str(report), "--country", "SY"])
    assert missing.exit_code == 0 and "Qarqoor" in missing.output and "Saraqib" not in missing.output


def test_places_cli_table_names_each_report_by_its_file(app: typer.Typer, report: Path) -> None:
    table = CliRunner().invoke(app, ["places", str(report), "--country", "SY"], terminal_width=200)
    assert table.exit_code == 0 and "report.txt" in table.output
    [doc] = [d for d in read_paths([report]) if isinstance(d, Document)]
    assert doc.id[:12] not in table.output  # the id is in CSV and JSON, for joining


def test_places_cli_an_unreadable_input_fails_the_command_not_the_others(
    app: typer.Typer, report: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(
        app, ["places", str(missing), str(report), "--country", "SY", "--format", "csv"]
    )
    assert result.exit_code == 1  # as `marsad run` and `marsad extract` exit
    said = " ".join(result.output.split())  # (the message is wrapped to the terminal's width)
    assert "missing.txt: no such file" in said
    assert "Saraqib" in result.output  # the readable report is listed all the same


def test_places_cli_reads_standard_input(app: typer.Typer, report: Path) -> None:
    result = CliRunner().invoke(app, ["places", "-", "--country", "SY", "--format", "json"], input=REPORT)
    assert result.exit_code == 0, result.output
    from_stdin = json.loads(result.output)
    from_file = json.loads(
        CliRunner().invoke(app, ["places", str(report), "--country", "SY", "--format", "json"]).output
    )
    assert [r["name"] for r in from_stdin] == ["Saraqib", "Idlib", "Damascus"]
    assert from_stdin == from_file  # the same report, the same id


def test_places_cli_reads_a_report_as_extraction_does(app: typer.Typer, data_dir: Path) -> None:
    # a demo report with no country hint whose places alone settle no country: its local actors ("regime
    # forces") make it Syria's, as they do when events are extracted; "al-Bara" is the village of Jabal
    # al-Zawiya, not a city in Brazil
    path = Path(__file__).parents[1] / "examples" / "reports" / "sfm-jabal-al-zawiya-shelling-2021-08-19.txt"
    result = CliRunner().invoke(app, ["places", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {r["country"] for r in rows} == {"Syria"}
    assert ("al-Bara", "Idlib") in {(r["text"], r["admin1"]) for r in rows}
    # every extracted event's place is one of the places listed, at the same words
    [doc] = [d for d in read_paths([str(path)]) if isinstance(d, Document)]
    located = [e.location for e in pipeline.extract(doc) if e.location is not None]
    listed = {(r["start"], r["end"], r["name"]) for r in rows}
    assert located and all(
        p.span is not None and (p.span.start, p.span.end, p.name) in listed for p in located
    )


def test_places_cli_reads_with_the_users_actor_dictionary(
    app: typer.Typer, tmp_path: Path, data_dir: Path
) -> None:
    # --actors, as `marsad run` takes it: the user's group ("FIA fighters", a Syrian group of the fixture) makes the
    # report Syria's, so "Sarjeh" is the village of Idlib, not Sharjah
    path = tmp_path / "fia.txt"
    path.write_text("FIA fighters shelled the village of Sarjeh yesterday, killing two.", encoding="utf-8")
    user = Path(__file__).parent / "fixtures" / "actors" / "extra_valid.yaml"
    mine = CliRunner().invoke(app, ["places", str(path), "--format", "json", "--actors", str(user)])
    assert mine.exit_code == 0, mine.output
    assert [(r["text"], r["country"], r["admin1"]) for r in json.loads(mine.output)] == [
        ("Sarjeh", "Syria", "Idlib")
    ]


def test_places_cli_lists_each_stored_events_place(app: typer.Typer, tmp_path: Path, data_dir: Path) -> None:
    doc = document_from_record({"id": "r1", "text": REPORT, "published": "2019-05-06", "country": "SY"})
    assert isinstance(doc, Document)
    events = pipeline.extract(doc)
    db = tmp_path / "marsad.db"
    with Store.open(db) as store:
        store.add(doc, events)
    result = CliRunner().invoke(app, ["places", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    located = [e for e in events if e.location is not None]
    assert sorted(r["event"] for r in rows) == sorted(e.id for e in located)  # one row per located event
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)  # in text order
    table = CliRunner().invoke(app, ["places", "--db", str(db)])
    assert table.exit_code == 0 and all(r["event"] in table.output for r in rows)
    shelling = next(r for r in rows if r["name"] == "Saraqib")
    assert shelling["document"] == doc.id and shelling["text"] == "Saraqib"
    assert shelling["pcodes"]["admin1"] == "SY07" and shelling["where_prec"] == 1
