"""Small pieces every ingest reader shares: hints, failures, hashing and the choice of publication date."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from marsad.ingest.dateline import dateline_date
from marsad.records import Failure

STAGE = "ingest"


@dataclass(frozen=True, slots=True)
class Hints:
    """What the caller knows about an input. Used only where the input itself says nothing."""

    published: date | None = None
    country: str | None = None
    url: str | None = None  # the address the bytes were fetched from (read_url), else None
    content_type: str | None = None  # the HTTP Content-Type, when fetched


def failure(source: str, code: str, message: str) -> Failure:
    return Failure(source=source, stage=STAGE, code=code, message=message)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def choose_published(
    own: date | None, own_source: str, text: str, hints: Hints
) -> tuple[date | None, str | None]:
    """Publication date and where it came from: the input's own metadata, else a dateline, else the hint."""
    if own is not None:
        return own, own_source
    found = dateline_date(text, reference=hints.published)
    if found is not None:
        return found, "dateline"
    if hints.published is not None:
        return hints.published, "hint"
    return None, None


def short_language(tag: str | None) -> str | None:
    """ "en-US", "en_GB", "AR" -> "en", "en", "ar": one spelling, so that languages compare and count."""
    if not tag:
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None
