"""``marsad eval`` end to end on tiny gold files, with a stub extractor so the figures are known."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from marsad.cli.eval_cmd import eval_command
from marsad.evaluate import gate as gate_mod
from marsad.evaluate import runner
from marsad.evaluate.readers import GoldItem

app = typer.Typer()


@app.callback()
def _group() -> None:
    """A group, so `eval` is a sub-command as in the real app."""


app.command("eval")(eval_command)
cli = CliRunner()

ISAF_HEADER = [
    "text",
    "name",
    "start_date",
    "event_type",
    "province",
    "target_group",
    "min_killed",
    "min_captured",
]


def _stub(item: GoldItem) -> dict[str, Any]:
    """Two killed in Helmand on the gold day, for every row: right on some rows, wrong on others."""
    event = {
        "kind": "incident",
        "sub_event_type": "Armed clash",
        "date": {"start": "2011-01-10", "end": "2011-01-10", "precision": 1, "text": "x"},
        "location": {"name": "Sangin", "admin1": "Hilmand", "latitude": 32.07, "longitude": 64.83},
        "casualties": {"killed": {"low": 2, "best": 2, "high": 2}, "captured": None},
        "confidence": 0.5,
    }
    return {"schema": "marsad.event/1", "document": {}, "events": [event]}


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(runner, "extract_item", _stub)
    monkeypatch.delenv("CI", raising=False)
    isaf = tmp_path / "isaf_press_releases" / "isaf_dev.csv"
    isaf.parent.mkdir(parents=True)
    rows = [
        [
            "KABUL (Jan. 10, 2011) Two insurgents [killed]",
            "n",
            "2011-01-10",
            "[]",
            '["helmand"]',
            "[]",
            "2",
            "0",
        ],
        ["KABUL (Jan. 10, 2011) [Nobody] killed", "n", "2011-01-10", "[]", '["kandahar"]', "[]", "0", "1"],
        ["broken", "n", "not a date", "[]", '["kandahar"]', "[]", "0", "1"],
    ]
    with isaf.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([ISAF_HEADER, *rows])
    case = tmp_path / "case2021_task2" / "case2021_task2_dev.tsv"
    case.parent.mkdir(parents=True)
    case.write_text(
        "id\tEventSnippet\tSubType\n1\tClashes\tARMED_CLASH\n2\tA flood\tNATURAL_DISASTER\n", "utf-8"
    )
    return tmp_path


def test_evaluate_cli_table_json_and_errors(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "isaf.json"
    args = ["eval", "isaf", "--data-dir", str(data), "--json", str(out), "--errors", "5"]
    got = cli.invoke(app, args, terminal_width=200)
    assert got.exit_code == 0, got.output
    assert "killed_exact" in got.output and "0.500" in got.output
    assert "1 malformed rows skipped" in got.output and "line 4" in got.output
    assert "worst cases" in got.output and "[Nobody]" in got.output  # news text is not read as markup
    written = json.loads(out.read_text("utf-8"))
    assert written["metrics"]["killed_exact"] == 0.5
    assert written["metrics"]["province"] == 0.5
    assert written["scored"] == 2 and written["malformed"]["count"] == 1
    assert written["malformed"]["rows"][0]["line"] == 4
    assert written["docs_per_s"] > 0
    assert len(written["worst"]) == 1 and written["worst"][0]["line"] == 3


def test_evaluate_cli_limit(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "isaf.json"
    got = cli.invoke(app, ["eval", "isaf", "--data-dir", str(data), "--limit", "1", "--json", str(out)])
    assert got.exit_code == 0, got.output
    assert json.loads(out.read_text("utf-8"))["metrics"]["killed_exact"] == 1.0


def test_evaluate_cli_case2021_confusion(data: Path) -> None:
    got = cli.invoke(app, ["eval", "case2021", "--data-dir", str(data), "--errors", "3"], terminal_width=200)
    assert got.exit_code == 0, got.output
    assert "confusion" in got.output and "NATURAL_DISASTER" in got.output


def test_evaluate_cli_missing_data_says_where_and_how(tmp_path: Path) -> None:
    got = cli.invoke(app, ["eval", "isaf", "--data-dir", str(tmp_path / "nowhere")])
    assert got.exit_code == 2
    assert "nowhere" in got.output and "--data-dir" in got.output and "MARSAD_DATA" in got.output


def test_evaluate_cli_gate_skips_missing_data_outside_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    got = cli.invoke(app, ["eval", "--all", "--gate", "--data-dir", str(tmp_path / "nowhere")])
    assert got.exit_code == 0, got.output
    assert "skipped" in got.output and "gate not run" in got.output


def test_evaluate_cli_gate_fails_on_missing_data_in_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    got = cli.invoke(app, ["eval", "--all", "--gate", "--data-dir", str(tmp_path / "nowhere")])
    assert got.exit_code == 2
    assert "looked for" in got.output


def _tmp_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **floors: float) -> Path:
    baseline = gate_mod.load_baseline()
    baseline["sets"]["isaf"].update(min_scored=1, max_malformed=1)
    baseline["sets"]["isaf"]["floors"].update(floors)
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(baseline), "utf-8")
    monkeypatch.setattr(gate_mod, "BASELINE_PATH", path)
    return path


def test_evaluate_cli_gate_fails_below_floor(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tmp_baseline(tmp_path, monkeypatch, killed_exact=0.6)
    out = tmp_path / "gate.json"
    got = cli.invoke(app, ["eval", "isaf", "--gate", "--data-dir", str(data), "--json", str(out)])
    assert got.exit_code == 1, got.output
    assert "isaf.killed_exact = 0.5000 is below its floor 0.600" in got.output
    assert json.loads(out.read_text("utf-8"))["gate"]["passed"] is False


def test_evaluate_cli_update_baseline(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _tmp_baseline(tmp_path, monkeypatch, killed_exact=0.6)
    args = ["eval", "isaf", "--update-baseline", "--data-dir", str(data)]
    refused = cli.invoke(app, args)
    assert refused.exit_code == 2 and "floors only rise" in refused.output
    no_reason = cli.invoke(app, [*args, "--allow-lower"])
    assert no_reason.exit_code == 2 and "--reason" in no_reason.output
    done = cli.invoke(app, [*args, "--allow-lower", "--reason", "stub extractor"])
    assert done.exit_code == 0, done.output
    saved = json.loads(path.read_text("utf-8"))
    assert saved["sets"]["isaf"]["floors"]["killed_exact"] == 0.5
    assert saved["sets"]["isaf"]["floors"]["province"] == 0.5
    assert saved["history"][-1]["reason"] == "stub extractor"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "name one set"),
        (["isaf", "--all"], "name one set"),
        (["nope"], "unknown set"),
        (["isaf", "--gate", "--limit", "5"], "drop --limit"),
        (["isaf", "--allow-lower"], "go with --update-baseline"),
        (["isaf", "--write-docs"], "use it with --all"),
    ],
)
def test_evaluate_cli_rejects_bad_flags(args: list[str], message: str) -> None:
    got = cli.invoke(app, ["eval", *args])
    assert got.exit_code == 2
    assert message in got.output
