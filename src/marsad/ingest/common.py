"""Small pieces every ingest reader shares: hints, failures, hashing and the choice of publication date."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.ingest.dateline import EARLIEST, dateline_date
from marsad.records import Failure

STAGE = "ingest"
logger = logging.getLogger(__name__)


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
    own: date | None, own_source: str, text: str, hints: Hints, *, today: date | None = None
) -> tuple[date | None, str | None]:
    """Publication date and where it came from: the input's own metadata, else a dateline, else the hint. A date
    before 1900 or after tomorrow is a typo or a broken feed, not when the report came out: it is passed over
    with a warning, since every relative date of the report ("yesterday", "on Sunday") would follow it."""
    if own is not None and _plausible(own, own_source, today):
        return own, own_source
    found = dateline_date(text, reference=hints.published, today=today)
    if found is not None:
        return found, "dateline"
    if hints.published is not None and _plausible(hints.published, "hint", today):
        return hints.published, "hint"
    return None, None


def implausible_published(published: date, today: date | None = None) -> str | None:
    """Why ``published`` cannot be when a report came out ("before 1900", "after <tomorrow>"), or None."""
    latest = (today or date.today()) + timedelta(days=1)  # tomorrow: a time zone ahead of the reader's
    if published < EARLIEST:
        return "before 1900"
    return f"after {latest.isoformat()}" if published > latest else None


def _plausible(published: date, source: str, today: date | None) -> bool:
    why = implausible_published(published, today)
    if why is not None:
        logger.warning("publication date %s (%s) is %s: not used", published.isoformat(), source, why)
    return why is None


def short_language(tag: str | None) -> str | None:
    """ "en-US", "en_GB", "AR" -> "en", "en", "ar": one spelling, so that languages compare and count."""
    if not tag:
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None
