"""Ingest: web pages, feeds, text and JSONL in; Documents (or Failures saying what to do) out.

Every reader yields ``Document | Failure`` and never raises for bad input: one bad file costs one Failure, not
the run.
``published`` and ``country`` are hints, used only where the input itself states none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from marsad.ingest.common import Hints
from marsad.ingest.dateline import dateline_date
from marsad.ingest.formats import read_data
from marsad.ingest.paths import read_all
from marsad.ingest.url import read_url_with
from marsad.records import Document, Failure
from marsad.settings import Settings

__all__ = ["dateline_date", "read_bytes", "read_paths", "read_sources", "read_url"]

DEFAULT_TIMEOUT = 20.0  # seconds; a slow site must not stall a batch


def read_paths(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    country: str | None = None,
    settings: Settings | None = None,
) -> Iterator[Document | Failure]:
    """Documents from files and folders (folders recursively, sorted, hidden entries skipped)."""
    settings = settings or Settings()
    yield from read_all(paths, Hints(published=published, country=country), settings.max_input_bytes)


def read_bytes(
    data: bytes,
    source: str,
    *,
    published: date | None = None,
    country: str | None = None,
    settings: Settings | None = None,
) -> Iterator[Document | Failure]:
    """Documents from bytes. ``source`` names them; its suffix, if any, else the content, says the format."""
    settings = settings or Settings()
    yield from read_data(data, source, Hints(published=published, country=country), settings.max_input_bytes)


def read_url(
    url: str,
    *,
    published: date | None = None,
    country: str | None = None,
    settings: Settings | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[Document | Failure]:
    """Documents from a page or feed at an http(s) URL; network and HTTP errors become Failures."""
    settings = settings or Settings()
    yield from read_url_with(
        url, Hints(published=published, country=country), settings.max_input_bytes, timeout
    )


def read_sources(
    sources: Iterable[str | Path],
    *,
    published: date | None = None,
    country: str | None = None,
    settings: Settings | None = None,
) -> Iterator[Document | Failure]:
    """Documents from a mix of files, folders and http(s) URLs of pages or feeds, in the order given."""
    for source in sources:
        text = str(source)
        if text.startswith(("http://", "https://")):
            yield from read_url(text, published=published, country=country, settings=settings)
        else:
            yield from read_paths([source], published=published, country=country, settings=settings)
