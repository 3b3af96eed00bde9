"""ISAF press releases (Afghanistan 2009-2013): counts of killed and captured, event date, province.

The publication date is not given as a hint: the pipeline must read it from the dateline inside the text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad.evaluate import metrics as m
from marsad.evaluate import predictions as p
from marsad.evaluate.names import known_admin1, same_admin1
from marsad.evaluate.readers import GoldItem, GoldSet, Malformed, csv_rows, parse_iso_date, require_file
from marsad.evaluate.sets.base import Case, Scored, SetSpec

SOURCE = "isaf_press_releases/isaf_dev.csv"


def _parse(line: int, row: dict[str, Any]) -> GoldItem | Malformed:
    text = (row.get("text") or "").strip()
    if not text:
        return Malformed(line, "empty text")
    try:
        gold = {
            "start_date": parse_iso_date(row["start_date"]),
            "min_killed": int(row["min_killed"]),
            "min_captured": int(row["min_captured"]),
            "provinces": [str(v) for v in json.loads(row["province"] or "[]")],
        }
    except (ValueError, TypeError, KeyError) as exc:
        return Malformed(line, f"unreadable gold field: {exc}")
    return GoldItem(f"isaf:{line}", line, text, None, "Afghanistan", gold)


def read(data_dir: Path) -> GoldSet:
    path = require_file(data_dir, SOURCE)
    items: list[GoldItem] = []
    malformed: list[Malformed] = []
    for line, row in csv_rows(path):
        parsed = row if isinstance(row, Malformed) else _parse(line, row)
        (malformed if isinstance(parsed, Malformed) else items).append(parsed)  # type: ignore[arg-type]
    return GoldSet("isaf", path, items, malformed, rows_read=len(items) + len(malformed))


def _judge(item: GoldItem, result: dict[str, Any]) -> dict[str, Any]:
    """The per-item facts the metrics count."""
    inc = p.incidents(result)
    gold = item.gold
    provinces = [g for g in gold["provinces"] if known_admin1(g)]
    admin = p.admin1s(inc)
    return {
        "killed": p.sum_best(inc, "killed"),
        "captured": p.sum_best(inc, "captured"),
        "date": p.earliest_start(inc),
        "admin1": admin,
        "provinces": provinces,
        "province_ok": any(same_admin1(a, g) for a in admin for g in provinces) if provinces else None,
    }


def score(items: list[GoldItem], results: list[dict[str, Any]]) -> Scored:
    judged = [_judge(item, res) for item, res in zip(items, results, strict=True)]
    golds = [item.gold for item in items]
    killed_ok = [j["killed"] == g["min_killed"] for j, g in zip(judged, golds, strict=True)]
    captured_ok = [j["captured"] == g["min_captured"] for j, g in zip(judged, golds, strict=True)]
    date_ok = [j["date"] == g["start_date"] for j, g in zip(judged, golds, strict=True)]
    pos_k = [ok for ok, g in zip(killed_ok, golds, strict=True) if g["min_killed"] > 0]
    pos_c = [ok for ok, g in zip(captured_ok, golds, strict=True) if g["min_captured"] > 0]
    prov = [j["province_ok"] for j in judged if j["province_ok"] is not None]
    metrics = {
        "killed_exact": m.rate(sum(killed_ok), len(items)),
        "killed_exact_pos": m.rate(sum(pos_k), len(pos_k)),
        "captured_exact": m.rate(sum(captured_ok), len(items)),
        "captured_exact_pos": m.rate(sum(pos_c), len(pos_c)),
        "date_exact": m.rate(sum(date_ok), len(items)),
        "province": m.rate(sum(prov), len(prov)),
        "killed_mae": m.mean(
            [abs(j["killed"] - g["min_killed"]) for j, g in zip(judged, golds, strict=True)]
        ),
        "captured_mae": m.mean(
            [abs(j["captured"] - g["min_captured"]) for j, g in zip(judged, golds, strict=True)]
        ),
    }
    counts = {"rows": len(items), "rows_killed_pos": len(pos_k), "rows_captured_pos": len(pos_c),
              "rows_with_province": len(prov)}  # fmt: skip
    cases = [_case(item, res, j) for item, res, j in zip(items, results, judged, strict=True)]
    return Scored(metrics, counts, cases)


def _case(item: GoldItem, result: dict[str, Any], j: dict[str, Any]) -> Case:
    g = item.gold
    failed = [
        name
        for name, ok in (
            ("killed", j["killed"] == g["min_killed"]),
            ("captured", j["captured"] == g["min_captured"]),
            ("date", j["date"] == g["start_date"]),
            ("province", j["province_ok"] is not False),
        )
        if not ok
    ]
    error = abs(j["killed"] - g["min_killed"]) + abs(j["captured"] - g["min_captured"])
    gold = (
        f"killed {g['min_killed']} · captured {g['min_captured']} · date {g['start_date']} · "
        f"province {', '.join(g['provinces']) or '-'}"
    )
    pred = (
        f"killed {j['killed']} · captured {j['captured']} · date {j['date'] or '-'} · "
        f"admin1 {', '.join(sorted(set(j['admin1']))) or '-'}\n{p.summary(result)}"
    )
    # Failed fields first, then size of the count error: a wrong count by 10 is worse than by 1.
    return Case(item.id, item.line, item.text, gold, pred, tuple(failed), len(failed) + error / 1000)


SPEC = SetSpec(
    name="isaf",
    title="ISAF press releases (Afghanistan)",
    source=SOURCE,
    read=read,
    score=score,
    metrics={
        "killed_exact": "sum of killed.best over incidents == min_killed",
        "killed_exact_pos": "killed_exact on rows with min_killed > 0",
        "captured_exact": "sum of captured.best over incidents == min_captured",
        "captured_exact_pos": "captured_exact on rows with min_captured > 0",
        "date_exact": "earliest incident date.start == start_date",
        "province": "some incident admin1 is a gold province (spelling-insensitive)",
        "killed_mae": "mean absolute error of the killed sum (lower is better; not gated)",
        "captured_mae": "mean absolute error of the captured sum (lower is better; not gated)",
    },
    gated=(
        "killed_exact",
        "killed_exact_pos",
        "captured_exact",
        "captured_exact_pos",
        "date_exact",
        "province",
    ),
)
