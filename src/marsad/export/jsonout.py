"""The stable JSON of ``marsad extract`` (``"schema": "marsad.event/1"``), validated by the shipped JSON Schema.

The store keeps this same dictionary per event, so every reader (CLI, export, evaluation) sees one shape.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from marsad.records import Actor, Document, Event, Place, Total

SCHEMA_ID = "marsad.event/1"
CASUALTY_KINDS = ("killed", "injured", "killed_or_injured", "captured")


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "site": doc.site,
        "url": doc.url,
        "published": doc.published.isoformat() if doc.published else None,
        "published_source": doc.published_source,
        "external_id": doc.external_id,
    }


def _total(t: Total | None) -> dict[str, int | None] | None:
    return None if t is None else {"low": t.low, "best": t.best, "high": t.high}


def casualties(event: Event) -> dict[str, dict[str, int | None] | None]:
    """Per-kind totals. A combined "killed and wounded" figure leaves killed and injured unstated but bounded:
    low 0, best null, high the combined figure's high (never reported as that many killed)."""
    out = {kind: _total(event.total(kind)) for kind in CASUALTY_KINDS}
    combined = event.total("killed_or_injured")
    if combined is not None:
        for kind in ("killed", "injured"):
            if out[kind] is None:
                out[kind] = {"low": 0, "best": None, "high": combined.high}
    return out


def place_to_dict(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geo_precision": place.geo_precision,
        "where_prec": place.where_prec,
        "admin1_pcode": place.admin1_pcode,
        "admin2_pcode": place.admin2_pcode,
        "admin3": place.admin3,
        "admin3_pcode": place.admin3_pcode,
        "pcode": place.pcode,
        "approx": place.approx,
        "geonameid": place.geonameid,
        "feature": place.feature,
        "text": place.span.text if place.span else None,
    }


def actor_to_dict(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "name": actor.name,
        "raw": actor.raw,
        "inter": actor.inter,
        "side": actor.side,
        "known": actor.known,
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "kind": event.kind,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "disorder_type": event.disorder_type,
        "civilian_targeting": event.civilian_targeting,
        "type_of_violence": event.type_of_violence,
        "date": None
        if event.date is None
        else {
            "start": event.date.start.isoformat(),
            "end": event.date.end.isoformat(),
            "precision": event.date.precision,
            "time_precision": event.date.time_precision,
            "text": event.date.text,
            "reason": event.date.reason,
        },
        "location": place_to_dict(event.location),
        "unresolved_places": [
            {
                "text": u.text,
                "reason": u.reason,
                "nearest": u.nearest,
                "start": u.span.start,
                "end": u.span.end,
            }
            for u in event.unresolved_places
        ],
        "actor1": actor_to_dict(event.actor1),
        "actor2": actor_to_dict(event.actor2),
        "assoc_actors": [actor_to_dict(a) for a in event.assoc_actors],
        "casualties": casualties(event),
        "figures": [
            {
                "kind": f.kind,
                "low": f.low,
                "best": f.best,
                "high": f.high,
                "who": f.who,
                "side": f.side,
                "flags": list(f.flags),
                "claimant": f.claimant,
                "start": f.span.start,
                "end": f.span.end,
                "text": f.span.text,
            }
            for f in event.figures
        ],
        "sides": [
            {"who": s.who, "kind": s.kind, "low": s.low, "best": s.best, "high": s.high} for s in event.sides
        ],
        "evidence": [
            {"field": e.field, "start": e.span.start, "end": e.span.end, "text": e.span.text}
            for e in event.evidence
        ],
        "confidence": round(event.confidence, 3),
        "extractor_version": event.extractor_version,
        "notes": event.notes,
    }


def result_to_dict(doc: Document, events: list[Event] | tuple[Event, ...]) -> dict[str, Any]:
    return {
        "schema": SCHEMA_ID,
        "document": document_to_dict(doc),
        "events": [event_to_dict(e) for e in events],
    }


@cache
def json_schema() -> dict[str, Any]:
    text = resources.files("marsad.export").joinpath("schema/marsad.event-1.schema.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def validate(result: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``result`` does not follow the shipped schema."""
    import jsonschema

    jsonschema.validate(result, json_schema())
