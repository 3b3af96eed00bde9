"""``marsad show``: an event's fields, each with its evidence highlighted inside the sentence it came from."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from marsad.cli.output import console


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) that holds text[start:end]."""
    lo = max(text.rfind("\n", 0, start), max(text.rfind(". ", 0, start) + 1, 0))
    hi_candidates = [i for i in (text.find("\n", end), text.find(". ", end)) if i != -1]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    return lo if lo > 0 else 0, hi


def highlight(text: str, start: int, end: int) -> Text:
    lo, hi = _sentence_around(text, start, end)
    out = Text(text[lo:start].lstrip())
    out.append(text[start:end], style="bold black on yellow")
    out.append(text[end:hi].rstrip())
    return out


def _value(event: dict[str, Any], field: str) -> str:
    if field == "location" and event.get("location"):
        loc = event["location"]
        return (f"{loc['name']} ({loc.get('admin1') or '?'}; {loc.get('latitude')}, {loc.get('longitude')}; "
                f"where_prec {loc.get('where_prec')}, geo_precision {loc.get('geo_precision')})")  # fmt: skip
    if field == "date" and event.get("date"):
        d = event["date"]
        return f"{d['start']} .. {d['end']} (precision {d['precision']}; {d.get('reason')})"
    if field in ("actor1", "actor2") and event.get(field):
        a = event[field]
        return f"{a['name']} (inter {a.get('inter')}, side {a.get('side')})"
    if field == "event_type":
        return f"{event.get('event_type')} / {event.get('sub_event_type')}"
    return ""


def render_event(event: dict[str, Any], doc: dict[str, Any]) -> None:
    text = doc.get("text") or ""
    head = f"[bold]{escape(event['kind'])}[/bold] {escape(event['id'])} — {escape(doc.get('title') or '')}"
    console.print(
        Panel(head, subtitle=f"published {doc.get('published')} · {doc.get('url') or doc.get('source')}")
    )
    figures = iter(event.get("figures", []))
    for ev in event.get("evidence", []):
        if ev["field"] == "sentence":
            continue
        label = ev["field"]
        value = _value(event, label)
        if label.startswith("figure:"):
            f = next(figures, None)
            value = (
                ""
                if f is None
                else f"{f['kind']} {f['low']}/{f['best']}/{f['high']} {f.get('who') or ''} "
                f"side={f.get('side')} {' '.join(f.get('flags') or [])}"
            )
        console.print(f"[cyan]{escape(label)}[/cyan]: {escape(value)}")
        console.print(highlight(text, ev["start"], ev["end"]))
        console.print()
    cas = event.get("casualties") or {}
    console.print("[cyan]totals[/cyan]: " + ", ".join(f"{k} {v}" for k, v in cas.items() if v))
    if event.get("sides"):
        console.print(
            "[cyan]sides[/cyan]: " + "; ".join(f"{s['who']} {s['kind']} {s['best']}" for s in event["sides"])
        )
