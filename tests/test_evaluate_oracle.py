"""Each scorer on the real gold rows against an oracle that answers the gold, spelled as marsad spells it.

An oracle must score 1.0 on every gated metric: this catches readers that mangle gold fields, and gold
spellings missing from the admin-1 table (the oracle writes the table's canonical names, OCHA's for Syria;
the gold files use UCDP's, FA-KES's or ISAF's).
"""

from __future__ import annotations

from typing import Any

import pytest

from marsad.errors import DataMissingError
from marsad.evaluate import gate_sample, run_set
from marsad.evaluate.gate import in_ci
from marsad.evaluate.names import admin1_name, split_side
from marsad.evaluate.readers import GoldItem
from marsad.evaluate.sets import SETS
from marsad.evaluate.sets.case2021 import ACLED_TO_CASE, UNSEEN


def _event(**fields: Any) -> dict[str, Any]:
    killed, captured = fields.pop("killed", None), fields.pop("captured", None)
    day = fields.pop("day", None)
    return {
        "kind": "incident",
        "confidence": 0.5,
        "date": None if day is None else {"start": day.isoformat(), "end": day.isoformat()},
        "casualties": {
            "killed": None if killed is None else {"low": killed, "best": killed, "high": killed},
            "captured": None if captured is None else {"low": captured, "best": captured, "high": captured},
        },
        **fields,
    }


def _place(admin1: str | None, lat: float | None = None, lon: float | None = None) -> dict[str, Any]:
    # the table's canonical spelling, never the gold's own: a gold spelling missing from the table fails here
    return {"name": "x", "admin1": admin1_name(admin1), "latitude": lat, "longitude": lon}


def _oracle(name: str, item: GoldItem) -> list[dict[str, Any]]:
    g = item.gold
    if name == "isaf":
        place = _place(g["provinces"][0] if g["provinces"] else None)
        return [
            _event(killed=g["min_killed"], captured=g["min_captured"], day=g["start_date"], location=place)
        ]
    if name == "case2021":
        by_code = {code: acled for acled, code in ACLED_TO_CASE.items()}
        return [] if g["label"] in UNSEEN else [_event(sub_event_type=by_code[g["label"]])]
    if name == "ucdp":
        actor = {"name": split_side(g["side_a"])[0], "raw": "x", "side": None}
        place = _place(g["adm_1"], g["latitude"], g["longitude"])
        return [_event(killed=g["best"], location=place, actor1=actor)]
    return [_event(day=g["date"], location=_place(g["location"]))]


@pytest.mark.parametrize("name", ["isaf", "case2021", "ucdp", "fakes"])
def test_evaluate_oracle_scores_one(name: str) -> None:
    try:
        result = run_set(
            name, sample=gate_sample(name), extractor=lambda item: {"events": _oracle(name, item)}
        )
    except DataMissingError as exc:
        if in_ci():
            pytest.fail(f"CI=true and the gold data is missing: {exc}")
        pytest.skip(str(exc))
    assert {m: result.metrics[m] for m in SETS[name].gated} == dict.fromkeys(SETS[name].gated, 1.0)
    assert not result.failures and not result.malformed
