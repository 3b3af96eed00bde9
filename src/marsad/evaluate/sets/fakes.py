"""FA-KES Syrian war news (credible rows only): governorate and event date of whole articles, no hints."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from marsad.evaluate import metrics as m
from marsad.evaluate import predictions as p
from marsad.evaluate.names import same_admin1
from marsad.evaluate.readers import GoldItem, GoldSet, Malformed, csv_rows, require_file
from marsad.evaluate.sets.base import Case, Scored, SetSpec

SOURCE = "fakes_syria_news/fakes_dev.csv"
DATE_TOLERANCE_DAYS = 3


def _parse(line: int, row: dict[str, Any]) -> GoldItem | Malformed | None:
    """A credible row as a GoldItem; None for rows labelled 0 (their figures disagree with VDC records)."""
    label = (row.get("labels") or "").strip()
    if label not in ("0", "1"):
        return Malformed(line, f"labels is {label!r}, expected 0 or 1")
    if label == "0":
        return None
    try:
        when = datetime.strptime((row.get("date") or "").strip(), "%m/%d/%Y").date()
    except ValueError:
        return Malformed(line, f"date {row.get('date')!r} is not M/D/YYYY")
    location = (row.get("location") or "").strip()
    title, content = (row.get("article_title") or "").strip(), (row.get("article_content") or "").strip()
    if not location or not (title or content):
        return Malformed(line, "empty location or article")
    text = f"{title}\n\n{content}" if title else content
    return GoldItem(
        f"fakes:{row.get('unit_id') or line}", line, text, None, None, {"date": when, "location": location}
    )


def read(data_dir: Path) -> GoldSet:
    path = require_file(data_dir, SOURCE)
    items: list[GoldItem] = []
    malformed: list[Malformed] = []
    rows = 0
    for line, row in csv_rows(path):
        rows += 1
        parsed = row if isinstance(row, Malformed) else _parse(line, row)
        if isinstance(parsed, Malformed):
            malformed.append(parsed)
        elif parsed is not None:
            items.append(parsed)
    return GoldSet(
        "fakes", path, items, malformed, rows_read=rows, notes=[f"{len(items)} credible rows scored"]
    )


def score(items: list[GoldItem], results: list[dict[str, Any]]) -> Scored:
    cases = []
    gov_ok = date_ok = 0
    for item, result in zip(items, results, strict=True):
        inc = p.incidents(result)
        admin = sorted(set(p.admin1s(inc)))
        first = p.earliest_start(inc)
        g_ok = any(same_admin1(a, item.gold["location"]) for a in admin)
        d_ok = first is not None and m.days_apart(first, item.gold["date"]) <= DATE_TOLERANCE_DAYS
        gov_ok += g_ok
        date_ok += d_ok
        failed = tuple(name for name, ok in (("governorate", g_ok), ("date", d_ok)) if not ok)
        gold = f"{item.gold['location']} · {item.gold['date']}"
        pred = f"admin1 {', '.join(admin) or '-'} · earliest {first or '-'}\n{p.summary(result)}"
        days = m.days_apart(first, item.gold["date"]) if first else 10_000
        cases.append(
            Case(item.id, item.line, item.text, gold, pred, failed, len(failed) + min(days, 10_000) / 1e5)
        )
    metrics = {
        "governorate": m.rate(gov_ok, len(items)),
        "date_within_3d": m.rate(date_ok, len(items)),
    }
    return Scored(metrics, {"rows": len(items)}, cases)


SPEC = SetSpec(
    name="fakes",
    title="FA-KES Syrian war news (credible articles)",
    source=SOURCE,
    read=read,
    score=score,
    metrics={
        "governorate": "some incident admin1 is the gold governorate (spelling-insensitive)",
        "date_within_3d": "earliest incident date within 3 days of the gold date",
    },
    gated=("governorate", "date_within_3d"),
)
