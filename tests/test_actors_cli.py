"""`marsad actors`: list and check the dictionary, list the unknown groups found in a store."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from marsad.actors.unknown import unknown_groups
from marsad.cli.actors_cmd import app
from marsad.errors import ConfigError
from marsad.records import Actor
from marsad.store.sqlite import Store
from store_helpers import REPORT, make_document, mayadin_attack

FIXTURES = Path(__file__).parent / "fixtures" / "actors"

root = typer.Typer()
root.add_typer(app, name="actors")  # as the marsad app registers it
runner = CliRunner()


def test_actors_cli_list_filters_by_country_and_side() -> None:
    res = runner.invoke(
        root, ["actors", "list", "--country", "SY", "--side", "government", "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    names = {r["name"] for r in rows}
    assert {"Military Forces of Syria", "National Defence Forces", "5th Corps", "Liwa al-Quds"} <= names
    assert all(r["country"] == "SY" and r["side"] == "government" for r in rows)


def test_actors_cli_list_with_a_user_dictionary(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "version: 1\nactors:\n  - id: user.desert-hawks-2\n    name: Desert Falcons\n    aliases: [Falcons]\n"
        "    side: government\n    inter: 3\n    country: SY\n",
        "utf-8",
    )
    res = runner.invoke(root, ["actors", "list", "--actors", str(extra), "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert "user.desert-hawks-2,Desert Falcons,government,3,SY,Falcons" in res.output


def test_actors_cli_check_names_file_line_and_field() -> None:
    res = runner.invoke(root, ["actors", "check", str(FIXTURES / "bad_inter.yaml")])
    assert isinstance(res.exception, ConfigError)  # the marsad app prints it as one red line, exit 2
    assert "bad_inter.yaml, line" in str(res.exception) and "actors[1].inter" in str(res.exception)


def test_actors_cli_check_a_good_file(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("version: 1\nactors: []\n", "utf-8")
    res = runner.invoke(root, ["actors", "check", str(good)])
    assert res.exit_code == 0 and "0 shared aliases" in res.output


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "marsad.db"
    with Store.open(path) as store:
        for n, extra in enumerate(("Free Idlib Army", "Free Idlib Army", "Martyrs of Dawn Brigade")):
            doc = make_document(f"{REPORT}\n{extra} fighters took part (report {n}).")
            event = mayadin_attack(doc)
            group = Actor(extra, f"{extra} fighters", None, None, False)
            store.add(doc, [replace(event, assoc_actors=(group,))])
    return path


def test_actors_unknown_groups_most_widespread_first(store_path: Path) -> None:
    with Store.open(store_path) as store:
        groups = unknown_groups(store.connection)
        assert [(g.name, g.documents) for g in groups[:2]] == [
            ("Free Idlib Army", 2),
            ("Martyrs of Dawn Brigade", 1),
        ]
        assert groups[0].example == "Free Idlib Army fighters"
        assert [g.name for g in unknown_groups(store.connection, min_documents=2)] == ["Free Idlib Army"]
        assert len(unknown_groups(store.connection, limit=1)) == 1


def test_actors_cli_unknown_lists_the_store(store_path: Path) -> None:
    res = runner.invoke(root, ["actors", "--unknown", "--db", str(store_path), "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert rows[0]["name"] == "Free Idlib Army" and rows[0]["documents"] == 2


def test_actors_cli_without_options_prints_help() -> None:
    res = runner.invoke(root, ["actors"])
    assert res.exit_code == 0 and "--unknown" in res.output and "list" in res.output
