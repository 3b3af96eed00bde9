"""The hold-out estimate of the hidden UCDP half: the folder cut from UCDP's two files, and ``marsad eval ucdp
--hold-out-year`` end to end with a stub extractor (the gazetteer it would build is not needed to count)."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from marsad.cli.eval_cmd import eval_command
from marsad.errors import DataMissingError, MarsadError
from marsad.evaluate import holdout, runner
from marsad.evaluate.readers import GoldItem

app = typer.Typer()
app.callback()(lambda: None)  # a group, so `eval` is a sub-command as in the real app
app.command("eval")(eval_command)
cli = CliRunner()

EVENT_COLUMNS = ["id", "year", "date_start", "where_coordinates", "latitude", "longitude"]


def _group(headline: str, *starts: str) -> dict[str, Any]:
    events = [
        {"id": i, "date_start": start, "where_coordinates": "Saraqib town", "adm_1": "Idlib Governorate",
         "latitude": 35.86, "longitude": 36.8, "best": 1, "side_a": "IS", "side_b": "Civilians"}
        for i, start in enumerate(starts)
    ]  # fmt: skip
    return {"source_headline": headline, "source_date": starts[0], "events": events}


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A shared-data folder: UCDP's events of 2016 and 2017, groups of each year and of both, one line that is
    no group, and another folder the hold-out links."""
    data = tmp_path / "shared"
    ucdp = data / "ucdp_ged_syria"
    ucdp.mkdir(parents=True)
    with (ucdp / "ged_syria_2016_2017.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(EVENT_COLUMNS)
        writer.writerow(["1", "2016", "2016-03-01", "Saraqib town", "35.86", "36.8"])
        writer.writerow(["2", "2016", "2016-12-31", "Binnish town", "35.95", "36.71"])
        writer.writerow(["3", "2017", "2017-01-02", "Taftanaz town", "35.99", "36.78"])
    lines = [
        json.dumps(_group("Shelling on Saraqib", "2016-03-01")),
        json.dumps(_group("Air strike on Saraqib", "2017-02-01")),
        json.dumps(_group("Clashes in Saraqib", "2016-12-31", "2017-01-01")),
        "not json",
    ]
    (ucdp / "by_source_article.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (data / "gazetteer_pcodes").mkdir()
    (data / "gazetteer_pcodes" / "global_pcodes_adm1_adm2.csv").write_text("x\n", "utf-8")
    return data


def test_evaluate_holdout_keeps_earlier_events_and_the_years_groups(shared: Path, tmp_path: Path) -> None:
    folder, events, groups = holdout.hold_out_data(shared, 2017, tmp_path / "cut")
    with (folder / "ucdp_ged_syria" / "ged_syria_2016_2017.csv").open(encoding="utf-8") as fh:
        assert [row["id"] for row in csv.DictReader(fh)] == ["1", "2"]
    kept = (folder / "ucdp_ged_syria" / "by_source_article.jsonl").read_text("utf-8").splitlines()
    # the group of 2017 alone; a group reaching into 2016 is not the year's, and a broken line stays broken
    assert kept == [json.dumps(_group("Air strike on Saraqib", "2017-02-01")), "not json"]
    assert (events, groups) == (2, 1)
    linked = folder / "gazetteer_pcodes"
    assert linked.is_symlink() and linked.resolve() == (shared / "gazetteer_pcodes").resolve()
    # nothing of the shared folder was changed
    assert len((shared / "ucdp_ged_syria" / "by_source_article.jsonl").read_text("utf-8").splitlines()) == 4


def test_evaluate_holdout_says_why_there_is_none(shared: Path, tmp_path: Path) -> None:
    with pytest.raises(MarsadError, match="no hold-out for 2016: 0 UCDP events before it"):
        holdout.hold_out_data(shared, 2016, tmp_path / "cut")
    (shared / "ucdp_ged_syria" / "ged_syria_2016_2017.csv").unlink()
    with pytest.raises(DataMissingError, match=r"ged_syria_2016_2017\.csv is missing"):
        holdout.hold_out_data(shared, 2017, tmp_path / "again")


def test_evaluate_holdout_cli_scores_the_year_and_leaves_nothing_behind(
    shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (the command points the process at the hold-out: the variables are put back after the test)
    monkeypatch.setenv("MARSAD_DATA", str(shared))
    monkeypatch.setenv("MARSAD_CACHE", str(tmp_path / "cache"))
    read_from: list[tuple[str, str]] = []

    def stub(item: GoldItem) -> dict[str, Any]:
        """An event at Saraqib for every headline; where the gazetteer would have been read from."""
        read_from.append((os.environ["MARSAD_DATA"], os.environ["MARSAD_CACHE"]))
        place = {"name": "Saraqib", "admin1": "Idlib", "latitude": 35.86, "longitude": 36.8}
        return {
            "schema": "marsad.event/1",
            "document": {},
            "events": [{"kind": "incident", "location": place}],
        }

    monkeypatch.setattr(runner, "extract_item", stub)
    report = tmp_path / "out.json"
    got = cli.invoke(app, ["eval", "ucdp", "--hold-out-year", "2017", "--json", str(report)])
    assert got.exit_code == 0, got.output
    assert "hold-out 2017" in got.output and "the 2 UCDP events before it" in got.output
    result = json.loads(report.read_text("utf-8"))
    assert result["scored"] == 1 and result["metrics"]["within_25km"] == 1.0
    assert any("hold-out 2017" in note for note in result["notes"])
    [(data, cache)] = read_from
    assert Path(data).name == "data" and Path(cache).parent == Path(data).parent
    assert not Path(data).parent.exists()  # the temporary folder, with its gazetteer, is removed


@pytest.mark.parametrize(
    "args",
    [["isaf", "--hold-out-year", "2017"], ["ucdp", "--gate", "--hold-out-year", "2017"]],
)
def test_evaluate_holdout_cli_only_for_the_ucdp_set_alone(args: list[str]) -> None:
    got = cli.invoke(app, ["eval", *args])
    assert got.exit_code == 2
    assert "--hold-out-year scores the ucdp set alone" in got.output
