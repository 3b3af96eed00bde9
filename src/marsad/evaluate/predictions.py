"""Read-only views of one extraction result (the marsad.event/1 dictionary) that the scorers share."""

from __future__ import annotations

from datetime import date
from typing import Any

Result = dict[str, Any]


def events(result: Result, kind: str | None = None) -> list[dict[str, Any]]:
    """Events of the result, optionally only those of one kind (incident, tally, development)."""
    return [e for e in result.get("events") or [] if kind is None or e.get("kind") == kind]


def incidents(result: Result) -> list[dict[str, Any]]:
    return events(result, "incident")


def casualty_best(event: dict[str, Any], kind: str) -> int | None:
    total = (event.get("casualties") or {}).get(kind)
    return None if total is None else total.get("best")


def sum_best(evts: list[dict[str, Any]], kind: str) -> int:
    """Sum of one casualty kind's best figure; an unstated figure (None) adds nothing, as in "0 reported"."""
    return sum(casualty_best(e, kind) or 0 for e in evts)


def start_date(event: dict[str, Any]) -> date | None:
    d = event.get("date")
    return None if not d else date.fromisoformat(d["start"])


def earliest_start(evts: list[dict[str, Any]]) -> date | None:
    starts = [s for s in (start_date(e) for e in evts) if s is not None]
    return min(starts) if starts else None


def admin1s(evts: list[dict[str, Any]]) -> list[str]:
    return [e["location"]["admin1"] for e in evts if e.get("location") and e["location"].get("admin1")]


def points(evts: list[dict[str, Any]]) -> list[tuple[float, float]]:
    out = []
    for e in evts:
        loc = e.get("location") or {}
        if loc.get("latitude") is not None and loc.get("longitude") is not None:
            out.append((float(loc["latitude"]), float(loc["longitude"])))
    return out


def actors(evts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every actor mention: actor1, actor2 and associated actors of each event."""
    out: list[dict[str, Any]] = []
    for e in evts:
        out.extend(a for a in (e.get("actor1"), e.get("actor2"), *(e.get("assoc_actors") or [])) if a)
    return out


def actor_strings(actor: dict[str, Any] | None) -> list[str]:
    """The strings an actor can be recognised by: canonical name, raw words, side."""
    if not actor:
        return []
    return [str(actor[k]) for k in ("name", "raw", "side") if actor.get(k)]


def summary(result: Result, limit: int = 3) -> str:
    """A one-line-per-event summary for error listings."""
    lines = []
    for e in events(result)[:limit]:
        loc = e.get("location") or {}
        d = e.get("date") or {}
        killed = casualty_best(e, "killed")
        captured = casualty_best(e, "captured")
        lines.append(
            f"{e.get('kind')} {e.get('sub_event_type') or '-'} | {d.get('start', '-')} | "
            f"{loc.get('name', '-')} ({loc.get('admin1') or '-'}) | killed {killed} captured {captured}"
        )
    extra = len(events(result)) - limit
    if extra > 0:
        lines.append(f"... {extra} more")
    return "\n".join(lines) or "(no events)"
