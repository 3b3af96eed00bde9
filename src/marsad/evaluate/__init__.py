"""Evaluation against the external gold sets, and the quality gate.

    from marsad.evaluate import run_set
    result = run_set("isaf", limit=50)          # EvalResult: metrics, counts, cases, documents/s
    run_gate()                                  # every set as `make test` scores it
    check_result(result)                        # [] when every gated metric is at or above its floor
    write_accuracy_doc()                        # regenerate docs/accuracy.md

Readers and scorers live in ``marsad.evaluate.sets`` (one module per set); floors in ``baseline.json``.
"""

from __future__ import annotations

from marsad.evaluate.accuracy_doc import accuracy_doc_problems, render_accuracy_doc, write_accuracy_doc
from marsad.evaluate.gate import (
    check_result,
    gate_sample,
    load_baseline,
    raise_floors,
    run_gate,
    save_baseline,
)
from marsad.evaluate.readers import GoldItem, GoldSet, Malformed
from marsad.evaluate.runner import EvalResult, extract_item, run_set
from marsad.evaluate.sets import SETS, Case

__all__ = [
    "SETS",
    "Case",
    "EvalResult",
    "GoldItem",
    "GoldSet",
    "Malformed",
    "accuracy_doc_problems",
    "check_result",
    "extract_item",
    "gate_sample",
    "load_baseline",
    "raise_floors",
    "render_accuracy_doc",
    "run_gate",
    "run_set",
    "save_baseline",
    "write_accuracy_doc",
]
