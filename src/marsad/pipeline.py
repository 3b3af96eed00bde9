"""Chains the stages. No logic of its own: each step is a stage function from ``marsad.extract``."""

from __future__ import annotations

from datetime import date
from typing import Any

from marsad.records import Document, Event


def extract(doc: Document) -> list[Event]:
    """Events read from one document (placeholder chain until the extraction stages land)."""
    return []


def document_from_record(record: dict[str, Any]) -> Document:
    """A Document from a JSONL-shaped record {"id","text","published","url","title","country"}."""
    published = record.get("published")
    pub = date.fromisoformat(str(published)[:10]) if published else None
    return Document.from_text(
        str(record.get("text") or ""),
        url=record.get("url"),
        title=record.get("title"),
        published=pub,
        published_source="jsonl" if pub else None,
        country=record.get("country"),
        external_id=None if record.get("id") is None else str(record.get("id")),
        raw_format="jsonl",
    )


def extract_record(record: dict[str, Any]) -> dict[str, Any]:
    """The stable JSON (marsad.event/1) for one JSONL-shaped record: the code path of ``marsad extract --jsonl``."""
    from marsad.export.jsonout import result_to_dict

    doc = document_from_record(record)
    return result_to_dict(doc, extract(doc))
