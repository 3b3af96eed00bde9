"""The quality gate over the gold sets, the baseline's rules, and the currency of docs/accuracy.md.

The gate tests run every set as ``make test`` scores it (UCDP on a fixed sample). Without the gold data they
skip, except in CI (CI=true), where a missing data folder fails: a wrong path must never pass silently.
"""

from __future__ import annotations

import functools
import json
import math

import pytest

from marsad.errors import ConfigError, DataMissingError
from marsad.evaluate import (
    accuracy_doc_problems,
    check_result,
    gate_sample,
    load_baseline,
    raise_floors,
    run_set,
)
from marsad.evaluate.gate import floor3, in_ci
from marsad.evaluate.readers import Malformed
from marsad.evaluate.runner import EvalResult
from marsad.evaluate.sets import SETS


@functools.cache
def _gate_result(name: str) -> EvalResult:
    # cached: the doc-currency test reuses the gate's runs instead of extracting everything twice
    return run_set(name, sample=gate_sample(name))


def _result_or_skip(name: str) -> EvalResult:
    try:
        return _gate_result(name)
    except DataMissingError as exc:
        if in_ci():
            pytest.fail(f"CI=true and the gold data is missing: {exc}")
        pytest.skip(str(exc))


@pytest.mark.parametrize("name", list(SETS))
def test_evaluate_gate_set_meets_its_floors(name: str) -> None:
    assert check_result(_result_or_skip(name)) == []


def test_evaluate_gate_accuracy_doc_is_current() -> None:
    results = [_result_or_skip(name) for name in SETS]
    assert accuracy_doc_problems(results) == []


def test_evaluate_gate_baseline_covers_every_set_and_metric() -> None:
    baseline = load_baseline()
    assert set(baseline["sets"]) == set(SETS)
    for name, spec in SETS.items():
        entry = baseline["sets"][name]
        assert list(entry["floors"]) == list(spec.gated), name
        assert set(spec.gated) <= set(spec.metrics), name
        for metric, floor in entry["floors"].items():
            assert 0.0 <= floor <= 1.0, (name, metric)
            assert math.isclose(floor, floor3(floor)), f"{name}.{metric}: floors move in steps of 0.001"
        assert entry["min_scored"] >= 1 and entry["max_malformed"] >= 0
    assert baseline["sets"]["ucdp"]["sample"] >= 1000, (
        "the UCDP gate needs a sample large enough to mean something"
    )
    for change in baseline["history"]:
        assert change["reason"].strip() and change["date"]


def _result(name: str = "isaf", **metrics: float | None) -> EvalResult:
    return EvalResult(
        set=name, title="t", path="p", rows_read=400, scored=400, malformed=[], failures=[], seconds=1.0,
        metrics=metrics, counts={}, sample=gate_sample(name),
    )  # fmt: skip


def _baseline(**floors: float) -> dict[str, object]:
    return {
        "sets": {"isaf": {"sample": None, "min_scored": 100, "max_malformed": 0, "floors": floors}},
        "history": [],
    }


def test_evaluate_gate_check_result_rules() -> None:
    baseline = _baseline(killed_exact=0.5, province=0.2)
    assert check_result(_result(killed_exact=0.5, province=0.2), baseline) == []
    problems = check_result(_result(killed_exact=0.4999, province=None), baseline)
    assert len(problems) == 2 and all("below its floor" in p for p in problems)
    assert (
        check_result(_result(killed_exact=0.6, province=None), _baseline(killed_exact=0.5, province=0.0))
        == []
    )
    short = _result(killed_exact=1.0, province=1.0)
    short.scored = 10
    short.malformed = [Malformed(3, "bad")]
    short.failures = [("isaf:2", "ValueError: boom")]
    short.limit = 10
    problems = check_result(short, baseline)
    assert len(problems) == 4
    assert any("only 10 items" in p for p in problems) and any("extraction raised" in p for p in problems)


def test_evaluate_gate_floors_only_rise() -> None:
    baseline = _baseline(killed_exact=0.5, province=0.2)
    new, changes = raise_floors([_result(killed_exact=0.73459, province=0.2)], baseline)
    assert new["sets"]["isaf"]["floors"]["killed_exact"] == 0.734
    assert changes == {"isaf.killed_exact": [0.5, 0.734]}
    assert new["history"][-1]["changes"] == changes
    assert baseline["sets"]["isaf"]["floors"]["killed_exact"] == 0.5  # type: ignore[index]
    with pytest.raises(ConfigError, match="floors only rise"):
        raise_floors([_result(killed_exact=0.4, province=0.2)], baseline)
    with pytest.raises(ConfigError, match="--reason"):
        raise_floors([_result(killed_exact=0.4, province=0.2)], baseline, allow_lower=True)
    lowered, changes = raise_floors(
        [_result(killed_exact=0.4, province=0.2)], baseline, allow_lower=True, reason="new dev half"
    )
    assert lowered["sets"]["isaf"]["floors"]["killed_exact"] == 0.4
    assert lowered["history"][-1]["reason"] == "new dev half"


def test_evaluate_gate_raise_floors_refuses_a_broken_run() -> None:
    broken = _result(killed_exact=0.9)
    broken.failures = [("isaf:2", "ImportError")]
    with pytest.raises(ConfigError, match="cannot update"):
        raise_floors([broken], _baseline(killed_exact=0.5))


def test_evaluate_gate_unchanged_run_adds_no_history() -> None:
    new, changes = raise_floors([_result(killed_exact=0.5)], _baseline(killed_exact=0.5))
    assert changes == {} and new["history"] == []


def test_evaluate_gate_floor3_rounds_down() -> None:
    assert floor3(0.7) == 0.7
    assert floor3(0.29) == 0.29
    assert floor3(0.99999) == 0.999
    assert floor3(2 / 3) == 0.666


def test_evaluate_gate_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert in_ci()
    monkeypatch.setenv("CI", "")
    assert not in_ci()
    monkeypatch.delenv("CI")
    assert not in_ci()


def test_evaluate_gate_baseline_file_is_valid_json() -> None:
    from marsad.evaluate.gate import BASELINE_PATH

    json.loads(BASELINE_PATH.read_text("utf-8"))
