"""Why ISAF event dates are missed: each date miss of ``marsad eval isaf`` sorted by what keeps it out of reach.

    python -m marsad.evaluate.date_misses            # counts per category and the ceiling they leave
    python -m marsad.evaluate.date_misses --show 3   # and three releases of each category, quoted

The categories compare the gold start date with marsad's own reading of the release (its publication date, and
the date and date words of its earliest incident, which is what ``date_exact`` scores), so a reader can check
every row listed against the text. Only "several-incidents" and "other" are misses a better reading could
mend; the rest are rows the text cannot give (no publication date) or contradicts (the gold a day away from the
text's own day words). See docs/dates.md, "The ISAF ceiling".
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from marsad.evaluate import predictions as p
from marsad.evaluate.readers import GoldItem

YEARS = (2009, 2013)  # the releases' years: a publication date outside them came from the reading day
CATEGORIES: dict[str, str] = {
    "no-publication-date": "no publication date read (a dateline without a year and no year in the text, or a "
    "release numbered by month only without a dateline), or one placed by the reading day",
    "gold-day-before-text": "the gold is a day before the day the text's own words give (a date, a weekday, "
    "today, yesterday, last night)",
    "no-day-stated": "the release states no day; the gold is before the publication day marsad codes "
    "(with date_prec 2)",
    "gold-publication-day": "the gold is the publication day; the text says the day before (yesterday, last "
    "night, overnight, a weekday)",
    "several-incidents": "the gold is another incident's date than the earliest one date_exact takes",
    "other": "none of the above: a marsad error worth reading",
}
REACHABLE = frozenset(("several-incidents", "other"))


@dataclass(frozen=True)
class Miss:
    item: GoldItem
    category: str
    gold: date
    predicted: date | None
    published: date | None
    words: str  # the date words of the earliest incident ("" when none were stated)


def classify(gold: date, result: dict[str, Any]) -> str:
    """The category of a date miss (see CATEGORIES), from the gold date and marsad's result for the release."""
    published = _published(result)
    if published is None or not YEARS[0] <= published.year <= YEARS[1]:
        return "no-publication-date"
    incidents = [e for e in p.incidents(result) if p.start_date(e) is not None]
    if not incidents:
        return "other"
    first = min(incidents, key=lambda e: p.start_date(e) or date.max)
    predicted = p.start_date(first)
    assert predicted is not None
    if any(p.start_date(e) == gold for e in incidents):
        return "several-incidents"
    words = (first.get("date") or {}).get("text") or ""
    if not words and gold < predicted:
        return "no-day-stated"
    if words and (predicted - gold).days == 1:
        return "gold-day-before-text"
    if words and gold == published and predicted < published:
        return "gold-publication-day"
    return "other"


def _published(result: dict[str, Any]) -> date | None:
    value = (result.get("document") or {}).get("published")
    return date.fromisoformat(value) if value else None


def misses(items: Sequence[GoldItem], results: Sequence[dict[str, Any]]) -> list[Miss]:
    """The date misses of a scored ISAF run, each with its category."""
    out = []
    for item, result in zip(items, results, strict=True):
        gold = item.gold["start_date"]
        predicted = p.earliest_start(p.incidents(result))
        if predicted == gold:
            continue
        dated = [e for e in p.incidents(result) if p.start_date(e) == predicted]
        words = ((dated[0].get("date") or {}).get("text") or "") if dated else ""
        out.append(Miss(item, classify(gold, result), gold, predicted, _published(result), words))
    return out


def ceiling(rows: int, found: Sequence[Miss]) -> float:
    """The best date_exact a reading of the text can reach: every row but those the text cannot give."""
    out_of_reach = sum(m.category not in REACHABLE for m in found)
    return (rows - out_of_reach) / rows if rows else 0.0


def quote(miss: Miss, width: int = 70) -> str:
    """The release's first line and the words its date was read from, in their context (without date words,
    the top of the release, where its dateline or release number would be)."""
    text = miss.item.text
    at = text.find(miss.words) if miss.words else -1
    if at < 0:
        return repr(" ".join(text[: width * 3].split())[: width * 2])
    head = " ".join(text.split("\n", 1)[0].split())[:width]
    return f"{head!r} … {' '.join(text[max(0, at - width) : at + len(miss.words) + 20].split())!r}"


_YEARLESS = re.compile(r"\([A-Z][a-z]{2,8}\.? [0-9]{1,2}\)|^[A-Z][a-z]{2,8}\.? [0-9]{1,2}:", re.MULTILINE)
_RELEASE = re.compile(r"[0-9]{2,4}-[0-9]{2}-[A-Z]{1,2}-[0-9]{3}")


def header(miss: Miss) -> str:
    """What the top of a release without a publication date offers: a year-less dateline ("(Jan. 28)", "Dec. 23:
    ..."), a release number by month only ("2011-07-S-039"), or neither; or a date placed by the reading day."""
    if miss.published is not None:
        return "placed by the reading day"
    top = miss.item.text[:600]
    if _YEARLESS.search(top):
        return "year-less dateline"
    return "release number by month only" if _RELEASE.search(top) else "neither"


def report(rows: int, found: Sequence[Miss], show: int = 0) -> str:
    counts = Counter(m.category for m in found)
    lines = [
        f"{rows} rows, {rows - len(found)} dates right ({(rows - len(found)) / rows:.3f}), {len(found)} missed"
    ]
    for name, why in CATEGORIES.items():
        lines.append(f"  {counts[name]:4d}  {name}: {why}")
        batches = Counter(m.published.strftime("%Y-%m") for m in found if m.category == name and m.published)
        if name in ("gold-day-before-text", "no-day-stated") and batches:
            lines.append(
                "        by publication month: " + ", ".join(f"{k} {v}" for k, v in sorted(batches.items()))
            )
        if name == "no-publication-date":
            tops = Counter(header(m) for m in found if m.category == name)
            lines.append(
                "        by what the top offers: " + ", ".join(f"{k} {v}" for k, v in tops.most_common())
            )
        for m in [m for m in found if m.category == name][:show]:
            lines.append(
                f"        line {m.item.line}: published {m.published or '-'}, gold {m.gold}, marsad "
                f"{m.predicted or '-'} from {m.words!r}: {quote(m)}"
            )
    lines.append(f"ceiling (every row but the out-of-reach categories): {ceiling(rows, found):.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    from marsad.evaluate.readers import resolve_data_dir
    from marsad.evaluate.runner import extract_item
    from marsad.evaluate.sets import SETS

    parser = argparse.ArgumentParser(description="Sort the ISAF date misses by what keeps them out of reach.")
    parser.add_argument("--show", type=int, default=0, help="quote N releases of each category")
    parser.add_argument("--data-dir", type=Path, default=None, help="folder holding the gold sets")
    args = parser.parse_args(argv)
    items = SETS["isaf"].read(resolve_data_dir(args.data_dir)).items
    results = [extract_item(item) for item in items]
    print(report(len(items), misses(items, results), args.show))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
