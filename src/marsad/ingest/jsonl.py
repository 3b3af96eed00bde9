"""JSONL: one report a line, {"id", "text", "published", "url", "title", "country"}; order and ids kept."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from marsad.ingest.common import Hints, choose_published, failure, sha256_hex, short_language
from marsad.records import Document, Failure

logger = logging.getLogger(__name__)


def read_jsonl(text: str, source: str, hints: Hints) -> Iterator[Document | Failure]:
    """One Document per line; a bad line becomes a Failure named "file.jsonl:LINE" and the rest go on."""
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if line:
            yield read_line(line, f"{source}:{number}", hints)


def read_line(line: str, where: str, hints: Hints) -> Document | Failure:
    record = parse_line(line, where)
    if isinstance(record, Failure):
        return record
    return record_document(record, line.encode("utf-8"), where, hints)


def parse_line(line: str, where: str) -> Mapping[str, Any] | Failure:
    """The JSON object of one line, or a Failure that says what is wrong with it."""
    try:
        record = json.loads(line)
    except ValueError as exc:  # JSONDecodeError, or a number too long to convert
        msg = getattr(exc, "msg", str(exc))
        return failure(where, "not-json", f"this line is not JSON ({msg}): fix or remove it")
    except RecursionError:  # [[[[... thousands deep
        return failure(where, "not-json", "this line is nested too deeply to be a report: fix or remove it")
    if not isinstance(record, Mapping):
        return failure(
            where, "not-json", 'this line is JSON but not an object: write {"id": ..., "text": ...}'
        )
    return record


def record_document(record: Mapping[str, Any], raw: bytes, where: str, hints: Hints) -> Document | Failure:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return failure(where, "no-text", 'this line has no "text": add the report text or remove the line')
    own = _published(record.get("published"), where)
    published, published_source = choose_published(own, "jsonl", text, hints)
    return Document.from_text(
        text,
        url=_string(record.get("url")),  # never the address of the JSONL file itself
        title=_string(record.get("title")),
        site=_string(record.get("site")),
        published=published,
        published_source=published_source,
        language=short_language(_string(record.get("language"))),
        country=_string(record.get("country")) or hints.country,
        source=where,
        external_id=_string(record.get("id")),
        raw_sha256=sha256_hex(raw),
        raw_format="jsonl",
        raw=raw,
    )


def _published(value: Any, where: str) -> date | None:
    """An ISO date or date-time ("2021-01-24", "2021-01-24T09:00:00Z"); anything else is ignored (warned)."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        logger.warning("%s: published %r is not an ISO date (YYYY-MM-DD); ignored", where, value)
        return None


def _string(value: Any) -> str | None:
    """Ids may be numbers in JSON; other fields are text. Empty means absent."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None
